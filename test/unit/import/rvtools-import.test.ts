import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { importRvtools, NotRvtoolsError } from '../../../src/core/import/rvtools/import';
import { MissingTabError } from '../../../src/core/import/rvtools/tabs';
import { MissingColumnError } from '../../../src/core/import/table';
import { parseVtopo } from '../../../src/core/model/parse';
import { estate, setCell, tablesOf, type Tables } from './rvtools-estate';

const imported = (tabs: Tables = estate()) => importRvtools(tablesOf(tabs), { fileName: 'estate.xlsx' });

function design(tabs: Tables = estate()) {
  const { text } = imported(tabs);
  const parsed = parseVtopo(text);
  assert.deepEqual(parsed.problems.map((p) => `${p.ruleId}: ${p.message}`), [], text);
  return { text, topology: parsed.topology, findings: analyzeText(text, { today: '2026-12-01' }).findings };
}

const ruleIds = (findings: readonly { ruleId: string }[]) => findings.map((f) => f.ruleId);

describe('RVTools import: the design', () => {
  it('reads back without problems, with ids from names and FQDNs shortened', () => {
    const { topology, text } = design();
    assert.deepEqual(topology.hosts.map((h) => h.id), ['esx-01', 'esx-02']);
    assert.deepEqual(topology.clusters.map((c) => c.id), ['Prod']);
    assert.deepEqual(topology.vms.map((vm) => vm.id), ['old-app', 'SQL-Server-01', 'vcsa01', 'web01']);
    assert.match(text, /^ {2}SQL-Server-01: {2}# "SQL Server 01"$/m, 'the inventory name stays beside an id that differs');
    assert.match(text, /^ {2}esx-01: {2}# esx-01\.dc1\.example\.test$/m);
  });

  it('maps host hardware, cluster HA settings, reservations and VM state', () => {
    const { topology } = design();
    const host = topology.host('esx-01');
    assert.equal(host?.cpu.cores, 40);
    assert.equal(host?.cpu.sockets, 2);
    assert.equal(host?.cpu.speedMHz, 2500);
    assert.equal(host?.cpu.family, 'intel-cascadelake');
    assert.equal(host?.memoryMB, 512 * 1024);
    assert.equal(host?.edition, 'Enterprise Plus');
    assert.equal(host?.model, 'Dell Inc. PowerEdge R740');
    const prod = topology.cluster('Prod');
    assert.equal(prod?.ha.enabled, true);
    assert.equal(prod?.ha.admissionControl.policy, 'percentage');
    assert.equal(prod?.ha.admissionControl.hostFailuresToTolerate, 1);
    assert.equal(prod?.ha.isolationResponse, 'power-off');
    assert.equal(prod?.drs.enabled, true);
    const sql = topology.vm('SQL-Server-01');
    assert.equal(sql?.reservation?.cpuMHz, 4000);
    assert.equal(sql?.reservation?.memoryMB, 32768);
    assert.equal(sql?.restartPriority, 'high');
    assert.equal(sql?.protection, 'ft');
    assert.equal(sql?.secondaryHost, 'esx-02', 'the FT secondary row becomes the primary\'s secondaryHost');
    assert.equal(topology.vm('old-app')?.power, 'off');
    assert.equal(topology.vm('old-app')?.memoryMB, 1536);
    assert.equal(topology.vm('tmpl-win'), undefined, 'templates are left out');
  });

  it('says shared hardware once, in a host profile; adapters stay with each host', () => {
    const { text, topology } = design();
    assert.match(text, /^hostProfiles:\n {2}Dell-Inc\.-PowerEdge-R740:\n {4}model: Dell Inc\. PowerEdge R740\n/m);
    assert.match(text, /^ {2}esx-01: {2}# esx-01\.dc1\.example\.test\n {4}cluster: Prod\n {4}profile: Dell-Inc\.-PowerEdge-R740\n {4}adapters:/m);
    assert.equal(topology.host('esx-02')?.memoryMB, 512 * 1024, 'the host reads its memory from the profile');
    const different = estate();
    setCell(different, 'vHost', 1, '# Memory', 262144);
    const second = design(different);
    assert.doesNotMatch(second.text, /hostProfiles/, 'no profile for one host alone');
    assert.equal(second.topology.host('esx-02')?.memoryMB, 256 * 1024);
  });

  it('groups PCI functions of one card into one adapter and leaves local controllers out', () => {
    const tabs = estate();
    setCell(tabs, 'vHBA', 2, 'Pci', '0000:3b:00.1');
    const { topology } = design(tabs);
    const esx1 = topology.host('esx-01');
    assert.deepEqual(esx1?.adapters.map((a) => a.id), ['esx-01/vmhba2', 'esx-01/vmnic0']);
    assert.deepEqual(esx1?.adapters[0]?.ports.map((p) => p.id), ['esx-01/vmhba2/vmhba2', 'esx-01/vmhba2/vmhba3']);
    assert.equal(esx1?.adapters[0]?.ports[1]?.address, '21:00:00:24:ff:3d:fa:6d');
    assert.deepEqual(topology.host('esx-02')?.adapters.map((a) => a.id), ['esx-02/vmhba2', 'esx-02/vmhba3', 'esx-02/vmnic0', 'esx-02/vmnic1']);
  });

  it('takes a VMFS datastore mounted by one host as local, and keeps working and dead paths of shared ones', () => {
    const { topology } = design();
    const local = topology.datastore('local-esx-02');
    assert.equal(local?.host, 'esx-02');
    assert.equal(topology.isLocalDatastore(local ?? { id: '' } as never), true);
    const shared = topology.datastore('ds-san-01');
    assert.equal(shared?.shared, true);
    assert.equal(shared?.presentedTo, undefined, 'mounted by every host of its cluster: nothing to say');
    assert.deepEqual(shared?.paths?.get('esx-02')?.value, ['vmhba2:C0:T0:L1']);
    assert.deepEqual(shared?.deadPaths?.get('esx-02')?.value, ['vmhba3:C0:T0:L1']);
    assert.deepEqual(topology.datastore('ds-san-02')?.paths?.get('esx-01')?.value, ['vmhba2:C0:T1:L2', 'vmhba3:C0:T1:L2'], 'standby paths work');
  });

  it('writes presentedTo when a datastore reaches only some hosts of its cluster', () => {
    const tabs = estate();
    setCell(tabs, 'vDatastore', 1, 'Hosts', 'esx-01.dc1.example.test, esx-02.dc1.example.test, esx-03.dc1.example.test');
    setCell(tabs, 'vDatastore', 0, 'Hosts', 'esx-01.dc1.example.test, esx-02.dc1.example.test');
    tabs.vHost?.rows.push([...(tabs.vHost.rows[0] ?? [])].map((cell, i) => (i === 0 ? 'esx-03.dc1.example.test' : cell)));
    const { topology } = design(tabs);
    assert.deepEqual(topology.datastore('ds-san-01')?.presentedTo, ['esx-01', 'esx-02']);
    assert.equal(topology.datastore('ds-san-02')?.presentedTo, undefined);
  });

  it('says where it came from and that the cabling is not known', () => {
    const { text, topology } = design();
    assert.match(text, /^# Imported by vtopo import from estate\.xlsx \(RVTools 4\.6\.1\.0, exported 2026-11-30\)\.$/m);
    assert.equal(topology.file?.inventory?.cabling, 'unknown');
    assert.equal(topology.file?.inventory?.exported, '2026-11-30');
    assert.equal(topology.file?.inventory?.tool, 'RVTools 4.6.1.0');
    assert.equal(topology.file?.management?.vm, 'vcsa01', 'the VM named like the vCenter of vSource runs it');
  });

  it('gives the same bytes for the same export, whatever the row order', () => {
    const tabs = estate();
    const reversed = estate();
    for (const table of Object.values(reversed)) table.rows.reverse();
    assert.equal(imported(tabs).text, imported(estate()).text);
    assert.equal(imported(reversed).text, imported(tabs).text);
  });

  it('keeps whole host names when their first labels collide, and never repeats an id across kinds', () => {
    const tabs = estate();
    setCell(tabs, 'vHost', 1, 'Host', 'esx-01.dc2.example.test');
    for (const row of [2, 3, 4]) setCell(tabs, 'vInfo', row, 'Host', 'esx-01.dc2.example.test');
    setCell(tabs, 'vInfo', 3, 'VM', 'Prod');
    const { topology } = design(tabs);
    assert.deepEqual(topology.hosts.map((h) => h.id), ['esx-01.dc1.example.test', 'esx-01.dc2.example.test']);
    assert.ok(topology.vm('Prod-vm'), 'a VM named like a cluster gets a kind suffix');
  });
});

describe('RVTools import: what the analysis of the imported design sees', () => {
  it('a single working path, a local-disk VM, and once that the cabling is not known', () => {
    const { findings } = design();
    const lun = findings.filter((f) => f.ruleId === 'lun-single-path');
    assert.equal(lun.length, 1);
    assert.match(lun[0]?.message ?? '', /Datastore "ds-san-01" .* "esx-02" reaches it over a single path, vmhba2:C0:T0:L1, 1 dead path/);
    assert.ok(findings.some((f) => f.ruleId === 'vm-local-datastore' && f.elementIds.includes('web01')));
    assert.equal(ruleIds(findings).filter((id) => id === 'cabling-unknown').length, 1);
    assert.ok(!ruleIds(findings).includes('datastore-unreachable'), 'unknown cabling is not reported as no path');
    assert.ok(!ruleIds(findings).includes('storage-path-spof'));
  });

  it('HA turned off', () => {
    const tabs = estate();
    setCell(tabs, 'vCluster', 0, 'HA enabled', 'False');
    assert.ok(ruleIds(design(tabs).findings).includes('ha-disabled'));
  });

  it('HA on with host monitoring disabled restarts nothing: written as disabled', () => {
    const tabs = estate();
    setCell(tabs, 'vCluster', 0, 'Host monitoring', 'disabled');
    const { topology, findings } = design(tabs);
    assert.equal(topology.cluster('Prod')?.ha.enabled, false);
    assert.ok(ruleIds(findings).includes('ha-disabled'));
  });

  it('mixed CPU generations without EVC', () => {
    const tabs = estate();
    setCell(tabs, 'vHost', 1, 'Max EVC', 'intel-icelake');
    assert.ok(ruleIds(design(tabs).findings).includes('migration-cpu-compatibility'));
  });

  it('mixed CPU generations under an EVC mode: the cluster baseline comes from the hosts\' current EVC mode', () => {
    const tabs = estate();
    setCell(tabs, 'vHost', 1, 'Max EVC', 'intel-icelake');
    for (const row of [0, 1]) setCell(tabs, 'vHost', row, 'Current EVC', 'intel-cascadelake');
    const { topology, findings } = design(tabs);
    assert.equal(topology.cluster('Prod')?.cpuCompatibility, 'intel-cascadelake');
    assert.ok(!ruleIds(findings).includes('migration-cpu-compatibility'));
  });

  it('an N+1 shortfall', () => {
    const tabs = estate();
    for (const row of [0, 1, 3]) setCell(tabs, 'vInfo', row, 'Memory', 300 * 1024);
    assert.ok(ruleIds(design(tabs).findings).includes('n1-capacity'));
  });

  it('a host in maintenance mode keeps its state', () => {
    const tabs = estate();
    setCell(tabs, 'vHost', 1, 'in Maintenance Mode', 'True');
    assert.equal(design(tabs).topology.host('esx-02')?.state, 'maintenance');
  });
});

describe('RVTools import: bad input', () => {
  it('a workbook that is not an RVTools export', () => {
    assert.throws(() => importRvtools([{ name: 'Sheet1', header: ['a'], rows: [] }], { fileName: 'budget.xlsx' }), (error: unknown) => {
      assert.ok(error instanceof NotRvtoolsError);
      assert.equal(error.message, 'budget.xlsx is not an RVTools export: it has neither a vInfo nor a vHost tab (found Sheet1)');
      return true;
    });
  });

  it('a missing vInfo tab is named, with the tabs that are there', () => {
    const tabs = estate();
    delete tabs.vInfo;
    assert.throws(() => imported(tabs), (error: unknown) => error instanceof MissingTabError && /no vInfo tab \(tabs found: vCPU, vMemory, vHost/.test(error.message));
  });

  it('a renamed required column is named with its tab', () => {
    const tabs = estate();
    if (tabs.vInfo) tabs.vInfo.header[0] = 'Virtual machine';
    assert.throws(() => imported(tabs), (error: unknown) => error instanceof MissingColumnError && error.message === 'tab vInfo has no column "VM"');
  });

  it('a column another RVTools release spells differently is found by its alias', () => {
    const tabs = estate();
    if (tabs.vDatastore) tabs.vDatastore.header[2] = 'Capacity MB';
    assert.equal(design(tabs).topology.datastore('ds-san-01')?.capacityMB, 4 * 1024 * 1024);
  });

  it('text where a number belongs is a warning naming tab, row and column; the design reports the gap', () => {
    const tabs = estate();
    setCell(tabs, 'vHost', 0, '# Memory', 'lots');
    const { text, summary } = imported(tabs);
    assert.ok(summary.warnings.includes('vHost row 2, column "# Memory": "lots" is not a number; left out'), summary.warnings.join('\n'));
    assert.ok(parseVtopo(text).problems.some((p) => p.ruleId === 'missing-field' && /memory/i.test(p.message)));
  });

  it('an optional tab that is missing is said in the summary, and the rest imports', () => {
    const tabs = estate();
    delete tabs.vMultiPath;
    delete tabs.vCPU;
    const { summary } = imported(tabs);
    assert.ok(summary.missing.some((note) => note.startsWith('tab vMultiPath:')));
    assert.ok(summary.missing.some((note) => note.startsWith('tab vCPU:')));
    assert.deepEqual(design(tabs).topology.datastore('ds-san-01')?.paths, undefined);
  });
});
