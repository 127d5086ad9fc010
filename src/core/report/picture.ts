/**
 * The topology diagram of the design review: the designer's picture (view/diagram.ts, laid
 * out by layeredLayout, compact above the designer's VM threshold) drawn as one standalone
 * SVG in print colours. Without cytoscape there is no canvas to measure, so each device
 * gets the size the designer's stylesheet gives its kind, and each box (cluster, host with
 * its VMs, array, site, rack, chassis) is the bounding box of what it holds plus padding.
 */

import type { Severity } from '../analysis/rule';
import { compactDiagram, shouldCompact } from '../view/designer-compact';
import { diagramSvg, type SvgEdge, type SvgNode } from '../view/designer-model';
import { type Diagram, type DiagramEdgeKind, type DiagramNode, type DiagramNodeKind } from '../view/diagram';

/** More devices than this make a picture nobody reads on a page; the review says so instead. */
export const MAX_DRAWN_DEVICES = 600;

/** Print colours: dark lines on white, the designer's fabric and severity hues. */
const PALETTE = {
  foreground: '#1f1f1f',
  background: '#ffffff',
  border: '#6b6b6b',
  fabricA: '#1a6fd6',
  fabricB: '#8250c4',
  power: '#a07a00',
  suggested: '#b57b00',
  fill: '#f3f3f3',
} as const;

const SEVERITY_COLOUR: Readonly<Record<Severity, string>> = { error: '#c42b1c', warning: '#b57b00', info: '#1a6fd6', hint: '#6b6b6b' };

/** Leaf sizes and shapes, as webview/designer/graph-style.ts draws each kind. */
const LEAF: Readonly<Record<DiagramNodeKind, { readonly width: number; readonly height: number; readonly shape: SvgNode['shape'] }>> = {
  cluster: { width: 150, height: 48, shape: 'rect' },
  host: { width: 36, height: 24, shape: 'rect' },
  vm: { width: 22, height: 16, shape: 'rect' },
  port: { width: 12, height: 12, shape: 'rect' },
  switch: { width: 34, height: 34, shape: 'diamond' },
  array: { width: 36, height: 24, shape: 'rect' },
  controller: { width: 28, height: 20, shape: 'rect' },
  datastore: { width: 28, height: 30, shape: 'ellipse' },
  site: { width: 150, height: 48, shape: 'rect' },
  rack: { width: 150, height: 48, shape: 'rect' },
  chassis: { width: 150, height: 48, shape: 'rect' },
  'power-feed': { width: 30, height: 26, shape: 'diamond' },
};

/** Padding around a box's children, as the stylesheet sets it; the box's label sits above it. */
const PADDING: Partial<Record<DiagramNodeKind, number>> = { site: 22, rack: 16, chassis: 10 };
const DEFAULT_PADDING = 12;
/** Room above a box for the label of a box inside it. */
const LABEL_ROOM = 14;

const DASHED: ReadonlySet<DiagramEdgeKind> = new Set(['storage', 'suggested', 'power']);

export type ReviewPicture =
  | { readonly kind: 'svg'; readonly svg: string; readonly compact: boolean }
  | { readonly kind: 'omitted'; readonly devices: number };

