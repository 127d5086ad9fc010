import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseVtopo } from '../../../src/core/model/parse';
import { componentFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import { rankRows, singleFailureTargets, sweep } from '../../../src/core/simulation/sweep';
import type { SweepRow } from '../../../src/core/simulation/types';
import { design } from './fixtures';

const seed = () => parseVtopo(readFileSync(new URL('../../../examples/seed-000-fq1616r.vtopo', import.meta.url), 'utf8')).topology;
const names = (rows: readonly SweepRow[]) => rows.map((row) => row.failed.map((f) => `${f.kind}:${f.id}`).join('+'));

describe('contingency sweep', () => {
  it('N-1 on the seed-000-fq1616r example: the array takes VMs down; the one LAN card of each host leaves its VMs unreachable; then the hosts (75 s restarts); the redundant SAN parts take nothing down', () => {
    const rows = sweep(seed(), { mode: 'n-1' });
    // 2 hosts, 4 switches, 4 HBAs + 2 NICs, 2 controllers, 1 array, 8 FC cables + 4 LAN cables.
    assert.equal(rows.length, 27);
    assert.deepEqual(rows[0], { failed: [{ kind: 'array', id: 'fq1616r' }], vmsDown: 4, vmsUnreachable: 0, vmsRestarted: 0, longestDowntimeSeconds: 3600, capacityShortfallMB: 0 });
    // nic1 carries management, vMotion and VM traffic: its failure isolates the host (isolation response none) and its VMs run unreachable.
    assert.deepEqual(rows[1], { failed: [{ kind: 'adapter', id: 'esx-01/nic1' }], vmsDown: 0, vmsUnreachable: 3, vmsRestarted: 0, longestDowntimeSeconds: 3600, capacityShortfallMB: 0 });
    assert.deepEqual(rows[2], { failed: [{ kind: 'adapter', id: 'esx-02/nic1' }], vmsDown: 0, vmsUnreachable: 1, vmsRestarted: 0, longestDowntimeSeconds: 3600, capacityShortfallMB: 0 });
    // esx-01 runs three VMs, esx-02 one; both restart in 15 + 60 s; ties keep file order.
    assert.deepEqual(rows[3], { failed: [{ kind: 'host', id: 'esx-01' }], vmsDown: 0, vmsUnreachable: 0, vmsRestarted: 3, longestDowntimeSeconds: 75, capacityShortfallMB: 0 });
    assert.deepEqual(rows[4], { failed: [{ kind: 'host', id: 'esx-02' }], vmsDown: 0, vmsUnreachable: 0, vmsRestarted: 1, longestDowntimeSeconds: 75, capacityShortfallMB: 0 });
    for (const row of rows.slice(5)) assert.deepEqual([row.vmsDown, row.vmsUnreachable, row.longestDowntimeSeconds], [0, 0, 0], names([row])[0]);
  });

  it('agrees with a full simulation of each single failure', () => {
    const topology = seed();
    const rows = sweep(topology, { mode: 'n-1' });
    for (const target of singleFailureTargets(topology)) {
      const full = simulateScenario(topology, componentFailureScenario(target));
      const row = rows.find((r) => r.failed[0]?.id === target.id);
      assert.equal(row?.vmsDown, full.summary.vmsDown, target.id);
      assert.equal(row?.vmsUnreachable, full.summary.vmsUnreachable, target.id);
      assert.equal(row?.vmsRestarted, full.summary.vmsRestarted, target.id);
      assert.equal(row?.longestDowntimeSeconds, full.summary.longestDowntimeSeconds, target.id);
    }
  });

  it('N-2 on the seed-000-fq1616r example: both hosts down leaves all four VMs down, and 103,424 MB of protected memory with nowhere to run; both LAN switches down leaves all four unreachable', () => {
    // 21 + 64 + 8 + 8 GB configured = 101 GB = 103,424 MB; no host survives.
    assert.deepEqual(sweep(seed(), { mode: 'n-2' }), [
      { failed: [{ kind: 'host', id: 'esx-01' }, { kind: 'host', id: 'esx-02' }], vmsDown: 4, vmsUnreachable: 0, vmsRestarted: 0, longestDowntimeSeconds: 3600, capacityShortfallMB: 103424 },
      // Each host has one NIC: no pair of its own LAN parts; the two LAN switches are the one switch pair.
      { failed: [{ kind: 'switch', id: 'lan-1' }, { kind: 'switch', id: 'lan-2' }], vmsDown: 0, vmsUnreachable: 4, vmsRestarted: 0, longestDowntimeSeconds: 3600, capacityShortfallMB: 0 },
    ]);
  });

  it('N-2 ranks the pair that strands the most VMs first', () => {
    // h1 and h2 each run a 40 GB reservation; h3 has room for one of them only.
    const vms = ['  a: { host: h1, memory: 40 GB, reservation: { memory: 40 GB }, datastore: ds1 }', '  b: { host: h2, memory: 40 GB, reservation: { memory: 40 GB }, datastore: ds1 }'].join('\n');
    const rows = sweep(design({ hosts: ['h1', 'h2', 'h3'], vms }), { mode: 'n-2' });
    assert.deepEqual(names(rows), ['host:h1+host:h2', 'host:h1+host:h3', 'host:h2+host:h3']);
    // h1 + h2: 80 GB needed, 64 GB left: 16,384 MB short; one VM down.
    assert.deepEqual([rows[0]?.vmsDown, rows[0]?.capacityShortfallMB], [1, 16384]);
  });

  it('N-2 simulates a pair of hosts linked only by a restart dependency across two clusters, instead of summing their rows', () => {
    // app (cluster c1, on h1) waits for db (cluster c2, on h3, its only host). Alone, h1's failure
    // restarts app on h2 (db is untouched, so ready) and h3's leaves db down: summed, 1 down.
    // Together db never comes back, so app waits for it forever: 2 down.
    const host = (id: string, cluster: string) => `  ${id}: { cluster: ${cluster}, cpu: { cores: 16, speed: 1000 MHz }, memory: 64 GB }`;
    const text = [
      'vtopo: 1',
      'platform: vsphere',
      'clusters:',
      '  c1: {}',
      '  c2: {}',
      'hosts:',
      host('h1', 'c1'),
      host('h2', 'c1'),
      host('h3', 'c2'),
      'vms:',
      '  app: { host: h1, memory: 4 GB }',
      '  db: { host: h3, memory: 4 GB }',
      'rules:',
      '  app-after-db: { type: restart-dependency, vms: [app], dependsOn: [db] }',
    ].join('\n');
    const parsed = parseVtopo(text);
    assert.deepEqual(parsed.problems.map((p) => p.message), []);
    const pair = sweep(parsed.topology, { mode: 'n-2' }).find((row) => names([row])[0] === 'host:h1+host:h3');
    assert.deepEqual([pair?.vmsDown, pair?.vmsRestarted], [2, 0]);
  });

  it('ranks by VMs down, then longest downtime, then shortfall', () => {
    const row = (id: string, vmsDown: number, longestDowntimeSeconds: number, capacityShortfallMB: number): SweepRow => ({ failed: [{ kind: 'host', id }], vmsDown, vmsUnreachable: 0, vmsRestarted: 0, longestDowntimeSeconds, capacityShortfallMB });
    const ranked = rankRows([row('a', 0, 75, 0), row('b', 1, 10, 0), row('c', 1, 10, 500), row('d', 1, 3600, 0), row('e', 0, 75, 0)]);
    assert.deepEqual(names(ranked), ['host:d', 'host:c', 'host:b', 'host:a', 'host:e']);
  });
});
