/**
 * The desktop analysis worker as a process of its own (docs/performance.md): a Node process
 * forked from the extension host, as language servers are, talking over Node's IPC channel
 * with structured-clone serialization (the packed outline's Int32Array crosses as is). Its
 * memory is its own, so a big design's parse no longer swells the extension host that
 * every other extension shares, and if it dies, the extension host does not.
 *
 * Nothing here uses the VS Code API, so the unit tests start the real process.
 */

import { fork } from 'node:child_process';
import type { WorkerPort } from './analysis-client';

/** How much of the process's standard error to keep for the log when it fails (the end of it says why). */
const STDERR_KEPT = 2_000;

export interface AnalysisProcessOptions {
  /** Passed to the script: its role, which names the process (`VTopo analysis`, `VTopo queries`). */
  readonly args?: readonly string[];
  /** Node options for the process (not the extension host's, which may hold a debugger port). */
  readonly execArgv?: readonly string[];
}

/** Starts the analysis process running `script`; resolves once it runs, rejects if it cannot start. */
export function startAnalysisProcess(script: string, options: AnalysisProcessOptions = {}): Promise<WorkerPort> {
  const child = fork(script, [...(options.args ?? [])], {
    execArgv: [...(options.execArgv ?? [])],
    // In VS Code's own extension host the executable is Electron's, which runs as Node with this.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT);
  });
  const lastWords = () => {
    const text = stderr.trim();
    return text ? `: ${text.split('\n').slice(-3).join(' ')}` : '';
  };
  // Neither the process nor its channel may keep the extension host alive on its own.
  child.unref();
  child.channel?.unref();
  let stopping = false;
  const port: WorkerPort = {
    post: (message) => {
      if (child.connected) child.send(message);
    },
    onReply: (listener) => child.on('message', listener),
    onFailure: (listener) => {
      child.on('error', (error) => listener(error.message));
      child.on('exit', (code, signal) => {
        if (!stopping) listener(`it exited with ${signal ? `signal ${signal}` : `code ${code}`}${lastWords()}`);
      });
    },
    terminate: () => {
      stopping = true;
      child.kill();
    },
  };
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(port));
    child.once('error', reject);
  });
}
