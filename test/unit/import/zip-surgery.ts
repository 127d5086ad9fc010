// Helpers for the import reader tests: build small inputs and damage zips on purpose (headers that
// lie about sizes, encryption flags, other compression methods, entry counts).
import assert from 'node:assert/strict';
import { ImportInputError, type ImportInputProblem } from '../../../src/core/import/sources';
import { concat } from '../../fixtures/rvtools/write';

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** Offsets of each entry's central and local header in a zip without zip64 or comment (what fflate's zipSync writes). */
export function zipHeaders(zip: Uint8Array): { name: string; central: number; local: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  assert.equal(view.getUint32(end, true), 0x06054b50, 'end of central directory');
  const headers: { name: string; central: number; local: number }[] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    headers.push({ name, central: at, local: view.getUint32(at + 42, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return headers;
}

export interface EntryPatch {
  readonly uncompressedSize?: number;
  readonly flags?: number;
  readonly method?: number;
}

/** A copy of the zip with one entry's headers (central and local) changed. */
export function patchEntry(zip: Uint8Array, name: string, patch: EntryPatch): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const header = zipHeaders(copy).find((entry) => entry.name === name);
  assert.ok(header, `no entry ${name}`);
  if (patch.uncompressedSize !== undefined) {
    view.setUint32(header.central + 24, patch.uncompressedSize, true);
    view.setUint32(header.local + 22, patch.uncompressedSize, true);
  }
  if (patch.flags !== undefined) {
    view.setUint16(header.central + 8, patch.flags, true);
    view.setUint16(header.local + 6, patch.flags, true);
  }
  if (patch.method !== undefined) {
    view.setUint16(header.central + 10, patch.method, true);
    view.setUint16(header.local + 8, patch.method, true);
  }
  return copy;
}

/** A copy of the zip whose end record claims `count` entries. */
export function patchEntryCount(zip: Uint8Array, count: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  view.setUint16(copy.length - 22 + 8, count, true);
  view.setUint16(copy.length - 22 + 10, count, true);
  return copy;
}

/** Asserts that the promise rejects with an ImportInputError for `problem` whose one-line message matches. */
export async function rejectsWith(promise: Promise<unknown>, problem: ImportInputProblem, message: RegExp): Promise<ImportInputError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ImportInputError, `expected an ImportInputError, got ${String(error)}`);
    assert.equal(error.problem, problem, error.message);
    assert.match(error.message, message);
    assert.ok(!error.message.includes('\n'), `one line: ${JSON.stringify(error.message)}`);
    return error;
  }
  assert.fail(`expected ${problem}, but it was read`);
}

/** A vInfo CSV with `rows` data rows (about 40 bytes each). */
export function vinfoCsv(rows: number): string {
  const lines = ['VM,Powerstate,Host,Memory'];
  for (let i = 0; i < rows; i++) lines.push(`vm-${i},poweredOn,esx-0${i % 4}.dc1.example.test,${4096 + i}`);
  return lines.join('\r\n') + '\r\n';
}

/**
 * The zip with a zip64 central directory: each entry's sizes in a zip64 extra field (the 32-bit
 * fields saturated), a zip64 end record and locator. `uncompressedSize` overrides the declared size.
 */
export function toZip64(zip: Uint8Array, uncompressedSize?: (name: string, size: number) => number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const headers = zipHeaders(zip);
  const centralStart = view.getUint32(zip.length - 22 + 16, true);
  const parts: Uint8Array[] = [zip.subarray(0, centralStart)];
  let centralSize = 0;
  for (const header of headers) {
    const nameLength = view.getUint16(header.central + 28, true);
    const fixed = zip.slice(header.central, header.central + 46 + nameLength);
    const fixedView = new DataView(fixed.buffer);
    const compressed = fixedView.getUint32(20, true);
    const uncompressed = uncompressedSize?.(header.name, fixedView.getUint32(24, true)) ?? fixedView.getUint32(24, true);
    fixedView.setUint32(20, 0xffffffff, true);
    fixedView.setUint32(24, 0xffffffff, true);
    fixedView.setUint16(30, 20, true);
    fixedView.setUint16(32, 0, true);
    const extra = new DataView(new ArrayBuffer(20));
    extra.setUint16(0, 1, true);
    extra.setUint16(2, 16, true);
    extra.setBigUint64(4, BigInt(uncompressed), true);
    extra.setBigUint64(12, BigInt(compressed), true);
    parts.push(fixed, new Uint8Array(extra.buffer));
    centralSize += fixed.length + 20;
  }
  const zip64End = centralStart + centralSize;
  const record = new DataView(new ArrayBuffer(56 + 20 + 22));
  record.setUint32(0, 0x06064b50, true);
  record.setBigUint64(4, 44n, true);
  record.setUint16(12, 45, true);
  record.setUint16(14, 45, true);
  record.setBigUint64(24, BigInt(headers.length), true);
  record.setBigUint64(32, BigInt(headers.length), true);
  record.setBigUint64(40, BigInt(centralSize), true);
  record.setBigUint64(48, BigInt(centralStart), true);
  record.setUint32(56, 0x07064b50, true);
  record.setBigUint64(56 + 8, BigInt(zip64End), true);
  record.setUint32(56 + 16, 1, true);
  record.setUint32(76, 0x06054b50, true);
  record.setUint16(76 + 8, 0xffff, true);
  record.setUint16(76 + 10, 0xffff, true);
  record.setUint32(76 + 12, 0xffffffff, true);
  record.setUint32(76 + 16, 0xffffffff, true);
  parts.push(new Uint8Array(record.buffer));
  return concat(...parts);
}
