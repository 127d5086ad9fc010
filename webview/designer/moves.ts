/**
 * Moving things on the designer canvas, and what is sent for it: a dragged host, switch,
 * array or datastore (several when several are selected), an arrow key's nudge, or the
 * Auto layout (fcose) give one set-position(s) intent with every placeable element that is
 * not where the last document put it; a VM dropped on another host gives move-vm (the
 * host under it outlined while it moves); a drop into a site, rack or chassis gives one
 * set-placement with the positions (containers.ts says which). Children sit in their
 * parent's grid: a dragged VM, controller or port goes back to it.
 */

import type { Core, NodeSingular } from 'cytoscape';
import type { FcoseLayoutOptions } from 'cytoscape-fcose';
import { boxAt, PLACEABLE_KINDS } from '../../src/core/view/designer-model';
import type { Diagram } from '../../src/core/view/diagram';
import { movedElements, positionsAfterMoves, type Point } from '../../src/core/view/designer-moves';
import type { PlacedElement } from '../../src/core/edit/layout-edits';
import type { Containers } from './containers';
import { placeOver } from './dom';
import type { IntentBody } from '../../src/core/edit/intents';
import { DESIGNER_TEXTS as TEXTS } from '../../src/core/view/designer-texts';
import { grouped } from '../../src/core/text/plural';

export interface MovesHost {
  graph(): Core | undefined;
  /** The last document's diagram. */
  diagram(): Diagram | undefined;
  /** Until the document comes back, the sent positions count as the layout's. */
  adoptPositions(positions: Readonly<Record<string, Point>>): void;
  /** Positions of what the canvas draws (compact mode places hosts where their children were). */
  shownPositions(): Readonly<Record<string, { x: number; y: number }>>;
  selectedIds(): string[];
  send(body: IntentBody): void;
  /** A simulation is played on the canvas: nothing moves. */
  simulationShown(): boolean;
  setStatus(text: string, rejected?: boolean): void;
  announce(text: string): void;
}

export class Moves {
  /** Each placeable node's position right after the last document was drawn. */
  private readonly loaded = new Map<string, Point>();
  /** The host a dragged VM would land on, and the other hosts' boxes, taken once per drag. */
  private vmTarget: string | undefined;
  private vmBoxes: Array<{ id: string; box: { x1: number; y1: number; x2: number; y2: number } }> | undefined;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private nudgeTimer: ReturnType<typeof setTimeout> | undefined;
  private layingOut = false;

  constructor(private readonly host: MovesHost, private readonly containers: Containers, private readonly outline: HTMLElement) {}

  /** After a document is drawn: where every placeable node is now. */
  record(cy: Core): void {
    this.loaded.clear();
    cy.nodes().forEach((node) => {
      if (PLACEABLE_KINDS.has(String(node.data('kind')))) this.loaded.set(node.id(), { ...node.position() });
    });
  }

  private boxesFor(vm: NodeSingular): NonNullable<Moves['vmBoxes']> {
    if (!this.vmBoxes) {
      const parent = vm.parent().first();
      const except = parent.empty() ? undefined : parent.id();
      this.vmBoxes = this.host.graph()?.nodes('[kind = "host"]').filter((node) => node.id() !== except).map((node) => ({ id: node.id(), box: node.boundingBox({ includeLabels: false }) })) ?? [];
    }
    return this.vmBoxes;
  }

  /**
   * While a VM is dragged: the host it would land on is outlined by a box over the canvas,
   * not by a class (restyling a compound node makes cytoscape restyle its whole cluster,
   * every VM and port in it, on the next frame).
   */
  onVmDrag(vm: NodeSingular): void {
    const host = boxAt(this.boxesFor(vm), vm.position());
    if (host?.id === this.vmTarget) return;
    this.vmTarget = host?.id;
    const node = this.vmTarget !== undefined ? this.host.graph()?.getElementById(this.vmTarget) : undefined;
    if (!node || node.empty()) {
      this.outline.classList.add('vt-hidden');
      return;
    }
    placeOver(this.outline, node.renderedBoundingBox({ includeLabels: false }));
  }

