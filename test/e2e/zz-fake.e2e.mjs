import { expect, openFile, runCommand, screenshot, waitForProblems } from './lib.mjs';
export const files = { 'prod.vtopo': 'cluster prod\n  array a1\n  vm web\n' };
export async function checkAll({ page }) {
  await openFile(page, 'prod.vtopo');
  await runCommand(page, 'VTopo: Check All Files');
  const ms = await waitForProblems(page, (ms) => ms.some((m) => m.code === 'array-single-controller'));
  console.log(JSON.stringify(ms, null, 1));
  expect(ms.some((m) => m.code === 'vm-local-datastore' && m.severity === 'error' && m.source === 'vtopo'), 'vm-local-datastore');
  await screenshot(page, 'fake-check-all');
}
