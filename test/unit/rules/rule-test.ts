/**
 * The one way to test an analyzer rule (ESLint's RuleTester is the model). Every rule test
 * under test/unit/rules/ imports these helpers from here, and every helper takes its
 * arguments in one order: the design text, then the rule (id or object), then options.
 *
 * - `findingsOf(text, ruleId, options?)`: the rule's findings from the whole analysis
 *   (`analyzeText`, as the editor and the CLI run it: severities, the file's settings).
 * - `reportsOf(text, rule, options?)`: one rule object's `check()` alone, with its option
 *   defaults, a fixed day and the document text (so quick fixes are built).
 * - `textAt(text, located)`: the text a finding's, report's or related location's range covers.
 * - `fixed(text, finding, title?)`: the text after its preferred (or title-matching) quick fix.
 * - `edited(text, ...replacements)`: a design with a few exact replacements, each one checked.
 *
 * Both runners fail the test when a rule throws (an internal error is never mistaken for
 * silence), when the design has structural problems (a design or a test edit gone wrong;
 * a test about broken designs says `{ allowStructuralProblems: true }`), and when the rule
 * reads a section of the design its `reads` does not name (recorded-reads.ts): every rule
 * test also checks what incremental analysis relies on.
 * Design builders and fixtures stay with their folder (capacity/helpers.ts, network/helpers.ts,
 * placement/helpers.ts, hardware/fixtures.ts, platform/design.ts, storage/fixtures.ts).
 */

import assert from 'node:assert/strict';
import { analyzeText, ruleOption, type AnalysisOptions } from '../../../src/core/analysis/engine';
import { ANALYSIS_RULES } from '../../../src/core/analysis/rules';
import { allowedReads, recordedReads } from './recorded-reads';
import type { AnalysisRule, Finding } from '../../../src/core/analysis/rule';
import type { RuleId } from '../../../src/core/analysis/rule-ids';
import { applyEdits } from '../../../src/core/edit/yaml-edits';
import { parseVtopo } from '../../../src/core/model/parse';
import { STRUCTURAL_RULE_IDS, type Report } from '../../../src/core/model/report';
import type { SourceRange } from '../../../src/core/model/source';

/** The day designs are judged on unless the file says `analysis.asOf` or the test passes `today`. */
export const TODAY = '2026-01-01';

export interface RuleTestOptions extends AnalysisOptions {
  /** The design may have structural problems (syntax, unknown keys, unresolved references...): for tests of broken designs. */
  readonly allowStructuralProblems?: boolean;
}

const STRUCTURAL = new Set<string>(STRUCTURAL_RULE_IDS);

/**
 * The findings of one rule (or of several) when the whole design is analyzed. Fails when any
 * rule threw, and when the design has structural problems other than the ones asked for.
 */
export function findingsOf(text: string, ruleId: RuleId | readonly RuleId[], options: RuleTestOptions = {}): Finding[] {
  const { allowStructuralProblems = false, ...analysisOptions } = options;
  const ids = new Set<string>(typeof ruleId === 'string' ? [ruleId] : ruleId);
  const { findings } = analyzeText(text, { today: TODAY, ...analysisOptions });
  assert.deepEqual(findings.filter((f) => f.internalError === true).map((f) => f.message), [], 'a rule threw');
  for (const rule of ANALYSIS_RULES) if (ids.has(rule.meta.id)) assertReadsDeclared(text, rule, { today: TODAY, ...analysisOptions });
  if (!allowStructuralProblems) {
    assert.deepEqual(findings.filter((f) => STRUCTURAL.has(f.ruleId) && !ids.has(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`), [], 'the design has structural problems');
  }
  return findings.filter((f) => ids.has(f.ruleId));
}

/**
 * One rule's reports from its own `check()`, as the analyzer calls it: its options as the file,
 * then `options.rules`, then the rule's defaults set them; the file's `analysis.asOf`, else
 * `options.today`, else TODAY; and the document text, so that quick fixes are built.
 */
export function reportsOf(text: string, rule: AnalysisRule, options: RuleTestOptions = {}): Report[] {
  const { topology, problems } = parseVtopo(text);
  if (!options.allowStructuralProblems) assert.deepEqual(problems.map((p) => `${p.ruleId}: ${p.message}`), [], 'the design has structural problems');
  const option = (name: string): number => ruleOption(topology, options, rule.meta, name);
  const today = topology.file?.analysis?.asOf ?? options.today ?? TODAY;
  const reports = [...rule.check({ topology, option, today, text })];
  assertReadsDeclared(text, rule, { today: TODAY, ...options });
  return reports;
}

/** Fails when the rule, run on `text`, reads a section its `reads` does not name (a rule that names none may read anything). */
export function assertReadsDeclared(text: string, rule: AnalysisRule, options: AnalysisOptions): void {
  if (!rule.reads) return;
  const allowed = allowedReads(rule);
  const undeclared = [...recordedReads(text, rule, options)].filter((section) => !allowed.has(section));
  assert.deepEqual(undeclared, [], `rule ${rule.meta.id} reads sections its \`reads\` does not name`);
}

/** The text a range covers, or a finding's, report's or related location's range; '' for none. */
export function textAt(text: string, located: SourceRange | { readonly range: SourceRange } | undefined): string {
  if (located === undefined) return '';
  const range = 'range' in located ? located.range : located;
  return text.slice(range.start, range.end);
}

/** The text after applying the quick fix whose title matches `title`, else the preferred (else the first) one; fails when there is none. */
export function fixed(text: string, finding: Pick<Report, 'fixes'> | undefined, title?: RegExp): string {
  const fixes = finding?.fixes ?? [];
  const fix = title ? fixes.find((f) => title.test(f.title)) : (fixes.find((f) => f.preferred) ?? fixes[0]);
  assert.ok(fix, `no quick fix${title ? ` matching ${title}` : ''} among ${JSON.stringify(fixes.map((f) => f.title))}${finding ? '' : ' (no finding)'}`);
  return applyEdits(text, fix.edits);
}

/** The design with each `[before, after]` replacement made once; fails when `before` is not in it. */
export function edited(text: string, ...replacements: ReadonlyArray<readonly [string, string]>): string {
  let result = text;
  for (const [before, after] of replacements) {
    assert.ok(result.includes(before), `the design has no ${JSON.stringify(before)}`);
    result = result.replace(before, after);
  }
  return result;
}
