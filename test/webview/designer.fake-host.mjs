// @ts-check
// The designer canvas (dist/webview/designer.js) in headless Chromium with a fake host: a
// static page with the production CSP, CSS and body, an acquireVsCodeApi that records what
// the canvas posts, and 'document' messages built in Node (designer-messages.ts). Checks
// the intents the canvas sends, XSS labels, and measures first paint and drag frame rate on
// a 2,000-element design. Prints `designer-webview: N passed, M failed`.
// Run with: node test/webview/run-designer.mjs  (builds the messages, then runs this).
/* global performance, requestAnimationFrame, Event, getComputedStyle -- used inside page.evaluate callbacks, which run in the browser */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

/** @import { Page } from 'playwright-core' */
/** @import { DesignerToHostMessage, ElementDetails, HostToDesignerMessage } from '../../src/core/view/designer-protocol.js' */
/** @typedef {Extract<HostToDesignerMessage, { type: 'document' }>} DocumentMessage */
/** @typedef {Extract<HostToDesignerMessage, { type: 'simulation' }>} SimulationMessage */
/** @typedef {Extract<DesignerToHostMessage, { type: 'intent' }>} IntentMessage */

const dir = resolve(process.argv[2] ?? 'test-output/designer-webview');
const bundle = resolve('dist/webview/designer.js');
/** @type {Record<string, [contentType: string, read: () => Buffer] | undefined>} */
const files = {
  '/index.html': ['text/html', () => readFileSync(join(dir, 'index.html'))],
  '/index-zh-cn.html': ['text/html', () => readFileSync(join(dir, 'index-zh-cn.html'))],
  '/fake-host.js': ['text/javascript', () => readFileSync(join(dir, 'fake-host.js'))],
  '/designer.js': ['text/javascript', () => readFileSync(bundle)],
  '/codicons/codicon.css': ['text/css', () => readFileSync(resolve('dist/webview/codicons/codicon.css'))],
  '/codicons/codicon.ttf': ['font/ttf', () => readFileSync(resolve('dist/webview/codicons/codicon.ttf'))],
};
const server = createServer((request, response) => {
  const file = files[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': file[0] }).end(file[1]());
});
await /** @type {Promise<void>} */ (new Promise((done) => server.listen(0, '127.0.0.1', () => done())));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/index.html`;

// What designer-messages.ts wrote.
/** @type {DocumentMessage} */
const seed = JSON.parse(readFileSync(join(dir, 'seed.json'), 'utf8'));
/** @type {DocumentMessage} */
const xss = JSON.parse(readFileSync(join(dir, 'xss.json'), 'utf8'));
/** @type {SimulationMessage} */
const simulation = JSON.parse(readFileSync(join(dir, 'simulation.json'), 'utf8'));
/** @type {SimulationMessage} */
const nicSimulation = JSON.parse(readFileSync(join(dir, 'simulation-nic.json'), 'utf8'));
const bigText = readFileSync(join(dir, 'big.json'), 'utf8');
/** @type {DocumentMessage} */
const racks = JSON.parse(readFileSync(join(dir, 'racks.json'), 'utf8'));
/** @type {Record<string, ElementDetails>} */
const racksDetails = JSON.parse(readFileSync(join(dir, 'racks-details.json'), 'utf8'));
/** @type {DocumentMessage} */
const blades = JSON.parse(readFileSync(join(dir, 'blades.json'), 'utf8'));
/** @type {DocumentMessage} */
const seedZhCn = JSON.parse(readFileSync(join(dir, 'seed-zh-cn.json'), 'utf8'));
/** @type {Record<string, ElementDetails>} */
const seedDetails = JSON.parse(readFileSync(join(dir, 'seed-details.json'), 'utf8'));
/** @type {Record<string, ElementDetails>} */
const xssDetails = JSON.parse(readFileSync(join(dir, 'xss-details.json'), 'utf8'));
const bigDetails = readFileSync(join(dir, 'big-details.json'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let passed = 0;
let failed = 0;
/** @type {string[]} */
const figures = [];

/**
 * @param {string} name
 * @param {() => Promise<void>} body
 */
async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(/** @type {Error | undefined} */ (error)?.stack ?? error).split('\n').slice(0, 4).join('\n  ')}`);
  }
}
/**
 * @param {unknown} condition
 * @param {string} message
 * @returns {asserts condition}
 */
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
/**
 * The last element of a list the test waited to be non-empty.
 * @template T
 * @param {readonly T[]} list
 * @returns {T}
 */
function lastOf(list) {
  const last = list.at(-1);
  if (last === undefined) throw new Error('empty list');
  return last;
}

/**
 * @param {Record<string, ElementDetails> | string} [details] the fields the fake host answers with (or their JSON)
 * @param {{ width: number, height: number }} [viewport]
 * @param {string} [pageUrl] the test page (index-zh-cn.html: the user's VS Code speaks Chinese)
 */
async function openPage(details = seedDetails, viewport = { width: 1280, height: 800 }, pageUrl = url) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  /** @type {{ dialogs: string[], errors: string[], requests: string[] }} */
  const problems = { dialogs: [], errors: [], requests: [] };
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.errors.push(String(error)));
  page.on('request', (request) => {
    if (!request.url().startsWith(url.replace('/index.html', ''))) problems.requests.push(request.url());
  });
  await page.goto(pageUrl);
  await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  await page.evaluate((d) => { window.__details = typeof d === 'string' ? JSON.parse(d) : d; }, details);
  return { page, problems, context };
}
/**
 * Posts a message to the canvas as the host would (a HostToDesignerMessage, or an invalid one).
 * @param {Page} page
 * @param {unknown} message
 */
const post = (page, message) => page.evaluate((m) => window.postMessage(m, '*'), message);
/** @param {Page} page */
const posted = (page) => page.evaluate(() => window.__posted);
/** @param {Page} page */
const intents = async (page) => (await posted(page)).filter((m) => m.type === 'intent');
/**
 * Waits until the canvas has sent at least `count` (at least 1) intents; returns them all.
 * @param {Page} page
 * @param {number} count
 * @param {number} [timeout]
 * @returns {Promise<[IntentMessage, ...IntentMessage[]]>}
 */
async function waitIntents(page, count, timeout = 5000) {
  await page.waitForFunction((n) => window.__posted.filter((m) => m.type === 'intent').length >= n, count, { timeout });
  return /** @type {[IntentMessage, ...IntentMessage[]]} */ (await intents(page)); // count >= 1 of them
}
/**
 * @param {Page} page
 * @param {string} id
 */
const box = (page, id) => page.evaluate((i) => window.vtopoDesigner.renderedBox(i), id);
/**
 * @param {Page} page
 * @param {string} id
 */
async function center(page, id) {
  await page.waitForFunction((i) => window.vtopoDesigner.renderedBox(i) !== undefined, id);
  const b = await box(page, id);
  assert(b, `${id} is drawn`);
  return { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 };
}
/**
 * Answers the last intent as the host would: applied, then the document again at a new version.
 * @param {Page} page
 * @param {number} version
 */
async function answer(page, version) {
  const last = lastOf(await intents(page));
  await post(page, { type: 'applied', requestId: last.requestId, dangling: [] });
  await post(page, { ...seed, version });
}
/** @typedef {{ x: number, y: number }} Point */

/**
 * @param {Page} page
 * @param {Point} from
 * @param {Point} to
 * @param {number} [steps]
 */
async function drag(page, from, to, steps = 12) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/**
 * Drags a node with 90 mouse moves while counting animation frames and canvas redraws.
 * Returns the figures as text ("90 mouse moves over ... s): ... frames/s ..., ... redraws/s").
 * @param {Page} page
 * @param {string} id
 */
async function measureDrag(page, id) {
  const from = await center(page, id);
  await page.evaluate(() => {
    window.__frames = [];
    /** @param {number} t */
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__framesOn) requestAnimationFrame(tick);
    };
    window.__framesOn = true;
    window.__rendersBefore = window.vtopoDesigner.renders();
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 90; i++) await page.mouse.move(from.x + i * 2, from.y + Math.sin(i / 8) * 40);
  await page.mouse.up();
  const wall = (Date.now() - started) / 1000;
  const drag = await page.evaluate(() => {
    window.__framesOn = false;
    const f = window.__frames;
    const gaps = f.slice(1).map((t, i) => t - /** @type {number} */ (f[i])).sort((a, b) => a - b);
    return { frames: f.length, span: ((f.at(-1) ?? NaN) - (f[0] ?? NaN)) / 1000, renders: window.vtopoDesigner.renders() - window.__rendersBefore, p95: gaps[Math.floor(gaps.length * 0.95)] ?? 0 };
  });
  return { text: `90 mouse moves over ${wall.toFixed(2)} s): ${(drag.frames / drag.span).toFixed(1)} animation frames/s (p95 frame gap ${drag.p95.toFixed(1)} ms), ${(drag.renders / wall).toFixed(1)} canvas redraws/s` };
}

const { page, problems } = await openPage();
await post(page, seed);
await center(page, 'esx-01');
let version = 1;

await check('loading a document sends no intent (positions come from the layout)', async () => {
  await page.waitForTimeout(200);
  assert((await intents(page)).length === 0, `intents on load: ${JSON.stringify(await intents(page))}`);
  const status = (await page.textContent('#vt-status')) ?? '';
  assert(status.includes('seed-000-fq1616r.vtopo'), `status: ${status}`);
});

await check('the Host palette button sends add-element with a fresh id and the base version', async () => {
  await page.click('#vt-add-host');
  const [intent] = await waitIntents(page, 1);
  assert(intent.protocol === 1 && typeof intent.requestId === 'number', JSON.stringify(intent));
  assert(intent.intent.type === 'add-element' && intent.intent.baseVersion === 1, JSON.stringify(intent));
  assert(intent.intent.element.kind === 'host' && intent.intent.element.id === 'esx-03' && intent.intent.element.cluster === 'prod', JSON.stringify(intent.intent.element));
  await answer(page, ++version);
});

await check('VM from the palette asks for a host first, then goes onto the selected host', async () => {
  await page.click('#vt-add-vm');
  assert(((await page.textContent('#vt-status')) ?? '').includes('Select a host first'), 'no hint');
  const at = await center(page, 'esx-02');
  const b = await box(page, 'esx-02');
  assert(b, 'esx-02 is drawn');
  await page.mouse.click(at.x, b.y1 + 3);
  await page.waitForFunction(() => window.vtopoDesigner.selected().includes('esx-02'));
  await page.click('#vt-add-vm');
  const list = await waitIntents(page, 2);
  const intent = lastOf(list).intent;
  assert(intent.type === 'add-element' && intent.element.kind === 'vm' && intent.element.host === 'esx-02' && intent.element.id === 'web-03' && intent.baseVersion === version, JSON.stringify(intent));
  await answer(page, ++version);
});

