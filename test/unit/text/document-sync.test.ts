/**
 * Incremental text sync with the analysis worker (core/text/document-sync.ts): the
 * worker's text after the changes is the editor's, byte for byte, over random edits; and
 * whenever the two sides may disagree, the whole text goes again.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DocumentSync, DocumentTexts, type SentChange } from '../../../src/core/text/document-sync';

const URI = 'file:///a.vtopo';

/** An editor's document: its text, version, and the changes of each edit. */
class Editor {
  version = 1;
  constructor(public text: string, readonly sync: DocumentSync) {}
  /** Applies changes given against the text before the edit, in the order an editor reports them. */
  edit(changes: readonly SentChange[]): void {
    for (const change of changes) this.text = this.text.slice(0, change.offset) + change.text + this.text.slice(change.offset + change.removed);
    this.version++;
    this.sync.record(this.version, changes);
  }
}

describe('document sync', () => {
  it('sends the whole text first, then only the changes, and the worker rebuilds the same text', () => {
    const editor = new Editor('vtopo: 1\nhosts:\n  h1: {}\n', new DocumentSync());
    const worker = new DocumentTexts();
    const first = editor.sync.next(editor.version, () => editor.text);
    assert.equal(first.text, editor.text);
    assert.equal(worker.resolve(URI, editor.version, first), editor.text);

    editor.edit([{ offset: editor.text.indexOf('h1'), removed: 2, text: 'h2' }]);
    editor.edit([{ offset: editor.text.length, removed: 0, text: '  h3: {}\n' }]);
    const second = editor.sync.next(editor.version, () => assert.fail('no whole text needed'));
    assert.equal(second.text, undefined);
    assert.deepEqual(second.changes?.base, 1);
    assert.equal(worker.resolve(URI, editor.version, second), 'vtopo: 1\nhosts:\n  h2: {}\n  h3: {}\n');

    // Nothing changed since (a settings change asks again): no changes, same text.
    const again = editor.sync.next(editor.version, () => assert.fail('no whole text needed'));
    assert.deepEqual(again.changes, { base: 3, changes: [] });
    assert.equal(worker.resolve(URI, editor.version, again), editor.text);
  });

  it('keeps the worker\'s text equal to the editor\'s over random edits', () => {
    const change = fc.record({ at: fc.nat(), removed: fc.nat({ max: 5 }), text: fc.string({ maxLength: 6 }) });
    fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 }), (start, edits, sends) => {
      const editor = new Editor(start, new DocumentSync());
      const worker = new DocumentTexts();
      worker.resolve(URI, editor.version, editor.sync.next(editor.version, () => editor.text));
      edits.forEach((edit, index) => {
        // Each change within the text left by the one before it.
        const changes: SentChange[] = [];
        let length = editor.text.length;
        for (const { at, removed, text } of edit) {
          const offset = at % (length + 1);
          const cut = Math.min(removed, length - offset);
          changes.push({ offset, removed: cut, text });
          length += text.length - cut;
        }
        editor.edit(changes);
        if (sends[index]) assert.equal(worker.resolve(URI, editor.version, editor.sync.next(editor.version, () => editor.text)), editor.text);
      });
      assert.equal(worker.resolve(URI, editor.version, editor.sync.next(editor.version, () => editor.text)), editor.text);
    }), { numRuns: 300 });
  });

  it('has the worker ask for the whole text when it does not hold the base version', () => {
    const editor = new Editor('a', new DocumentSync());
    const worker = new DocumentTexts();
    worker.resolve(URI, 1, editor.sync.next(1, () => editor.text));
    editor.edit([{ offset: 1, removed: 0, text: 'b' }]);
    const changes = editor.sync.next(editor.version, () => editor.text);
    assert.equal(new DocumentTexts().resolve(URI, editor.version, changes), undefined, 'a restarted worker holds nothing');
    worker.forget(URI);
    assert.equal(worker.resolve(URI, editor.version, changes), undefined, 'nor one that dropped the document');
    assert.equal(worker.resolve(URI, editor.version, editor.sync.next(editor.version, () => editor.text, true)), 'ab', 'the whole text, when asked');
    assert.equal(new DocumentTexts().resolve(URI, 2, { changes: { base: 1, changes: [{ offset: 5, removed: 1, text: '' }] } }), undefined, 'a change outside the text');
  });

  it('sends the whole text after an edit it did not see, or a trail too long to keep', () => {
    const sync = new DocumentSync();
    sync.next(1, () => 'a');
    sync.record(3, [{ offset: 0, removed: 0, text: 'x' }]);
    assert.equal(sync.next(4, () => 'whole').text, 'whole', 'version 4 was never recorded');
    for (let version = 5; version < 5 + 1001; version++) sync.record(version, [{ offset: 0, removed: 0, text: 'x' }]);
    assert.equal(sync.next(1005, () => 'whole').text, 'whole');
  });
});
