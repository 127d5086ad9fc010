/**
 * The simulator on a LAN whose cabling is not known (an imported design: virtual switches
 * and uplinks, no cables): uplinks are up until their port, card or virtual switch fails,
 * so networks are not lost for want of a cable, and failing what the export does show
 * (both management uplinks of a host) still isolates the host.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseVtopo } from '../../../src/core/model/parse';
import { componentFailureScenario, hostFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import type { ComponentRef, Scenario, SimulationResult } from '../../../src/core/simulation/types';
import { lanDesign } from '../lan/fixtures';
import { outcome, timeline } from './helpers';

function run(scenario: Scenario, cabling: 'known' | 'unknown' = 'unknown', ha = '      isolationResponse: power-off'): SimulationResult {
  const text = lanDesign({ lanLinks: [], ha }).replace('platform: vsphere\n', `platform: vsphere\ninventory: { cabling: ${cabling} }\n`);
  const { topology, problems } = parseVtopo(text);
  assert.deepEqual(problems.map((p) => p.message), []);
  return simulateScenario(topology, scenario);
}

const fail = (...targets: ComponentRef[]): Scenario => ({ name: 'test', steps: targets.map((target) => ({ action: 'fail', target, atSeconds: 0 })) });
const NETWORK_EVENTS = ['network-lost', 'vm-unreachable', 'heartbeats-lost', 'host-isolated', 'network-partition'] as const;

describe('simulation of a LAN whose cabling is unknown', () => {
  it('a host failure restarts its VMs, reachable on the survivors: no network lost for want of a cable', () => {
    const result = run(hostFailureScenario('esx-01'));
    assert.equal(outcome(result, 'vm-1').kind, 'restarted');
    assert.deepEqual(timeline(result, [...NETWORK_EVENTS]), []);
    assert.equal(result.summary.vmsAffected, 1);
  });

  it('with the cabling known, the same uncabled design loses the restarted VM\'s network (no uplink is up)', () => {
    const result = run(hostFailureScenario('esx-01'), 'known');
    assert.ok(result.events.some((e) => e.kind === 'vm-unreachable' && e.elementIds.includes('vm-1')));
  });

  it('a failed card fails the management and VM networks over to the other card: nothing else happens', () => {
    const result = run(componentFailureScenario({ kind: 'adapter', id: 'esx-02/nic1' }));
    assert.deepEqual(timeline(result, ['teaming-failover', ...NETWORK_EVENTS]), [
      [0, 'teaming-failover', 'esx-02 esx-02/vmk0'],
      [0, 'teaming-failover', 'esx-02 esx-02/vswitch0/VM-Prod'],
    ]);
    assert.equal(result.summary.vmsAffected, 0);
  });

  it('a host that loses both management uplinks is isolated, and with power-off its VMs restart elsewhere', () => {
    const result = run(fail({ kind: 'port', id: 'esx-02/nic1/p0' }, { kind: 'port', id: 'esx-02/nic2/p0' }));
    assert.deepEqual(timeline(result, ['heartbeats-lost', 'host-isolated', 'isolation-response']), [
      [0, 'heartbeats-lost', 'esx-02'],
      [30, 'host-isolated', 'esx-02'],
      [60, 'isolation-response', 'esx-02'],
    ]);
    assert.equal(outcome(result, 'vm-2').kind, 'restarted');
  });

  it('a VM network whose uplinks all fail leaves its VMs running but unreachable', () => {
    const result = run(fail({ kind: 'port', id: 'esx-03/nic1/p1' }, { kind: 'port', id: 'esx-03/nic2/p1' }));
    assert.deepEqual(timeline(result, ['network-lost', 'vm-unreachable', 'host-isolated']), [
      [0, 'network-lost', 'esx-03 esx-03/vswitch0/VM-Prod'],
      [0, 'vm-unreachable', 'vm-3 esx-03'],
    ]);
  });
});
