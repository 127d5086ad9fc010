/**
 * The built bundles: `dist/` from `npm run build` (built first when it is missing), and the
 * size of each JavaScript file of the extension, the CLI and the webviews.
 *
 *   npm run bench -- --only bundles
 */

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { table } from './measure';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE_DIRS = ['dist/extension', 'dist/cli', 'dist/webview'] as const;

/** Builds with `npm run build` unless dist/extension/node.js is there; says which. */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'extension', 'node.js'))) return;
  console.log('\ndist/ is missing: npm run build');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}

/**
 * How dist/ was built: the development build writes source maps with the bundles, the
 * packaging one (--production) is minified without (and leaves older maps in place, so a
 * map counts only if it was written with its bundle).
 */
export function buildKind(): string {
  const bundle = statSync(join(ROOT, 'dist', 'extension', 'node.js')).mtimeMs;
  const map = join(ROOT, 'dist', 'extension', 'node.js.map');
  const dated = new Date(bundle).toISOString().slice(0, 16).replace('T', ' ');
  return existsSync(map) && Math.abs(statSync(map).mtimeMs - bundle) < 10_000
    ? `npm run build (not minified, as in development; the .vsix is built minified), ${dated} UTC`
    : `minified (--production, as packaged), ${dated} UTC`;
}

/** Prints the size of each .js file in the bundle folders. */
export function benchBundles(): void {
  ensureBuilt();
  const rows: string[][] = [];
  let total = 0;
  for (const dir of BUNDLE_DIRS) {
    const absolute = join(ROOT, dir);
    if (!existsSync(absolute)) continue;
    for (const name of readdirSync(absolute).filter((file) => file.endsWith('.js')).sort()) {
      const bytes = statSync(join(absolute, name)).size;
      total += bytes;
      rows.push([`${dir}/${name}`, bytes.toLocaleString('en-US'), (bytes / 1024).toFixed(0)]);
    }
  }
  rows.push(['total', total.toLocaleString('en-US'), (total / 1024).toFixed(0)]);
  console.log(`\nbundle sizes, *.js in ${BUNDLE_DIRS.join(', ')}; dist/ from ${buildKind()}\n`);
  console.log(table(['file', 'bytes', 'KB'], rows));
}
