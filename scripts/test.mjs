// @ts-check
// `npm test`: installs what is missing, then runs every check in order: types, lint,
// generated docs up to date, unit and property tests, packaging, the designer webview with
// a fake host in headless Chromium, the design review in Chromium, and the tests in a real VS Code (code-server +
// Chromium). Ends with one line: `all: N passed, M failed`.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { ensureDebianPackages, ensureNpmPackages } from './ensure.mjs';

const skipE2e = process.argv.includes('--no-e2e');
const totals = { passed: 0, failed: 0 };
/** @type {string[]} */
const failedSteps = [];

/** @typedef {{ passed: number, failed: number }} Counts */

/**
 * Runs one step; its counts come from `count` (parsed from its standard output) or, if
 * that finds none, are one passed or failed step by the exit code.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {(output: string) => Counts | undefined} [count]
 * @returns {Promise<boolean>} whether the step exited with 0
 */
function run(name, command, args, count) {
  return new Promise((resolve) => {
    console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
    const started = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const counted = count?.(output);
      if (counted) {
        totals.passed += counted.passed;
        totals.failed += counted.failed;
      } else {
        totals[code === 0 ? 'passed' : 'failed'] += 1;
      }
      if (code !== 0) failedSteps.push(name);
      console.log(`=== ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds} s`);
      resolve(code === 0);
    });
  });
}

/**
 * @param {string} output
 * @returns {Counts | undefined}
 */
function nodeTestCounts(output) {
  const pass = /^(?:#|ℹ) pass (\d+)/m.exec(output);
  const fail = /^(?:#|ℹ) fail (\d+)/m.exec(output);
  return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : undefined;
}

/**
 * Counts from a closing line `<name>: N passed, M failed`.
 * @param {string} name
 * @returns {(output: string) => Counts | undefined}
 */
function closingLineCounts(name) {
  return (output) => {
    const match = new RegExp(`^${name}: (\\d+) passed, (\\d+) failed`, 'm').exec(output);
    return match ? { passed: Number(match[1]), failed: Number(match[2]) } : undefined;
  };
}

ensureNpmPackages();
if (!skipE2e) ensureDebianPackages();

const node = process.execPath;
const npx = 'npx';
await run('typecheck', npx, ['tsc', '--noEmit', '-p', '.']);
await run('typecheck of the .mjs scripts and tests', npx, ['tsc', '--noEmit', '-p', 'tsconfig.scripts.json']);
await run('typecheck of the VS Code API tests', npx, ['tsc', '--noEmit', '-p', 'test/vscode-api']);
await run('lint', npx, ['eslint', '.', '--max-warnings', '0']);
await run('docs up to date', node, ['--import', 'tsx', 'scripts/generate-docs.ts', '--check']);
await run('unit and property tests', node, ['scripts/unit-tests.mjs', '--test-reporter=spec'], nodeTestCounts);
const packaged = await run('package', node, ['scripts/package.mjs']);
if (!skipE2e) {
  if (packaged) {
    const vsix = readdirSync('.').filter((f) => f.endsWith('.vsix')).sort().pop();
    process.env.VTOPO_VSIX = vsix;
    await run('designer webview with a fake host (headless Chromium)', node, ['test/webview/run-designer.mjs'], closingLineCounts('designer-webview'));
    await run('design review in Chromium, on screen and in print', node, ['test/report/report.chromium.mjs'], closingLineCounts('report'));
    await run('real VS Code (code-server)', node, ['scripts/test-e2e.mjs'], closingLineCounts('e2e'));
  } else {
    failedSteps.push('real VS Code (skipped: no package)');
    totals.failed += 1;
  }
}

console.log('');
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`all: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
