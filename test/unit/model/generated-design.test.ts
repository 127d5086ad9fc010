import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeParsed } from '../../../src/core/analysis/engine';
import { parseVtopo } from '../../../src/core/model/parse';
import { BENCH_SIZES, generateDesign, mulberry32, type DesignSize } from '../../../bench/generate';

const SMALL: DesignSize = { name: 'small', hosts: 10, vms: 60, fabrics: 4, arrays: 2, hostsPerCluster: 4, datastoresPerCluster: 2 };

describe('the benchmark design generator', () => {
  it('generates a small design that reads with zero problems and no error findings', () => {
    const parsed = parseVtopo(generateDesign(SMALL));
    assert.deepEqual(parsed.problems, []);
    // The generator makes a realistic design, warts included (random roles put SQL and
    // Exchange together, small clusters): warnings are expected; errors would mean the
    // generator writes a broken design.
    assert.deepEqual(analyzeParsed(parsed).findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`), []);
    const { topology } = parsed;
    assert.equal(topology.hosts.length, 10);
    assert.equal(topology.vms.length, 60);
    assert.equal(topology.clusters.length, 3);
    assert.equal(topology.arrays.length, 2);
    assert.equal(topology.datastores.length, 3 * 2);
    assert.deepEqual(topology.hostsInCluster('cl03').map((h) => h.id), ['esx-0009', 'esx-0010']);
    assert.equal(topology.networkSwitch('fab4-sw01')?.fabric, 'fab4');
  });

  it('cables every host\'s two HBAs to the two sides of one fabric pair', () => {
    const { topology } = parseVtopo(generateDesign(SMALL));
    for (const host of topology.hosts) {
      const fabrics = ['hba1', 'hba2'].map((hba) => {
        const link = topology.links.find((l) => l.from === `${host.id}/${hba}/p0`) ?? assert.fail(`${host.id}/${hba} is not cabled`);
        return topology.networkSwitch(link.to.split('/')[0] ?? '')?.fabric;
      });
      assert.equal(new Set(fabrics).size, 2, `${host.id}: ${fabrics.join(', ')}`);
    }
  });

  it('is deterministic in its seed', () => {
    assert.equal(generateDesign(SMALL, 5), generateDesign(SMALL, 5));
    assert.notEqual(generateDesign(SMALL, 5), generateDesign(SMALL, 6));
  });

  it('declares the benchmark sizes of the brief', () => {
    assert.deepEqual(BENCH_SIZES.map((s) => [s.hosts, s.vms, s.fabrics]), [[64, 1000, 2], [1000, 20000, 4]]);
  });

  it('draws mulberry32 numbers in [0, 1), the same for the same seed', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      assert.equal(x, b());
      assert.ok(x >= 0 && x < 1);
    }
  });
});
