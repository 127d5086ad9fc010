/**
 * The simulation results panel: one webview, reused, showing the last simulation run by a
 * command or CodeLens. The extension builds the view (src/core/view/simulation-view.ts);
 * the webview draws it under a strict CSP and may only ask for "ready" or an export, which
 * is validated (src/core/view/simulation-protocol.ts) before the host asks where to save.
 */

import * as vscode from 'vscode';
import { EXPORT_FILES, exportReport, type ExportFormat } from '../core/view/simulation-export';
import { parseSimulationPanelMessage, type HostToSimulationPanelMessage } from '../core/view/simulation-protocol';
import { buildSimulationView, reportTitle, type SimulationReport } from '../core/view/simulation-view';
import { saveThroughDialog } from './save-file';
import { basename } from './uris';
import { escapeHtml, webviewHtml } from './webview-html';

const VIEW_TYPE = 'vtopo.simulation';

export class SimulationPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: { readonly report: SimulationReport; readonly designUri: vscode.Uri } | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Opens the panel beside the design (or reuses it) and shows the report. */
  show(report: SimulationReport, designUri: vscode.Uri): void {
    this.shown = { report, designUri };
    const title = vscode.l10n.t('Simulation: {title}', { title: reportTitle(report) });
    if (this.panel) {
      this.panel.title = title;
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      this.send();
      return;
    }
    const mediaRoot = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [mediaRoot],
      retainContextWhenHidden: false,
    });
    panel.webview.html = simulationHtml(panel.webview, mediaRoot);
    const received = panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseSimulationPanelMessage(raw);
      if (!message) {
        this.log.warn('simulation panel sent an invalid message; ignored');
        return;
      }
      if (message.type === 'ready') this.send();
      else void this.export(message.format);
    });
    panel.onDidDispose(() => {
      received.dispose();
      this.panel = undefined;
    });
    this.panel = panel;
  }

  /** The report the panel shows, when it is about this design. */
  reportFor(designUri: vscode.Uri): SimulationReport | undefined {
    return this.panel && this.shown?.designUri.toString() === designUri.toString() ? this.shown.report : undefined;
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private send(): void {
    if (!this.panel || !this.shown) return;
    try {
      const message: HostToSimulationPanelMessage = { type: 'show', view: buildSimulationView(this.shown.report) };
      void this.panel.webview.postMessage(message);
    } catch (error) {
      this.log.error(`simulation view failed: ${String(error)}`);
    }
  }

  private async export(format: ExportFormat): Promise<void> {
    const shown = this.shown;
    if (!shown) return;
    const { extension, filterName } = EXPORT_FILES[format];
    const designName = basename(shown.designUri).replace(/\.vtopo$/, '');
    await saveThroughDialog({
      defaultUri: vscode.Uri.joinPath(shown.designUri, '..', `${designName}-${shown.report.kind}.${extension}`),
      filterName,
      extension,
      title: vscode.l10n.t('Export the simulation as {format}', { format: filterName }),
      what: vscode.l10n.t('simulation'),
      bytes: () => new TextEncoder().encode(exportReport(shown.report, format)),
    }, this.log);
  }
}

