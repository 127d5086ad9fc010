/**
 * A small schema language for reading YAML nodes into typed values while keeping the
 * source range of every key and value. One definition serves four purposes: reading
 * (with problems as data), the JSON Schema shipped in `schemas/`, editor completion and
 * hover, and the format reference. The `.vtopo` format itself is declared in `format.ts`.
 */

import { isAlias, isMap, isPair, isScalar, isSeq, YAMLMap, type Alias, type Document, type Node, type Pair } from 'yaml';
import { indexAliases, sizeOf, type AliasIndex } from './alias-index';
import { ReuseAbandoned, ReusedEntry, type EntryContent, type EntryLog } from './reuse';
import type { ParseProblem, QuickFix, RelatedLocation, StructuralRuleId } from './report';
import { rangeOf, type SourceRange } from './source';
import { closestMatch } from './suggest';
import { describeNode, ID_HINT, makeField, nodeRange, text, truncate, type Field, type FieldOptions, type ValueOf } from './schema-fields';

export {
  boolean,
  date,
  integer,
  integerOrNumber,
  nodeRange,
  number,
  oneOf,
  quantity,
  ref,
  text,
  type Field,
  type NumberBounds,
  type ValueOf,
} from './schema-fields';
import { grouped } from '../text/plural';
import { READ_MESSAGES as READ, kindText, keyNameText } from './messages';

export type JsonSchema = { [key: string]: unknown };

/** Kinds of element that can be declared with an id and referenced by it. */
export type ElementKind =
  | 'cluster'
  | 'hostProfile'
  | 'host'
  | 'adapter'
  | 'port'
  | 'vmkernelPort'
  | 'virtualSwitch'
  | 'portGroup'
  | 'switch'
  | 'array'
  | 'controller'
  | 'datastore'
  | 'vm'
  | 'guestCluster'
  | 'rule'
  | 'site'
  | 'rack'
  | 'chassis'
  | 'powerFeed'
  | 'siteLink';

/** What a reference may point at: an element kind, or a cable endpoint (a port or a switch). */
export type ReferenceTarget = ElementKind | 'endpoint';

export interface Reference {
  readonly target: ReferenceTarget;
  readonly id: string;
  readonly range: SourceRange;
  /** Id of the element whose text holds the reference. */
  readonly fromId: string | undefined;
}

export interface Declaration {
  readonly kind: ElementKind;
  readonly id: string;
  readonly idRange: SourceRange;
  readonly range: SourceRange;
  /**
   * Set on an element a host takes from its profile (an adapter, a port): the profile's id.
   * Its ranges are the profile's text, which every host of the profile shares.
   */
  readonly inheritedFrom?: string;
}

/** A template's keys as written: a host profile under `hostProfiles`, before it is read. */
interface TemplateSource {
  readonly pairs: ReadonlyArray<Pair<Node, Node>>;
  /** The whole entry, id and body: problems in it are reported once, on the template itself. */
  readonly range: SourceRange;
}

export interface Inheritance {
  /** Id of the template the pairs come from. */
  readonly from: string;
  readonly range: SourceRange;
}

/** Bounds that keep hostile input (alias bombs, deep nesting) cheap to reject. */
export const READ_LIMITS = {
  /**
   * YAML nodes (mappings, lists, scalars, keys included) one document may read through
   * aliases: each alias counts the nodes of the subtree it stands for, every time it is
   * read. What an alias costs is what it expands to, not the look-up: a 119 KB file with
   * one anchored 1,000-port adapter reused by 999 hosts would otherwise read a million
   * ports. Legitimate sharing stays far below: an anchored 4-port adapter (about 45 nodes)
   * reused by 48 hosts is 2,200, four anchored adapters on each of 48 hosts about 6,000,
   * a whole anchored host of about 200 nodes reused by 100 hosts 20,000. Reading 50,000
   * aliased nodes takes about 0.15 s (bench/hostile.ts). Host profiles, the format's own
   * way to share hardware, are not aliases and do not count.
   */
  aliasedNodes: 50_000,
  nestingDepth: 64,
} as const;

const NO_PAIRS: ReadonlyMap<Pair<Node, Node>, Inheritance> = new Map();

