import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import type { Scenario } from '../../../src/core/simulation/types';
import { design } from './fixtures';
import { outcome, timeline, vmResult } from './helpers';

// Every fixture host offers 64 GB (65,536 MB) and 16,000 MHz; detection 15 s and boot 60 s
// are the format's defaults (vSphere failureTimeoutSeconds, orchestration.vmBootSeconds).

describe('HA restart after a host failure: detection and boot', () => {
  it('restarts a medium VM 15 s after the failure; it is back 60 s later: 75 s down', () => {
    const topology = design({ hosts: ['h1', 'h2'], vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }' });
    const result = simulateScenario(topology, hostFailureScenario('h1'));
    assert.deepEqual(outcome(result, 'app'), { kind: 'restarted', host: 'h2', downAtSeconds: 0, poweredOnAtSeconds: 15, readyAtSeconds: 75, downtimeSeconds: 75, priority: 'medium' });
    assert.equal(vmResult(result, 'app').downtimeSeconds, 75);
    assert.deepEqual(timeline(result, ['component-failed', 'vm-down', 'host-declared-failed', 'vm-placed', 'vm-ready']), [
      [0, 'component-failed', 'h1'],
      [0, 'vm-down', 'app h1'],
      [15, 'host-declared-failed', 'h1'],
      [15, 'vm-placed', 'app h2'],
      [75, 'vm-ready', 'app h2'],
    ]);
  });

  it('chains every event to its cause, back to the failure', () => {
    const topology = design({ hosts: ['h1', 'h2'], vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }' });
    const { events } = simulateScenario(topology, hostFailureScenario('h1'));
    const ready = events.findIndex((e) => e.kind === 'vm-ready');
    const chain: string[] = [];
    for (let index: number | undefined = ready; index !== undefined; index = events[index]?.causeIndex) chain.push(events[index]?.kind ?? '?');
    assert.deepEqual(chain, ['vm-ready', 'vm-powered-on', 'vm-placed', 'tier-started', 'host-declared-failed', 'component-failed']);
  });

  it('uses the detection timeout and the boot time the file states', () => {
    const topology = design({
      hosts: ['h1', 'h2'],
      ha: '      detection: { failureTimeout: 40 s }',
      vms: '  app: { host: h1, memory: 8 GB, datastore: ds1, boot: 20 s }',
    });
    const result = simulateScenario(topology, hostFailureScenario('h1'));
    // 40 s to declare + 20 s to boot.
    assert.equal(vmResult(result, 'app').downtimeSeconds, 60);
  });

  it('keeps the utilization before and after: the survivor carries the restarted VM', () => {
    const topology = design({ hosts: ['h1', 'h2'], vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }' });
    const result = simulateScenario(topology, hostFailureScenario('h1'));
    // No reservation: HA counts 32 MHz (das.vmcpuminmhz); the guest uses its 8,192 MB.
    assert.deepEqual(result.hosts, [
      { hostId: 'h1', capacity: { cpuMHz: 16000, memoryMB: 65536 }, before: { cpuMHz: 32, memoryMB: 8192, vmCount: 1 }, after: { cpuMHz: 0, memoryMB: 0, vmCount: 0 }, failed: true },
      { hostId: 'h2', capacity: { cpuMHz: 16000, memoryMB: 65536 }, before: { cpuMHz: 0, memoryMB: 0, vmCount: 0 }, after: { cpuMHz: 32, memoryMB: 8192, vmCount: 1 }, failed: false },
    ]);
    assert.deepEqual(result.summary, { vmsAffected: 1, vmsRestarted: 1, vmsTakenOver: 0, vmsDown: 0, vmsUnreachable: 0, longestDowntimeSeconds: 75, totalDowntimeSeconds: 75 });
  });
});

describe('HA restart: priority tiers and orchestration', () => {
  const vms = ['  db: { host: h1, memory: 8 GB, datastore: ds1, restartPriority: high }', '  web: { host: h1, memory: 8 GB, datastore: ds1, restartPriority: medium }'].join('\n');

  it('with the default ready condition (resources allocated), the next tier starts as soon as the one above is placed', () => {
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms }), hostFailureScenario('h1'));
    assert.deepEqual(timeline(result, ['tier-started', 'vm-placed']), [
      [15, 'tier-started', 'db'],
      [15, 'vm-placed', 'db h2'],
      [15, 'tier-started', 'web'],
      [15, 'vm-placed', 'web h2'],
    ]);
  });

  it('with guest heartbeat, the medium VM starts when the high one has booted: 15 + 60 = 75, ready at 135', () => {
    const ha = '      orchestration: { readyCondition: guest-heartbeat }';
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms, ha }), hostFailureScenario('h1'));
    assert.deepEqual(timeline(result, ['vm-placed', 'vm-ready']), [
      [15, 'vm-placed', 'db h2'],
      [75, 'vm-ready', 'db h2'],
      [75, 'vm-placed', 'web h2'],
      [135, 'vm-ready', 'web h2'],
    ]);
    assert.equal(vmResult(result, 'web').downtimeSeconds, 135);
  });

  it('adds the post-ready delay before the next tier: 75 + 30 = 105', () => {
    const ha = '      orchestration: { readyCondition: guest-heartbeat, postReadyDelay: 30 s }';
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms, ha }), hostFailureScenario('h1'));
    const web = outcome(result, 'web');
    assert.equal(web.kind === 'restarted' ? web.poweredOnAtSeconds : undefined, 105);
  });

  it('starts the next tier after the tier timeout when the tier above is slow to be ready: 15 + 100 = 115', () => {
    const slow = ['  db: { host: h1, memory: 8 GB, datastore: ds1, restartPriority: high, boot: 500 s }', '  web: { host: h1, memory: 8 GB, datastore: ds1, restartPriority: medium }'].join('\n');
    const ha = '      orchestration: { readyCondition: app-heartbeat, tierTimeout: 100 s }';
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms: slow, ha }), hostFailureScenario('h1'));
    assert.deepEqual(timeline(result, ['tier-timeout', 'vm-placed', 'vm-ready']), [
      [15, 'vm-placed', 'db h2'],
      [115, 'tier-timeout', 'db'],
      [115, 'vm-placed', 'web h2'],
      [175, 'vm-ready', 'web h2'],
      [515, 'vm-ready', 'db h2'],
    ]);
  });

  it('never restarts a VM whose priority is disabled: down to the horizon', () => {
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms: '  test: { host: h1, memory: 8 GB, datastore: ds1, restartPriority: disabled }' }), hostFailureScenario('h1'));
    const test = outcome(result, 'test');
    assert.equal(test.kind === 'down' ? test.reason : undefined, 'restart-disabled');
    assert.equal(vmResult(result, 'test').downtimeSeconds, 3600);
  });

  it('restarts nothing when HA is off', () => {
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], ha: '      enabled: false', vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }' }), hostFailureScenario('h1'));
    const app = outcome(result, 'app');
    assert.equal(app.kind === 'down' ? app.reason : undefined, 'ha-disabled');
  });
});

