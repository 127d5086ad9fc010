import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importInventory, InventoryError } from '../../../src/core/import/import-inventory';
import { checkSourceSize, designFileName, exportFolderFiles, importedMessage, isExportCsv, unreadableFolderOf } from '../../../src/core/import/picked-source';
import { DEFAULT_IMPORT_LIMITS } from '../../../src/core/import/sources';
import { smallEstateFiles } from '../../fixtures/rvtools/small-estate';

const MIB = 1024 * 1024;
const file = (name: string) => ({ name, isFile: true });
const folder = (name: string) => ({ name, isFile: false });

describe('import command: a picked RVTools_tab*.csv stands for its folder', () => {
  it('knows one CSV file of an RVTools export by its name, case aside, path or not', () => {
    for (const name of ['RVTools_tabvInfo.csv', 'rvtools_tabvhost.CSV', '/exports/RVTools_tabvMultiPath.csv', 'C:\\exports\\RVTools_tabvInfo.csv']) assert.ok(isExportCsv(name), name);
    for (const name of ['estate.xlsx', 'exports.zip', 'vInfo.csv', 'RVTools_tab.csv', 'RVTools_tabvInfo.csv.bak', 'inventory.json']) assert.ok(!isExportCsv(name), name);
  });

  it('reads the RVTools_tab*.csv files of the folder, in name order, and nothing else', () => {
    const entries = [
      file('RVTools_tabvInfo.csv'),
      file('notes.txt'),
      file('RVTools_tabvHost.csv'),
      folder('RVTools_tabvCluster.csv'),
      file('budget.csv'),
      folder('older'),
      file('RVTools_tabvCPU.csv'),
      file('RVTools_tabvInfo.csv.bak'),
    ];
    const expected = ['RVTools_tabvCPU.csv', 'RVTools_tabvHost.csv', 'RVTools_tabvInfo.csv'];
    assert.deepEqual(exportFolderFiles('exports', entries), expected);
    assert.deepEqual(exportFolderFiles('exports', entries, 'RVTools_tabvHost.csv'), expected, 'the picked file among them');
    assert.deepEqual(exportFolderFiles('exports', entries, '/data/exports/RVTools_tabvHost.csv'), expected, 'a path');
  });

  it('says what a folder without export files holds, in one line', () => {
    const refusal = (folderName: string, entries: { name: string; isFile: boolean }[]) => {
      try {
        exportFolderFiles(folderName, entries);
      } catch (error) {
        assert.ok(error instanceof InventoryError);
        return error.message;
      }
      assert.fail('no error');
    };
    assert.equal(refusal('exports', [file('notes.txt'), folder('older'), file('budget.csv')]), 'folder exports has no RVTools_tab*.csv files; found: budget.csv, notes.txt');
    assert.equal(refusal('empty', []), 'folder empty has no RVTools_tab*.csv files; found: none');
  });

  it('refuses a listing without the picked file: not its folder (a browser hands over the file alone)', () => {
    const message = 'RVTools_tabvInfo.csv stands for its export folder, which cannot be listed here: pick the export\'s .xlsx workbook or .zip instead';
    assert.throws(() => exportFolderFiles('', [folder('my-project')], 'RVTools_tabvInfo.csv'), (error: unknown) => error instanceof InventoryError && error.message === message);
    assert.throws(() => exportFolderFiles('', [file('RVTools_tabvHost.csv')], 'RVTools_tabvInfo.csv'), { message });
    assert.equal(unreadableFolderOf('/x/RVTools_tabvInfo.csv', 'no such file or folder').message, 'RVTools_tabvInfo.csv stands for its export folder, which cannot be listed here (no such file or folder): pick the export\'s .xlsx workbook or .zip instead');
  });
});

describe('import command: the design name the save dialog suggests', () => {
  it('is the source name with .vtopo for its extension', () => {
    assert.equal(designFileName('estate.xlsx'), 'estate.vtopo');
    assert.equal(designFileName('/home/me/RVTools export 2024.05.14.zip'), 'RVTools export 2024.05.14.vtopo');
    assert.equal(designFileName('C:\\exports\\estate.xlsx'), 'estate.vtopo');
    assert.equal(designFileName('estate'), 'estate.vtopo');
    assert.equal(designFileName('.hidden'), '.hidden.vtopo');
  });

  it('is a folder name with .vtopo added, dots and all', () => {
    assert.equal(designFileName('export-2024.05', { folder: true }), 'export-2024.05.vtopo');
    assert.equal(designFileName('/data/exports', { folder: true }), 'exports.vtopo');
  });

  it('is inventory.vtopo when the name gives nothing', () => {
    assert.equal(designFileName('', { folder: true }), 'inventory.vtopo');
    assert.equal(designFileName('/', { folder: true }), 'inventory.vtopo');
    assert.equal(designFileName('..', { folder: true }), 'inventory.vtopo');
  });
});

describe('import command: the size limit, from the file sizes', () => {
  it('lets the limit itself through and refuses one byte more, naming the file and both sizes', () => {
    assert.doesNotThrow(() => checkSourceSize('estate.xlsx', DEFAULT_IMPORT_LIMITS.maxInputBytes));
    assert.throws(() => checkSourceSize('estate.xlsx', 250 * MIB), (error: unknown) => error instanceof InventoryError && error.message === 'estate.xlsx is 250 MiB, more than the 200 MiB an inventory may have');
    assert.throws(() => checkSourceSize('folder export', 2000, 1000), { message: 'folder export is 2 KiB, more than the 1000 bytes an inventory may have' });
  });
});

describe('import command: the message after an import', () => {
  it('counts what was imported into which file', async () => {
    const xlsx = smallEstateFiles().find((f) => f.name === 'estate.xlsx');
    assert.ok(xlsx);
    const { summary } = await importInventory(xlsx);
    assert.equal(importedMessage(summary, 'estate.vtopo'), 'Imported 1 cluster, 3 hosts, 8 VMs, 7 datastores into estate.vtopo.');
    assert.equal(importedMessage({ counts: [['cluster', 2], ['host', 24], ['VM', 1480], ['datastore', 40]], inferred: [], missing: [], warnings: [] }, 'big.vtopo'), 'Imported 2 clusters, 24 hosts, 1,480 VMs, 40 datastores into big.vtopo.');
    assert.equal(importedMessage({ counts: [], inferred: [], missing: [], warnings: [] }, 'x.vtopo'), 'Imported nothing into x.vtopo.');
  });

  it('comes from the same design whether the workbook or the export folder is read', async () => {
    const files = smallEstateFiles();
    const xlsx = files.find((f) => f.name === 'estate.xlsx');
    assert.ok(xlsx);
    const csv = files.filter((f) => f.name.startsWith('export/')).map((f) => ({ name: f.name.slice('export/'.length), bytes: f.bytes }));
    assert.equal(csv.length, 16);
    const fromWorkbook = await importInventory({ name: 'estate', bytes: xlsx.bytes });
    const fromFolder = await importInventory({ name: 'estate', files: csv });
    assert.equal(fromFolder.text, fromWorkbook.text);
  });
});
