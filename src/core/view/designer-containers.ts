/**
 * View state of the designer's failure domains, never written to the file: which sites,
 * racks and chassis are collapsed, and whether the power overlay is on. A collapsed
 * container is drawn as one box that says what it holds ("r01 (2 hosts, 4 switches)") and
 * carries the findings of what it hides; the cables and power edges of what it hides run to
 * it, merged when several join the same two ends. Power feeds and their edges are drawn
 * only with the overlay on. Also: where a dragged device may be dropped (the container
 * under it, or the nearest one around that it may stand in). Pure data, no DOM and no
 * cytoscape, so it runs under Node's test runner; webview/designer/containers.ts draws it.
 */

import type { Severity } from '../analysis/rule';
import { PLACED_IN, type PlacementTarget } from '../edit/placement-kinds';
import { formatList } from '../l10n/format';
import { defineMessages } from '../l10n/messages';
import { grouped } from '../text/plural';
import { isContainerKind } from './diagram-domains';
import { ancestorsOf, isInsideAny } from './diagram-tree';
import type { Diagram, DiagramEdge, DiagramNode } from './diagram';

export interface ContainerViewOptions {
  /** Draw the power feeds and their edges. */
  readonly power: boolean;
  /** Ids of the containers shown collapsed (others, and ids no longer there, are ignored). */
  readonly collapsed: ReadonlySet<string>;
}

export interface ContainerView {
  readonly diagram: Diagram;
  /** The collapsed container each hidden node is drawn as. */
  readonly drawnAs: ReadonlyMap<string, string>;
}

export const POWER_EDGE_KINDS: ReadonlySet<string> = new Set(['power', 'fed-from']);

/** Whether the design has power feeds to show. */
export function hasPowerFeeds(diagram: Diagram): boolean {
  return diagram.nodes.some((node) => node.kind === 'power-feed');
}

const MESSAGES = defineMessages('designer.containers', {
  oneRack: '{count} rack',
  manyRacks: '{count} racks',
  oneChassis: '{count} chassis',
  manyChassis: '{count} chassis',
  oneHost: '{count} host',
  manyHosts: '{count} hosts',
  oneSwitch: '{count} switch',
  manySwitches: '{count} switches',
  oneArray: '{count} array',
  manyArrays: '{count} arrays',
  empty: 'empty',
  /** A collapsed container's label: `r01 (2 hosts, 4 switches)`. */
  labelWithCount: '{label} ({summary})',
  /** Several hidden cables or power edges drawn as one. */
  manyPowerSupplies: '{count} power supplies',
  manyFeeds: '{count} feeds',
  manyDatastores: '{count} datastores',
  manyCables: '{count} cables',
});

type CountText = (data: { readonly count: string }) => string;

const HELD_NOUNS: ReadonlyArray<readonly [string, CountText, CountText]> = [
  ['rack', MESSAGES.oneRack, MESSAGES.manyRacks],
  ['chassis', MESSAGES.oneChassis, MESSAGES.manyChassis],
  ['host', MESSAGES.oneHost, MESSAGES.manyHosts],
  ['switch', MESSAGES.oneSwitch, MESSAGES.manySwitches],
  ['array', MESSAGES.oneArray, MESSAGES.manyArrays],
];

/** Everything drawn inside a container, at any depth. */
export function heldIn(id: string, byId: ReadonlyMap<string, DiagramNode>): DiagramNode[] {
  const container = new Set([id]);
  return [...byId.values()].filter((node) => isInsideAny(node.id, container, byId));
}

/** What a collapsed container says it holds: "2 hosts, 4 switches", or "empty". */
export function heldSummary(held: readonly DiagramNode[]): string {
  const parts = HELD_NOUNS.flatMap(([kind, one, many]) => {
    const count = held.filter((node) => node.kind === kind).length;
    return count > 0 ? [(count === 1 ? one : many)({ count: grouped(count) })] : [];
  });
  return parts.length > 0 ? formatList(parts) : MESSAGES.empty({});
}

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, hint: 0 };

