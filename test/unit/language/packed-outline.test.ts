import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { isPackedOutline, packOutline, unpackOutline, type LineRange } from '../../../src/core/language/packed-outline';
import { documentSymbols, type DesignSymbol } from '../../../src/core/language/symbols';
import type { SourceRange } from '../../../src/core/model/source';
import { loadExamples } from '../../fuzz/cases';

/** An offset as a line and character, the slow and obvious way. */
function lineRange(text: string, range: SourceRange): LineRange {
  const at = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: (before.at(-1) ?? '').length };
  };
  const start = at(range.start);
  const end = at(range.end);
  return { startLine: start.line, startCharacter: start.character, endLine: end.line, endCharacter: end.character };
}

interface Plain {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly detail: string;
  readonly range: LineRange;
  readonly selectionRange: LineRange;
  readonly children: Plain[];
}

function expected(text: string, symbol: DesignSymbol): Plain {
  return {
    id: symbol.id,
    name: symbol.name,
    kind: symbol.kind,
    detail: symbol.detail,
    range: lineRange(text, symbol.range),
    selectionRange: lineRange(text, symbol.selectionRange),
    children: symbol.children.map((child) => expected(text, child)),
  };
}

describe('packed outline', () => {
  it('unpacks to the outline, nesting, names and line ranges included, with LF and CRLF', () => {
    for (const example of loadExamples()) {
      for (const text of [example.text, example.text.replaceAll('\n', '\r\n')]) {
        const symbols = documentSymbols(analyzeText(text).topology.declarations.values());
        assert.ok(symbols.length > 3, `${example.name} has an outline`);
        const packed = packOutline(symbols, text);
        assert.ok(isPackedOutline(structuredClone(packed)), 'a copy across threads is still a packed outline');
        const unpacked = unpackOutline(packed, (entry, children): Plain => ({ ...entry, children }));
        assert.deepEqual(unpacked, symbols.map((symbol) => expected(text, symbol)), example.name);
      }
    }
  });

  it('refuses what is not a packed outline', () => {
    for (const value of [null, [], { ids: [], kinds: [], numbers: [] }, { ids: ['a'], kinds: ['host'], numbers: new Int32Array(8) }]) {
      assert.equal(isPackedOutline(value), false);
    }
  });
});
