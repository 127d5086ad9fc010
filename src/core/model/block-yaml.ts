/**
 * A fast reader for the plain block YAML that designs are written in: block mappings and
 * sequences, one-line plain and quoted scalars, one-line flow collections, comments. It
 * builds the same nodes, with the same values and ranges, as yaml's `parseDocument`, in a
 * fraction of the time (yaml composes a full CST first; see docs/performance.md).
 *
 * Anything else (anchors, aliases, tags, block scalars, multi-line scalars or flow
 * collections, escapes, explicit keys, directives, tabs, and every syntax error) is outside
 * the subset: `readBlockYaml` returns undefined and the caller reads the text with yaml,
 * which also reports the problems. So the subset only has to be read exactly, never
 * diagnosed; test/unit/model/block-yaml.test.ts holds it to yaml's output.
 */

import { isMap, isPair, isScalar, isSeq, Pair, Scalar, Schema, YAMLMap, YAMLSeq, type Node, type ScalarTag } from 'yaml';
import type { EntryReuse, ReusedEntry } from './reuse';
import { lineStartsOf, type LineStarts } from './source';

/** Thrown inside the reader when the text leaves the subset; never escapes this module. */
class OutOfSubset extends Error {}
const OUT_OF_SUBSET = new OutOfSubset('outside the block YAML subset');

/** YAML caps implicit keys at 1024 characters; yaml reports longer ones, so they leave the subset. */
const MAX_KEY_LENGTH = 1000;
/** Nesting past this is left to yaml (designs nest about eight deep). */
const MAX_DEPTH = 64;

/** yaml's YAML 1.2 core schema: the scalar tags tried, in order, on a plain scalar. */
const CORE_TAGS = new Schema({ merge: false }).tags.filter((tag): tag is ScalarTag => tag.default === true && !tag.collection && tag.test !== undefined);
const CORE_OPTIONS = { intAsBigInt: false } as const;
/** Plain words the core schema resolves to null or a boolean; any other word starting with a letter is a string. */
const CORE_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

type ScalarType = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

/** Where a collection's entries are: in a top-level section's value (the root mapping is 1). */
const ENTRY_DEPTH = 2;

/**
 * The document's root node as yaml's `parseDocument` would compose it, or undefined when
 * the text is not in the subset (or not a block mapping at its top). With `reuse`, an entry
 * of a top-level section that the last parse read and the edit left alone is not read: a
 * `ReusedEntry` stands in its place among its section's items (reuse.ts). `lineStarts`, when
 * given, must be `lineStartsOf(text)`.
 *
 * With `deferEntries`, the value of an entry of a top-level section that is a block collection
 * (a host, a VM) is not read either: a `DeferredValue` stands for it, read when `readDeferred`
 * is asked for it (ReadContext.resolve does), and never kept. Each entry's nodes are then made,
 * read into the design and left to the collector one entry at a time, instead of a whole tree
 * of hundreds of thousands of nodes living through the reading (docs/performance.md). Reading
 * one may find the text outside the subset after all: `readDeferred` then throws, and
 * `isOutsideTheSubset` tells the caller to read the text with yaml.
 */
