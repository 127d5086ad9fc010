import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseVtopo } from '../../../src/core/model/parse';
import { elementDetails } from '../../../src/core/view/designer-details';
import type { ElementDetails } from '../../../src/core/view/designer-protocol';

/** The details of every declared element, as the canvas would get them one by one. */
function detailsOf(text: string): ElementDetails[] {
  const { topology } = parseVtopo(text);
  return [...topology.declarations.keys()].flatMap((id) => elementDetails(topology, text, id) ?? []);
}

function field(details: readonly ElementDetails[], id: string, key: string) {
  const element = details.find((candidate) => candidate.id === id);
  assert.ok(element, `no details for ${id}`);
  return element.fields.find((candidate) => candidate.key === key);
}

describe('designer property panel details', () => {
  const seed = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
  const details = detailsOf(seed);

  it('gives any declared element its fields, nested ones included, and nothing for unknown ids', () => {
    const kinds = new Map(details.map((element) => [element.id, element.kind]));
    assert.equal(kinds.get('esx-01'), 'host');
    assert.equal(kinds.get('web-01'), 'vm');
    assert.equal(kinds.get('fc-a'), 'switch');
    assert.equal(kinds.get('fq1616r'), 'array');
    assert.equal(kinds.get('vmfs-01'), 'datastore');
    assert.equal(kinds.get('fq1616r/a'), 'controller');
    assert.equal(field(details, 'esx-01/hba1/p0', 'speed')?.value, '16 Gbps', 'a host port: its speed as written');
    assert.equal(field(details, 'fq1616r/a/fc0', 'type')?.value, 'fc', 'an array port');
    assert.equal(field(details, 'esx-01/hba1', 'firmware')?.value, '"12.8.351"', 'an adapter');
    assert.equal(elementDetails(parseVtopo(seed).topology, seed, 'nothing'), undefined);
  });

  it('gives each value exactly as written, under the key the file spells it with', () => {
    assert.deepEqual(field(details, 'esx-01', 'memory'), {
      key: 'memory',
      value: '384 GB',
      typeName: 'data with unit, e.g. "512 GB"',
      typeText: 'data with unit, e.g. "512 GB"',
      description: 'Physical memory (at most 1 PB: bounded so that capacities stay finite).',
    });
    assert.equal(field(details, 'esx-01', 'cpu.cores')?.value, '24', 'nested settings have dotted keys');
    assert.equal(field(details, 'esx-01', 'cpu.speed')?.value, '2.6 GHz');
    assert.equal(field(details, 'esx-01', 'memoryMB'), undefined, 'one entry per field');
    assert.equal(field(details, 'fq1616r', 'model')?.value, 'FQ1616R');
  });

  it('keeps quotes and comments out of the way: values are the YAML text of the value', () => {
    const text = 'vtopo: 1\nhosts:\n  h1:\n    model: "R740 # rack"   # the comment\n    cpu: { cores: 8, speedMHz: 2000 }\n    memoryGB: 64\n';
    const own = detailsOf(text);
    assert.equal(field(own, 'h1', 'model')?.value, '"R740 # rack"');
    assert.deepEqual(field(own, 'h1', 'memoryGB'), { key: 'memoryGB', value: '64', typeName: 'number (GB)', typeText: 'number (GB)', description: 'Physical memory (at most 1 PB: bounded so that capacities stay finite).' });
    assert.equal(field(own, 'h1', 'cpu.speedMHz')?.typeName, 'number (MHz)');
  });

  it('offers unset fields with the key that takes a unit', () => {
    const reservation = field(details, 'web-01', 'reservation.memory');
    assert.equal(reservation?.value, undefined);
    assert.match(reservation?.typeName ?? '', /with unit/);
    assert.equal(field(details, 'esx-01', 'maxVms')?.value, undefined);
  });

  it('lists the choices of enumerations and the ids a reference may name', () => {
    assert.deepEqual(field(details, 'web-01', 'restartPriority')?.choices, ['disabled', 'lowest', 'low', 'medium', 'high', 'highest']);
    assert.equal(field(details, 'web-01', 'restartPriority')?.typeName, 'disabled | lowest | low | medium | high | highest');
    assert.equal(field(details, 'web-01', 'restartPriority')?.typeText, 'disabled | lowest | low | medium | high | highest');
    assert.deepEqual(field(details, 'web-01', 'host')?.choices, ['esx-01', 'esx-02']);
    assert.deepEqual(field(details, 'vmfs-01', 'owner')?.choices, ['fq1616r/a', 'fq1616r/b']);
    assert.equal(field(details, 'esx-01', 'model')?.choices, undefined, 'free text has no choices');
  });

  it('leaves lists and sub-elements to their own editors', () => {
    const keys = details.find((element) => element.id === 'esx-01')?.fields.map((entry) => entry.key) ?? [];
    for (const key of ['adapters', 'vmkernelPorts']) assert.ok(!keys.includes(key), key);
    const vmKeys = details.find((element) => element.id === 'web-01')?.fields.map((entry) => entry.key) ?? [];
    assert.ok(!vmKeys.includes('sharedDisks'));
  });

  it('reads designs with errors without throwing, skipping what could not be read', () => {
    const broken = 'vtopo: 1\nhosts:\n  h1:\n    cpu: 8\n    memory: lots\nvms:\n  v1: { host: nowhere }\n';
    const own = detailsOf(broken);
    assert.ok(own.every((element) => element.fields.every((entry) => typeof entry.key === 'string')));
    assert.deepEqual(detailsOf(''), []);
  });
});
