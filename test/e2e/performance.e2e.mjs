// @ts-check
// How fast VTopo answers while someone types in a big design, in the real VS Code: from a
// keystroke that breaks (then mends) a reference until the Problems count in the status bar
// changes, and how fast hover answers while the analysis of the edit is still running. The
// bench's generated designs (bench/generate.ts): medium (64 hosts, 1,000 VMs) and large
// (1,000 hosts, 20,000 VMs). The figures are printed and written to
// test-output/e2e/performance.json (docs/performance.md quotes them); the journeys assert
// that every answer arrives and is right, never how fast (timings vary from run to run).
/* global performance, MutationObserver -- used inside page.evaluate callbacks, which run in the browser */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, focusEditor, frameWithDesigner, openFile, readStatusBar, runCommand, screenshot, waitUntil } from './lib.mjs';
/** @import { Page } from 'playwright-core' */
/** @import { JourneyContext } from './lib.mjs' */

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = path.join(REPO, 'test-output', 'e2e', 'performance.json');
const KEYSTROKES = 12;
/** Keystrokes before the measured ones, reported apart: the first analyses run while the worker's code is compiled. */
const WARM_UP = 4;
const HOVERS = 10;
/** A keystroke's problems have all arrived once the Problems count has not changed for this long. */
const QUIET_MS = 1000;
const PROBLEMS_ITEM = '.part.statusbar [id="status.problems"]';

/**
 * Writes a bench design into the workspace; returns its text.
 * @param {string} workspace
 * @param {'medium' | 'large'} size
 */
function writeBenchDesign(workspace, size) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'bench', 'write-designs.ts'), workspace, size], { cwd: REPO, encoding: 'utf8' });
  expect(result.status === 0, `bench/write-designs.ts failed: ${result.stderr}`);
  return fs.readFileSync(path.join(workspace, `bench-${size}.vtopo`), 'utf8');
}

/**
 * The 1-based line and column just after the host id of a VM (`    host: esx-0081`).
 * @param {string} text
 * @param {string} vm
 */
function hostLineOf(text, vm) {
  const lines = text.split('\n');
  const at = lines.indexOf(`  ${vm}:`);
  const hostLine = lines.slice(at + 1, at + 10).findIndex((line) => line.startsWith('    host: '));
  expect(at >= 0 && hostLine >= 0, `${vm} and its host line are in the design`);
  return { line: at + 2 + hostLine, endColumn: (lines[at + 1 + hostLine] ?? '').length + 1 };
}

/**
 * Moves the cursor with Go to Line (Ctrl+G `line:column`), which edits nothing.
 * @param {Page} page
 * @param {number} line
 * @param {number} column
 */
async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * Starts recording each change of the Problems item's text, with the page's clock.
 * @param {Page} page
 */
async function recordProblemChanges(page) {
  await page.locator(PROBLEMS_ITEM).first().waitFor({ state: 'visible', timeout: 20_000 });
  await page.evaluate((selector) => {
    const item = /** @type {Element} */ (document.querySelector(selector));
    const changes = /** @type {Array<{ t: number; text: string }>} */ ([]);
    Object.assign(window, { vtopoProblemChanges: changes });
    new MutationObserver(() => changes.push({ t: performance.now(), text: item.textContent ?? '' })).observe(item, { subtree: true, childList: true, characterData: true, attributes: true });
  }, PROBLEMS_ITEM);
}

/**
 * Presses a key in the editor and waits until the Problems count differs from what it was
 * and has not changed for QUIET_MS; returns the milliseconds from the key to its last
 * change. (A document's problems are spread over several diagnostic collections, and the
 * workbench may take the collections an edit changed one after the other, showing counts
 * in between.)
 * @param {Page} page
 * @param {string} key
 */
