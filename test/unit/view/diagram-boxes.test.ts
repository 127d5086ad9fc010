import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagramBoxes, overlaps, separateSiblings } from '../../../src/core/view/diagram-boxes';
import type { Diagram, DiagramNode } from '../../../src/core/view/diagram';
import { diagramOf, diagramOfText } from './fixtures/diagrams';

/** Nodes drawn as boxes around what they hold, and the devices the layout places. */
const BOXED: ReadonlySet<string> = new Set(['cluster', 'host', 'array', 'controller', 'site', 'rack', 'chassis', 'switch', 'datastore']);

function ancestors(diagram: Diagram, id: string): Set<string> {
  const byId = new Map(diagram.nodes.map((node) => [node.id, node]));
  const found = new Set<string>();
  for (let at = byId.get(id)?.parent; at !== undefined && !found.has(at); at = byId.get(at)?.parent) found.add(at);
  return found;
}

/** Pairs of boxes (their shapes, not their labels) that overlap, one not inside the other. */
function overlapping(diagram: Diagram): string[] {
  const boxes = diagramBoxes(diagram.nodes, diagram.positions);
  const drawn = diagram.nodes.filter((node) => BOXED.has(node.kind) && node.kind !== 'power-feed' && boxes.has(node.id));
  const pairs: string[] = [];
  for (let i = 0; i < drawn.length; i++) {
    for (let j = i + 1; j < drawn.length; j++) {
      const a = drawn[i];
      const b = drawn[j];
      if (!a || !b || ancestors(diagram, a.id).has(b.id) || ancestors(diagram, b.id).has(a.id)) continue;
      const boxA = boxes.get(a.id)?.body;
      const boxB = boxes.get(b.id)?.body;
      if (boxA && boxB && overlaps(boxA, boxB)) pairs.push(`${a.id} / ${b.id}`);
    }
  }
  return pairs;
}

const examples = readdirSync('examples').filter((name) => name.endsWith('.vtopo')).sort();

describe('the layered layout keeps boxes apart', () => {
  for (const name of examples) {
    it(`draws no two boxes of ${name} over each other (clusters, hosts, arrays, controllers, sites, racks, chassis, switches, datastores)`, () => {
      assert.deepEqual(overlapping(diagramOf(`examples/${name}`)), []);
    });

    it(`draws the fabric A switches of ${name} left of its fabric B switches (in the same site or rack)`, () => {
      const diagram = diagramOf(`examples/${name}`);
      const switches = (fabric: string) => diagram.nodes.filter((node) => node.kind === 'switch' && node.fabric?.toUpperCase() === fabric);
      const x = (node: DiagramNode) => diagram.positions[node.id]?.x ?? Number.NaN;
      let compared = 0;
      for (const a of switches('A')) {
        for (const b of switches('B').filter((other) => other.parent === a.parent)) {
          assert.ok(x(a) < x(b), `${a.id} (A) at x ${x(a)} is left of ${b.id} (B) at x ${x(b)}`);
          compared++;
        }
      }
      if (switches('A').length > 0 && switches('B').length > 0) assert.ok(compared > 0, 'some A and B switches stand side by side');
    });
  }

  it('pushes apart the hosts of the seed example the file places too close for what they hold', () => {
    const text = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8').replace(/esx-02: \{ x: 400, y: 100 \}/, 'esx-02: { x: 180, y: 100 }');
    const diagram = diagramOfText(text);
    assert.deepEqual(overlapping(diagram), []);
    const boxes = diagramBoxes(diagram.nodes, diagram.positions);
    const first = boxes.get('esx-01')?.body;
    const second = boxes.get('esx-02')?.body;
    assert.ok(first && second && second.x1 >= first.x2, `esx-02 ${JSON.stringify(second)} right of esx-01 ${JSON.stringify(first)}`);
  });

  it('keeps the hosts of two clusters apart however the file interleaves them', () => {
    const hosts = ['a1', 'b1', 'a2', 'b2'].map((id) => `  ${id}:\n    cluster: ${id.startsWith('a') ? 'alpha' : 'beta'}\n    cpu: { sockets: 2, cores: 16, speed: 2 GHz }\n    memory: 256 GB\n`).join('');
    const diagram = diagramOfText(`vtopo: 1\nclusters:\n  alpha: {}\n  beta: {}\nhosts:\n${hosts}`);
    assert.deepEqual(overlapping(diagram), []);
  });

  it('moves a box with everything it holds, and leaves boxes that are apart where they are', () => {
    const nodes: DiagramNode[] = [
      { id: 'h1', kind: 'host', label: 'h1', findingCount: 0, details: [] },
      { id: 'h1/p0', kind: 'port', label: 'p0', parent: 'h1', findingCount: 0, details: [] },
      { id: 'h2', kind: 'host', label: 'h2', findingCount: 0, details: [] },
      { id: 'h2/p0', kind: 'port', label: 'p0', parent: 'h2', findingCount: 0, details: [] },
      { id: 'sw', kind: 'switch', label: 'sw', findingCount: 0, details: [] },
    ];
    const moved = separateSiblings(nodes, { 'h1/p0': { x: 0, y: 0 }, 'h2/p0': { x: 10, y: 0 }, sw: { x: 0, y: 500 } });
    assert.deepEqual(moved['h1/p0'], { x: 0, y: 0 });
    assert.ok((moved["h2/p0"]?.x ?? 0) >= 60, JSON.stringify(moved));
    assert.equal(moved['h2/p0']?.y, 0);
    assert.deepEqual(moved.sw, { x: 0, y: 500 });
  });
});