await check('dragging a switch sends set-position (moved by the drag, in model units)', async () => {
  const before = seed.diagram.positions['fc-a'];
  assert(before, 'the seed places fc-a');
  const from = await center(page, 'fc-a');
  await drag(page, from, { x: from.x + 80, y: from.y + 40 });
  const list = await waitIntents(page, 3);
  const intent = lastOf(list).intent;
  assert(intent.type === 'set-position' && intent.id === 'fc-a' && intent.baseVersion === version, JSON.stringify(intent));
  assert(intent.position.x > before.x && intent.position.y > before.y && Number.isInteger(intent.position.x), `from ${JSON.stringify(before)} to ${JSON.stringify(intent.position)}`);
  await answer(page, ++version);
});

await check('dragging a VM onto another host sends move-vm', async () => {
  const from = await center(page, 'web-01');
  const target = await center(page, 'esx-01');
  await drag(page, from, target, 20);
  const list = await waitIntents(page, 4);
  const intent = lastOf(list).intent;
  assert(intent.type === 'move-vm' && intent.vm === 'web-01' && intent.host === 'esx-01', JSON.stringify(intent));
  await answer(page, ++version);
});

await check('the property panel sends set-field and shows the rejection next to the field', async () => {
  await post(page, { type: 'select', elementId: 'esx-01' });
  await page.waitForSelector('#vt-panel input[data-key="memory"]');
  assert((await page.textContent('#vt-panel h2')) === 'esx-01', 'panel heading');
  await page.fill('#vt-panel input[data-key="memory"]', '768 GB');
  await page.press('#vt-panel input[data-key="memory"]', 'Tab');
  const list = await waitIntents(page, 5);
  const sent = lastOf(list);
  assert(sent.intent.type === 'set-field' && sent.intent.id === 'esx-01' && sent.intent.key === 'memory' && sent.intent.value === '768 GB', JSON.stringify(sent.intent));
  await post(page, { type: 'rejected', requestId: sent.requestId, reason: 'memory must be at least 1 GB (test)' });
  await post(page, { ...seed, version });
  await page.waitForFunction(() => document.querySelector('#vt-panel input[data-key="memory"] ~ .vt-error')?.textContent?.includes('at least 1 GB'));
  assert(((await page.textContent('#vt-status')) ?? '').includes('memory must be at least 1 GB'), 'status line shows the rejection');
  const select = await page.$('#vt-panel select');
  assert(select !== null, 'a field with choices is a select');
});

