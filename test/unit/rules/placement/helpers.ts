/** Running one placement rule on a design text, and applying its quick fixes. */

import assert from 'node:assert/strict';
import type { AnalysisRule } from '../../../../src/core/analysis/rule';
import { applyEdits } from '../../../../src/core/edit/yaml-edits';
import { parseVtopo } from '../../../../src/core/model/parse';
import type { Report } from '../../../../src/core/model/report';

/** The rule's reports on `text`; the design must read without problems. */
export function check(rule: AnalysisRule, text: string): Report[] {
  const { topology, problems } = parseVtopo(text);
  assert.deepEqual(problems.map((p) => p.message), [], text);
  const option = (name: string): number => {
    const declared = rule.meta.options?.[name];
    if (!declared) throw new Error(`undeclared option ${name}`);
    return declared.default;
  };
  // The document text goes along so that quick fixes can insert keys (see common.ts).
  const context = { topology, option, today: '2025-06-01', text };
  return [...rule.check(context)];
}

/** The text after applying the fix whose title matches. */
export function applyFix(text: string, report: Report | undefined, title: RegExp): string {
  const fix = report?.fixes?.find((f) => title.test(f.title));
  assert.ok(fix, `no fix matching ${title} in ${JSON.stringify(report?.fixes?.map((f) => f.title))}`);
  return applyEdits(text, fix.edits);
}

/** The text a report's range covers. */
export function at(text: string, report: Report | undefined): string {
  assert.ok(report, 'expected a report');
  return text.slice(report.range.start, report.range.end);
}

/** `count` hosts esx-01 ... in cluster `cluster`, as YAML lines under `hosts:`. */
export function hostLines(count: number, cluster = 'prod', prefix = 'esx'): string {
  return Array.from({ length: count }, (_, i) => `  ${prefix}-0${i + 1}: { cluster: ${cluster}, cpu: { cores: 16, speed: 2 GHz }, memory: 256 GB }`).join('\n');
}
