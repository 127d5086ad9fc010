/**
 * Undirected graphs as adjacency lists over vertices 0..n-1: the shape every function in
 * this folder takes. Vertices are plain indices so the algorithms stay generic; callers
 * keep their own index <-> element mapping.
 */

export type Adjacency = readonly (readonly number[])[];

/** Adjacency lists of an undirected graph with `vertexCount` vertices and the given edges. Self-loops are dropped; parallel edges are kept once. */
export function adjacencyFromEdges(vertexCount: number, edges: Iterable<readonly [number, number]>): Adjacency {
  const lists: number[][] = Array.from({ length: vertexCount }, () => []);
  const seen = new Set<string>();
  for (const [a, b] of edges) {
    if (a === b || a < 0 || b < 0 || a >= vertexCount || b >= vertexCount) continue;
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lists[a]?.push(b);
    lists[b]?.push(a);
  }
  return lists;
}
