/**
 * The fields of the schema language (schema.ts): what a field is, how one is made, and the
 * scalar and reference fields (text, numbers, booleans, enumerations, dates, quantities
 * with units, ids). The structures built of them (objects, lists, records, collections,
 * templates) and the reading context are in schema.ts, which re-exports these.
 */

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { JsonSchema, ReadContext, ReferenceTarget } from './schema';
import { isBlockScalar } from './block-yaml';
import { rangeOf, type SourceRange } from './source';
import { closestMatch } from './suggest';
import { baseUnitOf, DIMENSIONS, parseQuantity, type Dimension } from './units';
import { REFERENCE_MESSAGES, VALUE_MESSAGES as VALUES, dimensionText, kindText } from './messages';
import { formatList } from '../l10n/format';
import { formatText, localizedFormatText } from './format-texts';

export function nodeRange(node: Node | null | undefined, fallback?: SourceRange): SourceRange {
  if (isBlockScalar(node)) return rangeOf(node.start, node.valueEnd);
  const range = node?.range;
  if (range) return rangeOf(range[0], range[1]);
  return fallback ?? { start: 0, end: 0 };
}

/** How present a value is after reading: always (required or defaulted) or maybe. */
export type Presence = 'always' | 'optional';

export interface Field<T, P extends Presence = Presence> {
  /** Short type name for documentation, e.g. `integer`, `host id`, `data size`. */
  readonly typeName: string;
  readonly description: string;
  readonly presence: P;
  readonly required: boolean;
  readonly defaultValue?: T;
  /** Values offered by completion (enumerations, booleans). */
  readonly completions?: readonly string[];
  readonly referenceTarget?: ReferenceTarget;
  /** Other keys that may spell this field, such as `memoryGB` or `memory` for `memoryMB`. */
  readonly alternateKeys?: (key: string) => ReadonlyArray<{ readonly key: string; readonly field: Field<T> }>;
  /** Nested fields by key, for completion and hover inside objects. */
  readonly children?: () => Readonly<Record<string, Field<unknown>>>;
  /** The field that describes each item of a list, collection or record. */
  readonly items?: () => Field<unknown>;
  read(node: Node | null | undefined, ctx: ReadContext, fallback: SourceRange): T | undefined;
  jsonSchema(): JsonSchema;
}

export type ValueOf<F> = F extends Field<infer T, Presence> ? T : never;

export interface FieldOptions<T> {
  description: string;
  required?: boolean;
  default?: T;
}

export type WithPresence<T, O> = O extends { required: true } | { default: unknown } | { defaults: true } ? Field<T, 'always'> : Field<T, 'optional'>;

export function makeField<T, O extends FieldOptions<T>>(
  options: O,
  base: Omit<Field<T>, 'presence' | 'required' | 'defaultValue' | 'description'>,
): WithPresence<T, O> {
  const always = options.required === true || options.default !== undefined;
  formatText(options.description);
  const field: Field<T> = {
    ...base,
    description: options.description,
    presence: always ? 'always' : 'optional',
    required: options.required === true,
    ...(options.default !== undefined ? { defaultValue: options.default } : {}),
    jsonSchema: () => {
      const schema: JsonSchema = { ...base.jsonSchema(), description: options.description };
      if (options.default !== undefined && typeof options.default !== 'object') schema.default = options.default;
      return schema;
    },
  };
  return field as WithPresence<T, O>;
}

export function describeNode(node: Node | null | undefined): string {
  if (!node) return VALUES.nothing({});
  if (isMap(node)) return VALUES.aMapping({});
  if (isSeq(node)) return VALUES.aList({});
  if (isScalar(node)) {
    if (node.value === null) return VALUES.nothing({});
    if (typeof node.value === 'string') return VALUES.quoted({ text: truncate(node.value) });
    return String(node.value);
  }
  return VALUES.anAlias({});
}

/** What a valid id is, for the problem on an id that is not (the format's own text: see format-texts.ts). */
export const ID_HINT = 'ids start with a letter or digit and use only letters, digits, ".", "_" and "-"';

export function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

export function scalarValue(node: Node | null | undefined): unknown {
  return node && isScalar(node) ? node.value : undefined;
}

// ---------------------------------------------------------------------------- scalars