await check('a document keeps the viewport and the selection', async () => {
  const before = await box(page, 'fc-b');
  await post(page, { ...seed, version: ++version });
  await page.waitForTimeout(100);
  const after = await box(page, 'fc-b');
  assert(JSON.stringify(before) === JSON.stringify(after), `${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
  const selected = await page.evaluate(() => window.vtopoDesigner.selected());
  assert(selected.length === 1 && selected[0] === 'esx-01', `selection ${JSON.stringify(selected)}`);
});

await check('link mode cables the first free port of a host to a switch', async () => {
  const count = (await intents(page)).length;
  await page.click('#vt-link');
  const host = await box(page, 'esx-01');
  assert(host, 'esx-01 is drawn');
  await page.mouse.click((host.x1 + host.x2) / 2, host.y1 + 4);
  const sw = await center(page, 'fc-b');
  await page.mouse.click(sw.x, sw.y);
  const list = await waitIntents(page, count + 1).catch(async (error) => {
    throw new Error(`${error}; status: ${await page.textContent('#vt-status')}`);
  });
  const intent = lastOf(list).intent;
  assert(intent.type === 'add-link' && intent.from === 'esx-01/hba1/p1' && intent.to === 'fc-b', JSON.stringify(intent));
  await page.click('#vt-link');
  await answer(page, ++version);
});

await check('ports are drawn inside their host; selecting one asks the host for its fields only', async () => {
  // The document the last check answered with may still be on its way (and the panel ask for the selection's fields).
  await page.waitForTimeout(150);
  const asked = (await posted(page)).filter((m) => m.type === 'details').length;
  assert((await page.evaluate(() => window.vtopoDesigner.parentOf('esx-01/hba2/p1'))) === 'esx-01', 'port inside its host');
  assert((await page.evaluate(() => window.vtopoDesigner.parentOf('fq1616r/b/fc1'))) === 'fq1616r/b', 'array port inside its controller');
  const port = await center(page, 'esx-01/hba2/p1');
  await page.mouse.click(port.x, port.y);
  await page.waitForFunction(() => document.querySelector('#vt-panel h2')?.textContent === 'esx-01/hba2/p1');
  await page.waitForSelector('#vt-panel input[data-key="speed"]');
  assert((await page.inputValue('#vt-panel input[data-key="speed"]')) === '16 Gbps', 'the port\'s speed as written');
  const requests = (await posted(page)).filter((m) => m.type === 'details').slice(asked);
  assert(requests.length === 1 && requests[0]?.elementId === 'esx-01/hba2/p1', `details asked: ${JSON.stringify(requests)}`);
});

await check('link mode: dragging from a free port to a switch sends add-link port to switch', async () => {
  const count = (await intents(page)).length;
  await page.click('#vt-link');
  const from = await center(page, 'esx-02/hba2/p1');
  const to = await center(page, 'fc-a');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 16 });
  await page.waitForTimeout(150);
  await page.mouse.up();
  const list = await waitIntents(page, count + 1).catch(async (error) => {
    throw new Error(`${error}; status: ${await page.textContent('#vt-status')}`);
  });
  const intent = lastOf(list).intent;
  assert(intent.type === 'add-link' && intent.from === 'esx-02/hba2/p1' && intent.to === 'fc-a', JSON.stringify(intent));
  assert((await page.evaluate(() => window.vtopoDesigner.edgeCount())) === seed.diagram.edges.length, 'the drawn edge is not kept: the document brings the cable');
  // A drag onto the port's own host is no cable.
  const own = await box(page, 'esx-02');
  assert(own, 'esx-02 is drawn');
  const nic = await center(page, 'esx-02/nic1/p1');
  await page.mouse.move(nic.x, nic.y);
  await page.mouse.down();
  await page.mouse.move((own.x1 + own.x2) / 2, own.y1 + 4, { steps: 10 });
  await page.waitForTimeout(150);
  await page.mouse.up();
  await page.waitForTimeout(200);
  assert((await intents(page)).length === count + 1, 'no intent for a cable inside one host');
  await page.click('#vt-link');
  await answer(page, ++version);
  await page.waitForFunction(() => !document.querySelector('#vt-link[aria-pressed="true"]'));
});

await check('keyboard cabling: L starts link mode, Enter on the selected port and then on a switch sends add-link', async () => {
  const count = (await intents(page)).length;
  await post(page, { type: 'select', elementId: 'esx-01/hba1/p1' });
  await page.waitForFunction(() => window.vtopoDesigner.selected().join() === 'esx-01/hba1/p1');
  await page.focus('#vt-canvas');
  await page.keyboard.press('l');
  assert((await page.getAttribute('#vt-link', 'aria-pressed')) === 'true', 'L turns link mode on');
  await page.keyboard.press('Enter');
  assert(((await page.textContent('#vt-live')) ?? '').includes('Cable from esx-01/hba1/p1'), (await page.textContent('#vt-live')) ?? '');
  assert((await page.$('.vt-rename')) === null, 'Enter in link mode does not rename');
  await post(page, { type: 'select', elementId: 'fc-b' });
  await page.waitForFunction(() => window.vtopoDesigner.selected().join() === 'fc-b');
  await page.focus('#vt-canvas');
  await page.keyboard.press('Enter');
  const list = await waitIntents(page, count + 1);
  const intent = lastOf(list).intent;
  assert(intent.type === 'add-link' && intent.from === 'esx-01/hba1/p1' && intent.to === 'fc-b', JSON.stringify(intent));
  await page.keyboard.press('Escape');
  assert((await page.getAttribute('#vt-link', 'aria-pressed')) === 'false', 'Esc leaves link mode');
  await answer(page, ++version);
});

await check('a double click on one element opens rename; quick clicks on two elements do not', async () => {
  const a = await center(page, 'fc-a');
  const b = await center(page, 'fc-b');
  await page.mouse.click(a.x, a.y);
  await page.mouse.click(b.x, b.y);
  await page.waitForTimeout(100);
  assert((await page.$('.vt-rename')) === null, 'rename opened by two clicks on two switches');
  await page.waitForTimeout(500);
  await page.mouse.dblclick(b.x, b.y);
  await page.waitForSelector('.vt-rename');
  assert((await page.inputValue('.vt-rename')) === 'fc-b', 'renaming fc-b');
  await page.press('.vt-rename', 'Escape');
});

await check('a click on a node gives the canvas the keyboard: Delete then deletes it', async () => {
  const count = (await intents(page)).length;
  await page.evaluate(() => /** @type {HTMLElement} */ (document.getElementById('vt-search')).focus());
  const at = await center(page, 'web-02');
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(() => window.vtopoDesigner.selected().join() === 'web-02');
  await page.keyboard.press('Delete');
  const list = await waitIntents(page, count + 1);
  const intent = lastOf(list).intent;
  assert(intent.type === 'delete-element' && intent.id === 'web-02', JSON.stringify(intent));
  await answer(page, ++version);
});

await check('a cable selected alone is deleted by Delete', async () => {
  const count = (await intents(page)).length;
  await page.keyboard.press('Escape');
  const cable = seed.diagram.edges.find((edge) => edge.kind === 'cable')?.id ?? '';
  const at = await center(page, cable);
  await page.mouse.click(at.x, at.y);
  await page.keyboard.press('Delete');
  const list = await waitIntents(page, count + 1);
  const intent = lastOf(list).intent;
  assert(intent.type === 'delete-link' && 'index' in intent.link && `link:${intent.link.index}` === cable, JSON.stringify(intent));
  await answer(page, ++version);
});

await check('keyboard: Tab selects, arrows send set-position, Enter renames, Delete deletes', async () => {
  let count = (await intents(page)).length;
  await post(page, { type: 'select', elementId: 'esx-02' });
  await page.waitForFunction(() => window.vtopoDesigner.selected()[0] === 'esx-02', undefined, { timeout: 5_000 });
  await page.focus('#vt-canvas');
  await page.keyboard.press('Tab');
  const tabbed = await page.evaluate(() => window.vtopoDesigner.selected());
  assert(tabbed[0] === 'web-01', `Tab from esx-02 went to ${JSON.stringify(tabbed)}`);
  await post(page, { type: 'select', elementId: 'lan-1' });
  await page.waitForFunction(() => window.vtopoDesigner.selected()[0] === 'lan-1', undefined, { timeout: 5_000 });
  await page.focus('#vt-canvas');
  // One press: two quick presses may be sent as one nudge or two, depending on the machine's speed.
  await page.keyboard.press('ArrowRight');
  let list = await waitIntents(page, count + 1, 15_000);
  let intent = lastOf(list).intent;
  const home = seed.diagram.positions['lan-1'];
  assert(home, 'the seed places lan-1');
  assert(intent.type === 'set-position' && intent.id === 'lan-1' && intent.position.x === Math.round(home.x + 10) && intent.position.y === Math.round(home.y), JSON.stringify(intent));
  await answer(page, ++version);
  count++;
  await page.focus('#vt-canvas');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.vt-rename');
  await page.fill('.vt-rename', 'lan-9');
  await page.press('.vt-rename', 'Enter');
  list = await waitIntents(page, count + 1);
  intent = lastOf(list).intent;
  assert(intent.type === 'rename-element' && intent.id === 'lan-1' && intent.newId === 'lan-9', JSON.stringify(intent));
  await answer(page, ++version);
  count++;
  await page.focus('#vt-canvas');
  await page.keyboard.press('Delete');
  list = await waitIntents(page, count + 1);
  intent = lastOf(list).intent;
  assert(intent.type === 'delete-element' && intent.id === 'lan-1', JSON.stringify(intent));
  await answer(page, ++version);
  // The canvas handles the host's messages asynchronously: wait for the announcement.
  await page.waitForFunction(() => document.getElementById('vt-live')?.textContent?.includes('Deleted lan-1'), undefined, { timeout: 2000 }).catch(() => undefined);
  const live = (await page.textContent('#vt-live')) ?? '';
  assert(live.includes('Deleted lan-1'), `live region: ${live}`);
});

await check('a rejected intent shows in the status line and the canvas keeps going', async () => {
  const count = (await intents(page)).length;
  await post(page, { type: 'select', elementId: 'fc-b' });
  await page.focus('#vt-canvas');
  await page.keyboard.press('ArrowDown');
  let list = await waitIntents(page, count + 1);
  await post(page, { type: 'rejected', requestId: lastOf(list).requestId, reason: 'the document changed (stale)' });
  await post(page, { ...seed, version: ++version });
  await page.waitForFunction(() => /** @type {Element} */ (document.querySelector('#vt-status')).classList.contains('vt-rejected'));
  assert(((await page.textContent('#vt-status')) ?? '').includes('stale'), 'status');
  await page.click('#vt-add-array');
  list = await waitIntents(page, count + 2);
  assert(lastOf(list).intent.type === 'add-element' && lastOf(list).intent.baseVersion === version, JSON.stringify(lastOf(list)));
  await answer(page, ++version);
});

await check('Export SVG and Export PNG send export-image', async () => {
  await page.click('#vt-export-svg');
  await page.click('#vt-export-png');
  const exports = (await posted(page)).filter((m) => m.type === 'export-image');
  const svg = exports.find((m) => m.format === 'svg');
  const png = exports.find((m) => m.format === 'png');
  assert(svg && svg.data.startsWith('<svg') && svg.data.includes('esx-01'), 'svg');
  assert(png && png.data.startsWith('data:image/png;base64,') && png.data.length > 1000, 'png');
});

await check('a select from the text selects and centres the element without intents; Show text sends reveal', async () => {
  const count = (await intents(page)).length;
  await post(page, { type: 'select', elementId: 'sql-01' });
  await page.waitForFunction(() => window.vtopoDesigner.selected().join() === 'sql-01');
  const b = await box(page, 'sql-01');
  assert(b, 'sql-01 is drawn');
  const canvas = await page.evaluate(() => { const r = /** @type {HTMLElement} */ (document.getElementById('vt-canvas')).getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; });
  assert(Math.abs((b.x1 + b.x2) / 2 - canvas.x) < 2 && Math.abs((b.y1 + b.y2) / 2 - canvas.y) < 12, `not centred (the label below counts in cytoscape's centre): ${JSON.stringify(b)} vs ${JSON.stringify(canvas)}`);
  await page.click('#vt-reveal');
  const reveal = (await posted(page)).filter((m) => m.type === 'reveal').at(-1);
  assert(reveal?.elementId === 'sql-01', JSON.stringify(reveal));
  assert((await intents(page)).length === count, 'no intent');
});

await check('simulation playback: slider greys the failed host, marks down VMs, moves restarted VMs; Clear restores', async () => {
  const count = (await intents(page)).length;
  /** @param {number} fraction */
  const setTime = (fraction) => page.evaluate((f) => {
    const slider = /** @type {HTMLInputElement} */ (document.getElementById('vt-sim-time')); // the playback bar's range input
    slider.value = String(Math.round(Number(slider.max) * f));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }, fraction);
  /** @param {string} id */
  const state = (id) => page.evaluate((i) => ({ parent: window.vtopoDesigner.parentOf(i), classes: window.vtopoDesigner.classesOf(i) }), id);
  assert(await page.isHidden('#vt-sim'), 'the playback bar is hidden before a simulation');
  await post(page, { type: 'simulation', result: { ...simulation.result, vmSteps: 'not a list' } });
  await page.waitForTimeout(100);
  assert(await page.isHidden('#vt-sim'), 'an invalid simulation message is ignored');
  await post(page, simulation);
  await page.waitForSelector('#vt-sim', { state: 'visible' });
  assert(((await page.textContent('#vt-sim-title')) ?? '').includes('host esx-01 fails'), 'title');
  await setTime(0);
  let vm = await state('vcenter');
  assert((await state('esx-01')).classes.includes('vt-sim-failed'), 'esx-01 greyed at 0 s');
  assert(vm.parent === 'esx-01' && vm.classes.includes('vt-sim-down'), `vcenter at 0 s: ${JSON.stringify(vm)}`);
  assert(!(await state('web-01')).classes.includes('vt-sim-down'), 'web-01 unaffected');
  await setTime(0.5);
  vm = await state('vcenter');
  assert(vm.parent === 'esx-01' && vm.classes.includes('vt-sim-down'), `vcenter half way: ${JSON.stringify(vm)}`);
  await setTime(1);
  vm = await state('vcenter');
  assert(vm.parent === 'esx-02' && !vm.classes.includes('vt-sim-down') && vm.classes.includes('vt-sim-moved'), `vcenter at the end: ${JSON.stringify(vm)}`);
  assert((await state('sql-01')).parent === 'esx-02' && (await state('web-02')).parent === 'esx-02', 'all restarted VMs on esx-02');
  assert(((await page.textContent('#vt-status')) ?? '').includes('3 running elsewhere'), (await page.textContent('#vt-status')) ?? '');
  await page.screenshot({ path: join(dir, 'designer-simulation.png') });
  // A new document during playback keeps the playback on it.
  await post(page, { ...seed, version: ++version });
  await page.waitForTimeout(100);
  vm = await state('vcenter');
  assert(vm.parent === 'esx-02' && vm.classes.includes('vt-sim-moved'), `vcenter after a redraw: ${JSON.stringify(vm)}`);
  await setTime(0.2);
  assert((await state('vcenter')).parent === 'esx-01', 'back on esx-01 before it is up');
  await page.click('#vt-sim-play');
  await page.waitForFunction(() => window.vtopoDesigner.parentOf('vcenter') === 'esx-02', undefined, { timeout: 15000 });
  await page.click('#vt-sim-clear');
  assert(await page.isHidden('#vt-sim'), 'bar hidden after Clear');
  for (const id of ['vcenter', 'sql-01', 'web-02']) {
    const s = await state(id);
    assert(s.parent === 'esx-01' && !s.classes.some((c) => c.startsWith('vt-sim')), `${id} after Clear: ${JSON.stringify(s)}`);
  }
  assert(!(await state('esx-01')).classes.includes('vt-sim-failed'), 'esx-01 no longer greyed');
  await page.waitForTimeout(400);
  assert((await intents(page)).length === count, `the playback sent intents: ${JSON.stringify((await intents(page)).slice(count))}`);
});

await check('network playback: the isolated host gets a dashed border and a badge, the card\'s ports grey, unreachable VMs are not down; Clear restores', async () => {
  const count = (await intents(page)).length;
  /** @param {string} id */
  const state = (id) => page.evaluate((i) => ({ parent: window.vtopoDesigner.parentOf(i), classes: window.vtopoDesigner.classesOf(i), label: window.vtopoDesigner.styledLabelOf(i), border: window.vtopoDesigner.borderOf(i) }), id);
  await post(page, { type: 'simulation', result: { ...nicSimulation.result, cutOff: [{ hostId: 'esx-01', reason: 'sulking', fromSeconds: 0 }] } });
  await page.waitForTimeout(100);
  assert(await page.isHidden('#vt-sim'), 'an invalid cut-off reason is ignored');
  await post(page, nicSimulation);
  await page.waitForSelector('#vt-sim', { state: 'visible' });
  await page.evaluate(() => {
    const slider = /** @type {HTMLInputElement} */ (document.getElementById('vt-sim-time')); // the playback bar's range input
    slider.value = String(Math.round(Number(slider.max) / 2));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const host = await state('esx-01');
  assert(host.classes.includes('vt-sim-isolated') && !host.classes.includes('vt-sim-failed'), `esx-01: ${JSON.stringify(host)}`);
  assert(/^esx-01( ⚠\d+)? \[isolated\]$/.test(host.label ?? ''), `badge: ${JSON.stringify(host.label)}`);
  assert(host.border?.style === 'dashed', `border: ${JSON.stringify(host.border)}`);
  assert(!(await state('esx-02')).classes.includes('vt-sim-isolated'), 'esx-02 not isolated');
  for (const port of ['esx-01/nic1/p0', 'esx-01/nic1/p1']) assert((await state(port)).classes.includes('vt-sim-failed'), `${port} greyed`);
  assert(!(await state('esx-01/hba1/p0')).classes.includes('vt-sim-failed'), 'the HBA ports are not');
  for (const id of ['vcenter', 'sql-01', 'web-02']) {
    const vm = await state(id);
    assert(vm.parent === 'esx-01' && vm.classes.includes('vt-sim-unreachable') && !vm.classes.includes('vt-sim-down'), `${id}: ${JSON.stringify(vm)}`);
  }
  assert(!(await state('web-01')).classes.includes('vt-sim-unreachable'), 'web-01 reachable');
  const status = (await page.textContent('#vt-status')) ?? '';
  assert(status.includes('1 host isolated') && status.includes('3 VMs unreachable'), status);
  await page.screenshot({ path: join(dir, 'designer-simulation-nic.png') });
  await page.click('#vt-sim-clear');
  const cleared = await state('esx-01');
  assert(!cleared.classes.some((c) => c.startsWith('vt-sim')) && /^esx-01( ⚠\d+)?$/.test(cleared.label ?? ''), `esx-01 after Clear: ${JSON.stringify(cleared)}`);
  assert(!(await state('vcenter')).classes.some((c) => c.startsWith('vt-sim')), 'vcenter after Clear');
  await page.waitForTimeout(200);
  assert((await intents(page)).length === count, 'the playback sent intents');
});

await check('Ctrl+C / Ctrl+V on the canvas sends add-element with a fresh id, same kind and place', async () => {
  let count = (await intents(page)).length;
  await post(page, { type: 'select', elementId: 'web-01' });
  await page.waitForFunction(() => window.vtopoDesigner.selected().join() === 'web-01');
  await page.focus('#vt-canvas');
  await page.keyboard.press('Control+c');
  assert(((await page.textContent('#vt-status')) ?? '').includes('Copied web-01'), (await page.textContent('#vt-status')) ?? '');
  await page.keyboard.press('Control+v');
  let list = await waitIntents(page, count + 1);
  let intent = lastOf(list).intent;
  assert(intent.type === 'add-element' && intent.baseVersion === version && JSON.stringify(intent.element) === JSON.stringify({ kind: 'vm', id: 'web-03', host: 'esx-02' }), JSON.stringify(intent));
  await answer(page, ++version);
  count++;
  await post(page, { type: 'select', elementId: 'fc-b' });
  await page.waitForFunction(() => window.vtopoDesigner.selected().join() === 'fc-b');
  await page.focus('#vt-canvas');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  list = await waitIntents(page, count + 1);
  intent = lastOf(list).intent;
  assert(intent.type === 'add-element' && intent.element.kind === 'switch' && intent.element.switchType === 'fc' && intent.element.fabric === 'B' && !['fc-a', 'fc-b'].includes(intent.element.id), JSON.stringify(intent));
  await answer(page, ++version);
  count++;
  await post(page, { type: 'select', elementId: 'prod' });
  await page.focus('#vt-canvas');
  await page.keyboard.press('Control+c');
  assert(((await page.textContent('#vt-status')) ?? '').includes('Select a host, VM, switch'), 'a cluster is not copied');
  await page.waitForTimeout(200);
  assert((await intents(page)).length === count, 'no intent from copying');
});

await check('Auto layout posts exactly one set-positions intent with finite positions for every placed element', async () => {
  const count = (await intents(page)).length;
  await page.waitForTimeout(300);
  assert((await intents(page)).length === count, 'nothing pending before the layout');
  await page.click('#vt-auto-layout');
  const list = await waitIntents(page, count + 1);
  await page.waitForTimeout(700);
  const after = await intents(page);
  assert(after.length === count + 1, `one intent expected, got ${after.length - count}: ${JSON.stringify(after.slice(count))}`);
  const intent = lastOf(list).intent;
  assert(intent.type === 'set-positions' && intent.baseVersion === version, JSON.stringify(intent));
  // The elements the layout section places: every host, switch, array and datastore.
  const placed = seed.diagram.nodes.filter((n) => ['host', 'switch', 'array', 'datastore'].includes(n.kind)).map((n) => n.id).sort();
  const sent = intent.positions.map((p) => p.id).sort();
  assert(JSON.stringify(sent) === JSON.stringify(placed), `positions for ${JSON.stringify(sent)}, expected ${JSON.stringify(placed)}`);
  assert(intent.positions.every((p) => Number.isFinite(p.position.x) && Number.isFinite(p.position.y)), JSON.stringify(intent.positions));
  assert(new Set(intent.positions.map((p) => `${p.position.x},${p.position.y}`)).size === intent.positions.length, 'no two elements at one place');
  await answer(page, ++version);
});

await check('theme change restyles without errors; no CSP violation, no network, no page error', async () => {
  await page.evaluate(() => { document.body.className = 'vscode-dark'; });
  await page.waitForTimeout(100);
  await page.screenshot({ path: join(dir, 'designer-seed-dark.png') });
  const violations = await page.evaluate(() => window.__violations);
  assert(violations.length === 0, `CSP: ${JSON.stringify(violations)}`);
  assert(problems.errors.length === 0, `page errors: ${problems.errors.join('; ')}`);
  assert(problems.requests.length === 0, `requests: ${problems.requests.join(', ')}`);
});

await check('toolbar: one row of icon buttons, each with a name and a tooltip naming its key; the codicon font loads under the CSP', async () => {
  const { page: p, problems: pp, context } = await openPage();
  await post(p, seed);
  await center(p, 'esx-01');
  const buttons = await p.evaluate(() => [...document.querySelectorAll('.vt-toolbar button')].filter((b) => b.getClientRects().length > 0).map((b) => ({
    id: b.id, label: b.getAttribute('aria-label') ?? '', title: b.getAttribute('title') ?? '', text: (b.textContent ?? '').trim(), top: Math.round(b.getBoundingClientRect().top),
  })));
  assert(buttons.length >= 20, `toolbar buttons: ${buttons.length}`);
  for (const b of buttons) assert(b.label !== '' && /\((Shift\+)?[^()]+\)$/.test(b.title) && b.text === '', `an icon button with a name and a key: ${JSON.stringify(b)}`);
  assert(new Set(buttons.map((b) => b.top)).size === 1, `one row at 1280 px: ${JSON.stringify(buttons.map((b) => [b.id, b.top]))}`);
  const font = await p.evaluate(async () => {
    await document.fonts.load('16px codicon');
    const glyph = document.querySelector('#vt-fit .codicon');
    return { loaded: [...document.fonts].some((face) => face.family.replace(/"/g, '') === 'codicon' && face.status === 'loaded'), family: glyph ? getComputedStyle(glyph, '::before').fontFamily : '' };
  });
  assert(font.loaded && font.family.includes('codicon'), `codicon font: ${JSON.stringify(font)}`);
  await p.screenshot({ path: join(dir, 'designer-toolbar.png'), clip: { x: 0, y: 0, width: 1280, height: 40 } });
  const violations = await p.evaluate(() => window.__violations);
  assert(violations.length === 0 && pp.errors.length === 0 && pp.requests.length === 0, `CSP ${JSON.stringify(violations)}, errors ${pp.errors.join('; ')}, requests ${pp.requests.join(', ')}`);
  await context.close();
});

await check('keys: Shift+H adds a host, K shows and hides the legend (text only), F fits after zooming, ? lists the keys', async () => {
  const { page: p, context } = await openPage();
  await post(p, seed);
  await center(p, 'esx-01');
  await p.focus('#vt-canvas');
  await p.keyboard.press('Shift+H');
  const [added] = await waitIntents(p, 1);
  assert(added.intent.type === 'add-element' && added.intent.element.kind === 'host', JSON.stringify(added.intent));
  await p.keyboard.press('k');
  await p.waitForSelector('#vt-legend', { state: 'visible' });
  assert((await p.getAttribute('#vt-legend-toggle', 'aria-pressed')) === 'true', 'Legend pressed');
  const legend = (await p.textContent('#vt-legend')) ?? '';
  for (const words of ['FC switch', 'Ethernet switch', 'Datastore', 'Cable on fabric A', 'Cable on fabric B', 'Datastore to its array (dashed)', 'Power supply to its feed', 'Error']) assert(legend.includes(words), `legend says ${words}: ${legend}`);
  assert(await p.evaluate(() => document.querySelectorAll('#vt-legend img, #vt-legend svg, #vt-legend script').length === 0), 'the legend is text and CSS swatches');
  await p.screenshot({ path: join(dir, 'designer-legend.png') });
  await p.keyboard.press('k');
  await p.waitForSelector('#vt-legend', { state: 'hidden' });
  const fitted = await p.evaluate(() => window.vtopoDesigner.zoom());
  await p.keyboard.press('+');
  await p.keyboard.press('+');
  assert((await p.evaluate(() => window.vtopoDesigner.zoom())) > fitted * 1.5, 'zoomed in');
  await p.keyboard.press('f');
  assert(Math.abs((await p.evaluate(() => window.vtopoDesigner.zoom())) - fitted) < 1e-6, 'F fits again');
  await p.keyboard.press('?');
  await p.waitForFunction(() => (document.querySelector('.vt-help-list')?.textContent ?? '').includes('Shift+H: Add host'));
  await context.close();
});

await check('context menu: right click or Shift+F10 offers Simulate failure, Show in text, Delete; arrows move, Escape closes; each sends its message', async () => {
  const { page: p, problems: pp, context } = await openPage();
  await post(p, seed);
  const at = await center(p, 'fc-a');
  await p.mouse.click(at.x, at.y, { button: 'right' });
  await p.waitForSelector('#vt-context-menu', { state: 'visible' });
  const items = () => p.evaluate(() => [...document.querySelectorAll('#vt-context-menu [role="menuitem"]')].map((item) => item.textContent));
  assert(JSON.stringify(await items()) === JSON.stringify(['Simulate failure of fc-a', 'Show in text', 'Delete']), JSON.stringify(await items()));
  const focused = () => p.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.id);
  assert((await focused()) === 'Simulate failure of fc-a', `focus on the first item: ${await focused()}`);
  await p.keyboard.press('ArrowDown');
  assert((await focused()) === 'Show in text', String(await focused()));
  await p.keyboard.press('ArrowUp');
  await p.keyboard.press('ArrowUp');
  assert((await focused()) === 'Delete', 'ArrowUp wraps to the last item');
  await p.screenshot({ path: join(dir, 'designer-context-menu.png') });
  await p.keyboard.press('Escape');
  await p.waitForSelector('#vt-context-menu', { state: 'hidden' });
  assert((await p.evaluate(() => document.activeElement?.id)) === 'vt-canvas', 'Escape gives the keyboard back to the canvas');
  assert(JSON.stringify(await p.evaluate(() => window.vtopoDesigner.selected())) === '["fc-a"]', 'the right-clicked element is selected');
  await p.keyboard.press('Shift+F10');
  await p.waitForSelector('#vt-context-menu', { state: 'visible' });
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => window.__posted.some((m) => m.type === 'simulate-failure'));
  const simulate = (await posted(p)).find((m) => m.type === 'simulate-failure');
  assert(JSON.stringify(simulate) === JSON.stringify({ type: 'simulate-failure', target: { kind: 'switch', id: 'fc-a' } }), JSON.stringify(simulate));
  assert(await p.isHidden('#vt-context-menu'), 'the menu closes after a choice');
  // The context-menu key on a controller, then Show in text.
  await post(p, { type: 'select', elementId: 'fq1616r/a' });
  await p.waitForFunction(() => window.vtopoDesigner.selected().join() === 'fq1616r/a');
  await p.focus('#vt-canvas');
  await p.keyboard.press('ContextMenu');
  await p.waitForSelector('#vt-context-menu', { state: 'visible' });
  assert((await items())[0] === 'Simulate failure of fq1616r/a', JSON.stringify(await items()));
  await p.click('#vt-context-menu [data-action="show-text"]');
  await p.waitForFunction(() => window.__posted.some((m) => m.type === 'reveal' && m.elementId === 'fq1616r/a'));
  // A VM cannot be failed from here: Show in text and Delete; Delete sends its intent (F first: the select centred the controller).
  await p.keyboard.press('f');
  const vm = await center(p, 'web-01');
  await p.mouse.click(vm.x, vm.y, { button: 'right' });
  await p.waitForSelector('#vt-context-menu', { state: 'visible' });
  assert(JSON.stringify(await items()) === JSON.stringify(['Show in text', 'Delete']), JSON.stringify(await items()));
  await p.click('#vt-context-menu [data-action="delete"]');
  const [deleted] = await waitIntents(p, 1);
  assert(deleted.intent.type === 'delete-element' && deleted.intent.id === 'web-01', JSON.stringify(deleted.intent));
  // A click elsewhere closes an open menu.
  await p.mouse.click(at.x, at.y, { button: 'right' });
  await p.waitForSelector('#vt-context-menu', { state: 'visible' });
  await p.mouse.click(5, 300);
  await p.waitForSelector('#vt-context-menu', { state: 'hidden' });
  // A hostile id is text in the menu.
  await post(p, xss);
  const hostile = await center(p, '<img src=x onerror=alert(1)>');
  await p.mouse.click(hostile.x, hostile.y, { button: 'right' });
  await p.waitForSelector('#vt-context-menu', { state: 'visible' });
  assert((await items())[0] === 'Simulate failure of <img src=x onerror=alert(1)>', JSON.stringify(await items()));
  assert(await p.evaluate(() => document.querySelectorAll('#vt-context-menu img').length === 0), 'no markup from the id');
  assert(pp.dialogs.length === 0 && pp.errors.length === 0, `dialogs ${pp.dialogs.join()}, errors ${pp.errors.join('; ')}`);
  await context.close();
});

await check('labels at Fit on a narrow canvas (the designer beside the text): hosts, switches and the array named at 9 px or more, nothing drawn smaller, no two boxes overlapping', async () => {
  for (const theme of ['vscode-light', 'vscode-dark']) {
    const { page: p, context } = await openPage(seedDetails, { width: 560, height: 780 });
    await p.evaluate((t) => { document.body.className = t; }, theme);
    await post(p, seed);
    await center(p, 'esx-01');
    await p.waitForTimeout(300);
    const ids = seed.diagram.nodes.map((n) => n.id);
    const labels = await p.evaluate((all) => all.map((id) => ({ id, label: window.vtopoDesigner.renderedLabel(id) })), ids);
    for (const { id, label } of labels) {
      if (label?.drawn) assert(label.screenPx >= 8.99, `${id} drawn at ${label.screenPx.toFixed(1)} px`);
    }
    const drawn = new Set(labels.filter(({ label }) => label?.drawn).map(({ id }) => id));
    for (const id of ['prod', 'esx-01', 'esx-02', 'fc-a', 'fc-b', 'lan-1', 'fq1616r']) assert(drawn.has(id), `${id} is named at Fit (zoom ${await p.evaluate(() => window.vtopoDesigner.zoom())})`);
    const boxes = await p.evaluate(() => ['esx-01', 'esx-02', 'fq1616r', 'fc-a', 'fc-b', 'lan-1', 'lan-2'].map((id) => ({ id, box: window.vtopoDesigner.renderedBox(id) })));
    for (const { id: a, box: boxA } of boxes) {
      for (const { id: b, box: boxB } of boxes) {
        if (a >= b || !boxA || !boxB) continue;
        assert(boxA.x2 <= boxB.x1 || boxB.x2 <= boxA.x1 || boxA.y2 <= boxB.y1 || boxB.y2 <= boxA.y1, `${a} and ${b} overlap: ${JSON.stringify([boxA, boxB])}`);
      }
    }
    await p.screenshot({ path: join(dir, `designer-seed-narrow-${theme}.png`) });
    await context.close();
  }
});

await check('an XSS label renders as text and never runs', async () => {
  await page.evaluate((d) => { window.__details = d; }, xssDetails);
  await post(page, xss);
  const id = '<img src=x onerror=alert(1)>';
  await center(page, id);
  await post(page, { type: 'select', elementId: id });
  await page.waitForFunction((i) => document.querySelector('#vt-panel h2')?.textContent === i, id);
  await page.click('#vt-export-svg');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, 'designer-xss.png') });
  const images = await page.evaluate(() => document.querySelectorAll('img, script:not([src]), svg').length);
  assert(images === 0, `markup from file data: ${images}`);
  const panel = (await page.textContent('#vt-panel')) ?? '';
  assert(panel.includes('<script>alert(2)</script>'), 'details shown as text');
  const value = await page.inputValue('#vt-panel input[data-key="model"]');
  assert(value === '"><img src=y onerror=alert(4)>', `input value ${value}`);
  const svg = lastOf((await posted(page)).filter(/** @returns {m is Extract<DesignerToHostMessage, { type: 'export-image' }>} */ (m) => m.type === 'export-image' && m.format === 'svg')).data;
  assert(svg.includes('&lt;img src=x onerror=alert(1)&gt;') && !svg.includes('<img'), 'svg escapes');
  assert(problems.dialogs.length === 0, `dialogs: ${problems.dialogs.join(', ')}`);
  assert(problems.errors.length === 0, `page errors: ${problems.errors.join('; ')}`);
});

await page.screenshot({ path: join(dir, 'designer-seed.png') });
await page.context().close();

// ------------------------------------------------------------------ failure domains

/**
 * @typedef {{ x1: number, y1: number, x2: number, y2: number }} Rect
 * @param {Rect} outer
 * @param {Rect} inner
 */
const holds = (outer, inner) => inner.x1 >= outer.x1 - 0.5 && inner.x2 <= outer.x2 + 0.5 && inner.y1 >= outer.y1 - 0.5 && inner.y2 <= outer.y2 + 0.5;
/**
 * @param {Rect} a
 * @param {Rect} b
 */
const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
/**
 * @param {Page} p
 * @param {string} id
 */
async function drawnBox(p, id) {
  const b = await box(p, id);
  assert(b, `${id} is drawn`);
  return b;
}

const { page: domains, problems: domainProblems } = await openPage(racksDetails);
await post(domains, racks);
await center(domains, 'hv-a1');
let racksVersion = 1;

await check('failure domains: sites hold racks, racks hold their devices; VMs, ports and controllers stay inside; no feeds until asked', async () => {
  const parentOf = (/** @type {string} */ id) => domains.evaluate((i) => window.vtopoDesigner.parentOf(i), id);
  for (const [child, parent] of /** @type {Array<[string, string]>} */ ([['r01', 'dc1'], ['r02', 'dc1'], ['r03', 'dc1'], ['hv-a1', 'r01'], ['hv-b2', 'r02'], ['fc-a', 'r01'], ['core-b1', 'r02'], ['fq1616r', 'r03'], ['hv-a1/hba1/p0', 'hv-a1'], ['fq1616r/a', 'fq1616r'], ['fq1616r/a/fc0', 'fq1616r/a']])) {
    assert((await parentOf(child)) === parent, `${child} in ${await parentOf(child)}, not ${parent}`);
  }
  assert((await parentOf('dc1')) === undefined && (await parentOf('csv-01')) === undefined, 'the site and the datastores are top level');
  assert(holds(await drawnBox(domains, 'r01'), await drawnBox(domains, 'hv-a1')) && holds(await drawnBox(domains, 'dc1'), await drawnBox(domains, 'r03')), 'boxes hold their children');
  const r01 = await drawnBox(domains, 'r01');
  const r02 = await drawnBox(domains, 'r02');
  const r03 = await drawnBox(domains, 'r03');
  assert(!overlaps(r01, r02) && !overlaps(r02, r03) && !overlaps(r01, r03), `racks overlap: ${JSON.stringify([r01, r02, r03])}`);
  assert((await box(domains, 'ups-a')) === undefined && (await box(domains, 'r01-a')) === undefined, 'power feeds hidden by default');
  assert((await domains.getAttribute('#vt-power', 'aria-pressed')) === 'false', 'Power off');
  const borders = await domains.evaluate(() => ['dc1', 'r01'].map((id) => window.vtopoDesigner.borderOf(id)));
  assert(borders[0]?.width !== borders[1]?.width, `site and rack drawn apart: ${JSON.stringify(borders)}`);
  assert((await intents(domains)).length === 0, 'loading sends nothing');
  await domains.screenshot({ path: join(dir, 'designer-racks.png') });
});

await check('Power shows the feeds over the design (supply and fed-from edges), and hides them again; nothing is sent', async () => {
  const edgesBefore = await domains.evaluate(() => window.vtopoDesigner.edgeCount());
  await domains.click('#vt-power');
  assert((await domains.getAttribute('#vt-power', 'aria-pressed')) === 'true', 'Power on');
  await domains.waitForFunction(() => window.vtopoDesigner.renderedBox('ups-a') !== undefined);
  const power = racks.diagram.edges.filter((e) => e.kind === 'power' || e.kind === 'fed-from').length;
  assert(power === 28, `${power} power edges in the design`);
  assert((await domains.evaluate(() => window.vtopoDesigner.edgeCount())) === edgesBefore + power, 'every supply and fed-from edge drawn');
  const ups = await drawnBox(domains, 'ups-a');
  const pdu = await drawnBox(domains, 'r01-a');
  const host = await drawnBox(domains, 'hv-a1');
  assert(ups.y2 < pdu.y1 && pdu.y2 < host.y1, 'UPSs above PDUs above the devices');
  assert((await domains.evaluate(() => window.vtopoDesigner.parentOf('r01-a'))) === undefined, 'feeds are in no container');
  await domains.screenshot({ path: join(dir, 'designer-racks-power.png') });
  await domains.evaluate(() => { document.body.className = 'vscode-dark'; });
  await domains.waitForTimeout(100);
  await domains.screenshot({ path: join(dir, 'designer-racks-power-dark.png') });
  await domains.evaluate(() => { document.body.className = 'vscode-light'; });
  await domains.click('#vt-power');
  await domains.waitForFunction(() => window.vtopoDesigner.renderedBox('ups-a') === undefined);
  assert((await domains.evaluate(() => window.vtopoDesigner.edgeCount())) === edgesBefore, 'power edges gone');
  assert((await intents(domains)).length === 0, 'the overlay is view state only');
});

await check('dragging a host into another rack sends one set-placement with its new position; onto the background, out of its rack', async () => {
  let count = (await intents(domains)).length;
  const host = await drawnBox(domains, 'hv-a1');
  const target = await drawnBox(domains, 'r02');
  await drag(domains, { x: (host.x1 + host.x2) / 2, y: host.y1 + 3 }, { x: (target.x1 + target.x2) / 2, y: target.y1 + (target.y2 - target.y1) * 0.45 }, 20);
  let list = await waitIntents(domains, count + 1);
  await domains.waitForTimeout(200);
  assert((await intents(domains)).length === count + 1, 'one intent for the drop');
  let intent = lastOf(list).intent;
  assert(intent.type === 'set-placement' && intent.baseVersion === racksVersion, JSON.stringify(intent));
  assert(JSON.stringify(intent.ids) === '["hv-a1"]' && JSON.stringify(intent.to) === '{"kind":"rack","id":"r02"}', JSON.stringify(intent));
  assert(intent.positions?.length === 1 && intent.positions[0]?.id === 'hv-a1' && Number.isInteger(intent.positions[0].position.x), JSON.stringify(intent.positions));
  await post(domains, { type: 'applied', requestId: lastOf(list).requestId, dangling: [] });
  await domains.waitForFunction(() => document.getElementById('vt-status')?.textContent?.includes('Moved hv-a1 into rack r02'));
  await post(domains, { ...racks, version: ++racksVersion });
  count++;
  // A switch dragged out onto the canvas, clear of every box: out of its rack.
  const sw = await drawnBox(domains, 'core-b2');
  const site = await drawnBox(domains, 'dc1');
  const ds = await drawnBox(domains, 'csv-01');
  const clear = { x: site.x1 + 8, y: (ds.y1 + ds.y2) / 2 };
  assert(clear.y > site.y2, `the point below the site is clear: ${JSON.stringify(clear)} ${JSON.stringify(site)}`);
  await drag(domains, { x: (sw.x1 + sw.x2) / 2, y: (sw.y1 + sw.y2) / 2 }, clear, 20);
  list = await waitIntents(domains, count + 1);
  intent = lastOf(list).intent;
  assert(intent.type === 'set-placement' && JSON.stringify(intent.ids) === '["core-b2"]' && JSON.stringify(intent.to) === '{"kind":"none"}', JSON.stringify(intent));
  await answer(domains, ++racksVersion);
  await post(domains, { ...racks, version: ++racksVersion });
  count = (await intents(domains)).length;
  // A rack dragged out of its site: the rack leaves the site, its devices keep their rack and move with it.
  const rack = await drawnBox(domains, 'r03');
  const below = await drawnBox(domains, 'csv-02');
  const site2 = await drawnBox(domains, 'dc1');
  // Grabbed by its right edge, clear of the cables that run into it.
  await drag(domains, { x: rack.x2 - 4, y: (rack.y1 + rack.y2) / 2 }, { x: site2.x2 - 20, y: below.y2 + 30 }, 20);
  list = await waitIntents(domains, count + 1);
  intent = lastOf(list).intent;
  assert(intent.type === 'set-placement' && JSON.stringify(intent.ids) === '["r03"]' && JSON.stringify(intent.to) === '{"kind":"none"}', JSON.stringify(intent));
  assert(intent.positions?.some((p) => p.id === 'fq1616r') === true, `the array moved with its rack: ${JSON.stringify(intent.positions)}`);
  await answer(domains, ++racksVersion);
  count = (await intents(domains)).length;
  // Moving a switch a little inside its own rack is an ordinary move.
  const fc = await drawnBox(domains, 'fc-b');
  await drag(domains, { x: (fc.x1 + fc.x2) / 2, y: (fc.y1 + fc.y2) / 2 }, { x: (fc.x1 + fc.x2) / 2 + 4, y: (fc.y1 + fc.y2) / 2 + 4 }, 4);
  list = await waitIntents(domains, count + 1);
  intent = lastOf(list).intent;
  assert(intent.type === 'set-position' && intent.id === 'fc-b', JSON.stringify(intent));
  await post(domains, { type: 'applied', requestId: lastOf(list).requestId, dangling: [] });
  await post(domains, { ...racks, version: ++racksVersion });
});

await check('Space and a double click collapse and expand a rack: one box with a count of what it holds; nothing is sent', async () => {
  const count = (await intents(domains)).length;
  await post(domains, { type: 'select', elementId: 'r02' });
  await domains.waitForFunction(() => window.vtopoDesigner.selected().join() === 'r02');
  await domains.focus('#vt-canvas');
  await domains.keyboard.press(' ');
  await domains.waitForFunction(() => window.vtopoDesigner.renderedBox('hv-b1') === undefined);
  const label = await domains.evaluate(() => window.vtopoDesigner.labelOf('r02'));
  // What it holds, and the findings of what it hides.
  assert(/^r02 \(2 hosts, 2 switches\)( \u26a0\d+)?$/.test(label ?? ''), `collapsed label: ${label}`);
  assert((await domains.evaluate(() => window.vtopoDesigner.parentOf('r02'))) === 'dc1', 'still in its site');
  assert(((await domains.textContent('#vt-live')) ?? '').includes('Collapsed rack r02'), (await domains.textContent('#vt-live')) ?? '');
  await domains.waitForSelector('#vt-collapse-button');
  assert((await domains.textContent('#vt-collapse-button')) === 'Expand', 'the panel offers Expand');
  // A new document (an edit in the text) keeps it collapsed.
  await post(domains, { ...racks, version: ++racksVersion });
  await domains.waitForTimeout(100);
  assert((await box(domains, 'hv-b1')) === undefined, 'still collapsed after a redraw');
  await domains.screenshot({ path: join(dir, 'designer-racks-collapsed.png') });
  const at = await center(domains, 'r02');
  await domains.mouse.dblclick(at.x, at.y);
  await domains.waitForFunction(() => window.vtopoDesigner.renderedBox('hv-b1') !== undefined);
  assert((await domains.evaluate(() => window.vtopoDesigner.parentOf('hv-b1'))) === 'r02', 'back in its rack');
  assert(/^r02( \u26a0\d+)?$/.test((await domains.evaluate(() => window.vtopoDesigner.labelOf('r02'))) ?? ''), 'plain label again');
  assert((await domains.$('.vt-rename')) === null, 'a double click on a rack does not rename it');
  // A select from the text of something in a collapsed site opens it.
  await post(domains, { type: 'select', elementId: 'dc1' });
  await domains.waitForFunction(() => window.vtopoDesigner.selected().join() === 'dc1');
  await domains.focus('#vt-canvas');
  await domains.keyboard.press(' ');
  await domains.waitForFunction(() => window.vtopoDesigner.renderedBox('r01') === undefined);
  const siteLabel = await domains.evaluate(() => window.vtopoDesigner.labelOf('dc1'));
  assert(/^dc1 \(3 racks, 4 hosts, 6 switches, 1 array\)( \u26a0\d+)?$/.test(siteLabel ?? ''), `the site says what it holds: ${siteLabel}`);
  await post(domains, { type: 'select', elementId: 'fc-a' });
  await domains.waitForFunction(() => window.vtopoDesigner.selected().join() === 'fc-a');
  assert((await domains.evaluate(() => window.vtopoDesigner.parentOf('fc-a'))) === 'r01', 'opened to show it');
  await domains.waitForTimeout(200);
  assert((await intents(domains)).length === count, `collapse sent intents: ${JSON.stringify((await intents(domains)).slice(count))}`);
});

await check('Site and Rack palette buttons: a rack added while a site is selected goes into it', async () => {
  let count = (await intents(domains)).length;
  await post(domains, { type: 'select', elementId: 'dc1' });
  await domains.waitForFunction(() => window.vtopoDesigner.selected().join() === 'dc1');
  await domains.click('#vt-add-rack');
  let list = await waitIntents(domains, count + 1);
  let intent = lastOf(list).intent;
  assert(intent.type === 'add-element' && JSON.stringify(intent.element) === '{"kind":"rack","id":"r04","site":"dc1"}', JSON.stringify(intent));
  await answer(domains, ++racksVersion);
  await post(domains, { ...racks, version: ++racksVersion });
  count++;
  await domains.click('#vt-add-site');
  list = await waitIntents(domains, count + 1);
  intent = lastOf(list).intent;
  assert(intent.type === 'add-element' && JSON.stringify(intent.element) === '{"kind":"site","id":"dc2"}', JSON.stringify(intent));
  await post(domains, { type: 'applied', requestId: lastOf(list).requestId, dangling: [] });
  await post(domains, { ...racks, version: ++racksVersion });
});

await check('Auto layout keeps every device inside its rack and the racks apart; the positions it writes are inside the boxes', async () => {
  const count = (await intents(domains)).length;
  await domains.waitForTimeout(300);
  await domains.click('#vt-auto-layout');
  const list = await waitIntents(domains, count + 1);
  const intent = lastOf(list).intent;
  assert(intent.type === 'set-positions', JSON.stringify(intent));
  const placed = racks.diagram.nodes.filter((n) => ['host', 'switch', 'array', 'datastore'].includes(n.kind)).map((n) => n.id).sort();
  assert(JSON.stringify(intent.positions.map((p) => p.id).sort()) === JSON.stringify(placed), `positions for ${intent.positions.map((p) => p.id).join(', ')}`);
  await domains.screenshot({ path: join(dir, 'designer-racks-layout.png') });
  const boxes = await domains.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, window.vtopoDesigner.modelBox(id)])), ['dc1', 'r01', 'r02', 'r03']);
  for (const { id, position } of intent.positions) {
    const parent = racks.diagram.nodes.find((n) => n.id === id)?.parent;
    const rack = parent !== undefined ? boxes[parent] : undefined;
    if (!rack) continue;
    assert(position.x >= rack.x1 && position.x <= rack.x2 && position.y >= rack.y1 && position.y <= rack.y2, `${id} written at ${JSON.stringify(position)}, outside ${parent} ${JSON.stringify(rack)}`);
    for (const other of ['r01', 'r02', 'r03'].filter((r) => r !== parent)) {
      const b = boxes[other];
      assert(!b || !(position.x >= b.x1 && position.x <= b.x2 && position.y >= b.y1 && position.y <= b.y2), `${id} written inside ${other}`);
    }
  }
  const [r01, r02, r03] = [boxes['r01'], boxes['r02'], boxes['r03']];
  assert(r01 && r02 && r03 && !overlaps(r01, r02) && !overlaps(r02, r03) && !overlaps(r01, r03), `racks overlap after the layout: ${JSON.stringify(boxes)}`);
  await answer(domains, ++racksVersion);
});

