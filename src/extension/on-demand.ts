/**
 * The half of the extension that is loaded on first use (docs/performance.md,
 * "Activation"): the designer, the preview, the simulations, the design review and the
 * import, which read designs in the extension host, and the analyzer and reader that answer
 * there when a worker cannot. Activation (activate.ts) registers their commands and the
 * designer with handlers that load this module; completion loads it for the rule catalog.
 * The desktop build makes it a bundle of its own (dist/extension/on-demand.js), so the
 * extension host reads it only when needed; the web build includes it.
 */

import * as vscode from 'vscode';
import { DocumentAnalyses } from './analyses';
import type { CommandHandlers, OnDemandCommand } from './contributions';
import { designerFeature } from './designer';
import { importCommands } from './import-command';
import { previewCommands } from './preview';
import { simulationFeature } from './simulation-commands';

export { answer } from '../core/analysis/document-report';
export { completeAt } from '../core/language/completion';
export { DesignReader } from '../core/language/queries';
export { useLanguage } from '../core/l10n/messages';

export interface OnDemandFeatures extends vscode.Disposable {
  readonly commands: CommandHandlers<OnDemandCommand>;
  readonly designer: vscode.CustomTextEditorProvider;
  /** A document closed: its reading is let go. */
  forget(uri: vscode.Uri): void;
  /** Settings changed: every reading is out of date. */
  invalidate(): void;
}

/** The features, made once per activation (the caller keeps them). */
export function startFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): OnDemandFeatures {
  const analyses = new DocumentAnalyses(log);
  const designer = designerFeature(context.extensionUri, analyses, log);
  const simulation = simulationFeature(context, analyses, log);
  const commands: CommandHandlers<OnDemandCommand> = {
    ...designer.commands,
    ...previewCommands(context, analyses, log),
    ...simulation.commands,
    ...importCommands(log),
  };
  return {
    commands,
    designer: designer.provider,
    forget: (uri) => analyses.forget(uri),
    invalidate: () => analyses.invalidate(),
    dispose: () => simulation.panel.dispose(),
  };
}
