import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lanDesign } from '../../lan/fixtures';
import { findingsOf } from '../rule-test';

const LAN_RULES = ['migration-network', 'ft-logging-network', 'vm-network-single-switch', 'vm-network-missing', 'guest-cluster-heartbeat-on-client-network'] as const;

/** A design that says nothing about its LAN, with FT VMs and a failover guest cluster that the LAN rules would otherwise judge. */
function silentDesign(hostLan: string): string {
  return lanDesign({
    hostLan,
    vm: '    protection: ft\n    secondaryHost: esx-03\n    guestCluster: sql',
    extra: 'guestClusters:\n  sql: { type: failover, heartbeatVlan: 40 }',
  }).replaceAll('    networks: [VM-Prod]\n', '');
}

describe('LAN rules on designs that say nothing about the LAN', () => {
  it('report nothing for hosts whose Ethernet ports have no roles and that have no VMkernel port or virtual switch', () => {
    const findings = findingsOf(silentDesign(''), LAN_RULES);
    assert.deepEqual(findings.map((f) => f.message), []);
  });

  it('report nothing for hosts with only FC HBAs', () => {
    const fcOnly = silentDesign('')
      .split('\n')
      .filter((line) => !/nic[12]/.test(line))
      .join('\n');
    assert.doesNotMatch(fcOnly, /type: ethernet, ports/);
    const findings = findingsOf(fcOnly, LAN_RULES);
    assert.deepEqual(findings.map((f) => f.message), []);
  });
});
