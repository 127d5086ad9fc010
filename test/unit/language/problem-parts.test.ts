import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BENCH_SIZES, generateDesign } from '../../../bench/generate';
import { analyzeText } from '../../../src/core/analysis/engine';
import { PROBLEM_PARTS, partOf, shownProblems, spreadProblems } from '../../../src/core/language/problem-parts';

interface Problem { readonly name: string; readonly rank: number }
const problem = (name: string, rank: number): Problem => ({ name, rank });

describe('the problems a file shows', () => {
  it('shows every problem, in the order given, when there are no more than the limit', () => {
    const problems = [problem('a', 3), problem('b', 0), problem('c', 1)];
    assert.deepEqual(shownProblems(problems, (p) => p.rank, 3), { shown: problems, omitted: 0 });
  });

  it('past the limit, shows the most severe first, each severity in the order given, and counts the rest', () => {
    const problems = [problem('hint', 3), problem('error 1', 0), problem('warning 1', 1), problem('error 2', 0), problem('info', 2), problem('warning 2', 1)];
    const { shown, omitted } = shownProblems(problems, (p) => p.rank, 3);
    assert.deepEqual(shown.map((p) => p.name), ['error 1', 'error 2', 'warning 1']);
    assert.equal(omitted, 3);
  });

  it('fills the limit with errors alone when there are that many', () => {
    const problems = [problem('warning', 1), ...Array.from({ length: 5 }, (_, index) => problem(`error ${index}`, 0))];
    const { shown, omitted } = shownProblems(problems, (p) => p.rank, 4);
    assert.deepEqual(shown.map((p) => p.name), ['error 0', 'error 1', 'error 2', 'error 3']);
    assert.equal(omitted, 2);
  });
});

describe('problems spread over collections', () => {
  const keys = Array.from({ length: 1000 }, (_, index) => `unresolved-reference\nVM "vm-${index}" runs on "nowhere", which is not declared`);

  it('puts each problem in exactly one part, in the order given, the same part for the same key', () => {
    const parts = spreadProblems(keys, (key) => partOf(key, PROBLEM_PARTS));
    assert.equal(parts.length, PROBLEM_PARTS);
    assert.deepEqual(parts.flat().sort(), [...keys].sort());
    for (const [index, part] of parts.entries()) {
      assert.deepEqual(part, keys.filter((key) => partOf(key, PROBLEM_PARTS) === index), `part ${index} keeps the order given`);
    }
    assert.deepEqual(spreadProblems([...keys].reverse(), (key) => partOf(key, PROBLEM_PARTS)).map((part) => [...part].sort()), parts.map((part) => [...part].sort()));
  });

  it('spreads similar keys over every part, none holding more than twice its share', () => {
    const sizes = spreadProblems(keys, (key) => partOf(key, PROBLEM_PARTS)).map((part) => part.length);
    assert.ok(sizes.every((size) => size > 0 && size <= (2 * keys.length) / PROBLEM_PARTS), `sizes: ${sizes.join(', ')}`);
  });

  it('spreads a design\'s findings evenly: the bench\'s large design, none more than twice its share or less than half', () => {
    // Its messages differ in host and VM numbers, and plain FNV-1a put five times as many in some parts as in others.
    const large = BENCH_SIZES.find((size) => size.name === 'large');
    assert.ok(large);
    const rank = { error: 0, warning: 1, info: 2, hint: 3 } as const;
    const { shown } = shownProblems(analyzeText(generateDesign(large)).findings, (finding) => rank[finding.severity]);
    const share = shown.length / PROBLEM_PARTS;
    const sizes = spreadProblems(shown, (finding) => partOf(`${finding.ruleId}\n${finding.message}`, PROBLEM_PARTS)).map((part) => part.length);
    assert.ok(sizes.every((size) => size >= share / 2 && size <= 2 * share), `sizes: ${sizes.join(', ')}`);
  });
});
