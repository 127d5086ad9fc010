import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { COMPACT_VM_THRESHOLD, compactDiagram, shouldCompact, vmCount, vmCountLabel } from '../../../src/core/view/designer-compact';
import { buildDiagram, layoutCenter, type Diagram, type DiagramNode } from '../../../src/core/view/diagram';

const seed = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
const { topology, findings } = analyzeText(seed);
const diagram = buildDiagram(topology, findings);

function node(id: string, kind: DiagramNode['kind'], extra: Partial<DiagramNode> = {}): DiagramNode {
  return { id, kind, label: id, findingCount: 0, details: [], ...extra };
}

describe('designer compact mode', () => {
  it('is used above the VM threshold unless the user chose', () => {
    const many: Diagram = { nodes: [node('h', 'host'), ...Array.from({ length: COMPACT_VM_THRESHOLD + 1 }, (_, i) => node(`vm-${i}`, 'vm', { parent: 'h' }))], edges: [], positions: {} };
    assert.equal(vmCount(many), COMPACT_VM_THRESHOLD + 1);
    assert.equal(shouldCompact(many, undefined), true);
    assert.equal(shouldCompact(many, true), false, 'Show VMs on');
    assert.equal(shouldCompact(diagram, undefined), false, 'the seed-000-fq1616r example is small');
    assert.equal(shouldCompact(diagram, false), true, 'Show VMs off');
  });

  it('drops the VMs and ports, labels hosts with their count and places hosts at their grid', () => {
    const compact = compactDiagram(diagram);
    assert.ok(!compact.diagram.nodes.some((n) => n.kind === 'vm' || n.kind === 'port'));
    const ports = diagram.nodes.filter((n) => n.kind === 'port').length;
    assert.equal(ports, 16, 'six per host, two per controller');
    assert.equal(compact.diagram.nodes.length, diagram.nodes.length - vmCount(diagram) - ports);
    assert.deepEqual(compact.diagram.positions['fq1616r/a'], layoutCenter(diagram, 'fq1616r/a'), 'a controller sits where its ports were laid');
    for (const host of diagram.nodes.filter((n) => n.kind === 'host')) {
      const vms = diagram.nodes.filter((n) => n.parent === host.id && n.kind === 'vm');
      const drawn = compact.diagram.nodes.find((n) => n.id === host.id);
      assert.equal(compact.vmsByHost.get(host.id)?.length ?? 0, vms.length);
      if (vms.length > 0) {
        assert.equal(drawn?.label, `${host.label} (${vmCountLabel(vms.length)})`);
        assert.deepEqual(compact.diagram.positions[host.id], layoutCenter(diagram, host.id));
        for (const vm of vms) assert.equal(compact.drawnAs.get(vm.id), host.id);
      }
    }
    for (const edge of compact.diagram.edges) assert.ok(!compact.drawnAs.has(edge.source) && !compact.drawnAs.has(edge.target));
    assert.equal(compact.drawnAs.get('esx-01/hba1/p0'), 'esx-01');
    const cable = compact.diagram.edges.find((e) => e.id === 'link:0');
    assert.deepEqual([cable?.source, cable?.target, cable?.label], ['esx-01', 'fc-a', 'hba1/p0'], 'the cable runs from the host and names the port');
    assert.equal(compact.diagram.edges.filter((e) => e.kind === 'cable').length, diagram.edges.filter((e) => e.kind === 'cable').length, 'no cable lost');
    assert.equal(vmCountLabel(1), '1 VM');
  });

  it('rolls the VMs\' findings up into the host\'s badge', () => {
    const d: Diagram = {
      nodes: [
        node('h1', 'host', { findingCount: 1, severity: 'info' }),
        node('a', 'vm', { parent: 'h1', findingCount: 2, severity: 'error' }),
        node('b', 'vm', { parent: 'h1', findingCount: 3, severity: 'hint' }),
        node('h2', 'host', { findingCount: 1, severity: 'hint' }),
        node('c', 'vm', { parent: 'h2' }),
        node('h3', 'host'),
        node('d', 'vm', { parent: 'h3', findingCount: 1, severity: 'warning' }),
      ],
      edges: [{ id: 'e', source: 'a', target: 'h2', kind: 'cable', label: '' }],
      positions: { a: { x: 0, y: 0 }, c: { x: 100, y: 0 }, d: { x: 200, y: 0 } },
    };
    const { diagram: out } = compactDiagram(d);
    const get = (id: string) => out.nodes.find((n) => n.id === id);
    assert.deepEqual([get('h1')?.findingCount, get('h1')?.severity], [3, 'error']);
    assert.deepEqual([get('h2')?.findingCount, get('h2')?.severity], [1, 'hint'], 'a hint stays a hint');
    assert.deepEqual([get('h3')?.findingCount, get('h3')?.severity], [1, 'warning']);
    assert.equal(out.edges.length, 0);
    assert.deepEqual(out.positions.h3, { x: 200, y: 0 });
  });
});
