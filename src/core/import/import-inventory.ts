/**
 * The one entry point of import, shared by `vtopo import` and the VS Code command: what the
 * user picked (as bytes) to a .vtopo design and its summary. Every way the input can be
 * wrong ends as an InventoryError with a one-line message; nothing else escapes but bugs.
 */

import { detectHyperv, importHyperv, NotHypervInventoryError } from './hyperv/import';
import { detectProxmox, importProxmox, NotProxmoxError } from './proxmox/import';
import { importRvtools, NotRvtoolsError } from './rvtools/import';
import { MissingTabError } from './rvtools/tabs';
import { baseName, ImportInputError, readInventoryTables, type InventoryInput, type ReadInventoryOptions } from './sources';
import type { ImportResult } from './summary';
import { MissingColumnError } from './table';
import { defineMessages } from '../l10n/messages';

const MESSAGES = defineMessages('import.inventory', {
  notAnInventoryJson: '{name} is JSON but not an inventory VTopo reads: a Proxmox VE or Hyper-V inventory from scripts/inventory/ (docs/import.md)',
  wrongKind: '{name} is {kind}, not {wanted} (--from {from})',
  writing: 'writing the design',
  inFile: '{name}: {message}',
});

const KIND_NAMES = defineMessages('import.inventory.kinds', {
  rvtools: 'an RVTools export',
  proxmox: 'a Proxmox VE inventory',
  hyperv: 'a Hyper-V inventory',
});

export const INVENTORY_KINDS = ['rvtools', 'proxmox', 'hyperv'] as const;
export type InventoryKindName = (typeof INVENTORY_KINDS)[number];

export interface ImportOptions extends ReadInventoryOptions {
  /** What the user says the input is; detected from the content when absent. */
  readonly from?: InventoryKindName;
}

/** The input cannot be imported: unreadable, not an inventory, or lacking what an import needs. */
export class InventoryError extends Error {}


/** Which importer a JSON inventory is for, from its content. */
function jsonKind(json: unknown, name: string): InventoryKindName {
  if (detectHyperv(json)) return 'hyperv';
  if (detectProxmox(json)) return 'proxmox';
  throw new InventoryError(MESSAGES.notAnInventoryJson({ name }));
}

export async function importInventory(input: InventoryInput, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    const read = await readInventoryTables(input, options);
    const fileName = baseName(input.name);
    const kind: InventoryKindName = read.kind === 'json' ? jsonKind(read.json, input.name) : 'rvtools';
    if (options.from !== undefined && options.from !== kind) {
      throw new InventoryError(MESSAGES.wrongKind({ name: input.name, kind: KIND_NAMES[kind]({}), wanted: KIND_NAMES[options.from]({}), from: options.from }));
    }
    options.onProgress?.(MESSAGES.writing({}));
    const result = kind === 'proxmox' ? importProxmox(read.json, { fileName }) : kind === 'hyperv' ? importHyperv(read.json, { fileName }) : importRvtools(read.tables, { fileName });
    return read.warnings.length === 0 ? result : { ...result, summary: { ...result.summary, warnings: [...read.warnings, ...result.summary.warnings] } };
  } catch (error) {
    if (error instanceof ImportInputError || error instanceof NotRvtoolsError || error instanceof NotProxmoxError || error instanceof NotHypervInventoryError) throw new InventoryError(error.message);
    if (error instanceof MissingTabError || error instanceof MissingColumnError) throw new InventoryError(MESSAGES.inFile({ name: input.name, message: error.message }));
    throw error;
  }
}
