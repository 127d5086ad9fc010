/**
 * The canvas as an image for "Export SVG" and "Export PNG": a PNG data URL from cytoscape,
 * or a standalone SVG (designer-model.ts diagramSvg) of the boxes, shapes and lines as
 * drawn, labels escaped. The extension checks what it gets (designer-validate.ts) and saves
 * it through a save dialog.
 */

import type { Core } from 'cytoscape';
import { diagramSvg, type SvgEdge, type SvgNode } from '../../src/core/view/designer-model';
import type { ThemeColours } from './graph-style';

/** Edge kinds drawn dashed. */
const DASHED: ReadonlySet<string> = new Set(['storage', 'suggested', 'power']);

export function canvasImage(graph: Core, format: 'svg' | 'png', colours: ThemeColours): string {
  if (format === 'png') return graph.png({ output: 'base64uri', full: true, bg: colours.background, scale: 2, maxWidth: 8000, maxHeight: 8000 });
  const nodes: SvgNode[] = graph.nodes().map((node) => {
    const compound = node.isParent();
    const box = node.boundingBox({ includeLabels: false, includeOverlays: false });
    const shape = String(node.style('shape'));
    return {
      id: node.id(),
      label: String(node.data('display') ?? node.id()),
      x: compound ? (box.x1 + box.x2) / 2 : node.position().x,
      y: compound ? (box.y1 + box.y2) / 2 : node.position().y,
      width: compound ? box.w : node.width(),
      height: compound ? box.h : node.height(),
      stroke: String(node.style('border-color')),
      fill: String(node.style('background-color')),
      compound,
      shape: shape === 'diamond' ? 'diamond' : shape === 'ellipse' ? 'ellipse' : 'rect',
    };
  });
  const edges: SvgEdge[] = graph.edges().map((edge) => {
    const s = edge.source().position();
    const t = edge.target().position();
    return { x1: s.x, y1: s.y, x2: t.x, y2: t.y, stroke: String(edge.style('line-color')), dashed: DASHED.has(String(edge.data('kind'))) };
  });
  return diagramSvg({ nodes, edges, background: colours.background, foreground: colours.foreground });
}
