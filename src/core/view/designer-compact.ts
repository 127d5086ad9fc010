/**
 * Compact mode of the designer canvas (webview/designer/): on big designs VMs and ports
 * are not drawn as child nodes of their hosts and controllers (cytoscape re-styles every
 * compound's children while anything is dragged). Each host then shows its VM count in its
 * label and carries the worst finding of its VMs and ports, cables run from the device and
 * name the port; the property panel lists a host's VMs as text. Pure data, no
 * DOM and no cytoscape, so it runs under Node's test runner.
 */

import type { Severity } from '../analysis/rule';
import { childrenIndex, layoutCenter, type Diagram, type DiagramEdge, type DiagramNode } from './diagram';
import { defineMessages } from '../l10n/messages';
import { grouped } from '../text/plural';

const MESSAGES = defineMessages('designer.compact', {
  oneVm: '{count} VM',
  manyVms: '{count} VMs',
  /** A host's label with its VM count: `esx-01 (12 VMs)`. */
  labelWithCount: '{label} ({summary})',
});

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
  /** What the canvas draws: no VM or port nodes, hosts labelled with their VM count. */
  readonly diagram: Diagram;
  /** Each host's VMs, in the diagram's order. */
  readonly vmsByHost: ReadonlyMap<string, readonly DiagramNode[]>;
  /** The node each hidden VM or port is drawn as (its host or controller). */
  readonly drawnAs: ReadonlyMap<string, string>;
}

/** The VM count as a host's label shows it. */
export function vmCountLabel(count: number): string {
  return count === 1 ? MESSAGES.oneVm({ count: grouped(count) }) : MESSAGES.manyVms({ count: grouped(count) });
}

/**
 * The diagram without its VMs and ports: hosts say how many VMs they run, hosts and
 * controllers carry the findings of what they hide (counts added, worst severity; hints are
 * not marks and do not roll up) and are placed at the anchor of their children's grid
 * (layoutCenter); cables run from the host or controller, labelled with the port.
 */
export function compactDiagram(diagram: Diagram): CompactDiagram {
  const vmsByHost = new Map<string, DiagramNode[]>();
  const hiddenByOwner = new Map<string, DiagramNode[]>();
  const drawnAs = new Map<string, string>();
  const hiddenLabel = new Map<string, string>();
  const hiddenVms = new Set<string>();
  const ids = new Set(diagram.nodes.map((node) => node.id));
  for (const node of diagram.nodes) {
    if ((node.kind !== 'vm' && node.kind !== 'port') || node.parent === undefined || !ids.has(node.parent)) continue;
    drawnAs.set(node.id, node.parent);
    hiddenLabel.set(node.id, node.label);
    const hidden = hiddenByOwner.get(node.parent) ?? [];
    hidden.push(node);
    hiddenByOwner.set(node.parent, hidden);
    if (node.kind === 'vm') {
      hiddenVms.add(node.id);
      const vms = vmsByHost.get(node.parent) ?? [];
      vms.push(node);
      vmsByHost.set(node.parent, vms);
    }
  }
  const childrenOf = childrenIndex(diagram.nodes);
  const nodes: DiagramNode[] = [];
  const positions: Record<string, { x: number; y: number }> = {};
  for (const node of diagram.nodes) {
    if (drawnAs.has(node.id)) continue;
    const own = diagram.positions[node.id];
    if (own) positions[node.id] = { x: own.x, y: own.y };
    const hidden = hiddenByOwner.get(node.id);
    if (!hidden) {
      nodes.push(node);
      continue;
    }
    let findingCount = node.severity === 'hint' ? 0 : node.findingCount;
    let severity: Severity | undefined = node.severity === 'hint' ? undefined : node.severity;
    for (const child of hidden) {
      if (child.findingCount === 0 || child.severity === undefined || child.severity === 'hint') continue;
      findingCount += child.findingCount;
      severity = worse(severity, child.severity);
    }
    // Without any real finding the node keeps its own marks (none, or a hint).
    const marks = severity !== undefined ? { findingCount, severity } : { findingCount: node.findingCount, ...(node.severity !== undefined ? { severity: node.severity } : {}) };
    const { severity: _ownSeverity, ...rest } = node;
    void _ownSeverity;
    const vms = vmsByHost.get(node.id);
    nodes.push({ ...rest, ...(vms ? { label: MESSAGES.labelWithCount({ label: node.label, summary: vmCountLabel(vms.length) }) } : {}), ...marks });
    if (!own) {
      const center = layoutCenter(diagram, node.id, childrenOf);
      if (center) positions[node.id] = { x: center.x, y: center.y };
    }
  }
  const edges: DiagramEdge[] = [];
  for (const edge of diagram.edges) {
    if (hiddenVms.has(edge.source) || hiddenVms.has(edge.target)) continue;
    const source = drawnAs.get(edge.source) ?? edge.source;
    const target = drawnAs.get(edge.target) ?? edge.target;
    if (source === edge.source && target === edge.target) {
      edges.push(edge);
      continue;
    }
    if (source === target) continue;
    // A cable from a hidden port names the port (`hba1/p0`, `hba1/p0 - 3` to switch port 3).
    const label = [hiddenLabel.get(edge.source), edge.label, hiddenLabel.get(edge.target)].filter((part) => part !== undefined && part !== '').join(' - ');
    edges.push({ ...edge, source, target, label: edge.kind === 'suggested' ? edge.label : label });
  }
  return { diagram: { nodes, edges, positions }, vmsByHost, drawnAs };
}
