/**
 * What an import tells the user besides the design: counts, what it inferred, what the
 * source did not have, and rows it could not use. Printed by `vtopo import` on stderr and
 * shown by the VS Code command; the design's header comment repeats the counts.
 */

import { counted } from '../text/plural';

export interface ImportSummary {
  /** "host" -> 12 (the noun in the singular), in the order they were counted. */
  readonly counts: ReadonlyArray<readonly [string, number]>;
  /** Conclusions drawn from the data, each with its reason. */
  readonly inferred: readonly string[];
  /** Tabs or columns the source lacked, and what that leaves out. */
  readonly missing: readonly string[];
  /** Rows or cells that could not be used. */
  readonly warnings: readonly string[];
}

export interface ImportResult {
  readonly text: string;
  readonly summary: ImportSummary;
}

/** Collects notes without repeating one, and caps row-level warnings so a bad column does not flood the summary. */
export class SummaryBuilder {
  readonly counts: Array<readonly [string, number]> = [];
  private readonly inferredNotes = new Set<string>();
  private readonly missingNotes = new Set<string>();
  private readonly warningNotes = new Set<string>();
  private suppressed = 0;

  constructor(private readonly warningLimit = 50) {}

  count(what: string, n: number): void {
    this.counts.push([what, n]);
  }

  inferred(note: string): void {
    this.inferredNotes.add(note);
  }

  missing(note: string): void {
    this.missingNotes.add(note);
  }

  warn(note: string): void {
    if (this.warningNotes.has(note)) return;
    if (this.warningNotes.size >= this.warningLimit) this.suppressed += 1;
    else this.warningNotes.add(note);
  }

  build(): ImportSummary {
    const warnings = [...this.warningNotes];
    if (this.suppressed > 0) warnings.push(`${this.suppressed} more warnings like these`);
    return { counts: this.counts, inferred: [...this.inferredNotes], missing: [...this.missingNotes], warnings };
  }
}

/** The summary as plain text lines, for a terminal or an output channel. */
export function formatSummary(summary: ImportSummary): string {
  const lines = [`Imported: ${summary.counts.map(([noun, n]) => counted(n, noun)).join(', ')}.`];
  const section = (title: string, notes: readonly string[]) => {
    if (notes.length === 0) return;
    lines.push(`${title}:`, ...notes.map((note) => `  - ${note}`));
  };
  section('Inferred', summary.inferred);
  section('Not in the source', summary.missing);
  section('Warnings', summary.warnings);
  return `${lines.join('\n')}\n`;
}
