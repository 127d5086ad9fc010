/**
 * The analysis worker's rehearsal (docs/performance.md, "Warm before the first keystroke").
 * A worker's first keystrokes in a design are slow: its code is still interpreted, and V8
 * compiles a function for speed only once it has run often enough. On the bench's medium
 * design, in one process, an edit's report took 47 to 51 ms on average over the first 16
 * keystrokes (up to 130 ms) and 15 to 25 ms from the fortieth on; in VS Code the same first
 * keystrokes are what the user waits for, once per worker. So once the first report on a small design is
 * sent, the idle worker types into a copy of it, one keystroke at a time between the
 * requests it receives, through the very path a keystroke takes: the changes since the
 * last version, the parse that takes back what the edit left alone, the rules, the report
 * sent as its changes. Nothing of the rehearsal is kept or sent; the first real request
 * ends it.
 */

import type { SentChange } from '../text/document-sync';
import { DocumentTexts } from '../text/document-sync';
import { RecentDocuments } from '../text/recent-documents';
import { answer, type DocumentReportRequest, type WorkerMemory } from './document-report';
import type { AnalysisMemory } from './incremental';
import { SentReports } from './report-changes';

/** Keystrokes rehearsed: about as many as the medium design took, in one process, to reach an edit's steady time. */
export const REHEARSED_KEYSTROKES = 48;

/**
 * Only designs of at most this many characters are rehearsed (the bench's medium design,
 * 64 hosts and 1,000 VMs, has about 200,000): a keystroke of the rehearsal is as long as
 * one of the user's, and a request that arrives meanwhile waits for it. In a bigger design
 * each keystroke runs long enough for its own code to be compiled.
 */
export const REHEARSAL_MAX_CHARACTERS = 500_000;

/** Lines typed at in turn, spread over the design, so the edits reach several sections. */
const TYPED_LINES = 8;

/** The request settings a rehearsal keeps from the request it follows. */
type RehearsedRequest = Pick<DocumentReportRequest, 'uri' | 'rules' | 'outlineLimit'>;

/**
 * Where the rehearsal types: at the end of lines that give a field of an entry a plain
 * value (`    host: esx-0081`), spread evenly over the text. Typing `x` there and taking
 * it back is what a user does when correcting a value. None in a design without such lines.
 */
export function rehearsalLineEnds(text: string, count = TYPED_LINES): number[] {
  const ends: number[] = [];
  const field = /^ {4,}[A-Za-z][\w-]*: [A-Za-z0-9][^#'"]*$/;
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const lineEnd = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (field.test(text.slice(start, lineEnd))) ends.push(lineEnd);
    if (newline < 0) break;
    start = newline + 1;
  }
  if (ends.length <= count) return ends;
  return Array.from({ length: count }, (_, i) => ends[Math.floor(((i + 0.5) * ends.length) / count)] ?? 0);
}

/**
 * One rehearsal of one design, run a keystroke at a time. It has a memory of its own (its
 * own text, reports and last analysis), so the documents the worker serves are untouched.
 */
export class Rehearsal {
  private readonly memory: WorkerMemory = { texts: new DocumentTexts(), sent: new SentReports(), analyses: new RecentDocuments<AnalysisMemory>(1) };
  private readonly uri: string;
  private version = 0;
  private serial: number | undefined;

  private constructor(private readonly request: RehearsedRequest, private readonly text: string, private readonly lineEnds: readonly number[]) {
    this.uri = `${request.uri}#rehearsal`;
  }

  /** A rehearsal of `text`, if it is small enough and has a place to type; undefined otherwise. */
  static of(request: RehearsedRequest, text: string): Rehearsal | undefined {
    if (text.length > REHEARSAL_MAX_CHARACTERS) return undefined;
    const lineEnds = rehearsalLineEnds(text);
    return lineEnds.length === 0 ? undefined : new Rehearsal(request, text, lineEnds);
  }

  /** Keystrokes typed so far (the first step reads the whole text). */
  get keystrokes(): number {
    return Math.max(0, this.version - 1);
  }

  /** Runs the next step: the whole text first, then a keystroke. Whether any step is left. */
  next(): boolean {
    if (this.keystrokes >= REHEARSED_KEYSTROKES) return false;
    const { rules, outlineLimit } = this.request;
    const version = this.version + 1;
    const reply = this.version === 0
      ? answer({ uri: this.uri, version, rules, outlineLimit, text: this.text }, this.memory)
      : answer({ uri: this.uri, version, rules, outlineLimit, base: this.serial, changes: { base: this.version, changes: [rehearsalKeystroke(this.lineEnds, this.keystrokes)] } }, this.memory);
    if (reply.kind !== 'report' && reply.kind !== 'changes') return false;
    this.version = version;
    this.serial = reply.serial;
    return this.keystrokes < REHEARSED_KEYSTROKES;
  }
}

/**
 * The rehearsal's keystroke number `typed` (from 0): `x` typed at the end of a line, then
 * taken back, then the same at the next line. Each pair leaves the text as it was, so the
 * line ends stay where they were found.
 */
export function rehearsalKeystroke(lineEnds: readonly number[], typed: number): SentChange {
  const offset = lineEnds[Math.floor(typed / 2) % lineEnds.length] ?? 0;
  return typed % 2 === 0 ? { offset, removed: 0, text: 'x' } : { offset, removed: 1, text: '' };
}
