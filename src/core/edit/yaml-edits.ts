/**
 * Minimal, comment-preserving text edits on a .vtopo document, computed from the source
 * ranges the reader keeps: set a field of an element, add an entry to a section. Quick
 * fixes (and later the designer) use these so that an edit touches only the lines it must.
 */

import type { FileValue } from '../model/format';
import type { TextEdit } from '../model/report';
import type { ObjectSource } from '../model/schema';
import type { SourceRange } from '../model/source';

/** Start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
}

/** End of the line holding `offset` (the offset of its newline, or the text's end). */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function isFlow(text: string, range: SourceRange): boolean {
  const first = text.slice(range.start, range.end).trimStart()[0];
  return first === '{' || first === '[';
}

function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Sets `key: value` on an element or settings mapping: replaces the value when the key is
 * there, else adds the key after the mapping's last key (block style) or before its closing
 * brace (flow style). `value` is YAML text, written as given.
 */
export function setField(text: string, source: ObjectSource<string>, key: string, value: string): TextEdit {
  const existing = source.fields[key];
  if (existing) {
    // A block list or mapping's range runs on over its final line break, which must stay;
    // and a value that starts on the next line is replaced from the key's colon on.
    const end = existing.value.start + text.slice(existing.value.start, existing.value.end).trimEnd().length;
    const colon = text.indexOf(':', existing.key.end);
    if (colon >= 0 && colon < existing.value.start && text.slice(colon, existing.value.start).includes('\n')) {
      return { range: { start: colon + 1, end }, newText: ` ${value}` };
    }
    return { range: { start: existing.value.start, end }, newText: value };
  }
  const fields = Object.values(source.fields).filter((f): f is { key: SourceRange; value: SourceRange } => f !== undefined);
  if (isFlow(text, source.range)) {
    const closing = text.lastIndexOf('}', source.range.end);
    const inner = text.slice(source.range.start + 1, closing).trim();
    return { range: { start: closing, end: closing }, newText: inner === '' ? `${key}: ${value}` : `, ${key}: ${value} ` };
  }
  const last = fields.reduce<{ key: SourceRange; value: SourceRange } | undefined>((a, f) => (!a || f.value.end > a.value.end ? f : a), undefined);
  const first = fields.reduce<{ key: SourceRange; value: SourceRange } | undefined>((a, f) => (!a || f.key.start < a.key.start ? f : a), undefined);
  if (!last || !first) {
    const at = lineEnd(text, source.range.start);
    const indent = ' '.repeat(column(text, source.range.start) + 2);
    return { range: { start: at, end: at }, newText: `${newlineOf(text)}${indent}${key}: ${value}` };
  }
  const at = lineEnd(text, Math.max(last.value.end - 1, last.key.end));
  return { range: { start: at, end: at }, newText: `${newlineOf(text)}${' '.repeat(column(text, first.key.start))}${key}: ${value}` };
}

export type Section = 'clusters' | 'hosts' | 'switches' | 'arrays' | 'datastores' | 'links' | 'vms' | 'guestClusters' | 'rules';

/**
 * Adds an entry to a top-level section. `entry` is the YAML of one entry without
 * indentation: `id: { ... }` for keyed sections, `- [a, b]` or `- id: x` for lists; extra
 * lines of a multi-line entry are indented along. When the section is missing it is added
 * before `layout:` (which stays last) or at the end of the file.
 */
export function addToSection(text: string, file: FileValue, section: Section, entry: string): TextEdit {
  const nl = newlineOf(text);
  const field = file.source.fields[section];
  if (field && !isFlow(text, field.value) && field.value.end > field.value.start) {
    const indent = ' '.repeat(column(text, field.value.start));
    const at = lineEnd(text, Math.max(field.value.start, field.value.end - 1));
    return { range: { start: at, end: at }, newText: entry.split('\n').map((line) => `${nl}${indent}${line}`).join('') };
  }
  const body = `${section}:${entry.split('\n').map((line) => `${nl}  ${line}`).join('')}${nl}`;
  if (field) {
    // An empty or flow-style section: rewrite it as a block with the new entry only when empty.
    const flowText = text.slice(field.value.start, field.value.end).trim();
    if (flowText === '{}' || flowText === '[]' || flowText === '') {
      const start = lineStart(text, field.key.start);
      return { range: { start, end: lineEnd(text, field.value.end) + (text.slice(lineEnd(text, field.value.end)).startsWith(nl) ? nl.length : 0) }, newText: body };
    }
  }
  const layout = file.source.fields.layout;
  if (layout) {
    const start = lineStart(text, layout.key.start);
    return { range: { start, end: start }, newText: `${body}${nl}` };
  }
  const needsNewline = text.length > 0 && !text.endsWith('\n');
  return { range: { start: text.length, end: text.length }, newText: `${needsNewline ? nl : ''}${nl}${body}` };
}

/** Applies edits (non-overlapping) to a text; for tests and for the CLI's fix mode. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  return result;
}
