// Designs that between them make every rule with a catalog report something, for the
// pseudo-localized run (catalog.test.ts): the examples, and variants of them that break
// what the examples get right. A rule moved to a catalog that none of these triggers gets a
// variant here (docs/l10n.md, "Moving a rule").
import { readdirSync, readFileSync } from 'node:fs';

const example = (name: string) => readFileSync(`examples/${name}`, 'utf8');

/** Each design with a name for messages. */
export function pseudoLocalizationCorpus(): Design[] {
  const examples = readdirSync('examples').filter((name) => name.endsWith('.vtopo')).map((name) => ({ name, text: example(name) }));
  return [
    ...examples,
    ...DOMAINS,
    ...STORAGE,
    ...HARDWARE,
    ...CAPACITY,
    ...PLACEMENT,
    ...PLATFORM,
    ...NETWORK,
    ...INVENTORY,
    ...FILE,
  ];
}

type Design = { readonly name: string; readonly text: string };

// ------------------------------------------------------------------- domains

const DOMAINS: readonly Design[] = [
  // power-single-feed: every device on one feed (a single supply), then both supplies on the A side.
  { name: 'racks-and-power, one supply each', text: example('racks-and-power.vtopo').replace(/power: \[(\S+), \S+\]/g, 'power: [$1]') },
  { name: 'racks-and-power, both supplies on A', text: example('racks-and-power.vtopo').replace(/power: \[(\S+)-a, (\S+)-b\]/g, 'power: [$1-a, $1-a]') },
];

// ------------------------------------------------------------------- storage

const STORAGE: readonly Design[] = [];

// ------------------------------------------------------------------ hardware

const HARDWARE: readonly Design[] = [];

// ------------------------------------------------------------------ capacity

const CAPACITY: readonly Design[] = [];

// ----------------------------------------------------------------- placement

/** A vSphere cluster "prod" of `hosts` hosts esx-01 ... (as test/unit/rules/placement/helpers.ts) with two SAN arrays, the given VMs and extra sections. */
function placement(hosts: number, vms: readonly string[], extra = '', ha = '{}'): string {
  const hostLines = Array.from({ length: hosts }, (_, i) => `  esx-0${i + 1}: { cluster: prod, cpu: { cores: 16, speed: 2 GHz }, memory: 256 GB }`);
  return [
    'vtopo: 1',
    'clusters:',
    `  prod: { ha: ${ha} }`,
    'hosts:',
    ...hostLines,
    'arrays:',
    '  san-a: {}',
    '  san-b: {}',
    'datastores:',
    '  ds-a1: { array: san-a }',
    '  ds-a2: { array: san-a }',
    '  ds-b1: { array: san-b }',
    '  local-01: { host: esx-01 }',
    '  quorum: { protocol: raw, array: san-a, shared: true }',
    'vms:',
    ...vms.map((vm) => `  ${vm}`),
    extra,
  ].join('\n');
}

const sqlNode = (id: string, host: string, more = '') => `${id}: { host: ${host}, memory: 16 GB, datastore: ds-a1, role: sql, guestCluster: sql-gc, vnics: 3, sharedDisks: [quorum]${more} }`;

