/** Regressions the fuzzer (test/fuzz) found in the sweep, each with its minimal design. */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseVtopo } from '../../../src/core/model/parse';
import { simulateScenario } from '../../../src/core/simulation/engine';
import { sweep } from '../../../src/core/simulation/sweep';

describe('sweep regressions found by the fuzzer', () => {
  it('N-2: two hosts of different clusters joined by a restart dependency are simulated together, not summed', () => {
    // app on h1 (cluster a) depends on db on h3 (cluster b). h1 alone: app restarts on h2 at
    // once (db is ready). h3 alone: db restarts on h4. Both: app waits for db's restart (the
    // guest-heartbeat ready condition: a dependency is ready once it has booted).
    const text = `vtopo: 1
clusters:
  a: { ha: { admissionControl: { policy: disabled }, orchestration: { readyCondition: guest-heartbeat } } }
  b: { ha: { admissionControl: { policy: disabled }, orchestration: { readyCondition: guest-heartbeat } } }
hosts:
  h1: { cluster: a, cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }
  h2: { cluster: a, cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }
  h3: { cluster: b, cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }
  h4: { cluster: b, cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }
vms:
  app: { host: h1, memory: 4 GB }
  db: { host: h3, memory: 4 GB, boot: 100 s }
rules:
  app-after-db: { type: restart-dependency, vms: [app], dependsOn: [db] }
`;
    const { topology } = parseVtopo(text);
    const row = sweep(topology, { mode: 'n-2' }).find((r) => r.failed.map((f) => f.id).join('+') === 'h1+h3');
    const full = simulateScenario(topology, {
      name: 'h1 + h3',
      steps: [
        { action: 'fail', target: { kind: 'host', id: 'h1' }, atSeconds: 0 },
        { action: 'fail', target: { kind: 'host', id: 'h3' }, atSeconds: 0 },
      ],
    });
    assert.ok(row);
    const app = full.vms.find((vm) => vm.vmId === 'app');
    const db = full.vms.find((vm) => vm.vmId === 'db');
    // The dependency really delays app: it is ready only after db is.
    assert.ok(app && db && app.downtimeSeconds >= db.downtimeSeconds, JSON.stringify(full.vms));
    assert.deepEqual(
      [row.vmsDown, row.vmsUnreachable, row.vmsRestarted, row.longestDowntimeSeconds],
      [full.summary.vmsDown, full.summary.vmsUnreachable, full.summary.vmsRestarted, full.summary.longestDowntimeSeconds],
    );
  });

  it('N-2: an FT takeover into another cluster meets that cluster\'s restarts: the two hosts are simulated together, not summed', () => {
    // ft on h3 (cluster b) has its secondary on h1 (cluster a); x on h2 (cluster a) must stay
    // apart from ft. h2 alone: x restarts on h1. h3 alone: ft takes over on h1. Both: h1
    // runs ft, so x has nowhere to go. h2 and h3 share no cluster, FT pair or dependency.
    const text = `vtopo: 1
clusters:
  a: { ha: { admissionControl: { policy: disabled }, respectAntiAffinity: true } }
  b: { ha: { admissionControl: { policy: disabled } } }
hosts:
  h1: { cluster: a, cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }
  h2: { cluster: a, cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }
  h3: { cluster: b, cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }
vms:
  ft: { host: h3, memory: 4 GB, protection: ft, secondaryHost: h1 }
  x: { host: h2, memory: 4 GB }
rules:
  apart: { type: anti-affinity, vms: [ft, x] }
`;
    const { topology } = parseVtopo(text);
    const row = sweep(topology, { mode: 'n-2' }).find((r) => r.failed.map((f) => f.id).join('+') === 'h2+h3');
    const full = simulateScenario(topology, {
      name: 'h2 + h3',
      steps: [
        { action: 'fail', target: { kind: 'host', id: 'h2' }, atSeconds: 0 },
        { action: 'fail', target: { kind: 'host', id: 'h3' }, atSeconds: 0 },
      ],
    });
    assert.ok(row);
    assert.deepEqual(full.vms.map((vm) => vm.outcome.kind), ['ft-takeover', 'down']);
    assert.deepEqual(
      [row.vmsDown, row.vmsUnreachable, row.vmsRestarted, row.longestDowntimeSeconds],
      [full.summary.vmsDown, full.summary.vmsUnreachable, full.summary.vmsRestarted, full.summary.longestDowntimeSeconds],
    );
  });
});
