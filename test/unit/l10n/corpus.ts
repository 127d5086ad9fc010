// Designs that between them make every rule with a catalog report something, for the
// pseudo-localized run (catalog.test.ts): the examples, and variants of them that break
// what the examples get right. A rule moved to a catalog that none of these triggers gets a
// variant here (docs/l10n.md, "Moving a rule").
import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_HOST_LAN, lanDesign } from '../lan/fixtures';

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

/** A dual-fabric FC design (two hosts with two HBAs each, a dual-controller array cabled to both fabrics) to break. */
function fcSan(parts: { readonly hosts?: string; readonly datastores?: string; readonly links: readonly string[] }): string {
  const host = (id: string) => `  ${id}:\n    cpu: { cores: 16, speed: 2 GHz }\n    memory: 256 GB\n    adapters:\n      hba1: { type: fc, ports: { p0: {}, p1: {} } }\n      hba2: { type: fc, ports: { p0: {}, p1: {} } }\n`;
  return [
    'vtopo: 1',
    'clusters:',
    '  prod: {}',
    'hosts:',
    (parts.hosts ?? `${host('esx-01')}${host('esx-02')}`).trimEnd(),
    'switches:',
    '  fc-a: { type: fc, fabric: A }',
    '  fc-b: { type: fc, fabric: B }',
    'arrays:',
    '  fq:',
    '    controllers:',
    '      a: { ports: { fc0: { type: fc }, fc1: { type: fc }, fc2: { type: fc } } }',
    '      b: { ports: { fc0: { type: fc }, fc1: { type: fc }, fc2: { type: fc } } }',
    'datastores:',
    parts.datastores ?? '  ds1: { array: fq, lun: 1 }',
    'links:',
    ...parts.links.map((link) => `  - ${link}`),
    'vms:',
    '  vm1: { host: esx-01, memory: 4 GB, datastore: ds1 }',
    '  vm2: { host: esx-02, memory: 4 GB, datastore: ds1 }',
    '',
  ].join('\n');
}

const ARRAY_BOTH_FABRICS = ['[fq/a/fc0, fc-a]', '[fq/a/fc1, fc-b]', '[fq/b/fc0, fc-a]', '[fq/b/fc1, fc-b]'];

const STORAGE: readonly Design[] = [
  // array-single-controller, vm-local-datastore, storage-path-spof: the examples.
  // host-ports-same-switch (FC, one switch), fabrics-joined, controller-single-fabric (with its free port).
  {
    name: 'fc san, miscabled',
    text: fcSan({ links: ['[esx-01/hba1/p0, fc-a]', '[esx-01/hba2/p0, fc-a]', '[esx-02/hba2/p0, fc-b]', '[fq/a/fc0, fc-a]', '[fq/a/fc1, fc-a]', '[fq/b/fc0, fc-a]', '[fq/b/fc1, fc-b]', '[fc-a, fc-b]'] }),
  },
  // host-ports-same-switch (one fabric of two switches), single-storage-adapter, datastore-not-presented, datastore-unreachable (esx-04 uncabled).
  {
    name: 'fc san, one adapter, LUN masked',
    text: fcSan({
      hosts: '  esx-01:\n    cpu: { cores: 16, speed: 2 GHz }\n    memory: 256 GB\n    adapters:\n      hba1: { type: fc, ports: { p0: {}, p1: {} } }\n  esx-02:\n    cpu: { cores: 16, speed: 2 GHz }\n    memory: 256 GB\n    adapters:\n      hba1: { type: fc, ports: { p0: {} } }\n  esx-03:\n    cpu: { cores: 16, speed: 2 GHz }\n    memory: 256 GB\n    adapters:\n      hba1: { type: fc, ports: { p0: {} } }\n      hba2: { type: fc, ports: { p0: {} } }\n  esx-04:\n    cpu: { cores: 16, speed: 2 GHz }\n    memory: 256 GB\n    adapters:\n      hba1: { type: fc, ports: { p0: {} } }\n      hba2: { type: fc, ports: { p0: {} } }\n',
      datastores: '  ds1: { array: fq, lun: 1, presentedTo: [esx-02] }\n  ds2: { array: fq, lun: 2, presentedTo: [esx-01, esx-02, esx-03] }\n  ds3: { array: fq, lun: 3 }',
      links: ['[esx-01/hba1/p0, fc-a]', '[esx-01/hba1/p1, fc-a2]', '[esx-02/hba1/p0, fc-a]', '[esx-03/hba1/p0, fc-a]', '[esx-03/hba2/p0, fc-b]', ...ARRAY_BOTH_FABRICS],
    })
      .replace('  fc-b: { type: fc, fabric: B }', '  fc-b: { type: fc, fabric: B }\n  fc-a2: { type: fc, fabric: A }')
      .replace('vms:', 'vms:\n  vm3: { host: esx-03, memory: 4 GB, datastore: ds2 }\n  vm4: { host: esx-04, memory: 4 GB, datastore: ds3 }'),
  },
];

