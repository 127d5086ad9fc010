/**
 * A small schema language for reading YAML nodes into typed values while keeping the
 * source range of every key and value. One definition serves four purposes: reading
 * (with problems as data), the JSON Schema shipped in `schemas/`, editor completion and
 * hover, and the format reference. The `.vtopo` format itself is declared in `format.ts`.
 */

import { isMap, isPair, isScalar, isSeq, YAMLMap, type Node, type Pair } from 'yaml';
import { ID_PATTERN, type Declaration, type ElementKind, type ReadContext } from './read-context';
import { ReusedEntry } from './reuse';
import { rangeOf, type SourceRange } from './source';
import { closestMatch } from './suggest';
import { describeNode, ID_HINT, makeField, nodeRange, text, truncate, type Field, type FieldOptions, type ValueOf } from './schema-fields';

export {
  ID_PATTERN,
  READ_LIMITS,
  ReadContext,
  type Declaration,
  type ElementKind,
  type Inheritance,
  type Reference,
  type ReferenceTarget,
} from './read-context';
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
import { READ_MESSAGES as READ, kindText, keyNameText } from './messages';

export type JsonSchema = { [key: string]: unknown };

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
  /** The fields a mapping that leaves them out takes a default for, and those it must give. */
  const defaulted = Object.entries(shape).flatMap(([key, field]) => (field.defaultValue !== undefined ? [[key, field.defaultValue] as const] : []));
  const required = Object.entries(shape).filter(([, field]) => field.defaultValue === undefined && field.required);
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
    const source = new MappingSource(range, pairs.length);
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
      const earlier = source.indexOf(binding.fieldKey);
      if (earlier !== -1) {
        const spelled = firstSpelling(pairs, binding.fieldKey, ctx);
        ctx.report('syntax', spelled === keyText
          ? READ.givenTwice({ key: keyText })
          : READ.sameThing({ key: keyText, earlier: spelled }), keyRange, {
          related: [{ message: READ.firstGivenHere({}), range: source.keyRange(earlier) }],
        });
        continue;
      }
      const valueNode = pair.value as Node | null;
      const valueRange = nodeRange(valueNode, keyRange);
      const inheritance = inherited.get(pair);
      source.add(binding.fieldKey, keyRange, valueRange, inheritance?.from);
      const read = inheritance
        ? ctx.inheriting(inheritance, () => binding.field.read(valueNode, ctx, keyRange))
        : binding.field.read(valueNode, ctx, keyRange);
      if (read !== undefined) value[binding.fieldKey] = read;
    }
    for (const [fieldKey, defaultValue] of defaulted) {
      if (value[fieldKey] === undefined) value[fieldKey] = defaultValue;
    }
    for (const [fieldKey, field] of required) {
      if (value[fieldKey] !== undefined) continue;
      if (source.indexOf(fieldKey) === -1) {
        const spelled = field.alternateKeys?.(fieldKey)[0]?.key ?? fieldKey;
        ctx.report('missing-field', spelled === fieldKey ? READ.missingKey({ key: spelled }) : READ.missingKeyOr({ key: spelled, canonical: fieldKey }), missingRange);
      }
      complete = false;
    }
    if (!complete) return undefined;
    value.source = source;
    return value as ObjectValue<S>;
  }

  /** How a field was first spelled among `pairs` (`memory` or `memoryMB`): asked only when it is given twice. */
  function firstSpelling(pairs: Pair<Node, Node>[], fieldKey: string, ctx: ReadContext): string {
    for (const pair of pairs) {
      const keyText = isPair(pair) ? ctx.scalarText(pair.key as Node | null) : undefined;
      if (keyText !== undefined && bindings.get(keyText)?.fieldKey === fieldKey) return keyText;
    }
    return fieldKey;
  }
}

/**
 * Where a mapping's fields are, as read: the key of each, then the ranges of its key and of
 * its value. `fields` is made the first time it is asked for: most mappings of a large design
 * are never asked (a finding or an edit asks for a few), and a parse makes hundreds of
 * thousands. The ranges are own properties, so an entry kept for the next parse finds and
 * moves them (reuse.ts); `fields` holds the same range objects.
 */
class MappingSource implements ObjectSource<string> {
  /** Per field, three: its key, where its key is, where its value is; made as long as the mapping's pairs (an entry each, at most). */
  readonly places: Array<string | SourceRange>;
  /** How many fields `places` holds. */
  count = 0;
  /** Per field, the template it was taken from, if any field was (FieldSource.inheritedFrom). */
  inheritedFrom: Array<string | undefined> | undefined;

  constructor(readonly range: SourceRange, pairs: number) {
    this.places = new Array<string | SourceRange>(3 * pairs);
  }

  add(key: string, keyRange: SourceRange, valueRange: SourceRange, inheritedFrom: string | undefined): void {
    if (inheritedFrom !== undefined) (this.inheritedFrom ??= [])[this.count] = inheritedFrom;
    const at = 3 * this.count++;
    this.places[at] = key;
    this.places[at + 1] = keyRange;
    this.places[at + 2] = valueRange;
  }

  /** Which field `key` is (in the order read), or -1. */
  indexOf(key: string): number {
    for (let index = 0; index < this.count; index++) if (this.places[3 * index] === key) return index;
    return -1;
  }

  keyRange(index: number): SourceRange {
    return this.places[3 * index + 1] as SourceRange;
  }

  get fields(): Record<string, FieldSource> {
    const made = MADE_FIELDS.get(this);
    if (made) return made;
    const fields: Record<string, FieldSource> = {};
    for (let index = 0; index < this.count; index++) {
      const from = this.inheritedFrom?.[index];
      const place = { key: this.places[3 * index + 1] as SourceRange, value: this.places[3 * index + 2] as SourceRange };
      fields[this.places[3 * index] as string] = from === undefined ? place : { ...place, inheritedFrom: from };
    }
    MADE_FIELDS.set(this, fields);
    return fields;
  }
}

/** `fields` of each MappingSource, once asked for: kept aside, so that what a source holds stays its ranges. */
const MADE_FIELDS = new WeakMap<MappingSource, Record<string, FieldSource>>();

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
            // The mapping's value was made for this entry alone: it takes its id in place rather than in a copy (a design has tens of thousands).
            read = value === element.defaultValue ? { ...value, id: fullId, idRange: entry.idRange } : Object.assign(value, { id: fullId, idRange: entry.idRange });
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
