import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IntentBody } from '../../../src/core/edit/intents';
import { ANSWER_TIMEOUT_MS, DOCUMENT_TIMEOUT_MS, IntentQueue, type Clock } from '../../../src/core/view/designer-intent-queue';
import { DESIGNER_PROTOCOL_VERSION, type DesignerToHostMessage } from '../../../src/core/view/designer-protocol';

/** Timers that fire only when the test advances the time. */
class FakeClock implements Clock {
  private nowMs = 0;
  private readonly timers: Array<{ at: number; callback: () => void; live: boolean }> = [];

  after(milliseconds: number, callback: () => void): () => void {
    const timer = { at: this.nowMs + milliseconds, callback, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  }

  advance(milliseconds: number): void {
    const end = this.nowMs + milliseconds;
    for (;;) {
      const due = this.timers.filter((timer) => timer.live && timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.live = false;
      this.nowMs = due.at;
      due.callback();
    }
    this.nowMs = end;
  }

  get pending(): number {
    return this.timers.filter((timer) => timer.live).length;
  }
}

type IntentMessage = Extract<DesignerToHostMessage, { type: 'intent' }>;

/** A queue on a fake host and clock, the canvas showing document `version` (none: not loaded yet). */
function harness(version: number | undefined) {
  const posted: IntentMessage[] = [];
  const reports: Array<[string, boolean]> = [];
  const fieldOutcomes: Array<[string, string, string | undefined]> = [];
  const clock = new FakeClock();
  let shown = version;
  const queue = new IntentQueue({
    post: (message) => {
      if (message.type === 'intent') posted.push(message);
    },
    version: () => shown,
    report: (text, rejected) => reports.push([text, rejected]),
    fieldOutcome: (id, key, reason) => fieldOutcomes.push([id, key, reason]),
  }, clock);
  return {
    queue,
    clock,
    reports,
    fieldOutcomes,
    /** What left, as `requestId:element@baseVersion`. */
    sent: () => posted.map(({ requestId, intent }) => `${requestId}:${'id' in intent ? intent.id : intent.type}@${intent.baseVersion}`),
    posted,
    /** The extension sends a new document (after an edit, or the user typed in the text). */
    document(next: number) {
      shown = next;
      queue.onDocument(next);
    },
  };
}

const remove = (id: string): IntentBody => ({ type: 'delete-element', id });

describe('designer intent queue', () => {
  it('sends an intent at once, stamped with the version of the document shown', () => {
    const h = harness(5);
    h.queue.send({ type: 'move-vm', vm: 'vm-01', host: 'esx-02' });
    assert.deepEqual(h.posted, [{ type: 'intent', protocol: DESIGNER_PROTOCOL_VERSION, requestId: 1, intent: { type: 'move-vm', vm: 'vm-01', host: 'esx-02', baseVersion: 5 } }]);
  });

  it('keeps intents until the first document comes, then sends them one at a time, in order', () => {
    const h = harness(undefined);
    h.queue.send(remove('a'));
    h.queue.send(remove('b'));
    assert.deepEqual(h.sent(), []);
    h.document(1);
    assert.deepEqual(h.sent(), ['1:a@1']);
    h.queue.onApplied(1, []);
    h.document(2);
    assert.deepEqual(h.sent(), ['1:a@1', '2:b@2']);
  });

  it('sends the next intent only once the last one is applied and the document it made has come back', () => {
    const h = harness(5);
    h.queue.send(remove('a'));
    h.queue.send(remove('b'));
    assert.deepEqual(h.sent(), ['1:a@5'], 'one in flight at a time');
    h.queue.onApplied(1, []);
    assert.deepEqual(h.sent(), ['1:a@5'], 'applied, but its document is not here yet');
    h.document(5);
    assert.deepEqual(h.sent(), ['1:a@5'], 'the same version again is not the new document');
    h.document(6);
    assert.deepEqual(h.sent(), ['1:a@5', '2:b@6'], 'the next leaves on the new document');
  });

  it('sends the next intent at once when the new document came before the acknowledgement', () => {
    const h = harness(5);
    h.queue.send(remove('a'));
    h.queue.send(remove('b'));
    h.document(6);
    assert.deepEqual(h.sent(), ['1:a@5'], 'a document does not end the wait for an answer');
    h.queue.onApplied(1, []);
    assert.deepEqual(h.sent(), ['1:a@5', '2:b@6']);
  });

  it('reports what was applied, with the references a delete left dangling', () => {
    const h = harness(5);
    h.queue.send(remove('esx-01'));
    h.queue.onApplied(1, ['vm-01', 'vm-02']);
    h.queue.send({ type: 'rename-element', id: 'vm-01', newId: 'web-01' });
    h.document(6);
    h.queue.onApplied(2, []);
    assert.deepEqual(h.reports, [['Deleted esx-01; still referenced: vm-01, vm-02', false], ['Renamed vm-01 to web-01', false]]);
  });

  it('ignores an acknowledgement of another request', () => {
    const h = harness(5);
    h.queue.send(remove('a'));
    h.queue.send(remove('b'));
    h.queue.onApplied(2, []);
    h.document(6);
    assert.deepEqual(h.reports, []);
    assert.deepEqual(h.sent(), ['1:a@5']);
  });

  it('on a rejection reports the reason, drops the intents queued on top and sends the next new one at once', () => {
    const h = harness(5);
    h.queue.send(remove('a'));
    h.queue.send(remove('b'));
    h.queue.send(remove('c'));
    h.queue.onRejected(1, 'the document changed (version 6, the canvas showed 5)');
    assert.deepEqual(h.reports, [['Not changed: the document changed (version 6, the canvas showed 5)', true]]);
    h.document(6);
    assert.deepEqual(h.sent(), ['1:a@5'], 'b and c were meant on top of a: dropped, not sent');
    h.queue.send(remove('d'));
    assert.deepEqual(h.sent(), ['1:a@5', '2:d@6']);
  });

  it('reports a rejection of another request but keeps waiting for its own answer', () => {
    const h = harness(5);
    h.queue.send(remove('a'));
    h.queue.send(remove('b'));
    h.queue.onRejected(7, 'unknown request');
    assert.deepEqual(h.reports, [['Not changed: unknown request', true]]);
    assert.deepEqual(h.sent(), ['1:a@5']);
    h.queue.onApplied(1, []);
    h.document(6);
    assert.deepEqual(h.sent(), ['1:a@5', '2:b@6'], 'b was not dropped');
  });

  it('tells the property panel how a field\'s intent ended, and only for field intents', () => {
    const h = harness(5);
    h.queue.send({ type: 'set-field', id: 'esx-01', key: 'cpu.cores', value: '8' }, 'cpu.cores');
    h.queue.onApplied(1, []);
    h.document(6);
    h.queue.send({ type: 'set-field', id: 'esx-01', key: 'memory', value: 'lots' }, 'memory');
    h.queue.onRejected(2, 'memory: not a size');
    h.queue.send(remove('esx-02'));
    h.queue.onRejected(3, 'no such element');
    assert.deepEqual(h.fieldOutcomes, [['esx-01', 'cpu.cores', undefined], ['esx-01', 'memory', 'memory: not a size']]);
  });

  it('gives an unanswered intent up after the timeout, without retrying it, and sends the next', () => {
    const h = harness(5);
    h.queue.send(remove('a'));
    h.queue.send(remove('b'));
    h.clock.advance(ANSWER_TIMEOUT_MS - 1);
    assert.deepEqual(h.sent(), ['1:a@5']);
    h.clock.advance(1);
    assert.deepEqual(h.sent(), ['1:a@5', '2:b@5'], 'b leaves on the document shown; a is not sent again');
    h.queue.onApplied(1, []);
    assert.deepEqual(h.reports, [], 'a late answer to the given-up intent is ignored');
    h.clock.advance(ANSWER_TIMEOUT_MS);
    assert.deepEqual(h.sent(), ['1:a@5', '2:b@5'], 'nothing is retried');
  });

  it('waits for the document an applied intent made only so long', () => {
    const h = harness(5);
    h.queue.send(remove('a'));
    h.queue.send(remove('b'));
    h.queue.onApplied(1, []);
    h.clock.advance(DOCUMENT_TIMEOUT_MS - 1);
    assert.deepEqual(h.sent(), ['1:a@5']);
    h.clock.advance(1);
    assert.deepEqual(h.sent(), ['1:a@5', '2:b@5']);
  });

  it('does not let the timer of an answered intent cut the next one short', () => {
    const h = harness(5);
    h.queue.send(remove('a'));
    h.queue.send(remove('b'));
    h.queue.send(remove('c'));
    h.clock.advance(1000);
    h.queue.onApplied(1, []);
    h.document(6);
    assert.deepEqual(h.sent(), ['1:a@5', '2:b@6']);
    h.clock.advance(ANSWER_TIMEOUT_MS - 1000);
    assert.deepEqual(h.sent(), ['1:a@5', '2:b@6'], 'b was sent 3 s ago: still waiting for its answer');
    h.clock.advance(1000);
    assert.deepEqual(h.sent(), ['1:a@5', '2:b@6', '3:c@6']);
  });

  it('stamps queued intents with the document shown when they leave, after the document was replaced by typing', () => {
    const h = harness(5);
    h.queue.send(remove('a'));
    h.queue.send(remove('b'));
    h.queue.send(remove('c'));
    h.document(8);
    assert.deepEqual(h.sent(), ['1:a@5'], 'a replaced document keeps the queue and the one in flight');
    h.queue.onApplied(1, []);
    assert.deepEqual(h.sent(), ['1:a@5', '2:b@8'], 'the document shown is newer than a\'s: b leaves at once, on it');
    h.queue.onRejected(2, 'stale');
    h.document(9);
    h.queue.send(remove('d'));
    assert.deepEqual(h.sent(), ['1:a@5', '2:b@8', '3:d@9'], 'c went with b\'s rejection');
  });

  it('leaves no timer running once every intent is answered', () => {
    const h = harness(5);
    h.queue.send(remove('a'));
    h.queue.onApplied(1, []);
    h.document(6);
    assert.equal(h.clock.pending, 0);
    h.queue.send(remove('b'));
    h.queue.onRejected(2, 'no');
    assert.equal(h.clock.pending, 0);
    h.queue.send(remove('c'));
    h.document(7);
    h.queue.onApplied(3, []);
    assert.equal(h.clock.pending, 0, 'applied after its document came');
  });
});