function simulationHtml(webview: vscode.Webview, mediaRoot: vscode.Uri): string {
  return webviewHtml({
    webview,
    script: vscode.Uri.joinPath(mediaRoot, 'simulation.js'),
    title: escapeHtml(vscode.l10n.t('VTopo simulation')),
    css: `
  body { margin: 0; padding: 8px 12px; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 16px; }
  h1 { font-size: 1.3em; margin: 4px 0; font-weight: 600; }
  .design { color: var(--vscode-descriptionForeground); }
  .exports { margin-left: auto; display: flex; gap: 6px; }
  button { font-family: inherit; font-size: inherit; }
  button.export { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 10px; cursor: pointer; }
  button.export:hover { background: var(--vscode-button-hoverBackground); }
  .summary { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 10px 0; }
  .summary dt { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
  .summary dd { margin: 0; font-size: 1.2em; font-weight: 600; }
  .summary .wide { flex-basis: 100%; }
  .summary .wide dd { font-size: 1em; font-weight: normal; }
  .notes { margin: 4px 0 8px; padding-left: 18px; color: var(--vscode-descriptionForeground); }
  .tabs { display: flex; gap: 2px; border-bottom: 1px solid var(--vscode-panel-border); margin-top: 8px; }
  .tab { background: none; color: var(--vscode-foreground); border: none; border-bottom: 2px solid transparent; padding: 4px 10px; cursor: pointer; opacity: 0.8; }
  .tab[aria-selected="true"] { border-bottom-color: var(--vscode-focusBorder); opacity: 1; font-weight: 600; }
  .panel { padding: 10px 0; overflow-x: auto; }
  .empty, .caption { color: var(--vscode-descriptionForeground); }
  svg text { fill: var(--vscode-editor-foreground); font-family: var(--vscode-font-family); font-size: 11px; }
  svg .group { font-weight: 600; }
  svg .row-outcome, svg .tick, svg .bar-value { fill: var(--vscode-descriptionForeground); font-size: 10px; }
  svg .row-outcome.failed { fill: var(--vscode-charts-red); }
  svg .grid { stroke: var(--vscode-panel-border); stroke-width: 1; }
  svg .full { stroke: var(--vscode-charts-red); stroke-dasharray: 3 3; }
  svg .track { fill: var(--vscode-editorWidget-background); }
  svg .mark { stroke-width: 1.5; stroke-dasharray: 4 3; }
  svg .mark.failure, svg .mark.fenced, svg .mark.vms-stopped { stroke: var(--vscode-charts-red); }
  svg .mark.isolation, svg .mark.isolation-response { stroke: var(--vscode-charts-purple); }
  svg .mark.partition, svg .mark.quorum-lost { stroke: var(--vscode-charts-blue); }
  svg .mark.isolation-response, svg .mark.quorum-lost, svg .mark.vms-stopped, svg .mark.fenced { stroke-dasharray: 1 2; stroke-width: 2; }
  svg .mark.detection { stroke: var(--vscode-charts-orange); }
  svg .mark.recovery { stroke: var(--vscode-charts-green); }
  svg .mark-label.failure, svg .mark-label.fenced, svg .mark-label.vms-stopped { fill: var(--vscode-charts-red); }
  svg .mark-label.isolation, svg .mark-label.isolation-response { fill: var(--vscode-charts-purple); }
  svg .mark-label.partition, svg .mark-label.quorum-lost { fill: var(--vscode-charts-blue); }
  svg .mark-label.detection { fill: var(--vscode-charts-orange); }
  svg .mark-label.recovery { fill: var(--vscode-charts-green); }
  svg .row-outcome.unreachable-text { fill: var(--vscode-charts-orange); }
  .swatch.mark-swatch { width: 0; height: 12px; border-left: 2px dashed var(--vscode-charts-red); margin: 0 5px; }
  .mark-swatch.isolation, .mark-swatch.isolation-response { border-left-color: var(--vscode-charts-purple); }
  .mark-swatch.partition, .mark-swatch.quorum-lost { border-left-color: var(--vscode-charts-blue); }
  .mark-swatch.isolation-response, .mark-swatch.quorum-lost, .mark-swatch.vms-stopped, .mark-swatch.fenced { border-left-style: dotted; }
  .mark-swatch.detection { border-left-color: var(--vscode-charts-orange); }
  .mark-swatch.recovery { border-left-color: var(--vscode-charts-green); }
  .outage { fill: var(--vscode-charts-red); background: var(--vscode-charts-red); }
  .open { opacity: 0.6; }
  .unreachable { fill: var(--vscode-charts-orange); background: repeating-linear-gradient(45deg, var(--vscode-charts-orange) 0 2px, transparent 2px 5px); }
  svg rect.segment.unreachable { fill: url(#vt-hatch-unreachable); stroke: var(--vscode-charts-orange); stroke-width: 1; }
  .swatch.unreachable { box-sizing: border-box; border: 1px solid var(--vscode-charts-orange); }
  svg .hatch-ground { fill: var(--vscode-charts-orange); opacity: 0.25; }
  svg .hatch-line { stroke: var(--vscode-charts-orange); stroke-width: 3; }
  .booting { fill: var(--vscode-charts-yellow); background: var(--vscode-charts-yellow); }
  .takeover { fill: var(--vscode-charts-green); background: var(--vscode-charts-green); }
  .migrating, .pre-copy, .before { fill: var(--vscode-charts-blue); background: var(--vscode-charts-blue); }
  .after, .dirtied { fill: var(--vscode-charts-orange); background: var(--vscode-charts-orange); }
  .stop-and-copy { fill: var(--vscode-charts-purple); background: var(--vscode-charts-purple); }
  .over, svg .bar.over { fill: var(--vscode-charts-red); background: var(--vscode-charts-red); }
  .legend { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 6px; font-size: 0.9em; }
  .legend-item { display: inline-flex; align-items: center; gap: 4px; }
  .swatch { display: inline-block; width: 12px; height: 10px; }
  table.results { border-collapse: collapse; min-width: 100%; }
  table.results caption { text-align: left; color: var(--vscode-descriptionForeground); padding-bottom: 4px; }
  table.results th, table.results td { padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
  table.results .right { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  table.results th, table.results td { white-space: nowrap; }
  table.results td:last-child { white-space: normal; min-width: 12em; }
  table.results td.col-elements { white-space: normal; overflow-wrap: anywhere; min-width: 6em; max-width: 10em; }
  table.results .left { text-align: left; }
  table.results tbody tr:hover { background: var(--vscode-list-hoverBackground); }
  button.sort { background: none; border: none; color: var(--vscode-foreground); font-weight: 600; padding: 0; cursor: pointer; }
  button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }`,
    body: `<main id="app" aria-live="polite"><p class="empty">${escapeHtml(vscode.l10n.t('Simulating...'))}</p></main>`,
  });
}
