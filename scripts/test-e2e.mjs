#!/usr/bin/env node
// @ts-check
// End-to-end tests in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) + Chromium.
//
//   node scripts/test-e2e.mjs [--grep <regex>] [--api-only | --ui-only] [--keep]
//
// Env:
//   VTOPO_VSIX=path.vsix     extension under test (default: newest *.vsix in the repo root)
//   VTOPO_E2E_TIMEOUT=ms     hard limit for the whole run (default 1500000)
//   VTOPO_CHROMIUM=path      browser (default /usr/bin/chromium)
//
// (a) API suite: test/vscode-api (mocha inside the extension host) writes results.json.
// (b) UI journeys: every exported async function of test/e2e/*.e2e.mjs is a test; it
//     gets { page, workspace, server, name, screenshot } with the workbench already
//     open on a fresh copy of test/e2e/fixtures/workspace/ (+ the module's `files` and
//     the function's `.files`). Optional per-test `fn.timeout` (ms, default 90000) and
//     `fn.settings` (extra user settings), `fn.locale` (display language, e.g. 'zh-cn': the
//     workbench runs with --locale and the test language pack of
//     test/e2e/fixtures/language-pack-<locale>, which makes VS Code give extensions that
//     language; VS Code's own texts stay English, as its real language pack is not
//     available offline).
// Screenshots and logs: test-output/e2e/. Last line: "e2e: N passed, M failed".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureCodeServer, installExtension, packageExtensionFolder, startCodeServer } from './code-server.mjs';

/** @import { Browser, BrowserContext, Page } from 'playwright-core' */
/** @import { CodeServer } from './code-server.mjs' */
/** @import { Journey } from '../test/e2e/lib.mjs' */

/**
 * A UI journey to run: its test function and what its module and the function add.
 * @typedef {object} JourneyTest
 * @property {string} name
 * @property {Journey} fn
 * @property {Record<string, string>} files
 * @property {Record<string, unknown>} settings
 * @property {number} timeout
 * @property {string | undefined} locale
 */

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const E2E_DIR = path.join(REPO_ROOT, 'test', 'e2e');
const FIXTURE_WORKSPACE = path.join(E2E_DIR, 'fixtures', 'workspace');
const OUTPUT_DIR = path.join(REPO_ROOT, 'test-output', 'e2e');
const CHROMIUM = process.env.VTOPO_CHROMIUM ?? '/usr/bin/chromium';
const RUN_TIMEOUT = Number(process.env.VTOPO_E2E_TIMEOUT ?? 25 * 60_000);
const API_TIMEOUT = Number(process.env.VTOPO_API_TIMEOUT ?? 180_000);
const DEFAULT_TEST_TIMEOUT = 90_000;
const VIEWPORT = { width: 1400, height: 900 };

const args = process.argv.slice(2);
/** @param {string} name */
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const grepSource = opt('--grep');
const grep = grepSource ? new RegExp(grepSource) : undefined;
const apiOnly = args.includes('--api-only');
const uiOnly = args.includes('--ui-only');
const keep = args.includes('--keep');

/** @type {{ name: string, ok: boolean, ms: number | undefined, error: unknown }[]} */
const results = [];
/** @type {(() => unknown)[]} */
const cleanups = []; // run in reverse at the end
const t0 = Date.now();
/** @param {number} ms */
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
/** @param {string} msg */
const log = (msg) => console.log(msg);

/**
 * @param {string} name
 * @param {boolean} ok
 * @param {number} [ms]
 * @param {unknown} [error]
 */
function record(name, ok, ms, error) {
  results.push({ name, ok, ms, error });
  log(`${ok ? '  ✓' : '  ✗'} ${name}${ms !== undefined ? ` (${secs(ms)})` : ''}`);
  if (!ok && error) log(indent(String(error), 6));
}

/**
 * @param {string} s
 * @param {number} n
 */
