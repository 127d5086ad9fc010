/**
 * The designer's view of the canvas: Fit, zoom in and out, and which labels are drawn at
 * the current zoom (src/core/view/designer-zoom.ts). A label that would come out smaller
 * than the readable size is hidden by the stylesheet, and the names of clusters, sites,
 * racks and chassis are written bigger; when a zoom crosses into another set of them the
 * canvas is restyled once, after the zoom settles. Restyling thousands
 * of elements takes a second, so a large design leaves it to cytoscape's own
 * `min-zoomed-font-size` instead.
 */

import type { Core } from 'cytoscape';
import { edgeLabelsReadable, fitViewport, grownLabelFonts, hiddenLabelKinds, labelBand } from '../../src/core/view/designer-zoom';
import type { Diagram, DiagramNodeKind } from '../../src/core/view/diagram';
import { diagramBoxes } from '../../src/core/view/diagram-boxes';

/** Pixels around the design at Fit. */
export const FIT_PADDING = 24;
/** Wait after the last zoom step before restyling the labels. */
const SETTLE_MS = 120;

export interface HiddenLabels {
  readonly kinds: readonly DiagramNodeKind[];
  readonly edges: boolean;
  /** Boxes whose names are written bigger at this zoom. */
  readonly grown: ReadonlyArray<{ readonly kind: DiagramNodeKind; readonly fontPx: number }>;
}

export interface ViewportHost {
  graph(): Core | undefined;
  /** A large design: labels are left to cytoscape's min-zoomed-font-size. */
  large(): boolean;
  /** How many nodes are drawn, ports not counted (a small design keeps its names readable at Fit). */
  drawnNodes(): number;
  /** Restyles the canvas (the hidden labels changed). */
  restyle(): void;
}

export class Viewport {
  private band: string;
  private zoom = 1;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ViewportHost) {
    this.band = labelBand(this.zoom);
  }

  /** The labels the stylesheet hides at the current zoom; none for a large design. */
  hiddenLabels(): HiddenLabels | undefined {
    if (this.host.large()) return undefined;
    return { kinds: hiddenLabelKinds(this.zoom), edges: !edgeLabelsReadable(this.zoom), grown: grownLabelFonts(this.zoom) };
  }

  /**
   * Before a graph is made of a diagram: the zoom Fit will give it, worked out from the
   * diagram's boxes, so the graph is styled once for that zoom rather than restyled after.
   */
  expect(diagram: Diagram, view: { readonly width: number; readonly height: number }): void {
    if (this.host.large() || view.width <= 0 || view.height <= 0) return;
    let bounds: { x1: number; y1: number; x2: number; y2: number } | undefined;
    for (const { outer } of diagramBoxes(diagram.nodes, diagram.positions).values()) {
      bounds = bounds ? { x1: Math.min(bounds.x1, outer.x1), y1: Math.min(bounds.y1, outer.y1), x2: Math.max(bounds.x2, outer.x2), y2: Math.max(bounds.y2, outer.y2) } : { ...outer };
    }
    if (!bounds) return;
    this.zoom = fitViewport(bounds, view, FIT_PADDING, this.host.drawnNodes()).zoom;
    this.band = labelBand(this.zoom);
  }

  /** Follows a new graph's zooms, and its container's size (the panel under a narrow canvas grows and shrinks). */
  attach(cy: Core, container: HTMLElement): void {
    new ResizeObserver(() => cy.resize()).observe(container);
    cy.on('zoom', () => {
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => this.sync(), SETTLE_MS);
    });
  }

  /** Restyles when the zoom now hides other labels than the stylesheet does. */
  sync(): void {
    const cy = this.host.graph();
    if (!cy) return;
    this.zoom = cy.zoom();
    const band = labelBand(this.zoom);
    if (band === this.band) return;
    this.band = band;
    if (!this.host.large()) this.host.restyle();
  }

  /** The whole design in view; a small design no further out than its names can be read. */
  fit(): void {
    const cy = this.host.graph();
    if (!cy || cy.elements().empty()) return;
    cy.resize();
    const box = cy.elements().boundingBox();
    const view = fitViewport(box, { width: cy.width(), height: cy.height() }, FIT_PADDING, this.host.drawnNodes());
    cy.viewport({ zoom: view.zoom, pan: { x: view.pan.x, y: view.pan.y } });
    this.sync();
  }

  zoomBy(factor: number): void {
    const cy = this.host.graph();
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }
}
