/**
 * Extension activation (goal < 100 ms): in a fresh plain-Node process per run
 * (bench/activation-child.mjs), the time to require dist/extension/node.js and the time of
 * its activate(context), against a stub `vscode` module and with no document open, and
 * then the cost activation leaves for later: loading dist/extension/on-demand.js and
 * starting its features, once, at the first use of the designer, a simulation, the import
 * or completion. This is our code's activation, measured outside VS Code with a stub API:
 * the extension host's own work (finding and starting the extension, the real
 * registrations, IPC to the window) is not in it. One warm-up process, then the median of
 * `runs`.
 *
 *   npm run bench -- --only activation
 */

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildKind, ensureBuilt, ROOT } from './bundles';
import { median, table, type GoalFigure } from './measure';

interface ActivationFigures {
  readonly loadMs: number;
  readonly activateMs: number;
  readonly firstUseMs: number;
  readonly subscriptions: number;
  readonly calls: Readonly<Record<string, number>>;
}

function activateOnce(bundle: string): ActivationFigures {
  const child = spawnSync(process.execPath, [join(ROOT, 'bench', 'activation-child.mjs'), bundle], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`activating ${bundle} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ActivationFigures;
}

/** Prints load and activate() times of the desktop extension. */
export function benchActivation(runs: number): GoalFigure[] {
  ensureBuilt();
  const bundle = join(ROOT, 'dist', 'extension', 'node.js');
  activateOnce(bundle);
  const samples = Array.from({ length: runs }, () => activateOnce(bundle));
  const loadMs = median(samples.map((s) => s.loadMs));
  const activateMs = median(samples.map((s) => s.activateMs));
  const totalMs = median(samples.map((s) => s.loadMs + s.activateMs));
  const firstUseMs = median(samples.map((s) => s.firstUseMs));
  const last = samples[samples.length - 1];
  const calls = last ? Object.values(last.calls).reduce((sum, n) => sum + n, 0) : 0;
  const commands = last?.calls['vscode.commands.registerCommand'] ?? 0;

  console.log(`\nextension activation: our code's activation, measured outside VS Code with a stub API (no document open)`);
  console.log(`dist/extension/node.js from ${buildKind()}; median of ${runs} fresh processes after 1 warm-up; node ${process.version}\n`);
  console.log(table(['step', 'ms'], [
    ['require dist/extension/node.js', loadMs.toFixed(1)],
    ['activate(context)', activateMs.toFixed(2)],
    ['activation (both)', totalMs.toFixed(1)],
    ['later, once: require dist/extension/on-demand.js + start', firstUseMs.toFixed(1)],
  ]));
  console.log(`\nactivate() made ${calls} calls to the stub API (${commands} commands registered) and left ${last?.subscriptions ?? 0} subscriptions; goal < 100 ms.`);
  console.log('The designer, preview, simulations, design review, import, completion and the in-host analysis load on first use (src/extension/on-demand.ts).');
  return [{ what: 'activation: require + activate() (stub API)', value: totalMs, unit: 'ms', limit: 100, strict: true }];
}
