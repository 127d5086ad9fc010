import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_HOST_LAN, lanDesign } from '../../lan/fixtures';
import { findingsOf, textAt } from '../rule-test';

const RULE = 'guest-cluster-heartbeat-on-client-network';
const HEARTBEAT_GROUP = DEFAULT_HOST_LAN.replace('    vmkernelPorts:\n', '          Heartbeat: { vlan: 50, active: [HOST/nic2/p1], standby: [HOST/nic1/p1] }\n    vmkernelPorts:\n');

/** The default design with a Heartbeat port group, the three VMs nodes of failover guest cluster "sql" on both networks, and `fields` under the guest cluster. */
function guestDesign(fields: string, options: { networks?: string; type?: string } = {}): string {
  return lanDesign({ hostLan: HEARTBEAT_GROUP, vm: '    guestCluster: sql', extra: `guestClusters:\n  sql:\n    type: ${options.type ?? 'failover'}\n${fields}` }).replaceAll(
    'networks: [VM-Prod]',
    `networks: ${options.networks ?? '[VM-Prod, Heartbeat]'}`,
  );
}

describe('guest-cluster-heartbeat-on-client-network', () => {
  it('accepts a heartbeat port group on its own VLAN, with every node on both networks', () => {
    assert.deepEqual(findingsOf(guestDesign('    heartbeatNetwork: Heartbeat\n    clientNetwork: VM-Prod\n    heartbeatVlan: 50'), RULE), []);
  });

  it('reports a heartbeat network that is the client network', () => {
    const text = guestDesign('    heartbeatNetwork: VM-Prod\n    clientNetwork: VM-Prod');
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.equal(finding?.message, 'Guest cluster "sql" sends its private heartbeat over its client network "VM-Prod": client traffic can delay heartbeats until nodes evict each other. Give the heartbeat a port group of its own.');
    assert.equal(textAt(text, finding), 'VM-Prod');
    assert.equal(finding?.severity, 'warning');
  });

  it('reports a heartbeat VLAN equal to the VLAN of the client port group', () => {
    const text = guestDesign('    clientNetwork: VM-Prod\n    heartbeatVlan: 30');
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.equal(finding?.message, 'Guest cluster "sql" has its heartbeat on VLAN 30, the VLAN of its client network "VM-Prod": heartbeat and client traffic share one network. Put the heartbeat on a VLAN of its own.');
    assert.equal(textAt(text, finding), '30');
  });

  it('reports a heartbeat port group on the client port group\'s VLAN', () => {
    const text = guestDesign('    heartbeatNetwork: Heartbeat\n    clientNetwork: VM-Prod').replaceAll('Heartbeat: { vlan: 50,', 'Heartbeat: { vlan: 30,');
    const [finding] = findingsOf(text, RULE);
    assert.match(finding?.message ?? '', /has its heartbeat on VLAN 30, the VLAN of its client network "VM-Prod"/);
    assert.equal(textAt(text, finding), 'Heartbeat');
  });

  it('reports each node that lists a single network', () => {
    const text = guestDesign('    heartbeatVlan: 50', { networks: '[VM-Prod]' });
    const findings = findingsOf(text, RULE);
    assert.deepEqual(findings.map((f) => f.message), ['vm-1', 'vm-2', 'vm-3'].map((vm) => `Node "${vm}" of failover guest cluster "sql" is on a single network, "VM-Prod": its heartbeat shares the client network. Add a vNIC on a private heartbeat network.`));
    assert.equal(textAt(text, findings[0]), '[VM-Prod]');
  });

  it('says nothing about NLB guest clusters, nor about nodes that name no networks', () => {
    assert.deepEqual(findingsOf(guestDesign('    heartbeatNetwork: VM-Prod\n    clientNetwork: VM-Prod', { type: 'nlb' }), RULE), []);
    assert.deepEqual(findingsOf(lanDesign({ hostLan: '', vm: '    guestCluster: sql', extra: 'guestClusters:\n  sql: { type: failover, heartbeatVlan: 30, clientNetwork: VM-Prod }' }).replaceAll('    networks: [VM-Prod]\n', ''), RULE), []);
  });
});
