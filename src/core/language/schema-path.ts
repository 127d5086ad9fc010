/**
 * Finds the field of the `.vtopo` format (format.ts) that describes the value at a YAML
 * path, so that completion and hover speak with the same words as the reader.
 */

import { vtopoFile } from '../model/format';
import type { Field } from '../model/schema';
import type { PathSegment } from './cursor';

export type AnyField = Field<unknown>;

/** A key a mapping accepts, with the field it reads; alternates spell a unit differently. */
export interface FieldKey {
  readonly key: string;
  readonly field: AnyField;
  /** The key the format stores the value under (`memoryMB` for `memory`). */
  readonly canonicalKey: string;
  /** Whether the mapping needs this value, under one spelling or another. */
  readonly required: boolean;
}

export function fieldAtPath(path: readonly PathSegment[]): AnyField | undefined {
  let field: AnyField | undefined = vtopoFile;
  for (const segment of path) {
    if (!field) return undefined;
    field = typeof segment === 'number' ? itemField(field, segment) : keyField(field, segment);
  }
  return field;
}

/** The field for `key` in a mapping field; in a collection or record, every key is an entry. */
export function keyField(field: AnyField, key: string): AnyField | undefined {
  const children = field.children?.();
  if (!children) return field.items?.();
  return mappingKeys(field).find((entry) => entry.key === key)?.field;
}

/**
 * The field for the item at `index` of a list field. A field written as a short list,
 * such as a link `[from, to]`, takes its items from its keys in order.
 */
function itemField(field: AnyField, index: number): AnyField | undefined {
  const items = field.items?.();
  if (items) return items;
  const children = field.children?.();
  return children ? Object.values(children)[index] : undefined;
}

/** Every key a mapping field accepts: its own keys and their unit alternates. */
export function mappingKeys(field: AnyField): FieldKey[] {
  const children = field.children?.();
  if (!children) return [];
  const keys: FieldKey[] = [];
  for (const [canonicalKey, child] of Object.entries(children)) {
    keys.push({ key: canonicalKey, field: child, canonicalKey, required: child.required });
    for (const alternate of child.alternateKeys?.(canonicalKey) ?? []) {
      keys.push({ key: alternate.key, field: alternate.field, canonicalKey, required: child.required });
    }
  }
  return keys;
}

/** True when the field's value is written as a nested mapping or list. */
export function isStructured(field: AnyField): boolean {
  return field.children !== undefined || field.items !== undefined;
}
