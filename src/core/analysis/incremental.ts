/**
 * Incremental analysis (docs/performance.md): each rule declares the sections of a design
 * it reads (`AnalysisRule.reads`: top-level keys such as `hosts` or `links`), and when an
 * edit left all of them alone, the rule's reports from the last analysis of the document are
 * reused, their ranges moved by the edit, instead of running it again. An edit to one VM
 * does not run the rules that judge the storage network, which read no VM.
 *
 * What counts as the edit is the one span where the new text differs from the last one
 * (the longest common start and end); the sections it touches are those whose key or value
 * spans it meets, in the last parse or the new one, and any section that is not where the
 * last parse had it, moved by the edit (added, removed, or read otherwise since). Nothing is
 * reused when the edit touches `analysis` (severities, thresholds and the day of judgement
 * live there), when the host's settings or the day changed, or when either text has an
 * alias (a node of one section can then stand in another) or a syntax error (what follows
 * it may be read otherwise). A report is reused only if none of its ranges (its own, its
 * related places', its fixes') meets the edit; otherwise the rule runs again.
 */

import type { FileValue } from '../model/format';
import { carryResults } from '../model/carried';
import { parseVtopo, type ParseResult } from '../model/parse';
import { mapRanges, rangesOf, type Report } from '../model/report';
import { editBetween, type TextChange as Edit } from '../model/source';
import type { SourceRange } from '../model/source';
import type { Topology } from '../model/topology';
import type { AnalysisRule } from './rule';
import type { RuleId } from './rule-ids';

/** A part of a design as a rule reads it: one of the file's top-level keys. */
export type DesignSection = Exclude<keyof FileValue, 'source'>;

/** Sections whose values the reader copies into another's: a host takes what its profile gives. */
const TAKEN_INTO: Partial<Record<DesignSection, readonly DesignSection[]>> = { hostProfiles: ['hosts'] };

/** The sections a rule may be said to read: every top-level key but `analysis`, which every rule depends on. */
export type RuleReads = readonly Exclude<DesignSection, 'analysis'>[];

interface Analyzed {
  readonly text: string;
  readonly spans: ReadonlyMap<string, SourceRange>;
  /** The text has an alias or could not be read as YAML: the next analysis reuses nothing of this one. */
  readonly unreliable: boolean;
  /** The host's settings and the day the design was judged on, as one string. */
  readonly setting: string;
  readonly reports: ReadonlyMap<RuleId, readonly Report[]>;
  readonly values: ReadonlyMap<string, unknown>;
  /** The digests of the sections rules read a part of (AnalysisRule.digests), by digest function. */
  readonly digests: ReadonlyMap<Digest, string>;
}

/** What a rule reads of a section, as a string (AnalysisRule.digests). */
type Digest = (topology: Topology) => string;

/**
 * What a document's analyses keep between two runs: the last one's reports per rule, and
 * what they were made on, and the last parse, whose unchanged entries the next one takes
 * back (model/reuse.ts).
 */
export class AnalysisMemory {
  private last: Analyzed | undefined;
  private lastParse: ParseResult | undefined;
  private lastTopology: Topology | undefined;

  /**
   * The design `text` describes, taking back from the last parse the entries the edit left
   * alone. That parse is given up: its entries now belong to this one, moved in place, so
   * the reports kept here hold copies of their ranges (RuleRun).
   */
  parse(text: string): ParseResult {
    const parsed = parseVtopo(text, this.lastParse);
    this.lastParse = parsed;
    return parsed;
  }

  /** One analysis of `parsed`, reusing what it can of the last; `setting` is the host's settings and the day, as one string. */
  begin(parsed: ParseResult, setting: string): RuleRun {
    // What pure functions computed for the last design is there for this one to take back (model/carried.ts).
    if (this.lastTopology) carryResults(this.lastTopology, parsed.topology);
    this.lastTopology = parsed.topology;
    const spans = sectionSpans(parsed);
    const unreliable = hasAlias(parsed.text) || parsed.problems.some((problem) => problem.ruleId === 'syntax' || problem.ruleId === 'input-limit');
    const last = this.last;
    const comparable = last && !last.unreliable && !unreliable && last.setting === setting && spans ? last : undefined;
    const edit = comparable && editBetween(comparable.text, parsed.text);
    const touched = comparable && spans && touchedSections(edit, comparable.spans, spans);
    const reusable = comparable && touched && !touched.has('analysis')
      ? { edit, touched, reports: comparable.reports, values: comparable.values, digests: comparable.digests }
      : undefined;
    return new RuleRun(parsed.topology, reusable, (reports, values, digests) => {
      this.last = spans ? { text: parsed.text, spans, unreliable, setting, reports, values, digests } : undefined;
    });
  }
}

/** One analysis's use of the memory: each rule's reports, reused or made, kept for the next. */
export class RuleRun {
  private readonly made = new Map<RuleId, readonly Report[]>();
  private readonly values = new Map<string, unknown>();
  private readonly digests = new Map<Digest, string>();
  /** The rules whose reports were reused, for the bench and the tests. */
  readonly reused: RuleId[] = [];

  constructor(
    private readonly topology: Topology,
    private readonly reusable: Reusable | undefined,
    private readonly keep: (reports: ReadonlyMap<RuleId, readonly Report[]>, values: ReadonlyMap<string, unknown>, digests: ReadonlyMap<Digest, string>) => void,
  ) {}

