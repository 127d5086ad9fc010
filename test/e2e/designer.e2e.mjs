// @ts-check
// The designer in a real VS Code: it opens beside the text without touching the file, a
// palette click becomes a text edit (and new problems), and undo in the text editor
// takes the edit back.
import fs from 'node:fs';
import path from 'node:path';
import { expect, frameWithDesigner, frameWithHeading, openFile, openQuickInput, QUICK_INPUT_ROWS, readEditorText, readProblemMarkers, readQuickInputRows, REPO_ROOT, runCommand, screenshot, waitForProblems, waitUntil } from './lib.mjs';
/** @import { Frame, Page } from 'playwright-core' */
/** @import { JourneyContext } from './lib.mjs' */

/** @param {Page} page */
const designerFrame = (page) => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

/** @param {JourneyContext} journey */
export async function designerEditsTheTextThroughTheDocument({ page }) {
  await openFile(page, 'examples/seed-000-fq1616r.vtopo');
  await runCommand(page, 'VTopo: Open Designer to the Side');
  const frame = designerFrame(page);
  await frame.locator('#vt-add-host').waitFor({ state: 'visible', timeout: 30_000 });
  await frame.locator('#vt-canvas canvas:not(#vt-minimap)').first().waitFor({ state: 'visible', timeout: 30_000 });
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

// ---------------------------------------------------------------------------- canvas helpers

const SEED = 'seed-000-fq1616r.vtopo';
/** @param {Page} page */
const innerFrameLocator = (page) => page.frameLocator('iframe.webview.ready').locator('iframe#active-frame');

/**
 * The designer's document frame (the webview's inner iframe), once its canvas hook is up.
 * @param {Page} page
 * @param {{ timeout?: number }} [options]
 */
async function designerContentFrame(page, { timeout = 30_000 } = {}) {
  return waitUntil(
    async () => {
      const handle = await innerFrameLocator(page).elementHandle({ timeout: 5_000 });
      const frame = await handle?.contentFrame();
      if (!frame) return undefined;
      const ready = await frame.evaluate(() => typeof window.vtopoDesigner?.renderedBox === 'function' && document.querySelector('#designer, #vt-status') !== null);
      return ready ? frame : undefined;
    },
    { timeout, message: 'the designer webview frame and its test hook' },
  );
}

/** @typedef {{ x1: number, y1: number, x2: number, y2: number }} Box */

/**
 * Rendered box of a node in page coordinates (the inner iframe's box on the page + the canvas box in it).
 * @param {Page} page
 * @param {Frame} frame
 * @param {string} id
 * @param {{ timeout?: number }} [options]
 * @returns {Promise<Box>}
 */
async function pageBox(page, frame, id, { timeout = 20_000 } = {}) {
  await frame.waitForFunction((i) => window.vtopoDesigner.renderedBox(i) !== undefined, id, { timeout });
  const box = await frame.evaluate((i) => window.vtopoDesigner.renderedBox(i), id);
  if (!box) throw new Error(`${id} is no longer drawn`);
  const origin = await innerFrameLocator(page).boundingBox();
  if (!origin) throw new Error('the designer iframe has no bounding box');
  return { x1: origin.x + box.x1, y1: origin.y + box.y1, x2: origin.x + box.x2, y2: origin.y + box.y2 };
}
/** @param {Box} b */
const centerOf = (b) => ({ x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 });
/**
 * @param {Box} inner
 * @param {Box} outer
 */
const inside = (inner, outer) => inner.x1 >= outer.x1 - 1 && inner.y1 >= outer.y1 - 1 && inner.x2 <= outer.x2 + 1 && inner.y2 <= outer.y2 + 1;

/**
 * The count in the canvas status line "...: N elements, M connections, K with findings".
 * @param {Frame} frame
 */
async function findingsOnCanvas(frame) {
  const text = (await frame.locator('#vt-status').textContent()) ?? '';
  const match = text.match(/(\d+) with findings/);
  return match ? Number(match[1]) : undefined;
}

/**
 * Open a workspace file, then the designer beside it; returns the designer's frame.
 * @param {Page} page
 * @param {string} file
 */
async function openDesigner(page, file) {
  await openFile(page, file);
  await runCommand(page, 'VTopo: Open Designer to the Side');
  const frames = designerFrame(page);
  await frames.locator('#vt-canvas canvas:not(#vt-minimap)').first().waitFor({ state: 'visible', timeout: 30_000 });
  await frames.locator('#vt-status', { hasText: 'with findings' }).waitFor({ state: 'visible', timeout: 30_000 });
  return designerContentFrame(page);
}

/**
 * Go to `line` in the text editor of `file` (first editor group) and return the rendered text.
 * @param {Page} page
 * @param {string} file
 * @param {number} line
 */
async function textAround(page, file, line) {
  await page.locator('.editor-group-container .tab', { hasText: file }).first().click();
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget .quick-input-box input').first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: 10_000 });
  return readEditorText(page);
}

// ------------------------------------------------------------------------- drag a VM across

// The seed-000-fq1616r example keeps web-01 (on esx-02) and web-02 (on esx-01) apart with the anti-affinity rule
// "web-apart". Dragging web-02 onto esx-02 edits its `host:` line; the analyzer then reports
// anti-affinity-same-host in the Problems panel and the canvas marks the VM; Ctrl+Z in the
// text editor takes it all back.
/** @param {JourneyContext} journey */
export async function designerDragsAVmToAnotherHost({ page }) {
  const frame = await openDesigner(page, `examples/${SEED}`);
  const frames = designerFrame(page);
  expect((await page.locator('.tab.dirty').count()) === 0, 'opening the designer leaves the document unmodified');
  const findingsBefore = await findingsOnCanvas(frame);
  expect(findingsBefore !== undefined, 'the status line counts the elements with findings');
  expect(!(await readProblemMarkers(page)).some((m) => m.code === 'anti-affinity-same-host'), 'no anti-affinity problem before the drag');

  const esx01 = await pageBox(page, frame, 'esx-01');
  const esx02 = await pageBox(page, frame, 'esx-02');
  const web02 = await pageBox(page, frame, 'web-02');
  expect(inside(web02, esx01), `web-02 is drawn inside esx-01 before the drag: ${JSON.stringify({ web02, esx01 })}`);
  const from = centerOf(web02);
  const to = centerOf(esx02);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 4, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 25 });
  await page.mouse.up();
  await waitUntil(async () => (await page.locator('.tab.dirty').count()) > 0, { timeout: 15_000, message: 'the document to change after the drop' });

  // Text side: the analyzer reports the rule broken on web-02's new host line.
  const markers = await waitForProblems(page, (ms) => ms.some((m) => m.file === SEED && m.code === 'anti-affinity-same-host' && /"web-02"/.test(m.message) && /"esx-02"/.test(m.message)));
  const broken = markers.find((m) => m.code === 'anti-affinity-same-host');
  expect(broken?.severity === 'error', `anti-affinity-same-host is an error: ${JSON.stringify(broken)}`);
  // Canvas side: web-02 is now drawn inside esx-02, and the property panel of web-02 lists its
  // finding as an error (the seed's LAN warnings already name every VM, so the count of
  // elements with findings need not grow: the worst severity on web-02 does).
  await waitUntil(async () => inside(await pageBox(page, frame, 'web-02'), await pageBox(page, frame, 'esx-02')), { timeout: 15_000, message: 'web-02 drawn inside esx-02' });
  await waitUntil(async () => ((await findingsOnCanvas(frame)) ?? -1) >= findingsBefore, { timeout: 15_000, message: `at least ${findingsBefore} elements with findings on the canvas` });
  const web02Now = centerOf(await pageBox(page, frame, 'web-02'));
  await page.mouse.click(web02Now.x, web02Now.y);
  await frames.locator('#vt-panel h2', { hasText: 'web-02' }).waitFor({ state: 'visible', timeout: 10_000 });
  await frames.locator('#vt-panel', { hasText: /finding\(s\), worst: error/ }).waitFor({ state: 'visible', timeout: 10_000 });
  expect((await page.locator('.tab.dirty').count()) > 0 && ((await findingsOnCanvas(frame)) ?? -1) >= findingsBefore, 'selecting web-02 changed nothing');
  await screenshot(page, 'designer-vm-dragged');
  const text = await textAround(page, SEED, broken.line ?? 166);
  expect(/web-02:\s*\n\s*host: esx-02/.test(text), `the text says web-02 runs on esx-02:\n${text}`);

  // Undo in the text editor: the host line, the problem, the canvas and the dirty state go back.
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Z');
  await waitUntil(async () => (await page.locator('.tab.dirty').count()) === 0, { timeout: 15_000, message: 'the document to be clean after undo' });
  await waitUntil(async () => !(await readProblemMarkers(page, { focus: false })).some((m) => m.code === 'anti-affinity-same-host'), { timeout: 15_000, message: 'the anti-affinity problem to go after undo' });
  await waitUntil(async () => inside(await pageBox(page, frame, 'web-02'), await pageBox(page, frame, 'esx-01')), { timeout: 15_000, message: 'web-02 drawn inside esx-01 again' });
  await waitUntil(async () => (await findingsOnCanvas(frame)) === findingsBefore, { timeout: 15_000, message: `${findingsBefore} elements with findings on the canvas again` });
  const restored = await textAround(page, SEED, broken.line ?? 166);
  expect(/web-02:\s*\n\s*host: esx-01/.test(restored), `the text says web-02 runs on esx-01 again:\n${restored}`);
  await screenshot(page, 'designer-vm-drag-undone');
}
designerDragsAVmToAnotherHost.timeout = 120_000;

