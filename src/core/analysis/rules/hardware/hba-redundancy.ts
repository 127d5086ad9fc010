import { defineMessages } from '../../../l10n/messages';
import type { Report } from '../../../model/report';
import type { Adapter, Host, HostPort } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { clustersOnSan, INITIATOR_NAMES, initiatorsOf, isHaCluster, type Initiator, type InitiatorFamily } from './host-storage';
import { listSeparator } from '../../../l10n/format';

const MESSAGES = defineMessages('hba-redundancy', {
  oneFcHba: 'Host "{host}" has one FC HBA ("{adapter}"): when it fails the host loses all its FC paths; the array vendor white paper (docs/design/sources.md#seed-000) asks for two identical ones.',
  oneIscsiAdapter: 'Host "{host}" has one iSCSI adapter ("{adapter}"): when it fails the host loses all its iSCSI paths; the array vendor white paper (docs/design/sources.md#seed-000) asks for two identical ones.',
  notIdentical: '{adapters} "{first}" and "{other}" of host "{host}" are not identical ({difference}): the array vendor white paper (docs/design/sources.md#seed-000) asks for two identical HBAs, so that either path can stand in for the other.',
  difference: '{field} {left} vs {right}',
  firstIs: '"{adapter}" is {description}',
  noPorts: 'no ports',
  fcPorts: 'FC HBA "{adapter}" of host "{host}" offers {equivalents} x {speed} worth of ports ({ports}); the array vendor white paper (docs/design/sources.md#seed-000) asks for at least {minPorts} x {speed} FC per HBA.',
  iscsiHbaPorts: 'iSCSI HBA "{adapter}" of host "{host}" offers {equivalents} x 1 GbE worth of ports ({ports}); the array vendor white paper (docs/design/sources.md#seed-000) asks for at least {minPorts} x 1 GbE per iSCSI HBA.',
  softwareIscsiPorts: 'Software iSCSI on host "{host}" has {equivalents} x 1 GbE worth of iSCSI ports ({ports}); the array vendor white paper (docs/design/sources.md#seed-000) asks for at least {minPorts} x 1 GbE.',
  alsoIscsi: 'NIC "{adapter}" also carries iSCSI',
});

/** 1 GbE: the unit of the "4 x 1GbE" iSCSI port rule in the array vendor white paper's checklist (docs/design/sources.md#seed-000-checklist). */
const ISCSI_PORT_UNIT_MBPS = 1000;

