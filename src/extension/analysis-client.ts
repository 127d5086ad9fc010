/**
 * The extension host's side of the analysis worker (docs/performance.md): documents go to
 * the worker one at a time. A request waiting in the queue is only a promise to send the
 * document: its text is read when its turn comes, so while a big design is analyzed, any
 * number of keystrokes cost one more analysis, of the newest text, and nothing per
 * keystroke. If the worker cannot start or dies, analysis carries on in the extension host
 * (slower for big designs, never silent: the log says why).
 */

import type * as vscode from 'vscode';
import { answer, type DocumentReport, type DocumentReportRequest, type LanguageSetting, type WorkerReply } from '../core/analysis/document-report';
import { isPackedIds } from '../core/language/declared-ids';
import type { ForgetDocument, LanguageQuery } from '../core/language/queries';
import { isPackedOutline } from '../core/language/packed-outline';
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
}

export class AnalysisClient implements vscode.Disposable {
  private readonly slot: WorkerSlot;
  private inFlight: Pending | undefined;
  /** Waiting requests by document, one each. */
  private readonly queue = new Map<string, Waiting>();
  private disposed = false;

  constructor(
    factory: WorkerFactory | undefined,
    private readonly log: vscode.LogOutputChannel,
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
        if (pending) this.settle(answer(pending.request));
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
      const request = waiting.source(this.slot.givenUp);
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
      if (this.inFlight === pending) this.settle(answer(pending.request));
    }, 0);
  }

  /** A reply from the worker (or from `answer` in process), for the request in flight. */
  private settle(reply: unknown): void {
    const pending = this.inFlight;
    if (!pending) return;
    if (isReply(reply) && reply.kind === 'unread' && reply.uri === pending.request.uri && reply.version === pending.request.version) {
      // The worker does not hold the version the changes apply to: send the whole text.
      const whole = pending.source(true);
      if (whole) {
        pending.request = whole;
        void this.send(pending);
        return;
      }
    }
    this.inFlight = undefined;
    if (isReply(reply) && reply.kind === 'report' && reply.report.uri === pending.request.uri && reply.report.version === pending.request.version) {
      pending.resolve(reply.report);
    } else {
      const why = isReply(reply) && reply.kind === 'error' ? reply.message : 'an unexpected reply';
      this.log.error(`Analysis of ${pending.request.uri} (version ${pending.request.version}) failed: ${why}`);
      pending.resolve(undefined);
    }
    this.next();
  }
}

function isReply(value: unknown): value is WorkerReply {
  if (value === null || typeof value !== 'object') return false;
  const reply = value as { kind?: unknown; report?: unknown; message?: unknown; uri?: unknown; version?: unknown };
  if (reply.kind === 'error') return typeof reply.message === 'string';
  if (reply.kind === 'unread') return typeof reply.uri === 'string' && typeof reply.version === 'number';
  if (reply.kind !== 'report' || reply.report === null || typeof reply.report !== 'object') return false;
  const report = reply.report as Partial<Record<keyof DocumentReport, unknown>>;
  return typeof report.uri === 'string' && typeof report.version === 'number' && Array.isArray(report.findings) && isPackedOutline(report.outline) && isPackedIds(report.ids) && Array.isArray(report.lenses)
    && report.n1 !== null && typeof report.n1 === 'object';
}
