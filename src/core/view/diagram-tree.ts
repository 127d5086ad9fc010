/**
 * Walking up the diagram's nesting: what a node is drawn inside (a VM its host, a host its
 * cluster or rack, a rack its site). Every question of the kind "which site is this in",
 * "is this inside something being dragged" asks it.
 */

import type { DiagramNode } from './diagram';

/** The nodes `id` is drawn inside, nearest first (its parent, that one's parent, ...); a loop in the parents ends the walk. */
export function* ancestorsOf(id: string, byId: ReadonlyMap<string, DiagramNode>): Generator<DiagramNode> {
  const seen = new Set<string>([id]);
  for (let at = byId.get(byId.get(id)?.parent ?? ''); at && !seen.has(at.id); at = byId.get(at.parent ?? '')) {
    seen.add(at.id);
    yield at;
  }
}

/** Whether `id` is drawn inside one of `outer`, at any depth. */
export function isInsideAny(id: string, outer: ReadonlySet<string>, byId: ReadonlyMap<string, DiagramNode>): boolean {
  for (const at of ancestorsOf(id, byId)) if (outer.has(at.id)) return true;
  return false;
}
