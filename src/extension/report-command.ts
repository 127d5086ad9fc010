/**
 * "VTopo: Export Design Review...": the design review (src/core/report) of the design in the
 * active text editor or designer, as HTML or Markdown, saved where the user picks. The
 * simulation shown in the results panel for the same design can go in with it. Tests pass
 * the design, the format and the target file as arguments and get the target back.
 */

import * as vscode from 'vscode';
import { REPORT_FILES, REPORT_FORMATS, renderReview, type ReportFormat } from '../core/report/formats';
import { reviewOf } from '../core/report/review';
import { reportTitle } from '../core/view/simulation-view';
import type { DocumentAnalyses } from './analyses';
import { activeDesignDocument } from './active-design';
import { saveThroughDialog } from './save-file';
import { readSettings } from './settings';
import type { SimulationPanel } from './simulation-panel';
import { basename } from './uris';
import { EXPORT_REVIEW_COMMAND, type CommandHandlers } from './contributions';

/** The formats to pick from, described in the user's language (asked when shown, after activation). */
function formatItems(): (vscode.QuickPickItem & { readonly format: ReportFormat })[] {
  return [
    { label: 'HTML', description: vscode.l10n.t('one file to send or print to PDF: scorecard, diagram, charts, findings'), format: 'html' },
    { label: 'Markdown', description: vscode.l10n.t('for a wiki or a pull request (no diagram)'), format: 'md' },
  ];
}

export function designReviewCommands(context: vscode.ExtensionContext, analyses: DocumentAnalyses, panel: SimulationPanel, log: vscode.LogOutputChannel): CommandHandlers<typeof EXPORT_REVIEW_COMMAND> {
  const manifest: unknown = context.extension.packageJSON;
  const version = manifest !== null && typeof manifest === 'object' && 'version' in manifest && typeof manifest.version === 'string' ? manifest.version : 'unknown';
  const world = { analyses, panel, log, version };
  return { [EXPORT_REVIEW_COMMAND]: (uri?: unknown, format?: unknown, target?: unknown) => exportReview(world, uri, format, target) };
}

interface ReviewWorld {
  readonly analyses: DocumentAnalyses;
  readonly panel: SimulationPanel;
  readonly log: vscode.LogOutputChannel;
  /** The extension's version, named in the review. */
  readonly version: string;
}

async function exportReview({ analyses, panel, log, version }: ReviewWorld, uri: unknown, formatArgument: unknown, target: unknown): Promise<vscode.Uri | undefined> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : await activeDesignDocument();
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a .vtopo file first, then run "VTopo: {command}".', { command: vscode.l10n.t('Export Design Review...') }));
    return undefined;
  }
  const analyzed = analyses.current(document);
  if (!analyzed?.topology.file) {
    void vscode.window.showErrorMessage(vscode.l10n.t('VTopo: {file} could not be read as a design; see the Problems view.', { file: vscode.workspace.asRelativePath(document.uri) }));
    return undefined;
  }
  const format = REPORT_FORMATS.find((candidate) => candidate === formatArgument) ?? (await vscode.window.showQuickPick(formatItems(), { title: vscode.l10n.t('Export design review: which format?') }))?.format;
  if (format === undefined) return undefined;
  const shown = panel.reportFor(document.uri);
  let simulations = shown ? [shown] : [];
  if (shown && !(target instanceof vscode.Uri)) {
    const [includeIt, leaveItOut] = [vscode.l10n.t('Include it'), vscode.l10n.t('Leave it out')];
    const include = await vscode.window.showQuickPick([includeIt, leaveItOut], {
      title: vscode.l10n.t('Export design review: the results panel shows "{simulation}" for this design. Include it?', { simulation: reportTitle(shown) }),
    });
    if (include === undefined) return undefined;
    if (include === leaveItOut) simulations = [];
  }
  const name = basename(document.uri);
  const render = () => {
    const review = reviewOf(analyzed.text, analyzed.analysis, { fileName: name, version, analysis: { rules: readSettings(document.uri).rules }, simulations });
    return new TextEncoder().encode(renderReview(review, format));
  };
  const { extension, filterName } = REPORT_FILES[format];
  if (target instanceof vscode.Uri) {
    await vscode.workspace.fs.writeFile(target, render());
    return target;
  }
  await saveThroughDialog({
    defaultUri: vscode.Uri.joinPath(document.uri, '..', `${name.replace(/\.vtopo$/, '')}-review.${extension}`),
    filterName,
    extension,
    title: vscode.l10n.t('Export Design Review'),
    what: vscode.l10n.t('design review'),
    bytes: render,
  }, log);
  return undefined;
}
