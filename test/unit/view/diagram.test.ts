import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { buildDiagram, layoutCenter } from '../../../src/core/view/diagram';
import { parsePreviewMessage } from '../../../src/core/view/protocol';

describe('design diagram', () => {
  const seed = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');

  it('draws VMs inside their hosts and controllers inside their arrays', () => {
    const { topology, findings } = analyzeText(seed);
    const diagram = buildDiagram(topology, findings);
    const node = (id: string) => diagram.nodes.find((n) => n.id === id);
    assert.equal(node('vcenter')?.parent, 'esx-01');
    assert.equal(node('fq1616r/a')?.parent, 'fq1616r');
    assert.equal(node('esx-01')?.parent, 'prod');
    assert.deepEqual(diagram.positions['web-01'], { x: 400, y: 100 }, 'esx-02 is saved at (400, 100): its only VM sits there');
    assert.deepEqual(diagram.positions['vcenter'], { x: 16, y: 100 }, 'esx-01 at (100, 100): its three VMs side by side');
  });

  it('lays out hosts, then switches with fabric A on the left and B on the right, then arrays, then datastores', () => {
    const { topology, findings } = analyzeText(seed.replace(/\nlayout:[\s\S]*$/, '\n'));
    const { positions } = buildDiagram(topology, findings);
    const y = (id: string) => positions[id]?.y ?? Number.NaN;
    const x = (id: string) => positions[id]?.x ?? Number.NaN;
    assert.ok(y('vcenter') < y('esx-01/hba1/p0') && y('esx-01/hba1/p0') < y('fc-a') && y('fc-a') < y('fq1616r/a/fc0') && y('fq1616r/a/fc0') < y('vmfs-01'));
    assert.ok(x('fc-a') < x('fc-b'), 'fabric A is drawn left of fabric B');
    assert.ok(x('fc-a') < x('lan-1') && x('lan-2') < x('fc-b'), 'the LAN switches between the fabrics');
    assert.equal(y('fq1616r/a/fc0'), y('fq1616r/b/fc0'), 'controllers side by side');
    assert.ok(x('fq1616r/a/fc1') < x('fq1616r/b/fc0'), 'each controller\'s ports together');
    assert.equal(positions['fq1616r/a'], undefined, 'a controller is a box around its ports');
  });

  it('draws ports inside hosts and controllers, and cables from port to switch coloured by fabric', () => {
    const { topology, findings } = analyzeText(seed);
    const diagram = buildDiagram(topology, findings);
    const node = (id: string) => diagram.nodes.find((n) => n.id === id);
    assert.deepEqual([node('esx-01/hba1/p0')?.kind, node('esx-01/hba1/p0')?.parent, node('esx-01/hba1/p0')?.label], ['port', 'esx-01', 'hba1/p0']);
    assert.deepEqual(node('esx-01/hba1/p0')?.details, ['FC port, 16 Gbps', 'roles storage']);
    assert.deepEqual([node('fq1616r/a/fc0')?.parent, node('fq1616r/a/fc0')?.label], ['fq1616r/a', 'fc0']);
    const toFabricA = diagram.edges.filter((e) => e.kind === 'cable' && e.target === 'fc-a');
    assert.deepEqual(toFabricA.map((e) => e.source), ['esx-01/hba1/p0', 'esx-02/hba1/p0', 'fq1616r/a/fc0', 'fq1616r/b/fc0']);
    assert.ok(toFabricA.every((e) => e.fabric === 'A' && e.label === ''));
  });

  it('starts each layer below the one above it, wherever its hosts were put', () => {
    const low = seed.replace(/\nlayout:[\s\S]*$/, '\nlayout:\n  esx-01: { x: 100, y: 900 }\n');
    const { topology, findings } = analyzeText(low);
    const { positions } = buildDiagram(topology, findings);
    const y = (id: string) => positions[id]?.y ?? Number.NaN;
    assert.ok(y('fc-a') > y('esx-01/hba1/p0'), `fc-a at ${y('fc-a')} is below esx-01's ports at ${y('esx-01/hba1/p0')}`);
    assert.ok(y('fq1616r/a/fc0') > y('fc-a') && y('vmfs-01') > y('fq1616r/a/fc0'));
  });

  it('centres the layers without a saved position under the elements that have one', () => {
    const moved = seed.replace(/\nlayout:[\s\S]*$/, '\nlayout:\n  esx-01: { x: 5000, y: 0 }\n  esx-02: { x: 5400, y: 0 }\n');
    const { topology, findings } = analyzeText(moved);
    const { positions } = buildDiagram(topology, findings);
    const between = (id: string) => (positions[id]?.x ?? Number.NaN) > 4800 && (positions[id]?.x ?? Number.NaN) < 5600;
    assert.ok(['fc-a', 'fc-b', 'fq1616r/a/fc0', 'vmfs-01'].every(between), JSON.stringify(positions));
  });

  it('lays the ports under the VMs, inside the host box, and keeps a switch port as the cable label', () => {
    const { topology, findings } = analyzeText(seed.replace('- [esx-01/hba1/p0, fc-a]', '- [esx-01/hba1/p0, fc-a/7]'));
    const diagram = buildDiagram(topology, findings);
    const at = (id: string) => diagram.positions[id] ?? { x: Number.NaN, y: Number.NaN };
    assert.ok(at('esx-01/hba1/p0').y > at('vcenter').y, 'ports below the VMs');
    assert.equal(at('esx-01/hba1/p0').y, at('esx-01/hba2/p1').y, 'rows of four: the two HBAs side by side');
    assert.ok(at('esx-01/nic1/p0').y > at('esx-01/hba1/p0').y, 'the LAN card on the next row');
    assert.ok(at('esx-01/hba1/p0').x < at('esx-01/hba2/p1').x);
    assert.equal(diagram.edges.find((e) => e.id === 'link:0')?.label, '7');
    assert.equal(layoutCenter(diagram, 'esx-01')?.x, 100, 'the host keeps its saved anchor');
    assert.equal(layoutCenter(diagram, 'esx-01')?.y, 100);
  });

  it('marks the elements a finding names with its severity', () => {
    const text = 'vtopo: 1\narrays:\n  av:\n    model: AV100-G6\n';
    const { topology, findings } = analyzeText(text);
    const array = buildDiagram(topology, findings).nodes.find((n) => n.id === 'av');
    assert.equal(array?.severity, 'warning');
    assert.equal(array?.findingCount, 1);
  });
});

describe('hints in the picture', () => {
  it('does not mark elements for hints such as the HA capacity report', () => {
    const { topology, findings } = analyzeText(readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8'));
    assert.ok(findings.some((f) => f.severity === 'hint' && f.elementIds.includes('prod')));
    const problems = findings.filter((f) => f.severity !== 'hint' && f.elementIds.includes('prod')).length;
    assert.equal(buildDiagram(topology, findings).nodes.find((n) => n.id === 'prod')?.findingCount, problems);
  });
});

describe('preview messages', () => {
  it('accepts only the messages the preview may send', () => {
    assert.deepEqual(parsePreviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePreviewMessage({ type: 'reveal', elementId: 'esx-01/hba1' }), { type: 'reveal', elementId: 'esx-01/hba1' });
    assert.equal(parsePreviewMessage({ type: 'reveal', elementId: '<img src=x onerror=alert(1)>' }), undefined);
    assert.equal(parsePreviewMessage({ type: 'reveal', elementId: 42 }), undefined);
    assert.equal(parsePreviewMessage({ type: 'applyEdit' }), undefined);
    assert.equal(parsePreviewMessage(null), undefined);
    assert.equal(parsePreviewMessage('ready'), undefined);
  });
});
