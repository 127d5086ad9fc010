/**
 * The analyzer: parse problems and rule reports become findings with a severity, after
 * the file's `analysis.rules` and the caller's settings have had their say.
 */

import { parseVtopo, type ParseResult } from '../model/parse';
import type { Report } from '../model/report';
import type { Topology } from '../model/topology';
import type { Finding, Severity } from './rule';
import { closestMatch } from '../model/suggest';
import { ALL_RULES, ANALYSIS_RULES, structuralMeta } from './rules';

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
  for (const problem of unknownRuleSettings(topology)) {
    add(problem.ruleId, severityOf(problem.ruleId, structuralMeta(problem.ruleId).defaultSeverity), problem);
  }
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

/** `analysis.rules` may only name rules that exist: a misspelt id would silently do nothing. */
function unknownRuleSettings(topology: Topology): Array<Report & { ruleId: 'unknown-key' }> {
  const known = ALL_RULES.map((meta) => meta.id);
  const problems: Array<Report & { ruleId: 'unknown-key' }> = [];
  for (const entry of topology.file?.analysis?.rules?.values() ?? []) {
    if (known.includes(entry.key)) continue;
    const suggestion = closestMatch(entry.key, known);
    problems.push({
      ruleId: 'unknown-key',
      message: `unknown rule "${entry.key}"${suggestion ? `. Did you mean "${suggestion}"?` : ''}`,
      range: entry.keyRange,
      elementIds: [],
      ...(suggestion ? { fixes: [{ title: `Rename to "${suggestion}"`, edits: [{ range: entry.keyRange, newText: suggestion }], preferred: true }] } : {}),
    });
  }
  return problems;
}