/** The HBA rule of the array vendor white paper (docs/design/sources.md#seed-000-checklist): two identical storage adapters per host, each with enough ports. */
export const hbaRedundancy: AnalysisRule = {
  meta: {
    id: 'hba-redundancy',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Host without two identical, sufficiently ported storage adapters',
      description:
        'The array vendor white paper\'s checklist (docs/design/sources.md#seed-000-checklist) for HA on a SAN asks every host for two identical HBAs (same type, vendor and model, so both paths behave alike under the multipath driver and either can carry the load alone), each with at least 2 x 8 Gb FC ports for Fibre Channel, or at least 4 x 1 GbE ports for iSCSI; docs/design/algorithms.md#5-storage-path-redundancy adds that a dual-port card is one failure domain. The rule checks the hosts of HA clusters that use SAN block storage, per initiator family: FC HBAs (and converged adapters carrying FCoE), and iSCSI initiators (hardware iSCSI HBAs, or for software iSCSI the NICs whose ports carry the iscsi role, which together form the host\'s one software initiator). An FC HBA needs `minFcPorts` ports of `minFcSpeedGbps`, and an iSCSI initiator `minIscsiPorts` 1 GbE ports, where a faster port counts as as many ports as its speed holds (a 16 Gb FC port counts as two 8 Gb ports, a 10 GbE port as ten 1 GbE ports: the white paper\'s figures are about bandwidth per adapter, and path redundancy comes from the second adapter); slower ports count for nothing. Ports whose speed is not stated are given the benefit of the doubt. A host with a single storage adapter in all is left to `single-storage-adapter`, and one with none to `datastore-unreachable`. Add the missing adapter, make the pair identical, or use adapters with more or faster ports.',
      sources: ['docs/design/sources.md#seed-000-checklist — two identical HBAs; >= 2 x 8Gb FC or 4 to 8 x 1GbE iSCSI ports each', 'docs/design/algorithms.md#5-storage-path-redundancy — >= 2 initiator ports on >= 2 physical adapters'],
    },
    options: {
      minFcPorts: { description: 'FC ports of minFcSpeedGbps (or their bandwidth in faster ports) each FC HBA needs (docs/design/sources.md#seed-000: 2).', default: 2, min: 1, max: 16 },
      minFcSpeedGbps: { description: 'Speed of the FC ports minFcPorts counts, in Gbps (docs/design/sources.md#seed-000: 8); slower ports count for nothing.', default: 8, min: 1, max: 128 },
      minIscsiPorts: { description: '1 GbE ports (or their bandwidth in faster ports) each iSCSI initiator needs (docs/design/sources.md#seed-000: 4 to 8).', default: 4, min: 1, max: 64 },
    },
  },
  reads: ['clusters', 'hosts', 'datastores', 'vms'],
  *check({ topology, option }) {
    const onSan = clustersOnSan(topology);
    if (onSan.size === 0) return;
    const minFcPorts = option('minFcPorts');
    const minFcSpeedMbps = option('minFcSpeedGbps') * 1000;
    const minIscsiPorts = option('minIscsiPorts');
    for (const host of topology.hosts) {
      const cluster = topology.clusterOfHost(host);
      if (!isHaCluster(cluster) || !onSan.has(cluster)) continue;
      const families = initiatorsOf(host);
      // One storage adapter in all (or none) is single-storage-adapter's (or datastore-unreachable's) finding.
      const adapters = new Set([...families.values()].flatMap((initiators) => initiators.map((i) => i.adapter)));
      const atMostOneAdapter = adapters.size <= 1;
      for (const [family, initiators] of families) {
        if (!atMostOneAdapter) yield* pairFindings(host, family, initiators);
        if (family === 'fc') {
          for (const initiator of initiators) yield* fcPortFindings(host, initiator, minFcPorts, minFcSpeedMbps);
        } else {
          yield* iscsiPortFindings(host, initiators, minIscsiPorts);
        }
      }
    }
  },
};

function pairFindings(host: Host, family: InitiatorFamily, initiators: readonly Initiator[]): Report[] {
  const [first, ...others] = initiators;
  if (!first) return [];
  if (others.length === 0) {
    return [{
      message: (family === 'fc' ? MESSAGES.oneFcHba : MESSAGES.oneIscsiAdapter)({ host: host.id, adapter: first.adapter.id }),
      range: first.adapter.idRange,
      elementIds: [host.id, first.adapter.id],
    }];
  }
  const reports: Report[] = [];
  for (const other of others) {
    const difference = differenceBetween(first.adapter, other.adapter);
    if (!difference) continue;
    reports.push({
      message: MESSAGES.notIdentical({ adapters: INITIATOR_NAMES[family]({}), first: first.adapter.id, other: other.adapter.id, host: host.id, difference: difference.text }),
      range: other.adapter.source.fields[difference.field]?.value ?? other.adapter.idRange,
      elementIds: [host.id, first.adapter.id, other.adapter.id],
      related: [{ message: MESSAGES.firstIs({ adapter: first.adapter.id, description: describe(first.adapter) }), range: first.adapter.idRange }],
    });
  }
  return reports;
}

interface Difference {
  readonly field: 'type' | 'vendor' | 'model';
  readonly text: string;
}

