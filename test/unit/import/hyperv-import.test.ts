import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { detectHyperv, importHyperv, NotHypervInventoryError } from '../../../src/core/import/hyperv/import';
import { parseVtopo } from '../../../src/core/model/parse';
import { hostFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import { find, inventory, records, type Json, type JsonMap } from './hyperv-inventory';
import { mulberry32 } from '../../../bench/generate';

const imported = (json: unknown = inventory()) => importHyperv(json, { fileName: 'cluster.json' });

function design(json: unknown = inventory()) {
  const { text, summary } = imported(json);
  const parsed = parseVtopo(text);
  assert.deepEqual(parsed.problems.map((p) => `${p.ruleId}: ${p.message}`), [], text);
  return { text, summary, topology: parsed.topology, findings: analyzeText(text, { today: '2026-12-01' }).findings };
}

const ruleIds = (findings: readonly { ruleId: string }[]) => findings.map((f) => f.ruleId);

/** A copy with every array, at any depth, transformed by `edit`. */
function mapArrays(value: Json, edit: (items: Json[]) => Json): Json {
  if (Array.isArray(value)) return edit(value.map((item) => mapArrays(item, edit)));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, mapArrays(field, edit)]));
  return value;
}

/** A deterministic pseudo-random shuffle (mulberry32). */
function shuffler(seed: number): <T>(items: readonly T[]) => T[] {
  const next = mulberry32(seed);
  return (items) => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
    }
    return copy;
  };
}

