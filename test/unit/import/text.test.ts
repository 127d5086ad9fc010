import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readInventoryTables, type InventoryFile } from '../../../src/core/import/sources';
import { firstJsonErrorOffset } from '../../../src/core/import/sources/json';
import { decodeText, decodeWindows1252 } from '../../../src/core/import/sources/text';
import { rejectsWith, utf8 } from './zip-surgery';

const csv = (bytes: Uint8Array, name = 'RVTools_tabvInfo.csv'): InventoryFile => ({ name, bytes });
const tableOf = async (file: InventoryFile) => {
  const result = await readInventoryTables(file);
  assert.equal(result.tables.length, 1);
  return { ...result.tables[0]!, warnings: result.warnings };
};
/** Windows-1252 bytes of text whose characters are all in that code page. */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Uint8Array.from([...text].map((char) => high[char] ?? char.charCodeAt(0)));
}

describe('CSV text: encodings', () => {
  it('strips the UTF-8 byte order mark RVTools writes', async () => {
    const table = await tableOf(csv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('VM,Host\r\nvm-1,esx-01\r\n')])));
    assert.deepEqual(table.header, ['VM', 'Host']);
    assert.deepEqual(table.rows, [['vm-1', 'esx-01']]);
    assert.deepEqual(table.warnings, []);
  });

  it('reads UTF-8 without a byte order mark', async () => {
    const table = await tableOf(csv(utf8('VM,Annotation\nSQL Server 01,Müller’s € box\n')));
    assert.deepEqual(table.rows, [['SQL Server 01', 'Müller’s € box']]);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, and says so', async () => {
    const table = await tableOf(csv(windows1252('VM,Annotation\r\nBüro-01,“Kosten” 5 € – ok\r\n')));
    assert.deepEqual(table.rows, [['Büro-01', '“Kosten” 5 € – ok']]);
    assert.deepEqual(table.warnings, ['RVTools_tabvInfo.csv is not UTF-8: read it as Windows-1252']);
  });

  it('decodes Windows-1252 by its table, not as Latin-1 (Node\'s TextDecoder does that)', () => {
    const high = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
    assert.deepEqual([...high].map((char) => char.codePointAt(0)), [
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
      0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ]);
    assert.equal(decodeWindows1252(Uint8Array.from([0x41, 0xe9, 0xff])), 'Aéÿ');
  });

  it('decodes UTF-16 with a byte order mark, both byte orders', () => {
    const le = Uint8Array.from([0xff, 0xfe, 0x41, 0, 0xe9, 0]);
    const be = Uint8Array.from([0xfe, 0xff, 0, 0x41, 0, 0xe9]);
    assert.deepEqual(decodeText(le), { text: 'Aé', encoding: 'utf-16le' });
    assert.deepEqual(decodeText(be), { text: 'Aé', encoding: 'utf-16be' });
  });
});

describe('CSV text: separators, quoting and ragged rows', () => {
  it('reads semicolons when the header has no comma (some locales)', async () => {
    const table = await tableOf(csv(utf8('VM;Memory;Hosts\r\nvm-1;4096;"esx-01; esx-02"\r\nvm-2;2,5;a, b\r\n')));
    assert.deepEqual(table.header, ['VM', 'Memory', 'Hosts']);
    assert.deepEqual(table.rows, [['vm-1', '4096', 'esx-01; esx-02'], ['vm-2', '2,5', 'a, b']]);
  });

  it('keeps commas when the header has both, and reads RFC 4180 quoting (commas, quotes, line breaks)', async () => {
    const table = await tableOf(csv(utf8('VM,Note;x\r\n"web, 01","say ""hi""\r\nsecond line"\r\n')));
    assert.deepEqual(table.header, ['VM', 'Note;x']);
    assert.deepEqual(table.rows, [['web, 01', 'say "hi"\r\nsecond line']]);
  });

  it('pads short rows with null, keeps the extra cells of long ones, and skips blank lines', async () => {
    const table = await tableOf(csv(utf8('VM,Powerstate,Host\r\nvm-1\r\n\r\nvm-2,poweredOn,esx-01,extra\r\n,,\r\nvm-3,,esx-02\r\n')));
    assert.deepEqual(table.rows, [
      ['vm-1', null, null],
      ['vm-2', 'poweredOn', 'esx-01', 'extra'],
      ['vm-3', null, 'esx-02'],
    ]);
  });

  it('trims cells and headers; a cell of spaces is empty', async () => {
    const table = await tableOf(csv(utf8(' VM , Host \r\n  vm-1 ,   \r\n')));
    assert.deepEqual(table.header, ['VM', 'Host']);
    assert.deepEqual(table.rows, [['vm-1', null]]);
  });

  it('gives an empty table for an empty tab file, and says so', async () => {
    const table = await tableOf(csv(Uint8Array.from([0xef, 0xbb, 0xbf]), 'RVTools_tabvHealth.csv'));
    assert.deepEqual([table.name, table.header, table.rows], ['vHealth', [], []]);
    assert.deepEqual(table.warnings, ['RVTools_tabvHealth.csv is empty']);
  });

  it('refuses CSV that does not parse, naming the file', async () => {
    await rejectsWith(readInventoryTables(csv(utf8('VM,Host\r\n"vm-1,esx-01\r\n'))), 'invalid-csv', /^RVTools_tabvInfo\.csv is not valid CSV/);
  });
});

describe('JSON inventories', () => {
  it('refuses invalid JSON with the line and column, on one line', async () => {
    const error = await rejectsWith(readInventoryTables({ name: 'pve.json', bytes: utf8('{\n  "a": 1,\n  "b" 2\n}') }), 'invalid-json', /^pve\.json is not valid JSON \(line 3, column 7\): /);
    assert.equal(error.file, 'pve.json');
    await rejectsWith(readInventoryTables({ name: 'cut.json', bytes: utf8('[1, 2') }), 'invalid-json', /^cut\.json is not valid JSON \(line 1, column 6\): /);
    await rejectsWith(readInventoryTables({ name: 'lit.json', bytes: utf8('{"a": tru}') }), 'invalid-json', /^lit\.json is not valid JSON \(line 1, column 7\): [^"]*$/);
  });

  it('finds where text stops being JSON', () => {
    assert.equal(firstJsonErrorOffset('{"a": [1, 2, {"b": null}], "c": "x"}'), -1);
    assert.equal(firstJsonErrorOffset('{"a":1,}'), 7);
    assert.equal(firstJsonErrorOffset('[1] x'), 4);
    assert.equal(firstJsonErrorOffset('{"a"}'), 4);
    assert.equal(firstJsonErrorOffset('"\u0001"'), 0);
    assert.equal(firstJsonErrorOffset(`${'['.repeat(100_000)}1${']'.repeat(99_999)}`), 200_000);
  });

  it('cannot pollute prototypes: "__proto__" stays an own property of the parsed object', async () => {
    const result = await readInventoryTables({ name: 'evil.json', bytes: utf8('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}') });
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
    assert.equal((Object.prototype as { polluted?: unknown }).polluted, undefined);
    const json = result.json as Record<string, unknown>;
    assert.ok(Object.hasOwn(json, '__proto__'));
    assert.deepEqual(Object.getOwnPropertyDescriptor(json, '__proto__')?.value, { polluted: 1 });
    assert.equal(Object.getPrototypeOf(json), Object.prototype);
  });
});
