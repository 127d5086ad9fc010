/**
 * Robustness as a standing test: a few thousand seeded fuzz cases (random designs, tree
 * and text mutations of random designs and of the examples), each run through the reader,
 * the analyzer, a host failure, a component failure and both sweeps, with every invariant
 * of test/fuzz/invariants.ts checked. The long run is `npm run fuzz -- --cases 100000`.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadExamples, makeCase, runCase } from '../../fuzz/cases';
import { checkFinite, checkPlacement, checkReports, checkText } from '../../fuzz/invariants';
import { generateDesign } from '../../fuzz/generate';
import { mutateText, mutateTree } from '../../fuzz/mutate';
import { Rng } from '../../fuzz/prng';
import { parseVtopo } from '../../../src/core/model/parse';
import { hostFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';

/** Cases per block; FUZZ_CASES overrides the total (e.g. FUZZ_CASES=20000 npm run test:unit). */
const TOTAL = Number(process.env.FUZZ_CASES ?? 1000);
const BLOCKS = 4;
const SEED = 20261203;

const examples = loadExamples();

describe('fuzz: the tools behind the standing test', () => {
  it('the PRNG is seeded: the same seed gives the same numbers, another seed others', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const xs = Array.from({ length: 20 }, () => a.nextUint32());
    assert.deepEqual(xs, Array.from({ length: 20 }, () => b.nextUint32()));
    assert.notDeepEqual(xs, Array.from({ length: 20 }, () => c.nextUint32()));
    const r = new Rng(1);
    for (let i = 0; i < 1000; i++) {
      const f = r.float();
      assert.ok(f >= 0 && f < 1);
      const n = r.range(3, 5);
      assert.ok(n >= 3 && n <= 5 && Number.isInteger(n));
    }
  });

  it('the same (seed, case) gives the same input', () => {
    for (let i = 0; i < 20; i++) assert.equal(makeCase(SEED, i, examples).text, makeCase(SEED, i, examples).text);
  });

  it('generated designs are mostly clean enough to simulate: hosts, VMs and sweep rows', () => {
    const rng = new Rng(SEED);
    let hosts = 0;
    let rows = 0;
    for (let i = 0; i < 20; i++) {
      const design = generateDesign(rng);
      const { violation, stats } = checkText(design.text, { picks: [i, i + 1, i + 2] });
      assert.equal(violation, undefined, JSON.stringify(violation));
      hosts += stats?.hosts ?? 0;
      rows += (stats?.n1Rows ?? 0) + (stats?.n2Rows ?? 0);
    }
    assert.ok(hosts >= 20 && rows >= 200, `${hosts} hosts, ${rows} rows`);
  });

  it('the mutators change the text and keep it a string', () => {
    const rng = new Rng(SEED);
    const base = examples[0]?.text ?? generateDesign(rng).text;
    let changed = 0;
    for (let i = 0; i < 50; i++) {
      if (mutateTree(base, rng).text !== base) changed += 1;
      if (mutateText(base, rng).text !== base) changed += 1;
    }
    assert.ok(changed >= 80, `${changed} of 100 mutations changed the text`);
  });

  it('the checkers catch what they look for: a range past the end, NaN, a restart onto a failed host, a VM held twice', () => {
    const text = 'vtopo: 1\n';
    const finding = { ruleId: 'syntax', message: 'x', range: { start: 0, end: text.length + 1 }, elementIds: [] };
    assert.throws(() => checkReports(text, [finding]), /finding-range/);
    assert.throws(() => checkReports(text, [{ ...finding, range: { start: 0, end: 0 }, fixes: [{ title: 'f', edits: [{ range: { start: -1, end: 0 }, newText: '' }] }] }]), /finding-range/);
    assert.throws(() => checkFinite({ a: [{ b: Number.NaN }] }, 'x', false), /non-finite: x.a\[0\].b is NaN/);
    assert.throws(() => checkFinite({ message: 'needs NaN GB' }, 'x', true), /non-finite-text/);
    const { topology } = parseVtopo(`vtopo: 1
clusters:
  c: { ha: { admissionControl: { policy: disabled } } }
hosts:
  h1: { cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }
  h2: { cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }
vms:
  v: { host: h1, memory: 4 GB }
`);
    const result = simulateScenario(topology, hostFailureScenario('h1'));
    assert.equal(result.vms[0]?.outcome.kind, 'restarted');
    assert.doesNotThrow(() => checkPlacement(result, topology, 'h1 fails'));
    const onFailed = { ...result, vms: result.vms.map((vm) => ({ ...vm, outcome: { kind: 'restarted' as const, host: 'h1', downAtSeconds: 0, poweredOnAtSeconds: 1, readyAtSeconds: 2, downtimeSeconds: 2, priority: 'medium' } })) };
    assert.throws(() => checkPlacement(onFailed, topology, 'h1 fails'), /restart-onto-failed-host/);
    const twice = { ...result, hosts: result.hosts.map((h) => (h.hostId === 'h1' ? { ...h, failed: false, after: { ...h.after, vmCount: 1 } } : h)) };
    assert.throws(() => checkPlacement(twice, topology, 'h1 fails'), /vm-held-twice/);
  });
});

describe(`fuzz: ${TOTAL} seeded cases hold every invariant`, () => {
  const perBlock = Math.ceil(TOTAL / BLOCKS);
  for (let block = 0; block < BLOCKS; block++) {
    const first = block * perBlock;
    const last = Math.min(TOTAL, first + perBlock);
    it(`cases ${first}..${last - 1} (seed ${SEED})`, () => {
      for (let index = first; index < last; index++) {
        const fuzzCase = makeCase(SEED, index, examples, 'light');
        const { violation } = runCase(fuzzCase);
        if (violation) {
          assert.fail(
            `case ${index} (${fuzzCase.origin}) broke ${violation.invariant}: ${violation.detail}\n` +
              `reproduce: npm run fuzz -- --seed ${SEED} --case ${index} --profile light (writes the input to fuzz-failures/)`,
          );
        }
      }
    });
  }
});
