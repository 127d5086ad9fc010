// Designs that between them make every rule with a catalog report something, for the
// pseudo-localized run (catalog.test.ts): the examples, and variants of them that break
// what the examples get right. A rule moved to a catalog that none of these triggers gets a
// variant here (docs/l10n.md, "Moving a rule").
import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_HOST_LAN, lanDesign } from '../lan/fixtures';
import { publishedExampleDesign } from '../capacity/published-example';
import { threeHosts } from '../rules/capacity/helpers';

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

const METRO = example('hyperv-metro.vtopo');
const CSV01_MIRROR = '    mirror: { array: arr-west, mode: sync, access: uniform, witness: witness }';
const CSV02_MIRROR = '    mirror: { array: arr-east, mode: sync, access: uniform, preferred: arr-east, witness: witness }';

/** The metro example as a vSphere cluster, for the vSphere-only stretched checks. */
function metroOnVsphere(text: string): string {
  return text.replace('platform: hyperv', 'platform: vsphere').replace('platformVersion: "2022"', 'platformVersion: "8.0"').replace('edition: datacenter', 'edition: enterprise-plus');
}

const DOMAINS: readonly Design[] = [
  // power-single-feed: every device on one feed (a single supply), then both supplies on the A side.
  { name: 'racks-and-power, one supply each', text: example('racks-and-power.vtopo').replace(/power: \[(\S+), \S+\]/g, 'power: [$1]') },
  { name: 'racks-and-power, both supplies on A', text: example('racks-and-power.vtopo').replace(/power: \[(\S+)-a, (\S+)-b\]/g, 'power: [$1-a, $1-a]') },
  // failure-domain-conflict: a host in a site its rack is not in, a UPS fed from its own PDU, a site link joining one site.
  {
    name: 'racks-and-power, contradictory places',
    text: example('racks-and-power.vtopo')
      .replace('  dc1: { description: Main data centre }', '  dc1: { description: Main data centre }\n  dc2: {}')
      .replace('    rack: r01\n', '    site: dc2\n    rack: r01\n')
      .replace('  ups-a: { type: ups, site: dc1 }', '  ups-a: { type: ups, site: dc1, fedFrom: r01-a }'),
  },
  { name: 'metro, a site link from a site to itself', text: METRO.replace('east-west: { sites: [east, west]', 'east-west: { sites: [east, east]') },
  // mirror-legs-shared-domain: a mirror onto its own array, and both arrays in one site.
  { name: 'metro, mirrors in one site', text: METRO.replace(CSV01_MIRROR, '    mirror: { array: arr-east, mode: sync, witness: witness }').replace('    site: west\n    controllers:', '    site: east\n    controllers:') },
  // async-only-critical: with and without an RPO.
  { name: 'metro, asynchronous copies', text: METRO.replace(CSV01_MIRROR, '    mirror: { array: arr-west, mode: async, rpo: 15 min }').replace(CSV02_MIRROR, '    mirror: { array: arr-east, mode: async }') },
  // stretched-admission-control: too little reserved, too few host failures, disabled.
  { name: 'metro, 25% reserved', text: METRO.replace('        cpuPercent: 50\n        memoryPercent: 50', '        cpuPercent: 25\n        memoryPercent: 25') },
  { name: 'metro, one host failure tolerated', text: METRO.replace('        policy: percentage\n        cpuPercent: 50\n        memoryPercent: 50', '        policy: slots\n        hostFailuresToTolerate: 1') },
  { name: 'metro, admission control disabled', text: METRO.replace('        policy: percentage\n        cpuPercent: 50\n        memoryPercent: 50', '        policy: disabled') },
  // stretched-witness: mirrors without a witness or with one in a data site; no quorum witness; a file-share witness and a disk witness in a data site.
  { name: 'metro, mirror witnesses missing', text: METRO.replace(CSV01_MIRROR, '    mirror: { array: arr-west, mode: sync }').replace(CSV02_MIRROR, '    mirror: { array: arr-east, mode: sync, witness: east }') },
  { name: 'metro, no quorum witness', text: METRO.replace('    quorum:\n      witness: cloud', '    quorum:\n      witness: none') },
  { name: 'metro, file-share witness in east', text: METRO.replace('    quorum:\n      witness: cloud', '    quorum:\n      witness: file-share\n      witnessSwitch: core-e1') },
  { name: 'metro, disk witness in east', text: METRO.replace('    quorum:\n      witness: cloud', '    quorum:\n      witness: disk\n      witnessDatastore: csv-01').replace(`${CSV01_MIRROR}\n`, '') },
  // stretched-preferred-site: the mirrors prefer copies in both sites.
  { name: 'metro, mirrors preferring both sites', text: METRO.replace(CSV02_MIRROR, '    mirror: { array: arr-east, mode: sync, witness: witness }') },
  // site-link-latency: synchronous replication, a stretched cluster and a witness over slow links.
  { name: 'metro, 8 ms between the sites', text: METRO.replace('rtt: 2 ms, bandwidth: 20 Gbps', 'rtt: 8 ms, bandwidth: 20 Gbps') },
  { name: 'metro on vSphere, slow links', text: metroOnVsphere(METRO.replace('rtt: 2 ms, bandwidth: 20 Gbps', 'rtt: 15 ms, bandwidth: 20 Gbps').replace('east-witness: { sites: [east, witness], rtt: 20 ms', 'east-witness: { sites: [east, witness], rtt: 250 ms')) },
  // The vSphere checks: heartbeat datastores (none, one site missing), isolation addresses (none, one site missing), site affinity (loose VMs, a must rule).
  { name: 'metro on vSphere, no heartbeat datastores', text: metroOnVsphere(METRO.replace('      heartbeatDatastores: [csv-01, csv-02]\n', '')) },
  { name: 'metro on vSphere, heartbeat datastores in east', text: metroOnVsphere(METRO.replace(`${CSV01_MIRROR}\n`, '').replace(`${CSV02_MIRROR}\n`, '').replace('heartbeatDatastores: [csv-01, csv-02]', 'heartbeatDatastores: [csv-01]')) },
  { name: 'metro on vSphere, isolation address in east', text: metroOnVsphere(METRO.replace('addresses: [10.0.10.1], site: west', 'site: west')) },
  { name: 'metro on vSphere, no isolation address', text: metroOnVsphere(METRO.replace('      resiliencyPeriod: 240 s\n', '      useDefaultIsolationAddress: false\n')) },
  {
    name: 'metro on vSphere, VMs tied to sites',
    text: metroOnVsphere(METRO.replace('rules:\n', 'rules:\n  east-vms: { type: vm-host, vms: [dc-01, sql-01, app-01], hosts: [hv-e1, hv-e2], mode: should-run-on }\n  west-vms: { type: vm-host, vms: [app-02], hosts: [hv-w1, hv-w2], mode: must-run-on }\n')),
  },
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

const CAPACITY: readonly Design[] = [
  // ha-admission-control and ha-capacity-report: each policy, met and not met, with multi-slot VMs and derived percentages.
  { name: 'slot example, two host failures', text: publishedExampleDesign('{ policy: slots, hostFailuresToTolerate: 2 }') },
  { name: 'slot example, slot cap', text: publishedExampleDesign('{ policy: slots, slotCpuMHz: 1000, slotMemoryMB: 1024 }') },
  { name: 'slot example, 75% CPU reserved', text: publishedExampleDesign('{ policy: percentage, cpuPercent: 75, memoryPercent: 25 }') },
  { name: 'slot example, percentages for two failures', text: publishedExampleDesign('{ policy: percentage, hostFailuresToTolerate: 2 }') },
  {
    name: 'slot example, failover host too small',
    text: publishedExampleDesign('{ policy: failover-hosts, failoverHosts: [H3, H4] }')
      .replace('VM5: { host: H3', 'VM5: { host: H2')
      .replace('VM1: { host: H1, memory: 1 GB, reservation: { cpu: 2 GHz, memory: 1 GB } }', 'VM1: { host: H1, memory: 6 GB, reservation: { cpu: 2 GHz, memory: 6 GB } }')
      .replace('vms:\n', '  H4: { cpu: { cores: 1, speed: 6 GHz }, memory: 6 GB, state: maintenance }\nvms:\n'),
  },
  { name: 'slot example, two dedicated failover hosts', text: publishedExampleDesign('{ policy: failover-hosts, hostFailuresToTolerate: 2, failoverHosts: [H2, H3] }') },
  // admission-control-disabled (with its quick fix), and the report of a disabled policy.
  { name: 'three hosts, admission control disabled', text: threeHosts('{ policy: disabled }', '  a: { host: esx-01, memory: 8 GB }\n') },
  // failover-host-runs-vms: a VM on the dedicated failover host.
  { name: 'three hosts, a VM on the failover host', text: threeHosts('{ policy: failover-hosts, failoverHosts: [esx-03] }', '  a: { host: esx-01, memory: 8 GB }\n  b: { host: esx-03, memory: 8 GB }\n') },
  // n1-capacity: a reservation that does not fit, configured memory that does not fit (several VMs), no host left.
  {
    name: 'three hosts, reservations that do not fit',
    text: threeHosts('{ policy: percentage }', '  sql-01: { host: esx-01, memory: 40 GB, reservation: { memory: 40 GB } }\n  a: { host: esx-02, memory: 30 GB, reservation: { memory: 30 GB } }\n  b: { host: esx-03, memory: 30 GB, reservation: { memory: 30 GB } }\n'),
  },
  {
    name: 'three hosts, VMs too large to restart',
    text: threeHosts('{ policy: percentage }', '  a1: { host: esx-01, memory: 30 GB }\n  a2: { host: esx-01, memory: 30 GB }\n  b: { host: esx-02, memory: 50 GB, reservation: { memory: 20 GB } }\n  c: { host: esx-03, memory: 50 GB, reservation: { memory: 20 GB } }\n'),
  },
  {
    name: 'two hosts, one in maintenance',
    text: 'vtopo: 1\nclusters:\n  prod: {}\nhosts:\n  esx-01: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB }\n  esx-02: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB, state: maintenance }\nvms:\n  a: { host: esx-01, memory: 8 GB }\n',
  },
  // n1-headroom: 114 GB of VMs on the 128 GB two hosts keep.
  { name: 'three hosts, little headroom', text: threeHosts('{ policy: percentage }', ['esx-01', 'esx-02', 'esx-03'].map((host) => `  ${host}-a: { host: ${host}, memory: 19 GB }\n  ${host}-b: { host: ${host}, memory: 19 GB }\n`).join('')) },
];

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

/** Two hosts with two single-port FC HBAs each and one shared LUN whose paths each host lists (the lun-single-path tests' design). */
function lunPaths(paths: string, deadPaths = '', esx1Adapters = 'vmhba2: { type: fc, ports: { vmhba2: {} } }\n      vmhba3: { type: fc, ports: { vmhba3: {} } }'): string {
  return `vtopo: 1
clusters:
  prod: {}
hosts:
  esx-01:
    cpu: { cores: 16, speed: 2 GHz }
    memory: 256 GB
    adapters:
      ${esx1Adapters}
  esx-02:
    cpu: { cores: 16, speed: 2 GHz }
    memory: 256 GB
    adapters:
      vmhba2: { type: fc, ports: { vmhba2: { address: "21:00:00:24:ff:00:00:01" } } }
      vmhba3: { type: fc, ports: { vmhba3: { address: "21:00:00:24:ff:00:00:02" } } }
datastores:
  lun-01:
    shared: true
    paths: ${paths}
${deadPaths}`;
}

/** An imported design whose cables are not drawn (the cabling-unknown tests' design). */
function uncabled(inventory: string, esx2Adapters = '      hba1: { type: fc, ports: { p0: {}, p1: {} } }'): string {
  return `vtopo: 1
${inventory}
clusters:
  prod: {}
hosts:
  esx-01:
    cpu: { cores: 16, speed: 2 GHz }
    memory: 256 GB
    adapters:
      hba1: { type: fc, ports: { p0: {}, p1: {} } }
      nic1: { type: ethernet, ports: { p0: {}, p1: { roles: [iscsi] } } }
  esx-02:
    cpu: { cores: 16, speed: 2 GHz }
    memory: 256 GB
    adapters:
${esx2Adapters}
switches:
  fc-a: { type: fc }
arrays:
  san: { controllers: { a: { ports: { fc0: { type: fc } } } } }
datastores:
  lun-01: { array: san }
links: []
vms:
  vm-1: { host: esx-01, memory: 4 GB, datastore: lun-01 }
`;
}

const fcPath = (initiator: string, target: string) => `"fc.2000002400000000:${initiator}-fc.5006016000000000:${target}-naa.600601"`;

const INVENTORY: readonly Design[] = [
  // lun-single-path: a single path with a dead one, paths from one card, paths to one target, no working path, several hosts short.
  { name: 'LUN, a single path and a dead one', text: lunPaths('{ esx-01: [vmhba2:C0:T0:L1, vmhba3:C0:T0:L1], esx-02: [vmhba2:C0:T0:L1] }', '    deadPaths: { esx-02: [vmhba3:C0:T0:L1] }') },
  { name: 'LUN, paths from one card', text: lunPaths('{ esx-01: [vmhba2:C0:T0:L1, vmhba3:C0:T0:L1], esx-02: [vmhba2:C0:T0:L1, vmhba3:C0:T0:L1] }', '', 'vmhba2: { type: fc, ports: { vmhba2: {}, vmhba3: {} } }') },
  { name: 'LUN, paths to one target', text: lunPaths(`{ esx-01: [vmhba2:C0:T0:L1, vmhba3:C0:T0:L1], esx-02: [${fcPath('21000024ff000001', '500601604600aaaa')}, ${fcPath('21000024ff000002', '500601604600aaaa')}] }`) },
  { name: 'LUN, every path dead', text: lunPaths('{ esx-01: [vmhba2:C0:T0:L1, vmhba3:C0:T0:L1], esx-02: [] }', '    deadPaths: { esx-02: [vmhba2:C0:T0:L1, vmhba3:C0:T0:L1] }') },
  { name: 'LUN, two hosts short', text: lunPaths('{ esx-01: [vmhba2:C0:T0:L1], esx-02: [vmhba3:C0:T0:L1] }') },
  // cabling-unknown: imported from a file, and not; one host, one storage port and one LAN port.
  { name: 'uncabled import', text: uncabled('inventory: { tool: RVTools 4.6.1, file: estate.xlsx, cabling: unknown }') },
  {
    name: 'uncabled, one port of each',
    text: uncabled('inventory: { cabling: unknown }', '      nic1: { type: ethernet, ports: { p0: {}, p1: { roles: [iscsi] } } }')
      .replace('      hba1: { type: fc, ports: { p0: {}, p1: {} } }\n      nic1', '      nic1')
      .replace('links: []', 'links:\n  - [esx-01/nic1/p0, fc-a]\n  - [esx-01/nic1/p1, fc-a]'),
  },
];

// ---------------------------------------------------------------------- file

// The structural rules (the reader's messages): small designs that break the format.
const SMALL = 'vtopo: 1\nname: Small\nplatform: vsphere\nclusters:\n  c1: {}\nhosts:\n  esx-01: { cluster: c1, cpu: { sockets: 2, cores: 32, speed: 2.6 GHz }, memory: 512 GB }\n';

/** One anchored host of anchored adapters of anchored ports, reused until the aliases pass the budget. */
function aliasBomb(): string {
  let text = 'vtopo: 1\nhosts:\n  h0: &h\n    cpu: { cores: 1, speed: 1 GHz }\n    memory: 1 GB\n    adapters:\n      a0: &a\n        type: fc\n        ports:\n          p0: &p { speed: 1 Gbps }\n';
  for (let i = 1; i < 30; i++) text += `          p${i}: *p\n`;
  for (let i = 1; i < 30; i++) text += `      a${i}: *a\n`;
  for (let i = 1; i < 30; i++) text += `  h${i}: *h\n`;
  return text;
}

const FILE: readonly Design[] = [
  { name: 'empty file', text: '# nothing yet\n' },
  { name: 'no format version', text: SMALL.replace('vtopo: 1\n', '') },
  { name: 'format version 2', text: SMALL.replace('vtopo: 1', 'vtopo: 2') },
  { name: 'CR-only line endings', text: SMALL.replaceAll('\n', '\r') },
  { name: 'YAML syntax error', text: `${SMALL}vms:\n  web-01: { host: "esx-01, memory: 4 GB }\n` },
  { name: 'keys given twice', text: `${SMALL}name: Again\nlayout:\n  esx-01: [0, 0]\n  esx-01: [1, 1]\n`.replace('memory: 512 GB', 'memory: 512 GB, memoryGB: 512') },
  {
    name: 'unknown keys and rule settings',
    text: `${SMALL.replace('platform:', 'platfrom:')}hostProfiles:\n  r750: { cluster: c1, cpu: { sockets: 1, cores: 8, speed: 2 GHz }, memory: 64 GB }\nanalysis:\n  rules:\n    n1-headrom: warning\n    n1-headroom: { headroomPercnt: 20, nonsense: 1, severity: warning }\n    ha-single-host: { anything: 1 }\n    ha-minimum-hosts: { x: 1 }\n`,
  },
  {
    name: 'invalid values',
    text: `${SMALL.replace('platform: vsphere', 'platform: vsphre').replace('sockets: 2', 'sockets: two').replace('cores: 32', 'cores: 1.5').replace('speed: 2.6 GHz', 'speed: 2.6')}`
      + 'description: [not, text]\nvms:\n  web-01: { host: esx-01, memory: 4 XB, cpus: 100000, datastore: [a] }\n  web-02: { host: esx-01, memoryGB: lots }\n  web-03: { host: esx-01, memory: 1e12 GB, lastUsed: yesterday, guestCluster: 3 }\n  "bad id!": { host: esx-01, memory: 1 GB }\n'
      + 'links:\n  - [esx-01/hba1/p0]\n  - 42\n  - { from: esx-01/hba1/p0, to: fc-a, speed: fast }\nlayout:\n  esx-01: [1, 2, 3]\n  web-01: [100000000, 0]\n  ? [a]\n  : [0, 0]\narrays: 7\nswitches:\n  - 42\n  - { id: [x] }\n  - { type: fc }\nrules: { r1: { type: anti-affinity, vms: web-01, enabled: maybe } }\nsites: { dc1: "a string" }\n',
  },
  { name: 'a key that is not a name', text: `${SMALL}? [a]\n: 1\n` },
  { name: 'missing fields', text: `${SMALL}vms:\n  web-01: { memory: 4 GB }\n  web-02: { host: esx-01 }\n` },
  { name: 'duplicate ids', text: `${SMALL}vms:\n  c1: { host: esx-01, memory: 4 GB }\n` },
  {
    name: 'unresolved references',
    text: `${SMALL.replace('cluster: c1', 'cluster: esx-01')}hostProfiles:\n  r750: { cpu: { sockets: 1, cores: 8, speed: 2 GHz }, memory: 64 GB, adapters: { hba1: { type: fc, ports: { p0: { speed: 16 Gbps } } } } }\n`
      + 'vms:\n  web-01: { host: esx-02, memory: 4 GB }\n  web-02: { host: esx-01, memory: 4 GB, datastore: nowhere }\nlinks:\n  - [esx-01/hba9/p0, fc-a]\n  - [r750/hba1/p0, esx-01/hba1]\n',
  },
  { name: 'host profile ports named on the profile', text: `${SMALL.replace('esx-01: { cluster: c1,', 'esx-02: { cluster: c1, profile: r751 }\n  esx-01: { cluster: c1, profile: r750,')}hostProfiles:\n  r750: { adapters: { hba1: { type: fc, ports: { p0: { speed: 16 Gbps } } } } }\nlinks:\n  - [r750/hba1/p0, r750/hba1]\n` },
  { name: 'nesting too deep', text: `${SMALL}deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` },
  { name: 'aliases over the budget', text: aliasBomb() },
];
