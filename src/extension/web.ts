// Entry of the web extension host (vscode.dev, code-server in the browser): the same
// activation as the desktop one, bundled for the browser.
import type * as vscode from 'vscode';
import { activateVtopo } from './activate';

export function activate(context: vscode.ExtensionContext): void {
  activateVtopo(context, 'web');
}
