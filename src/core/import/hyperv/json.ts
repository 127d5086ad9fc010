/**
 * Reading a JSON value written by PowerShell's ConvertTo-Json, whatever it did to it: a
 * one-element array written as the element itself, an array wrapped as { value, Count }
 * (Windows PowerShell 5.1 with the System.Array type data loaded), enums as their names or
 * their numbers, numbers as text, booleans as "True", dates as "/Date(ms)/". A value of the
 * wrong type is a warning naming where it was, and is left out; nothing here throws.
 * Values are only read, never merged into an object, so a key named `__proto__` is a key.
 */

import type { SummaryBuilder } from '../summary';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.json-values', {
  aList: 'a list',
  anObject: 'an object',
  expected: '{where}.{key}: expected {expected}, found {found}; left out',
  unknownValue: '{where}.{key}: unknown value {value}; left out',
  outOfRange: '{what} is {value}, outside {min} to {max}; left out',
  expectedList: '{where}: expected a list, found {found}; left out',
  expectedObject: '{where}[{index}]: expected an object, found {found}; left out',
});

/** What a value should have been, in a warning. */
const EXPECTED = defineMessages('import.json-values.expected', {
  text: 'text',
  number: 'a number',
  boolean: 'true or false',
  texts: 'a list of texts',
  object: 'an object',
});

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The items of what should be an array, undoing ConvertTo-Json's unwrapping and wrapping. */
export function itemsOf(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (isObject(value)) {
    const inner = ownValue(value, 'value');
    if (Array.isArray(inner) && (ownValue(value, 'Count') !== undefined || Object.keys(value).length === 1)) return inner;
  }
  return [value];
}

/** An own property, by exact key or else by key ignoring case (never an inherited one). */
export function ownValue(object: JsonObject, key: string): unknown {
  if (Object.prototype.hasOwnProperty.call(object, key)) return object[key];
  const lower = key.toLowerCase();
  for (const candidate of Object.keys(object)) {
    if (candidate.toLowerCase() === lower) return object[candidate];
  }
  return undefined;
}

/** Text as written: trimmed strings, numbers and booleans as text; empty text is undefined. */
function textOf(value: unknown): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return null;
}

function numberOf(value: unknown): number | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : null;
  }
  return null;
}

function booleanOf(value: unknown): boolean | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 0 ? false : value === 1 ? true : null;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === '') return undefined;
    if (text === 'true' || text === '1' || text === 'yes') return true;
    if (text === 'false' || text === '0' || text === 'no') return false;
  }
  return null;
}

/** What a value looks like, for a warning. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return MESSAGES.aList({});
  if (isObject(value)) return MESSAGES.anObject({});
  const text = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value) : String(value);
  return text;
}

/** One object of the inventory, with its place ("nodes[2]") for warnings. */
export class JsonRecord {
  constructor(
    readonly where: string,
    private readonly object: JsonObject,
    private readonly summary: SummaryBuilder,
  ) {}

  raw(key: string): unknown {
    return ownValue(this.object, key);
  }

  private bad(key: string, expected: keyof typeof EXPECTED, value: unknown): undefined {
    this.summary.warn(MESSAGES.expected({ where: this.where, key, expected: EXPECTED[expected]({}), found: describe(value) }));
    return undefined;
  }

  text(key: string): string | undefined {
    const value = this.raw(key);
    const text = textOf(value);
    return text === null ? this.bad(key, 'text', value) : text;
  }

  number(key: string): number | undefined {
    const value = this.raw(key);
    const number = numberOf(value);
    return number === null ? this.bad(key, 'number', value) : number;
  }

  boolean(key: string): boolean | undefined {
    const value = this.raw(key);
    const boolean = booleanOf(value);
    return boolean === null ? this.bad(key, 'boolean', value) : boolean;
  }

  /** An enum as ConvertTo-Json writes it: its name, or its number looked up in `names`. */
  enumName(key: string, names: Readonly<Record<number, string>>): string | undefined {
    const value = this.raw(key);
    if (typeof value === 'number') {
      const name = names[value];
      if (name === undefined) this.summary.warn(MESSAGES.unknownValue({ where: this.where, key, value: String(value) }));
      return name;
    }
    const text = this.text(key);
    if (text !== undefined && /^-?\d+$/.test(text)) return names[Number(text)] ?? text;
    return text;
  }

  /** A list of texts: an array, a single value (ConvertTo-Json's one-element array), or nothing. */
  texts(key: string): string[] {
    const result: string[] = [];
    for (const item of itemsOf(this.raw(key))) {
      const text = textOf(item);
      if (text === null) this.bad(key, 'texts', item);
      else if (text !== undefined) result.push(text);
    }
    return result;
  }

  record(key: string): JsonRecord | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) return this.bad(key, 'object', value);
    return new JsonRecord(`${this.where}.${key}`, value, this.summary);
  }

  records(key: string): JsonRecord[] {
    return recordsOf(this.raw(key), `${this.where}.${key}`, this.summary);
  }
}

/**
 * A number the format bounds (cores, clock speed, memory...): inside [min, max], else a
 * warning naming it and undefined, so that the design reports the gap instead of a value
 * out of range.
 */
export function within(value: number | undefined, min: number, max: number, what: string, summary: SummaryBuilder): number | undefined {
  if (value === undefined) return undefined;
  if (value >= min && value <= max) return value;
  summary.warn(MESSAGES.outOfRange({ what, value: String(value), min: String(min), max: String(max) }));
  return undefined;
}

/** The objects of a list; items that are not objects are warnings. */
export function recordsOf(value: unknown, where: string, summary: SummaryBuilder): JsonRecord[] {
  if (value !== undefined && value !== null && !Array.isArray(value) && !isObject(value)) {
    summary.warn(MESSAGES.expectedList({ where, found: describe(value) }));
    return [];
  }
  const records: JsonRecord[] = [];
  itemsOf(value).forEach((item, index) => {
    if (isObject(item)) records.push(new JsonRecord(`${where}[${index}]`, item, summary));
    else if (item !== null) summary.warn(MESSAGES.expectedObject({ where, index: String(index), found: describe(item) }));
  });
  return records;
}

/**
 * A date as YYYY-MM-DD: ISO text ("2026-11-30T09:12:00Z", the date as written), or
 * Windows PowerShell's "/Date(1764493920000)/" (milliseconds since 1970, UTC).
 */
export function isoDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const ms = /^\\?\/Date\((-?\d+)([+-]\d{4})?\)\\?\/$/.exec(text.trim());
  if (ms) {
    const date = new Date(Number(ms[1]));
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)/.exec(text.trim());
  if (!iso) return undefined;
  const [, year, month, day] = iso;
  const date = new Date(`${year ?? ''}-${month ?? ''}-${day ?? ''}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${year ?? ''}-${month ?? ''}-${day ?? ''}` ? undefined : `${year ?? ''}-${month ?? ''}-${day ?? ''}`;
}
