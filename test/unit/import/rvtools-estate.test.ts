import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readInventoryTables } from '../../../src/core/import/sources';
import { columnsOf, textCell, type Table } from '../../../src/core/import/table';
import { generateRvtoolsEstate, SPECIAL_CASES, type EstateOptions } from '../../fixtures/rvtools/generate';
import { HEADERS_4X } from '../../fixtures/rvtools/headers';
import { cellText, columnName, toCsvFiles, toXlsx, toZip, worksheetXml, xlsxFromSheetXml } from '../../fixtures/rvtools/write';

const SMALL: EstateOptions = { clusters: 2, hostsPerCluster: 4, vmsPerHost: 3, seed: 42 };
const special = generateRvtoolsEstate({ ...SMALL, ...SPECIAL_CASES });
const tab = (tables: readonly Table[], name: string) => {
  const found = tables.find((table) => table.name === name);
  assert.ok(found, `tab ${name}`);
  return found;
};
/** A tab's rows as objects by header, cells as text (for readable assertions). */
const records = (tables: readonly Table[], name: string) => {
  const table = tab(tables, name);
  return table.rows.map((row) => Object.fromEntries(table.header.map((header, index) => [header, cellText(row[index] ?? null)])));
};
const textForm = (tables: readonly Table[]) => tables.map((table) => ({ name: table.name, header: [...table.header], rows: table.rows.map((row) => row.map((cell) => cellText(cell))) }));

