/**
 * Reading inventory files for `vtopo import`: an RVTools export (a workbook, or CSV files in a
 * folder or zip) as tables, or a JSON inventory as a parsed value. The CLI and the VS Code command
 * read the bytes; everything here runs in Node and in the browser.
 */

export { ImportInputError, type ImportInputProblem } from './errors';
export { baseName, isFolder, type InventoryFile, type InventoryFolder, type InventoryInput } from './input';
export { DEFAULT_IMPORT_LIMITS, resolveLimits, type ImportLimits } from './limits';
export { readInventoryTables, type InventoryKind, type InventoryTables, type ReadInventoryOptions } from './read';
export { isRvtoolsTab, RVTOOLS_TABS, rvtoolsCsvTab } from './rvtools-names';
