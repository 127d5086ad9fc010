/**
 * What HA capacity calculations count, read from the design once: the capacity each "good"
 * host offers VMs and the demand of each powered-on VM (docs/design/algorithms.md#1-ha-admission-control). Every policy
 * (slots, percentage, failover hosts) and the N+1 check work on these plain numbers, so the
 * failover simulator can reuse them on hypothetical states.
 */

import type { Cluster, Host, Topology, Vm } from '../model/topology';

/** das.vmcpuminmhz: CPU a VM without a reservation counts as (vSphere 5+; 256 MHz before). */
export const DEFAULT_MINIMUM_VM_CPU_MHZ = 32;

/** What a host offers VMs: physical capacity minus the hypervisor's overhead. */
export interface HostCapacity {
  readonly hostId: string;
  readonly cpuMHz: number;
  readonly memoryMB: number;
}

/** What a powered-on VM asks of its host. */
export interface VmDemand {
  readonly vmId: string;
  readonly hostId: string;
  /** The CPU reservation, or the cluster's minimum (das.vmcpuminmhz) for a VM without one. */
  readonly cpuMHz: number;
  /** Memory reservation plus virtualization overhead; no reservation counts as 0 MB. */
  readonly reservedMemoryMB: number;
  /** Configured memory plus virtualization overhead: what the guest uses when it is busy. */
  readonly configuredMemoryMB: number;
  /** Whether HA restarts it: restart priority (its own or the cluster's default) is not disabled. */
  readonly protected: boolean;
  /**
   * The host of its FT secondary (protection: ft), which runs in lockstep there: when the
   * VM's own host fails the secondary takes over, already holding its resources.
   */
  readonly ftSecondaryHostId?: string;
  /** This entry is an FT secondary: the same demand, on the secondary's host; never restarted itself. */
  readonly ftSecondary?: true;
}

/** One cluster as admission control sees it: its good hosts and the VMs running on them. */
export interface ClusterResources {
  readonly cluster: Cluster;
  /** Good hosts in declaration order. */
  readonly hosts: readonly HostCapacity[];
  /** Powered-on VMs on good hosts, host by host, then the FT secondaries on good hosts. */
  readonly vms: readonly VmDemand[];
}

/** Only connected hosts count: not in maintenance mode, not disconnected, not in standby. */
export function isGoodHost(host: Host): boolean {
  return host.state === 'connected';
}

/** CPU MHz = cores x speedMHz; both minus the overhead the design states (host.overhead). */
export function hostCapacity(host: Host): HostCapacity {
  return {
    hostId: host.id,
    cpuMHz: Math.max(0, host.cpu.cores * host.cpu.speedMHz - host.overhead.cpuMHz),
    memoryMB: Math.max(0, host.memoryMB - host.overhead.memoryMB),
  };
}

export function vmDemand(vm: Vm, cluster: Cluster): VmDemand {
  const reservedCpuMHz = vm.reservation?.cpuMHz ?? 0;
  const overheadMB = vm.overheadMemoryMB ?? 0;
  const priority = vm.restartPriority ?? cluster.ha.defaultRestartPriority;
  return {
    vmId: vm.id,
    hostId: vm.host,
    cpuMHz: reservedCpuMHz > 0 ? reservedCpuMHz : minimumVmCpuMHz(cluster),
    reservedMemoryMB: (vm.reservation?.memoryMB ?? 0) + overheadMB,
    configuredMemoryMB: vm.memoryMB + overheadMB,
    protected: priority !== 'disabled',
    ...(vm.protection === 'ft' && vm.secondaryHost !== undefined && vm.secondaryHost !== vm.host ? { ftSecondaryHostId: vm.secondaryHost } : {}),
  };
}

/**
 * The demand of a VM's FT secondary on its own host: a secondary runs in lockstep and uses
 * the primary's CPU and memory (vSphere Availability guide, "Providing Fault Tolerance for
 * Virtual Machines"), so admission control and the N-1 check count it where it runs.
 */
export function ftSecondaryDemand(primary: VmDemand, secondaryHostId: string): VmDemand {
  return {
    vmId: primary.vmId,
    hostId: secondaryHostId,
    cpuMHz: primary.cpuMHz,
    reservedMemoryMB: primary.reservedMemoryMB,
    configuredMemoryMB: primary.configuredMemoryMB,
    protected: false,
    ftSecondary: true,
  };
}

export function minimumVmCpuMHz(cluster: Cluster): number {
  return cluster.ha.admissionControl.minimumVmCpuMHz;
}

/** Clusters HA protects (ha.enabled, the default). */
export function haClusters(topology: Topology): readonly Cluster[] {
  return topology.clusters.filter((cluster) => cluster.ha.enabled);
}

const resourcesCache = new WeakMap<Topology, Map<string, ClusterResources>>();

/** The cluster's good hosts and its powered-on VMs on them; computed once per topology. */
export function clusterResources(topology: Topology, cluster: Cluster): ClusterResources {
  let byCluster = resourcesCache.get(topology);
  if (!byCluster) {
    byCluster = new Map();
    resourcesCache.set(topology, byCluster);
  }
  const cached = byCluster.get(cluster.id);
  if (cached) return cached;
  const goodHosts = topology.hostsInCluster(cluster.id).filter(isGoodHost);
  const vms: VmDemand[] = [];
  for (const host of goodHosts) {
    for (const vm of topology.vmsOnHost(host.id)) {
      if (vm.power === 'on') vms.push(vmDemand(vm, cluster));
    }
  }
  const goodHostIds = new Set(goodHosts.map((host) => host.id));
  for (const primary of [...vms]) {
    if (primary.ftSecondaryHostId !== undefined && goodHostIds.has(primary.ftSecondaryHostId)) vms.push(ftSecondaryDemand(primary, primary.ftSecondaryHostId));
  }
  const resources: ClusterResources = { cluster, hosts: goodHosts.map(hostCapacity), vms };
  byCluster.set(cluster.id, resources);
  return resources;
}

/**
 * Everything `clusterResources` reads of a design: the cluster, each of its hosts, and the VMs
 * on each, in order. The same objects mean the same resources (model/carried.ts).
 */
export function clusterParts(topology: Topology, cluster: Cluster): object[] {
  const parts: object[] = [cluster];
  for (const host of topology.hostsInCluster(cluster.id)) {
    parts.push(host);
    for (const vm of topology.vmsOnHost(host.id)) parts.push(vm);
  }
  return parts;
}

/** The largest value of a numeric property over items, `empty` for none (no spread: lists may be long). */
export function maxOf<T>(items: readonly T[], value: (item: T) => number, empty = 0): number {
  let largest = -Infinity;
  for (const item of items) largest = Math.max(largest, value(item));
  return largest === -Infinity ? empty : largest;
}

/** Sums a numeric property over items. */
export function sumOf<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}
