import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { completeAt } from '../../../src/core/language/completion';
import { DesignIndex } from '../../../src/core/language/navigation';

const seed = readFileSync(new URL('../../../examples/seed-000-fq1616r.vtopo', import.meta.url), 'utf8');
const seedDesign = new DesignIndex(analyzeText(seed).topology);

/** Completions at `|`, with the ids of the seed-000-fq1616r example, or with none (`'not analyzed'`). */
function completions(textWithCursor: string, ids: 'seed ids' | 'not analyzed' = 'seed ids') {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return completeAt(text, offset, ids === 'seed ids' ? seedDesign : undefined);
}

const labels = (entries: ReturnType<typeof completions>) => entries.map((entry) => entry.label);

describe('completion', () => {
  it('offers the keys of a VM that are not given yet, required ones first', () => {
    const entries = completions('vtopo: 1\nvms:\n  web-01:\n    host: esx-01\n    |');
    const offered = labels(entries);
    assert.ok(!offered.includes('host'), 'host is already given');
    assert.ok(offered.includes('restartPriority'));
    assert.equal(offered[0], 'memoryMB', 'the remaining required key comes first');
  });

  it('offers a measured key under its unit-free name too, and not again once either spelling is given', () => {
    assert.ok(labels(completions('vms:\n  web-01:\n    |')).includes('memory'));
    const afterMemory = labels(completions('vms:\n  web-01:\n    memory: 8 GB\n    |'));
    assert.ok(!afterMemory.includes('memory') && !afterMemory.includes('memoryMB'));
  });

  it('inserts a key with room for its value: choices for an enumeration, an indented block for a mapping', () => {
    const entries = completions('clusters:\n  prod:\n    ha:\n      |');
    assert.equal(entries.find((entry) => entry.label === 'isolationResponse')?.snippet, 'isolationResponse: ${1|none,power-off,shutdown|}');
    assert.equal(entries.find((entry) => entry.label === 'admissionControl')?.snippet, 'admissionControl:\n        $0');
    assert.equal(entries.find((entry) => entry.label === 'heartbeatDatastores')?.snippet, 'heartbeatDatastores: [$0]');
  });

  it('offers the ids of hosts for a VM\'s host, replacing the word typed so far', () => {
    const text = 'vms:\n  web-01:\n    host: esx|\n';
    const entries = completions(text);
    assert.deepEqual(labels(entries), ['esx-01', 'esx-02']);
    assert.deepEqual(entries[0]?.replace, { start: text.indexOf('esx'), end: text.indexOf('esx') + 3 });
    assert.equal(entries[0]?.kind, 'element');
  });

  it('offers ports and switches for a cable end', () => {
    const offered = labels(completions('links:\n  - [esx-01/hba1/p0, |]'));
    assert.ok(offered.includes('fc-a') && offered.includes('lan-2'));
    assert.ok(offered.includes('esx-02/hba2/p1') && offered.includes('fq1616r/b/fc0'));
    assert.ok(!offered.includes('esx-01') && !offered.includes('vmfs-01'), 'hosts and datastores are not cable ends');
  });

  it('offers the values of an enumeration', () => {
    assert.deepEqual(labels(completions('clusters:\n  prod:\n    ha:\n      admissionControl:\n        policy: |')), ['slots', 'percentage', 'failover-hosts', 'disabled']);
    assert.deepEqual(labels(completions('hosts:\n  esx-01:\n    cpu: { vendor: | }')), ['intel', 'amd', 'arm']);
  });

  it('puts a space after a colon typed without one', () => {
    assert.equal(completions('platform:|')[0]?.snippet, ' vsphere');
  });

  it('offers the VMs for a rule\'s list, in flow and block style', () => {
    assert.deepEqual(labels(completions('rules:\n  r1:\n    vms: [web-01, |]')), ['vcenter', 'sql-01', 'web-01', 'web-02']);
    assert.deepEqual(labels(completions('rules:\n  r1:\n    vms:\n      - |')), ['vcenter', 'sql-01', 'web-01', 'web-02']);
  });

  it('offers the keys of an item that starts with "- " in a collection written as a list', () => {
    assert.ok(labels(completions('vtopo: 1\nhosts:\n  - |')).includes('cluster'));
  });

  it('offers element ids in layout and rule ids in analysis.rules', () => {
    const layout = labels(completions('layout:\n  esx-01: { x: 0, y: 0 }\n  |'));
    assert.ok(layout.includes('esx-02') && !layout.includes('esx-01'), 'placed elements are not offered again');
    assert.ok(!layout.includes('esx-01/hba1'), 'adapters are not drawn on their own');
    assert.ok(labels(completions('analysis:\n  rules:\n    |')).includes('array-single-controller'));
  });

  it('offers the top-level sections in an empty file, and no ids before any analysis', () => {
    assert.ok(labels(completions('|', 'not analyzed')).includes('vtopo'));
    assert.deepEqual(completions('vms:\n  web-01:\n    host: |', 'not analyzed'), []);
  });

  it('asks for completion again after a key whose value has suggestions', () => {
    const entries = completions('vms:\n  web-01:\n    |');
    assert.equal(entries.find((entry) => entry.label === 'host')?.retrigger, true);
    assert.equal(entries.find((entry) => entry.label === 'cpus')?.retrigger, false);
  });

  it('offers nothing for free text and new ids', () => {
    assert.deepEqual(completions('name: My des|'), []);
    assert.deepEqual(completions('hosts:\n  |'), []);
  });
});
