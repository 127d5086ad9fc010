/**
 * `vtopo import SOURCE [-o OUT]`: reads the file or folder the user names (a folder's
 * RVTools_tab*.csv files only, never more than the import limit), imports it, writes the
 * design to OUT or standard output and the summary to standard error.
 */

import { join } from 'node:path';
import { importInventory, InventoryError } from '../core/import/import-inventory';
import { DEFAULT_IMPORT_LIMITS, type InventoryFile, type InventoryInput } from '../core/import/sources';
import { formatSummary } from '../core/import/summary';
import type { ImportCommand } from './args';
import { EXIT_OK, EXIT_USAGE_OR_INPUT } from './exit-codes';
import type { CliIo, FileSystem } from './io';
import { defineMessages } from '../core/l10n/messages';
import { formatInteger } from '../core/l10n/format';

const MESSAGES = defineMessages('cli.import', {
  cannotWrite: 'cannot write {path}: {reason}',
  wrote: 'wrote {path}',
  noSuchPath: '{path}: no such file or directory',
  tooLarge: '{path} is {size}, over the {limit} an import reads',
  notFileOrDirectory: '{path} is neither a file nor a directory',
  csvTooLarge: 'the CSV files of {path} add up to more than the {limit} an import reads',
  mebibytes: '{n} MiB',
});

/** How deep a folder is searched for CSV files: an export folder, or a folder holding one. */
const FOLDER_DEPTH = 2;

export async function runImport(command: ImportCommand, io: CliIo): Promise<number> {
  try {
    const input = await readSource(command.source, io.files);
    const result = await importInventory(input, command.from !== undefined ? { from: command.from } : {});
    if (command.output !== undefined) {
      try {
        await io.files.writeFile(command.output, result.text);
      } catch (error) {
        throw new SourceError(MESSAGES.cannotWrite({ path: command.output, reason: error instanceof Error ? error.message : String(error) }));
      }
      io.stderr(`vtopo: ${MESSAGES.wrote({ path: command.output })}\n`);
    } else {
      io.stdout(result.text);
    }
    io.stderr(formatSummary(result.summary));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof InventoryError || error instanceof SourceError) {
      io.stderr(`vtopo: ${error.message}\n`);
      return EXIT_USAGE_OR_INPUT;
    }
    throw error;
  }
}

class SourceError extends Error {}

async function readSource(path: string, files: FileSystem): Promise<InventoryInput> {
  const limit = DEFAULT_IMPORT_LIMITS.maxInputBytes;
  let stat;
  try {
    stat = await files.stat(path);
  } catch {
    throw new SourceError(MESSAGES.noSuchPath({ path }));
  }
  if (stat.kind === 'file') {
    if (stat.sizeBytes > limit) throw new SourceError(MESSAGES.tooLarge({ path, size: megabytes(stat.sizeBytes), limit: megabytes(limit) }));
    return { name: path, bytes: await files.readFile(path) };
  }
  if (stat.kind !== 'directory') throw new SourceError(MESSAGES.notFileOrDirectory({ path }));
  const found: InventoryFile[] = [];
  let total = 0;
  const walk = async (directory: string, relative: string, depth: number): Promise<void> => {
    const entries = [...(await files.readDirectory(directory))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.kind === 'directory' && depth > 1 && !entry.name.startsWith('.')) await walk(join(directory, entry.name), name, depth - 1);
      if (entry.kind !== 'file' || !/\.csv$/i.test(entry.name)) continue;
      const size = (await files.stat(join(directory, entry.name))).sizeBytes;
      total += size;
      if (total > limit) throw new SourceError(MESSAGES.csvTooLarge({ path, limit: megabytes(limit) }));
      found.push({ name, bytes: await files.readFile(join(directory, entry.name)) });
    }
  };
  await walk(path, '', FOLDER_DEPTH);
  return { name: path, files: found };
}

function megabytes(bytes: number): string {
  return MESSAGES.mebibytes({ n: formatInteger(bytes / (1024 * 1024)) });
}