// ------------------------------------------------------------------ hardware

const av100 = () => example('iscsi-av100-g6.vtopo');

const HARDWARE: readonly Design[] = [
  // hba-redundancy: the storage variants. array-throughput-minimum (stated), storage-demand-exceeds-capacity (array and host, more VMs than it names).
  {
    name: 'iscsi-av100-g6, slow array, busy VMs',
    text: av100().replace('throughput: 400 MB/s', 'throughput: 100 MB/s').replaceAll('    datastore: vmfs-0', '    diskThroughput: 300 MB/s\n    datastore: vmfs-0'),
  },
  // array-throughput-minimum (estimated from the cabled ports), storage-demand-exceeds-capacity against the ports.
  {
    name: 'iscsi-av100-g6, no stated throughput, slow ports',
    text: av100().replace('    throughput: 400 MB/s\n', '').replaceAll('{ type: iscsi, speed: 1 Gbps,', '{ type: iscsi, speed: 100 Mbps,').replace('    datastore: vmfs-01\n', '    diskThroughput: 300 MB/s\n    datastore: vmfs-01\n'),
  },
  // array-preset-mismatch: one controller and six iSCSI ports on a dual-controller model with four.
  { name: 'iscsi-av100-g6, named FQ816R', text: av100().replace('model: AV100-G6', 'model: FQ816R') },
  // hba-mixed-firmware: vendors, then firmware.
  { name: 'iscsi-av100-g6, mixed NIC vendors', text: av100().replace('vendor: Intel', 'vendor: Broadcom') },
  {
    name: 'iscsi-av100-g6, mixed NIC firmware',
    text: av100().replace('vendor: Intel\n        model', 'vendor: Intel\n        firmware: 1.0\n        model').replace('vendor: Intel\n        model', 'vendor: Intel\n        firmware: 2.0\n        model'),
  },
  // iscsi-port-binding: two active uplinks and a standby, a shared uplink, no active uplink.
  {
    name: 'iscsi-av100-g6, port binding broken',
    text: av100()
      .replace('vmk1: { roles: [iscsi], active: [esx-01/nic1/p0]', 'vmk1: { roles: [iscsi], active: [esx-01/nic1/p0, esx-01/nic1/p1], standby: [esx-01/nic2/p0]')
      .replace('vmk2: { roles: [iscsi], active: [esx-01/nic2/p0]', 'vmk2: { roles: [iscsi], active: [esx-01/nic1/p0]')
      .replace('vmk3: { roles: [iscsi], active: [esx-01/nic1/p1]', 'vmk3: { roles: [iscsi], active: []'),
  },
  // iscsi-shared-network: a port, a VMkernel port and an uplink shared with other traffic.
  {
    name: 'iscsi-av100-g6, iSCSI shares ports',
    text: av100()
      .replace('p0: { speed: 1 Gbps, roles: [iscsi]', 'p0: { speed: 1 Gbps, roles: [iscsi, vm]')
      .replace('vmk1: { roles: [iscsi], active: [esx-02/nic1/p0]', 'vmk1: { roles: [iscsi, vmotion], active: [esx-02/nic1/p0]')
      .replace('vmk5: { roles: [vmotion], active: [esx-03/nic1/p3]', 'vmk5: { roles: [vmotion], active: [esx-03/nic1/p0]'),
  },
  // iscsi-single-subnet: a host and the array in one subnet, initiators in a subnet without targets.
  {
    name: 'iscsi-av100-g6, one subnet',
    text: av100()
      .replace('vmk3: { roles: [iscsi], active: [esx-01/nic1/p1], subnet: 10.10.2.0/24', 'vmk3: { roles: [iscsi], active: [esx-01/nic1/p1], subnet: 10.10.1.0/24')
      .replace('vmk4: { roles: [iscsi], active: [esx-01/nic2/p1], subnet: 10.10.2.0/24', 'vmk4: { roles: [iscsi], active: [esx-01/nic2/p1], subnet: 10.10.1.0/24')
      .replaceAll('subnet: 10.10.2.0/24, mtu: 9000, address', 'subnet: 10.10.1.0/24, mtu: 9000, address'),
  },
  // mtu-mismatch: a switch below its ports, a storage port at 1500 on a jumbo switch, two switches that differ, a VMkernel port above its uplink.
  {
    name: 'iscsi-av100-g6, MTU mismatches',
    text: av100()
      .replace('iscsi-a: { type: ethernet, fabric: A, subnet: 10.10.1.0/24, mtu: 9000', 'iscsi-a: { type: ethernet, fabric: A, subnet: 10.10.1.0/24, mtu: 1500')
      .replace('p1: { type: iscsi, speed: 1 Gbps, subnet: 10.10.2.0/24, mtu: 9000', 'p1: { type: iscsi, speed: 1 Gbps, subnet: 10.10.2.0/24, mtu: 1500')
      .replace('p2: { speed: 1 Gbps, roles: [management, vm] }', 'p2: { speed: 1 Gbps, roles: [management, vm], mtu: 1500 }')
      .replace('vmk0: { roles: [management], active: [esx-01/nic1/p2], standby: [esx-01/nic2/p2], vlan: 10 }', 'vmk0: { roles: [management], active: [esx-01/nic1/p2], standby: [esx-01/nic2/p2], vlan: 10, mtu: 9000 }')
      .replace('links:\n', 'links:\n  - [iscsi-a, iscsi-b]\n'),
  },
];