export function readBlockYaml(text: string, reuse?: EntryReuse, lineStarts?: LineStarts, deferEntries = false): Node | undefined {
  if (text.includes('\t') || text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  try {
    return new BlockReader(text, reuse, lineStarts ?? lineStartsOf(text), deferEntries).document();
  } catch (error) {
    if (error === OUT_OF_SUBSET) return undefined;
    throw error;
  }
}

/** The block collection an entry's `DeferredValue` stands for, read now; throws when it leaves the subset (`isOutsideTheSubset`). */
export function readDeferred<T>(node: T | DeferredValue): T | Node {
  return node instanceof DeferredValue ? new BlockReader(node.text, undefined, node.starts, false).deferred(node) : node;
}

/** Whether `error` is what `readDeferred` throws when the text leaves the subset. */
export function isOutsideTheSubset(error: unknown): boolean {
  return error === OUT_OF_SUBSET;
}

/**
 * An entry's value not read yet (`readBlockYaml` with `deferEntries`): where it is, and the
 * range the value will have, so a collection can place the entry without reading it.
 */
export class DeferredValue {
  /** yaml's range triple of the value. */
  readonly range: [number, number, number];

  constructor(
    readonly text: string,
    readonly starts: LineStarts,
    /** The line of the entry's key, and where on it the value would start (after the colon). */
    readonly keyLine: number,
    readonly from: number,
    /** The column of the entry's key. */
    readonly indent: number,
    start: number,
    end: number,
    /** The first line with content after the value (or the line count): where reading it must stop. */
    readonly stop: number,
  ) {
    this.range = [start, end, end];
  }
}

class BlockReader {
  /** The line being read. */
  private line = 0;
  /** Collections open around the one being read. */
  private depth = 0;

  /** `starts`: the offset of each line's first character (`lineStartsOf(text)`). */
  constructor(
    private readonly text: string,
    private readonly reuse: EntryReuse | undefined,
    private readonly starts: LineStarts,
    private readonly deferEntries: boolean,
  ) {}

  document(): Node {
    this.skipBlank();
    if (this.line >= this.starts.length || this.indent(this.line) !== 0) throw OUT_OF_SUBSET;
    const root = this.blockNode(this.line, 0);
    this.skipBlank();
    if (this.line < this.starts.length || !(root instanceof YAMLMap)) throw OUT_OF_SUBSET;
    return root;
  }

  /** Reads the value `deferred` stands for, as reading it in place would have, or throws OUT_OF_SUBSET. */
  deferred(deferred: DeferredValue): Node {
    this.depth = ENTRY_DEPTH;
    const value = this.valueAfter(deferred.keyLine, deferred.from, deferred.indent, true);
    this.skipBlank();
    const range = value.range as [number, number, number];
    if (this.line !== deferred.stop || range[0] !== deferred.range[0] || range[2] !== deferred.range[2]) throw OUT_OF_SUBSET;
    return value;
  }

  /**
   * The value after an entry's `key:` at `from` on `line`, left unread, when it is a block
   * collection on the lines below (more indented than the key's `indent`): its lines are
   * skipped, and the reader moves past them. Undefined for any other value, read in place.
   */
  private deferAfter(line: number, from: number, indent: number): DeferredValue | undefined {
    const contentEnd = this.contentEnd(line);
    if (this.skipSpaces(from, contentEnd) < contentEnd) return undefined;
    let next = line + 1;
    while (next < this.starts.length && this.isBlank(next)) next++;
    if (next >= this.starts.length || this.indent(next) <= indent) return undefined;
    const first = next;
    let last = next;
    for (next++; next < this.starts.length; next++) {
      if (this.isBlank(next)) continue;
      if (this.indent(next) <= indent) break;
      last = next;
    }
    // A last key or dash with nothing after it ends the value where its empty scalar is, not at the line's end: read in place.
    let lastContent = this.contentEnd(last) - 1;
    while (this.text.charCodeAt(lastContent) === 32) lastContent--;
    const lastCode = this.text.charCodeAt(lastContent);
    const lone = lastContent === (this.starts[last] as number) + this.indent(last) || this.text.charCodeAt(lastContent - 1) === 32;
    if (lastCode === 58 || (lastCode === 45 && lone)) return undefined; // ':', or '-' on its own
    this.line = last + 1;
    return new DeferredValue(this.text, this.starts, line, from, indent, (this.starts[first] as number) + this.indent(first), this.lineEnd(last), next);
  }

  // --- lines ---

  /** Where the line's content ends: before its line break (LF or CRLF), or at the end of the text. */
  private contentEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    return this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  /** Where the next line starts (after the line break), or the end of the text. */
  private lineEnd(line: number): number {
    return this.starts[line + 1] ?? this.text.length;
  }

  private indent(line: number): number {
    const start = this.starts[line] as number;
    let at = start;
    while (this.text.charCodeAt(at) === 32) at++;
    return at - start;
  }

  private isBlank(line: number): boolean {
    const at = (this.starts[line] as number) + this.indent(line);
    return at >= this.contentEnd(line) || this.text.charCodeAt(at) === 35; // '#'
  }

  /** A line of nothing but spaces. */
  private isEmpty(line: number): boolean {
    return (this.starts[line] as number) + this.indent(line) >= this.contentEnd(line);
  }

  private skipBlank(): void {
    while (this.line < this.starts.length && this.isBlank(this.line)) this.line++;
  }

  /** The line that starts at `offset` (a line's start, or the end of the text: then past the last line). */
  private lineStartingAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    if (offset === this.text.length) return this.starts.length;
    if (this.starts[low] !== offset) throw OUT_OF_SUBSET; // a kept entry ends at a line's start
    return low;
  }

  /** The entry of a top-level section that starts at `start`, if the last parse read it and the edit left it alone; the reader moves past it. */
  private reusedAt(start: number): ReusedEntry | undefined {
    if (this.depth !== ENTRY_DEPTH || !this.reuse) return undefined;
    const reused = this.reuse.at(start);
    if (reused) this.line = this.lineStartingAt(reused.range[2]);
    return reused;
  }

  /** A line whose content is a sequence entry: `-` then a space or nothing. */
  private isEntryLine(line: number, indent: number): boolean {
    const at = (this.starts[line] as number) + indent;
    if (this.text.charCodeAt(at) !== 45) return false; // '-'
    return at + 1 >= this.contentEnd(line) || this.text.charCodeAt(at + 1) === 32;
  }

  // --- block collections ---

  private blockNode(line: number, indent: number): YAMLMap | YAMLSeq {
    if (this.isEntryLine(line, indent)) return this.sequence(line, indent);
    const keyStart = (this.starts[line] as number) + indent;
    if (this.keyColon(line, keyStart) === -1) throw OUT_OF_SUBSET;
    return this.mapping(line, indent, keyStart);
  }

  /** Counts a collection opened; deep nesting is left to yaml, which reports it as too deep. */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw OUT_OF_SUBSET;
  }

  /** A block mapping whose first key starts at `keyStart` on `line`; its keys are at column `indent`. */
  private mapping(firstLine: number, indent: number, keyStart: number): YAMLMap {
    this.enter();
    const map = newMap(false);
    let line = firstLine;
    let start = keyStart;
    let end = keyStart;
    for (;;) {
      const reused = this.reusedAt(start);
      if (reused) {
        (map.items as unknown[]).push(reused);
        end = reused.range[2];
      } else {
        const colon = this.keyColon(line, start);
        if (colon === -1) throw OUT_OF_SUBSET;
        const key = this.plainKey(start, colon);
        const deferred = this.deferEntries && this.depth === ENTRY_DEPTH ? this.deferAfter(line, colon + 1, indent) : undefined;
        if (deferred) {
          (map.items as unknown[]).push(newPair(key, deferred as unknown as Node));
          end = deferred.range[2];
        } else {
          const value = this.valueAfter(line, colon + 1, indent, true);
          map.items.push(newPair(key, value));
          end = nodeEnd(value);
        }
      }
      this.skipBlank();
      if (this.line >= this.starts.length) break;
      const next = this.indent(this.line);
      if (next < indent) break;
      if (next > indent || this.isEntryLine(this.line, next)) throw OUT_OF_SUBSET;
      line = this.line;
      start = (this.starts[line] as number) + indent;
    }
    map.range = [keyStart, end, end];
    this.depth--;
    return map;
  }

  /** A block sequence whose entries' dashes are at column `indent`, the first on `firstLine`. */
  private sequence(firstLine: number, indent: number): YAMLSeq {
    this.enter();
    const seq = newSeq(false);
    const first = (this.starts[firstLine] as number) + indent;
    let line = firstLine;
    let end = first;
    for (;;) {
      const dash = (this.starts[line] as number) + indent;
      const item = this.reusedAt(this.skipSpaces(dash + 1, this.contentEnd(line))) ?? this.entry(line, dash + 1, indent);
      (seq.items as unknown[]).push(item);
      end = item instanceof BlockScalar ? item.nodeEnd : (item.range as [number, number, number])[2];
      this.skipBlank();
      if (this.line >= this.starts.length) break;
      const next = this.indent(this.line);
      if (next < indent) break;
      if (next > indent) throw OUT_OF_SUBSET;
      if (!this.isEntryLine(this.line, next)) break;
      line = this.line;
    }
    seq.range = [first, end, end];
    this.depth--;
    return seq;
  }

  /** A sequence entry's value, after its dash: a compact mapping (`- id: a`) or sequence (`- - a`), or any value. */
  private entry(line: number, afterDash: number, indent: number): Node {
    const at = this.skipSpaces(afterDash, this.contentEnd(line));
    const code = this.text.charCodeAt(at);
    const column = at - (this.starts[line] as number);
    if (at > afterDash && at < this.contentEnd(line) && this.isEntryLine(line, column)) return this.sequence(line, column);
    if (at < this.contentEnd(line) && code !== 35 && !QUOTE_OR_FLOW.has(code) && this.keyColon(line, at) !== -1) {
      this.line = line;
      return this.mapping(line, column, at);
    }
    return this.valueAfter(line, afterDash, indent, false);
  }

  /**
   * The value that follows `key:` or `-` at `from` on `line`: on the same line, else a
   * block collection on the lines below (more indented than `indent`; for a mapping's
   * value, a sequence may also sit at `indent`), else an empty (null) scalar. Leaves
   * `this.line` on the line after the value.
   */
  private valueAfter(line: number, from: number, indent: number, sequenceAtIndent: boolean): Node {
    const contentEnd = this.contentEnd(line);
    const at = this.skipSpaces(from, contentEnd);
    if (at < contentEnd && this.text.charCodeAt(at) !== 35) {
      if (at === from && from < contentEnd) throw OUT_OF_SUBSET; // `key:value` is a plain scalar, not a pair
      const value = this.inlineValue(line, at, contentEnd);
      this.line = line + 1;
      this.skipBlank();
      if (this.line < this.starts.length && this.indent(this.line) > indent) throw OUT_OF_SUBSET; // a continuation line
      // yaml extends the value's range over comments indented under it; those are left to yaml.
      for (let skipped = line + 1; skipped < this.line; skipped++) if (this.indent(skipped) > indent && !this.isEmpty(skipped)) throw OUT_OF_SUBSET;
      return value;
    }
    this.line = line + 1;
    this.skipBlank();
    if (this.line < this.starts.length) {
      const next = this.indent(this.line);
      if (next > indent) return this.blockNode(this.line, next);
      if (sequenceAtIndent && next === indent && this.isEntryLine(this.line, next)) return this.sequence(this.line, next);
    }
    // An empty value: yaml extends its range over a comment that follows; only the plain case is read here.
    if (at < contentEnd || this.line !== line + 1) throw OUT_OF_SUBSET;
    return scalar(null, 'PLAIN', at, at, at);
  }

  /** A scalar or flow collection starting at `at`, then only spaces or a comment up to the line's end. */
  private inlineValue(line: number, at: number, contentEnd: number): Node {
    const node = this.flowOrScalar(at, contentEnd, false);
    const end = valueEnd(node);
    const rest = this.skipSpaces(end, contentEnd);
    if (rest < contentEnd && (this.text.charCodeAt(rest) !== 35 || rest === end)) throw OUT_OF_SUBSET;
    setNodeEnd(node, this.lineEnd(line));
    return node;
  }

  // --- keys and scalars ---

  /**
   * The colon ending a plain key that starts at `start` (`: ` or `:` at the line's end), or
   * -1 when the line holds no such key or one outside the subset.
   */
  private keyColon(line: number, start: number): number {
    const contentEnd = this.contentEnd(line);
    if (start >= contentEnd || INDICATORS.has(this.text.charCodeAt(start))) return -1;
    for (let at = start; at < contentEnd; at++) {
      const code = this.text.charCodeAt(at);
      if (code === 58) { // ':'
        if (at + 1 < contentEnd && this.text.charCodeAt(at + 1) !== 32) return -1;
        return at - start > MAX_KEY_LENGTH || this.text.charCodeAt(at - 1) === 32 ? -1 : at;
      }
      if (code === 35 && this.text.charCodeAt(at - 1) === 32) return -1; // a comment
    }
    return -1;
  }

  private plainKey(start: number, end: number): Scalar {
    return plainScalar(this.text.slice(start, end), start, end, end);
  }

  /** A flow collection, a quoted scalar or a plain scalar (in a flow collection when `inFlow`); it ends at `valueEnd`. */
  private flowOrScalar(at: number, contentEnd: number, inFlow: boolean): Node {
    const code = this.text.charCodeAt(at);
    if (code === 91) return this.flowSequence(at, contentEnd); // '['
    if (code === 123) return this.flowMapping(at, contentEnd); // '{'
    if (code === 34 || code === 39) { // '"' or "'"
      const close = this.closingQuote(at, contentEnd);
      const raw = this.text.slice(at + 1, close);
      const value = code === 39 ? raw.replaceAll("''", "'") : raw;
      return scalar(value, code === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', at, close + 1, close + 1);
    }
    if (INDICATORS.has(code) && !(code === 45 && at + 1 < contentEnd && this.text.charCodeAt(at + 1) !== 32)) throw OUT_OF_SUBSET;
    let end = at;
    for (; end < contentEnd; end++) {
      const c = this.text.charCodeAt(end);
      if (c === 35 && this.text.charCodeAt(end - 1) === 32) break; // a comment
      if (c === 58 && (inFlow || end + 1 >= contentEnd || this.text.charCodeAt(end + 1) === 32)) throw OUT_OF_SUBSET; // a pair, not a scalar
      if (inFlow && FLOW_ENDS.has(c)) break;
    }
    while (this.text.charCodeAt(end - 1) === 32) end--;
    return plainScalar(this.text.slice(at, end), at, end, end);
  }

  /** The closing quote on the same line; escapes (`\` in double quotes) leave the subset. */
  private closingQuote(open: number, contentEnd: number): number {
    const quote = this.text.charCodeAt(open);
    for (let at = open + 1; at < contentEnd; at++) {
      const code = this.text.charCodeAt(at);
      if (quote === 34 && code === 92) throw OUT_OF_SUBSET;
      if (code !== quote) continue;
      if (quote === 39 && this.text.charCodeAt(at + 1) === 39) {
        at++;
        continue;
      }
      return at;
    }
    throw OUT_OF_SUBSET;
  }

  private flowSequence(open: number, contentEnd: number): Node {
    this.enter();
    const seq = newSeq(true);
    let at = this.skipSpaces(open + 1, contentEnd);
    if (this.text.charCodeAt(at) !== 93) { // ']'
      for (;;) {
        const node = this.flowOrScalar(at, contentEnd, true);
        const end = valueEnd(node);
        seq.items.push(node);
        at = this.afterFlowItem(node, end, contentEnd);
        if (this.text.charCodeAt(at) === 93) break;
      }
    }
    seq.range = [open, at + 1, at + 1];
    this.depth--;
    return seq;
  }

  private flowMapping(open: number, contentEnd: number): Node {
    this.enter();
    const map = newMap(true);
    let at = this.skipSpaces(open + 1, contentEnd);
    if (this.text.charCodeAt(at) !== 125) { // '}'
      for (;;) {
        if (at >= contentEnd || INDICATORS.has(this.text.charCodeAt(at))) throw OUT_OF_SUBSET;
        let colon = at;
        while (colon < contentEnd && !FLOW_KEY_ENDS.has(this.text.charCodeAt(colon))) colon++;
        if (this.text.charCodeAt(colon) !== 58 || this.text.charCodeAt(colon + 1) !== 32 || this.text.charCodeAt(colon - 1) === 32) throw OUT_OF_SUBSET;
        const key = this.plainKey(at, colon);
        const valueStart = this.skipSpaces(colon + 1, contentEnd);
        if (valueStart >= contentEnd || CLOSERS.has(this.text.charCodeAt(valueStart))) throw OUT_OF_SUBSET; // `{ a: }`
        const node = this.flowOrScalar(valueStart, contentEnd, true);
        const end = valueEnd(node);
        map.items.push(newPair(key, node));
        at = this.afterFlowItem(node, end, contentEnd);
        if (this.text.charCodeAt(at) === 125) break;
      }
    }
    map.range = [open, at + 1, at + 1];
    this.depth--;
    return map;
  }

  /**
   * Past a flow item: spaces, then `,` and the next item (returns its start) or the closing
   * bracket (returns its offset). A trailing comma or the line's end leaves the subset.
   */
  private afterFlowItem(node: Node, end: number, contentEnd: number): number {
    const at = this.skipSpaces(end, contentEnd);
    setNodeEnd(node, at);
    const code = this.text.charCodeAt(at);
    if (at >= contentEnd) throw OUT_OF_SUBSET;
    if (code === 93 || code === 125) return at;
    if (code !== 44) throw OUT_OF_SUBSET; // ','
    const next = this.skipSpaces(at + 1, contentEnd);
    const after = this.text.charCodeAt(next);
    if (next >= contentEnd || after === 93 || after === 125 || after === 44) throw OUT_OF_SUBSET;
    return next;
  }

  private skipSpaces(from: number, contentEnd: number): number {
    let at = from;
    while (at < contentEnd && this.text.charCodeAt(at) === 32) at++;
    return at;
  }
}