const indent = (s, n) =>
  s
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
async function withTimeout(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {Promise<never>} */
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${secs(ms)}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function findVsix() {
  if (process.env.VTOPO_VSIX) {
    const p = path.resolve(process.env.VTOPO_VSIX);
    if (!fs.existsSync(p)) throw new Error(`VTOPO_VSIX=${p} does not exist`);
    return p;
  }
  const vsixes = fs
    .readdirSync(REPO_ROOT)
    .filter((f) => f.endsWith('.vsix'))
    .map((f) => path.join(REPO_ROOT, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return vsixes[0];
}

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'vtopo-e2e-'));
let tmpCounter = 0;
/** @param {string} prefix */
function tmpDir(prefix) {
  const d = path.join(tmpRoot, `${prefix}-${++tmpCounter}`);
  fs.mkdirSync(d, { recursive: true });
  return d;
}

/**
 * Fresh workspace: fixture copy + the repo's examples/ + extra files ({ relPath: content }).
 * @param {Record<string, string>} [extraFiles]
 */
function makeWorkspace(extraFiles = {}) {
  const ws = tmpDir('workspace');
  if (fs.existsSync(FIXTURE_WORKSPACE)) fs.cpSync(FIXTURE_WORKSPACE, ws, { recursive: true });
  fs.cpSync(path.join(REPO_ROOT, 'examples'), path.join(ws, 'examples'), { recursive: true });
  for (const [rel, content] of Object.entries(extraFiles)) {
    const f = path.join(ws, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, content);
  }
  return ws;
}

/** @param {Browser} browser */
async function newPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  /** @type {string[]} */
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return { context, page, consoleErrors };
}

/** @param {string} userDataDir */
function findExthostLogs(userDataDir) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} d */
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/exthost|remoteagent|renderer/.test(e.name) && e.name.endsWith('.log')) out.push(p);
    }
  };
  try {
    walk(path.join(userDataDir, 'logs'));
  } catch {
    /* no logs */
  }
  return out;
}

/**
 * @param {string} file
 * @param {number} [lines]
 */
