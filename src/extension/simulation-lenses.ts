/**
 * "Simulate failure" above each host, switch, controller, array, NIC (or CNA) and virtual
 * switch id, from the analysis worker's report on the document (never a parse here). Part
 * of activation; the simulation a lens runs is loaded on first use (on-demand.ts).
 */

import * as vscode from 'vscode';
import type { DocumentReport } from '../core/analysis/document-report';
import type { ComponentKind, ComponentRef } from '../core/simulation/types';
import { SIMULATION_COMMANDS } from './contributions';
import type { DiagnosticsController } from './diagnostics';
import { fromLineRange } from './ranges';

/** A lens and what it simulates; its command is made when the lens comes into view. */
class SimulationLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly uri: vscode.Uri, readonly target: ComponentRef) {
    super(range);
  }
}

export class SimulationCodeLenses implements vscode.CodeLensProvider<SimulationLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** The lenses of each document's last report. */
  private readonly shown = new Map<string, DocumentReport['lenses']>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly diagnostics: DiagnosticsController) {
    this.subscriptions = [
      this.changed,
      // VS Code asks for the lenses again after each edit by itself; a report whose lenses
      // changed asks too. Asking after every report made the editor take the large design's
      // 1,000 lenses again on each keystroke. A report that kept its lenses keeps their list.
      diagnostics.onDidPublish((report) => {
        if (this.shown.get(report.uri) === report.lenses) return;
        this.shown.set(report.uri, report.lenses);
        this.changed.fire();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.shown.delete(document.uri.toString())),
    ];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /**
   * Each report's lenses, converted once (VS Code asks again as the editor scrolls and after
   * each report); a report whose lenses did not change shares the last one's list.
   */
  private readonly converted = new WeakMap<DocumentReport['lenses'], SimulationLens[]>();

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<SimulationLens[]> {
    const report = await this.diagnostics.reportOn(document, token);
    if (!report || report.version !== document.version) return [];
    let lenses = this.converted.get(report.lenses);
    if (!lenses) {
      // A large design has a lens on each of its thousand hosts: ranges only here, commands in resolveCodeLens.
      lenses = report.lenses.map(({ ref, idRange }) => new SimulationLens(fromLineRange(idRange), document.uri, ref));
      this.converted.set(report.lenses, lenses);
    }
    return lenses;
  }

  /** The command of a lens in view. */
  resolveCodeLens(lens: SimulationLens): SimulationLens {
    const { uri, target } = lens;
    const title = vscode.l10n.t('Simulate failure');
    const tooltip = vscode.l10n.t('Simulate the failure of {component}', { component: componentText(target) });
    lens.command = target.kind === 'host'
      ? { title, tooltip, command: SIMULATION_COMMANDS.hostFailure, arguments: [uri, target.id] }
      : { title, tooltip, command: SIMULATION_COMMANDS.componentFailure, arguments: [uri, target] };
    return lens;
  }
}

/** A kind of component as people name it, in the user's language: `virtual switch`, `power feed`. */
export function componentKindText(kind: ComponentKind): string {
  switch (kind) {
    case 'host': return vscode.l10n.t('host');
    case 'switch': return vscode.l10n.t('switch');
    case 'adapter': return vscode.l10n.t('adapter');
    case 'port': return vscode.l10n.t('port');
    case 'link': return vscode.l10n.t('link');
    case 'controller': return vscode.l10n.t('controller');
    case 'array': return vscode.l10n.t('array');
    case 'datastore': return vscode.l10n.t('datastore');
    case 'virtual-switch': return vscode.l10n.t('virtual switch');
    case 'stack': return vscode.l10n.t('stack');
    case 'site': return vscode.l10n.t('site');
    case 'rack': return vscode.l10n.t('rack');
    case 'chassis': return vscode.l10n.t('chassis');
    case 'power-feed': return vscode.l10n.t('power feed');
    case 'site-link': return vscode.l10n.t('site link');
  }
}

/** A component for the messages: `host esx-01`. */
export function componentText(ref: ComponentRef): string {
  return vscode.l10n.t('{kind} {id}', { kind: componentKindText(ref.kind), id: ref.id });
}

