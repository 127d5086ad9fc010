import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import { DEFAULT_IMPORT_LIMITS, readInventoryTables } from '../../../src/core/import/sources';
import { readZipDirectory, storedZipOf } from '../../../src/core/import/sources/zip';
import { generateRvtoolsEstate } from '../../fixtures/rvtools/generate';
import { toCsvFiles, toXlsx, toZip } from '../../fixtures/rvtools/write';
import { patchEntry, patchEntryCount, rejectsWith, toZip64, utf8, vinfoCsv } from './zip-surgery';

const MIB = 1024 * 1024;
const VINFO = 'RVTools_tabvInfo.csv';
const csvZip = (text: string) => toZip([{ name: VINFO, bytes: utf8(text) }]);

describe('import limits: defaults', () => {
  it('are 200 MiB of input, 10,000 zip entries, 1 GiB declared uncompressed, 1000:1 on entries over 1 MiB', () => {
    assert.deepEqual(DEFAULT_IMPORT_LIMITS, { maxInputBytes: 200 * MIB, maxZipEntries: 10_000, maxUncompressedBytes: 1024 * MIB, maxCompressionRatio: 1000, compressionRatioMinBytes: MIB });
  });
});

describe('import limits: input size', () => {
  it('refuses a file over maxInputBytes before reading it', async () => {
    await rejectsWith(readInventoryTables({ name: 'big.json', bytes: utf8(`[${'1,'.repeat(100)}1]`) }, { limits: { maxInputBytes: 100 } }), 'too-large', /^big\.json is 203 bytes, more than the 100 bytes an inventory may have$/);
  });

  it('counts the RVTools files of a folder, not its other files', async () => {
    const tab = { name: VINFO, bytes: utf8(vinfoCsv(10)) };
    const other = { name: 'video.mp4', bytes: new Uint8Array(5000) };
    const limits = { maxInputBytes: 1000 };
    assert.equal((await readInventoryTables({ name: 'export', files: [tab, other] }, { limits })).tables.length, 1);
    await rejectsWith(
      readInventoryTables({ name: 'export', files: [tab, { name: 'RVTools_tabvHost.csv', bytes: utf8(vinfoCsv(30)) }] }, { limits }),
      'too-large',
      /^folder export is 1\.\d KiB, more than the 1000 bytes/,
    );
  });
});

describe('import limits: zip entries', () => {
  it('refuses more entries than maxZipEntries', async () => {
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `RVTools_tabT${i}.csv`, bytes: utf8('A\r\n1\r\n') }));
    await rejectsWith(readInventoryTables({ name: 'many.zip', bytes: toZip(files) }, { limits: { maxZipEntries: 10 } }), 'too-many-entries', /^many\.zip holds 12 entries, more than the 10 /);
  });

  it('takes the count from the end record, before reading any entry', async () => {
    const claimed = patchEntryCount(csvZip(vinfoCsv(1)), 60_000);
    await rejectsWith(readInventoryTables({ name: 'claims.zip', bytes: claimed }), 'too-many-entries', /holds 60,000 entries, more than the 10,000/);
  });
});

describe('import limits: declared uncompressed size', () => {
  it('refuses entries to read that declare more than maxUncompressedBytes in all', async () => {
    const zip = toZip([{ name: VINFO, bytes: utf8(vinfoCsv(200)) }, { name: 'RVTools_tabvHost.csv', bytes: utf8(vinfoCsv(200)) }]);
    await rejectsWith(readInventoryTables({ name: 'e.zip', bytes: zip }, { limits: { maxUncompressedBytes: 10_000 } }), 'too-much-uncompressed', /^e\.zip declares more than 9\.8 KiB of uncompressed data/);
  });

  it('counts only the entries it reads', async () => {
    const zip = toZip([{ name: VINFO, bytes: utf8(vinfoCsv(2)) }, { name: 'padding.bin', bytes: new Uint8Array(50_000) }]);
    assert.equal((await readInventoryTables({ name: 'e.zip', bytes: zip }, { limits: { maxUncompressedBytes: 10_000 } })).tables.length, 1);
  });

  it('refuses a header that declares 4 GiB before inflating anything', async () => {
    const zip = patchEntry(csvZip(vinfoCsv(2)), VINFO, { uncompressedSize: 0xfffffffe });
    await rejectsWith(readInventoryTables({ name: 'e.zip', bytes: zip }), 'too-much-uncompressed', /declares more than 1 GiB/);
  });

  it('checks the parts of a workbook too', async () => {
    const xlsx = toXlsx(generateRvtoolsEstate({ clusters: 1, hostsPerCluster: 2, vmsPerHost: 5, seed: 3 }));
    await rejectsWith(readInventoryTables({ name: 'e.xlsx', bytes: xlsx }, { limits: { maxUncompressedBytes: 20_000 } }), 'too-much-uncompressed', /^e\.xlsx declares more than/);
  });
});