function tailFile(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ---- (a) API suite --------------------------------------------------------------
/**
 * @param {Browser} browser
 * @param {string} extensionsDir
 */
async function runApiSuite(browser, extensionsDir) {
  log('\nAPI suite (mocha in the extension host)');
  const workspace = makeWorkspace();
  const userDataDir = tmpDir('user-api');
  const resultsFile = path.join(tmpDir('api-results'), 'results.json');
  const started = Date.now();
  const server = await startCodeServer({
    workspace,
    extensionsDir,
    userDataDir,
    env: { VTOPO_API_TEST_RESULTS: resultsFile, VTOPO_API_TEST_WORKSPACE: workspace, ...(grep ? { VTOPO_API_TEST_GREP: grep.source } : {}) },
    logFile: path.join(OUTPUT_DIR, 'code-server-api.log'),
  });
  cleanups.push(() => server.stop());
  const { context, page, consoleErrors } = await newPage(browser);
  cleanups.push(() => context.close().catch(() => {}));
  try {
    // The extension host only starts when a browser client is connected.
    await page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const deadline = Date.now() + API_TIMEOUT;
    while (!fs.existsSync(resultsFile)) {
      if (Date.now() > deadline) {
        const shot = path.join(OUTPUT_DIR, 'api-suite-timeout.png');
        await page.screenshot({ path: shot }).catch(() => {});
        const logs = findExthostLogs(userDataDir)
          .map((f) => `--- ${f}\n${tailFile(f)}`)
          .join('\n');
        throw new Error(
          `no ${path.basename(resultsFile)} after ${secs(API_TIMEOUT)} (test extension not activated?)\n` +
            `screenshot: ${shot}\n${logs}\n--- code-server output\n${server.logs().split('\n').slice(-20).join('\n')}\n` +
            `--- browser console errors\n${consoleErrors.slice(-10).join('\n')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    /** @type {{ vscodeVersion: string, tests: { title: string, state: 'passed' | 'failed' | 'pending', durationMs?: number, error?: string }[] }} written by test/vscode-api/src/main.ts */
    const data = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    fs.copyFileSync(resultsFile, path.join(OUTPUT_DIR, 'api-results.json'));
    for (const t of data.tests) {
      if (t.state === 'pending') {
        log(`  - api: ${t.title} (skipped)`);
        continue;
      }
      record(`api: ${t.title}`, t.state === 'passed', t.durationMs, t.error);
    }
    if (!data.tests.length) record('api: (no tests ran)', false, undefined, 'results.json has no tests');
    log(`  API suite finished in ${secs(Date.now() - started)} (VS Code ${data.vscodeVersion})`);
  } catch (err) {
    record('api: suite', false, Date.now() - started, /** @type {Error} */ (err).stack ?? err);
  } finally {
    await context.close().catch(() => {});
    await server.stop();
  }
}

// ---- (b) UI journeys ------------------------------------------------------------
/** @returns {Promise<JourneyTest[]>} */
async function loadJourneys() {
  const files = fs
    .readdirSync(E2E_DIR)
    .filter((f) => f.endsWith('.e2e.mjs'))
    .sort();
  /** @type {JourneyTest[]} */
  const tests = [];
  for (const f of files) {
    /** @type {Record<string, unknown> & { files?: Record<string, string> }} */
    const mod = await import(pathToFileURL(path.join(E2E_DIR, f)).href);
    for (const [exportName, fn] of Object.entries(mod)) {
      if (typeof fn !== 'function') continue;
      const journey = /** @type {Journey} */ (fn); // every exported function is a journey
      const name = `${f.replace(/\.e2e\.mjs$/, '')}: ${exportName}`;
      if (grep && !grep.test(name)) continue;
      tests.push({ name, fn: journey, files: { ...(mod.files ?? {}), ...(journey.files ?? {}) }, settings: journey.settings ?? {}, timeout: journey.timeout ?? DEFAULT_TEST_TIMEOUT, locale: journey.locale });
    }
  }
  return tests;
}

/** @type {Map<string, Promise<string>>} extensions folders with a language pack, by locale */
const localizedExtensionDirs = new Map();

/**
 * The extensions of `extensionsDir` plus the test language pack of `locale`, in a folder
 * of their own (made once per run).
 * @param {string} locale
 * @param {string[]} vsixes
 */
function extensionsWithLanguagePack(locale, vsixes) {
  let dir = localizedExtensionDirs.get(locale);
  if (!dir) {
    dir = (async () => {
      const folder = tmpDir(`extensions-${locale}`);
      const pack = packageExtensionFolder(path.join(E2E_DIR, 'fixtures', `language-pack-${locale}`));
      cleanups.push(() => fs.rmSync(path.dirname(pack), { recursive: true, force: true }));
      for (const vsix of [...vsixes, pack]) await installExtension(vsix, folder);
      return folder;
    })();
    localizedExtensionDirs.set(locale, dir);
  }
  return dir;
}

/** @type {string[]} the extensions every journey gets (set by main) */
const journeyVsixes = [];

/**
 * @param {Browser} browser
 * @param {string} extensionsDir
 * @param {JourneyTest} test
 */
async function runJourney(browser, extensionsDir, test) {
  const started = Date.now();
  const slug = test.name.replace(/[^\w.-]+/g, '_');
  const workspace = makeWorkspace(test.files);
  const userDataDir = tmpDir('user-ui');
  /** @type {CodeServer | undefined} */
  let server;
  /** @type {BrowserContext | undefined} */
  let context;
  /** @type {Page | undefined} */
  let page;
  try {
    await withTimeout(
      (async () => {
        const extensions = test.locale ? await extensionsWithLanguagePack(test.locale, journeyVsixes) : extensionsDir;
        server = await startCodeServer({ workspace, extensionsDir: extensions, userDataDir, settings: test.settings, locale: test.locale, logFile: path.join(OUTPUT_DIR, `${slug}.code-server.log`) });
        ({ context, page } = await newPage(browser));
        /** @type {typeof import('../test/e2e/lib.mjs')} */
        const { openWorkbench, screenshot } = await import(pathToFileURL(path.join(E2E_DIR, 'lib.mjs')).href);
        await openWorkbench(page, server.url);
        const journeyPage = page; // (the closure below cannot see that `page` is set)
        await test.fn({ page, context, workspace, server, name: test.name, screenshot: (n) => screenshot(journeyPage, n) });
      })(),
      test.timeout,
      test.name,
    );
    record(test.name, true, Date.now() - started);
  } catch (err) {
    let msg = /** @type {Error} */ (err).stack ?? String(err);
    if (page) {
      const shot = path.join(OUTPUT_DIR, `${slug}-FAILED.png`);
      if (await page.screenshot({ path: shot, timeout: 10_000 }).then(() => true, () => false)) msg += `\nscreenshot: ${shot}`;
    }
    record(test.name, false, Date.now() - started, msg);
  } finally {
    await context?.close().catch(() => {});
    await server?.stop();
  }
}

// ---- main -----------------------------------------------------------------------
/** @type {Browser | undefined} */
let browser;
async function cleanup() {
  for (const fn of cleanups.reverse()) await Promise.resolve().then(fn).catch(() => {});
  cleanups.length = 0;
  await browser?.close().catch(() => {});
  browser = undefined;
  if (!keep) fs.rmSync(tmpRoot, { recursive: true, force: true });
}

function finish() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`\nfinished in ${secs(Date.now() - t0)}${keep ? ` (temp files kept in ${tmpRoot})` : ''}`);
  log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

async function main() {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const vsix = findVsix();
  if (vsix) log(`extension under test: ${path.relative(REPO_ROOT, vsix)}`);
  else log('WARNING: no VTopo vsix (set VTOPO_VSIX or put one in the repo root); testing without it');

  let t = Date.now();
  await ensureCodeServer();
  log(`code-server ready (${secs(Date.now() - t)})`);

  t = Date.now();
  const { buildApiTests } = await import(pathToFileURL(path.join(REPO_ROOT, 'test', 'vscode-api', 'build.mjs')).href);
  const built = await buildApiTests();
  const apiVsix = packageExtensionFolder(built.dir);
  cleanups.push(() => fs.rmSync(path.dirname(apiVsix), { recursive: true, force: true }));
  const extensionsDir = tmpDir('extensions');
  if (vsix) await installExtension(vsix, extensionsDir);
  await installExtension(apiVsix, extensionsDir);
  journeyVsixes.push(...(vsix ? [vsix] : []), apiVsix);
  log(`extensions installed (${secs(Date.now() - t)}): ${fs.readdirSync(extensionsDir).filter((d) => !d.startsWith('.') && d !== 'extensions.json').join(', ')}`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

  if (!uiOnly) await runApiSuite(browser, extensionsDir);
  if (!apiOnly) {
    const tests = await loadJourneys();
    log(`\nUI journeys (${tests.length})`);
    for (const test of tests) await runJourney(browser, extensionsDir, test);
  }
}

const hardStop = setTimeout(async () => {
  record('e2e run', false, Date.now() - t0, `whole run exceeded VTOPO_E2E_TIMEOUT=${RUN_TIMEOUT} ms; aborting`);
  await withTimeout(cleanup(), 20_000, 'cleanup').catch(() => {});
  finish();
  process.exit(1);
}, RUN_TIMEOUT);
hardStop.unref();

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    log(`\n${sig}: cleaning up`);
    await withTimeout(cleanup(), 20_000, 'cleanup').catch(() => {});
    process.exit(130);
  });
}

try {
  await main();
} catch (err) {
  record('e2e setup', false, Date.now() - t0, /** @type {Error} */ (err).stack ?? err);
} finally {
  await withTimeout(cleanup(), 30_000, 'cleanup').catch((e) => log(`cleanup: ${e.message}`));
  clearTimeout(hardStop);
  finish();
}
