import type { Adjacency } from './adjacency';
import { blockCutTree } from './block-cut-tree';
import { nodesOnEveryPath, rootForest, type RootedForest } from './rooted-forest';

/**
 * Precomputed structure for "which single vertices lie on every path between these
 * vertices": the graph's block-cut tree, rooted. Built once in O(V + E); each query then
 * costs the length of one tree path times the number of terminals, not the graph's size.
 */
export interface CutIndex {
  readonly vertexCount: number;
  readonly forest: RootedForest;
}

export function buildCutIndex(graph: Adjacency): CutIndex {
  const { vertexCount, tree } = blockCutTree(graph);
  return { vertexCount, forest: rootForest(tree) };
}

export interface VertexSeparation {
  /** Whether any source is connected to any target. */
  readonly connected: boolean;
  /** Vertices on every path from any source to any target (single-vertex cuts), sources' side first. A source or target counts when removing it disconnects the rest. */
  readonly vertices: readonly number[];
}

export function verticesOnEveryPath(index: CutIndex, sources: readonly number[], targets: readonly number[]): VertexSeparation {
  const inRange = (v: number) => v >= 0 && v < index.vertexCount;
  const a = [...new Set(sources.filter(inRange))];
  const b = [...new Set(targets.filter(inRange))];
  if (a.length === 0 || b.length === 0) return { connected: false, vertices: [] };
  const { connected, nodes } = nodesOnEveryPath(index.forest, a, b, (node) => node < index.vertexCount);
  return { connected, vertices: nodes };
}
