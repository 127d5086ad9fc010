/**
 * The one entry point of import, shared by `vtopo import` and the VS Code command: what the
 * user picked (as bytes) to a .vtopo design and its summary. Every way the input can be
 * wrong ends as an InventoryError with a one-line message; nothing else escapes but bugs.
 */

import { importRvtools, NotRvtoolsError } from './rvtools/import';
import { MissingTabError } from './rvtools/tabs';
import { baseName, ImportInputError, readInventoryTables, type InventoryInput, type ReadInventoryOptions } from './sources';
import type { ImportResult } from './summary';
import { MissingColumnError } from './table';

export const INVENTORY_KINDS = ['rvtools', 'proxmox', 'hyperv'] as const;
export type InventoryKindName = (typeof INVENTORY_KINDS)[number];

export interface ImportOptions extends ReadInventoryOptions {
  /** What the user says the input is; detected from the content when absent. */
  readonly from?: InventoryKindName;
}

/** The input cannot be imported: unreadable, not an inventory, or lacking what an import needs. */
export class InventoryError extends Error {}

export async function importInventory(input: InventoryInput, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    const read = await readInventoryTables(input, options);
    if (read.kind === 'json') {
      throw new InventoryError(`${input.name}: Proxmox VE and Hyper-V inventories (JSON) cannot be imported yet; RVTools exports can (docs/import.md)`);
    }
    if (options.from !== undefined && options.from !== 'rvtools') {
      throw new InventoryError(`${input.name} is an RVTools export, not a ${options.from === 'proxmox' ? 'Proxmox VE' : 'Hyper-V'} inventory (--from ${options.from})`);
    }
    options.onProgress?.('writing the design');
    const result = importRvtools(read.tables, { fileName: baseName(input.name) });
    return read.warnings.length === 0 ? result : { ...result, summary: { ...result.summary, warnings: [...read.warnings, ...result.summary.warnings] } };
  } catch (error) {
    if (error instanceof ImportInputError || error instanceof NotRvtoolsError) throw new InventoryError(error.message);
    if (error instanceof MissingTabError || error instanceof MissingColumnError) throw new InventoryError(`${input.name}: ${error.message}`);
    throw error;
  }
}
