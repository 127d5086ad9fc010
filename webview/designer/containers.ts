/**
 * Sites, racks and chassis on the designer canvas: collapsing and expanding them (a double
 * click, Space, or the property panel's button), the Power toggle that draws the power
 * feeds over the design, and where a dragged host, switch, array or rack lands (the
 * container under it when it is let go, outlined while it moves). Collapse and the power
 * overlay are view state: nothing here is sent to the extension but the placement a drop
 * asks for, which moves.ts sends as one set-placement intent. What is drawn, and what a
 * drop places, is computed by src/core/view/designer-containers.ts.
 */

import type { Core, NodeSingular } from 'cytoscape';
import { containerOf, containerView, dropPlacement, dropTarget, hasPowerFeeds, heldIn, heldSummary, sameTarget, separateBoxes, type ContainerView, type Placement } from '../../src/core/view/designer-containers';
import { boxAt, type Box } from '../../src/core/view/designer-model';
import type { Diagram, DiagramNode } from '../../src/core/view/diagram';
import { isContainerKind } from '../../src/core/view/diagram-domains';
import { ancestorsOf } from '../../src/core/view/diagram-tree';
import { iconButton, placeOver } from './dom';
import { commandSpec } from '../../src/core/view/designer-commands';
import { DESIGNER_TEXTS as TEXTS, kindName } from '../../src/core/view/designer-texts';

export interface ContainerHost {
  graph(): Core | undefined;
  /** The document's whole diagram (not only what is drawn). */
  diagram(): Diagram | undefined;
  /** Draws the diagram again with the new view state. */
  redraw(): void;
  setStatus(text: string, rejected?: boolean): void;
  announce(text: string): void;
}

interface Drag {
  readonly grabbed: string;
  /** Container boxes (model coordinates) as they were when the drag started: a box stretches to hold a child dragged out of it. */
  readonly boxes: ReadonlyArray<{ readonly id: string; readonly box: Box }>;
  outlined: string | undefined;
}

export class Containers {
  readonly powerButton: HTMLButtonElement;
  private power = false;
  private readonly collapsed = new Set<string>();
  private drag: Drag | undefined;
  private byIdFor: Diagram | undefined;
  private byIdCache = new Map<string, DiagramNode>();

  constructor(private readonly host: ContainerHost, private readonly outline: HTMLElement) {
    this.powerButton = iconButton(commandSpec('power'), () => this.togglePower());
    this.powerButton.setAttribute('aria-pressed', 'false');
  }

  /** What the canvas draws of a diagram with the current collapse and overlay. */
  view(diagram: Diagram): ContainerView {
    return containerView(diagram, { power: this.power, collapsed: this.collapsed });
  }

  private byId(): ReadonlyMap<string, DiagramNode> {
    const diagram = this.host.diagram();
    if (diagram !== this.byIdFor) {
      this.byIdFor = diagram;
      this.byIdCache = new Map((diagram?.nodes ?? []).map((node) => [node.id, node]));
    }
    return this.byIdCache;
  }

  isContainer(id: string): boolean {
    return isContainerKind(this.byId().get(id)?.kind ?? '');
  }

  isCollapsed(id: string): boolean {
    return this.collapsed.has(id);
  }

  /** Collapses or expands a site, rack or chassis; false for anything else. */
  toggle(id: string): boolean {
    const node = this.byId().get(id);
    if (!node || !isContainerKind(node.kind)) return false;
    const collapse = !this.collapsed.has(id);
    if (collapse) this.collapsed.add(id);
    else this.collapsed.delete(id);
    this.host.redraw();
    const held = heldIn(id, this.byId());
    const text = collapse
      ? TEXTS.collapsed({ kind: kindName(node.kind), id, summary: heldSummary(held) })
      : TEXTS.expanded({ kind: kindName(node.kind), id });
    this.host.setStatus(text);
    this.host.announce(text);
    return true;
  }

  /** Expands the collapsed containers an element is hidden in, so that it can be drawn; whether any was. */
  expandAround(id: string, redraw = true): boolean {
    let expanded = false;
    for (const at of ancestorsOf(id, this.byId())) if (this.collapsed.delete(at.id)) expanded = true;
    if (expanded && redraw) this.host.redraw();
    return expanded;
  }

  /** Forgets collapsed ids the design no longer has. */
  prune(): void {
    for (const id of this.collapsed) if (!this.isContainer(id)) this.collapsed.delete(id);
  }

