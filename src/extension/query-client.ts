/**
 * The extension host's side of the query worker (core/language/queries.ts): hover and go to
 * definition are asked of a worker of their own, which holds the last version of each
 * design it read, so they answer while the analysis worker is busy with the next edit and
 * the extension host never holds a big design for them. The edits made since the version
 * read are kept here: a question about unchanged text is asked about the old version and
 * its answer mapped forward; only a question about text edited since sends the new text.
 * If the worker cannot start or dies, the same reader answers in the extension host,
 * loaded then (on-demand.ts).
 */

import type * as vscode from 'vscode';
import { isQueryAnswer, type DefinitionAnswer, type HoverAnswer, type LanguageQuery, type QueryAnswer, type QueryResult, type Question } from '../core/language/query-protocol';
import type { LanguageSetting } from '../core/analysis/document-report';
import type { SourceRange } from '../core/model/source';
import { EditTrail, type TextChange } from '../core/text/edit-trail';
import type { WorkerFactory } from './analysis-client';
import { WorkerSlot } from './worker-slot';

/** A document as the client needs it: `vscode.TextDocument` is one. */
export interface QueriedDocument {
  readonly uri: { toString(): string };
  readonly version: number;
  getText(): string;
}

interface Known {
  /** The version the worker read last, if any. */
  read: number | undefined;
  /** Edits since `read`. */
  readonly trail: EditTrail;
}

type Answer = Extract<QueryResult, { status: 'answered' }>;

/** The worker's reader (DesignReader), when it answers in the extension host. */
export interface InHostReader {
  answer(query: LanguageQuery): QueryAnswer;
  forget(uri: string): void;
}

export class QueryClient implements vscode.Disposable {
  private readonly slot: WorkerSlot;
  /** The reader in the extension host, once the worker is given up. */
  private local: InHostReader | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, (result: QueryResult) => void>();
  private readonly documents = new Map<string, Known>();
  private disposed = false;

  constructor(
    factory: WorkerFactory | undefined,
    private readonly log: vscode.LogOutputChannel,
    /** Makes the reader, loading it: called once the worker is given up. */
    private readonly makeReader: () => InHostReader,
    language?: LanguageSetting,
  ) {
    this.slot = new WorkerSlot(factory, log, language, {
      role: 'queries',
      name: 'the query worker',
      started: 'The query worker started: hover and go to definition read designs outside the extension host.',
      without: 'hover and go to definition read designs in the extension host',
      onReply: (reply) => {
        if (!isQueryAnswer(reply)) return;
        this.waiting.get(reply.id)?.(reply.result);
        this.waiting.delete(reply.id);
      },
      // What it held is gone: the questions waiting are asked again, with their text, here.
      onLost: () => {
        for (const known of this.documents.values()) known.read = undefined;
        for (const resolve of this.waiting.values()) resolve({ status: 'unread' });
        this.waiting.clear();
      },
    });
  }

  /** The hover at `offset` of the document as it is now, its range in today's text. */
  async hover(document: QueriedDocument, offset: number): Promise<HoverAnswer | undefined> {
    return this.ask(document, offset, 'hover', (answer, toCurrent) => {
      if (!answer.hover) return undefined;
      const range = toCurrent(answer.hover.range);
      return range ? { markdown: answer.hover.markdown, range } : STALE;
    });
  }

  /** The declaration the reference at `offset` names, its ranges in today's text. */
  async definition(document: QueriedDocument, offset: number): Promise<DefinitionAnswer | undefined> {
    return this.ask(document, offset, 'definition', (answer, toCurrent) => {
      if (!answer.definition) return undefined;
      const [origin, target, targetId] = [answer.definition.origin, answer.definition.target, answer.definition.targetId].map(toCurrent);
      return origin && target && targetId ? { origin, target, targetId } : STALE;
    });
  }

