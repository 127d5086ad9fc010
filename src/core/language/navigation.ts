/**
 * Ids in the text: which reference or declaration is at an offset, and where a reference
 * leads. Built once per document version from the topology, then answered by binary search.
 */

import { resolveReference } from '../model/parse';
import type { Declaration, Reference } from '../model/schema';
import type { SourceRange } from '../model/source';
import type { Topology } from '../model/topology';

export class DesignIndex {
  private readonly referencesByStart: readonly Reference[];
  private readonly declarationsByStart: readonly Declaration[];
  /** Declarations whose id is written where they are: not the adapters and ports hosts take from a profile. */
  private readonly writtenByStart: readonly Declaration[];

  constructor(readonly topology: Topology) {
    this.referencesByStart = [...topology.references].sort((a, b) => a.range.start - b.range.start);
    this.declarationsByStart = [...topology.declarations.values()].sort((a, b) => a.idRange.start - b.idRange.start);
    this.writtenByStart = this.declarationsByStart.filter((declaration) => declaration.inheritedFrom === undefined);
  }

  /** The reference whose text contains the offset (the end counts: the cursor after a word). */
  referenceAt(offset: number): Reference | undefined {
    return containing(this.referencesByStart, offset, (reference) => reference.range);
  }

  /**
   * The declaration whose id contains the offset. An adapter or port in a host profile is
   * every profiled host's at once, so it is none of them here.
   */
  declarationAt(offset: number): Declaration | undefined {
    return containing(this.writtenByStart, offset, (declaration) => declaration.idRange);
  }

  resolve(reference: Reference): Declaration | undefined {
    return resolveReference(reference, this.topology.declarations);
  }

  /** Every declaration of the given kinds, in document order. */
  declarationsOf(kinds: ReadonlySet<string>): Declaration[] {
    return this.declarationsByStart.filter((declaration) => kinds.has(declaration.kind));
  }
}

function containing<T>(sorted: readonly T[], offset: number, rangeOf: (item: T) => SourceRange): T | undefined {
  let low = 0;
  let high = sorted.length - 1;
  let candidate: T | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = sorted[mid] as T;
    if (rangeOf(item).start <= offset) {
      candidate = item;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return candidate !== undefined && offset <= rangeOf(candidate).end ? candidate : undefined;
}

export interface Definition {
  /** The reference the cursor is on. */
  readonly origin: SourceRange;
  readonly declaration: Declaration;
}

/** Go to definition: the declaration of the element named by the reference at the offset. */
export function definitionAt(design: DesignIndex, offset: number): Definition | undefined {
  const reference = design.referenceAt(offset);
  if (!reference) return undefined;
  const declaration = design.resolve(reference);
  return declaration ? { origin: reference.range, declaration } : undefined;
}
