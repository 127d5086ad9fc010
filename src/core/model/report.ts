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
