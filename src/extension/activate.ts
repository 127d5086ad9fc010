/**
 * Activation, shared by the desktop (node.ts) and web (web.ts) entries: wires documents to
 * the analyzer and the language service, and registers the features loaded on first use
 * (load-on-demand.ts). Uses only the VS Code API (no file system, no Node built-ins), so it
 * runs in untrusted and virtual workspaces and in the browser.
 */

import * as vscode from 'vscode';
import type { LanguageSetting } from '../core/analysis/document-report';
import { useLanguage } from '../core/l10n/messages';
import { AnalysisClient, type WorkerFactory } from './analysis-client';
import { QueryClient } from './query-client';
import { registerCommands } from './commands';
import { DiagnosticsController, isAnalyzable, VTOPO_LANGUAGE } from './diagnostics';
import { registerLanguageFeatures } from './language-features';
import { QuickFixProvider } from './quick-fixes';
import { SimulationCodeLenses } from './simulation-lenses';
import { OnDemand, type LoadOnDemand } from './load-on-demand';
import { registerStatusBar } from './status-bar';
import { OUTLINE_LIMIT_SETTING, registerOutlineStatus } from './outline-status';

/**
 * `startWorker` makes the workers of this kind of extension host (a process, a Web
 * Worker): one analyzes documents, one answers hover and definition questions. Without
 * them, both run in the extension host. `loadOnDemand` loads on-demand.ts.
 */
export function activateVtopo(context: vscode.ExtensionContext, host: 'desktop' | 'web', loadOnDemand: LoadOnDemand, startWorker?: WorkerFactory): void {
  // The texts of src/core in the user's language, here and in the analysis worker (docs/l10n.md).
  const bundle = vscode.l10n.bundle;
  useLanguage(vscode.env.language, bundle);
  const language: LanguageSetting | undefined = bundle ? { kind: 'language', language: vscode.env.language, bundle } : undefined;
  const log = vscode.window.createOutputChannel('VTopo', { log: true });
  // Each diagnostic's code links to its rule in the rule catalog of the user's language.
  const rulesDocument = vscode.Uri.joinPath(context.extensionUri, 'docs', ...(bundle && vscode.env.language.toLowerCase() === 'zh-cn' ? ['zh-cn', 'rules.md'] : ['rules.md']));
  const onDemand = new OnDemand(loadOnDemand, context, log);
  const client = new AnalysisClient(startWorker, log, () => onDemand.module.answer, language);
  const diagnostics = new DiagnosticsController(client, rulesDocument);
  const queries = new QueryClient(startWorker, log, () => new onDemand.module.DesignReader(), language);
  const lenses = new SimulationCodeLenses(diagnostics);
  context.subscriptions.push(
    log,
    client,
    queries,
    diagnostics,
    onDemand,
    lenses,
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
      onDemand.forget(document.uri);
      queries.forget(document.uri.toString());
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(OUTLINE_LIMIT_SETTING)) diagnostics.refreshAll();
      if (!event.affectsConfiguration('vtopo.rules')) return;
      onDemand.invalidate();
      diagnostics.refreshAll();
    }),
    ...registerLanguageFeatures(queries, diagnostics, () => onDemand.module.completeAt),
    vscode.languages.registerCodeActionsProvider({ language: VTOPO_LANGUAGE }, new QuickFixProvider(diagnostics), QuickFixProvider.metadata),
    ...registerCommands(diagnostics, log, rulesDocument),
    vscode.languages.registerCodeLensProvider({ language: VTOPO_LANGUAGE }, lenses),
    ...onDemand.register(),
  );
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
