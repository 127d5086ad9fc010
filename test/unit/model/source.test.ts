/**
 * Offsets to lines and characters (model/source.ts): LF, CRLF and lone CR each end a line,
 * as VS Code counts them, whichever way the index was built.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../src/core/model/source';

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
