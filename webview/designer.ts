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
import { isDoubleClick, parseHostMessage, type PaletteKind, type Tap } from '../src/core/view/designer-model';
import type { DesignerCommand } from '../src/core/view/designer-commands';
import type { ContextMenuItem } from '../src/core/view/designer-context-menu';
import type { DesignerToHostMessage, HostToDesignerMessage } from '../src/core/view/designer-protocol';
import type { Diagram, DiagramNode } from '../src/core/view/diagram';
import { compactDiagram, shouldCompact, type CompactDiagram } from '../src/core/view/designer-compact';
import { paletteElement } from '../src/core/view/designer-palette';
import { elementsToDelete } from '../src/core/view/designer-delete';
import { designerStylesheet, themeColours } from './designer/graph-style';
import { el } from './designer/dom';
import { Containers } from './designer/containers';
import { canvasImage } from './designer/export';
import { edgeData, mergeGraph, nodeDefinition } from './designer/graph-merge';
import { IntentQueue, type IntentBody } from './designer/intent-queue';
import { LinkTool } from './designer/link-tool';
import { CanvasClipboard } from './designer/clipboard';
import { Moves } from './designer/moves';
import { RenameBox } from './designer/rename';
import { SimulationPlayer } from './designer/playback';
import { PropertyPanel } from './designer/panel';
import { Minimap } from './designer/minimap';
import { preventBackgroundingRestyles } from './designer/cytoscape-workarounds';
import { installTestHook } from './designer/test-hook';
import { buildToolbar } from './designer/toolbar';
import { Viewport } from './designer/viewport';
import { Legend } from './designer/legend';
import { ContextMenu } from './designer/context-menu';
import { onCanvasKey } from './designer/keyboard';
import { Search } from './designer/search';
import { minimapVisible } from '../src/core/view/designer-minimap';

interface VsCodeApi {
  postMessage(message: DesignerToHostMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type DocumentMessage = Extract<HostToDesignerMessage, { type: 'document' }>;

cytoscape.use(fcose);
cytoscape.use(edgehandles);

const vscode = acquireVsCodeApi();
const LARGE = 1000;

const root = document.getElementById('designer') ?? document.body.appendChild(el('div', { id: 'designer' }));
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
  askDetails: (id) => vscode.postMessage({ type: 'details', elementId: id }),
  reveal: (id) => vscode.postMessage({ type: 'reveal', elementId: id }),
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
    search.apply();
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
}, { element: (tag, props) => el(tag, props) });
const viewport = new Viewport({
  graph: () => graph,
  large: () => isLarge(shown),
  drawnNodes: () => shown.nodes.filter((node) => node.kind !== 'port').length,
  restyle: () => graph?.style(stylesheet()),
});
const legend = new Legend();
container.append(legend.element);
const menu = new ContextMenu({
  node: (id) => nodeFor(id),
  run: (item) => runMenuItem(item),
  focusCanvas: () => container.focus({ preventScroll: true }),
});
const toolbar = buildToolbar((command) => run(command), { link: linkTool.button, power: containers.powerButton, playback: player.bar });
const search = new Search({
  graph: () => graph,
  ids: () => [...nodesById.keys()],
  reveal: (id) => reveal(id),
  focusCanvas: () => container.focus(),
  setStatus: (text) => setStatus(text),
}, toolbar.search);
const showVmsButton = toolbar.button('show-vms');
showVmsButton?.setAttribute('aria-pressed', 'true');
const minimapButton = toolbar.button('minimap');
minimapButton?.setAttribute('aria-pressed', 'false');
toolbar.button('legend')?.setAttribute('aria-pressed', 'false');
// The menu is outside the canvas: cytoscape takes every press inside its container for a tap.
root.replaceChildren(toolbar.element, container, panel.element, status, live, menu.element);

/** What a toolbar button or its key does. */
function run(command: DesignerCommand): void {
  const added = PALETTE_COMMANDS.get(command);
  if (added) {
    addFromPalette(added);
    return;
  }
  switch (command) {
    case 'link': linkTool.setMode(!linkTool.active); return;
    case 'delete': deleteSelection(); return;
    case 'find': search.focus(); return;
    case 'fit': viewport.fit(); return;
    case 'zoom-in': viewport.zoomBy(1.25); return;
    case 'zoom-out': viewport.zoomBy(0.8); return;
    case 'show-vms': toggleShowVms(); return;
    case 'minimap': toggleMinimap(); return;
    case 'power': containers.powerButton.click(); return;
    case 'legend': toolbar.button('legend')?.setAttribute('aria-pressed', String(legend.toggle())); return;
    case 'auto-layout': moves.autoLayout(); return;
    case 'export-svg': exportImage('svg'); return;
    case 'export-png': exportImage('png'); return;
    case 'help': panel.toggleHelp(); return;
    case 'show-text': {
      const [id] = selectedNodeIds();
      if (id !== undefined) vscode.postMessage({ type: 'reveal', elementId: id });
      return;
    }
    case 'play': player.playOrPause(); return;
    case 'clear-simulation': player.clear(); return;
  }
}