export class ReadContext {
  readonly problems: ParseProblem[] = [];
  readonly references: Reference[] = [];
  readonly declarations = new Map<string, Declaration>();
  /** Id of the element being read; nested ids are prefixed with it (`esx-01/hba1`). */
  scope: string | undefined;
  /** While a template is read on its own: its nested ids, kept out of the design's. */
  private templateDeclarations: Map<string, Declaration> | undefined;
  /** While pairs a mapping takes from a template are read: which template. */
  private inheritance: Inheritance | undefined;
  /** Pairs of the next mapping to be read that come from a template, with the template. */
  private inheritedPairs: ReadonlyMap<Pair<Node, Node>, Inheritance> = NO_PAIRS;
  /** Templates by section and id, found in the document the first time one is asked for. */
  private readonly templates = new Map<string, ReadonlyMap<string, TemplateSource>>();
  /** Problems are kept only if every filter accepts them. */
  private readonly filters: Array<(problem: ParseProblem) => boolean> = [];
  /** Built on the first alias read: yaml's own look-up walks the whole document for each alias. */
  private aliasIndex: AliasIndex | undefined;
  private aliasedNodes = 0;
  /** Set once the alias budget is spent: no alias is expanded after that. */
  private aliasBudgetSpent = false;
  /** Set while a reader handles an alias the budget refused: the one problem it reports about the missing value is left out. */
  private refusedAlias = false;
  private depth = 0;
  /** With a log: every declaration of the design, in order, so an entry's own can be kept. */
  private readonly declaredInOrder: Declaration[] = [];
  /** How many values were read from a template: an entry that read one is not kept. */
  private templateReads = 0;

  constructor(
    readonly document: Document,
    /** The source text, to read plain scalars as written (`01` stays "01", not 1). */
    readonly text: string,
    /** Where the entries of top-level sections are kept for the next parse (reuse.ts), if they are. */
    readonly log?: EntryLog,
  ) {}

  /**
   * A scalar as the id or name it spells: plain numbers keep their spelling, so `01` and
   * `1e3` are not turned into 1 and 1000. Undefined for non-scalars and empty values.
   */
  scalarText(node: Node | null | undefined): string | undefined {
    if (!node || !isScalar(node) || node.value === null) return undefined;
    if (typeof node.value === 'string') return node.value;
    if (node.type === 'PLAIN' && node.range) return this.text.slice(node.range[0], node.range[1]);
    return String(node.value);
  }

  report(
    ruleId: StructuralRuleId,
    message: string,
    range: SourceRange,
    extra: { related?: RelatedLocation[]; fixes?: QuickFix[]; elementIds?: string[] } = {},
  ): void {
    const problem: ParseProblem = {
      ruleId,
      message,
      range,
      elementIds: extra.elementIds ?? (this.scope ? [this.scope] : []),
      ...(extra.related ? { related: extra.related } : {}),
      ...(extra.fixes ? { fixes: extra.fixes } : {}),
    };
    if (this.refusedAlias && ruleId !== 'input-limit') {
      // "expected a mapping, found nothing" for a value the input limit already explained.
      this.refusedAlias = false;
      return;
    }
    if (this.filters.every((keep) => keep(problem))) this.problems.push(problem);
  }

  /** Reads with problems that `keep` rejects left out. */
  filtered<T>(keep: (problem: ParseProblem) => boolean, read: () => T): T {
    this.filters.push(keep);
    try {
      return read();
    } finally {
      this.filters.pop();
    }
  }

  /**
   * Follows an alias (`*name`) to the node it stands for, within the document's budget of
   * aliased nodes (READ_LIMITS.aliasedNodes), so that an alias bomb stays cheap. The alias
   * that crosses the budget is reported once, naming the limit; it and every later alias
   * read as absent, without a further problem each.
   */
  resolve(node: Node | null | undefined): Node | null | undefined {
    if (!node) return node;
    this.refusedAlias = false;
    if (!isAlias(node)) return node;
    if (this.aliasBudgetSpent) {
      this.refusedAlias = true;
      return undefined;
    }
    const target = this.aliasTarget(node);
    if (!target) return undefined;
    this.aliasedNodes += sizeOf(target, this.indexedAliases().sizes);
    if (this.aliasedNodes > READ_LIMITS.aliasedNodes) {
      this.aliasBudgetSpent = true;
      this.report(
        'input-limit',
        READ.aliasBudget({ limit: grouped(READ_LIMITS.aliasedNodes) }),
        nodeRange(node),
      );
      this.refusedAlias = true;
      return undefined;
    }
    return target;
  }

