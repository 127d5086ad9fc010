import type { Adjacency } from './adjacency';

/**
 * The block-cut tree of an undirected graph, with every vertex as a node: nodes
 * 0..vertexCount-1 are the graph's vertices, nodes vertexCount.. are its blocks
 * (biconnected components; a bridge is a block of two vertices), and a vertex node is
 * joined to each block it belongs to. A cut vertex belongs to several blocks, any other
 * vertex to one (or none when isolated). The result is a forest, one tree per connected
 * component; paths between vertices in it pass exactly the cut vertices every path in the
 * graph passes. Hopcroft-Tarjan, iterative, O(V + E).
 */
export interface BlockCutTree {
  readonly vertexCount: number;
  readonly blockCount: number;
  /** Adjacency over vertexCount + blockCount nodes. */
  readonly tree: Adjacency;
  readonly isCutVertex: Uint8Array;
}

export function blockCutTree(graph: Adjacency): BlockCutTree {
  const n = graph.length;
  const discovery = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const blocks: number[][] = [];
  const vertexStack: number[] = [];
  let time = 0;
  // Explicit DFS frames: vertex, its DFS parent, and the next neighbour to look at.
  const frameVertex: number[] = [];
  const frameParent: number[] = [];
  const frameNext: number[] = [];
  for (let root = 0; root < n; root++) {
    if (discovery[root] !== -1) continue;
    discovery[root] = low[root] = time++;
    vertexStack.push(root);
    frameVertex.push(root);
    frameParent.push(-1);
    frameNext.push(0);
    while (frameVertex.length > 0) {
      const top = frameVertex.length - 1;
      const vertex = frameVertex[top] as number;
      const neighbours = graph[vertex] ?? [];
      const index = frameNext[top] as number;
      if (index < neighbours.length) {
        frameNext[top] = index + 1;
        const next = neighbours[index] as number;
        if (discovery[next] === -1) {
          discovery[next] = low[next] = time++;
          vertexStack.push(next);
          frameVertex.push(next);
          frameParent.push(vertex);
          frameNext.push(0);
        } else if (next !== frameParent[top]) {
          low[vertex] = Math.min(low[vertex] as number, discovery[next] as number);
        }
        continue;
      }
      const parent = frameParent[top] as number;
      frameVertex.pop();
      frameParent.pop();
      frameNext.pop();
      if (parent === -1) {
        vertexStack.pop();
        continue;
      }
      low[parent] = Math.min(low[parent] as number, low[vertex] as number);
      if ((low[vertex] as number) >= (discovery[parent] as number)) {
        const block: number[] = [parent];
        for (;;) {
          const member = vertexStack.pop() as number;
          block.push(member);
          if (member === vertex) break;
        }
        blocks.push(block);
      }
    }
  }
  const tree: number[][] = Array.from({ length: n + blocks.length }, () => []);
  const membership = new Int32Array(n);
  blocks.forEach((block, b) => {
    for (const vertex of block) {
      tree[vertex]?.push(n + b);
      tree[n + b]?.push(vertex);
      membership[vertex] = (membership[vertex] as number) + 1;
    }
  });
  const isCutVertex = new Uint8Array(n);
  for (let vertex = 0; vertex < n; vertex++) isCutVertex[vertex] = (membership[vertex] as number) > 1 ? 1 : 0;
  return { vertexCount: n, blockCount: blocks.length, tree, isCutVertex };
}
