import { defineMessages } from '../../../l10n/messages';
import type { RelatedLocation, Report } from '../../../model/report';
import type { Host, StorageArray, Vm } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { arrayPortEstimate, cabledSpeedMbps, cablingOf, usableThroughputMBps, type Cabling } from './cabling';
import { storageProtocolOfPort } from './host-storage';
import { grouped } from '../../../text/plural';
import { listWithMore } from '../../../l10n/format';

const MESSAGES = defineMessages('storage-demand-exceeds-capacity', {
  array: 'VMs on array "{array}" need {demand} MB/s at peak ({largest}), above {limit}: {capacity} MB/s.',
  statedThroughput: 'its stated throughput',
  oneCabledPort: 'what its 1 cabled host port carry (estimate)',
  manyCabledPorts: 'what its {count} cabled host ports carry (estimate)',
  onePort: 'what its 1 host port carry (estimate)',
  manyPorts: 'what its {count} host ports carry (estimate)',
  hostOnePort: 'VMs on host "{host}" need {demand} MB/s of storage at peak ({largest}), above what its 1 cabled storage port carry: about {capacity} MB/s (estimate: one tenth of {speed} Gbps).',
  hostManyPorts: 'VMs on host "{host}" need {demand} MB/s of storage at peak ({largest}), above what its {count} cabled storage ports carry: about {capacity} MB/s (estimate: one tenth of {speed} Gbps).',
  vmDemand: '"{vm}" {throughput} MB/s',
  vmNeeds: 'VM "{vm}" needs {throughput} MB/s',
});

/** How many of the largest consumers a finding names (the rest are counted). */
const NAMED_VMS = 3;
/** How many VMs a finding points at as related locations. */
const RELATED_VMS = 10;

/** The sum of what VMs need from storage must fit what the array and the hosts' ports carry. */
export const storageDemandExceedsCapacity: AnalysisRule = {
  meta: {
    id: 'storage-demand-exceeds-capacity',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'VM storage demand above what the array or a host\'s storage ports carry',
      description:
        'The array vendor white paper (docs/design/sources.md#seed-000) sizes the SAN by throughput; docs/design/domain.md#rule-4-storage-throughput adds that the sum of host demand should not exceed what the array ports and links carry, or every VM on the array slows down together at peak. The rule adds up the `diskThroughput` of the powered-on VMs that state one: per array, the VMs whose datastore is on it, against the array\'s stated `throughput` and what its cabled host ports carry (whichever is lower; the ports alone when no throughput is stated); per host, the VMs it runs on SAN or NAS datastores, against its cabled storage ports. Port bandwidth is estimated at one tenth of the cable\'s bit rate (8 Gb FC about 800 MB/s, 1 GbE about 100 MB/s of iSCSI), an upper bound that assumes multipathing spreads I/O over every path. Every host staying within its own ports implies the hosts together do. Spread the VMs over more arrays or hosts, add or speed up ports, or correct the demand figures.',
      sources: ['docs/design/sources.md#seed-000-checklist — SAN throughput sizing', 'docs/design/domain.md#rule-4-storage-throughput — host demand within what array ports and links carry'],
    },
  },
  reads: ['hosts', 'switches', 'arrays', 'datastores', 'links', 'vms'],
  *check({ topology }) {
    const cabling = cablingOf(topology);
    const vmsByArray = new Map<StorageArray, Vm[]>();
    const vmsByHost = new Map<Host, Vm[]>();
    for (const vm of topology.vms) {
      if (vm.diskThroughputMBps === undefined || (vm.power ?? 'on') !== 'on' || vm.datastore === undefined) continue;
      const datastore = topology.datastore(vm.datastore);
      const array = datastore?.array === undefined ? undefined : topology.storageArray(datastore.array);
      if (!datastore || !array || topology.isLocalDatastore(datastore)) continue;
      push(vmsByArray, array, vm);
      const host = topology.host(vm.host);
      if (host) push(vmsByHost, host, vm);
    }
    for (const [array, vms] of vmsByArray) {
      const report = arrayFinding(cabling, array, vms);
      if (report) yield report;
    }
    for (const [host, vms] of vmsByHost) {
      const report = hostFinding(cabling, host, vms);
      if (report) yield report;
    }
  },
};