  /** The node an alias stands for, not counted against the budget (for the shallow look-up of templates). */
  aliasTarget(alias: Alias): Node | undefined {
    const { targets } = this.indexedAliases();
    if (targets.has(alias)) return targets.get(alias);
    // An alias made outside the document (none is, today): yaml's own look-up.
    const found = alias.resolve(this.document) as Node | undefined;
    return found && !isAlias(found) ? found : undefined;
  }

  private indexedAliases(): AliasIndex {
    this.aliasIndex ??= indexAliases(this.document);
    return this.aliasIndex;
  }

  nested<T>(range: SourceRange, read: () => T): T | undefined {
    if (this.depth >= READ_LIMITS.nestingDepth) {
      this.report('input-limit', READ.nestingLimit({ limit: READ_LIMITS.nestingDepth }), range);
      return undefined;
    }
    this.depth++;
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  declare(declaration: Declaration): boolean {
    const declarations = this.templateDeclarations ?? this.declarations;
    const existing = declarations.get(declaration.id);
    if (existing) {
      this.report('duplicate-id', READ.duplicateId({ id: declaration.id, kind: kindText(existing.kind) }), declaration.idRange, {
        related: [{ message: READ.firstDeclaredAs({ kind: kindText(existing.kind) }), range: existing.idRange }],
        elementIds: [declaration.id],
      });
      return false;
    }
    const declared = this.inheritance ? { ...declaration, inheritedFrom: this.inheritance.from } : declaration;
    declarations.set(declaration.id, declared);
    if (this.log && !this.templateDeclarations) this.declaredInOrder.push(declared);
    return true;
  }

  /** How far the reading has got: where an entry's problems, references and declarations start. */
  mark(): ReadMark {
    return { problems: this.problems.length, references: this.references.length, declared: this.declaredInOrder.length, templateReads: this.templateReads };
  }

  /** Whether entries of this collection are kept for the next parse: those of the design's top-level sections, but host profiles (hosts read them). */
  keepsEntries(kind: ElementKind): boolean {
    return this.log !== undefined && this.scope === undefined && this.templateDeclarations === undefined && kind !== 'hostProfile';
  }

  /** Keeps what reading one entry gave, from `mark` (taken after its id was declared) on, unless it read a template. */
  keepEntry(kind: ElementKind, declaration: Declaration, declared: boolean, mark: ReadMark, node: Node | null, start: number, value: object | undefined): void {
    const end = node?.range?.[2];
    if (!this.log || end === undefined || this.templateReads !== mark.templateReads) return;
    this.log.record({
      kind,
      start,
      end,
      declared,
      declaration,
      nested: this.declaredInOrder.slice(mark.declared),
      references: this.references.slice(mark.references),
      problems: this.problems.slice(mark.problems),
      value,
    });
  }

  /**
   * Takes back an entry the reader skipped: declares its id again (which reports a duplicate
   * as reading would), then its nested ids, references and problems as the last parse found
   * them, moved by the edit. Returns its value. Abandons the parse when the result would
   * not be what reading it gives.
   */
  takeBack(reused: ReusedEntry, kind: ElementKind): object | undefined {
    if (!this.log || reused.entry.content.kind !== kind || !this.keepsEntries(kind)) throw new ReuseAbandoned('an entry met outside its section');
    const entry: EntryContent = this.log.takeBack(reused);
    if (this.declare(entry.declaration) !== entry.declared) throw new ReuseAbandoned('its id is declared otherwise now');
    if (!entry.declared) return undefined;
    for (const declaration of entry.nested) {
      if (this.declarations.has(declaration.id)) throw new ReuseAbandoned('a nested id is declared already');
      this.declarations.set(declaration.id, declaration);
      this.declaredInOrder.push(declaration);
    }
    for (const reference of entry.references) this.references.push(reference);
    for (const problem of entry.problems) this.problems.push(problem);
    return entry.value;
  }

  /**
   * Reads a template on its own (a host profile): its problems are reported here, once,
   * and its nested ids (`r750/hba1`) are checked among themselves but are not ids of the
   * design: each host that takes the template declares its own (`esx-01/hba1`).
   */
  inTemplate<T>(read: () => T): T {
    const previous = this.templateDeclarations;
    this.templateDeclarations = new Map();
    try {
      return read();
    } finally {
      this.templateDeclarations = previous;
    }
  }

  /** The template `id` of a top-level section (`hostProfiles`), as written, if the file has it. */
  templateOf(section: string, id: string): TemplateSource | undefined {
    let found = this.templates.get(section);
    if (!found) {
      found = findTemplates(this, section);
      this.templates.set(section, found);
    }
    return found.get(id);
  }

  /** Reads a mapping of which `pairs` come from a template (see `object`). */
  withInheritedPairs<T>(pairs: ReadonlyMap<Pair<Node, Node>, Inheritance>, read: () => T): T {
    this.inheritedPairs = pairs;
    try {
      return read();
    } finally {
      this.inheritedPairs = NO_PAIRS;
    }
  }

  /** For the mapping about to be read: which of its pairs come from a template. Mappings nested in it take none. */
  takeInheritedPairs(): ReadonlyMap<Pair<Node, Node>, Inheritance> {
    const pairs = this.inheritedPairs;
    this.inheritedPairs = NO_PAIRS;
    return pairs;
  }

  /**
   * Reads a value taken from a template. Its problems were reported when the template
   * itself was read, so they are left out here, except a clash of the ids it declares with
   * the element's own (an adapter named like a VMkernel port) and the input limits.
   * Declarations made meanwhile record the template.
   */
  inheriting<T>(inheritance: Inheritance, read: () => T): T {
    this.templateReads++;
    const previous = this.inheritance;
    this.inheritance = inheritance;
    const keep = (problem: ParseProblem) =>
      problem.ruleId === 'input-limit' || (problem.ruleId === 'duplicate-id' && !within(problem.related?.[0]?.range, inheritance.range));
    try {
      return this.filtered(keep, read);
    } finally {
      this.inheritance = previous;
    }
  }

  withScope<T>(scope: string, read: () => T): T {
    const previous = this.scope;
    this.scope = scope;
    try {
      return read();
    } finally {
      this.scope = previous;
    }
  }
}

/** Where the reading had got: the lengths of what it had found. */
interface ReadMark {
  readonly problems: number;
  readonly references: number;
  readonly declared: number;
  readonly templateReads: number;
}

function within(inner: SourceRange | undefined, outer: SourceRange): boolean {
  return inner !== undefined && outer.start <= inner.start && inner.end <= outer.end;
}

/** Follows an alias without counting it: for the shallow look-up of templates. */
function followAlias(node: Node | null | undefined, ctx: ReadContext): Node | null | undefined {
  return node && isAlias(node) ? ctx.aliasTarget(node) : node;
}

/**
 * The entries of a top-level section as written (a mapping keyed by id, or a list with
 * `id:` keys), for mappings that take keys from them before the section is read. The first
 * entry of an id wins, as when the section is read; invalid ids are left out.
 */
function findTemplates(ctx: ReadContext, section: string): ReadonlyMap<string, TemplateSource> {
  const templates = new Map<string, TemplateSource>();
  const root = followAlias(ctx.document.contents as Node | null, ctx);
  if (!root || !isMap(root)) return templates;
  const sectionPair = (root.items as Pair<Node, Node>[]).find((pair) => isPair(pair) && ctx.scalarText(pair.key) === section);
  const body = followAlias(sectionPair?.value, ctx);
  const add = (id: string | undefined, node: Node | null | undefined, range: SourceRange) => {
    if (id === undefined || !ID_PATTERN.test(id) || templates.has(id)) return;
    const value = followAlias(node, ctx);
    const pairs = value && isMap(value) ? (value.items as Pair<Node, Node>[]).filter(isPair) : [];
    templates.set(id, { pairs, range });
  };
  if (body && isMap(body)) {
    for (const pair of body.items as Pair<Node, Node>[]) {
      const keyRange = nodeRange(pair.key);
      add(ctx.scalarText(pair.key), pair.value, rangeOf(keyRange.start, nodeRange(pair.value, keyRange).end));
    }
  } else if (body && isSeq(body)) {
    for (const item of body.items as Node[]) {
      const entry = followAlias(item, ctx);
      if (!entry || !isMap(entry)) continue;
      const pairs = (entry.items as Pair<Node, Node>[]).filter(isPair);
      const idPair = pairs.find((pair) => isScalar(pair.key) && pair.key.value === 'id');
      if (!idPair) continue;
      const id = ctx.scalarText(followAlias(idPair.value, ctx));
      if (id === undefined || !ID_PATTERN.test(id) || templates.has(id)) continue;
      templates.set(id, { pairs: pairs.filter((pair) => !(isScalar(pair.key) && pair.key.value === 'id')), range: nodeRange(entry) });
    }
  }
  return templates;
}

// ------------------------------------------------------------------------- structures

export type Shape = Record<string, Field<unknown>>;

export interface FieldSource {
  readonly key: SourceRange;
  readonly value: SourceRange;
  /** Set when the mapping takes this field from a template (a host's profile): the template's id. The ranges are then in the template's text. */
  readonly inheritedFrom?: string;
}

export interface ObjectSource<K extends string> {
  /** The whole mapping. */
  readonly range: SourceRange;
  /** Per field: where its key and value are. */
  readonly fields: Partial<Record<K, FieldSource>>;
}

type AlwaysKeys<S extends Shape> = { [K in keyof S]: S[K] extends Field<unknown, 'always'> ? K : never }[keyof S];
type MaybeKeys<S extends Shape> = Exclude<keyof S, AlwaysKeys<S>>;

export type ObjectValue<S extends Shape> = { readonly [K in AlwaysKeys<S>]: ValueOf<S[K]> } & {
  readonly [K in MaybeKeys<S>]?: ValueOf<S[K]>;
} & { readonly source: ObjectSource<Extract<keyof S, string>> };

interface KeyBinding {
  readonly fieldKey: string;
  readonly field: Field<unknown>;
}

/** Every key a shape accepts, its own and its alternate spellings, with the field each reads. */
export function bindingsOf(shape: Shape): Map<string, KeyBinding> {
  const bindings = new Map<string, KeyBinding>();
  for (const [fieldKey, field] of Object.entries(shape)) {
    bindings.set(fieldKey, { fieldKey, field });
    for (const alternate of field.alternateKeys?.(fieldKey) ?? []) {
      bindings.set(alternate.key, { fieldKey, field: alternate.field });
    }
  }
  return bindings;
}

/**
 * A mapping with fixed keys. With `defaults: true`, an omitted mapping reads as if it were
 * written empty, so settings blocks such as `ha:` always carry their defaults. `refusedKeys`
 * are keys a reader might expect here that the mapping does not take, each with the message
 * that says why (reported as unknown keys).
 */
export function object<S extends Shape, O extends FieldOptions<ObjectValue<S>> & { defaults?: true }>(
  shape: S,
  options: O & { typeName?: string; refusedKeys?: Readonly<Record<string, () => string>> },
) {
  // Every read object carries its source ranges as `source`: a field of that name would be overwritten.
  if ('source' in shape) throw new Error('a format object cannot have a field named "source"');
  // Values are plain objects keyed by field: a field named like an Object member would clash.
  for (const key of Object.keys(shape)) if (key in Object.prototype) throw new Error(`a format object cannot have a field named "${key}"`);
  const bindings = bindingsOf(shape);
  const shapeFields = Object.entries(shape);
  const knownKeys = [...bindings.keys()];
  const withDefaults = options.defaults ? { ...options, default: defaultsOf(shape) as ObjectValue<S> } : options;
  return makeField<ObjectValue<S>, O>(withDefaults, {
    typeName: options.typeName ?? 'mapping',
    children: () => shape,
    read(raw, ctx, fallback) {
      const node = ctx.resolve(raw);
      const range = nodeRange(node, fallback);
      // Missing keys are reported on the key that introduces this mapping (the element id),
      // not on the whole mapping, so the squiggle stays on one line.
      const missingRange = fallback.end > fallback.start ? fallback : rangeOf(range.start, range.start);
      if (node && isScalar(node) && node.value === null) {
        return readMap([], range, missingRange, ctx);
      }
      if (!node || !isMap(node)) {
        ctx.report('invalid-value', READ.expectedMapping({ found: describeNode(node) }), range);
        return undefined;
      }
      return ctx.nested(range, () => readMap(node.items as Pair<Node, Node>[], range, missingRange, ctx));
    },
    jsonSchema: () => objectJsonSchema(shape, bindings, undefined),
  });

  function readMap(pairs: Pair<Node, Node>[], range: SourceRange, missingRange: SourceRange, ctx: ReadContext): ObjectValue<S> | undefined {
    const inherited = ctx.takeInheritedPairs();
    // Plain objects, not Object.create(null) dictionaries: only the shape's own keys are set.
    const value: Record<string, unknown> = {};
    const fields: Record<string, FieldSource> = {};
    /** The key each field was first given with (its range is in `fields`). */
    const seenFrom: Record<string, string> = {};
    let complete = true;
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const keyText = ctx.scalarText(keyNode);
      const keyRange = nodeRange(keyNode, range);
      if (keyText === undefined) {
        ctx.report('invalid-value', READ.plainKeys({}), keyRange);
        continue;
      }
      const binding = bindings.get(keyText);
      const refused = options.refusedKeys && Object.hasOwn(options.refusedKeys, keyText) ? options.refusedKeys[keyText] : undefined;
      if (!binding && refused !== undefined) {
        ctx.report('unknown-key', refused(), keyRange);
        continue;
      }
      if (!binding) {
        const suggestion = closestMatch(keyText, knownKeys);
        ctx.report('unknown-key', suggestion ? READ.unknownKeySuggest({ key: truncate(keyText), suggestion }) : READ.unknownKey({ key: truncate(keyText) }), keyRange, suggestion
          ? { fixes: [{ title: READ.renameTo({ suggestion }), edits: [{ range: keyRange, newText: suggestion }], preferred: true }] }
          : {});
        continue;
      }
      const earlier = seenFrom[binding.fieldKey];
      if (earlier !== undefined) {
        ctx.report('syntax', earlier === keyText
          ? READ.givenTwice({ key: keyText })
          : READ.sameThing({ key: keyText, earlier }), keyRange, {
          related: [{ message: READ.firstGivenHere({}), range: (fields[binding.fieldKey] as FieldSource).key }],
        });
        continue;
      }
      seenFrom[binding.fieldKey] = keyText;
      const valueNode = pair.value as Node | null;
      const valueRange = nodeRange(valueNode, keyRange);
      const inheritance = inherited.get(pair);
      fields[binding.fieldKey] = inheritance ? { key: keyRange, value: valueRange, inheritedFrom: inheritance.from } : { key: keyRange, value: valueRange };
      const read = inheritance
        ? ctx.inheriting(inheritance, () => binding.field.read(valueNode, ctx, keyRange))
        : binding.field.read(valueNode, ctx, keyRange);
      if (read !== undefined) value[binding.fieldKey] = read;
    }
    for (const [fieldKey, field] of shapeFields) {
      if (value[fieldKey] !== undefined) continue;
      if (field.defaultValue !== undefined) {
        value[fieldKey] = field.defaultValue;
      } else if (field.required) {
        if (!fields[fieldKey]) {
          const spelled = field.alternateKeys?.(fieldKey)[0]?.key ?? fieldKey;
          ctx.report('missing-field', spelled === fieldKey ? READ.missingKey({ key: spelled }) : READ.missingKeyOr({ key: spelled, canonical: fieldKey }), missingRange);
        }
        complete = false;
      }
    }
    if (!complete) return undefined;
    value.source = { range, fields };
    return value as ObjectValue<S>;
  }
}