await check('failure domains: hostile labels on sites, racks and feeds stay text; no CSP violation, no page error', async () => {
  const evil = '<img src=x onerror=alert(5)>';
  const hostile = {
    ...racks,
    version: ++racksVersion,
    diagram: {
      ...racks.diagram,
      nodes: racks.diagram.nodes.map((n) => (n.id === 'r03' ? { ...n, label: evil, details: ['<script>alert(6)</script>'] } : n.id === 'ups-a' ? { ...n, label: `${evil} (UPS)` } : n)),
    },
  };
  await post(domains, hostile);
  await domains.waitForFunction((l) => window.vtopoDesigner.labelOf('r03') === l, evil);
  await post(domains, { type: 'select', elementId: 'r03' });
  await domains.waitForFunction(() => window.vtopoDesigner.selected().join() === 'r03');
  await domains.focus('#vt-canvas');
  await domains.keyboard.press(' ');
  await domains.waitForFunction(() => window.vtopoDesigner.renderedBox('fq1616r') === undefined);
  await domains.click('#vt-power');
  await domains.waitForFunction(() => window.vtopoDesigner.renderedBox('ups-a') !== undefined);
  await domains.waitForTimeout(100);
  assert(((await domains.textContent('#vt-panel')) ?? '').includes('<script>alert(6)</script>'), 'details shown as text');
  assert((await domains.evaluate(() => document.querySelectorAll('img, script:not([src])').length)) === 0, 'no markup from file data');
  assert(domainProblems.dialogs.length === 0, `dialogs: ${domainProblems.dialogs.join(', ')}`);
  assert(domainProblems.errors.length === 0, `page errors: ${domainProblems.errors.join('; ')}`);
  assert((await domains.evaluate(() => window.__violations)).length === 0, 'CSP');
  await domains.click('#vt-power');
});
await domains.context().close();

