/**
 * What the CLI needs from the outside world, injectable so that tests run it in-process:
 * where output goes, the working directory, and a small view of the file system (reads, and
 * the one file `vtopo import -o` writes).
 */

import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export type EntryKind = 'file' | 'directory' | 'other';

export interface DirectoryEntry {
  readonly name: string;
  readonly kind: EntryKind;
}

export interface FileSystem {
  stat(path: string): Promise<{ readonly kind: EntryKind; readonly sizeBytes: number }>;
  readFile(path: string): Promise<Uint8Array>;
  readDirectory(path: string): Promise<readonly DirectoryEntry[]>;
  writeFile(path: string, text: string): Promise<void>;
}

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Where relative paths start, and the base (%SRCROOT%) of the artifact URIs in SARIF output. */
  readonly cwd: string;
  readonly files: FileSystem;
  /** The environment, for the language of the texts (LC_ALL, LC_MESSAGES, LANG); none: English. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const kindOf = (entry: { isFile(): boolean; isDirectory(): boolean }): EntryKind =>
  entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other';

/** The real file system, with relative paths taken from `cwd` (the same base as CliIo.cwd). */
export function nodeFileSystem(cwd: string): FileSystem {
  const at = (path: string) => resolve(cwd, path);
  return {
    async stat(path) {
      const stats = await stat(at(path));
      return { kind: kindOf(stats), sizeBytes: stats.size };
    },
    readFile: (path) => readFile(at(path)),
    writeFile: (path, text) => writeFile(at(path), text, 'utf8'),
    async readDirectory(path) {
      const entries = await readdir(at(path), { withFileTypes: true });
      return Promise.all(entries.map(async (entry) => ({
        name: entry.name,
        kind: entry.isSymbolicLink() ? await linkedFileKind(join(at(path), entry.name)) : kindOf(entry),
      })));
    },
  };
}

/** A symbolic link counts as the file it points to; linked directories are not followed (no cycles). */
async function linkedFileKind(path: string): Promise<EntryKind> {
  try {
    return (await stat(path)).isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}
