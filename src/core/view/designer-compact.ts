/**
 * Compact mode of the designer canvas (webview/designer.ts): on big designs VMs are not
 * drawn as child nodes of their hosts (cytoscape re-styles every compound's children while
 * anything is dragged). Each host then shows its VM count in its label and carries the
 * worst finding of its VMs; the property panel lists a host's VMs as text. Pure data, no
 * DOM and no cytoscape, so it runs under Node's test runner.
 */

import type { Severity } from '../analysis/rule';
import type { Diagram, DiagramNode } from './diagram';
import { layoutCenter } from './designer-model';

/** Compact mode is used automatically above this many VM nodes. */
export const COMPACT_VM_THRESHOLD = 400;

export function vmCount(diagram: Diagram): number {
  let count = 0;
  for (const node of diagram.nodes) if (node.kind === 'vm') count++;
  return count;
}

/** Whether to draw the design compactly: the user's choice when made, else by size. */
export function shouldCompact(diagram: Diagram, showVms: boolean | undefined): boolean {
  if (showVms !== undefined) return !showVms;
  return vmCount(diagram) > COMPACT_VM_THRESHOLD;
}

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, hint: 0 };

function worse(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return RANK[b] > RANK[a] ? b : a;
}

export interface CompactDiagram {
  /** What the canvas draws: no VM nodes, hosts labelled with their VM count. */
  readonly diagram: Diagram;
  /** Each host's VMs, in the diagram's order. */
  readonly vmsByHost: ReadonlyMap<string, readonly DiagramNode[]>;
  /** The host each hidden VM is drawn as. */
  readonly hostOf: ReadonlyMap<string, string>;
}

/** The VM count as a host's label shows it. */
export function vmCountLabel(count: number): string {
  return `${count} VM${count === 1 ? '' : 's'}`;
}

/**
 * The diagram without its VMs: hosts say how many VMs they run and carry their VMs'
 * findings (counts added, worst severity; hints are not marks and do not roll up), hosts
 * are placed where the layout put their VM grid (layoutCenter), and edges to VMs go.
 */
export function compactDiagram(diagram: Diagram): CompactDiagram {
  const vmsByHost = new Map<string, DiagramNode[]>();
  const hostOf = new Map<string, string>();
  const ids = new Set(diagram.nodes.map((node) => node.id));
  for (const node of diagram.nodes) {
    if (node.kind !== 'vm' || node.parent === undefined || !ids.has(node.parent)) continue;
    const list = vmsByHost.get(node.parent) ?? [];
    list.push(node);
    vmsByHost.set(node.parent, list);
    hostOf.set(node.id, node.parent);
  }
  const nodes: DiagramNode[] = [];
  const positions: Record<string, { x: number; y: number }> = {};
  for (const node of diagram.nodes) {
    if (hostOf.has(node.id)) continue;
    const own = diagram.positions[node.id];
    if (own) positions[node.id] = { x: own.x, y: own.y };
    const vms = vmsByHost.get(node.id);
    if (!vms) {
      nodes.push(node);
      continue;
    }
    let findingCount = node.severity === 'hint' ? 0 : node.findingCount;
    let severity: Severity | undefined = node.severity === 'hint' ? undefined : node.severity;
    for (const vm of vms) {
      if (vm.findingCount === 0 || vm.severity === undefined || vm.severity === 'hint') continue;
      findingCount += vm.findingCount;
      severity = worse(severity, vm.severity);
    }
    // Without any real finding the host keeps its own marks (none, or a hint).
    const marks = severity !== undefined ? { findingCount, severity } : { findingCount: node.findingCount, ...(node.severity !== undefined ? { severity: node.severity } : {}) };
    const { severity: _ownSeverity, ...rest } = node;
    void _ownSeverity;
    nodes.push({ ...rest, label: `${node.label} (${vmCountLabel(vms.length)})`, ...marks });
    if (!own) {
      const center = layoutCenter(diagram, node.id);
      if (center) positions[node.id] = { x: center.x, y: center.y };
    }
  }
  const edges = diagram.edges.filter((edge) => !hostOf.has(edge.source) && !hostOf.has(edge.target));
  return { diagram: { nodes, edges, positions }, vmsByHost, hostOf };
}
