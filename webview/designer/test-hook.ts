/**
 * What the designer webview exposes as `window.vtopoDesigner`, for tests and automation only:
 * where and how elements are drawn (no access to the graph itself). installTestHook below
 * implements it (start() in app.ts installs it); the E2E and fake-host tests read it from
 * their page functions.
 */

import type { Core } from 'cytoscape';

export interface DesignerTestHook {
  /** The node's rendered box in page coordinates, or undefined when not drawn. */
  renderedBox(id: string): { x1: number; y1: number; x2: number; y2: number } | undefined;
  /** How many times the canvas has rendered. */
  renders(): number;
  /** How many edges the canvas draws (cables, storage, suggestions, and any being drawn). */
  edgeCount(): number;
  /** The selected nodes' ids. */
  selected(): string[];
  /** The node's compound parent on the canvas (e.g. a VM's host), or undefined. */
  parentOf(id: string): string | undefined;
  /** The text drawn as the node's label (with VM counts and finding marks), or undefined when not drawn. */
  labelOf(id: string): string | undefined;
  /** The main view's pan, to see that the minimap moves it. */
  pan(): { x: number; y: number };
  /** The label the canvas draws for the node as styled (a playback badge included), or undefined when not drawn. */
  styledLabelOf(id: string): string | undefined;
  /** The node's border colour and style as drawn. */
  borderOf(id: string): { color: string; style: string; width: string } | undefined;
  /** The element's classes (vt-sim-failed, vt-sim-down, ...). */
  classesOf(id: string): string[];
  /** The node's box in model coordinates (what the layout section's positions are in), or undefined when not drawn. */
  modelBox(id: string): { x1: number; y1: number; x2: number; y2: number } | undefined;
  /** The canvas's zoom. */
  zoom(): number;
  /**
   * The node's label as drawn: its text, its font size on screen (font size x zoom) and
   * whether it is drawn at all (a label hidden as too small to read is not); undefined when
   * the node is not drawn.
   */
  renderedLabel(id: string): { text: string; screenPx: number; drawn: boolean } | undefined;
}

export interface TestHookSource {
  graph(): Core | undefined;
  readonly container: HTMLElement;
  renders(): number;
  selected(): string[];
}

/** Defines `window.vtopoDesigner` (read-only). */
export function installTestHook(source: TestHookSource): void {
  const node = (id: string) => {
    const found = source.graph()?.getElementById(id);
    return found && found.nonempty() ? found : undefined;
  };
  const hook: DesignerTestHook = {
    renderedBox(id) {
      const found = node(id);
      if (!found) return undefined;
      const box = found.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
      const origin = source.container.getBoundingClientRect();
      return { x1: box.x1 + origin.left, y1: box.y1 + origin.top, x2: box.x2 + origin.left, y2: box.y2 + origin.top };
    },
    renders: () => source.renders(),
    edgeCount: () => source.graph()?.edges().length ?? 0,
    selected: () => source.selected(),
    parentOf(id) {
      const parent = node(id)?.parent().first();
      return parent && parent.nonempty() ? parent.id() : undefined;
    },
    labelOf: (id) => {
      const found = node(id);
      return found ? String(found.data('display')) : undefined;
    },
    pan: () => {
      const graph = source.graph();
      return graph ? { ...graph.pan() } : { x: 0, y: 0 };
    },
    styledLabelOf: (id) => {
      const found = node(id);
      return found ? String(found.style('label')) : undefined;
    },
    borderOf: (id) => {
      const found = node(id);
      return found ? { color: String(found.style('border-color')), style: String(found.style('border-style')), width: String(found.style('border-width')) } : undefined;
    },
    classesOf: (id) => {
      const element = source.graph()?.getElementById(id);
      return element && element.nonempty() ? element.classes().slice() : [];
    },
    modelBox: (id) => {
      const box = node(id)?.boundingBox({ includeLabels: false, includeOverlays: false });
      return box && { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
    },
    zoom: () => source.graph()?.zoom() ?? 1,
    renderedLabel: (id) => {
      const found = node(id);
      if (!found) return undefined;
      const text = String(found.style('label') ?? '');
      const zoom = source.graph()?.zoom() ?? 1;
      const fontPx = parseFloat(String(found.style('font-size')));
      const minPx = parseFloat(String(found.style('min-zoomed-font-size')));
      // Cytoscape hides a label whose font, at the zoom rounded up to a power of two, is under its minimum.
      const level = Math.pow(2, Math.ceil(Math.log2(zoom * window.devicePixelRatio)));
      return { text, screenPx: fontPx * zoom, drawn: text !== '' && fontPx * level >= minPx };
    },
  };
  Object.defineProperty(window, 'vtopoDesigner', { value: Object.freeze(hook) });
}
