import type { Adjacency } from './adjacency';

/**
 * A forest (an acyclic undirected graph) rooted at the lowest node of each tree, with DFS
 * entry/exit times for O(1) ancestor tests. O(V) to build.
 */
export interface RootedForest {
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  readonly root: Int32Array;
  readonly entry: Int32Array;
  readonly exit: Int32Array;
  /** Children of each node in DFS order (increasing entry time). */
  readonly children: readonly (readonly number[])[];
}

export function rootForest(forest: Adjacency): RootedForest {
  const n = forest.length;
  const parent = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n);
  const root = new Int32Array(n).fill(-1);
  const entry = new Int32Array(n);
  const exit = new Int32Array(n);
  const children: number[][] = Array.from({ length: n }, () => []);
  let time = 0;
  const stack: number[] = [];
  const next: number[] = [];
  for (let start = 0; start < n; start++) {
    if (root[start] !== -1) continue;
    root[start] = start;
    entry[start] = time++;
    stack.push(start);
    next.push(0);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const node = stack[top] as number;
      const neighbours = forest[node] ?? [];
      const index = next[top] as number;
      if (index < neighbours.length) {
        next[top] = index + 1;
        const child = neighbours[index] as number;
        if (child === parent[node] || root[child] !== -1) continue;
        parent[child] = node;
        depth[child] = (depth[node] as number) + 1;
        root[child] = start;
        entry[child] = time++;
        children[node]?.push(child);
        stack.push(child);
        next.push(0);
        continue;
      }
      exit[node] = time++;
      stack.pop();
      next.pop();
    }
  }
  return { parent, depth, root, entry, exit, children };
}

/** Whether `ancestor` is `node` or lies above it. */
export function isAncestor(forest: RootedForest, ancestor: number, node: number): boolean {
  return (forest.entry[ancestor] as number) <= (forest.entry[node] as number) && (forest.exit[node] as number) <= (forest.exit[ancestor] as number);
}

/** Nodes on the path from `from` to `to`, both included; empty when they are in different trees. O(path length). */
export function treePath(forest: RootedForest, from: number, to: number): number[] {
  if (forest.root[from] !== forest.root[to]) return [];
  const up: number[] = [];
  const down: number[] = [];
  let a = from;
  let b = to;
  while ((forest.depth[a] as number) > (forest.depth[b] as number)) {
    up.push(a);
    a = forest.parent[a] as number;
  }
  while ((forest.depth[b] as number) > (forest.depth[a] as number)) {
    down.push(b);
    b = forest.parent[b] as number;
  }
  while (a !== b) {
    up.push(a);
    down.push(b);
    a = forest.parent[a] as number;
    b = forest.parent[b] as number;
  }
  up.push(a);
  return up.concat(down.reverse());
}

/**
 * Which part of the forest `node` falls in once `removed` is taken out: the index of the
 * child of `removed` whose subtree holds it, or -1 for everything outside `removed`'s
 * subtree. O(log degree).
 */
function partAfterRemoving(forest: RootedForest, removed: number, node: number): number {
  if (!isAncestor(forest, removed, node)) return -1;
  const children = forest.children[removed] ?? [];
  const entry = forest.entry[node] as number;
  let lo = 0;
  let hi = children.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((forest.entry[children[mid] as number] as number) <= entry) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface TreeSeparation {
  /** Whether some source and some target are in the same tree. */
  readonly connected: boolean;
  /** Candidate nodes lying on every path between any source and any target, from the sources' side. */
  readonly nodes: readonly number[];
}

/**
 * The nodes (among those `isCandidate` accepts) whose removal leaves no source connected
 * to any target: the nodes on every source-target path of the forest. A source or target
 * node itself counts when removing it separates the rest. Sources and targets spread over
 * two trees leave nothing separating. Candidates lie on the path between one source and
 * one target; each is checked against every terminal: O(L (|S| + |T|) log d) for a path
 * of length L, independent of the size of the forest.
 */
export function nodesOnEveryPath(
  forest: RootedForest,
  sources: readonly number[],
  targets: readonly number[],
  isCandidate: (node: number) => boolean = () => true,
): TreeSeparation {
  const targetRoots = new Set(targets.map((t) => forest.root[t] as number));
  const sharedRoots = new Set(sources.map((s) => forest.root[s] as number).filter((r) => targetRoots.has(r)));
  if (sharedRoots.size === 0) return { connected: false, nodes: [] };
  if (sharedRoots.size > 1) return { connected: true, nodes: [] };
  const [treeRoot] = sharedRoots;
  const inTree = (node: number) => forest.root[node] === treeRoot;
  const a = sources.filter(inTree);
  const b = targets.filter(inTree);
  const path = treePath(forest, a[0] as number, b[0] as number);
  const nodes: number[] = [];
  for (const node of path) {
    if (!isCandidate(node)) continue;
    const sourceParts = new Set<number>();
    for (const s of a) if (s !== node) sourceParts.add(partAfterRemoving(forest, node, s));
    let separates = true;
    for (const t of b) {
      if (t !== node && sourceParts.has(partAfterRemoving(forest, node, t))) {
        separates = false;
        break;
      }
    }
    if (separates) nodes.push(node);
  }
  return { connected: true, nodes };
}
