/**
 * The design canvas: the cytoscape graph made on the first document and merged in place
 * with every later one (by id, so the viewport and the selection stay), drawn whole or
 * compact (VMs counted in their hosts) with the collapsed containers and the power overlay,
 * restyled when the theme changes; the view controls (Show VMs, Minimap, zoom) and export.
 */

import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { compactDiagram, shouldCompact } from '../../src/core/view/designer-compact';
import { minimapVisible } from '../../src/core/view/designer-minimap';
import { isDoubleClick } from '../../src/core/view/designer-model';
import type { Diagram } from '../../src/core/view/diagram';
import { preventBackgroundingRestyles } from './cytoscape-workarounds';
import { el } from './dom';
import { canvasImage } from './export';
import { designerStylesheet, themeColours } from './graph-style';
import { edgeData, mergeGraph, nodeDefinition } from './graph-merge';
import { openMenu } from './context-menu';
import { applySearch, scheduleSelectionChange } from './selection';
import { selectedNodeIds, type Designer } from './state';
import { DESIGNER_TEXTS as TEXTS } from '../../src/core/view/designer-texts';

/** Above this many nodes and edges the canvas draws for speed (cytoscape's performance guidance). */
const LARGE = 1000;

/** The element cytoscape draws in, keyboard-focusable, described for screen readers. */
export function canvasElement(): HTMLElement {
  const container = el('div', { id: 'vt-canvas' });
  container.tabIndex = 0;
  container.setAttribute('role', 'application');
  container.setAttribute('aria-roledescription', TEXTS.canvasRole({}));
  describeCanvas(container, TEXTS.canvasEmpty({}));
  return container;
}

/** The canvas's accessible name: what it shows, and the keys that work on it. */
export function describeCanvas(container: HTMLElement, summary: string): void {
  container.setAttribute('aria-label', TEXTS.canvasLabel({ summary, hint: TEXTS.canvasHint({}) }));
}

export function isLarge(diagram: Diagram): boolean {
  return diagram.nodes.length + diagram.edges.length > LARGE;
}

/**
 * Cytoscape adds a <style> element unless one with this id exists; the CSP would block it
 * (styles need the page's nonce), and DESIGNER_CSS already positions the container.
 */
function preventInjectedStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('span');
  marker.id = id;
  marker.hidden = true;
  document.body.append(marker);
}

/** The stylesheet for the theme, the design's size and the labels readable at the zoom. */
export function stylesheet(designer: Designer) {
  return designerStylesheet(themeColours(), isLarge(designer.state.shown), designer.viewport.hiddenLabels());
}

function createGraph(designer: Designer, diagram: Diagram): Core {
  const { state, container, containers, moves, linkTool, renameBox } = designer;
  preventInjectedStylesheet();
  const elements: ElementDefinition[] = [
    ...diagram.nodes.map((node): ElementDefinition => nodeDefinition(node, diagram.positions[node.id])),
    ...diagram.edges.map((edge): ElementDefinition => ({ group: 'edges', data: edgeData(edge) })),
  ];
  const large = isLarge(diagram);
  const cy = cytoscape({
    container,
    elements,
    style: stylesheet(designer),
    // The first picture is fitted by the viewport once the panel beside (or under) the canvas has its size.
    layout: { name: 'preset', fit: false },
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    motionBlur: false,
    pixelRatio: large ? 1 : 'auto',
    // A click selects one element; Shift/Ctrl/Cmd+click and box selection add to the selection.
    selectionType: 'single',
    boxSelectionEnabled: true,
  });
  preventBackgroundingRestyles(cy);
  designer.viewport.attach(cy, container);
  // Right click (or a long press) on an element: its menu, at the pointer.
  cy.on('cxttap', 'node', (event) => openMenu(designer, String((event.target as NodeSingular).id()), event.renderedPosition));
  cy.on('tapstart cxttapstart', () => designer.menu.close(false));
  cy.on('render', () => {
    if (state.renderCount === 0) performance.mark('vtopo-designer-first-render');
    state.renderCount++;
  });
  // Cytoscape blurs the focused element on mousedown: give the keyboard back to the canvas, so
  // Delete, arrows and Enter act on what was just clicked.
  cy.on('tapend', () => {
    if (!renameBox.open && document.activeElement !== container) container.focus({ preventScroll: true });
  });
  cy.on('tap', 'node', (event) => {
    const tap = { id: String((event.target as NodeSingular).id()), atMs: event.timeStamp };
    const double = isDoubleClick(state.lastTap, tap);
    state.lastTap = double ? undefined : tap;
    // A double click collapses or expands a site, rack or chassis, and renames anything else.
    if (double && !linkTool.active && !containers.toggle(tap.id)) renameBox.start(tap.id);
  });
  cy.on('select unselect', () => scheduleSelectionChange(designer));
  cy.on('drag', 'node[kind = "vm"]', (event) => moves.onVmDrag(event.target as NodeSingular));
  cy.on('grabon', 'node', (event) => containers.onGrab(event.target as NodeSingular, selectedNodeIds(state)));
  cy.on('drag', 'node', (event) => containers.onDrag(event.target as NodeSingular));
  // 'dragfreeon' comes once, on the node the user grabbed (dragging a host also frees its VMs).
  cy.on('dragfreeon', 'node', (event) => moves.onDragFree(event.target as NodeSingular));
  linkTool.attach(cy);
  return cy;
}

