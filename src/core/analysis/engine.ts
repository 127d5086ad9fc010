/**
 * The analyzer: parse problems and rule reports become findings with a severity, after
 * the file's `analysis.rules` and the host's settings (VS Code, CLI) have had their say.
 * Precedence, per rule: the file, then the host, then the rule's defaults.
 */

import type { SeveritySetting } from '../model/severity-settings';
import { parseVtopo, type ParseResult } from '../model/parse';
import type { ParseProblem, Report } from '../model/report';
import { closestMatch } from '../model/suggest';
import type { Topology } from '../model/topology';
import { grouped } from '../text/plural';
import type { Finding, RuleMeta, RuleOption } from './rule';
import type { RuleId } from './rule-ids';
import { ALL_RULES, ANALYSIS_RULES, ruleMeta, structuralMeta } from './rules';
import type { AnalysisMemory, RuleRun } from './incremental';
import { defineMessages } from '../l10n/messages';
import { formatList } from '../l10n/format';

const MESSAGES = {
  ...defineMessages('analysis.engine', {
    internalError: 'internal error in rule {rule}: {error}',
    moreLikeThis: '… and {omitted} more like this (only the first {listed} of rule {rule} are listed)',
  }),
  // The file's analysis.rules: reported as unknown keys and invalid values.
  ...defineMessages('unknown-key.settings', {
    unknownRule: 'unknown rule "{rule}"',
    unknownRuleSuggest: 'unknown rule "{rule}". Did you mean "{suggestion}"?',
    renameTo: 'Rename to "{suggestion}"',
    noOptionSuggest: 'rule "{rule}" has no option "{option}". Did you mean "{suggestion}"?',
    noOptionHas: 'rule "{rule}" has no option "{option}" (it has {options})',
    noOptionNone: 'rule "{rule}" has no option "{option}" (it has none)',
  }),
  ...defineMessages('invalid-value.settings', {
    optionOutOfRange: '{option} must be between {min} and {max}; found {value}',
  }),
};
export type { SeveritySetting };

/** A rule's settings from the host: severity and thresholds by option name. */
export interface HostRuleSetting {
  readonly severity?: SeveritySetting;
  readonly options?: Readonly<Record<string, number>>;
}

export interface AnalysisOptions {
  /** Per-rule settings from the host (VS Code `vtopo.rules`); the file's own win over these. */
  readonly rules?: Readonly<Record<string, HostRuleSetting>>;
  /** The day to judge the design on (YYYY-MM-DD) when the file has no `analysis.asOf`; default today. */
  readonly today?: string;
}

export interface Analysis {
  readonly topology: Topology;
  readonly findings: readonly Finding[];
  /** With a memory: the rules whose last reports were reused rather than run again. */
  readonly reused?: readonly RuleId[];
  /** With a memory: this analysis's use of it, for values made beside the rules (RuleRun.valueOf). */
  readonly run?: RuleRun;
}

export function analyzeText(text: string, options: AnalysisOptions = {}): Analysis {
  return analyzeParsed(parseVtopo(text), options);
}

/**
 * The analysis of a parsed design. With `memory` (the document's, kept between analyses),
 * rules whose sections the edit since the last analysis left alone are not run again
 * (incremental.ts).
 */
export function analyzeParsed(parsed: ParseResult, options: AnalysisOptions = {}, memory?: AnalysisMemory): Analysis {
  const { topology } = parsed;
  const fileSettings = topology.file?.analysis?.rules;
  const severityOf = (meta: RuleMeta): SeveritySetting =>
    fileSettings?.get(meta.id)?.value.severity ?? options.rules?.[meta.id]?.severity ?? meta.defaultSeverity;
  const today = topology.file?.analysis?.asOf ?? options.today ?? new Date().toISOString().slice(0, 10);
  const findings: Finding[] = [];
  const add = (ruleId: RuleId, severity: SeveritySetting, report: Report) => {
    if (severity !== 'off') findings.push({ ...report, ruleId, severity });
  };
  for (const problem of [...settingProblems(topology), ...parsed.problems]) {
    add(problem.ruleId, severityOf(structuralMeta(problem.ruleId)), problem);
  }
  const run = memory?.begin(parsed, JSON.stringify([options.rules ?? {}, today]));
  for (const rule of ANALYSIS_RULES) {
    const severity = severityOf(rule.meta);
    if (severity === 'off') continue;
    const option = (name: string): number => ruleOption(topology, options, rule.meta, name);
    const check = () => [...rule.check({ topology, text: parsed.text, option, today })];
    try {
      for (const report of run ? run.reportsOf(rule, check) : check()) add(rule.meta.id, severity, report);
    } catch (error) {
      // A rule bug must not hide the other rules' findings; say which rule failed.
      findings.push({
        ruleId: rule.meta.id,
        severity: 'error',
        internalError: true,
        message: MESSAGES.internalError({ rule: rule.meta.id, error: error instanceof Error ? error.message : String(error) }),
        range: { start: 0, end: 0 },
        elementIds: [],
      });
    }
  }
  run?.end();
  findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return { topology, findings: capPerRule(findings), ...(run ? { reused: run.reused, run } : {}) };
}

