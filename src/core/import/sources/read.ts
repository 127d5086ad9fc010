/**
 * readInventoryTables: what the user picked (a file or a folder, as bytes) to the tables of an
 * RVTools export, or to the parsed value of a JSON inventory. The kind is found from the content,
 * not the file name alone:
 * - a zip (PK\x03\x04) holding xl/workbook.xml is an RVTools workbook, one table per sheet;
 * - another zip is read for its RVTools_tab<TAB>.csv entries (in any folder of the zip);
 * - a folder is read for its RVTools_tab<TAB>.csv files;
 * - text whose first character is `{` or `[` is JSON;
 * - a file named RVTools_tab<TAB>.csv is one table.
 * Anything else, or input over a safety limit, throws ImportInputError with a one-line message.
 */

import type { Table } from '../table';
import { readCsvTable } from './csv';
import { ImportInputError, printable } from './errors';
import { baseName, isFolder, listSome, type InventoryFile, type InventoryFolder, type InventoryInput } from './input';
import { looksLikeJson, parseJsonInventory } from './json';
import { formatBytes, resolveLimits, type ImportLimits } from './limits';
import { rvtoolsCsvTab } from './rvtools-names';
import { decodeText } from './text';
import { readXlsxTables } from './xlsx';
import { checkZipEntries, inflateZipEntry, looksLikeZip, readZipDirectory } from './zip';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.read', {
  readingTab: 'reading {tab}',
  readingFile: 'reading {name}',
  empty: '{name} is empty (0 bytes)',
  legacyExcel: '{name} is an Excel 97-2003 (or other Office binary) file; RVTools exports .xlsx workbooks or CSV files',
  csvName: '{name} is a CSV file, but only RVTools_tab<TAB>.csv names say which RVTools tab a file holds',
  notAnInventory: '{name} is not an RVTools export (.xlsx, or RVTools_tab*.csv files in a folder or .zip) nor a JSON inventory',
  zipWithoutExport: '{file} holds no RVTools export (an .xlsx workbook, or RVTools_tab*.csv files); found: {found}',
  entryIn: '{entry} in {file}',
  folderWithoutCsv: 'folder {folder} has no RVTools_tab*.csv files; found: {found}',
  folder: 'folder {folder}',
  twoTabs: '{container} has two {tab} tabs ({first} and {second}); read only the first',
  tooLarge: '{source} is {size}, more than the {limit} an inventory may have',
});

export type InventoryKind = 'rvtools-xlsx' | 'rvtools-csv' | 'json';

export interface InventoryTables {
  readonly kind: InventoryKind;
  /** The RVTools tabs, in the order of the workbook, zip or folder; empty for JSON. */
  readonly tables: readonly Table[];
  /** The parsed JSON inventory (for the Proxmox and Hyper-V importers); only for kind 'json'. */
  readonly json?: unknown;
  /** Things read in a way the user may want to know: a file not in UTF-8, a tab found twice. */
  readonly warnings: readonly string[];
}

export interface ReadInventoryOptions {
  /** Limits to use instead of DEFAULT_IMPORT_LIMITS (tests pass small ones). */
  readonly limits?: Partial<ImportLimits>;
  /**
   * Called once per tab read ("reading vInfo") so a caller can show it. A workbook's sheets are
   * parsed together, so for a workbook the calls come as each parsed sheet becomes a table.
   */
  readonly onProgress?: (message: string) => void;
}

export async function readInventoryTables(input: InventoryInput, options: ReadInventoryOptions = {}): Promise<InventoryTables> {
  const limits = resolveLimits(options.limits);
  const onProgress = options.onProgress && ((message: string) => options.onProgress?.(printable(message)));
  const result = await (isFolder(input) ? readFolder(input, limits, onProgress) : readFile(input, limits, onProgress));
  return { ...result, warnings: result.warnings.map(printable) };
}

