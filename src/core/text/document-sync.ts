/**
 * A document's text kept in step with a worker by its changes, as LSP's incremental sync
 * does: the first request carries the whole text, later ones the changes since the version
 * the worker holds. On a big design this spares the extension host joining and copying
 * megabytes of text on every keystroke (docs/performance.md). Whenever the two sides may
 * disagree (a worker restarted, a document it dropped, a trail too long), the worker says
 * it does not hold that version and the whole text goes again.
 */

import { MAX_TRAIL_STEPS } from './edit-trail';
import { RecentDocuments } from './recent-documents';

/** One change as sent: `removed` characters at `offset` became `text`. */
export interface SentChange {
  readonly offset: number;
  readonly removed: number;
  readonly text: string;
}

/** Changes that turn the version `base` into the request's version, applied in order. */
export interface ChangesSince {
  readonly base: number;
  readonly changes: readonly SentChange[];
}

/** What a request carries of the text: all of it, or the changes since a version the worker holds. */
export type SyncedText = { readonly text: string; readonly changes?: undefined } | { readonly text?: undefined; readonly changes: ChangesSince };

/** The extension host's side, for one document: the version the worker was sent last, and the changes since. */
export class DocumentSync {
  /** The version the worker was sent last. */
  private sent: number | undefined;
  /** The version the changes recorded since lead to. */
  private latest: number | undefined;
  private pending: SentChange[] = [];
  private steps = 0;

  /** Changes that made `version`, as the editor reports them. */
  record(version: number, changes: readonly SentChange[]): void {
    if (this.sent === undefined) return;
    if (++this.steps > MAX_TRAIL_STEPS) {
      this.forget();
      return;
    }
    this.pending.push(...changes);
    this.latest = version;
  }

  /** What to send for `version`: the changes since the last version sent, or the whole text. */
  next(version: number, text: () => string, whole = false): SyncedText {
    const synced: SyncedText = !whole && this.sent !== undefined && this.latest === version
      ? { changes: { base: this.sent, changes: this.pending } }
      : { text: text() };
    this.sent = version;
    this.latest = version;
    this.pending = [];
    this.steps = 0;
    return synced;
  }

  /** The worker may no longer hold what was sent: send the whole text next. */
  forget(): void {
    this.sent = undefined;
    this.pending = [];
    this.steps = 0;
  }
}

/** The worker's side: the last text of each document, for the last 8 documents (others are sent whole again). */
export class DocumentTexts {
  private readonly texts = new RecentDocuments<{ readonly version: number; readonly text: string }>(8);

  /** The text of `version`, from the request's whole text or from the changes since a version held; undefined if that one is not held. */
  resolve(uri: string, version: number, synced: SyncedText): string | undefined {
    let text: string;
    if (synced.text !== undefined) {
      text = synced.text;
    } else {
      const held = this.texts.get(uri);
      if (!held || held.version !== synced.changes.base) return undefined;
      text = held.text;
      for (const change of synced.changes.changes) {
        if (change.offset < 0 || change.removed < 0 || change.offset + change.removed > text.length) return undefined;
        text = text.slice(0, change.offset) + change.text + text.slice(change.offset + change.removed);
      }
    }
    this.texts.set(uri, { version, text });
    return text;
  }

  forget(uri: string): void {
    this.texts.delete(uri);
  }
}

/** Whether a value received from another process is a change list, checked before use. */
export function isChangesSince(value: unknown): value is ChangesSince {
  if (value === null || typeof value !== 'object') return false;
  const { base, changes } = value as Record<string, unknown>;
  return typeof base === 'number' && Array.isArray(changes) && changes.every((change: unknown) => {
    if (change === null || typeof change !== 'object') return false;
    const { offset, removed, text } = change as Record<string, unknown>;
    return typeof offset === 'number' && typeof removed === 'number' && typeof text === 'string';
  });
}