/** Draws the current document, whole or compact (VMs counted in their hosts), keeping the viewport. */
export function drawDiagram(designer: Designer): void {
  const { state } = designer;
  if (!state.current) return;
  const wasLarge = isLarge(state.shown);
  state.compact = shouldCompact(state.current.diagram, state.showVms) ? compactDiagram(state.current.diagram) : undefined;
  // Collapsed sites, racks and chassis, and the power overlay (view state only).
  state.shown = designer.containers.view(state.compact ? state.compact.diagram : state.current.diagram).diagram;
  designer.toolbar.button('show-vms')?.setAttribute('aria-pressed', String(state.compact === undefined));
  if (!state.graph) {
    designer.viewport.expect(state.shown, { width: designer.container.clientWidth, height: designer.container.clientHeight });
    state.graph = createGraph(designer, state.shown);
  } else {
    if (isLarge(state.shown) !== wasLarge) state.graph.style(stylesheet(designer));
    mergeGraph(state.graph, state.shown);
  }
  designer.moves.record(state.graph);
  designer.player.refresh();
  designer.minimap.attach(state.graph);
  updateMinimap(designer);
}

/** Draws again after a change of view state, with the search marks and the panel. */
export function redraw(designer: Designer): void {
  drawDiagram(designer);
  applySearch(designer);
  designer.panel.render(true);
}

/** The theme changed: the canvas and the minimap take its colours. */
export function restyle(designer: Designer): void {
  const { graph, current } = designer.state;
  if (graph && current) graph.style(stylesheet(designer));
  designer.minimap.restyle();
}

function updateMinimap(designer: Designer): void {
  const { state, minimap } = designer;
  const on = minimapVisible(state.shown.nodes.filter((node) => node.kind !== 'port').length, state.minimapChoice);
  designer.toolbar.button('minimap')?.setAttribute('aria-pressed', String(on));
  if (on !== minimap.shown) minimap.setVisible(on);
}

export function toggleMinimap(designer: Designer): void {
  designer.state.minimapChoice = !designer.minimap.shown;
  updateMinimap(designer);
}

export function toggleShowVms(designer: Designer): void {
  const { state } = designer;
  if (!state.current) return;
  state.showVms = state.compact !== undefined;
  redraw(designer);
  designer.status.report(state.compact ? TEXTS.vmsHidden({}) : TEXTS.vmsShown({}));
}

export function exportImage(designer: Designer, format: 'svg' | 'png'): void {
  const { graph } = designer.state;
  if (!graph) return;
  designer.toHost.post({ type: 'export-image', format, data: canvasImage(graph, format, themeColours()) });
  designer.status.report(TEXTS.exported({ format: format.toUpperCase() }));
}