// ------------------------------------------------------------------------- cable a port

// Ports are drawn inside their host. In link mode, a drag from the free port esx-02/hba2/p1 to
// switch fc-a appends the cable `- [esx-02/hba2/p1, fc-a]` to the links section; the canvas
// draws it from the port, and Ctrl+Z in the text editor takes it back.
/** @param {JourneyContext} journey */
export async function designerCablesAPortToASwitch({ page, workspace }) {
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  const frame = await openDesigner(page, `examples/${SEED}`);
  const frames = designerFrame(page);
  const port = await pageBox(page, frame, 'esx-02/hba2/p1');
  expect(inside(port, await pageBox(page, frame, 'esx-02')), 'the port is drawn inside its host');
  const edgesBefore = await frame.evaluate(() => window.vtopoDesigner.edgeCount());
  await frames.locator('#vt-link').click();
  const from = centerOf(port);
  const to = centerOf(await pageBox(page, frame, 'fc-a'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.waitForTimeout(250);
  await page.mouse.up();
  await waitUntil(async () => (await page.locator('.tab.dirty').count()) > 0, { timeout: 15_000, message: 'the document to change after the cable is drawn' });
  await waitUntil(async () => (await frame.evaluate(() => window.vtopoDesigner.edgeCount())) === edgesBefore + 1, { timeout: 15_000, message: 'the canvas to draw one more cable' });
  await frames.locator('#vt-link').click();
  // For the picture: find the port (selects and centres it, its fields in the panel), zoom in.
  await frames.locator('#vt-search').fill('esx-02/hba2/p1');
  await frames.locator('#vt-search').press('Enter');
  await frames.locator('#vt-panel input[data-key="speed"]').waitFor({ state: 'visible', timeout: 10_000 });
  await frames.locator('#vt-zoom-in').click();
  await frames.locator('#vt-zoom-in').click();
  await screenshot(page, 'designer-port-cabled');
  const lines = fs.readFileSync(path.join(workspace, 'examples', SEED), 'utf8').split('\n');
  const last = lines.indexOf('  - [esx-02/nic1/p1, lan-2]') + 1;
  expect(last > 0, 'the seed-000-fq1616r example ends its links with esx-02/nic1/p1');
  const text = await textAround(page, SEED, last + 1);
  expect(/- \[esx-02\/nic1\/p1, lan-2\]\s*\n\s*- \[esx-02\/hba2\/p1, fc-a\]/.test(text), `the new cable follows the last one:\n${text}`);

  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Z');
  await waitUntil(async () => (await page.locator('.tab.dirty').count()) === 0, { timeout: 15_000, message: 'the document to be clean after undo' });
  await waitUntil(async () => (await frame.evaluate(() => window.vtopoDesigner.edgeCount())) === edgesBefore, { timeout: 15_000, message: 'the cable to go from the canvas after undo' });
}
designerCablesAPortToASwitch.timeout = 120_000;

// ------------------------------------------------------------------------------ XSS labels

const XSS_MODEL = '<img src=x onerror=alert(1)>';
const XSS_ROLE = '<script>alert(2)</script>';

// Ids cannot hold markup, free text can: a host model and a VM role full of HTML are shown as
// text in the property panel, and nothing in them runs (no dialog, no <img> in the webview).
/** @param {JourneyContext} journey */
export async function designerShowsMarkupAsText({ page }) {
  /** @type {string[]} */
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  const frame = await openDesigner(page, 'xss.vtopo');
  const frames = designerFrame(page);
  // Record (rather than show) any alert the panel might run from here on.
  await frame.evaluate(() => {
    window.__vtopoAlerts = [];
    // Stand-ins that record the call (and answer undefined where confirm and prompt answer a value).
    for (const name of /** @type {const} */ (['alert', 'confirm', 'prompt'])) window[name] = /** @type {Window['alert'] & Window['confirm'] & Window['prompt']} */ ((/** @type {unknown} */ m) => void window.__vtopoAlerts.push(`${name}: ${m}`));
  });

  // The host: click its top edge (its middle is the VM inside it).
  const host = await pageBox(page, frame, 'esx-x');
  await page.mouse.click((host.x1 + host.x2) / 2, host.y1 + 4);
  await frames.locator('#vt-panel h2', { hasText: 'esx-x' }).waitFor({ state: 'visible', timeout: 10_000 });
  await waitUntil(async () => ((await frame.locator('#vt-panel').textContent()) ?? '').includes(XSS_MODEL), { timeout: 10_000, message: 'the host model shown as text in the property panel' });
  const model = frame.locator('#vt-panel input[data-key="model"]');
  // The field edits the YAML scalar as written (here double-quoted): the markup is its text.
  if ((await model.count()) > 0) {
    const value = await model.inputValue();
    expect(value === XSS_MODEL || value === JSON.stringify(XSS_MODEL), `the model field holds the literal text: ${value}`);
  }
  await screenshot(page, 'designer-xss-host');

  // The VM: its role is in its facts. A click on the empty canvas clears the selection first.
  const canvas = await frames.locator('#vt-canvas').boundingBox();
  if (!canvas) throw new Error('the designer canvas has no bounding box');
  await page.mouse.click(canvas.x + 12, canvas.y + 12);
  await frames.locator('#vt-panel h2', { hasText: 'No selection' }).waitFor({ state: 'visible', timeout: 10_000 });
  const vm = centerOf(await pageBox(page, frame, 'app-x'));
  await page.mouse.click(vm.x, vm.y);
  await frames.locator('#vt-panel h2', { hasText: 'app-x' }).waitFor({ state: 'visible', timeout: 10_000 });
  await waitUntil(async () => ((await frame.locator('#vt-panel').textContent()) ?? '').includes(XSS_ROLE), { timeout: 10_000, message: 'the VM role shown as text in the property panel' });
  await screenshot(page, 'designer-xss-vm');

  await page.waitForTimeout(500); // let a would-be onerror handler fire
  const dom = await frame.evaluate(() => ({
    images: document.querySelectorAll('img').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => /alert\(/.test(s.textContent ?? '')).length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).map((e) => e.outerHTML.slice(0, 80)),
    alerts: window.__vtopoAlerts,
  }));
  expect(dom.images === 0, `no <img> element in the designer: ${dom.images}`);
  expect(dom.scripts === 0, `no script from file data in the designer: ${dom.scripts}`);
  expect(dom.handlers.length === 0, `no inline event handler in the designer: ${JSON.stringify(dom.handlers)}`);
  expect(dom.alerts.length === 0, `no alert ran in the designer: ${JSON.stringify(dom.alerts)}`);
  expect(dialogs.length === 0, `no dialog opened: ${JSON.stringify(dialogs)}`);
  expect((await page.locator('.tab.dirty').count()) === 0, 'selecting elements leaves the document unmodified');
}
designerShowsMarkupAsText.timeout = 120_000;
designerShowsMarkupAsText.files = {
  'xss.vtopo': [
    '# A design whose free text carries markup: the designer must show it, never run it.',
    'vtopo: 1',
    'name: XSS labels',
    'platform: vsphere',
    '',
    'clusters:',
    '  lab: {}',
    '',
    'hosts:',
    '  esx-x:',
    '    cluster: lab',
    `    model: "${XSS_MODEL}"`,
    '    cpu: { sockets: 1, cores: 8, speed: 2.0 GHz }',
    '    memory: 64 GB',
    '',
    'vms:',
    '  app-x:',
    '    host: esx-x',
    '    cpus: 1',
    '    memory: 2 GB',
    `    role: "${XSS_ROLE}"`,
    '',
    'layout:',
    '  esx-x: { x: 100, y: 100 }',
    '',
  ].join('\n'),
};


/** @param {JourneyContext} journey */
export async function aHostFailurePlaysOnTheDesigner({ page }) {
  await openFile(page, `examples/${SEED}`);
  await runCommand(page, 'VTopo: Open Designer to the Side');
  const designer = await frameWithDesigner(page);
  // Back to the text editor, from which the simulation commands take the design.
  await page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first().click();
  await runCommand(page, 'VTopo: Simulate Host Failure...');
  await waitUntil(async () => (await readQuickInputRows(page)).some((row) => row.label === 'esx-01'), { message: 'the quick pick of hosts' });
  await page.locator(QUICK_INPUT_ROWS).filter({ hasText: 'esx-01' }).first().click();

  await designer.waitForFunction(() => !document.querySelector('#vt-sim')?.classList.contains('vt-hidden'), undefined, { timeout: 20_000 });
  const title = await designer.evaluate(() => document.querySelector('#vt-sim-title')?.textContent ?? '');
  expect(/esx-01/.test(title), `the canvas plays the host failure: ${title}`);
  expect((await designer.evaluate(() => window.vtopoDesigner.parentOf('vcenter'))) === 'esx-01', 'at the start vcenter is still drawn on esx-01');
  // Move the slider to the end: vcenter has restarted on esx-02.
  await designer.evaluate(() => {
    const slider = /** @type {HTMLInputElement} */ (document.querySelector('#vt-sim-time')); // the playback bar's range input
    slider.value = slider.max;
    slider.dispatchEvent(new globalThis.Event('input', { bubbles: true }));
  });
  await designer.waitForFunction(() => window.vtopoDesigner.parentOf('vcenter') === 'esx-02', undefined, { timeout: 10_000 });
  expect((await page.locator('.tab.dirty').count()) === 0, 'playing a simulation does not edit the design');
  await screenshot(page, 'designer-simulation-playback');
}
aHostFailurePlaysOnTheDesigner.timeout = 120_000;

/**
 * The "Simulate failure" CodeLens above esx-01's LAN card (nic1) in the text editor: the
 * results panel shows the isolation and the canvas plays it, esx-01 drawn isolated and its
 * VMs unreachable (not down).
 * @param {JourneyContext} journey
 */
export async function aNicFailureFromTheCodeLensPlaysOnTheDesigner({ page }) {
  await openFile(page, `examples/${SEED}`);
  await runCommand(page, 'VTopo: Open Designer to the Side');
  const designer = await frameWithDesigner(page);
  const text = fs.readFileSync(path.join(REPO_ROOT, 'examples', SEED), 'utf8');
  const line = text.split('\n').indexOf('      nic1:') + 1;
  expect(line > 0, 'esx-01 has a nic1 in the seed');
  // Back to the text editor, to the line of esx-01's nic1.
  const editor = page.locator('.editor-group-container').first().locator('.monaco-editor').first();
  await editor.locator('.view-lines').first().click();
  await openQuickInput(page, `:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: 10_000 });

  // The lens drawn right above that line (CodeLenses sit in a zone above the line they belong to).
  const lensIndex = await waitUntil(async () => editor.evaluate((root, wanted) => {
    const number = [...root.querySelectorAll('.margin-view-overlays .line-numbers')].find((element) => element.textContent?.trim() === String(wanted));
    if (!number) return undefined;
    const top = number.getBoundingClientRect().top;
    const lenses = [...root.querySelectorAll('.codelens-decoration')].map((element, index) => ({ index, bottom: element.getBoundingClientRect().bottom, text: element.textContent ?? '' }));
    const above = lenses.filter((lens) => lens.bottom <= top + 2 && top - lens.bottom < 30).sort((a, b) => b.bottom - a.bottom)[0];
    // An object, as the lens may be the first one drawn (index 0).
    return above && above.text.includes('Simulate failure') ? { index: above.index } : undefined;
  }, line), { timeout: 20_000, message: `the Simulate failure CodeLens above line ${line} (nic1)` });
  const lens = editor.locator('.codelens-decoration').nth(lensIndex.index);
  await screenshot(page, 'designer-nic-codelens');
  await lens.locator('a', { hasText: 'Simulate failure' }).first().click();

  // The results panel: the isolation on the Network line, three VMs unreachable.
  const results = await frameWithHeading(page, 'Adapter esx-01/nic1 fails');
  const summary = await results.evaluate(() => document.querySelector('.summary')?.textContent ?? '');
  expect(/Unreachable\s*3/.test(summary) && /Network\s*esx-01 isolated at 5 s/.test(summary), `summary: ${summary}`);

  // The canvas plays it: esx-01 isolated (dashed border, badge), its VMs unreachable, nic1's ports greyed.
  await designer.waitForFunction(() => /esx-01\/nic1/.test(document.querySelector('#vt-sim-title')?.textContent ?? '') && !document.querySelector('#vt-sim')?.classList.contains('vt-hidden'), undefined, { timeout: 20_000 });
  await designer.evaluate(() => {
    const slider = /** @type {HTMLInputElement} */ (document.querySelector('#vt-sim-time')); // the playback bar's range input
    slider.value = String(Math.round(Number(slider.max) / 2));
    slider.dispatchEvent(new globalThis.Event('input', { bubbles: true }));
  });
  const state = await designer.evaluate(() => {
    const hook = window.vtopoDesigner;
    return {
      host: hook.classesOf('esx-01'),
      label: hook.styledLabelOf('esx-01'),
      border: hook.borderOf('esx-01'),
      other: hook.classesOf('esx-02'),
      vms: ['vcenter', 'sql-01', 'web-02'].map((id) => hook.classesOf(id)),
      ports: ['esx-01/nic1/p0', 'esx-01/nic1/p1'].map((id) => hook.classesOf(id)),
      status: document.querySelector('#vt-status')?.textContent ?? '',
    };
  });
  expect(state.host.includes('vt-sim-isolated') && !state.host.includes('vt-sim-failed'), `esx-01 drawn isolated: ${JSON.stringify(state)}`);
  // The label keeps its findings badge (the seed's LAN findings name esx-01) and gains the isolation badge.
  expect(/^esx-01( ⚠\d+)? \[isolated\]$/.test(state.label ?? '') && state.border?.style === 'dashed', `esx-01's badge and border: ${JSON.stringify(state)}`);
  expect(!state.other.includes('vt-sim-isolated'), 'esx-02 is not isolated');
  expect(state.vms.every((classes) => classes.includes('vt-sim-unreachable') && !classes.includes('vt-sim-down')), `VMs unreachable, not down: ${JSON.stringify(state.vms)}`);
  expect(state.ports.every((classes) => classes.includes('vt-sim-failed')), `nic1's ports greyed: ${JSON.stringify(state.ports)}`);
  expect(/1 host isolated/.test(state.status) && /3 VMs unreachable/.test(state.status), `status line: ${state.status}`);
  expect((await page.locator('.tab.dirty').count()) === 0, 'playing a simulation does not edit the design');

  // The results panel opened over the designer: bring the canvas to the front, give it the
  // window and fit the design in it, nothing selected, to see it.
  await runCommand(page, 'View: Single Column Editor Layout');
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await page.locator('.editor-group-container .tab', { hasText: SEED }).filter({ has: page.locator('.codicon-vtopo-designer, .file-icon') }).last().click();
  await page.waitForTimeout(500);
  await designer.locator('#vt-canvas canvas:not(#vt-minimap)').first().click({ position: { x: 5, y: 5 } });
  await designer.locator('#vt-fit').click();
  await page.waitForTimeout(500);
  expect((await designer.evaluate(() => window.vtopoDesigner.classesOf('esx-01'))).includes('vt-sim-isolated'), 'esx-01 still drawn isolated');
  await screenshot(page, 'designer-nic-failure-playback');
}
aNicFailureFromTheCodeLensPlaysOnTheDesigner.timeout = 150_000;

/** @param {JourneyContext} journey */
export async function shortcutsTypedOnTheCanvasReachVsCode({ page }) {
  await openFile(page, `examples/${SEED}`);
  await runCommand(page, 'VTopo: Open Designer to the Side');
  const designer = await frameWithDesigner(page);
  await designer.locator('#vt-canvas canvas:not(#vt-minimap)').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget').first().waitFor({ state: 'visible', timeout: 10_000 });
  const value = await page.locator('.quick-input-widget input').first().inputValue();
  expect(value.startsWith('>'), `Ctrl+Shift+P from the canvas opens the command palette: "${value}"`);
  await page.keyboard.press('Escape');
}
shortcutsTypedOnTheCanvasReachVsCode.timeout = 90_000;

// Ctrl+Z and Ctrl+Y typed on the canvas undo and redo the canvas's own edit: the designer
// edits VS Code's text document, so VS Code's undo stack is the one that answers.
/** @param {JourneyContext} journey */
export async function undoAndRedoTypedOnTheCanvas({ page }) {
  const frame = await openDesigner(page, `examples/${SEED}`);
  const frames = designerFrame(page);
  await frames.locator('#vt-add-host').click();
  await waitUntil(async () => (await page.locator('.tab.dirty').count()) > 0, { timeout: 15_000, message: 'the document to change after Add host' });
  await waitUntil(async () => (await frame.evaluate(() => window.vtopoDesigner.labelOf('esx-03'))) !== undefined, { timeout: 15_000, message: 'esx-03 drawn' });
  await frames.locator('#vt-canvas canvas:not(#vt-minimap)').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Z');
  await waitUntil(async () => (await frame.evaluate(() => window.vtopoDesigner.labelOf('esx-03'))) === undefined, { timeout: 15_000, message: 'Ctrl+Z on the canvas to take esx-03 back' });
  await waitUntil(async () => (await page.locator('.tab.dirty').count()) === 0, { timeout: 15_000, message: 'the document to be clean after Ctrl+Z on the canvas' });
  await page.keyboard.press('Control+Y');
  await waitUntil(async () => (await frame.evaluate(() => window.vtopoDesigner.labelOf('esx-03'))) !== undefined, { timeout: 15_000, message: 'Ctrl+Y on the canvas to bring esx-03 back' });
  await screenshot(page, 'designer-undo-redo-on-canvas');
}
undoAndRedoTypedOnTheCanvas.timeout = 90_000;

// Findings link both ways: a problem picked in the Problems panel moves the text cursor
// into its element, and the designer selects that element; an element picked on the
// canvas is shown in the text with "Show text".
/** @param {JourneyContext} journey */
export async function problemsAndCanvasRevealEachOther({ page, workspace }) {
  const file = 'iscsi-av100-g6.vtopo';
  const frame = await openDesigner(page, `examples/${file}`);
  const frames = designerFrame(page);
  await waitForProblems(page, (ms) => ms.some((m) => m.file === file && m.code === 'vm-local-datastore'));
  // The text editor is the active one (else VS Code opens the problem's text over the canvas).
  await page.locator('.editor-group-container .tab', { hasText: file }).first().click();
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'vm-local-datastore' }).first().click();
  await waitUntil(async () => (await frame.evaluate(() => window.vtopoDesigner.selected())).join() === 'build-agent', { timeout: 15_000, message: 'the canvas to select build-agent, the VM the problem names' });
  await frames.locator('#vt-panel h2', { hasText: 'build-agent' }).waitFor({ state: 'visible', timeout: 10_000 });
  await screenshot(page, 'designer-problem-selects-element');

  // The other way: find the array on the canvas, then "Show text" puts the cursor on its id.
  await frames.locator('#vt-search').fill('av100');
  await frames.locator('#vt-search').press('Enter');
  await frames.locator('#vt-panel h2', { hasText: /^av100$/ }).waitFor({ state: 'visible', timeout: 10_000 });
  await frames.locator('#vt-reveal').click();
  const lines = fs.readFileSync(path.join(workspace, 'examples', file), 'utf8').split('\n');
  const arrayLine = lines.indexOf('  av100:') + 1;
  expect(arrayLine > 0, 'the example declares av100');
  await waitUntil(async () => (await page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first().textContent())?.startsWith(`Ln ${arrayLine},`), { timeout: 15_000, message: `the text cursor on line ${arrayLine}, where av100 is declared` });
  await screenshot(page, 'designer-show-text');
}
problemsAndCanvasRevealEachOther.timeout = 120_000;

