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
  const results = resultsOf(topology, table);
  if (results.has(digest)) return results.get(digest) as T;
  const before = BEFORE.get(topology)?.get(table);
  const value = before?.has(digest) ? before.get(digest) as T : make();
  results.set(digest, value);
  return value;
}

/** A result kept by the objects it was made from (`carriedFromParts`). */
interface FromParts {
  readonly parts: readonly object[];
  readonly value: unknown;
}

/**
 * `make()`, a pure function of `parts`: elements of the design, whose data never changes once
 * read (an edit only moves their ranges), so the same object means the same data. An
 * incremental parse keeps the objects of the entries an edit left alone (reuse.ts): when the
 * design edited from had a result under `key` made from the same objects, in the same order,
 * it is taken back without reading them; else it is made. Cheaper than `carried` when the
 * input is thousands of elements, as a digest of their data would read all of it.
 */
export function carriedFromParts<T>(topology: Topology, table: string, key: string, parts: readonly object[], make: () => T): T {
  // Kept apart from the tables of `carried`, whose values are the results themselves.
  const partsTable = `${table} (by parts)`;
  const results = resultsOf(topology, partsTable);
  const own = results.get(key) as FromParts | undefined;
  if (own && sameObjects(own.parts, parts)) return own.value as T;
  const before = BEFORE.get(topology)?.get(partsTable)?.get(key) as FromParts | undefined;
  const value = before && sameObjects(before.parts, parts) ? before.value as T : make();
  results.set(key, { parts, value } satisfies FromParts);
  return value;
}

/** The results computed for a design under `table`, by key. */
function resultsOf(topology: Topology, table: string): Map<string, unknown> {
  let tables = COMPUTED.get(topology);
  if (!tables) COMPUTED.set(topology, (tables = new Map()));
  let results = tables.get(table);
  if (!results) tables.set(table, (results = new Map()));
  return results;
}

function sameObjects(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
