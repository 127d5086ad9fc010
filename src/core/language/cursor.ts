/**
 * Where the cursor is in the YAML structure, read from the text around it rather than from
 * a parse: while the user types, the text is usually incomplete (`    hos` under a VM
 * parses as the VM's value, not as a key), and re-parsing a 4 MB design on every
 * keystroke takes seconds. Indentation tells the block structure; the cursor's own line
 * is tokenized for keys, quotes and flow collections (`{ a: 1 }`, `[a, b]`).
 *
 * Limits: flow collections spanning several lines and block scalars around the cursor
 * are read as if each line stood alone.
 */

import type { SourceRange } from '../model/source';

/** A step down the YAML tree: a mapping key, or the position of a sequence item. */
export type PathSegment = string | number;

export interface CursorContext {
  /**
   * `key`: the cursor is on a key (or where one is being typed) of the mapping at `path`.
   * `value`: the cursor is on the value at `path` (a scalar being typed or a list item).
   */
  readonly position: 'key' | 'value';
  readonly path: readonly PathSegment[];
  /** The word under the cursor: what a completion replaces, what a hover names. */
  readonly word: SourceRange;
  /** Other keys already present in the same block mapping (key position only). */
  readonly siblingKeys: readonly string[];
  /** Column of the keys of this mapping, to indent what a completion inserts below. */
  readonly indent: number;
  /** The character before the word on its line ('' at the line's start). */
  readonly before: string;
}

interface LineHead {
  /** Column of the first character that is not a space. */
  readonly indent: number;
  /** Columns of leading `- ` sequence indicators. */
  readonly dashes: readonly number[];
  /** The block key on this line, after any dashes. */
  readonly key?: { readonly text: string; readonly column: number };
}

/** One line of a text, without its line break. */
export interface SourceLine {
  /** Offset of its first character. */
  readonly start: number;
  readonly text: string;
  /** Offset where the next line starts; undefined for the last line. */
  readonly next: number | undefined;
}

/**
 * A text as the cursor context reads it, a line at a time: a string, or an
 * editor's document, which holds its lines apart. Reading a 4 MB design's lines from the
 * document, rather than joining them into one string for each keystroke's completion,
 * leaves nothing that size behind.
 */
export interface LineSource {
  readonly length: number;
  /** The line holding `offset` (a line break belongs to the line it ends); 0 <= offset <= length. */
  lineAt(offset: number): SourceLine;
}

/** A string's lines. */
function linesOf(text: string): LineSource {
  return {
    length: text.length,
    lineAt(offset) {
      const start = text.lastIndexOf('\n', offset - 1) + 1;
      const end = text.indexOf('\n', offset);
      return { start, text: stripCarriageReturn(text.slice(start, end === -1 ? text.length : end)), next: end === -1 ? undefined : end + 1 };
    },
  };
}

