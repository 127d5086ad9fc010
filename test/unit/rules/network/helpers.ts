/** Shared by the network rule tests: one rule's findings, the text under a range, a fix applied. */

import { analyzeText } from '../../../../src/core/analysis/engine';
import type { Finding } from '../../../../src/core/analysis/rule';
import { applyEdits } from '../../../../src/core/edit/yaml-edits';
import type { SourceRange } from '../../../../src/core/model/source';

export function findingsOf(text: string, ruleId: string): Finding[] {
  return analyzeText(text).findings.filter((finding) => finding.ruleId === ruleId || finding.message.startsWith('internal error'));
}

export function textAt(text: string, range: SourceRange | undefined): string {
  return range ? text.slice(range.start, range.end) : '';
}

/** The text after applying a finding's preferred quick fix. */
export function fixed(text: string, finding: Finding | undefined): string {
  const fix = finding?.fixes?.find((f) => f.preferred) ?? finding?.fixes?.[0];
  if (!fix) throw new Error('the finding has no quick fix');
  return applyEdits(text, fix.edits);
}
