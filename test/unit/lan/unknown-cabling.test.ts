/**
 * `inventory: { cabling: unknown }` on the LAN (lan-network.ts): on a host with no LAN cable
 * drawn, an uplink without a cable is unknown, not down. It is up while its port and card
 * are, reaches a switch the design does not name, and is judged by port and card only.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { componentsReached, heartbeatNetworks, lanComponents, lanNetworkOf, uplinkState, type HostNetwork } from '../../../src/core/analysis/lan-network';
import { parseVtopo } from '../../../src/core/model/parse';
import { findingsOf } from '../rules/rule-test';
import { DEFAULT_HOST_LAN, lanDesign, type LanDesignOptions } from './fixtures';

/** The three-host LAN design without LAN cables (the FC SAN stays cabled), imported: its cabling is unknown. */
function imported(options: LanDesignOptions = {}): string {
  return lanDesign({ lanLinks: [], ...options }).replace('platform: vsphere\n', 'platform: vsphere\ninventory: { tool: RVTools 4.6.1.0, cabling: unknown }\n');
}

function lanOf(text: string) {
  const { topology, problems } = parseVtopo(text);
  assert.deepEqual(problems.map((p) => p.message), []);
  return { topology, lan: lanNetworkOf(topology) };
}

const ONE_UPLINK = DEFAULT_HOST_LAN.replace('Management: { vlan: 10, active: [HOST/nic1/p0], standby: [HOST/nic2/p0] }', 'Management: { vlan: 10, active: [HOST/nic1/p0] }');
const ONE_CARD = DEFAULT_HOST_LAN.replace('Management: { vlan: 10, active: [HOST/nic1/p0], standby: [HOST/nic2/p0] }', 'Management: { vlan: 10, active: [HOST/nic1/p0], standby: [HOST/nic1/p1] }');
const NO_UPLINK = DEFAULT_HOST_LAN.replace('Management: { vlan: 10, active: [HOST/nic1/p0], standby: [HOST/nic2/p0] }', 'Management: { vlan: 10, unused: [HOST/nic1/p0, HOST/nic2/p0, HOST/nic1/p1, HOST/nic2/p1] }');

describe('LAN model: uplinks of unknown cabling', () => {
  it('are up, active first, reaching a switch the design does not name', () => {
    const { topology, lan } = lanOf(imported());
    assert.deepEqual([...lan.uncabledHosts], ['esx-01', 'esx-02', 'esx-03']);
    const [vmk0] = heartbeatNetworks(topology, lan, 'esx-01');
    assert.ok(vmk0?.uplinks.every((u) => u.cablingUnknown));
    const state = uplinkState(lan, vmk0 as HostNetwork, new Set());
    assert.deepEqual(state.carrying.map((u) => u.portId), ['esx-01/nic1/p0']);
    assert.deepEqual(state.switches, []);
    assert.equal(state.unknownSwitch, true);
    assert.equal(componentsReached(lan, [vmk0 as HostNetwork], new Set(), lanComponents(lan, new Set())), undefined, 'where its heartbeats go is not known');
  });

  it('fail over and go down with their port, card and virtual switch', () => {
    const { topology, lan } = lanOf(imported());
    const vmk0 = heartbeatNetworks(topology, lan, 'esx-01')[0] as HostNetwork;
    assert.deepEqual(uplinkState(lan, vmk0, new Set(['esx-01/nic1'])).carrying.map((u) => [u.portId, u.mode]), [['esx-01/nic2/p0', 'standby']]);
    const down = new Set(['esx-01/nic1/p0', 'esx-01/nic2']);
    assert.deepEqual(uplinkState(lan, vmk0, down), { up: [], carrying: [], switches: [], unknownSwitch: false });
    assert.equal(componentsReached(lan, [vmk0], down, lanComponents(lan, down))?.size, 0, 'every heartbeat uplink down: the host reaches nothing');
    assert.deepEqual(uplinkState(lan, vmk0, new Set(['esx-01/vswitch0'])).carrying, []);
  });

  it('are down when the cabling is known, as before: a port without a cable reaches nothing', () => {
    const { topology, lan } = lanOf(lanDesign({ lanLinks: [] }));
    assert.equal(lan.uncabledHosts.size, 0);
    const vmk0 = heartbeatNetworks(topology, lan, 'esx-01')[0] as HostNetwork;
    assert.ok(vmk0.uplinks.every((u) => !u.cablingUnknown));
    assert.deepEqual(uplinkState(lan, vmk0, new Set()).carrying, []);
  });

  it('apply per host: a host with a LAN cable drawn is judged as drawn', () => {
    const { topology, lan } = lanOf(imported({ lanLinks: ['[esx-01/nic1/p0, lan-1]'] }));
    assert.deepEqual([...lan.uncabledHosts], ['esx-02', 'esx-03']);
    const vmk0 = heartbeatNetworks(topology, lan, 'esx-01')[0] as HostNetwork;
    assert.deepEqual(uplinkState(lan, vmk0, new Set(['esx-01/nic1/p0'])).carrying, [], 'its uncabled standby uplink is down');
  });
});

describe('LAN rules on hosts whose cabling is unknown', () => {
  it('report no single point of failure that only a missing cable would make (the cabled design has none either)', () => {
    const text = imported();
    for (const rule of ['management-network-spof', 'management-single-stack', 'vm-network-single-switch', 'migration-network'] as const) {
      assert.deepEqual(findingsOf(text, rule).map((f) => f.message), [], rule);
    }
  });

  it('report a management network on one port, or on one card: what the export proves', () => {
    const [port, ...others] = findingsOf(imported({ hostLan: ONE_UPLINK }), 'management-network-spof');
    assert.equal(others.length, 2);
    assert.match(port?.message ?? '', /^Host "esx-01": every uplink of its management network "esx-01\/vmk0" is the one port "esx-01\/nic1\/p0": when it fails/);
    assert.deepEqual(port?.elementIds, ['esx-01', 'esx-01/vmk0', 'esx-01/nic1/p0'], 'no switch: the export does not name it');
    const [card] = findingsOf(imported({ hostLan: ONE_CARD }), 'management-network-spof');
    assert.match(card?.message ?? '', /every uplink of its management network "esx-01\/vmk0" is on the one adapter "esx-01\/nic1" \(a multi-port card fails as one\)/);
  });

  it('report a management network with no physical uplink at all', () => {
    const [finding] = findingsOf(imported({ hostLan: NO_UPLINK }), 'management-network-spof');
    assert.match(finding?.message ?? '', /^Host "esx-01": its management network "esx-01\/vmk0" has no physical uplink/);
  });

  it('stay silent on the same uncabled hosts when the cabling is known (nothing drawn, nothing judged)', () => {
    assert.deepEqual(findingsOf(lanDesign({ lanLinks: [], hostLan: ONE_UPLINK }), 'management-network-spof'), []);
  });
});
