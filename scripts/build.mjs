// @ts-check
// Builds every bundle with esbuild: the extension for desktop (Node) and web (browser)
// hosts, the webview app, and the `vtopo` CLI, and copies the codicon font the designer's
// toolbar uses. `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  target: 'es2022',
};

/** @type {(esbuild.BuildOptions & { entryPoints: string[] })[]} */
const allTargets = [
  { ...common, entryPoints: ['src/extension/node.ts'], outfile: 'dist/extension/node.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  // What the desktop extension loads on first use (src/extension/on-demand.ts), kept out of activation.
  { ...common, entryPoints: ['src/extension/on-demand.ts'], outfile: 'dist/extension/on-demand.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { ...common, entryPoints: ['src/extension/web.ts'], outfile: 'dist/extension/web.js', platform: 'browser', format: 'cjs', external: ['vscode'], mainFields: ['browser', 'module', 'main'] },
  { ...common, entryPoints: ['src/worker/node.ts'], outfile: 'dist/extension/analysis-worker.js', platform: 'node', format: 'cjs' },
  { ...common, entryPoints: ['src/worker/web.ts'], outfile: 'dist/extension/analysis-worker-web.js', platform: 'browser', format: 'iife' },
  { ...common, entryPoints: ['src/cli/vtopo.ts'], outfile: 'dist/cli/vtopo.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['webview/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife' },
  { ...common, entryPoints: ['webview/simulation.ts'], outfile: 'dist/webview/simulation.js', platform: 'browser', format: 'iife' },
  { ...common, entryPoints: ['webview/designer.ts'], outfile: 'dist/webview/designer.js', platform: 'browser', format: 'iife' },
];
const targets = allTargets.filter((target) => existsSync(/** @type {string} */ (target.entryPoints[0])));

// The codicon font and its stylesheet, for the designer's toolbar: served from the extension
// (dist/webview is the webview's resource root and is packaged), never from the network;
// its licence (CC BY 4.0) goes with it.
mkdirSync('dist/webview/codicons', { recursive: true });
for (const file of ['dist/codicon.css', 'dist/codicon.ttf', 'LICENSE']) copyFileSync(`node_modules/@vscode/codicons/${file}`, `dist/webview/codicons/${file.replace('dist/', '')}`);

if (watch) {
  const contexts = await Promise.all(targets.map((target) => esbuild.context(target)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(targets.map((target) => esbuild.build(target)));
}