  /** 'dragfreeon': once, on the node the user grabbed (dragging a host also frees its VMs). */
  onDragFree(node: NodeSingular): void {
    const kind = String(node.data('kind'));
    if (kind === 'vm' || kind === 'controller' || kind === 'port') {
      this.outline.classList.add('vt-hidden');
      const host = kind === 'vm' ? boxAt(this.boxesFor(node), node.position()) : undefined;
      this.vmTarget = undefined;
      this.vmBoxes = undefined;
      // Children sit in their parent's grid: put them back; a VM dropped on another host moves there.
      const leaves = node.isParent() ? node.descendants().filter((descendant) => descendant.isChildless()) : node;
      leaves.forEach((leaf) => {
        const home = this.host.diagram()?.positions[leaf.id()] ?? this.host.shownPositions()[leaf.id()];
        if (home) leaf.position({ x: home.x, y: home.y });
      });
      if (host) this.host.send({ type: 'move-vm', vm: node.id(), host: host.id });
      return;
    }
    // One intent for everything that moved (a multi-selection moves together), with the
    // site, rack or chassis it was dropped into.
    clearTimeout(this.flushTimer);
    const placement = this.containers.onDrop(node, this.host.selectedIds());
    if (!placement) {
      this.flushTimer = setTimeout(() => this.flush(), 0);
      return;
    }
    this.flushTimer = setTimeout(() => {
      const moved = this.moved();
      this.host.send({ type: 'set-placement', ids: placement.ids, to: placement.to, ...(moved.length > 0 ? { positions: moved } : {}) });
      this.adopt(moved);
    }, 0);
  }

  /** Every placeable element that is not where the last document put it, as layout positions. */
  private moved(): PlacedElement[] {
    const graph = this.host.graph();
    const diagram = this.host.diagram();
    if (!graph || !diagram) return [];
    return movedElements(diagram, this.loaded, (id) => {
      const node = graph.getElementById(id);
      return node.empty() ? undefined : node.position();
    });
  }

  private flush(): void {
    const moved = this.moved();
    if (moved.length === 0) return;
    const only = moved[0];
    if (moved.length === 1 && only) this.host.send({ type: 'set-position', id: only.id, position: only.position });
    else this.host.send({ type: 'set-positions', positions: moved });
    this.adopt(moved);
  }

  /**
   * Runs fcose on the drawn graph (compound nodes kept: VMs stay in their hosts, hosts in
   * their clusters and racks; sites, racks and chassis left overlapping are pushed apart) and
   * sends one set-positions intent with every placeable element it moved. Only ever on the
   * user's request: loading a document never lays it out.
   */
  autoLayout(): void {
    const graph = this.host.graph();
    if (!graph || !this.host.diagram() || this.layingOut) return;
    if (this.host.simulationShown()) {
      this.host.setStatus(TEXTS.simulationShownLayout({}), true);
      return;
    }
    clearTimeout(this.flushTimer);
    clearTimeout(this.nudgeTimer);
    // Moves not sent yet would be mixed into the layout's intent: send them first.
    this.flush();
    this.layingOut = true;
    this.host.setStatus(TEXTS.layingOut({}));
    const options: FcoseLayoutOptions = { name: 'fcose', quality: 'default', randomize: true, animate: false, fit: true, padding: 24, nodeDimensionsIncludeLabels: false, packComponents: false };
    const layout = graph.layout(options);
    layout.one('layoutstop', () => {
      this.layingOut = false;
      // No two sites, racks or chassis left overlapping.
      if (this.containers.separate()) graph.fit(undefined, 24);
      const moved = this.moved().filter(({ position }) => Number.isFinite(position.x) && Number.isFinite(position.y));
      if (moved.length === 0) {
        this.host.setStatus(TEXTS.layoutMovedNothing({}));
        return;
      }
      this.host.send({ type: 'set-positions', positions: moved });
      this.adopt(moved);
      const text = TEXTS.laidOut({ count: grouped(moved.length) });
      this.host.setStatus(text);
      this.host.announce(text);
    });
    layout.run();
  }

  /** After sending moves: the moved elements count as placed where they are now. */
  private adopt(moved: readonly PlacedElement[]): void {
    // The moved elements now count as placed here (a nudge after a nudge adds up).
    const graph = this.host.graph();
    for (const { id } of moved) {
      const node = graph?.getElementById(id);
      if (node && node.nonempty()) this.loaded.set(id, { ...node.position() });
    }
    const diagram = this.host.diagram();
    // Until the document comes back, treat the sent positions as the layout's.
    if (diagram) this.host.adoptPositions(positionsAfterMoves(diagram, moved));
  }

  /** Arrow keys: the selection moves, and is sent once the keys rest. */
  nudge(dx: number, dy: number): void {
    const graph = this.host.graph();
    if (!graph) return;
    if (this.host.simulationShown()) {
      this.host.setStatus(TEXTS.simulationShownMove({}), true);
      return;
    }
    // A site, rack or chassis moves with everything in it.
    const nodes = graph.nodes(':selected').filter((node) => PLACEABLE_KINDS.has(String(node.data('kind'))) || (this.containers.isContainer(node.id()) && node.isParent()));
    if (nodes.empty()) {
      this.host.setStatus(TEXTS.onlyPlaced({}), true);
      return;
    }
    nodes.forEach((node) => {
      if (node.isParent()) node.descendants().filter((descendant) => descendant.isChildless()).forEach((leaf) => { leaf.shift({ x: dx, y: dy }); });
      else node.shift({ x: dx, y: dy });
    });
    clearTimeout(this.nudgeTimer);
    this.nudgeTimer = setTimeout(() => this.flush(), 300);
  }
}
