import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containerOf, containerView, dropPlacement, dropTarget, heldIn, heldSummary, sameTarget, separateBoxes } from '../../../src/core/view/designer-containers';
import { compactDiagram } from '../../../src/core/view/designer-compact';
import { blades, racks, seed } from './fixtures/diagrams';

const none = new Set<string>();

describe('designer containers: collapse and the power overlay (view state only)', () => {
  it('changes nothing on a design without failure domains', () => {
    const view = containerView(seed, { power: false, collapsed: new Set(['prod', 'esx-01']) });
    assert.equal(view.diagram, seed, 'the same diagram: clusters and hosts do not collapse');
    assert.equal(containerView(seed, { power: true, collapsed: none }).diagram, seed);
  });

  it('draws power feeds and their edges only with the overlay on', () => {
    const off = containerView(racks, { power: false, collapsed: none }).diagram;
    assert.ok(!off.nodes.some((n) => n.kind === 'power-feed') && !off.edges.some((e) => e.kind === 'power' || e.kind === 'fed-from'));
    assert.equal(off.nodes.length, racks.nodes.length - 8);
    assert.equal(off.positions['ups-a'], undefined);
    const on = containerView(racks, { power: true, collapsed: none }).diagram;
    assert.equal(on, racks);
    assert.equal(on.edges.filter((e) => e.kind === 'power').length, 22);
    assert.equal(on.edges.filter((e) => e.kind === 'fed-from').length, 6);
  });

  it('collapses a rack into one box that says what it holds, with its findings and its cables', () => {
    const { diagram, drawnAs } = containerView(racks, { power: false, collapsed: new Set(['r01']) });
    const r01 = diagram.nodes.find((n) => n.id === 'r01');
    assert.equal(r01?.label, 'r01 (2 hosts, 4 switches)');
    for (const id of ['hv-a1', 'hv-a1/hba1/p0', 'fc-a', 'core-a2']) {
      assert.ok(!diagram.nodes.some((n) => n.id === id), `${id} hidden`);
      assert.equal(drawnAs.get(id), 'r01');
    }
    assert.ok(diagram.nodes.some((n) => n.kind === 'vm' && n.parent === 'hv-b1'), 'other racks untouched');
    assert.ok(!diagram.nodes.some((n) => n.parent === 'r01'), 'nothing is drawn inside it');
    const position = diagram.positions['r01'];
    assert.ok(position && Number.isFinite(position.x) && Number.isFinite(position.y), 'placed where its devices were');
    // The cables of rack r02's hosts to fc-a (in r01) now run to r01, one edge per fabric with their count.
    const toR01 = diagram.edges.filter((e) => e.target === 'r01' || e.source === 'r01');
    assert.ok(toR01.length > 0 && toR01.every((e) => e.source !== e.target));
    const fabricA = toR01.filter((e) => e.kind === 'cable' && e.fabric === 'A' && e.source.startsWith('fq1616r/a'));
    assert.equal(fabricA.length, 1, JSON.stringify(toR01));
    assert.ok(new Set(diagram.edges.map((e) => e.id)).size === diagram.edges.length, 'edge ids unique');
    // The rack takes the failure-domain-spof finding of its switches along.
    assert.ok((r01?.findingCount ?? 0) > 0 && r01?.severity !== undefined, JSON.stringify(r01));
  });

  it('collapses the outermost of nested containers; power edges of hidden devices run to it', () => {
    const { diagram, drawnAs } = containerView(racks, { power: true, collapsed: new Set(['dc1', 'r01', 'nothing', 'hv-a1']) });
    assert.equal(diagram.nodes.find((n) => n.id === 'dc1')?.label, 'dc1 (3 racks, 4 hosts, 6 switches, 1 array)');
    assert.equal(drawnAs.get('r01'), 'dc1');
    const power = diagram.edges.filter((e) => e.kind === 'power');
    assert.ok(power.every((e) => e.source === 'dc1'), JSON.stringify(power));
    assert.equal(diagram.edges.find((e) => e.kind === 'power' && e.target === 'r01-a')?.label, '6 power supplies');
    assert.equal(diagram.edges.find((e) => e.kind === 'power' && e.target === 'r03-a')?.label, '', 'one supply: no count');
    assert.equal(diagram.nodes.find((n) => n.id === 'hv-racks')?.kind, 'cluster', 'the cluster is not in the site');
  });

  it('says what a container holds', () => {
    assert.equal(heldSummary([]), 'empty');
    assert.equal(heldSummary(blades.nodes.filter((n) => ['blade-1', 'icm-1', 'enc-01'].includes(n.id))), '1 chassis, 1 host, 1 switch');
  });
});

