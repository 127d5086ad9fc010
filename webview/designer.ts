/**
 * The designer canvas: draws the design the extension sends (cytoscape; VMs inside hosts,
 * controllers inside arrays, fabrics coloured, findings as marks) and turns what the user
 * does into edit intents. It never changes the picture's truth itself: every change goes
 * to the extension as a versioned intent, and the new document comes back as a 'document'
 * message, which is merged into the graph in place (by id) so the viewport and the
 * selection stay put. Labels are drawn on the canvas or set as textContent: file data never
 * becomes markup.
 */

import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import edgehandles from 'cytoscape-edgehandles';
import fcose from 'cytoscape-fcose';
import { isDoubleClick, parseHostMessage, searchMatches, stepSelection, tabOrder, type PaletteKind, type Tap } from '../src/core/view/designer-model';
import type { DesignerToHostMessage, HostToDesignerMessage } from '../src/core/view/designer-protocol';
import type { Diagram, DiagramNode } from '../src/core/view/diagram';
import { compactDiagram, shouldCompact, type CompactDiagram } from '../src/core/view/designer-compact';
import { paletteElement } from '../src/core/view/designer-palette';
import { deletionIntents } from '../src/core/view/designer-delete';
import { designerStylesheet, themeColours } from './designer/graph-style';
import { button, el } from './designer/dom';
import { Containers } from './designer/containers';
import { canvasImage } from './designer/export';
import { edgeData, mergeGraph, nodeDefinition } from './designer/graph-merge';
import { IntentQueue, systemClock } from '../src/core/view/designer-intent-queue';
import type { IntentBody } from '../src/core/edit/intents';
import { LinkTool } from './designer/link-tool';
import { CanvasClipboard } from './designer/clipboard';
import { Moves } from './designer/moves';
import { RenameBox } from './designer/rename';
import { SimulationPlayer } from './designer/playback';
import { PropertyPanel } from './designer/panel';
import { Minimap } from './designer/minimap';
import { preventBackgroundingRestyles } from './designer/cytoscape-workarounds';
import { installTestHook } from './designer/test-hook';
import { minimapVisible } from '../src/core/view/designer-minimap';
import { onThemeChange } from './shared/theme';
import { hostChannel, onHostMessage } from './shared/vscode-api';
import { plural } from '../src/core/text/plural';

type DocumentMessage = Extract<HostToDesignerMessage, { type: 'document' }>;

cytoscape.use(fcose);
cytoscape.use(edgehandles);

const toHost = hostChannel<DesignerToHostMessage>();
const LARGE = 1000;
const NUDGE = 10;

const root = document.getElementById('designer') ?? document.body.appendChild(el('div', { id: 'designer' }));
const toolbar = el('div', { className: 'vt-toolbar' });
toolbar.setAttribute('role', 'toolbar');
toolbar.setAttribute('aria-label', 'Designer tools');
const container = el('div', { id: 'vt-canvas' });
container.tabIndex = 0;
container.setAttribute('role', 'application');
container.setAttribute('aria-roledescription', 'design canvas');
container.setAttribute('aria-label', 'Design canvas. Tab moves through elements, arrows move the selected one, Delete deletes it, Enter renames it, L starts cabling.');
const panel = new PropertyPanel({
  selectedIds: () => selectedNodeIds(),
  node: (id) => nodeFor(id),
  compact: () => compact,
  version: () => current?.version,
  askDetails: (id) => toHost.post({ type: 'details', elementId: id }),
  reveal: (id) => toHost.post({ type: 'reveal', elementId: id }),
  setField: (id, key, value) => send({ type: 'set-field', id, key, value }, key),
  deleteElement: (id) => send({ type: 'delete-element', id }),
  deleteSelection: () => deleteSelection(),
  startRename: (id) => startRename(id),
  get containers() {
    return containers;
  },
});
const status = el('div', { className: 'vt-status', id: 'vt-status', text: 'Loading the design...' });
const live = el('div', { className: 'vt-sr-only', id: 'vt-live' });
live.setAttribute('aria-live', 'polite');
live.setAttribute('role', 'status');
root.replaceChildren(toolbar, container, panel.element, status, live);

