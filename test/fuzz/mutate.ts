/**
 * Mutations of designs: tree edits on the YAML document (delete, duplicate, swap, retype
 * nodes, change scalars to other types, point a reference at another id), and line and
 * character edits of the text (what a person or a broken tool might do).
 */

import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import type { Rng } from './prng';

/** A collection node and, for each of its entries, how to reach it. */
interface Slot {
  readonly parent: YAMLMap | YAMLSeq;
  readonly index: number;
}

function collectSlots(root: Node | null | undefined): Slot[] {
  const slots: Slot[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 40) return;
    if (isMap(node) || isSeq(node)) {
      node.items.forEach((item, index) => {
        slots.push({ parent: node, index });
        visit(isPair(item) ? item.value : item, depth + 1);
      });
    }
  };
  visit(root, 0);
  return slots;
}

/** The ids a design declares: keys of the top-level collections and their children. */
function collectIds(doc: Document): string[] {
  const ids = new Set<string>();
  const visit = (node: unknown, prefix: string, depth: number) => {
    if (!isMap(node) || depth > 3) return;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const id = prefix ? `${prefix}/${key}` : key;
      ids.add(id);
      if (isMap(pair.value)) {
        const adapters = pair.value.get('adapters', true);
        const controllers = pair.value.get('controllers', true);
        for (const inner of [adapters, controllers]) {
          if (!isMap(inner)) continue;
          for (const a of inner.items) {
            const name = isScalar(a.key) ? String(a.key.value) : undefined;
            if (name === undefined) continue;
            ids.add(`${id}/${name}`);
            const ports = isMap(a.value) ? a.value.get('ports', true) : undefined;
            if (isMap(ports)) for (const p of ports.items) if (isScalar(p.key)) ids.add(`${id}/${name}/${String(p.key.value)}`);
          }
        }
      }
    }
  };
  const contents = doc.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) visit(pair.value, '', 1);
  }
  return [...ids];
}

const ODD_SCALARS: ReadonlyArray<string | number | boolean | null> = [
  0, -1, 1, 2, 1e308, -1e308, 1e-300, 0.5, 3.7, 4294967296, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1,
  '', ' ', 'x', 'NaN', '.nan', '.inf', '-.inf', 'Infinity', '-0', '0 GB', '1e400 GB', '-5 GB', '16 TB', '1 PB', '0 s', '-30 s', '1e9 s',
  '2.6 GHz', '0 GHz', '10 Gbps', '0 Mbps', 'abc GB', '1,5 GB', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  true, false, null, 'on', 'off', 'yes', 'no', '2026-02-30', '9999-12-31', '10.0.10.1', '300.1.1.1', '10.0.0.0/33',
];

function oddScalar(rng: Rng): Scalar {
  const value = rng.pick(ODD_SCALARS);
  const scalar = new Scalar(value);
  // Some strings should be read as YAML, not as quoted strings: '.inf' → Infinity.
  if (typeof value === 'string' && rng.chance(0.5)) scalar.type = Scalar.PLAIN;
  return scalar;
}

function randomNode(doc: Document, rng: Rng, ids: readonly string[]): Node {
  switch (rng.int(6)) {
    case 0:
      return oddScalar(rng);
    case 1:
      return ids.length ? new Scalar(rng.pick(ids)) : oddScalar(rng);
    case 2:
      return doc.createNode([]) as Node;
    case 3:
      return doc.createNode({}) as Node;
    case 4:
      return doc.createNode(ids.length ? rng.sample(ids, rng.range(1, 3)) : [1, 2]) as Node;
    default:
      return doc.createNode({ x: oddScalar(rng).value, id: ids.length ? rng.pick(ids) : 'x' }) as Node;
  }
}

function valueAt(slot: Slot): unknown {
  const item = slot.parent.items[slot.index];
  return isPair(item) ? item.value : item;
}

function setValueAt(slot: Slot, value: Node): void {
  const item = slot.parent.items[slot.index];
  if (isPair(item)) item.value = value;
  else (slot.parent as YAMLSeq).items[slot.index] = value;
}

export const TREE_MUTATIONS = ['delete', 'duplicate', 'swap', 'retype', 'scalar', 'reference', 'rename-key', 'move'] as const;
export type TreeMutation = (typeof TREE_MUTATIONS)[number];