// Export SVG / Export PNG go through VS Code's save dialog (in the browser, the quick-input
// file dialog, which takes the suggested name with Enter) and write the picture to disk.
/** @param {JourneyContext} journey */
export async function exportWritesSvgAndPngThroughTheSaveDialog({ page, workspace }) {
  await openDesigner(page, `examples/${SEED}`);
  const frames = designerFrame(page);
  /** @param {string} ext */
  const written = (ext) => path.join(workspace, 'examples', SEED.replace(/\.vtopo$/, `.${ext}`));
  for (const ext of ['svg', 'png']) {
    await frames.locator(`#vt-export-${ext}`).click();
    const input = page.locator('.quick-input-widget .quick-input-box input').first();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await waitUntil(async () => (await input.inputValue()).endsWith(`.${ext}`), { timeout: 10_000, message: `the save dialog to suggest a .${ext} name` });
    await screenshot(page, `designer-export-${ext}-dialog`);
    await input.press('Enter');
    await waitUntil(async () => fs.existsSync(written(ext)) && fs.statSync(written(ext)).size > 0, { timeout: 15_000, message: `${path.basename(written(ext))} to be written` });
  }
  const svg = fs.readFileSync(written('svg'), 'utf8');
  expect(svg.startsWith('<svg') && svg.includes('esx-01') && svg.includes('fq1616r'), `an SVG of the design: ${svg.slice(0, 120)}`);
  const png = fs.readFileSync(written('png'));
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && png.length > 2_000, `a PNG (${png.length} bytes)`);
}
exportWritesSvgAndPngThroughTheSaveDialog.timeout = 120_000;

