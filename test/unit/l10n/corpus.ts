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

const STORAGE: readonly Design[] = [];

// ------------------------------------------------------------------ hardware

const HARDWARE: readonly Design[] = [];

// ------------------------------------------------------------------ capacity

/** Three 64 GB hosts in cluster prod (the capacity rule tests' design). */
function threeHosts(admissionControl: string, vms: string): string {
  return `vtopo: 1
clusters:
  prod:
    ha:
      admissionControl: ${admissionControl}
hosts:
  esx-01: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB }
  esx-02: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB }
  esx-03: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB }
vms:
${vms}`;
}

/** The published slot example (three hosts, five VMs with reservations). */
function slotExample(admissionControl: string): string {
  return `vtopo: 1
clusters:
  example:
    ha:
      admissionControl: ${admissionControl}
hosts:
  H1: { cpu: { cores: 1, speed: 9 GHz }, memory: 9 GB, overhead: { cpuMHz: 0, memoryMB: 0 } }
  H2: { cpu: { cores: 1, speed: 9 GHz }, memory: 6 GB, overhead: { cpuMHz: 0, memoryMB: 0 } }
  H3: { cpu: { cores: 1, speed: 6 GHz }, memory: 6 GB, overhead: { cpuMHz: 0, memoryMB: 0 } }
vms:
  VM1: { host: H1, memory: 1 GB, reservation: { cpu: 2 GHz, memory: 1 GB } }
  VM2: { host: H1, memory: 1 GB, reservation: { cpu: 2 GHz, memory: 1 GB } }
  VM3: { host: H2, memory: 2 GB, reservation: { cpu: 1 GHz, memory: 2 GB } }
  VM4: { host: H2, memory: 1 GB, reservation: { cpu: 1 GHz, memory: 1 GB } }
  VM5: { host: H3, memory: 1 GB, reservation: { cpu: 1 GHz, memory: 1 GB } }
`;
}

const CAPACITY: readonly Design[] = [
  // ha-admission-control and ha-capacity-report: each policy, met and not met, with multi-slot VMs and derived percentages.
  { name: 'slot example, two host failures', text: slotExample('{ policy: slots, hostFailuresToTolerate: 2 }') },
  { name: 'slot example, slot cap', text: slotExample('{ policy: slots, slotCpuMHz: 1000, slotMemoryMB: 1024 }') },
  { name: 'slot example, 75% CPU reserved', text: slotExample('{ policy: percentage, cpuPercent: 75, memoryPercent: 25 }') },
  { name: 'slot example, percentages for two failures', text: slotExample('{ policy: percentage, hostFailuresToTolerate: 2 }') },
  {
    name: 'slot example, failover host too small',
    text: slotExample('{ policy: failover-hosts, failoverHosts: [H3, H4] }')
      .replace('VM5: { host: H3', 'VM5: { host: H2')
      .replace('VM1: { host: H1, memory: 1 GB, reservation: { cpu: 2 GHz, memory: 1 GB } }', 'VM1: { host: H1, memory: 6 GB, reservation: { cpu: 2 GHz, memory: 6 GB } }')
      .replace('vms:\n', '  H4: { cpu: { cores: 1, speed: 6 GHz }, memory: 6 GB, state: maintenance }\nvms:\n'),
  },
  { name: 'slot example, two dedicated failover hosts', text: slotExample('{ policy: failover-hosts, hostFailuresToTolerate: 2, failoverHosts: [H2, H3] }') },
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

const PLACEMENT: readonly Design[] = [];

// ------------------------------------------------------------------ platform

const PLATFORM: readonly Design[] = [];

// ------------------------------------------------------------------- network

const NETWORK: readonly Design[] = [];

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

const FILE: readonly Design[] = [];
