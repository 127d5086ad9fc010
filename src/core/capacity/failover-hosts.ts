/**
 * vSphere HA's dedicated failover hosts policy (docs/design/algorithms.md#13-dedicated-failover-hosts): the named hosts run no
 * VMs, and HA restarts failed hosts' VMs on them first. vSphere itself checks no capacity
 * for this policy; VTopo adds one so the policy cannot promise what it cannot hold:
 * the failover hosts' spare capacity must cover the reserved load of the F most loaded
 * other hosts, CPU and memory each (the loads ranked per resource, a conservative bound).
 */

import { sumOf, type HostCapacity } from './resources';

export interface FailoverHostsDemand {
  readonly vmId: string;
  readonly hostId: string;
  readonly cpuMHz: number;
  readonly reservedMemoryMB: number;
}

export interface FailoverHostsInput {
  /** Good hosts of the cluster. */
  readonly hosts: readonly HostCapacity[];
  readonly vms: readonly FailoverHostsDemand[];
  /** The configured failover hosts. */
  readonly failoverHostIds: readonly string[];
  readonly hostFailuresToTolerate: number;
}

export interface FailoverHostsResult {
  /** Configured failover hosts that are good hosts of the cluster. */
  readonly failoverHostIds: readonly string[];
  /** Configured failover hosts that are not: in another cluster, or not connected. */
  readonly unavailableFailoverHostIds: readonly string[];
  /** Powered-on VMs running on a failover host (the policy forbids them). */
  readonly vmsOnFailoverHosts: readonly string[];
  /** Failover hosts' capacity minus whatever already runs on them. */
  readonly spareCpuMHz: number;
  readonly spareMemoryMB: number;
  /** The reserved load of the largest F other hosts, per resource. */
  readonly largestLoadCpuMHz: number;
  readonly largestLoadMemoryMB: number;
  /** The largest k (at most the number of failover hosts) whose k largest loads the spare capacity covers. */
  readonly failoverCapacity: number;
  readonly hostFailuresToTolerate: number;
}

export function failoverHostsPolicy(input: FailoverHostsInput): FailoverHostsResult {
  const goodHostIds = new Set(input.hosts.map((h) => h.hostId));
  const failoverIds = new Set(input.failoverHostIds.filter((id) => goodHostIds.has(id)));
  const unavailable = input.failoverHostIds.filter((id) => !goodHostIds.has(id));

  const loads = new Map<string, { cpuMHz: number; memoryMB: number }>(input.hosts.map((h) => [h.hostId, { cpuMHz: 0, memoryMB: 0 }]));
  const vmsOnFailoverHosts: string[] = [];
  for (const vm of input.vms) {
    const load = loads.get(vm.hostId);
    if (!load) continue;
    load.cpuMHz += vm.cpuMHz;
    load.memoryMB += vm.reservedMemoryMB;
    if (failoverIds.has(vm.hostId)) vmsOnFailoverHosts.push(vm.vmId);
  }
  const failoverHosts = input.hosts.filter((h) => failoverIds.has(h.hostId));
  const spareCpuMHz = sumOf(failoverHosts, (h) => h.cpuMHz - (loads.get(h.hostId)?.cpuMHz ?? 0));
  const spareMemoryMB = sumOf(failoverHosts, (h) => h.memoryMB - (loads.get(h.hostId)?.memoryMB ?? 0));

  const otherLoads = input.hosts.filter((h) => !failoverIds.has(h.hostId)).map((h) => loads.get(h.hostId) ?? { cpuMHz: 0, memoryMB: 0 });
  const cpuLoadsLargestFirst = otherLoads.map((l) => l.cpuMHz).sort((a, b) => b - a);
  const memoryLoadsLargestFirst = otherLoads.map((l) => l.memoryMB).sort((a, b) => b - a);
  let failoverCapacity = 0;
  let cpuNeeded = 0;
  let memoryNeeded = 0;
  while (failoverCapacity < failoverIds.size) {
    cpuNeeded += cpuLoadsLargestFirst[failoverCapacity] ?? 0;
    memoryNeeded += memoryLoadsLargestFirst[failoverCapacity] ?? 0;
    if (cpuNeeded > spareCpuMHz || memoryNeeded > spareMemoryMB) break;
    failoverCapacity++;
  }
  const F = Math.max(0, Math.floor(input.hostFailuresToTolerate));
  return {
    failoverHostIds: input.hosts.filter((h) => failoverIds.has(h.hostId)).map((h) => h.hostId),
    unavailableFailoverHostIds: unavailable,
    vmsOnFailoverHosts,
    spareCpuMHz,
    spareMemoryMB,
    largestLoadCpuMHz: sumOf(cpuLoadsLargestFirst.slice(0, F), (l) => l),
    largestLoadMemoryMB: sumOf(memoryLoadsLargestFirst.slice(0, F), (l) => l),
    failoverCapacity,
    hostFailuresToTolerate: F,
  };
}
