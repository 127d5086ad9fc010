/**
 * The extension host's side of the analysis worker (docs/performance.md): documents go to
 * the worker one at a time. A request waiting in the queue is only a promise to send the
 * document: its text is read when its turn comes, so while a big design is analyzed, any
 * number of keystrokes cost one more analysis, of the newest text, and nothing per
 * keystroke. If the worker cannot start or dies, analysis carries on in the extension host
 * (slower for big designs, never silent: the log says why).
 */

import type * as vscode from 'vscode';
import type { DocumentReport, DocumentReportRequest, LanguageSetting, WorkerReply } from '../core/analysis/document-report';
import { isPackedIds } from '../core/language/declared-ids';
import type { ForgetDocument, LanguageQuery } from '../core/language/query-protocol';
import { isPackedOutline } from '../core/language/packed-outline';
import { applyChanges, type ReportChanges } from '../core/analysis/report-changes';
import { WorkerSlot } from './worker-slot';

/** What the extension host sends a worker (src/worker/dispatch.ts). */
export type WorkerMessage = DocumentReportRequest | LanguageSetting | LanguageQuery | ForgetDocument;

/** A worker as the clients need it; the desktop and web entries each make them. */
export interface WorkerPort {
  post(message: WorkerMessage): void;
  onReply(listener: (reply: unknown) => void): void;
  /** The worker failed (an error it could not catch, or it exited). */
  onFailure(listener: (reason: string) => void): void;
  terminate(): void;
}

/** What a worker is started for: analyzing documents, or answering hover and definition questions. */
export type WorkerRole = 'analysis' | 'queries';

export type WorkerFactory = (role: WorkerRole) => Promise<WorkerPort>;

/**
 * What to send, read when it is sent: undefined if there is nothing to send any more (the
 * document closed). `whole`: with the whole text, not the changes since the last request
 * (the worker said it does not hold that version, or there is no worker).
 */
export type RequestSource = (whole: boolean) => DocumentReportRequest | undefined;

interface Waiting {
  readonly source: RequestSource;
  readonly resolve: (report: DocumentReport | undefined) => void;
}

interface Pending {
  request: DocumentReportRequest;
  readonly source: RequestSource;
  readonly resolve: (report: DocumentReport | undefined) => void;
  /** Its document closed while the worker had it: whatever comes back is dropped. */
  forgotten?: true;
}

/** The last report received of a document, and its serial if the worker numbered it (report-changes.ts). */
interface Received {
  readonly report: DocumentReport;
  readonly serial: number | undefined;
}

export class AnalysisClient implements vscode.Disposable {
  private readonly slot: WorkerSlot;
  private inFlight: Pending | undefined;
  /** Waiting requests by document, one each. */
  private readonly queue = new Map<string, Waiting>();
  /** The last report of each document, which the worker sends the next one's changes against. */
  private readonly received = new Map<string, Received>();
  private disposed = false;

  constructor(
    factory: WorkerFactory | undefined,
    private readonly log: vscode.LogOutputChannel,
    /** The worker's analysis (document-report.ts `answer`), when it runs in the extension host: loaded on first call. */
    private readonly analyzeInHost: () => (request: DocumentReportRequest) => WorkerReply,
    /** The user's language, sent to each worker before its first document (none for English). */
    language?: LanguageSetting,
  ) {
    this.slot = new WorkerSlot(factory, log, language, {
      role: 'analysis',
      name: 'the analysis worker',
      started: 'The analysis worker started: designs are parsed and analyzed outside the extension host.',
      without: 'designs are analyzed in the extension host',
      onReply: (reply) => this.settle(reply),
      // The request it was working on is answered here instead.
      onLost: () => {
        const pending = this.inFlight;
        if (pending) this.settle(this.analyzeInHost()(pending.request));
      },
    });
  }

  /**
   * The report on the document `uri` as `source` gives it when its turn comes, or
   * undefined when a later request for the same document took this one's place in the
   * queue, the source gave nothing, or the analysis failed.
   */
  request(uri: string, source: RequestSource): Promise<DocumentReport | undefined> {
    return new Promise((resolve) => {
      this.queue.get(uri)?.resolve(undefined);
      this.queue.set(uri, { source, resolve });
      this.next();
    });
  }

  /** Lets go of a closed document's last report, here and in the worker. */
  forget(uri: string): void {
    this.received.delete(uri);
    if (this.inFlight?.request.uri === uri) this.inFlight.forgotten = true;
    this.slot.tell({ kind: 'forget', uri });
  }

  dispose(): void {
    this.disposed = true;
    for (const pending of this.queue.values()) pending.resolve(undefined);
    this.queue.clear();
    this.inFlight?.resolve(undefined);
    this.inFlight = undefined;
    this.slot.dispose();
  }

