/**
 * vSphere HA's percentage policy, "cluster resources reserved" (docs/design/algorithms.md#12-percentage-policy; vSphere
 * Availability guide, "Percentage of Cluster Resources Admission Control").
 */

import { sumOf, type HostCapacity } from './resources';

export interface PercentageDemand {
  readonly cpuMHz: number;
  readonly reservedMemoryMB: number;
}

export interface PercentagePolicyInput {
  readonly hosts: readonly HostCapacity[];
  readonly vms: readonly PercentageDemand[];
  readonly hostFailuresToTolerate: number;
  /** Reserved CPU percentage; derived from hostFailuresToTolerate when omitted. */
  readonly cpuPercent?: number;
  /** Reserved memory percentage; derived from hostFailuresToTolerate when omitted. */
  readonly memoryPercent?: number;
}

export interface PercentagePolicyResult {
  readonly totalCpuMHz: number;
  readonly totalMemoryMB: number;
  readonly usedCpuMHz: number;
  readonly usedMemoryMB: number;
  /** (total - used) / total, exact: admission control compares these. */
  readonly cpuFailoverCapacityPercent: number;
  readonly memoryFailoverCapacityPercent: number;
  /** The same truncated to a whole percent, as the vSphere client shows it (70.83% as 70%). */
  readonly shownCpuFailoverCapacityPercent: number;
  readonly shownMemoryFailoverCapacityPercent: number;
  readonly configuredCpuPercent: number;
  readonly configuredMemoryPercent: number;
  /** Whether the configured percentages were derived from hostFailuresToTolerate. */
  readonly cpuPercentDerived: boolean;
  readonly memoryPercentDerived: boolean;
  /** What is left for new VMs: shown capacity minus the configured reservation. */
  readonly cpuAvailablePercent: number;
  readonly memoryAvailablePercent: number;
  /** Admission control passes: both exact capacities are at least their reservation. */
  readonly satisfied: boolean;
}

/** Absorbs floating-point noise such as 50.000000000001 before truncating or rounding up. */
const EPSILON = 1e-9;

export function percentagePolicy(input: PercentagePolicyInput): PercentagePolicyResult {
  const totalCpuMHz = sumOf(input.hosts, (h) => h.cpuMHz);
  const totalMemoryMB = sumOf(input.hosts, (h) => h.memoryMB);
  const usedCpuMHz = sumOf(input.vms, (vm) => vm.cpuMHz);
  const usedMemoryMB = sumOf(input.vms, (vm) => vm.reservedMemoryMB);
  const cpuFailoverCapacityPercent = failoverCapacityPercent(totalCpuMHz, usedCpuMHz);
  const memoryFailoverCapacityPercent = failoverCapacityPercent(totalMemoryMB, usedMemoryMB);
  const shownCpu = truncatePercent(cpuFailoverCapacityPercent);
  const shownMemory = truncatePercent(memoryFailoverCapacityPercent);
  const configuredCpuPercent = input.cpuPercent ?? derivedReservePercent(input.hosts.map((h) => h.cpuMHz), input.hostFailuresToTolerate);
  const configuredMemoryPercent = input.memoryPercent ?? derivedReservePercent(input.hosts.map((h) => h.memoryMB), input.hostFailuresToTolerate);
  return {
    totalCpuMHz,
    totalMemoryMB,
    usedCpuMHz,
    usedMemoryMB,
    cpuFailoverCapacityPercent,
    memoryFailoverCapacityPercent,
    shownCpuFailoverCapacityPercent: shownCpu,
    shownMemoryFailoverCapacityPercent: shownMemory,
    configuredCpuPercent,
    configuredMemoryPercent,
    cpuPercentDerived: input.cpuPercent === undefined,
    memoryPercentDerived: input.memoryPercent === undefined,
    cpuAvailablePercent: shownCpu - configuredCpuPercent,
    memoryAvailablePercent: shownMemory - configuredMemoryPercent,
    satisfied: cpuFailoverCapacityPercent + EPSILON >= configuredCpuPercent && memoryFailoverCapacityPercent + EPSILON >= configuredMemoryPercent,
  };
}

/** (total - used) / total as a percentage; a cluster with no capacity has none to spare. */
export function failoverCapacityPercent(total: number, used: number): number {
  return total > 0 ? ((total - used) * 100) / total : 0;
}

/** Whole percent towards zero, as the vSphere client shows failover capacity. */
export function truncatePercent(percent: number): number {
  return Math.trunc(percent + (percent >= 0 ? EPSILON : -EPSILON));
}

/**
 * The reservation vSphere 6.5+ derives from F: "F/N of cluster resources" for N equal hosts.
 * VMware does not document the rounding for unequal hosts, so VTopo assumes the share held
 * by the F largest hosts (per resource), rounded up to a whole percent: exactly enough to
 * lose any F hosts, and ceil(100 F / N) for equal hosts (34% for 1 of 3).
 */
export function derivedReservePercent(hostCapacities: readonly number[], hostFailuresToTolerate: number): number {
  const total = sumOf(hostCapacities, (c) => c);
  const F = Math.max(0, Math.floor(hostFailuresToTolerate));
  if (total <= 0 || F === 0) return 0;
  if (F >= hostCapacities.length) return 100;
  const largest = sumOf([...hostCapacities].sort((a, b) => b - a).slice(0, F), (c) => c);
  return Math.min(100, Math.ceil((largest * 100) / total - EPSILON));
}
