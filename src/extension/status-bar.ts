/**
 * The N-1 status bar item for the design in the active .vtopo text editor or designer: "N-1 OK" or "N-1: 3 VMs cannot
 * restart", a tooltip naming the worst host per cluster, and a click that opens the
 * Problems panel. The analysis worker computes the text with the findings
 * (core/analysis/document-report.ts); the item shows the latest report on the active
 * document, never computing anything itself.
 */

import * as vscode from 'vscode';
import type { DiagnosticsController } from './diagnostics';
import { isAnalyzable } from './diagnostics';
import { activeDesignUri, onDidChangeActiveDesign } from './active-design';

export function registerStatusBar(context: vscode.ExtensionContext, diagnostics: DiagnosticsController): void {
  const item = vscode.window.createStatusBarItem('vtopo.n1', vscode.StatusBarAlignment.Left, 100);
  item.name = vscode.l10n.t('VTopo N-1 capacity');
  item.command = 'workbench.actions.view.problems';

  const update = () => {
    const uri = activeDesignUri()?.toString();
    const document = uri === undefined ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    const status = document && isAnalyzable(document) ? diagnostics.lastReport(document)?.n1 : undefined;
    if (!status) {
      item.hide();
      return;
    }
    item.text = status.text;
    item.tooltip = status.tooltip;
    item.backgroundColor = status.ok ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    item.show();
  };

  context.subscriptions.push(
    item,
    onDidChangeActiveDesign(update),
    diagnostics.onDidPublish((report) => {
      if (report.uri === activeDesignUri()?.toString()) update();
    }),
  );
  update();
}
