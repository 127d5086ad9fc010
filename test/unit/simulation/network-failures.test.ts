/**
 * The network half of HA in the simulator, with timelines worked by hand from the public
 * timings (docs/simulation.md "Network failures"): vSphere isolation (primary 5 s,
 * secondary 30 s, response 30 s later), partitions, lost VM networks, Hyper-V quorum with
 * VM compute resiliency (240 s) and the Proxmox VE watchdog fence (60 s).
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseVtopo } from '../../../src/core/model/parse';
import { componentFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import { sweep } from '../../../src/core/simulation/sweep';
import type { ComponentRef, SimulationResult } from '../../../src/core/simulation/types';
import { lanDesign, type LanDesignOptions, SINGLE_HOMED, SPLIT_ISL, SPLIT_LINKS } from '../lan/fixtures';
import { outcome, timeline, vmResult } from './helpers';

function run(options: LanDesignOptions, ...targets: ComponentRef[]): SimulationResult {
  const { topology, problems } = parseVtopo(lanDesign(options));
  assert.deepEqual(problems.map((p) => p.message), []);
  return simulateScenario(topology, { name: 'test', steps: targets.map((target) => ({ action: 'fail', target, atSeconds: 0 })) });
}

const ISL = SPLIT_ISL;

describe('network failures (vSphere)', () => {
  it('a failed active uplink fails over to the standby one: teaming logs it, no VM is touched', () => {
    const result = run({}, { kind: 'port', id: 'esx-02/nic1/p0' });
    assert.deepEqual(timeline(result, ['teaming-failover', 'network-lost', 'heartbeats-lost', 'vm-unreachable', 'vm-down']), [[0, 'teaming-failover', 'esx-02 esx-02/vmk0']]);
    assert.equal(result.summary.vmsAffected, 0);
  });

  it('a secondary that loses both management uplinks declares isolation at 30 s and, with power-off, its VMs restart at 60 s and are up at 120 s', () => {
    const result = run({ ha: '      isolationResponse: power-off' }, { kind: 'port', id: 'esx-02/nic1/p0' }, { kind: 'port', id: 'esx-02/nic2/p0' });
    assert.deepEqual(timeline(result, ['heartbeats-lost', 'host-isolated', 'isolation-response', 'vm-down', 'vm-placed', 'vm-ready']), [
      [0, 'heartbeats-lost', 'esx-02'],
      [30, 'host-isolated', 'esx-02'],
      [60, 'isolation-response', 'esx-02'],
      [60, 'vm-down', 'vm-2 esx-02'],
      [60, 'vm-placed', 'vm-2 esx-01'],
      [120, 'vm-ready', 'vm-2 esx-01'],
    ]);
    assert.equal(vmResult(result, 'vm-2').downtimeSeconds, 60);
  });

  it('the primary declares isolation at 5 s; with leave powered on, its VMs keep running and, their network alive, stay reachable', () => {
    const result = run({}, { kind: 'port', id: 'esx-01/nic1/p0' }, { kind: 'port', id: 'esx-01/nic2/p0' });
    assert.deepEqual(timeline(result, ['host-isolated', 'isolation-response', 'vm-down']), [
      [5, 'host-isolated', 'esx-01'],
      [5, 'isolation-response', 'esx-01'],
    ]);
    assert.equal(outcome(result, 'vm-1').kind, 'kept-running');
  });

  it('a lost VM network leaves its VMs running but unreachable: HA does nothing and the downtime runs to the horizon', () => {
    const result = run({}, { kind: 'port', id: 'esx-03/nic1/p1' }, { kind: 'port', id: 'esx-03/nic2/p1' });
    assert.deepEqual(timeline(result, ['network-lost', 'vm-unreachable', 'heartbeats-lost', 'vm-down']), [
      [0, 'network-lost', 'esx-03 esx-03/vswitch0/VM-Prod'],
      [0, 'vm-unreachable', 'vm-3 esx-03'],
    ]);
    const vm3 = outcome(result, 'vm-3');
    assert.equal(vm3.kind, 'unreachable');
    assert.equal(vmResult(result, 'vm-3').downtimeSeconds, 3600);
    assert.equal(result.summary.vmsUnreachable, 1);
  });

  it('when the uplink comes back, the VM is reachable again and its downtime ends', () => {
    const { topology } = parseVtopo(lanDesign({}));
    const port = { kind: 'adapter', id: 'esx-03/nic1' } as const;
    const other = { kind: 'adapter', id: 'esx-03/nic2' } as const;
    const result = simulateScenario(topology, {
      name: 'flap',
      steps: [
        { action: 'fail', target: port, atSeconds: 0 },
        { action: 'fail', target: other, atSeconds: 0 },
        { action: 'recover', target: other, atSeconds: 20 },
      ],
    });
    assert.equal(vmResult(result, 'vm-3').downtimeSeconds, 20);
    assert.equal(outcome(result, 'vm-3').kind, 'kept-running');
  });

  it('an inter-switch link failure partitions the cluster; a host that reaches an isolation address is partitioned, not isolated, and nothing restarts', () => {
    const options = {
      hostLan: SINGLE_HOMED,
      lanLinks: SPLIT_LINKS,
      switches: '',
      ha: '      isolationAddresses: [10.0.20.1]\n      isolationResponse: power-off',
    };
    const text = lanDesign(options).replace('lan-2: { type: ethernet }', 'lan-2: { type: ethernet, addresses: [10.0.20.1] }');
    const { topology } = parseVtopo(text);
    assert.equal(topology.links[16]?.from, 'lan-1');
    const result = simulateScenario(topology, componentFailureScenario(ISL));
    assert.deepEqual(timeline(result, ['network-partition', 'heartbeats-lost', 'host-isolated', 'vm-down']), [[0, 'network-partition', 'esx-01 esx-02 esx-03']]);
    assert.equal(result.summary.vmsAffected, 0);
  });

  it('without a second isolation address, the cut-off host is isolated instead and runs its isolation response', () => {
    const result = run({ hostLan: SINGLE_HOMED, lanLinks: SPLIT_LINKS, ha: '      isolationResponse: power-off' }, ISL);
    assert.deepEqual(timeline(result, ['heartbeats-lost', 'host-isolated', 'isolation-response', 'vm-placed', 'vm-ready']), [
      [0, 'heartbeats-lost', 'esx-03'],
      [30, 'host-isolated', 'esx-03'],
      [60, 'isolation-response', 'esx-03'],
      [60, 'vm-placed', 'vm-3 esx-01'],
      [120, 'vm-ready', 'vm-3 esx-01'],
    ]);
  });

  it('an isolated host never runs a VM that was restarted elsewhere: each VM has one host at the end', () => {
    const result = run({ hostLan: SINGLE_HOMED, lanLinks: SPLIT_LINKS, ha: '      isolationResponse: shutdown' }, ISL);
    const vm3 = outcome(result, 'vm-3');
    assert.equal(vm3.kind === 'restarted' ? vm3.host : undefined, 'esx-01');
    const esx03 = result.hosts.find((h) => h.hostId === 'esx-03');
    assert.equal(esx03?.after.vmCount, 0);
    // Shutdown: powered off after the 300 s timeout (the VM does not say), restarted then: 60 + 300 + 60 s boot.
    assert.equal(vmResult(result, 'vm-3').downtimeSeconds, 360);
  });
});

describe('network failures (quorum platforms)', () => {
  const hyperv = `    virtualSwitches:
      set0:
        type: set
        uplinks: [HOST/nic1/p0, HOST/nic1/p1]
        portGroups:
          VM-Prod: { vlan: 30 }
    vmkernelPorts:
      mgmt: { roles: [management], portGroup: VM-Prod }
`;

  it('Hyper-V: a node cut off from the other two loses quorum; its VMs run unmonitored for 240 s after the 15 s removal, then start on the majority', () => {
    const result = run({ platform: 'hyperv', hostLan: hyperv, lanLinks: SPLIT_LINKS }, ISL);
    assert.deepEqual(timeline(result, ['quorum-lost', 'resiliency-expired', 'vm-down', 'vm-placed', 'vm-ready']), [
      [0, 'quorum-lost', 'esx-03'],
      [255, 'resiliency-expired', 'esx-03'],
      [255, 'vm-down', 'vm-3 esx-03'],
      [255, 'vm-placed', 'vm-3 esx-01'],
      [315, 'vm-ready', 'vm-3 esx-01'],
    ]);
  });

  it('Hyper-V: with no partition holding quorum (two nodes, no witness, the first node keeps the tie), the other stops', () => {
    const result = run({ platform: 'hyperv', hostLan: hyperv, hosts: ['esx-01', 'esx-03'], lanLinks: SPLIT_LINKS.filter((l) => !l.includes('esx-02')) }, { kind: 'link', id: 'link:12' });
    assert.deepEqual(timeline(result, ['quorum-lost', 'resiliency-expired']), [
      [0, 'quorum-lost', 'esx-03'],
      [255, 'resiliency-expired', 'esx-03'],
    ]);
  });

  it('Proxmox VE: the node without quorum is fenced by its watchdog at 60 s; its VMs are recovered on the quorate side', () => {
    const result = run({ platform: 'proxmox', hostLan: hyperv.replace('type: set', 'type: bridge'), lanLinks: SPLIT_LINKS }, ISL);
    assert.deepEqual(timeline(result, ['quorum-lost', 'host-fenced', 'vm-down', 'vm-placed', 'vm-ready']), [
      [0, 'quorum-lost', 'esx-03'],
      [60, 'host-fenced', 'esx-03'],
      [60, 'vm-down', 'vm-3 esx-03'],
      [60, 'vm-placed', 'vm-3 esx-01'],
      [120, 'vm-ready', 'vm-3 esx-01'],
    ]);
  });

  it('Proxmox VE: a 2-node cluster split in half has no quorum anywhere: both nodes are fenced and nothing restarts', () => {
    const result = run({ platform: 'proxmox', hostLan: hyperv.replace('type: set', 'type: bridge'), hosts: ['esx-01', 'esx-03'], lanLinks: SPLIT_LINKS.filter((l) => !l.includes('esx-02')) }, { kind: 'link', id: 'link:12' });
    assert.equal(timeline(result, ['host-fenced']).length, 2);
    assert.equal(outcome(result, 'vm-1').kind, 'down');
    const vm1 = outcome(result, 'vm-1');
    assert.equal(vm1.kind === 'down' ? vm1.reason : undefined, 'no-quorum');
  });
});

describe('the two-room Hyper-V example', () => {
  it('loses the inter-room link: room B has no quorum; its VMs are turned off at 250 s and up in room A at 310 s, as its header says', () => {
    const { topology } = parseVtopo(readFileSync('examples/hyperv-two-rooms.vtopo', 'utf8'));
    assert.equal(`${topology.links[22]?.from} ${topology.links[22]?.to}`, 'core-a1 core-b1');
    const result = simulateScenario(topology, componentFailureScenario({ kind: 'link', id: 'link:22' }));
    for (const vm of ['app-01', 'app-02', 'web-01']) {
      const restarted = outcome(result, vm);
      assert.equal(restarted.kind, 'restarted', vm);
      if (restarted.kind !== 'restarted') continue;
      assert.ok(restarted.host.startsWith('hv-a'), `${vm} restarts in room A, not on ${restarted.host}`);
      assert.deepEqual([restarted.downAtSeconds, restarted.readyAtSeconds], [250, 310], vm);
    }
    assert.equal(outcome(result, 'dc-01').kind, 'unaffected');
    const rows = sweep(topology, { mode: 'n-1' });
    const row = (id: string) => rows.find((r) => r.failed[0]?.id === id);
    assert.deepEqual([row('link:22')?.vmsDown, row('link:22')?.vmsRestarted], [0, 3]);
    // core-a1 carries the witness and the only inter-room link: 2 + 2 of 5 votes, no quorum anywhere.
    assert.deepEqual([row('core-a1')?.vmsDown, row('core-a1')?.vmsRestarted], [5, 0]);
  });
});