await check('blade chassis inside its rack, its blade and interconnect inside it; a switch with a site only sits in the site', async () => {
  const { page: p, problems: bladeProblems } = await openPage({});
  await post(p, blades);
  await center(p, 'blade-1');
  const parentOf = (/** @type {string} */ id) => p.evaluate((i) => window.vtopoDesigner.parentOf(i), id);
  for (const [child, parent] of /** @type {Array<[string, string]>} */ ([['enc-01', 'r02'], ['blade-1', 'enc-01'], ['icm-1', 'enc-01'], ['sw-1', 'dc2'], ['esx-01', 'r01'], ['loose', 'prod'], ['arr-1', 'r09']])) {
    assert((await parentOf(child)) === parent, `${child} in ${await parentOf(child)}, not ${parent}`);
  }
  await p.click('#vt-power');
  await p.waitForFunction(() => window.vtopoDesigner.renderedBox('pdu-a') !== undefined);
  await p.screenshot({ path: join(dir, 'designer-blades-power.png') });
  // A host dropped onto the chassis becomes a blade of it.
  const host = await drawnBox(p, 'esx-01');
  const chassis = await drawnBox(p, 'enc-01');
  await drag(p, { x: (host.x1 + host.x2) / 2, y: (host.y1 + host.y2) / 2 }, { x: chassis.x1 + 6, y: chassis.y2 - 6 }, 20);
  const [intent] = await waitIntents(p, 1);
  assert(intent.intent.type === 'set-placement' && JSON.stringify(intent.intent.to) === '{"kind":"chassis","id":"enc-01"}' && JSON.stringify(intent.intent.ids) === '["esx-01"]', JSON.stringify(intent.intent));
  assert(bladeProblems.errors.length === 0, `page errors: ${bladeProblems.errors.join('; ')}`);
  await p.context().close();
});

