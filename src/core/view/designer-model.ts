/**
 * Pure helpers of the designer canvas (webview/designer/): fresh ids for the palette,
 * cable ends for the link tool, validation of what the host sends, search, Tab order and
 * the SVG export. No DOM and no cytoscape here, so they run under Node's test runner.
 */

import type { ElementDetails, ElementField, HostToDesignerMessage } from './designer-protocol';
import { DESIGNER_PROTOCOL_VERSION } from './designer-protocol';
import type { DesignIntent } from '../edit/intents';
import { parsePlayback } from './designer-playback';
import type { Diagram, DiagramNode } from './diagram';
import { maxOf } from '../capacity/resources';
import { defineMessages } from '../l10n/messages';
import { grouped } from '../text/plural';
import { kindName } from './designer-texts';

const MESSAGES = defineMessages('designer.model', {
  nothingToCable: 'nothing to cable there',
  portCabled: '{id} is already cabled: delete its cable first',
  noPortsToCable: 'a {kind} has no ports to cable; pick a port, host, controller or switch',
  noPortsYet: '{id} has no ports yet; add an adapter or port in the text first',
  everyPortCabled: 'every port of {id} is already cabled',
  sameDevice: 'both ends are on {device}: cable it to a switch or another device',
  added: 'Added {kind} {id}',
  deleted: 'Deleted {id}',
  renamed: 'Renamed {id} to {newId}',
  setField: 'Set {key} of {id} to {value}',
  movedVm: 'Moved VM {vm} to host {host}',
  cabled: 'Cabled {from} to {to}',
  removedCableNumber: 'Removed cable {index}',
  removedCable: 'Removed the cable {from} - {to}',
  moved: 'Moved {id}',
  movedMany: 'Moved {count} elements',
  movedOut: 'Moved {id} out of its site and rack',
  movedInto: 'Moved {id} into {kind} {container}',
  movedManyOut: 'Moved {count} elements out of its site and rack',
  movedManyInto: 'Moved {count} elements into {kind} {container}',
});

/** What the palette can add; `fc-switch` and `ethernet-switch` are both `switch` elements. */
export type PaletteKind = 'host' | 'vm' | 'fc-switch' | 'ethernet-switch' | 'array' | 'datastore' | 'site' | 'rack';

const DEFAULT_PREFIX: Readonly<Record<PaletteKind, string>> = {
  host: 'host',
  vm: 'vm',
  'fc-switch': 'fc',
  'ethernet-switch': 'lan',
  array: 'array',
  datastore: 'ds',
  site: 'site',
  rack: 'rack',
};

const NUMBERED = /^(.*?)-?(\d+)$/;

/**
 * A fresh id for a new element of `kind`: the prefix its siblings use most (`esx` for
 * `esx-01`, `esx-02`) with the next number after the highest (`esx-03`), zero-padded like
 * them; the default prefix when there are none. Never one of `taken`.
 */
export function nextFreeId(kind: PaletteKind, siblings: readonly string[], taken: ReadonlySet<string>): string {
  const counts = new Map<string, { count: number; max: number; width: number; dash: boolean }>();
  for (const id of siblings) {
    const match = NUMBERED.exec(id);
    if (!match) continue;
    const prefix = match[1] ?? '';
    const digits = match[2] ?? '';
    if (prefix === '') continue;
    const entry = counts.get(prefix) ?? { count: 0, max: 0, width: digits.length, dash: id.charAt(prefix.length) === '-' };
    entry.count += 1;
    entry.max = Math.max(entry.max, Number(digits));
    entry.width = Math.max(entry.width, digits.length);
    counts.set(prefix, entry);
  }
  let best: [string, { count: number; max: number; width: number; dash: boolean }] | undefined;
  for (const candidate of counts) {
    if (!best || candidate[1].count > best[1].count) best = candidate;
  }
  const prefix = best?.[0] ?? DEFAULT_PREFIX[kind];
  const width = best?.[1].width ?? 2;
  const separator = best && !best[1].dash ? '' : '-';
  for (let n = (best?.[1].max ?? 0) + 1; ; n++) {
    const id = `${prefix}${separator}${String(n).padStart(width, '0')}`;
    if (!taken.has(id)) return id;
  }
}

