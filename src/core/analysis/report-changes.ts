/**
 * Reports sent as their changes (docs/performance.md). The large design's report weighs
 * about 3.7 MB as JSON (3,900 findings, most with fixes, the outline, every id, a lens per
 * host), and a keystroke changes a few findings of it: the analysis worker remembers the
 * last report it sent of each document and sends the next one as what changed since,
 * when the extension host says it holds that report. The host rebuilds the whole report
 * from the one it holds, reusing its objects, so nothing it had is received again.
 *
 * Each report sent carries a serial number, and a request names the serial of the report
 * the host holds of its document (its `base`): the worker sends changes only against that
 * very report, and the whole report otherwise (a new worker, a document it let go of).
 */

import { sameOutline, type PackedOutline } from '../language/packed-outline';
import type { PackedIds } from '../language/declared-ids';
import { RecentDocuments } from '../text/recent-documents';
import type { N1Status } from '../capacity/status';
import type { DocumentReport, ReportedFinding, ReportedLens } from './document-report';

/** A report as what changed since an earlier one of the same document. */
export interface ReportChanges {
  readonly uri: string;
  readonly version: number;
  /** The serial of the report these changes apply to. */
  readonly base: number;
  /** Per finding, in order: the index of the base report's finding it is, or -1 for the next one of `added`. */
  readonly findings: Int32Array;
  readonly added: readonly ReportedFinding[];
  /** Absent when the base report's is the same. */
  readonly outline?: PackedOutline;
  readonly ids?: PackedIds;
  readonly lenses?: readonly ReportedLens[];
  readonly n1: N1Status;
  readonly elapsedMs: number;
}

/** Documents whose last report the worker remembers: the ones being worked in. */
const KEPT_DOCUMENTS = 8;

interface Sent {
  readonly serial: number;
  readonly report: DocumentReport;
}

/** What the worker sends: a whole report, or its changes since the one the host holds. */
export type SentReport =
  | { readonly kind: 'report'; readonly report: DocumentReport; readonly serial?: number }
  | { readonly kind: 'changes'; readonly changes: ReportChanges; readonly serial: number };

/** The worker's side: the last report sent of each document, and what the next one changes. */
export class SentReports {
  private readonly sent = new RecentDocuments<Sent>(KEPT_DOCUMENTS);
  private serials = 0;

  /** What to send for `report`, the host holding the report numbered `base` of its document (if any). */
  send(report: DocumentReport, base: number | undefined): SentReport {
    const serial = ++this.serials;
    const last = this.sent.get(report.uri);
    this.sent.set(report.uri, { serial, report });
    if (!last || base !== last.serial) return { kind: 'report', report, serial };
    return { kind: 'changes', changes: changesSince(last, report), serial };
  }

  forget(uri: string): void {
    this.sent.delete(uri);
  }
}

/** How far ahead in either list a finding is looked for, past findings added or removed. */
const LOOKAHEAD = 16;

/**
 * Which findings of `report` are findings of the last report sent, by index. A keystroke
 * changes a few findings here and there in the list: both lists are walked together,
 * matching findings by comparing them (a finding added or removed is stepped over, looking a
 * few findings ahead), and only the findings left over are matched by their texts, wherever
 * they are.
 */
function changesSince(last: Sent, report: DocumentReport): ReportChanges {
  const was = last.report.findings;
  const now = report.findings;
  const findings = new Int32Array(now.length).fill(-1);
  const leftWas: number[] = [];
  const leftNow: number[] = [];
  let i = 0;
  let j = 0;
  const ahead = (from: number, length: number, same: (k: number) => boolean): number => {
    for (let k = 1; k <= LOOKAHEAD && from + k < length; k++) if (same(k)) return k;
    return 0;
  };
  while (i < was.length && j < now.length) {
    if (sameData(was[i], now[j])) {
      findings[j++] = i++;
      continue;
    }
    const removed = ahead(i, was.length, (k) => sameData(was[i + k], now[j]));
    const added = ahead(j, now.length, (k) => sameData(was[i], now[j + k]));
    if (removed > 0 && (added === 0 || removed <= added)) {
      for (const end = i + removed; i < end; i++) leftWas.push(i);
    } else if (added > 0) {
      for (const end = j + added; j < end; j++) leftNow.push(j);
    } else {
      leftWas.push(i++);
      leftNow.push(j++);
    }
  }
  for (; i < was.length; i++) leftWas.push(i);
  for (; j < now.length; j++) leftNow.push(j);
  const before = new Map<string, number[]>();
  for (const index of leftWas) {
    const key = JSON.stringify(was[index]);
    const same = before.get(key);
    if (same) same.push(index);
    else before.set(key, [index]);
  }
  const added: ReportedFinding[] = [];
  for (const index of leftNow) {
    const same = before.get(JSON.stringify(now[index]))?.shift();
    if (same === undefined) added.push(now[index] as ReportedFinding);
    else findings[index] = same;
  }
  const base = last.report;
  return {
    uri: report.uri,
    version: report.version,
    base: last.serial,
    findings,
    added,
    ...(sameOutline(base.outline, report.outline) ? {} : { outline: report.outline }),
    ...(sameIds(base.ids, report.ids) ? {} : { ids: report.ids }),
    ...(sameLenses(base.lenses, report.lenses) ? {} : { lenses: report.lenses }),
    n1: report.n1,
    elapsedMs: report.elapsedMs,
  };
}

/**
 * The extension host's side: the report `changes` describe, made from `base` (the report
 * they were made against) and the objects it already holds; undefined when they do not fit
 * it (then the host asks for a whole report).
 */
export function applyChanges(base: DocumentReport, changes: ReportChanges): DocumentReport | undefined {
  if (base.uri !== changes.uri) return undefined;
  let next = 0;
  const findings: ReportedFinding[] = [];
  for (const index of changes.findings) {
    const finding = index === -1 ? changes.added[next++] : base.findings[index];
    if (finding === undefined) return undefined;
    findings.push(finding);
  }
  if (next !== changes.added.length) return undefined;
  return {
    uri: changes.uri,
    version: changes.version,
    findings,
    outline: changes.outline ?? base.outline,
    ids: changes.ids ?? base.ids,
    n1: changes.n1,
    lenses: changes.lenses ?? base.lenses,
    elapsedMs: changes.elapsedMs,
  };
}

/** Whether two pieces of plain data (what JSON holds: objects, arrays, strings, numbers, booleans, null) are the same. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, index) => sameData(item, (b as unknown[])[index]));
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function sameIds(a: PackedIds, b: PackedIds): boolean {
  return a.ids.length === b.ids.length && a.ids.every((id, index) => id === b.ids[index] && a.kinds[index] === b.kinds[index]);
}

function sameLenses(a: readonly ReportedLens[], b: readonly ReportedLens[]): boolean {
  return a.length === b.length && a.every((lens, index) => {
    const other = b[index];
    return other !== undefined && lens.ref.kind === other.ref.kind && lens.ref.id === other.ref.id
      && lens.idRange.startLine === other.idRange.startLine && lens.idRange.startCharacter === other.idRange.startCharacter
      && lens.idRange.endLine === other.idRange.endLine && lens.idRange.endCharacter === other.idRange.endCharacter;
  });
}