// ------------------------------------------------------------------ capacity

const CAPACITY: readonly Design[] = [];

// ----------------------------------------------------------------- placement

const PLACEMENT: readonly Design[] = [];

// ------------------------------------------------------------------ platform

const platformHosts = (count: number, extra = '') => Array.from({ length: count }, (_, i) => `  h${i + 1}: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 256 GB${extra} }`).join('\n');
const platformVms = (count: number, host: string, extra = '') => Array.from({ length: count }, (_, i) => `  v${i + 1}: { host: ${host}, memory: 1 GB${extra} }`).join('\n');
const platformDesign = (header: string, cluster: string, body: string) => `vtopo: 1\n${header}\nclusters:\n  prod: ${cluster}\nhosts:\n${body}\n`;
const cpuHost = (id: string, cpu: string) => `  ${id}: { cpu: { cores: 16, speed: 2.4 GHz${cpu} }, memory: 256 GB }`;
const protocolDesign = (platform: string, protocol: string, vms: number) =>
  platformDesign(`platform: ${platform}`, '{}', `${platformHosts(2)}\narrays:\n  nas: { model: Generic }\ndatastores:\n  ds: { protocol: ${protocol}, array: nas }${vms > 0 ? `\nvms:\n${platformVms(vms, 'h1', ', datastore: ds')}` : ''}`);
const VMOTION_PORT_GROUP = 'vMotion: { vlan: 20, active: [HOST/nic2/p0], standby: [HOST/nic1/p0] }';

