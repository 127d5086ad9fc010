import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { cursorContext, type LineSource } from '../../../src/core/language/cursor';

/** The text with `|` removed, and the cursor's offset where it was. */
function at(textWithCursor: string): { text: string; offset: number } {
  const offset = textWithCursor.indexOf('|');
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), offset };
}

function contextOf(textWithCursor: string) {
  const { text, offset } = at(textWithCursor);
  return cursorContext(text, offset);
}

describe('cursor context: where the cursor is in the YAML structure', () => {
  it('reads a word typed on a new line as a key of the enclosing mapping, not as a value', () => {
    const context = contextOf('vtopo: 1\nvms:\n  web-01:\n    host: esx-01\n    hos|');
    assert.equal(context?.position, 'key');
    assert.deepEqual(context?.path, ['vms', 'web-01']);
    assert.deepEqual(context?.siblingKeys, ['host']);
    assert.equal(context?.indent, 4);
  });

  it('reads the text after "key: " as that key\'s value, with the word under the cursor', () => {
    const { text, offset } = at('vms:\n  web-01:\n    host: esx|-01\n');
    const context = cursorContext(text, offset);
    assert.equal(context?.position, 'value');
    assert.deepEqual(context?.path, ['vms', 'web-01', 'host']);
    assert.equal(text.slice(context?.word.start, context?.word.end), 'esx-01');
  });

  it('collects the keys already given in the same mapping, above and below the cursor', () => {
    const context = contextOf('hosts:\n  esx-01:\n    cluster: prod\n    |\n    memory: 8 GB\n  esx-02:\n    cluster: prod\n');
    assert.deepEqual(context?.siblingKeys, ['cluster', 'memory']);
  });

  it('follows flow mappings and flow sequences on the cursor\'s line', () => {
    assert.deepEqual(contextOf('hosts:\n  esx-01:\n    cpu: { sockets: 2, co| }')?.path, ['hosts', 'esx-01', 'cpu']);
    assert.equal(contextOf('hosts:\n  esx-01:\n    cpu: { sockets: 2, co| }')?.position, 'key');
    assert.deepEqual(contextOf('links:\n  - [esx-01/hba1/p0, fc|]')?.path, ['links', 0, 1]);
  });

  it('counts block sequence items, also when they are not indented under their key', () => {
    assert.deepEqual(contextOf('links:\n- [a, b]\n- [c, d]\n- [|')?.path, ['links', 2, 0]);
    assert.deepEqual(contextOf('rules:\n  r1:\n    vms:\n      - web-01\n      - |')?.path, ['rules', 'r1', 'vms', 1]);
  });

  it('reads collections written as lists of mappings with an id', () => {
    const context = contextOf('hosts:\n  - id: esx-01\n    cl|');
    assert.equal(context?.position, 'key');
    assert.deepEqual(context?.path, ['hosts', 0]);
    assert.deepEqual(context?.siblingKeys, ['id']);
  });

  it('skips comments and blank lines above, and gives nothing inside a comment', () => {
    assert.deepEqual(contextOf('clusters:\n  prod:\n    # HA settings\n\n    ha:\n      enabled: |')?.path, ['clusters', 'prod', 'ha', 'enabled']);
    assert.equal(contextOf('vtopo: 1 # format |version'), undefined);
  });

  it('is at the top level at the start of an empty file', () => {
    assert.deepEqual(contextOf('|'), { position: 'key', path: [], word: { start: 0, end: 0 }, siblingKeys: [], indent: 0, before: '' });
  });

  it('handles Windows line endings', () => {
    const context = contextOf('vms:\r\n  web-01:\r\n    host: esx|\r\n');
    assert.deepEqual(context?.path, ['vms', 'web-01', 'host']);
  });
});

/**
 * Lines kept apart, as an editor's document holds them (the extension reads completion's
 * context from the document this way, src/extension/language-features.ts): each line's
 * start, its text without the break, and where the next one starts.
 */
function heldApart(text: string): LineSource {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line++;
    return line;
  };
  return {
    length: text.length,
    lineAt(offset) {
      const line = lineOf(offset);
      const start = starts[line] as number;
      const next = starts[line + 1];
      return { start, text: text.slice(start, next === undefined ? text.length : next - 1).replace(/\r$/, ''), next };
    },
  };
}

describe('cursor context from lines held apart', () => {
  it('is the context read from the whole string, at every offset of an example, with LF and CRLF breaks', () => {
    const example = fs.readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'examples', 'iscsi-av100-g6.vtopo'), 'utf8');
    for (const text of [example, example.replace(/\n/g, '\r\n')]) {
      const lines = heldApart(text);
      for (let offset = 0; offset <= text.length; offset += 7) {
        assert.deepEqual(cursorContext(lines, offset), cursorContext(text, offset), `offset ${offset}`);
      }
    }
  });
});

