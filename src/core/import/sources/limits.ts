/**
 * Safety limits for reading untrusted inventory files. Every limit is checked before the work it
 * bounds: the input size before anything is read, the entry count and the declared sizes from the
 * zip central directory before any entry is inflated.
 */

import { plural } from '../../text/plural';

export interface ImportLimits {
  /** Bytes of input: the file, or the files read from a folder. */
  readonly maxInputBytes: number;
  /** Entries in a zip (its central directory count, before any entry is looked at). */
  readonly maxZipEntries: number;
  /** Sum of the uncompressed sizes the central directory declares for the entries that will be read. */
  readonly maxUncompressedBytes: number;
  /** Declared uncompressed size over compressed size, for one entry... */
  readonly maxCompressionRatio: number;
  /** ...checked only on entries that declare more than this many bytes (small files compress well). */
  readonly compressionRatioMinBytes: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxInputBytes: 200 * MIB,
  maxZipEntries: 10_000,
  maxUncompressedBytes: 1024 * MIB,
  maxCompressionRatio: 1000,
  compressionRatioMinBytes: MIB,
};

/** The defaults with the given limits in place of theirs; an undefined limit keeps the default. */
export function resolveLimits(limits: Partial<ImportLimits> | undefined): ImportLimits {
  return {
    maxInputBytes: limits?.maxInputBytes ?? DEFAULT_IMPORT_LIMITS.maxInputBytes,
    maxZipEntries: limits?.maxZipEntries ?? DEFAULT_IMPORT_LIMITS.maxZipEntries,
    maxUncompressedBytes: limits?.maxUncompressedBytes ?? DEFAULT_IMPORT_LIMITS.maxUncompressedBytes,
    maxCompressionRatio: limits?.maxCompressionRatio ?? DEFAULT_IMPORT_LIMITS.maxCompressionRatio,
    compressionRatioMinBytes: limits?.compressionRatioMinBytes ?? DEFAULT_IMPORT_LIMITS.compressionRatioMinBytes,
  };
}

/** "200 MiB", "1.5 KiB", "12 bytes": sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${plural(bytes, 'byte')}`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`;
}
