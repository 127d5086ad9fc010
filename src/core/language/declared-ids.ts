/**
 * Every declared element's id and kind, in document order, as the analysis worker sends
 * them with each report: what completion offers for a reference, without the extension
 * host reading the design (docs/performance.md). Plain arrays, cheap to copy between
 * processes; the order is `DesignIndex`'s, so completion lists the same ids either way.
 */

import type { Declaration, ElementKind } from '../model/schema';
import type { DeclaredElements } from './completion';

export interface PackedIds {
  readonly ids: readonly string[];
  readonly kinds: readonly ElementKind[];
}

export function packIds(declarations: Iterable<Declaration>): PackedIds {
  const sorted = [...declarations].sort((a, b) => a.idRange.start - b.idRange.start);
  return { ids: sorted.map((declaration) => declaration.id), kinds: sorted.map((declaration) => declaration.kind) };
}

/** Whether a value received from another process has the shape of packed ids. */
export function isPackedIds(value: unknown): value is PackedIds {
  if (value === null || typeof value !== 'object') return false;
  const { ids, kinds } = value as Partial<Record<keyof PackedIds, unknown>>;
  return Array.isArray(ids) && Array.isArray(kinds) && ids.length === kinds.length;
}

export class DeclaredIds implements DeclaredElements {
  constructor(private readonly packed: PackedIds) {}

  declarationsOf(kinds: ReadonlySet<string>): Array<{ readonly id: string; readonly kind: ElementKind }> {
    const found: Array<{ id: string; kind: ElementKind }> = [];
    this.packed.kinds.forEach((kind, index) => {
      if (kinds.has(kind)) found.push({ id: this.packed.ids[index] as string, kind });
    });
    return found;
  }
}