describe('HA restart: dependencies', () => {
  const vms = ['  app: { host: h1, memory: 8 GB, datastore: ds1, boot: 30 s }', '  db: { host: h1, memory: 8 GB, datastore: ds1 }'].join('\n');
  const rules = '  app-after-db: { type: restart-dependency, vms: [app], dependsOn: [db] }';

  it('waits for the VM it depends on to be ready: db ready at 75, then app boots 30 s: ready at 105', () => {
    const ha = '      orchestration: { readyCondition: guest-heartbeat }';
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms, rules, ha }), hostFailureScenario('h1'));
    assert.deepEqual(timeline(result, ['vm-restart-pending', 'vm-placed', 'vm-ready']), [
      [15, 'vm-restart-pending', 'app'],
      [15, 'vm-placed', 'db h2'],
      [75, 'vm-ready', 'db h2'],
      [75, 'vm-placed', 'app h2'],
      [105, 'vm-ready', 'app h2'],
    ]);
  });

  it('stays down when what it depends on is never restarted', () => {
    const disabledDb = ['  app: { host: h1, memory: 8 GB, datastore: ds1 }', '  db: { host: h1, memory: 8 GB, datastore: ds1, restartPriority: disabled }'].join('\n');
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms: disabledDb, rules }), hostFailureScenario('h1'));
    const app = outcome(result, 'app');
    assert.equal(app.kind === 'down' ? app.reason : undefined, 'rule-conflict');
  });
});

