/**
 * The N-1 status bar item for the active .vtopo editor: "N-1 OK" or "N-1: 3 VMs cannot
 * restart", a tooltip naming the worst host per cluster, and a click that opens the
 * Problems panel. It reads the cached analysis of the document's version, and refreshes
 * when diagnostics are published (the analysis exists by then), never on each keystroke.
 */

import * as vscode from 'vscode';
import { ruleOption } from '../core/analysis/engine';
import { ruleMeta } from '../core/analysis/rules';
import { worstSingleHostFailure } from '../core/capacity/n1';
import { lanVerdict, n1StatusText } from '../core/capacity/status';
import type { Topology } from '../core/model/topology';
import type { DocumentAnalyses } from './analyses';
import { isAnalyzable } from './diagnostics';
import { readSettings } from './settings';

const HEADROOM_RULE = 'n1-headroom';
const HEADROOM_OPTION = 'headroomPercent';

export function registerStatusBar(context: vscode.ExtensionContext, analyses: DocumentAnalyses): void {
  const item = vscode.window.createStatusBarItem('vtopo.n1', vscode.StatusBarAlignment.Left, 100);
  item.name = 'VTopo N-1 capacity';
  item.command = 'workbench.actions.view.problems';

  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const analyzed = document && isAnalyzable(document) ? analyses.current(document) : undefined;
    if (!document || !analyzed) {
      item.hide();
      return;
    }
    const topology = analyzed.analysis.topology;
    const status = n1StatusText(worstSingleHostFailure(topology), headroomThreshold(topology, document.uri), lanVerdict(topology, analyzed.analysis.findings));
    item.text = status.text;
    item.tooltip = status.tooltip;
    item.backgroundColor = status.ok ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    item.show();
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active !== undefined && event.uris.some((uri) => uri.toString() === active)) update();
    }),
  );
  update();
}

/** The n1-headroom threshold as the analyzer applies it: the file's, else the settings', else the rule's default. */
function headroomThreshold(topology: Topology, uri: vscode.Uri): number {
  const meta = ruleMeta(HEADROOM_RULE);
  return meta ? ruleOption(topology, { rules: readSettings(uri).rules }, meta, HEADROOM_OPTION) : 0;
}
