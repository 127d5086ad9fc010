import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { cableBetween, linkEndFor, usedPorts } from '../../../src/core/view/designer-model';
import { elementDetails } from '../../../src/core/view/designer-details';
import { innermostDeclarationAt } from '../../../src/core/view/designer-select';
import { buildDiagram } from '../../../src/core/view/diagram';

const DESIGN = [
  'vtopo: 1',
  'clusters:',
  '  prod: {}',
  'hostProfiles:',
  '  r750:',
  '    cpu: { sockets: 2, cores: 32, speed: 2.3 GHz }',
  '    memory: 512 GB',
  '    adapters:',
  '      hba1:',
  '        type: fc',
  '        ports:',
  '          p0: { speed: 32 Gbps, roles: [storage] }',
  '          p1: { speed: 32 Gbps, roles: [storage] }',
  'hosts:',
  '  esx-01: { profile: r750 }',
  '  esx-02: { profile: r750, memory: 1 TB }',
  'switches:',
  '  fc-a: { type: fc, fabric: A }',
  'links:',
  '  - [esx-01/hba1/p0, fc-a]',
  '',
].join('\n');
const { topology, findings } = analyzeText(DESIGN);
const diagram = buildDiagram(topology, findings);
const node = (id: string) => diagram.nodes.find((n) => n.id === id);

describe('designer: hosts with a profile', () => {
  it('draws the adapters\' ports a host takes from its profile inside that host', () => {
    for (const host of ['esx-01', 'esx-02']) {
      assert.equal(node(host)?.kind, 'host');
      for (const port of ['p0', 'p1']) assert.equal(node(`${host}/hba1/${port}`)?.parent, host, `${host}/hba1/${port}`);
    }
    assert.equal(node('r750'), undefined, 'a profile is not drawn');
    assert.equal(node('r750/hba1/p0'), undefined);
  });

  it('cables and picks free ports of profiled hosts like any other', () => {
    assert.ok(diagram.edges.some((edge) => edge.kind === 'cable' && edge.source === 'esx-01/hba1/p0' && edge.target === 'fc-a'));
    assert.deepEqual([...usedPorts(diagram)], ['esx-01/hba1/p0']);
    assert.deepEqual(linkEndFor(node('esx-01'), diagram), { end: 'esx-01/hba1/p1' });
    assert.deepEqual(cableBetween(node('fc-a'), node('esx-02'), diagram), { from: 'fc-a', to: 'esx-02/hba1/p0' });
  });

  it('shows a profiled host\'s fields with the values it takes from its profile', () => {
    const fields = elementDetails(topology, DESIGN, 'esx-01')?.fields ?? [];
    assert.equal(fields.find((field) => field.key === 'memory')?.value, '512 GB');
    assert.equal(fields.find((field) => field.key === 'cpu.cores')?.value, '32');
    assert.equal(fields.find((field) => field.key === 'profile')?.value, 'r750');
    assert.deepEqual(fields.find((field) => field.key === 'profile')?.choices, ['r750']);
    assert.equal(elementDetails(topology, DESIGN, 'esx-02')?.fields.find((field) => field.key === 'memory')?.value, '1 TB');
  });

  it('selects no host\'s copy when the cursor is in the profile\'s text', () => {
    assert.equal(innermostDeclarationAt(topology.declarations.values(), DESIGN.indexOf('p1: {') + 1, (id) => node(id) !== undefined), undefined);
  });
});