/** The first of type, vendor and model that both adapters state and that differs. */
function differenceBetween(a: Adapter, b: Adapter): Difference | undefined {
  for (const field of ['type', 'vendor', 'model'] as const) {
    const left = a[field];
    const right = b[field];
    if (left === undefined || right === undefined || left.trim().toLowerCase() === right.trim().toLowerCase()) continue;
    return { field, text: MESSAGES.difference({ field, left, right }) };
  }
  return undefined;
}

function describe(adapter: Adapter): string {
  return [adapter.type, adapter.vendor, adapter.model].filter((part) => part !== undefined).join(' ');
}

function gbps(mbps: number): string {
  return `${mbps / 1000} Gbps`;
}

/** Ports by adapter/port, without the host's prefix: `hba1/p0 16 Gbps, hba1/p1 16 Gbps`. */
function portList(host: Host, ports: readonly HostPort[]): string {
  const prefix = `${host.id}/`;
  return ports.map((p) => `${p.id.startsWith(prefix) ? p.id.slice(prefix.length) : p.id}${p.speedMbps === undefined ? '' : ` ${gbps(p.speedMbps)}`}`).join(listSeparator());
}

function fcPortFindings(host: Host, initiator: Initiator, minPorts: number, minSpeedMbps: number): Report[] {
  const equivalents = initiator.ports.reduce((sum, p) => sum + portEquivalents(p, minSpeedMbps), 0);
  if (equivalents >= minPorts) return [];
  const ports = initiator.ports.length === 0 ? MESSAGES.noPorts({}) : portList(host, initiator.ports);
  return [{
    message: MESSAGES.fcPorts({ adapter: initiator.adapter.id, host: host.id, equivalents, speed: gbps(minSpeedMbps), ports, minPorts }),
    range: initiator.adapter.idRange,
    elementIds: [host.id, initiator.adapter.id],
  }];
}

/**
 * A port's worth in ports of the unit speed: a 10 GbE port carries what ten 1 GbE ports
 * do, a 32 Gb FC port what four 8 Gb ones do; a port of unknown speed counts as one.
 */
function portEquivalents(port: HostPort, unitMbps: number): number {
  return port.speedMbps === undefined ? 1 : Math.floor(port.speedMbps / unitMbps);
}

/**
 * Hardware iSCSI HBAs are judged one by one; the NICs of software iSCSI together, since
 * they serve the host's single software initiator.
 */
function iscsiPortFindings(host: Host, initiators: readonly Initiator[], minPorts: number): Report[] {
  const reports: Report[] = [];
  const hardware = initiators.filter((i) => i.adapter.type === 'iscsi');
  const software = initiators.filter((i) => i.adapter.type !== 'iscsi');
  for (const initiator of hardware) {
    const equivalents = initiator.ports.reduce((sum, p) => sum + portEquivalents(p, ISCSI_PORT_UNIT_MBPS), 0);
    if (equivalents >= minPorts) continue;
    reports.push({
      message: MESSAGES.iscsiHbaPorts({
        adapter: initiator.adapter.id,
        host: host.id,
        equivalents,
        ports: initiator.ports.length === 0 ? MESSAGES.noPorts({}) : portList(host, initiator.ports),
        minPorts,
      }),
      range: initiator.adapter.idRange,
      elementIds: [host.id, initiator.adapter.id],
    });
  }
  const softwarePorts = software.flatMap((i) => i.ports);
  const equivalents = softwarePorts.reduce((sum, p) => sum + portEquivalents(p, ISCSI_PORT_UNIT_MBPS), 0);
  const [first] = software;
  if (first && equivalents < minPorts) {
    reports.push({
      message: MESSAGES.softwareIscsiPorts({ host: host.id, equivalents, ports: portList(host, softwarePorts), minPorts }),
      range: first.adapter.idRange,
      elementIds: [host.id, ...software.map((i) => i.adapter.id)],
      related: software.slice(1).map((i) => ({ message: MESSAGES.alsoIscsi({ adapter: i.adapter.id }), range: i.adapter.idRange })),
    });
  }
  return reports;
}
