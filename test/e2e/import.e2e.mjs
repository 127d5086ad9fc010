// @ts-check
// "VTopo: Import Inventory..." as a user runs it: the palette, VS Code's file dialogs (in
// code-server the simple dialogs: a path typed into a quick input), the new design opening in
// an editor and its findings in the Problems panel. Once with the desktop build and an RVTools
// workbook, once with the browser build and one CSV file of an export folder.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { answerFileDialog, expect, REPO_ROOT, runCommand, screenshot, waitForActiveEditor, waitForFileDialog, waitForNotification, waitForProblems, waitUntil } from './lib.mjs';
/** @import { Page } from 'playwright-core' */
/** @import { JourneyContext } from './lib.mjs' */

const COMMAND = 'VTopo: Import Inventory...';
const OPEN_TITLE = 'Import Inventory: pick an RVTools export';
const SAVE_TITLE = 'Import Inventory: save the new design as';

/**
 * The small estate of test/fixtures/rvtools/small-estate.ts, written into `dir`: estate.xlsx and
 * export/RVTools_tab*.csv (the generator is TypeScript, so it runs with tsx).
 * @param {string} dir
 */
function writeEstate(dir) {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test', 'fixtures', 'rvtools', 'write-small-estate.ts'), dir], { cwd: REPO_ROOT, stdio: 'pipe' });
}

/**
 * Runs the command from the palette, picks `source` in the open dialog, takes the save
 * dialog's suggestion (checked to be `suggested`), and waits for the design's editor, the
 * message and the findings.
 * @param {Page} page
 * @param {string} source
 * @param {string} suggested
 */
async function importThroughTheDialogs(page, source, suggested) {
  // The palette knows the command once the workbench has the extension's contributions.
  await waitUntil(async () => {
    try {
      await runCommand(page, COMMAND, { timeout: 3_000 });
      return true;
    } catch {
      return false;
    }
  }, { timeout: 30_000, message: `"${COMMAND}" in the palette` });
  await answerFileDialog(page, OPEN_TITLE, source);
  const offered = await waitForFileDialog(page, SAVE_TITLE, { timeout: 30_000 });
  expect(offered === suggested, `the save dialog suggests ${suggested}, not ${offered}`);
  await screenshot(page, `import-save-dialog-${path.basename(suggested, '.vtopo')}`);
  await answerFileDialog(page, SAVE_TITLE, suggested);
  const name = path.basename(suggested);
  await waitForActiveEditor(page, name, { timeout: 30_000 });
  const message = await waitForNotification(page, `into ${name}`);
  expect(message.startsWith(`Imported 1 cluster, 3 hosts, 8 VMs, 7 datastores into ${name}.`), `the message counts what was imported: ${message}`);
  const markers = await waitForProblems(page, (ms) => ms.some((m) => m.file === name && m.code === 'lun-single-path') && ms.some((m) => m.file === name && m.code === 'cabling-unknown'));
  const mine = markers.filter((m) => m.file === name);
  expect(mine.filter((m) => m.code === 'lun-single-path').every((m) => m.severity === 'error' && /has no redundant path/.test(m.message)), `lun-single-path errors: ${JSON.stringify(mine)}`);
  return mine;
}

/**
 * Scrolls the Problems list back to its first row (reading it scrolled it down), for the picture.
 * @param {Page} page
 */
async function scrollProblemsToTop(page) {
  const list = page.locator('.markers-panel .monaco-list .monaco-scrollable-element').first();
  const box = await list.boundingBox();
  if (!box) return;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -3000);
  await page.waitForTimeout(200);
}

/** @param {JourneyContext} journey */
export async function importAWorkbookFromThePalette({ page, workspace }) {
  const dir = path.join(workspace, 'inventory');
  writeEstate(dir);
  const markers = await importThroughTheDialogs(page, path.join(dir, 'estate.xlsx'), path.join(dir, 'estate.vtopo'));
  expect(markers.some((m) => m.code === 'ha-disabled'), `the HA-off cluster is reported: ${markers.map((m) => m.code).join(', ')}`);
  await scrollProblemsToTop(page);
  await screenshot(page, 'import-workbook');
}
importAWorkbookFromThePalette.timeout = 120_000;

// The browser build (dist/extension/web.js) in the web worker extension host, as in vscode.dev:
// the same command over workspace.fs; one RVTools_tab*.csv picked stands for its folder.
/** @param {JourneyContext} journey */
export async function importAnExportFolderInTheBrowserBuild({ page, workspace }) {
  const dir = path.join(workspace, 'inventory');
  writeEstate(dir);
  await importThroughTheDialogs(page, path.join(dir, 'export', 'RVTools_tabvInfo.csv'), path.join(dir, 'export.vtopo'));
  // "Show Summary" on the message reveals the VTopo output channel, which holds the summary.
  await page.locator('.notification-toast').filter({ hasText: 'into export.vtopo' }).locator('.monaco-button', { hasText: 'Show Summary' }).first().click();
  const output = page.locator('.output-view .view-lines').first();
  const outputText = async () => ((await output.textContent()) ?? '').replace(/\u00a0/g, ' ');
  // The channel holds more than its visible lines (only those are in the page): its filter keeps the
  // log entries asked for, and the view is then read from its top.
  // Found once: the widget's placeholder goes once it holds text.
  const filter = await page.locator('.part.panel input[placeholder="Filter"]').first().elementHandle();
  expect(filter !== null, 'the output panel has its filter box');
  /** @param {string} text @param {RegExp} expected @param {string} message */
  const showLines = async (text, expected, message) => {
    await filter?.fill(text);
    await waitUntil(
      async () => {
        const box = await page.locator('.part.panel .output-view').first().boundingBox();
        if (box) {
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          await page.mouse.wheel(0, -100_000);
        }
        return expected.test(await outputText());
      },
      { timeout: 15_000, message },
    );
  };
  await showLines('Imported', /Imported: 1 cluster, 3 hosts, 8 VMs, 7 datastores\./, 'the summary in the VTopo output channel');
  await screenshot(page, 'import-export-folder-web');
  await showLines('Inferred', /Inferred:/, 'the inferences of the summary');
  // The channel's first line says which extension host runs VTopo: the browser build here.
  await showLines('activated in', /activated in the web extension host/, 'the output channel to say VTopo runs in the web extension host');
  await filter?.fill('');
}
importAnExportFolderInTheBrowserBuild.timeout = 120_000;
importAnExportFolderInTheBrowserBuild.settings = { 'remote.extensionKind': { 'vtopo.vtopo': ['ui'] } };
