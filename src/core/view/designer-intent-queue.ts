/**
 * The designer's intents on their way to the extension: one in flight at a time (a second
 * one based on the same document version would be stale), each stamped with the version
 * of the document the canvas shows when it leaves; the next leaves once the document the
 * last one made has come back. A rejection drops what was queued on top of it (the
 * extension resends the document). A host that never answers does not stop the canvas.
 * Nothing is retried: an intent the host did not answer is given up.
 *
 * The transport (`post`) and the clock are injected, so the queue runs under Node's test
 * runner with a fake clock; webview/designer/app.ts gives it postMessage and the timers.
 */

import type { DesignIntent, IntentBody } from '../edit/intents';
import { formatList } from '../l10n/format';
import { defineMessages } from '../l10n/messages';
import { describeIntent } from './designer-model';
import { DESIGNER_PROTOCOL_VERSION, type DesignerToHostMessage } from './designer-protocol';

const MESSAGES = defineMessages('designer.intent-queue', {
  stillReferenced: '{done}; still referenced: {ids}',
  notChanged: 'Not changed: {reason}',
});

/** How long an intent may stay unanswered before the next one leaves anyway. */
export const ANSWER_TIMEOUT_MS = 4000;
/** How long to wait, after an intent was applied, for the document it made. */
export const DOCUMENT_TIMEOUT_MS = 600;

/** Timers, injected: the browser's in the webview, a fake one in tests. */
export interface Clock {
  /** Calls `callback` once after `milliseconds`; the function returned cancels it. */
  after(milliseconds: number, callback: () => void): () => void;
}

/** The real timers (setTimeout and clearTimeout exist in browsers and in Node alike). */
export const systemClock: Clock = {
  after(milliseconds, callback) {
    const timer = setTimeout(callback, milliseconds);
    return () => clearTimeout(timer);
  },
};

export interface IntentQueueHost {
  post(message: DesignerToHostMessage): void;
  /** The version of the document the canvas shows, once it has one. */
  version(): number | undefined;
  /** What was applied, or why not (status line and screen reader). */
  report(text: string, rejected: boolean): void;
  /** A field's intent was applied (its error goes) or rejected (the reason shows next to it). */
  fieldOutcome(id: string, key: string, reason: string | undefined): void;
}

interface Sent {
  readonly requestId: number;
  readonly intent: DesignIntent;
  readonly fieldKey?: string;
}

export class IntentQueue {
  private nextRequestId = 1;
  private inFlight: Sent | undefined;
  private cancelTimer: (() => void) | undefined;
  private waitingForDocumentAfter: number | undefined;
  private readonly queue: Array<{ body: IntentBody; fieldKey?: string }> = [];

  constructor(private readonly host: IntentQueueHost, private readonly clock: Clock) {}

  /** Queues an intent; `fieldKey` marks one sent from a property panel field. */
  send(body: IntentBody, fieldKey?: string): void {
    this.queue.push(fieldKey !== undefined ? { body, fieldKey } : { body });
    this.pump();
  }

  private pump(): void {
    const version = this.host.version();
    if (this.inFlight || this.waitingForDocumentAfter !== undefined || version === undefined) return;
    const next = this.queue.shift();
    if (!next) return;
    const intent = { ...next.body, baseVersion: version } as DesignIntent;
    const requestId = this.nextRequestId++;
    this.inFlight = { requestId, intent, ...(next.fieldKey !== undefined ? { fieldKey: next.fieldKey } : {}) };
    this.host.post({ type: 'intent', protocol: DESIGNER_PROTOCOL_VERSION, requestId, intent });
    // A host that never answers must not stop the canvas for good.
    this.startTimer(ANSWER_TIMEOUT_MS);
  }

  private startTimer(milliseconds: number): void {
    this.stopTimer();
    this.cancelTimer = this.clock.after(milliseconds, () => {
      this.cancelTimer = undefined;
      this.finish();
    });
  }

  private stopTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private finish(): void {
    this.stopTimer();
    this.inFlight = undefined;
    this.waitingForDocumentAfter = undefined;
    this.pump();
  }

  /** A new document came: the next intent may leave (on it). */
  onDocument(version: number): void {
    if (this.waitingForDocumentAfter !== undefined && version > this.waitingForDocumentAfter) this.finish();
    else this.pump();
  }

  onApplied(requestId: number, dangling: readonly string[]): void {
    const sent = this.inFlight;
    if (sent?.requestId !== requestId) return;
    if (sent.fieldKey !== undefined && 'id' in sent.intent) this.host.fieldOutcome(sent.intent.id, sent.fieldKey, undefined);
    this.host.report(dangling.length > 0 ? MESSAGES.stillReferenced({ done: describeIntent(sent.intent), ids: formatList(dangling) }) : describeIntent(sent.intent), false);
    this.inFlight = undefined;
    this.stopTimer();
    // Wait for the new document (it may already be here) before sending the next intent.
    const version = this.host.version();
    if (version !== undefined && version > sent.intent.baseVersion) this.pump();
    else {
      this.waitingForDocumentAfter = sent.intent.baseVersion;
      this.startTimer(DOCUMENT_TIMEOUT_MS);
    }
  }

  onRejected(requestId: number, reason: string): void {
    const sent = this.inFlight?.requestId === requestId ? this.inFlight : undefined;
    this.host.report(MESSAGES.notChanged({ reason }), true);
    if (sent?.fieldKey !== undefined && 'id' in sent.intent) this.host.fieldOutcome(sent.intent.id, sent.fieldKey, reason);
    if (sent) {
      // Later queued intents were meant on top of this one: drop them; the host resends the document.
      this.queue.length = 0;
      this.finish();
    }
  }
}
