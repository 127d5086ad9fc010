/**
 * The edits made to a document since an earlier version, to use what was computed for that
 * version (a parsed design) while a newer one is being analyzed: an offset in today's text
 * maps back to the same character in the old text, and a range found there maps forward.
 * Text that was edited since has no counterpart, so it maps to undefined.
 */

/** One replacement, as an editor reports it: `removed` characters at `offset` became `inserted` ones. */
export interface TextChange {
  readonly offset: number;
  readonly removed: number;
  readonly inserted: number;
}

interface Step {
  /** The document's version after the step. */
  readonly version: number;
  /** Applied in order, each to the text the previous one left. */
  readonly changes: readonly TextChange[];
}

/** Past this many steps a trail is dropped: re-reading the document is cheaper than walking it. */
export const MAX_TRAIL_STEPS = 1000;

export class EditTrail {
  private steps: Step[] = [];

  /** Records the changes that made `version`; false once the trail is too long to keep. */
  record(version: number, changes: readonly TextChange[]): boolean {
    if (this.steps.length >= MAX_TRAIL_STEPS) return false;
    this.steps.push({ version, changes });
    return true;
  }

  /** Forgets the steps up to and including `version` (nothing before it is needed any more). */
  forgetThrough(version: number): void {
    this.steps = this.steps.filter((step) => step.version > version);
  }

  /** Where an offset of the current text was in version `from`, if that text was not edited since. */
  toVersion(offset: number, from: number): number | undefined {
    let at = offset;
    for (let s = this.steps.length - 1; s >= 0; s--) {
      const step = this.steps[s] as Step;
      if (step.version <= from) break;
      for (let c = step.changes.length - 1; c >= 0; c--) {
        const change = step.changes[c] as TextChange;
        if (at < change.offset) continue;
        if (at < change.offset + change.inserted) return undefined;
        at += change.removed - change.inserted;
      }
    }
    return at;
  }

  /** Where an offset of version `from` is in the current text, if its character was not edited since. */
  fromVersion(offset: number, from: number): number | undefined {
    let at = offset;
    for (const step of this.steps) {
      if (step.version <= from) continue;
      for (const change of step.changes) {
        if (at < change.offset) continue;
        if (at < change.offset + change.removed) return undefined;
        at += change.inserted - change.removed;
      }
    }
    return at;
  }
}
