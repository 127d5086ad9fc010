/**
 * What the editor shows about one version of a document, computed away from the editor
 * (in the analysis worker, see docs/performance.md): the findings, the outline, the N-1
 * status bar text and where the "Simulate failure" CodeLenses go. Everything here is plain data, so it crosses a worker boundary as is;
 * the topology itself stays in the worker.
 */

import { worstSingleHostFailure, type N1Verdict } from '../capacity/n1';
import { lanVerdict, n1StatusText, type N1Status } from '../capacity/status';
import { packIds, type PackedIds } from '../language/declared-ids';
import { packOutline, type PackedOutline } from '../language/packed-outline';
import { documentSymbols, limitedSymbols } from '../language/symbols';
import { isChangesSince, type DocumentTexts, type SyncedText } from '../text/document-sync';
import type { Declaration } from '../model/schema';
import { lensTargets } from '../view/simulation-targets';
import { lineRangeOf, type LineIndex, type LineRange } from '../model/source';
import type { ComponentRef } from '../simulation/types';
import { analyzeParsed, ruleOption, type Analysis, type HostRuleSetting } from './engine';
import { AnalysisMemory } from './incremental';
import { lineIndexOf, parseVtopo } from '../model/parse';
import type { RecentDocuments } from '../text/recent-documents';
import type { Finding } from './rule';
import { mapRanges, type ReportRanges } from '../model/report';
import { ANALYSIS_RULES, ruleMeta } from './rules';
import type { SentReport, SentReports } from './report-changes';

export type DocumentReportRequest = {
  /** Which document; echoed back, so a reply can be matched to its document. */
  readonly uri: string;
  readonly version: number;
  /** The host's rule settings for the document (`vtopo.rules`). */
  readonly rules: Readonly<Record<string, HostRuleSetting>>;
  /** At most this many outline symbols (`vtopo.outline.maxItems`); all of them if not given. */
  readonly outlineLimit?: number;
  /** The serial of the report the host holds of the document, to send changes against (report-changes.ts). */
  readonly base?: number;
  /** The text: whole, or as the changes since a version the worker holds (core/text/document-sync.ts). */
} & SyncedText;

/**
 * The user's language for the worker's texts, sent once after the worker starts (English
 * needs no message): its name and the bundle VS Code gave the extension (docs/l10n.md).
 */
export interface LanguageSetting {
  readonly kind: 'language';
  readonly language: string;
  readonly bundle: Readonly<Record<string, string>>;
}

/** A language message from the host, checked before the worker uses it. */
export function isLanguageSetting(value: unknown): value is LanguageSetting {
  if (value === null || typeof value !== 'object') return false;
  const { kind, language, bundle } = value as Record<string, unknown>;
  return kind === 'language' && typeof language === 'string' && bundle !== null && typeof bundle === 'object' && !Array.isArray(bundle)
    && Object.values(bundle).every((text) => typeof text === 'string');
}

/**
 * A finding as the editor needs it: without the ids of the elements it is about, which only
 * the designer and the preview read (from their own analysis; on the bench's large design
 * they were half of what a report weighed), and with its ranges (and those of its related
 * places and fixes) in lines and characters, which typing within a line leaves alone
 * everywhere else, so that the next report can send only the findings that changed
 * (report-changes.ts).
 */
export type ReportedFinding = Omit<Finding, 'elementIds' | keyof ReportRanges<unknown>> & ReportRanges<LineRange>;

/** Where a "Simulate failure" CodeLens goes: above the id of the component it fails. */
export interface ReportedLens {
  readonly ref: ComponentRef;
  readonly idRange: LineRange;
}

export interface DocumentReport {
  readonly uri: string;
  readonly version: number;
  readonly findings: readonly ReportedFinding[];
  /** The outline (`documentSymbols`, capped at the request's `outlineLimit`), packed to cross the process boundary quickly. */
  readonly outline: PackedOutline;
  /** Every declared id and its kind, in document order: what completion offers. */
  readonly ids: PackedIds;
  readonly n1: N1Status;
  /** Where the "Simulate failure" CodeLenses go. */
  readonly lenses: readonly ReportedLens[];
  /** Parse and analysis time, in the worker. */
  readonly elapsedMs: number;
}

const HEADROOM_RULE = 'n1-headroom';
const N1_RULE = 'n1-capacity';
const HEADROOM_OPTION = 'headroomPercent';

/**
 * The report on `text`, the request's version of its document: the request's own text, or
 * the one its changes lead to (`answer` resolves them). With `memory`, the document's last
 * analysis, rules whose sections the edit since left alone are not run again.
 */
