/**
 * Text in, design out: reads a `.vtopo` document into a Topology, reporting every problem
 * as data with an exact range. Never throws; a file with errors still yields what is valid.
 */

import { Document, parseDocument, type Node } from 'yaml';
import { isOutsideTheSubset, readBlockYaml } from './block-yaml';
import { EntryLog, EntryReuse, ReuseAbandoned } from './reuse';
import { FORMAT_VERSION, vtopoFile } from './format';
import type { ParseProblem } from './report';
import { ReadContext, nodeRange, type Declaration, type ElementKind, type Reference } from './schema';
import { closestMatch } from './suggest';
import { editBetween, LineIndex, lineStartsAfter, lineStartsOf, type LineStarts } from './source';
import { Topology } from './topology';
import { PARSE_MESSAGES, REFERENCE_MESSAGES, kindText } from './messages';
import { formatNumber } from '../l10n/format';

/** Larger files are refused before YAML parsing (a 20,000-VM design is about 4 MB). */
export const MAX_INPUT_CHARACTERS = 16 * 1024 * 1024;

export interface ParseResult {
  /** The text that was read. */
  readonly text: string;
  readonly topology: Topology;
  readonly problems: readonly ParseProblem[];
}

const STARTER = `vtopo: ${FORMAT_VERSION}\nname: New design\nplatform: vsphere\n`;

/**
 * What each parse keeps for the next parse of the same document and for its line index: the
 * entries it read of its top-level sections (none when yaml read the text), and the line
 * starts of its text (`lineStartsOf`).
 */
interface Kept {
  readonly log: EntryLog | undefined;
  readonly lineStarts: LineStarts;
}

const KEPT = new WeakMap<ParseResult, Kept>();

/**
 * The design `text` describes. With `last`, the last parse of the same document, the entries
 * the edit since left alone are taken back from it rather than read again (reuse.ts): `last`
 * is then given up, as the entries it shares with the new result are moved in place. Only a
 * caller that will not use `last` again may pass it.
 */
export function parseVtopo(text: string, last?: ParseResult): ParseResult {
  try {
    if (last) {
      try {
        return parseUnchecked(text, last);
      } catch (error) {
        if (!(error instanceof ReuseAbandoned)) throw error;
      }
    }
    return parseUnchecked(text);
  } catch (error) {
    // The reader is written not to throw; this is the last guard for the extension host.
    const message = error instanceof Error ? error.message : String(error);
    return emptyResult(text, [{ ruleId: 'syntax', message: PARSE_MESSAGES.couldNotRead({ error: message }), range: { start: 0, end: 0 }, elementIds: [] }]);
  }
}

/** The problem reported for input over MAX_INPUT_CHARACTERS (also used by the CLI before reading). */
export function inputTooLargeProblem(sizeInCharacters: number): ParseProblem {
  return {
    ruleId: 'input-limit',
    message: PARSE_MESSAGES.tooLarge({
      size: formatNumber(sizeInCharacters / 1048576, { minimumFractionDigits: 1, maximumFractionDigits: 1, grouping: false }),
      limit: formatNumber(MAX_INPUT_CHARACTERS / 1048576, { maximumFractionDigits: 2, grouping: false }),
    }),
    range: { start: 0, end: 0 },
    elementIds: [],
  };
}

function emptyResult(text: string, problems: ParseProblem[]): ParseResult {
  return { text, topology: new Topology(undefined, new Map(), []), problems };
}

/** How many entries a parse took back from the last one rather than read (for the bench and the tests). */
export function entriesReused(parsed: ParseResult): number {
  return KEPT.get(parsed)?.log?.reused ?? 0;
}

/**
 * A text of nothing but white space and comments. Written so that it fails at once on a
 * design (each space or comment is matched one way only): `text.trim()` would copy the
 * whole text, and `^\s*(#.*(\r?\n|$)\s*)*$` took 4 ms to fail on the large bench design.
 */