  /** The rule's reports: the last analysis's, moved by the edit, when it may reuse them, else `run()`'s. */
  reportsOf(rule: AnalysisRule, run: () => readonly Report[]): readonly Report[] {
    const reused = this.reusedReports(rule);
    if (reused) {
      this.reused.push(rule.meta.id);
      this.made.set(rule.meta.id, reused);
      return reused;
    }
    const reports = run();
    // Kept with ranges of their own: the next parse may move the design's in place.
    this.made.set(rule.meta.id, reports.map((report) => mapRanges(report, (range) => ({ start: range.start, end: range.end }))));
    return reports;
  }

  /**
   * A value made from the design beside the rules (the N-1 verdict of the status bar): the
   * last analysis's when the edit left `reads` alone, else `make()`'s. It must hold no
   * range, as it is not moved by the edit. Values asked for after `end()` are kept too.
   */
  valueOf<T>(key: string, reads: RuleReads, make: () => T): T {
    const { reusable } = this;
    const value = reusable?.values.has(key) && !reads.some((section) => reusable.touched.has(section)) ? reusable.values.get(key) as T : make();
    this.values.set(key, value);
    return value;
  }

  /** Keeps this run's reports for the next analysis of the document (rules that threw are not kept, and run again). */
  end(): void {
    this.keep(this.made, this.values, this.digests);
  }

  /** A digest of this run's design, made once per run. */
  private digest(of: Digest): string {
    let digest = this.digests.get(of);
    if (digest === undefined) this.digests.set(of, (digest = of(this.topology)));
    return digest;
  }

  /** Whether the rule reads nothing the edit changed: no section it reads was touched, or only parts it does not read (its digests are the same). */
  private untouched(rule: AnalysisRule, reusable: Reusable): boolean {
    return rule.reads !== undefined && rule.reads.every((section) => {
      if (!reusable.touched.has(section)) return true;
      const digest = rule.digests?.[section];
      return digest !== undefined && reusable.digests.get(digest) === this.digest(digest);
    });
  }

  private reusedReports(rule: AnalysisRule): readonly Report[] | undefined {
    // Every digest of the rule is made now, reused or not: the next run compares them.
    for (const digest of Object.values(rule.digests ?? {})) this.digest(digest);
    const { reusable } = this;
    const before = reusable?.reports.get(rule.meta.id);
    if (!reusable || !before || !this.untouched(rule, reusable)) return undefined;
    const { edit } = reusable;
    if (!edit) return before;
    const moved: Report[] = [];
    for (const report of before) {
      const next = movedReport(report, edit);
      if (!next) return undefined;
      moved.push(next);
    }
    return moved;
  }
}

/** What a run may take from the last analysis: its reports, values and digests, and the edit and the sections it touched since. */
interface Reusable {
  readonly edit: Edit | undefined;
  readonly touched: ReadonlySet<string>;
  readonly reports: ReadonlyMap<RuleId, readonly Report[]>;
  readonly values: ReadonlyMap<string, unknown>;
  readonly digests: ReadonlyMap<Digest, string>;
}

/** The top-level keys each text's parse found, each from its key to the end of its value; undefined when the file could not be read. */
function sectionSpans(parsed: ParseResult): Map<string, SourceRange> | undefined {
  const fields = parsed.topology.file?.source.fields;
  if (!fields) return undefined;
  const spans = new Map<string, SourceRange>();
  for (const [key, field] of Object.entries(fields)) {
    if (field) spans.set(key, { start: field.key.start, end: Math.max(field.key.end, field.value.end) });
  }
  return spans;
}

/**
 * The sections an edit meets, in the old text or the new one, and every section that is not
 * where the old one was, moved by the edit (one added, removed, or read otherwise since),
 * with the sections that take their values.
 */
function touchedSections(edit: Edit | undefined, before: ReadonlyMap<string, SourceRange>, after: ReadonlyMap<string, SourceRange>): Set<string> {
  const touched = new Set<string>();
  const start = edit?.start ?? 0;
  const shift = edit ? edit.afterEnd - edit.beforeEnd : 0;
  const meets = (span: SourceRange, end: number) => edit !== undefined && span.start <= end && span.end >= start;
  for (const [key, span] of before) {
    const now = after.get(key);
    const moved = span.start > (edit?.beforeEnd ?? Infinity) ? { start: span.start + shift, end: span.end + shift } : span;
    if (!now || now.start !== moved.start || now.end !== moved.end || meets(span, edit?.beforeEnd ?? 0)) touched.add(key);
  }
  for (const [key, span] of after) if (!before.has(key) || meets(span, edit?.afterEnd ?? 0)) touched.add(key);
  for (const [source, takers] of Object.entries(TAKEN_INTO)) {
    if (touched.has(source)) for (const taker of takers ?? []) touched.add(taker);
  }
  return touched;
}

/**
 * A report with every range after the edit moved by it, or undefined when one of them meets
 * it (a range that ends where the edit starts, or starts where it ends, meets it too).
 */
function movedReport(report: Report, edit: Edit): Report | undefined {
  const ranges = rangesOf(report);
  if (ranges.some((range) => range.end >= edit.start && range.start <= edit.beforeEnd)) return undefined;
  const shift = edit.afterEnd - edit.beforeEnd;
  if (shift === 0 || ranges.every((range) => range.end < edit.start)) return report;
  return mapRanges(report, (range) => range.end < edit.start ? range : { start: range.start + shift, end: range.end + shift });
}

/**
 * Whether the text may hold a YAML alias (`*name`): then a node of one section can stand in
 * another, and nothing is reused. Errs on the side of yes (a `*` in a plain scalar counts).
 */
function hasAlias(text: string): boolean {
  return /(?:^|[\s[{,:-])\*[^\s,[\]{}]/.test(text);
}