// ------------------------------------------------------------------ the look, in every theme

/** The seed's boxes: its cluster, hosts, array and controllers, switches and datastores. */
const SEED_BOXES = ['prod', 'esx-01', 'esx-02', 'fq1616r', 'fq1616r/a', 'fq1616r/b', 'fc-a', 'fc-b', 'lan-1', 'lan-2', 'vmfs-01', 'vmfs-02'];
/** What the seed's picture is about: named at Fit, beside the text. */
const SEED_NAMED = ['prod', 'esx-01', 'esx-02', 'fc-a', 'fc-b', 'lan-1', 'lan-2', 'fq1616r'];
/** Every node of the seed, for the label sizes. */
const SEED_NODES = [...SEED_BOXES, 'vcenter', 'sql-01', 'web-01', 'web-02', ...['esx-01', 'esx-02'].flatMap((h) => ['hba1/p0', 'hba1/p1', 'hba2/p0', 'hba2/p1', 'nic1/p0', 'nic1/p1'].map((p) => `${h}/${p}`)), 'fq1616r/a/fc0', 'fq1616r/a/fc1', 'fq1616r/b/fc0', 'fq1616r/b/fc1'];
/** VS Code's themes and the class the webview's body gets in each. @type {ReadonlyArray<readonly [name: string, theme: string, bodyClass: string]>} */
const THEMES = [['light', 'Default Light Modern', 'vscode-light'], ['dark', 'Default Dark Modern', 'vscode-dark'], ['high-contrast', 'Default High Contrast', 'vscode-high-contrast']];

