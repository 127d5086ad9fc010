import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { buildDiagram, type Diagram } from '../../../src/core/view/diagram';

const racks = readFileSync('examples/racks-and-power.vtopo', 'utf8');
const blades = readFileSync('test/unit/view/fixtures/blades.vtopo', 'utf8');

function diagramOf(text: string): Diagram {
  const { topology, findings } = analyzeText(text);
  return buildDiagram(topology, findings);
}

function parents(diagram: Diagram): Record<string, string | undefined> {
  return Object.fromEntries(diagram.nodes.filter((n) => !['vm', 'port', 'controller'].includes(n.kind)).map((n) => [n.id, n.parent]));
}

/** The box the layout gives a container: its devices' anchors, each widened by half a device. */
function boxOf(diagram: Diagram, id: string): { x1: number; x2: number; y1: number; y2: number } {
  const leaves: Array<{ x: number; y: number }> = [];
  const visit = (parent: string) => {
    for (const node of diagram.nodes.filter((n) => n.parent === parent)) {
      const at = diagram.positions[node.id];
      if (at) leaves.push(at);
      visit(node.id);
    }
  };
  visit(id);
  const own = diagram.positions[id];
  if (own) leaves.push(own);
  assert.ok(leaves.length > 0, `${id} holds something placed`);
  return { x1: Math.min(...leaves.map((p) => p.x)) - 20, x2: Math.max(...leaves.map((p) => p.x)) + 20, y1: Math.min(...leaves.map((p) => p.y)) - 20, y2: Math.max(...leaves.map((p) => p.y)) + 20 };
}

function overlap(a: { x1: number; x2: number; y1: number; y2: number }, b: { x1: number; x2: number; y1: number; y2: number }): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