/** The diagram as the canvas draws it with these view options; the same object when they change nothing. */
export function containerView(diagram: Diagram, options: ContainerViewOptions): ContainerView {
  const byId = new Map(diagram.nodes.map((node) => [node.id, node]));
  // Outermost collapsed containers only: what is inside one is hidden with it.
  const isCollapsed = (node: DiagramNode) => options.collapsed.has(node.id) && isContainerKind(node.kind);
  const drawnAs = new Map<string, string>();
  const outermostCollapsed = (node: DiagramNode): string | undefined => {
    let found: string | undefined;
    for (const at of ancestorsOf(node.id, byId)) if (isCollapsed(at)) found = at.id;
    return found;
  };
  const hideFeeds = !options.power;
  let changed = false;
  for (const node of diagram.nodes) {
    const owner = outermostCollapsed(node);
    if (owner !== undefined) drawnAs.set(node.id, owner);
    if (owner !== undefined || (hideFeeds && node.kind === 'power-feed') || isCollapsed(node)) changed = true;
  }
  if (!changed) return { diagram, drawnAs };

  const hiddenBy = new Map<string, DiagramNode[]>();
  for (const [id, owner] of drawnAs) {
    const node = byId.get(id);
    if (node) hiddenBy.set(owner, [...(hiddenBy.get(owner) ?? []), node]);
  }
  const nodes: DiagramNode[] = [];
  const positions: Record<string, { x: number; y: number }> = {};
  for (const node of diagram.nodes) {
    if (drawnAs.has(node.id) || (hideFeeds && node.kind === 'power-feed')) continue;
    const own = diagram.positions[node.id];
    if (!isCollapsed(node)) {
      nodes.push(node);
      if (own) positions[node.id] = own;
      continue;
    }
    const hidden = hiddenBy.get(node.id) ?? [];
    let findingCount = node.severity === undefined || node.severity === 'hint' ? 0 : node.findingCount;
    let severity: Severity | undefined = node.severity === 'hint' ? undefined : node.severity;
    for (const child of hidden) {
      if (child.findingCount === 0 || child.severity === undefined || child.severity === 'hint') continue;
      findingCount += child.findingCount;
      severity = severity === undefined || RANK[child.severity] > RANK[severity] ? child.severity : severity;
    }
    const { severity: _own, ...rest } = node;
    void _own;
    nodes.push({ ...rest, label: MESSAGES.labelWithCount({ label: node.label, summary: heldSummary(hidden) }), findingCount, ...(severity !== undefined ? { severity } : {}) });
    // In the middle of what it hides, where its box was.
    const points = hidden.flatMap((child) => diagram.positions[child.id] ?? []);
    if (points.length > 0) {
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      positions[node.id] = { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
    } else if (own) {
      positions[node.id] = own;
    }
  }
  const drawn = new Set(nodes.map((node) => node.id));
  const edges: DiagramEdge[] = [];
  const merged = new Map<string, { edge: DiagramEdge; count: number; index: number }>();
  for (const edge of diagram.edges) {
    if (hideFeeds && POWER_EDGE_KINDS.has(edge.kind)) continue;
    const source = drawnAs.get(edge.source) ?? edge.source;
    const target = drawnAs.get(edge.target) ?? edge.target;
    if (!drawn.has(source) || !drawn.has(target) || source === target) continue;
    if (source === edge.source && target === edge.target) {
      edges.push(edge);
      continue;
    }
    // Several hidden cables between the same two boxes are drawn as one, with their count.
    const key = `${edge.kind}\u0000${source}\u0000${target}\u0000${edge.fabric ?? ''}`;
    const known = merged.get(key);
    if (known) {
      known.count++;
      continue;
    }
    merged.set(key, { edge: { ...edge, source, target }, count: 1, index: edges.length });
    edges.push({ ...edge, source, target });
  }
  for (const { edge, count, index } of merged.values()) {
    if (count === 1) continue;
    const many = edge.kind === 'power' ? MESSAGES.manyPowerSupplies : edge.kind === 'fed-from' ? MESSAGES.manyFeeds : edge.kind === 'storage' ? MESSAGES.manyDatastores : MESSAGES.manyCables;
    edges[index] = { ...edge, id: `collapsed:${edge.kind}:${edge.source}>${edge.target}:${edge.fabric ?? ''}`, label: many({ count: grouped(count) }) };
  }
  return { diagram: { nodes, edges, positions }, drawnAs };
}

/** The container a node is drawn in on the canvas (its nearest site, rack or chassis), if any. */
export function containerOf(id: string, byId: ReadonlyMap<string, DiagramNode>): string | undefined {
  for (const at of ancestorsOf(id, byId)) if (isContainerKind(at.kind)) return at.id;
  return undefined;
}

/**
 * Where an element of `kind` dropped on `under` (the innermost container under it, or
 * undefined for the canvas) goes: that container if the element may stand in it, else the
 * nearest one around it that it may (an array dropped on a chassis goes into the chassis's
 * rack); none (the canvas) when there is none. Undefined for kinds that are not placed.
 */
export function dropTarget(kind: string, under: string | undefined, byId: ReadonlyMap<string, DiagramNode>): PlacementTarget | undefined {
  const allowed = PLACED_IN[kind];
  if (!allowed) return undefined;
  const innermost = byId.get(under ?? '');
  for (const at of innermost ? [innermost, ...ancestorsOf(innermost.id, byId)] : []) {
    if ((at.kind === 'site' || at.kind === 'rack' || at.kind === 'chassis') && allowed.has(at.kind)) return { kind: at.kind, id: at.id };
  }
  return { kind: 'none' };
}

/** Whether a target is where the element already stands (nothing to change). */
export function sameTarget(target: PlacementTarget, current: string | undefined): boolean {
  return target.kind === 'none' ? current === undefined : target.id === current;
}

/** A drop that changes where elements stand: one set-placement intent. */
export interface Placement {
  readonly ids: readonly string[];
  readonly to: PlacementTarget;
}

/**
 * What letting go of `grabbed` over `under` (the innermost container under it, or undefined
 * for the canvas) asks for: the place it goes (dropTarget) for it and for the elements
 * dragged with it (`alsoMoving`) that may stand in that same place, that are not in it
 * already and that are not inside another dragged element (they follow it). Undefined when
 * every one stays where it stands.
 */
export function dropPlacement(grabbed: string, alsoMoving: readonly string[], under: string | undefined, byId: ReadonlyMap<string, DiagramNode>): Placement | undefined {
  const target = dropTarget(byId.get(grabbed)?.kind ?? '', under, byId);
  if (!target) return undefined;
  const moving = new Set([grabbed, ...alsoMoving]);
  const ids = [...moving].filter((id) => {
    const own = dropTarget(byId.get(id)?.kind ?? '', target.kind === 'none' ? undefined : target.id, byId);
    return own !== undefined && JSON.stringify(own) === JSON.stringify(target) && !isInsideAny(id, moving, byId) && !sameTarget(target, containerOf(id, byId));
  });
  return ids.length > 0 ? { ids, to: target } : undefined;
}

export interface PlacedBox {
  readonly id: string;
  readonly box: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number };
}