const PLACEMENT: readonly Design[] = [
  // anti-affinity-same-host, anti-affinity-insufficient-hosts: guest cluster nodes on one host, rule members on one host, too few hosts.
  { name: 'placement, guest cluster nodes on one host', text: placement(3, [sqlNode('sql-01', 'esx-01'), sqlNode('sql-02', 'esx-01')], 'guestClusters:\n  sql-gc: { type: failover, sharedDisk: quorum }') },
  { name: 'placement, rule members on one host', text: placement(2, ['web-01: { host: esx-02, memory: 8 GB }', 'web-02: { host: esx-02, memory: 8 GB }', 'web-03: { host: esx-02, memory: 8 GB }'], 'rules:\n  web-apart: { type: anti-affinity, vms: [web-01, web-02, web-03] }') },
  { name: 'placement, rule members on one host of one', text: placement(1, ['web-01: { host: esx-01, memory: 8 GB }', 'web-02: { host: esx-01, memory: 8 GB }'], 'rules:\n  web-apart: { type: anti-affinity, vms: [web-01, web-02] }') },
  { name: 'placement, rule members, two failures', text: placement(4, ['web-01: { host: esx-01, memory: 8 GB }', 'web-02: { host: esx-02, memory: 8 GB }', 'web-03: { host: esx-03, memory: 8 GB }'], 'rules:\n  web-apart: { type: anti-affinity, vms: [web-01, web-02, web-03] }', '{ admissionControl: { hostFailuresToTolerate: 2 } }') },
  // critical-peers-same-host: one pair, and two pairs on one host.
  { name: 'placement, Exchange and SQL on one host', text: placement(3, ['mail-01: { host: esx-01, memory: 16 GB, role: exchange }', 'db-01: { host: esx-01, memory: 16 GB, role: sql }']) },
  { name: 'placement, two Exchange/SQL pairs on one host', text: placement(3, ['mail-01: { host: esx-01, memory: 16 GB, role: exchange }', 'db-01: { host: esx-01, memory: 16 GB, role: sql }', 'db-02: { host: esx-01, memory: 16 GB, role: mssql }']) },
  // vm-host-must-too-few-hosts: one host of the cluster, none connected, a host of another cluster and one in no cluster.
  { name: 'placement, must run on one host', text: placement(3, ['app-01: { host: esx-01, memory: 8 GB }', 'app-02: { host: esx-01, memory: 8 GB }'], 'rules:\n  app-pinned: { type: vm-host, mode: must-run-on, vms: [app-01, app-02], hosts: [esx-01] }') },
  { name: 'placement, must run on two hosts, two failures', text: placement(4, ['app-01: { host: esx-01, memory: 8 GB }'], 'rules:\n  app-pinned: { type: vm-host, mode: must-run-on, vms: [app-01], hosts: [esx-01, esx-02] }', '{ admissionControl: { hostFailuresToTolerate: 2 } }') },
  { name: 'placement, must run on hosts elsewhere', text: placement(2, ['app-01: { host: esx-01, memory: 8 GB }'], 'rules:\n  app-pinned: { type: vm-host, mode: must-run-on, vms: [app-01], hosts: [dev-01, lone-01] }').replace('  prod: { ha: {} }', '  prod: { ha: {} }\n  dev: {}').replace('arrays:', '  dev-01: { cluster: dev, cpu: { cores: 16, speed: 2 GHz }, memory: 256 GB }\n  lone-01: { cpu: { cores: 16, speed: 2 GHz }, memory: 256 GB }\narrays:') },
  // guest-cluster-size, -vnics, -shared-disk, -role-mismatch.
  { name: 'placement, guest clusters of one node and of none', text: placement(3, [sqlNode('sql-01', 'esx-01'), 'web-01: { host: esx-02, memory: 8 GB, role: web, guestCluster: web-nlb }'], 'guestClusters:\n  sql-gc: { type: failover, sharedDisk: quorum }\n  web-nlb: { type: nlb }\n  empty-gc: { type: failover, sharedDisk: quorum }\n  empty-nlb: { type: nlb }') },
  { name: 'placement, guest cluster of 17 nodes', text: placement(3, Array.from({ length: 17 }, (_, i) => sqlNode(`sql-${i + 1}`, `esx-0${(i % 3) + 1}`)), 'guestClusters:\n  sql-gc: { type: failover, sharedDisk: quorum }\n  big-nlb: { type: nlb }').replace('vms:', `vms:\n${Array.from({ length: 33 }, (_, i) => `  web-${i + 1}: { host: esx-0${(i % 3) + 1}, memory: 1 GB, role: web, guestCluster: big-nlb, vnics: 2 }`).join('\n')}`) },
  { name: 'placement, guest cluster nodes short of vNICs', text: placement(3, [sqlNode('sql-01', 'esx-01').replace('vnics: 3', 'vnics: 2'), sqlNode('sql-02', 'esx-02').replace('vnics: 3', 'vnics: 1'), 'web-01: { host: esx-01, memory: 8 GB, role: web, guestCluster: web-nlb }', 'web-02: { host: esx-02, memory: 8 GB, role: web, guestCluster: web-nlb, vnics: 0 }'], 'guestClusters:\n  sql-gc: { type: failover, sharedDisk: quorum }\n  web-nlb: { type: nlb }') },
  { name: 'placement, guest cluster disks', text: placement(3, [sqlNode('sql-01', 'esx-01'), sqlNode('sql-02', 'esx-02').replace(', sharedDisks: [quorum]', '')], 'guestClusters:\n  sql-gc: { type: failover, sharedDisk: local-01 }\n  fs-gc: { type: failover, sharedDisk: ds-b1 }\n  nas-gc: { type: failover }').replace('vms:', 'vms:\n  fs-01: { host: esx-01, memory: 8 GB, guestCluster: fs-gc, vnics: 3 }\n  fs-02: { host: esx-02, memory: 8 GB, guestCluster: fs-gc, vnics: 3 }\n  nas-01: { host: esx-01, memory: 8 GB, guestCluster: nas-gc, vnics: 3, sharedDisks: [ds-b1] }\n  nas-02: { host: esx-02, memory: 8 GB, guestCluster: nas-gc, vnics: 3, sharedDisks: [ds-b1] }\n  orphan-disk: { host: esx-02, memory: 8 GB, datastore: quorum }').replace('  quorum: { protocol: raw, array: san-a, shared: true }', '  quorum: { protocol: raw, array: san-a, shared: true }\n  fs-local: { host: esx-02 }') },
  { name: 'placement, guest cluster roles', text: placement(3, ['db-01: { host: esx-01, memory: 8 GB, role: sql, guestCluster: db-nlb, vnics: 2 }', 'db-02: { host: esx-02, memory: 8 GB, role: web, guestCluster: db-nlb, vnics: 2 }', 'web-01: { host: esx-01, memory: 8 GB, role: web, guestCluster: web-gc, vnics: 3, sharedDisks: [quorum] }', 'web-02: { host: esx-02, memory: 8 GB, guestCluster: web-gc, vnics: 3, sharedDisks: [quorum] }'], 'guestClusters:\n  db-nlb: { type: nlb, role: sql }\n  web-gc: { type: failover, role: web, sharedDisk: quorum }') },
  // restart-dependency-cycle, -priority: a loop of three rules, a loop within one rule; a dependency restarted later and one never restarted.
  { name: 'placement, restart dependency cycles', text: placement(2, ['dc-01: { host: esx-01, memory: 4 GB, restartPriority: highest }', 'db-01: { host: esx-01, memory: 8 GB, restartPriority: high }', 'app-01: { host: esx-02, memory: 8 GB }', 'a-01: { host: esx-02, memory: 8 GB }', 'b-01: { host: esx-02, memory: 8 GB }'], 'rules:\n  app-waits-db: { type: restart-dependency, vms: [app-01], dependsOn: [db-01] }\n  db-waits-dc: { type: restart-dependency, vms: [db-01], dependsOn: [dc-01] }\n  dc-waits-app: { type: restart-dependency, vms: [dc-01], dependsOn: [app-01] }\n  a-waits-b: { type: restart-dependency, vms: [a-01, b-01], dependsOn: [b-01, a-01] }') },
  { name: 'placement, restart dependency on a lower priority', text: placement(2, ['dc-01: { host: esx-01, memory: 4 GB, restartPriority: disabled }', 'db-01: { host: esx-01, memory: 8 GB, restartPriority: low }', 'app-01: { host: esx-02, memory: 8 GB, restartPriority: high }', 'web-01: { host: esx-02, memory: 8 GB }'], 'rules:\n  app-waits-db: { type: restart-dependency, vms: [app-01], dependsOn: [db-01, dc-01] }\n  web-waits-db: { type: restart-dependency, vms: [web-01], dependsOn: [db-01] }') },
  // heartbeat-datastores: left to HA with too few; one declared; a local, a raw, a barely mounted one; all on one array.
  { name: 'placement, heartbeat datastores left to HA', text: placement(3, []).replace(/ {2}ds-a2: .*\n {2}ds-b1: .*\n/, '').replace('  ds-a1: { array: san-a }', '  ds-a1: { array: san-a, presentedTo: [esx-01, esx-02] }') },
  { name: 'placement, heartbeat datastores left to HA, none shared', text: placement(3, []).replace(/ {2}ds-\w\d: .*\n/g, '') },
  { name: 'placement, heartbeat datastores unusable', text: placement(3, [], '', '{ heartbeatDatastores: [ds-a1, local-01, quorum, ds-b1, lonely] }').replace('  quorum:', '  lonely: { array: san-b, presentedTo: [esx-02] }\n  local-02: { shared: false }\n  quorum:') },
  { name: 'placement, heartbeat datastores none usable', text: placement(3, [], '', '{ heartbeatDatastores: [local-01, local-02] }').replace('  quorum:', '  local-02: { shared: false }\n  quorum:') },
  { name: 'placement, heartbeat datastores on one array', text: placement(3, [], '', '{ heartbeatDatastores: [ds-a1, ds-a2] }') },
  // management-*: no server named; on local storage, at a low restart priority (stated and by default).
  { name: 'placement, management names no server', text: `${placement(3, [])}\nmanagement: { product: vCenter }\n` },
  { name: 'placement, management on local storage', text: `${placement(3, ['vcenter: { host: esx-01, memory: 16 GB, datastore: local-01, restartPriority: medium }', 'vcdb: { host: esx-02, memory: 16 GB, datastore: ds-a1 }'])}\nmanagement:\n  vm: vcenter\n  databaseVm: vcdb\n` },
];

