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

const PLATFORM: readonly Design[] = [];

// ------------------------------------------------------------------- network

const NETWORK: readonly Design[] = [];

// ----------------------------------------------------------------- inventory

const INVENTORY: readonly Design[] = [];

// ---------------------------------------------------------------------- file

const FILE: readonly Design[] = [];
