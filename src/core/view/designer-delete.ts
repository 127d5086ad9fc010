/**
 * What Delete removes of a selection: each selected element, except one inside another
 * selected element that takes it along (a VM in a deleted host, a port in a deleted
 * controller). Deleting a cluster, site, rack or chassis leaves what stands in it, so what
 * is selected inside one of those is deleted on its own. Pure, so it runs under Node's test
 * runner.
 */

import type { DiagramNode } from './diagram';
import { isContainerKind } from './diagram-domains';

export function elementsToDelete(selected: readonly string[], byId: ReadonlyMap<string, DiagramNode>): string[] {
  const chosen = new Set(selected);
  return selected.filter((id) => {
    const seen = new Set<string>([id]);
    for (let parent = byId.get(id)?.parent; parent !== undefined && !seen.has(parent); parent = byId.get(parent)?.parent) {
      seen.add(parent);
      const kind = byId.get(parent)?.kind ?? '';
      if (chosen.has(parent) && kind !== 'cluster' && !isContainerKind(kind)) return false;
    }
    return true;
  });
}