const PLATFORM: readonly Design[] = [
  // cluster-size-limit: hosts and VMs over a release's limits, with the release assumed or unreadable.
  { name: 'vSphere 6.7, 65 hosts', text: platformDesign('platform: vsphere\nplatformVersion: "6.7"', '{}', platformHosts(65)) },
  { name: 'vSphere, no version, 97 hosts', text: platformDesign('platform: vsphere', '{}', platformHosts(97)) },
  { name: 'Hyper-V 2008 R2, 1,001 VMs', text: platformDesign('platform: hyperv\nplatformVersion: "2008 R2"', '{}', `${platformHosts(2)}\nvms:\n${platformVms(1001, 'h1')}`) },
  { name: 'Hyper-V vNext, 65 hosts', text: platformDesign('platform: hyperv\nplatformVersion: "vNext"', '{}', platformHosts(65)) },
  // host-vm-limit: over the release's VMs per host, over the host's own maxVms.
  { name: 'vSphere 5.5, 513 VMs on a host', text: platformDesign('platform: vsphere\nplatformVersion: "5.5"', '{}', `${platformHosts(2)}\nvms:\n${platformVms(513, 'h1')}`) },
  { name: 'maxVms 2, 3 VMs', text: platformDesign('platform: vsphere', '{}', `${platformHosts(2, ', maxVms: 2')}\nvms:\n${platformVms(3, 'h1')}`) },
  // ha-single-host: no VM, one VM, several VMs.
  { name: 'one host, no VM', text: platformDesign('platform: vsphere', '{}', platformHosts(1)) },
  { name: 'one host, one VM', text: platformDesign('platform: vsphere', '{}', `${platformHosts(1)}\nvms:\n${platformVms(1, 'h1')}`) },
  { name: 'one host, three VMs', text: platformDesign('platform: vsphere', '{}', `${platformHosts(1)}\nvms:\n${platformVms(3, 'h1')}`) },
  // ha-minimum-hosts: two Proxmox VE nodes.
  { name: 'Proxmox VE, two nodes', text: platformDesign('platform: proxmox\nplatformVersion: "8.4"', '{}', platformHosts(2)) },
  // storage-protocol-platform and storage-protocol-mismatch: no VM, one VM, more than five VMs.
  { name: 'Hyper-V on NFS, one VM', text: protocolDesign('hyperv', 'nfs', 1) },
  { name: 'vSphere on SMB, no VM', text: protocolDesign('vsphere', 'smb', 0) },
  { name: 'CSV on vSphere, seven VMs', text: protocolDesign('vsphere', 'csv', 7) },
  { name: 'VMFS on Hyper-V, no VM', text: protocolDesign('hyperv', 'vmfs', 0) },
  // migration-cpu-vendor, migration-cpu-compatibility: vendors, known and unknown generations, a baseline above a host.
  { name: 'Intel and AMD', text: platformDesign('platform: vsphere', '{}', `${cpuHost('h1', ', vendor: intel')}\n${cpuHost('h2', ', vendor: amd, family: amd-zen3')}`) },
  { name: 'Ice Lake and Skylake', text: platformDesign('platform: vsphere', '{}', `${cpuHost('h1', ', vendor: intel, family: intel-icelake')}\n${cpuHost('h2', ', vendor: intel, family: intel-skylake')}`) },
  { name: 'unknown generations, Hyper-V', text: platformDesign('platform: hyperv', '{}', `${cpuHost('h1', ', family: gen-a')}\n${cpuHost('h2', ', family: gen-b')}`) },
  { name: 'baseline above a host', text: platformDesign('platform: vsphere', '\n    cpuCompatibility: intel-icelake', `${cpuHost('h1', ', family: intel-icelake')}\n${cpuHost('h2', ', family: Cascade Lake')}`) },
  // migration-network: no port, one port, one switch, shared with iSCSI, slow ports, a slow stated network.
  { name: 'no vMotion port, one vMotion port', text: platformDesign('platform: vsphere', '{}', '  h1: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 256 GB, adapters: { nic1: { type: ethernet, ports: { p0: { speed: 10 Gbps, roles: [management] } } } } }\n  h2: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 256 GB, adapters: { nic1: { type: ethernet, ports: { p0: { speed: 10 Gbps, roles: [vmotion] }, p1: { speed: 10 Gbps, roles: [vm] } } } } }') },
  { name: 'vMotion uplinks to one switch', text: lanDesign({ lanLinks: ['[HOST/nic1/p0, lan-1]', '[HOST/nic1/p1, lan-1]', '[HOST/nic2/p0, lan-1]', '[HOST/nic2/p1, lan-1]'] }) },
  { name: 'vMotion and iSCSI on one uplink', text: lanDesign({ hostLan: DEFAULT_HOST_LAN.replace(VMOTION_PORT_GROUP, `${VMOTION_PORT_GROUP}\n          iSCSI: { vlan: 40, active: [HOST/nic2/p0] }`).concat('      vmk2: { roles: [iscsi], portGroup: iSCSI }\n') }) },
  { name: 'vMotion at 100 Mbps', text: lanDesign().replaceAll('speed: 10 Gbps', 'speed: 100 Mbps') },
  { name: 'migrationNetworkMbps 100', text: platformDesign('platform: vsphere', '{ migrationNetworkMbps: 100 }', '  h1: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 256 GB, adapters: { nic1: { type: ethernet, ports: { p0: { speed: 10 Gbps, roles: [management] } } } } }\n  h2: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 256 GB, adapters: { nic1: { type: ethernet, ports: { p0: { speed: 10 Gbps, roles: [management] } } } } }') },
  // free-edition, edition-no-live-migration, drs-edition: a host's own edition and the file default.
  { name: 'free ESXi in an HA cluster', text: platformDesign('platform: vsphere', '{}', `${platformHosts(1, ', edition: Free')}\n  h2: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 256 GB, edition: enterprise-plus }`) },
  { name: 'free ESXi by default, HA on', text: platformDesign('platform: vsphere\nedition: vSphere Hypervisor', '{}', platformHosts(2)) },
  { name: 'free ESXi, HA off', text: platformDesign('platform: vsphere', '{ ha: { enabled: false } }', platformHosts(2, ', edition: free')) },
  { name: 'free ESXi by default, HA off', text: platformDesign('platform: vsphere\nedition: free', '{ ha: { enabled: false } }', platformHosts(2)) },
  { name: 'Standard with DRS', text: platformDesign('platform: vsphere', '{ drs: { enabled: true } }', platformHosts(2, ', edition: Standard')) },
  { name: 'Standard by default with DRS', text: platformDesign('platform: vsphere\nedition: vSphere Standard', '{ drs: { enabled: true } }', platformHosts(2)) },
  // vm-sprawl: powered off and suspended with and without a date, idle, priced in USD and EUR, a one-day threshold.
  {
    name: 'sprawl, priced in USD',
    text: platformDesign('platform: vsphere', '{}', `${platformHosts(2)}\nvms:\n  old-1: { host: h1, memory: 4 GB, power: off }\n  old-2: { host: h2, memory: 4 GB, lastActive: 2024-12-01 }\n  old-3: { host: h2, memory: 4 GB, power: suspended, lastActive: 2024-01-01 }\n  old-4: { host: h2, memory: 4 GB, power: off, lastActive: 2024-01-01 }\ncosts:\n  hostCost: 30000\n  consolidationRatio: 15\nanalysis:\n  asOf: 2025-06-30`),
  },
  {
    name: 'sprawl, priced in EUR from the design',
    text: platformDesign('platform: vsphere', '{}', `${platformHosts(2)}\nvms:\n${platformVms(6, 'h1')}\n  old: { host: h1, memory: 4 GB, power: suspended }\ncosts:\n  currency: EUR\n  hostCost: 9000\nanalysis:\n  asOf: 2025-06-30`),
  },
  {
    name: 'sprawl, one powered-on VM on one host, a one-day threshold',
    text: platformDesign('platform: vsphere', '{ ha: { enabled: false } }', `${platformHosts(1)}\nvms:\n  v1: { host: h1, memory: 1 GB }\n  old: { host: h1, memory: 4 GB, lastActive: 2025-06-27 }\ncosts:\n  hostCost: 9000\nanalysis:\n  asOf: 2025-06-30\n  rules:\n    vm-sprawl: { idleDays: 1 }`),
  },
];

// ------------------------------------------------------------------- network

const NETWORK: readonly Design[] = [];

// ----------------------------------------------------------------- inventory

const INVENTORY: readonly Design[] = [];

// ---------------------------------------------------------------------- file

const FILE: readonly Design[] = [];
