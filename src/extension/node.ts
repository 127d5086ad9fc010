// Entry of the desktop extension host (Node). Everything lives in ./activate, which uses
// only the VS Code API so that the web entry shares it; this entry adds the analysis worker,
// a Node process running dist/extension/analysis-worker.js (./analysis-process), and loads
// the features used on demand from their own bundle, dist/extension/on-demand.js.
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { activateVtopo } from './activate';
import { startAnalysisProcess } from './analysis-process';
import type { OnDemandModule } from './load-on-demand';

export function activate(context: vscode.ExtensionContext): void {
  const bundles = join(context.extensionPath, 'dist', 'extension');
  const script = join(bundles, 'analysis-worker.js');
  const onDemand = join(bundles, 'on-demand.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use; a path esbuild cannot follow keeps it out of this bundle
  const loadOnDemand = () => require(onDemand) as OnDemandModule;
  activateVtopo(context, 'desktop', loadOnDemand, (role) => startAnalysisProcess(script, { args: [role] }));
}
