/**
 * "VTopo: Import Inventory...": an inventory the user picks (an RVTools workbook, a zip of its CSV
 * files, or one RVTools_tab*.csv standing for its export folder) to a new .vtopo design, through
 * the one import of src/core that `vtopo import` runs too. The file is read and written with
 * workspace.fs only, so the browser build has the command as well. The new design opens in an
 * editor, where the diagnostics analyze it as any .vtopo file; the summary goes to the VTopo
 * output channel.
 *
 * Callers (tests, automation) may name the source and the target: `executeCommand(
 * 'vtopo.importInventory', source?: Uri, target?: Uri)` shows no dialog for what they name, and
 * returns what happened (undefined when the user cancelled a dialog).
 */

import * as vscode from 'vscode';
import { importInventory, InventoryError } from '../core/import/import-inventory';
import { checkSourceSize, designFileName, exportFolderFiles, importedMessage, isExportCsv, unreadableFolderOf } from '../core/import/picked-source';
import type { InventoryFile, InventoryInput } from '../core/import/sources';
import { formatSummary, type ImportSummary } from '../core/import/summary';
import { basename } from './uris';
import { IMPORT_COMMAND, type CommandHandlers } from './contributions';

/** What the command did: the design it wrote, or the error it showed. */
export type ImportCommandResult =
  | { readonly design: vscode.Uri; readonly summary: ImportSummary }
  | { readonly error: string };

/** Every string the command shows, in one place, in the user's language (asked when shown, after activation). */
const TEXT = {
  openTitle: () => vscode.l10n.t('Import Inventory: pick an RVTools export (.xlsx, .zip, or one RVTools_tab*.csv of its folder), or a Proxmox VE or Hyper-V inventory (.json)'),
  openLabel: () => vscode.l10n.t('Import'),
  inventoryFilter: () => vscode.l10n.t('Inventories (RVTools .xlsx, .zip, .csv; JSON)'),
  saveTitle: () => vscode.l10n.t('Import Inventory: save the new design as'),
  saveLabel: () => vscode.l10n.t('Save Design'),
  designFilter: () => vscode.l10n.t('VTopo design'),
  progressTitle: () => vscode.l10n.t('Importing inventory'),
  reading: (name: string) => vscode.l10n.t('reading {name}', { name }),
  folder: (name: string) => vscode.l10n.t('folder {name}', { name }),
  showSummary: () => vscode.l10n.t('Show Summary'),
  badArgument: (which: 'first' | 'second', value: unknown) => which === 'first'
    ? vscode.l10n.t('VTopo: Import Inventory takes a file URI as its first argument (the inventory), not {value}.', { value: describe(value) })
    : vscode.l10n.t('VTopo: Import Inventory takes a file URI as its second argument (the design to write), not {value}.', { value: describe(value) }),
  inputError: (message: string) => vscode.l10n.t('VTopo: {message}', { message }),
  cannotRead: (name: string, reason: string) => vscode.l10n.t('cannot read {name}: {reason}', { name, reason }),
  cannotWrite: (name: string, reason: string) => vscode.l10n.t('VTopo: could not write {file}: {reason}', { file: name, reason }),
  failed: (name: string, reason: string) => vscode.l10n.t('VTopo: the import of {name} failed: {reason}', { name, reason }),
  logImported: (source: vscode.Uri, design: vscode.Uri, summary: ImportSummary) =>
    `Imported ${vscode.workspace.asRelativePath(source)} into ${vscode.workspace.asRelativePath(design)}:\n${formatSummary(summary).trimEnd()}`,
} as const;

export function importCommands(log: vscode.LogOutputChannel): CommandHandlers<typeof IMPORT_COMMAND> {
  return { [IMPORT_COMMAND]: (source?: unknown, target?: unknown) => importCommand(log, source, target) };
}

/** What the user picked, as the import reads it: a file, or an export folder (maybe for the CSV file picked in it). */
interface PickedSource {
  readonly uri: vscode.Uri;
  readonly kind: 'file' | 'folder';
  readonly pickedCsv?: string;
}

async function importCommand(log: vscode.LogOutputChannel, sourceArgument: unknown, targetArgument: unknown): Promise<ImportCommandResult | undefined> {
  // Arguments come from anywhere (keybindings, other extensions): check them before any dialog.
  // undefined and null (what undefined becomes between processes) mean "ask".
  if (sourceArgument != null && !(sourceArgument instanceof vscode.Uri)) return fail(TEXT.badArgument('first', sourceArgument));
  if (targetArgument != null && !(targetArgument instanceof vscode.Uri)) return fail(TEXT.badArgument('second', targetArgument));
  const picked = sourceArgument ?? (await pickSource());
  if (!picked) return undefined;
  try {
    const { source, result } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: TEXT.progressTitle(), cancellable: false },
      async (progress) => {
        const report = (message: string) => progress.report({ message });
        const located = await locate(picked);
        return { source: located, result: await importInventory(await readSource(located, report), { onProgress: report }) };
      },
    );
    const design = targetArgument ?? (await pickTarget(source));
    if (!design) return undefined;
    try {
      await vscode.workspace.fs.writeFile(design, new TextEncoder().encode(result.text));
    } catch (error) {
      log.error(`Import: writing ${design.toString()} failed:`, error instanceof Error ? error : String(error));
      return fail(TEXT.cannotWrite(vscode.workspace.asRelativePath(design), reason(error)));
    }
    log.info(TEXT.logImported(source.uri, design, result.summary));
    await vscode.window.showTextDocument(design, { preview: false });
    const showSummary = TEXT.showSummary();
    void vscode.window.showInformationMessage(importedMessage(result.summary, basename(design)), showSummary).then((choice) => {
      if (choice === showSummary) log.show(true);
    });
    return { design, summary: result.summary };
  } catch (error) {
    if (error instanceof InventoryError) {
      log.warn(`Import of ${picked.toString()}: ${error.message}`);
      return fail(TEXT.inputError(error.message));
    }
    log.error(`Import of ${picked.toString()} failed:`, error instanceof Error ? error : String(error));
    return fail(TEXT.failed(basename(picked), reason(error)));
  }
}

