// The failover simulator as a user meets it: "VTopo: Simulate Host Failure..." from the
// palette on the seed-000-fq1616r example, esx-01 picked in the quick pick, the results panel; and
// "VTopo: Recommend Load Balance..." on a design with two HA clusters.
import { expect, openFile, QUICK_INPUT_ROWS, readQuickInputRows, runCommand, screenshot, waitUntil } from './lib.mjs';

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
  // The 75 s restarts: time-axis labels in seconds, none drawn over another.
  const ticks = await timeline.locator('text.tick').evaluateAll((texts) => texts.map((text) => {
    const box = text.getBBox();
    return { label: text.textContent ?? '', left: box.x, right: box.x + box.width };
  }));
  expect(ticks.length >= 2 && ticks.every((tick) => / s$/.test(tick.label)), `tick labels: ${JSON.stringify(ticks)}`);
  expect(ticks.every((tick, index) => index === 0 || (ticks[index - 1]?.right ?? 0) < tick.left), `tick labels overlap: ${JSON.stringify(ticks)}`);
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

export async function simulateLoadBalanceRecommendationFromThePalette({ page }) {
  await openFile(page, 'two-clusters.vtopo');
  await runCommand(page, 'VTopo: Recommend Load Balance...');
  const rows = await waitUntil(async () => {
    const shown = await readQuickInputRows(page);
    return shown.some((row) => row.label === 'prod') ? shown : undefined;
  }, { message: 'the quick pick of HA clusters' });
  expect(rows.some((row) => row.label === 'prod' && /3 hosts, 4 VMs, DRS threshold 3/.test(row.description)), `clusters with their hosts and VMs: ${JSON.stringify(rows)}`);
  expect(rows.some((row) => row.label === 'lab'), `both HA clusters offered: ${JSON.stringify(rows)}`);
  await page.locator(QUICK_INPUT_ROWS).filter({ hasText: 'prod' }).first().click();

  const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const title = frame.locator('h1', { hasText: 'Load balance' });
  await title.waitFor({ state: 'visible', timeout: 20_000 });
  expect(((await title.textContent()) ?? '') === 'Load balance of cluster prod (heuristic)', `panel title: ${await title.textContent()}`);
  const summary = (await frame.locator('.summary').textContent()) ?? '';
  expect(/Std\. deviation before\s*0\.340/.test(summary) && /Std\. deviation after\s*0\.094/.test(summary) && /Moves\s*1/.test(summary), `summary: ${summary}`);
  const notes = (await frame.locator('.notes').textContent()) ?? '';
  expect(/This is a heuristic/.test(notes), `notes: ${notes}`);
  const chart = frame.locator('svg.balance');
  await chart.waitFor({ state: 'visible', timeout: 10_000 });
  const hosts = await chart.locator('text.group').allTextContents();
  expect(hosts.join(',') === 'h1,h2,h3', `hosts in the load chart: ${hosts.join(',')}`);
  const values = await chart.locator('text.bar-value').allTextContents();
  expect(values.join(',') === '80%,40%,20%,20%,0%,40%', `loads before and after: ${values.join(',')}`);
  await screenshot(page, 'simulation-balance-chart');

  await frame.locator('button.tab', { hasText: 'Table: Moves' }).click();
  await frame.locator('table.results').waitFor({ state: 'visible', timeout: 10_000 });
  const move = await frame.locator('table.results tbody tr').first().locator('td').allTextContents();
  expect(move.join(',') === '1,a,h1,h3', `the move: ${move.join(',')}`);
  await screenshot(page, 'simulation-balance-moves');
}
simulateLoadBalanceRecommendationFromThePalette.files = {
  'two-clusters.vtopo': [
    'vtopo: 1',
    'platform: vsphere',
    'clusters:',
    '  prod: { migrationNetwork: 10 Gbps, drs: { enabled: true, migrationThreshold: 3 } }',
    '  lab: {}',
    'hosts:',
    '  h1: { cluster: prod, cpu: { cores: 16, speed: 2 GHz }, memory: 14 GB }',
    '  h2: { cluster: prod, cpu: { cores: 16, speed: 2 GHz }, memory: 14 GB }',
    '  h3: { cluster: prod, cpu: { cores: 16, speed: 2 GHz }, memory: 14 GB }',
    '  l1: { cluster: lab, cpu: { cores: 8, speed: 2 GHz }, memory: 14 GB }',
    'vms:',
    '  a: { host: h1, memory: 4 GB }',
    '  b: { host: h1, memory: 2 GB }',
    '  c: { host: h1, memory: 2 GB }',
    '  d: { host: h2, memory: 2 GB }',
    '',
  ].join('\n'),
};
