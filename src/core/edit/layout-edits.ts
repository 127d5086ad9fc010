/**
 * Edits of the `layout:` section, where the designer keeps canvas positions: update an
 * entry in place (keeping its `[x, y]` or `{ x, y }` spelling), add entries after the last
 * one, create the section at the end of the file, or remove entries of deleted elements.
 */

import type { FileValue, Position } from '../model/format';
import type { TextEdit } from '../model/report';
import type { SourceRange } from '../model/source';
import { contentEnd, isFlow, lineEnd, lineStart, newlineOf, nextLineStart, removeEntry } from './yaml-edits';

export interface PlacedElement {
  readonly id: string;
  readonly position: Position;
}

function formatPosition(position: Position, asList: boolean): string {
  return asList ? `[${position.x}, ${position.y}]` : `{ x: ${position.x}, y: ${position.y} }`;
}

function indentOf(text: string, offset: number): number {
  return /^ */.exec(text.slice(lineStart(text, offset)))?.[0].length ?? 0;
}

/**
 * Where a layout entry's value is: a flow value on the key's line, or a block below it
 * (the lines indented deeper than the key). `colon` is the offset of the key's colon.
 */
function entryValue(text: string, keyRange: SourceRange): { range: SourceRange; colon: number } {
  const colon = text.indexOf(':', keyRange.end);
  const rest = text.slice(colon + 1, lineEnd(text, colon));
  const start = colon + 1 + (rest.length - rest.trimStart().length);
  const opening = text[start];
  if (opening === '[' || opening === '{') {
    const closing = text.indexOf(opening === '[' ? ']' : '}', start);
    return { range: { start, end: closing + 1 }, colon };
  }
  const keyIndent = indentOf(text, keyRange.start);
  let end = lineEnd(text, colon);
  let next = nextLineStart(text, colon);
  while (next < text.length) {
    const lineText = text.slice(next, lineEnd(text, next));
    const blank = /^\s*(#.*)?$/.test(lineText);
    if (!blank && indentOf(text, next) <= keyIndent) break;
    if (!blank) end = lineEnd(text, next);
    next = nextLineStart(text, next);
  }
  return { range: { start, end }, colon };
}

/**
 * The comments in the lines of a block layout entry, in order. Its values are numbers, so a
 * `#` at a line's start or after a space starts a comment.
 */
function commentsIn(block: string): string[] {
  return block.split(/\r?\n/).flatMap((line) => {
    const comment = /(?:^|\s)(#.*)$/.exec(line)?.[1]?.trimEnd();
    return comment !== undefined ? [comment] : [];
  });
}

/** Edits that place the elements: existing entries are updated in place, new ones added. */
export function setPositions(text: string, file: FileValue, placed: readonly PlacedElement[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const added: PlacedElement[] = [];
  for (const element of placed) {
    const entry = file.layout?.get(element.id);
    if (!entry) {
      added.push(element);
      continue;
    }
    const { range, colon } = entryValue(text, entry.keyRange);
    const asList = text[range.start] === '[';
    if (text[range.start] === '[' || text[range.start] === '{') {
      edits.push({ range, newText: formatPosition(element.position, asList) });
    } else {
      // A block entry is rewritten on one line; its comments stay, the first on the key's line.
      const [first, ...others] = commentsIn(text.slice(colon + 1, range.end));
      const indent = ' '.repeat(indentOf(text, entry.keyRange.start) + 2);
      const comments = `${first !== undefined ? ` ${first}` : ''}${others.map((comment) => `${newlineOf(text)}${indent}${comment}`).join('')}`;
      edits.push({ range: { start: colon + 1, end: range.end }, newText: ` ${formatPosition(element.position, false)}${comments}` });
    }
  }
  if (added.length > 0) edits.push(addEntries(text, file, added));
  return edits;
}

function addEntries(text: string, file: FileValue, added: readonly PlacedElement[]): TextEdit {
  const nl = newlineOf(text);
  const layout = file.source.fields.layout;
  const entries = added.map((element) => `${element.id}: ${formatPosition(element.position, false)}`);
  if (!layout) {
    const separator = text === '' || text.endsWith('\n') ? nl : `${nl}${nl}`;
    return { range: { start: text.length, end: text.length }, newText: `${separator}layout:${entries.map((entry) => `${nl}  ${entry}`).join('')}${nl}` };
  }
  const end = contentEnd(text, layout.value);
  if (isFlow(text, layout.value)) {
    const closing = end - 1;
    const empty = text.slice(layout.value.start + 1, closing).trim() === '';
    return { range: { start: closing, end: closing }, newText: empty ? `${entries.join(', ')} ` : `, ${entries.join(', ')} ` };
  }
  if (end <= layout.value.start) {
    const at = lineEnd(text, layout.key.end);
    return { range: { start: at, end: at }, newText: entries.map((entry) => `${nl}  ${entry}`).join('') };
  }
  const indent = ' '.repeat(indentOf(text, layout.value.start));
  const at = lineEnd(text, end - 1);
  return { range: { start: at, end: at }, newText: entries.map((entry) => `${nl}${indent}${entry}`).join('') };
}

/** Edits that remove the layout entries of these elements (those that have one). */
export function removePositions(text: string, file: FileValue, ids: ReadonlySet<string>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const [id, entry] of file.layout ?? []) {
    if (!ids.has(id)) continue;
    const { range } = entryValue(text, entry.keyRange);
    edits.push(removeEntry(text, { start: entry.keyRange.start, end: range.end }));
  }
  return edits;
}