describe('Hyper-V import: the design', () => {
  it('reads back without problems: platform, release, where it came from, ids from names', () => {
    const { topology, text } = design();
    assert.equal(topology.platform, 'hyperv');
    assert.equal(topology.file?.platformVersion, '2022');
    assert.match(text, /^ {2}tool: Hyper-V inventory \(hyperv-inventory\.ps1\)$/m);
    assert.equal(topology.file?.inventory?.file, 'cluster.json');
    assert.equal(topology.file?.inventory?.exported, '2026-11-30');
    assert.equal(topology.file?.inventory?.cabling, 'unknown');
    assert.deepEqual(topology.clusters.map((c) => c.id), ['HVC01']);
    assert.deepEqual(topology.hosts.map((h) => h.id), ['HV-01', 'HV-02', 'HV-03']);
    assert.deepEqual(topology.vms.map((vm) => vm.id), ['APP01', 'BUILD01', 'DC01', 'DC02', 'FILE01', 'SQL01', 'TEST01']);
    assert.match(text, /^# Imported by vtopo import from cluster\.json \(hyperv-inventory\.ps1, exported 2026-11-30\)\.$/m);
    assert.match(text, /^# Failover cluster HVC01: 3 nodes, 7 VMs \(1 powered off, 1 not clustered\), 4 datastores \(3 shared\)\.$/m);
    assert.match(text, /^name: HVC01 \(Hyper-V\)$/m);
  });

  it('maps failure detection, the resiliency period, anti-affinity enforcement and the disk witness', () => {
    const { topology } = design();
    const cluster = topology.cluster('HVC01');
    assert.equal(cluster?.ha.detection.heartbeatIntervalSeconds, 1, 'SameSubnetDelay 1000 ms');
    assert.equal(cluster?.ha.detection.failureTimeoutSeconds, 10, 'SameSubnetDelay x SameSubnetThreshold');
    assert.equal(cluster?.ha.resiliencyPeriodSeconds, 240);
    assert.equal(cluster?.ha.respectAntiAffinity, false, 'ClusterEnforcedAntiAffinity 0: a preference');
    assert.equal(cluster?.quorum.witness, 'disk');
    assert.equal(cluster?.quorum.witnessDatastore, 'Cluster-Disk-1');
    assert.equal(topology.datastore('Cluster-Disk-1')?.shared, true);
  });

  it('other timings, and file-share and cloud witnesses', () => {
    const json = inventory();
    Object.assign(json.cluster as JsonMap, { SameSubnetDelay: 1500, SameSubnetThreshold: 20, ResiliencyDefaultPeriod: 0, ClusterEnforcedAntiAffinity: 1 });
    json.quorum = { QuorumType: 'Majority', QuorumResource: 'File Share Witness', QuorumResourceType: 'File Share Witness' };
    const { topology } = design(json);
    const cluster = topology.cluster('HVC01');
    assert.equal(cluster?.ha.detection.heartbeatIntervalSeconds, 1.5);
    assert.equal(cluster?.ha.detection.failureTimeoutSeconds, 30);
    assert.equal(cluster?.ha.resiliencyPeriodSeconds, 0);
    assert.equal(cluster?.ha.respectAntiAffinity, true);
    assert.equal(cluster?.quorum.witness, 'file-share');
    assert.equal(topology.datastore('Cluster-Disk-1'), undefined, 'only a disk witness is a datastore');
    json.quorum = { QuorumType: 'Majority', QuorumResource: 'Cloud Witness', QuorumResourceType: 'Cloud Witness' };
    assert.equal(design(json).topology.cluster('HVC01')?.quorum.witness, 'cloud');
    json.quorum = { QuorumType: 'NodeAndDiskMajority', QuorumResource: 'Cluster Disk 1', QuorumResourceType: null };
    assert.equal(design(json).topology.cluster('HVC01')?.quorum.witness, 'disk', 'Windows Server 2012 names the witness in the quorum type');
    json.quorum = { QuorumType: 'NodeMajority', QuorumResource: null, QuorumResourceType: null };
    assert.equal(design(json).topology.cluster('HVC01')?.quorum.witness, 'none');
  });

  it('a release before Windows Server 2016 has no VM compute resiliency', () => {
    const json = inventory();
    delete (json.cluster as JsonMap).ResiliencyDefaultPeriod;
    for (const node of records(json, 'nodes')) node.OperatingSystem = { Caption: 'Microsoft Windows Server 2012 R2 Datacenter', Version: '6.3.9600', BuildNumber: '9600' };
    const { topology } = design(json);
    assert.equal(topology.file?.platformVersion, '2012 R2');
    assert.equal(topology.cluster('HVC01')?.ha.resiliencyPeriodSeconds, 0);
  });

  it('maps node hardware, release, edition and state', () => {
    const { topology } = design();
    const host = topology.host('HV-01');
    assert.equal(host?.cpu.sockets, 2);
    assert.equal(host?.cpu.cores, 64);
    assert.equal(host?.cpu.speedMHz, 2000);
    assert.equal(host?.cpu.vendor, 'intel');
    assert.equal(host?.memoryMB, 512 * 1024, 'installed DIMMs, not the memory Windows sees');
    assert.equal(host?.model, 'Dell Inc. PowerEdge R750');
    assert.equal(host?.edition, 'Datacenter');
    assert.equal(host?.cluster, 'HVC01');
    assert.equal(host?.state, 'connected');
    assert.equal(topology.host('HV-03')?.state, 'disconnected', 'a Down node: HA counts nothing on it');
  });

  it('a paused node is in maintenance; Joining says nothing; the oldest release binds', () => {
    const json = inventory();
    find(json, 'nodes', { Name: 'HV-02' }).State = 'Paused';
    find(json, 'nodes', { Name: 'HV-03' }).State = 'Joining';
    (find(json, 'nodes', { Name: 'HV-03' }).OperatingSystem as JsonMap).Caption = 'Microsoft Windows Server 2019 Datacenter';
    const { topology, summary } = design(json);
    assert.equal(topology.host('HV-02')?.state, 'maintenance');
    assert.equal(topology.host('HV-03')?.state, 'connected');
    assert.equal(topology.file?.platformVersion, '2019');
    assert.ok(summary.warnings.some((w) => /HV-03.*Joining/.test(w)), summary.warnings.join('\n'));
  });

  it('groups PCI functions of one card into one adapter, with MAC addresses and link speeds', () => {
    const { topology } = design();
    const host = topology.host('HV-01');
    assert.deepEqual(host?.adapters.map((a) => a.id), ['HV-01/NIC1', 'HV-01/SLOT-3-Port-1']);
    assert.deepEqual(host?.adapters[0]?.ports.map((p) => p.id), ['HV-01/NIC1/NIC1', 'HV-01/NIC1/NIC2']);
    assert.equal(host?.adapters[0]?.type, 'ethernet');
    assert.equal(host?.adapters[1]?.model, 'Mellanox ConnectX-5 Adapter', 'the "#2" Windows adds is not part of the model');
    assert.equal(host?.adapters[0]?.ports[0]?.speedMbps, 25000);
    assert.equal(host?.adapters[0]?.ports[0]?.address, 'b4:96:91:01:00:01');
    assert.equal(host?.adapters[1]?.ports[1]?.speedMbps, undefined, 'a disconnected port has no speed');
  });

  it('without PCI locations each NIC is its own adapter, and the summary says so', () => {
    const json = inventory();
    for (const adapter of records(json, 'netAdapters')) Object.assign(adapter, { Segment: null, Bus: null, Device: null, Function: null });
    const { topology, summary } = design(json);
    assert.equal(topology.host('HV-01')?.adapters.length, 4);
    assert.ok(summary.missing.some((note) => /PCI location of 12 network port/.test(note)), summary.missing.join('\n'));
  });

  it('a SET switch with its uplinks and one port group; host vNICs with the roles of their cluster networks', () => {
    const { topology } = design();
    const host = topology.host('HV-02');
    const set = host?.virtualSwitches[0];
    assert.equal(set?.id, 'HV-02/SETswitch');
    assert.equal(set?.type, 'set');
    assert.deepEqual(set?.uplinks, ['HV-02/NIC1/NIC1', 'HV-02/SLOT-3-Port-1/SLOT-3-Port-1']);
    assert.deepEqual(set?.portGroups.map((pg) => pg.id), ['HV-02/SETswitch/SETswitch']);
    const vnics = new Map(host?.vmkernelPorts.map((vmk) => [vmk.id, vmk]));
    assert.deepEqual(vnics.get('HV-02/Management')?.roles, ['management'], 'cluster and client');
    assert.deepEqual(vnics.get('HV-02/Cluster')?.roles, ['heartbeat', 'vmotion'], 'cluster only, and the one network live migration may use');
    assert.equal(vnics.get('HV-02/Management')?.portGroup, 'SETswitch');
    assert.equal(vnics.get('HV-02/Management')?.vlan, 10);
    assert.equal(vnics.get('HV-02/Management')?.subnet, '10.0.10.0/24');
    assert.deepEqual(topology.vm('DC02')?.networks, ['SETswitch'], 'VMs name the switch, which is the port group\'s label');
  });

  it('finds a renamed host vNIC adapter by its MAC address', () => {
    const json = inventory();
    const adapter = find(json, 'netAdapters', { Node: 'HV-01', Name: 'vEthernet (Cluster)' });
    adapter.Name = 'Cluster heartbeat';
    find(json, 'networkInterfaces', { Node: 'HV-01', Network: 'Cluster' }).Adapter = 'Cluster heartbeat';
    const { topology } = design(json);
    assert.deepEqual(topology.host('HV-01')?.vmkernelPorts.find((vmk) => vmk.id === 'HV-01/Cluster')?.roles, ['heartbeat', 'vmotion']);
  });

  it('live migration on every cluster network when the exclusions are not known', () => {
    const json = inventory();
    delete json.liveMigration;
    const { topology, summary } = design(json);
    assert.deepEqual(topology.host('HV-01')?.vmkernelPorts.find((vmk) => vmk.id === 'HV-01/Management')?.roles, ['management', 'vmotion']);
    assert.ok(summary.inferred.some((note) => /MigrationExcludeNetworks/.test(note)));
  });

  it('an external switch bound to an LBFO team, and a cluster network on a physical NIC', () => {
    const json = inventory();
    const hv1 = (name: string) => find(json, 'netAdapters', { Node: 'HV-01', Name: name });
    records(json, 'netAdapters').push({ Node: 'HV-01', Name: 'Team1', InterfaceDescription: 'Microsoft Network Adapter Multiplexor Driver', MacAddress: 'B4-96-91-01-00-01', Status: 'Up', LinkSpeed: '50 Gbps', Speed: 50e9, Physical: false });
    records(json, 'lbfoTeams').push({ Node: 'HV-01', Name: 'Team1', TeamingMode: 'SwitchIndependent', LoadBalancingAlgorithm: 'Dynamic', Members: ['NIC1', 'SLOT 3 Port 1'], StandbyMembers: ['SLOT 3 Port 1'], TeamNics: ['Team1'] });
    Object.assign(find(json, 'vmSwitches', { Node: 'HV-01' }), { EmbeddedTeamingEnabled: false, NetAdapterInterfaceDescription: 'Microsoft Network Adapter Multiplexor Driver', NetAdapterInterfaceDescriptions: [], TeamMembers: [] });
    // The cluster-only network on the second port of the Intel card, outside any switch.
    find(json, 'networkInterfaces', { Node: 'HV-01', Network: 'Cluster' }).Adapter = 'NIC2';
    assert.ok(hv1('NIC2'));
    const { topology } = design(json);
    const host = topology.host('HV-01');
    const lbfo = host?.virtualSwitches[0];
    assert.equal(lbfo?.type, 'lbfo');
    assert.deepEqual(lbfo?.uplinks, ['HV-01/NIC1/NIC1', 'HV-01/SLOT-3-Port-1/SLOT-3-Port-1']);
    assert.deepEqual(lbfo?.active, ['HV-01/NIC1/NIC1']);
    assert.deepEqual(lbfo?.standby, ['HV-01/SLOT-3-Port-1/SLOT-3-Port-1']);
    const nic2 = host?.adapters[0]?.ports[1];
    assert.deepEqual(nic2?.roles, ['heartbeat', 'vmotion']);
    assert.equal(nic2?.subnet, '10.0.11.0/24');
    assert.equal(host?.vmkernelPorts.find((vmk) => vmk.id === 'HV-01/Cluster')?.roles.length, 0);
  });

  it('CSVs are shared csv datastores, a local drive is a host datastore, and each VM is on the datastore of its files', () => {
    const { topology, summary } = design();
    const csv = topology.datastore('Cluster-Disk-2');
    assert.equal(csv?.protocol, 'csv');
    assert.equal(csv?.shared, true);
    assert.equal(csv?.capacityMB, 4 * 1024 * 1024);
    const local = topology.datastore('HV-03-D');
    assert.equal(local?.host, 'HV-03');
    assert.equal(local?.capacityMB, 960 * 1024);
    assert.equal(topology.isLocalDatastore(local ?? ({ id: '' } as never)), true);
    assert.equal(topology.vm('DC01')?.datastore, 'Cluster-Disk-2');
    assert.equal(topology.vm('DC02')?.datastore, 'Cluster-Disk-3');
    assert.equal(topology.vm('SQL01')?.datastore, 'Cluster-Disk-2', 'the datastore of the first disk');
    assert.equal(topology.vm('BUILD01')?.datastore, 'HV-03-D');
    assert.ok(summary.inferred.some((note) => /more than one volume \(SQL01\)/.test(note)));
  });

  it('an SMB share, and a CSV known only from VM paths', () => {
    const json = inventory();
    const app = find(json, 'vms', { Name: 'APP01' });
    app.ConfigurationLocation = '\\\\fs01.corp.example.test\\VMs\\APP01';
    app.HardDisks = [{ Path: '\\\\fs01.corp.example.test\\VMs\\APP01\\APP01.vhdx', ControllerType: 'SCSI', ControllerNumber: 0, ControllerLocation: 0 }];
    find(json, 'vms', { Name: 'DC02' }).HardDisks = [{ Path: 'C:\\ClusterStorage\\Volume7\\DC02\\DC02.vhdx', ControllerType: 'SCSI', ControllerNumber: 0, ControllerLocation: 0 }];
    const { topology, summary } = design(json);
    const smb = topology.datastore(topology.vm('APP01')?.datastore ?? '');
    assert.equal(smb?.id, 'fs01-VMs');
    assert.equal(smb?.protocol, 'smb');
    assert.equal(smb?.shared, true);
    assert.equal(topology.vm('DC02')?.datastore, 'Volume7');
    assert.equal(topology.datastore('Volume7')?.protocol, 'csv');
    assert.ok(summary.warnings.some((w) => /Volume7/.test(w)));
  });

  it('restart priorities from group priorities; a VM that is not clustered is not protected', () => {
    const { topology, summary } = design();
    assert.equal(topology.vm('DC01')?.restartPriority, 'high', '3000');
    assert.equal(topology.vm('SQL01')?.restartPriority, undefined, '2000: the default, medium');
    assert.equal(topology.cluster('HVC01')?.ha.defaultRestartPriority, 'medium');
    assert.equal(topology.vm('APP01')?.restartPriority, 'low', '1000');
    assert.equal(topology.vm('TEST01')?.restartPriority, 'disabled', '0: No Auto Start');
    assert.equal(topology.vm('TEST01')?.power, 'off');
    assert.equal(topology.vm('BUILD01')?.restartPriority, 'disabled', 'not clustered');
    assert.ok(summary.inferred.some((note) => /1 VM is not clustered/.test(note)));
    assert.equal(topology.vm('FILE01')?.restartPriority, undefined, 'its group "File server FILE01" is found by the VM id');
    assert.equal(topology.vm('FILE01')?.memoryMB, 4096, 'dynamic memory: the startup memory');
    assert.equal(topology.vm('SQL01')?.cpus, 8);
    assert.equal(topology.vm('SQL01')?.memoryMB, 64 * 1024);
    assert.equal(topology.vm('DC01')?.host, 'HV-01');
  });

  it('a saved VM is suspended', () => {
    const json = inventory();
    find(json, 'vms', { Name: 'APP01' }).State = 'Saved';
    assert.equal(design(json).topology.vm('APP01')?.power, 'suspended');
  });

  it('anti-affinity classes and preferred owners become rules; possible owners must-run-on rules', () => {
    const json = inventory();
    find(json, 'groups', { Name: 'SQL01' }).PossibleOwners = ['HV-01', 'HV-02'];
    find(json, 'groups', { Name: 'APP01' }).AntiAffinityClassNames = ['Lonely'];
    const { topology, summary } = design(json);
    const rules = new Map(topology.rules.map((rule) => [rule.id, rule]));
    assert.deepEqual([...rules.keys()], ['DomainControllers', 'prefer-HV-01-HV-02', 'only-HV-01-HV-02']);
    assert.equal(rules.get('DomainControllers')?.type, 'anti-affinity');
    assert.deepEqual(rules.get('DomainControllers')?.vms, ['DC01', 'DC02']);
    assert.equal(rules.get('prefer-HV-01-HV-02')?.mode, 'should-run-on');
    assert.deepEqual(rules.get('prefer-HV-01-HV-02')?.vms, ['DC01', 'DC02']);
    assert.deepEqual(rules.get('prefer-HV-01-HV-02')?.hosts, ['HV-01', 'HV-02']);
    assert.equal(rules.get('only-HV-01-HV-02')?.mode, 'must-run-on');
    assert.deepEqual(rules.get('only-HV-01-HV-02')?.vms, ['SQL01']);
    assert.ok(summary.inferred.some((note) => /single VM left out \(Lonely\)/.test(note)));
  });

  it('preferred owners that name every node say nothing', () => {
    const json = inventory();
    for (const name of ['DC01', 'DC02']) find(json, 'groups', { Name: name }).PreferredOwners = ['HV-01', 'HV-02', 'HV-03'];
    assert.deepEqual(design(json).topology.rules.map((rule) => rule.id), ['DomainControllers']);
  });
});

describe('Hyper-V import: what ConvertTo-Json does to the file', () => {
  it('one-element arrays written as the element itself', () => {
    const unwrapped = mapArrays(inventory(), (items) => (items.length === 1 ? (items[0] as Json) : items));
    assert.equal((find(unwrapped as JsonMap, 'vms', { Name: 'DC01' }).HardDisks as JsonMap).Path, 'C:\\ClusterStorage\\Volume1\\DC01\\Virtual Hard Disks\\DC01.vhdx');
    assert.equal(imported(unwrapped).text, imported().text);
  });

  it('arrays wrapped as { value, Count } (Windows PowerShell 5.1)', () => {
    const wrapped = mapArrays(inventory(), (items) => ({ value: items, Count: items.length }));
    assert.equal(imported(wrapped).text, imported().text);
  });

  it('enums as numbers, numbers and booleans as text, dates as /Date(ms)/, empty lists as null', () => {
    const json = inventory();
    for (const node of records(json, 'nodes')) node.State = { Up: 0, Down: 1, Paused: 2 }[node.State as string] ?? 0;
    for (const vswitch of records(json, 'vmSwitches')) Object.assign(vswitch, { SwitchType: 2, EmbeddedTeamingEnabled: 'True' });
    for (const vm of records(json, 'vms')) Object.assign(vm, { State: vm.State === 'Off' ? 3 : 2, ProcessorCount: String(vm.ProcessorCount), IsClustered: vm.IsClustered ? 'True' : 'False' });
    for (const group of records(json, 'groups')) Object.assign(group, { GroupType: 111, State: group.State === 'Offline' ? 1 : 0, Priority: String(group.Priority) });
    for (const csv of records(json, 'sharedVolumes')) csv.State = 2;
    for (const network of records(json, 'networks')) network.Role = { 3: 'ClusterAndClient', 1: 'ClusterOnly' }[network.Role as number] ?? 'None';
    Object.assign(json.cluster as JsonMap, { SameSubnetDelay: '1000', SameSubnetThreshold: '10' });
    json.exported = `/Date(${Date.UTC(2026, 10, 30, 9, 12)})/`;
    json.lbfoTeams = null;
    json.errors = null;
    const { text, summary } = imported(json);
    assert.equal(text, imported().text);
    assert.deepEqual(summary.warnings, imported().summary.warnings);
  });

  it('dates written as ISO text with an offset keep the date as written', () => {
    const json = inventory();
    json.exported = '2026-11-30T23:30:00.1234567+01:00';
    assert.equal(design(json).topology.file?.inventory?.exported, '2026-11-30');
  });
});

describe('Hyper-V import: the same bytes for the same inventory', () => {
  it('whatever the order of every list in the file', () => {
    const expected = imported().text;
    for (const seed of [1, 2, 3, 4, 5]) {
      const shuffle = shuffler(seed);
      assert.equal(imported(mapArrays(inventory(), (items) => shuffle(items))).text, expected, `seed ${seed}`);
    }
    assert.equal(imported(mapArrays(inventory(), (items) => [...items].reverse())).text, expected);
  });

  it('whatever the order of the keys of each object', () => {
    const reorder = (value: Json): Json => {
      if (Array.isArray(value)) return value.map(reorder);
      if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([key, field]) => [key, reorder(field)]));
      return value;
    };
    assert.equal(imported(reorder(inventory())).text, imported().text);
  });
});

