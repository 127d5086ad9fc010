/**
 * Reading only what an edit touched (docs/performance.md, "What is incremental"). A parse
 * keeps what it read of each entry of a top-level section (a host, a VM, a switch): its
 * value, its declarations and references, and the problems found in it. The next parse of
 * the same document, given that one, does not read again an entry the edit left alone: the
 * fast reader skips its lines, and the collection takes the last parse's results back.
 *
 * An entry after the edit has moved: its ranges are moved by the edit **in place**, so the
 * last parse is given up to the next (its objects now belong to the new one). That is why
 * `parseVtopo(text, last)` takes the last result only from a caller that will not use it
 * again (the analysis worker keeps nothing else of it: AnalysisMemory copies the ranges of
 * the reports it keeps).
 *
 * What an entry's reading depends on is its own lines and the indentation of the next line
 * with content; an entry is taken back only when the edit met none of that. Anything that
 * reads outside an entry keeps it from being kept: a host that takes keys from its profile,
 * a host profile itself (hosts read it); so does an entry that does not start and end a
 * line (an empty value, several entries on one line). When taking
 * an entry back would not give what reading it gives (its id is now declared earlier, or
 * was a duplicate and is not any more, or its section changed kind), the parse starts over
 * and reads everything (`ReuseAbandoned`).
 */

import type { ParseProblem } from './report';
import type { TextChange } from './source';
import type { Declaration, ElementKind, Reference } from './schema';

/**
 * The lists a parse fills in reading order: every declaration (nested ones included), the
 * references and the problems. An entry's share of each is a span of it.
 */
export interface ReadLists {
  readonly declared: Declaration[];
  readonly references: Reference[];
  readonly problems: ParseProblem[];
}

/** Where an entry's share of each list starts and ends. */
export interface EntrySpans {
  nested: number;
  nestedEnd: number;
  references: number;
  referencesEnd: number;
  problems: number;
  problemsEnd: number;
}

/** What reading one entry of a top-level section gave, as its collection asks for it back. */
export interface EntryRead {
  readonly kind: ElementKind;
  /** Whether its id was declared; when not (a duplicate), nothing else of it was read. */
  readonly declared: boolean;
  readonly declaration: Declaration;
  /** The element as read (with its id), or undefined when it was incomplete. */
  readonly value: object | undefined;
}

/**
 * An entry as the log keeps it: what reading it gave (its declaration and value, and spans
 * of the parse's lists: what it declared inside, its references, its problems), and where
 * it is. A parse that takes it back moves it, and everything it holds, in place, and copies
 * its spans into its own lists.
 */
export class ReadEntry implements EntryRead {
  /** Every range it holds, once each; listed the first time it moves. */
  private ranges: MovableRange[] | undefined;

  constructor(
    readonly kind: ElementKind,
    readonly declared: boolean,
    readonly declaration: Declaration,
    readonly value: object | undefined,
    private lists: ReadLists,
    private readonly spans: EntrySpans,
    /** Where the entry's first line starts. */
    public lineStart: number,
    /** Its first key (a mapping's id, a list item's first key): where the reader meets it. */
    public start: number,
    /** Where the line after its last starts (or the end of the text). */
    public end: number,
    /** The first character of the next line with content after it, or the end of the text: its end depends on that line's indentation. */
    public guardEnd: number,
  ) {}

  /** Moves the entry and every range it holds by `shift`, in place. */
  move(shift: number): void {
    this.ranges ??= this.rangesHeld();
    for (const range of this.ranges) {
      range.start += shift;
      range.end += shift;
    }
    this.lineStart += shift;
    this.start += shift;
    this.end += shift;
    this.guardEnd += shift;
  }

  /**
   * Appends what it declared inside, its references and its problems to a new parse's
   * lists (each nested declaration through `declare`, first), and from now on refers to those.
   */
  copyInto(lists: ReadLists, declare: (declaration: Declaration) => void): void {
    const { spans, lists: from } = this;
    const nested = lists.declared.length;
    for (let index = spans.nested; index < spans.nestedEnd; index++) {
      const declaration = from.declared[index] as Declaration;
      declare(declaration);
      lists.declared.push(declaration);
    }
    const references = lists.references.length;
    for (let index = spans.references; index < spans.referencesEnd; index++) lists.references.push(from.references[index] as Reference);
    const problems = lists.problems.length;
    for (let index = spans.problems; index < spans.problemsEnd; index++) lists.problems.push(from.problems[index] as ParseProblem);
    spans.nestedEnd = nested + spans.nestedEnd - spans.nested;
    spans.nested = nested;
    spans.referencesEnd = references + spans.referencesEnd - spans.references;
    spans.references = references;
    spans.problemsEnd = problems + spans.problemsEnd - spans.problems;
    spans.problems = problems;
    this.lists = lists;
  }