describe('failure domains in the design diagram', () => {
  it('draws sites around their racks, racks around their devices; VMs and controllers stay inside their hosts and arrays', () => {
    const diagram = diagramOf(racks);
    const parent = parents(diagram);
    assert.equal(parent['dc1'], undefined);
    assert.deepEqual([parent['r01'], parent['r02'], parent['r03']], ['dc1', 'dc1', 'dc1']);
    assert.deepEqual([parent['hv-a1'], parent['hv-a2'], parent['hv-b1'], parent['hv-b2']], ['r01', 'r01', 'r02', 'r02']);
    assert.deepEqual([parent['fc-a'], parent['fc-b'], parent['core-b1'], parent['fq1616r']], ['r01', 'r01', 'r02', 'r03']);
    assert.equal(parent['csv-01'], undefined, 'a datastore stands nowhere');
    const node = (id: string) => diagram.nodes.find((n) => n.id === id);
    assert.equal(node('hv-a1/hba1/p0')?.parent, 'hv-a1');
    assert.equal(node('fq1616r/a')?.parent, 'fq1616r');
    assert.ok(diagram.nodes.some((n) => n.kind === 'vm' && n.parent === 'hv-a1'), 'VMs inside their host');
    assert.equal(node('hv-a1')?.cluster, 'hv-racks', 'a host drawn in a rack names its cluster');
    assert.ok(node('hv-a1')?.details.includes('cluster hv-racks'), JSON.stringify(node('hv-a1')?.details));
    assert.deepEqual([node('dc1')?.kind, node('r01')?.kind, node('r01')?.details], ['site', 'rack', ['rack, Hall 1']]);
    // Parents come before their children, as cytoscape wants them.
    const index = new Map(diagram.nodes.map((n, i) => [n.id, i]));
    for (const n of diagram.nodes) if (n.parent !== undefined) assert.ok((index.get(n.parent) ?? Infinity) < (index.get(n.id) ?? -1), `${n.parent} before ${n.id}`);
  });

  it('puts each device in the innermost place it stands: chassis, rack, or site', () => {
    const parent = parents(diagramOf(blades));
    assert.deepEqual(
      { ...parent },
      {
        dc1: undefined, dc2: undefined, r01: 'dc1', r02: 'dc1', r09: undefined, 'enc-01': 'r02',
        'ups-a': undefined, 'pdu-a': undefined, 'pdu-b': undefined, prod: undefined,
        'esx-01': 'r01', 'blade-1': 'enc-01', loose: 'prod', 'sw-1': 'dc2', 'sw-2': 'r01', 'icm-1': 'enc-01', 'arr-1': 'r09',
      },
    );
    const diagram = diagramOf(blades);
    assert.deepEqual(diagram.nodes.find((n) => n.id === 'enc-01')?.label, 'enc-01 (Blade enclosure)');
    assert.deepEqual(diagram.nodes.find((n) => n.id === 'dc2')?.details, ['site, witness only']);
    assert.equal(diagram.nodes.find((n) => n.id === 'loose')?.cluster, undefined, 'a host in its cluster box does not repeat it');
  });

  it('links each device to the feeds its supplies hang on (a blade through its chassis) and each feed to its upstream feed', () => {
    const diagram = diagramOf(blades);
    const power = diagram.edges.filter((e) => e.kind === 'power' || e.kind === 'fed-from').map((e) => [e.kind, e.source, e.target, e.label]);
    assert.deepEqual(power, [
      ['power', 'enc-01', 'pdu-a', ''],
      ['power', 'enc-01', 'pdu-b', ''],
      ['power', 'esx-01', 'pdu-a', ''],
      ['power', 'esx-01', 'pdu-b', ''],
      ['power', 'sw-2', 'pdu-a', '2 supplies'],
      ['fed-from', 'pdu-a', 'ups-a', ''],
    ]);
    const feeds = diagram.nodes.filter((n) => n.kind === 'power-feed');
    assert.deepEqual(feeds.map((n) => [n.id, n.label, n.parent]), [['ups-a', 'ups-a (UPS)', undefined], ['pdu-a', 'pdu-a', undefined], ['pdu-b', 'pdu-b', undefined]]);
    assert.deepEqual(feeds.find((n) => n.id === 'pdu-a')?.details, ['power feed, PDU', 'fed from ups-a']);
  });

  it('places the feeds above the devices, upstream feeds higher, each over what it supplies', () => {
    const diagram = diagramOf(racks);
    const at = (id: string) => diagram.positions[id] ?? assert.fail(`${id} has no position`);
    const top = Math.min(...diagram.nodes.filter((n) => n.kind !== 'power-feed').flatMap((n) => diagram.positions[n.id]?.y ?? []));
    assert.ok(at('r01-a').y < top && at('ups-a').y < at('r01-a').y, `r01-a at ${at('r01-a').y}, ups-a at ${at('ups-a').y}, devices from ${top}`);
    const r01 = boxOf(diagram, 'r01');
    const r03 = boxOf(diagram, 'r03');
    assert.ok(at('r01-a').x >= r01.x1 && at('r01-a').x <= r01.x2, `r01-a over rack r01: ${at('r01-a').x} in ${r01.x1}-${r01.x2}`);
    assert.ok(at('r03-b').x >= r03.x1 - 100 && at('r03-b').x <= r03.x2 + 100, `r03-b over rack r03: ${at('r03-b').x} in ${r03.x1}-${r03.x2}`);
    const row = ['r01-a', 'r01-b', 'r02-a', 'r02-b', 'r03-a', 'r03-b'].map((id) => at(id).x).sort((a, b) => a - b);
    assert.ok(row.every((x, i) => i === 0 || x - (row[i - 1] ?? 0) >= 90), `feeds apart: ${row.join(', ')}`);
  });

  it('lays each container out as its own column: racks side by side, never overlapping, inside their site', () => {
    for (const text of [racks, blades]) {
      const diagram = diagramOf(text);
      const containers = diagram.nodes.filter((n) => ['site', 'rack', 'chassis'].includes(n.kind));
      for (const a of containers) {
        for (const b of containers) {
          if (a.id >= b.id) continue;
          const nested = (inner: string, outer: string): boolean => {
            for (let p = diagram.nodes.find((n) => n.id === inner)?.parent; p !== undefined; p = diagram.nodes.find((n) => n.id === p)?.parent) if (p === outer) return true;
            return false;
          };
          if (nested(a.id, b.id) || nested(b.id, a.id)) continue;
          assert.ok(!overlap(boxOf(diagram, a.id), boxOf(diagram, b.id)), `${a.id} and ${b.id} overlap: ${JSON.stringify(boxOf(diagram, a.id))} ${JSON.stringify(boxOf(diagram, b.id))}`);
        }
      }
    }
    const diagram = diagramOf(racks);
    const [r01, r02, r03] = ['r01', 'r02', 'r03'].map((id) => boxOf(diagram, id));
    assert.ok(r01 && r02 && r03 && r01.x2 < r02.x1 && r02.x2 < r03.x1, 'racks in the file\'s order, left to right');
    // Hosts on top, switches below, arrays below them, in each rack.
    const y = (id: string) => diagram.positions[id]?.y ?? diagram.positions[`${id}/hba1/p0`]?.y ?? Number.NaN;
    assert.ok(y('hv-a1') < y('fc-a') && y('fc-a') < (diagram.positions['fq1616r/a/fc0']?.y ?? Number.NaN));
    // The cluster whose hosts all stand in racks still has a place (a box of its own).
    assert.ok(diagram.positions['hv-racks'], 'the emptied cluster is placed');
    assert.ok(!overlap(boxOf(diagram, 'hv-racks'), boxOf(diagram, 'dc1')), 'outside the site');
  });

  it('gives an empty rack or site a place of its own in its column', () => {
    const text = blades.replace('  r09: {}\n', '  r09: {}\n  r10: { site: dc2 }\n').replace('  dc2: { role: witness }\n', '  dc2: { role: witness }\n  dc3: {}\n');
    const diagram = diagramOf(text);
    for (const id of ['r10', 'dc3']) assert.ok(diagram.positions[id], `${id} is placed`);
    assert.ok(!overlap(boxOf(diagram, 'r10'), boxOf(diagram, 'r01')) && !overlap(boxOf(diagram, 'dc3'), boxOf(diagram, 'dc1')));
  });

  it('lays a rack of many hosts out as a block of rows, not one long line', () => {
    const many = Array.from({ length: 9 }, (_, i) => `  h${i + 1}:\n    rack: r09\n    cpu: { sockets: 2, cores: 16, speed: 2 GHz }\n    memory: 256 GB\n`).join('');
    const diagram = diagramOf(blades.replace('\nswitches:', `${many}\nswitches:`));
    const ys = [...new Set(Array.from({ length: 9 }, (_, i) => diagram.positions[`h${i + 1}`]?.y))];
    assert.equal(ys.length, 3, `three rows of at most four: ${JSON.stringify(ys)}`);
    const xs = Array.from({ length: 9 }, (_, i) => diagram.positions[`h${i + 1}`]?.x ?? Number.NaN);
    assert.ok(Math.max(...xs) - Math.min(...xs) < 4 * 140, `four wide at most: ${JSON.stringify(xs)}`);
    assert.ok((diagram.positions['arr-1/a/p0']?.y ?? Number.NaN) > Math.max(...ys.map((y) => y ?? Number.NaN)), 'the array below the last row of hosts');
    const r09 = boxOf(diagram, 'r09');
    for (const other of ['r01', 'r02', 'dc1', 'dc2']) assert.ok(!overlap(r09, boxOf(diagram, other)), `r09 and ${other} overlap`);
  });

  it('draws designs without failure domains as pinned: no container, nodes, edges and positions unchanged', () => {
    const before = JSON.parse(readFileSync('test/unit/view/fixtures/diagrams-without-domains.json', 'utf8')) as Record<string, { nodes: unknown; edges: unknown; positions: unknown }>;
    assert.ok(Object.keys(before).length >= 3);
    for (const [name, expected] of Object.entries(before)) {
      const diagram = diagramOf(readFileSync(`examples/${name}`, 'utf8'));
      assert.deepEqual(diagram.nodes.map((n) => [n.id, n.kind, n.parent ?? null]), expected.nodes, `${name}: nodes and parents`);
      assert.deepEqual(diagram.edges.map((e) => [e.id, e.source, e.target]), expected.edges, `${name}: edges`);
      assert.deepEqual(diagram.positions, expected.positions, `${name}: positions`);
      assert.ok(diagram.nodes.every((n) => n.cluster === undefined));
    }
  });
});