/**
 * Findings one rule lists in one document; the rest are summed up in one finding. VS Code
 * itself publishes at most 1,000 diagnostics per file (the extension host's per-file limit,
 * errors first), so a longer list is never seen in the Problems panel; and a thousand
 * findings of one kind are more than anyone reads before fixing their common cause. Without
 * the cap a file with 120,000 dangling references writes 120,000 lines of text, 200 MB of
 * SARIF and as many diagnostics.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

/**
 * Keeps the first MAX_FINDINGS_PER_RULE findings of each rule, in document order, and puts
 * one summary finding of the rule after its first one, on the same range, that says how
 * many more there are. Applied here, once, so the Problems panel, the CLI's formats and
 * the designer all see the same list.
 */
function capPerRule(sorted: readonly Finding[]): Finding[] {
  const totals = new Map<RuleId, number>();
  for (const finding of sorted) totals.set(finding.ruleId, (totals.get(finding.ruleId) ?? 0) + 1);
  if (![...totals.values()].some((total) => total > MAX_FINDINGS_PER_RULE)) return [...sorted];
  const listed = new Map<RuleId, number>();
  const capped: Finding[] = [];
  for (const finding of sorted) {
    const index = (listed.get(finding.ruleId) ?? 0) + 1;
    listed.set(finding.ruleId, index);
    if (index > MAX_FINDINGS_PER_RULE) continue;
    capped.push(finding);
    const total = totals.get(finding.ruleId) ?? 0;
    if (index === 1 && total > MAX_FINDINGS_PER_RULE) capped.push(summaryFinding(finding, total - MAX_FINDINGS_PER_RULE));
  }
  return capped;
}

function summaryFinding(first: Finding, omitted: number): Finding {
  return {
    ruleId: first.ruleId,
    severity: first.severity,
    message: MESSAGES.moreLikeThis({ omitted: grouped(omitted), listed: grouped(MAX_FINDINGS_PER_RULE), rule: first.ruleId }),
    range: first.range,
    elementIds: [],
    omitted,
  };
}

/**
 * A rule's threshold as the analyzer applies it: the file's, else the host's, else the
 * rule's default. A value outside the option's range is not used (the file's is reported
 * by settingProblems).
 */
export function ruleOption(topology: Topology, options: AnalysisOptions, meta: RuleMeta, name: string): number {
  const declared = meta.options?.[name];
  if (!declared) throw new Error(`rule ${meta.id} reads undeclared option "${name}"`);
  const usable = (value: number | undefined) => value !== undefined && withinOption(declared, value) ? value : undefined;
  return usable(topology.file?.analysis?.rules?.get(meta.id)?.value.options.get(name)?.value) ?? usable(options.rules?.[meta.id]?.options?.[name]) ?? declared.default;
}

function withinOption(option: RuleOption, value: number): boolean {
  return value >= option.min && value <= option.max;
}

/**
 * `analysis.rules` may only name rules that exist, and only their declared options within
 * range: a misspelt id or option would otherwise silently do nothing.
 */
function settingProblems(topology: Topology): ParseProblem[] {
  const known = ALL_RULES.map((meta) => meta.id);
  const problems: ParseProblem[] = [];
  for (const entry of topology.file?.analysis?.rules?.values() ?? []) {
    const meta = ruleMeta(entry.key);
    if (!meta) {
      const suggestion = closestMatch(entry.key, known);
      problems.push({
        ruleId: 'unknown-key',
        message: suggestion ? MESSAGES.unknownRuleSuggest({ rule: entry.key, suggestion }) : MESSAGES.unknownRule({ rule: entry.key }),
        range: entry.keyRange,
        elementIds: [],
        ...(suggestion ? { fixes: [{ title: MESSAGES.renameTo({ suggestion }), edits: [{ range: entry.keyRange, newText: suggestion }], preferred: true }] } : {}),
      });
      continue;
    }
    const declared = meta.options ?? {};
    for (const [name, option] of entry.value.options) {
      const spec = declared[name];
      if (!spec) {
        const names = Object.keys(declared);
        const suggestion = closestMatch(name, names);
        problems.push({
          ruleId: 'unknown-key',
          message: suggestion
            ? MESSAGES.noOptionSuggest({ rule: meta.id, option: name, suggestion })
            : names.length ? MESSAGES.noOptionHas({ rule: meta.id, option: name, options: formatList(names) }) : MESSAGES.noOptionNone({ rule: meta.id, option: name }),
          range: option.keyRange,
          elementIds: [],
          ...(suggestion ? { fixes: [{ title: MESSAGES.renameTo({ suggestion }), edits: [{ range: option.keyRange, newText: suggestion }], preferred: true }] } : {}),
        });
      } else if (!withinOption(spec, option.value)) {
        problems.push({
          ruleId: 'invalid-value',
          message: MESSAGES.optionOutOfRange({ option: name, min: String(spec.min), max: String(spec.max), value: String(option.value) }),
          range: option.valueRange,
          elementIds: [],
        });
      }
    }
  }
  return problems;
}