describe('Hyper-V import: bad input', () => {
  it('detects its own files only', () => {
    assert.equal(detectHyperv(inventory()), true);
    assert.equal(detectHyperv({ ...inventory(), vtopoInventory: 'HyperV ' }), true);
    for (const other of [null, undefined, 42, 'hyperv', [], [inventory()], {}, { vtopoInventory: 'proxmox' }, { vtopoInventory: ['hyperv'] }, JSON.parse('{"__proto__": {"vtopoInventory": "hyperv"}}')]) {
      assert.equal(detectHyperv(other), false, JSON.stringify(other));
    }
  });

  it('a JSON value that is not an inventory stops the import with a reason', () => {
    assert.throws(() => importHyperv({ Name: 'HVC01' }, { fileName: 'cluster.json' }), (error: unknown) => {
      assert.ok(error instanceof NotHypervInventoryError);
      assert.match(error.message, /^cluster\.json is not a Hyper-V inventory: it has no "vtopoInventory": "hyperv" marker/);
      return true;
    });
    assert.throws(() => importHyperv([inventory()], { fileName: 'x.json' }), NotHypervInventoryError);
  });

  it('a newer or missing version, and what the script could not read, are warnings', () => {
    const json = inventory();
    json.version = 2;
    json.errors = ['Get-VM on HV-03: The RPC server is unavailable.'];
    const { summary } = imported(json);
    assert.ok(summary.warnings.some((w) => /version 2, written by a newer script/.test(w)));
    assert.ok(summary.warnings.includes('the inventory script could not read: Get-VM on HV-03: The RPC server is unavailable.'));
    delete json.version;
    assert.ok(imported(json).summary.warnings.some((w) => /no version/.test(w)));
  });

  it('values of the wrong type are warnings naming where they are, and are left out', () => {
    const json = inventory();
    find(json, 'nodes', { Name: 'HV-01' }).NodeWeight = 'heavy';
    find(json, 'vms', { Name: 'SQL01' }).MemoryStartup = { amount: 64 };
    json.volumes = 'D:';
    const { text, summary } = imported(json);
    assert.ok(summary.warnings.includes('nodes[0].NodeWeight: expected a number, found "heavy"; left out'), summary.warnings.join('\n'));
    assert.ok(summary.warnings.includes('vms[1].MemoryStartup: expected a number, found an object; left out'), summary.warnings.join('\n'));
    assert.ok(summary.warnings.includes('volumes: expected a list, found "D:"; left out'), summary.warnings.join('\n'));
    const problems = parseVtopo(text).problems;
    assert.deepEqual(problems.map((p) => p.ruleId), ['missing-field'], 'the VM without memory is the one gap the design reports');
    assert.match(problems[0]?.message ?? '', /memory/i);
  });

  it('a Down node the script could not reach keeps its place, and the design reports what is missing', () => {
    const json = inventory();
    Object.assign(find(json, 'nodes', { Name: 'HV-03' }), { OperatingSystem: null, ComputerSystem: null, PhysicalMemoryCapacity: null, Processors: [] });
    json.netAdapters = records(json, 'netAdapters').filter((adapter) => adapter.Node !== 'HV-03');
    json.vms = records(json, 'vms').filter((vm) => vm.Node !== 'HV-03');
    json.errors = ['Win32_Processor on HV-03: WinRM cannot complete the operation.'];
    const { text, summary } = imported(json);
    assert.ok(summary.warnings.some((w) => /node "HV-03" is Down and has no processors or memory/.test(w)), summary.warnings.join('\n'));
    const parsed = parseVtopo(text);
    assert.ok(parsed.problems.length > 0 && parsed.problems.every((p) => p.ruleId === 'missing-field'), parsed.problems.map((p) => p.message).join('\n'));
    // The host without cpu and memory is not read into the topology; its text says what is known.
    assert.match(text, /^ {2}HV-03:\n {4}cluster: HVC01\n {4}model: Dell Inc\. PowerEdge R750\n {4}state: disconnected\n {4}virtualSwitches:/m, 'the model the cluster keeps for its nodes');
  });

  it('VMs and groups that point nowhere are left out with a warning', () => {
    const json = inventory();
    find(json, 'vms', { Name: 'APP01' }).Node = 'HV-09';
    records(json, 'groups').push({ Name: 'GHOST01', GroupType: 'VirtualMachine', OwnerNode: 'HV-03', State: 'Failed', Priority: 2000, VmId: 'ffffffff-0000-4000-8000-000000000000' });
    const { topology, summary } = design(json);
    assert.equal(topology.vm('APP01'), undefined);
    assert.equal(topology.vm('GHOST01'), undefined);
    assert.ok(summary.warnings.some((w) => /VMs of HV-09, which is not a node of the cluster, left out/.test(w)));
    assert.ok(summary.warnings.some((w) => /groups whose VM no node's Get-VM listed \(APP01, GHOST01\)/.test(w)), summary.warnings.join('\n'));
  });

  it('a clustered VM when the groups could not be read keeps the default priority', () => {
    const json = inventory();
    json.groups = null;
    const { topology, summary } = design(json);
    assert.equal(topology.vm('DC01')?.restartPriority, undefined);
    assert.equal(topology.vm('BUILD01')?.restartPriority, 'disabled', 'IsClustered false');
    assert.ok(summary.missing.some((note) => /group priority of 6 VM/.test(note)), summary.missing.join('\n'));
  });

  it('any value of the wrong type anywhere: warnings, never a crash, never a broken design', () => {
    const wrong: Json[] = [null, 42, 'x', true, {}, [1, 'a', null], -1, { value: 7 }];
    const paths: Array<Array<string | number>> = [];
    // Every place except the second and later items of a list, which repeat the shape of the first.
    const walk = (value: Json, path: Array<string | number>) => {
      if (path.some((step) => typeof step === 'number' && step >= 1)) return;
      if (path.length > 0) paths.push(path);
      if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
      else if (value !== null && typeof value === 'object') for (const [key, field] of Object.entries(value)) walk(field, [...path, key]);
    };
    walk(inventory(), []);
    assert.ok(paths.length > 150, `${paths.length} places`);
    paths.forEach((path, index) => {
      const json = inventory();
      let parent: Json = json;
      for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[step] as Json;
      (parent as Record<string | number, Json>)[path.at(-1) as string | number] = wrong[index % wrong.length] as Json;
      if (path.length === 1 && path[0] === 'vtopoInventory') return;
      const { text } = importHyperv(json, { fileName: 'cluster.json' });
      const structural = parseVtopo(text).problems.filter((p) => p.ruleId !== 'missing-field');
      assert.deepEqual(structural.map((p) => p.message), [], `${path.join('.')} = ${JSON.stringify(wrong[index % wrong.length])}`);
    });
  });
});

describe('Hyper-V import: what the analysis of the imported design sees', () => {
  it('no error; a missing management server, once that the cabling is not known, the powered-off VM', () => {
    const { findings } = design();
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`), []);
    assert.ok(ruleIds(findings).includes('management-missing'), 'SCVMM is not in the inventory');
    assert.equal(ruleIds(findings).filter((id) => id === 'cabling-unknown').length, 1);
    assert.ok(findings.some((f) => f.ruleId === 'vm-sprawl' && f.elementIds.includes('TEST01')));
    assert.ok(!ruleIds(findings).includes('vm-local-datastore'), 'BUILD01 is not clustered: deliberately unprotected');
    assert.ok(!ruleIds(findings).includes('heartbeat-single-path'), 'two cluster networks on every node');
    assert.ok(!ruleIds(findings).includes('storage-protocol-platform'));
    assert.ok(!ruleIds(findings).includes('storage-protocol-mismatch'));
  });

  it('one cluster network: heartbeats on a single path', () => {
    const json = inventory();
    json.networks = records(json, 'networks').filter((network) => network.Name === 'Management');
    json.networkInterfaces = records(json, 'networkInterfaces').filter((networkInterface) => networkInterface.Network === 'Management');
    const finding = design(json).findings.find((f) => f.ruleId === 'heartbeat-single-path');
    assert.match(finding?.message ?? '', /"HV-01", "HV-02", "HV-03" have only one cluster network/);
  });

  it('a clustered VM on a node\'s local drive cannot fail over', () => {
    const json = inventory();
    const vm = find(json, 'vms', { Name: 'APP01' });
    vm.ConfigurationLocation = 'E:\\VMs\\APP01';
    vm.HardDisks = [{ Path: 'E:\\VMs\\APP01\\APP01.vhdx', ControllerType: 'SCSI', ControllerNumber: 0, ControllerLocation: 0 }];
    const { findings, topology } = design(json);
    assert.equal(topology.datastore('HV-02-E')?.host, 'HV-02');
    assert.ok(findings.some((f) => f.ruleId === 'vm-local-datastore' && f.elementIds.includes('APP01')));
  });

  it('a SET switch over the two ports of one card', () => {
    const json = inventory();
    for (const vswitch of records(json, 'vmSwitches')) {
      vswitch.NetAdapterInterfaceDescriptions = ['Intel(R) Ethernet Controller E810-XXV for SFP', 'Intel(R) Ethernet Controller E810-XXV for SFP #2'];
      vswitch.TeamMembers = vswitch.NetAdapterInterfaceDescriptions;
    }
    const ids = ruleIds(design(json).findings);
    assert.ok(ids.includes('vm-network-single-switch'), ids.join(', '));
    assert.ok(ids.includes('management-network-spof'), 'the cluster networks ride the one card too: what the inventory proves, with no cable drawn');
  });

  it('a node failure restarts its VMs on networks that keep working: no network is lost for want of a cable', () => {
    const { topology } = design();
    const result = simulateScenario(topology, hostFailureScenario('HV-01'));
    assert.deepEqual(result.events.filter((e) => ['network-lost', 'vm-unreachable', 'quorum-lost'].includes(e.kind)).map((e) => e.message), []);
  });

  it('a VM switch missing on one node', () => {
    const json = inventory();
    find(json, 'vmSwitches', { Node: 'HV-02' }).Name = 'SET';
    for (const vnic of records(json, 'hostVnics')) if (vnic.Node === 'HV-02') vnic.SwitchName = 'SET';
    const finding = design(json).findings.find((f) => f.ruleId === 'vm-network-missing' && f.elementIds.includes('DC01'));
    assert.ok(finding, 'DC01 loses its network when it fails over to HV-02');
  });

  it('too little memory for a node failure', () => {
    const json = inventory();
    for (const name of ['DC01', 'SQL01', 'FILE01']) find(json, 'vms', { Name: name }).MemoryStartup = 200 * 1024 ** 3;
    assert.ok(ruleIds(design(json).findings).includes('n1-capacity'));
  });
});
