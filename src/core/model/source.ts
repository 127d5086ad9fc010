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

/** Maps offsets to lines and columns by binary search over the line starts. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    if (!text.includes('\r')) {
      // The usual case, LF only: indexOf finds each break far faster than a loop over every character.
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
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