const palette: ReadonlyArray<[PaletteKind, string, string]> = [
  ['host', 'Host', 'Add a host (to the selected cluster)'],
  ['vm', 'VM', 'Add a VM on the selected host'],
  ['fc-switch', 'FC switch', 'Add an FC switch (fabric A or B, whichever has fewer)'],
  ['ethernet-switch', 'Ethernet switch', 'Add an Ethernet / iSCSI switch'],
  ['array', 'Array', 'Add a dual-controller storage array'],
  ['datastore', 'Datastore', 'Add a datastore (on the selected array)'],
  ['site', 'Site', 'Add a site: a data centre or building that can fail as a whole'],
  ['rack', 'Rack', 'Add a rack (in the selected site)'],
];
const paletteGroup = el('div', { className: 'vt-group' });
paletteGroup.setAttribute('aria-label', 'Palette');
for (const [kind, label, title] of palette) paletteGroup.append(button(label, title, () => addFromPalette(kind), `vt-add-${kind}`));
const linkTool = new LinkTool({
  graph: () => graph,
  diagram: () => current?.diagram,
  node: (id) => nodeFor(id),
  send: (body) => send(body),
  setStatus: (text, rejected) => setStatus(text, rejected),
  announce: (text) => announce(text),
});
const clipboard = new CanvasClipboard({
  diagram: () => current?.diagram,
  selectedIds: () => selectedNodeIds(),
  send: (body) => send(body),
  selectWhenAdded: (id) => {
    pendingSelect = id;
  },
  setStatus: (text, rejected) => setStatus(text, rejected),
  announce: (text) => announce(text),
}, container);
const deleteButton = button('Delete', 'Delete the selection (Delete)', () => deleteSelection(), 'vt-delete');
const editGroup = el('div', { className: 'vt-group' }, linkTool.button, deleteButton);
const search = el('input', { id: 'vt-search', title: 'Find an element by id (Enter selects the first match)' });
search.type = 'search';
search.placeholder = 'Find id';
search.setAttribute('aria-label', 'Find an element by id');
const showVmsButton = button('Show VMs', 'Draw VMs inside their hosts (big designs show a VM count per host instead)', () => toggleShowVms(), 'vt-show-vms');
showVmsButton.setAttribute('aria-pressed', 'true');
const minimapButton = button('Minimap', 'Show or hide the overview of the design (shown by itself on designs of 30 elements or more)', () => toggleMinimap(), 'vt-minimap-toggle');
minimapButton.setAttribute('aria-pressed', 'false');
const minimap = new Minimap(() => graph, () => themeColours());
container.append(minimap.canvas);
/**
 * The host a dragged VM would land on (the rack a dragged host would go into) is outlined by
 * a box over the canvas, not by a class: restyling a compound node makes cytoscape restyle
 * its whole cluster, every VM and port in it, on the next frame.
 */
const dropOutline = el('div', { className: 'vt-hidden', id: 'vt-drop-outline' });
container.append(dropOutline);
const containers = new Containers({
  graph: () => graph,
  diagram: () => current?.diagram,
  redraw: () => {
    drawDiagram();
    applySearch();
    panel.render(true);
  },
  setStatus: (text, rejected) => setStatus(text, rejected),
  announce: (text) => announce(text),
}, dropOutline);
const moves = new Moves({
  graph: () => graph,
  diagram: () => current?.diagram,
  adoptPositions: (positions) => {
    if (current) current = { ...current, diagram: { ...current.diagram, positions } };
  },
  shownPositions: () => shown.positions,
  selectedIds: () => selectedNodeIds(),
  send: (body) => send(body),
  simulationShown: () => player.active,
  setStatus: (text, rejected) => setStatus(text, rejected),
  announce: (text) => announce(text),
}, containers, dropOutline);
const viewGroup = el('div', { className: 'vt-group' },
  search,
  button('Fit', 'Fit the design in view', () => graph?.fit(undefined, 24), 'vt-fit'),
  button('+', 'Zoom in', () => zoomBy(1.25), 'vt-zoom-in'),
  button('-', 'Zoom out', () => zoomBy(0.8), 'vt-zoom-out'),
  showVmsButton,
  minimapButton,
  containers.powerButton,
  button('Auto layout', 'Lay the design out automatically (fcose) and write the new positions to the layout section', () => moves.autoLayout(), 'vt-auto-layout'));