  private next(): void {
    while (!this.inFlight && !this.disposed) {
      const [uri, waiting] = this.queue.entries().next().value ?? [];
      if (uri === undefined || waiting === undefined) return;
      this.queue.delete(uri);
      const request = this.based(waiting.source(this.slot.givenUp));
      if (!request) {
        waiting.resolve(undefined);
        continue;
      }
      const pending: Pending = { request, source: waiting.source, resolve: waiting.resolve };
      this.inFlight = pending;
      void this.send(pending);
    }
  }

  private async send(pending: Pending): Promise<void> {
    const port = await this.slot.worker();
    if (this.inFlight !== pending) return;
    if (port) {
      port.post(pending.request);
      return;
    }
    // No worker: analyze here, after the current event so that the caller's turn ends first.
    setTimeout(() => {
      if (this.inFlight === pending) this.settle(this.analyzeInHost()(pending.request));
    }, 0);
  }

  /** A reply from the worker (or from `answer` in process), for the request in flight. */
  private settle(reply: unknown): void {
    const pending = this.inFlight;
    if (!pending) return;
    if (isReply(reply) && reply.kind === 'unread' && reply.uri === pending.request.uri && reply.version === pending.request.version) {
      // The worker does not hold the version the changes apply to: send the whole text.
      const whole = this.based(pending.source(true));
      if (whole) {
        pending.request = whole;
        void this.send(pending);
        return;
      }
    }
    this.inFlight = undefined;
    const { uri, version } = pending.request;
    const received = isReply(reply) ? this.receivedIn(reply) : undefined;
    if (pending.forgotten) {
      pending.resolve(undefined);
    } else if (received && received.report.uri === uri && received.report.version === version) {
      this.received.set(uri, received);
      pending.resolve(received.report);
    } else {
      const why = !isReply(reply) ? 'an unexpected reply' : reply.kind === 'error' ? reply.message
        : reply.kind === 'changes' && !received ? 'changes to a report the extension host does not hold' : 'an unexpected reply';
      this.log.error(`Analysis of ${uri} (version ${version}) failed: ${why}`);
      // The next request asks for a whole report.
      this.received.delete(uri);
      pending.resolve(undefined);
    }
    this.next();
  }

  /** The request, naming the report held of its document so that the worker can send changes. */
  private based(request: DocumentReportRequest | undefined): DocumentReportRequest | undefined {
    const serial = request && this.received.get(request.uri)?.serial;
    return request && serial !== undefined ? { ...request, base: serial } : request;
  }

  /** The report a reply brings: whole, or rebuilt from the one held of its document when the reply is changes against it. */
  private receivedIn(reply: WorkerReply): Received | undefined {
    if (reply.kind === 'report') return { report: reply.report, serial: reply.serial };
    if (reply.kind !== 'changes') return undefined;
    const base = this.received.get(reply.changes.uri);
    const report = base && base.serial === reply.changes.base ? applyChanges(base.report, reply.changes) : undefined;
    return report && { report, serial: reply.serial };
  }
}

function isReply(value: unknown): value is WorkerReply {
  if (value === null || typeof value !== 'object') return false;
  const reply = value as { kind?: unknown; report?: unknown; changes?: unknown; serial?: unknown; message?: unknown; uri?: unknown; version?: unknown };
  if (reply.kind === 'error') return typeof reply.message === 'string';
  if (reply.kind === 'unread') return typeof reply.uri === 'string' && typeof reply.version === 'number';
  if (reply.kind === 'changes') return typeof reply.serial === 'number' && isChanges(reply.changes);
  if (reply.kind !== 'report' || reply.report === null || typeof reply.report !== 'object' || (reply.serial !== undefined && typeof reply.serial !== 'number')) return false;
  const report = reply.report as Partial<Record<keyof DocumentReport, unknown>>;
  return typeof report.uri === 'string' && typeof report.version === 'number' && Array.isArray(report.findings) && isPackedOutline(report.outline) && isPackedIds(report.ids) && Array.isArray(report.lenses)
    && report.n1 !== null && typeof report.n1 === 'object';
}

function isChanges(value: unknown): value is ReportChanges {
  if (value === null || typeof value !== 'object') return false;
  const changes = value as Partial<Record<keyof ReportChanges, unknown>>;
  return typeof changes.uri === 'string' && typeof changes.version === 'number' && typeof changes.base === 'number' && changes.findings instanceof Int32Array
    && Array.isArray(changes.added) && (changes.outline === undefined || isPackedOutline(changes.outline)) && (changes.ids === undefined || isPackedIds(changes.ids))
    && (changes.lenses === undefined || Array.isArray(changes.lenses)) && changes.n1 !== null && typeof changes.n1 === 'object';
}
