/**
 * What the designer webview exposes as `window.vtopoDesigner`, for tests and automation only:
 * where and how elements are drawn (no access to the graph itself). webview/designer.ts
 * implements it; the E2E and fake-host tests read it from their page functions.
 */
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
}