/**
 * The seed example in the designer beside its text, in the light, dark and high-contrast
 * themes (switched through the workspace settings while it is open): at Fit no two of its
 * boxes overlap (read from the canvas, not the pixels), every label drawn is 9 px or more
 * and its cluster, hosts, switches and array are named. Then the legend, and the context
 * menu's "Simulate failure of esx-01", which runs the simulation and plays it on the canvas.
 * @param {JourneyContext} journey
 */
export async function designerSeedReadsInEveryTheme({ page, workspace }) {
  const frame = await openDesigner(page, `examples/${SEED}`);
  const frames = designerFrame(page);
  for (const [name, theme, bodyClass] of THEMES) {
    fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': theme }));
    await frame.waitForFunction((c) => document.body.classList.contains(c), bodyClass, { timeout: 20_000 });
    await frames.locator('#vt-fit').click();
    // The labels are restyled once the zoom settles.
    await page.waitForTimeout(600);
    const look = await frame.evaluate(({ boxes, nodes }) => {
      const hook = window.vtopoDesigner;
      const ancestors = (/** @type {string} */ id) => {
        /** @type {string[]} */
        const found = [];
        let at = hook.parentOf(id);
        while (at !== undefined) {
          found.push(at);
          at = hook.parentOf(at);
        }
        return found;
      };
      return {
        zoom: hook.zoom(),
        boxes: boxes.map((id) => ({ id, box: hook.renderedBox(id), ancestors: ancestors(id) })),
        labels: nodes.map((id) => ({ id, label: hook.renderedLabel(id) })),
      };
    }, { boxes: SEED_BOXES, nodes: SEED_NODES });
    for (const a of look.boxes) {
      for (const b of look.boxes) {
        if (a.id >= b.id || a.ancestors.includes(b.id) || b.ancestors.includes(a.id)) continue;
        expect(a.box && b.box, `${a.id} and ${b.id} are drawn`);
        const apart = a.box.x2 <= b.box.x1 || b.box.x2 <= a.box.x1 || a.box.y2 <= b.box.y1 || b.box.y2 <= a.box.y1;
        expect(apart, `${name}: ${a.id} and ${b.id} overlap: ${JSON.stringify([a.box, b.box])}`);
      }
    }
    const tooSmall = look.labels.filter(({ label }) => label?.drawn && label.screenPx < 9);
    expect(tooSmall.length === 0, `${name}: labels drawn under 9 px at zoom ${look.zoom}: ${JSON.stringify(tooSmall)}`);
    const unnamed = SEED_NAMED.filter((id) => !look.labels.find((entry) => entry.id === id)?.label?.drawn);
    expect(unnamed.length === 0, `${name}: named at Fit (zoom ${look.zoom.toFixed(2)}): ${unnamed.join(', ')} are not`);
    await screenshot(page, `designer-look-${name}`);
  }

  await frames.locator('#vt-legend-toggle').click();
  await frames.locator('#vt-legend').waitFor({ state: 'visible', timeout: 10_000 });
  await screenshot(page, 'designer-look-legend');
  await frames.locator('#vt-legend-toggle').click();

  // The context menu of a host (its top edge: its middle is a VM), then its failure.
  const host = await pageBox(page, frame, 'esx-01');
  await page.mouse.click((host.x1 + host.x2) / 2, host.y1 + 3, { button: 'right' });
  await frames.locator('#vt-context-menu').waitFor({ state: 'visible', timeout: 10_000 });
  const items = await frame.evaluate(() => [...document.querySelectorAll('#vt-context-menu [role="menuitem"]')].map((item) => item.textContent));
  expect(JSON.stringify(items) === JSON.stringify(['Simulate failure of esx-01', 'Show in text', 'Delete']), `the menu: ${JSON.stringify(items)}`);
  await screenshot(page, 'designer-look-context-menu');
  await frames.locator('#vt-context-menu [data-action="simulate-failure"]').click();
  await frameWithHeading(page, 'Host esx-01 fails');
  const designer = await frameWithDesigner(page);
  await designer.waitForFunction(() => /esx-01/.test(document.querySelector('#vt-sim-title')?.textContent ?? '') && !document.querySelector('#vt-sim')?.classList.contains('vt-hidden'), undefined, { timeout: 20_000 });
  expect((await page.locator('.tab.dirty').count()) === 0, 'a simulation from the menu does not edit the design');
}
designerSeedReadsInEveryTheme.timeout = 180_000;
designerSeedReadsInEveryTheme.settings = { 'workbench.colorTheme': 'Default Light Modern' };
