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
