/**
 * The aliases of a YAML document, for the reader's alias budget (READ_LIMITS.aliasedNodes
 * in schema.ts): where each alias points, as yaml resolves it, and how many nodes an
 * anchored subtree holds, so that reading through an alias is counted without walking
 * the document again for each one.
 */

import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node } from 'yaml';

/** Where each alias of a document points (nowhere when no anchor before it has its name), and how many nodes each anchored subtree has. */
export interface AliasIndex {
  readonly targets: ReadonlyMap<Alias, Node | undefined>;
  readonly sizes: Map<Node, number>;
}

/**
 * One walk of the document, in yaml's order (a node before its children, a key before its
 * value): each alias points at the last node before it with its anchor, as yaml resolves
 * it; each anchored node gets the size of its subtree (an alias inside counts as one node:
 * what it stands for is counted when it is read). Iterative, for deeply nested input.
 */
export function indexAliases(document: Document): AliasIndex {
  const targets = new Map<Alias, Node | undefined>();
  const sizes = new Map<Node, number>();
  const latest = new Map<string, Node>();
  const root = document.contents as Node | null;
  if (!root) return { targets, sizes };
  /** A collection (or a pair: its key and value, no node itself) whose children are being walked. */
  interface Frame { readonly anchored: Node | undefined; readonly children: readonly unknown[]; next: number; size: number }
  const stack: Frame[] = [];
  // Visits one node: an alias or a scalar is done at once (size 1); a collection or a pair gets a frame.
  const enter = (value: unknown): number => {
    if (isAlias(value)) {
      targets.set(value, latest.get(value.source));
      return 1;
    }
    if (isPair(value)) {
      stack.push({ anchored: undefined, children: [value.key, value.value], next: 0, size: 0 });
      return 0;
    }
    if (isScalar(value)) {
      if (value.anchor) {
        latest.set(value.anchor, value);
        sizes.set(value, 1);
      }
      return 1;
    }
    if (!isMap(value) && !isSeq(value)) return 0;
    if (value.anchor) latest.set(value.anchor, value);
    stack.push({ anchored: value.anchor ? value : undefined, children: value.items as unknown[], next: 0, size: 1 });
    return 0;
  };
  const add = (size: number) => {
    const top = stack.at(-1);
    if (top) top.size += size;
  };
  enter(root);
  while (stack.length > 0) {
    const frame = stack.at(-1) as Frame;
    if (frame.next < frame.children.length) {
      add(enter(frame.children[frame.next++]));
      continue;
    }
    stack.pop();
    if (frame.anchored) sizes.set(frame.anchored, frame.size);
    add(frame.size);
  }
  return { targets, sizes };
}

/** Nodes in a subtree, aliases counted as one; from the index, else counted (and kept). */
export function sizeOf(node: Node, sizes: Map<Node, number>): number {
  const known = sizes.get(node);
  if (known !== undefined) return known;
  let size = 0;
  const pending: unknown[] = [node];
  while (pending.length > 0) {
    const value = pending.pop();
    if (isPair(value)) {
      pending.push(value.key, value.value);
    } else if (isMap(value) || isSeq(value)) {
      size += 1;
      for (const item of value.items as unknown[]) pending.push(item);
    } else if (isScalar(value) || isAlias(value)) {
      size += 1;
    }
  }
  sizes.set(node, size);
  return size;
}
