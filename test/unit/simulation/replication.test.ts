import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseVtopo } from '../../../src/core/model/parse';
import { componentFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import { sweep } from '../../../src/core/simulation/sweep';
import { outcome, timeline, vmResult } from './helpers';

// examples/hyperv-metro.vtopo: hv-e1 (dc-01), hv-e2 (sql-01) in site east; hv-w1 (app-01,
// web-01), hv-w2 (app-02) in west. csv-01 (dc-01, app-01, web-01) lives on arr-east and
// csv-02 (sql-01, app-02) on arr-west; each is mirrored synchronously onto the other
// array, both preferring arr-east, with the storage witness in site "witness"; the
// cluster's quorum witness is a cloud witness. Nodes are declared down after 10 s; VMs boot
// in 60 s (the default); VM Component Protection is off; the resiliency period is 240 s.
const METRO = readFileSync(new URL('../../../examples/hyperv-metro.vtopo', import.meta.url), 'utf8');
const CSV01_MIRROR = '    mirror: { array: arr-west, mode: sync, access: uniform, witness: witness }';
const CSV02_MIRROR = '    mirror: { array: arr-east, mode: sync, access: uniform, preferred: arr-east, witness: witness }';

function withEdits(...replacements: Array<[string, string]>): string {
  let text = METRO;
  for (const [from, to] of replacements) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
  }
  return text;
}

function simulate(text: string, kind: 'site' | 'array' | 'site-link', id: string) {
  const { topology, problems } = parseVtopo(text);
  assert.deepEqual(problems, []);
  return simulateScenario(topology, componentFailureScenario({ kind, id }));
}

