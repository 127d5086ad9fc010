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

const PLACEMENT: readonly Design[] = [];

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