describe('import limits: compression ratio', () => {
  it('refuses an entry over 1 MiB compressed more than 1000:1 (8 MiB of zeros)', async () => {
    const zip = toZip([{ name: VINFO, bytes: new Uint8Array(8 * MIB) }]);
    await rejectsWith(readInventoryTables({ name: 'bomb.zip', bytes: zip }), 'compression-ratio', /^bomb\.zip: RVTools_tabvInfo\.csv declares 8 MiB compressed 1,0\d\d times \(more than 1,000:1\)/);
  });

  it('lets small entries compress as well as they do, and applies the limits passed', async () => {
    const text = vinfoCsv(1).padEnd(60_000, ' ');
    assert.equal((await readInventoryTables({ name: 'ok.zip', bytes: csvZip(text) })).tables.length, 1);
    await rejectsWith(readInventoryTables({ name: 'ok.zip', bytes: csvZip(text) }, { limits: { maxCompressionRatio: 50, compressionRatioMinBytes: 1024 } }), 'compression-ratio', /more than 50:1/);
  });
});

describe('zip bombs: a header that lies about the size', () => {
  // 4 MiB of CSV (one row repeated) deflates to a few KiB; the headers then declare 1,000 bytes.
  const honest = csvZip(vinfoCsv(1) + 'vm-1,poweredOn,esx-01.dc1.example.test,4096\r\n'.repeat(4 * MIB / 44));
  const lying = patchEntry(honest, VINFO, { uncompressedSize: 1000 });

  it('fflate bounds an entry\'s output to its declared size (so declared sizes bound memory)', () => {
    const files = unzipSync(lying);
    assert.equal(files[VINFO]?.length, 1000);
    assert.ok((unzipSync(honest)[VINFO]?.length ?? 0) > 4_000_000);
  });

  it('passes the checks on declared sizes, but is refused as soon as it inflates past them', async () => {
    await rejectsWith(readInventoryTables({ name: 'liar.zip', bytes: lying }), 'corrupt', /^liar\.zip is not a readable zip archive: RVTools_tabvInfo\.csv inflates to more than the 1,000 bytes its header declares$/);
  });

  it('is refused in a workbook too, before read-excel-file inflates it', async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(50_000)}</sheetData></worksheet>`;
    const workbook = toXlsx([{ name: 'vInfo', header: ['VM'], rows: [['a']] }]);
    const files = unzipSync(workbook);
    files['xl/worksheets/sheet1.xml'] = utf8(sheet);
    const lyingWorkbook = patchEntry(zipSync(files), 'xl/worksheets/sheet1.xml', { uncompressedSize: 2000 });
    await rejectsWith(readInventoryTables({ name: 'liar.xlsx', bytes: lyingWorkbook }), 'corrupt', /sheet1\.xml inflates to more than the 2,000 bytes its header declares/);
  });

  it('is refused when it declares more than it holds, or when its checksum does not match', async () => {
    const bigger = patchEntry(honest, VINFO, { uncompressedSize: 5 * MIB });
    await rejectsWith(readInventoryTables({ name: 'short.zip', bytes: bigger }), 'corrupt', /inflates to 4,\d{3},\d{3} bytes, not the 5,242,880 bytes its header declares/);
    const zip = csvZip(vinfoCsv(3));
    const flipped = zip.slice();
    const view = new DataView(flipped.buffer);
    // The central header's CRC-32 field of the only entry.
    const central = view.getUint32(flipped.length - 22 + 16, true);
    view.setUint32(central + 16, view.getUint32(central + 16, true) ^ 1, true);
    await rejectsWith(readInventoryTables({ name: 'crc.zip', bytes: flipped }), 'corrupt', /RVTools_tabvInfo\.csv fails its CRC-32 check/);
  });
});

describe('damaged and encrypted zips', () => {
  const zip = toZip(toCsvFiles(generateRvtoolsEstate({ clusters: 1, hostsPerCluster: 2, vmsPerHost: 2, seed: 5 }).slice(0, 2)));

  it('refuses a truncated zip', async () => {
    await rejectsWith(readInventoryTables({ name: 'cut.zip', bytes: zip.subarray(0, zip.length >> 1) }), 'corrupt', /^cut\.zip is not a readable zip archive: it is truncated or damaged/);
    await rejectsWith(readInventoryTables({ name: 'tiny.zip', bytes: utf8('PK\u0003\u0004') }), 'corrupt', /^tiny\.zip is not a readable zip archive: it is truncated/);
  });

  it('refuses compressed data that does not inflate', async () => {
    const damaged = zip.slice();
    for (let i = 60; i < 400; i++) damaged[i] = (damaged[i] ?? 0) ^ 0x5a;
    await rejectsWith(readInventoryTables({ name: 'bad.zip', bytes: damaged }), 'corrupt', /^bad\.zip is not a readable zip archive: RVTools_tabvInfo\.csv (does not inflate|inflates to|fails its CRC-32)/);
  });

  it('refuses a password-protected zip', async () => {
    await rejectsWith(readInventoryTables({ name: 'secret.zip', bytes: patchEntry(zip, VINFO, { flags: 1 }) }), 'encrypted', /^secret\.zip is password-protected \(RVTools_tabvInfo\.csv is encrypted\); export it again without a password$/);
    await rejectsWith(readInventoryTables({ name: 'aes.zip', bytes: patchEntry(zip, VINFO, { method: 99 }) }), 'encrypted', /password-protected/);
  });

  it('refuses a compression method other than stored and deflate', async () => {
    await rejectsWith(readInventoryTables({ name: 'bz.zip', bytes: patchEntry(zip, VINFO, { method: 12 }) }), 'unsupported-compression', /^bz\.zip: RVTools_tabvInfo\.csv uses zip compression method 12/);
  });

  it('reads stored (uncompressed) entries', async () => {
    const stored = zipSync({ [VINFO]: utf8(vinfoCsv(3)) }, { level: 0 });
    assert.equal((await readInventoryTables({ name: 'stored.zip', bytes: stored })).tables[0]?.rows.length, 3);
  });
});

describe('zip64 archives', () => {
  const zip = toZip([{ name: VINFO, bytes: utf8(vinfoCsv(5)) }, { name: 'RVTools_tabvHost.csv', bytes: utf8('Host\r\nesx-01\r\n') }]);

  it('reads the sizes from the zip64 extra field, as fflate does', async () => {
    const zip64 = toZip64(zip);
    assert.deepEqual(Object.keys(unzipSync(zip64)), [VINFO, 'RVTools_tabvHost.csv']);
    const result = await readInventoryTables({ name: 'big.zip', bytes: zip64 });
    assert.deepEqual(result.tables.map((table) => [table.name, table.rows.length]), [['vInfo', 5], ['vHost', 1]]);
  });

  it('checks the 64-bit declared sizes against the limits', async () => {
    const huge = toZip64(zip, (name, size) => (name === VINFO ? 2 ** 40 : size));
    await rejectsWith(readInventoryTables({ name: 'huge.zip', bytes: huge }), 'too-much-uncompressed', /^huge\.zip declares more than 1 GiB/);
  });
});

describe('repacking workbook parts for read-excel-file', () => {
  it('stores the checked entries uncompressed, with the same names and bytes', () => {
    const deflated = utf8('<x>'.repeat(1000));
    const zip = zipSync({ 'xl/a.xml': deflated, 'xl/ünï.xml': [utf8('<y/>'), { level: 0 }], 'xl/empty.xml': new Uint8Array(0) });
    const entries = readZipDirectory('w.xlsx', zip, DEFAULT_IMPORT_LIMITS);
    const repacked = storedZipOf('w.xlsx', zip, entries);
    assert.deepEqual(unzipSync(repacked), unzipSync(zip));
    assert.ok(readZipDirectory('w.xlsx', repacked, DEFAULT_IMPORT_LIMITS).every((entry) => entry.method === 0 && entry.compressedSize === entry.uncompressedSize));
  });
});
