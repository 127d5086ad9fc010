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
  for (const declaration of sorted) {
    const slash = declaration.id.lastIndexOf('/');
    const symbol: DesignSymbol = {
      name: declaration.id.slice(slash + 1),
      id: declaration.id,
      kind: declaration.kind,
      detail: kindName(declaration.kind),
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

/** Editors require the id to lie inside the element's range. */
function covering(range: SourceRange, inner: SourceRange): SourceRange {
  return { start: Math.min(range.start, inner.start), end: Math.max(range.end, inner.end) };
}