export function reportDocument(request: DocumentReportRequest, text = request.text, memory?: AnalysisMemory): DocumentReport {
  if (text === undefined) throw new Error(`no text for ${request.uri} (version ${request.version}): a request with changes needs the text they apply to`);
  const started = performance.now();
  const parsed = memory ? memory.parse(text) : parseVtopo(text);
  const analysis = analyzeParsed(parsed, { rules: request.rules }, memory);
  const { topology, findings } = analysis;
  // The n1-headroom threshold as the analyzer applies it: the file's, else the settings', else the rule's default.
  const meta = ruleMeta(HEADROOM_RULE);
  const headroom = meta ? ruleOption(topology, { rules: request.rules }, meta, HEADROOM_OPTION) : 0;
  const lines = lineIndexOf(parsed);
  return {
    uri: request.uri,
    version: request.version,
    findings: findings.map((finding) => reportedFinding(finding, lines)),
    outline: outlineOf(topology.declarations.values(), request.outlineLimit, lines),
    ids: packIds(topology.declarations.values()),
    n1: n1StatusText(n1Verdict(analysis), headroom, lanVerdict(topology, findings)),
    lenses: lensTargets(topology).map(({ ref, idRange }) => ({ ref, idRange: lineRangeOf(lines, idRange) })),
    elapsedMs: performance.now() - started,
  };
}

/**
 * The N-1 verdict behind the status bar. It is what the n1-capacity rule reports on, so it
 * reads what that rule reads; an edit that leaves those sections alone keeps the last one.
 */
function n1Verdict({ topology, run }: Analysis): N1Verdict {
  const reads = ANALYSIS_RULES.find((rule) => rule.meta.id === N1_RULE)?.reads;
  return run && reads ? run.valueOf('n1', reads, () => worstSingleHostFailure(topology)) : worstSingleHostFailure(topology);
}

function outlineOf(declarations: Iterable<Declaration>, outlineLimit: number | undefined, lines: LineIndex): PackedOutline {
  if (outlineLimit === undefined) return packOutline(documentSymbols(declarations), lines);
  const limited = limitedSymbols(declarations, outlineLimit);
  return packOutline(limited.symbols, lines, limited.total);
}

function reportedFinding({ elementIds: _forTheDesigner, ...finding }: Finding, lines: LineIndex): ReportedFinding {
  return mapRanges(finding, (range) => lineRangeOf(lines, range));
}

/** A message from the host, checked before the worker acts on it. */
export function isDocumentReportRequest(value: unknown): value is DocumentReportRequest {
  if (value === null || typeof value !== 'object') return false;
  const { uri, version, text, changes, rules, outlineLimit, base } = value as Record<string, unknown>;
  return typeof uri === 'string' && typeof version === 'number' && Number.isFinite(version)
    && (typeof text === 'string' ? changes === undefined : text === undefined && isChangesSince(changes)) && rules !== null && typeof rules === 'object' && !Array.isArray(rules)
    && (outlineLimit === undefined || (typeof outlineLimit === 'number' && outlineLimit >= 0)) && (base === undefined || typeof base === 'number');
}

/**
 * What the worker sends back: a report (whole, or as its changes since the one the host
 * holds), the error that kept it from making one, or that it needs the whole text.
 */
export type WorkerReply =
  | SentReport
  | { readonly kind: 'unread'; readonly uri: string; readonly version: number }
  | { readonly kind: 'error'; readonly uri: string; readonly version: number; readonly message: string };

/** What the analysis worker keeps of each document between requests. */
export interface WorkerMemory {
  /** The last texts, for requests that carry changes. */
  readonly texts: DocumentTexts;
  /** The last reports sent, to send the next as changes. */
  readonly sent: SentReports;
  /** The last analyses, to reuse what an edit left alone (incremental.ts). */
  readonly analyses: RecentDocuments<AnalysisMemory>;
}

/**
 * The worker's whole job: one request in, one reply out, never a throw. Without `memory`
 * (analysis in the extension host), only requests with the whole text are answered, each
 * with a whole report of a whole analysis.
 */
export function answer(message: unknown, memory?: WorkerMemory): WorkerReply {
  if (!isDocumentReportRequest(message)) return { kind: 'error', uri: '', version: -1, message: 'the worker received a message that is not an analysis request' };
  const text = memory ? memory.texts.resolve(message.uri, message.version, message) : message.text;
  if (text === undefined) return { kind: 'unread', uri: message.uri, version: message.version };
  try {
    if (!memory) return { kind: 'report', report: reportDocument(message, text) };
    let analyses = memory.analyses.get(message.uri);
    if (!analyses) {
      analyses = new AnalysisMemory();
      memory.analyses.set(message.uri, analyses);
    }
    return memory.sent.send(reportDocument(message, text, analyses), message.base);
  } catch (error) {
    return { kind: 'error', uri: message.uri, version: message.version, message: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
}
