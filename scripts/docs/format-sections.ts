/**
 * The generated sections of the format guide (docs/format.md, docs/zh-cn/format.md): the
 * units table from src/core/model/units.ts and the field reference from the format
 * declaration (src/core/model/format.ts), in the words of a DocLanguage.
 */

import { linkDesignNotes } from '../../src/core/analysis/sources';
import { localize } from '../../src/core/l10n/messages';
import { vtopoFile } from '../../src/core/model/format';
import type { Field } from '../../src/core/model/schema';
import { DIMENSIONS, type Dimension } from '../../src/core/model/units';
import { grouped } from '../../src/core/text/plural';
import { CHINESE, type DocLanguage, ENGLISH } from './languages';
import { inChinese, joinSentences, tableCell } from './text';

export const FORMAT_DOC_PATH = 'docs/format.md';
export const ZH_CN_FORMAT_DOC_PATH = 'docs/zh-cn/format.md';
export const FIELDS_START = '<!-- generated:fields:start -->';
export const FIELDS_END = '<!-- generated:fields:end -->';
export const UNITS_START = '<!-- generated:units:start -->';
export const UNITS_END = '<!-- generated:units:end -->';

// ------------------------------------------------------------------ field reference

export interface FieldRow {
  /** Dotted key path; `<host>` stands for any id in a collection, `[]` for a list item. */
  readonly path: string;
  readonly typeName: string;
  readonly required: boolean;
  readonly defaultValue: unknown;
  readonly description: string;
  /** Other keys that spell the same field (`memoryGB`, `memory`). */
  readonly alternateKeys: readonly { readonly key: string; readonly withUnit: boolean }[];
  /** The bounds of a number, in the unit of its key (every number of the format has them). */
  readonly range?: { readonly min: number; readonly max: number; readonly unit?: string };
}

/** Every key of the format, depth first in declaration order. */
export function fieldRows(): FieldRow[] {
  const rows: FieldRow[] = [];
  addChildren(vtopoFile, '', rows);
  return rows;
}

function addChildren(field: Field<unknown>, path: string, rows: FieldRow[]): void {
  for (const [key, child] of Object.entries(field.children?.() ?? {})) {
    const childPath = path === '' ? key : `${path}.${key}`;
    rows.push(rowOf(childPath, child, key));
    addContents(child, childPath, rows);
  }
}

/** What is inside a field: its own keys, or the items of a list, collection or record. */
function addContents(field: Field<unknown>, path: string, rows: FieldRow[]): void {
  if (field.children) {
    addChildren(field, path, rows);
    return;
  }
  if (!field.items) return;
  const item = field.items();
  const segment = itemSegment(field);
  const itemPath = segment === '[]' ? `${path}[]` : `${path}.${segment}`;
  // A list of plain values (ids, roles) is fully described by its own row.
  if (segment === '[]' && !item.children) return;
  rows.push(rowOf(itemPath, item, undefined));
  addContents(item, itemPath, rows);
}

/** How one item of a collection (`<host>`), record (`<rule id>`) or list (`[]`) is written in a path. */
function itemSegment(field: Field<unknown>): string {
  const collection = /^(\S+) collection$/.exec(field.typeName);
  if (collection) return `<${collection[1]}>`;
  const record = /^mapping of (.+?) to /.exec(field.typeName);
  if (record) return `<${record[1]}>`;
  return '[]';
}

function rowOf(path: string, field: Field<unknown>, key: string | undefined): FieldRow {
  const alternates = key === undefined ? [] : field.alternateKeys?.(key) ?? [];
  const numeric = /^(?:integer|number)(?: \((.+)\))?$/.exec(field.typeName);
  const schema = numeric ? field.jsonSchema() : {};
  const range = typeof schema.minimum === 'number' && typeof schema.maximum === 'number'
    ? { min: schema.minimum, max: schema.maximum, ...(numeric?.[1] !== undefined ? { unit: numeric[1] } : {}) }
    : undefined;
  return {
    path,
    typeName: field.typeName,
    required: field.required,
    defaultValue: field.defaultValue,
    description: field.description,
    alternateKeys: alternates.map((a) => ({ key: a.key, withUnit: a.field.jsonSchema().type === 'string' })),
    ...(range ? { range } : {}),
  };
}

