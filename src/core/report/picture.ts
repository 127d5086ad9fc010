/**
 * The topology diagram of the design review: the designer's picture (view/diagram.ts, laid
 * out by layeredLayout, compact above the designer's VM threshold) drawn as one standalone
 * SVG in print colours. Without cytoscape there is no canvas to measure: the boxes are the
 * ones the designer's layout keeps apart (diagram-boxes.ts, sizes from diagram-sizes.ts).
 */

import type { Severity } from '../analysis/rule';
import { compactDiagram, shouldCompact } from '../view/designer-compact';
import { diagramSvg, type SvgEdge, type SvgNode } from '../view/designer-model';
import { type Diagram, type DiagramEdgeKind, type DiagramNode, type DiagramNodeKind } from '../view/diagram';
import { diagramBoxes } from '../view/diagram-boxes';

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

/** The shape of each kind of device in the picture (boxes for the rest). */
const SHAPE: Partial<Record<DiagramNodeKind, SvgNode['shape']>> = { switch: 'diamond', 'power-feed': 'diamond', datastore: 'ellipse' };

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
  // The boxes the designer draws: sizes, padding and labels from diagram-sizes.ts.
  const boxes = diagramBoxes(diagram.nodes, diagram.positions);
  const nodes: SvgNode[] = [];
  for (const node of diagram.nodes) {
    const compound = (childrenOf.get(node.id)?.length ?? 0) > 0;
    // A cluster whose hosts are drawn in their sites and racks has nothing to hold.
    if (node.kind === 'cluster' && !compound) continue;
    const box = boxes.get(node.id)?.body;
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
      shape: compound ? 'rect' : SHAPE[node.kind] ?? 'rect',
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
