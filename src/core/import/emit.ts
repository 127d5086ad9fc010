/**
 * Writes an imported design as .vtopo text a person can read and diff: sections in the
 * order of docs/format.md, one element per line where it fits, nested mappings inline
 * where they fit, block style otherwise, and the same bytes for the same draft.
 */

import { parse } from 'yaml';

export type DraftScalar = string | number | boolean;

/** A mapping written in key order; undefined values are left out. */
export interface DraftMap {
  readonly [key: string]: DraftValue | undefined;
}

/** A mapping whose keys are ids (kept apart from DraftMap so numeric-looking ids keep their order). */
export interface DraftCollection {
  readonly kind: 'collection';
  readonly entries: ReadonlyMap<string, DraftElement>;
}

export interface DraftElement {
  readonly value: DraftValue;
  /** Written after the key, e.g. the name the element had in the inventory. */
  readonly comment?: string;
}

export type DraftValue = DraftScalar | readonly DraftValue[] | DraftMap | DraftCollection;

export function collection(entries: ReadonlyMap<string, DraftElement>): DraftCollection {
  return { kind: 'collection', entries };
}

export interface DraftDocument {
  /** Comment lines at the top of the file (without "# "). */
  readonly header: readonly string[];
  /** Top-level sections in order; a section that is undefined or empty is left out. */
  readonly sections: ReadonlyArray<readonly [string, DraftValue | undefined]>;
}

/** Longest line a nested mapping or list is written inline on. */
const LINE_WIDTH = 120;
const INDENT = '  ';

export function emitDraft(document: DraftDocument): string {
  const lines = document.header.map((line) => (line === '' ? '#' : `# ${oneLine(line)}`));
  for (const [key, value] of document.sections) {
    if (value === undefined || isEmpty(value)) continue;
    if (lines.length > 0 && !isScalar(value)) lines.push('');
    if (isCollection(value)) {
      // A section of elements is always a block, one element per line or more.
      lines.push(`${scalarText(key, false)}:`);
      writeBlock(lines, INDENT, value);
    } else writeEntry(lines, '', key, value, undefined);
  }
  return `${lines.join('\n')}\n`;
}

function writeEntry(lines: string[], indent: string, key: string, value: DraftValue, comment: string | undefined): void {
  const head = `${indent}${scalarText(key, false)}:`;
  const trailer = comment === undefined ? '' : `  # ${oneLine(comment)}`;
  if (isScalar(value)) {
    lines.push(`${head} ${scalarText(value, false)}${trailer}`);
    return;
  }
  const inline = flowText(value);
  if (inline !== undefined && head.length + 1 + inline.length + trailer.length <= LINE_WIDTH) {
    lines.push(`${head} ${inline}${trailer}`);
    return;
  }
  lines.push(`${head}${trailer}`);
  writeBlock(lines, indent + INDENT, value);
}

function writeBlock(lines: string[], indent: string, value: DraftValue): void {
  if (Array.isArray(value)) {
    for (const item of value as readonly DraftValue[]) {
      const inline = isScalar(item) ? scalarText(item, false) : flowText(item);
      if (inline !== undefined) lines.push(`${indent}- ${inline}`);
      else {
        // A long mapping in a list: its first key on the dash line.
        const nested: string[] = [];
        writeBlock(nested, `${indent}  `, item);
        lines.push(`${indent}- ${(nested[0] ?? '').trimStart()}`, ...nested.slice(1));
      }
    }
    return;
  }
  if (isCollection(value)) {
    for (const [id, element] of value.entries) writeEntry(lines, indent, id, element.value, element.comment);
    return;
  }
  for (const [key, field] of Object.entries(value as DraftMap)) {
    if (field === undefined) continue;
    writeEntry(lines, indent, key, field, undefined);
  }
}

/** The inline form, or undefined when a part of it cannot be inline (a comment). */
function flowText(value: DraftValue): string | undefined {
  if (isScalar(value)) return scalarText(value, true);
  if (Array.isArray(value)) {
    const items = (value as readonly DraftValue[]).map(flowText);
    return items.some((item) => item === undefined) ? undefined : `[${items.join(', ')}]`;
  }
  const pairs: string[] = [];
  if (isCollection(value)) {
    for (const [id, element] of value.entries) {
      const text = element.comment === undefined ? flowText(element.value) : undefined;
      if (text === undefined) return undefined;
      pairs.push(`${scalarText(id, true)}: ${text}`);
    }
  } else {
    for (const [key, field] of Object.entries(value as DraftMap)) {
      if (field === undefined) continue;
      const text = flowText(field);
      if (text === undefined) return undefined;
      pairs.push(`${scalarText(key, true)}: ${text}`);
    }
  }
  return pairs.length === 0 ? '{}' : `{ ${pairs.join(', ')} }`;
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9 _./@+:()-]*$/;
/** YAML 1.2 reads these as booleans or null; on, off, yes and no are strings there, as the format's own examples write them. */
const RESERVED = new Set(['true', 'false', 'null', '~']);
const readsBack = new Map<string, boolean>();

/** A scalar as YAML: plain where it reads back as the same string, double-quoted otherwise. */
export function scalarText(value: DraftScalar, inFlow: boolean): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return isPlainSafe(value, inFlow) ? value : JSON.stringify(value);
}

function isPlainSafe(text: string, inFlow: boolean): boolean {
  if (text === '' || text !== text.trim() || text.includes(': ') || text.includes(' #') || text.endsWith(':')) return false;
  if (RESERVED.has(text.toLowerCase())) return false;
  if (PLAIN.test(text)) return !(inFlow && /[,[\]{}]/.test(text));
  // Quantities ("512 GB") and ids may start with a digit: plain when YAML reads them back as that string.
  if (/^[0-9][A-Za-z0-9 ._:/-]*$/.test(text)) {
    let plain = readsBack.get(text);
    if (plain === undefined) readsBack.set(text, (plain = parse(text) === text));
    return plain;
  }
  return false;
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

function isScalar(value: DraftValue): value is DraftScalar {
  return typeof value !== 'object';
}

function isCollection(value: DraftValue): value is DraftCollection {
  return typeof value === 'object' && !Array.isArray(value) && (value as DraftCollection).kind === 'collection' && (value as DraftCollection).entries instanceof Map;
}

function isEmpty(value: DraftValue): boolean {
  if (isScalar(value)) return false;
  if (Array.isArray(value)) return value.length === 0;
  if (isCollection(value)) return value.entries.size === 0;
  return Object.values(value as DraftMap).every((field) => field === undefined);
}
