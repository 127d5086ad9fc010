// @ts-check
// Playwright helpers for UI journeys against the real VS Code workbench (code-server).
// Every helper waits for DOM state (selectors) with a timeout instead of sleeping.
//
// A journey is an exported async function in test/e2e/<topic>.e2e.mjs:
//
//   import { openFile, runCommand, readProblems, screenshot } from './lib.mjs';
//   export const files = { 'a.vtopo': '...' };           // optional, added to the workspace
//   export async function checkAllShowsProblems({ page }) {
//     await openFile(page, 'a.vtopo');
//     await runCommand(page, 'VTopo: Check All Files');
//     const problems = await waitForProblems(page, (ps) => ps.some((p) => p.code === 'vm-local-datastore'));
//     await screenshot(page, 'check-all');
//   }
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUTPUT_DIR = path.resolve(process.env.VTOPO_E2E_OUTPUT ?? path.join(REPO_ROOT, 'test-output', 'e2e'));

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;
export const QUICK_INPUT_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;
const ACTIVE_GROUP = '.part.editor .editor-group-container.active';
const ACTIVE_EDITOR = `${ACTIVE_GROUP} .editor-container .monaco-editor`;

export const PROBLEMS_COMMAND = 'View: Focus Problems (Errors, Warnings, Infos)';

/** @import { BrowserContext, Page } from 'playwright-core' */
/** @import { CodeServer } from '../../scripts/code-server.mjs' */

/**
 * What scripts/test-e2e.mjs gives each journey.
 * @typedef {object} JourneyContext
 * @property {Page} page the workbench, open on the workspace
 * @property {BrowserContext} context
 * @property {string} workspace the folder open in the workbench (a fresh copy)
 * @property {CodeServer} server
 * @property {string} name the test's name
 * @property {(name: string) => Promise<string>} screenshot screenshot(page, name)
 */

/**
 * A journey: an exported async function of a test/e2e/*.e2e.mjs file, with optional
 * extra workspace files, user settings and a timeout in ms.
 * @typedef {((journey: JourneyContext) => Promise<void>) & { files?: Record<string, string>, settings?: Record<string, unknown>, timeout?: number, locale?: string }} Journey
 */

/** @typedef {{ timeout?: number }} TimeoutOption */

/** @param {string} s */
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** @param {string} s */
const exact = (s) => new RegExp(`^\\s*${escapeRegExp(s)}\\s*$`);

/**
 * Poll `fn` until it returns a truthy value; throws `message` (plus the last value) on timeout.
 * @template T
 * @param {() => T | Promise<T>} fn
 * @param {{ timeout?: number, interval?: number, message?: string }} [options]
 * @returns {Promise<NonNullable<T>>}
 */
