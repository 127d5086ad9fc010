/**
 * Results one analysis hands to the next (src/core/model/carried.ts): by a digest of their
 * input, or by the very objects they were made from.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { carried, carriedFromParts, carryResults } from '../../../src/core/model/carried';
import { Topology } from '../../../src/core/model/topology';

const design = (): Topology => new Topology(undefined, new Map(), []);

describe('carriedFromParts', () => {
  it('takes a result back from the design edited from when it was made from the same objects, in the same order', () => {
    const [a, b, c] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const last = design();
    let made = 0;
    const make = () => ({ made: ++made });
    const first = carriedFromParts(last, 'table', 'cluster-1', [a, b], make);
    assert.equal(carriedFromParts(last, 'table', 'cluster-1', [a, b], make), first, 'asked again for the same design');

    const same = design();
    carryResults(last, same);
    assert.equal(carriedFromParts(same, 'table', 'cluster-1', [a, b], make), first, 'the same objects: taken back');
    assert.equal(made, 1);

    for (const [what, parts] of [['an object replaced', [a, c]], ['another order', [b, a]], ['one more', [a, b, c]], ['one fewer', [a]]] as const) {
      const next = design();
      carryResults(last, next);
      assert.notEqual(carriedFromParts(next, 'table', 'cluster-1', parts, make), first, `${what}: made again`);
    }
    const otherKey = design();
    carryResults(last, otherKey);
    assert.notEqual(carriedFromParts(otherKey, 'table', 'cluster-2', [a, b], make), first, 'another key: made again');
    const otherTable = design();
    carryResults(last, otherTable);
    assert.notEqual(carriedFromParts(otherTable, 'other table', 'cluster-1', [a, b], make), first, 'another table: made again');
  });

  it('keeps only what the last design computed: a result is not carried two edits on unless it was asked for in between', () => {
    const part = { id: 'a' };
    const first = design();
    const value = carriedFromParts(first, 'table', 'k', [part], () => 'first');
    const second = design();
    carryResults(first, second);
    const third = design();
    carryResults(second, third);
    assert.equal(carriedFromParts(third, 'table', 'k', [part], () => 'made'), 'made');
    assert.equal(value, 'first');
  });

  it('lives beside the digest-keyed results without mixing them up', () => {
    const part = { id: 'a' };
    const last = design();
    assert.equal(carried(last, 'table', 'key', () => 'by digest'), 'by digest');
    assert.equal(carriedFromParts(last, 'table', 'key', [part], () => 'by parts'), 'by parts', 'the same table and key by parts');
    const next = design();
    carryResults(last, next);
    assert.equal(carried(next, 'table', 'key', () => 'made'), 'by digest');
    assert.equal(carriedFromParts(next, 'table', 'key', [part], () => 'made'), 'by parts');
  });
});
