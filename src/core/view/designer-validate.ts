/**
 * Checks every message the designer webview sends before the extension host acts on it.
 * The webview is untrusted (it renders file data), so a message is accepted only if it has
 * exactly the shape the protocol declares (designer-protocol.ts): known keys only, own
 * properties of plain objects, ids spelled as ids, finite bounded numbers, bounded strings.
 * The accepted message is rebuilt from the checked values; nothing else passes through.
 */

import type { DesignIntent, LinkSelector, NewElement, PlacementTarget } from '../edit/intents';
import type { PlacedElement } from '../edit/layout-edits';
import { DESIGNER_PROTOCOL_VERSION, SIMULATED_FAILURE_KINDS, type DesignerToHostMessage } from './designer-protocol';
import { inertSvg } from './svg-inert';

/** Longest element id accepted (nested ids such as `array/controller/port` included). */
export const MAX_ID_LENGTH = 256;
/** Longest value the property panel may set: one line of YAML. */
export const MAX_FIELD_VALUE_LENGTH = 1_000;
/** Longest dotted field key (`reservation.memoryMB`). */
const MAX_FIELD_KEY_LENGTH = 128;
/** Largest exported picture, in characters of SVG text or PNG data URL. */
export const MAX_IMAGE_CHARACTERS = 20 * 1024 * 1024;
/** Most elements one layout intent may place (a 2,000-element design fits with room). */
export const MAX_PLACED_ELEMENTS = 20_000;
/** Canvas coordinates beyond this are a bug, not a design; they would also print badly in YAML. */
export const MAX_COORDINATE = 1_000_000;

/** One id segment, as the format declares it (schema.ts ID_PATTERN). */
const ID_SEGMENT = '[A-Za-z0-9][A-Za-z0-9._-]*';
const OWN_ID = new RegExp(`^${ID_SEGMENT}$`);
const ELEMENT_ID = new RegExp(`^${ID_SEGMENT}(?:/${ID_SEGMENT})*$`);
const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z][A-Za-z0-9_-]*)*$/;
/** The fabric names the intents accept for a new switch. */
const FABRIC = /^[A-Za-z0-9 _-]{1,32}$/;
const PNG_DATA_URL_PREFIX = 'data:image/png;base64,';
/** `\x89PNG\r\n\x1a\n`, the PNG signature, in base64. */
const PNG_SIGNATURE_BASE64 = 'iVBORw0KGgo';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const SVG_START = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/;

type Fields = Readonly<Record<string, unknown>>;

/** A plain object (as postMessage delivers one) with exactly these own keys, or undefined. */
function record(value: unknown, required: readonly string[], optional: readonly string[] = []): Fields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  const keys = Reflect.ownKeys(value);
  if (keys.some((key) => typeof key !== 'string' || (!required.includes(key) && !optional.includes(key)))) return undefined;
  if (required.some((key) => !Object.hasOwn(value, key))) return undefined;
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of keys) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    // Accessors could answer differently on each read: only data properties count.
    if (!descriptor || !('value' in descriptor) || typeof key !== 'string') return undefined;
    fields[key] = descriptor.value;
  }
  return fields;
}

function isId(value: unknown, pattern: RegExp): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH && pattern.test(value);
}

/** No line breaks (YAML's or Unicode's) and no control characters other than tab. */
function isOneLine(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f || code === 0x85 || code === 0x2028 || code === 0x2029) return false;
  }
  return true;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE;
}

function oneOf<const V extends string>(value: unknown, allowed: readonly V[]): V | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** Returns the message if it is one the designer may send, otherwise undefined. */
export function parseDesignerMessage(value: unknown): DesignerToHostMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type: unknown = Object.hasOwn(value, 'type') ? Reflect.get(value, 'type') : undefined;
  switch (type) {
    case 'ready':
      return record(value, ['type']) ? { type: 'ready' } : undefined;
    case 'reveal':
    case 'details': {
      const message = record(value, ['type', 'elementId']);
      return message && isId(message.elementId, ELEMENT_ID) ? { type, elementId: message.elementId } : undefined;
    }
    case 'intent': {
      const message = record(value, ['type', 'protocol', 'requestId', 'intent']);
      if (!message || message.protocol !== DESIGNER_PROTOCOL_VERSION || !isCount(message.requestId)) return undefined;
      const intent = parseIntent(message.intent);
      return intent ? { type: 'intent', protocol: DESIGNER_PROTOCOL_VERSION, requestId: message.requestId, intent } : undefined;
    }
    case 'simulate-failure': {
      const message = record(value, ['type', 'target']);
      const target = message && record(message.target, ['kind', 'id']);
      const kind = target && oneOf(target.kind, SIMULATED_FAILURE_KINDS);
      return target && kind && isId(target.id, ELEMENT_ID) ? { type: 'simulate-failure', target: { kind, id: target.id } } : undefined;
    }
    case 'export-image': {
      const message = record(value, ['type', 'format', 'data']);
      const format = message && oneOf(message.format, ['svg', 'png'] as const);
      if (!message || !format || typeof message.data !== 'string' || !isImage(format, message.data)) return undefined;
      // An SVG is saved only as inert drawing: no script, handler, foreign HTML or reference.
      const data = format === 'svg' ? inertSvg(message.data) : message.data;
      return data === undefined ? undefined : { type: 'export-image', format, data };
    }
    default:
      return undefined;
  }
}

