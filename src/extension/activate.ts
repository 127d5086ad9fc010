/**
 * Activation, shared by the desktop (node.ts) and web (web.ts) entries: wires documents to
 * the analyzer and the language service. Uses only the VS Code API (no file system, no
 * Node built-ins), so it runs in untrusted and virtual workspaces and in the browser.
 */

import * as vscode from 'vscode';
import { DocumentAnalyses } from './analyses';
import { registerCommands } from './commands';
import { registerDesigner } from './designer';
import { DiagnosticsController, isAnalyzable, VTOPO_LANGUAGE } from './diagnostics';
import { registerImportCommand } from './import-command';
import { registerLanguageFeatures } from './language-features';
import { registerPreview } from './preview';
import { QuickFixProvider } from './quick-fixes';
import { registerSimulation } from './simulation-commands';
import { registerStatusBar } from './status-bar';

export function activateVtopo(context: vscode.ExtensionContext, host: 'desktop' | 'web'): void {
  const log = vscode.window.createOutputChannel('VTopo', { log: true });
  const rulesDocument = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  const analyses = new DocumentAnalyses(log);
  const diagnostics = new DiagnosticsController(analyses, rulesDocument);
  context.subscriptions.push(
    log,
    diagnostics,
    vscode.workspace.onDidOpenTextDocument((document) => diagnostics.refresh(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) diagnostics.schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      diagnostics.clear(document);
      analyses.forget(document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('vtopo.rules')) return;
      analyses.invalidate();
      diagnostics.refreshAll();
    }),
    ...registerLanguageFeatures(analyses),
    vscode.languages.registerCodeActionsProvider({ language: VTOPO_LANGUAGE }, new QuickFixProvider(diagnostics), QuickFixProvider.metadata),
    ...registerCommands(diagnostics, log, rulesDocument),
    registerImportCommand(log),
  );
  registerPreview(context, analyses, log);
  registerDesigner(context, analyses, log);
  registerSimulation(context, analyses, log);
  registerStatusBar(context, analyses);
  for (const document of vscode.workspace.textDocuments) {
    if (isAnalyzable(document)) diagnostics.refresh(document);
  }
  log.info(`VTopo activated in the ${host} extension host`);
}
