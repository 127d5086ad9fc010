import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { isPackedOutline, packOutline, sameOutline, unpackOutline } from '../../../src/core/language/packed-outline';
import { documentSymbols, limitedSymbols, type DesignSymbol } from '../../../src/core/language/symbols';
import { reportDocument } from '../../../src/core/analysis/document-report';
import { LineIndex, type LineRange, type SourceRange } from '../../../src/core/model/source';
import type { Declaration } from '../../../src/core/model/schema';
import { loadExamples } from '../../fuzz/cases';
import { BENCH_SIZES, generateDesign, type DesignSize } from '../../../bench/generate';

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
        const packed = packOutline(symbols, new LineIndex(text));
        assert.ok(isPackedOutline(structuredClone(packed)), 'a copy across threads is still a packed outline');
        const unpacked = unpackOutline(packed, (entry, children): Plain => ({ ...entry, children }));
        assert.deepEqual(unpacked, symbols.map((symbol) => expected(text, symbol)), example.name);
      }
    }
  });

  it('nests each symbol under the one its id extends, declared before it, wherever that was written', () => {
    /** The outline the obvious way: every symbol made, its parent looked up by id. */
    const naive = (declarations: readonly Declaration[]): unknown => {
      const byId = new Map<string, { id: string; children: unknown[] }>();
      const roots: unknown[] = [];
      for (const declaration of [...declarations].filter((d) => d.inheritedFrom === undefined).sort((a, b) => a.idRange.start - b.idRange.start)) {
        const node = { id: declaration.id, children: [] as unknown[] };
        const slash = declaration.id.lastIndexOf('/');
        const parent = slash === -1 ? undefined : byId.get(declaration.id.slice(0, slash));
        byId.set(declaration.id, node);
        (parent ? parent.children : roots).push(node);
      }
      return roots;
    };
    const shape = (symbols: readonly DesignSymbol[]): unknown => symbols.map((symbol) => ({ id: symbol.id, children: shape(symbol.children) }));
    const at = (id: string, start: number): Declaration => ({ kind: 'host', id, idRange: { start, end: start + id.length }, range: { start, end: start + id.length } });
    // Written apart from its parent (a-x after b), a parent never declared (q), a child before its parent (c/y).
    const apart = [at('a', 0), at('b', 10), at('a/x', 20), at('a/x/p', 30), at('q/z', 40), at('c/y', 50), at('c', 60), at('b/w', 70)];
    for (const declarations of [apart, ...[...loadExamples().map((example) => example.text), generateDesign(BENCH_SIZES[0] as DesignSize)].map((text) => [...analyzeText(text).topology.declarations.values()])]) {
      assert.deepEqual(shape(documentSymbols(declarations)), naive(declarations));
    }
  });

  it('caps the outline level by level: elements first, then adapters, then ports, no child without its parent', () => {
    const example = loadExamples().find((candidate) => /^hosts:/m.test(candidate.text) && /ports:/.test(candidate.text));
    assert.ok(example, 'an example with hosts, adapters and ports');
    for (const text of [example.text, generateDesign(BENCH_SIZES[0] as DesignSize)]) {
      const declarations = [...analyzeText(text).topology.declarations.values()];
      const symbols = documentSymbols(declarations);
      const flat = (list: readonly DesignSymbol[]): DesignSymbol[] => list.flatMap((symbol) => [symbol, ...flat(symbol.children)]);
      const depthOf = new Map<string, number>();
      const walk = (list: readonly DesignSymbol[], depth: number) => list.forEach((symbol) => (depthOf.set(symbol.id, depth), walk(symbol.children, depth + 1)));
      walk(symbols, 0);
      const total = flat(symbols).length;
      assert.deepEqual(limitedSymbols(declarations, total), { symbols, total }, 'under the cap, the outline is as it was');
      const elements = symbols.length;
      const adapters = symbols.reduce((sum, symbol) => sum + symbol.children.length, 0);
      for (const limit of [0, 1, elements, elements + 1, elements + adapters, elements + adapters + 1, total - 1]) {
        const limited = limitedSymbols(declarations, limit);
        const kept = flat(limited.symbols);
        assert.equal(limited.total, total);
        assert.equal(kept.length, limit, `${limit}: as many as the cap`);
        // Everything kept is shallower than, or as deep as, anything left out.
        const deepestKept = Math.max(-1, ...kept.map((symbol) => depthOf.get(symbol.id) ?? 0));
        const keptIds = new Set(kept.map((symbol) => symbol.id));
        const left = flat(symbols).filter((symbol) => !keptIds.has(symbol.id));
        const shallowestLeft = Math.min(Infinity, ...left.map((symbol) => depthOf.get(symbol.id) ?? 0));
        assert.ok(deepestKept <= shallowestLeft, `${limit}: level by level`);
        // Of the level cut, the first in document order; each kept symbol under its own parent.
        const startsAt = (list: readonly DesignSymbol[]) => list.filter((symbol) => depthOf.get(symbol.id) === deepestKept).map((symbol) => symbol.selectionRange.start);
        assert.ok(Math.max(-1, ...startsAt(kept)) < Math.min(Infinity, ...startsAt(left)), `${limit}: the first of the level cut`);
        assert.deepEqual(kept.map((symbol) => symbol.id), flat(symbols).map((symbol) => symbol.id).filter((id) => keptIds.has(id)));
      }
    }
  });

  it('sends the capped outline with the count of all symbols in the report', () => {
    const example = loadExamples().find((candidate) => /^vms:/m.test(candidate.text));
    assert.ok(example);
    const all = reportDocument({ uri: 'file:///a.vtopo', version: 1, text: example.text, rules: {} }).outline;
    const capped = reportDocument({ uri: 'file:///a.vtopo', version: 1, text: example.text, rules: {}, outlineLimit: 2 }).outline;
    assert.equal(all.total, all.ids.length);
    assert.equal(capped.total, all.total);
    assert.equal(capped.ids.length, 2);
    assert.deepEqual(unpackOutline(capped, (entry) => entry.id), unpackOutline(all, (entry) => entry.id).slice(0, 2), 'the first two elements');
    assert.ok(isPackedOutline(structuredClone(capped)));
  });

  it('tells an outline that moved or changed from one that did not', () => {
    const example = loadExamples().find((candidate) => /^vms:/m.test(candidate.text));
    assert.ok(example);
    const outlineOf = (text: string) => packOutline(documentSymbols(analyzeText(text).topology.declarations.values()), new LineIndex(text));
    const outline = outlineOf(example.text);
    assert.ok(sameOutline(outline, structuredClone(outline)));
    assert.ok(sameOutline(outline, outlineOf(example.text)), 'read again');
    assert.ok(!sameOutline(outline, outlineOf(`# a line above everything\n${example.text}`)), 'every symbol one line down');
    const renamed = { ...outline, ids: outline.ids.map((id, index) => (index === 0 ? `${id}x` : id)) };
    assert.ok(!sameOutline(outline, renamed), 'an id changed');
  });

  it('refuses what is not a packed outline', () => {
    for (const value of [null, [], { ids: [], kinds: [], numbers: [] }, { total: 1, ids: ['a'], kinds: ['host'], numbers: new Int32Array(8) }, { total: 0, ids: ['a'], kinds: ['host'], numbers: new Int32Array(9) }]) {
      assert.equal(isPackedOutline(value), false);
    }
  });
});
