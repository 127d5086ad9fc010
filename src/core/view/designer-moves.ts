/**
 * What a move on the designer canvas writes to the file's layout section. The canvas draws
 * a parent (a host with VMs, an array with controllers) as a box around its children; the
 * layout section keeps the parent's anchor (diagram.ts layoutCenter). So a move is the
 * distance each placeable element went on the canvas, added to its anchor; and until the
 * document comes back, the diagram's positions are shifted the same way, children with
 * their parent. Pure, so it runs under Node's test runner; webview/designer/moves.ts reads
 * the canvas and sends the result.
 */

import type { PlacedElement } from '../edit/layout-edits';
import { childrenIndex, layoutCenter, type Diagram } from './diagram';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Less than this far on the canvas (in model units) is no move: cytoscape jitters a little. */
const STILL = 0.5;

/**
 * Each element of `before` (where the canvas drew it after the last document) that is now
 * elsewhere (`now`), at its anchor moved by as much, rounded to whole units.
 */
export function movedElements(diagram: Diagram, before: ReadonlyMap<string, Point>, now: (id: string) => Point | undefined): PlacedElement[] {
  const moved: PlacedElement[] = [];
  const childrenOf = childrenIndex(diagram.nodes);
  for (const [id, was] of before) {
    const at = now(id);
    if (!at) continue;
    const dx = at.x - was.x;
    const dy = at.y - was.y;
    if (Math.abs(dx) < STILL && Math.abs(dy) < STILL) continue;
    const center = layoutCenter(diagram, id, childrenOf);
    if (!center) continue;
    moved.push({ id, position: { x: Math.round(center.x + dx), y: Math.round(center.y + dy) } });
  }
  return moved;
}

/** The diagram's positions with the moved elements at their new places, each one's children moved with it. */
export function positionsAfterMoves(diagram: Diagram, moved: readonly PlacedElement[]): Record<string, Point> {
  const positions: Record<string, Point> = { ...diagram.positions };
  const childrenOf = childrenIndex(diagram.nodes);
  const shift = (id: string, dx: number, dy: number) => {
    const at = positions[id];
    if (at) positions[id] = { x: at.x + dx, y: at.y + dy };
    for (const child of childrenOf.get(id) ?? []) shift(child.id, dx, dy);
  };
  for (const { id, position } of moved) {
    const before = layoutCenter(diagram, id, childrenOf);
    if (before) shift(id, position.x - before.x, position.y - before.y);
  }
  return positions;
}
