/**
 * Whether a VM fits on a host: the one check HA restarts (simulation/engine) and live
 * migrations (simulation/migration, hence maintenance and balancing) both make. A host
 * takes the VM when its unreserved CPU and memory cover the VM's reservations and it runs
 * fewer VMs than its maxVms.
 */

/** What a VM reserves on the host that runs it. */
export interface FitDemand {
  readonly cpuMHz: number;
  /** Memory reservation + overhead. */
  readonly reservedMemoryMB: number;
}

/** What a host has left: unreserved CPU and memory, and the VMs it already runs. */
export interface FreeRoom {
  readonly cpuMHz: number;
  readonly memoryMB: number;
  readonly vmCount: number;
}

/** Why a VM does not fit, in the order messages name them. */
export type Shortfall = 'memory' | 'cpu' | 'vm-limit';

/** Every reason the VM does not fit; empty when it fits. `maxVms` undefined: no limit. */
export function shortfalls(demand: FitDemand, free: FreeRoom, maxVms: number | undefined): Shortfall[] {
  const missing: Shortfall[] = [];
  if (lacksMemory(demand, free)) missing.push('memory');
  if (lacksCpu(demand, free)) missing.push('cpu');
  if (atVmLimit(free, maxVms)) missing.push('vm-limit');
  return missing;
}

/** No shortfall, without making the list (placement asks this of every host for every VM). */
export function fits(demand: FitDemand, free: FreeRoom, maxVms: number | undefined): boolean {
  return !lacksMemory(demand, free) && !lacksCpu(demand, free) && !atVmLimit(free, maxVms);
}

function lacksMemory(demand: FitDemand, free: FreeRoom): boolean {
  return demand.reservedMemoryMB > free.memoryMB;
}

function lacksCpu(demand: FitDemand, free: FreeRoom): boolean {
  return demand.cpuMHz > free.cpuMHz;
}

function atVmLimit(free: FreeRoom, maxVms: number | undefined): boolean {
  return maxVms !== undefined && free.vmCount >= maxVms;
}
