/**
 * Zip archives from untrusted files (an .xlsx workbook is a zip too), read defensively.
 *
 * The central directory is read first, the same way fflate reads it, and every limit is checked
 * on what it declares before any entry is inflated: the entry count, the sum of the declared
 * uncompressed sizes of the entries that will be read, and each entry's compression ratio.
 * fflate's unzip bounds an entry's output to its declared size (the output buffer has that size),
 * but a header that understates the size still makes it decode the whole stream into the void:
 * 200 MiB of zeros deflate to 200 KiB and take seconds to decode. So entries are inflated here as
 * a stream, in small chunks, and reading stops as soon as an entry yields more bytes than its
 * header declares; its CRC-32 is checked too. A reader that unzips on its own (read-excel-file)
 * gets the checked entries repacked uncompressed (storedZipOf).
 */

import { Inflate } from 'fflate';
import { ImportInputError } from './errors';
import { formatBytes, type ImportLimits } from './limits';
import { grouped } from '../../text/plural';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.zip', {
  notReadable: '{file} is not a readable zip archive: {detail}',
  truncatedNoEnd: 'it is truncated (no end of central directory)',
  damagedNoEnd: 'it is truncated or damaged (no end of central directory)',
  tooManyEntries: '{file} holds {count} entries, more than the {max} an inventory export may have',
  directoryDamaged: 'its central directory is damaged',
  noZip64Sizes: 'a zip64 entry has no zip64 sizes',
  encrypted: '{file} is password-protected ({entry} is encrypted); export it again without a password',
  compressionMethod: '{file}: {entry} uses zip compression method {method}; only stored and deflate entries can be read',
  tooMuchUncompressed: '{file} declares more than {limit} of uncompressed data in the entries to read',
  ratioInfinite: '{file}: {entry} declares {size} compressed infinitely (more than {max}:1), which is not an inventory export',
  ratio: '{file}: {entry} declares {size} compressed {ratio} times (more than {max}:1), which is not an inventory export',
  noLocalHeader: '{entry} has no local header',
  truncated: '{entry} is truncated',
  twoSizes: '{entry} is stored with two different sizes',
  crc: '{entry} fails its CRC-32 check',
  inflatesOver: '{entry} inflates to more than the {declared} its header declares',
  doesNotInflate: '{entry} does not inflate ({reason})',
  inflatesTo: '{entry} inflates to {size}, not the {declared} its header declares',
  tooLargeToRepack: 'it is too large to repack',
});

const BYTES = defineMessages('import.zip.bytes', {
  one: '1 byte',
  many: '{count} bytes',
});