/** A set of ASCII characters, looked up by character code (the reader's inner loops ask it per character). */
class CharacterSet {
  private readonly members = new Uint8Array(128);
  constructor(characters: string) {
    for (const character of characters) this.members[character.charCodeAt(0)] = 1;
  }
  has(code: number): boolean {
    return code < 128 && this.members[code] === 1;
  }
}

/** Characters that cannot start a plain scalar (YAML c-indicator); `-` may, before a non-space. */
const INDICATORS = new CharacterSet('-?:,[]{}#&*!|>\'"%@`');
const QUOTE_OR_FLOW = new CharacterSet('"\'[{');
/** Characters that end a plain scalar inside a flow collection. */
const FLOW_ENDS = new CharacterSet(',[]{}');
/** What cannot start a flow mapping's value: yaml reads `{ a: }` or `{ a: , b: 1 }` with an empty one. */
const CLOSERS = new CharacterSet(',]}');
const FLOW_KEY_ENDS = new CharacterSet(':,[]{}#');

/**
 * A design is hundreds of thousands of nodes, and yaml's constructors tag each one with
 * `Object.defineProperty`, then their fields are added one by one: together most of the
 * reader's time. These classes make the same objects (their prototypes chain to yaml's
 * classes and carry yaml's tag, so yaml's own `isScalar`, `isPair`, `isMap` and `isSeq`
 * and `instanceof` know them) with every field set at once, in one shape. If a yaml
 * release tags nodes differently, the check below fails and yaml's constructors are used.
 */
