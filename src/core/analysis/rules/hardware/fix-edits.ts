/**
 * Quick-fix edits that replace a value the design states. Adding a field the element omits
 * needs the document text (setField in src/core/edit/yaml-edits.ts), which rules are not
 * given, so a finding about an omitted field carries no quick fix.
 */

import type { TextEdit } from '../../../model/report';
import type { ObjectSource } from '../../../model/schema';
import type { SourceRange } from '../../../model/source';
import type { Topology } from '../../../model/topology';

/** Replaces the value of a scalar field the element states. */
export function replaceStatedField<K extends string>(source: ObjectSource<K>, key: K, value: string): TextEdit | undefined {
  const field = source.fields[key];
  return field ? { range: field.value, newText: value } : undefined;
}

/**
 * Longest gap between a key and a flow list (`key: [`, with some spaces). A block list
 * starts on a later line, indented at least as deep as its key, which in the elements that
 * hold lists of references (host/vmkernelPorts/id/key) is at least four levels deep: the
 * gap is then at least `:` + line break + 4 spaces.
 */
const MAX_FLOW_GAP = 5;

/**
 * Replaces a stated list of references (`standby: [a, b]`, or a block list of `- a`
 * lines) with `value`. The reader's range of a block list runs on over its final line
 * break; the list proper ends with its last reference, whose range the reader keeps.
 */
export function replaceStatedList<K extends string>(topology: Topology, source: ObjectSource<K>, key: K, value: string): TextEdit | undefined {
  const field = source.fields[key];
  if (!field) return undefined;
  if (field.value.start - field.key.end <= MAX_FLOW_GAP) return { range: field.value, newText: value };
  const last = lastReferenceWithin(topology, field.value);
  return last === undefined ? undefined : { range: { start: field.value.start, end: last.end }, newText: value };
}

const referenceRanges = new WeakMap<Topology, readonly SourceRange[]>();

/** The last reference inside `range`, by binary search over the references sorted by start. */
function lastReferenceWithin(topology: Topology, range: SourceRange): SourceRange | undefined {
  let sorted = referenceRanges.get(topology);
  if (!sorted) {
    sorted = topology.references.map((r) => r.range).sort((a, b) => a.start - b.start);
    referenceRanges.set(topology, sorted);
  }
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle]?.start ?? Infinity) < range.end) low = middle + 1;
    else high = middle;
  }
  const candidate = sorted[low - 1];
  return candidate && candidate.start >= range.start && candidate.end <= range.end ? candidate : undefined;
}