/** Returns undefined inside a comment or past the end of the text. */
export function cursorContext(source: string | LineSource, offset: number): CursorContext | undefined {
  const lines = typeof source === 'string' ? linesOf(source) : source;
  if (offset < 0 || offset > lines.length) return undefined;
  const here = lines.lineAt(offset);
  const line = here.text;
  const lineStart = here.start;
  const column = offset - lineStart;
  const inLine = scanLine(line, column);
  if (!inLine) return undefined;
  const word = wordAt(line, column);
  const ownerColumn = inLine.dashes.length > 0 ? inLine.dashes[0] ?? 0 : inLine.contentColumn;
  const outer = pathAbove(lines, here, ownerColumn, inLine.dashes.length > 0);
  const path = [...outer, ...inLine.dashes.slice(1).map(() => 0), ...inLine.path];
  const inBlockMapping = inLine.position === 'key' && inLine.flowDepth === 0;
  return {
    position: inLine.position,
    path,
    word: { start: lineStart + word.start, end: lineStart + word.end },
    siblingKeys: inBlockMapping ? siblingKeys(lines, here, inLine.keyColumn, inLine.dashes.length > 0) : [],
    indent: inLine.keyColumn,
    before: word.start > 0 ? line.charAt(word.start - 1) : '',
  };
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

// ------------------------------------------------------------------ the cursor's line

interface LineScan {
  readonly position: 'key' | 'value';
  /** Columns of leading dashes on the line. */
  readonly dashes: readonly number[];
  /** Column where the line's content starts (after indentation, before dashes). */
  readonly contentColumn: number;
  /** Column where a key on this line starts (after dashes). */
  readonly keyColumn: number;
  /** Path inside the line: the block key and flow collections up to the cursor. */
  readonly path: readonly PathSegment[];
  readonly flowDepth: number;
}

interface Frame {
  readonly type: 'block' | 'map' | 'seq';
  /** Path from the line's start to this frame. */
  readonly path: readonly PathSegment[];
  key: string | undefined;
  afterColon: boolean;
  index: number;
  tokenStart: number;
}

const WORD_BREAK = /[\s,[\]{}"'#]/;

function wordAt(line: string, column: number): SourceRange {
  let start = column;
  while (start > 0 && !WORD_BREAK.test(line.charAt(start - 1)) && !isMappingColon(line, start - 1)) start--;
  let end = column;
  while (end < line.length && !WORD_BREAK.test(line.charAt(end)) && !isMappingColon(line, end)) end++;
  return { start, end };
}

/** A `:` that ends a key: followed by a space, the end of the line, or a flow indicator. */
function isMappingColon(line: string, index: number): boolean {
  if (line.charAt(index) !== ':') return false;
  const next = line.charAt(index + 1);
  return next === '' || next === ' ' || next === '\t' || next === ',' || next === '}' || next === ']';
}

function scanLine(line: string, column: number): LineScan | undefined {
  let i = 0;
  while (line.charAt(i) === ' ') i++;
  const contentColumn = Math.min(i, column);
  const dashes: number[] = [];
  while (i < column && line.charAt(i) === '-' && (line.charAt(i + 1) === ' ' || i + 1 === line.length)) {
    dashes.push(i);
    i += 1;
    while (line.charAt(i) === ' ') i++;
  }
  const keyColumn = Math.min(i, Math.max(column, contentColumn));
  const stack: Frame[] = [{ type: 'block', path: [], key: undefined, afterColon: false, index: 0, tokenStart: i }];
  const top = () => stack[stack.length - 1] as Frame;
  for (; i < column; i++) {
    const c = line.charAt(i);
    const frame = top();
    if (c === '#' && (i === 0 || line.charAt(i - 1) === ' ')) return undefined;
    if (c === '"' || c === "'") {
      const close = findClosingQuote(line, i, c);
      if (close === -1 || close >= column) break;
      i = close;
      continue;
    }
    if (isMappingColon(line, i) && !frame.afterColon && frame.type !== 'seq') {
      frame.key = unquote(line.slice(frame.tokenStart, i).trim());
      frame.afterColon = true;
      frame.tokenStart = i + 1;
      continue;
    }
    if ((c === '{' || c === '[') && line.slice(frame.tokenStart, i).trim() === '') {
      const step: PathSegment[] = frame.type === 'seq' ? [frame.index] : frame.key !== undefined ? [frame.key] : [];
      stack.push({ type: c === '{' ? 'map' : 'seq', path: [...frame.path, ...step], key: undefined, afterColon: false, index: 0, tokenStart: i + 1 });
      continue;
    }
    if ((c === '}' || c === ']') && stack.length > 1) {
      stack.pop();
      continue;
    }
    if (c === ',' && frame.type !== 'block') {
      if (frame.type === 'seq') frame.index++;
      frame.key = undefined;
      frame.afterColon = false;
      frame.tokenStart = i + 1;
    }
  }
  const frame = top();
  const flowDepth = stack.length - 1;
  const common = { dashes, contentColumn, keyColumn, flowDepth };
  if (frame.type === 'seq') return { ...common, position: 'value', path: [...frame.path, frame.index] };
  if (frame.afterColon && frame.key !== undefined) return { ...common, position: 'value', path: [...frame.path, frame.key] };
  // A bare word after `- ` is a list item; the completer offers keys when items are mappings.
  if (frame.type === 'block' && dashes.length > 0) return { ...common, position: 'value', path: [] };
  return { ...common, position: 'key', path: frame.path };
}

function findClosingQuote(line: string, open: number, quote: string): number {
  for (let j = open + 1; j < line.length; j++) {
    const c = line.charAt(j);
    if (quote === '"' && c === '\\') {
      j++;
      continue;
    }
    if (c === quote) {
      if (quote === "'" && line.charAt(j + 1) === "'") {
        j++;
        continue;
      }
      return j;
    }
  }
  return -1;
}

function unquote(key: string): string {
  const first = key.charAt(0);
  if ((first === '"' || first === "'") && key.endsWith(first) && key.length >= 2) return key.slice(1, -1);
  return key;
}

// ----------------------------------------------------------------- the lines above

/** Reads the start of a line: indentation, `- ` indicators and a block key, if any. */
function readLineHead(line: string): LineHead {
  let i = 0;
  while (line.charAt(i) === ' ') i++;
  const indent = i;
  const dashes: number[] = [];
  while (line.charAt(i) === '-' && (line.charAt(i + 1) === ' ' || i + 1 === line.length)) {
    dashes.push(i);
    i += 1;
    while (line.charAt(i) === ' ') i++;
  }
  const keyColumn = i;
  const first = line.charAt(i);
  if (first === '' || first === '#' || first === '{' || first === '[') return { indent, dashes };
  if (first === '"' || first === "'") {
    const close = findClosingQuote(line, i, first);
    if (close !== -1 && isMappingColon(line, close + 1)) {
      return { indent, dashes, key: { text: line.slice(i + 1, close), column: keyColumn } };
    }
    return { indent, dashes };
  }
  for (let j = i; j < line.length; j++) {
    const c = line.charAt(j);
    if (c === '#' && line.charAt(j - 1) === ' ') break;
    if (isMappingColon(line, j)) return { indent, dashes, key: { text: line.slice(i, j).trim(), column: keyColumn } };
  }
  return { indent, dashes };
}

function isIgnorable(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed === '...';
}

/** Walks the lines above `line`, from the nearest up, without splitting the text. */
function* linesAbove(lines: LineSource, line: SourceLine): Generator<string> {
  for (let start = line.start; start > 0; ) {
    const above = lines.lineAt(start - 1);
    yield above.text;
    start = above.start;
  }
}

/**
 * The path of the mapping or sequence that owns content at `column` on `line`. With `inSequence`, that content is a sequence item whose `- ` is at
 * `column` (so the owner may be a key at the same column: `links:\n- [a, b]`).
 */
function pathAbove(lines: LineSource, line: SourceLine, column: number, inSequence: boolean): PathSegment[] {
  const reversed: PathSegment[] = [];
  let state: { mode: 'mapping' | 'sequence'; column: number; index: number } = { mode: inSequence ? 'sequence' : 'mapping', column, index: 0 };
  if (state.mode === 'mapping' && state.column === 0) return [];
  for (const text of linesAbove(lines, line)) {
    if (isIgnorable(text)) continue;
    const head = readLineHead(text);
    if (state.mode === 'sequence') {
      if (head.indent > state.column) continue;
      if (head.indent === state.column && head.dashes.length > 0) {
        state.index++;
        continue;
      }
      reversed.push(state.index);
      if (head.indent === state.column && head.key) {
        reversed.push(head.key.text);
        state = { mode: 'mapping', column: state.column, index: 0 };
        if (state.column === 0) break;
        continue;
      }
      state = { mode: 'mapping', column: state.column, index: 0 };
    }
    // Mapping mode: find the line whose content starts left of the column.
    if (head.indent >= state.column) continue;
    const ownKey = head.key && head.key.column < state.column ? head.key.text : undefined;
    if (ownKey !== undefined) reversed.push(ownKey);
    const lastDash = head.dashes[head.dashes.length - 1];
    if (lastDash !== undefined) {
      for (let d = head.dashes.length - 1; d >= 1; d--) reversed.push(0);
      state = { mode: 'sequence', column: head.dashes[0] ?? 0, index: 0 };
      continue;
    }
    if (head.indent === 0) break;
    state = { mode: 'mapping', column: head.indent, index: 0 };
  }
  // A sequence with no owner above is the document itself.
  if (state.mode === 'sequence') reversed.push(state.index);
  return reversed.reverse();
}

/** Keys at `column` in the block mapping around `line`, both ways. */
function siblingKeys(lines: LineSource, line: SourceLine, column: number, startsItem: boolean): string[] {
  const keys: string[] = [];
  // A line starting with `- ` starts the item's mapping: nothing above it belongs to it.
  if (!startsItem) {
    for (const text of linesAbove(lines, line)) {
      if (isIgnorable(text)) continue;
      const head = readLineHead(text);
      if (head.indent > column) continue;
      if (head.key?.column === column) keys.push(head.key.text);
      if (head.indent < column || head.dashes.length > 0) break;
    }
  }
  for (let next = line.next; next !== undefined; ) {
    const below = lines.lineAt(next);
    next = below.next;
    if (isIgnorable(below.text)) continue;
    const head = readLineHead(below.text);
    if (head.indent > column) continue;
    if (head.indent < column || head.dashes.length > 0) break;
    if (head.key) keys.push(head.key.text);
  }
  return keys;
}