describe('mirrored and replicated datastores in the simulator', () => {
  it('a site failure with the witness up: the other copy carries on, the lost site\'s VMs restart across, up at 10 s + 60 s', () => {
    const result = simulate(METRO, 'site', 'east');
    assert.deepEqual(timeline(result, ['all-paths-down', 'permanent-device-loss']), []);
    for (const vm of ['app-01', 'app-02', 'web-01']) assert.equal(outcome(result, vm).kind, 'kept-running');
    for (const vm of ['dc-01', 'sql-01']) {
      const restarted = outcome(result, vm);
      assert.ok(restarted.kind === 'restarted' && ['hv-w1', 'hv-w2'].includes(restarted.host), vm);
      assert.equal(vmResult(result, vm).downtimeSeconds, 70);
    }
  });

  it('an array failure alone is a path failover for every host: the mirror\'s other leg serves', () => {
    const result = simulate(METRO, 'array', 'arr-east');
    assert.deepEqual(timeline(result, ['all-paths-down']), []);
    assert.ok(timeline(result, ['path-failover']).length > 0);
    assert.ok(result.vms.every((vm) => vm.outcome.kind === 'kept-running' || vm.outcome.kind === 'unaffected'));
  });

  it('without a witness, the copy that is not preferred suspends I/O when the preferred site fails', () => {
    const result = simulate(withEdits([CSV01_MIRROR, '    mirror: { array: arr-west, mode: sync }'], [CSV02_MIRROR, '    mirror: { array: arr-east, mode: sync }']), 'site', 'east');
    // csv-01 preferred arr-east (lost): down everywhere. csv-02 preferred arr-west: carries on.
    assert.deepEqual(timeline(result, ['all-paths-down']), [[0, 'all-paths-down', 'hv-w1 csv-01']]);
    for (const vm of ['app-01', 'web-01']) assert.deepEqual([vm, outcome(result, vm).kind], [vm, 'down']);
    assert.equal((outcome(result, 'dc-01') as { reason?: string }).reason, 'no-storage-path');
    assert.equal(outcome(result, 'app-02').kind, 'kept-running');
    assert.equal(outcome(result, 'sql-01').kind, 'restarted');
  });

  it('an asynchronous copy serves only after the recovery step: hung at 0 s, promoted at 20 min, restarted, the RPO lost', () => {
    const text = withEdits([CSV01_MIRROR, '    mirror: { array: arr-west, mode: async, rpo: 15 min, recovery: 20 min }']);
    const result = simulate(text, 'array', 'arr-east');
    assert.deepEqual(timeline(result, ['all-paths-down', 'copy-promoted']), [
      [0, 'all-paths-down', 'hv-e1 csv-01'],
      [0, 'all-paths-down', 'hv-w1 csv-01'],
      [1200, 'copy-promoted', 'csv-01 arr-west'],
    ]);
    assert.match(result.events.find((e) => e.kind === 'copy-promoted')?.message ?? '', /after the 20 min recovery step; up to the last 15 min of writes \(the RPO\) are lost\.$/);
    for (const vm of ['dc-01', 'app-01', 'web-01']) {
      const restarted = outcome(result, vm);
      // Hung from 0 s; powered off and restarted from the copy at 1,200 s; ready after the 60 s boot.
      assert.ok(restarted.kind === 'restarted' && restarted.poweredOnAtSeconds === 1200, vm);
      assert.equal(vmResult(result, vm).downtimeSeconds, 1260, vm);
    }
    // csv-02 is mirrored synchronously: its VMs never notice.
    assert.notEqual(outcome(result, 'app-02').kind, 'down');
    assert.notEqual(outcome(result, 'sql-01').kind, 'down');
  });

  it('a partition (the site link fails, both sites stand): the preferred site keeps running, the other site\'s VMs restart there after the resiliency period', () => {
    const result = simulate(METRO, 'site-link', 'east-west');
    // The link takes the two inter-switch links of the SAN and the two LAN links between the sites.
    assert.deepEqual(result.events[0]?.elementIds, ['east-west', 'link:16', 'link:17', 'link:28', 'link:29']);
    // Both volumes prefer arr-east: east keeps them, west loses every path to csv-01 and csv-02.
    assert.deepEqual(timeline(result, ['all-paths-down']), [[0, 'all-paths-down', 'hv-w1 csv-01'], [0, 'all-paths-down', 'hv-w2 csv-02']]);
    // East reaches the cloud witness first: 3 of 5 votes; west's nodes lose quorum at 0 s.
    assert.deepEqual(timeline(result, ['quorum-lost']), [[0, 'quorum-lost', 'hv-w1'], [0, 'quorum-lost', 'hv-w2']]);
    for (const vm of ['dc-01', 'sql-01']) assert.equal(outcome(result, vm).kind, 'kept-running');
    for (const vm of ['app-01', 'app-02', 'web-01']) {
      const restarted = outcome(result, vm);
      // Node removed at 10 s + 240 s resiliency = 250 s, turned off and started in east, up 60 s later.
      assert.ok(restarted.kind === 'restarted' && ['hv-e1', 'hv-e2'].includes(restarted.host) && restarted.poweredOnAtSeconds === 250, vm);
      assert.equal(vmResult(result, vm).downtimeSeconds, 310, vm);
    }
  });

  it('a partition with a mirror preferring the other site: its VMs have storage only where there is no quorum', () => {
    const result = simulate(withEdits([CSV02_MIRROR, '    mirror: { array: arr-east, mode: sync, access: uniform, witness: witness }']), 'site-link', 'east-west');
    // csv-02 now prefers arr-west: sql-01 hangs in east (quorum, no storage); app-02 cannot restart anywhere.
    assert.equal(outcome(result, 'dc-01').kind, 'kept-running');
    assert.equal((outcome(result, 'sql-01') as { reason?: string }).reason, 'no-storage-path');
    assert.equal((outcome(result, 'app-02') as { reason?: string }).reason, 'no-storage-path');
  });

  it('the N-1 sweep finds no VM down for either array, and the site rows show the restarts', () => {
    const rows = sweep(parseVtopo(METRO).topology, { mode: 'n-1' });
    const row = (name: string) => rows.find((r) => r.failed.map((f) => `${f.kind}:${f.id}`).join(' + ') === name);
    assert.equal(row('array:arr-east')?.vmsDown, 0);
    assert.equal(row('array:arr-west')?.vmsDown, 0);
    assert.deepEqual([row('site:east')?.vmsDown, row('site:east')?.vmsRestarted], [0, 2]);
    assert.deepEqual([row('site:west')?.vmsDown, row('site:west')?.vmsRestarted], [0, 3]);
  });
});