describe('HA restart: where a VM goes', () => {
  it('picks the host with the most unreserved memory: h3 (56 GB free) over h2 (40 GB free)', () => {
    const vms = [
      '  app: { host: h1, memory: 8 GB, reservation: { memory: 8 GB }, datastore: ds1 }',
      '  big: { host: h2, memory: 24 GB, reservation: { memory: 24 GB }, datastore: ds1 }',
      '  small: { host: h3, memory: 8 GB, reservation: { memory: 8 GB }, datastore: ds1 }',
    ].join('\n');
    const result = simulateScenario(design({ hosts: ['h1', 'h2', 'h3'], vms }), hostFailureScenario('h1'));
    const app = outcome(result, 'app');
    assert.equal(app.kind === 'restarted' ? app.host : undefined, 'h3');
  });

  it('breaks a memory tie on unreserved CPU: h3 (14 GHz free) over h2 (12 GHz free)', () => {
    const vms = [
      '  app: { host: h1, memory: 8 GB, datastore: ds1 }',
      '  busy: { host: h2, memory: 8 GB, reservation: { cpu: 4000 MHz }, datastore: ds1 }',
      '  calm: { host: h3, memory: 8 GB, reservation: { cpu: 2000 MHz }, datastore: ds1 }',
    ].join('\n');
    const result = simulateScenario(design({ hosts: ['h1', 'h2', 'h3'], vms }), hostFailureScenario('h1'));
    const app = outcome(result, 'app');
    assert.equal(app.kind === 'restarted' ? app.host : undefined, 'h3');
  });

  it('tries the dedicated failover host first, even when another host has more room', () => {
    const vms = ['  app: { host: h1, memory: 8 GB, reservation: { memory: 8 GB }, datastore: ds1 }', '  filler: { host: h3, memory: 24 GB, reservation: { memory: 24 GB }, datastore: ds1 }'].join('\n');
    const ha = '      admissionControl: { policy: failover-hosts, failoverHosts: [h3] }';
    const result = simulateScenario(design({ hosts: ['h1', 'h2', 'h3'], vms, ha }), hostFailureScenario('h1'));
    const app = outcome(result, 'app');
    assert.equal(app.kind === 'restarted' ? app.host : undefined, 'h3');
  });

  it('falls back to other hosts when the failover host is full: 48 GB does not fit in its 40 GB', () => {
    const vms = ['  app: { host: h1, memory: 48 GB, reservation: { memory: 48 GB }, datastore: ds1 }', '  filler: { host: h3, memory: 24 GB, reservation: { memory: 24 GB }, datastore: ds1 }'].join('\n');
    const ha = '      admissionControl: { policy: failover-hosts, failoverHosts: [h3] }';
    const result = simulateScenario(design({ hosts: ['h1', 'h2', 'h3'], vms, ha }), hostFailureScenario('h1'));
    const app = outcome(result, 'app');
    assert.equal(app.kind === 'restarted' ? app.host : undefined, 'h2');
  });

  it('respects anti-affinity when the cluster says so: web-01 avoids h2, where web-02 runs', () => {
    const vms = [
      '  web-01: { host: h1, memory: 8 GB, datastore: ds1 }',
      '  web-02: { host: h2, memory: 8 GB, datastore: ds1 }',
      '  filler: { host: h3, memory: 8 GB, reservation: { memory: 8 GB }, datastore: ds1 }',
    ].join('\n');
    const rules = '  web-apart: { type: anti-affinity, vms: [web-01, web-02] }';
    const respecting = simulateScenario(design({ hosts: ['h1', 'h2', 'h3'], vms, rules }), hostFailureScenario('h1'));
    const web = outcome(respecting, 'web-01');
    assert.equal(web.kind === 'restarted' ? web.host : undefined, 'h3');
    const ignoring = simulateScenario(design({ hosts: ['h1', 'h2', 'h3'], vms, rules, ha: '      respectAntiAffinity: false' }), hostFailureScenario('h1'));
    const moved = outcome(ignoring, 'web-01');
    assert.equal(moved.kind === 'restarted' ? moved.host : undefined, 'h2');
  });

  it('leaves a VM down (rule conflict) when only its anti-affinity peer\'s host is left', () => {
    const vms = ['  web-01: { host: h1, memory: 8 GB, datastore: ds1 }', '  web-02: { host: h2, memory: 8 GB, datastore: ds1 }'].join('\n');
    const rules = '  web-apart: { type: anti-affinity, vms: [web-01, web-02] }';
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms, rules }), hostFailureScenario('h1'));
    const web = outcome(result, 'web-01');
    assert.equal(web.kind === 'down' ? web.reason : undefined, 'rule-conflict');
  });

  it('keeps must-run-on rules: h3 in the group, not the roomier h2', () => {
    const vms = ['  lic: { host: h1, memory: 8 GB, datastore: ds1 }', '  filler: { host: h3, memory: 8 GB, reservation: { memory: 8 GB }, datastore: ds1 }'].join('\n');
    const rules = '  licensed: { type: vm-host, mode: must-run-on, vms: [lic], hosts: [h1, h3] }';
    const result = simulateScenario(design({ hosts: ['h1', 'h2', 'h3'], vms, rules }), hostFailureScenario('h1'));
    const lic = outcome(result, 'lic');
    assert.equal(lic.kind === 'restarted' ? lic.host : undefined, 'h3');
  });

  it('skips a host at its VM limit', () => {
    const vms = ['  app: { host: h1, memory: 8 GB, datastore: ds1 }', '  one: { host: h2, memory: 8 GB, datastore: ds1 }', '  filler: { host: h3, memory: 8 GB, reservation: { memory: 8 GB }, datastore: ds1 }'].join('\n');
    const result = simulateScenario(design({ hosts: ['h1', 'h2', 'h3'], vms, hostExtras: { h2: '    maxVms: 1' } }), hostFailureScenario('h1'));
    const app = outcome(result, 'app');
    assert.equal(app.kind === 'restarted' ? app.host : undefined, 'h3');
  });

  it('leaves a VM down for lack of capacity, then restarts it when capacity returns', () => {
    // h2 has 64 - 48 = 16 GB unreserved; app needs 32 GB. h1 comes back at 600 s.
    const vms = ['  app: { host: h1, memory: 32 GB, reservation: { memory: 32 GB }, datastore: ds1 }', '  filler: { host: h2, memory: 48 GB, reservation: { memory: 48 GB }, datastore: ds1 }'].join('\n');
    const topology = design({ hosts: ['h1', 'h2'], vms });
    const stays = simulateScenario(topology, hostFailureScenario('h1'));
    const down = outcome(stays, 'app');
    assert.equal(down.kind === 'down' ? down.reason : undefined, 'no-capacity');
    assert.equal(vmResult(stays, 'app').downtimeSeconds, 3600);

    const scenario: Scenario = {
      name: 'h1 fails and comes back',
      steps: [
        { action: 'fail', target: { kind: 'host', id: 'h1' }, atSeconds: 0 },
        { action: 'recover', target: { kind: 'host', id: 'h1' }, atSeconds: 600 },
      ],
    };
    const recovered = simulateScenario(topology, scenario);
    assert.deepEqual(timeline(recovered, ['vm-restart-pending', 'component-recovered', 'vm-placed', 'vm-ready']), [
      [15, 'vm-restart-pending', 'app'],
      [600, 'component-recovered', 'h1'],
      [600, 'vm-placed', 'app h1'],
      [660, 'vm-ready', 'app h1'],
    ]);
    assert.equal(vmResult(recovered, 'app').downtimeSeconds, 660);
  });

  it('places the first failed host\'s VMs first when two fail together and one slot is left', () => {
    const vms = ['  a: { host: h1, memory: 40 GB, reservation: { memory: 40 GB }, datastore: ds1 }', '  b: { host: h2, memory: 40 GB, reservation: { memory: 40 GB }, datastore: ds1 }'].join('\n');
    const topology = design({ hosts: ['h1', 'h2', 'h3'], vms });
    const fail = (first: string, second: string): Scenario => ({
      name: `${first} then ${second}`,
      steps: [
        { action: 'fail', target: { kind: 'host', id: first }, atSeconds: 0 },
        { action: 'fail', target: { kind: 'host', id: second }, atSeconds: 0 },
      ],
    });
    const h1First = simulateScenario(topology, fail('h1', 'h2'));
    assert.deepEqual([outcome(h1First, 'a').kind, outcome(h1First, 'b').kind], ['restarted', 'down']);
    const h2First = simulateScenario(topology, fail('h2', 'h1'));
    assert.deepEqual([outcome(h2First, 'a').kind, outcome(h2First, 'b').kind], ['down', 'restarted']);
  });

  it('on Proxmox VE, restarts nothing once the cluster has lost quorum (1 of 3 nodes left)', () => {
    const vms = '  app: { host: h1, memory: 8 GB, datastore: ds1 }';
    const topology = design({ hosts: ['h1', 'h2', 'h3'], vms, platform: 'proxmox' });
    const one = simulateScenario(topology, hostFailureScenario('h1'));
    assert.equal(outcome(one, 'app').kind, 'restarted');
    const two = simulateScenario(topology, {
      name: 'two nodes fail',
      steps: [
        { action: 'fail', target: { kind: 'host', id: 'h1' }, atSeconds: 0 },
        { action: 'fail', target: { kind: 'host', id: 'h2' }, atSeconds: 0 },
      ],
    });
    const app = outcome(two, 'app');
    assert.equal(app.kind === 'down' ? app.reason : undefined, 'ha-disabled');
  });
});

describe('restart dependencies at one instant (found by the fuzz run: test/fuzz/found/100-46183.vtopo)', () => {
  it('places a VM as soon as its dependency is placed, when the ready condition is resources-allocated, even if it was tried first', () => {
    const vms = '  app: { host: h1, memory: 4 GB, datastore: ds1 }\n  db: { host: h1, memory: 4 GB, datastore: ds1, boot: 100 s }';
    const rules = '\nrules:\n  app-after-db: { type: restart-dependency, vms: [app], dependsOn: [db] }\n';
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms: vms + rules }), hostFailureScenario('h1'));
    // app comes first in the file, so it is tried (and must wait) before db is placed at 15 s; then it is placed at 15 s too.
    assert.deepEqual(timeline(result, ['vm-placed']), [
      [15, 'vm-placed', 'db h2'],
      [15, 'vm-placed', 'app h2'],
    ]);
  });
});
