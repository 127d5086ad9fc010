/** Wording shared by the capacity rules: admission control figures as a reviewer reads them. */

import type { FailoverHostsResult } from '../../../capacity/failover-hosts';
import type { PercentagePolicyResult } from '../../../capacity/percentage';
import type { SlotPolicyResult } from '../../../capacity/slots';
import { formatPercent } from '../../../capacity/status';
import type { Cluster } from '../../../model/topology';
import type { SourceRange } from '../../../model/source';
import { formatQuantity } from '../../../model/units';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator, listWithMore, quoteId } from '../../../l10n/format';

/** Clusters this large show the range of slots per host instead of every host. */
const HOSTS_LISTED = 8;
/** Multi-slot VMs named before "and N more". */
const MULTI_SLOT_VMS_LISTED = 5;
/** Names listed before "and N more" (as capacity/status lists them). */
const NAMES_LISTED = 5;

const MESSAGES = defineMessages('capacity.describe', {
  oneHost: '1 host',
  hosts: '{count} hosts',
  namedSlots: '"{id}" {slots}',
  slotsPerHostRange: '{min} to {max} per host',
  oneUnreservedSlot: '1 unreserved slot',
  unreservedSlots: '{count} unreserved slots',
  slots: 'slot size {cpu} / {memory}; slots per host: {perHost} ({total} in all); {used} used; current failover capacity {capacity}; {unreserved}',
  slotsMultiSlotVms: 'slot size {cpu} / {memory}; slots per host: {perHost} ({total} in all); {used} used (multi-slot VMs: {multiSlotVms}); current failover capacity {capacity}; {unreserved}',
  reservation: 'reserved CPU {cpu}, memory {memory}',
  reservationDerivedOne: 'reserved CPU {cpu}, memory {memory} (derived from 1 host failure: the largest host\'s share, rounded up)',
  reservationDerived: 'reserved CPU {cpu}, memory {memory} (derived from {count} host failures: the largest hosts\' share, rounded up)',
  currentPercentages: 'current failover capacity CPU {cpu}, memory {memory}',
  percentage: '{current}; {reservation}; {cpu} CPU and {memory} memory left for new VMs',
  oneFailoverHost: 'failover host {hosts}',
  failoverHostList: 'failover hosts {hosts}',
  noFailoverHost: 'no usable failover host',
  failoverHosts: '{failoverHosts} with {spareCpu} / {spareMemory} spare; reserved load of the {tolerated} most loaded: {loadCpu} / {loadMemory}; current failover capacity {capacity}',
  failoverHostsUnavailable: '{failoverHosts} ({unavailable} not connected or not in the cluster) with {spareCpu} / {spareMemory} spare; reserved load of the {tolerated} most loaded: {loadCpu} / {loadMemory}; current failover capacity {capacity}',
});

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
  return count === 1 ? MESSAGES.oneHost({}) : MESSAGES.hosts({ count });
}

/** Quoted ids, the first few, then "and N more" (`total` counts ids not given). */
export function listNames(ids: readonly string[], limit = NAMES_LISTED, total = ids.length): string {
  return listWithMore(ids.slice(0, limit).map(quoteId), limit, total);
}

/** Where a finding about a cluster's admission control goes: the policy value if written, else the cluster id. */
export function admissionControlRange(cluster: Cluster): SourceRange {
  return cluster.ha.admissionControl.source.fields.policy?.value ?? cluster.idRange;
}

export function describeSlots(slots: SlotPolicyResult): string {
  const perHost = slots.slotsByHost.length <= HOSTS_LISTED
    ? slots.slotsByHost.map((h) => MESSAGES.namedSlots({ id: h.hostId, slots: h.slots })).join(listSeparator())
    : MESSAGES.slotsPerHostRange({ min: Math.min(...slots.slotsByHost.map((h) => h.slots)), max: Math.max(...slots.slotsByHost.map((h) => h.slots)) });
  const data = {
    cpu: cpu(slots.slotCpuMHz),
    memory: memory(slots.slotMemoryMB),
    perHost,
    total: slots.totalSlots,
    used: slots.usedSlots,
    capacity: hostCount(slots.failoverCapacity),
    unreserved: slots.unreservedSlots === 1 ? MESSAGES.oneUnreservedSlot({}) : MESSAGES.unreservedSlots({ count: slots.unreservedSlots }),
  };
  if (slots.multiSlotVms.length === 0) return MESSAGES.slots(data);
  const named = slots.multiSlotVms.slice(0, MULTI_SLOT_VMS_LISTED).map((vm) => MESSAGES.namedSlots({ id: vm.vmId, slots: vm.slots }));
  const multiSlotVms = listWithMore(named, MULTI_SLOT_VMS_LISTED, slots.multiSlotVms.length);
  return MESSAGES.slotsMultiSlotVms({ ...data, multiSlotVms });
}

export function describeReservation(percentage: PercentagePolicyResult, hostFailuresToTolerate: number): string {
  const reserved = { cpu: configuredPercent(percentage.configuredCpuPercent), memory: configuredPercent(percentage.configuredMemoryPercent) };
  if (!percentage.cpuPercentDerived && !percentage.memoryPercentDerived) return MESSAGES.reservation(reserved);
  return hostFailuresToTolerate === 1 ? MESSAGES.reservationDerivedOne(reserved) : MESSAGES.reservationDerived({ ...reserved, count: hostFailuresToTolerate });
}

export function describeCurrentPercentages(percentage: PercentagePolicyResult): string {
  return MESSAGES.currentPercentages({ cpu: formatPercent(percentage.cpuFailoverCapacityPercent), memory: formatPercent(percentage.memoryFailoverCapacityPercent) });
}

export function describePercentage(percentage: PercentagePolicyResult, hostFailuresToTolerate: number): string {
  return MESSAGES.percentage({
    current: describeCurrentPercentages(percentage),
    reservation: describeReservation(percentage, hostFailuresToTolerate),
    cpu: configuredPercent(percentage.cpuAvailablePercent),
    memory: configuredPercent(percentage.memoryAvailablePercent),
  });
}

export function describeFailoverHosts(result: FailoverHostsResult): string {
  const count = result.failoverHostIds.length;
  const failoverHosts = count === 0
    ? MESSAGES.noFailoverHost({})
    : (count === 1 ? MESSAGES.oneFailoverHost : MESSAGES.failoverHostList)({ hosts: listNames(result.failoverHostIds) });
  const data = {
    failoverHosts,
    spareCpu: cpu(result.spareCpuMHz),
    spareMemory: memory(result.spareMemoryMB),
    tolerated: hostCount(result.hostFailuresToTolerate),
    loadCpu: cpu(result.largestLoadCpuMHz),
    loadMemory: memory(result.largestLoadMemoryMB),
    capacity: hostCount(result.failoverCapacity),
  };
  return result.unavailableFailoverHostIds.length > 0
    ? MESSAGES.failoverHostsUnavailable({ ...data, unavailable: listNames(result.unavailableFailoverHostIds) })
    : MESSAGES.failoverHosts(data);
}