const ONLY_SPACES_AND_COMMENTS = /^(?:\s|#[^\n\r\u2028\u2029]*(?:\r?\n|$))*$/;

function parseUnchecked(text: string, last?: ParseResult, fastReader = true): ParseResult {
  if (text.length > MAX_INPUT_CHARACTERS) return emptyResult(text, [inputTooLargeProblem(text.length)]);
  if (ONLY_SPACES_AND_COMMENTS.test(text)) {
    return emptyResult(text, [{
      ruleId: 'missing-field',
      message: PARSE_MESSAGES.emptyDesign({ version: FORMAT_VERSION }),
      range: { start: 0, end: 0 },
      elementIds: [],
      fixes: [{ title: PARSE_MESSAGES.startNewDesign({}), edits: [{ range: { start: text.length, end: text.length }, newText: text === '' || text.endsWith('\n') ? STARTER : `\n${STARTER}` }], preferred: true }],
    }]);
  }
  const crOnly = crOnlyLineEndings(text);
  if (crOnly) return emptyResult(text, [crOnly]);
  const kept = last && KEPT.get(last);
  const lastLog = kept?.log;
  const lastStarts = kept?.lineStarts;
  const edit = last && (lastLog || lastStarts) ? editBetween(last.text, text) : undefined;
  const reuse = last && lastLog ? new EntryReuse(lastLog.entries, edit) : undefined;
  const lineStarts = !lastStarts ? lineStartsOf(text) : edit ? lineStartsAfter(lastStarts, text, edit) : lastStarts;
  const root = fastReader ? readBlockYaml(text, reuse, lineStarts, true) : undefined;
  const document = root === undefined ? parseDocument(text, YAML_OPTIONS) : documentOf(root);
  // Entries are kept only from the fast reader's trees: without aliases, each reads nothing outside itself.
  const log = root === undefined ? undefined : new EntryLog(text);
  const problems: ParseProblem[] = [];
  for (const error of [...document.errors, ...document.warnings]) {
    // yaml may place an error at or past the end of the text (e.g. a missing closing quote).
    const start = Math.min(error.pos[0], text.length);
    const end = Math.min(Math.max(error.pos[1], start + 1), text.length);
    // The yaml library turns a stack overflow on very deep nesting into RESOURCE_EXHAUSTION.
    const tooDeep = error.code === 'RESOURCE_EXHAUSTION';
    problems.push({
      ruleId: tooDeep ? 'input-limit' : 'syntax',
      message: tooDeep ? PARSE_MESSAGES.tooDeep({}) : PARSE_MESSAGES.yamlError({ detail: firstLine(error.message) }),
      range: { start, end },
      elementIds: [],
    });
  }
  const ctx = new ReadContext(document, text, log);
  const contents = document.contents as Node | null;
  let file: ReturnType<typeof vtopoFile.read>;
  try {
    file = vtopoFile.read(contents, ctx, { start: 0, end: 0 });
  } catch (error) {
    // An entry the fast reader deferred is outside its subset after all: yaml reads the whole text.
    if (root !== undefined && isOutsideTheSubset(error)) return parseUnchecked(text, undefined, false);
    throw error;
  }
  problems.push(...ctx.problems);
  if (file && file.vtopo === undefined && !file.source.fields.vtopo) {
    problems.push({
      ruleId: 'missing-field',
      message: PARSE_MESSAGES.missingVersion({ version: FORMAT_VERSION }),
      range: { start: file.source.range.start, end: file.source.range.start },
      elementIds: [],
      fixes: [{ title: PARSE_MESSAGES.addVersion({ version: FORMAT_VERSION }), edits: [{ range: { start: file.source.range.start, end: file.source.range.start }, newText: `vtopo: ${FORMAT_VERSION}\n` }], preferred: true }],
    });
  } else if (file && file.vtopo !== undefined && file.vtopo !== FORMAT_VERSION) {
    problems.push({
      ruleId: 'format-version',
      message: PARSE_MESSAGES.otherVersion({ found: file.vtopo, version: FORMAT_VERSION }),
      range: file.source.fields.vtopo?.value ?? nodeRange(contents),
      elementIds: [],
    });
  }
  problems.push(...unresolvedReferences(ctx.references, ctx.declarations));
  // Every entry the reader skipped must have been taken back by its collection (not, say, met under a renamed section).
  if (reuse && root !== undefined && log?.reused !== reuse.taken) throw new ReuseAbandoned('an entry skipped was not taken back');
  const result: ParseResult = { text, topology: new Topology(file, ctx.declarations, ctx.references), problems };
  KEPT.set(result, { log, lineStarts });
  return result;
}

/** The line index of a parse's text, from the line starts the parse found. */
export function lineIndexOf(parsed: ParseResult): LineIndex {
  return new LineIndex(parsed.text, KEPT.get(parsed)?.lineStarts);
}

/** The options every YAML read of a design uses: duplicate keys and merges are the reader's to report. */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, merge: false, keepSourceTokens: false, strict: true } as const;

/**
 * The YAML document: read by the fast block reader when the text is plain block YAML (the
 * usual case), else by yaml, which also reads everything else and reports syntax errors.
 */
export function readDocument(text: string): Document {
  const root = readBlockYaml(text);
  return root === undefined ? parseDocument(text, YAML_OPTIONS) : documentOf(root);
}

function documentOf(root: Node): Document {
  const document = new Document(null, YAML_OPTIONS);
  document.contents = root;
  return document;
}

/**
 * Old Mac line endings (CR alone): YAML reads a CR without LF as no line break, so such a
 * file reads as one line and would give misleading problems. Reported at the first CR, with
 * a fix that converts the line endings to LF.
 */