/** The value of a mapping written empty: every default, and a source at offset 0. */
function defaultsOf(shape: Shape): Record<string, unknown> {
  const value: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, field] of Object.entries(shape)) {
    if (field.defaultValue !== undefined) value[key] = field.defaultValue;
  }
  value.source = { range: { start: 0, end: 0 }, fields: {} };
  return value;
}

function objectJsonSchema(shape: Shape, bindings: Map<string, KeyBinding>, extra: JsonSchema | undefined): JsonSchema {
  const properties: JsonSchema = {};
  for (const [key, binding] of bindings) {
    properties[key] = binding.fieldKey === key ? (shape[key] as Field<unknown>).jsonSchema() : binding.field.jsonSchema();
  }
  // A required field that can be spelled several ways (memoryMB, memoryGB, memory) needs one of them.
  const required: string[] = [];
  const requiredSpellings: JsonSchema[] = [];
  for (const [key, field] of Object.entries(shape)) {
    if (!field.required) continue;
    const alternates = field.alternateKeys?.(key) ?? [];
    if (alternates.length === 0) required.push(key);
    else requiredSpellings.push({ anyOf: [key, ...alternates.map((a) => a.key)].map((k) => ({ required: [k] })) });
  }
  return {
    type: required.length || requiredSpellings.length ? 'object' : ['object', 'null'],
    properties: { ...properties, ...(extra ?? {}) },
    additionalProperties: false,
    ...(required.length ? { required } : {}),
    ...(requiredSpellings.length ? { allOf: requiredSpellings } : {}),
  };
}