function fail(message: string): ImportCommandResult {
  void vscode.window.showErrorMessage(message);
  return { error: message };
}

/** The open dialog, from the first workspace folder; the picked file, or undefined when cancelled. */
async function pickSource(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showOpenDialog({
    title: TEXT.openTitle(),
    openLabel: TEXT.openLabel(),
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    filters: { [TEXT.inventoryFilter()]: ['xlsx', 'zip', 'csv', 'json'] },
    ...(folder ? { defaultUri: folder } : {}),
  });
  return picked?.[0];
}

/** Where the save dialog starts: next to the source, named after it. */
async function pickTarget(source: PickedSource): Promise<vscode.Uri | undefined> {
  const name = designFileName(basename(source.uri), { folder: source.kind === 'folder' });
  return vscode.window.showSaveDialog({
    title: TEXT.saveTitle(),
    saveLabel: TEXT.saveLabel(),
    defaultUri: vscode.Uri.joinPath(source.uri, '..', name),
    filters: { [TEXT.designFilter()]: ['vtopo'] },
  });
}

/** A picked RVTools_tab*.csv file stands for its folder; a folder (named by a caller) is one. */
async function locate(uri: vscode.Uri): Promise<PickedSource> {
  const stat = await fileStat(uri);
  if ((stat.type & vscode.FileType.Directory) !== 0) return { uri, kind: 'folder' };
  if (isExportCsv(basename(uri))) return { uri: vscode.Uri.joinPath(uri, '..'), kind: 'folder', pickedCsv: basename(uri) };
  return { uri, kind: 'file' };
}

/** The bytes of the source: the file, or the folder's RVTools_tab*.csv files; sizes are checked before anything is read. */
async function readSource(source: PickedSource, report: (message: string) => void): Promise<InventoryInput> {
  const name = basename(source.uri);
  if (source.kind === 'file') {
    checkSourceSize(name, (await fileStat(source.uri)).size);
    report(TEXT.reading(name));
    return { name, bytes: await readFile(source.uri, name) };
  }
  let listing: [string, vscode.FileType][];
  try {
    listing = await vscode.workspace.fs.readDirectory(source.uri);
  } catch (error) {
    throw source.pickedCsv === undefined ? new InventoryError(TEXT.cannotRead(TEXT.folder(name), reason(error))) : unreadableFolderOf(source.pickedCsv, reason(error));
  }
  const entries = listing.map(([entry, type]) => ({ name: entry, isFile: (type & vscode.FileType.File) !== 0 }));
  const names = exportFolderFiles(name, entries, source.pickedCsv);
  const csvFiles = names.map((file) => ({ name: file, uri: vscode.Uri.joinPath(source.uri, file) }));
  const sizes = await Promise.all(csvFiles.map(async (file) => (await fileStat(file.uri)).size));
  checkSourceSize(TEXT.folder(name), sizes.reduce((sum, size) => sum + size, 0));
  report(TEXT.reading(TEXT.folder(name)));
  const files: InventoryFile[] = await Promise.all(csvFiles.map(async (file) => ({ name: file.name, bytes: await readFile(file.uri, file.name) })));
  return { name, files };
}

async function fileStat(uri: vscode.Uri): Promise<vscode.FileStat> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch (error) {
    throw new InventoryError(TEXT.cannotRead(basename(uri), reason(error)));
  }
}

async function readFile(uri: vscode.Uri, name: string): Promise<Uint8Array> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    throw new InventoryError(TEXT.cannotRead(name, reason(error)));
  }
}

/** A file system error as a user reads it ("no such file or folder"), others by their message. */
function reason(error: unknown): string {
  if (error instanceof vscode.FileSystemError) {
    if (error.code === 'FileNotFound') return vscode.l10n.t('no such file or folder');
    if (error.code === 'NoPermissions') return vscode.l10n.t('permission denied');
  }
  return error instanceof Error ? error.message : String(error);
}

/** What a wrong argument is, for the message: "a string", "an array", "null". */
function describe(value: unknown): string {
  if (Array.isArray(value)) return vscode.l10n.t('an array');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'object': return vscode.l10n.t('an object');
    case 'string': return vscode.l10n.t('a string');
    case 'number': return vscode.l10n.t('a number');
    case 'boolean': return vscode.l10n.t('a boolean');
    case 'function': return vscode.l10n.t('a function');
    case 'undefined': return 'undefined';
    default: return vscode.l10n.t('a {type}', { type: typeof value });
  }
}
