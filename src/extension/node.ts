// Entry of the desktop extension host (Node). Everything lives in ./activate, which uses
// only the VS Code API so that the web entry shares it; this entry adds the analysis worker,
// a Node worker thread running dist/extension/analysis-worker.js.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import { activateVtopo } from './activate';
import type { WorkerPort } from './analysis-client';

export function activate(context: vscode.ExtensionContext): void {
  activateVtopo(context, 'desktop', () => Promise.resolve(startWorker(join(context.extensionPath, 'dist', 'extension', 'analysis-worker.js'))));
}

function startWorker(script: string): WorkerPort {
  const worker = new Worker(script, { name: 'VTopo analysis' });
  // The worker must not keep the extension host alive on its own.
  worker.unref();
  return {
    post: (request) => worker.postMessage(request),
    onReply: (listener) => worker.on('message', listener),
    onFailure: (listener) => {
      worker.on('error', (error) => listener(error.message));
      worker.on('exit', (code) => listener(`it exited with code ${code}`));
    },
    terminate: () => void worker.terminate(),
  };
}