describe('designer containers: where a dragged element lands', () => {
  const byId = new Map(blades.nodes.map((n) => [n.id, n]));
  it('drops into the container under it when the element may stand there, else the nearest one around it', () => {
    assert.deepEqual(dropTarget('host', 'enc-01', byId), { kind: 'chassis', id: 'enc-01' });
    assert.deepEqual(dropTarget('array', 'enc-01', byId), { kind: 'rack', id: 'r02' }, 'an array is no blade: the chassis\'s rack');
    assert.deepEqual(dropTarget('rack', 'r01', byId), { kind: 'site', id: 'dc1' });
    assert.deepEqual(dropTarget('rack', 'r09', byId), { kind: 'none' }, 'a rack in no site');
    assert.deepEqual(dropTarget('switch', undefined, byId), { kind: 'none' });
    assert.deepEqual(dropTarget('switch', 'dc2', byId), { kind: 'site', id: 'dc2' });
    assert.equal(dropTarget('vm', 'r01', byId), undefined);
    assert.equal(dropTarget('datastore', 'r01', byId), undefined);
  });

  it('knows where an element stands now', () => {
    assert.equal(containerOf('blade-1', byId), 'enc-01');
    assert.equal(containerOf('esx-01', byId), 'r01');
    assert.equal(containerOf('loose', byId), undefined, 'a cluster is not a place');
    assert.equal(containerOf('r01', byId), 'dc1');
    assert.ok(sameTarget({ kind: 'none' }, containerOf('loose', byId)));
    assert.ok(sameTarget({ kind: 'rack', id: 'r01' }, containerOf('esx-01', byId)));
    assert.ok(!sameTarget({ kind: 'site', id: 'dc1' }, containerOf('esx-01', byId)));
  });

  it('places the dropped element and those dragged with it that may stand there, are not there yet and do not follow another', () => {
    assert.deepEqual(dropPlacement('loose', [], 'enc-01', byId), { ids: ['loose'], to: { kind: 'chassis', id: 'enc-01' } });
    assert.deepEqual(dropPlacement('arr-1', [], 'enc-01', byId), { ids: ['arr-1'], to: { kind: 'rack', id: 'r02' } }, 'an array dropped on a chassis: its rack');
    assert.equal(dropPlacement('esx-01', [], 'r01', byId), undefined, 'moved a little inside its own rack');
    assert.deepEqual(dropPlacement('loose', ['esx-01', 'sw-1', 'arr-1/a'], 'r01', byId), { ids: ['loose', 'sw-1'], to: { kind: 'rack', id: 'r01' } }, 'esx-01 stands there already; a controller is not placed');
    assert.deepEqual(dropPlacement('r01', ['esx-01'], undefined, byId), { ids: ['r01'], to: { kind: 'none' } }, 'a host inside the dragged rack follows it');
    assert.equal(dropPlacement('blade-1/vm', [], 'r01', byId), undefined, 'no such element');
  });

  it('knows what a container holds, at any depth', () => {
    assert.equal(heldSummary(heldIn('r02', byId)), '1 chassis, 1 host, 1 switch');
    assert.equal(heldSummary(heldIn('dc1', byId)), '2 racks, 1 chassis, 2 hosts, 2 switches');
  });
});

describe('designer containers: boxes pushed apart after a layout', () => {
  it('moves overlapping boxes apart along their smaller overlap, and leaves apart ones alone', () => {
    const shifts = separateBoxes([
      { id: 'a', box: { x1: 0, y1: 0, x2: 100, y2: 100 } },
      { id: 'b', box: { x1: 90, y1: 80, x2: 200, y2: 300 } },
      { id: 'c', box: { x1: 500, y1: 0, x2: 600, y2: 100 } },
    ], 10);
    assert.deepEqual([...shifts.keys()].sort(), ['a', 'b']);
    const a = shifts.get('a');
    const b = shifts.get('b');
    assert.ok(a && b && a.x === -10 && b.x === 10 && a.y === 0 && b.y === 0, JSON.stringify([...shifts]));
  });

  it('separates a pile of boxes completely', () => {
    const boxes = Array.from({ length: 8 }, (_, i) => ({ id: `r${i}`, box: { x1: i * 5, y1: i * 3, x2: i * 5 + 100, y2: i * 3 + 200 } }));
    const shifts = separateBoxes(boxes, 20);
    const moved = boxes.map(({ id, box }) => {
      const d = shifts.get(id) ?? { x: 0, y: 0 };
      return { x1: box.x1 + d.x, x2: box.x2 + d.x, y1: box.y1 + d.y, y2: box.y2 + d.y };
    });
    for (let i = 0; i < moved.length; i++) {
      for (let j = i + 1; j < moved.length; j++) {
        const p = moved[i];
        const q = moved[j];
        assert.ok(p && q && !(p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2), `${i} and ${j} overlap`);
      }
    }
  });
});

describe('designer containers with compact mode', () => {
  it('collapses a rack of a compact design (VMs and ports not drawn) and keeps hosts in their racks', () => {
    const compact = compactDiagram(racks);
    const hosts = compact.diagram.nodes.filter((n) => n.kind === 'host');
    assert.deepEqual(hosts.map((n) => n.parent), ['r01', 'r01', 'r02', 'r02']);
    assert.ok(hosts.every((n) => compact.diagram.positions[n.id] !== undefined), 'hosts placed where their children were');
    const { diagram } = containerView(compact.diagram, { power: false, collapsed: new Set(['r02']) });
    assert.match(diagram.nodes.find((n) => n.id === 'r02')?.label ?? '', /^r02 \(2 hosts, 2 switches\)$/);
    assert.ok(!diagram.nodes.some((n) => n.kind === 'vm' || n.kind === 'port'));
  });
});
