/**
 * Hover and go to definition away from the extension host (docs/performance.md): a
 * second worker reads a document's text when asked and answers questions about an offset
 * of the version it read, while the analysis worker may be busy with the next edit. This
 * is the job of TypeScript's "syntax server" next to its semantic one. The extension host
 * keeps the edits made since the version read (edit-trail.ts), so it asks about the old
 * text and maps the answer forward, and sends the new text only when the question is
 * about text edited since. Plain data in and out; no throw escapes.
 */

import { parseVtopo } from '../model/parse';
import { RecentDocuments } from '../text/recent-documents';
import type { SourceRange } from '../model/source';
import { hoverAt } from './hover';
import { definitionAt, DesignIndex } from './navigation';

/** `read`: only read the text, ahead of the first question (nothing is answered). */
export type Question = 'hover' | 'definition' | 'read';

export interface LanguageQuery {
  readonly kind: 'query';
  /** Echoed back, to match the answer to its question. */
  readonly id: number;
  readonly uri: string;
  /** The version `offset` is in: the one read before, or the one `text` is. */
  readonly version: number;
  /** The text of `version`, when the worker is to read it first. */
  readonly text?: string;
  readonly offset: number;
  readonly question: Question;
}

/** The worker may drop a document: the extension host closed it. */
export interface ForgetDocument {
  readonly kind: 'forget';
  readonly uri: string;
}

export interface HoverAnswer {
  readonly markdown: string;
  readonly range: SourceRange;
}

export interface DefinitionAnswer {
  /** The reference the offset is on. */
  readonly origin: SourceRange;
  /** The whole declaration, and its id. */
  readonly target: SourceRange;
  readonly targetId: SourceRange;
}

export type QueryResult =
  /** The worker does not hold that version (never read, dropped, or restarted): send the text. */
  | { readonly status: 'unread' }
  | { readonly status: 'answered'; readonly hover?: HoverAnswer; readonly definition?: DefinitionAnswer }
  | { readonly status: 'failed'; readonly message: string };

export interface QueryAnswer {
  readonly kind: 'answer';
  readonly id: number;
  readonly result: QueryResult;
}

interface Read {
  readonly version: number;
  readonly text: string;
  readonly design: DesignIndex;
}

/** The worker's side: the designs it read, for the last 4 documents (others are read again when asked about), and the answers. */
export class DesignReader {
  private readonly read = new RecentDocuments<Read>(4);

  answer(query: LanguageQuery): QueryAnswer {
    const answered = (result: QueryResult): QueryAnswer => ({ kind: 'answer', id: query.id, result });
    try {
      if (query.text !== undefined) this.read.set(query.uri, { version: query.version, text: query.text, design: new DesignIndex(parseVtopo(query.text).topology) });
      const read = this.read.get(query.uri);
      if (!read || read.version !== query.version) return answered({ status: 'unread' });
      if (query.question === 'read') return answered({ status: 'answered' });
      if (query.question === 'hover') {
        const hover = hoverAt(read.text, query.offset, read.design);
        return answered(hover ? { status: 'answered', hover: { markdown: hover.markdown, range: hover.range } } : { status: 'answered' });
      }
      const definition = definitionAt(read.design, query.offset);
      return answered(definition
        ? { status: 'answered', definition: { origin: definition.origin, target: definition.declaration.range, targetId: definition.declaration.idRange } }
        : { status: 'answered' });
    } catch (error) {
      return answered({ status: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  }

  forget(uri: string): void {
    this.read.delete(uri);
  }
}

const isRange = (value: unknown): value is SourceRange =>
  value !== null && typeof value === 'object' && typeof (value as SourceRange).start === 'number' && typeof (value as SourceRange).end === 'number';

export function isLanguageQuery(value: unknown): value is LanguageQuery {
  if (value === null || typeof value !== 'object') return false;
  const { kind, id, uri, version, text, offset, question } = value as Record<string, unknown>;
  return kind === 'query' && typeof id === 'number' && typeof uri === 'string' && typeof version === 'number'
    && (text === undefined || typeof text === 'string') && typeof offset === 'number' && offset >= 0 && (question === 'hover' || question === 'definition' || question === 'read');
}

export function isForgetDocument(value: unknown): value is ForgetDocument {
  return value !== null && typeof value === 'object' && (value as ForgetDocument).kind === 'forget' && typeof (value as ForgetDocument).uri === 'string';
}

/** An answer received from the worker, checked before the extension host uses it. */
export function isQueryAnswer(value: unknown): value is QueryAnswer {
  if (value === null || typeof value !== 'object') return false;
  const { kind, id, result } = value as Record<string, unknown>;
  if (kind !== 'answer' || typeof id !== 'number' || result === null || typeof result !== 'object') return false;
  const { status, hover, definition, message } = result as Record<string, unknown>;
  if (status === 'unread') return true;
  if (status === 'failed') return typeof message === 'string';
  if (status !== 'answered') return false;
  const hoverOk = hover === undefined || (typeof (hover as HoverAnswer).markdown === 'string' && isRange((hover as HoverAnswer).range));
  const d = definition as DefinitionAnswer | undefined;
  return hoverOk && (d === undefined || (isRange(d.origin) && isRange(d.target) && isRange(d.targetId)));
}
