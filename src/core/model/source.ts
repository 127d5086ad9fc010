/**
 * Where things came from in the text: offset ranges (UTF-16 code units, as JavaScript
 * strings and VS Code count them) and their conversion to zero-based lines and columns.
 */

export interface SourceRange {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

export interface LineColumn {
  /** Zero-based line. */
  readonly line: number;
  /** Zero-based column in UTF-16 code units. */
  readonly character: number;
}

/** A zero-based line and character range, as editors take them. */
export interface LineRange {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

export const EMPTY_RANGE: SourceRange = { start: 0, end: 0 };

export function rangeOf(start: number, end: number): SourceRange {
  return { start, end: Math.max(start, end) };
}

/**
 * The offset of each line's first character: 0, then after each line break (LF, CRLF, or a
 * CR alone, as VS Code counts lines). A typed array: a design has up to hundreds of thousands
 * of lines, and the garbage collector need not look into it.
 */
export type LineStarts = Int32Array;

export function lineStartsOf(text: string): LineStarts {
  if (!text.includes('\r') || !/\r(?!\n)/.test(text)) {
    // The usual case, LF or CRLF: indexOf finds each break far faster than a loop over every
    // character; the breaks are counted first, so the starts go straight into an array of their size.
    let lines = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
    const starts = new Int32Array(lines);
    let line = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
    return starts;
  }
  const starts = [0];
  pushLineStarts(text, 0, text.length, starts);
  return Int32Array.from(starts);
}

/** Pushes the line starts after the characters at [from, to) of `text` (a CR's depends on the character after it). */
function pushLineStarts(text: string, from: number, to: number, starts: number[]): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
}

/** Where two texts differ: [start, beforeEnd) in the old one became [start, afterEnd) in the new. */
export interface TextChange {
  readonly start: number;
  readonly beforeEnd: number;
  readonly afterEnd: number;
}

/** The one span where two texts differ (their longest common start and end), or undefined when they are equal. */
export function editBetween(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  // Whole chunks first (comparing slices is a memory comparison), then character by character.
  let start = 0;
  while (start + CHUNK <= shorter && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const common = shorter - start;
  let end = 0;
  while (end + CHUNK <= common && before.slice(before.length - end - CHUNK, before.length - end) === after.slice(after.length - end - CHUNK, after.length - end)) end += CHUNK;
  while (end < common && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { start, beforeEnd: before.length - end, afterEnd: after.length - end };
}

const CHUNK = 1024;

/**
 * The line starts of `text`, from `before`, those of the text it was made from by `change`:
 * a line start depends only on the character before it and, after a CR, the one at it, so
 * the starts before the change are kept, those after it are moved by its length, and only
 * the changed characters (and one on each side) are looked at.
 */
export function lineStartsAfter(before: LineStarts, text: string, change: TextChange): LineStarts {
  let kept = 0;
  while (kept < before.length && (before[kept] as number) < change.start) kept++;
  // Starts in [start, afterEnd + 1] of the new text are found again, from the characters before them.
  const found: number[] = kept === 0 ? [0] : [];
  pushLineStarts(text, Math.max(0, change.start - 1), Math.min(text.length, change.afterEnd + 1), found);
  let moved = kept;
  while (moved < before.length && (before[moved] as number) <= change.beforeEnd + 1) moved++;
  const starts = new Int32Array(kept + found.length + before.length - moved);
  starts.set(before.subarray(0, kept));
  starts.set(found, kept);
  const shift = change.afterEnd - change.beforeEnd;
  for (let from = moved, to = kept + found.length; from < before.length; from++, to++) starts[to] = (before[from] as number) + shift;
  return starts;
}

/** Maps offsets to lines and columns by binary search over the line starts. */
export class LineIndex {
  private readonly lineStarts: LineStarts;

  /** `lineStarts`, when given, must be `lineStartsOf(text)`: what a parse found already. */
  constructor(private readonly text: string, lineStarts?: LineStarts) {
    this.lineStarts = lineStarts ?? lineStartsOf(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.lineStarts[low] ?? 0) };
  }

  offsetAt(position: LineColumn): number {
    const lineStart = this.lineStarts[Math.max(0, Math.min(position.line, this.lineStarts.length - 1))] ?? 0;
    return Math.min(this.text.length, lineStart + Math.max(0, position.character));
  }
}

/** An offset range in lines and characters, through the index of its text. */
export function lineRangeOf(lines: LineIndex, range: SourceRange): LineRange {
  const start = lines.positionAt(range.start);
  const end = lines.positionAt(range.end);
  return { startLine: start.line, startCharacter: start.character, endLine: end.line, endCharacter: end.character };
}