await check('2,000-element design: first paint and drag frame rate', async () => {
  const { page: big, problems: bigProblems } = await openPage(bigDetails);
  /** @type {DocumentMessage} */
  const message = JSON.parse(bigText);
  await big.evaluate((text) => { window.__big = JSON.parse(text); }, bigText);
  const firstPaint = await big.evaluate(async () => {
    const start = performance.now();
    window.postMessage(window.__big, '*');
    await /** @type {Promise<void>} */ (new Promise((done) => {
      const poll = () => (performance.getEntriesByName('vtopo-designer-first-render').length > 0 ? done() : setTimeout(poll, 5));
      poll();
    }));
    const rendered = /** @type {PerformanceEntry} */ (performance.getEntriesByName('vtopo-designer-first-render')[0]).startTime - start; // waited for above
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return { rendered, settled: performance.now() - start };
  });
  const elements = message.diagram.nodes.length + message.diagram.edges.length;
  figures.push(`first paint (${message.diagram.nodes.length} nodes + ${message.diagram.edges.length} edges = ${elements} elements, ${(bigText.length / 1e6).toFixed(1)} MB message): ${firstPaint.rendered.toFixed(0)} ms to the first canvas render, ${firstPaint.settled.toFixed(0)} ms until the next frame`);
  // A leaf switch: at the fitted zoom a host is ~15 px wide and a press on it lands on a VM.
  const host = message.diagram.nodes.find((n) => n.kind === 'switch')?.id;
  assert(host, 'the big design has a switch');
  const drag = await measureDrag(big, host);
  figures.push(`drag of switch ${host}, compact (${drag.text}`);
  const sent = (await intents(big)).at(-1)?.intent;
  await big.waitForTimeout(100);
  const after = (await intents(big)).at(-1)?.intent;
  // A design whose switches stand in racks may see the switch dragged out of its rack: then it is a placement.
  const dragged = after?.type === 'set-position' ? after.id : after?.type === 'set-placement' ? after.ids.join() : undefined;
  assert(dragged === host, `drag intent: ${JSON.stringify(after ?? sent)}`);
  await big.screenshot({ path: join(dir, 'designer-2000.png') });
  // The panel's fields come one element at a time: what the whole design's would weigh.
  figures.push(`document message ${(bigText.length / 1e6).toFixed(1)} MB; the fields of every element would add ${(bigDetails.length / 1e6).toFixed(1)} MB, sent instead for the selected element only`);
  assert(bigProblems.errors.length === 0, `page errors: ${bigProblems.errors.join('; ')}`);
});

