/**
 * Results that one analysis of a document hands to the next (docs/performance.md): what a
 * pure function computed, by a digest of its whole input. After an edit, the next analysis
 * asks again with its own input; when the digest is the same, the answer is the same, and it
 * is taken back rather than computed (the N-1 sweep of a cluster whose hosts and VMs the
 * edit left as they were, say). Only the last analysis's results are kept, so a design's
 * results do not pile up edit after edit.
 */

import type { Topology } from './topology';

type Tables = Map<string, Map<string, unknown>>;

/** What was computed for each design, by table and digest. */
const COMPUTED = new WeakMap<Topology, Tables>();
/** What was computed for the design a design was edited from. */
const BEFORE = new WeakMap<Topology, Tables>();

/** Lets `next`, the design after an edit, take back what was computed for `last`. */
export function carryResults(last: Topology, next: Topology): void {
  const tables = COMPUTED.get(last);
  if (tables && last !== next) BEFORE.set(next, tables);
}

/**
 * `make()`, a pure function of the input `digest` stands for (all of it, in a string), as
 * computed for this design, else as computed for the design it was edited from, else made.
 */
export function carried<T>(topology: Topology, table: string, digest: string, make: () => T): T {
  let tables = COMPUTED.get(topology);
  if (!tables) COMPUTED.set(topology, (tables = new Map()));
  let results = tables.get(table);
  if (!results) tables.set(table, (results = new Map()));
  if (results.has(digest)) return results.get(digest) as T;
  const before = BEFORE.get(topology)?.get(table);
  const value = before?.has(digest) ? before.get(digest) as T : make();
  results.set(digest, value);
  return value;
}
