/**
 * The designer's intents on their way to the extension: one in flight at a time (a second
 * one based on the same document version would be stale), each stamped with the version
 * of the document the canvas shows when it leaves; the next leaves once the document the
 * last one made has come back. A rejection drops what was queued on top of it (the
 * extension resends the document). A host that never answers does not stop the canvas.
 */

import type { DesignIntent } from '../../src/core/edit/intents';
import { describeIntent } from '../../src/core/view/designer-model';
import { DESIGNER_PROTOCOL_VERSION, type DesignerToHostMessage } from '../../src/core/view/designer-protocol';

/** An intent as the canvas asks for it: without the version, which is added when it is sent. */
export type IntentBody = DesignIntent extends infer T ? (T extends DesignIntent ? Omit<T, 'baseVersion'> : never) : never;

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
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waitingForDocumentAfter: number | undefined;
  private readonly queue: Array<{ body: IntentBody; fieldKey?: string }> = [];

  constructor(private readonly host: IntentQueueHost) {}

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
    clearTimeout(this.timer);
    // A host that never answers must not stop the canvas for good.
    this.timer = setTimeout(() => this.finish(), 4000);
  }

  private finish(): void {
    clearTimeout(this.timer);
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
    this.host.report(describeIntent(sent.intent) + (dangling.length > 0 ? `; still referenced: ${dangling.join(', ')}` : ''), false);
    this.inFlight = undefined;
    clearTimeout(this.timer);
    // Wait for the new document (it may already be here) before sending the next intent.
    const version = this.host.version();
    if (version !== undefined && version > sent.intent.baseVersion) this.pump();
    else {
      this.waitingForDocumentAfter = sent.intent.baseVersion;
      this.timer = setTimeout(() => this.finish(), 600);
    }
  }

  onRejected(requestId: number, reason: string): void {
    const sent = this.inFlight?.requestId === requestId ? this.inFlight : undefined;
    this.host.report(`Not changed: ${reason}`, true);
    if (sent?.fieldKey !== undefined && 'id' in sent.intent) this.host.fieldOutcome(sent.intent.id, sent.fieldKey, reason);
    if (sent) {
      // Later queued intents were meant on top of this one: drop them; the host resends the document.
      this.queue.length = 0;
      this.finish();
    }
  }
}
