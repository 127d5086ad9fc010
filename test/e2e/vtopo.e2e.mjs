// @ts-check
// VTopo as a user meets it in VS Code: the examples' problems in the Problems panel, a
// fix typed into the text, undo, and commands run from the palette.
import fs from 'node:fs';
import path from 'node:path';
import { expect, focusEditor, openFile, readProblemMarkers, readStatusBar, runCommand, screenshot, typeInEditor, waitForNotification, waitForProblems, waitUntil } from './lib.mjs';
/** @import { JourneyContext, ProblemMarker } from './lib.mjs' */

/** @param {ProblemMarker} marker */
const isVtopo = (marker) => marker.source === 'vtopo' || /vtopo/.test(marker.ariaLabel);

/**
 * The rule ids an example's header promises (`# Expected findings: a, b` or `none`).
 * @param {string} text
 */
function promisedRuleIds(text) {
  const line = text.split('\n').find((l) => /^#\s*Expected findings:/i.test(l)) ?? '';
  const list = (line.replace(/^#\s*Expected findings:/i, '').split('.')[0] ?? '').trim();
  return list === 'none' ? [] : list.split(',').map((id) => id.trim()).sort();
}

/** @param {JourneyContext} journey */
export async function examplesShowExactlyTheProblemsTheirHeadersPromise({ page, workspace }) {
  const examples = fs.readdirSync(path.join(workspace, 'examples')).filter((name) => name.endsWith('.vtopo')).sort();
  expect(examples.length >= 3, `the examples are in the workspace: ${examples.join(', ')}`);
  const promised = Object.fromEntries(examples.map((name) => [name, promisedRuleIds(fs.readFileSync(path.join(workspace, 'examples', name), 'utf8'))]));
  for (const name of examples) await openFile(page, `examples/${name}`);
  /** @param {ProblemMarker[]} markers */
  const everyPromise = (markers) => examples.every((name) => {
    const shown = [...new Set(markers.filter((m) => isVtopo(m) && m.file === name).map((m) => m.code))].sort();
    return JSON.stringify(shown) === JSON.stringify(promised[name]);
  });
  const markers = await waitForProblems(page, everyPromise);
  const local = markers.find((m) => m.code === 'vm-local-datastore');
  expect(local?.severity === 'error' && /local datastore/.test(local.message), `vm-local-datastore is an error about local storage: ${JSON.stringify(local)}`);
  const array = markers.find((m) => m.code === 'array-single-controller');
  expect(array?.severity === 'warning' && /single point of failure/.test(array.message), `array-single-controller is a warning: ${JSON.stringify(array)}`);
  expect(markers.filter(isVtopo).every((m) => (m.line ?? 0) > 1), 'problems carry line numbers');
  await screenshot(page, 'vtopo-problems-examples');
}

const N1_FAILS = `# Two hosts, each nearly full: losing either leaves VMs that cannot restart.
vtopo: 1
clusters:
  prod: {}
hosts:
  esx-01: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 64 GB }
  esx-02: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 64 GB }
arrays:
  san: { model: FQ1616R }
datastores:
  san-01: { array: san }
vms:
  big-01: { host: esx-01, memory: 48 GB, reservation: { memory: 48 GB }, datastore: san-01 }
  big-02: { host: esx-02, memory: 48 GB, reservation: { memory: 48 GB }, datastore: san-01 }
`;

/** @param {JourneyContext} journey */
export async function theStatusBarTellsWhetherTheDesignSurvivesAHostFailure({ page }) {
  // The seed example's hosts survive a host failure, but one LAN card can cut each off: not OK.
  await openFile(page, 'examples/seed-000-fq1616r.vtopo');
  await waitUntil(async () => (await readStatusBar(page)).some((text) => /N-1: LAN single point on 2 hosts/.test(text)), { timeout: 20_000, message: 'the LAN single point status for the seed-000-fq1616r example' });
  await screenshot(page, 'vtopo-status-bar-lan');
  await openFile(page, 'examples/hyperv-guest-cluster.vtopo');
  await waitUntil(async () => (await readStatusBar(page)).some((text) => /N-1 OK$/.test(text)), { timeout: 20_000, message: 'the N-1 OK status for the redundant Hyper-V example' });
  await openFile(page, 'n1-fails.vtopo');
  await waitUntil(async () => (await readStatusBar(page)).some((text) => /N-1: 1 VM cannot restart/.test(text)), { timeout: 20_000, message: 'the N-1 failure status' });
  await waitForProblems(page, (ms) => ms.some((m) => m.code === 'n1-capacity' && m.file === 'n1-fails.vtopo'));
  await screenshot(page, 'vtopo-status-bar-n1');
}
theStatusBarTellsWhetherTheDesignSurvivesAHostFailure.files = { 'n1-fails.vtopo': N1_FAILS };

const FIX_ME = `# A VM on local disk: typing a shared datastore fixes it.
vtopo: 1
clusters:
  prod: {}
hosts:
  esx-01: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 256 GB }
  esx-02: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 256 GB }
arrays:
  san: { model: FQ1616R }
datastores:
  san-01: { array: san }
  local-1: { host: esx-01 }
vms:
  app-01:
    host: esx-01
    memory: 8 GB
    datastore: local-1`;

/** @param {JourneyContext} journey */
export async function typingAFixClearsTheProblemAndUndoBringsItBack({ page }) {
  await openFile(page, 'fix-me.vtopo');
  await waitForProblems(page, (ms) => ms.some((m) => m.code === 'vm-local-datastore' && m.file === 'fix-me.vtopo'));
  // Select the last line's text and type over it: one edit, so one undo restores it.
  await focusEditor(page, { at: 'end' });
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('datastore: san-01');
  await waitUntil(async () => !(await readProblemMarkers(page, { focus: false })).some((m) => m.code === 'vm-local-datastore'), { timeout: 15_000, message: 'vm-local-datastore to disappear after the fix' });
  await screenshot(page, 'vtopo-fixed');
  // VS Code groups typing into undo steps at word boundaries: undo until the text is back.
  for (let step = 0; step < 6; step++) {
    await focusEditor(page);
    await page.keyboard.press('Control+Z');
    const markers = await readProblemMarkers(page);
    if (markers.some((m) => m.code === 'vm-local-datastore' && m.file === 'fix-me.vtopo')) return;
  }
  await waitForProblems(page, (ms) => ms.some((m) => m.code === 'vm-local-datastore' && m.file === 'fix-me.vtopo'), { timeout: 5_000 });
}
typingAFixClearsTheProblemAndUndoBringsItBack.files = { 'fix-me.vtopo': FIX_ME };

/** @param {JourneyContext} journey */
export async function aTypoIsReportedWithTheKeyItMeant({ page }) {
  await openFile(page, 'examples/seed-000-fq1616r.vtopo');
  // At the very start: a new last line would inherit the layout section's indentation.
  await typeInEditor(page, 'platfrom: vsphere\n', { at: 'start' });
  const markers = await waitForProblems(page, (ms) => ms.some((m) => m.code === 'unknown-key'));
  const typo = markers.find((m) => m.code === 'unknown-key');
  expect(/Did you mean "platform"\?/.test(typo?.message ?? ''), `suggests the right key: ${typo?.message}`);
  await screenshot(page, 'vtopo-typo');
}

/** @param {JourneyContext} journey */
export async function checkAllFilesRunsFromThePalette({ page }) {
  // Wait for the workbench to know the extension (a file of its language is open) first.
  await openFile(page, 'README.md');
  await waitUntil(async () => {
    try {
      await runCommand(page, 'VTopo: Check All Files', { timeout: 3_000 });
      return true;
    } catch {
      return false;
    }
  }, { timeout: 30_000, message: 'the VTopo commands in the palette' });
  const message = await waitForNotification(page, 'VTopo checked');
  // The six examples: racks-and-power's failure-domain-spof is the third error.
  expect(/checked 6 designs: 3 errors, 9 warnings\./.test(message), `summary counts the 6 examples' problems: ${message}`);
  await waitForProblems(page, (ms) => ms.some((m) => m.code === 'array-single-controller'));
}

/** @param {JourneyContext} journey */
export async function designPreviewDrawsTheExample({ page }) {
  await openFile(page, 'examples/seed-000-fq1616r.vtopo');
  await runCommand(page, 'VTopo: Open Design Preview');
  const status = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('#status');
  await status.waitFor({ state: 'visible', timeout: 20_000 });
  await waitUntil(async () => /elements/.test((await status.textContent()) ?? ''), { timeout: 20_000, message: 'the preview to draw' });
  const text = await status.textContent();
  // The LAN findings name both hosts, their nic1 and ports, and the VMs on them.
  expect(/seed-000-fq1616r\.vtopo: \d+ elements, \d+ connections, 11 with findings/.test(text ?? ''), `preview status: ${text}`);
  await screenshot(page, 'vtopo-preview');
}

// The browser build (dist/extension/web.js) in the web worker extension host, as in vscode.dev.
/** @param {JourneyContext} journey */
export async function theWebExtensionBuildAnalyzesInTheBrowser({ page }) {
  await openFile(page, 'examples/iscsi-av100-g6.vtopo');
  await waitForProblems(page, (ms) => ms.some((m) => m.code === 'vm-local-datastore') && ms.some((m) => m.code === 'array-single-controller'));
  await runCommand(page, 'VTopo: Show Output');
  const output = page.locator('.output-view .view-lines').first();
  await waitUntil(async () => /activated in the web extension host/.test(((await output.textContent()) ?? '').replace(/\u00a0/g, ' ')), { timeout: 15_000, message: 'the output channel to say which host runs VTopo' });
  // The analysis runs in a Web Worker started by the web extension host.
  await waitUntil(async () => /The analysis worker started/.test(((await output.textContent()) ?? '').replace(/\u00a0/g, ' ')), { timeout: 15_000, message: 'the output channel to say the analysis worker started' });
  await screenshot(page, 'vtopo-web-extension-host');
}
theWebExtensionBuildAnalyzesInTheBrowser.settings = { 'remote.extensionKind': { 'vtopo.vtopo': ['ui'] } };
