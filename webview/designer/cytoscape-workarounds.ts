/**
 * A workaround for a cytoscape 3.34 renderer bug that makes every redraw of a big compound
 * graph re-style it. The canvas renderer's node drawing calls `drawImages` twice per node
 * (images inside, then over the border) and sets the node's private `backgrounding` flag
 * from how many background images have loaded; a node without images (ours: the style
 * sets none) counts its one `none` entry as done in one pass and not in the other, so the
 * flag flips twice per draw, and each flip calls `node.updateStyle()`. In a graph with
 * compound nodes that re-styles the node, its parents and every descendant of them: moving
 * anything re-styles whole clusters, every frame (measured: 9,000 VM style passes for 5
 * mouse moves on the 2,000-element design with VMs drawn, and 4x slower drags).
 *
 * The designer draws no background images, so a node is never "backgrounding": the flag is
 * pinned to false on every node the graph holds or gets.
 */

import type { Core, NodeSingular } from 'cytoscape';

function pinNotBackgrounding(node: NodeSingular): void {
  const internals = (node as unknown as { _private?: object })._private;
  if (!internals) return;
  Object.defineProperty(internals, 'backgrounding', { get: () => false, set: () => undefined, configurable: true });
}

export function preventBackgroundingRestyles(cy: Core): void {
  cy.nodes().forEach((node) => pinNotBackgrounding(node));
  cy.on('add', 'node', (event) => pinNotBackgrounding(event.target as NodeSingular));
}