const exportGroup = el('div', { className: 'vt-group' },
  button('Export SVG', 'Save the canvas as SVG', () => exportImage('svg'), 'vt-export-svg'),
  button('Export PNG', 'Save the canvas as PNG', () => exportImage('png'), 'vt-export-png'),
  button('?', 'Keyboard shortcuts', () => panel.toggleHelp(), 'vt-help'));
const player = new SimulationPlayer({
  graph: () => graph,
  home: (vmId) => {
    const node = nodeFor(vmId);
    if (!node) return undefined;
    const position = current?.diagram.positions[vmId];
    return { parent: node.parent, position: position ? { x: position.x, y: position.y } : undefined };
  },
  setStatus: (text) => setStatus(text),
  announce: (text) => announce(text),
}, { element: (tag, props) => el(tag, props), button });
toolbar.append(paletteGroup, editGroup, viewGroup, exportGroup, player.bar);

// ------------------------------------------------------------------------------- state

let graph: Core | undefined;
let current: DocumentMessage | undefined;
/** The user's Show VMs choice; undefined: compact above COMPACT_VM_THRESHOLD VMs. */
let showVms: boolean | undefined;
/** Set while VMs and ports are not drawn (compact mode): which host or controller stands for each. */
let compact: CompactDiagram | undefined;
/** What the canvas draws: the document's diagram, or its compact form. */
let shown: Diagram = { nodes: [], edges: [], positions: {} };
/** The user's Minimap choice; undefined: shown from MINIMAP_MIN_NODES drawn nodes up. */
let minimapChoice: boolean | undefined;
let nodesById = new Map<string, DiagramNode>();
let pendingSelect: string | undefined;

function announce(text: string): void {
  live.textContent = text;
}

function setStatus(text: string, rejected = false): void {
  status.textContent = text;
  status.classList.toggle('vt-rejected', rejected);
}

// ----------------------------------------------------------------------------- intents

const intents = new IntentQueue({
  post: (message) => toHost.post(message),
  version: () => current?.version,
  report: (text, rejected) => {
    setStatus(text, rejected);
    announce(text);
  },
  fieldOutcome: (id, key, reason) => {
    if (reason === undefined) panel.clearError(id, key);
    else panel.setError(id, key, reason);
  },
}, systemClock);

function send(body: IntentBody, fieldKey?: string): void {
  intents.send(body, fieldKey);
}

// ------------------------------------------------------------------------------- graph

