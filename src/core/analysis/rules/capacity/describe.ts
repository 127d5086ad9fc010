/** Wording shared by the capacity rules: admission control figures as a reviewer reads them. */

import type { FailoverHostsResult } from '../../../capacity/failover-hosts';
import type { PercentagePolicyResult } from '../../../capacity/percentage';
import type { SlotPolicyResult } from '../../../capacity/slots';
import { formatPercent, listNames } from '../../../capacity/status';
import type { Cluster } from '../../../model/topology';
import type { SourceRange } from '../../../model/source';
import { formatQuantity } from '../../../model/units';
import { plural } from '../../../text/plural';

/** Clusters this large show the range of slots per host instead of every host. */
const HOSTS_LISTED = 8;
/** Multi-slot VMs named before "and N more". */
const MULTI_SLOT_VMS_LISTED = 5;

export function cpu(mhz: number): string {
  return formatQuantity(mhz, 'frequency');
}

export function memory(mb: number): string {
  return formatQuantity(mb, 'data');
}

/** A configured percentage as written (it may have decimals). */
export function configuredPercent(percent: number): string {
  return `${Math.round(percent * 100) / 100}%`;
}

export function hostCount(count: number): string {
  return `${count} ${plural(count, 'host')}`;
}

/** Where a finding about a cluster's admission control goes: the policy value if written, else the cluster id. */
export function admissionControlRange(cluster: Cluster): SourceRange {
  return cluster.ha.admissionControl.source.fields.policy?.value ?? cluster.idRange;
}

export function describeSlots(slots: SlotPolicyResult): string {
  const perHost = slots.slotsByHost.length <= HOSTS_LISTED
    ? slots.slotsByHost.map((h) => `"${h.hostId}" ${h.slots}`).join(', ')
    : `${Math.min(...slots.slotsByHost.map((h) => h.slots))} to ${Math.max(...slots.slotsByHost.map((h) => h.slots))} per host`;
  const listed = slots.multiSlotVms.slice(0, MULTI_SLOT_VMS_LISTED).map((vm) => `"${vm.vmId}" ${vm.slots}`).join(', ');
  const more = slots.multiSlotVms.length > MULTI_SLOT_VMS_LISTED ? ` and ${slots.multiSlotVms.length - MULTI_SLOT_VMS_LISTED} more` : '';
  const multi = slots.multiSlotVms.length > 0 ? ` (multi-slot VMs: ${listed}${more})` : '';
  return `slot size ${cpu(slots.slotCpuMHz)} / ${memory(slots.slotMemoryMB)}; slots per host: ${perHost} (${slots.totalSlots} in all); ${slots.usedSlots} used${multi}; current failover capacity ${hostCount(slots.failoverCapacity)}; ${slots.unreservedSlots} unreserved ${plural(slots.unreservedSlots, 'slot')}`;
}

export function describeReservation(percentage: PercentagePolicyResult, hostFailuresToTolerate: number): string {
  const derived = percentage.cpuPercentDerived || percentage.memoryPercentDerived
    ? ` (derived from ${hostFailuresToTolerate} host ${plural(hostFailuresToTolerate, 'failure')}: the largest ${plural(hostFailuresToTolerate, "host's", "hosts'")} share, rounded up)`
    : '';
  return `reserved CPU ${configuredPercent(percentage.configuredCpuPercent)}, memory ${configuredPercent(percentage.configuredMemoryPercent)}${derived}`;
}

export function describeCurrentPercentages(percentage: PercentagePolicyResult): string {
  return `current failover capacity CPU ${formatPercent(percentage.cpuFailoverCapacityPercent)}, memory ${formatPercent(percentage.memoryFailoverCapacityPercent)}`;
}

export function describePercentage(percentage: PercentagePolicyResult, hostFailuresToTolerate: number): string {
  return `${describeCurrentPercentages(percentage)}; ${describeReservation(percentage, hostFailuresToTolerate)}; ${configuredPercent(percentage.cpuAvailablePercent)} CPU and ${configuredPercent(percentage.memoryAvailablePercent)} memory left for new VMs`;
}

export function describeFailoverHosts(result: FailoverHostsResult): string {
  const hosts = result.failoverHostIds.length > 0 ? `failover ${plural(result.failoverHostIds.length, 'host')} ${listNames(result.failoverHostIds)}` : 'no usable failover host';
  const unavailable = result.unavailableFailoverHostIds.length > 0
    ? ` (${listNames(result.unavailableFailoverHostIds)} not connected or not in the cluster)`
    : '';
  return `${hosts}${unavailable} with ${cpu(result.spareCpuMHz)} / ${memory(result.spareMemoryMB)} spare; reserved load of the ${hostCount(result.hostFailuresToTolerate)} most loaded: ${cpu(result.largestLoadCpuMHz)} / ${memory(result.largestLoadMemoryMB)}; current failover capacity ${hostCount(result.failoverCapacity)}`;
}