const PALETTE_COMMANDS: ReadonlyMap<DesignerCommand, PaletteKind> = new Map((['host', 'vm', 'fc-switch', 'ethernet-switch', 'array', 'datastore', 'site', 'rack'] as const).map((kind) => [`add-${kind}`, kind]));

/** A context menu item: simulate the element's failure, show it in the text, or delete it. */
function runMenuItem(item: ContextMenuItem): void {
  switch (item.action) {
    case 'simulate-failure': {
      vscode.postMessage({ type: 'simulate-failure', target: item.target });
      const text = `Simulating the failure of ${item.target.id}...`;
      setStatus(text);
      announce(text);
      return;
    }
    case 'show-text':
      vscode.postMessage({ type: 'reveal', elementId: item.id });
      return;
    case 'delete':
      deleteSelection();
      return;
  }
}

/** Opens an element's context menu: at the pointer, or under the element for the keyboard. */
function openMenu(id: string, at?: { x: number; y: number }): void {
  if (!graph) return;
  const node = graph.getElementById(id);
  if (node.empty()) return;
  if (!node.selected()) selectOnly(id, false);
  const box = node.renderedBoundingBox({ includeLabels: false });
  const origin = container.getBoundingClientRect();
  const point = at ?? { x: box.x1, y: box.y2 + 4 };
  menu.show(id, { x: origin.left + point.x, y: origin.top + point.y }, { width: window.innerWidth, height: window.innerHeight });
}

function stylesheet() {
  return designerStylesheet(themeColours(), isLarge(shown), viewport.hiddenLabels());
}

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
  post: (message) => vscode.postMessage(message),
  version: () => current?.version,
  report: (text, rejected) => {
    setStatus(text, rejected);
    announce(text);
  },
  fieldOutcome: (id, key, reason) => {
    if (reason === undefined) panel.clearError(id, key);
    else panel.setError(id, key, reason);
  },
});

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
    style: stylesheet(),
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
  viewport.attach(cy, container);
  // Right click (or a long press) on an element: its menu, at the pointer.
  cy.on('cxttap', 'node', (event) => openMenu(String((event.target as NodeSingular).id()), event.renderedPosition));
  cy.on('tapstart cxttapstart', () => menu.close(false));
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
  search.apply();
  panel.render(false);
  // The first picture fits the view, once the panel beside (or under) the canvas has its size.
  if (first) viewport.fit();
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
  showVmsButton?.setAttribute('aria-pressed', String(compact === undefined));
  if (!graph) {
    viewport.expect(shown, { width: container.clientWidth, height: container.clientHeight });
    graph = createGraph(shown);
  } else {
    if (isLarge(shown) !== wasLarge) graph.style(stylesheet());
    mergeGraph(graph, shown);
  }
  moves.record(graph);
  player.refresh();
  minimap.attach(graph);
  updateMinimap();
}

function updateMinimap(): void {
  const on = minimapVisible(shown.nodes.filter((node) => node.kind !== 'port').length, minimapChoice);
  minimapButton?.setAttribute('aria-pressed', String(on));
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
  search.apply();
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
  for (const id of elementsToDelete(ids, nodesById)) send({ type: 'delete-element', id });
  graph?.edges(':selected').forEach((edge) => {
    const match = /^link:(\d+)$/.exec(edge.id());
    if (match) send({ type: 'delete-link', link: { index: Number(match[1]) } });
  });
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

// ----------------------------------------------------------------------------- export

function exportImage(format: 'svg' | 'png'): void {
  if (!graph) return;
  vscode.postMessage({ type: 'export-image', format, data: canvasImage(graph, format, themeColours()) });
  const text = `Exported the canvas as ${format.toUpperCase()}.`;
  setStatus(text);
  announce(text);
}

// --------------------------------------------------------------------------- keyboard

// The canvas has its own context menu (not the webview's Cut / Copy / Paste).
container.addEventListener('contextmenu', (event) => event.preventDefault());
container.addEventListener('keydown', (event) => {
  if (event.target !== container || !graph) return;
  onCanvasKey({
    ready: () => current !== undefined,
    shownNodes: () => shown.nodes,
    selectedIds: () => selectedNodeIds(),
    selectOnly: (id, center) => selectOnly(id, center),
    clearSelection: () => graph?.$(':selected').unselect(),
    clipboardKey: (key) => clipboard.onKey(key),
    nudge: (dx, dy) => moves.nudge(dx, dy),
    linkMode: () => linkTool.active,
    setLinkMode: (on) => linkTool.setMode(on),
    chooseCableEnd: (id) => linkTool.chooseEnd(id),
    isContainer: (id) => containers.isContainer(id),
    toggleContainer: (id) => containers.toggle(id),
    startRename: (id) => startRename(id),
    openMenu: (id) => openMenu(id),
    run: (command) => run(command),
  }, event);
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

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (message) onMessage(message);
});

// VS Code changes the body's theme class; restyle the canvas with the new colours.
new MutationObserver(() => {
  if (graph && current) graph.style(stylesheet());
  minimap.restyle();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

installTestHook({ graph: () => graph, container, renders: () => renderCount, selected: () => selectedNodeIds() });

vscode.postMessage({ type: 'ready' });
