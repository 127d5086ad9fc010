/**
 * From command-line paths to design texts: directories expand to their .vtopo files,
 * bytes must be UTF-8 text, and files that are certainly over the analyzer's size limit
 * are not read at all. Problems are returned per path, never thrown.
 */

import { join, normalize } from 'node:path';
import { MAX_INPUT_CHARACTERS } from '../core/model/parse';
import type { FileSystem } from './io';
import { defineMessages } from '../core/l10n/messages';

const MESSAGES = defineMessages('cli.inputs', {
  noDesigns: 'no {extension} files in this directory',
  notOneFile: 'expected one .vtopo file, not a directory',
  tooLarge: 'the file is too large to read ({size} bytes)',
  notRegular: 'not a regular file',
  utf16: 'the file is UTF-16 text; save it as UTF-8',
  binary: 'not a text file (it contains NUL bytes)',
  notUtf8: 'not valid UTF-8 text',
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'a component of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
});

export const VTOPO_EXTENSION = '.vtopo';

/**
 * A UTF-16 code unit takes at most 3 bytes of UTF-8, so a file larger than this holds more
 * characters than the analyzer accepts whatever it contains: it is reported without reading.
 */
export const MAX_INPUT_BYTES = 3 * MAX_INPUT_CHARACTERS;

/** Directories that never hold designs worth checking, skipped when a directory is expanded. */
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

export type Input =
  | { readonly kind: 'text'; readonly path: string; readonly text: string }
  | { readonly kind: 'too-large'; readonly path: string; readonly sizeBytes: number };

export interface InputError {
  readonly path: string;
  readonly message: string;
}

export interface Inputs {
  readonly inputs: readonly Input[];
  readonly errors: readonly InputError[];
}

export async function readInputs(paths: readonly string[], files: FileSystem): Promise<Inputs> {
  const inputs: Input[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const readOne = async (path: string) => {
    if (seen.has(normalize(path))) return;
    seen.add(normalize(path));
    const input = await readInput(path, files);
    if ('message' in input) errors.push(input);
    else inputs.push(input);
  };
  for (const path of paths) {
    const kind = await kindOf(path, files);
    if (typeof kind !== 'string') {
      errors.push(kind);
    } else if (kind === 'directory') {
      const found = await designsUnder(path, files);
      if (found.length === 0) errors.push({ path, message: MESSAGES.noDesigns({ extension: VTOPO_EXTENSION }) });
      for (const file of found) await readOne(file);
    } else {
      await readOne(path);
    }
  }
  return { inputs, errors };
}

/** The text of the one design a command reads (simulate, report), or why there is none. */
export async function readOneDesign(path: string, files: FileSystem): Promise<{ readonly text: string } | { readonly problem: string }> {
  const { inputs, errors } = await readInputs([path], files);
  const [error] = errors;
  if (error) return { problem: error.message };
  const [input, ...more] = inputs;
  if (!input || more.length > 0) return { problem: MESSAGES.notOneFile({}) };
  if (input.kind === 'too-large') return { problem: MESSAGES.tooLarge({ size: String(input.sizeBytes) }) };
  return { text: input.text };
}

async function kindOf(path: string, files: FileSystem): Promise<string | InputError> {
  try {
    return (await files.stat(path)).kind;
  } catch (error) {
    return { path, message: describeError(error) };
  }
}

/** Every .vtopo file under a directory, in a stable order, skipping hidden directories. */
async function designsUnder(directory: string, files: FileSystem): Promise<string[]> {
  const entries = [...(await files.readDirectory(directory))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.kind === 'directory' && !entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) {
      found.push(...(await designsUnder(path, files)));
    } else if (entry.kind === 'file' && entry.name.endsWith(VTOPO_EXTENSION)) {
      found.push(path);
    }
  }
  return found;
}

async function readInput(path: string, files: FileSystem): Promise<Input | InputError> {
  try {
    const { kind, sizeBytes } = await files.stat(path);
    if (kind !== 'file') return { path, message: MESSAGES.notRegular({}) };
    if (sizeBytes > MAX_INPUT_BYTES) return { kind: 'too-large', path, sizeBytes };
    const decoded = decodeText(await files.readFile(path));
    return typeof decoded === 'string' ? { kind: 'text', path, text: decoded } : { path, message: decoded.problem };
  } catch (error) {
    return { path, message: describeError(error) };
  }
}

/** UTF-8 with or without a byte order mark; anything else is refused with the reason. */
export function decodeText(bytes: Uint8Array): string | { readonly problem: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: MESSAGES.utf16({}) };
  }
  if (bytes.includes(0)) return { problem: MESSAGES.binary({}) };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: MESSAGES.notUtf8({}) };
  }
}

/** The system's error codes in words, asked for when an error happens (never at load). */
const ERROR_CODES: Readonly<Record<string, () => string>> = {
  ENOENT: () => MESSAGES.ENOENT({}),
  EACCES: () => MESSAGES.EACCES({}),
  EPERM: () => MESSAGES.EACCES({}),
  ENOTDIR: () => MESSAGES.ENOTDIR({}),
  ELOOP: () => MESSAGES.ELOOP({}),
  ENAMETOOLONG: () => MESSAGES.ENAMETOOLONG({}),
};

function describeError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  const known = code === undefined ? undefined : ERROR_CODES[code];
  if (known !== undefined) return known();
  return error instanceof Error ? error.message : String(error);
}
