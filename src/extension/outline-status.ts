/**
 * Says when the outline of the active design is capped (`vtopo.outline.maxItems`): a
 * language status item, as VS Code's JSON support does for `json.maxItemsComputed`, with
 * a link to the setting. Shown only while the active editor's design has more elements
 * than the outline lists.
 */

import * as vscode from 'vscode';
import { formatInteger } from '../core/l10n/format';
import type { DocumentReport } from '../core/analysis/document-report';
import { VTOPO_LANGUAGE, type DiagnosticsController } from './diagnostics';

export const OUTLINE_LIMIT_SETTING = 'vtopo.outline.maxItems';

export function registerOutlineStatus(context: vscode.ExtensionContext, diagnostics: DiagnosticsController): void {
  let item: vscode.LanguageStatusItem | undefined;
  const hide = () => {
    item?.dispose();
    item = undefined;
  };
  const show = (report: DocumentReport) => {
    item ??= vscode.languages.createLanguageStatusItem('vtopo.outlineStatus', { language: VTOPO_LANGUAGE });
    item.name = vscode.l10n.t('VTopo outline');
    item.severity = vscode.LanguageStatusSeverity.Warning;
    item.text = vscode.l10n.t('Outline');
    item.detail = vscode.l10n.t('{shown} of {total} elements listed, for speed', { shown: formatInteger(report.outline.ids.length), total: formatInteger(report.outline.total) });
    item.command = { title: vscode.l10n.t('Configure'), command: 'workbench.action.openSettings', arguments: [OUTLINE_LIMIT_SETTING] };
  };
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const report = document ? diagnostics.lastReport(document) : undefined;
    if (report && report.outline.total > report.outline.ids.length) show(report);
    else hide();
  };
  context.subscriptions.push(
    { dispose: hide },
    vscode.window.onDidChangeActiveTextEditor(update),
    diagnostics.onDidPublish((report) => {
      if (report.uri === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
  );
  update();
}
