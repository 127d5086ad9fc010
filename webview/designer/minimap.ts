/**
 * The designer's minimap: a small 2D canvas in a corner of the design canvas with every
 * node drawn from its position (compound nodes as outlines) and the main view's viewport
 * as a rectangle. Pressing or dragging on it pans the main view there. It draws shapes
 * only, never file data, and sends nothing to the extension.
 */

import type { Core } from 'cytoscape';
import { fromMinimap, minimapTransform, panToCenter, toMinimap, type MinimapTransform } from '../../src/core/view/designer-minimap';
import type { ThemeColours } from './graph-style';
import { DESIGNER_TEXTS as TEXTS } from '../../src/core/view/designer-texts';

const WIDTH = 200;
const HEIGHT = 140;
/** Node moves (drags) redraw the map at most this often; pans and zooms redraw every frame. */
const NODES_DELAY_MS = 200;

export class Minimap {
  readonly canvas: HTMLCanvasElement;
  /** The nodes, drawn once per change of the design; the viewport goes on top each frame. */
  private readonly layer: HTMLCanvasElement;
  private transform: MinimapTransform | undefined;
  private nodesDirty = true;
  private frame: number | undefined;
  private nodesTimer: ReturnType<typeof setTimeout> | undefined;
  private visible = false;
  private dragging = false;
  private attached: Core | undefined;

  constructor(private readonly graph: () => Core | undefined, private readonly colours: () => ThemeColours) {
    this.canvas = document.createElement('canvas');
    this.canvas.id = 'vt-minimap';
    this.canvas.className = 'vt-hidden';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', TEXTS.minimap({}));
    this.layer = document.createElement('canvas');
    const ratio = Math.max(1, Math.round(window.devicePixelRatio || 1));
    for (const canvas of [this.canvas, this.layer]) {
      canvas.width = WIDTH * ratio;
      canvas.height = HEIGHT * ratio;
    }
    // The canvas sits inside cytoscape's container: keep its presses from becoming canvas gestures.
    for (const name of ['mousedown', 'mouseup', 'click', 'dblclick', 'wheel', 'touchstart', 'contextmenu'] as const) {
      this.canvas.addEventListener(name, (event) => event.stopPropagation());
    }
    this.canvas.addEventListener('pointerdown', (event) => {
      event.stopPropagation();
      event.preventDefault();
      this.dragging = true;
      this.canvas.setPointerCapture(event.pointerId);
      this.panTo(event);
    });
    this.canvas.addEventListener('pointermove', (event) => {
      if (!this.dragging) return;
      event.stopPropagation();
      this.panTo(event);
    });
    const stop = (event: PointerEvent) => {
      if (!this.dragging) return;
      this.dragging = false;
      if (this.canvas.hasPointerCapture(event.pointerId)) this.canvas.releasePointerCapture(event.pointerId);
    };
    this.canvas.addEventListener('pointerup', stop);
    this.canvas.addEventListener('pointercancel', stop);
  }

  get shown(): boolean {
    return this.visible;
  }

  /** Follows a (new) graph: pans and zooms move the rectangle; added, removed or moved nodes redraw the map. */
  attach(cy: Core): void {
    if (this.attached === cy) return;
    this.attached = cy;
    cy.on('viewport resize', () => this.schedule(false));
    cy.on('add remove position', () => this.schedule(true));
  }

  setVisible(on: boolean): void {
    this.visible = on;
    this.canvas.classList.toggle('vt-hidden', !on);
    if (on) this.schedule(true);
  }

  /** Colours changed (theme): draw everything again. */
  restyle(): void {
    this.schedule(true);
  }

  private schedule(nodes: boolean): void {
    if (!this.visible) return;
    if (nodes) {
      if (this.nodesTimer === undefined) {
        this.nodesTimer = setTimeout(() => {
          this.nodesTimer = undefined;
          this.nodesDirty = true;
          this.schedule(false);
        }, this.transform ? NODES_DELAY_MS : 0);
      }
      return;
    }
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.draw();
    });
  }

  private panTo(event: PointerEvent): void {
    const cy = this.graph();
    if (!cy || !this.transform) return;
    const rect = this.canvas.getBoundingClientRect();
    const point = { x: ((event.clientX - rect.left) / rect.width) * WIDTH, y: ((event.clientY - rect.top) / rect.height) * HEIGHT };
    cy.pan(panToCenter(fromMinimap(this.transform, point), cy.zoom(), { width: cy.width(), height: cy.height() }));
  }

  private drawNodes(cy: Core, colours: ThemeColours): void {
    const ctx = this.layer.getContext('2d');
    if (!ctx) return;
    const ratio = this.layer.width / WIDTH;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const nodes = cy.nodes();
    if (nodes.empty()) {
      this.transform = undefined;
      return;
    }
    const t = minimapTransform(nodes.boundingBox({ includeLabels: false, includeOverlays: false }), WIDTH, HEIGHT);
    this.transform = t;
    ctx.lineWidth = 1;
    ctx.strokeStyle = colours.border;
    ctx.globalAlpha = 0.8;
    nodes.forEach((node) => {
      if (!node.isParent()) return;
      const box = node.boundingBox({ includeLabels: false, includeOverlays: false });
      const a = toMinimap(t, { x: box.x1, y: box.y1 });
      ctx.strokeRect(a.x, a.y, Math.max(1, (box.x2 - box.x1) * t.scale), Math.max(1, (box.y2 - box.y1) * t.scale));
    });
    ctx.globalAlpha = 0.7;
    nodes.forEach((node) => {
      if (node.isParent()) return;
      const severity = node.data('severity') as unknown;
      ctx.fillStyle = severity === 'error' ? colours.error : severity === 'warning' ? colours.warning : colours.foreground;
      const p = toMinimap(t, node.position());
      const w = Math.max(1.5, node.width() * t.scale);
      const h = Math.max(1.5, node.height() * t.scale);
      ctx.fillRect(p.x - w / 2, p.y - h / 2, w, h);
    });
    ctx.globalAlpha = 1;
  }

  private draw(): void {
    const cy = this.graph();
    const ctx = this.canvas.getContext('2d');
    if (!cy || !ctx || !this.visible) return;
    const colours = this.colours();
    if (this.nodesDirty) {
      this.nodesDirty = false;
      this.drawNodes(cy, colours);
    }
    const ratio = this.canvas.width / WIDTH;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.layer, 0, 0);
    const t = this.transform;
    if (!t) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const view = cy.extent();
    const a = toMinimap(t, { x: view.x1, y: view.y1 });
    const b = toMinimap(t, { x: view.x2, y: view.y2 });
    ctx.strokeStyle = colours.accent;
    ctx.lineWidth = 1.5;
    ctx.fillStyle = colours.accent;
    ctx.globalAlpha = 0.12;
    ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y);
    ctx.globalAlpha = 1;
    ctx.strokeRect(a.x, a.y, b.x - a.x, b.y - a.y);
  }
}