async function keystrokeToProblems(page, key) {
  const before = (await page.locator(PROBLEMS_ITEM).first().textContent()) ?? '';
  const started = await page.evaluate(() => performance.now());
  await page.keyboard.press(key);
  const changed = await page.waitForFunction(({ started, before, quiet }) => {
    const changes = /** @type {Array<{ t: number; text: string }>} */ (Reflect.get(window, 'vtopoProblemChanges'));
    const last = changes.at(-1);
    return last && last.t > started && last.text !== before && performance.now() - last.t >= quiet ? last.t : false;
  }, { started, before, quiet: QUIET_MS }, { timeout: 30_000, polling: 'raf' });
  return /** @type {number} */ (await changed.jsonValue()) - started;
}

/**
 * Shows the hover at the cursor (Ctrl+K Ctrl+I) and waits for it to name `expected`;
 * returns the milliseconds from the keys to the hover.
 * @param {Page} page
 * @param {RegExp} expected
 */
async function hoverAtCursor(page, expected) {
  const started = await page.evaluate(() => performance.now());
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const shown = await page.waitForFunction((source) => {
    const hover = document.querySelector('.monaco-editor .monaco-hover:not(.hidden) .hover-contents');
    return hover && new RegExp(source).test(hover.textContent ?? '') ? performance.now() : false;
  }, expected.source, { timeout: 30_000, polling: 'raf' });
  const elapsed = /** @type {number} */ (await shown.jsonValue()) - started;
  await page.keyboard.press('Escape');
  return elapsed;
}

/**
 * The peak resident memory (Linux VmHWM), in MB, of each process of a code-server whose
 * command line matches `pattern`: its extension host (`--type=extensionHost`), or one of
 * VTopo's worker processes (by title: `VTopo analysis`, `VTopo queries`).
 * @param {number | undefined} group the code-server's process group
 * @param {RegExp} pattern
 */
function peakMemoryMb(group, pattern) {
  const peaks = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!pattern.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) continue;
      // /proc/PID/stat: "pid (name) state ppid pgrp ..."; the name may hold spaces, so read after its ')'.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== group) continue;
      const peak = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (peak) peaks.push(Math.round(Number(peak[1]) / 1024));
    } catch {
      // The process ended meanwhile.
    }
  }
  return peaks;
}

/** @param {number[]} samples @param {number} quantile */
function percentile(samples, quantile) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? NaN;
}

/** @param {string} what @param {number[]} samples */
function summary(what, samples) {
  const figures = { samples: samples.map((ms) => Math.round(ms)), p50: Math.round(percentile(samples, 0.5)), p95: Math.round(percentile(samples, 0.95)) };
  console.log(`    ${what}: p50 ${figures.p50} ms, p95 ${figures.p95} ms (${samples.length} samples: ${figures.samples.join(', ')})`);
  const all = fs.existsSync(OUTPUT) ? JSON.parse(fs.readFileSync(OUTPUT, 'utf8')) : {};
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, `${JSON.stringify({ ...all, [what]: figures }, null, 2)}\n`);
  return figures;
}

/**
 * Opens a bench design and waits for its first report (the N-1 status shows).
 * @param {Page} page
 * @param {string} workspace
 * @param {'medium' | 'large'} size
 */
async function openBenchDesign(page, workspace, size) {
  const text = writeBenchDesign(workspace, size);
  await openFile(page, `bench-${size}.vtopo`, { timeout: 60_000 });
  await waitUntil(async () => (await readStatusBar(page)).some((item) => /N-1/.test(item)), { timeout: 120_000, message: `the first report on the ${size} design` });
  await focusEditor(page);
  return text;
}

/**
 * Types a character after a VM's host id (an unknown host: an error) and deletes it again
 * (the error goes), WARM_UP times and then KEYSTROKES times; returns each keystroke-to-Problems
 * time, the first ones apart (the worker's code is still being compiled then).
 * @param {Page} page
 * @param {string} text
 */
