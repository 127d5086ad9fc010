// @ts-check
// VTopo in Simplified Chinese, as an architect whose VS Code display language is zh-cn meets
// it (docs/l10n.md): the workbench runs with --locale zh-cn and the test language pack
// (test/e2e/fixtures/language-pack-zh-cn), so VS Code gives the extension its Chinese
// bundles. VS Code's own menus stay English: only the real language pack translates them,
// and it cannot be downloaded here. On the iSCSI example: the Problems panel, the N-1 status
// bar item, the command palette, a host failure's results panel and the designer.
import { expect, frameWithDesigner, openFile, QUICK_INPUT_ROWS, readQuickInputRows, readStatusBar, runCommand, screenshot, waitForProblems, waitUntil } from './lib.mjs';
/** @import { JourneyContext } from './lib.mjs' */

const CJK = /[\u4e00-\u9fff]/;

/** @param {JourneyContext} journey */
export async function chineseProblemsSimulationAndDesigner({ page }) {
  await openFile(page, 'examples/iscsi-av100-g6.vtopo');
  const markers = await waitForProblems(page, (shown) => shown.length >= 4);
  const english = markers.filter((marker) => !CJK.test(marker.message));
  expect(english.length === 0, `problems not in Chinese: ${JSON.stringify(english.map((m) => m.message))}`);
  expect(markers.some((marker) => marker.code === 'storage-path-spof' && /控制器“av100\/a”是单点故障/.test(marker.message)), `the controller finding: ${JSON.stringify(markers.map((m) => m.message))}`);
  await screenshot(page, 'zh-cn-problems');

  const status = await waitUntil(async () => {
    const items = await readStatusBar(page);
    return items.find((item) => item.startsWith('N-1') && CJK.test(item));
  }, { message: 'the N-1 status bar item in Chinese' });
  expect(status !== undefined, 'N-1 status item');

  await runCommand(page, 'VTopo: 模拟主机故障...');
  const rows = await waitUntil(async () => {
    const shown = await readQuickInputRows(page);
    return shown.some((row) => row.label === 'esx-01') ? shown : undefined;
  }, { message: 'the quick pick of hosts' });
  expect(rows.every((row) => row.description === '' || CJK.test(row.description)), `host descriptions in Chinese: ${JSON.stringify(rows)}`);
  await page.locator(QUICK_INPUT_ROWS).filter({ hasText: 'esx-01' }).first().click();
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const title = frame.locator('h1');
  await title.waitFor({ state: 'visible', timeout: 20_000 });
  const heading = (await title.textContent()) ?? '';
  expect(CJK.test(heading) && heading.includes('esx-01'), `panel title: ${heading}`);
  const summary = (await frame.locator('.summary').textContent()) ?? '';
  expect(CJK.test(summary), `summary: ${summary}`);
  const tabs = await frame.locator('button.tab').allTextContents();
  expect(tabs.length > 0 && tabs.every((tab) => CJK.test(tab)), `tabs: ${tabs.join(' | ')}`);
  await frame.locator('svg.timeline').waitFor({ state: 'visible', timeout: 10_000 });
  await screenshot(page, 'zh-cn-simulation');

  await runCommand(page, 'View: Close All Editors');
  await openFile(page, 'examples/iscsi-av100-g6.vtopo');
  await runCommand(page, 'VTopo: 打开设计器（侧边）');
  const designer = await frameWithDesigner(page);
  const tooltips = await designer.evaluate(() => [...document.querySelectorAll('[id^="vt-"][title]')].map((element) => element.getAttribute('title') ?? ''));
  const untranslated = tooltips.filter((tooltip) => !CJK.test(tooltip));
  expect(tooltips.length >= 10 && untranslated.length === 0, `toolbar tooltips not in Chinese: ${JSON.stringify(untranslated)}`);
  await designer.locator('#vt-legend-toggle').click();
  const legend = await designer.evaluate(() => document.querySelector('.vt-legend, #vt-legend')?.textContent ?? '');
  expect(CJK.test(legend), `legend: ${legend.slice(0, 200)}`);
  await screenshot(page, 'zh-cn-designer');
}
chineseProblemsSimulationAndDesigner.locale = 'zh-cn';
chineseProblemsSimulationAndDesigner.timeout = 150_000;
