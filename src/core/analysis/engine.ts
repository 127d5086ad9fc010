/**
 * The analyzer: parse problems and rule reports become findings with a severity, after
 * the file's `analysis.rules` and the caller's settings have had their say.
 */

import { parseVtopo, type ParseResult } from '../model/parse';
import type { Report } from '../model/report';
import type { Topology } from '../model/topology';
import type { Finding, Severity } from './rule';
import { ANALYSIS_RULES, structuralMeta } from './rules';

export type SeveritySetting = Severity | 'off';

export interface AnalysisOptions {
  /** Per-rule overrides from the host (VS Code settings, CLI); the file's own win over these. */
  readonly ruleSeverities?: Readonly<Record<string, SeveritySetting>>;
}

export interface Analysis {
  readonly topology: Topology;
  readonly findings: readonly Finding[];
}

export function analyzeText(text: string, options: AnalysisOptions = {}): Analysis {
  return analyzeParsed(parseVtopo(text), options);
}

export function analyzeParsed(parsed: ParseResult, options: AnalysisOptions = {}): Analysis {
  const { topology } = parsed;
  const fileSettings = topology.file?.analysis?.rules;
  const severityOf = (ruleId: string, fallback: Severity): SeveritySetting =>
    fileSettings?.get(ruleId)?.value ?? options.ruleSeverities?.[ruleId] ?? fallback;
  const findings: Finding[] = [];
  const add = (ruleId: string, severity: SeveritySetting, report: Report) => {
    if (severity !== 'off') findings.push({ ...report, ruleId, severity });
  };
  for (const problem of parsed.problems) {
    add(problem.ruleId, severityOf(problem.ruleId, structuralMeta(problem.ruleId).defaultSeverity), problem);
  }
  for (const rule of ANALYSIS_RULES) {
    const severity = severityOf(rule.meta.id, rule.meta.defaultSeverity);
    if (severity === 'off') continue;
    try {
      for (const report of rule.check({ topology })) add(rule.meta.id, severity, report);
    } catch (error) {
      // A rule bug must not hide the other rules' findings; say which rule failed.
      findings.push({
        ruleId: rule.meta.id,
        severity: 'error',
        message: `internal error in rule ${rule.meta.id}: ${error instanceof Error ? error.message : String(error)}`,
        range: { start: 0, end: 0 },
        elementIds: [],
      });
    }
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return { topology, findings };
}
