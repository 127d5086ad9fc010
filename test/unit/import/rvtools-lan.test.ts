import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import type { RuleId } from '../../../src/core/analysis/rule-ids';
import { importRvtools } from '../../../src/core/import/rvtools/import';
import { cidr, rolesFromName } from '../../../src/core/import/rvtools/network';
import { parseVtopo } from '../../../src/core/model/parse';
import { hostFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import { generateRvtoolsEstate, SPECIAL_CASES } from '../../fixtures/rvtools/generate';
import { setCell, tablesOf, type Tables } from './rvtools-estate';
import { DVS, lanEstate } from './rvtools-lan-estate';

const VC = 'vcsa01.dc1.example.test';
const ESX1 = 'esx-01.dc1.example.test';
const ESX2 = 'esx-02.dc1.example.test';

const imported = (tabs: Tables = lanEstate()) => importRvtools(tablesOf(tabs), { fileName: 'estate.xlsx' });

function design(tabs: Tables = lanEstate()) {
  const { text, summary } = imported(tabs);
  const parsed = parseVtopo(text);
  assert.deepEqual(parsed.problems.map((p) => `${p.ruleId}: ${p.message}`), [], text);
  return { text, summary, topology: parsed.topology, findings: analyzeText(text, { today: '2026-12-01' }).findings };
}

/** Every rule that reads the LAN model or VMkernel ports. */
const LAN_RULES: readonly RuleId[] = [
  'management-network-spof',
  'management-single-stack',
  'heartbeat-single-path',
  'isolation-response-unsafe',
  'ft-logging-network',
  'vm-network-single-switch',
  'vm-network-missing',
  'guest-cluster-heartbeat-on-client-network',
  'migration-network',
  'iscsi-port-binding',
  'iscsi-shared-network',
  'iscsi-single-subnet',
  'mtu-mismatch',
];
const lanFindings = <F extends { readonly ruleId: string }>(findings: readonly F[]): F[] => findings.filter((f) => (LAN_RULES as readonly string[]).includes(f.ruleId));

/** The rows of a tab with this cell. */
function rowsWhere(tabs: Tables, tab: string, header: string, value: string): number[] {
  const table = tabs[tab];
  const column = table?.header.indexOf(header) ?? -1;
  return (table?.rows ?? []).flatMap((row, index) => (row[column] === value ? [index] : []));
}

function nicRow(tabs: Tables, host: string, device: string): number {
  const rows = rowsWhere(tabs, 'vNIC', 'Host', host).filter((index) => tabs.vNIC?.rows[index]?.[1] === device);
  assert.equal(rows.length, 1);
  return rows[0] ?? -1;
}

describe('RVTools import of the LAN: the mapping', () => {
  it('maps each host\'s standard switch: the NICs vNIC puts on it as uplinks, its port groups with their names and VLANs', () => {
    const { topology, text } = design();
    const [vswitch, ...others] = topology.host('esx-01')?.virtualSwitches ?? [];
    assert.deepEqual(others, []);
    assert.equal(vswitch?.id, 'esx-01/vSwitch0');
    assert.equal(vswitch?.type, 'standard');
    assert.deepEqual(vswitch?.uplinks, ['esx-01/vmnic0/vmnic0', 'esx-01/vmnic2/vmnic2'], 'full port ids: the port vmnic2 of the card whose first function is vmnic2');
    assert.deepEqual(vswitch?.portGroups.map((g) => [g.id, g.name, g.vlan]), [
      ['esx-01/vSwitch0/Management-Network', 'Management Network', 10],
      ['esx-01/vSwitch0/VM-Network', 'VM Network', 0],
      ['esx-01/vSwitch0/vMotion', undefined, 20],
    ]);
    assert.equal(vswitch?.mtu, undefined, 'the standard MTU is left out');
    assert.ok(vswitch?.portGroups.every((g) => g.active === undefined && g.standby === undefined), 'no failover order: RVTools has none for standard port groups');
    assert.match(text, /^ {10}VM-Network: \{ name: VM Network, vlan: 0 \}$/m);
  });

  it('maps the distributed switch: uplink names, members\' ports in uplink order, port groups with VLAN and teaming', () => {
    const { topology, text } = design();
    const [dvs, ...others] = topology.distributedSwitches;
    assert.deepEqual(others, []);
    assert.equal(dvs?.id, 'DSwitch-Prod');
    assert.match(text, /^ {2}DSwitch-Prod: {2}# "DSwitch Prod"$/m);
    assert.deepEqual(dvs?.uplinks, ['Uplink 1', 'Uplink 2']);
    assert.deepEqual(dvs?.members?.get('esx-01')?.value, ['esx-01/vmnic0/vmnic1', 'esx-01/vmnic2/vmnic3']);
    assert.deepEqual(dvs?.members?.get('esx-02')?.value, ['esx-02/vmnic0/vmnic1', 'esx-02/vmnic2/vmnic3']);
    assert.equal(dvs?.mtu, 9000);
    assert.deepEqual(dvs?.portGroups.map((g) => [g.id, g.name, g.vlan, g.active, g.standby]), [
      ['DSwitch-Prod/Backup', undefined, 70, ['Uplink 1'], ['Uplink 2']],
      ['DSwitch-Prod/FT-Logging', undefined, 60, ['Uplink 2'], ['Uplink 1']],
      ['DSwitch-Prod/iSCSI-A', undefined, 50, ['Uplink 1'], undefined],
      ['DSwitch-Prod/iSCSI-B', undefined, 51, ['Uplink 2'], undefined],
      ['DSwitch-Prod/PG-App-100', 'PG-App 100', 100, undefined, undefined],
      ['DSwitch-Prod/Trunk', undefined, undefined, undefined, undefined],
    ], 'the uplink port group is left out; a trunk has no single VLAN; every uplink active is the default');
  });

  it('lists a member of dvSwitch "Host members" whose NICs are on other switches, with no ports', () => {
    const tabs = lanEstate();
    for (const device of ['vmnic1', 'vmnic3']) setCell(tabs, 'vNIC', nicRow(tabs, ESX2, device), 'Switch', '');
    const { topology, summary } = design(tabs);
    assert.deepEqual(topology.distributedSwitches[0]?.members?.get('esx-02')?.value, []);
    assert.ok(summary.warnings.some((w) => w.startsWith('host "esx-02" is a member of distributed switch "DSwitch Prod" but none of its NICs is on it')), summary.warnings.join('\n'));
  });

  it('maps VMkernel ports: roles from port group names, vmk0 as management, CIDR subnets, gateways and MTU', () => {
    const { topology, summary } = design();
    const vmks = topology.host('esx-02')?.vmkernelPorts ?? [];
    assert.deepEqual(vmks.map((v) => [v.id, v.roles, v.portGroup, v.subnet, v.gateway, v.mtu]), [
      ['esx-02/vmk0', ['management'], 'Management Network', '10.0.10.0/24', '10.0.10.254', undefined],
      ['esx-02/vmk1', ['vmotion'], 'vMotion', '10.0.20.0/24', undefined, undefined],
      ['esx-02/vmk2', ['iscsi'], 'iSCSI-A', '10.0.50.0/24', undefined, 9000],
      ['esx-02/vmk3', ['iscsi'], 'iSCSI-B', '10.0.51.0/24', undefined, 9000],
      ['esx-02/vmk4', ['ft'], 'FT-Logging', '10.0.60.0/22', undefined, undefined],
      ['esx-02/vmk5', [], 'Backup', '10.0.70.0/24', undefined, undefined],
    ]);
    assert.ok(summary.inferred.includes('VMkernel roles from their port group names (Management or Mgmt, vMotion, Provisioning, FT or Fault Tolerance, Replication, iSCSI, NFS, vSAN, in any case): 2 management, 2 vmotion, 4 iscsi, 2 ft'), summary.inferred.join('\n'));
    assert.ok(summary.warnings.includes('2 VMkernel ports got no role, their port group names saying none (esx-01/vmk5 ("Backup"), esx-02/vmk5 ("Backup")): give them roles by hand'), summary.warnings.join('\n'));
    assert.ok(summary.missing.some((note) => note.startsWith('VMkernel services (management, vMotion, FT logging, vSAN...): RVTools vSC_VMK does not list them')));
    assert.ok(summary.missing.some((note) => note.startsWith('HA advanced options (das.isolationaddress')));
  });

  it('takes vmk0 as management only when its port group name says no role', () => {
    const tabs = lanEstate();
    const [first, second] = rowsWhere(tabs, 'vSC_VMK', 'Device', 'vmk0');
    setCell(tabs, 'vSC_VMK', first ?? -1, 'Port Group', 'Host Network');
    setCell(tabs, 'vSC_VMK', second ?? -1, 'Port Group', 'NFS');
    const { topology, summary } = design(tabs);
    assert.deepEqual(topology.host('esx-01')?.vmkernelPorts[0]?.roles, ['management']);
    assert.deepEqual(topology.host('esx-02')?.vmkernelPorts[0]?.roles, ['nfs']);
    assert.ok(summary.inferred.includes('1 vmk0 whose port group name says no role taken as management: ESXi creates vmk0 as the management interface at install'), summary.inferred.join('\n'));
    assert.ok(summary.warnings.some((w) => w.startsWith('1 host with VMkernel ports but none taken as management')), summary.warnings.join('\n'));
  });

  it('infers roles from the common spellings of port group names, and not from words that only contain them', () => {
    const cases: ReadonlyArray<readonly [string, readonly string[]]> = [
      ['Management Network', ['management']],
      ['MGMT-VLAN10', ['management']],
      ['mgmt_10', ['management']],
      ['dvPG-Mgt', ['management']],
      ['vMotion', ['vmotion']],
      ['VMotion-20', ['vmotion']],
      ['v-motion', ['vmotion']],
      ['Mgmt+vMotion', ['management', 'vmotion']],
      ['Provisioning', ['provisioning']],
      ['FT', ['ft']],
      ['FT-Logging', ['ft']],
      ['FTLogging', ['ft']],
      ['vmk-ft', ['ft']],
      ['Fault Tolerance', ['ft']],
      ['vSphere Replication', ['replication']],
      ['iSCSI-A', ['iscsi']],
      ['ISCSI_2', ['iscsi']],
      ['NFS', ['nfs']],
      ['nfs01', ['nfs']],
      ['NFSv4', ['nfs']],
      ['vSAN', ['vsan']],
      ['VSAN-Network', ['vsan']],
      ['vsannet', ['vsan']],
      ['Soft-Switching', []],
      ['confs', []],
      ['dev-sandbox', []],
      ['Storage', []],
      ['Backup', []],
      ['VM Network', []],
    ];
    for (const [name, roles] of cases) assert.deepEqual(rolesFromName(name), roles, name);
  });

  it('writes subnets in CIDR notation from the address and the mask', () => {
    assert.equal(cidr('10.0.60.11', '255.255.252.0'), '10.0.60.0/22');
    assert.equal(cidr('192.168.1.130', '255.255.255.128'), '192.168.1.128/25');
    assert.equal(cidr('172.16.5.4', '24'), '172.16.5.0/24');
    assert.equal(cidr('10.1.2.3', '255.255.255.255'), '10.1.2.3/32');
    assert.equal(cidr('10.1.2.3', '255.0.255.0'), undefined, 'not a netmask');
    assert.equal(cidr('fe80::1', '64'), undefined, 'IPv4 only');
    assert.equal(cidr('0.0.0.0', '255.255.255.0'), undefined, 'no address');
    assert.equal(cidr('10.1.2.3', undefined), undefined);
  });

  it('gives the same bytes whatever the order of the rows', () => {
    const shuffled = lanEstate();
    for (const table of Object.values(shuffled)) {
      table.rows.reverse();
      table.rows.push(...table.rows.splice(0, Math.floor(table.rows.length / 2)));
    }
    assert.equal(imported(shuffled).text, imported().text);
  });

  it('lists a distributed switch\'s members by device, without uplink names or teaming, when vNIC has no "Uplink port"', () => {
    const tabs = lanEstate();
    const vnic = tabs.vNIC;
    assert.ok(vnic);
    const column = vnic.header.indexOf('Uplink port');
    vnic.header.splice(column, 1);
    for (const row of vnic.rows) row.splice(column, 1);
    const { topology, summary } = design(tabs);
    const dvs = topology.distributedSwitches[0];
    assert.deepEqual(dvs?.uplinks, []);
    assert.deepEqual(dvs?.members?.get('esx-01')?.value, ['esx-01/vmnic0/vmnic1', 'esx-01/vmnic2/vmnic3']);
    assert.ok(dvs?.portGroups.every((g) => g.active === undefined && g.standby === undefined));
    assert.ok(summary.warnings.some((w) => w.startsWith('1 distributed switch without a complete set of uplink names')), summary.warnings.join('\n'));
  });

  it('imports no LAN when vNIC has no "Switch" column, and says why', () => {
    const tabs = lanEstate();
    const vnic = tabs.vNIC;
    assert.ok(vnic);
    vnic.header[vnic.header.indexOf('Switch')] = 'Something else';
    const { topology, summary } = design(tabs);
    assert.deepEqual(topology.host('esx-01')?.virtualSwitches, []);
    assert.deepEqual(topology.host('esx-01')?.vmkernelPorts, []);
    assert.deepEqual(topology.distributedSwitches, []);
    assert.ok(summary.missing.includes('the LAN is not imported: without vNIC "Switch", which NIC is an uplink of which virtual switch is not known'));
  });
});

describe('RVTools import of the LAN: what the analysis sees', () => {
  it('no single point of failure that only missing cables would make: of the LAN rules, only the isolation-address default', () => {
    const { findings } = design();
    assert.deepEqual(lanFindings(findings).map((f) => f.ruleId), ['heartbeat-single-path']);
    assert.match(lanFindings(findings)[0]?.message ?? '', /one HA isolation address, only the management network's default gateway \(10\.0\.10\.254\)/);
    assert.equal(findings.filter((f) => f.ruleId === 'cabling-unknown').length, 1);
  });

  it('a management network on one uplink: the port, never a switch', () => {
    const tabs = lanEstate();
    setCell(tabs, 'vNIC', nicRow(tabs, ESX2, 'vmnic2'), 'Switch', '');
    const { findings } = design(tabs);
    const spof = findings.filter((f) => f.ruleId === 'management-network-spof');
    assert.deepEqual(spof.map((f) => f.elementIds), [['esx-02', 'esx-02/vmk0', 'esx-02/vmnic0/vmnic0']]);
    assert.match(spof[0]?.message ?? '', /^Host "esx-02": every uplink of its management network "esx-02\/vmk0" is the one port "esx-02\/vmnic0\/vmnic0"/);
    assert.ok(findings.some((f) => f.ruleId === 'migration-network' && /Host "esx-02" has a single vMotion port \("esx-02\/vmnic0\/vmnic0"\)/.test(f.message)));
    assert.ok(!findings.some((f) => f.ruleId === 'management-single-stack' || f.ruleId === 'vm-network-single-switch'));
  });

  it('a vMotion network on one 1 Gbps uplink of its own switch', () => {
    const tabs = lanEstate();
    tabs.vNIC?.rows.push([ESX1, 'vmnic4', 'igbn', 1000, 'aa:bb:cc:00:01:04', 'vSwitch1', '', '0000:01:00.0', VC]);
    tabs.vSwitch?.rows.push([ESX1, 'DC1', 'Prod', 'vSwitch1', 128, 'loadbalance_srcid', 1500, VC]);
    const vmotion = rowsWhere(tabs, 'vPort', 'Port Group', 'vMotion').find((index) => tabs.vPort?.rows[index]?.[0] === ESX1);
    setCell(tabs, 'vPort', vmotion ?? -1, 'Switch', 'vSwitch1');
    const { topology, findings } = design(tabs);
    assert.deepEqual(topology.host('esx-01')?.virtualSwitches.map((s) => [s.id, s.uplinks]), [
      ['esx-01/vSwitch0', ['esx-01/vmnic0/vmnic0', 'esx-01/vmnic2/vmnic2']],
      ['esx-01/vSwitch1', ['esx-01/vmnic4/vmnic4']],
    ]);
    const migration = findings.filter((f) => f.ruleId === 'migration-network');
    assert.deepEqual(migration.map((f) => f.message), ['Host "esx-01" has a single vMotion port ("esx-01/vmnic4/vmnic4"): one NIC or cable failure stops live migration. Add a second port, on another adapter.']);
  });

  it('a VM on a network its host does not have, and a VM on a network another host of its cluster lacks', () => {
    const tabs = lanEstate();
    setCell(tabs, 'vInfo', 3, 'Network #1', 'PG-Old');
    const lacking = rowsWhere(tabs, 'vPort', 'Port Group', 'VM Network').find((index) => tabs.vPort?.rows[index]?.[0] === ESX2);
    tabs.vPort?.rows.splice(lacking ?? -1, 1);
    const missing = design(tabs).findings.filter((f) => f.ruleId === 'vm-network-missing');
    assert.deepEqual(missing.map((f) => f.message), [
      'VM "vcsa01" is on network "VM Network", which host "esx-02" of cluster "Prod" does not have: after an HA restart or a vMotion there the VM would have no network. Add the port group there (or use a distributed switch).',
      'VM "web01" is on network "PG-Old", which its host "esx-02" does not have (nor do "esx-01"): the VM has no such network.',
    ]);
  });

  it('FT VMs on hosts whose FT logging port group is not named so: the summary says why ft-logging-network reports them', () => {
    const tabs = lanEstate();
    for (const row of rowsWhere(tabs, 'vSC_VMK', 'Port Group', 'FT-Logging')) setCell(tabs, 'vSC_VMK', row, 'Port Group', 'Backup');
    const { findings, summary } = design(tabs);
    assert.deepEqual(findings.filter((f) => f.ruleId === 'ft-logging-network').map((f) => f.elementIds[0]), ['esx-01', 'esx-02']);
    assert.ok(summary.warnings.some((w) => w.startsWith('2 hosts (esx-01, esx-02) run Fault Tolerance VMs but no VMkernel port got role ft')), summary.warnings.join('\n'));
  });

  it('a host whose vMotion port group is not named so: the summary says why migration-network reports it', () => {
    const tabs = lanEstate();
    const vmotion = rowsWhere(tabs, 'vSC_VMK', 'Port Group', 'vMotion').find((index) => tabs.vSC_VMK?.rows[index]?.[0] === ESX2);
    setCell(tabs, 'vSC_VMK', vmotion ?? -1, 'Port Group', 'VM Network');
    const { findings, summary } = design(tabs);
    assert.deepEqual(findings.filter((f) => f.ruleId === 'migration-network').map((f) => f.message), ['Host "esx-02" in cluster "Prod" has no port for vMotion (role vmotion): its VMs cannot be live-migrated off it for maintenance.']);
    assert.ok(summary.warnings.some((w) => w.startsWith('1 host (esx-02) has no VMkernel port whose port group names vMotion')), summary.warnings.join('\n'));
  });

  it('a host failure restarts its VMs on networks that keep working: no network is lost for want of a cable', () => {
    const { topology } = design();
    const result = simulateScenario(topology, hostFailureScenario('esx-01'));
    assert.ok(!result.events.some((e) => ['network-lost', 'vm-unreachable', 'host-isolated', 'network-partition'].includes(e.kind)), result.events.map((e) => e.message).join('\n'));
    assert.equal(result.vms.find((vm) => vm.vmId === 'vcsa01')?.outcome.kind, 'restarted');
  });

  it('a distributed switch named like a VM gets its kind as a suffix', () => {
    const tabs = lanEstate();
    for (const row of tabs.dvSwitch?.rows ?? []) row[0] = row[2] = 'web01';
    for (const row of tabs.dvPort?.rows ?? []) row[1] = 'web01';
    for (const row of tabs.vNIC?.rows ?? []) if (row[5] === DVS) row[5] = 'web01';
    const { topology } = design(tabs);
    assert.deepEqual(topology.distributedSwitches.map((d) => d.id), ['web01-dvs']);
    assert.ok(topology.vm('web01'));
  });
});

describe('RVTools import of the LAN: the generated estate', () => {
  const tables = generateRvtoolsEstate({ ...SPECIAL_CASES, clusters: 2, hostsPerCluster: 4, vmsPerHost: 3, seed: 42 });
  const result = importRvtools(tables, { fileName: 'estate.xlsx' });
  const parsed = parseVtopo(result.text);

  it('reads back without problems, with a distributed switch per cluster whose members are its hosts', () => {
    assert.deepEqual(parsed.problems.map((p) => p.message), []);
    const dvs = parsed.topology.distributedSwitches;
    assert.deepEqual(dvs.map((d) => [d.id, d.uplinks, [...(d.members?.keys() ?? [])], d.portGroups.map((g) => g.name ?? g.id)]), [
      ['prod-cl01-dvs', ['Uplink 1', 'Uplink 2'], ['esx-01', 'esx-02', 'esx-03', 'esx-04'], ['App VLAN 110', 'FT Logging']],
      ['prod-cl02-dvs', ['Uplink 1', 'Uplink 2'], ['esx-05', 'esx-06', 'esx-07', 'esx-08'], ['App VLAN 110']],
    ]);
    assert.deepEqual(parsed.topology.host('esx-05')?.virtualSwitches[0]?.uplinks, ['esx-05/vmnic0/vmnic0', 'esx-05/vmnic2/vmnic2']);
  });

  it('gives the same bytes whatever the order of the rows', () => {
    const shuffled = tables.map((table) => ({ ...table, rows: [...table.rows].reverse() }));
    assert.equal(importRvtools(shuffled, { fileName: 'estate.xlsx' }).text, result.text);
  });

  it('gets no LAN finding but the isolation-address default of its HA cluster', () => {
    const findings = analyzeText(result.text, { today: '2026-12-01' }).findings;
    assert.deepEqual(lanFindings(findings).map((f) => `${f.ruleId} ${f.elementIds[0] ?? ''}`), ['heartbeat-single-path prod-cl01']);
  });

  it('loses no network when a host fails', () => {
    const outcome = simulateScenario(parsed.topology, hostFailureScenario('esx-01'));
    assert.ok(!outcome.events.some((e) => ['network-lost', 'vm-unreachable', 'host-isolated', 'network-partition'].includes(e.kind)));
  });
});
