/**
 * N+1 regardless of the admission control policy (docs/design/domain.md#rule-5-failover-capacity-n1; the array vendor white paper and the HA strategies handbook (docs/design/sources.md#seed-000, docs/design/sources.md#seed-001)):
 * for each host of an HA cluster, fail it and ask whether every protected VM it ran can be
 * restarted on the surviving hosts, by first-fit decreasing bin packing, twice:
 * - by reservations (CPU reservation or the cluster minimum, memory reservation plus
 *   overhead): what HA admission control counts, so a VM that does not fit is refused;
 * - by configured size (the same CPU, since a VM states no CPU demand beyond its
 *   reservation; configured memory plus overhead): a VM that does not fit restarts only by
 *   overcommitting memory, which the VM sprawl and HA planning handbook (docs/design/sources.md#seed-002) warns degrades or crashes the receiving host.
 * An FT secondary counts on its own host (clusterResources); an FT VM whose secondary runs
 * on a survivor is not restarted: the secondary takes over on the resources it already holds.
 * The worst failure is the one that leaves most VMs down, then the one with least headroom.
 */

import { carried, carriedFromParts } from '../model/carried';
import type { Topology } from '../model/topology';
import { BinSpace, largestFirst, placementsOf, type PackingBin, type PackingItem } from './bin-packing';
import { clusterParts, clusterResources, haClusters, sumOf, type HostCapacity, type VmDemand } from './resources';

export interface HostFailure {
  readonly failedHostId: string;
  /** Good hosts left in the cluster. */
  readonly survivingHostCount: number;
  /** Powered-on VMs of the failed host whose restart priority is not disabled (FT VMs taken over by their secondary included). */
  readonly protectedVmIds: readonly string[];
  /** Where each protected VM restarts by reservations (first-fit decreasing). */
  readonly restartHostByVm: ReadonlyMap<string, string>;
  /** Protected VMs whose reservations no surviving host can hold: HA leaves them down. */
  readonly cannotRestartByReservation: readonly string[];
  /** Protected VMs whose reservations fit but whose configured size does not: they restart only by overcommitting. */
  readonly cannotRestartByConfiguredSize: readonly string[];
  /** Both lists together, in the failed host's VM order. */
  readonly cannotRestart: readonly string[];
  /** CPU and memory left on the survivors, in percent of their capacity, once every protected VM runs there (configured size). */
  readonly cpuHeadroomPercent: number;
  readonly memoryHeadroomPercent: number;
}

export interface SingleHostFailuresInput {
  readonly hosts: readonly HostCapacity[];
  readonly vms: readonly VmDemand[];
  /** Hosts HA tries first (dedicated failover hosts). */
  readonly preferredHostIds?: readonly string[];
}

interface HostLoad {
  cpuMHz: number;
  reservedMemoryMB: number;
  configuredMemoryMB: number;
  readonly vms: VmDemand[];
}

/** Every single-host failure of one cluster, in host order. */
export function singleHostFailures(input: SingleHostFailuresInput): HostFailure[] {
  const preferred = new Set(input.preferredHostIds ?? []);
  const restartOrder = [...input.hosts.filter((h) => preferred.has(h.hostId)), ...input.hosts.filter((h) => !preferred.has(h.hostId))];
  const loads = new Map<string, HostLoad>(input.hosts.map((h) => [h.hostId, { cpuMHz: 0, reservedMemoryMB: 0, configuredMemoryMB: 0, vms: [] }]));
  for (const vm of input.vms) {
    const load = loads.get(vm.hostId);
    if (!load) continue;
    load.cpuMHz += vm.cpuMHz;
    load.reservedMemoryMB += vm.reservedMemoryMB;
    load.configuredMemoryMB += vm.configuredMemoryMB;
    load.vms.push(vm);
  }
  const empty: HostLoad = { cpuMHz: 0, reservedMemoryMB: 0, configuredMemoryMB: 0, vms: [] };
  const loadOf = (hostId: string) => loads.get(hostId) ?? empty;
  // One packing space per pass, shared by every scenario: the failed host is skipped, not copied out.
  const reservedBins = restartOrder.map((h): PackingBin => ({ id: h.hostId, freeCpuMHz: h.cpuMHz - loadOf(h.hostId).cpuMHz, freeMemoryMB: h.memoryMB - loadOf(h.hostId).reservedMemoryMB }));
  const configuredBins = restartOrder.map((h): PackingBin => ({ id: h.hostId, freeCpuMHz: h.cpuMHz - loadOf(h.hostId).cpuMHz, freeMemoryMB: h.memoryMB - loadOf(h.hostId).configuredMemoryMB }));
  const reservedSpace = new BinSpace(reservedBins);
  const configuredSpace = new BinSpace(configuredBins);
  const binIndex = new Map(restartOrder.map((h, i) => [h.hostId, i]));
  const totalCpuMHz = sumOf(input.hosts, (h) => h.cpuMHz);
  const totalMemoryMB = sumOf(input.hosts, (h) => h.memoryMB);
  const totalCpuLoadMHz = sumOf(input.hosts, (h) => loadOf(h.hostId).cpuMHz);
  const totalConfiguredMemoryMB = sumOf(input.hosts, (h) => loadOf(h.hostId).configuredMemoryMB);

  return input.hosts.map((failed) => {
    const failedLoad = loadOf(failed.hostId);
    const excluded = binIndex.get(failed.hostId) ?? -1;
    // An FT VM whose secondary runs on a survivor is taken over there, on resources already counted.
    const takesOver = (vm: VmDemand) => vm.ftSecondaryHostId !== undefined && vm.ftSecondaryHostId !== failed.hostId && loads.has(vm.ftSecondaryHostId);
    const restarting = failedLoad.vms.filter((vm) => vm.protected && !takesOver(vm));
    const byReservationItems = restarting.map((vm): PackingItem => ({ id: vm.vmId, cpuMHz: vm.cpuMHz, memoryMB: vm.reservedMemoryMB })).sort(largestFirst);
    const byConfiguredItems = restarting.map((vm): PackingItem => ({ id: vm.vmId, cpuMHz: vm.cpuMHz, memoryMB: vm.configuredMemoryMB })).sort(largestFirst);
    const reservedPacking = reservedSpace.pack(byReservationItems, excluded);
    reservedSpace.restore(reservedPacking);
    const configuredPacking = configuredSpace.pack(byConfiguredItems, excluded);
    configuredSpace.restore(configuredPacking);
    const byReservation = placementsOf(byReservationItems, reservedPacking, reservedBins);
    const byConfiguredSize = placementsOf(byConfiguredItems, configuredPacking, configuredBins);
    const downByReservation = new Set(byReservation.unplaced);
    const down = new Set([...byReservation.unplaced, ...byConfiguredSize.unplaced]);
    const cpuAfterMHz = totalCpuLoadMHz - failedLoad.cpuMHz + sumOf(restarting, (vm) => vm.cpuMHz);
    const memoryAfterMB = totalConfiguredMemoryMB - failedLoad.configuredMemoryMB + sumOf(restarting, (vm) => vm.configuredMemoryMB);
    return {
      failedHostId: failed.hostId,
      survivingHostCount: input.hosts.length - 1,
      protectedVmIds: failedLoad.vms.filter((vm) => vm.protected).map((vm) => vm.vmId),
      restartHostByVm: byReservation.placements,
      cannotRestartByReservation: byReservation.unplaced,
      cannotRestartByConfiguredSize: byConfiguredSize.unplaced.filter((id) => !downByReservation.has(id)),
      cannotRestart: restarting.map((vm) => vm.vmId).filter((id) => down.has(id)),
      cpuHeadroomPercent: headroomPercent(totalCpuMHz - failed.cpuMHz, cpuAfterMHz),
      memoryHeadroomPercent: headroomPercent(totalMemoryMB - failed.memoryMB, memoryAfterMB),
    };
  });
}