const NODE_TYPE = Symbol.for('yaml.node.type');

class BlockScalar {
  constructor(
    readonly value: unknown,
    readonly type: ScalarType,
    readonly source: string | undefined,
    /** yaml's range triple, as numbers: a design has hundreds of thousands of scalars, and an array each would be most of their weight. */
    readonly start: number,
    readonly valueEnd: number,
    public nodeEnd: number,
  ) {}

  /** yaml's `range`, made when asked for: `[start, valueEnd, nodeEnd]`. */
  get range(): [number, number, number] {
    return [this.start, this.valueEnd, this.nodeEnd];
  }
}

class BlockPair {
  constructor(readonly key: Node, readonly value: Node) {}
}

class BlockCollection {
  readonly items: unknown[] = [];
  range: [number, number, number] | undefined = undefined;
  constructor(readonly flow: boolean) {}
}
class BlockMap extends BlockCollection {}
class BlockSeq extends BlockCollection {}

/** Puts the yaml class and tag under a class of ours. */
function chain(ours: { prototype: object }, yamls: { prototype: object }, type: string): void {
  const tagged = Object.create(yamls.prototype) as object;
  Object.defineProperty(tagged, NODE_TYPE, { value: Symbol.for(type) });
  Object.setPrototypeOf(ours.prototype, tagged);
}
chain(BlockScalar, Scalar, 'yaml.scalar');
chain(BlockPair, Pair, 'yaml.pair');
chain(BlockMap, YAMLMap, 'yaml.map');
chain(BlockSeq, YAMLSeq, 'yaml.seq');