export function text<O extends FieldOptions<string> & { pattern?: RegExp; patternHint?: string }>(options: O) {
  if (options.patternHint !== undefined) formatText(options.patternHint);
  return makeField<string, O>(options, {
    typeName: 'string',
    read(raw, ctx, fallback) {
      const node = ctx.resolve(raw);
      const parsed = scalarValue(node);
      // A number or boolean keeps its spelling (`12.10` is not `12.1`, `.nan` is not "NaN")
      // and is checked like any other text.
      const value = typeof parsed === 'number' || typeof parsed === 'boolean' || typeof parsed === 'bigint' ? ctx.scalarText(node) : parsed;
      if (typeof value !== 'string') {
        ctx.report('invalid-value', VALUES.expectedText({ found: describeNode(node) }), nodeRange(node, fallback));
        return undefined;
      }
      if (options.pattern && !options.pattern.test(value)) {
        const hint = options.patternHint;
        ctx.report('invalid-value', hint === undefined
          ? VALUES.expectedPattern({ value: truncate(value), pattern: String(options.pattern) })
          : VALUES.notValid({ value: truncate(value), hint: localizedFormatText(hint) }), nodeRange(node, fallback));
        return undefined;
      }
      return value;
    },
    jsonSchema: () => ({ type: ['string', 'number'], ...(options.pattern ? { pattern: options.pattern.source } : {}) }),
  });
}

/**
 * Bounds every number of the format declares: no field takes any number, so that no
 * quantity reaches Infinity or NaN in sums, products and ratios downstream (`cores: 1e308`).
 */
export interface NumberBounds {
  readonly min: number;
  readonly max: number;
}

export function integerOrNumber<O extends FieldOptions<number> & NumberBounds & { integer?: boolean }>(options: O) {
  return makeField<number, O>(options, {
    typeName: options.integer ? 'integer' : 'number',
    read(raw, ctx, fallback) {
      const node = ctx.resolve(raw);
      const value = scalarValue(node);
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        ctx.report('invalid-value', (options.integer ? VALUES.expectedWholeNumber : VALUES.expectedNumber)({ found: describeNode(node) }), nodeRange(node, fallback));
        return undefined;
      }
      if (options.integer && !Number.isInteger(value)) {
        ctx.report('invalid-value', VALUES.expectedWholeNumber({ found: String(value) }), nodeRange(node, fallback));
        return undefined;
      }
      if (value < options.min || value > options.max) {
        ctx.report('invalid-value', VALUES.outOfRange({ value: String(value), min: String(options.min), max: String(options.max) }), nodeRange(node, fallback));
        return undefined;
      }
      return value;
    },
    jsonSchema: () => ({ type: options.integer ? 'integer' : 'number', minimum: options.min, maximum: options.max }),
  });
}

export function integer<O extends FieldOptions<number> & NumberBounds>(options: O) {
  return integerOrNumber({ ...options, integer: true } as O & { integer: true });
}

export function number<O extends FieldOptions<number> & NumberBounds>(options: O) {
  return integerOrNumber(options);
}

export function boolean<O extends FieldOptions<boolean>>(options: O) {
  return makeField<boolean, O>(options, {
    typeName: 'boolean',
    completions: ['true', 'false'],
    read(raw, ctx, fallback) {
      const node = ctx.resolve(raw);
      const value = scalarValue(node);
      if (typeof value !== 'boolean') {
        ctx.report('invalid-value', VALUES.expectedBoolean({ found: describeNode(node) }), nodeRange(node, fallback));
        return undefined;
      }
      return value;
    },
    jsonSchema: () => ({ type: 'boolean' }),
  });
}

export function oneOf<const V extends string, O extends FieldOptions<V>>(values: readonly V[], options: O) {
  return makeField<V, O>(options, {
    typeName: values.map((v) => `\`${v}\``).join(' \\| '),
    completions: values,
    read(raw, ctx, fallback) {
      const node = ctx.resolve(raw);
      const value = scalarValue(node);
      const textValue = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
      const exact = values.find((v) => v === textValue);
      if (exact !== undefined) return exact;
      const range = nodeRange(node, fallback);
      const suggestion = textValue === undefined ? undefined : closestMatch(textValue, values);
      ctx.report(
        'invalid-value',
        suggestion
          ? VALUES.expectedOneOfSuggest({ values: formatList(values), found: describeNode(node), suggestion })
          : VALUES.expectedOneOf({ values: formatList(values), found: describeNode(node) }),
        range,
        suggestion ? { fixes: [{ title: REFERENCE_MESSAGES.changeTo({ suggestion }), edits: [{ range, newText: suggestion }], preferred: true }] } : {},
      );
      return undefined;
    },
    jsonSchema: () => ({ enum: [...values] }),
  });
}

export function date<O extends FieldOptions<string>>(options: O) {
  return makeField<string, O>(options, {
    typeName: 'date (YYYY-MM-DD)',
    read(raw, ctx, fallback) {
      const node = ctx.resolve(raw);
      const value = scalarValue(node);
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
        ctx.report('invalid-value', VALUES.expectedDate({ found: describeNode(node) }), nodeRange(node, fallback));
        return undefined;
      }
      return value;
    },
    jsonSchema: () => ({ type: 'string', format: 'date' }),
  });
}

/**
 * A measured value stored in a base unit. The key names the unit (`memoryMB`); the same
 * value may also be written with another unit suffix (`memoryGB: 512`) or under the bare
 * name as a string with a unit (`memory: 512 GB`).
 */