async function typeAndMend(page, text) {
  const { line, endColumn } = hostLineOf(text, 'vm-00500');
  await goTo(page, line, endColumn);
  await recordProblemChanges(page);
  const first = [];
  for (let i = 0; i < WARM_UP; i++) first.push(await keystrokeToProblems(page, i % 2 === 0 ? 'x' : 'Backspace'));
  const samples = [];
  for (let i = 0; i < KEYSTROKES; i++) samples.push(await keystrokeToProblems(page, i % 2 === 0 ? 'x' : 'Backspace'));
  return { first, samples };
}

/** @param {JourneyContext} journey */
export async function keystrokeToProblemsInTheMediumDesign({ page, workspace }) {
  const text = await openBenchDesign(page, workspace, 'medium');
  const { first, samples } = await typeAndMend(page, text);
  summary('medium: keystroke to Problems, first keystrokes', first);
  const figures = summary('medium: keystroke to Problems', samples);
  expect(figures.samples.length === KEYSTROKES, 'every keystroke changed the Problems count');
  await runCommand(page, 'VTopo: Show Output');
  await waitUntil(async () => /The analysis worker started/.test(((await page.locator('.output-view .view-lines').first().textContent()) ?? '').replace(/\u00a0/g, ' ')), { timeout: 15_000, message: 'the output to say the analysis worker started' });
  await screenshot(page, 'performance-medium');
}
keystrokeToProblemsInTheMediumDesign.timeout = 180_000;

/** @param {JourneyContext} journey */
export async function keystrokeToProblemsAndHoverInTheLargeDesign({ page, workspace, server }) {
  const text = await openBenchDesign(page, workspace, 'large');
  const { first, samples } = await typeAndMend(page, text);
  summary('large: keystroke to Problems, first keystrokes', first);
  summary('large: keystroke to Problems', samples);

  // Hover while the worker analyzes an edit: on the next VM's host, below the edited line.
  const edited = hostLineOf(text, 'vm-00500');
  const hovered = hostLineOf(text, 'vm-00501');
  const hostOf501 = /^ {4}host: (\S+)/m.exec(text.slice(text.indexOf('  vm-00501:')))?.[1] ?? '';
  await goTo(page, hovered.line, 13);
  const firstHover = await hoverAtCursor(page, new RegExp(hostOf501));
  // The peer figure: the same hover with nothing being analyzed (what the workbench itself takes).
  const idleHovers = [];
  for (let i = 0; i < HOVERS; i++) idleHovers.push(await hoverAtCursor(page, new RegExp(hostOf501)));
  const hovers = [];
  for (let i = 0; i < HOVERS; i++) {
    await goTo(page, edited.line, edited.endColumn);
    const before = (await page.locator(PROBLEMS_ITEM).first().textContent()) ?? '';
    await page.keyboard.press('x');
    await goTo(page, hovered.line, 13);
    const elapsed = await hoverAtCursor(page, new RegExp(hostOf501));
    // Only a hover that answered before the edit's problems arrived was made during the analysis.
    if (((await page.locator(PROBLEMS_ITEM).first().textContent()) ?? '') === before) hovers.push(elapsed);
    await page.locator(PROBLEMS_ITEM).first().filter({ hasNotText: before }).waitFor({ timeout: 30_000 });
    await goTo(page, edited.line, edited.endColumn + 1);
    await page.keyboard.press('Backspace');
    await page.locator(PROBLEMS_ITEM).first().filter({ hasText: before }).waitFor({ timeout: 30_000 });
  }
  console.log(`    large: first hover (the query worker read the design after its first analysis): ${Math.round(firstHover)} ms`);
  expect(hovers.length >= HOVERS / 2, `most hovers answered while the edit was analyzed (${hovers.length} of ${HOVERS})`);
  summary('large: hover, nothing analyzed', idleHovers);
  summary('large: hover while the edit is analyzed', hovers);
  if (process.platform === 'linux') {
    const host = peakMemoryMb(server.process.pid, /--type=extensionHost/);
    const analysis = peakMemoryMb(server.process.pid, /^VTopo analysis/);
    const queries = peakMemoryMb(server.process.pid, /^VTopo queries/);
    expect(host.length === 1, `one extension host runs for this code-server: ${host.join(', ')}`);
    expect(analysis.length === 1 && queries.length === 1, `one analysis and one query process run for this code-server: ${analysis.join(', ')}; ${queries.join(', ')}`);
    console.log(`    large: peak memory (VmHWM): extension host ${host[0]} MB, analysis process ${analysis[0]} MB, query process ${queries[0]} MB`);
    const all = JSON.parse(fs.readFileSync(OUTPUT, 'utf8'));
    fs.writeFileSync(OUTPUT, `${JSON.stringify({ ...all, 'large: extension host peak MB': host[0], 'large: analysis process peak MB': analysis[0], 'large: query process peak MB': queries[0] }, null, 2)}\n`);
  }
  // The outline lists 5,000 of the design's symbols (vtopo.outline.maxItems), and the language status says so.
  await page.locator('.part.statusbar [id="status.languageStatus"]').first().click();
  const status = page.locator('.monaco-hover, .context-view').filter({ hasText: /5,000 of [\d,]+ elements listed/ }).first();
  await status.waitFor({ timeout: 15_000 });
  // The hover fades in.
  await page.waitForTimeout(500);
  await screenshot(page, 'performance-large-outline-status');
  await page.keyboard.press('Escape');
  await screenshot(page, 'performance-large');
}
keystrokeToProblemsAndHoverInTheLargeDesign.timeout = 400_000;