await check('big design: compact mode (VM counts on hosts, VMs listed in the panel), Show VMs, minimap pans', async () => {
  const { page: big, problems: bigProblems } = await openPage(bigDetails);
  /** @type {DocumentMessage} */
  const message = JSON.parse(bigText);
  await post(big, message);
  const vm = message.diagram.nodes.find((n) => n.kind === 'vm');
  const host = vm?.parent;
  assert(vm && host, 'the big design has a VM on a host');
  const vms = message.diagram.nodes.filter((n) => n.kind === 'vm' && n.parent === host);
  assert(vms[0], `${host} has VMs`);
  await big.waitForFunction((h) => window.vtopoDesigner.renderedBox(h) !== undefined, host);
  assert((await box(big, vm.id)) === undefined, 'VMs are not drawn on a big design');
  const label = await big.evaluate((h) => window.vtopoDesigner.labelOf(h), host);
  assert((label ?? '').includes(`(${vms.length} VM${vms.length === 1 ? '' : 's'})`), `host label: ${label}`);
  assert((await big.getAttribute('#vt-show-vms', 'aria-pressed')) === 'false', 'Show VMs is off');
  await post(big, { type: 'select', elementId: host });
  await big.waitForFunction((n) => document.querySelectorAll('#vt-vm-list button').length === n, vms.length);
  await big.click(`#vt-vm-list button[data-vm="${vms[0].id}"]`);
  await big.waitForFunction((i) => document.querySelector('#vt-panel h2')?.textContent === i, vms[0].id);
  assert((await big.evaluate(() => window.vtopoDesigner.selected())).join() === host, 'the host stays selected');
  await big.click('#vt-reveal');
  assert((await posted(big)).filter((m) => m.type === 'reveal').at(-1)?.elementId === vms[0].id, 'Show text reveals the VM');
  // A select from the text for a hidden VM selects its host and shows the VM.
  const other = message.diagram.nodes.filter((n) => n.kind === 'vm' && n.parent !== host).at(-1);
  assert(other, 'the big design has VMs on other hosts');
  await post(big, { type: 'select', elementId: other.id });
  await big.waitForFunction((i) => document.querySelector('#vt-panel h2')?.textContent === i, other.id);
  assert((await big.evaluate(() => window.vtopoDesigner.selected())).join() === other.parent, 'its host is selected');
  // The minimap: shown on a big design; a press on it pans the main view.
  assert(await big.isVisible('#vt-minimap'), 'minimap shown');
  const mapBox = await big.evaluate(() => { const r = /** @type {HTMLElement} */ (document.getElementById('vt-minimap')).getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; });
  const panBefore = await big.evaluate(() => window.vtopoDesigner.pan());
  await big.mouse.click(mapBox.x + 12, mapBox.y + 12);
  await big.waitForTimeout(50);
  const panAfter = await big.evaluate(() => window.vtopoDesigner.pan());
  assert(Math.abs(panAfter.x - panBefore.x) + Math.abs(panAfter.y - panBefore.y) > 20, `pan ${JSON.stringify(panBefore)} -> ${JSON.stringify(panAfter)}`);
  await drag(big, { x: mapBox.x + 20, y: mapBox.y + 20 }, { x: mapBox.x + mapBox.w - 20, y: mapBox.y + mapBox.h - 20 }, 6);
  const panDragged = await big.evaluate(() => window.vtopoDesigner.pan());
  assert(panDragged.x < panAfter.x && panDragged.y < panAfter.y, `dragging on the minimap pans: ${JSON.stringify(panAfter)} -> ${JSON.stringify(panDragged)}`);
  assert((await big.evaluate(() => window.vtopoDesigner.selected())).join() === other.parent, 'the minimap does not change the selection');
  await big.screenshot({ path: join(dir, 'designer-2000-compact.png') });
  await big.click('#vt-minimap-toggle');
  assert(await big.isHidden('#vt-minimap'), 'minimap toggled off');
  // Show VMs draws them inside their hosts; off again hides them.
  await big.click('#vt-show-vms');
  await big.waitForFunction((i) => window.vtopoDesigner.parentOf(i) !== undefined, vm.id);
  assert((await big.evaluate((i) => window.vtopoDesigner.parentOf(i), vm.id)) === host, 'VM inside its host');
  assert((await big.evaluate((h) => window.vtopoDesigner.labelOf(h), host))?.includes(' VM') === false, 'no count with VMs drawn');
  await big.click('#vt-show-vms');
  await big.waitForFunction((i) => window.vtopoDesigner.renderedBox(i) === undefined, vm.id);
  assert((await intents(big)).length === 0, `intents: ${JSON.stringify(await intents(big))}`);
  // Auto layout on the big (compact) design: one set-positions for every placed element.
  const started = Date.now();
  await big.click('#vt-auto-layout');
  const [layout] = await waitIntents(big, 1);
  const took = Date.now() - started;
  const placed = message.diagram.nodes.filter((n) => ['host', 'switch', 'array', 'datastore'].includes(n.kind)).length;
  assert(layout.intent.type === 'set-positions' && layout.intent.positions.length === placed && layout.intent.positions.every((p) => Number.isFinite(p.position.x) && Number.isFinite(p.position.y)), `${layout.intent.type}: ${layout.intent.type === 'set-positions' ? layout.intent.positions.length : undefined} of ${placed}`);
  figures.push(`auto layout (fcose) of the 2,000-element design, compact: ${took} ms from the click to the set-positions intent (${placed} positions)`);
  assert(bigProblems.errors.length === 0, `page errors: ${bigProblems.errors.join('; ')}`);
  await big.context().close();
});

