/**
 * Cycles of a directed graph given as edges between named vertices: one per strongly
 * connected component that has one (Tarjan's algorithm, iterative so
 * that long chains cannot overflow the stack), each as the list of its edges in order, the
 * last leading back to the first. Linear in the size of the graph plus the cycles reported.
 */
export function directedCycles<E extends { readonly from: string; readonly to: string }>(edges: readonly E[]): E[][] {
  const out = new Map<string, E[]>();
  const nodes: string[] = [];
  for (const edge of edges) {
    for (const node of [edge.from, edge.to]) {
      if (!out.has(node)) {
        out.set(node, []);
        nodes.push(node);
      }
    }
    out.get(edge.from)?.push(edge);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      const successors = out.get(frame.node) ?? [];
      const edge = successors[frame.next];
      if (edge) {
        frame.next += 1;
        const target = edge.to;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        for (;;) {
          const member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
          if (member === frame.node) break;
        }
        components.push(component);
      }
    }
  }
  const cycles: E[][] = [];
  const order = new Map(nodes.map((node, position) => [node, position]));
  for (const component of components) {
    const [only] = component;
    if (component.length === 1 && !(only !== undefined && out.get(only)?.some((edge) => edge.to === only))) continue;
    const members = new Set(component);
    // Start from the member seen first, so the reported cycle follows the file's order.
    const start = component.reduce((a, b) => ((order.get(b) ?? 0) < (order.get(a) ?? 0) ? b : a));
    const cycle = shortestCycleThrough(start, members, out);
    if (cycle) cycles.push(cycle);
  }
  return cycles;
}

/** Breadth-first search inside one component for the shortest way back to `start`. */
function shortestCycleThrough<E extends { readonly from: string; readonly to: string }>(start: string, members: ReadonlySet<string>, out: ReadonlyMap<string, E[]>): E[] | undefined {
  const cameBy = new Map<string, E>();
  const queue: string[] = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head];
    if (node === undefined) break;
    for (const edge of out.get(node) ?? []) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const path: E[] = [edge];
        let at = edge.from;
        while (at !== start) {
          const previous = cameBy.get(at);
          if (!previous) return undefined;
          path.push(previous);
          at = previous.from;
        }
        return path.reverse();
      }
      if (cameBy.has(edge.to)) continue;
      cameBy.set(edge.to, edge);
      queue.push(edge.to);
    }
  }
  return undefined;
}
