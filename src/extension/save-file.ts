/**
 * Saving an export (a simulation report, a picture of the design) where the user picks:
 * VS Code's save dialog, then the bytes, then a message saying where they went or why not.
 */

import * as vscode from 'vscode';

export interface SaveRequest {
  /** The file the dialog suggests. */
  readonly defaultUri: vscode.Uri;
  /** The dialog's file type, e.g. `SVG image`, and its extension without the dot. */
  readonly filterName: string;
  readonly extension: string;
  readonly title: string;
  /** What was exported, for the message, in the user's language: `design review`, `simulation`. */
  readonly what: string;
  /** The content, made only once the user has picked a file. */
  readonly bytes: () => Uint8Array;
}

export async function saveThroughDialog(request: SaveRequest, log: vscode.LogOutputChannel): Promise<void> {
  const target = await vscode.window.showSaveDialog({ defaultUri: request.defaultUri, filters: { [request.filterName]: [request.extension] }, title: request.title });
  if (!target) return;
  try {
    await vscode.workspace.fs.writeFile(target, request.bytes());
    void vscode.window.showInformationMessage(vscode.l10n.t('VTopo: {what} exported to {file}.', { what: request.what, file: vscode.workspace.asRelativePath(target) }));
  } catch (error) {
    log.error(`export to ${target.toString()} failed: ${String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('VTopo: could not write {file}: {reason}', { file: vscode.workspace.asRelativePath(target), reason: error instanceof Error ? error.message : String(error) }));
  }
}
