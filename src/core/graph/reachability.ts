import type { Adjacency } from './adjacency';

/**
 * Vertices reachable from any of `sources` without entering a blocked vertex (a blocked
 * source reaches nothing). Breadth-first, O(V + E).
 */
export function reachableFrom(graph: Adjacency, sources: Iterable<number>, isBlocked: (vertex: number) => boolean = () => false): Uint8Array {
  const reached = new Uint8Array(graph.length);
  const queue: number[] = [];
  for (const source of sources) {
    if (source < 0 || source >= graph.length || reached[source] || isBlocked(source)) continue;
    reached[source] = 1;
    queue.push(source);
  }
  for (let head = 0; head < queue.length; head++) {
    for (const next of graph[queue[head] as number] ?? []) {
      if (reached[next] || isBlocked(next)) continue;
      reached[next] = 1;
      queue.push(next);
    }
  }
  return reached;
}

/** Connected component index of every vertex, numbered in order of their lowest vertex. O(V + E). */
export function connectedComponents(graph: Adjacency): Int32Array {
  const component = new Int32Array(graph.length).fill(-1);
  let count = 0;
  const stack: number[] = [];
  for (let start = 0; start < graph.length; start++) {
    if (component[start] !== -1) continue;
    component[start] = count;
    stack.push(start);
    while (stack.length > 0) {
      const vertex = stack.pop() as number;
      for (const next of graph[vertex] ?? []) {
        if (component[next] !== -1) continue;
        component[next] = count;
        stack.push(next);
      }
    }
    count++;
  }
  return component;
}