  /**
   * Has the worker read the document now, if it holds no version of it: the first hover on a
   * big design then waits for no parse. Sent once the document's first analysis is done.
   */
  prepare(document: QueriedDocument): void {
    const known = this.known(document.uri.toString());
    if (known.read !== undefined || this.slot.givenUp) return;
    known.read = document.version;
    known.trail.forgetThrough(document.version);
    void this.send({ kind: 'query', id: this.nextId++, uri: document.uri.toString(), version: document.version, text: document.getText(), offset: 0, question: 'read' });
  }

  /** Keeps the edits of a change, so that the version read still answers about unchanged text. */
  recordChange(uri: string, version: number, changes: readonly TextChange[]): void {
    const known = this.documents.get(uri);
    if (known?.read !== undefined && !known.trail.record(version, changes)) known.read = undefined;
  }

  forget(uri: string): void {
    this.documents.delete(uri);
    this.local?.forget(uri);
    this.slot.tell({ kind: 'forget', uri });
  }

  dispose(): void {
    this.disposed = true;
    for (const resolve of this.waiting.values()) resolve({ status: 'failed', message: 'the extension is stopping' });
    this.waiting.clear();
    this.slot.dispose();
  }

  private async ask<T>(
    document: QueriedDocument,
    offset: number,
    question: Question,
    map: (answer: Answer, toCurrent: (range: SourceRange) => SourceRange | undefined) => T | typeof STALE | undefined,
  ): Promise<T | undefined> {
    const uri = document.uri.toString();
    const known = this.known(uri);
    // First the version read, if the text asked about was not edited since.
    const read = known.read;
    if (read !== undefined) {
      const old = read === document.version ? offset : known.trail.toVersion(offset, read);
      if (old !== undefined) {
        const result = await this.send({ kind: 'query', id: this.nextId++, uri, version: read, offset: old, question });
        const found = this.settle(result, known, read, map);
        if (found !== STALE) return found;
      }
    }
    // Then the text as it is now.
    const version = document.version;
    known.read = version;
    known.trail.forgetThrough(version);
    const result = await this.send({ kind: 'query', id: this.nextId++, uri, version, text: document.getText(), offset, question });
    const found = this.settle(result, known, version, map);
    return found === STALE ? undefined : found;
  }

  /** An answer about `version`, mapped to today's text; STALE if that is no longer possible. */
  private settle<T>(
    result: QueryResult,
    known: Known,
    version: number,
    map: (answer: Answer, toCurrent: (range: SourceRange) => SourceRange | undefined) => T | typeof STALE | undefined,
  ): T | typeof STALE | undefined {
    if (result.status === 'failed') {
      this.log.error(`A hover or definition question failed: ${result.message}`);
      return undefined;
    }
    // The worker lost that version, or a newer one was read meanwhile (the trail no longer reaches back to it).
    if (result.status === 'unread' || known.read !== version) {
      if (result.status === 'unread' && known.read === version) known.read = undefined;
      return STALE;
    }
    return map(result, (range) => mapRange(known.trail, range, version));
  }

  private known(uri: string): Known {
    let known = this.documents.get(uri);
    if (!known) {
      known = { read: undefined, trail: new EditTrail() };
      this.documents.set(uri, known);
    }
    return known;
  }

  private async send(query: LanguageQuery): Promise<QueryResult> {
    if (this.disposed) return { status: 'failed', message: 'the extension is stopping' };
    const port = await this.slot.worker();
    if (!port) {
      this.local ??= this.makeReader();
      return this.local.answer(query).result;
    }
    return new Promise((resolve) => {
      this.waiting.set(query.id, resolve);
      port.post(query);
    });
  }
}

const STALE = Symbol('stale');

/** A range of version `from` in today's text, if none of its characters was edited since. */
function mapRange(trail: EditTrail, range: SourceRange, from: number): SourceRange | undefined {
  const start = trail.fromVersion(range.start, from);
  const end = range.end === range.start ? start : trail.fromVersion(range.end - 1, from);
  if (start === undefined || end === undefined) return undefined;
  return { start, end: range.end === range.start ? start : end + 1 };
}
