import type { RelatedLocation, Report } from '../../../model/report';
import type { Host, StorageArray, Vm } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { arrayPortEstimate, cabledSpeedMbps, cablingOf, usableThroughputMBps, type Cabling } from './cabling';
import { storageProtocolOfPort } from './host-storage';
import { counted } from '../../../text/plural';

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
  if (array.throughputMBps !== undefined) limits.push({ throughputMBps: array.throughputMBps, what: 'its stated throughput' });
  if (estimate && (estimate.cabled || array.throughputMBps === undefined)) {
    limits.push({ throughputMBps: estimate.throughputMBps, what: `what its ${estimate.portCount} ${estimate.cabled ? 'cabled ' : ''}host port(s) carry (estimate)` });
  }
  const limit = limits.reduce<(typeof limits)[number] | undefined>((low, l) => (!low || l.throughputMBps < low.throughputMBps ? l : low), undefined);
  if (!limit || demand <= limit.throughputMBps) return undefined;
  return {
    message: `VMs on array "${array.id}" need ${format(demand)} MB/s at peak (${largest(vms)}), above ${limit.what}: ${format(limit.throughputMBps)} MB/s.`,
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
    message: `VMs on host "${host.id}" need ${format(demand)} MB/s of storage at peak (${largest(vms)}), above what its ${counted(ports, 'cabled storage port')} carry: about ${format(capacity)} MB/s (estimate: one tenth of ${speedMbps / 1000} Gbps).`,
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
  const named = sorted.slice(0, NAMED_VMS).map((vm) => `"${vm.id}" ${format(vm.diskThroughputMBps ?? 0)} MB/s`);
  const rest = sorted.length - named.length;
  return rest > 0 ? `${named.join(', ')} and ${rest} more` : named.join(', ');
}

function relatedVms(vms: readonly Vm[]): RelatedLocation[] {
  return byDemand(vms).slice(0, RELATED_VMS).map((vm) => ({
    message: `VM "${vm.id}" needs ${format(vm.diskThroughputMBps ?? 0)} MB/s`,
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
