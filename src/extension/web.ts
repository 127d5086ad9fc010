// Entry of the web extension host (vscode.dev, code-server in the browser): the same
// activation as the desktop one, bundled for the browser. The analysis worker is a Web
// Worker made from dist/extension/analysis-worker-web.js, read through the VS Code file
// system (the extension's files may be on another origin) and started from a blob URL.
import * as vscode from 'vscode';
import { activateVtopo } from './activate';
import type { WorkerPort, WorkerRole } from './analysis-client';
import * as onDemand from './on-demand';

export function activate(context: vscode.ExtensionContext): void {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'extension', 'analysis-worker-web.js');
  // A web extension is one file: the features used on demand are in it.
  activateVtopo(context, 'web', () => onDemand, typeof Worker === 'function' ? (role) => startWorker(script, role) : undefined);
}

async function startWorker(script: vscode.Uri, role: WorkerRole): Promise<WorkerPort> {
  const source = await vscode.workspace.fs.readFile(script);
  const url = URL.createObjectURL(new Blob([new TextDecoder().decode(source)], { type: 'text/javascript' }));
  const worker = new Worker(url, { name: role === 'queries' ? 'VTopo queries' : 'VTopo analysis' });
  return {
    post: (request) => worker.postMessage(request),
    onReply: (listener) => worker.addEventListener('message', (event: MessageEvent<unknown>) => listener(event.data)),
    onFailure: (listener) => worker.addEventListener('error', (event) => listener(event.message || 'the worker script failed')),
    terminate: () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    },
  };
}
