/**
 * What activation registers for the features loaded on first use (on-demand.ts): the ids of
 * their commands and how the designer is registered. Activation registers each with a
 * handler that loads the features, so the extension host reads the simulator, the designer
 * and the importers only when one of them is used (docs/performance.md, "Activation").
 */

import type * as vscode from 'vscode';

export const SIMULATION_COMMANDS = {
  hostFailure: 'vtopo.simulateHostFailure',
  componentFailure: 'vtopo.simulateComponentFailure',
  siteFailure: 'vtopo.simulateSiteFailure',
  migration: 'vtopo.simulateMigration',
  maintenance: 'vtopo.enterMaintenanceMode',
  sweepN1: 'vtopo.runFailureSweep',
  sweepN2: 'vtopo.runFailureSweepN2',
  balance: 'vtopo.recommendBalance',
} as const;

export const OPEN_DESIGNER_COMMAND = 'vtopo.openDesigner';
export const OPEN_PREVIEW_COMMAND = 'vtopo.openPreview';
export const EXPORT_REVIEW_COMMAND = 'vtopo.exportDesignReview';
export const IMPORT_COMMAND = 'vtopo.importInventory';

/** Every command whose work is in on-demand.ts. */
export const ON_DEMAND_COMMANDS = [
  OPEN_DESIGNER_COMMAND,
  OPEN_PREVIEW_COMMAND,
  ...Object.values(SIMULATION_COMMANDS),
  EXPORT_REVIEW_COMMAND,
  IMPORT_COMMAND,
] as const;

export type OnDemandCommand = (typeof ON_DEMAND_COMMANDS)[number];

/** A command's work: what `vscode.commands.executeCommand` returns is what it returns. */
export type CommandHandler = (...args: unknown[]) => unknown;

export type CommandHandlers<Id extends OnDemandCommand> = Readonly<Record<Id, CommandHandler>>;

/** The custom editor of .vtopo files (designer.ts), offered under "Open With...". */
export const DESIGNER_VIEW_TYPE = 'vtopo.designer';

export const DESIGNER_OPTIONS: { readonly webviewOptions: vscode.WebviewPanelOptions; readonly supportsMultipleEditorsPerDocument: boolean } = {
  // Redrawing a large design from scratch takes seconds: keep the canvas while its tab is hidden.
  webviewOptions: { retainContextWhenHidden: true },
  supportsMultipleEditorsPerDocument: true,
};
