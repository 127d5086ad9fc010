import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseVtopo } from '../../../src/core/model/parse';
import { generateRvtoolsEstate, SPECIAL_CASES } from '../../fixtures/rvtools/generate';
import { toCsvFiles, toXlsx, toZip } from '../../fixtures/rvtools/write';
import { inventory as hypervInventory } from '../import/hyperv-inventory';
import { inventory as proxmoxInventory } from '../import/proxmox-estate';
import { inWorkspace } from './harness';

const TABLES = generateRvtoolsEstate({ ...SPECIAL_CASES, clusters: 2, hostsPerCluster: 3, vmsPerHost: 4, seed: 7 });
const CSV_FILES = Object.fromEntries(toCsvFiles(TABLES).map((file) => [`export/${file.name}`, file.bytes]));
const ZIP = toZip(toCsvFiles(TABLES));
const XLSX = toXlsx(TABLES);

/** The design without its first line and its inventory line, which name the file it came from. */
const body = (text: string) => text.split('\n').filter((line, index) => index > 0 && !line.startsWith('inventory:')).join('\n');

describe('vtopo import', () => {
  it('writes the design of an RVTools workbook to -o and the summary to stderr; the design reads without problems', async () => {
    await inWorkspace({ 'estate.xlsx': XLSX }, async ({ dir, vtopo }) => {
      const { exitCode, stdout, stderr } = await vtopo('import', 'estate.xlsx', '-o', 'estate.vtopo');
      assert.equal(exitCode, 0, stderr);
      assert.equal(stdout, '');
      assert.match(stderr, /^vtopo: wrote estate\.vtopo\nImported: 2 clusters, 6 hosts, \d+ VMs, \d+ datastores\.\nInferred:\n/);
      const text = await readFile(join(dir, 'estate.vtopo'), 'utf8');
      assert.deepEqual(parseVtopo(text).problems, []);
      assert.match(text, /^# Imported by vtopo import from estate\.xlsx \(RVTools/);
      const check = await vtopo('check', 'estate.vtopo');
      assert.equal(check.exitCode, 1, 'the special cases include errors (single-path LUNs, local-disk VMs)');
      assert.match(check.stdout, /\[lun-single-path\]/);
      assert.match(check.stdout, /\[cabling-unknown\]/);
    });
  });

  it('gives the same design from the workbook, a folder of CSVs and a zip of them; the design on stdout without -o', async () => {
    await inWorkspace({ 'estate.xlsx': XLSX, 'estate.zip': ZIP, ...CSV_FILES }, async ({ vtopo }) => {
      const results = await Promise.all([vtopo('import', 'estate.xlsx'), vtopo('import', 'export'), vtopo('import', '--from', 'rvtools', 'estate.zip')]);
      for (const result of results) assert.equal(result.exitCode, 0, result.stderr);
      const [xlsx, folder, zip] = results.map((result) => body(result.stdout));
      assert.ok((xlsx ?? '').length > 1000);
      assert.equal(folder, xlsx);
      assert.equal(zip, xlsx);
    });
  });

  it('gives the same bytes twice', async () => {
    await inWorkspace({ 'estate.xlsx': XLSX }, async ({ vtopo }) => {
      const [first, second] = await Promise.all([vtopo('import', 'estate.xlsx'), vtopo('import', 'estate.xlsx')]);
      assert.equal(first?.stdout, second?.stdout);
    });
  });

  it('exits 2 with one line on input it cannot import', async () => {
    const notAnExport = toXlsx([{ name: 'Budget', header: ['Item', 'Cost'], rows: [['rack', 1000]] }]);
    await inWorkspace({ 'estate.xlsx': XLSX, 'budget.xlsx': notAnExport, 'notes.txt': 'hello', 'empty.csv': '', 'design.json': '{"a": [1, 2,]}' }, async ({ vtopo }) => {
      for (const [args, message] of [
        [['import', 'missing.xlsx'], 'vtopo: missing.xlsx: no such file or directory\n'],
        [['import', 'notes.txt'], /^vtopo: notes\.txt is not an RVTools export/],
        [['import', 'budget.xlsx'], 'vtopo: budget.xlsx is a workbook without any RVTools tab (vInfo, vHost...); its sheets: Budget\n'],
        [['import', 'design.json'], /^vtopo: .*design\.json/],
        [['import', 'budget.xlsx', '--from', 'proxmox'], /^vtopo: budget\.xlsx/],
        [['import', 'estate.xlsx', '-o', 'no/such/dir/x.vtopo'], /^vtopo: cannot write no\/such\/dir\/x\.vtopo: ENOENT/],
      ] as const) {
        const { exitCode, stdout, stderr } = await vtopo(...args);
        assert.equal(exitCode, 2, `${args.join(' ')}: ${stderr}`);
        assert.equal(stdout, '');
        if (typeof message === 'string') assert.equal(stderr, message);
        else assert.match(stderr, message);
        assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
      }
    });
  });

  it('imports a Proxmox VE inventory (JSON), detected from its content', async () => {
    await inWorkspace({ 'pve.json': JSON.stringify(proxmoxInventory()) }, async ({ vtopo }) => {
      const { exitCode, stdout, stderr } = await vtopo('import', 'pve.json');
      assert.equal(exitCode, 0, stderr);
      assert.match(stdout, /^platform: proxmox$/m);
      assert.deepEqual(parseVtopo(stdout).problems, []);
      const wrongKind = await vtopo('import', 'pve.json', '--from', 'rvtools');
      assert.equal(wrongKind.exitCode, 2);
      assert.equal(wrongKind.stderr, 'vtopo: pve.json is a Proxmox VE inventory, not an RVTools export (--from rvtools)\n');
    });
  });

  it('imports a Hyper-V inventory (JSON), detected from its marker', async () => {
    await inWorkspace({ 'cluster.json': JSON.stringify(hypervInventory()) }, async ({ vtopo }) => {
      const { exitCode, stdout, stderr } = await vtopo('import', 'cluster.json', '--from', 'hyperv');
      assert.equal(exitCode, 0, stderr);
      assert.match(stdout, /^platform: hyperv$/m);
      assert.deepEqual(parseVtopo(stdout).problems, []);
      assert.equal((await vtopo('import', 'cluster.json', '--from', 'proxmox')).stderr, 'vtopo: cluster.json is a Hyper-V inventory, not a Proxmox VE inventory (--from proxmox)\n');
    });
  });

  it('names a missing vInfo tab', async () => {
    const files = toCsvFiles(TABLES.filter((table) => table.name !== 'vInfo'));
    await inWorkspace(Object.fromEntries(files.map((file) => [`export/${file.name}`, file.bytes])), async ({ vtopo }) => {
      const { exitCode, stderr } = await vtopo('import', 'export');
      assert.equal(exitCode, 2);
      assert.match(stderr, /^vtopo: export: the export has no vInfo tab \(tabs found: dvPort, dvSwitch, vCPU, vCluster, vDatastore/);
    });
  });

  it('reads usage errors like the other commands', async () => {
    await inWorkspace({}, async ({ vtopo }) => {
      assert.match((await vtopo('import')).stderr, /^vtopo: missing SOURCE/);
      assert.match((await vtopo('import', 'a', 'b')).stderr, /^vtopo: unexpected argument "b"/);
      assert.match((await vtopo('import', 'a', '--from', 'xen')).stderr, /invalid value "xen" for --from: expected rvtools, proxmox, hyperv/);
      assert.match((await vtopo('import', 'a', '-x')).stderr, /unknown option -x for "import"/);
      assert.match((await vtopo('help', 'import')).stdout, /^Usage: vtopo import SOURCE \[-o OUT\.vtopo\]/);
    });
  });
});
