import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { componentsReached, heartbeatNetworks, lanComponents, lanNetworkOf, uplinkState, vmNetworksOnHost, type HostNetwork } from '../../../src/core/analysis/lan-network';
import { parseVtopo } from '../../../src/core/model/parse';
import { DEFAULT_LAN_LINKS, lanDesign } from './fixtures';

function lanOf(text: string) {
  const { topology, problems } = parseVtopo(text);
  assert.deepEqual(problems.filter((p) => p.ruleId !== 'unknown-key').map((p) => p.message), []);
  return { topology, lan: lanNetworkOf(topology) };
}

const ids = (networks: readonly HostNetwork[]) => networks.map((n) => n.id);

test('given the seed-000-fq1616r example, management runs over both ports of the one card nic1', () => {
  const { topology, lan } = lanOf(readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8'));
  const [management] = heartbeatNetworks(topology, lan, 'esx-01');
  assert.equal(management?.id, 'esx-01/role:management');
  assert.deepEqual(management?.uplinks.map((u) => [u.portId, u.mode]), [['esx-01/nic1/p0', 'active'], ['esx-01/nic1/p1', 'active']]);
  assert.deepEqual(new Set(management?.uplinks.map((u) => u.adapterId)), new Set(['esx-01/nic1']));
  assert.equal(uplinkState(lan, management as HostNetwork, new Set(['esx-01/nic1'])).carrying.length, 0);
});

test('given a VMkernel port on a port group, it takes the port group teaming: active first, then standby', () => {
  const { topology, lan } = lanOf(lanDesign());
  const [vmk0] = heartbeatNetworks(topology, lan, 'esx-01');
  assert.equal(vmk0?.id, 'esx-01/vmk0');
  assert.equal(vmk0?.virtualSwitchId, 'esx-01/vswitch0');
  assert.deepEqual(vmk0?.uplinks.map((u) => [u.portId, u.mode]), [['esx-01/nic1/p0', 'active'], ['esx-01/nic2/p0', 'standby']]);
  const failedActive = uplinkState(lan, vmk0 as HostNetwork, new Set(['esx-01/nic1']));
  assert.deepEqual(failedActive.carrying.map((u) => u.portId), ['esx-01/nic2/p0']);
  assert.deepEqual(failedActive.switches, ['lan-2']);
  assert.deepEqual(uplinkState(lan, vmk0 as HostNetwork, new Set(['esx-01/vswitch0'])).carrying, []);
});

test('given VM networks by name, the port group is found on whichever host runs the VM; unknown names are missing', () => {
  const { lan } = lanOf(lanDesign());
  assert.deepEqual(ids(vmNetworksOnHost(lan, 'esx-02', ['VM-Prod']).found), ['esx-02/vswitch0/VM-Prod']);
  assert.deepEqual(vmNetworksOnHost(lan, 'esx-02', ['VM-Test']).missing, ['VM-Test']);
});

test('given two LAN switches without an inter-switch link, hosts on different switches reach different components', () => {
  const { topology, lan } = lanOf(lanDesign({ lanLinks: DEFAULT_LAN_LINKS.filter((l) => l.includes('HOST')) }));
  const failed = new Set(['esx-01/nic2', 'esx-02/nic1']);
  const component = lanComponents(lan, failed);
  const one = componentsReached(lan, heartbeatNetworks(topology, lan, 'esx-01'), failed, component);
  const two = componentsReached(lan, heartbeatNetworks(topology, lan, 'esx-02'), failed, component);
  assert.equal(one?.size, 1);
  assert.equal(two?.size, 1);
  assert.notDeepEqual([...(one ?? [])], [...(two ?? [])]);
});

test('given a stack, failing the stack takes down every member switch', () => {
  const { topology, lan } = lanOf(lanDesign({ switches: '  core: { type: ethernet }' }).replace('lan-1: { type: ethernet, addresses: [10.0.10.1] }', 'lan-1: { type: ethernet, stack: tor }').replace('lan-2: { type: ethernet }', 'lan-2: { type: ethernet, stack: tor }'));
  assert.deepEqual(lan.stacks.get('tor'), ['lan-1', 'lan-2']);
  const failed = new Set(['stack:tor']);
  assert.equal(componentsReached(lan, heartbeatNetworks(topology, lan, 'esx-01'), failed, lanComponents(lan, failed))?.size, 0);
});
