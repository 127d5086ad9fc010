/**
 * The messages between the extension host and the query worker (queries.ts): a question
 * about an offset of a document's version, and its answer, with the checks each side runs
 * on what it receives. Plain data, and nothing here reads a design, so the extension host
 * loads it at activation without the parser.
 */

import type { SourceRange } from '../model/source';

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