export interface ZipEntry {
  /** The path inside the archive; folders end with "/". */
  readonly name: string;
  /** General purpose flags: bit 0 is set for encrypted entries. */
  readonly flags: number;
  /** 0 stored, 8 deflate; others are not supported. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  /** As declared by the central directory: untrusted until the entry is inflated. */
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Inflate this many compressed bytes at a time; one push yields at most about 1,032 times as many. */
const INFLATE_CHUNK = 16 * 1024;

const u16 = (bytes: Uint8Array, at: number): number => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const u32 = (bytes: Uint8Array, at: number): number => (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
const u64 = (bytes: Uint8Array, at: number): number => u32(bytes, at) + u32(bytes, at + 4) * 0x1_0000_0000;

const byteCount = (count: number) => (count === 1 ? BYTES.one({}) : BYTES.many({ count: grouped(count) }));

function corrupt(file: string, detail: string): ImportInputError {
  return new ImportInputError('corrupt', file, MESSAGES.notReadable({ file, detail }));
}

/** Whether the bytes start like a zip archive (a local file header, or the end record of an empty zip). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The entries of a zip's central directory; more than limits.maxZipEntries is refused before they are read. */
export function readZipDirectory(file: string, bytes: Uint8Array, limits: Pick<ImportLimits, 'maxZipEntries'>): ZipEntry[] {
  // Find the end record as fflate does: the last signature within 64 KiB of comment from the end.
  let end = bytes.length - 22;
  if (end < 0) throw corrupt(file, MESSAGES.truncatedNoEnd({}));
  for (; u32(bytes, end) !== END_OF_CENTRAL_DIRECTORY; --end) {
    if (end === 0 || bytes.length - end > 65558) throw corrupt(file, MESSAGES.damagedNoEnd({}));
  }
  let count = u16(bytes, end + 8);
  let offset = u32(bytes, end + 16);
  let zip64 = end >= 20 && u32(bytes, end - 20) === ZIP64_LOCATOR;
  if (zip64) {
    const zip64End = u32(bytes, end - 12);
    zip64 = u32(bytes, zip64End) === ZIP64_END;
    if (zip64) {
      count = u32(bytes, zip64End + 32);
      offset = u32(bytes, zip64End + 48);
    }
  }
  if (count > limits.maxZipEntries) {
    throw new ImportInputError('too-many-entries', file, MESSAGES.tooManyEntries({ file, count: grouped(count), max: grouped(limits.maxZipEntries) }));
  }
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || u32(bytes, offset) !== CENTRAL_HEADER) throw corrupt(file, MESSAGES.directoryDamaged({}));
    const flags = u16(bytes, offset + 8);
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    const nameStart = offset + 46;
    const extraStart = nameStart + nameLength;
    if (extraStart + extraLength > bytes.length) throw corrupt(file, MESSAGES.directoryDamaged({}));
    const nameBytes = bytes.subarray(nameStart, extraStart);
    // fflate's reading: UTF-8 when flag bit 11 says so, else one character per byte.
    const name = flags & 0x800 ? new TextDecoder().decode(nameBytes) : Array.from(nameBytes, (byte) => String.fromCharCode(byte)).join('');
    const sizes = zip64Sizes(file, bytes, extraStart, extraLength, zip64, u32(bytes, offset + 20), u32(bytes, offset + 24), u32(bytes, offset + 42));
    entries.push({ name, flags, method: u16(bytes, offset + 10), crc32: u32(bytes, offset + 16), ...sizes });
    offset = extraStart + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset from the zip64 extra field when the 32-bit fields are saturated, as fflate reads them. */
function zip64Sizes(file: string, bytes: Uint8Array, start: number, length: number, zip64: boolean, compressed: number, uncompressed: number, localOffset: number) {
  const big = 0xffffffff;
  const inCompressed = compressed === big ? 1 : 0;
  const inUncompressed = uncompressed === big ? 1 : 0;
  const inOffset = localOffset === big ? 1 : 0;
  if (zip64 && inCompressed + inUncompressed + inOffset > 0) {
    for (let at = start; at + 4 < start + length; at += 4 + u16(bytes, at + 2)) {
      if (u16(bytes, at) === 1) {
        return {
          compressedSize: inCompressed ? u64(bytes, at + 4 + 8 * inUncompressed) : compressed,
          uncompressedSize: inUncompressed ? u64(bytes, at + 4) : uncompressed,
          localHeaderOffset: inOffset ? u64(bytes, at + 4 + 8 * (inUncompressed + inCompressed)) : localOffset,
        };
      }
    }
    throw corrupt(file, MESSAGES.noZip64Sizes({}));
  }
  return { compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: localOffset };
}

/**
 * Refuses, before anything is inflated, entries that are encrypted or use an unknown compression
 * method, more declared uncompressed bytes in all than limits.maxUncompressedBytes, and an entry
 * whose declared size is over limits.maxCompressionRatio times its compressed size.
 */
export function checkZipEntries(file: string, entries: readonly ZipEntry[], limits: ImportLimits): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 1 || entry.method === 99) {
      throw new ImportInputError('encrypted', file, MESSAGES.encrypted({ file, entry: entry.name }));
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ImportInputError('unsupported-compression', file, MESSAGES.compressionMethod({ file, entry: entry.name, method: String(entry.method) }));
    }
    const size = entry.uncompressedSize;
    total += size;
    if (total > limits.maxUncompressedBytes) {
      throw new ImportInputError('too-much-uncompressed', file, MESSAGES.tooMuchUncompressed({ file, limit: formatBytes(limits.maxUncompressedBytes) }));
    }
    if (size > limits.compressionRatioMinBytes && size > limits.maxCompressionRatio * entry.compressedSize) {
      const data = { file, entry: entry.name, size: formatBytes(size), max: grouped(limits.maxCompressionRatio) };
      const message = entry.compressedSize === 0 ? MESSAGES.ratioInfinite(data) : MESSAGES.ratio({ ...data, ratio: grouped(Math.round(size / entry.compressedSize)) });
      throw new ImportInputError('compression-ratio', file, message);
    }
  }
}

/**
 * One entry's bytes, inflated as a stream and refused as soon as they exceed the declared size;
 * a size or CRC-32 that differs from the central directory is refused too.
 */
