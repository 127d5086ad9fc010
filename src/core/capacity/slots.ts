/**
 * vSphere HA's slot policy, "host failures cluster tolerates" (docs/design/algorithms.md#11-slot-policy; vSphere
 * Availability guide, "Slot Policy Admission Control"). Reproduces the guide's published
 * example to the unit (test/unit/capacity/slots.test.ts).
 */

import type { HostCapacity } from './resources';

/** What a slot calculation needs of a VM: its CPU demand and its reserved memory. */
export interface SlotDemand {
  readonly vmId: string;
  readonly cpuMHz: number;
  readonly reservedMemoryMB: number;
}

export interface SlotPolicyInput {
  readonly hosts: readonly HostCapacity[];
  readonly vms: readonly SlotDemand[];
  /** F: host failures the cluster must tolerate. */
  readonly hostFailuresToTolerate: number;
  /** das.vmcpuminmhz: the smallest CPU slot, also the slot of a cluster without VMs. */
  readonly minimumVmCpuMHz: number;
  /** das.slotcpuinmhz. */
  readonly slotCpuCapMHz?: number;
  /** das.slotmeminmb. */
  readonly slotMemoryCapMB?: number;
}

export interface HostSlots {
  readonly hostId: string;
  readonly slots: number;
}

export interface SlotPolicyResult {
  readonly slotCpuMHz: number;
  readonly slotMemoryMB: number;
  /** Per good host, in input order. */
  readonly slotsByHost: readonly HostSlots[];
  readonly totalSlots: number;
  /** Slots taken by powered-on VMs (a VM larger than a capped slot takes several). */
  readonly usedSlots: number;
  /** VMs that take more than one slot, with their slot count. */
  readonly multiSlotVms: ReadonlyArray<{ readonly vmId: string; readonly slots: number }>;
  /** The largest k such that without the k hosts with the most slots the rest still hold every used slot. */
  readonly failoverCapacity: number;
  /** Slots left for new VMs once the F largest hosts are set aside. */
  readonly unreservedSlots: number;
  readonly hostFailuresToTolerate: number;
}

/**
 * A slot is never smaller than 1 MHz / 1 MB: with no memory reservations (and no stated
 * VM overhead) memory would otherwise divide by zero; at 1 MB memory never limits, which
 * is what a zero memory slot means.
 */
const SMALLEST_SLOT = 1;

export function slotPolicy(input: SlotPolicyInput): SlotPolicyResult {
  let largestCpuMHz = input.minimumVmCpuMHz;
  let largestMemoryMB = 0;
  for (const vm of input.vms) {
    largestCpuMHz = Math.max(largestCpuMHz, vm.cpuMHz);
    largestMemoryMB = Math.max(largestMemoryMB, vm.reservedMemoryMB);
  }
  const slotCpuMHz = Math.max(SMALLEST_SLOT, Math.min(input.slotCpuCapMHz ?? Infinity, largestCpuMHz));
  const slotMemoryMB = Math.max(SMALLEST_SLOT, Math.min(input.slotMemoryCapMB ?? Infinity, largestMemoryMB));

  const slotsByHost = input.hosts.map((host) => ({
    hostId: host.hostId,
    slots: Math.min(Math.floor(host.cpuMHz / slotCpuMHz), Math.floor(host.memoryMB / slotMemoryMB)),
  }));

  // Inferred rule (not spelled out by VMware): a VM larger than a capped slot takes as many
  // slots as its larger dimension needs.
  const multiSlotVms: Array<{ vmId: string; slots: number }> = [];
  let usedSlots = 0;
  for (const vm of input.vms) {
    const slots = slotsOfVm(vm, slotCpuMHz, slotMemoryMB);
    usedSlots += slots;
    if (slots > 1) multiSlotVms.push({ vmId: vm.vmId, slots });
  }

  const largestFirst = slotsByHost.map((h) => h.slots).sort((a, b) => b - a);
  const totalSlots = largestFirst.reduce((sum, slots) => sum + slots, 0);
  const failoverCapacity = hostsThatCanFail(largestFirst, totalSlots, usedSlots);
  const F = Math.max(0, Math.floor(input.hostFailuresToTolerate));
  const slotsWithoutLargest = totalSlots - largestFirst.slice(0, F).reduce((sum, slots) => sum + slots, 0);
  return {
    slotCpuMHz,
    slotMemoryMB,
    slotsByHost,
    totalSlots,
    usedSlots,
    multiSlotVms,
    failoverCapacity,
    unreservedSlots: Math.max(0, slotsWithoutLargest - usedSlots),
    hostFailuresToTolerate: F,
  };
}

/** max(ceil(cpu / slotCpu), ceil(mem / slotMem)), and at least one slot. */
export function slotsOfVm(vm: SlotDemand, slotCpuMHz: number, slotMemoryMB: number): number {
  return Math.max(1, Math.ceil(vm.cpuMHz / slotCpuMHz), Math.ceil(vm.reservedMemoryMB / slotMemoryMB));
}

/** Removing hosts largest first, how many can go while the rest still hold `used` slots. */
function hostsThatCanFail(slotsLargestFirst: readonly number[], totalSlots: number, usedSlots: number): number {
  let remaining = totalSlots;
  let removed = 0;
  for (const slots of slotsLargestFirst) {
    if (remaining - slots < usedSlots) break;
    remaining -= slots;
    removed++;
  }
  return removed;
}
