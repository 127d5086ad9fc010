/**
 * Selection and search on the designer canvas: selecting one element (and bringing it into
 * view), revealing one that compact mode or a collapsed box hides, announcing what is
 * selected, and the Find box that marks the ids matching it.
 */

import type { NodeSingular } from 'cytoscape';
import { selectionAnnouncement } from '../../src/core/view/designer-announce';
import { searchMatches } from '../../src/core/view/designer-model';
import { plural } from '../../src/core/text/plural';
import { nodeFor, selectedNodeIds, type Designer } from './state';

/** Selects only `id`; `center` brings it into view when it is out of it. */
export function selectOnly(designer: Designer, id: string, center: boolean): void {
  const { graph } = designer.state;
  if (!graph) return;
  const node = graph.getElementById(id);
  if (node.empty()) return;
  graph.$(':selected').unselect();
  node.select();
  if (center && !isVisible(designer, node)) graph.center(node);
}

function isVisible(designer: Designer, node: NodeSingular): boolean {
  const { graph } = designer.state;
  if (!graph) return false;
  const box = node.renderedBoundingBox();
  return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= graph.width() && box.y2 <= graph.height();
}

/** Selects an element; a VM or port not drawn (compact mode) selects its host or controller and shows the element in the panel. */
export function reveal(designer: Designer, id: string): void {
  const { state } = designer;
  const owner = state.compact?.drawnAs.get(id);
  const target = owner ?? id;
  // An element in a collapsed rack or site: the rack or site opens.
  designer.containers.expandAround(target);
  if (!state.graph || state.graph.getElementById(target).empty()) return;
  selectOnly(designer, target, true);
  state.graph.center(state.graph.getElementById(target));
  designer.panel.showHidden(owner !== undefined ? id : undefined);
}

/** Cytoscape sends a select or unselect event per element: the panel and the announcement follow once they settle. */
export function scheduleSelectionChange(designer: Designer): void {
  const { state } = designer;
  clearTimeout(state.selectionTimer);
  state.selectionTimer = setTimeout(() => {
    designer.panel.render(false);
    designer.status.announce(selectionAnnouncement(selectedNodeIds(state).map((id) => nodeFor(state, id))));
  }, 0);
}

/** Marks the nodes whose ids match the Find box, and dims the others. */
export function applySearch(designer: Designer): void {
  const { graph } = designer.state;
  if (!graph) return;
  const query = designer.toolbar.search.value;
  const matches = new Set(searchMatches(graph.nodes().map((node) => node.id()), query));
  const active = query.trim() !== '';
  graph.batch(() => {
    graph.nodes().forEach((node) => {
      node.toggleClass('vt-match', matches.has(node.id()));
      node.toggleClass('vt-dim', active && !matches.has(node.id()) && !node.isParent());
    });
  });
  if (active) designer.status.show(`${matches.size} ${plural(matches.size, 'match', 'matches')} for "${query.trim()}"`);
}

/** Puts the keyboard in the Find box (/), its text selected. */
export function focusSearch(designer: Designer): void {
  designer.toolbar.search.focus();
  designer.toolbar.search.select();
}

/** The Find box: typing marks the matches, Enter selects the first, Escape clears it. */
export function attachSearch(designer: Designer): void {
  const { search } = designer.toolbar;
  search.addEventListener('input', () => applySearch(designer));
  search.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'Enter' && designer.state.graph) {
      const first = searchMatches([...designer.state.nodesById.keys()], search.value)[0];
      if (first !== undefined) {
        reveal(designer, first);
        designer.container.focus();
      }
    } else if (event.key === 'Escape') {
      search.value = '';
      applySearch(designer);
    }
  });
}
