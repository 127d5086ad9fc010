import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { detectProxmox, importProxmox, NotProxmoxError } from '../../../src/core/import/proxmox/import';
import { parseVtopo } from '../../../src/core/model/parse';
import { inventory, shuffled, type Inventory, type Json } from './proxmox-estate';

const imported = (json: unknown = inventory()) => importProxmox(json, { fileName: 'pve-inventory.json' });

function design(json: unknown = inventory()) {
  const { text, summary } = imported(json);
  const parsed = parseVtopo(text);
  assert.deepEqual(parsed.problems.map((p) => `${p.ruleId}: ${p.message}`), [], text);
  return { text, summary, topology: parsed.topology, findings: analyzeText(text, { today: '2026-12-01' }).findings };
}

const ruleIds = (findings: readonly { ruleId: string }[]) => findings.map((f) => f.ruleId);
const list = (inv: Inventory, key: string) => inv[key] as Array<{ [key: string]: Json }>;
const nodeEntry = (inv: Inventory, node: string) => (inv.nodes as { [node: string]: { [key: string]: Json } })[node] ?? {};
const rule = (topology: { rules: readonly { id: string }[] }, id: string) => topology.rules.find((r) => r.id === id) as { type?: string; vms?: readonly string[]; hosts?: readonly string[]; mode?: string; enabled?: boolean } | undefined;
const resource = (inv: Inventory, id: string) => {
  const entry = list(inv, 'resources').find((r) => r.id === id);
  if (!entry) throw new Error(`no resource ${id}`);
  return entry;
};