/**
 * The findings `vtopo check --format json` reports on a design file, written beside its
 * peer copy for the test extension to publish (test/vscode-api/src/main.ts).
 * @param {string} design
 * @param {string} output
 */
function writeVtopoProblems(design, output) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'src', 'cli', 'vtopo.ts'), 'check', '--format', 'json', design], { cwd: REPO, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const findings = result.stdout ? JSON.parse(result.stdout).files?.[0]?.findings : undefined;
  expect(Array.isArray(findings) && findings.length > 0, `vtopo check found the design's problems: ${result.stderr}`);
  fs.writeFileSync(output, result.stdout);
  return findings.length;
}

/**
 * The peer of the keystroke-to-Problems figures: the same designs as plain text
 * (`*.peer.txt`), the same keystrokes at the same place, and the test extension publishing
 * the error at once from the change event (test/vscode-api/src/main.ts): what VS Code itself
 * takes from a keystroke to the Problems count, with no analysis at all.
 * @param {JourneyContext} journey
 */
export async function keystrokeToProblemsWithNoAnalysisForComparison({ page, workspace }) {
  await typeInPeers(page, workspace, 'peer', 'peer (VS Code alone)');
}
keystrokeToProblemsWithNoAnalysisForComparison.timeout = 240_000;

/**
 * The same peer with VTopo's own problems on each design published beside its error on
 * every change (`*.peer-problems.txt`, from `vtopo check --format json`): what VS Code
 * itself takes to show a keystroke's problems when there are as many as VTopo reports.
 * @param {JourneyContext} journey
 */
export async function keystrokeToProblemsWithVtopoProblemsAndNoAnalysisForComparison({ page, workspace }) {
  await typeInPeers(page, workspace, 'peer-problems', "peer with VTopo's problems (VS Code alone)");
}
keystrokeToProblemsWithVtopoProblemsAndNoAnalysisForComparison.timeout = 240_000;

/**
 * Opens the medium and then the large design as the peer's plain text files and types in
 * each as typeAndMend does.
 * @param {Page} page
 * @param {string} workspace
 * @param {'peer' | 'peer-problems'} peer
 * @param {string} name
 */
