/**
 * Minimal, comment-preserving text edits on a .vtopo document, computed from the source
 * ranges the reader keeps: set a field of an element, add an entry to a section, add an
 * element, remove an entry; and the edit algebra (normalize, apply, invert). Quick fixes
 * and the designer's intents (intents.ts) use these so that an edit touches only the lines
 * it must.
 */

import type { FileValue } from '../model/format';
import type { TextEdit } from '../model/report';
import type { ObjectSource } from '../model/schema';
import type { SourceRange } from '../model/source';

/** Start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
}

/**
 * End of the line holding `offset`: the offset of its line break (the `\r` of a CRLF, so
 * that text inserted there goes before the whole break), or the text's end.
 */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** Start of the line after the one holding `offset` (past its LF or CRLF), or the text's end. */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

export function isFlow(text: string, range: SourceRange): boolean {
  const first = text.slice(range.start, range.end).trimStart()[0];
  return first === '{' || first === '[';
}

export function newlineOf(text: string): string {
  // The first line break says: scanning the whole text for "\r\n" costs O(size) per edit (a 3 MB design, hundreds of quick fixes).
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Sets `key: value` on an element or settings mapping: replaces the value when the key is
 * there, else adds the key after the mapping's last key (block style) or before its closing
 * brace (flow style). `value` is YAML text, written as given. A field the element takes
 * from its host profile is not there: the key is added to the element, which then
 * overrides the profile.
 */
export function setField(text: string, source: ObjectSource<string>, key: string, value: string): TextEdit {
  const own = ownFields(source);
  const existing = own[key];
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
  const fields = Object.values(own).filter((f): f is { key: SourceRange; value: SourceRange } => f !== undefined);
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

/** The fields written in the mapping itself: not those it takes from a host profile, whose text is the profile's. */
export function ownFields(source: ObjectSource<string>): ObjectSource<string>['fields'] {
  const entries = Object.entries(source.fields).filter(([, field]) => field !== undefined && field.inheritedFrom === undefined);
  return entries.length === Object.keys(source.fields).length ? source.fields : Object.fromEntries(entries);
}

export type Section = 'sites' | 'racks' | 'clusters' | 'hosts' | 'switches' | 'arrays' | 'datastores' | 'links' | 'vms' | 'guestClusters' | 'rules';

/**
 * Sections written near the top of a design when they are added: before the first of these
 * that the file has (the format's order), rather than at its end.
 */
const WRITTEN_BEFORE: Partial<Record<Section, readonly string[]>> = {
  sites: ['racks', 'chassis', 'powerFeeds', 'clusters', 'hostProfiles', 'hosts', 'switches', 'distributedSwitches', 'arrays', 'datastores', 'links', 'vms', 'guestClusters', 'rules'],
  racks: ['chassis', 'powerFeeds', 'clusters', 'hostProfiles', 'hosts', 'switches', 'distributedSwitches', 'arrays', 'datastores', 'links', 'vms', 'guestClusters', 'rules'],
};

/** Where a section written before `key` goes: above the comment lines right over the key, which belong to it. */
function aboveComments(text: string, keyStart: number): number {
  let start = lineStart(text, keyStart);
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    if (!/^\s*#/.test(text.slice(previous, start))) break;
    start = previous;
  }
  return start;
}

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
  const following = (WRITTEN_BEFORE[section] ?? [])
    .flatMap((key) => {
      const written = file.source.fields[key as keyof typeof file.source.fields];
      return written ? [written.key.start] : [];
    })
    .sort((a, b) => a - b)[0];
  if (following !== undefined) {
    const start = aboveComments(text, following);
    return { range: { start, end: start }, newText: `${body}${nl}` };
  }
  const layout = file.source.fields.layout;
  if (layout) {
    const start = lineStart(text, layout.key.start);
    return { range: { start, end: start }, newText: `${body}${nl}` };
  }
  const needsNewline = text.length > 0 && !text.endsWith('\n');
  return { range: { start: text.length, end: text.length }, newText: `${needsNewline ? nl : ''}${nl}${body}` };
}

/** Offset just past the last non-blank character of a range (block values run on over their line break). */
export function contentEnd(text: string, range: SourceRange): number {
  return range.start + text.slice(range.start, range.end).trimEnd().length;
}

/**
 * Removes one entry of a collection or list (an element, a cable) given its range. In block
 * style the entry's whole lines go, with its `- ` and a trailing comment on its last line;
 * comment lines before and after it stay. Inside a flow collection the entry goes with the
 * comma that separates it from a neighbour.
 */
export function removeEntry(text: string, range: SourceRange): TextEdit {
  const start = lineStart(text, range.start);
  const end = contentEnd(text, range);
  const prefix = text.slice(start, range.start);
  const suffix = text.slice(end, lineEnd(text, end));
  if (/^\s*(-\s+)?$/.test(prefix) && /^\s*(#.*)?$/.test(suffix)) {
    return { range: { start, end: nextLineStart(text, end) }, newText: '' };
  }
  const commaAfter = /^\s*,\s*/.exec(text.slice(end));
  if (commaAfter) return { range: { start: range.start, end: end + commaAfter[0].length }, newText: '' };
  const commaBefore = /,\s*$/.exec(text.slice(0, range.start));
  if (commaBefore) return { range: { start: range.start - commaBefore[0].length, end }, newText: '' };
  return { range: { start: range.start, end }, newText: '' };
}

/**
 * Removes fields of an element or settings mapping: in block style each goes with its whole
 * lines (and a comment on its last line), in flow style with the comma that separates it
 * from a neighbour, also when neighbouring fields go together (`{ a: 1, b: 2, c: 3 }` without
 * b and c is `{ a: 1 }`). Keys that are not written in the mapping itself are skipped.
 */
export function removeFields(text: string, source: ObjectSource<string>, keys: readonly string[]): TextEdit[] {
  const own = ownFields(source);
  const fields = Object.entries(own)
    .flatMap(([key, field]) => (field ? [{ key, start: field.key.start, end: contentEnd(text, field.value) }] : []))
    .sort((a, b) => a.start - b.start);
  const removed = new Set(keys.filter((key) => own[key] !== undefined));
  if (removed.size === 0) return [];
  if (!isFlow(text, source.range)) return fields.filter((field) => removed.has(field.key)).map((field) => removeEntry(text, { start: field.start, end: field.end }));
  const edits: TextEdit[] = [];
  // The fields that go after the last one that stays take the comma before them with them.
  let lastKept = -1;
  fields.forEach((field, index) => {
    if (!removed.has(field.key)) lastKept = index;
  });
  fields.forEach((field, index) => {
    if (!removed.has(field.key)) return;
    const next = fields[index + 1];
    if (index < lastKept && next) edits.push({ range: { start: field.start, end: next.start }, newText: '' });
  });
  const tail = fields.slice(lastKept + 1);
  const first = tail[0];
  const last = tail.at(-1);
  if (first && last) {
    const kept = fields[lastKept];
    edits.push({ range: { start: kept ? kept.end : first.start, end: last.end }, newText: '' });
  }
  return edits;
}

/** The fields of a new element, in order: a value is YAML text or nested fields. */
export type NewFields = ReadonlyArray<readonly [key: string, value: string | NewFields]>;

function flowMapping(fields: NewFields): string {
  if (fields.length === 0) return '{}';
  return `{ ${fields.map(([key, value]) => `${key}: ${typeof value === 'string' ? value : flowMapping(value)}`).join(', ')} }`;
}

function blockLines(fields: NewFields): string[] {
  return fields.flatMap(([key, value]) => {
    if (typeof value === 'string' || value.length === 0) return [`${key}: ${typeof value === 'string' ? value : '{}'}`];
    return [`${key}:`, ...blockLines(value).map((line) => `  ${line}`)];
  });
}

/**
 * Adds an element to a keyed section in the style the section is written in: a mapping
 * keyed by id or a list with `id:`, block or flow. `inline` writes the element on one line
 * (`fc-a: { type: fc }`) as the examples do for small elements.
 */
export function addElement(text: string, file: FileValue, section: Exclude<Section, 'links'>, id: string, fields: NewFields, inline: boolean): TextEdit {
  const field = file.source.fields[section];
  const valueText = field ? text.slice(field.value.start, contentEnd(text, field.value)) : '';
  const listStyle = valueText.startsWith('-') || valueText.startsWith('[');
  if (field && isFlow(text, field.value) && !/^[[{]\s*[\]}]$/.test(valueText)) {
    const closing = contentEnd(text, field.value) - 1;
    const entry = listStyle ? flowMapping([['id', id], ...fields]) : `${id}: ${flowMapping(fields)}`;
    return { range: { start: closing, end: closing }, newText: `, ${entry} ` };
  }
  if (listStyle && valueText.startsWith('-')) {
    const lines = inline ? [`- ${flowMapping([['id', id], ...fields])}`] : blockLines([['id', id], ...fields]).map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`));
    return addToSection(text, file, section, lines.join('\n'));
  }
  const entry = inline ? `${id}: ${flowMapping(fields)}` : blockLines([[id, fields]]).join('\n');
  return addToSection(text, file, section, entry);
}

/**
 * Edits sorted by offset with no two starting at one offset: insertions at the same offset
 * are joined in the order given (applyEdits and editors disagree on their order otherwise).
 * Throws on overlapping edits, which no computation here should produce.
 */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.range.start - b.edit.range.start || a.order - b.order);
  const result: TextEdit[] = [];
  for (const { edit } of sorted) {
    const previous = result.at(-1);
    if (previous && previous.range.start === edit.range.start && (previous.range.end === previous.range.start || edit.range.end === edit.range.start)) {
      result[result.length - 1] = { range: { start: previous.range.start, end: Math.max(previous.range.end, edit.range.end) }, newText: previous.newText + edit.newText };
      continue;
    }
    if (previous && edit.range.start < previous.range.end) {
      throw new Error(`overlapping edits at ${previous.range.start}-${previous.range.end} and ${edit.range.start}-${edit.range.end}`);
    }
    if (edit.range.start === edit.range.end && edit.newText === '') continue;
    result.push(edit);
  }
  return result;
}

/**
 * The edits that undo `edits` once they are applied to `text`: applying the result to the
 * edited text gives back `text` exactly.
 */
export function invertEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  let shift = 0;
  // Removing two neighbouring ranges gives two insertions at one offset: normalize joins them.
  return normalizeEdits(normalizeEdits(edits).map((edit) => {
    const start = edit.range.start + shift;
    shift += edit.newText.length - (edit.range.end - edit.range.start);
    return { range: { start, end: start + edit.newText.length }, newText: text.slice(edit.range.start, edit.range.end) };
  }));
}

/** Applies edits (non-overlapping) to a text; for tests and for the CLI's fix mode. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  return result;
}
