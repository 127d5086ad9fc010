/**
 * What an import tells the user besides the design: counts, what it inferred, what the
 * source did not have, and rows it could not use. Printed by `vtopo import` on stderr and
 * shown by the VS Code command; the design's header comment repeats the counts.
 */

import { defineMessages } from '../l10n/messages';
import { formatList } from '../l10n/format';
import { grouped } from '../text/plural';

const MESSAGES = defineMessages('import.summary', {
  moreWarnings: '{count} more warnings like these',
  imported: 'Imported: {counts}.',
  inferred: 'Inferred',
  missing: 'Not in the source',
  warnings: 'Warnings',
  sectionTitle: '{title}:',
  note: '  - {note}',
});

/** What an import counts, each a noun with a text per form. */
export type ImportedKind = 'cluster' | 'host' | 'VM' | 'datastore' | 'rule';

const COUNTS = defineMessages('import.counts', {
  oneCluster: '1 cluster',
  manyClusters: '{count} clusters',
  oneHost: '1 host',
  manyHosts: '{count} hosts',
  oneVm: '1 VM',
  manyVms: '{count} VMs',
  oneDatastore: '1 datastore',
  manyDatastores: '{count} datastores',
  oneRule: '1 rule',
  manyRules: '{count} rules',
});

/** "1 host", "24 hosts", "1,480 VMs" in the user's language. */
export function countText(kind: ImportedKind, n: number): string {
  const count = grouped(n);
  const one = n === 1;
  switch (kind) {
    case 'cluster':
      return one ? COUNTS.oneCluster({}) : COUNTS.manyClusters({ count });
    case 'host':
      return one ? COUNTS.oneHost({}) : COUNTS.manyHosts({ count });
    case 'VM':
      return one ? COUNTS.oneVm({}) : COUNTS.manyVms({ count });
    case 'datastore':
      return one ? COUNTS.oneDatastore({}) : COUNTS.manyDatastores({ count });
    case 'rule':
      return one ? COUNTS.oneRule({}) : COUNTS.manyRules({ count });
  }
}

export interface ImportSummary {
  /** "host" -> 12 (the noun in the singular), in the order they were counted. */
  readonly counts: ReadonlyArray<readonly [ImportedKind, number]>;
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
  readonly counts: Array<readonly [ImportedKind, number]> = [];
  private readonly inferredNotes = new Set<string>();
  private readonly missingNotes = new Set<string>();
  private readonly warningNotes = new Set<string>();
  private suppressed = 0;

  constructor(private readonly warningLimit = 50) {}

  count(what: ImportedKind, n: number): void {
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
    if (this.suppressed > 0) warnings.push(MESSAGES.moreWarnings({ count: grouped(this.suppressed) }));
    return { counts: this.counts, inferred: [...this.inferredNotes], missing: [...this.missingNotes], warnings };
  }
}

/** The summary as plain text lines, for a terminal or an output channel. */
export function formatSummary(summary: ImportSummary): string {
  const lines = [MESSAGES.imported({ counts: formatList(summary.counts.map(([kind, n]) => countText(kind, n))) })];
  const section = (title: string, notes: readonly string[]) => {
    if (notes.length === 0) return;
    lines.push(MESSAGES.sectionTitle({ title }), ...notes.map((note) => MESSAGES.note({ note })));
  };
  section(MESSAGES.inferred({}), summary.inferred);
  section(MESSAGES.missing({}), summary.missing);
  section(MESSAGES.warnings({}), summary.warnings);
  return `${lines.join('\n')}\n`;
}
