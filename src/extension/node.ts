// Entry of the desktop extension host (Node). Everything lives in ./activate, which uses
// only the VS Code API so that the web entry shares it.
import type * as vscode from 'vscode';
import { activateVtopo } from './activate';

export function activate(context: vscode.ExtensionContext): void {
  activateVtopo(context, 'desktop');
}
