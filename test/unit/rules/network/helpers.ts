/** Shared by the network (LAN) rule tests: one rule's findings, the text under a range or finding, a fix applied, and designs without a LAN. */

import type { AnalysisRule, Finding } from '../../../../src/core/analysis/rule';
import { analyzeText } from '../../../../src/core/analysis/engine';
import { applyEdits } from '../../../../src/core/edit/yaml-edits';
import { parseVtopo } from '../../../../src/core/model/parse';
import type { Report } from '../../../../src/core/model/report';
import type { SourceRange } from '../../../../src/core/model/source';
import { lanDesign } from '../../lan/fixtures';

export { at } from '../platform/design';

/** One rule's findings, and any rule's internal error (so a crash is not mistaken for silence). */
export function findingsOf(text: string, ruleId: string): Finding[] {
  return analyzeText(text).findings.filter((finding) => finding.ruleId === ruleId || finding.internalError === true);
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

/** The rule's reports with the document text in the context (quick fixes included). */
export function reportsOf(rule: AnalysisRule, text: string): Report[] {
  return [...rule.check({ topology: parseVtopo(text).topology, option: () => 0, today: '2025-01-01', text })];
}

/** The three-host design whose hosts say nothing about their LAN: Ethernet ports without roles, no VMkernel port or virtual switch. */
export const NO_LAN_DESIGN = lanDesign({ hostLan: '' });

/** The default design with every LAN cable going to switch lan-1. */
export const ONE_SWITCH_DESIGN = lanDesign({ lanLinks: ['[HOST/nic1/p0, lan-1]', '[HOST/nic1/p1, lan-1]', '[HOST/nic2/p0, lan-1]', '[HOST/nic2/p1, lan-1]'] });
