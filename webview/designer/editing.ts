/**
 * The edits the toolbar and the keyboard ask for that are no tool of their own: adding an
 * element from the palette and deleting the selection. What they add or delete is decided
 * in src/core/view (designer-palette.ts, designer-delete.ts); this sends it.
 */

import { deletionIntents } from '../../src/core/view/designer-delete';
import type { PaletteKind } from '../../src/core/view/designer-model';
import { paletteElement } from '../../src/core/view/designer-palette';
import type { DiagramNode } from '../../src/core/view/diagram';
import { nodeFor, selectedNodeIds, type Designer } from './state';
import { DESIGNER_TEXTS as TEXTS, kindName } from '../../src/core/view/designer-texts';

export function addFromPalette(designer: Designer, kind: PaletteKind): void {
  const { state, status } = designer;
  if (!state.current) return;
  const first = selectedNodeIds(state).map((id) => nodeFor(state, id)).find((node): node is DiagramNode => node !== undefined);
  const added = paletteElement(kind, state.current.diagram, first);
  if ('problem' in added) {
    status.report(added.problem, true);
    return;
  }
  const { element } = added;
  state.pendingSelect = element.id;
  designer.intents.send({ type: 'add-element', element });
  status.show(TEXTS.addingElement({ kind: kindName(element.kind), id: element.id }));
}

export function deleteSelection(designer: Designer): void {
  const { state } = designer;
  const ids = selectedNodeIds(state);
  const edges = state.graph ? state.graph.edges(':selected').map((edge) => edge.id()) : [];
  // A cable alone is something to delete too.
  const intents = state.current ? deletionIntents(ids, edges, state.current.diagram) : [];
  if (intents.length === 0) {
    designer.status.show(TEXTS.selectToDelete({}), true);
    return;
  }
  for (const intent of intents) designer.intents.send(intent);
}
