/**
 * Incremental analysis as a standing property: through seeded series of edits (a character
 * typed or deleted on a line, a line removed or doubled, a value changed, the fuzzer's text
 * and tree mutations), on the examples and on generated designs, the analysis that reuses
 * rules' last reports finds exactly what a whole analysis of the same text finds. And it
 * does reuse: an edit to a VM leaves the rules that read no VM alone.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadExamples } from '../../fuzz/cases';
import { generateDesign } from '../../fuzz/generate';
import { mutateText, mutateTree } from '../../fuzz/mutate';
import { Rng } from '../../fuzz/prng';
import { analyzeParsed, analyzeText } from '../../../src/core/analysis/engine';
import { AnalysisMemory } from '../../../src/core/analysis/incremental';
import { ANALYSIS_RULES } from '../../../src/core/analysis/rules';
import { parseVtopo } from '../../../src/core/model/parse';
import { generateDesign as generateBenchDesign, BENCH_SIZES, withOneVmEdited } from '../../../bench/generate';

const TODAY = '2026-01-01';
const STEPS = 12;

/** One edit a person might make: mostly typing on one line, sometimes lines or the fuzzer's mutations. */
function edit(text: string, rng: Rng): string {
  const lines = text.split('\n');
  const line = rng.int(lines.length);
  const current = lines[line] ?? '';
  const at = rng.int(current.length + 1);
  switch (rng.int(7)) {
    case 0:
      lines[line] = current.slice(0, at) + rng.pick(['x', '1', ' ', ':', '-', '#', 'GB', '}', ',']) + current.slice(at);
      return lines.join('\n');
    case 1:
      lines[line] = current.slice(0, at) + current.slice(at + 1 + rng.int(4));
      return lines.join('\n');
    case 2:
      lines.splice(line, 1);
      return lines.join('\n');
    case 3:
      lines.splice(line, 0, current);
      return lines.join('\n');
    case 4:
      lines[line] = current.replace(/\d+/, (digits) => String(Number(digits) * 2 + 1));
      return lines.join('\n');
    case 5:
      return mutateText(text, rng, 1).text;
    default:
      return mutateTree(text, rng, 1).text;
  }
}

/** Runs a series of edits on `start`, checking each incremental analysis against a whole one; returns how many rule runs were reused. */
function followEdits(start: string, rng: Rng, steps: number): number {
  const memory = new AnalysisMemory();
  let text = start;
  let reused = 0;
  for (let step = 0; step <= steps; step++) {
    if (step > 0) text = edit(text, rng);
    const incremental = analyzeParsed(parseVtopo(text), { today: TODAY }, memory);
    const whole = analyzeText(text, { today: TODAY });
    assert.deepEqual(incremental.findings, whole.findings, `step ${step}: the findings of an incremental analysis are a whole analysis's\n--- text\n${text}`);
    reused += incremental.reused?.length ?? 0;
  }
  return reused;
}

describe('incremental analysis', () => {
  for (const example of loadExamples()) {
    it(`finds what a whole analysis finds through edits to ${example.name}`, () => {
      const rng = new Rng(example.name.length * 7919 + 17);
      const reused = followEdits(example.text, rng, STEPS);
      assert.ok(reused > 0, 'some rules were not run again');
    });
  }

  it('finds what a whole analysis finds through edits to generated designs', () => {
    const rng = new Rng(20261204);
    for (let design = 0; design < 12; design++) followEdits(generateDesign(rng.fork()).text, rng.fork(), 6);
  });

  it('does not run the rules that read no VM again after an edit to a VM', () => {
    const text = generateBenchDesign(BENCH_SIZES[0] as (typeof BENCH_SIZES)[number]);
    const memory = new AnalysisMemory();
    analyzeParsed(parseVtopo(text), { today: TODAY }, memory);
    const edited = withOneVmEdited(text);
    assert.notEqual(edited, text);
    const { reused = [], findings } = analyzeParsed(parseVtopo(edited), { today: TODAY }, memory);
    assert.deepEqual(findings, analyzeText(edited, { today: TODAY }).findings);
    const readNoVm = ANALYSIS_RULES.filter((rule) => rule.reads && !rule.reads.includes('vms')).map((rule) => rule.meta.id);
    assert.ok(readNoVm.length > 10, `rules that read no VM: ${readNoVm.join(', ')}`);
    assert.deepEqual(readNoVm.filter((id) => !reused.includes(id)), [], 'every rule that reads no VM is reused');
    assert.ok(reused.every((id) => readNoVm.includes(id)), 'and no rule that reads the VMs');
  });

  it('reuses nothing when the host\'s settings or the day change, or the analysis section is edited', () => {
    const text = loadExamples()[0]?.text ?? '';
    const memory = new AnalysisMemory();
    analyzeParsed(parseVtopo(text), { today: TODAY }, memory);
    assert.ok((analyzeParsed(parseVtopo(text), { today: TODAY }, memory).reused ?? []).length > 0, 'the same text and settings: everything that says what it reads');
    assert.deepEqual(analyzeParsed(parseVtopo(text), { today: '2026-06-01' }, memory).reused, []);
    assert.deepEqual(analyzeParsed(parseVtopo(text), { today: '2026-06-01', rules: { 'n1-headroom': { severity: 'error' } } }, memory).reused, []);
    const withSettings = `${text.trimEnd()}\nanalysis:\n  rules:\n    vm-sprawl: off\n`;
    analyzeParsed(parseVtopo(withSettings), { today: TODAY }, memory);
    const changed = withSettings.replace('vm-sprawl: off', 'vm-sprawl: info');
    assert.deepEqual(analyzeParsed(parseVtopo(changed), { today: TODAY }, memory).reused, []);
  });

  it('reuses nothing in a design with an alias', () => {
    const text = `${loadExamples()[0]?.text.trimEnd()}\n# a comment\n`;
    const aliased = text.replace(/\n# a comment\n$/, '\nx-shared: &shared 1\n');
    const memory = new AnalysisMemory();
    analyzeParsed(parseVtopo(aliased), { today: TODAY }, memory);
    const withAlias = aliased.replace('x-shared: &shared 1', 'x-shared: &shared 1\nx-other: *shared');
    assert.deepEqual(analyzeParsed(parseVtopo(withAlias), { today: TODAY }, memory).reused, []);
  });
});
