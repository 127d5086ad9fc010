/**
 * What the extension tells the canvas, and what the canvas does about it: a new document is
 * merged into the graph (the element waiting to be selected is selected, the status line
 * sums the design up, the next intent may leave); acknowledgements and rejections go to the
 * intent queue; the panel's fields, selections from the text and simulations to play go to
 * their parts.
 */

import { documentSummary } from '../../src/core/view/designer-announce';
import type { HostToDesignerMessage } from '../../src/core/view/designer-protocol';
import { describeCanvas, drawDiagram } from './canvas';
import { applySearch, reveal, selectOnly } from './selection';
import type { Designer, DocumentMessage } from './state';

function onDocument(designer: Designer, message: DocumentMessage): void {
  const { state, containers, status } = designer;
  const first = state.current === undefined;
  state.current = message;
  state.nodesById = new Map(message.diagram.nodes.map((node) => [node.id, node]));
  containers.prune();
  if (state.pendingSelect !== undefined) containers.expandAround(state.pendingSelect, false);
  drawDiagram(designer);
  if (state.pendingSelect !== undefined && state.nodesById.has(state.pendingSelect)) {
    selectOnly(designer, state.pendingSelect, true);
    state.pendingSelect = undefined;
  }
  applySearch(designer);
  designer.panel.render(false);
  // The first picture fits the view, once the panel beside (or under) the canvas has its size.
  if (first) designer.viewport.fit();
  const summary = documentSummary(message.title, message.diagram);
  describeCanvas(designer.container, `${summary}.`);
  // A refusal stays in the status line when the document the host resends after it comes.
  if (first || !status.rejected) status.show(summary);
  designer.intents.onDocument(message.version);
}

export function handleHostMessage(designer: Designer, message: HostToDesignerMessage): void {
  switch (message.type) {
    case 'document':
      onDocument(designer, message);
      return;
    case 'rejected':
      designer.intents.onRejected(message.requestId, message.reason);
      return;
    case 'applied':
      designer.intents.onApplied(message.requestId, message.dangling);
      return;
    case 'select':
      if (designer.state.nodesById.has(message.elementId)) reveal(designer, message.elementId);
      return;
    case 'details':
      designer.panel.onDetails(message.version, message.details);
      return;
    case 'simulation':
      designer.player.load(message.result);
      return;
  }
}