/** The review's picture of a diagram, or how many devices kept it from being drawn. */
export function reviewPicture(full: Diagram): ReviewPicture {
  const compact = shouldCompact(full, undefined);
  const diagram = compact ? compactDiagram(full).diagram : full;
  // Every parent, placed kinds included (childrenIndex leaves out hosts, switches and arrays: they have positions of their own).
  const childrenOf = new Map<string, DiagramNode[]>();
  for (const node of diagram.nodes) {
    if (node.parent === undefined) continue;
    const siblings = childrenOf.get(node.parent) ?? [];
    siblings.push(node);
    childrenOf.set(node.parent, siblings);
  }
  const devices = diagram.nodes.filter((node) => !childrenOf.has(node.id) && node.kind !== 'port' && node.kind !== 'cluster').length;
  if (devices > MAX_DRAWN_DEVICES) return { kind: 'omitted', devices };
  const boxes = new Map<string, Box>();
  const boxOf = (node: DiagramNode): Box | undefined => {
    const known = boxes.get(node.id);
    if (known) return known;
    const children = childrenOf.get(node.id);
    let box: Box | undefined;
    if (children && children.length > 0) {
      const inner = children.map(boxOf).filter((b): b is Box => b !== undefined);
      if (inner.length > 0) {
        const pad = PADDING[node.kind] ?? DEFAULT_PADDING;
        const nestedLabel = children.some((child) => childrenOf.has(child.id)) ? LABEL_ROOM : 0;
        box = {
          x1: Math.min(...inner.map((b) => b.x1)) - pad,
          y1: Math.min(...inner.map((b) => b.y1)) - pad - nestedLabel,
          x2: Math.max(...inner.map((b) => b.x2)) + pad,
          y2: Math.max(...inner.map((b) => b.y2)) + pad,
        };
      }
    } else {
      const at = diagram.positions[node.id];
      const size = LEAF[node.kind];
      if (at) box = { x1: at.x - size.width / 2, y1: at.y - size.height / 2, x2: at.x + size.width / 2, y2: at.y + size.height / 2 };
    }
    if (box) boxes.set(node.id, box);
    return box;
  };
  const nodes: SvgNode[] = [];
  for (const node of diagram.nodes) {
    const compound = (childrenOf.get(node.id)?.length ?? 0) > 0;
    // A cluster whose hosts are drawn in their sites and racks has nothing to hold.
    if (node.kind === 'cluster' && !compound) continue;
    const box = boxOf(node);
    if (!box) continue;
    nodes.push({
      id: node.id,
      // Port names crowd a page; the cables' colours say which fabric each one is on.
      label: node.kind === 'port' ? '' : node.label,
      x: (box.x1 + box.x2) / 2,
      y: (box.y1 + box.y2) / 2,
      width: box.x2 - box.x1,
      height: box.y2 - box.y1,
      stroke: strokeOf(node),
      fill: compound ? PALETTE.border : node.kind === 'power-feed' ? PALETTE.power : PALETTE.fill,
      compound,
      shape: compound ? 'rect' : LEAF[node.kind].shape,
    });
  }
  const centre = new Map(nodes.map((node) => [node.id, node]));
  const edges: SvgEdge[] = [];
  for (const edge of diagram.edges) {
    const source = centre.get(edge.source);
    const target = centre.get(edge.target);
    if (!source || !target) continue;
    edges.push({ x1: source.x, y1: source.y, x2: target.x, y2: target.y, stroke: edgeColour(edge.kind, edge.fabric), dashed: DASHED.has(edge.kind) });
  }
  return { kind: 'svg', svg: diagramSvg({ nodes, edges, background: PALETTE.background, foreground: PALETTE.foreground }), compact };
}

interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

function fabricColour(fabric: string | undefined): string | undefined {
  const side = fabric?.toUpperCase();
  return side === 'A' ? PALETTE.fabricA : side === 'B' ? PALETTE.fabricB : undefined;
}

/** A finding's severity first (what the review is about), then the fabric side. */
function strokeOf(node: DiagramNode): string {
  if (node.severity !== undefined && node.severity !== 'hint') return SEVERITY_COLOUR[node.severity];
  if (node.kind === 'power-feed') return PALETTE.power;
  return fabricColour(node.fabric) ?? PALETTE.border;
}

function edgeColour(kind: DiagramEdgeKind, fabric: string | undefined): string {
  if (kind === 'suggested') return PALETTE.suggested;
  if (kind === 'power' || kind === 'fed-from') return PALETTE.power;
  return fabricColour(fabric) ?? PALETTE.border;
}
