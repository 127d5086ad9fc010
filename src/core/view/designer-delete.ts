/**
 * What the designer's Delete asks for, given the selection: one delete-element intent per
 * selected element that is not already deleted with a selected parent (a host takes its
 * VMs and ports with it, an array its controllers), and one delete-link per selected
 * cable. A cluster, site, rack or chassis leaves what it holds in the file: a selected
 * element in one is deleted on its own. Pure, so it runs under Node's test runner.
 */

import { cableIndex } from '../model/cable-id';
import type { IntentBody } from '../edit/intents';
import { isContainerKind } from './diagram-domains';
import { ancestorsOf } from './diagram-tree';
import type { Diagram, DiagramNode } from './diagram';

/** Whether deleting a node of `kind` deletes what is drawn inside it. */
function takesChildren(kind: string | undefined): boolean {
  return kind !== undefined && kind !== 'cluster' && !isContainerKind(kind);
}

/** The intents that delete the selected nodes and edges (cables; other edges are not the file's). */
export function deletionIntents(nodeIds: readonly string[], edgeIds: readonly string[], diagram: Diagram): IntentBody[] {
  const byId = new Map<string, DiagramNode>(diagram.nodes.map((node) => [node.id, node]));
  const chosen = new Set(nodeIds);
  const deletedWithParent = (id: string) => [...ancestorsOf(id, byId)].some((at) => chosen.has(at.id) && takesChildren(at.kind));
  const intents: IntentBody[] = nodeIds.filter((id) => !deletedWithParent(id)).map((id) => ({ type: 'delete-element', id }));
  for (const id of edgeIds) {
    const index = cableIndex(id);
    if (index !== undefined) intents.push({ type: 'delete-link', link: { index } });
  }
  return intents;
}
