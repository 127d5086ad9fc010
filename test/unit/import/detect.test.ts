import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readInventoryTables, type InventoryTables } from '../../../src/core/import/sources';
import { generateRvtoolsEstate } from '../../fixtures/rvtools/generate';
import { toCsvFiles, toXlsx, toZip } from '../../fixtures/rvtools/write';
import { rejectsWith, utf8, vinfoCsv } from './zip-surgery';

const estate = generateRvtoolsEstate({ clusters: 1, hostsPerCluster: 2, vmsPerHost: 2, seed: 1 });
const tabsOf = (result: InventoryTables) => result.tables.map((table) => table.name);
const ALL_TABS = estate.map((table) => table.name);

describe('readInventoryTables: what the input is, from its content', () => {
  it('reads a workbook as one table per sheet, whatever the file is called', async () => {
    for (const name of ['RVTools_export_all.xlsx', 'export.bin']) {
      const result = await readInventoryTables({ name, bytes: toXlsx(estate) });
      assert.equal(result.kind, 'rvtools-xlsx');
      assert.deepEqual(tabsOf(result), ALL_TABS);
      assert.deepEqual(result.warnings, []);
    }
  });

  it('reads a zip of RVTools_tab*.csv files, even named .xlsx, and skips the other entries', async () => {
    const zip = toZip([...toCsvFiles(estate), { name: 'readme.txt', bytes: utf8('not a tab') }]);
    const result = await readInventoryTables({ name: 'export.xlsx', bytes: zip });
    assert.equal(result.kind, 'rvtools-csv');
    assert.deepEqual(tabsOf(result), ALL_TABS);
  });

  it('finds the CSV files in a folder of the zip, and ignores macOS resource forks', async () => {
    const files = toCsvFiles(estate.slice(0, 2));
    const zip = toZip([
      ...files.map((file) => ({ name: `RVTools_export_all_2024-05-14/${file.name}`, bytes: file.bytes })),
      { name: '__MACOSX/RVTools_export_all_2024-05-14/._RVTools_tabvInfo.csv', bytes: new Uint8Array([0, 5, 22, 7]) },
    ]);
    const result = await readInventoryTables({ name: 'export.zip', bytes: zip });
    assert.deepEqual(tabsOf(result), ['vInfo', 'vCPU']);
    assert.equal(result.tables[0]?.rows.length, estate[0]?.rows.length);
  });

  it('reads a folder\'s RVTools_tab*.csv files (names may be paths) and nothing else', async () => {
    const files = toCsvFiles(estate).map((file) => ({ name: `export/${file.name}`, bytes: file.bytes }));
    const result = await readInventoryTables({ name: 'export', files: [...files, { name: 'export/notes.pdf', bytes: utf8('%PDF-1.7') }] });
    assert.equal(result.kind, 'rvtools-csv');
    assert.deepEqual(tabsOf(result), ALL_TABS);
  });

  it('reads one RVTools_tab<TAB>.csv file as the tab its name gives', async () => {
    const result = await readInventoryTables({ name: 'C:\\exports\\RVTools_tabvHost.csv', bytes: toCsvFiles([estate[3]!])[0]!.bytes });
    assert.equal(result.kind, 'rvtools-csv');
    assert.deepEqual(tabsOf(result), ['vHost']);
    assert.equal(result.tables[0]?.header[0], 'Host');
  });

  it('reads text that starts with { or [ as JSON, whatever the file is called', async () => {
    const object = await readInventoryTables({ name: 'inventory.txt', bytes: utf8('  \n{"nodes": [{"node": "pve1"}]}') });
    assert.equal(object.kind, 'json');
    assert.deepEqual(object.json, { nodes: [{ node: 'pve1' }] });
    assert.deepEqual(object.tables, []);
    const array = await readInventoryTables({ name: 'hosts.json', bytes: utf8('[1, 2]') });
    assert.deepEqual(array.json, [1, 2]);
  });

  it('reads JSON that Windows PowerShell wrote as UTF-16 with a byte order mark', async () => {
    const text = '{"Name": "HV01", "Memory": 4096}';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    const result = await readInventoryTables({ name: 'hyperv.json', bytes });
    assert.deepEqual(result.json, { Name: 'HV01', Memory: 4096 });
  });

  it('reports each tab as it reads it', async () => {
    const messages: string[] = [];
    await readInventoryTables({ name: 'export.zip', bytes: toZip(toCsvFiles(estate.slice(0, 3))) }, { onProgress: (message) => messages.push(message) });
    assert.deepEqual(messages, ['reading vInfo', 'reading vCPU', 'reading vMemory']);
    messages.length = 0;
    await readInventoryTables({ name: 'export.xlsx', bytes: toXlsx(estate.slice(0, 2)) }, { onProgress: (message) => messages.push(message) });
    assert.deepEqual(messages, ['reading vInfo', 'reading vCPU']);
  });

  it('reads a tab found twice once, and says so', async () => {
    const files = [{ name: 'a/RVTools_tabvInfo.csv', bytes: utf8(vinfoCsv(1)) }, { name: 'b/RVTools_tabvInfo.csv', bytes: utf8(vinfoCsv(2)) }];
    const result = await readInventoryTables({ name: 'two.zip', bytes: toZip(files) });
    assert.equal(result.tables.length, 1);
    assert.equal(result.tables[0]?.rows.length, 1);
    assert.deepEqual(result.warnings, ['two.zip has two vInfo tabs (a/RVTools_tabvInfo.csv and b/RVTools_tabvInfo.csv); read only the first']);
  });
});