function crOnlyLineEndings(text: string): ParseProblem | undefined {
  if (text.includes('\n') || !text.includes('\r')) return undefined;
  const first = text.indexOf('\r');
  return {
    ruleId: 'syntax',
    message: PARSE_MESSAGES.crOnly({}),
    range: { start: first, end: first + 1 },
    elementIds: [],
    fixes: [{ title: PARSE_MESSAGES.convertLineEndings({}), edits: [{ range: { start: 0, end: text.length }, newText: text.replaceAll('\r', '\n') }], preferred: true }],
  };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** Reports references to ids that are not declared (or declared as another kind). */
export function unresolvedReferences(references: readonly Reference[], declarations: ReadonlyMap<string, Declaration>): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const idsByKind = new Map<ElementKind, string[]>();
  for (const declaration of declarations.values()) {
    const ids = idsByKind.get(declaration.kind);
    if (ids) ids.push(declaration.id);
    else idsByKind.set(declaration.kind, [declaration.id]);
  }
  for (const reference of references) {
    if (resolveReference(reference, declarations)) continue;
    const candidates = reference.target === 'endpoint'
      ? [...(idsByKind.get('port') ?? []), ...(idsByKind.get('switch') ?? [])]
      : idsByKind.get(reference.target) ?? [];
    const suggestion = closestMatch(reference.id, candidates);
    const declaredAs = declarations.get(reference.id);
    const what = kindText(reference.target, 'portOrSwitch');
    const message = declaredAs
      ? (/^[aeiou]/i.test(declaredAs.kind) ? REFERENCE_MESSAGES.isAn : REFERENCE_MESSAGES.isA)({ id: reference.id, kind: kindText(declaredAs.kind), what })
      : unknownReferenceMessage(what, reference.id, explainMissingSegment(reference.id, declarations, references), suggestion);
    problems.push({
      ruleId: 'unresolved-reference',
      message,
      range: reference.range,
      elementIds: reference.fromId ? [reference.fromId] : [],
      ...(suggestion ? { fixes: [{ title: REFERENCE_MESSAGES.changeTo({ suggestion }), edits: [{ range: reference.range, newText: suggestion }], preferred: true }] } : {}),
    });
  }
  return problems;
}

/** The declaration a reference points at, if any. Switch ports need no declaration. */
export function resolveReference(reference: Reference, declarations: ReadonlyMap<string, Declaration>): Declaration | undefined {
  const declaration = declarations.get(reference.id);
  if (reference.target !== 'endpoint') {
    return declaration?.kind === reference.target ? declaration : undefined;
  }
  if (declaration && (declaration.kind === 'switch' || declaration.kind === 'port')) return declaration;
  const [device, portName, ...rest] = reference.id.split('/');
  if (device === undefined || portName === undefined || rest.length > 0 || portName === '') return undefined;
  const parent = declarations.get(device);
  return parent?.kind === 'switch' ? parent : undefined;
}

/** "unknown host "x"", with why (a parenthesis) and a suggestion when there are. */
function unknownReferenceMessage(what: string, id: string, explanation: string | undefined, suggestion: string | undefined): string {
  if (explanation === undefined) return suggestion === undefined ? REFERENCE_MESSAGES.unknown({ what, id }) : REFERENCE_MESSAGES.unknownSuggest({ what, id, suggestion });
  return suggestion === undefined ? REFERENCE_MESSAGES.unknownExplained({ what, id, explanation }) : REFERENCE_MESSAGES.unknownExplainedSuggest({ what, id, explanation, suggestion });
}

function explainMissingSegment(id: string, declarations: ReadonlyMap<string, Declaration>, references: readonly Reference[]): string | undefined {
  const segments = id.split('/');
  const first = segments[0] ?? '';
  if (segments.length > 1 && declarations.get(first)?.kind === 'hostProfile') {
    // A profile's adapters and ports are each host's: `esx-01/hba1/p0`, not `r750/hba1/p0`.
    const user = references.find((reference) => reference.target === 'hostProfile' && reference.id === first && reference.fromId !== undefined)?.fromId;
    const port = segments.length > 2;
    if (user === undefined) return (port ? REFERENCE_MESSAGES.profilePort : REFERENCE_MESSAGES.profileAdapter)({ profile: first });
    const example = [user, ...segments.slice(1)].join('/');
    return (port ? REFERENCE_MESSAGES.profilePortExample : REFERENCE_MESSAGES.profileAdapterExample)({ profile: first, example });
  }
  for (let length = segments.length - 1; length >= 1; length--) {
    const prefix = segments.slice(0, length).join('/');
    const parent = declarations.get(prefix);
    if (parent) return REFERENCE_MESSAGES.parentHasNo({ kind: kindText(parent.kind), parent: prefix, segment: segments[length] ?? '' });
  }
  return undefined;
}
