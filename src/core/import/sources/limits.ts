/**
 * Safety limits for reading untrusted inventory files. Every limit is checked before the work it
 * bounds: the input size before anything is read, the entry count and the declared sizes from the
 * zip central directory before any entry is inflated.
 */

import { formatNumber } from '../../l10n/format';
import { defineMessages } from '../../l10n/messages';

const SIZES = defineMessages('import.sizes', {
  oneByte: '1 byte',
  bytes: '{n} bytes',
  kib: '{n} KiB',
  mib: '{n} MiB',
  gib: '{n} GiB',
  tib: '{n} TiB',
});

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
  if (bytes === 1) return SIZES.oneByte({});
  if (bytes < 1024) return SIZES.bytes({ n: formatNumber(bytes, { grouping: false }) });
  const units = [SIZES.kib, SIZES.mib, SIZES.gib, SIZES.tib] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return (units[unit] ?? SIZES.tib)({ n: formatNumber(Number(value.toFixed(1)), { maximumFractionDigits: 1, grouping: false }) });
}
