/**
 * Import of a generated RVTools export of 100 hosts and about 2,000 VMs (test/fixtures/rvtools),
 * as a workbook and as a zip of CSV files: reading the tables alone (the peer: what any
 * importer must pay to open the file), then the whole import to .vtopo text. The ratio says
 * what the mapping and writing add to reading; the budget is 5 s for the whole import.
 */

import { importInventory } from '../src/core/import/import-inventory';
import { readInventoryTables, type InventoryInput } from '../src/core/import/sources';
import { parseVtopo } from '../src/core/model/parse';
import { generateRvtoolsEstate, SPECIAL_CASES } from '../test/fixtures/rvtools/generate';
import { toCsvFiles, toXlsx, toZip } from '../test/fixtures/rvtools/write';
import { medianMsAsync, table } from './measure';

export async function benchImport(runs: number): Promise<void> {
  const tables = generateRvtoolsEstate({ ...SPECIAL_CASES, clusters: 5, hostsPerCluster: 20, vmsPerHost: 22, seed: 11 });
  const vmRows = tables.find((t) => t.name === 'vInfo')?.rows.length ?? 0;
  const inputs: Array<[string, InventoryInput]> = [
    ['xlsx', { name: 'estate.xlsx', bytes: toXlsx(tables) }],
    ['csv zip', { name: 'estate.zip', bytes: toZip(toCsvFiles(tables)) }],
  ];
  const rows: string[][] = [];
  for (const [form, input] of inputs) {
    const result = await importInventory(input);
    const { topology, problems } = parseVtopo(result.text);
    if (problems.length > 0) throw new Error(`the imported design has ${problems.length} problems: ${problems[0]?.message ?? ''}`);
    const readMs = await medianMsAsync(runs, () => readInventoryTables(input));
    const importMs = await medianMsAsync(runs, () => importInventory(input));
    const bytes = 'bytes' in input ? input.bytes.length : 0;
    rows.push([form, (bytes / 1048576).toFixed(2), String(vmRows), String(topology.hosts.length), String(topology.vms.length), readMs.toFixed(0), importMs.toFixed(0), (importMs / readMs).toFixed(2), (result.text.length / 1048576).toFixed(2)]);
  }
  console.log(`\nimport of a generated RVTools export (vInfo rows incl. templates and FT secondaries), median of ${runs} runs; budget 5,000 ms\n`);
  console.log(table(['form', 'MB in', 'vInfo rows', 'hosts', 'VMs', 'read ms', 'import ms', 'import/read', 'MB out'], rows));
}
