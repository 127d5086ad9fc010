import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EventQueue } from '../../../src/core/simulation/event-queue';

function drain<T>(queue: EventQueue<T>): Array<[number, T]> {
  const out: Array<[number, T]> = [];
  for (let entry = queue.pop(); entry; entry = queue.pop()) out.push([entry.timeSeconds, entry.item]);
  return out;
}

describe('event queue', () => {
  it('gives earlier times first, and at the same time the first scheduled first', () => {
    const queue = new EventQueue<string>();
    queue.push(15, 'declare');
    queue.push(0, 'fail');
    queue.push(15, 'declare-second');
    queue.push(75, 'ready');
    queue.push(15, 'declare-third');
    assert.equal(queue.peekTime(), 0);
    assert.deepEqual(drain(queue), [
      [0, 'fail'],
      [15, 'declare'],
      [15, 'declare-second'],
      [15, 'declare-third'],
      [75, 'ready'],
    ]);
    assert.equal(queue.size, 0);
    assert.equal(queue.pop(), undefined);
  });

  it('orders any schedule as a stable sort by time would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const queue = new EventQueue<number>();
        times.forEach((time, index) => queue.push(time, index));
        const expected = times.map((time, index): [number, number] => [time, index]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        assert.deepEqual(drain(queue), expected);
      }),
    );
  });
});
