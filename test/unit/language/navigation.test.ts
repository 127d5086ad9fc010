import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { definitionAt, DesignIndex } from '../../../src/core/language/navigation';
import { documentSymbols } from '../../../src/core/language/symbols';

const seed = readFileSync(new URL('../../../examples/seed-000-fq1616r.vtopo', import.meta.url), 'utf8');
const topology = analyzeText(seed).topology;
const design = new DesignIndex(topology);

describe('go to definition', () => {
  it('leads from a VM\'s datastore to the datastore\'s id', () => {
    const reference = seed.indexOf('datastore: vmfs-01') + 'datastore: '.length;
    const definition = definitionAt(design, reference + 3);
    assert.deepEqual(definition?.origin, { start: reference, end: reference + 'vmfs-01'.length });
    assert.equal(definition?.declaration.id, 'vmfs-01');
    assert.equal(seed.slice(definition?.declaration.idRange.start, definition?.declaration.idRange.end), 'vmfs-01');
  });

  it('leads from a cable end to the port, declared under its adapter', () => {
    const definition = definitionAt(design, seed.indexOf('[fq1616r/b/fc1') + 5);
    assert.equal(definition?.declaration.kind, 'port');
    assert.equal(definition?.declaration.id, 'fq1616r/b/fc1');
  });

  it('leads from a switch port to the switch', () => {
    const text = 'vtopo: 1\nswitches:\n  fc-a: { type: fc }\nlinks:\n  - [fc-a/7, fc-a/8]\n';
    const definition = definitionAt(new DesignIndex(analyzeText(text).topology), text.indexOf('fc-a/7'));
    assert.equal(definition?.declaration.id, 'fc-a');
  });

  it('leads nowhere from an unknown id or from plain text', () => {
    const text = 'vtopo: 1\nvms:\n  web-01: { host: esx-09, memory: 8 GB }\n';
    assert.equal(definitionAt(new DesignIndex(analyzeText(text).topology), text.indexOf('esx-09')), undefined);
    assert.equal(definitionAt(design, seed.indexOf('Production cluster')), undefined);
  });
});

describe('document symbols', () => {
  it('nests elements by id: host, adapter, port', () => {
    const symbols = documentSymbols(topology.declarations.values());
    assert.deepEqual(symbols.map((symbol) => symbol.name).slice(0, 3), ['prod', 'esx-01', 'esx-02']);
    const host = symbols.find((symbol) => symbol.id === 'esx-01');
    assert.deepEqual(host?.children.map((adapter) => adapter.name), ['hba1', 'hba2', 'nic1']);
    assert.deepEqual(host?.children[0]?.children.map((port) => `${port.name} (${port.detail})`), ['p0 (port)', 'p1 (port)']);
  });

  it('lists every top-level element once, in document order, with its id as the selection', () => {
    const symbols = documentSymbols(topology.declarations.values());
    assert.deepEqual(symbols.map((symbol) => symbol.id), [
      'prod', 'esx-01', 'esx-02', 'fc-a', 'fc-b', 'lan-1', 'lan-2', 'fq1616r', 'vmfs-01', 'vmfs-02', 'vcenter', 'sql-01', 'web-01', 'web-02', 'web-apart',
    ]);
    for (const symbol of symbols) {
      assert.equal(seed.slice(symbol.selectionRange.start, symbol.selectionRange.end), symbol.name);
      assert.ok(symbol.range.start <= symbol.selectionRange.start && symbol.selectionRange.end <= symbol.range.end);
    }
  });
});