/**
 * The request id of a message that failed the checks, when it has a usable one: the host
 * answers such an intent with a rejection so the canvas does not wait for a reply forever.
 */
export function requestIdOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'requestId')) return undefined;
  const requestId: unknown = Reflect.get(value, 'requestId');
  return isCount(requestId) ? requestId : undefined;
}

function isImage(format: 'svg' | 'png', data: string): boolean {
  if (data.length === 0 || data.length > MAX_IMAGE_CHARACTERS) return false;
  if (format === 'svg') return SVG_START.test(data.slice(0, 4096)) && data.trimEnd().endsWith('</svg>');
  if (!data.startsWith(PNG_DATA_URL_PREFIX)) return false;
  const payload = data.slice(PNG_DATA_URL_PREFIX.length);
  return payload.startsWith(PNG_SIGNATURE_BASE64) && payload.length % 4 === 0 && BASE64.test(payload);
}

const INTENT_KEYS = {
  'add-element': ['element'],
  'delete-element': ['id'],
  'rename-element': ['id', 'newId'],
  'set-field': ['id', 'key', 'value'],
  'move-vm': ['vm', 'host'],
  'add-link': ['from', 'to'],
  'delete-link': ['link'],
  'set-position': ['id', 'position'],
  'set-positions': ['positions'],
  'set-placement': ['ids', 'to'],
} as const satisfies Record<DesignIntent['type'], readonly string[]>;

/** Keys an intent may leave out. */
const OPTIONAL_INTENT_KEYS: Partial<Record<DesignIntent['type'], readonly string[]>> = {
  'set-placement': ['positions'],
};

const INTENT_TYPES = Object.keys(INTENT_KEYS) as ReadonlyArray<keyof typeof INTENT_KEYS>;

function parseIntent(value: unknown): DesignIntent | undefined {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'type')) return undefined;
  const type = oneOf(Reflect.get(value, 'type'), INTENT_TYPES);
  if (!type) return undefined;
  const intent = record(value, ['type', 'baseVersion', ...INTENT_KEYS[type]], OPTIONAL_INTENT_KEYS[type]);
  if (!intent || !isCount(intent.baseVersion)) return undefined;
  const baseVersion = intent.baseVersion;
  switch (type) {
    case 'add-element': {
      const element = parseNewElement(intent.element);
      return element && { type, baseVersion, element };
    }
    case 'delete-element':
      return isId(intent.id, ELEMENT_ID) ? { type, baseVersion, id: intent.id } : undefined;
    case 'rename-element':
      return isId(intent.id, ELEMENT_ID) && isId(intent.newId, ELEMENT_ID) ? { type, baseVersion, id: intent.id, newId: intent.newId } : undefined;
    case 'set-field': {
      const { id, key, value: fieldValue } = intent;
      if (!isId(id, ELEMENT_ID) || typeof key !== 'string' || key.length > MAX_FIELD_KEY_LENGTH || !FIELD_KEY.test(key)) return undefined;
      if (typeof fieldValue !== 'string' || fieldValue.length > MAX_FIELD_VALUE_LENGTH || !isOneLine(fieldValue)) return undefined;
      return { type, baseVersion, id, key, value: fieldValue };
    }
    case 'move-vm':
      return isId(intent.vm, ELEMENT_ID) && isId(intent.host, ELEMENT_ID) ? { type, baseVersion, vm: intent.vm, host: intent.host } : undefined;
    case 'add-link':
      return isId(intent.from, ELEMENT_ID) && isId(intent.to, ELEMENT_ID) ? { type, baseVersion, from: intent.from, to: intent.to } : undefined;
    case 'delete-link': {
      const link = parseLinkSelector(intent.link);
      return link && { type, baseVersion, link };
    }
    case 'set-position': {
      const placed = parsePlaced({ id: intent.id, position: intent.position });
      return placed && { type, baseVersion, id: placed.id, position: placed.position };
    }
    case 'set-positions': {
      const positions = parsePlacedList(intent.positions);
      return positions && { type, baseVersion, positions };
    }
    case 'set-placement': {
      const ids = parseIdList(intent.ids);
      const to = parsePlacementTarget(intent.to);
      if (!ids || !to) return undefined;
      if (intent.positions === undefined) return { type, baseVersion, ids, to };
      const positions = parsePlacedList(intent.positions);
      return positions && { type, baseVersion, ids, to, positions };
    }
  }
}

