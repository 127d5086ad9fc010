/**
 * The designer canvas as an application: its state in one object (DesignerState: the
 * document shown, what is drawn of it, the user's view choices, events in progress) and
 * its parts (Designer: the state, the line to the extension, the panels and tools). start()
 * in app.ts makes one of each and passes the Designer to the modules that draw, select,
 * handle keys and messages; no module of the designer keeps mutable state of its own at
 * module level. The tools keep their own state inside their objects (Containers the
 * collapsed boxes, LinkTool the first cable end, ...).
 */

import type { Core } from 'cytoscape';
import type { CompactDiagram } from '../../src/core/view/designer-compact';
import type { IntentQueue } from '../../src/core/view/designer-intent-queue';
import type { Tap } from '../../src/core/view/designer-model';
import type { DesignerToHostMessage, HostToDesignerMessage } from '../../src/core/view/designer-protocol';
import type { Diagram, DiagramNode } from '../../src/core/view/diagram';
import type { HostChannel } from '../common/vscode-api';
import type { CanvasClipboard } from './clipboard';
import type { Containers } from './containers';
import type { ContextMenu } from './context-menu';
import type { Legend } from './legend';
import type { LinkTool } from './link-tool';
import type { Minimap } from './minimap';
import type { Moves } from './moves';
import type { PropertyPanel } from './panel';
import type { SimulationPlayer } from './playback';
import type { RenameBox } from './rename';
import type { StatusLine } from './status';
import type { Toolbar } from './toolbar';
import type { Viewport } from './viewport';

export type DocumentMessage = Extract<HostToDesignerMessage, { type: 'document' }>;

export interface DesignerState {
  /** The cytoscape graph, from the first document on. */
  graph: Core | undefined;
  /** The last document the extension sent. */
  current: DocumentMessage | undefined;
  /** The current document's nodes by id, drawn or not. */
  nodesById: ReadonlyMap<string, DiagramNode>;
  /** The user's Show VMs choice; undefined: compact above COMPACT_VM_THRESHOLD VMs. */
  showVms: boolean | undefined;
  /** Set while VMs and ports are not drawn (compact mode): which host or controller stands for each. */
  compact: CompactDiagram | undefined;
  /** What the canvas draws: the document's diagram or its compact form, with collapsed containers and the power overlay. */
  shown: Diagram;
  /** The user's Minimap choice; undefined: shown from MINIMAP_MIN_NODES drawn nodes up. */
  minimapChoice: boolean | undefined;
  /** Selected once a document that has it comes: an element just added, renamed or pasted. */
  pendingSelect: string | undefined;
  /** The last tap on a node, to tell a double click from two quick clicks on two nodes. */
  lastTap: Tap | undefined;
  /** How many times the canvas has rendered (the first render is marked for the performance figures). */
  renderCount: number;
  /** The announcement of a selection change, due once cytoscape's select and unselect events settle. */
  selectionTimer: ReturnType<typeof setTimeout> | undefined;
}

export function createDesignerState(): DesignerState {
  return {
    graph: undefined,
    current: undefined,
    nodesById: new Map(),
    showVms: undefined,
    compact: undefined,
    shown: { nodes: [], edges: [], positions: {} },
    minimapChoice: undefined,
    pendingSelect: undefined,
    lastTap: undefined,
    renderCount: 0,
    selectionTimer: undefined,
  };
}

/** The designer's state and parts, as start() wires them. */
export interface Designer {
  readonly state: DesignerState;
  readonly toHost: HostChannel<DesignerToHostMessage>;
  readonly intents: IntentQueue;
  /** The design canvas element cytoscape draws in. */
  readonly container: HTMLElement;
  readonly toolbar: Toolbar;
  readonly status: StatusLine;
  readonly panel: PropertyPanel;
  readonly containers: Containers;
  readonly moves: Moves;
  readonly linkTool: LinkTool;
  readonly clipboard: CanvasClipboard;
  readonly renameBox: RenameBox;
  readonly player: SimulationPlayer;
  readonly minimap: Minimap;
  /** Fit, zoom, and which labels are readable at the zoom. */
  readonly viewport: Viewport;
  readonly legend: Legend;
  /** An element's context menu (outside the canvas: cytoscape takes every press in its container for a tap). */
  readonly menu: ContextMenu;
}

export function nodeFor(state: DesignerState, id: string): DiagramNode | undefined {
  return state.nodesById.get(id);
}

export function selectedNodeIds(state: DesignerState): string[] {
  return state.graph ? state.graph.nodes(':selected').map((node) => node.id()) : [];
}
