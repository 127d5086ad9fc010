// The designer in a real VS Code: it opens beside the text without touching the file, a
// palette click becomes a text edit (and new problems), and undo in the text editor
// takes the edit back.
import { expect, openFile, readProblemMarkers, runCommand, screenshot, waitForProblems, waitUntil } from './lib.mjs';

const designerFrame = (page) => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

export async function designerEditsTheTextThroughTheDocument({ page }) {
  await openFile(page, 'examples/seed-000-fq1616r.vtopo');
  await runCommand(page, 'VTopo: Open Designer to the Side');
  const frame = designerFrame(page);
  await frame.locator('#vt-add-host').waitFor({ state: 'visible', timeout: 30_000 });
  await frame.locator('canvas').first().waitFor({ state: 'visible', timeout: 30_000 });
  expect((await page.locator('.tab.dirty').count()) === 0, 'opening the designer leaves the document unmodified');
  await screenshot(page, 'designer-seed-000');

  await frame.locator('#vt-add-host').click();
  await waitUntil(async () => (await page.locator('.tab.dirty').count()) > 0, { timeout: 15_000, message: 'the document to change after Add host' });
  // The new host has no storage cabled yet: the analyzer says so, on the new id.
  await waitForProblems(page, (ms) => ms.some((m) => m.file === 'seed-000-fq1616r.vtopo' && /"esx-03"/.test(m.message)));
  await screenshot(page, 'designer-added-host');

  // Undo from the text editor: the host and its problems go away, the file is clean again.
  await page.locator('.editor-group-container .tab', { hasText: 'seed-000-fq1616r.vtopo' }).first().click();
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Z');
  await waitUntil(async () => !(await readProblemMarkers(page, { focus: false })).some((m) => /"esx-03"/.test(m.message)), { timeout: 15_000, message: 'the problems about esx-03 to go after undo' });
  await waitUntil(async () => (await page.locator('.tab.dirty').count()) === 0, { timeout: 15_000, message: 'the document to be clean after undo' });
}
designerEditsTheTextThroughTheDocument.timeout = 120_000;