describe('readInventoryTables: input that is not an inventory', () => {
  it('refuses a 0-byte file', async () => {
    await rejectsWith(readInventoryTables({ name: 'export.xlsx', bytes: new Uint8Array(0) }), 'empty', /^export\.xlsx is empty \(0 bytes\)$/);
  });

  it('refuses a file that is no zip, workbook, CSV or JSON, naming it', async () => {
    await rejectsWith(
      readInventoryTables({ name: 'x.pdf', bytes: utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj') }),
      'unrecognized',
      /^x\.pdf is not an RVTools export \(\.xlsx, or RVTools_tab\*\.csv files in a folder or \.zip\) nor a JSON inventory$/,
    );
  });

  it('refuses an Excel 97-2003 workbook with a word on what RVTools writes', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await rejectsWith(readInventoryTables({ name: 'old.xls', bytes: xls }), 'legacy-excel', /^old\.xls is an Excel 97-2003 .*\.xlsx/);
  });

  it('refuses a CSV file whose name does not give its tab', async () => {
    await rejectsWith(readInventoryTables({ name: 'vms.csv', bytes: utf8(vinfoCsv(2)) }), 'csv-name', /^vms\.csv is a CSV file, but only RVTools_tab<TAB>\.csv names/);
  });

  it('refuses a workbook without RVTools tabs, listing at most 8 of its sheets', async () => {
    const sheets = Array.from({ length: 10 }, (_, i) => ({ name: `Sheet${i + 1}`, header: ['A'], rows: [['x']] }));
    await rejectsWith(
      readInventoryTables({ name: 'budget.xlsx', bytes: toXlsx(sheets) }),
      'no-rvtools-tabs',
      /^budget\.xlsx is a workbook without any RVTools tab \(vInfo, vHost\.\.\.\); its sheets: Sheet1, Sheet2, Sheet3, Sheet4, Sheet5, Sheet6, Sheet7, Sheet8 and 2 more$/,
    );
  });

  it('refuses a zip without RVTools tabs, listing what it holds', async () => {
    const zip = toZip([{ name: 'docs/readme.txt', bytes: utf8('hi') }, { name: 'vms.csv', bytes: utf8(vinfoCsv(1)) }]);
    await rejectsWith(readInventoryTables({ name: 'stuff.zip', bytes: zip }), 'no-rvtools-tabs', /^stuff\.zip holds no RVTools export .*; found: docs\/readme\.txt, vms\.csv$/);
    await rejectsWith(readInventoryTables({ name: 'empty.zip', bytes: toZip([]) }), 'no-rvtools-tabs', /found: none$/);
  });

  it('refuses a folder without RVTools_tab*.csv files, listing what it holds', async () => {
    const folder = { name: 'Downloads', files: [{ name: 'Downloads/a.txt', bytes: utf8('a') }, { name: 'Downloads/vInfo.csv', bytes: utf8('VM') }] };
    await rejectsWith(readInventoryTables(folder), 'no-rvtools-tabs', /^folder Downloads has no RVTools_tab\*\.csv files; found: a\.txt, vInfo\.csv$/);
  });

  it('escapes control characters of names from the input, so that a message stays one harmless line', async () => {
    const zip = toZip([{ name: 'evil\n\u001b[31mred.txt', bytes: utf8('x') }]);
    await rejectsWith(readInventoryTables({ name: 'odd\r\nname.zip', bytes: zip }), 'no-rvtools-tabs', /^odd\\u000d\\u000aname\.zip holds .*found: evil\\u000a\\u001b\[31mred\.txt$/);
  });

  it('refuses a corrupt workbook', async () => {
    const broken = toZip([{ name: 'xl/workbook.xml', bytes: utf8('<workbook><sheets><sheet name="vInfo"') }, { name: '[Content_Types].xml', bytes: utf8('<Types/>') }]);
    await rejectsWith(readInventoryTables({ name: 'broken.xlsx', bytes: broken }), 'corrupt', /^broken\.xlsx is not a readable workbook: /);
  });
});
