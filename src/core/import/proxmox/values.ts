/**
 * Reading values out of parsed JSON that nobody checked: objects, lists, text, numbers and
 * Proxmox's 0/1 flags, each with a warning naming where a value of the wrong type was, and
 * never a throw. pvesh writes some numbers as strings ("mhz": "2500.000"), so a string
 * that is a number reads as one.
 */

import type { SummaryBuilder } from '../summary';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.proxmox.values', {
  wrongType: '{where}: "{key}" is {found}, not {expected}; left out',
  aList: 'a list',
  anObject: 'an object',
});

/** What a field should have been, in a warning. */
const EXPECTED = defineMessages('import.proxmox.values.expected', {
  text: 'text',
  number: 'a number',
  flag: 'a flag (0 or 1)',
  object: 'an object',
  list: 'a list',
});

export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object's own entries (a key named "__proto__" is just a key). */
export function entriesOf(value: JsonObject): Array<[string, unknown]> {
  return Object.keys(value).map((key) => [key, value[key]]);
}

/** Reads the fields of one object of the inventory; `where` names it in warnings ("resources: qemu/100"). */
export class Fields {
  constructor(
    readonly value: JsonObject,
    readonly where: string,
    private readonly summary: SummaryBuilder,
  ) {}

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.value, key) && this.value[key] !== null && this.value[key] !== undefined;
  }

  raw(key: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.value, key) ? this.value[key] : undefined;
  }

  /** A non-empty string (a number is written as text); another type is a warning. */
  text(key: string): string | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    this.wrongType(key, value, 'text');
    return undefined;
  }

  /** A finite number, or a string that is one; another type is a warning. */
  number(key: string): number | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
    this.wrongType(key, value, 'number');
    return undefined;
  }

  /** Proxmox flags: 1/0, true/false, "1"/"0". */
  flag(key: string): boolean | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (value === 1 || value === true || value === '1') return true;
    if (value === 0 || value === false || value === '0') return false;
    this.wrongType(key, value, 'flag');
    return undefined;
  }

  object(key: string): JsonObject | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null) return undefined;
    if (isObject(value)) return value;
    this.wrongType(key, value, 'object');
    return undefined;
  }

  /** A comma- or semicolon-separated list, or a JSON list of strings. */
  list(key: string): string[] | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return splitList(value);
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.flatMap((item: string) => splitList(item));
    this.wrongType(key, value, 'list');
    return undefined;
  }

  fields(key: string, where: string): Fields | undefined {
    const value = this.object(key);
    return value === undefined ? undefined : new Fields(value, where, this.summary);
  }

  private wrongType(key: string, value: unknown, expected: keyof typeof EXPECTED): void {
    this.summary.warn(MESSAGES.wrongType({ where: this.where, key, found: describe(value), expected: EXPECTED[expected]({}) }));
  }
}

/** JSON text with every object's keys sorted: the same for the same value, whatever the order its keys were written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

export function splitList(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A value as a warning shows it: short, on one line. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return MESSAGES.aList({});
  if (typeof value === 'object') return MESSAGES.anObject({});
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return String(value);
}
