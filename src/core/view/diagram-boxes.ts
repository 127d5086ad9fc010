/**
 * The boxes the designer draws for a diagram, worked out from the positions of its leaf
 * nodes and the sizes in diagram-sizes.ts the way cytoscape does it: a leaf is its shape
 * with its label below; a compound node (a cluster, a host with its VMs and ports, an array
 * with its controllers, a site, rack or chassis) wraps what it holds, labels included, with
 * its padding, and has its own label above. And the step that keeps the layout's promise
 * that no two such boxes overlap: siblings that do are pushed apart. Pure, so it runs under
 * Node's test runner.
 */

import type { Box } from './designer-model';
import type { DiagramNode } from './diagram';
import { COMPOUND_PADDING, displayLabel, LABEL_MARGIN, labelSize, NODE_SIZE } from './diagram-sizes';

type Point = { readonly x: number; readonly y: number };

export interface NodeBox {
  /** The node's shape: for a compound node, the box around what it holds. */
  readonly body: Box;
  /** The shape with its label. */
  readonly outer: Box;
}

/** Least room between two boxes side by side after they are pushed apart. */
export const BLOCK_GAP = 24;

/** Kinds drawn as a box of their own among their siblings; VMs, ports and controllers sit in their parent's grid. */
const BLOCK_KINDS: ReadonlySet<string> = new Set(['cluster', 'host', 'switch', 'array', 'datastore', 'site', 'rack', 'chassis']);

function union(a: Box, b: Box): Box {
  return { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** Side by side closer than BLOCK_GAP (one above the other only when they overlap). */
function tooClose(a: Box, b: Box): boolean {
  return a.x1 < b.x2 + BLOCK_GAP && b.x1 < a.x2 + BLOCK_GAP && a.y1 < b.y2 && b.y1 < a.y2;
}

function childrenByParent(nodes: readonly DiagramNode[]): Map<string | undefined, DiagramNode[]> {
  const children = new Map<string | undefined, DiagramNode[]>();
  for (const node of nodes) {
    const siblings = children.get(node.parent);
    if (siblings) siblings.push(node);
    else children.set(node.parent, [node]);
  }
  return children;
}

/** Every drawn node's box; a node with no position and nothing placed inside it has none. */
export function diagramBoxes(nodes: readonly DiagramNode[], positions: Readonly<Record<string, Point>>): Map<string, NodeBox> {
  const children = childrenByParent(nodes);
  const boxes = new Map<string, NodeBox>();
  const visiting = new Set<string>();
  const boxOf = (node: DiagramNode): NodeBox | undefined => {
    const known = boxes.get(node.id);
    if (known || visiting.has(node.id)) return known;
    visiting.add(node.id);
    const inside = (children.get(node.id) ?? []).flatMap((child) => boxOf(child)?.outer ?? []);
    const label = labelSize(node.kind, displayLabel(node));
    let box: NodeBox | undefined;
    if (inside.length > 0) {
      const held = inside.reduce(union);
      const padding = COMPOUND_PADDING[node.kind];
      const body = { x1: held.x1 - padding, y1: held.y1 - padding, x2: held.x2 + padding, y2: held.y2 + padding };
      const middle = (body.x1 + body.x2) / 2;
      const above = { x1: middle - label.width / 2, y1: body.y1 - LABEL_MARGIN - label.height, x2: middle + label.width / 2, y2: body.y1 };
      box = { body, outer: union(body, above) };
    } else {
      const at = positions[node.id];
      if (at) {
        const size = NODE_SIZE[node.kind];
        const body = { x1: at.x - size.width / 2, y1: at.y - size.height / 2, x2: at.x + size.width / 2, y2: at.y + size.height / 2 };
        const below = { x1: at.x - label.width / 2, y1: body.y2, x2: at.x + label.width / 2, y2: body.y2 + LABEL_MARGIN + label.height };
        box = { body, outer: union(body, below) };
      }
    }
    visiting.delete(node.id);
    if (box) boxes.set(node.id, box);
    return box;
  };
  for (const node of nodes) boxOf(node);
  return boxes;
}

/**
 * Pushes overlapping sibling boxes apart, rightwards, innermost first (the hosts of a
 * cluster, then the clusters): a box that overlaps one further left moves right until it
 * clears it by BLOCK_GAP, with everything it holds. Saved positions are moved too: two
 * boxes on top of each other are never what was meant (a host grows when ports are added).
 * Returns the positions, moved.
 */
export function separateSiblings(nodes: readonly DiagramNode[], positions: Readonly<Record<string, Point>>): Record<string, Point> {
  const moved: Record<string, Point> = { ...positions };
  const children = childrenByParent(nodes);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const depth = (id: string | undefined): number => {
    let count = 0;
    const seen = new Set<string>();
    for (let at = id; at !== undefined && !seen.has(at); at = byId.get(at)?.parent) {
      seen.add(at);
      count++;
    }
    return count;
  };
  const shift = (id: string, dx: number) => {
    const at = moved[id];
    if (at) moved[id] = { x: at.x + dx, y: at.y };
    for (const child of children.get(id) ?? []) shift(child.id, dx);
  };
  const parents = [...children.keys()].sort((a, b) => depth(b) - depth(a));
  for (const parent of parents) {
    const siblings = (children.get(parent) ?? []).filter((node) => BLOCK_KINDS.has(node.kind));
    if (siblings.length < 2) continue;
    const boxes = diagramBoxes(nodes, moved);
    const blocks = siblings.flatMap((node) => {
      const box = boxes.get(node.id);
      return box ? [{ id: node.id, box: { ...box.outer } }] : [];
    });
    blocks.sort((a, b) => a.box.x1 - b.box.x1);
    blocks.forEach((block, index) => {
      let clear = false;
      while (!clear) {
        clear = true;
        for (const earlier of blocks.slice(0, index)) {
          if (!tooClose(earlier.box, block.box)) continue;
          const dx = earlier.box.x2 + BLOCK_GAP - block.box.x1;
          block.box = { ...block.box, x1: block.box.x1 + dx, x2: block.box.x2 + dx };
          shift(block.id, dx);
          clear = false;
        }
      }
    });
  }
  return moved;
}