export async function waitUntil(fn, { timeout = 15_000, interval = 200, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  /** @type {Error | undefined} */
  let lastErr;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      lastErr = /** @type {Error} */ (err); // Playwright's errors, expect()'s
    }
    if (Date.now() > deadline) {
      const detail = lastErr ? ` (last error: ${lastErr.message})` : last !== undefined ? ` (last value: ${JSON.stringify(last)})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${detail}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Open the workbench at `url` (from startCodeServer) and wait until it is usable:
 * workbench parts rendered and, with a folder, the explorer listing it.
 * @param {Page} page
 * @param {string} url
 * @param {{ timeout?: number, folder?: boolean }} [options]
 */
export async function openWorkbench(page, url, { timeout = 60_000, folder = true } = {}) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  await waitForWorkbench(page, { timeout, folder });
}

/**
 * @param {Page} page
 * @param {{ timeout?: number, folder?: boolean }} [options]
 */
export async function waitForWorkbench(page, { timeout = 60_000, folder = true } = {}) {
  await page.locator('.monaco-workbench .part.editor').first().waitFor({ state: 'visible', timeout });
  await page.locator('.monaco-workbench .part.statusbar').first().waitFor({ state: 'visible', timeout });
  if (folder) {
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout });
  }
  // The extension host is up once its status bar / activity is registered; wait
  // for the "Activating Extensions..." progress to finish if it shows.
  await page
    .locator('.statusbar-item:has-text("Activating Extensions")')
    .first()
    .waitFor({ state: 'detached', timeout })
    .catch(() => {});
}

/**
 * @param {Page} page
 * @param {number} timeout
 */
async function quickInputVisible(page, timeout) {
  try {
    await page.locator(QUICK_INPUT).first().waitFor({ state: 'visible', timeout });
    return true;
  } catch {
    return false;
  }
}

/**
 * Close any open quick input (palette / quick open).
 * @param {Page} page
 * @param {TimeoutOption} [options]
 */
export async function closeQuickInput(page, { timeout = 5_000 } = {}) {
  const widget = page.locator(QUICK_INPUT).first();
  if (await widget.isVisible().catch(() => false)) {
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout });
  }
}

/**
 * Open the quick input with `prefix` typed ('' = Quick Open files, '>' = commands).
 * @param {Page} page
 * @param {string} [prefix]
 * @param {TimeoutOption} [options]
 */
export async function openQuickInput(page, prefix = '', { timeout = 10_000 } = {}) {
  for (let attempt = 1; ; attempt++) {
    await closeQuickInput(page);
    // Focus the workbench so keybindings reach it (not the address bar / body).
    await page.locator('.monaco-workbench').first().focus().catch(() => {});
    await page.keyboard.press(prefix === '>' ? 'F1' : 'Control+P');
    if (!(await quickInputVisible(page, 3_000))) {
      // Fallback: the palette always opens with F1; replace its '>' afterwards.
      await page.keyboard.press('F1');
      if (!(await quickInputVisible(page, timeout))) throw new Error('quick input did not open (Ctrl+P / F1)');
    }
    const input = page.locator(QUICK_INPUT_BOX).first();
    try {
      await input.fill(prefix, { timeout: 5_000 });
      return input;
    } catch (error) {
      // It closed as it opened: a webview that was just revealed took the focus back (the
      // designer, after a click on its tab). Open it again.
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Rows currently shown in the quick input: [{ label, description, ariaLabel }].
 * @param {Page} page
 */
export async function readQuickInputRows(page) {
  return page.locator(QUICK_INPUT_ROWS).evaluateAll((rows) =>
    rows.map((r) => ({
      label: r.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: r.querySelector('.label-description')?.textContent?.trim() ?? '',
      ariaLabel: r.getAttribute('aria-label') ?? '',
    })),
  );
}

/**
 * Run a command from the command palette by its full title, e.g.
 * runCommand(page, 'VTopo: Check All Files'). Picks the row whose label equals
 * the title exactly (not just the first fuzzy match).
 * @param {Page} page
 * @param {string} title
 * @param {TimeoutOption} [options]
 */
export async function runCommand(page, title, { timeout = 15_000 } = {}) {
  const input = await openQuickInput(page, '>', { timeout });
  await input.fill(`>${title}`);
  const row = page
    .locator(QUICK_INPUT_ROWS)
    .filter({ has: page.locator('.label-name', { hasText: exact(title) }) })
    .first();
  try {
    await row.waitFor({ state: 'visible', timeout });
  } catch {
    const rows = await readQuickInputRows(page).catch(() => []);
    await closeQuickInput(page).catch(() => {});
    throw new Error(
      `command "${title}" not found in the palette; rows shown: ${JSON.stringify(rows.map((r) => r.label).slice(0, 10))}`,
    );
  }
  await row.click();
  // The command ran once the palette is gone, or once it was replaced by the command's own
  // quick pick (whose input no longer starts with '>').
  await waitUntil(
    async () => {
      const widget = page.locator(QUICK_INPUT).first();
      if (!(await widget.isVisible())) return true;
      const value = await widget.locator('input').first().inputValue().catch(() => '');
      return !value.startsWith('>');
    },
    { timeout, message: `"${title}" to run` },
  );
}

/**
 * Open a workspace file by name with Quick Open (Ctrl+P) and wait until it is the
 * active editor. `name` may be 'README.md' or 'docs/README.md' (directory part must
 * appear in the row description).
 * @param {Page} page
 * @param {string} name
 * @param {TimeoutOption} [options]
 */
export async function openFile(page, name, { timeout = 20_000 } = {}) {
  const base = path.posix.basename(name);
  const dir = path.posix.dirname(name);
  const input = await openQuickInput(page, '', { timeout });
  await input.fill(name);
  let row = page.locator(QUICK_INPUT_ROWS).filter({ has: page.locator('.label-name', { hasText: exact(base) }) });
  if (dir !== '.') row = row.filter({ has: page.locator('.label-description', { hasText: dir }) });
  row = row.first();
  try {
    await row.waitFor({ state: 'visible', timeout });
  } catch {
    const rows = await readQuickInputRows(page).catch(() => []);
    await closeQuickInput(page).catch(() => {});
    throw new Error(`file "${name}" not found by Quick Open; rows shown: ${JSON.stringify(rows.slice(0, 10))}`);
  }
  await row.click();
  await page.locator(QUICK_INPUT).first().waitFor({ state: 'hidden', timeout });
  await waitForActiveEditor(page, base, { timeout });
}

/**
 * Wait until the active editor tab is `title` (a file name) and its editor is visible.
 * @param {Page} page
 * @param {string} title
 * @param {TimeoutOption} [options]
 */
export async function waitForActiveEditor(page, title, { timeout = 20_000 } = {}) {
  await page
    .locator(`${ACTIVE_GROUP} .tab.active`)
    .filter({ has: page.locator('.label-name', { hasText: exact(title) }) })
    .first()
    .waitFor({ state: 'visible', timeout });
  await page.locator(ACTIVE_EDITOR).first().waitFor({ state: 'visible', timeout });
}

/**
 * Focus the active text editor (optionally moving the cursor to 'start' or 'end').
 * @param {Page} page
 * @param {{ at?: 'start' | 'end', timeout?: number }} [options]
 */
export async function focusEditor(page, { at, timeout = 10_000 } = {}) {
  const editor = page.locator(ACTIVE_EDITOR).first();
  await editor.waitFor({ state: 'visible', timeout });
  await editor.locator('.view-lines').first().click();
  await page.locator(`${ACTIVE_EDITOR}.focused`).first().waitFor({ state: 'visible', timeout });
  if (at === 'start') await page.keyboard.press('Control+Home');
  if (at === 'end') await page.keyboard.press('Control+End');
}

/**
 * Type into the active editor. Auto-closing/auto-suggest acceptance are disabled by
 * the test settings, so the text lands verbatim ('\n' presses Enter).
 * @param {Page} page
 * @param {string} text
 * @param {{ at?: 'start' | 'end', delay?: number }} [options]
 */
export async function typeInEditor(page, text, { at = 'end', delay = 0 } = {}) {
  await focusEditor(page, { at });
  await page.keyboard.type(text, { delay });
}

/**
 * Replace the whole content of the active editor.
 * @param {Page} page
 * @param {string} text
 */
export async function setEditorText(page, text) {
  await focusEditor(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/**
 * Visible text of the active editor (only rendered lines: Monaco virtualizes).
 * @param {Page} page
 */
export async function readEditorText(page) {
  return page
    .locator(`${ACTIVE_EDITOR} .view-lines`)
    .first()
    .evaluate((el) =>
      [.../** @type {NodeListOf<HTMLElement>} */ (el.querySelectorAll('.view-line'))]
        .map((l) => ({ top: parseFloat(l.style.top) || 0, text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text)
        .join('\n'),
    );
}

/**
 * Save the active editor (Ctrl+S) and wait for its dirty marker to clear.
 * @param {Page} page
 * @param {TimeoutOption} [options]
 */
export async function saveActiveEditor(page, { timeout = 10_000 } = {}) {
  await page.keyboard.press('Control+S');
  await page.locator(`${ACTIVE_GROUP} .tab.active.dirty`).first().waitFor({ state: 'detached', timeout });
}

/**
 * A row of the Problems panel, as read in the page.
 * @typedef {object} ProblemRow
 * @property {number} index
 * @property {boolean} marker
 * @property {string} iconClass
 * @property {string | null} level
 * @property {string} ariaLabel
 * @property {string} text
 * @property {string} message
 * @property {string} source
 * @property {string} code
 * @property {number | undefined} line
 * @property {number | undefined} column
 * @property {string} labelName
 * @property {string} path
 */

/**
 * A marker row of the Problems panel.
 * @typedef {object} ProblemMarker
 * @property {'marker'} kind
 * @property {string} severity 'error', 'warning', 'info' or 'unknown'
 * @property {string} message
 * @property {string} source
 * @property {string} code
 * @property {number | undefined} line
 * @property {number | undefined} column
 * @property {string | undefined} file the file row above it
 * @property {string} ariaLabel
 * @property {string} text
 */

/**
 * An entry of the Problems panel: a marker, a file row, or a related-information row.
 * @typedef {ProblemMarker
 *   | { kind: 'file', file: string, path: string, ariaLabel: string, text: string }
 *   | { kind: 'related', file: string | undefined, ariaLabel: string, text: string }} Problem
 */

/** @typedef {{ timeout?: number, focus?: boolean }} ReadProblemsOptions */

/**
 * Open/focus the Problems panel and return its entries. File rows give
 * { kind: 'file', file, path, ariaLabel, text }; marker rows give
 * { kind: 'marker', severity: 'error'|'warning'|'info', message, source, code, line, column,
 *   file, ariaLabel, text } (aria-label e.g. "Error: Value expected at line 1 and character 16.
 * generated by json"); related-information rows give { kind: 'related', file, ariaLabel, text }.
 * `file` on a marker is the file row above it. Only rendered rows (the tree is virtualized;
 * a tall viewport helps).
 * @param {Page} page
 * @param {ReadProblemsOptions} [options]
 * @returns {Promise<Problem[]>}
 */
export async function readProblems(page, { timeout = 15_000, focus = true } = {}) {
  if (focus) await focusProblems(page, { timeout });
  // The list is virtual: only the rows in view exist. Scroll through it and keep each row by its index.
  /** @type {Map<number, ProblemRow>} */
  const byIndex = new Map();
  const scroller = page.locator('.markers-panel .monaco-list .monaco-scrollable-element').first();
  const top = (await scroller.count()) > 0 ? await scroller.boundingBox() : null;
  if (top) {
    // Start from the top: an earlier read may have left the list scrolled down.
    await page.mouse.move(top.x + top.width / 2, top.y + top.height / 2);
    // (A sticky file row may show index 0 while the list is scrolled: wheel up regardless.)
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -3000);
    await page.waitForTimeout(50);
  }
  for (let pass = 0; pass < 50; pass++) {
    // Rows of the list itself, not the sticky-scroll copies of file rows above it.
    const rows = await page.locator('.markers-panel .monaco-list-rows > .monaco-list-row').evaluateAll((/** @type {HTMLElement[]} */ elements) =>
      elements.map((r) => {
        const q = (/** @type {string} */ sel) => r.querySelector(sel)?.textContent?.trim() ?? '';
        const icon = r.querySelector('.marker-icon');
        const lc = q('.marker-line').match(/Ln\s*(\d+),\s*Col\s*(\d+)/);
        return {
          index: Number(r.dataset.index),
          marker: Boolean(icon || r.querySelector('.marker-message-details-container')),
          iconClass: icon?.className ?? '',
          level: r.getAttribute('aria-level'),
          ariaLabel: r.getAttribute('aria-label') ?? '',
          text: r.innerText.replace(/\s+/g, ' ').trim(),
          message: q('.marker-message'),
          source: q('.marker-source'),
          code: q('.marker-code'),
          line: lc ? Number(lc[1]) : undefined,
          column: lc ? Number(lc[2]) : undefined,
          labelName: q('.label-name'),
          path: r.querySelector('.monaco-icon-label')?.getAttribute('aria-label') ?? '',
        };
      }),
    );
    const before = byIndex.size;
    for (const row of rows) byIndex.set(row.index, row);
    const box = (await scroller.count()) > 0 ? await scroller.boundingBox() : null;
    if (!box) break;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, Math.max(100, box.height * 0.8));
    if (byIndex.size === before) break;
    await page.waitForTimeout(50);
  }
  /** @type {string | undefined} */
  let file;
  return [...byIndex.values()]
    .sort((a, b) => a.index - b.index)
    .map((r) => {
      if (r.marker) {
        const severity = /\berror\b/.test(r.iconClass)
          ? 'error'
          : /\bwarning\b/.test(r.iconClass)
            ? 'warning'
            : /\binfo\b/.test(r.iconClass)
              ? 'info'
              : (r.ariaLabel.match(/^(Error|Warning|Info)\b/)?.[1]?.toLowerCase() ?? 'unknown');
        return { kind: 'marker', severity, message: r.message || r.text, source: r.source, code: r.code, line: r.line, column: r.column, file, ariaLabel: r.ariaLabel, text: r.text };
      }
      if (r.level === '1') {
        file = r.labelName || r.text;
        return { kind: 'file', file, path: r.path, ariaLabel: r.ariaLabel, text: r.text };
      }
      return { kind: 'related', file, ariaLabel: r.ariaLabel, text: r.text };
    });
}

/**
 * Only the marker rows of readProblems().
 * @param {Page} page
 * @param {ReadProblemsOptions} [opts]
 */
export async function readProblemMarkers(page, opts) {
  return (await readProblems(page, opts)).filter((p) => p.kind === 'marker');
}

/**
 * Focus the Problems panel (command palette; Ctrl+Shift+M as fallback).
 * @param {Page} page
 * @param {TimeoutOption} [options]
 */
export async function focusProblems(page, { timeout = 15_000 } = {}) {
  try {
    await runCommand(page, PROBLEMS_COMMAND, { timeout });
  } catch {
    await page.keyboard.press('Control+Shift+M');
  }
  await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout });
}

/**
 * Wait until the Problems panel markers satisfy `predicate(markers)`; returns them.
 * E.g. waitForProblems(page, (ms) => ms.some((m) => m.code === 'array-single-controller')).
 * @param {Page} page
 * @param {(markers: ProblemMarker[]) => boolean} predicate
 * @param {TimeoutOption} [options]
 */
export async function waitForProblems(page, predicate, { timeout = 30_000 } = {}) {
  await focusProblems(page, { timeout });
  /** @type {ProblemMarker[]} */
  let last = [];
  try {
    return await waitUntil(
      async () => {
        last = await readProblemMarkers(page, { focus: false });
        return predicate(last) ? last : undefined;
      },
      { timeout, message: 'problems' },
    );
  } catch (err) {
    // waitUntil's timeout error
    if (err instanceof Error) err.message += `\nproblems shown: ${JSON.stringify(last.map((m) => `${m.severity} ${m.file ?? ''} ${m.source}(${m.code}) ${m.message}`), null, 1)}`;
    throw err;
  }
}

/**
 * Wait for VS Code's simple file dialog, which code-server shows for the open and save dialogs: a
 * quick input titled `title` (a substring) holding a path. Returns the path it offers (for a save
 * dialog, the suggested file).
 * @param {Page} page
 * @param {string} title
 * @param {TimeoutOption} [options]
 */
export async function waitForFileDialog(page, title, { timeout = 15_000 } = {}) {
  const widget = page.locator(QUICK_INPUT).filter({ has: page.locator('.quick-input-title', { hasText: title }) }).first();
  await widget.waitFor({ state: 'visible', timeout });
  const input = widget.locator('.quick-input-box input').first();
  const busy = widget.locator('.quick-input-progress.active').first();
  // The dialog fills in the folder, lists it, then the file name: take the path once it holds still.
  let last = '';
  return waitUntil(async () => {
    const value = await input.inputValue();
    const settled = value.startsWith('/') && value === last && !(await busy.isVisible().catch(() => false));
    last = value;
    return settled ? value : undefined;
  }, { timeout, interval: 300, message: `the file dialog "${title}" to offer a path` });
}

/**
 * Answer the simple file dialog titled `title`: type the absolute `filePath` and press Enter, as
 * a user does; waits until that dialog is gone. The dialog takes a first Enter to list the folder
 * of a path typed into another folder (or while it is still listing it), and the next to accept
 * the file: Enter is pressed again while the dialog still shows the typed path.
 * @param {Page} page
 * @param {string} title
 * @param {string} filePath
 * @param {TimeoutOption} [options]
 */
export async function answerFileDialog(page, title, filePath, { timeout = 15_000 } = {}) {
  await waitForFileDialog(page, title, { timeout });
  const titled = page.locator(`${QUICK_INPUT} .quick-input-title`, { hasText: title }).first();
  const input = page.locator(QUICK_INPUT_BOX).first();
  await input.fill(filePath);
  const busy = page.locator(`${QUICK_INPUT} .quick-input-progress.active`).first();
  await waitUntil(async () => {
    if (!(await titled.isVisible())) return true;
    if ((await input.inputValue()) !== filePath || (await busy.isVisible().catch(() => false))) return false;
    await page.keyboard.press('Enter');
    return titled.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
  }, { timeout, interval: 300, message: `the file dialog "${title}" to take ${filePath}` });
}

/**
 * Texts of visible notification toasts.
 * @param {Page} page
 */
export async function readNotifications(page) {
  return page
    .locator('.notification-toast .notification-list-item-message')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
}

/**
 * Wait for a notification toast containing `text` (string or RegExp).
 * @param {Page} page
 * @param {string | RegExp} text
 * @param {TimeoutOption} [options]
 */
export async function waitForNotification(page, text, { timeout = 15_000 } = {}) {
  const loc = page.locator('.notification-toast .notification-list-item-message', { hasText: text }).first();
  await loc.waitFor({ state: 'visible', timeout });
  return ((await loc.textContent()) ?? '').trim();
}

/**
 * Texts of the status bar items.
 * @param {Page} page
 */
export async function readStatusBar(page) {
  return page.locator('.part.statusbar .statusbar-item').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
}

/**
 * Screenshot the page into test-output/e2e/<name>.png; returns the path.
 * @param {Page} page
 * @param {string} name
 * @param {{ fullPage?: boolean }} [options]
 */
export async function screenshot(page, name, { fullPage = false } = {}) {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage, timeout: 15_000 });
  return file;
}

/**
 * Assertion helper with a readable message.
 * @param {unknown} cond
 * @param {string} message
 * @returns {asserts cond}
 */
export function expect(cond, message) {
  if (!cond) throw new Error(`expectation failed: ${message}`);
}

/**
 * The designer's inner document frame among all the page's frames (other webviews may be open).
 * @param {Page} page
 * @param {{ timeout?: number }} [options]
 */
export async function frameWithDesigner(page, { timeout = 30_000 } = {}) {
  return waitUntil(async () => {
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => document.querySelector('#vt-sim') !== null && typeof window.vtopoDesigner?.parentOf === 'function').catch(() => false);
      if (found) return frame;
    }
    return undefined;
  }, { timeout, message: 'the designer frame' });
}

/**
 * The frame (a webview's inner document, among all the page's frames) whose first h1 reads
 * `heading`: the results panel of a simulation when several webviews are open.
 * @param {Page} page
 * @param {string} heading
 * @param {{ timeout?: number }} [options]
 */
export async function frameWithHeading(page, heading, { timeout = 20_000 } = {}) {
  return waitUntil(async () => {
    for (const frame of page.frames()) {
      const text = await frame.evaluate(() => document.querySelector('h1')?.textContent ?? '').catch(() => '');
      if (text === heading) return frame;
    }
    return undefined;
  }, { timeout, message: `the panel headed "${heading}"` });
}
