// The failover simulator as a user meets it: "VTopo: Simulate Host Failure..." from the
// palette on the seed 000 design, esx-01 picked in the quick pick, the results panel.
import { expect, openFile, readQuickInputRows, runCommand, screenshot, waitUntil } from './lib.mjs';

const QUICK_INPUT_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';

export async function simulateHostFailureFromThePalette({ page }) {
  await openFile(page, 'examples/seed-000-fq1616r.vtopo');
  await runCommand(page, 'VTopo: Simulate Host Failure...');
  const rows = await waitUntil(async () => {
    const shown = await readQuickInputRows(page);
    return shown.some((row) => row.label === 'esx-01') ? shown : undefined;
  }, { message: 'the quick pick of hosts' });
  expect(rows.some((row) => row.label === 'esx-02' && /cluster prod, 1 VM/.test(row.description)), `hosts with their cluster and VMs: ${JSON.stringify(rows)}`);
  await page.locator(QUICK_INPUT_ROWS).filter({ hasText: 'esx-01' }).first().click();

  const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const title = frame.locator('h1');
  await title.waitFor({ state: 'visible', timeout: 20_000 });
  expect(/Host esx-01 fails/.test((await title.textContent()) ?? ''), `panel title: ${await title.textContent()}`);
  const summary = (await frame.locator('.summary').textContent()) ?? '';
  expect(/VMs affected\s*3/.test(summary) && /Restarted\s*3/.test(summary), `summary: ${summary}`);
  const timeline = frame.locator('svg.timeline');
  await timeline.waitFor({ state: 'visible', timeout: 10_000 });
  const labels = await timeline.locator('text.row-label').allTextContents();
  expect(['vcenter', 'sql-01', 'web-02'].every((vm) => labels.includes(vm)), `timeline rows: ${labels.join(', ')}`);
  const groups = await timeline.locator('text.group').allTextContents();
  expect(groups.join('|') === 'Priority highest|Priority high|Priority medium', `tiers in order: ${groups.join('|')}`);
  await screenshot(page, 'simulation-host-failure-timeline');

  await frame.locator('button.tab', { hasText: 'Table: VMs' }).click();
  await frame.locator('table.results').waitFor({ state: 'visible', timeout: 10_000 });
  await frame.locator('table.results th button', { hasText: 'VM' }).first().click();
  const firstColumn = await frame.locator('table.results tbody tr td:first-child').allTextContents();
  expect(firstColumn.join(',') === 'sql-01,vcenter,web-01,web-02', `sorted by VM: ${firstColumn.join(',')}`);
  await screenshot(page, 'simulation-host-failure-table');

  await frame.locator('button.tab', { hasText: 'Capacity' }).click();
  await frame.locator('svg.capacity').waitFor({ state: 'visible', timeout: 10_000 });
  await screenshot(page, 'simulation-host-failure-capacity');
}