/** One to `max` tree edits of a YAML text; the text unchanged if it is not a document the yaml package can edit. */
export function mutateTree(text: string, rng: Rng, max = 4): { text: string; edits: string[] } {
  let doc: Document;
  try {
    doc = parseDocument(text, { uniqueKeys: false });
  } catch {
    return { text, edits: [] };
  }
  if (doc.errors.length) return { text, edits: [] };
  const ids = collectIds(doc);
  const edits: string[] = [];
  const count = rng.range(1, max);
  for (let i = 0; i < count; i++) {
    const slots = collectSlots(doc.contents as Node | null);
    if (!slots.length) break;
    const slot = rng.pick(slots);
    const kind = rng.pick(TREE_MUTATIONS);
    edits.push(kind);
    const item = slot.parent.items[slot.index];
    switch (kind) {
      case 'delete':
        slot.parent.items.splice(slot.index, 1);
        break;
      case 'duplicate':
        // A duplicated pair keeps its key: a duplicate id.
        if (item !== undefined) (slot.parent.items as unknown[]).splice(slot.index, 0, cloneItem(item));
        break;
      case 'swap': {
        const other = rng.pick(slots);
        const a = valueAt(slot);
        const b = valueAt(other);
        if (a !== b && !contains(a, b) && !contains(b, a)) {
          setValueAt(slot, b as Node);
          setValueAt(other, a as Node);
        }
        break;
      }
      case 'retype':
        setValueAt(slot, randomNode(doc, rng, ids));
        break;
      case 'scalar': {
        const value = valueAt(slot);
        if (isScalar(value)) setValueAt(slot, oddScalar(rng));
        else setValueAt(slot, randomNode(doc, rng, ids));
        break;
      }
      case 'reference':
        setValueAt(slot, new Scalar(ids.length ? rng.pick(ids) : 'x'));
        break;
      case 'rename-key':
        if (isPair(item) && isScalar(item.key)) item.key = new Scalar(rng.chance(0.5) && ids.length ? rng.pick(ids) : rng.pick(['id', 'x', 'type', 'host', 'vms', 'links', '__proto__', '', '0', 'memory', 'memoryGB']));
        break;
      case 'move': {
        // Re-insert this entry in another collection.
        const target = rng.pick(slots).parent;
        if (target === slot.parent || contains(item, target)) break;
        slot.parent.items.splice(slot.index, 1);
        if (isMap(target)) target.items.push(isPair(item) ? item : doc.createPair(`k${i}`, item));
        else target.items.push(isPair(item) ? (item.value as Node) : (item as Node));
        break;
      }
    }
  }
  let out: string;
  try {
    out = doc.toString({ lineWidth: 0 });
  } catch {
    return { text, edits: [] };
  }
  return { text: out, edits };
}

function cloneItem(item: unknown): unknown {
  if (isPair(item)) return item.clone();
  if (isMap(item) || isSeq(item) || isScalar(item)) return item.clone();
  return item;
}

function contains(outer: unknown, inner: unknown): boolean {
  if (outer === inner) return true;
  if (isPair(outer)) return contains(outer.value, inner);
  if (isMap(outer) || isSeq(outer)) return outer.items.some((item) => contains(item, inner));
  return false;
}

export const TEXT_MUTATIONS = ['delete-line', 'duplicate-line', 'swap-lines', 'indent', 'dedent', 'change-character', 'insert-character', 'delete-range', 'truncate', 'insert-key', 'splice'] as const;

const CHARACTERS = [' ', '\t', '\n', '\r', ':', '-', '[', ']', '{', '}', ',', '#', '"', "'", '&', '*', '!', '|', '>', '?', '%', '@', '`', 'x', '0', '9', '.', '/', '\u00a0', '\ufeff', '\u2028', '\ud800', 'é'];
const KEYS = ['vtopo', 'hosts', 'vms', 'memory', 'cpu', 'cluster', 'host', 'datastore', 'type', 'ports', 'links', 'id', 'stack', 'uplinks', 'portGroups', 'active', 'standby', 'roles', 'secondaryHost', 'guestCluster', 'dependsOn', '__proto__', '<<'];
const VALUES = ['', '1', '0', '-1', '512', '16 GB', 'h1', 'esx-01', 'nope', '[a, b]', '{}', '*a', '&a x', '"', 'high', 'off', '- x', '.inf', '.nan', '[h1/nic1/p0, lan-1]', '[management]'];

/** One to `max` line or character edits of a text. */
export function mutateText(text: string, rng: Rng, max = 3): { text: string; edits: string[] } {
  const edits: string[] = [];
  let out = text;
  const count = rng.range(1, max);
  for (let i = 0; i < count; i++) {
    const kind = rng.pick(TEXT_MUTATIONS);
    edits.push(kind);
    const lines = out.split('\n');
    const line = rng.int(lines.length);
    const offset = rng.int(out.length + 1);
    switch (kind) {
      case 'delete-line':
        lines.splice(line, 1);
        out = lines.join('\n');
        break;
      case 'duplicate-line':
        lines.splice(line, 0, lines[line] ?? '');
        out = lines.join('\n');
        break;
      case 'swap-lines': {
        const other = rng.int(lines.length);
        [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
        out = lines.join('\n');
        break;
      }
      case 'indent':
        lines[line] = ' '.repeat(rng.range(1, 4)) + (lines[line] ?? '');
        out = lines.join('\n');
        break;
      case 'dedent':
        lines[line] = (lines[line] ?? '').replace(/^ {1,2}/, '');
        out = lines.join('\n');
        break;
      case 'change-character':
        out = out.slice(0, offset) + rng.pick(CHARACTERS) + out.slice(offset + 1);
        break;
      case 'insert-character':
        out = out.slice(0, offset) + rng.pick(CHARACTERS) + out.slice(offset);
        break;
      case 'delete-range':
        out = out.slice(0, offset) + out.slice(offset + rng.range(1, 40));
        break;
      case 'truncate':
        out = out.slice(0, offset);
        break;
      case 'insert-key': {
        const indent = /^\s*/.exec(lines[line] ?? '')?.[0] ?? '';
        lines.splice(line, 0, `${indent}${rng.pick(KEYS)}: ${rng.pick(VALUES)}`);
        out = lines.join('\n');
        break;
      }
      case 'splice': {
        // Copy a run of lines elsewhere (a paste in the wrong place).
        const from = rng.int(lines.length);
        const run = lines.slice(from, from + rng.range(1, 6));
        lines.splice(line, 0, ...run);
        out = lines.join('\n');
        break;
      }
    }
  }
  return { text: out, edits };
}
