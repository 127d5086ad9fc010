/**
 * How big the designer draws each kind of node and its label, in model units (pixels at
 * zoom 1): one place for the canvas's stylesheet (webview/designer/graph-style.ts) and the
 * boxes the layout keeps apart (diagram-boxes.ts). Pure data.
 */

import type { DiagramNode, DiagramNodeKind } from './diagram';

export interface NodeSize {
  readonly width: number;
  readonly height: number;
}

/** A node drawn on its own (a compound node grows around what it holds instead). */
export const NODE_SIZE: Readonly<Record<DiagramNodeKind, NodeSize>> = {
  cluster: { width: 36, height: 24 },
  // A host without VMs or ports drawn (compact mode): a server with its VM count.
  host: { width: 48, height: 34 },
  vm: { width: 26, height: 18 },
  port: { width: 12, height: 12 },
  switch: { width: 48, height: 28 },
  array: { width: 52, height: 34 },
  controller: { width: 30, height: 22 },
  datastore: { width: 30, height: 34 },
  // A collapsed (or empty) site, rack or chassis: its name and what it holds, inside.
  site: { width: 150, height: 48 },
  rack: { width: 150, height: 48 },
  chassis: { width: 150, height: 48 },
  'power-feed': { width: 32, height: 28 },
};

/** Room between a compound node's border and what it holds. */
export const COMPOUND_PADDING: Readonly<Record<DiagramNodeKind, number>> = {
  cluster: 12, host: 14, vm: 0, port: 0, switch: 0, array: 14, controller: 14, datastore: 0,
  site: 22, rack: 16, chassis: 10, 'power-feed': 0,
};

/**
 * Label font sizes. What a zoomed-out picture is about (clusters, hosts, arrays, sites and
 * racks) is written larger, so its name stays readable after the small labels are hidden.
 */
export const LABEL_FONT_PX: Readonly<Record<DiagramNodeKind, number>> = {
  cluster: 16, host: 14, vm: 11, port: 9, switch: 13, array: 14, controller: 11, datastore: 12,
  site: 18, rack: 17, chassis: 15, 'power-feed': 12,
};

/**
 * Smallest label drawn, in screen pixels: a label that would come out smaller is hidden
 * (cytoscape's `min-zoomed-font-size`) rather than drawn as an unreadable smudge.
 */
export const MIN_LABEL_SCREEN_PX = 9;

/** Room between a node and its label (below a leaf, above a compound). */
export const LABEL_MARGIN = 4;
/**
 * Longest label line; longer ones end in an ellipsis. VMs and ports are narrow: their labels
 * must not run into their neighbours'. Wide enough for `vm-00001 ⚠1` and `nic1/p0 ⚠1`:
 * cutting a label short measures it again for every letter it loses (2,000 labels cut
 * cost a tenth of a second).
 */
export const LABEL_MAX_WIDTH: Readonly<Record<DiagramNodeKind, number>> = {
  cluster: 200, host: 220, vm: 80, port: 62, switch: 140, array: 160, controller: 90, datastore: 120,
  site: 240, rack: 200, chassis: 180, 'power-feed': 120,
};
/** Height of a line of text per pixel of font size. */
const LINE_HEIGHT = 1.25;
/** Average width of a character per pixel of font size (the canvas's sans-serif UI font). */
const CHARACTER_WIDTH = 0.6;

/** The text the canvas writes under (or over) a node: its label, with the count of findings when it has any. */
export function displayLabel(node: Pick<DiagramNode, 'label' | 'findingCount' | 'severity'>): string {
  const marked = node.findingCount > 0 && node.severity !== undefined && node.severity !== 'hint';
  return marked ? `${node.label} \u26a0${node.findingCount}` : node.label;
}

/** Width of a wide character (CJK ideographs and punctuation, full-width forms) per pixel of font size. */
const WIDE_CHARACTER_WIDTH = 1;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** How wide a text is at a font size: a Chinese character (a label in Chinese, `r01（2 台主机）`) counts as a wide one. */
function textWidth(text: string, font: number): number {
  let narrow = 0;
  let wide = 0;
  for (const character of text) {
    if (WIDE.test(character)) wide++;
    else narrow += character.length;
  }
  return narrow * font * CHARACTER_WIDTH + wide * font * WIDE_CHARACTER_WIDTH;
}

/** About how much room a node's label takes. */
export function labelSize(kind: DiagramNodeKind, text: string): NodeSize {
  const font = LABEL_FONT_PX[kind];
  return { width: Math.min(LABEL_MAX_WIDTH[kind], textWidth(text, font)), height: font * LINE_HEIGHT };
}
