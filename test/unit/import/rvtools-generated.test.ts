import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { importRvtools } from '../../../src/core/import/rvtools/import';
import { parseVtopo } from '../../../src/core/model/parse';
import { generateRvtoolsEstate, SPECIAL_CASES } from '../../fixtures/rvtools/generate';

const OPTIONS = { ...SPECIAL_CASES, clusters: 2, hostsPerCluster: 4, vmsPerHost: 5, seed: 5 } as const;

describe('RVTools import of a generated estate with every special case', () => {
  const { text, summary } = importRvtools(generateRvtoolsEstate(OPTIONS), { fileName: 'estate.xlsx' });
  const { topology, problems } = parseVtopo(text);
  const findings = analyzeText(text, { today: '2026-12-01' }).findings;
  const about = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId);

  it('reads back without problems', () => {
    assert.deepEqual(problems.map((p) => p.message), []);
    assert.equal(topology.hosts.length, 8);
  });

  it('finds what each special case should show', () => {
    assert.deepEqual(about('ha-disabled').map((f) => f.elementIds[0]), ['prod-cl02'], 'the last cluster has HA off');
    assert.equal(topology.hosts.filter((h) => h.state === 'maintenance').length, 1);
    assert.equal(about('migration-cpu-compatibility').length, 1, 'mixed EVC modes in the first cluster');
    assert.equal(topology.vms.filter((vm) => vm.protection === 'ft' && vm.secondaryHost !== undefined).length, 2, 'two FT pairs');
    assert.equal(about('vm-local-datastore').length, 3, 'three VMs on local datastores');
    const pathCounts = new Set(topology.datastores.flatMap((d) => [...(d.paths?.values() ?? [])].map((entry) => entry.value.length)));
    assert.ok(pathCounts.has(2) && pathCounts.has(8) && pathCounts.has(1), `2-, 8- and 1-path LUNs: ${[...pathCounts].join(', ')}`);
    assert.ok(about('lun-single-path').some((f) => /a single path/.test(f.message)));
    assert.equal(about('cabling-unknown').length, 1);
    assert.ok(summary.inferred.some((note) => /FT secondary/.test(note)));
  });

  it('gives the same design from an older RVTools release whose headers differ', () => {
    const older = importRvtools(generateRvtoolsEstate({ ...OPTIONS, version: '3.x' }), { fileName: 'estate.xlsx' });
    const withoutTool = (design: string) => design.replace(/RVTools [0-9.]+/g, 'RVTools');
    assert.equal(withoutTool(older.text), withoutTool(text));
  });
});
