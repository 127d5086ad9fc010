/**
 * Elements as the editor sees them: the value read for an id together with the schema that
 * declares its fields, found by walking the format's collections (an array's port and a
 * host's port are both `port`s, but have different fields). Also resolves a field key,
 * as the user may spell it (`memory`, `memoryGB`), to the format's field.
 */

import { vtopoFile } from '../model/format';
import type { Field, ObjectSource } from '../model/schema';
import type { Topology } from '../model/topology';

type Shape = Readonly<Record<string, Field<unknown>>>;

/** A mapping as read: its fields' values by key and where they are in the text. */
export interface ReadMapping {
  readonly values: Readonly<Record<string, unknown>>;
  readonly source: ObjectSource<string>;
}

export interface EditableElement extends ReadMapping {
  readonly id: string;
  /** The element's fields, as the format declares them. */
  readonly shape: Shape;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A value read by `object()`: it carries the ranges of its fields. */
export function asReadMapping(value: unknown): ReadMapping | undefined {
  if (!isRecord(value)) return undefined;
  const source: unknown = value.source;
  if (!isRecord(source) || !isRecord(source.range) || !isRecord(source.fields)) return undefined;
  return { values: value, source: source as unknown as ObjectSource<string> };
}

/** The element with this id (nested ids such as `esx-01/hba1/p0` included), if it was read. */
export function findElement(topology: Topology, id: string): EditableElement | undefined {
  const fileShape = vtopoFile.children?.();
  if (!topology.file || !fileShape) return undefined;
  return findIn(topology.file, fileShape, id);
}

function findIn(container: unknown, shape: Shape, id: string): EditableElement | undefined {
  if (!isRecord(container)) return undefined;
  for (const [key, field] of Object.entries(shape)) {
    const itemShape = field.items?.().children?.();
    const items = container[key];
    if (!itemShape || !Array.isArray(items)) continue;
    for (const item of items as unknown[]) {
      if (!isRecord(item) || typeof item.id !== 'string') continue;
      if (item.id === id) {
        const mapping = asReadMapping(item);
        return mapping ? { ...mapping, id, shape: itemShape } : undefined;
      }
      if (id.startsWith(`${item.id}/`)) return findIn(item, itemShape, id);
    }
  }
  return undefined;
}

export interface ResolvedKey {
  /** The key the format declares (`memoryMB`). */
  readonly fieldKey: string;
  readonly field: Field<unknown>;
}

/** The field a key names in a mapping, under its own name or an alternate spelling. */
export function resolveKey(shape: Shape, key: string): ResolvedKey | undefined {
  const own = Object.hasOwn(shape, key) ? shape[key] : undefined;
  if (own) return { fieldKey: key, field: own };
  for (const [fieldKey, field] of Object.entries(shape)) {
    if (field.alternateKeys?.(fieldKey).some((alternate) => alternate.key === key)) return { fieldKey, field };
  }
  return undefined;
}

/** Whether a field holds elements with ids of their own (edited one by one, never as a whole). */
export function holdsElements(field: Field<unknown>): boolean {
  return field.typeName.endsWith(' collection');
}