// ------------------------------------------------------------------ platform

const PLATFORM: readonly Design[] = [];

// ------------------------------------------------------------------- network

/** The LAN of each host of `lan()`, `HOST` for the host id: vmk0 over nic1/p0 and nic2/p0, VM-Prod over nic1/p1 and nic2/p1. */
const HOST_LAN = [
  '    virtualSwitches:',
  '      vswitch0:',
  '        uplinks: [HOST/nic1/p0, HOST/nic2/p0, HOST/nic1/p1, HOST/nic2/p1]',
  '        portGroups:',
  '          Management: { vlan: 10, active: [HOST/nic1/p0], standby: [HOST/nic2/p0] }',
  '          VM-Prod: { vlan: 30, active: [HOST/nic1/p1, HOST/nic2/p1] }',
  '    vmkernelPorts:',
  '      vmk0: { roles: [management], portGroup: Management, gateway: 10.0.10.1 }',
].join('\n');

/** A two-host vSphere cluster with a redundant LAN (as test/unit/lan/fixtures.ts): nic1 cabled to lan-1, nic2 to lan-2. `extra` follows the VMs. */
function lan(options: { readonly platform?: string; readonly ha?: string; readonly hostLan?: string; readonly vm?: string; readonly extra?: string } = {}): string {
  const hostLan = options.hostLan ?? HOST_LAN;
  const hosts = ['esx-01', 'esx-02'];
  const nic = '{ type: ethernet, ports: { p0: { speed: 10 Gbps }, p1: { speed: 10 Gbps } } }';
  return [
    'vtopo: 1',
    `platform: ${options.platform ?? 'vsphere'}`,
    'clusters:',
    '  prod:',
    '    ha:',
    '      admissionControl: { policy: percentage, cpuPercent: 50, memoryPercent: 50 }',
    '      heartbeatDatastores: [ds1, ds2]',
    ...(options.ha ? [options.ha] : []),
    'hosts:',
    ...hosts.map((id) => [`  ${id}:`, '    cpu: { cores: 32, speed: 2 GHz }', '    memory: 512 GB', '    adapters:', `      nic1: ${nic}`, `      nic2: ${nic}`, hostLan.replaceAll('HOST', id)].join('\n')),
    'switches:',
    '  lan-1: { type: ethernet, addresses: [10.0.10.1] }',
    '  lan-2: { type: ethernet }',
    'datastores:',
    '  ds1: { protocol: nfs, shared: true }',
    '  ds2: { protocol: nfs, shared: true }',
    'links:',
    ...hosts.flatMap((id) => [`  - [${id}/nic1/p0, lan-1]`, `  - [${id}/nic1/p1, lan-1]`, `  - [${id}/nic2/p0, lan-2]`, `  - [${id}/nic2/p1, lan-2]`]),
    '  - [lan-1, lan-2]',
    'vms:',
    ...hosts.map((id, index) => [`  vm-${index + 1}:`, `    host: ${id}`, '    memory: 16 GB', '    datastore: ds1', '    networks: [VM-Prod]', ...(options.vm ? [options.vm] : [])].join('\n')),
    ...(options.extra ? [options.extra] : []),
  ].join('\n').concat('\n');
}

