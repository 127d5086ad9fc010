/**
 * The parts of the VS Code command "VTopo: Import Inventory..." that need no VS Code: which files
 * it reads for what the user picked (one RVTools_tab*.csv stands for its export folder), the size
 * check made from the file sizes before anything is read, the name the save dialog suggests and
 * the message shown after the import. The glue is src/extension/import-command.ts.
 */

import { formatList } from '../l10n/format';
import { defineMessages } from '../l10n/messages';
import { InventoryError } from './import-inventory';
import { baseName, DEFAULT_IMPORT_LIMITS, rvtoolsCsvTab } from './sources';
import { listSome } from './sources/input';
import { formatBytes } from './sources/limits';
import { countText, type ImportSummary } from './summary';

const MESSAGES = defineMessages('import.picked-source', {
  noCsvFiles: 'folder {folder} has no RVTools_tab*.csv files; found: {found}',
  unlistableFolder: '{name} stands for its export folder, which cannot be listed here: pick the export\'s .xlsx workbook or .zip instead',
  unlistableFolderBecause: '{name} stands for its export folder, which cannot be listed here ({reason}): pick the export\'s .xlsx workbook or .zip instead',
  tooLarge: '{source} is {size}, more than the {limit} an inventory may have',
  imported: 'Imported {counts} into {design}.',
  importedNothing: 'Imported nothing into {design}.',
});

/** Whether a picked file is one CSV file of an RVTools export: the command then imports the folder it is in. */
export function isExportCsv(fileName: string): boolean {
  return rvtoolsCsvTab(baseName(fileName)) !== undefined;
}

/** An entry of a folder listing: its name, and whether it is a file (a symbolic link to a file is one). */
export interface FolderEntry {
  readonly name: string;
  readonly isFile: boolean;
}

/**
 * The files an import of an export folder reads: its RVTools_tab*.csv files (not those of
 * subfolders), in name order so that the same folder gives the same design. Throws InventoryError
 * when there is none, and when the CSV file the user picked for its folder is not among them: the
 * folder listed is then not the one the file is in (a browser's file picker hands over the picked
 * file alone, under a made-up path).
 */
export function exportFolderFiles(folderName: string, entries: readonly FolderEntry[], pickedCsv?: string): string[] {
  const names = entries
    .filter((entry) => entry.isFile && isExportCsv(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (pickedCsv !== undefined && !names.includes(baseName(pickedCsv))) throw unreadableFolderOf(pickedCsv);
  if (names.length === 0) {
    const files = entries.filter((entry) => entry.isFile).map((entry) => entry.name).sort();
    throw new InventoryError(MESSAGES.noCsvFiles({ folder: folderName, found: listSome(files) }));
  }
  return names;
}

/** The one-line reason the folder of a picked RVTools_tab*.csv file cannot be imported: it cannot be listed (`reason`), or is not the file's. */
export function unreadableFolderOf(pickedCsv: string, reason?: string): InventoryError {
  const name = baseName(pickedCsv);
  return new InventoryError(reason === undefined ? MESSAGES.unlistableFolder({ name }) : MESSAGES.unlistableFolderBecause({ name, reason }));
}

/**
 * The file name the save dialog suggests for the design: the source's name with `.vtopo` in
 * place of its extension (`estate.xlsx` gives `estate.vtopo`), a folder's name with `.vtopo`
 * added (`export-2024.05` gives `export-2024.05.vtopo`), `inventory.vtopo` for a name with
 * nothing else in it.
 */
export function designFileName(sourceName: string, { folder = false }: { readonly folder?: boolean } = {}): string {
  const name = baseName(sourceName).trim();
  const dot = name.lastIndexOf('.');
  const stem = folder || dot <= 0 ? name : name.slice(0, dot);
  return `${stem === '' || stem === '.' || stem === '..' ? 'inventory' : stem}.vtopo`;
}

/**
 * Refuses input over the import limit from its size alone, before a byte of it is read: a file
 * (`estate.xlsx`), or the RVTools_tab*.csv files of a folder added up (`folder export`, as the
 * readers say it).
 */
export function checkSourceSize(label: string, sizeBytes: number, limit: number = DEFAULT_IMPORT_LIMITS.maxInputBytes): void {
  if (sizeBytes > limit) throw new InventoryError(MESSAGES.tooLarge({ source: label, size: formatBytes(sizeBytes), limit: formatBytes(limit) }));
}

/** "Imported 2 clusters, 24 hosts, 480 VMs, 40 datastores into estate.vtopo.": the message after an import. */
export function importedMessage(summary: ImportSummary, designName: string): string {
  if (summary.counts.length === 0) return MESSAGES.importedNothing({ design: designName });
  return MESSAGES.imported({ counts: formatList(summary.counts.map(([kind, n]) => countText(kind, n))), design: designName });
}