function isLarge(diagram: Diagram): boolean {
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

function createGraph(diagram: Diagram): Core {
  preventInjectedStylesheet();
  const elements: ElementDefinition[] = [
    ...diagram.nodes.map((node): ElementDefinition => nodeDefinition(node, diagram.positions[node.id])),
    ...diagram.edges.map((edge): ElementDefinition => ({ group: 'edges', data: edgeData(edge) })),
  ];
  const large = isLarge(diagram);
  const cy = cytoscape({
    container,
    elements,
    style: designerStylesheet(themeColours(), large),
    layout: { name: 'preset', fit: true, padding: 24 },
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    motionBlur: false,
    pixelRatio: large ? 1 : 'auto',
    // A click selects one element; Shift/Ctrl/Cmd+click and box selection add to the selection.
    selectionType: 'single',
    boxSelectionEnabled: true,
  });
  preventBackgroundingRestyles(cy);
  cy.on('render', () => {
    if (!firstRenderMarked) {
      firstRenderMarked = true;
      performance.mark('vtopo-designer-first-render');
    }
    renderCount++;
  });
  // Cytoscape blurs the focused element on mousedown: give the keyboard back to the canvas, so
  // Delete, arrows and Enter act on what was just clicked.
  cy.on('tapend', () => {
    if (!renameBox.open && document.activeElement !== container) container.focus({ preventScroll: true });
  });
  cy.on('tap', 'node', (event) => {
    const tap = { id: String((event.target as NodeSingular).id()), atMs: event.timeStamp };
    const double = isDoubleClick(lastTap, tap);
    lastTap = double ? undefined : tap;
    // A double click collapses or expands a site, rack or chassis, and renames anything else.
    if (double && !linkTool.active && !containers.toggle(tap.id)) startRename(tap.id);
  });
  cy.on('select unselect', () => scheduleSelectionChange());
  cy.on('drag', 'node[kind = "vm"]', (event) => moves.onVmDrag(event.target as NodeSingular));
  cy.on('grabon', 'node', (event) => containers.onGrab(event.target as NodeSingular, selectedNodeIds()));
  cy.on('drag', 'node', (event) => containers.onDrag(event.target as NodeSingular));
  // 'dragfreeon' comes once, on the node the user grabbed (dragging a host also frees its VMs).
  cy.on('dragfreeon', 'node', (event) => moves.onDragFree(event.target as NodeSingular));
  linkTool.attach(cy);
  return cy;
}

/** The last tap on a node, to tell a double click from two quick clicks on two nodes. */
let lastTap: Tap | undefined;
let firstRenderMarked = false;
let renderCount = 0;

function onDocument(message: DocumentMessage): void {
  const first = current === undefined;
  current = message;
  nodesById = new Map(message.diagram.nodes.map((node) => [node.id, node]));
  containers.prune();
  if (pendingSelect !== undefined) containers.expandAround(pendingSelect, false);
  drawDiagram();
  if (pendingSelect !== undefined && nodesById.has(pendingSelect)) {
    selectOnly(pendingSelect, true);
    pendingSelect = undefined;
  }
  applySearch();
  panel.render(false);
  const problems = message.diagram.nodes.filter((node) => node.findingCount > 0 && node.severity !== 'hint').length;
  const summary = `${message.title}: ${message.diagram.nodes.length} elements, ${message.diagram.edges.length} connections, ${problems} with findings`;
  container.setAttribute('aria-label', `${summary}. Tab moves through elements, arrows move the selected one, Delete deletes it, Enter renames it, L starts cabling.`);
  if (first || !status.classList.contains('vt-rejected')) setStatus(summary);
  intents.onDocument(message.version);
}

/** Draws the current document, whole or compact (VMs counted in their hosts), keeping the viewport. */
function drawDiagram(): void {
  if (!current) return;
  const wasLarge = isLarge(shown);
  compact = shouldCompact(current.diagram, showVms) ? compactDiagram(current.diagram) : undefined;
  // Collapsed sites, racks and chassis, and the power overlay (view state only).
  shown = containers.view(compact ? compact.diagram : current.diagram).diagram;
  showVmsButton.setAttribute('aria-pressed', String(compact === undefined));
  if (!graph) {
    graph = createGraph(shown);
  } else {
    if (isLarge(shown) !== wasLarge) graph.style(designerStylesheet(themeColours(), isLarge(shown)));
    mergeGraph(graph, shown);
  }
  moves.record(graph);
  player.refresh();
  minimap.attach(graph);
  updateMinimap();
}

function updateMinimap(): void {
  const on = minimapVisible(shown.nodes.filter((node) => node.kind !== 'port').length, minimapChoice);
  minimapButton.setAttribute('aria-pressed', String(on));
  if (on !== minimap.shown) minimap.setVisible(on);
}

function toggleMinimap(): void {
  minimapChoice = !minimap.shown;
  updateMinimap();
}

function toggleShowVms(): void {
  if (!current) return;
  showVms = compact !== undefined;
  drawDiagram();
  applySearch();
  panel.render(true);
  const text = compact ? `VMs hidden: each host shows its VM count; select a host to list its VMs.` : 'VMs shown inside their hosts.';
  setStatus(text);
  announce(text);
}

/** Selects an element; a VM or port not drawn (compact mode) selects its host or controller and shows the element in the panel. */
function reveal(id: string): void {
  const owner = compact?.drawnAs.get(id);
  const target = owner ?? id;
  // An element in a collapsed rack or site: the rack or site opens.
  containers.expandAround(target);
  if (!graph || graph.getElementById(target).empty()) return;
  selectOnly(target, true);
  graph.center(graph.getElementById(target));
  panel.showHidden(owner !== undefined ? id : undefined);
}

function nodeFor(id: string): DiagramNode | undefined {
  return nodesById.get(id);
}

// --------------------------------------------------------------------------- selection

let selectionTimer: ReturnType<typeof setTimeout> | undefined;

function scheduleSelectionChange(): void {
  clearTimeout(selectionTimer);
  selectionTimer = setTimeout(() => {
    panel.render(false);
    const ids = selectedNodeIds();
    if (ids.length === 1) {
      const node = nodeFor(ids[0] ?? '');
      announce(node ? `Selected ${node.kind} ${node.id}${node.findingCount > 0 && node.severity !== 'hint' ? `, ${node.findingCount} finding(s), worst ${node.severity ?? ''}` : ''}` : '');
    } else if (ids.length > 1) announce(`${ids.length} elements selected`);
    else announce('Nothing selected');
  }, 0);
}

function selectedNodeIds(): string[] {
  return graph ? graph.nodes(':selected').map((node) => node.id()) : [];
}

function selectOnly(id: string, center: boolean): void {
  if (!graph) return;
  const node = graph.getElementById(id);
  if (node.empty()) return;
  graph.$(':selected').unselect();
  node.select();
  if (center && !isVisible(node)) graph.center(node);
}

function isVisible(node: NodeSingular): boolean {
  if (!graph) return false;
  const box = node.renderedBoundingBox();
  return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= graph.width() && box.y2 <= graph.height();
}

// ---------------------------------------------------------------------------- palette

function addFromPalette(kind: PaletteKind): void {
  if (!current) return;
  const first = selectedNodeIds().map((s) => nodeFor(s)).find((n): n is DiagramNode => n !== undefined);
  const added = paletteElement(kind, current.diagram, first);
  if ('problem' in added) {
    setStatus(added.problem, true);
    announce(added.problem);
    return;
  }
  const { element } = added;
  pendingSelect = element.id;
  send({ type: 'add-element', element });
  setStatus(`Adding ${element.kind} ${element.id}...`);
}

function deleteSelection(): void {
  const ids = selectedNodeIds();
  if (ids.length === 0) {
    setStatus('Select something to delete first.', true);
    return;
  }
  const edges = graph ? graph.edges(':selected').map((edge) => edge.id()) : [];
  for (const intent of deletionIntents(ids, edges, current?.diagram ?? { nodes: [], edges: [], positions: {} })) send(intent);
}

// ----------------------------------------------------------------------------- rename

const renameBox = new RenameBox({
  graph: () => graph,
  rename: (id, newId) => {
    pendingSelect = newId;
    send({ type: 'rename-element', id, newId });
  },
}, container);

function startRename(id: string): void {
  renameBox.start(id);
}

// ----------------------------------------------------------------------------- search

function applySearch(): void {
  if (!graph) return;
  const matches = new Set(searchMatches(graph.nodes().map((node) => node.id()), search.value));
  const active = search.value.trim() !== '';
  graph.batch(() => {
    graph?.nodes().forEach((node) => {
      node.toggleClass('vt-match', matches.has(node.id()));
      node.toggleClass('vt-dim', active && !matches.has(node.id()) && !node.isParent());
    });
  });
  if (active) setStatus(`${matches.size} ${plural(matches.size, 'match', 'matches')} for "${search.value.trim()}"`);
}

search.addEventListener('input', () => applySearch());
search.addEventListener('keydown', (event) => {
  event.stopPropagation();
  if (event.key === 'Enter' && graph) {
    const first = searchMatches([...nodesById.keys()], search.value)[0];
    if (first !== undefined) {
      reveal(first);
      container.focus();
    }
  } else if (event.key === 'Escape') {
    search.value = '';
    applySearch();
  }
});

function zoomBy(factor: number): void {
  if (!graph) return;
  graph.zoom({ level: graph.zoom() * factor, renderedPosition: { x: graph.width() / 2, y: graph.height() / 2 } });
}

// ----------------------------------------------------------------------------- export

function exportImage(format: 'svg' | 'png'): void {
  if (!graph) return;
  toHost.post({ type: 'export-image', format, data: canvasImage(graph, format, themeColours()) });
  const text = `Exported the canvas as ${format.toUpperCase()}.`;
  setStatus(text);
  announce(text);
}

// --------------------------------------------------------------------------- keyboard

container.addEventListener('keydown', (event) => {
  if (!graph || !current || event.target !== container) return;
  if (clipboard.onKey(event)) return;
  // Other shortcuts with Ctrl/Cmd/Alt belong to VS Code (Ctrl+S, Ctrl+Shift+P, ...): leave them alone.
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const step = event.shiftKey ? NUDGE * 5 : NUDGE;
  const selected = selectedNodeIds();
  switch (event.key) {
    case 'Tab': {
      const order = tabOrder(shown.nodes);
      const at = selected.length === 1 ? selected[0] : undefined;
      const next = stepSelection(order, at, event.shiftKey);
      const wraps = at !== undefined && ((event.shiftKey && order[0] === at) || (!event.shiftKey && order[order.length - 1] === at));
      if (wraps || next === undefined) {
        // Past the last element, Tab leaves the canvas: never a keyboard trap.
        graph.$(':selected').unselect();
        return;
      }
      event.preventDefault();
      selectOnly(next, true);
      return;
    }
    case 'ArrowLeft': event.preventDefault(); moves.nudge(-step, 0); return;
    case 'ArrowRight': event.preventDefault(); moves.nudge(step, 0); return;
    case 'ArrowUp': event.preventDefault(); moves.nudge(0, -step); return;
    case 'ArrowDown': event.preventDefault(); moves.nudge(0, step); return;
    case 'Delete':
    case 'Backspace':
      event.preventDefault();
      deleteSelection();
      return;
    case 'Enter':
    case 'F2':
      if (selected.length === 1 && selected[0] !== undefined) {
        event.preventDefault();
        if (linkTool.active && event.key === 'Enter') linkTool.chooseEnd(selected[0]);
        else startRename(selected[0]);
      }
      return;
    case 'l':
    case 'L':
      event.preventDefault();
      linkTool.setMode(!linkTool.active);
      return;
    case ' ':
      // Space collapses or expands the selected site, rack or chassis.
      if (selected.length === 1 && selected[0] !== undefined && containers.isContainer(selected[0])) {
        event.preventDefault();
        containers.toggle(selected[0]);
      }
      return;
    case 'Escape':
      if (linkTool.active) linkTool.setMode(false);
      else graph.$(':selected').unselect();
      return;
  }
});

// ---------------------------------------------------------------------------- messages

function onMessage(message: HostToDesignerMessage): void {
  switch (message.type) {
    case 'document':
      onDocument(message);
      return;
    case 'rejected':
      intents.onRejected(message.requestId, message.reason);
      return;
    case 'applied':
      intents.onApplied(message.requestId, message.dangling);
      return;
    case 'select':
      if (nodesById.has(message.elementId)) reveal(message.elementId);
      return;
    case 'details':
      panel.onDetails(message.version, message.details);
      return;
    case 'simulation':
      player.load(message.result);
      return;
  }
}

onHostMessage(parseHostMessage, onMessage);

onThemeChange(() => {
  if (graph && current) graph.style(designerStylesheet(themeColours(), isLarge(shown)));
  minimap.restyle();
});

installTestHook({ graph: () => graph, container, renders: () => renderCount, selected: () => selectedNodeIds() });

toHost.post({ type: 'ready' });
