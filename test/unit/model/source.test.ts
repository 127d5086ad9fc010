/**
 * Offsets to lines and characters (model/source.ts): LF, CRLF and lone CR each end a line,
 * as VS Code counts them, whichever way the index was built, and line starts carried across
 * an edit are those of the edited text.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editBetween, LineIndex, lineStartsAfter, lineStartsOf } from '../../../src/core/model/source';
import { mulberry32 } from '../../../bench/generate';

/** Lines and characters counted the slow, obvious way. */
function naive(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let at = 0; at < offset; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || (code === 13 && text.charCodeAt(at + 1) !== 10)) {
      line++;
      lineStart = at + 1;
    }
  }
  return { line, character: offset - lineStart };
}

describe('LineIndex', () => {
  for (const [name, text] of [
    ['LF', 'vtopo: 1\nname: a\n\nhosts:\n  esx-01: {}\n'],
    ['CRLF', 'vtopo: 1\r\nname: a\r\n\r\nhosts:\r\n  esx-01: {}\r\n'],
    ['lone CR and mixed', 'vtopo: 1\rname: a\r\n\nhosts:\r  esx-01: {}'],
    ['no line break', 'vtopo: 1'],
    ['empty', ''],
  ] as const) {
    it(`puts every offset on the line and character VS Code does (${name})`, () => {
      const lines = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) {
        assert.deepEqual(lines.positionAt(offset), naive(text, offset), `offset ${offset}`);
        assert.equal(lines.offsetAt(lines.positionAt(offset)), offset, `back from offset ${offset}`);
      }
    });
  }
});

describe('lineStartsAfter', () => {
  const pieces = ['a', 'b c', '\n', '\r\n', '\r', '  - x: 1\n', ''];

  it('gives the line starts of the edited text, for edits at every place and of every kind', () => {
    const next = mulberry32(7);
    const pick = (): string => pieces[Math.floor(next() * pieces.length)] ?? '';
    let checked = 0;
    for (let round = 0; round < 2000; round++) {
      let before = '';
      for (let i = Math.floor(next() * 12); i > 0; i--) before += pick();
      const start = Math.floor(next() * (before.length + 1));
      const end = start + Math.floor(next() * (before.length - start + 1));
      let inserted = '';
      for (let i = Math.floor(next() * 3); i > 0; i--) inserted += pick();
      const after = before.slice(0, start) + inserted + before.slice(end);
      const change = editBetween(before, after);
      if (!change) continue;
      assert.deepEqual(lineStartsAfter(lineStartsOf(before), after, change), lineStartsOf(after), `${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
      checked++;
    }
    assert.ok(checked > 1500, `most rounds made an edit (${checked})`);
  });

  it('counts what the index counts: CRLF and LF alike by the fast way, a lone CR by the slow one', () => {
    for (const text of ['a\r\nb\nc', 'a\rb\r\nc\r', '\n\n', '\r']) {
      const lines = new LineIndex(text, lineStartsOf(text));
      for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(lines.positionAt(offset), naive(text, offset), `${JSON.stringify(text)} at ${offset}`);
    }
  });
});