/** The ids of nodes of the diagram kind a palette kind adds (switches by type when known). */
export function siblingIds(diagram: Diagram, kind: PaletteKind): string[] {
  const diagramKind = kind === 'fc-switch' || kind === 'ethernet-switch' ? 'switch' : kind;
  return diagram.nodes
    .filter((node) => node.kind === diagramKind)
    .filter((node) => diagramKind !== 'switch' || (node.switchType ?? 'ethernet') === (kind === 'fc-switch' ? 'fc' : 'ethernet'))
    .map((node) => node.id);
}

// ------------------------------------------------------------------------------ links

/** Port nodes that already have a cable (an end of a cable edge). */
export function usedPorts(diagram: Diagram): Set<string> {
  const ports = new Set(diagram.nodes.filter((node) => node.kind === 'port').map((node) => node.id));
  const used = new Set<string>();
  for (const edge of diagram.edges) {
    if (edge.kind !== 'cable') continue;
    if (ports.has(edge.source)) used.add(edge.source);
    if (ports.has(edge.target)) used.add(edge.target);
  }
  return used;
}

export type LinkEnd = { readonly end: string } | { readonly problem: string };

/**
 * The cable end the link tool uses for a node: a switch is cabled by its id, a port by its
 * own id when it is free; a host or a controller by its first port without a cable.
 */
export function linkEndFor(node: DiagramNode | undefined, diagram: Diagram): LinkEnd {
  if (!node) return { problem: MESSAGES.nothingToCable({}) };
  if (node.kind === 'switch') return { end: node.id };
  const used = usedPorts(diagram);
  if (node.kind === 'port') return used.has(node.id) ? { problem: MESSAGES.portCabled({ id: node.id }) } : { end: node.id };
  if (node.kind !== 'host' && node.kind !== 'controller') return { problem: MESSAGES.noPortsToCable({ kind: kindName(node.kind) }) };
  const ports = diagram.nodes.filter((child) => child.kind === 'port' && child.parent === node.id);
  if (ports.length === 0) return { problem: MESSAGES.noPortsYet({ id: node.id }) };
  const free = ports.find((port) => !used.has(port.id));
  return free === undefined ? { problem: MESSAGES.everyPortCabled({ id: node.id }) } : { end: free.id };
}

/** The device a cable end sits on: a port's host or controller, or the switch itself. */
function deviceOf(end: string, diagram: Diagram): string {
  const node = diagram.nodes.find((candidate) => candidate.id === end);
  return node?.kind === 'port' && node.parent !== undefined ? node.parent : end;
}

export type Cable = { readonly from: string; readonly to: string } | { readonly problem: string };

/**
 * The cable the link tool draws between two nodes (dragged from one to the other, or
 * clicked one after the other): their link ends, when both have one and they are on two
 * different devices.
 */
export function cableBetween(source: DiagramNode | undefined, target: DiagramNode | undefined, diagram: Diagram): Cable {
  const from = linkEndFor(source, diagram);
  if ('problem' in from) return from;
  const to = linkEndFor(target, diagram);
  if ('problem' in to) return to;
  const device = deviceOf(from.end, diagram);
  if (device === deviceOf(to.end, diagram)) return { problem: MESSAGES.sameDevice({ device }) };
  return { from: from.end, to: to.end };
}

// ------------------------------------------------------------------------ validation

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isNode(value: unknown): value is DiagramNode {
  return isRecord(value) && typeof value.id === 'string' && typeof value.kind === 'string' && typeof value.label === 'string' && typeof value.findingCount === 'number' && isStringArray(value.details)
    && (value.parent === undefined || typeof value.parent === 'string')
    && (value.cluster === undefined || typeof value.cluster === 'string')
    && (value.switchType === undefined || value.switchType === 'fc' || value.switchType === 'ethernet');
}

