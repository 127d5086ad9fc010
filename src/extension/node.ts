// Entry of the desktop extension host (Node). Everything lives in ./activate, which uses
// only the VS Code API so that the web entry shares it; this entry adds the analysis worker,
// a Node process running dist/extension/analysis-worker.js (./analysis-process).
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { activateVtopo } from './activate';
import { startAnalysisProcess } from './analysis-process';

export function activate(context: vscode.ExtensionContext): void {
  const script = join(context.extensionPath, 'dist', 'extension', 'analysis-worker.js');
  activateVtopo(context, 'desktop', (role) => startAnalysisProcess(script, { args: [role] }));
}
