/**
 * What a rule is: metadata in the manner of ESLint's `meta` (id, severity, docs, source)
 * plus a check that returns reports. Severity and enablement are applied by the engine.
 */

import type { Report } from '../model/report';
import type { Topology } from '../model/topology';
import type { RuleId } from './rule-ids';
import type { RuleReads } from './incremental';
import type { Severity } from '../model/severity-settings';

/** Where the severities live: beside the settings that name them (model/severity-settings.ts). */
export { SEVERITIES, type Severity } from '../model/severity-settings';

export interface RuleDocs {
  /** One line: what the rule flags. */
  readonly title: string;
  /** One paragraph: why it matters and what to do. */
  readonly description: string;
  /**
   * Where the rule comes from: each entry a repository path (optionally with a heading
   * anchor) or an https URL, optionally followed by ' — ' and a description. The format
   * and its parser are in ./sources.ts.
   */
  readonly sources: readonly string[];
}

/** A numeric threshold a rule exposes, settable per file and per workspace. */
export interface RuleOption {
  readonly description: string;
  readonly default: number;
  /** Bounds of the values a file or a host may set; one outside them is reported and not used. */
  readonly min: number;
  readonly max: number;
}

export interface RuleMeta {
  readonly id: RuleId;
  readonly defaultSeverity: Severity;
  readonly docs: RuleDocs;
  /** Whether findings carry mechanical quick fixes. */
  readonly fixable: boolean;
  /** Thresholds, by option name (e.g. `headroomPercent`). */
  readonly options?: Readonly<Record<string, RuleOption>>;
}

export interface RuleContext {
  readonly topology: Topology;
  /** The document text, for quick fixes that insert lines with the right indentation. */
  readonly text: string;
  /** The value of one of the rule's declared options: the file's, else the host's, else its default. */
  option(name: string): number;
  /** The day the design is judged on, YYYY-MM-DD: the file's `analysis.asOf`, else the host's, else today. */
  readonly today: string;
}

export interface AnalysisRule {
  readonly meta: RuleMeta;
  /**
   * The sections of the design the rule reads (top-level keys; `analysis` goes without
   * saying), through the topology and through the helpers it calls, and the text its fixes
   * read: when an edit leaves them all alone, the rule's last reports are reused
   * (incremental.ts). A rule that does not say runs on every analysis. The rule tests check
   * that a rule reads nothing else (test/unit/rules/rule-test.ts).
   */
  readonly reads?: RuleReads;
  /**
   * For a section the rule reads only a part of: that part, as a string (a digest). When an
   * edit touches the section but leaves its digest as it was, the rule's last reports may
   * still be reused: the storage path rules read the VMs only to know which datastores each
   * cluster uses, so an edit to a VM's memory leaves them alone. The property test
   * (test/unit/property/incremental.test.ts) holds every digest to what the rule finds.
   */
  readonly digests?: Partial<Record<RuleReads[number], (topology: Topology) => string>>;
  check(context: RuleContext): Iterable<Report>;
}

export interface Finding extends Report {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  /** Set when the rule itself failed (threw) rather than found something in the design. */
  readonly internalError?: true;
  /**
   * Set on the one finding that sums up a rule's findings past the engine's per-rule cap
   * (MAX_FINDINGS_PER_RULE): how many findings of the rule are not listed.
   */
  readonly omitted?: number;
}

/** How many findings a finding stands for in counts: one, or the findings a summary leaves unlisted. */
export function findingCount(finding: Pick<Finding, 'omitted'>): number {
  return finding.omitted ?? 1;
}