async function readFile(input: InventoryFile, limits: ImportLimits, onProgress: ((message: string) => void) | undefined): Promise<InventoryTables> {
  const { name, bytes } = input;
  if (bytes.length === 0) throw new ImportInputError('empty', name, MESSAGES.empty({ name }));
  checkInputSize(name, bytes.length, limits);
  if (looksLikeZip(bytes)) return readZip(name, bytes, limits, onProgress);
  if (looksLikeOfficeBinary(bytes)) {
    throw new ImportInputError('legacy-excel', name, MESSAGES.legacyExcel({ name }));
  }
  const tab = rvtoolsCsvTab(baseName(name));
  if (tab !== undefined) {
    onProgress?.(MESSAGES.readingTab({ tab }));
    const { table, warnings } = readCsvTable(name, tab, bytes);
    return { kind: 'rvtools-csv', tables: [table], warnings };
  }
  if (looksLikeJson(decodeText(bytes.subarray(0, 4096)).text)) {
    onProgress?.(MESSAGES.readingFile({ name }));
    return { kind: 'json', tables: [], json: parseJsonInventory(name, decodeText(bytes).text), warnings: [] };
  }
  if (/\.csv$/i.test(name)) {
    throw new ImportInputError('csv-name', name, MESSAGES.csvName({ name }));
  }
  throw new ImportInputError('unrecognized', name, MESSAGES.notAnInventory({ name }));
}

async function readZip(file: string, bytes: Uint8Array, limits: ImportLimits, onProgress: ((message: string) => void) | undefined): Promise<InventoryTables> {
  const entries = readZipDirectory(file, bytes, limits);
  if (entries.some((entry) => entry.name === 'xl/workbook.xml')) {
    return { kind: 'rvtools-xlsx', tables: await readXlsxTables(file, bytes, entries, limits, onProgress), warnings: [] };
  }
  const files = entries.filter((entry) => !entry.name.endsWith('/') && !entry.name.startsWith('__MACOSX/'));
  const csvEntries = files.filter((entry) => rvtoolsCsvTab(baseName(entry.name)) !== undefined);
  if (csvEntries.length === 0) {
    throw new ImportInputError('no-rvtools-tabs', file, MESSAGES.zipWithoutExport({ file, found: listSome(files.map((entry) => entry.name)) }));
  }
  checkZipEntries(file, csvEntries, limits);
  return readCsvTables(file, csvEntries.map((entry) => ({ name: entry.name, label: MESSAGES.entryIn({ entry: entry.name, file }), bytes: () => inflateZipEntry(file, bytes, entry) })), onProgress);
}

async function readFolder(folder: InventoryFolder, limits: ImportLimits, onProgress: ((message: string) => void) | undefined): Promise<InventoryTables> {
  const csvFiles = folder.files.filter((file) => rvtoolsCsvTab(baseName(file.name)) !== undefined);
  if (csvFiles.length === 0) {
    throw new ImportInputError('no-rvtools-tabs', folder.name, MESSAGES.folderWithoutCsv({ folder: folder.name, found: listSome(folder.files.map((file) => baseName(file.name))) }));
  }
  checkInputSize(MESSAGES.folder({ folder: folder.name }), csvFiles.reduce((sum, file) => sum + file.bytes.length, 0), limits, folder.name);
  return readCsvTables(folder.name, csvFiles.map((file) => ({ name: file.name, label: file.name, bytes: () => file.bytes })), onProgress);
}

interface CsvSource {
  /** The path in the zip or folder. */
  readonly name: string;
  /** The name messages use. */
  readonly label: string;
  /** The bytes, read only when the tab is (a zip entry is inflated then). */
  readonly bytes: () => Uint8Array;
}

function readCsvTables(container: string, sources: readonly CsvSource[], onProgress: ((message: string) => void) | undefined): InventoryTables {
  const tables: Table[] = [];
  const warnings: string[] = [];
  const firstByTab = new Map<string, string>();
  for (const source of sources) {
    const tab = rvtoolsCsvTab(baseName(source.name)) ?? source.name;
    const first = firstByTab.get(tab.toLowerCase());
    if (first !== undefined) {
      warnings.push(MESSAGES.twoTabs({ container, tab, first, second: source.name }));
      continue;
    }
    firstByTab.set(tab.toLowerCase(), source.name);
    onProgress?.(MESSAGES.readingTab({ tab }));
    const read = readCsvTable(source.label, tab, source.bytes());
    tables.push(read.table);
    warnings.push(...read.warnings);
  }
  return { kind: 'rvtools-csv', tables, warnings };
}

function checkInputSize(label: string, size: number, limits: ImportLimits, file = label): void {
  if (size > limits.maxInputBytes) {
    throw new ImportInputError('too-large', file, MESSAGES.tooLarge({ source: label, size: formatBytes(size), limit: formatBytes(limits.maxInputBytes) }));
  }
}

/** The OLE2 compound file signature of .xls (and .doc, .msg) files. */
function looksLikeOfficeBinary(bytes: Uint8Array): boolean {
  const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return signature.every((byte, index) => bytes[index] === byte);
}