async function typeInPeers(page, workspace, peer, name) {
  // Both files are written first: Quick Open lists the files it found when first asked.
  const sizes = /** @type {const} */ (['medium', 'large']);
  const texts = sizes.map((size) => {
    const text = writeBenchDesign(workspace, size);
    fs.writeFileSync(path.join(workspace, `bench-${size}.${peer}.txt`), text);
    return text;
  });
  const problems = peer === 'peer-problems'
    ? sizes.map((size) => writeVtopoProblems(path.join(workspace, `bench-${size}.vtopo`), path.join(workspace, `bench-${size}.peer-problems.json`)))
    : [];
  for (const [index, size] of sizes.entries()) {
    const text = texts[index] ?? '';
    const before = (await page.locator(PROBLEMS_ITEM).first().textContent()) ?? '';
    await openFile(page, `bench-${size}.${peer}.txt`, { timeout: 60_000 });
    // The peer warns once it watches the file (it may start only now, with the first plain text file).
    await waitUntil(async () => ((await page.locator(PROBLEMS_ITEM).first().textContent()) ?? '') !== before, { timeout: 30_000, message: `the peer to watch bench-${size}.${peer}.txt` });
    await focusEditor(page);
    if (problems[index] !== undefined) console.log(`    ${size}: the peer publishes ${problems[index]} of VTopo's problems with its own`);
    const { first, samples } = await typeAndMend(page, text);
    summary(`${size}, ${name}: keystroke to Problems, first keystrokes`, first);
    const figures = summary(`${size}, ${name}: keystroke to Problems`, samples);
    expect(figures.samples.length === KEYSTROKES, 'every keystroke changed the Problems count');
  }
}

/**
 * The peer of the large design's memory figure: the same text opened as plain text, where
 * VTopo does nothing, typed in at the same place and pace. What the extension host then
 * holds is VS Code's own (its copy of the document, and the built-in extensions that read
 * every changed document, such as merge-conflict).
 * @param {JourneyContext} journey
 */
export async function theLargeDesignAsPlainTextForComparison({ page, workspace, server }) {
  const text = writeBenchDesign(workspace, 'large');
  fs.writeFileSync(path.join(workspace, 'bench-large.txt'), text);
  await openFile(page, 'bench-large.txt', { timeout: 60_000 });
  await typeAtThePaceOfTheLargeDesign(page, server, text, 'large as plain text');
}
theLargeDesignAsPlainTextForComparison.timeout = 180_000;

/**
 * The same with VTopo's 3,893 problems on the design published by the test extension on
 * every change (`*.peer-problems.txt`, as in keystrokeToProblemsWithVtopoProblemsAndNoAnalysisForComparison):
 * what VS Code's extension host takes to hold and send them, VTopo idle.
 * @param {JourneyContext} journey
 */
export async function theLargeDesignWithVtopoProblemsAsPlainTextForComparison({ page, workspace, server }) {
  const text = writeBenchDesign(workspace, 'large');
  fs.writeFileSync(path.join(workspace, 'bench-large.peer-problems.txt'), text);
  const problems = writeVtopoProblems(path.join(workspace, 'bench-large.vtopo'), path.join(workspace, 'bench-large.peer-problems.json'));
  const before = (await page.locator(PROBLEMS_ITEM).first().textContent()) ?? '';
  await openFile(page, 'bench-large.peer-problems.txt', { timeout: 60_000 });
  await waitUntil(async () => ((await page.locator(PROBLEMS_ITEM).first().textContent()) ?? '') !== before, { timeout: 30_000, message: 'the peer to publish the problems' });
  console.log(`    large: the peer publishes ${problems} of VTopo's problems with its own`);
  await typeAtThePaceOfTheLargeDesign(page, server, text, "large as plain text with VTopo's problems");
}
theLargeDesignWithVtopoProblemsAsPlainTextForComparison.timeout = 180_000;

/**
 * Types in the open large design as keystrokeToProblemsAndHoverInTheLargeDesign does, at
 * its pace, and prints the extension host's peak memory.
 * @param {Page} page
 * @param {JourneyContext['server']} server
 * @param {string} text
 * @param {string} name
 */
