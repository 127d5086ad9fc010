// @ts-check
// Runs the designer webview test: builds the bundle's inputs (messages and the test page)
// with tsx, then the fake-host test in headless Chromium. Expects `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const out = process.argv[2] ?? 'test-output/designer-webview';
if (!existsSync('dist/webview/designer.js')) {
  console.error('dist/webview/designer.js is missing: run `npm run build` first');
  process.exit(1);
}
const built = spawnSync(process.execPath, ['--import', 'tsx', 'test/webview/designer-messages.ts', out], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const run = spawnSync(process.execPath, ['test/webview/designer.fake-host.mjs', out], { stdio: 'inherit' });
process.exit(run.status ?? 1);
