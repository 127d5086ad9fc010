/** Shared by the hardware rule tests: the example designs, edited line by line, and their findings. */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeText, type AnalysisOptions } from '../../../../src/core/analysis/engine';
import type { Finding } from '../../../../src/core/analysis/rule';
import { STRUCTURAL_RULE_IDS } from '../../../../src/core/model/report';
import type { SourceRange } from '../../../../src/core/model/source';
import { applyEdits } from '../../../../src/core/edit/yaml-edits';

/** The array vendor white paper's dual-fabric (docs/design/sources.md#seed-000) FC design: two hosts, two identical 2 x 16 Gb FC HBAs each. */
export const FC_DESIGN = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
/** Software iSCSI with port binding, two subnets, jumbo frames end to end. */
export const ISCSI_DESIGN = readFileSync('examples/iscsi-av100-g6.vtopo', 'utf8');

/** The design with each `[before, after]` replacement made once; fails when `before` is not in it. */
export function edited(text: string, ...replacements: ReadonlyArray<readonly [string, string]>): string {
  let result = text;
  for (const [before, after] of replacements) {
    assert.ok(result.includes(before), `the design has no ${JSON.stringify(before)}`);
    result = result.replace(before, after);
  }
  return result;
}

const STRUCTURAL = new Set<string>(STRUCTURAL_RULE_IDS);

/** The rule's findings on a design, which must read without structural problems (a test edit gone wrong). */
export function findingsOf(text: string, ruleId: string, options: AnalysisOptions = {}): Finding[] {
  const { findings } = analyzeText(text, { today: '2026-01-01', ...options });
  assert.deepEqual(findings.filter((f) => STRUCTURAL.has(f.ruleId)).map((f) => f.message), []);
  return findings.filter((f) => f.ruleId === ruleId);
}

export function textAt(text: string, range: SourceRange): string {
  return text.slice(range.start, range.end);
}

/** Applies a finding's preferred quick fix. */
export function fixed(text: string, finding: Finding | undefined): string {
  const fix = finding?.fixes?.find((f) => f.preferred) ?? finding?.fixes?.[0];
  assert.ok(fix, 'the finding offers a quick fix');
  return applyEdits(text, fix.edits);
}
