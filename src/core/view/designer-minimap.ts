/**
 * The designer's minimap (webview/designer/minimap.ts): the arithmetic between model
 * coordinates and the little overview canvas, and when the minimap shows. Pure, so it runs
 * under Node's test runner.
 */

import type { Box } from './designer-model';

/** Below this many drawn nodes (ports not counted: they sit inside their devices) the minimap is hidden unless the user asks for it. */
export const MINIMAP_MIN_NODES = 30;

export function minimapVisible(nodeCount: number, choice: boolean | undefined): boolean {
  return choice ?? nodeCount >= MINIMAP_MIN_NODES;
}

/** Model box -> minimap pixels: uniform scale, centred, `pad` pixels free on every side. */
export interface MinimapTransform {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

export function minimapTransform(bounds: Box, width: number, height: number, pad = 6): MinimapTransform {
  const w = Math.max(1, bounds.x2 - bounds.x1);
  const h = Math.max(1, bounds.y2 - bounds.y1);
  const scale = Math.max(1e-6, Math.min((width - 2 * pad) / w, (height - 2 * pad) / h));
  return {
    scale,
    offsetX: (width - w * scale) / 2 - bounds.x1 * scale,
    offsetY: (height - h * scale) / 2 - bounds.y1 * scale,
  };
}

export function toMinimap(t: MinimapTransform, point: { x: number; y: number }): { x: number; y: number } {
  return { x: point.x * t.scale + t.offsetX, y: point.y * t.scale + t.offsetY };
}

export function fromMinimap(t: MinimapTransform, point: { x: number; y: number }): { x: number; y: number } {
  return { x: (point.x - t.offsetX) / t.scale, y: (point.y - t.offsetY) / t.scale };
}

/** The pan that puts the model point in the middle of a viewport of that size at that zoom. */
export function panToCenter(model: { x: number; y: number }, zoom: number, viewport: { width: number; height: number }): { x: number; y: number } {
  return { x: viewport.width / 2 - model.x * zoom, y: viewport.height / 2 - model.y * zoom };
}