  togglePower(): void {
    const diagram = this.host.diagram();
    if (!this.power && diagram && !hasPowerFeeds(diagram)) {
      const text = TEXTS.noPowerFeeds({});
      this.host.setStatus(text, true);
      this.host.announce(text);
      return;
    }
    this.power = !this.power;
    this.powerButton.setAttribute('aria-pressed', String(this.power));
    this.host.redraw();
    // The feeds are drawn above the devices: bring them into view when they are out of it.
    const graph = this.host.graph();
    const feeds = graph?.nodes('[kind = "power-feed"]');
    if (graph && feeds && this.power && feeds.nonempty()) {
      const view = graph.extent();
      const box = feeds.boundingBox({});
      if (box.x1 < view.x1 || box.y1 < view.y1 || box.x2 > view.x2 || box.y2 > view.y2) graph.fit(undefined, 24);
    }
    const text = this.power
      ? TEXTS.powerShown({})
      : TEXTS.powerHidden({});
    this.host.setStatus(text);
    this.host.announce(text);
  }

  /**
   * After a force-directed layout, which keeps children inside their container but may leave
   * two containers overlapping (or a datastore over a site it is not in): pushes apart what
   * stands side by side with a site, rack or chassis, innermost first, moving everything in
   * each. Nothing on a design without them. Whether anything moved.
   */
  separate(): boolean {
    const graph = this.host.graph();
    if (!graph) return false;
    const containers = graph.nodes().filter((node) => isContainerKind(String(node.data('kind'))));
    if (containers.empty()) return false;
    const keyOf = (node: NodeSingular) => {
      const parent = node.parent().first();
      return parent.empty() ? '' : parent.id();
    };
    // Sibling groups with a container in them: its neighbours, whatever they are.
    const withContainer = new Set(containers.map(keyOf));
    const groups = new Map<string, { depth: number; nodes: NodeSingular[] }>();
    graph.nodes().forEach((node) => {
      const key = keyOf(node);
      if (!withContainer.has(key)) return;
      const group = groups.get(key) ?? { depth: node.ancestors().length, nodes: [] };
      group.nodes.push(node);
      groups.set(key, group);
    });
    let moved = false;
    graph.batch(() => {
      for (const { nodes } of [...groups.values()].sort((a, b) => b.depth - a.depth)) {
        if (nodes.length < 2) continue;
        const shifts = separateBoxes(nodes.map((node) => ({ id: node.id(), box: node.boundingBox({ includeLabels: true }) })), 30);
        for (const node of nodes) {
          const shift = shifts.get(node.id());
          if (!shift) continue;
          moved = true;
          const moving = node.isParent() ? node.descendants().filter((descendant) => descendant.isChildless()) : node;
          moving.forEach((leaf) => {
            leaf.shift(shift);
          });
        }
      }
    });
    return moved;
  }

  // ---------------------------------------------------------------------------- dragging

  /** A node was grabbed: if it is placed in containers, keep the boxes it could be dropped in. */
  onGrab(node: NodeSingular, selected: readonly string[]): void {
    this.drag = undefined;
    const graph = this.host.graph();
    const kind = String(node.data('kind'));
    if (!graph || dropTarget(kind, undefined, this.byId()) === undefined) return;
    let dragged = graph.collection().union(node);
    if (node.selected()) for (const id of selected) dragged = dragged.union(graph.getElementById(id));
    const excluded = new Set(dragged.union(dragged.descendants()).map((element) => element.id()));
    const boxes = graph.nodes().filter((candidate) => isContainerKind(String(candidate.data('kind'))) && !excluded.has(candidate.id()))
      .map((candidate) => ({ id: candidate.id(), box: candidate.boundingBox({ includeLabels: false }) }));
    if (boxes.length === 0 && containerOf(node.id(), this.byId()) === undefined) return;
    this.drag = { grabbed: node.id(), boxes, outlined: undefined };
  }

  /** While it moves: outline the container it would go into, when that is not where it stands. */
  onDrag(node: NodeSingular): void {
    const drag = this.drag;
    if (drag?.grabbed !== node.id()) return;
    const target = dropTarget(String(node.data('kind')), this.underOf(node, drag), this.byId());
    const id = target && target.kind !== 'none' && !sameTarget(target, containerOf(node.id(), this.byId())) ? target.id : undefined;
    if (id === drag.outlined) return;
    drag.outlined = id;
    const box = id !== undefined ? this.host.graph()?.getElementById(id) : undefined;
    if (!box || box.empty()) this.outline.classList.add('vt-hidden');
    else placeOver(this.outline, box.renderedBoundingBox({ includeLabels: false }));
  }

  /**
   * Let go: the placement the drop asks for (the grabbed element, and the other selected
   * ones that may stand in the same place and are not in it yet), or undefined when every
   * element stays where it stands.
   */
  onDrop(node: NodeSingular, selected: readonly string[]): Placement | undefined {
    const drag = this.drag;
    this.drag = undefined;
    if (drag?.outlined !== undefined) this.outline.classList.add('vt-hidden');
    if (drag?.grabbed !== node.id()) return undefined;
    return dropPlacement(node.id(), node.selected() ? selected : [], this.underOf(node, drag), this.byId());
  }

  /** The innermost container box under a dragged node, if any. */
  private underOf(node: NodeSingular, drag: Drag): string | undefined {
    return boxAt(drag.boxes, node.position())?.id;
  }
}
