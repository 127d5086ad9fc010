/**
 * The outline as the analysis worker sends it: the symbols of `documentSymbols` as a flat,
 * depth-first list of ids and one array of numbers, with lines and characters rather than
 * offsets. A large design has tens of thousands of symbols; as objects they took 70 ms to
 * copy between threads, as this about 5 ms, and the editor needs no offset look-ups to
 * turn them into its own symbols (docs/performance.md).
 */

import type { ElementKind } from '../model/schema';
import { LineIndex, type LineRange, type SourceRange } from '../model/source';
import { kindName } from './messages';
import type { DesignSymbol } from './symbols';

export interface PackedOutline {
  /** How many symbols the design has: more than are packed when the outline was capped (`limitSymbols`). */
  readonly total: number;
  readonly ids: readonly string[];
  readonly kinds: readonly ElementKind[];
  /** Per symbol, in depth-first order: its number of children, then the lines and characters of its range and of its id. */
  readonly numbers: Int32Array;
}

export interface OutlineEntry {
  readonly id: string;
  /** The id's last segment: `p0` for `esx-01/hba1/p0`. */
  readonly name: string;
  readonly kind: ElementKind;
  /** The kind, in words. */
  readonly detail: string;
  readonly range: LineRange;
  readonly selectionRange: LineRange;
}

const STRIDE = 9;

export function packOutline(symbols: readonly DesignSymbol[], lines: LineIndex, total?: number): PackedOutline {
  const ids: string[] = [];
  const kinds: ElementKind[] = [];
  const numbers = new Int32Array(countSymbols(symbols) * STRIDE);
  let at = 0;
  const pushOffset = (offset: number) => {
    const { line, character } = lines.positionAt(offset);
    numbers[at++] = line;
    numbers[at++] = character;
  };
  const pushRange = (range: SourceRange) => {
    pushOffset(range.start);
    pushOffset(range.end);
  };
  const visit = (symbol: DesignSymbol) => {
    ids.push(symbol.id);
    kinds.push(symbol.kind);
    numbers[at++] = symbol.children.length;
    pushRange(symbol.range);
    pushRange(symbol.selectionRange);
    symbol.children.forEach(visit);
  };
  symbols.forEach(visit);
  return { total: Math.max(total ?? 0, ids.length), ids, kinds, numbers };
}

function countSymbols(symbols: readonly DesignSymbol[]): number {
  let count = symbols.length;
  for (const symbol of symbols) count += countSymbols(symbol.children);
  return count;
}

/** Rebuilds the tree, making each node with `make` from its entry and its children, made first. */
export function unpackOutline<T>(outline: PackedOutline, make: (entry: OutlineEntry, children: T[]) => T): T[] {
  let next = 0;
  const build = (): T => {
    const index = next++;
    const at = index * STRIDE;
    const number = (offset: number) => outline.numbers[at + offset] as number;
    const id = outline.ids[index] as string;
    const kind = outline.kinds[index] as ElementKind;
    const children: T[] = [];
    for (let child = number(0); child > 0; child--) children.push(build());
    const entry: OutlineEntry = {
      id,
      name: id.slice(id.lastIndexOf('/') + 1),
      kind,
      detail: kindName(kind),
      range: { startLine: number(1), startCharacter: number(2), endLine: number(3), endCharacter: number(4) },
      selectionRange: { startLine: number(5), startCharacter: number(6), endLine: number(7), endCharacter: number(8) },
    };
    return make(entry, children);
  };
  const roots: T[] = [];
  while (next < outline.ids.length) roots.push(build());
  return roots;
}

/** Whether two outlines list the same symbols at the same lines and characters. */
export function sameOutline(a: PackedOutline, b: PackedOutline): boolean {
  if (a === b) return true;
  if (a.total !== b.total || a.ids.length !== b.ids.length || a.numbers.length !== b.numbers.length) return false;
  for (let index = 0; index < a.ids.length; index++) {
    if (a.ids[index] !== b.ids[index] || a.kinds[index] !== b.kinds[index]) return false;
  }
  for (let index = 0; index < a.numbers.length; index++) {
    if (a.numbers[index] !== b.numbers[index]) return false;
  }
  return true;
}

/** Whether a value received from another thread has the shape of a packed outline. */
export function isPackedOutline(value: unknown): value is PackedOutline {
  if (value === null || typeof value !== 'object') return false;
  const { total, ids, kinds, numbers } = value as Partial<Record<keyof PackedOutline, unknown>>;
  return typeof total === 'number' && Array.isArray(ids) && total >= ids.length && Array.isArray(kinds) && numbers instanceof Int32Array
    && ids.length === kinds.length && numbers.length === ids.length * STRIDE;
}
