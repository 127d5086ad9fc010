import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  adjacencyFromEdges,
  blockCutTree,
  buildCutIndex,
  connectedComponents,
  reachableFrom,
  rootForest,
  treePath,
  verticesOnEveryPath,
} from '../../../src/core/graph';

/** 0-1-2-3 in a line, plus 3-4-5-3 as a triangle. */
const lineThenTriangle = adjacencyFromEdges(6, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 3]]);

describe('adjacencyFromEdges', () => {
  it('lists each neighbour once and drops self-loops', () => {
    const graph = adjacencyFromEdges(3, [[0, 1], [1, 0], [1, 1], [1, 2]]);
    assert.deepEqual(graph, [[1], [0, 2], [1]]);
  });
});

describe('reachableFrom', () => {
  it('stops at blocked vertices', () => {
    const reached = reachableFrom(lineThenTriangle, [0], (v) => v === 2);
    assert.deepEqual([...reached], [1, 1, 0, 0, 0, 0]);
  });

  it('reaches around a cycle when one side is blocked', () => {
    const reached = reachableFrom(lineThenTriangle, [2], (v) => v === 4);
    assert.deepEqual([...reached], [1, 1, 1, 1, 0, 1]);
  });
});

describe('connectedComponents', () => {
  it('numbers components by their lowest vertex', () => {
    const graph = adjacencyFromEdges(5, [[3, 4], [0, 2]]);
    assert.deepEqual([...connectedComponents(graph)], [0, 1, 0, 2, 2]);
  });
});

describe('blockCutTree', () => {
  it('finds the cut vertices of a line ending in a triangle', () => {
    const { isCutVertex, blockCount } = blockCutTree(lineThenTriangle);
    assert.deepEqual([...isCutVertex], [0, 1, 1, 1, 0, 0]);
    assert.equal(blockCount, 4); // three bridges and the triangle
  });

  it('finds no cut vertex in a cycle', () => {
    const cycle = adjacencyFromEdges(4, [[0, 1], [1, 2], [2, 3], [3, 0]]);
    assert.deepEqual([...blockCutTree(cycle).isCutVertex], [0, 0, 0, 0]);
  });
});

describe('treePath', () => {
  it('walks up to the common ancestor and down again', () => {
    const tree = rootForest(adjacencyFromEdges(5, [[0, 1], [1, 2], [0, 3], [3, 4]]));
    assert.deepEqual(treePath(tree, 2, 4), [2, 1, 0, 3, 4]);
    assert.deepEqual(treePath(tree, 4, 4), [4]);
  });
});

describe('verticesOnEveryPath', () => {
  it('reports the cut vertices between two ends of a line', () => {
    const index = buildCutIndex(lineThenTriangle);
    assert.deepEqual(verticesOnEveryPath(index, [0], [4]), { connected: true, vertices: [0, 1, 2, 3, 4] });
  });

  it('reports nothing between two vertices of a cycle other than the ends themselves', () => {
    const index = buildCutIndex(lineThenTriangle);
    assert.deepEqual(verticesOnEveryPath(index, [4], [5]).vertices, [4, 5]);
  });

  it('treats several sources as alternatives: two entries into a cycle leave no shared vertex', () => {
    // Two "host ports" 0 and 1 enter a ring 2-3-4-5 at 2 and 4; the "array" 6 hangs off 3 and 5.
    const graph = adjacencyFromEdges(7, [[0, 2], [1, 4], [2, 3], [3, 4], [4, 5], [5, 2], [3, 6], [5, 6]]);
    assert.deepEqual(verticesOnEveryPath(buildCutIndex(graph), [0, 1], [6]), { connected: true, vertices: [6] });
  });

  it('says when no source reaches any target', () => {
    const graph = adjacencyFromEdges(4, [[0, 1], [2, 3]]);
    assert.deepEqual(verticesOnEveryPath(buildCutIndex(graph), [0], [3]), { connected: false, vertices: [] });
  });

  it('finds nothing when sources and targets meet in two separate components', () => {
    const graph = adjacencyFromEdges(4, [[0, 1], [2, 3]]);
    assert.deepEqual(verticesOnEveryPath(buildCutIndex(graph), [0, 2], [1, 3]), { connected: true, vertices: [] });
  });

  it('agrees with removing each vertex in turn, on random small graphs', () => {
    const graphs = fc.integer({ min: 1, max: 9 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        edges: fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })), { maxLength: 14 }),
        sources: fc.uniqueArray(fc.nat({ max: n - 1 }), { minLength: 1, maxLength: 3 }),
        targets: fc.uniqueArray(fc.nat({ max: n - 1 }), { minLength: 1, maxLength: 3 }),
      }),
    );
    fc.assert(
      fc.property(graphs, ({ n, edges, sources, targets }) => {
        const graph = adjacencyFromEdges(n, edges);
        const connects = (removed: number) => {
          const reached = reachableFrom(graph, sources, (v) => v === removed);
          return targets.some((t) => t !== removed && reached[t] === 1);
        };
        const expectedConnected = connects(-1);
        const expected = expectedConnected ? [...Array(n).keys()].filter((v) => !connects(v)) : [];
        const actual = verticesOnEveryPath(buildCutIndex(graph), sources, targets);
        assert.equal(actual.connected, expectedConnected);
        assert.deepEqual([...actual.vertices].sort((a, b) => a - b), expected);
      }),
      { numRuns: 500 },
    );
  });
});
