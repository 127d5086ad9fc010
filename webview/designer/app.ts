/**
 * Start-up of the designer canvas: start() makes the state, the parts (toolbar, canvas, viewport, legend, context menu,
 * property panel, status line, tools, intent queue) and the Designer that joins them,
 * builds the page, listens to the extension, the keyboard and theme changes, and tells the
 * extension it is ready. Importing this module (or any other of the designer's) does
 * nothing by itself; webview/designer.ts calls start().
 */

import cytoscape from 'cytoscape';
import edgehandles from 'cytoscape-edgehandles';
import fcose from 'cytoscape-fcose';
import { IntentQueue, systemClock } from '../../src/core/view/designer-intent-queue';
import { parseHostMessage } from '../../src/core/view/designer-model';
import type { DesignerToHostMessage } from '../../src/core/view/designer-protocol';
import { onThemeChange } from '../common/theme';
import { hostChannel, onHostMessage } from '../common/vscode-api';
import { canvasElement, isLarge, redraw, restyle, stylesheet } from './canvas';
import { CanvasClipboard } from './clipboard';
import { runCommand, runMenuItem } from './commands';
import { Containers } from './containers';
import { ContextMenu } from './context-menu';
import { el } from './dom';
import { deleteSelection } from './editing';
import { themeColours } from './graph-style';
import { onCanvasKey } from './keyboard';
import { Legend } from './legend';
import { LinkTool } from './link-tool';
import { handleHostMessage } from './messages';
import { Minimap } from './minimap';
import { Moves } from './moves';
import { PropertyPanel } from './panel';
import { SimulationPlayer } from './playback';
import { RenameBox } from './rename';
import { attachSearch } from './selection';
import { createDesignerState, nodeFor, selectedNodeIds, type Designer } from './state';
import { StatusLine } from './status';
import { installTestHook } from './test-hook';
import { buildToolbar } from './toolbar';
import { Viewport } from './viewport';
import { DESIGNER_TEXTS as TEXTS } from '../../src/core/view/designer-texts';

export function start(): void {
  cytoscape.use(fcose);
  cytoscape.use(edgehandles);
  const toHost = hostChannel<DesignerToHostMessage>();
  const state = createDesignerState();
  const status = new StatusLine();
  const container = canvasElement();
  const diagram = () => state.current?.diagram;
  const selectedIds = () => selectedNodeIds(state);
  const node = (id: string) => nodeFor(state, id);
  const setStatus = (text: string, rejected?: boolean) => status.show(text, rejected);
  const announce = (text: string) => status.announce(text);

  const intents = new IntentQueue({
    post: (message) => toHost.post(message),
    version: () => state.current?.version,
    report: (text, rejected) => status.report(text, rejected),
    fieldOutcome: (id, key, reason) => {
      if (reason === undefined) panel.clearError(id, key);
      else panel.setError(id, key, reason);
    },
  }, systemClock);
  /**
   * The host a dragged VM would land on (the rack a dragged host would go into) is outlined by
   * a box over the canvas, not by a class: restyling a compound node makes cytoscape restyle
   * its whole cluster, every VM and port in it, on the next frame.
   */
  const dropOutline = el('div', { className: 'vt-hidden', id: 'vt-drop-outline' });
  const containers = new Containers({ graph: () => state.graph, diagram, redraw: () => redraw(designer), setStatus, announce }, dropOutline);
  const panel = new PropertyPanel({
    selectedIds,
    node,
    compact: () => state.compact,
    version: () => state.current?.version,
    askDetails: (id) => toHost.post({ type: 'details', elementId: id }),
    reveal: (id) => toHost.post({ type: 'reveal', elementId: id }),
    setField: (id, key, value) => intents.send({ type: 'set-field', id, key, value }, key),
    deleteElement: (id) => intents.send({ type: 'delete-element', id }),
    deleteSelection: () => deleteSelection(designer),
    startRename: (id) => renameBox.start(id),
    containers,
  });
  const linkTool = new LinkTool({ graph: () => state.graph, diagram, node, send: (body) => intents.send(body), setStatus, announce });
  const clipboard = new CanvasClipboard({
    diagram,
    selectedIds,
    send: (body) => intents.send(body),
    selectWhenAdded: (id) => {
      state.pendingSelect = id;
    },
    setStatus,
    announce,
  }, container);
  const moves = new Moves({
    graph: () => state.graph,
    diagram,
    adoptPositions: (positions) => {
      if (state.current) state.current = { ...state.current, diagram: { ...state.current.diagram, positions } };
    },
    shownPositions: () => state.shown.positions,
    selectedIds,
    send: (body) => intents.send(body),
    simulationShown: () => player.active,
    setStatus,
    announce,
  }, containers, dropOutline);
  const player = new SimulationPlayer({
    graph: () => state.graph,
    home: (vmId) => {
      const vm = nodeFor(state, vmId);
      if (!vm) return undefined;
      const position = state.current?.diagram.positions[vmId];
      return { parent: vm.parent, position: position ? { x: position.x, y: position.y } : undefined };
    },
    setStatus,
    announce,
  }, { element: (tag, props) => el(tag, props) });
  const renameBox = new RenameBox({
    graph: () => state.graph,
    rename: (id, newId) => {
      state.pendingSelect = newId;
      intents.send({ type: 'rename-element', id, newId });
    },
  }, container);
  const minimap = new Minimap(() => state.graph, () => themeColours());
  const toolbar = buildToolbar((command) => runCommand(designer, command), { link: linkTool.button, power: containers.powerButton, playback: player.bar });
  toolbar.button('show-vms')?.setAttribute('aria-pressed', 'true');
  toolbar.button('minimap')?.setAttribute('aria-pressed', 'false');
  toolbar.button('legend')?.setAttribute('aria-pressed', 'false');
  const viewport = new Viewport({
    graph: () => state.graph,
    large: () => isLarge(state.shown),
    drawnNodes: () => state.shown.nodes.filter((shown) => shown.kind !== 'port').length,
    restyle: () => state.graph?.style(stylesheet(designer)),
  });
  const legend = new Legend();
  const menu = new ContextMenu({
    node,
    run: (item) => runMenuItem(designer, item),
    focusCanvas: () => container.focus({ preventScroll: true }),
  });
  const designer: Designer = { state, toHost, intents, container, toolbar, status, panel, containers, moves, linkTool, clipboard, renameBox, player, minimap, viewport, legend, menu };

  container.append(minimap.canvas, dropOutline, legend.element);
  const root = document.getElementById('designer') ?? document.body.appendChild(el('div', { id: 'designer' }));
  // The menu is outside the canvas: cytoscape takes every press inside its container for a tap.
  root.setAttribute('aria-label', TEXTS.designerName({}));
  root.replaceChildren(toolbar.element, container, panel.element, status.element, status.live, menu.element);
  attachSearch(designer);
  container.addEventListener('keydown', (event) => onCanvasKey(designer, event));
  // The canvas has its own context menu (not the webview's Cut / Copy / Paste).
  container.addEventListener('contextmenu', (event) => event.preventDefault());
  onHostMessage(parseHostMessage, (message) => handleHostMessage(designer, message));
  onThemeChange(() => restyle(designer));
  installTestHook({ graph: () => state.graph, container, renders: () => state.renderCount, selected: selectedIds });
  toHost.post({ type: 'ready' });
}
