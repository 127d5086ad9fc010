import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { componentFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import type { Scenario } from '../../../src/core/simulation/types';
import { design } from './fixtures';
import { outcome, timeline, vmResult } from './helpers';

// Fixture cabling: each host's hba1/p0 on fc-a and hba2/p0 on fc-b; array controllers a and b
// each have fc0 on fc-a and fc1 on fc-b. A dual-pathed host therefore has 4 paths to ds1
// (2 initiator ports x 2 target ports on each fabric); a single-pathed one has 2, all via fc-a.

const bothSwitches: Scenario = {
  name: 'both fabrics fail',
  steps: [
    { action: 'fail', target: { kind: 'switch', id: 'fc-a' }, atSeconds: 0 },
    { action: 'fail', target: { kind: 'switch', id: 'fc-b' }, atSeconds: 0 },
  ],
};

describe('storage path failures', () => {
  it('fails I/O over to the other fabric when one switch dies: path failover, VMs keep running', () => {
    const topology = design({ hosts: ['h1', 'h2'], vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }' });
    const result = simulateScenario(topology, componentFailureScenario({ kind: 'switch', id: 'fc-a' }));
    // Only pairs VMs rely on are reported: h2 runs nothing.
    assert.deepEqual(timeline(result, ['path-failover', 'all-paths-down', 'vm-down']), [[0, 'path-failover', 'h1 ds1']]);
    assert.match(result.events[1]?.message ?? '', /loses 2 of 4 paths/);
    const app = outcome(result, 'app');
    assert.equal(app.kind, 'kept-running');
    assert.equal(vmResult(result, 'app').downtimeSeconds, 0);
  });

  it('fails over between controllers when one controller of a dual-controller array dies', () => {
    const topology = design({ hosts: ['h1', 'h2'], vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }' });
    const result = simulateScenario(topology, componentFailureScenario({ kind: 'controller', id: 'arr/a' }));
    assert.deepEqual(timeline(result, ['path-failover', 'all-paths-down']), [[0, 'path-failover', 'h1 ds1']]);
    assert.equal(outcome(result, 'app').kind, 'kept-running');
  });

  it('APD on a single-pathed host: VMCP (restart-aggressive) terminates at 140 + 180 = 320 s and restarts on a host that still reaches ds1', () => {
    const topology = design({
      hosts: ['h1', 'h2'],
      singlePathed: ['h1'],
      ha: '      componentProtection: { apd: restart-aggressive }',
      vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }',
    });
    const result = simulateScenario(topology, componentFailureScenario({ kind: 'switch', id: 'fc-a' }));
    assert.deepEqual(timeline(result, ['all-paths-down', 'vm-down', 'vm-placed', 'vm-ready']), [
      [0, 'all-paths-down', 'h1 ds1'],
      [0, 'vm-down', 'app h1'],
      [320, 'vm-down', 'app h1'],
      [320, 'vm-placed', 'app h2'],
      [380, 'vm-ready', 'app h2'],
    ]);
    assert.equal(vmResult(result, 'app').downtimeSeconds, 380);
  });

  it('uses the APD timings the file states: 60 s + 30 s', () => {
    const topology = design({
      hosts: ['h1', 'h2'],
      singlePathed: ['h1'],
      ha: '      componentProtection: { apd: restart-conservative, apdTimeout: 60 s, apdFailoverDelay: 30 s }',
      vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }',
    });
    const result = simulateScenario(topology, componentFailureScenario({ kind: 'switch', id: 'fc-a' }));
    const app = outcome(result, 'app');
    assert.equal(app.kind === 'restarted' ? app.poweredOnAtSeconds : undefined, 90);
  });

  it('leaves VMs hung (down, no storage path) when the APD response is disabled, and resumes them when the path returns', () => {
    const topology = design({ hosts: ['h1', 'h2'], singlePathed: ['h1'], vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }' });
    const hung = simulateScenario(topology, componentFailureScenario({ kind: 'switch', id: 'fc-a' }));
    const down = outcome(hung, 'app');
    assert.equal(down.kind === 'down' ? down.reason : undefined, 'no-storage-path');
    assert.equal(vmResult(hung, 'app').downtimeSeconds, 3600);

    const back = simulateScenario(topology, {
      name: 'fc-a fails for 100 s',
      steps: [
        { action: 'fail', target: { kind: 'switch', id: 'fc-a' }, atSeconds: 0 },
        { action: 'recover', target: { kind: 'switch', id: 'fc-a' }, atSeconds: 100 },
      ],
    });
    assert.equal(outcome(back, 'app').kind, 'kept-running');
    assert.equal(vmResult(back, 'app').downtimeSeconds, 100);
  });

  it('with both fabrics gone nobody reaches ds1: aggressive terminates at 320 s and the VM stays down', () => {
    const topology = design({ hosts: ['h1', 'h2'], ha: '      componentProtection: { apd: restart-aggressive }', vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }' });
    const result = simulateScenario(topology, bothSwitches);
    assert.deepEqual(timeline(result, ['all-paths-down', 'vm-down', 'vm-restart-pending']), [
      [0, 'all-paths-down', 'h1 ds1'],
      [0, 'vm-down', 'app h1'],
      [320, 'vm-down', 'app h1'],
      [320, 'vm-restart-pending', 'app'],
    ]);
    const app = outcome(result, 'app');
    assert.equal(app.kind === 'down' ? app.reason : undefined, 'no-storage-path');
  });

  it('with both fabrics gone, conservative does not terminate: no host could run the VM', () => {
    const topology = design({ hosts: ['h1', 'h2'], ha: '      componentProtection: { apd: restart-conservative }', vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }' });
    const result = simulateScenario(topology, bothSwitches);
    assert.deepEqual(timeline(result, ['vm-down', 'vm-restart-pending']), [
      [0, 'vm-down', 'app h1'],
      [320, 'vm-restart-pending', 'app'],
    ]);
    const app = outcome(result, 'app');
    assert.equal(app.kind === 'down' ? app.reason : undefined, 'no-storage-path');
  });

  it('reports a failed array as all paths down, not PDL: VMCP acts only after the APD timeout + delay (140 + 180 = 320 s)', () => {
    // A dead array cannot send the SCSI sense codes of a permanent device loss (vSphere Storage, KB 2004684).
    const topology = design({
      hosts: ['h1', 'h2'],
      ha: '      componentProtection: { pdl: restart-aggressive, apd: restart-aggressive }',
      vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }',
    });
    const result = simulateScenario(topology, componentFailureScenario({ kind: 'array', id: 'arr' }));
    assert.deepEqual(timeline(result, ['permanent-device-loss', 'all-paths-down', 'vm-down', 'vm-restart-pending']), [
      [0, 'all-paths-down', 'h1 ds1'],
      [0, 'vm-down', 'app h1'],
      [320, 'vm-down', 'app h1'],
      [320, 'vm-restart-pending', 'app'],
    ]);
    assert.match(result.events[1]?.message ?? '', /all paths down: its array arr failed/);
    const app = outcome(result, 'app');
    assert.equal(app.kind === 'down' ? app.reason : undefined, 'no-storage-path');
    assert.equal(vmResult(result, 'app').downtimeSeconds, 3600);
  });

  it('leaves a failed array\'s VMs hung when only the PDL response is set: there is no PDL', () => {
    const topology = design({ hosts: ['h1', 'h2'], ha: '      componentProtection: { pdl: restart-aggressive }', vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }' });
    const result = simulateScenario(topology, componentFailureScenario({ kind: 'array', id: 'arr' }));
    assert.deepEqual(timeline(result, ['permanent-device-loss', 'vm-down']), [[0, 'vm-down', 'app h1']]);
    const app = outcome(result, 'app');
    assert.match(app.kind === 'down' ? app.detail : '', /all paths down to ds1\); VM Component Protection is disabled/);
  });

  it('keeps PDL for a failed datastore (the live array reports it gone): PDL restart-aggressive terminates at once, but nobody reaches it', () => {
    const topology = design({ hosts: ['h1', 'h2'], ha: '      componentProtection: { pdl: restart-aggressive }', vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }' });
    const result = simulateScenario(topology, componentFailureScenario({ kind: 'datastore', id: 'ds1' }));
    assert.deepEqual(timeline(result, ['permanent-device-loss', 'vm-down', 'vm-restart-pending']), [
      [0, 'permanent-device-loss', 'h1 ds1'],
      [0, 'vm-down', 'app h1'],
      [0, 'vm-down', 'app h1'],
      [0, 'vm-restart-pending', 'app'],
    ]);
    assert.equal(vmResult(result, 'app').downtimeSeconds, 3600);
  });

  it('notes a failure of something nothing depends on, and changes nothing', () => {
    const topology = design({ hosts: ['h1', 'h2'], vms: '  app: { host: h1, memory: 8 GB, datastore: ds1 }' });
    const result = simulateScenario(topology, componentFailureScenario({ kind: 'switch', id: 'nowhere' }));
    assert.equal(result.events.length, 1);
    assert.equal(outcome(result, 'app').kind, 'unaffected');
  });
});
