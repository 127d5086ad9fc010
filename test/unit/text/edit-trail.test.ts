import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EditTrail, type TextChange } from '../../../src/core/text/edit-trail';

/** Applies a change to a text, as an editor does. */
function apply(text: string, change: TextChange, insert: string): string {
  return text.slice(0, change.offset) + insert + text.slice(change.offset + change.removed);
}

describe('edit trail', () => {
  it('maps offsets around an insertion and a deletion, and none inside them', () => {
    const trail = new EditTrail();
    // v1 "hosts: esx-01, esx-02" -> v2: insert "xx" at 7 -> v3: delete 3 characters at 0
    trail.record(2, [{ offset: 7, removed: 0, inserted: 2 }]);
    trail.record(3, [{ offset: 0, removed: 3, inserted: 0 }]);
    assert.equal(trail.toVersion(0, 1), 3);
    assert.equal(trail.toVersion(4, 1), undefined); // in the inserted "xx"
    assert.equal(trail.toVersion(6, 1), 7);
    assert.equal(trail.fromVersion(7, 1), 6);
    assert.equal(trail.fromVersion(1, 1), undefined); // deleted
    assert.equal(trail.toVersion(6, 2), 9);
    trail.forgetThrough(2);
    assert.equal(trail.toVersion(6, 2), 9);
  });

  it('finds the same character in the old text, for any edits', () => {
    const edit = fc.record({ at: fc.nat(), removed: fc.nat(6), insert: fc.string({ maxLength: 6, unit: fc.constantFrom('X', 'Y') }) });
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom('a', 'b', 'c', ':', ' ') }), fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 5 }), (original, events) => {
      // Each original character is tagged by its index, to be found after the edits.
      const tagged = [...original].map((_, index) => String.fromCharCode(0x4e00 + index)).join('');
      let text = tagged;
      const trail = new EditTrail();
      events.forEach((edits, index) => {
        const changes: TextChange[] = [];
        for (const { at, removed, insert } of edits) {
          const change = { offset: at % (text.length + 1), removed: Math.min(removed, text.length - (at % (text.length + 1))), inserted: insert.length };
          text = apply(text, change, insert);
          changes.push(change);
        }
        trail.record(index + 2, changes);
      });
      for (let offset = 0; offset < text.length; offset++) {
        const old = trail.toVersion(offset, 1);
        const character = text[offset] as string;
        if (character === 'X' || character === 'Y') assert.equal(old, undefined);
        else assert.equal(old, character.charCodeAt(0) - 0x4e00);
      }
      for (let old = 0; old < tagged.length; old++) {
        const now = trail.fromVersion(old, 1);
        if (now !== undefined) assert.equal(text.charCodeAt(now) - 0x4e00, old);
        else assert.ok(!text.includes(tagged[old] as string));
      }
    }), { numRuns: 500 });
  });
});
