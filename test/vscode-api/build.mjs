// @ts-check
// Builds the API test extension: src/main.ts (+ mocha) -> out/main.js,
// suite/*.test.ts -> out/suite/*.test.js. Usage: node test/vscode-api/build.mjs
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const API_TEST_DIR = path.dirname(fileURLToPath(import.meta.url));

export async function buildApiTests() {
  const out = path.join(API_TEST_DIR, 'out');
  fs.rmSync(out, { recursive: true, force: true });
  /** @type {esbuild.BuildOptions} */
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at runtime.
    logOverride: { 'require-resolve-not-external': 'silent' },
    absWorkingDir: API_TEST_DIR,
  };
  await esbuild.build({ ...common, entryPoints: [path.join(API_TEST_DIR, 'src', 'main.ts')], outfile: path.join(out, 'main.js') });
  const suiteDir = path.join(API_TEST_DIR, 'suite');
  const suites = fs.readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(suiteDir, f));
  if (suites.length) {
    // Each suite file is its own bundle; describe/it are mocha globals at load time.
    await esbuild.build({ ...common, entryPoints: suites, outdir: path.join(out, 'suite') });
  }
  return { dir: API_TEST_DIR, out, suites };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await buildApiTests();
  console.log(`built ${r.suites.length} API suite file(s) into ${path.relative(process.cwd(), r.out)}`);
}