await check('2,000-element design with every VM and port drawn (Show VMs): redraw time and drag frame rate', async () => {
  const { page: big, problems: bigProblems } = await openPage(bigDetails);
  /** @type {DocumentMessage} */
  const message = JSON.parse(bigText);
  await post(big, message);
  const vm = message.diagram.nodes.find((n) => n.kind === 'vm');
  const port = message.diagram.nodes.find((n) => n.kind === 'port');
  assert(vm?.parent !== undefined && port, 'the big design has a VM on a host and a port');
  await big.waitForFunction((h) => window.vtopoDesigner.renderedBox(h) !== undefined, vm.parent);
  const drawn = await big.evaluate(async ({ vmId, portId }) => {
    const start = performance.now();
    /** @type {HTMLElement} */ (document.getElementById('vt-show-vms')).click();
    await /** @type {Promise<void>} */ (new Promise((done) => {
      const poll = () => (window.vtopoDesigner.parentOf(vmId) !== undefined && window.vtopoDesigner.parentOf(portId) !== undefined ? done() : setTimeout(poll, 5));
      poll();
    }));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return performance.now() - start;
  }, { vmId: vm.id, portId: port.id });
  const nodes = message.diagram.nodes.length;
  figures.push(`Show VMs on the 2,000-element design (all ${nodes} nodes drawn, VMs and ports inside their hosts): ${drawn.toFixed(0)} ms from the click to the next frame`);
  // A switch, array or datastore clear of the generated host rows (a press among them lands on a VM or port).
  const ds = await big.evaluate(({ candidates, hosts }) => {
    const boxes = hosts.map((h) => window.vtopoDesigner.renderedBox(h)).filter((b) => b !== undefined);
    return candidates.find((id) => {
      const b = window.vtopoDesigner.renderedBox(id);
      if (!b) return false;
      const x = (b.x1 + b.x2) / 2;
      const y = (b.y1 + b.y2) / 2;
      return x > 20 && y > 60 && !boxes.some((h) => x >= h.x1 - 10 && x <= h.x2 + 10 && y >= h.y1 - 10 && y <= h.y2 + 10);
    });
  }, { candidates: message.diagram.nodes.filter((n) => ['datastore', 'switch'].includes(n.kind)).map((n) => n.id).reverse(), hosts: message.diagram.nodes.filter((n) => n.kind === 'host' || n.kind === 'array').map((n) => n.id) });
  assert(ds !== undefined, 'no switch or datastore clear of the hosts');
  const drag = await measureDrag(big, ds);
  await big.waitForTimeout(100);
  const moved = (await intents(big)).at(-1)?.intent;
  assert(moved?.type === 'set-position' && moved.id === ds, `the drag moved ${JSON.stringify(moved)}`);
  figures.push(`drag of ${ds}, every node drawn (${drag.text}`);
  await big.screenshot({ path: join(dir, 'designer-2000-full.png') });
  assert(bigProblems.errors.length === 0, `page errors: ${bigProblems.errors.join('; ')}`);
  await big.context().close();
});

await check('zh-cn: with the Chinese language block the toolbar, legend, status, panel and menu speak Chinese', async () => {
  const { page: p, problems: pp, context } = await openPage(seedDetails, { width: 1280, height: 800 }, url.replace('/index.html', '/index-zh-cn.html'));
  await post(p, seedZhCn);
  await center(p, 'esx-01');
  const cjk = /[\u4e00-\u9fff]/;
  const buttons = await p.evaluate(() => [...document.querySelectorAll('.vt-toolbar button')].map((b) => ({ id: b.id, label: b.getAttribute('aria-label') ?? '', title: b.getAttribute('title') ?? '' })));
  assert(buttons.length >= 20, `toolbar buttons: ${buttons.length}`);
  for (const b of buttons) assert(cjk.test(b.label) && cjk.test(b.title) && /（[^（）]+）$/.test(b.title), `a Chinese name and tooltip with its key: ${JSON.stringify(b)}`);
  const addHost = buttons.find((b) => b.id === 'vt-add-host');
  assert(addHost?.title === '添加主机（加入所选集群）（Shift+H）' && addHost.label === '添加主机', `Add host: ${JSON.stringify(addHost)}`);
  const groups = await p.evaluate(() => [...document.querySelectorAll('.vt-toolbar [role="group"]')].map((g) => g.getAttribute('aria-label') ?? ''));
  assert(groups.slice(0, 4).join('|') === '添加|编辑|视图|导出和帮助', `toolbar groups: ${JSON.stringify(groups)}`);
  assert((await p.getAttribute('#vt-search', 'placeholder')) === '查找 id', 'search placeholder');
  const status = (await p.textContent('#vt-status')) ?? '';
  assert(/^seed-000-fq1616r\.vtopo：\d+ 个元素，\d+ 条连接，\d+ 个有问题$/.test(status), `status: ${status}`);
  assert((await p.getAttribute('#designer', 'aria-label')) === 'VTopo 设计器', 'the designer is named in Chinese');
  await p.click('#vt-legend-toggle');
  await p.waitForSelector('#vt-legend', { state: 'visible' });
  const legend = (await p.textContent('#vt-legend')) ?? '';
  for (const words of ['图例', '设备', '连线', '方框和边框', '光纤交换机', '以太网交换机', '存储阵列（包围其控制器）', 'Fabric A 上的线缆', '快速修复将添加的线缆（虚线）', '电源模块到其供电回路']) assert(legend.includes(words), `legend says ${words}: ${legend}`);
  assert(!/[A-Za-z]{3,} [A-Za-z]{3,}/.test(legend), `no English sentence in the legend: ${legend}`);
  await p.click('#vt-help');
  const panel = (await p.textContent('#vt-panel')) ?? '';
  assert(panel.includes('Tab / Shift+Tab：下一个 / 上一个元素') && panel.includes('Shift+H：添加主机'), `the shortcut list in Chinese: ${panel}`);
  await p.screenshot({ path: join(dir, 'designer-zh-cn.png') });
  await p.click('#vt-help');
  await p.click('#vt-legend-toggle');
  const at = await center(p, 'fc-a');
  await p.mouse.click(at.x, at.y, { button: 'right' });
  await p.waitForSelector('#vt-context-menu', { state: 'visible' });
  const menu = await p.evaluate(() => [...document.querySelectorAll('#vt-context-menu [role="menuitem"]')].map((item) => (item.textContent ?? '').trim()));
  assert(menu.join('|') === '模拟“fc-a”故障|在文本中显示|删除', `menu: ${JSON.stringify(menu)}`);
  assert((await p.getAttribute('#vt-context-menu', 'aria-label')) === '“fc-a”的操作', 'the menu is named in Chinese');
  await p.screenshot({ path: join(dir, 'designer-zh-cn-menu.png') });
  await p.keyboard.press('Escape');
  await p.waitForSelector('#vt-context-menu', { state: 'hidden' });
  await p.mouse.click(at.x, at.y);
  await p.waitForFunction(() => document.querySelector('#vt-panel h2')?.textContent === 'fc-a');
  const facts = (await p.textContent('#vt-panel .vt-facts')) ?? '';
  assert(facts.startsWith('光纤交换机，Fabric A'), `the element's facts in Chinese: ${facts}`);
  assert((await p.textContent('#vt-panel .vt-kind')) === '交换机', 'the kind in Chinese');
  assert((await p.textContent('#vt-rename-button')) === '重命名', 'Rename in Chinese');
  const announced = (await p.textContent('#vt-live')) ?? '';
  assert(announced.startsWith('已选择交换机“fc-a”'), `what a screen reader hears: ${announced}`);
  const violations = await p.evaluate(() => window.__violations);
  assert(violations.length === 0 && pp.errors.length === 0, `CSP ${JSON.stringify(violations)}, errors ${pp.errors.join('; ')}`);
  await context.close();
});

await check('small design: no minimap until asked; VMs drawn', async () => {
  const { page: small, problems: smallProblems } = await openPage();
  await post(small, seed);
  await center(small, 'web-01');
  assert(await small.isHidden('#vt-minimap'), 'minimap hidden on a small design');
  assert((await small.getAttribute('#vt-show-vms', 'aria-pressed')) === 'true', 'Show VMs on');
  await small.click('#vt-minimap-toggle');
  await small.waitForSelector('#vt-minimap', { state: 'visible' });
  assert(smallProblems.errors.length === 0, `page errors: ${smallProblems.errors.join('; ')}`);
  await small.context().close();
});

await browser.close();
server.close();
for (const figure of figures) console.log(`figure: ${figure}`);
console.log(`designer-webview: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