describe('synthetic RVTools estate', () => {
  it('is the same, byte for byte, for the same seed, and differs for another seed', () => {
    const again = generateRvtoolsEstate({ ...SMALL, ...SPECIAL_CASES });
    assert.deepEqual(toZip(toCsvFiles(again)), toZip(toCsvFiles(special)));
    assert.deepEqual(toXlsx(again), toXlsx(special));
    const other = generateRvtoolsEstate({ ...SMALL, ...SPECIAL_CASES, seed: 43 });
    assert.notDeepEqual(toZip(toCsvFiles(other)), toZip(toCsvFiles(special)));
  });

  it('has the 16 tabs with the 4.x headers, and as many VMs, hosts and clusters as asked', () => {
    const plain = generateRvtoolsEstate(SMALL);
    assert.deepEqual(plain.map((table) => [table.name, table.header]), Object.entries(HEADERS_4X));
    assert.equal(tab(plain, 'vInfo').rows.length, 2 * 4 * 3);
    assert.equal(tab(plain, 'vHost').rows.length, 8);
    assert.equal(tab(plain, 'vCluster').rows.length, 2);
    for (const table of plain) for (const row of table.rows) assert.equal(row.length, table.header.length, table.name);
  });

  it('fills what an importer reads with plausible values', () => {
    const hosts = records(special, 'vHost');
    assert.ok(hosts.every((host) => /^esx-\d\d\.dc1\.example\.test$/.test(host.Host ?? '')));
    assert.deepEqual([hosts[0]?.['# CPU'], hosts[0]?.['Cores per CPU'], hosts[0]?.['# Cores'], hosts[0]?.Speed, hosts[0]?.['# Memory']], ['2', '24', '48', '2993', '786432']);
    assert.match(hosts[0]?.['ESX Version'] ?? '', /^VMware ESXi \d\.\d\.\d build-\d+$/);
    const vms = records(special, 'vInfo');
    assert.ok(vms.some((vm) => vm.VM?.includes(' ')), 'some VM names have spaces');
    assert.ok(vms.every((vm) => vm.Path === `[${/^\[(.+)\] /.exec(vm.Path ?? '')?.[1]}] ${vm.VM}/${vm.VM}.vmx`));
    assert.deepEqual(new Set(vms.map((vm) => vm.Powerstate)), new Set(['poweredOn', 'poweredOff']));
    assert.deepEqual(new Set(vms.map((vm) => vm.Template)), new Set(['True', 'False']));
    const nics = records(special, 'vNIC').filter((nic) => nic.Host === hosts[0]?.Host);
    assert.deepEqual(nics.map((nic) => [nic['Network Device'], nic.PCI, nic.Speed, nic.Switch, nic['Uplink port']]), [
      ['vmnic0', '0000:18:00.0', '10000', 'vSwitch0', ''], ['vmnic1', '0000:18:00.1', '10000', 'prod-cl01-dvs', 'Uplink 1'],
      ['vmnic2', '0000:5e:00.0', '10000', 'vSwitch0', ''], ['vmnic3', '0000:5e:00.1', '10000', 'prod-cl01-dvs', 'Uplink 2'],
    ]);
    const vmk = records(special, 'vSC_VMK').filter((nic) => nic.Host === hosts[0]?.Host);
    assert.deepEqual(vmk.map((nic) => [nic.Device, nic['Port Group']]), [['vmk0', 'Management Network'], ['vmk1', 'vMotion'], ['vmk2', 'FT Logging']], 'esx-01 runs an FT primary');
    const clusters = records(special, 'vCluster');
    assert.deepEqual(clusters.map((cluster) => [cluster['Restart Priority'], cluster['DRS enabled']]), [['medium', 'True'], ['medium', 'True']]);
    assert.deepEqual(clusters.map((cluster) => cluster['Isolation Response']), ['none', 'powerOff']);
    assert.deepEqual(records(special, 'vMetaData').map((meta) => [meta['RVTools major version'], meta.Server]), [['4', 'vcenter.dc1.example.test']]);
  });

  it('puts vmnic1 and vmnic3 on a distributed switch per cluster with the application and FT logging networks; without it, every NIC on vSwitch0', () => {
    assert.deepEqual(records(special, 'dvSwitch').map((dvs) => [dvs.Switch, dvs['Host members']?.split(', ').length, dvs['Max MTU']]), [['prod-cl01-dvs', 4, '9000'], ['prod-cl02-dvs', 4, '9000']]);
    assert.deepEqual(records(special, 'dvPort').filter((group) => group.Switch === 'prod-cl01-dvs').map((group) => [group.Port, group.VLAN, group['Active Uplink'], group['Standby Uplink']]), [
      ['prod-cl01-dvs-DVUplinks-40', '0-4094', '', ''],
      ['App VLAN 110', '110', 'Uplink 1, Uplink 2', ''],
      ['FT Logging', '30', 'Uplink 2', 'Uplink 1'],
    ]);
    assert.ok(!records(special, 'vPort').some((group) => group['Port Group'] === 'App VLAN 110'));
    const plain = generateRvtoolsEstate(SMALL);
    assert.deepEqual([tab(plain, 'dvSwitch').rows.length, tab(plain, 'dvPort').rows.length], [0, 0]);
    assert.ok(records(plain, 'vNIC').every((nic) => nic.Switch === 'vSwitch0' && nic['Uplink port'] === ''));
    assert.equal(records(plain, 'vPort').filter((group) => group['Port Group'] === 'App VLAN 110').length, 8);
  });

  it('places FC ports on one two-port card or on two cards, and the RAID controller at vmhba0', () => {
    const hbas = records(special, 'vHBA');
    const byHost = (host: string) => hbas.filter((hba) => hba.Host === host).map((hba) => [hba.Device, hba.Type, hba.Pci]);
    assert.deepEqual(byHost('esx-01.dc1.example.test'), [['vmhba0', 'Block SCSI', '0000:18:00.0'], ['vmhba2', 'Fibre Channel', '0000:3b:00.0'], ['vmhba3', 'Fibre Channel', '0000:3b:00.1']]);
    assert.deepEqual(byHost('esx-02.dc1.example.test'), [['vmhba0', 'Block SCSI', '0000:18:00.0'], ['vmhba2', 'Fibre Channel', '0000:3b:00.0'], ['vmhba3', 'Fibre Channel', '0000:d8:00.0']]);
    assert.ok(hbas.filter((hba) => hba.Type === 'Fibre Channel').every((hba) => /^20(:[0-9a-f]{2}){7} 10(:[0-9a-f]{2}){7}$/.test(hba.WWN ?? '')));
    const oneCard = generateRvtoolsEstate({ ...SMALL, hbaLayout: 'one-card' });
    assert.ok(records(oneCard, 'vHBA').every((hba) => hba.Device !== 'vmhba3' || hba.Pci === '0000:3b:00.1'));
  });

  it('produces the special cases: HA off, maintenance mode, mixed EVC, FT pairs, local datastores', () => {
    const clusters = records(special, 'vCluster');
    assert.deepEqual(clusters.map((cluster) => [cluster.Name, cluster['HA enabled'], cluster.AdmissionControlEnabled]), [['prod-cl01', 'True', 'True'], ['prod-cl02', 'False', 'False']]);
    const hosts = records(special, 'vHost');
    assert.deepEqual(hosts.filter((host) => host['in Maintenance Mode'] === 'True').map((host) => [host.Host, host['# VMs total']]), [['esx-04.dc1.example.test', '0']]);
    assert.deepEqual(hosts.filter((host) => host.Cluster === 'prod-cl01').map((host) => host['Current EVC']), ['intel-cascadelake', 'intel-icelake', 'intel-cascadelake', 'intel-icelake']);
    const ft = records(special, 'vInfo').filter((vm) => vm['FT State'] === 'running');
    assert.equal(ft.length, 4);
    for (const primary of ft.filter((vm) => vm['FT Role'] === '1')) {
      const secondary = ft.find((vm) => vm.VM === primary.VM && vm['FT Role'] === '2');
      assert.ok(secondary && secondary.Host !== primary.Host && secondary['VM ID'] !== primary['VM ID'], primary.VM);
    }
    const local = records(special, 'vInfo').filter((vm) => vm.Path?.startsWith(`[${vm.Host?.split('.')[0]}-local]`));
    assert.equal(local.length, 3);
    const localStores = records(special, 'vDatastore').filter((ds) => ds.Name?.endsWith('-local'));
    assert.equal(localStores.length, 8);
    assert.ok(localStores.every((ds) => ds['# Hosts'] === '1' && ds.Hosts === `${ds.Name?.replace('-local', '')}.dc1.example.test` && ds.Type === 'VMFS'));
    const shared = records(special, 'vDatastore').find((ds) => ds.Name === 'prod-cl01-vmfs-01');
    assert.deepEqual([shared?.['# Hosts'], shared?.Hosts?.split(', ').length, shared?.Type], ['4', 4, 'VMFS']);
    assert.equal(records(special, 'vDatastore').find((ds) => ds.Name === 'prod-cl01-nfs-01')?.Type, 'NFS');
  });

  it('gives LUNs 2, 8 and 1 paths as asked, with standby paths on the 8-path LUN and one dead path', () => {
    const paths = records(special, 'vMultiPath').filter((lun) => lun.Host === 'esx-01.dc1.example.test' && lun.Vendor === 'NETAPP');
    const pathsOf = (row: Record<string, string>) => Array.from({ length: 8 }, (_, i) => row[`Path ${i + 1}`]).filter((path) => path !== '');
    const statesOf = (row: Record<string, string>) => Array.from({ length: 8 }, (_, i) => row[`Path ${i + 1} state`]).filter((state) => state !== '');
    assert.deepEqual(paths.map((row) => pathsOf(row).length), [2, 8, 1]);
    assert.deepEqual(pathsOf(paths[0]!), ['vmhba2:C0:T0:L1', 'vmhba3:C0:T0:L1']);
    assert.deepEqual(statesOf(paths[0]!), ['active', 'dead']);
    assert.deepEqual(statesOf(paths[1]!), ['active', 'active', 'active', 'active', 'standby', 'standby', 'standby', 'standby']);
    assert.deepEqual(pathsOf(paths[2]!), ['vmhba2:C0:T0:L3']);
    assert.ok(paths.every((row) => /^naa\.[0-9a-f]{32}$/.test(row.Disk ?? '') && row.Datastore?.startsWith('prod-cl01-vmfs-')));
    const local = records(special, 'vMultiPath').find((lun) => lun.Host === 'esx-01.dc1.example.test' && lun.Vendor === 'DELL');
    assert.deepEqual([local?.Datastore, local?.['Path 1']], ['esx-01-local', 'vmhba0:C2:T0:L0']);
  });

  it('writes older (3.x) headers: sizes in MB, no quarantine or memory tiering columns', () => {
    const old = generateRvtoolsEstate({ ...SMALL, version: '3.x' });
    const info = tab(old, 'vInfo');
    assert.ok(info.header.includes('Total disk capacity MB') && info.header.includes('Provisioned MB') && !info.header.includes('Provisioned MiB'));
    assert.ok(info.header.includes('Memory'));
    assert.ok(tab(old, 'vDatastore').header.includes('Capacity MB'));
    const host = tab(old, 'vHost');
    assert.ok(host.header.includes('# Memory') && !host.header.includes('in Quarantine Mode') && !host.header.includes('Memory Tiering Type'));
    assert.equal(host.rows[0]?.length, host.header.length);
    // The same values, found under either name.
    const columns = columnsOf(info, { disk: { header: 'Total disk capacity MiB', aliases: ['Total disk capacity MB'], required: true } });
    const current = tab(generateRvtoolsEstate(SMALL), 'vInfo');
    assert.equal(textCell(info.rows[0]!, columns.disk), textCell(current.rows[0]!, columnsOf(current, { disk: { header: 'Total disk capacity MiB' } }).disk));
    assert.equal(records(old, 'vMetaData')[0]?.['RVTools major version'], '3');
  });
});

