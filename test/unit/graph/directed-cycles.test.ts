import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { directedCycles } from '../../../src/core/graph';

const edges = (...pairs: Array<[string, string]>) => pairs.map(([from, to]) => ({ from, to }));
const paths = (cycles: Array<Array<{ from: string; to: string }>>) => cycles.map((cycle) => cycle.map((e) => e.from).join('>'));

describe('directedCycles', () => {
  it('finds none in an empty graph or a single edge', () => {
    assert.deepEqual(directedCycles([]), []);
    assert.deepEqual(directedCycles(edges(['a', 'b'])), []);
  });

  it('finds each of two separate two-cycles', () => {
    assert.deepEqual(paths(directedCycles(edges(['a', 'b'], ['b', 'a'], ['c', 'd'], ['d', 'c']))).sort(), ['a>b', 'c>d']);
  });

  it('reports the shortest way back to the first vertex of a component', () => {
    assert.deepEqual(paths(directedCycles(edges(['a', 'c'], ['c', 'd'], ['d', 'a'], ['a', 'b'], ['b', 'a']))), ['a>b']);
  });

  it('keeps the caller\'s edge objects', () => {
    const loop = { from: 'x', to: 'x', label: 'self' };
    assert.equal(directedCycles([loop])[0]?.[0], loop);
  });

  it('finds none in a DAG, even a diamond', () => {
    assert.deepEqual(directedCycles(edges(['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd'])), []);
  });

  it('finds a self-loop and a three-cycle, one cycle per component, starting where the graph starts', () => {
    assert.deepEqual(paths(directedCycles(edges(['x', 'x'], ['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'b']))).sort(), ['a>b>c', 'x']);
  });

  it('walks a chain of 50,000 edges without overflowing the stack', () => {
    const chain = Array.from({ length: 50_000 }, (_, i) => ({ from: `v${i}`, to: `v${i + 1}` }));
    assert.deepEqual(directedCycles(chain), []);
    assert.deepEqual(paths(directedCycles([...chain, { from: 'v50000', to: 'v0' }])).map((p) => p.split('>').length), [50_001]);
  });
});