const OUR_NODES_WORK = isScalar(new BlockScalar(null, 'PLAIN', undefined, 0, 0, 0)) && isPair(new BlockPair(null as unknown as Node, null as unknown as Node))
  && isMap(new BlockMap(false)) && isSeq(new BlockSeq(false));

function newMap(flow: boolean): YAMLMap<Node, Node> {
  if (OUR_NODES_WORK) return new BlockMap(flow) as unknown as YAMLMap<Node, Node>;
  const map = new YAMLMap<Node, Node>();
  if (flow) map.flow = true;
  return map;
}

function newSeq(flow: boolean): YAMLSeq<Node> {
  if (OUR_NODES_WORK) return new BlockSeq(flow) as unknown as YAMLSeq<Node>;
  const seq = new YAMLSeq<Node>();
  if (flow) seq.flow = true;
  return seq;
}

function newPair(key: Node, value: Node): Pair<Node, Node> {
  return OUR_NODES_WORK ? new BlockPair(key, value) as unknown as Pair<Node, Node> : new Pair(key, value);
}

function scalar(value: unknown, type: ScalarType, start: number, valueEnd: number, nodeEnd: number, source?: string): Scalar {
  if (OUR_NODES_WORK) return new BlockScalar(value, type, source, start, valueEnd, nodeEnd) as unknown as Scalar;
  const node = new Scalar(value);
  node.range = [start, valueEnd, nodeEnd];
  node.type = type;
  if (source !== undefined) node.source = source;
  return node;
}

