import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import {
  boxAt, cableBetween, describeIntent, diagramSvg, DOUBLE_CLICK_MS, escapeXml, isDoubleClick, linkEndFor, nextFreeId, parseHostMessage, searchMatches, siblingIds, stepSelection, tabOrder, usedPorts, yamlValueText,
} from '../../../src/core/view/designer-model';
import { DESIGNER_CSS, designerBody } from '../../../src/core/view/designer-style';
import { buildDiagram, layoutCenter } from '../../../src/core/view/diagram';

const seed = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
const { topology, findings } = analyzeText(seed);
const diagram = buildDiagram(topology, findings);

describe('designer canvas helpers', () => {
  it('gives the palette the next free id in the siblings\' style', () => {
    const taken = new Set(diagram.nodes.map((node) => node.id));
    assert.equal(nextFreeId('host', siblingIds(diagram, 'host'), taken), 'esx-03');
    assert.equal(nextFreeId('vm', siblingIds(diagram, 'vm'), taken), 'web-03');
    assert.equal(nextFreeId('fc-switch', siblingIds(diagram, 'fc-switch'), taken), 'fc-01', 'fc-a and fc-b carry no number');
    assert.equal(nextFreeId('ethernet-switch', siblingIds(diagram, 'ethernet-switch'), taken), 'lan-3', 'lan-1, lan-2: one digit kept');
    assert.equal(nextFreeId('array', [], new Set()), 'array-01');
    assert.equal(nextFreeId('host', ['esx-01'], new Set(['esx-01', 'esx-02'])), 'esx-03', 'skips an id used by another kind');
    assert.equal(nextFreeId('datastore', ['vmfs01', 'vmfs02'], new Set()), 'vmfs03');
  });

  it('cables a switch by its id, a free port by its own, a host or controller by its first free port', () => {
    const node = (id: string) => diagram.nodes.find((n) => n.id === id);
    assert.deepEqual(linkEndFor(node('fc-a'), diagram), { end: 'fc-a' });
    const used = usedPorts(diagram);
    assert.ok(used.has('esx-01/hba1/p0') && used.has('fq1616r/a/fc0') && !used.has('esx-01/hba1/p1'));
    assert.deepEqual(linkEndFor(node('esx-01/hba1/p1'), diagram), { end: 'esx-01/hba1/p1' });
    assert.match((linkEndFor(node('esx-01/hba1/p0'), diagram) as { problem: string }).problem, /already cabled/);
    assert.deepEqual(linkEndFor(node('esx-01'), diagram), { end: 'esx-01/hba1/p1' });
    assert.match((linkEndFor(node('fq1616r/a'), diagram) as { problem: string }).problem, /every port/, 'fc0 and fc1 are both cabled');
    assert.ok('problem' in linkEndFor(node('vcenter'), diagram));
    const bare = { nodes: [{ id: 'h', kind: 'host' as const, label: 'h', findingCount: 0, details: [] }], edges: [], positions: {} };
    assert.match((linkEndFor(bare.nodes[0], bare) as { problem: string }).problem, /no ports yet/);
  });

  it('draws a cable between two devices only, from port or device ends', () => {
    const node = (id: string) => diagram.nodes.find((n) => n.id === id);
    assert.deepEqual(cableBetween(node('esx-01/hba1/p1'), node('fc-b'), diagram), { from: 'esx-01/hba1/p1', to: 'fc-b' });
    assert.deepEqual(cableBetween(node('fc-b'), node('esx-02'), diagram), { from: 'fc-b', to: 'esx-02/hba1/p1' }, 'a host: its first free port');
    assert.deepEqual(cableBetween(node('esx-01/hba1/p1'), node('esx-02/hba1/p1'), diagram), { from: 'esx-01/hba1/p1', to: 'esx-02/hba1/p1' }, 'port to port');
    assert.match((cableBetween(node('esx-01/hba1/p1'), node('esx-01'), diagram) as { problem: string }).problem, /both ends are on esx-01/);
    assert.match((cableBetween(node('fc-a'), node('fc-a'), diagram) as { problem: string }).problem, /both ends are on fc-a/);
    assert.match((cableBetween(node('vmfs-01'), node('fc-a'), diagram) as { problem: string }).problem, /no ports/);
  });

  it('accepts only well-formed host messages', () => {
    const document = { type: 'document', protocol: 1, version: 3, title: 't', diagram };
    assert.equal(parseHostMessage(document)?.type, 'document');
    const details = { id: 'esx-01', kind: 'host', fields: [{ key: 'model', value: 'R740', typeName: 'text', description: 'Model.' }] };
    assert.deepEqual(parseHostMessage({ type: 'details', version: 3, details }), { type: 'details', version: 3, details });
    assert.equal(parseHostMessage({ type: 'details', version: 3, details: { ...details, fields: [{ key: 1 }] } }), undefined);
    assert.equal(parseHostMessage({ ...document, protocol: 2 }), undefined);
    assert.equal(parseHostMessage({ ...document, diagram: { nodes: [{ id: 1 }], edges: [], positions: {} } }), undefined);
    const host = { id: 'h', kind: 'host', label: 'h', parent: 'r01', findingCount: 0, details: [] };
    assert.equal(parseHostMessage({ ...document, diagram: { nodes: [{ ...host, cluster: 'prod' }], edges: [], positions: {} } })?.type, 'document', 'a host in a rack names its cluster');
    assert.equal(parseHostMessage({ ...document, diagram: { nodes: [{ ...host, cluster: { toString: 'x' } }], edges: [], positions: {} } }), undefined, 'a cluster is an id');
    assert.deepEqual(parseHostMessage({ type: 'rejected', requestId: 4, reason: 'stale' }), { type: 'rejected', requestId: 4, reason: 'stale' });
    assert.equal(parseHostMessage({ type: 'applied', requestId: 4 }), undefined);
    assert.equal(parseHostMessage('document'), undefined);
    assert.equal(parseHostMessage({ type: 'eval', code: 'x' }), undefined);
  });

  it('searches, walks the elements parents first and wraps round', () => {
    assert.deepEqual(searchMatches(['esx-01', 'ESX-02', 'web-01'], 'esx'), ['esx-01', 'ESX-02']);
    assert.deepEqual(searchMatches(['a'], '  '), []);
    const order = tabOrder(diagram.nodes);
    assert.equal(order[0], 'prod');
    assert.ok(order.indexOf('esx-01') < order.indexOf('vcenter') && order.indexOf('vcenter') < order.indexOf('esx-02'));
    assert.equal(order.length, diagram.nodes.length);
    assert.equal(stepSelection(['a', 'b'], undefined, false), 'a');
    assert.equal(stepSelection(['a', 'b'], 'b', false), 'a');
    assert.equal(stepSelection(['a', 'b'], 'a', true), 'b');
  });

  it('reads back the layout position of a parent from its first child', () => {
    assert.deepEqual(layoutCenter(diagram, 'esx-01'), { x: 100, y: 100 });
    assert.deepEqual(layoutCenter(diagram, 'esx-02'), { x: 400, y: 100 });
    assert.deepEqual(layoutCenter(diagram, 'fc-a'), diagram.positions['fc-a']);
    assert.equal(layoutCenter(diagram, 'nothing'), undefined);
  });

  it('opens rename on a double click on one element, not on quick clicks on two', () => {
    const first = { id: 'esx-01', atMs: 1000 };
    assert.equal(isDoubleClick(first, { id: 'esx-01', atMs: 1000 + DOUBLE_CLICK_MS }), true);
    assert.equal(isDoubleClick(first, { id: 'esx-02', atMs: 1100 }), false, 'two different nodes');
    assert.equal(isDoubleClick(first, { id: 'esx-01', atMs: 1001 + DOUBLE_CLICK_MS }), false, 'too slow');
    assert.equal(isDoubleClick(undefined, first), false);
  });

  it('finds the innermost box under a point', () => {
    const items = [{ id: 'big', box: { x1: 0, y1: 0, x2: 100, y2: 100 } }, { id: 'small', box: { x1: 10, y1: 10, x2: 20, y2: 20 } }];
    assert.equal(boxAt(items, { x: 15, y: 15 })?.id, 'small');
    assert.equal(boxAt(items, { x: 50, y: 50 })?.id, 'big');
    assert.equal(boxAt(items, { x: 150, y: 50 }), undefined);
  });

  it('writes panel values as one YAML value', () => {
    assert.equal(yamlValueText('24', 'integer'), '24');
    assert.equal(yamlValueText('512 GB', 'data with unit'), '512 GB');
    assert.equal(yamlValueText('yes', 'text'), '"yes"');
    assert.equal(yamlValueText('a: b', 'text'), '"a: b"');
    assert.equal(yamlValueText('', 'text'), '""');
    assert.equal(yamlValueText('[a, b]', 'list'), '[a, b]');
  });

  it('exports an SVG whose labels are text, never markup', () => {
    const svg = diagramSvg({
      nodes: [{ id: 'x', label: '<img src=x onerror=alert(1)>', x: 0, y: 0, width: 30, height: 20, stroke: 'red" onload="x', fill: '#fff', compound: false, shape: 'rect' }],
      edges: [{ x1: 0, y1: 0, x2: 10, y2: 10, stroke: '#123', dashed: true }],
      background: '#fff',
      foreground: '#000',
    });
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!svg.includes('<img') && !svg.includes('onload'));
    assert.ok(svg.includes('stroke-dasharray'));
    assert.equal(escapeXml(`a&"'`), 'a&amp;&quot;&apos;');
  });

  it('describes applied intents and ships a page without inline styles', () => {
    assert.equal(describeIntent({ type: 'move-vm', baseVersion: 1, vm: 'web-01', host: 'esx-01' }), 'Moved VM web-01 to host esx-01');
    assert.equal(describeIntent({ type: 'set-positions', baseVersion: 1, positions: [] }), 'Moved 0 elements');
    assert.ok(!/style=/.test(designerBody()));
    assert.equal(designerBody(), '<div id="designer" aria-label="VTopo designer"></div>');
    assert.ok(DESIGNER_CSS.includes('#vt-canvas'));
  });
});