function isDiagram(value: unknown): value is Diagram {
  if (!isRecord(value) || !Array.isArray(value.nodes) || !Array.isArray(value.edges) || !isRecord(value.positions)) return false;
  return value.nodes.every(isNode)
    && value.edges.every((edge) => isRecord(edge) && typeof edge.id === 'string' && typeof edge.source === 'string' && typeof edge.target === 'string' && typeof edge.label === 'string')
    && Object.values(value.positions).every((p) => isRecord(p) && typeof p.x === 'number' && typeof p.y === 'number');
}

function isField(value: unknown): value is ElementField {
  return isRecord(value) && typeof value.key === 'string' && (value.value === undefined || typeof value.value === 'string') && typeof value.typeName === 'string'
    && (value.typeText === undefined || typeof value.typeText === 'string') && typeof value.description === 'string' && (value.choices === undefined || isStringArray(value.choices));
}

function isDetails(value: unknown): value is ElementDetails {
  return isRecord(value) && typeof value.id === 'string' && typeof value.kind === 'string' && Array.isArray(value.fields) && value.fields.every(isField);
}

/** The message if it is one the host sends, otherwise undefined (the canvas ignores it). */
export function parseHostMessage(value: unknown): HostToDesignerMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'document':
      if (value.protocol !== DESIGNER_PROTOCOL_VERSION || typeof value.version !== 'number' || typeof value.title !== 'string') return undefined;
      if (!isDiagram(value.diagram)) return undefined;
      return { type: 'document', protocol: DESIGNER_PROTOCOL_VERSION, version: value.version, title: value.title, diagram: value.diagram };
    case 'details':
      return typeof value.version === 'number' && isDetails(value.details) ? { type: 'details', version: value.version, details: value.details } : undefined;
    case 'rejected':
      return typeof value.requestId === 'number' && typeof value.reason === 'string' ? { type: 'rejected', requestId: value.requestId, reason: value.reason } : undefined;
    case 'applied':
      return typeof value.requestId === 'number' && isStringArray(value.dangling) ? { type: 'applied', requestId: value.requestId, dangling: value.dangling } : undefined;
    case 'select':
      return typeof value.elementId === 'string' ? { type: 'select', elementId: value.elementId } : undefined;
    case 'simulation': {
      const result = parsePlayback(value.result);
      return result ? { type: 'simulation', result } : undefined;
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------- double click

/** Longest pause between the two clicks of a double click on the canvas (ms). */
export const DOUBLE_CLICK_MS = 400;

export interface Tap {
  readonly id: string;
  readonly atMs: number;
}

/**
 * Whether a tap on `tap.id` completes a double click: the tap before it was on the same
 * element, recently. Cytoscape's own `dbltap` also fires for two quick taps on two
 * different nodes, which must not open the rename box on the second.
 */
export function isDoubleClick(previous: Tap | undefined, tap: Tap): boolean {
  return previous !== undefined && previous.id === tap.id && tap.atMs - previous.atMs >= 0 && tap.atMs - previous.atMs <= DOUBLE_CLICK_MS;
}

// ------------------------------------------------------------------- search and order

/** Ids that contain the query (case-insensitive); none for an empty query. */
export function searchMatches(ids: readonly string[], query: string): string[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  return ids.filter((id) => id.toLowerCase().includes(needle));
}

/**
 * The order Tab walks the elements in: parents before their children, in the diagram's
 * order (clusters, hosts with their VMs, switches, arrays with controllers, datastores).
 */
export function tabOrder(nodes: readonly DiagramNode[]): string[] {
  const children = new Map<string, DiagramNode[]>();
  const roots: DiagramNode[] = [];
  const ids = new Set(nodes.map((node) => node.id));
  for (const node of nodes) {
    if (node.parent !== undefined && ids.has(node.parent)) {
      const list = children.get(node.parent) ?? [];
      list.push(node);
      children.set(node.parent, list);
    } else {
      roots.push(node);
    }
  }
  const order: string[] = [];
  const visit = (node: DiagramNode) => {
    order.push(node.id);
    for (const child of children.get(node.id) ?? []) visit(child);
  };
  roots.forEach(visit);
  return order;
}

/** The id after (or before) `current` in `order`, wrapping round. */
export function stepSelection(order: readonly string[], current: string | undefined, backwards: boolean): string | undefined {
  if (order.length === 0) return undefined;
  const at = current === undefined ? -1 : order.indexOf(current);
  if (at < 0) return backwards ? order[order.length - 1] : order[0];
  return order[(at + (backwards ? order.length - 1 : 1)) % order.length];
}

// -------------------------------------------------------------------------- geometry

export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** The smallest of the boxes that contains the point (the innermost host under a drop). */
export function boxAt<T extends { readonly box: Box }>(items: readonly T[], point: { x: number; y: number }): T | undefined {
  let best: T | undefined;
  let bestArea = Infinity;
  for (const item of items) {
    const { x1, y1, x2, y2 } = item.box;
    if (point.x < x1 || point.x > x2 || point.y < y1 || point.y > y2) continue;
    const area = (x2 - x1) * (y2 - y1);
    if (area < bestArea) {
      best = item;
      bestArea = area;
    }
  }
  return best;
}

/** A YAML value for a field edited in the panel: numbers as written, other text quoted when it must be. */
export function yamlValueText(raw: string, typeName: string): string {
  const text = raw.trim();
  if (text === '') return '""';
  if (/^(integer|number)/i.test(typeName) && /^-?\d+(\.\d+)?$/.test(text)) return text;
  if (/^[[{"']/.test(text)) return text;
  if (/^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text)) return text;
  if (/^(true|false)$/i.test(text) && /bool/i.test(typeName)) return text.toLowerCase();
  return JSON.stringify(text);
}

// ------------------------------------------------------------------------ SVG export

export interface SvgNode {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly stroke: string;
  readonly fill: string;
  readonly compound: boolean;
  readonly shape: 'rect' | 'diamond' | 'ellipse';
}

export interface SvgEdge {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly stroke: string;
  readonly dashed: boolean;
}

export interface SvgPicture {
  readonly nodes: readonly SvgNode[];
  readonly edges: readonly SvgEdge[];
  readonly background: string;
  readonly foreground: string;
}

/** Text for SVG content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Colours only (hex, rgb[a], named): anything else becomes a neutral grey. */
function colour(value: string): string {
  return /^(#[0-9a-fA-F]{3,8}|rgba?\([0-9., %]+\)|[a-zA-Z]+)$/.test(value.trim()) ? value.trim() : '#888';
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A standalone SVG of the canvas: compound boxes first, then cables, then devices and labels. */
export function diagramSvg(picture: SvgPicture): string {
  const all = picture.nodes;
  const pad = 20;
  // The picture's own bounds (labels below devices included), not the canvas origin.
  const minX = -maxOf(all, (n) => n.width / 2 - n.x, 0) - pad;
  const minY = -maxOf(all, (n) => n.height / 2 - n.y + (n.compound ? 16 : 0), 0) - pad;
  const maxX = maxOf(all, (n) => n.x + n.width / 2, 0) + pad;
  const maxY = maxOf(all, (n) => n.y + n.height / 2 + 14, 0) + pad;
  const fg = colour(picture.foreground);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${round(minX)} ${round(minY)} ${round(maxX - minX)} ${round(maxY - minY)}" width="${round(maxX - minX)}" height="${round(maxY - minY)}" font-family="sans-serif" font-size="11">`,
    `<rect x="${round(minX)}" y="${round(minY)}" width="${round(maxX - minX)}" height="${round(maxY - minY)}" fill="${colour(picture.background)}"/>`,
  ];
  const shape = (n: SvgNode, fill: string, opacity: string) => {
    const x = n.x - n.width / 2;
    const y = n.y - n.height / 2;
    const common = `fill="${colour(fill)}" fill-opacity="${opacity}" stroke="${colour(n.stroke)}"`;
    if (n.shape === 'diamond') return `<polygon points="${round(n.x)},${round(y)} ${round(x + n.width)},${round(n.y)} ${round(n.x)},${round(y + n.height)} ${round(x)},${round(n.y)}" ${common}/>`;
    if (n.shape === 'ellipse') return `<ellipse cx="${round(n.x)}" cy="${round(n.y)}" rx="${round(n.width / 2)}" ry="${round(n.height / 2)}" ${common}/>`;
    return `<rect x="${round(x)}" y="${round(y)}" width="${round(n.width)}" height="${round(n.height)}" rx="4" ${common}/>`;
  };
  for (const n of all.filter((node) => node.compound)) {
    out.push(`<g>${shape(n, n.fill, '0.05')}<text x="${round(n.x)}" y="${round(n.y - n.height / 2 - 4)}" text-anchor="middle" fill="${fg}">${escapeXml(n.label)}</text></g>`);
  }
  for (const e of picture.edges) {
    out.push(`<line x1="${round(e.x1)}" y1="${round(e.y1)}" x2="${round(e.x2)}" y2="${round(e.y2)}" stroke="${colour(e.stroke)}" stroke-width="1.5"${e.dashed ? ' stroke-dasharray="4 3"' : ''}/>`);
  }
  for (const n of all.filter((node) => !node.compound)) {
    out.push(`<g>${shape(n, n.fill, '1')}<text x="${round(n.x)}" y="${round(n.y + n.height / 2 + 12)}" text-anchor="middle" fill="${fg}">${escapeXml(n.label)}</text></g>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

// --------------------------------------------------------------------------- layout

/** Kinds whose position the file's layout section keeps (children follow their parent; layoutCenter in diagram.ts). */
export const PLACEABLE_KINDS: ReadonlySet<string> = new Set(['host', 'switch', 'array', 'datastore']);

/** What the canvas announces when the host has applied an intent. */
export function describeIntent(intent: DesignIntent): string {
  switch (intent.type) {
    case 'add-element':
      return MESSAGES.added({ kind: kindName(intent.element.kind), id: intent.element.id });
    case 'delete-element':
      return MESSAGES.deleted({ id: intent.id });
    case 'rename-element':
      return MESSAGES.renamed({ id: intent.id, newId: intent.newId });
    case 'set-field':
      return MESSAGES.setField({ key: intent.key, id: intent.id, value: intent.value });
    case 'move-vm':
      return MESSAGES.movedVm({ vm: intent.vm, host: intent.host });
    case 'add-link':
      return MESSAGES.cabled({ from: intent.from, to: intent.to });
    case 'delete-link':
      return 'index' in intent.link ? MESSAGES.removedCableNumber({ index: intent.link.index }) : MESSAGES.removedCable({ from: intent.link.from, to: intent.link.to });
    case 'set-position':
      return MESSAGES.moved({ id: intent.id });
    case 'set-positions':
      return MESSAGES.movedMany({ count: grouped(intent.positions.length) });
    case 'set-placement': {
      if (intent.ids.length === 1) {
        const id = intent.ids[0] ?? '';
        return intent.to.kind === 'none' ? MESSAGES.movedOut({ id }) : MESSAGES.movedInto({ id, kind: kindName(intent.to.kind), container: intent.to.id });
      }
      const count = grouped(intent.ids.length);
      return intent.to.kind === 'none' ? MESSAGES.movedManyOut({ count }) : MESSAGES.movedManyInto({ count, kind: kindName(intent.to.kind), container: intent.to.id });
    }
  }
}
