import { listWithMore } from '../../l10n/format';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.input', {
  none: 'none',
});

/**
 * What the user picked to import, as bytes: one file, or a folder's files. The CLI and the VS Code
 * command read the bytes; the readers in src/core never touch the file system.
 */

export interface InventoryFile {
  /** The file name as the user knows it (a path is fine): messages name it. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface InventoryFolder {
  readonly name: string;
  /** The folder's files; names may be paths relative to the folder. Only RVTools_tab*.csv files are read. */
  readonly files: readonly InventoryFile[];
}

export type InventoryInput = InventoryFile | InventoryFolder;

export function isFolder(input: InventoryInput): input is InventoryFolder {
  return 'files' in input;
}

/** The last part of a path, with either separator. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** "a, b, c and 5 more", or "none": what was found instead, in messages. */
export function listSome(names: readonly string[], max = 8): string {
  if (names.length === 0) return MESSAGES.none({});
  return listWithMore(names, max);
}