/** Host vNICs of Hyper-V and Proxmox designs, `HOST` for the host id. */
const vnics = (...lines: string[]) => ['    vmkernelPorts:', ...lines.map((line) => `      ${line}`)].join('\n');

const NETWORK: readonly Design[] = [
  // management-network-spof: one port; one adapter and one switch; no cabled uplink; no uplink at all (cabling unknown).
  { name: 'lan, management on one port', text: lan().replaceAll(/standby: \[esx-0\d\/nic2\/p0\] /g, '') },
  { name: 'lan, management on nic1 to lan-1', text: lan().replaceAll(/standby: \[(esx-0\d)\/nic2\/p0\]/g, 'standby: [$1/nic1/p1]') },
  { name: 'lan, management uncabled', text: lan().replaceAll(/ {2}- \[esx-0\d\/nic\d\/p0, lan-\d\]\n/g, '') },
  { name: 'lan, cabling unknown, no uplink', text: `${lan({ hostLan: ['    virtualSwitches:', '      vswitch0:', '        portGroups:', '          Management: { vlan: 10 }', '    vmkernelPorts:', '      vmk0: { roles: [management], portGroup: Management }'].join('\n') }).replace(/links:\n( {2}- .*\n)*/, '')}inventory: { cabling: unknown }\n` },
  // management-single-stack: both switches in one stack.
  { name: 'lan, one stack', text: lan().replace('addresses: [10.0.10.1] }', 'addresses: [10.0.10.1], stack: tor }').replace('lan-2: { type: ethernet }', 'lan-2: { type: ethernet, stack: tor }') },
  // heartbeat-single-path: no isolation address; two on one switch; one extra address; Hyper-V and Proxmox with one path.
  { name: 'lan, no isolation address', text: lan({ ha: '      useDefaultIsolationAddress: false' }) },
  { name: 'lan, isolation addresses on one switch', text: lan({ ha: '      isolationAddresses: [10.0.10.2]' }).replace('addresses: [10.0.10.1]', 'addresses: [10.0.10.1, 10.0.10.2]') },
  { name: 'lan, one extra isolation address', text: lan({ ha: '      useDefaultIsolationAddress: false\n      isolationAddresses: [10.0.10.2]' }) },
  { name: 'lan, Hyper-V, one cluster network', text: lan({ platform: 'hyperv', hostLan: vnics('vmk0: { roles: [management], active: [HOST/nic1/p0], standby: [HOST/nic2/p0] }') }) },
  { name: 'lan, Proxmox, one corosync link', text: lan({ platform: 'proxmox', hostLan: vnics('vmk0: { roles: [management], active: [HOST/nic1/p0], standby: [HOST/nic2/p0] }') }) },
  { name: 'lan, Proxmox, one host with one corosync link', text: lan({ platform: 'proxmox', hostLan: vnics('vmk0: { roles: [management], active: [HOST/nic1/p0] }', 'vmk2: { roles: [heartbeat], active: [HOST/nic2/p0] }', 'vmk3: { roles: [heartbeat], active: [HOST/nic1/p1] }') }).replace('vmk3: { roles: [heartbeat], active: [esx-02/nic1/p1] }', '') },
  // isolation-response-unsafe: NFS over the management uplinks, on every host and on one.
  { name: 'lan, NFS on the management uplinks', text: lan({ hostLan: `${HOST_LAN}\n      vmk2: { roles: [nfs], portGroup: Management }` }) },
  { name: 'lan, NFS on the management uplinks of one host', text: lan({ hostLan: `${HOST_LAN}\n      vmk2: { roles: [nfs], portGroup: Management }` }).replace('vmk2: { roles: [nfs], portGroup: Management }', 'vmk2: { roles: [nfs], active: [esx-01/nic1/p1] }') },
  // ha-disabled: with the management server and its database among the VMs, and more than five VMs.
  { name: 'lan, HA disabled', text: lan({ ha: '      enabled: false', extra: 'management:\n  product: vCenter Server\n  vm: vm-1\n  databaseVm: vm-2' }) },
  { name: 'lan, HA disabled, many VMs', text: lan({ ha: '      enabled: false' }).replace('vms:\n', `vms:\n${[3, 4, 5, 6, 7].map((n) => `  vm-${n}: { host: esx-01, memory: 4 GB, datastore: ds1 }\n`).join('')}`) },
  // ft-logging-network: no FT logging network; a slow one; two FT VMs on one host.
  { name: 'lan, FT without a logging network', text: lan({ extra: '  ft-1: { host: esx-01, memory: 8 GB, datastore: ds1, protection: ft, secondaryHost: esx-02 }\n  ft-2: { host: esx-02, memory: 8 GB, datastore: ds1, protection: ft, secondaryHost: esx-01 }' }) },
  { name: 'lan, FT on 1 Gbps', text: lan({ hostLan: `${HOST_LAN}\n      vmk3: { roles: [ft], active: [HOST/nic1/p1] }`, extra: '  ft-1: { host: esx-01, memory: 8 GB, datastore: ds1, protection: ft, secondaryHost: esx-02 }' }).replaceAll('p1: { speed: 10 Gbps }', 'p1: { speed: 1 Gbps }') },
  // vm-network-single-switch: VM uplinks all cabled to lan-1; a single VM uplink.
  { name: 'lan, VM uplinks to one switch', text: lan().replaceAll(/(esx-0\d\/nic2\/p1), lan-2/g, '$1, lan-1') },
  { name: 'lan, one VM uplink', text: lan().replaceAll(/VM-Prod: \{ vlan: 30, active: \[(esx-0\d)\/nic1\/p1, esx-0\d\/nic2\/p1\] \}/g, 'VM-Prod: { vlan: 30, active: [$1/nic1/p1] }') },
  // vm-network-missing: a misspelt network (with a suggestion), and a port group one host lacks.
  { name: 'lan, misspelt VM network', text: lan({ vm: '    networks: [VM-Prd]' }).replaceAll('    networks: [VM-Prod]\n', '') },
  { name: 'lan, VM network on one host', text: lan().replace('VM-Prod: { vlan: 30, active: [esx-02/', 'Web: { vlan: 30, active: [esx-02/') },
  // guest-cluster-heartbeat-on-client-network: heartbeat on the client network, on its VLAN, and nodes with one network.
  { name: 'lan, guest cluster heartbeat on the client network', text: lan({ vm: '    guestCluster: sql', extra: 'guestClusters:\n  sql: { type: failover, heartbeatNetwork: VM-Prod, clientNetwork: VM-Prod }' }) },
  { name: 'lan, guest cluster heartbeat on the client VLAN', text: lan({ vm: '    guestCluster: sql', extra: 'guestClusters:\n  sql: { type: failover, heartbeatVlan: 30, clientNetwork: VM-Prod }' }) },
]; 

// ----------------------------------------------------------------- inventory

const INVENTORY: readonly Design[] = [];

// ---------------------------------------------------------------------- file

const FILE: readonly Design[] = [];
