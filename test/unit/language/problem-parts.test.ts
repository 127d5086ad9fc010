import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
    const parts = spreadProblems(keys, (key) => key);
    assert.equal(parts.length, PROBLEM_PARTS);
    assert.deepEqual(parts.flat().sort(), [...keys].sort());
    for (const [index, part] of parts.entries()) {
      assert.deepEqual(part, keys.filter((key) => partOf(key, PROBLEM_PARTS) === index), `part ${index} keeps the order given`);
    }
    assert.deepEqual(spreadProblems([...keys].reverse(), (key) => key).map((part) => [...part].sort()), parts.map((part) => [...part].sort()));
  });

  it('spreads similar keys over every part, none holding more than twice its share', () => {
    const sizes = spreadProblems(keys, (key) => key).map((part) => part.length);
    assert.ok(sizes.every((size) => size > 0 && size <= (2 * keys.length) / PROBLEM_PARTS), `sizes: ${sizes.join(', ')}`);
  });
});