/** Where a node's value ends (its range's second offset): after a scalar, after a flow collection's bracket. */
function valueEnd(node: Node): number {
  return node instanceof BlockScalar ? node.valueEnd : (node.range as [number, number, number])[1];
}

/** Where a node ends (its range's third offset), comments and spaces after its value included. */
function nodeEnd(node: Node): number {
  return node instanceof BlockScalar ? node.nodeEnd : (node.range as [number, number, number])[2];
}

/** A scalar the fast reader made, whose offsets are read without making yaml's range array. */
export function isBlockScalar(node: unknown): node is { readonly start: number; readonly valueEnd: number } {
  return node instanceof BlockScalar;
}

function setNodeEnd(node: Node, end: number): void {
  if (node instanceof BlockScalar) node.nodeEnd = end;
  else (node.range as [number, number, number])[2] = end;
}

/** A plain scalar resolved as yaml's core schema does (`12` a number, `true` a boolean, `~` null). */
function plainScalar(source: string, start: number, valueEnd: number, nodeEnd: number): Scalar {
  const first = source.charCodeAt(0);
  const isWord = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (isWord && !CORE_WORDS.has(source)) return scalar(source, 'PLAIN', start, valueEnd, nodeEnd, source);
  const tag = CORE_TAGS.find((candidate) => candidate.test?.test(source));
  const resolved: unknown = tag ? tag.resolve(source, () => { throw OUT_OF_SUBSET; }, CORE_OPTIONS) : source;
  if (!isScalar(resolved) && !(tag && 'format' in tag && tag.format)) return scalar(resolved, 'PLAIN', start, valueEnd, nodeEnd, source);
  // A float that keeps its digits, or a hex or octal integer: yaml's own Scalar, as yaml makes it.
  const node = isScalar(resolved) ? resolved : new Scalar(resolved);
  node.range = [start, valueEnd, nodeEnd];
  node.type = 'PLAIN';
  node.source = source;
  if (tag && 'format' in tag && tag.format) node.format = tag.format;
  return node;
}