/**
 * Moves overlapping boxes apart (sibling sites, racks or chassis after a force-directed
 * layout, which keeps children inside their container but may leave two containers
 * overlapping at a corner): each pair that overlaps, or is closer than `gap`, is pushed
 * apart along the axis where it overlaps least, half each way, until none do. Returns how
 * far each box moves; boxes that stay are left out.
 */
export function separateBoxes(boxes: readonly PlacedBox[], gap: number): Map<string, { x: number; y: number }> {
  const placed = boxes.map(({ id, box }) => ({ id, x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2, dx: 0, dy: 0 }));
  for (let round = 0; round < 100; round++) {
    let moved = false;
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i];
        const b = placed[j];
        if (!a || !b) continue;
        const overlapX = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap;
        const overlapY = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap;
        if (overlapX <= 0 || overlapY <= 0) continue;
        moved = true;
        const alongX = overlapX <= overlapY;
        const push = (alongX ? overlapX : overlapY) / 2;
        const aFirst = alongX ? a.x1 + a.x2 <= b.x1 + b.x2 : a.y1 + a.y2 <= b.y1 + b.y2;
        const [low, high] = aFirst ? [a, b] : [b, a];
        if (alongX) {
          low.x1 -= push; low.x2 -= push; low.dx -= push;
          high.x1 += push; high.x2 += push; high.dx += push;
        } else {
          low.y1 -= push; low.y2 -= push; low.dy -= push;
          high.y1 += push; high.y2 += push; high.dy += push;
        }
      }
    }
    if (!moved) break;
  }
  return new Map(placed.filter((box) => box.dx !== 0 || box.dy !== 0).map((box) => [box.id, { x: box.dx, y: box.dy }]));
}