function formatDefault(row: FieldRow, language: DocLanguage): string {
  if (row.required) return language.fields.required;
  if (row.defaultValue === undefined) return '';
  const value = row.defaultValue;
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** The field reference in the words of `language`, the descriptions in the current language of src/core. */
export function generateFieldReference(language: DocLanguage = ENGLISH): string {
  const words = language.fields;
  const lines = ['', words.comment, '', words.intro, '', words.header, '| --- | --- | --- | --- |'];
  for (const row of fieldRows()) {
    const also = row.alternateKeys.length === 0
      ? ''
      : words.also(row.alternateKeys.map((a) => (a.withUnit ? `\`${a.key}\`${words.withUnit}` : `\`${a.key}\``)).join(language.listSeparator));
    const range = row.range ? words.range(language.span(grouped(row.range.min), `${grouped(row.range.max)}${row.range.unit ? ` ${row.range.unit}` : ''}`)) : '';
    const description = joinSentences(localize(row.description), range, also);
    lines.push(`| \`${row.path}\` | ${tableCell(row.typeName)} | ${formatDefault(row, language)} | ${tableCell(linkDesignNotes(description, language.docsFolder))} |`);
  }
  lines.push('');
  return lines.join('\n');
}

// ------------------------------------------------------------------------------ units

/** The units table in the words of `language`. */
export function generateUnitsTable(language: DocLanguage = ENGLISH): string {
  const words = language.units;
  const lines = ['', words.comment, '', words.header, '| --- | --- | --- | --- | --- |'];
  for (const [dimension, definition] of Object.entries(DIMENSIONS) as Array<[Dimension, (typeof DIMENSIONS)[Dimension]]>) {
    const suffixes = definition.units.map((u) => `\`${u.keySuffix}\``).join(language.listSeparator);
    const spellings = definition.units.map((u) => [u.symbol, ...u.aliases].map((a) => `\`${a}\``).join(' ')).join(language.listSeparator);
    lines.push(`| ${words.dimensions[dimension]} | ${definition.baseUnit} | ${suffixes} | ${tableCell(spellings)} | \`"${definition.example}"\` |`);
  }
  lines.push('');
  return lines.join('\n');
}

// --------------------------------------------------------------------- format guide

function replaceBetween(doc: string, startMarker: string, endMarker: string, content: string, path: string): string {
  const start = doc.indexOf(startMarker);
  const end = doc.indexOf(endMarker);
  if (start < 0 || end < start) {
    throw new Error(`${path} must contain ${startMarker} followed by ${endMarker}`);
  }
  return `${doc.slice(0, start + startMarker.length)}\n${content}\n${doc.slice(end)}`;
}

/** A format guide (at `path`) with its generated sections in the words of `language`. */
function withSections(formatDoc: string, language: DocLanguage, path: string): string {
  const withUnits = replaceBetween(formatDoc, UNITS_START, UNITS_END, generateUnitsTable(language), path);
  return replaceBetween(withUnits, FIELDS_START, FIELDS_END, generateFieldReference(language), path);
}

/** The format guide with its generated sections (units, field reference) brought up to date. */
export function withGeneratedSections(formatDoc: string): string {
  return withSections(formatDoc, ENGLISH, FORMAT_DOC_PATH);
}

/**
 * The Chinese format guide (hand-translated, with the same markers) with its generated
 * sections in Chinese; the field descriptions in the language of `bundle`.
 */
export function withGeneratedSectionsZh(formatDoc: string, bundle: Readonly<Record<string, string>>): string {
  return inChinese(bundle, () => withSections(formatDoc, CHINESE, ZH_CN_FORMAT_DOC_PATH));
}

/** The YAML of the first ```yaml block after the guide's "## Complete example" heading. */
export function completeExample(formatDoc: string): string {
  const section = formatDoc.indexOf('\n## Complete example');
  const block = section < 0 ? undefined : /```yaml\n([\s\S]*?)```/.exec(formatDoc.slice(section))?.[1];
  if (block === undefined) throw new Error(`${FORMAT_DOC_PATH} has no "## Complete example" section with a yaml block`);
  return block;
}

/** Every ```yaml block of a Markdown document, in order. */
export function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}