export function list<T, O extends FieldOptions<T[]>>(item: Field<T>, options: O & { typeName?: string }) {
  return makeField<T[], O>(options, {
    typeName: options.typeName ?? `list of ${item.typeName}`,
    items: () => item,
    read(raw, ctx, fallback) {
      const node = ctx.resolve(raw);
      const range = nodeRange(node, fallback);
      if (!node || !isSeq(node)) {
        ctx.report('invalid-value', READ.expectedList({ found: describeNode(node) }), range);
        return undefined;
      }
      return ctx.nested(range, () => {
        const values: T[] = [];
        for (const entry of node.items as Node[]) {
          const value = item.read(entry, ctx, range);
          if (value !== undefined) values.push(value);
        }
        return values;
      });
    },
    jsonSchema: () => ({ type: 'array', items: item.jsonSchema() }),
  });
}

export interface RecordEntry<T> {
  readonly key: string;
  readonly keyRange: SourceRange;
  readonly value: T;
}

/** A mapping with free keys (layout positions, per-rule settings); prototype-safe. */
export function record<T, O extends FieldOptions<ReadonlyMap<string, RecordEntry<T>>>>(item: Field<T>, options: O & { keyName: string }) {
  return makeField<ReadonlyMap<string, RecordEntry<T>>, O>(options, {
    typeName: `mapping of ${options.keyName} to ${item.typeName}`,
    items: () => item,
    read(raw, ctx, fallback) {
      const node = ctx.resolve(raw);
      const range = nodeRange(node, fallback);
      if (node && isScalar(node) && node.value === null) return new Map();
      if (!node || !isMap(node)) {
        ctx.report('invalid-value', READ.expectedRecord({ keyName: keyNameText(options.keyName), found: describeNode(node) }), range);
        return undefined;
      }
      return ctx.nested(range, () => {
        const entries = new Map<string, RecordEntry<T>>();
        for (const pair of node.items as Pair<Node, Node>[]) {
          const keyNode = pair.key as Node | null;
          const keyRange = nodeRange(keyNode, range);
          const key = ctx.scalarText(keyNode);
          if (key === undefined) {
            ctx.report('invalid-value', READ.expectedKeyName({ keyName: keyNameText(options.keyName) }), keyRange);
            continue;
          }
          if (entries.has(key)) {
            ctx.report('syntax', READ.givenTwice({ key: truncate(key) }), keyRange, { related: [{ message: READ.firstGivenHere({}), range: entries.get(key)?.keyRange ?? keyRange }] });
            continue;
          }
          const value = item.read(pair.value as Node | null, ctx, keyRange);
          if (value !== undefined) entries.set(key, { key, keyRange, value });
        }
        return entries;
      });
    },
    jsonSchema: () => ({ type: 'object', additionalProperties: item.jsonSchema() }),
  });
}

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** An entry of a collection as written, before it is read. */
interface CollectionEntry {
  readonly id: string;
  readonly idRange: SourceRange;
  /** What is read as the element: the mapping under the id, or the list item without its `id` key. */
  readonly valueNode: Node | null;
  readonly range: SourceRange;
  /** Where the entry starts (its id's key, or the list item's first key), and its node as written: what the entry log keeps. */
  readonly start: number;
  readonly node: Node | null;
}

