/** Shared by the capacity rule tests: analyze a design, keep one rule's findings. */

import { analyzeText } from '../../../../src/core/analysis/engine';
import type { Finding } from '../../../../src/core/analysis/rule';
import { applyEdits } from '../../../../src/core/edit/yaml-edits';

export function findingsOf(ruleId: string, text: string): Finding[] {
  return analyzeText(text).findings.filter((f) => f.ruleId === ruleId);
}

/** The text a finding's range covers. */
export function textAt(text: string, finding: Finding | undefined): string {
  return finding ? text.slice(finding.range.start, finding.range.end) : '';
}

/** The text after applying a finding's preferred quick fix. */
export function fixed(text: string, finding: Finding | undefined): string {
  const fix = finding?.fixes?.find((f) => f.preferred) ?? finding?.fixes?.[0];
  if (!fix) throw new Error('the finding has no quick fix');
  return applyEdits(text, fix.edits);
}

/** Three 64 GB hosts (68 GB less the 4 GB default overhead), 16 x 2 GHz each, in cluster prod. */
export function threeHosts(admissionControl: string, vms: string): string {
  return `vtopo: 1
clusters:
  prod:
    ha:
      admissionControl: ${admissionControl}
hosts:
  esx-01: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB }
  esx-02: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB }
  esx-03: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB }
vms:
${vms}`;
}