  /**
   * The distinct range objects in what it gave: `{ start, end }` objects inside its text. An
   * empty range at 0 is a shared default (an omitted settings block), never the entry's own;
   * any other range outside the entry would not move with it, so the parse is abandoned.
   */
  private rangesHeld(): MovableRange[] {
    const { lineStart, end, spans, lists } = this;
    const seen = new Set<object>();
    const ranges: MovableRange[] = [];
    const visit = (value: unknown): void => {
      if (typeof value !== 'object' || value === null || seen.has(value)) return;
      seen.add(value);
      if (Array.isArray(value)) {
        for (const item of value) visit(item);
        return;
      }
      if (value instanceof Map) {
        for (const item of value.values()) visit(item);
        return;
      }
      const record = value as Record<string, unknown>;
      if (isRange(record)) {
        if (record.start === 0 && record.end === 0) return;
        if (record.start < lineStart || record.end > end) throw new ReuseAbandoned('a range outside its entry');
        ranges.push(record);
        return;
      }
      for (const key in record) visit(record[key]);
    };
    visit(this.declaration);
    visit(this.value);
    for (let index = spans.nested; index < spans.nestedEnd; index++) visit(lists.declared[index]);
    for (let index = spans.references; index < spans.referencesEnd; index++) visit(lists.references[index]);
    for (let index = spans.problems; index < spans.problemsEnd; index++) visit(lists.problems[index]);
    return ranges;
  }
}

interface MovableRange {
  start: number;
  end: number;
}


/** Thrown when an entry cannot be taken back as it was read; the parse then reads everything. */
export class ReuseAbandoned extends Error {}

/**
 * An entry the reader skipped, standing in its section's items (as a list item, or in place
 * of a mapping's pair) until the collection takes its results back.
 */
export class ReusedEntry {
  /** yaml's range triple, in the new text. */
  readonly range: [number, number, number];
  constructor(readonly entry: ReadEntry, readonly shift: number) {
    this.range = [entry.start + shift, entry.end + shift, entry.end + shift];
  }
}

/**
 * The entries of the last parse that one parse may take back. The reader asks for them in
 * the order of the text, so they are found by walking the last parse's list once.
 */
export class EntryReuse {
  private next = 0;
  private readonly shift: number;
  /** How many entries the reader skipped: each must be taken back, or the parse is not what reading gives. */
  taken = 0;

  constructor(private readonly entries: readonly ReadEntry[], private readonly edit: TextChange | undefined) {
    this.shift = edit ? edit.afterEnd - edit.beforeEnd : 0;
  }

  /** The entry whose first key is at `start` in the new text, if the edit left it alone; the reader skips it. */
  at(start: number): ReusedEntry | undefined {
    const { entries, edit } = this;
    for (; this.next < entries.length; this.next++) {
      const entry = entries[this.next] as ReadEntry;
      const shift = !edit || entry.guardEnd < edit.start ? 0 : edit.beforeEnd < entry.lineStart ? this.shift : undefined;
      if (shift === undefined) continue; // the edit met it: it is read again
      const now = entry.start + shift;
      if (now > start) return undefined;
      if (now < start) continue;
      this.next++;
      this.taken++;
      return new ReusedEntry(entry, shift);
    }
    return undefined;
  }
}

/** The entries one parse read or took back, in order: what the next parse may take back. */
export class EntryLog {
  readonly entries: ReadEntry[] = [];
  /** How many entries were taken back rather than read (for the bench and the tests). */
  reused = 0;

  constructor(private readonly text: string) {}

  /**
   * Keeps what reading an entry gave, if the entry can be taken back later: it starts a
   * line (after its indentation, and a list item's dash) and ends at a line's end. `spans`
   * are its shares of the parse's `lists`.
   */
  record(read: EntryRead, lists: ReadLists, spans: EntrySpans, start: number, end: number): void {
    const { text } = this;
    if (end !== text.length && text.charCodeAt(end - 1) !== 10) return;
    let lineStart = start;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) === 32) lineStart--;
    if (lineStart > 0 && text.charCodeAt(lineStart - 1) === 45) { // a list item's dash
      lineStart--;
      while (lineStart > 0 && text.charCodeAt(lineStart - 1) === 32) lineStart--;
    }
    if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) return;
    this.entries.push(new ReadEntry(read.kind, read.declared, read.declaration, read.value, lists, spans, lineStart, start, end, nextContent(text, end)));
  }

  /** Takes an entry back: moved, with its ranges, to the new text, and kept for the next parse. */
  takeBack(reused: ReusedEntry): ReadEntry {
    if (reused.shift !== 0) reused.entry.move(reused.shift);
    this.entries.push(reused.entry);
    this.reused++;
    return reused.entry;
  }
}

/** The first character of the first line with content (not blank, not a comment) from `from`, or the end of the text. */
function nextContent(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 32 || code === 13 || code === 10) {
      at++;
      continue;
    }
    if (code !== 35) return at; // '#'
    const lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) return text.length;
    at = lineEnd + 1;
  }
  return text.length;
}

/** A `{ start, end }` offset range: no value the reader makes has only those two keys. */
function isRange(record: Record<string, unknown>): record is Record<string, unknown> & MovableRange {
  if (typeof record.start !== 'number' || typeof record.end !== 'number') return false;
  let keys = 0;
  for (const key in record) if (Object.hasOwn(record, key)) keys++;
  return keys === 2;
}