function arrayFinding(cabling: Cabling, array: StorageArray, vms: readonly Vm[]): Report | undefined {
  const demand = totalDemandMBps(vms);
  const estimate = arrayPortEstimate(cabling, array);
  const limits: Array<{ throughputMBps: number; what: string }> = [];
  if (array.throughputMBps !== undefined) limits.push({ throughputMBps: array.throughputMBps, what: MESSAGES.statedThroughput({}) });
  if (estimate && (estimate.cabled || array.throughputMBps === undefined)) {
    const one = estimate.portCount === 1;
    const what = estimate.cabled
      ? (one ? MESSAGES.oneCabledPort({}) : MESSAGES.manyCabledPorts({ count: estimate.portCount }))
      : (one ? MESSAGES.onePort({}) : MESSAGES.manyPorts({ count: estimate.portCount }));
    limits.push({ throughputMBps: estimate.throughputMBps, what });
  }
  const limit = limits.reduce<(typeof limits)[number] | undefined>((low, l) => (!low || l.throughputMBps < low.throughputMBps ? l : low), undefined);
  if (!limit || demand <= limit.throughputMBps) return undefined;
  return {
    message: MESSAGES.array({ array: array.id, demand: format(demand), largest: largest(vms), limit: limit.what, capacity: format(limit.throughputMBps) }),
    range: array.source.fields.throughputMBps?.value ?? array.idRange,
    elementIds: [array.id, ...vms.map((vm) => vm.id)],
    related: relatedVms(vms),
  };
}

function hostFinding(cabling: Cabling, host: Host, vms: readonly Vm[]): Report | undefined {
  let speedMbps = 0;
  let ports = 0;
  for (const adapter of host.adapters) {
    for (const port of adapter.ports) {
      if (storageProtocolOfPort(adapter, port) === undefined) continue;
      const cabled = cabledSpeedMbps(cabling, port.id);
      if (cabled === undefined) continue;
      speedMbps += cabled;
      ports++;
    }
  }
  if (ports === 0) return undefined;
  const demand = totalDemandMBps(vms);
  const capacity = usableThroughputMBps(speedMbps);
  if (demand <= capacity) return undefined;
  return {
    message: ports === 1
      ? MESSAGES.hostOnePort({ host: host.id, demand: format(demand), largest: largest(vms), capacity: format(capacity), speed: speedMbps / 1000 })
      : MESSAGES.hostManyPorts({ host: host.id, demand: format(demand), largest: largest(vms), count: grouped(ports), capacity: format(capacity), speed: speedMbps / 1000 }),
    range: host.idRange,
    elementIds: [host.id, ...vms.map((vm) => vm.id)],
    related: relatedVms(vms),
  };
}

function totalDemandMBps(vms: readonly Vm[]): number {
  return vms.reduce((sum, vm) => sum + (vm.diskThroughputMBps ?? 0), 0);
}

function byDemand(vms: readonly Vm[]): Vm[] {
  return [...vms].sort((a, b) => (b.diskThroughputMBps ?? 0) - (a.diskThroughputMBps ?? 0) || a.id.localeCompare(b.id));
}

function largest(vms: readonly Vm[]): string {
  const sorted = byDemand(vms);
  const named = sorted.slice(0, NAMED_VMS).map((vm) => MESSAGES.vmDemand({ vm: vm.id, throughput: format(vm.diskThroughputMBps ?? 0) }));
  return listWithMore(named, NAMED_VMS, sorted.length);
}

function relatedVms(vms: readonly Vm[]): RelatedLocation[] {
  return byDemand(vms).slice(0, RELATED_VMS).map((vm) => ({
    message: MESSAGES.vmNeeds({ vm: vm.id, throughput: format(vm.diskThroughputMBps ?? 0) }),
    range: vm.source.fields.diskThroughputMBps?.value ?? vm.idRange,
  }));
}

function format(mbps: number): string {
  return String(Math.round(mbps));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
