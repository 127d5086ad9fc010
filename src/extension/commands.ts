/** The commands of the palette's "VTopo" category (titles in package.json). */

import * as vscode from 'vscode';
import { findingCount } from '../core/analysis/rule';
import type { DiagnosticsController } from './diagnostics';

export interface WorkspaceCheck {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
}

export function registerCommands(
  diagnostics: DiagnosticsController,
  log: vscode.LogOutputChannel,
  rulesDocument: vscode.Uri,
): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('vtopo.checkWorkspace', () => checkWorkspace(diagnostics, log)),
    vscode.commands.registerCommand('vtopo.showOutput', () => log.show(true)),
    vscode.commands.registerCommand('vtopo.openRuleDocs', () => openRuleDocs(rulesDocument, log)),
  ];
}

/**
 * Opens every design in the workspace so that its problems appear in the Problems view,
 * and returns the counts (also for tests: `executeCommand('vtopo.checkWorkspace')`).
 */
async function checkWorkspace(diagnostics: DiagnosticsController, log: vscode.LogOutputChannel): Promise<WorkspaceCheck> {
  const uris = await vscode.workspace.findFiles('**/*.vtopo', '**/node_modules/**');
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('VTopo: checking designs'), cancellable: true },
    async (progress, token) => {
      let files = 0;
      let errors = 0;
      let warnings = 0;
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
        try {
          const document = await vscode.workspace.openTextDocument(uri);
          const findings = (await diagnostics.refresh(document))?.findings ?? [];
          files++;
          // A rule's summary finding counts the findings it leaves unlisted.
          for (const finding of findings) {
            if (finding.severity === 'error') errors += findingCount(finding);
            else if (finding.severity === 'warning') warnings += findingCount(finding);
          }
        } catch (error) {
          log.error(`Could not open ${uri.toString()}:`, error instanceof Error ? error : String(error));
        }
      }
      return { files, errors, warnings };
    },
  );
  const summary = uris.length === 0
    ? vscode.l10n.t('VTopo: no .vtopo files in this workspace.')
    : vscode.l10n.t('VTopo checked {designs}: {errors}, {warnings}.', {
      designs: result.files === 1 ? vscode.l10n.t('1 design') : vscode.l10n.t('{count} designs', { count: result.files }),
      errors: result.errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{count} errors', { count: result.errors }),
      warnings: result.warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{count} warnings', { count: result.warnings }),
    });
  log.info(`Checked ${result.files} of ${uris.length} designs: ${result.errors} errors, ${result.warnings} warnings`);
  void vscode.window.showInformationMessage(summary);
  return result;
}

/** The rule reference, rendered when the Markdown extension is there, as text otherwise. */
async function openRuleDocs(rulesDocument: vscode.Uri, log: vscode.LogOutputChannel): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', rulesDocument);
  } catch (error) {
    log.warn('Markdown preview unavailable, opening the rule documentation as text:', error instanceof Error ? error.message : String(error));
    await vscode.window.showTextDocument(rulesDocument);
  }
}