export function quantity<O extends FieldOptions<number> & NumberBounds>(dimension: Dimension, options: O) {
  const definition = DIMENSIONS[dimension];
  // The value is quoted as the file spells it, and in the base unit when that differs and is
  // finite: a value scaled to the base unit may overflow (`memoryTB: 1e308`).
  // The range is made only for a problem: this runs for every quantity of a design.
  const checkRange = (value: number, written: string, node: Node | null | undefined, fallback: SourceRange, ctx: ReadContext): number | undefined => {
    if (!(value >= options.min && value <= options.max)) {
      const inBaseUnit = `${value} ${definition.baseUnit}`;
      const bounds = { min: String(options.min), max: String(options.max), unit: definition.baseUnit };
      ctx.report('invalid-value', written === inBaseUnit || !Number.isFinite(value)
        ? VALUES.outOfRangeIn({ value: written, ...bounds })
        : VALUES.outOfRangeConverted({ value: written, converted: inBaseUnit, ...bounds }), nodeRange(node, fallback));
      return undefined;
    }
    return value;
  };
  const numberIn = (factor: number, unitSymbol: string): Field<number> => ({
    typeName: `number (${unitSymbol})`,
    description: options.description,
    presence: 'optional',
    required: false,
    read(raw, ctx, fallback) {
      const node = ctx.resolve(raw);
      const value = scalarValue(node);
      if (typeof value === 'string') {
        const parsed = parseQuantity(value, dimension);
        if (parsed.ok) return checkRange(parsed.value, truncate(value), node, fallback, ctx);
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        ctx.report('invalid-value', VALUES.expectedNumberOf({ unit: unitSymbol, found: describeNode(node) }), nodeRange(node, fallback));
        return undefined;
      }
      return checkRange(value * factor, `${value} ${unitSymbol}`, node, fallback, ctx);
    },
    jsonSchema: () => ({ type: ['number', 'string'], minimum: options.min / factor, maximum: options.max / factor, description: `${options.description} (${unitSymbol})` }),
  });
  const withUnit: Field<number> = {
    typeName: `${dimension} with unit, e.g. "${definition.example}"`,
    description: options.description,
    presence: 'optional',
    required: false,
    read(raw, ctx, fallback) {
      const node = ctx.resolve(raw);
      const value = scalarValue(node);
      if (typeof value === 'number') {
        ctx.report('invalid-value', VALUES.noUnit({ value: String(value), unit: definition.units[1]?.symbol ?? definition.baseUnit }), nodeRange(node, fallback));
        return undefined;
      }
      if (typeof value !== 'string') {
        ctx.report('invalid-value', VALUES.expectedQuantity({ dimension: dimensionText(dimension), example: definition.example, found: describeNode(node) }), nodeRange(node, fallback));
        return undefined;
      }
      const parsed = parseQuantity(value, dimension);
      if (!parsed.ok) {
        ctx.report('invalid-value', parsed.message, nodeRange(node, fallback));
        return undefined;
      }
      return checkRange(parsed.value, truncate(value), node, fallback, ctx);
    },
    jsonSchema: () => ({ type: 'string', description: `${options.description}, with a unit such as "${definition.example}"` }),
  };
  const inBaseUnit = numberIn(1, definition.baseUnit);
  return makeField<number, O>(options, {
    typeName: `number (${definition.baseUnit})`,
    read: (raw, ctx, fallback) => inBaseUnit.read(raw, ctx, fallback),
    jsonSchema: () => ({ type: ['number', 'string'], minimum: options.min, maximum: options.max }),
    alternateKeys(key) {
      const base = baseUnitOf(dimension);
      const stem = key.endsWith(base.keySuffix) ? key.slice(0, -base.keySuffix.length) : key;
      const alternates: Array<{ key: string; field: Field<number> }> = [{ key: stem, field: withUnit }];
      for (const unit of definition.units) {
        if (unit === base) continue;
        alternates.push({ key: `${stem}${unit.keySuffix}`, field: numberIn(unit.factor, unit.symbol) });
      }
      return alternates;
    },
  });
}

// -------------------------------------------------------------------------- references

export function ref<O extends FieldOptions<string>>(target: ReferenceTarget, options: O) {
  return makeField<string, O>(options, {
    typeName: target === 'endpoint' ? 'port or switch id' : `${target} id`,
    referenceTarget: target,
    read(raw, ctx, fallback) {
      const node = ctx.resolve(raw);
      const value = scalarValue(node);
      const range = nodeRange(node, fallback);
      const id = typeof value === 'string' || typeof value === 'number' ? ctx.scalarText(node) : undefined;
      if (id === undefined) {
        ctx.report('invalid-value', VALUES.expectedId({ target: kindText(target), found: describeNode(node) }), range);
        return undefined;
      }
      ctx.references.push({ target, id, range, fromId: ctx.scope });
      return id;
    },
    jsonSchema: () => ({ type: 'string' }),
  });
}
