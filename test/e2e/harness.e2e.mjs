// @ts-check
// Journeys that check the harness itself (workbench, Quick Open, palette, Problems).
import { expect, openFile, readEditorText, screenshot, typeInEditor, waitForProblems } from './lib.mjs';
/** @import { JourneyContext } from './lib.mjs' */

/** @param {JourneyContext} journey */
export async function opensReadme({ page }) {
  await openFile(page, 'README.md');
  const text = await readEditorText(page);
  expect(text.includes('# VTopo e2e workspace'), `README.md content shown, got: ${text.slice(0, 200)}`);
  await screenshot(page, 'harness-readme');
}

// Built-in JSON language server reports a syntax error: exercises Problems reading.
/** @param {JourneyContext} journey */
export async function problemsPanelShowsJsonError({ page }) {
  await openFile(page, 'broken.json');
  await typeInEditor(page, ' "b": }', { at: 'end' });
  const markers = await waitForProblems(page, (ms) => ms.some((m) => m.file === 'broken.json' && m.severity === 'error'));
  expect(markers.every((m) => (m.line ?? 0) > 0), `markers have line numbers: ${JSON.stringify(markers)}`);
  await screenshot(page, 'harness-problems-json');
}
problemsPanelShowsJsonError.files = { 'broken.json': '{ "a": 1,' };