/** A dense array of 1 to MAX_PLACED_ELEMENTS items, each accepted by `parse`. */
function parseList<T>(list: unknown, parse: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_PLACED_ELEMENTS) return undefined;
  const items: T[] = [];
  for (let index = 0; index < list.length; index++) {
    const item = parse(Object.hasOwn(list, index) ? list[index] : undefined);
    if (item === undefined) return undefined;
    items.push(item);
  }
  return items;
}

function parsePlacedList(list: unknown): PlacedElement[] | undefined {
  return parseList(list, parsePlaced);
}

/** Ids of top-level elements (hosts, switches, arrays, racks). */
function parseIdList(list: unknown): string[] | undefined {
  return parseList(list, (item) => (isId(item, OWN_ID) ? item : undefined));
}

function parsePlacementTarget(value: unknown): PlacementTarget | undefined {
  const none = record(value, ['kind']);
  if (none) return none.kind === 'none' ? { kind: 'none' } : undefined;
  const target = record(value, ['kind', 'id']);
  const kind = target && oneOf(target.kind, ['site', 'rack', 'chassis'] as const);
  return target && kind && isId(target.id, OWN_ID) ? { kind, id: target.id } : undefined;
}

function parsePlaced(value: unknown): PlacedElement | undefined {
  const placed = record(value, ['id', 'position']);
  const position = placed && record(placed.position, ['x', 'y']);
  if (!placed || !position || !isId(placed.id, ELEMENT_ID) || !isCoordinate(position.x) || !isCoordinate(position.y)) return undefined;
  return { id: placed.id, position: { x: position.x, y: position.y } };
}

function parseLinkSelector(value: unknown): LinkSelector | undefined {
  const byIndex = record(value, ['index']);
  if (byIndex) return isCount(byIndex.index) ? { index: byIndex.index } : undefined;
  const byEnds = record(value, ['from', 'to']);
  if (byEnds && isId(byEnds.from, ELEMENT_ID) && isId(byEnds.to, ELEMENT_ID)) return { from: byEnds.from, to: byEnds.to };
  return undefined;
}

function parseNewElement(value: unknown): NewElement | undefined {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'kind')) return undefined;
  const kind = oneOf(Reflect.get(value, 'kind'), ['host', 'vm', 'switch', 'array', 'datastore', 'site', 'rack'] as const);
  switch (kind) {
    case 'host': {
      const element = record(value, ['kind', 'id'], ['cluster']);
      if (!element || !isId(element.id, OWN_ID)) return undefined;
      if (element.cluster === undefined) return { kind, id: element.id };
      return isId(element.cluster, OWN_ID) ? { kind, id: element.id, cluster: element.cluster } : undefined;
    }
    case 'vm': {
      const element = record(value, ['kind', 'id', 'host']);
      return element && isId(element.id, OWN_ID) && isId(element.host, OWN_ID) ? { kind, id: element.id, host: element.host } : undefined;
    }
    case 'switch': {
      const element = record(value, ['kind', 'id', 'switchType'], ['fabric']);
      const switchType = element && oneOf(element.switchType, ['fc', 'ethernet'] as const);
      if (!element || !switchType || !isId(element.id, OWN_ID)) return undefined;
      if (element.fabric === undefined) return { kind, id: element.id, switchType };
      return typeof element.fabric === 'string' && FABRIC.test(element.fabric) ? { kind, id: element.id, switchType, fabric: element.fabric } : undefined;
    }
    case 'array': {
      const element = record(value, ['kind', 'id']);
      return element && isId(element.id, OWN_ID) ? { kind, id: element.id } : undefined;
    }
    case 'datastore': {
      const element = record(value, ['kind', 'id'], ['array']);
      if (!element || !isId(element.id, OWN_ID)) return undefined;
      if (element.array === undefined) return { kind, id: element.id };
      return isId(element.array, OWN_ID) ? { kind, id: element.id, array: element.array } : undefined;
    }
    case 'site': {
      const element = record(value, ['kind', 'id']);
      return element && isId(element.id, OWN_ID) ? { kind, id: element.id } : undefined;
    }
    case 'rack': {
      const element = record(value, ['kind', 'id'], ['site']);
      if (!element || !isId(element.id, OWN_ID)) return undefined;
      if (element.site === undefined) return { kind, id: element.id };
      return isId(element.site, OWN_ID) ? { kind, id: element.id, site: element.site } : undefined;
    }
    case undefined:
      return undefined;
  }
}