describe('Proxmox VE import: the design', () => {
  it('reads back without problems: one cluster, nodes as hosts, guests as VMs, templates left out', () => {
    const { topology } = design();
    assert.equal(topology.platform, 'proxmox');
    assert.equal(topology.file?.platformVersion, '8.2');
    assert.deepEqual(topology.clusters.map((c) => c.id), ['prod-pve']);
    assert.deepEqual(topology.hosts.map((h) => h.id), ['pve1', 'pve2', 'pve3']);
    assert.deepEqual(topology.vms.map((vm) => vm.id), ['app-zfs', 'db01', 'dns1', 'dns2', 'legacy', 'monitor', 'old-app', 'web01-100', 'web01-102']);
    assert.equal(topology.vm('tmpl-debian'), undefined, 'templates do not run');
  });

  it('says where it came from and that the cabling is not known', () => {
    const { text, topology } = design();
    assert.match(text, /^# Imported by vtopo import from pve-inventory\.json \(Proxmox VE 8\.2\.4 \(pvesh\), exported 2026-11-30\)\.$/m);
    assert.match(text, /^inventory: \{ tool: Proxmox VE 8\.2\.4 \(pvesh\), file: pve-inventory\.json, exported: 2026-11-30, cabling: unknown \}$/m);
    assert.deepEqual(
      { file: topology.file?.inventory?.file, exported: topology.file?.inventory?.exported, cabling: topology.file?.inventory?.cabling },
      { file: 'pve-inventory.json', exported: '2026-11-30', cabling: 'unknown' },
    );
  });

  it('maps node hardware from cpuinfo and memory, the nominal clock from the model name', () => {
    const { topology } = design();
    const pve1 = topology.host('pve1');
    assert.deepEqual({ sockets: pve1?.cpu.sockets, cores: pve1?.cpu.cores, speed: pve1?.cpu.speedMHz, vendor: pve1?.cpu.vendor }, { sockets: 2, cores: 40, speed: 2500, vendor: 'intel' });
    assert.equal(pve1?.memoryMB, 256 * 1024);
    assert.equal(topology.host('pve2')?.memoryMB, 252 * 1024);
    assert.equal(pve1?.state ?? 'connected', 'connected');
  });

  it('writes an offline node as disconnected, with the CPU of an online node of as many logical CPUs, and says so', () => {
    const { topology, text, summary } = design();
    const pve3 = topology.host('pve3');
    assert.equal(pve3?.state, 'disconnected');
    assert.equal(pve3?.cpu.cores, 40);
    assert.equal(pve3?.memoryMB, 256 * 1024, 'the last maxmem the cluster kept');
    assert.match(text, /^ {2}pve3: {2}# offline when the inventory was taken: CPU as pve1's \(same 80 logical CPUs\)$/m);
    assert.ok(summary.inferred.some((note) => note.startsWith('node "pve3" was offline: its CPU is taken as that of "pve1"')), summary.inferred.join('\n'));
  });

  it('leaves the CPU of an offline node out when no online node matches it, and warns', () => {
    const inv = inventory();
    resource(inv, 'node/pve3').maxcpu = 96;
    const { text, summary } = imported(inv);
    assert.ok(summary.warnings.some((w) => w.startsWith('node "pve3" was offline when the inventory was taken: its CPU is not known')), summary.warnings.join('\n'));
    assert.ok(parseVtopo(text).problems.some((p) => p.ruleId === 'missing-field' && /cpu/i.test(p.message)), 'the design reports the gap');
  });

  it('takes the clock from cpuinfo mhz when the model name has none, and says it was measured', () => {
    const inv = inventory();
    const status = nodeEntry(inv, 'pve2').status as { cpuinfo: { [key: string]: Json } };
    status.cpuinfo = { model: 'AMD EPYC 7543 32-Core Processor', sockets: 1, cores: 32, cpus: 64, mhz: '2794.748' };
    const { topology, summary } = design(inv);
    assert.equal(topology.host('pve2')?.cpu.speedMHz, 2795);
    assert.equal(topology.host('pve2')?.cpu.vendor, 'amd');
    assert.ok(summary.inferred.some((note) => /CPU clock of 1 node\(s\) \(pve2\) is cpuinfo's "mhz"/.test(note)));
  });

  it('writes a node in HA maintenance mode as maintenance', () => {
    const inv = inventory();
    inv.haStatus = { manager_status: { node_status: { pve1: 'online', pve2: 'maintenance', pve3: 'unknown' } } };
    assert.equal(design(inv).topology.host('pve2')?.state, 'maintenance');
  });

  it('maps guests: CPUs, memory, power, and the VMID beside the id', () => {
    const { topology, text } = design();
    const db = topology.vm('db01');
    assert.deepEqual({ host: db?.host, cpus: db?.cpus, memory: db?.memoryMB }, { host: 'pve2', cpus: 8, memory: 32 * 1024 });
    assert.equal(topology.vm('old-app')?.power, 'off');
    assert.equal(topology.vm('dns1')?.host, 'pve1');
    assert.equal(topology.vm('app-zfs')?.vnics, 2);
    assert.match(text, /^ {2}db01: .* # VM 101, HA started$/m);
    assert.match(text, /^ {2}dns1: .* # CT 200, HA started$/m);
  });

  it('gives guests that share a name their VMID, and keeps the name in the comment', () => {
    const { text } = design();
    assert.match(text, /^ {2}web01-100: .* # "web01", VM 100, HA started$/m);
    assert.match(text, /^ {2}web01-102: {2}# "web01", VM 102$/m);
  });

  it('places each guest on the datastore of its disks: a local disk wins, snapshots are not read', () => {
    const { topology } = design();
    assert.equal(topology.vm('web01-100')?.datastore, 'ceph-vm');
    assert.equal(topology.vm('db01')?.datastore, 'local-lvm-pve2', 'boot disk on Ceph, a data disk on local LVM: pinned to pve2');
    assert.equal(topology.vm('web01-102')?.datastore, 'ceph-vm', 'the snapshot section names local-lvm; the current config does not');
    assert.equal(topology.vm('old-app')?.datastore, 'nfs-store');
    assert.equal(topology.vm('monitor')?.datastore, 'local-lvm-pve3');
  });

  it('writes restartPriority: disabled for every guest HA does not recover', () => {
    const { topology } = design();
    for (const id of ['web01-100', 'db01', 'app-zfs', 'dns1', 'dns2']) assert.equal(topology.vm(id)?.restartPriority, undefined, `${id} is an HA resource`);
    for (const id of ['web01-102', 'old-app', 'monitor']) assert.equal(topology.vm(id)?.restartPriority, 'disabled', `${id} is no HA resource`);
    assert.equal(topology.vm('legacy')?.restartPriority, 'disabled', 'state ignored: the HA stack leaves it alone');
    assert.equal(topology.cluster('prod-pve')?.ha.enabled, true);
  });

  it('takes HA resources in state disabled, or in error, as not recovered', () => {
    const inv = inventory();
    const ha = list(inv, 'haResources');
    const vm101 = ha.find((r) => r.sid === 'vm:101');
    if (vm101) vm101.state = 'disabled';
    resource(inv, 'qemu/100').hastate = 'error';
    const { topology, summary } = design(inv);
    assert.equal(topology.vm('db01')?.restartPriority, 'disabled');
    assert.equal(topology.vm('web01-100')?.restartPriority, 'disabled');
    assert.ok(summary.warnings.some((w) => w.includes('in the error state')));
  });

  it('writes a VM on local ZFS with a replication job as a replica on the job\'s target', () => {
    const { topology } = design();
    const vm = topology.vm('app-zfs');
    assert.equal(vm?.datastore, 'local-zfs-pve1');
    assert.equal(vm?.protection, 'replica');
    assert.equal(vm?.secondaryHost, 'pve2');
  });

  it('maps storages: shared Ceph and NFS once, local LVM-thin and ZFS once per node, backup-only storage left out', () => {
    const { topology, summary } = design();
    assert.deepEqual(topology.datastores.map((d) => d.id), ['ceph-vm', 'local-lvm-pve1', 'local-lvm-pve2', 'local-lvm-pve3', 'local-zfs-pve1', 'local-zfs-pve2', 'nfs-store']);
    const ceph = topology.datastore('ceph-vm');
    assert.deepEqual({ protocol: ceph?.protocol, shared: ceph?.shared, capacity: ceph?.capacityMB, presentedTo: ceph?.presentedTo }, { protocol: 'ceph', shared: true, capacity: 12 * 1024 * 1024, presentedTo: undefined });
    assert.equal(topology.datastore('nfs-store')?.protocol, 'nfs');
    const local = topology.datastore('local-lvm-pve2');
    assert.deepEqual({ protocol: local?.protocol, host: local?.host }, { protocol: 'lvm', host: 'pve2' });
    assert.equal(topology.isLocalDatastore(local ?? ({ id: '' } as never)), true);
    assert.equal(topology.datastore('local-zfs-pve1')?.protocol, 'zfs');
    assert.ok(summary.inferred.some((note) => note.startsWith('2 storage(s) that hold no guest disks left out (local, pbs-backup)')));
  });

  it('writes presentedTo when a shared storage is configured on some nodes only', () => {
    const inv = inventory();
    inv.resources = list(inv, 'resources').filter((r) => r.id !== 'storage/pve3/ceph-vm');
    const { topology } = design(inv);
    assert.deepEqual(topology.datastore('ceph-vm')?.presentedTo, ['pve1', 'pve2']);
    assert.equal(topology.datastore('nfs-store')?.presentedTo, undefined, 'on every node: nothing to say');
  });

  it('writes LVM marked shared (on a SAN LUN) as shared, and a type without a protocol with its type in a comment', () => {
    const inv = inventory();
    list(inv, 'storage').push({ storage: 'san-lvm', type: 'lvm', vgname: 'san', shared: 1, content: 'images' }, { storage: 'gluster', type: 'glusterfs', server: 'g1', volume: 'vms', content: 'images' });
    const { topology, text } = design(inv);
    assert.deepEqual({ protocol: topology.datastore('san-lvm')?.protocol, shared: topology.datastore('san-lvm')?.shared }, { protocol: 'lvm', shared: true });
    assert.match(text, /^ {2}gluster: \{ shared: true \} {2}# glusterfs$/m);
  });

  it('turns HA groups into vm-host rules: restricted must, unrestricted should, priorities in the comment', () => {
    const { topology, text } = design();
    assert.deepEqual(topology.rules.map((r) => r.id), ['dns', 'prefer-pve1']);
    const dns = rule(topology, 'dns');
    assert.deepEqual({ type: dns?.type, vms: dns?.vms, hosts: dns?.hosts, mode: dns?.mode }, { type: 'vm-host', vms: ['dns1', 'dns2'], hosts: ['pve1', 'pve2'], mode: 'must-run-on' });
    assert.equal(rule(topology, 'prefer-pve1')?.mode, 'should-run-on');
    assert.match(text, /^ {2}prefer-pve1: {2}# HA group "prefer-pve1", priorities pve1:2 pve2:1 pve3:1$/m);
    assert.match(text, /^ {2}dns: {2}# HA group "dns", restricted, nofailback$/m);
  });

  it('turns Proxmox VE 9 HA rules into anti-affinity and vm-host rules', () => {
    const inv = inventory();
    inv.haGroups = null;
    for (const r of list(inv, 'haResources')) delete r.group;
    inv.haRules = [
      { rule: 'dns-apart', type: 'resource-affinity', resources: 'ct:200,ct:201', affinity: 'negative' },
      { rule: 'web-home', type: 'node-affinity', resources: 'vm:100', nodes: 'pve1', strict: 1, disable: 1 },
    ];
    const { topology } = design(inv);
    assert.deepEqual(topology.rules.map((r) => r.id), ['dns-apart', 'web-home']);
    assert.deepEqual({ type: rule(topology, 'dns-apart')?.type, vms: rule(topology, 'dns-apart')?.vms }, { type: 'anti-affinity', vms: ['dns1', 'dns2'] });
    const home = rule(topology, 'web-home');
    assert.deepEqual({ type: home?.type, mode: home?.mode, hosts: home?.hosts, enabled: home?.enabled }, { type: 'vm-host', mode: 'must-run-on', hosts: ['pve1'], enabled: false });
  });

  it('writes a QDevice as a file-share witness', () => {
    const inv = inventory();
    inv.qdevice = { Algorithm: 'Fifty-Fifty split', State: 'Connected', Model: 'Net' };
    assert.equal(design(inv).topology.cluster('prod-pve')?.quorum.witness, 'file-share');
  });

  it('says what the inventory does not have: the LAN, and a corosync link that is not redundant', () => {
    const { summary } = imported();
    assert.ok(summary.missing.some((note) => note.startsWith('the LAN and the cabling')));
    assert.ok(summary.missing.some((note) => note.startsWith('a redundant corosync link: every node has a single corosync link')));
    assert.deepEqual(summary.counts, [['cluster', 1], ['host', 3], ['VM', 9], ['datastore', 7], ['rule', 2]]);
  });

  it('gives the same bytes and the same summary for the same inventory, whatever the order of its lists and keys', () => {
    const first = imported();
    const again = imported(shuffled(inventory() as Json));
    assert.equal(again.text, first.text);
    assert.deepEqual(again.summary, first.summary);
  });
});

describe('Proxmox VE import: what the analysis of the imported design sees', () => {
  it('a VM that HA recovers on a local disk; none for a guest HA leaves alone', () => {
    const { findings } = design();
    const local = findings.filter((f) => f.ruleId === 'vm-local-datastore');
    assert.ok(local.some((f) => f.elementIds.includes('db01')), ruleIds(findings).join(', '));
    assert.ok(!local.some((f) => f.elementIds.includes('monitor')), 'restartPriority: disabled says it is deliberately unprotected');
    assert.ok(!ruleIds(findings).includes('management-missing'), 'Proxmox VE manages from every node');
    assert.ok(!ruleIds(findings).includes('storage-protocol-mismatch'));
  });

  it('a cluster without HA resources: HA is off, and ha-disabled names the VMs left down', () => {
    const inv = inventory();
    inv.haResources = [];
    for (const r of list(inv, 'resources')) delete r.hastate;
    const { topology, findings, summary } = design(inv);
    assert.equal(topology.cluster('prod-pve')?.ha.enabled, false);
    assert.ok(ruleIds(findings).includes('ha-disabled'));
    assert.ok(summary.inferred.some((note) => note.startsWith('no guest is an HA resource that the HA manager recovers')));
  });

  it('a restricted HA group on a single node: the must rule leaves its VMs nowhere to go', () => {
    const inv = inventory();
    const dns = list(inv, 'haGroups').find((g) => g.group === 'dns');
    if (dns) dns.nodes = 'pve1';
    assert.ok(ruleIds(design(inv).findings).includes('vm-host-must-too-few-hosts'));
  });

  it('an N+1 shortfall', () => {
    const inv = inventory();
    for (const id of ['qemu/100', 'qemu/101', 'qemu/104']) resource(inv, id).maxmem = 200 * 1024 * 1024 * 1024;
    assert.ok(ruleIds(design(inv).findings).includes('n1-capacity'));
  });
});

describe('Proxmox VE import: recognising the input', () => {
  it('recognises the script\'s object and a bare /cluster/resources list', () => {
    assert.equal(detectProxmox(inventory()), true);
    assert.equal(detectProxmox(inventory().resources), true);
    assert.equal(detectProxmox({ resources: inventory().resources, cluster: [] }), true, 'without the marker, by its keys');
  });

  it('recognises nothing else', () => {
    for (const value of [null, 42, 'text', [], {}, [1, 2], { vtopoInventory: 'hyperv' }, [{ id: 'x', type: 'y' }], { resources: [] }, { VM: 'a', Host: 'b' }]) {
      assert.equal(detectProxmox(value), false, JSON.stringify(value));
    }
  });
});

describe('Proxmox VE import: a bare /cluster/resources list', () => {
  it('imports nodes, guests, storages and HA state, and says what is missing', () => {
    const { text, summary } = imported(inventory().resources);
    const { topology, problems } = parseVtopo(text);
    assert.match(text, /^ {2}pve1: \{ cluster: proxmox, memory: 256 GB \}$/m, 'memory from maxmem; no CPU');
    assert.match(text, /^ {2}pve3: \{ cluster: proxmox, state: disconnected, memory: 256 GB \} {2}# offline when the inventory was taken: CPU not known$/m);
    assert.equal(topology.vm('db01')?.restartPriority, undefined, 'hastate started');
    assert.equal(topology.vm('web01-102')?.restartPriority, 'disabled');
    assert.equal(topology.vm('legacy')?.restartPriority, 'disabled', 'hastate ignored');
    assert.equal(topology.datastore('ceph-vm')?.protocol, 'ceph');
    assert.equal(topology.vm('db01')?.datastore, undefined, 'no configurations: no disks');
    assert.ok(summary.missing.some((note) => note.startsWith('the rest of the inventory: this is a bare /cluster/resources list')), summary.missing.join('\n'));
    assert.ok(problems.every((p) => p.ruleId === 'missing-field'), 'only the CPUs the list does not have');
    assert.ok(problems.some((p) => /cpu/i.test(p.message)));
  });
});

describe('Proxmox VE import: bad input', () => {
  it('a value that is no inventory is refused with a reason', () => {
    assert.throws(() => imported(42), (error: unknown) => error instanceof NotProxmoxError && error.message === 'pve-inventory.json is not a Proxmox VE inventory: number, not an object or a list');
    assert.throws(() => imported({ hello: 'world' }), (error: unknown) => error instanceof NotProxmoxError && /without "vtopoInventory": "proxmox".*\(keys: hello\)/.test(error.message));
  });

  it('an inventory without resources imports what the rest names, and says what is missing', () => {
    const inv = inventory();
    delete inv.resources;
    const { text, summary } = imported(inv);
    assert.ok(summary.missing.some((note) => note.startsWith('resources: no node, VM, container or storage is known')), summary.missing.join('\n'));
    for (const node of ['pve1', 'pve2', 'pve3']) assert.match(text, new RegExp(`^ {2}${node}: \\{ cluster: prod-pve,`, 'm'), 'nodes from /cluster/status');
    assert.equal(parseVtopo(text).topology.vms.length, 0);
  });

  it('values of the wrong type are warnings naming where they are, never a crash', () => {
    const inv = inventory();
    resource(inv, 'qemu/101').maxmem = 'lots';
    resource(inv, 'qemu/100').maxcpu = { cores: 2 };
    (list(inv, 'resources') as Json[]).push(17, 'qemu/999');
    const pve2 = nodeEntry(inv, 'pve2');
    (pve2.status as { cpuinfo: { [key: string]: Json } }).cpuinfo.cores = 'many';
    (pve2.qemu as { [key: string]: Json })['105'] = 12;
    inv.haResources = 'nope';
    inv.haGroups = [{ group: 'g', nodes: 42 }];
    inv.storage = [{ storage: 'odd', type: 'nfs', shared: 'perhaps', content: 'images' }];
    const { text, summary } = imported(inv);
    const expected = [
      'resources: qemu/101: "maxmem" is "lots", not a number; left out',
      'resources: qemu/100: "maxcpu" is an object, not a number; left out',
      'resources: 2 item(s) are not objects; left out',
      'nodes: pve2: status.cpuinfo: "cores" is "many", not a number; left out',
      'nodes: pve2: qemu 105: the configuration is 12, not a list of lines or an object; left out',
      'inventory: "haResources" is not a list; left out (which guests are HA resources is taken from the hastate of /cluster/resources)',
      'haGroups: g: "nodes" is 42, not a list; left out',
      'storage: odd: "shared" is "perhaps", not a flag (0 or 1); left out',
    ];
    for (const warning of expected) assert.ok(summary.warnings.includes(warning), `${warning}\n--- got:\n${summary.warnings.join('\n')}`);
    const problems = parseVtopo(text).problems;
    assert.ok(problems.every((p) => p.ruleId === 'missing-field'), problems.map((p) => p.message).join('\n'));
  });

  it('a node named __proto__ is just a name', () => {
    const text = JSON.stringify(inventory()).replaceAll('pve3', '__proto__');
    const { topology } = design(JSON.parse(text));
    assert.deepEqual(topology.hosts.map((h) => h.id), ['proto', 'pve1', 'pve2']);
    assert.equal(topology.host('proto')?.state, 'disconnected');
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
  });

  it('a newer inventory version is read, with a warning', () => {
    const inv = inventory();
    inv.version = 2;
    assert.ok(imported(inv).summary.warnings.some((w) => w.startsWith('the inventory is version 2')));
  });
});
