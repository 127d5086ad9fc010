// @ts-check
// The design review as a reader gets it: `vtopo report` (dist/cli/vtopo.js, built by the
// package step) writes the HTML of the seed example and of a design full of markup; headless
// Chromium opens each from disk on screen and in print media, takes screenshots and a PDF
// (test-output/report/), and checks that the page loads nothing, runs nothing, shows the
// design's markup as text, keeps the host boxes of the diagram apart and prints in colour.
// Ends with `report: N passed, M failed`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
/* global getComputedStyle */

const out = resolve(process.argv[2] ?? 'test-output/report');
mkdirSync(out, { recursive: true });
if (!existsSync('dist/cli/vtopo.js')) {
  console.error('dist/cli/vtopo.js is missing: run `npm run build` first');
  process.exit(1);
}

const HOSTILE = [
  'vtopo: 1',
  'name: "<img src=x onerror=alert(1)>"',
  'clusters:',
  '  prod: { ha: { enabled: true } }',
  'hosts:',
  '  esx-01: { cluster: prod, cpu: { cores: 16, speedMHz: 2400 }, memoryGB: 256 }',
  '  esx-02: { cluster: prod, cpu: { cores: 16, speedMHz: 2400 }, memoryGB: 256 }',
  'vms:',
  '  web-01: { host: "<script>alert(2)</script>", memoryGB: 8 }',
  '',
].join('\n');
writeFileSync(join(out, 'hostile.vtopo'), HOSTILE);

/** @param {string} design @param {string} target @param {string[]} more */
function report(design, target, ...more) {
  execFileSync(process.execPath, ['dist/cli/vtopo.js', 'report', design, '-o', target, ...more], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const seedHtml = join(out, 'seed-000-review.html');
const hostileHtml = join(out, 'hostile-review.html');
report('examples/seed-000-fq1616r.vtopo', seedHtml, '--fail', 'switch:fc-a');
report(join(out, 'hostile.vtopo'), hostileHtml);

let passed = 0;
let failed = 0;
/** @param {string} name @param {() => Promise<void>} body */
async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed++;
    console.log(`not ok - ${name}\n  ${error instanceof Error ? error.message : String(error)}`);
  }
}
/** @param {unknown} condition @param {string} message */
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  /** @param {string} file @param {'screen' | 'print'} media */
  async function open(file, media) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    /** @type {string[]} */
    const requests = [];
    /** @type {string[]} */
    const problems = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('dialog', (dialog) => { problems.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
    await page.emulateMedia({ media });
    await page.goto(`file://${file}`);
    return { page, requests, problems };
  }

  await check('the seed review loads only itself, with no error, on screen and in print', async () => {
    for (const media of /** @type {const} */ (['screen', 'print'])) {
      const { page, requests, problems } = await open(seedHtml, media);
      expect(requests.length === 1 && requests[0]?.startsWith('file://'), `requests: ${requests.join(', ')}`);
      expect(problems.length === 0, problems.join('; '));
      await page.screenshot({ path: join(out, `seed-000-review-${media}.png`), fullPage: true });
      if (media === 'print') await page.pdf({ path: join(out, 'seed-000-review.pdf'), format: 'A4', printBackground: true });
      await page.close();
    }
  });

  await check('the scorecard, the sections and the added simulation are there', async () => {
    const { page } = await open(seedHtml, 'screen');
    const headings = await page.$$eval('h2', (all) => all.map((h) => h.textContent ?? ''));
    expect(JSON.stringify(headings) === JSON.stringify(['Scorecard', 'Topology', 'Capacity and failover', 'N-1 failure sweep', 'Findings', 'Simulations']), `headings: ${headings.join(', ')}`);
    const rows = await page.$$eval('table.score tbody tr', (all) => all.length);
    expect(rows === 7, `scorecard rows: ${rows}`);
    const simulation = await page.$eval('#simulations h3', (h) => h.textContent ?? '');
    expect(simulation === 'Switch fc-a fails', `simulation: ${simulation}`);
    await page.close();
  });

  await check('the diagram draws both hosts, apart', async () => {
    const { page } = await open(seedHtml, 'screen');
    const boxes = await page.$$eval('#topology svg g', (groups) => groups.flatMap((g) => {
      const rect = g.querySelector('rect');
      const label = g.querySelector('text')?.textContent ?? '';
      if (!rect || !/^esx-0[12]$/.test(label)) return [];
      const box = rect.getBoundingClientRect();
      return [{ label, x1: box.left, y1: box.top, x2: box.right, y2: box.bottom }];
    }));
    expect(boxes.length === 2, `host boxes: ${JSON.stringify(boxes)}`);
    const [a, b] = boxes;
    const overlap = a && b && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    expect(!overlap, `host boxes overlap: ${JSON.stringify(boxes)}`);
    await page.close();
  });

  await check('print keeps the verdict colours and starts the diagram on a new page', async () => {
    const { page } = await open(seedHtml, 'print');
    const style = await page.$eval('.badge.fail', (badge) => ({ adjust: getComputedStyle(badge).getPropertyValue('print-color-adjust'), background: getComputedStyle(badge).backgroundColor }));
    expect(style.adjust === 'exact', `print-color-adjust: ${style.adjust}`);
    expect(style.background === 'rgb(196, 43, 28)', `badge background: ${style.background}`);
    const breakBefore = await page.$eval('#topology', (section) => getComputedStyle(section).breakBefore);
    expect(breakBefore === 'page', `break-before: ${breakBefore}`);
    await page.close();
  });

  await check('markup in the design is shown as text and never runs', async () => {
    const { page, requests, problems } = await open(hostileHtml, 'screen');
    expect(requests.length === 1, `requests: ${requests.join(', ')}`);
    expect(problems.length === 0, problems.join('; '));
    const elements = await page.$$eval('img, script, iframe, object', (all) => all.length);
    expect(elements === 0, `${elements} active elements`);
    const title = await page.$eval('h1', (h) => h.textContent ?? '');
    expect(title === 'Design review: <img src=x onerror=alert(1)>', `h1: ${title}`);
    const body = await page.$eval('body', (b) => b.textContent ?? '');
    expect(body.includes('<script>alert(2)</script>'), 'the dangling reference is shown as text');
    await page.screenshot({ path: join(out, 'hostile-review.png'), fullPage: true });
    await page.close();
  });

  await check('no element or style names a resource to load', async () => {
    for (const file of [seedHtml, hostileHtml]) {
      const { page } = await open(file, 'screen');
      const linking = await page.$$eval('[src], [href], [srcset], [action], [formaction], link, base, script', (all) => all.map((e) => e.outerHTML.slice(0, 80)));
      expect(linking.length === 0, `${file}: ${linking.join(', ')}`);
      const css = await page.$$eval('style', (all) => all.map((s) => s.textContent ?? '').join(''));
      expect(!/url\(|@import/i.test(css), `${file}: the style sheet loads something`);
      await page.close();
    }
    expect(readFileSync(seedHtml, 'utf8').includes("content=\"default-src 'none'; style-src 'unsafe-inline'\""), 'the Content Security Policy forbids loading');
  });
} finally {
  await browser.close();
}

console.log(`screenshots and PDF in ${out}`);
console.log(`report: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
