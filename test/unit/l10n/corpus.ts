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

const STORAGE: readonly Design[] = [];

// ------------------------------------------------------------------ hardware

const HARDWARE: readonly Design[] = [];

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
