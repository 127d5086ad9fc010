/**
 * The design the user is looking at: the document of the active text editor when it is a
 * .vtopo file, else the one the active designer tab edits (a custom editor is not a text
 * editor, so VS Code reports no active text editor while the canvas has the focus). Every
 * command that acts on "the current design" asks here, so it works from either view.
 */

import * as vscode from 'vscode';
import { DESIGNER_VIEW_TYPE } from './contributions';
import { VTOPO_LANGUAGE } from './diagnostics';

/** The URI of the design in the active text editor or the active designer tab, if any. */
export function activeDesignUri(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === VTOPO_LANGUAGE) return editor.document.uri;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom && input.viewType === DESIGNER_VIEW_TYPE ? input.uri : undefined;
}

/** The document of activeDesignUri (a designer's document is open already: this only finds it). */
export async function activeDesignDocument(): Promise<vscode.TextDocument | undefined> {
  const uri = activeDesignUri();
  return uri && vscode.workspace.openTextDocument(uri);
}

/** Fires when the active text editor or the active tab changes: the current design may have. */
export function onDidChangeActiveDesign(listener: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(listener),
    vscode.window.tabGroups.onDidChangeTabs(listener),
    vscode.window.tabGroups.onDidChangeTabGroups(listener),
  );
}