export interface Identified {
  readonly id: string;
  readonly idRange: SourceRange;
}

/**
 * Elements of one kind, written either as a mapping keyed by id (`esx-01: {...}`) or as a
 * list of mappings with an `id:` field. Ids are declared as they are read, so references
 * can be checked afterwards, and nested elements get ids prefixed with their parent's.
 */
export function collection<S extends Shape, O extends FieldOptions<Array<ObjectValue<S> & Identified>>>(
  kind: ElementKind,
  element: Field<ObjectValue<S>>,
  options: O,
) {
  const idField = text({ description: `Id of the ${kind}.`, pattern: ID_PATTERN, patternHint: ID_HINT });
  return makeField<Array<ObjectValue<S> & Identified>, O>(options, {
    typeName: `${kind} collection`,
    items: () => element,
    read(raw, ctx, fallback) {
      const node = ctx.resolve(raw);
      const range = nodeRange(node, fallback);
      if (node && isScalar(node) && node.value === null) return [];
      const entries: Array<CollectionEntry | ReusedEntry> = [];
      if (node && isMap(node)) {
        for (const pair of node.items as Array<Pair<Node, Node> | ReusedEntry>) {
          if (pair instanceof ReusedEntry) {
            entries.push(pair);
            continue;
          }
          const keyNode = pair.key as Node | null;
          const idRange = nodeRange(keyNode, range);
          const id = ctx.scalarText(keyNode);
          const valueNode = pair.value as Node | null;
          const whole = rangeOf(idRange.start, nodeRange(valueNode, idRange).end);
          if (id === undefined) {
            ctx.report('invalid-value', READ.expectedKindId({ kind: kindText(kind) }), idRange);
            continue;
          }
          entries.push({ id, idRange, valueNode, range: whole, start: idRange.start, node: valueNode });
        }
      } else if (node && isSeq(node)) {
        for (const item of node.items as Array<Node | ReusedEntry>) {
          if (item instanceof ReusedEntry) {
            entries.push(item);
            continue;
          }
          const itemNode = ctx.resolve(item);
          const itemRange = nodeRange(itemNode, range);
          if (!itemNode || !isMap(itemNode)) {
            ctx.report('invalid-value', READ.expectedKindWithId({ kind: kindText(kind), found: describeNode(itemNode) }), itemRange);
            continue;
          }
          const idPair = (itemNode.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && p.key.value === 'id');
          if (!idPair) {
            ctx.report('missing-field', READ.missingIdKey({ kind: kindText(kind) }), itemRange);
            continue;
          }
          const idNode = idPair.value as Node | null;
          const idRange = nodeRange(idNode, nodeRange(idPair.key as Node));
          const id = ctx.scalarText(idNode);
          if (id === undefined) {
            ctx.report('invalid-value', READ.expectedKindId({ kind: kindText(kind) }), idRange);
            continue;
          }
          // A shallow copy: the nodes stay the document's own, so their aliases resolve as written.
          const withoutId = new YAMLMap<Node, Node>();
          withoutId.items = (itemNode.items as Pair<Node, Node>[]).filter((p) => p !== idPair && !(isScalar(p.key) && p.key.value === 'id'));
          withoutId.range = itemNode.range;
          entries.push({ id, idRange, valueNode: withoutId, range: itemRange, start: itemRange.start, node: itemNode });
        }
      } else {
        ctx.report('invalid-value', READ.expectedCollection({ kind: kindText(kind), found: describeNode(node) }), range);
        return undefined;
      }
      const values: Array<ObjectValue<S> & Identified> = [];
      const keeps = ctx.keepsEntries(kind);
      for (const entry of entries) {
        if (entry instanceof ReusedEntry) {
          const value = ctx.takeBack(entry, kind);
          if (value !== undefined) values.push(value as ObjectValue<S> & Identified);
          continue;
        }
        if (!ID_PATTERN.test(entry.id)) {
          ctx.report('invalid-value', READ.invalidId({ id: truncate(entry.id) }), entry.idRange);
          continue;
        }
        const fullId = ctx.scope ? `${ctx.scope}/${entry.id}` : entry.id;
        const declaration: Declaration = { kind, id: fullId, idRange: entry.idRange, range: entry.range };
        const declared = ctx.declare(declaration);
        const mark = keeps ? ctx.mark() : undefined;
        let read: (ObjectValue<S> & Identified) | undefined;
        if (declared) {
          const value = ctx.withScope(fullId, () => element.read(entry.valueNode, ctx, entry.idRange));
          if (value !== undefined) {
            read = { ...value, id: fullId, idRange: entry.idRange };
            values.push(read);
          }
        }
        if (mark) ctx.keepEntry(kind, declaration, declared, mark, entry.node, entry.start, read);
      }
      return values;
    },
    jsonSchema: () => {
      const elementSchema = element.jsonSchema();
      const properties = (elementSchema.properties ?? {}) as JsonSchema;
      return {
        oneOf: [
          { type: 'object', propertyNames: { pattern: ID_PATTERN.source }, additionalProperties: elementSchema },
          {
            type: 'array',
            items: { ...elementSchema, properties: { id: idField.jsonSchema(), ...properties }, required: ['id', ...((elementSchema.required as string[] | undefined) ?? [])] },
          },
        ],
      };
    },
  });
}

/** A custom reader for shapes the combinators above do not cover (e.g. `[a, b]` links). */
export function custom<T, O extends FieldOptions<T>>(
  options: O & { typeName: string; jsonSchema: () => JsonSchema; children?: () => Readonly<Record<string, Field<unknown>>> },
  read: (node: Node | null | undefined, ctx: ReadContext, fallback: SourceRange) => T | undefined,
) {
  return makeField<T, O>(options, {
    typeName: options.typeName,
    ...(options.children ? { children: options.children } : {}),
    read: (raw, ctx, fallback) => read(ctx.resolve(raw), ctx, fallback),
    jsonSchema: options.jsonSchema,
  });
}
