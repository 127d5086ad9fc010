/**
 * Readable labels at any zoom, and what "Fit" does. A label that would be drawn smaller
 * than MIN_LABEL_SCREEN_PX is hidden rather than shrunk to a smudge: the small labels (ports,
 * then VMs and controllers) go first, the names of hosts and arrays (written larger) later.
 * The names of clusters, sites, racks and chassis stay: zoomed out, they are written bigger
 * (up to CONTAINER_FONT_GROWTH times), so a picture too small for its devices' names still
 * says what its boxes are. Fit shows the whole design, but does not zoom a small design out
 * so far that its hosts', switches' and arrays' names are hidden, nor blow a tiny one up.
 * Pure, so it runs under Node's test runner; webview/designer/viewport.ts applies it.
 */

import type { Box } from './designer-model';
import type { DiagramNodeKind } from './diagram';
import { LABEL_FONT_PX, MIN_LABEL_SCREEN_PX } from './diagram-sizes';

/** The font of cable labels (switch ports, LUNs). */
export const EDGE_LABEL_FONT_PX = 9;

/** The boxes whose names grow as you zoom out. */
export const NAMED_BOXES: readonly DiagramNodeKind[] = ['cluster', 'site', 'rack', 'chassis'];
/** How much bigger than its own size a box's name may be written. */
export const CONTAINER_FONT_GROWTH = 2.5;

/** The font a kind's labels are written in at this zoom: its own, or for a box a bigger one (in quarter steps) that stays readable. */
export function labelFontPx(kind: DiagramNodeKind, zoom: number): number {
  const own = LABEL_FONT_PX[kind];
  const needed = MIN_LABEL_SCREEN_PX / zoom;
  if (!NAMED_BOXES.includes(kind) || needed <= own) return own;
  const quarters = Math.ceil((needed / own - 1) * 4);
  return Math.min(own * CONTAINER_FONT_GROWTH, own * (1 + quarters / 4));
}

/** The boxes whose names are written bigger than their own size at this zoom, with the font. */
export function grownLabelFonts(zoom: number): Array<{ readonly kind: DiagramNodeKind; readonly fontPx: number }> {
  return NAMED_BOXES.flatMap((kind) => {
    const fontPx = labelFontPx(kind, zoom);
    return fontPx > LABEL_FONT_PX[kind] ? [{ kind, fontPx }] : [];
  });
}

/** Node kinds whose labels would be drawn too small at this zoom, smallest font first. */
export function hiddenLabelKinds(zoom: number): DiagramNodeKind[] {
  return (Object.keys(LABEL_FONT_PX) as DiagramNodeKind[])
    .filter((kind) => labelFontPx(kind, zoom) * zoom < MIN_LABEL_SCREEN_PX)
    .sort((a, b) => LABEL_FONT_PX[a] - LABEL_FONT_PX[b]);
}

export function edgeLabelsReadable(zoom: number): boolean {
  return EDGE_LABEL_FONT_PX * zoom >= MIN_LABEL_SCREEN_PX;
}

/** One key per set of hidden and grown labels: the canvas restyles only when it changes. */
export function labelBand(zoom: number): string {
  const grown = grownLabelFonts(zoom).map(({ kind, fontPx }) => `${kind}:${fontPx}`);
  return `${hiddenLabelKinds(zoom).join(',')}|${grown.join(',')}|${edgeLabelsReadable(zoom) ? 'edges' : ''}`;
}

/** The devices whose names a small design keeps readable at Fit. */
const MAIN_KINDS: readonly DiagramNodeKind[] = ['host', 'switch', 'array'];
/** The least zoom at which the main devices' names are drawn. */
export const READABLE_FIT_ZOOM = MIN_LABEL_SCREEN_PX / Math.min(...MAIN_KINDS.map((kind) => LABEL_FONT_PX[kind]));
/** A design of at most this many drawn nodes (ports not counted) is small: Fit keeps its names readable. */
export const SMALL_DESIGN_NODES = 60;
/** Fit never zooms in further than this (a design of two boxes is not blown up to fill the view). */
export const MAX_FIT_ZOOM = 1.5;
/** How much bigger than the view a small design may be drawn to keep its names readable (1.1: a twentieth off each side, mostly the margin). */
export const MAX_FIT_OVERFLOW = 1.1;

export interface Viewport {
  readonly zoom: number;
  readonly pan: { readonly x: number; readonly y: number };
}

/**
 * The zoom and pan of Fit: the design's box (labels included, model units) in the middle
 * of a view of that size with `padding` pixels around it. A small design that would come
 * out a little smaller than READABLE_FIT_ZOOM is shown at that zoom instead, centred (its
 * margins may then be out of view: the names are worth more); one that would need more
 * than MAX_FIT_OVERFLOW is fitted, and shows the names that are still big enough (its
 * clusters, racks and sites).
 */
export function fitViewport(bounds: Box, view: { readonly width: number; readonly height: number }, padding: number, drawnNodes: number): Viewport {
  const width = Math.max(1, bounds.x2 - bounds.x1);
  const height = Math.max(1, bounds.y2 - bounds.y1);
  const fitted = Math.min((view.width - 2 * padding) / width, (view.height - 2 * padding) / height);
  let zoom = Math.min(MAX_FIT_ZOOM, Math.max(1e-3, fitted));
  if (zoom < READABLE_FIT_ZOOM && zoom * MAX_FIT_OVERFLOW >= READABLE_FIT_ZOOM && drawnNodes <= SMALL_DESIGN_NODES) zoom = READABLE_FIT_ZOOM;
  const middle = { x: (bounds.x1 + bounds.x2) / 2, y: (bounds.y1 + bounds.y2) / 2 };
  return { zoom, pan: { x: view.width / 2 - middle.x * zoom, y: view.height / 2 - middle.y * zoom } };
}
