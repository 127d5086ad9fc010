/**
 * The outline: every declared element as a tree that follows its id (`esx-01` holds
 * `esx-01/hba1`, which holds `esx-01/hba1/p0`), in document order. Adapters and ports a
 * host takes from its profile are left out: their text is the profile's.
 */

import type { Declaration, ElementKind } from '../model/schema';
import type { SourceRange } from '../model/source';
import { kindName } from './messages';

export interface DesignSymbol {
  /** The id's last segment: `p0` for `esx-01/hba1/p0`. */
  readonly name: string;
  readonly id: string;
  readonly kind: ElementKind;
  /** The kind, in words. */
  readonly detail: string;
  /** The whole element. */
  readonly range: SourceRange;
  /** The id. */
  readonly selectionRange: SourceRange;
  readonly children: DesignSymbol[];
}

/** The outline of a design: every element it declares, as a tree, in document order. */
export function documentSymbols(declarations: Iterable<Declaration>): DesignSymbol[] {
  return limitedSymbols(declarations, Infinity).symbols;
}

/**
 * At most `limit` symbols of the outline, chosen level by level in document order: every
 * element before any adapter, every adapter before any port, so a capped outline still
 * lists the design's elements first. `total` counts them all. VS Code's JSON and YAML
 * support cap their outlines the same way (`json.maxItemsComputed`), as the editor slows
 * down with tens of thousands of symbols (docs/performance.md). Only the symbols kept are
 * made: the levels are counted first.
 */
export function limitedSymbols(declarations: Iterable<Declaration>, limit: number): { readonly symbols: DesignSymbol[]; readonly total: number } {
  // What a host takes from its profile is written in the profile, not under the host.
  const sorted = [...declarations].filter((declaration) => declaration.inheritedFrom === undefined).sort((a, b) => a.idRange.start - b.idRange.start);
  // Each symbol's parent (the symbol of its id up to the last slash, declared before it) and
  // level, and how many symbols each level has. In a design an adapter is written inside its
  // host and a port inside its adapter, so the parent is the last symbol still open: a stack
  // finds it without a look-up by id, which is made (from every symbol before) only for one
  // that is not written inside its parent.
  const parents = new Int32Array(sorted.length).fill(-1);
  const levels = new Uint8Array(sorted.length);
  const counts: number[] = [];
  const open: number[] = [];
  let byId: Map<string, number> | undefined;
  sorted.forEach((declaration, index) => {
    const { id } = declaration;
    const slash = id.lastIndexOf('/');
    let parent = -1;
    if (slash !== -1) {
      while (open.length > 0 && !isInside(id, (sorted[open[open.length - 1] as number] as Declaration).id)) open.pop();
      const last = open[open.length - 1];
      if (last !== undefined && (sorted[last] as Declaration).id.length === slash) parent = last;
      else {
        byId ??= new Map(sorted.slice(0, index).map((earlier, at) => [earlier.id, at]));
        parent = byId.get(id.slice(0, slash)) ?? -1;
      }
    } else {
      open.length = 0;
    }
    byId?.set(id, index);
    open.push(index);
    const level = parent === -1 ? 0 : Math.min((levels[parent] ?? 0) + 1, 255);
    parents[index] = parent;
    levels[index] = level;
    counts[level] = (counts[level] ?? 0) + 1;
  });
  // Whole levels while they fit, then the first of the next level, in document order (a level is only started once every symbol above it is kept).
  let room = limit;
  let wholeLevels = 0;
  while (wholeLevels < counts.length && (counts[wholeLevels] ?? 0) <= room) room -= counts[wholeLevels++] ?? 0;
  const made: (DesignSymbol | undefined)[] = new Array(sorted.length);
  const roots: DesignSymbol[] = [];
  const details = new Map<ElementKind, string>();
  sorted.forEach((declaration, index) => {
    const level = levels[index] ?? 0;
    if (level > wholeLevels || (level === wholeLevels && room-- <= 0)) return;
    let detail = details.get(declaration.kind);
    if (detail === undefined) {
      detail = kindName(declaration.kind);
      details.set(declaration.kind, detail);
    }
    const symbol: DesignSymbol = {
      name: declaration.id.slice(declaration.id.lastIndexOf('/') + 1),
      id: declaration.id,
      kind: declaration.kind,
      detail,
      range: covering(declaration.range, declaration.idRange),
      selectionRange: declaration.idRange,
      children: [],
    };
    made[index] = symbol;
    const parent = made[parents[index] ?? -1];
    (parent ? parent.children : roots).push(symbol);
  });
  return { symbols: roots, total: sorted.length };
}

/** Whether `id` names something inside `outer` (`esx-01/hba1` is inside `esx-01`). */
function isInside(id: string, outer: string): boolean {
  return id.length > outer.length && id.charCodeAt(outer.length) === 47 && id.startsWith(outer); // '/'
}

/** Editors require the id to lie inside the element's range. */
function covering(range: SourceRange, inner: SourceRange): SourceRange {
  return { start: Math.min(range.start, inner.start), end: Math.max(range.end, inner.end) };
}
