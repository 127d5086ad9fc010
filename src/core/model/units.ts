/**
 * Units of measure: the one place where "512 GB", "16Gbps" or "2.6 GHz" become numbers.
 *
 * Memory and capacity follow vSphere's convention of binary multiples (1 GB = 1024 MB),
 * which is also how the vSphere Availability guide computes slot sizes. Link speeds are
 * decimal (1 Gbps = 1000 Mbps), as network gear is sold.
 */

import { VALUE_MESSAGES, dimensionText } from './messages';
import { formatList } from '../l10n/format';

export type Dimension = 'data' | 'frequency' | 'bandwidth' | 'throughput' | 'duration';

export interface UnitDefinition {
  /** Canonical spelling, used in key names such as `memoryGB`. */
  readonly symbol: string;
  /** Other accepted spellings in strings (case-insensitive). */
  readonly aliases: readonly string[];
  /** How many base units one of this unit is. */
  readonly factor: number;
  /** How the unit ends a key name: `memoryGB`, `failureTimeoutSeconds`. */
  readonly keySuffix: string;
}

export interface DimensionDefinition {
  readonly baseUnit: string;
  readonly units: readonly UnitDefinition[];
  readonly example: string;
}

export const DIMENSIONS: Readonly<Record<Dimension, DimensionDefinition>> = {
  data: {
    baseUnit: 'MB',
    example: '512 GB',
    units: [
      { symbol: 'KB', aliases: ['KiB', 'K'], factor: 1 / 1024 , keySuffix: 'KB' },
      { symbol: 'MB', aliases: ['MiB', 'M'], factor: 1 , keySuffix: 'MB' },
      { symbol: 'GB', aliases: ['GiB', 'G'], factor: 1024 , keySuffix: 'GB' },
      { symbol: 'TB', aliases: ['TiB', 'T'], factor: 1024 * 1024 , keySuffix: 'TB' },
    ],
  },
  frequency: {
    baseUnit: 'MHz',
    example: '2.6 GHz',
    units: [
      { symbol: 'MHz', aliases: [], factor: 1 , keySuffix: 'MHz' },
      { symbol: 'GHz', aliases: [], factor: 1000 , keySuffix: 'GHz' },
    ],
  },
  bandwidth: {
    baseUnit: 'Mbps',
    example: '16 Gbps',
    units: [
      { symbol: 'Mbps', aliases: ['Mb/s', 'Mbit/s', 'Mbit'], factor: 1 , keySuffix: 'Mbps' },
      { symbol: 'Gbps', aliases: ['Gb/s', 'Gbit/s', 'Gbit', 'GbE', 'G', 'GFC'], factor: 1000 , keySuffix: 'Gbps' },
    ],
  },
  throughput: {
    baseUnit: 'MBps',
    example: '200 MB/s',
    units: [
      { symbol: 'MBps', aliases: ['MB/s', 'MiB/s'], factor: 1 , keySuffix: 'MBps' },
      { symbol: 'GBps', aliases: ['GB/s', 'GiB/s'], factor: 1024 , keySuffix: 'GBps' },
    ],
  },
  duration: {
    baseUnit: 's',
    example: '30 s',
    units: [
      { symbol: 'ms', aliases: ['msec', 'millisecond', 'milliseconds'], factor: 0.001 , keySuffix: 'Ms' },
      { symbol: 's', aliases: ['sec', 'secs', 'second', 'seconds'], factor: 1 , keySuffix: 'Seconds' },
      { symbol: 'min', aliases: ['m', 'minute', 'minutes'], factor: 60 , keySuffix: 'Minutes' },
      { symbol: 'h', aliases: ['hour', 'hours'], factor: 3600 , keySuffix: 'Hours' },
    ],
  },
};

/** Bytes in one MB of memory: binary, 1 MB = 1 MiB = 1,048,576 bytes (vSphere's convention above). */
export const BYTES_PER_MB = 1024 * 1024;

/** Bits per second in one Mbps: decimal, 1 Mbps = 10^6 bit/s (IEEE 802.3 and FC line rates). */
export const BITS_PER_SECOND_PER_MBPS = 1_000_000;

/**
 * MB (MiB) of memory per second a link of `mbps` carries: decimal bits to binary bytes, so
 * 1 Gbps = 125,000,000 bytes/s = 119.21 MB/s, not 125 (the 4.9% between 10^6 and 2^20).
 */
export function linkMBps(mbps: number): number {
  return (mbps * BITS_PER_SECOND_PER_MBPS) / (8 * BYTES_PER_MB);
}

const QUANTITY = /^\s*([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*([A-Za-z/]+)\s*$/;

export type QuantityParse =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly message: string };

/** Parses "512 GB" into the dimension's base unit (here 524288 MB). */
export function parseQuantity(text: string, dimension: Dimension): QuantityParse {
  const definition = DIMENSIONS[dimension];
  const match = QUANTITY.exec(text);
  if (!match) {
    return { ok: false, message: VALUE_MESSAGES.expectedWithUnit({ dimension: dimensionText(dimension), example: definition.example }) };
  }
  const amount = Number(match[1]);
  const unitText = (match[2] ?? '').toLowerCase();
  const unit = findUnit(dimension, unitText);
  if (!unit) {
    const accepted = formatList(definition.units.map((u) => u.symbol));
    return { ok: false, message: VALUE_MESSAGES.unknownUnit({ dimension: dimensionText(dimension), unit: match[2] ?? '', units: accepted }) };
  }
  return { ok: true, value: amount * unit.factor };
}

function findUnit(dimension: Dimension, lowerCaseText: string): UnitDefinition | undefined {
  return DIMENSIONS[dimension].units.find(
    (u) => u.symbol.toLowerCase() === lowerCaseText || u.aliases.some((a) => a.toLowerCase() === lowerCaseText),
  );
}

/** Factor of a unit symbol (exact spelling, as in key suffixes like `memoryGB`). */
export function baseUnitOf(dimension: Dimension): UnitDefinition {
  const definition = DIMENSIONS[dimension];
  const unit = definition.units.find((u) => u.symbol === definition.baseUnit);
  if (!unit) throw new Error(`dimension ${dimension} has no base unit`);
  return unit;
}

/** Formats a base-unit value with the largest unit that keeps it at or above 1. */
export function formatQuantity(value: number, dimension: Dimension): string {
  const units = [...DIMENSIONS[dimension].units].sort((a, b) => b.factor - a.factor);
  const unit = units.find((u) => Math.abs(value) >= u.factor) ?? units[units.length - 1];
  if (!unit) return String(value);
  const scaled = value / unit.factor;
  const rounded = Math.round(scaled * 100) / 100;
  return `${rounded} ${unit.symbol}`;
}