/** Capacity left in percent; no capacity at all leaves no headroom. */
function headroomPercent(capacity: number, used: number): number {
  return capacity > 0 ? ((capacity - used) * 100) / capacity : 0;
}

/** The lower of the failure's CPU and memory headroom. */
export function lowestHeadroomPercent(failure: HostFailure): number {
  return Math.min(failure.cpuHeadroomPercent, failure.memoryHeadroomPercent);
}

/** The failure that leaves most protected VMs down; among equals, the one with least headroom; then the first host. */
export function worstFailure(failures: readonly HostFailure[]): HostFailure | undefined {
  let worst: HostFailure | undefined;
  for (const failure of failures) {
    if (
      !worst ||
      failure.cannotRestart.length > worst.cannotRestart.length ||
      (failure.cannotRestart.length === worst.cannotRestart.length && lowestHeadroomPercent(failure) < lowestHeadroomPercent(worst))
    ) {
      worst = failure;
    }
  }
  return worst;
}

export interface ClusterN1Verdict {
  readonly clusterId: string;
  /** Good hosts in the cluster. */
  readonly hostCount: number;
  readonly worst: HostFailure;
}

export interface N1Verdict {
  /** HA clusters with at least one good host, in declaration order. */
  readonly clusters: readonly ClusterN1Verdict[];
  /** Protected VMs that cannot restart after the worst single host failure, over all clusters. */
  readonly cannotRestartCount: number;
}

const verdictCache = new WeakMap<Topology, N1Verdict>();


/** The N-1 verdict of a design: per HA cluster, the single host failure that hurts most. */
export function worstSingleHostFailure(topology: Topology): N1Verdict {
  const cached = verdictCache.get(topology);
  if (cached) return cached;
  const clusters: ClusterN1Verdict[] = [];
  for (const cluster of haClusters(topology)) {
    // An edit that left the cluster, its hosts and their VMs alone (an edit to another
    // cluster's VM, say) left the same objects: the cluster fails as it did, read from nothing.
    const { hostCount, worst } = carriedFromParts(topology, 'worst single host failure', cluster.id, clusterParts(topology, cluster), () => {
      const resources = clusterResources(topology, cluster);
      const admission = cluster.ha.admissionControl;
      const input: SingleHostFailuresInput = {
        hosts: resources.hosts,
        vms: resources.vms,
        preferredHostIds: admission.policy === 'failover-hosts' ? admission.failoverHosts ?? [] : [],
      };
      // Else a cluster whose hosts and VMs ask what they asked before (other data of theirs edited) fails as it did.
      return { hostCount: resources.hosts.length, worst: carried(topology, 'worst single host failure', JSON.stringify(input), () => worstFailure(singleHostFailures(input))) };
    });
    if (worst) clusters.push({ clusterId: cluster.id, hostCount, worst });
  }
  const verdict: N1Verdict = { clusters, cannotRestartCount: sumOf(clusters, (c) => c.worst.cannotRestart.length) };
  verdictCache.set(topology, verdict);
  return verdict;
}
