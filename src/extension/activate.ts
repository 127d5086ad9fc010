/**
 * Activation, shared by the desktop (node.ts) and web (web.ts) entries: wires documents to
 * the analyzer and the language service. Uses only the VS Code API (no file system, no
 * Node built-ins), so it runs in untrusted and virtual workspaces and in the browser.
 */

import * as vscode from 'vscode';
import type { LanguageSetting } from '../core/analysis/document-report';
import { useLanguage } from '../core/l10n/messages';
import { AnalysisClient, type WorkerFactory } from './analysis-client';
import { QueryClient } from './query-client';
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
import { OUTLINE_LIMIT_SETTING, registerOutlineStatus } from './outline-status';

/**
 * `startWorker` makes the workers of this kind of extension host (a process, a Web
 * Worker): one analyzes documents, one answers hover and definition questions. Without
 * them, both run in the extension host.
 */
export function activateVtopo(context: vscode.ExtensionContext, host: 'desktop' | 'web', startWorker?: WorkerFactory): void {
  // The texts of src/core in the user's language, here and in the analysis worker (docs/l10n.md).
  const bundle = vscode.l10n.bundle;
  useLanguage(vscode.env.language, bundle);
  const language: LanguageSetting | undefined = bundle ? { kind: 'language', language: vscode.env.language, bundle } : undefined;
  const log = vscode.window.createOutputChannel('VTopo', { log: true });
  // Each diagnostic's code links to its rule in the rule catalog of the user's language.
  const rulesDocument = vscode.Uri.joinPath(context.extensionUri, 'docs', ...(bundle && vscode.env.language.toLowerCase() === 'zh-cn' ? ['zh-cn', 'rules.md'] : ['rules.md']));
  const analyses = new DocumentAnalyses(log);
  const client = new AnalysisClient(startWorker, log, language);
  const diagnostics = new DiagnosticsController(client, rulesDocument);
  const queries = new QueryClient(startWorker, log, language);
  context.subscriptions.push(
    log,
    client,
    queries,
    diagnostics,
    vscode.workspace.onDidOpenTextDocument((document) => void diagnostics.refresh(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      const changes = event.contentChanges.map((change) => ({ offset: change.rangeOffset, removed: change.rangeLength, inserted: change.text.length }));
      queries.recordChange(event.document.uri.toString(), event.document.version, changes);
      diagnostics.recordChange(event);
      diagnostics.schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      diagnostics.clear(document);
      client.forget(document.uri.toString());
      analyses.forget(document.uri);
      queries.forget(document.uri.toString());
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(OUTLINE_LIMIT_SETTING)) diagnostics.refreshAll();
      if (!event.affectsConfiguration('vtopo.rules')) return;
      analyses.invalidate();
      diagnostics.refreshAll();
    }),
    ...registerLanguageFeatures(queries, diagnostics),
    vscode.languages.registerCodeActionsProvider({ language: VTOPO_LANGUAGE }, new QuickFixProvider(diagnostics), QuickFixProvider.metadata),
    ...registerCommands(diagnostics, log, rulesDocument),
    registerImportCommand(log),
  );
  registerPreview(context, analyses, log);
  registerDesigner(context, analyses, log);
  registerSimulation(context, analyses, diagnostics, log);
  registerStatusBar(context, diagnostics);
  registerOutlineStatus(context, diagnostics);
  // The query worker reads each design once its first analysis is done, ahead of the first hover.
  context.subscriptions.push(diagnostics.onDidPublish((report) => {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === report.uri);
    if (document && document.version === report.version) queries.prepare(document);
  }));
  for (const document of vscode.workspace.textDocuments) {
    if (isAnalyzable(document)) void diagnostics.refresh(document);
  }
  log.info(`VTopo activated in the ${host} extension host`);
}
