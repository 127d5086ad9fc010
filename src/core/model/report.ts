/**
 * What the parser and the rules report: a message on a range, the elements it is about,
 * related places, and quick fixes as plain data (text edits) that any host can apply.
 */

import type { SourceRange } from './source';

export interface TextEdit {
  readonly range: SourceRange;
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix an editor may apply with a single keystroke. */
  readonly preferred?: boolean;
}

export interface RelatedLocation {
  readonly message: string;
  readonly range: SourceRange;
}

/** Every range a report holds, as `R`: its own, its related places', its fixes' edits. */
export interface ReportRanges<R> {
  readonly range: R;
  readonly related?: ReadonlyArray<{ readonly message: string; readonly range: R }>;
  readonly fixes?: ReadonlyArray<{ readonly title: string; readonly edits: ReadonlyArray<{ readonly range: R; readonly newText: string }>; readonly preferred?: boolean }>;
}

/** A report with every range it holds made anew by `map` (moved by an edit, or turned into lines and characters). */
export function mapRanges<T extends ReportRanges<SourceRange>, R>(report: T, map: (range: SourceRange) => R): Omit<T, keyof ReportRanges<unknown>> & ReportRanges<R> {
  const { range, related, fixes, ...rest } = report;
  return {
    ...rest,
    range: map(range),
    ...(related ? { related: related.map((entry) => ({ ...entry, range: map(entry.range) })) } : {}),
    ...(fixes ? { fixes: fixes.map((fix) => ({ ...fix, edits: fix.edits.map((textEdit) => ({ ...textEdit, range: map(textEdit.range) })) })) } : {}),
  };
}

/** Every range a report holds: its own, its related places', its fixes' edits. */
export function rangesOf(report: ReportRanges<SourceRange>): SourceRange[] {
  return [report.range, ...(report.related ?? []).map((related) => related.range), ...(report.fixes ?? []).flatMap((fix) => fix.edits.map((textEdit) => textEdit.range))];
}

export interface Report {
  readonly message: string;
  readonly range: SourceRange;
  /** Ids of the design elements the report is about (e.g. `esx-01`, `fq1616r/a`). */
  readonly elementIds: readonly string[];
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly QuickFix[];
}

/** The structural rules: problems found while reading the text, before any analysis. */
export const STRUCTURAL_RULE_IDS = [
  'syntax',
  'unknown-key',
  'invalid-value',
  'missing-field',
  'duplicate-id',
  'unresolved-reference',
  'format-version',
  'input-limit',
] as const;

export type StructuralRuleId = (typeof STRUCTURAL_RULE_IDS)[number];

export interface ParseProblem extends Report {
  readonly ruleId: StructuralRuleId;
}