async function typeAtThePaceOfTheLargeDesign(page, server, text, name) {
  await focusEditor(page);
  const { line, endColumn } = hostLineOf(text, 'vm-00500');
  await goTo(page, line, endColumn);
  for (let i = 0; i < WARM_UP + KEYSTROKES + 2 * HOVERS; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
    await page.waitForTimeout(900);
  }
  if (process.platform === 'linux') {
    const host = peakMemoryMb(server.process.pid, /--type=extensionHost/);
    expect(host.length === 1, `one extension host runs for this code-server: ${host.join(', ')}`);
    console.log(`    ${name}: extension host peak memory (VmHWM): ${host[0]} MB`);
    const all = fs.existsSync(OUTPUT) ? JSON.parse(fs.readFileSync(OUTPUT, 'utf8')) : {};
    fs.writeFileSync(OUTPUT, `${JSON.stringify({ ...all, [`${name}: extension host peak MB`]: host[0] }, null, 2)}\n`);
  }
}

/**
 * Activation as VS Code measures it ("Developer: Show Running Extensions": loading our code
 * and calling activate()), then the load of the features used on demand
 * (src/extension/on-demand.ts) at the first designer, as the output channel says.
 * @param {JourneyContext} journey
 */
export async function activationInTheRunningExtensionsView({ page }) {
  await openFile(page, 'iscsi-av100-g6.vtopo');
  await waitUntil(async () => (await readStatusBar(page)).some((item) => /N-1/.test(item)), { timeout: 60_000, message: 'the first report' });
  await runCommand(page, 'Developer: Show Running Extensions');
  // Its name, not the test harness's extension ("VTopo API tests").
  const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ has: page.locator('.name', { hasText: /^VTopo: / }) });
  /** @type {string} */
  let shown = '';
  await waitUntil(async () => /Activation: \d+ms/.test((shown = (await row.locator('.activation-time').textContent().catch(() => '')) ?? '')), { timeout: 20_000, message: 'VTopo\'s activation time in Running Extensions' });
  const activationMs = Number(/(\d+)ms/.exec(shown)?.[1]);
  // The extensions VS Code activated in the same window, for comparison (their activations overlap ours).
  const others = await page.locator('.runtime-extensions-editor .monaco-list-row').evaluateAll((rows) => rows.map((row) =>
    `${row.querySelector('.name')?.textContent ?? '?'} ${/(\d+)ms/.exec(row.querySelector('.activation-time')?.textContent ?? '')?.[1] ?? '?'}`));
  await screenshot(page, 'performance-running-extensions');
  await runCommand(page, 'View: Close Editor');
  await openFile(page, 'iscsi-av100-g6.vtopo');
  console.log(`    activation in VS Code (Running Extensions, "${shown.trim()}"): ${activationMs} ms; the window's extensions, in ms: ${others.join(', ')}`);
  await runCommand(page, 'VTopo: Open Designer to the Side');
  await frameWithDesigner(page);
  await runCommand(page, 'VTopo: Show Output');
  const LOADED = /Loaded the designer, simulations, import and in-host analysis in (\d+) ms/;
  let output = '';
  await waitUntil(async () => LOADED.test((output = ((await page.locator('.output-view .view-lines').first().textContent()) ?? '').replace(/\u00a0/g, ' '))), { timeout: 20_000, message: 'the output to say the features used on demand loaded' });
  const onDemandMs = Number(LOADED.exec(output)?.[1]);
  console.log(`    the features used on demand loaded at the first designer in ${onDemandMs} ms (the output channel)`);
  const all = fs.existsSync(OUTPUT) ? JSON.parse(fs.readFileSync(OUTPUT, 'utf8')) : {};
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, `${JSON.stringify({ ...all, 'activation in VS Code ms': activationMs, 'on-demand load at first use ms': onDemandMs }, null, 2)}\n`);
}
activationInTheRunningExtensionsView.timeout = 120_000;
