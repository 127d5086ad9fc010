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

export function documentSymbols(declarations: Iterable<Declaration>): DesignSymbol[] {
  // What a host takes from its profile is written in the profile, not under the host.
  const sorted = [...declarations].filter((declaration) => declaration.inheritedFrom === undefined).sort((a, b) => a.idRange.start - b.idRange.start);
  const byId = new Map<string, DesignSymbol>();
  const roots: DesignSymbol[] = [];
  const details = new Map<ElementKind, string>();
  for (const declaration of sorted) {
    let detail = details.get(declaration.kind);
    if (detail === undefined) {
      detail = kindName(declaration.kind);
      details.set(declaration.kind, detail);
    }
    const slash = declaration.id.lastIndexOf('/');
    const symbol: DesignSymbol = {
      name: declaration.id.slice(slash + 1),
      id: declaration.id,
      kind: declaration.kind,
      detail,
      range: covering(declaration.range, declaration.idRange),
      selectionRange: declaration.idRange,
      children: [],
    };
    byId.set(declaration.id, symbol);
    const parent = slash === -1 ? undefined : byId.get(declaration.id.slice(0, slash));
    (parent ? parent.children : roots).push(symbol);
  }
  return roots;
}

/**
 * At most `limit` symbols, chosen level by level in document order: every element before
 * any adapter, every adapter before any port, so a capped outline still lists the design's
 * elements first. `total` counts them all. VS Code's JSON and YAML support cap their
 * outlines the same way (`json.maxItemsComputed`), as the editor slows down with tens of
 * thousands of symbols (docs/performance.md).
 */
export function limitSymbols(roots: readonly DesignSymbol[], limit: number): { readonly symbols: DesignSymbol[]; readonly total: number } {
  const kept = new Set<DesignSymbol>();
  let total = 0;
  for (let level: readonly DesignSymbol[] = roots; level.length > 0; level = level.flatMap((symbol) => symbol.children)) {
    for (const symbol of level) {
      total++;
      // A level is only started once every symbol above it is kept: no child without its parent.
      if (kept.size < limit) kept.add(symbol);
    }
  }
  if (kept.size === total) return { symbols: [...roots], total };
  const copy = (symbol: DesignSymbol): DesignSymbol => ({ ...symbol, children: symbol.children.filter((child) => kept.has(child)).map(copy) });
  return { symbols: roots.filter((root) => kept.has(root)).map(copy), total };
}

/** Editors require the id to lie inside the element's range. */
function covering(range: SourceRange, inner: SourceRange): SourceRange {
  return { start: Math.min(range.start, inner.start), end: Math.max(range.end, inner.end) };
}