describe('reading the estate back: workbook and CSV give the same tables', () => {
  for (const version of ['4.x', '3.x'] as const) {
    it(`reads the xlsx and the CSV zip of a ${version} estate as the generated tables (as text)`, async () => {
      const tables = generateRvtoolsEstate({ ...SMALL, ...SPECIAL_CASES, version });
      const fromXlsx = await readInventoryTables({ name: 'e.xlsx', bytes: toXlsx(tables) });
      const fromCsv = await readInventoryTables({ name: 'e.zip', bytes: toZip(toCsvFiles(tables)) });
      assert.deepEqual(textForm(fromXlsx.tables), textForm(tables));
      assert.deepEqual(textForm(fromCsv.tables), textForm(tables));
    });
  }

  it('keeps workbook cell types: numbers, booleans, dates, text; empty cells are null', async () => {
    const { tables } = await readInventoryTables({ name: 'e.xlsx', bytes: toXlsx(special) });
    const info = tab(tables, 'vInfo');
    const generated = tab(special, 'vInfo');
    const at = (header: string) => info.header.indexOf(header);
    const row = info.rows[0]!;
    assert.equal(typeof row[at('CPUs')], 'number');
    assert.equal(typeof row[at('Template')], 'boolean');
    assert.ok(row[at('Creation date')] instanceof Date);
    assert.equal((row[at('Creation date')] as Date).getTime(), (generated.rows[0]![at('Creation date')] as Date).getTime());
    assert.equal(typeof row[at('VM')], 'string');
    assert.equal(row[at('Suspend time')], null);
    const { tables: csvTables } = await readInventoryTables({ name: 'e.zip', bytes: toZip(toCsvFiles(special)) });
    assert.equal(tab(csvTables, 'vInfo').rows[0]![at('CPUs')], String(generated.rows[0]![at('CPUs')]));
  });

  it('reads the value cached with a formula and never evaluates it; pads short rows and skips empty ones', async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>VM</t></is></c><c r="B1" t="inlineStr"><is><t>CPUs</t></is></c><c r="C1" t="inlineStr"><is><t>Note</t></is></c></row>'
      + '<row r="2"><c r="A2" t="inlineStr"><is><t> vm-1 </t></is></c><c r="B2"><f>1+1</f><v>3</v></c><c r="C2" t="str"><f>A2&amp;"x"</f><v>cached</v></c></row>'
      + '<row r="3"></row>'
      + '<row r="4"><c r="A4" t="inlineStr"><is><t>vm-2</t></is></c></row>';
    const xlsx = xlsxFromSheetXml([{ name: 'vInfo', xml: worksheetXml(rows) }]);
    const { tables } = await readInventoryTables({ name: 'f.xlsx', bytes: xlsx });
    assert.deepEqual(tables, [{ name: 'vInfo', header: ['VM', 'CPUs', 'Note'], rows: [['vm-1', 3, 'cached'], ['vm-2', null, null]] }]);
  });

  it('writes text that needs escaping or quoting so that both readers get it back', async () => {
    const tricky = ['a & b <c> "q" \'x\'', 'one, two', 'line 1\r\nline 2', 'Ünïcødé 🖥️ €', '=1+1', '  padded  '];
    const table = { name: 'vInfo', header: ['VM', 'Note'], rows: tricky.map((text, i) => [`vm-${i}`, text]) };
    const expected = tricky.map((text, i) => [`vm-${i}`, text.trim()]);
    const fromXlsx = await readInventoryTables({ name: 'e.xlsx', bytes: toXlsx([table]) });
    const fromCsv = await readInventoryTables({ name: 'e.zip', bytes: toZip(toCsvFiles([table])) });
    assert.deepEqual(fromXlsx.tables[0]?.rows, expected);
    assert.deepEqual(fromCsv.tables[0]?.rows, expected);
  });

  it('names columns as spreadsheets do', () => {
    assert.deepEqual([0, 25, 26, 51, 52, 701, 702].map(columnName), ['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