export function inflateZipEntry(file: string, bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const output = new Uint8Array(entry.uncompressedSize);
  inflateInto(file, bytes, entry, output, 0);
  return output;
}

/** inflateZipEntry, writing the bytes into `target` at `offset` (which has room for the declared size). */
function inflateInto(file: string, bytes: Uint8Array, entry: ZipEntry, target: Uint8Array, offset: number): void {
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || u32(bytes, header) !== LOCAL_HEADER) throw corrupt(file, MESSAGES.noLocalHeader({ entry: entry.name }));
  const start = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw corrupt(file, MESSAGES.truncated({ entry: entry.name }));
  const declared = entry.uncompressedSize;
  let crc = CRC_START;
  if (entry.method === 0) {
    if (entry.compressedSize !== declared) throw corrupt(file, MESSAGES.twoSizes({ entry: entry.name }));
    crc = crc32Update(crc, data);
    if (crc32Final(crc) !== entry.crc32) throw corrupt(file, MESSAGES.crc({ entry: entry.name }));
    target.set(data, offset);
    return;
  }
  let size = 0;
  const inflater = new Inflate((chunk) => {
    if (size + chunk.length > declared) throw corrupt(file, MESSAGES.inflatesOver({ entry: entry.name, declared: byteCount(declared) }));
    target.set(chunk, offset + size);
    size += chunk.length;
    crc = crc32Update(crc, chunk);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length; at += INFLATE_CHUNK) inflater.push(data.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= data.length);
  } catch (error) {
    if (error instanceof ImportInputError) throw error;
    throw corrupt(file, MESSAGES.doesNotInflate({ entry: entry.name, reason: error instanceof Error ? error.message : String(error) }));
  }
  if (size !== declared) throw corrupt(file, MESSAGES.inflatesTo({ entry: entry.name, size: byteCount(size), declared: byteCount(declared) }));
  if (crc32Final(crc) !== entry.crc32) throw corrupt(file, MESSAGES.crc({ entry: entry.name }));
}

/**
 * The entries, inflated as inflateZipEntry does (bounded, sizes and CRC-32 checked), as a new zip
 * that stores them uncompressed, names in UTF-8. For a reader that unzips again (read-excel-file):
 * it then only copies bytes that passed the checks, inflates nothing a second time, and starts
 * no worker (fflate's async unzip inflates entries over 512 KiB in a Web Worker or worker thread).
 * Call checkZipEntries on the entries first: their declared sizes size the new zip.
 */
export function storedZipOf(file: string, bytes: Uint8Array, entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((entry) => encoder.encode(entry.name));
  const localSize = entries.reduce((sum, entry, index) => sum + 30 + (names[index] as Uint8Array).length + entry.uncompressedSize, 0);
  const centralSize = names.reduce((sum, name) => sum + 46 + name.length, 0);
  if (entries.length > 0xffff || localSize + centralSize > 0xffffffff) throw corrupt(file, MESSAGES.tooLargeToRepack({}));
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, index) => {
    const name = names[index] as Uint8Array;
    offsets.push(at);
    view.setUint32(at, LOCAL_HEADER, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 0x800, true);
    view.setUint32(at + 14, entry.crc32, true);
    view.setUint32(at + 18, entry.uncompressedSize, true);
    view.setUint32(at + 22, entry.uncompressedSize, true);
    view.setUint16(at + 26, name.length, true);
    out.set(name, at + 30);
    inflateInto(file, bytes, entry, out, at + 30 + name.length);
    at += 30 + name.length + entry.uncompressedSize;
  });
  entries.forEach((entry, index) => {
    const name = names[index] as Uint8Array;
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0x800, true);
    view.setUint32(at + 16, entry.crc32, true);
    view.setUint32(at + 20, entry.uncompressedSize, true);
    view.setUint32(at + 24, entry.uncompressedSize, true);
    view.setUint16(at + 28, name.length, true);
    view.setUint32(at + 42, offsets[index] as number, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, centralSize, true);
  view.setUint32(at + 16, localSize, true);
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();
const CRC_START = 0xffffffff;

function crc32Update(crc: number, bytes: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return c;
}

function crc32Final(crc: number): number {
  return (crc ^ 0xffffffff) >>> 0;
}

/** CRC-32 of bytes (the zip and PNG checksum). */
export function crc32(bytes: Uint8Array): number {
  return crc32Final(crc32Update(CRC_START, bytes));
}
