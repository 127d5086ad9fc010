/**
 * VMs from each node's Get-VM, matched to their cluster groups (by the Virtual Machine
 * resource's VmID, else by name): a clustered VM takes its group's priority as its restart
 * priority (docs/format.md "Restart priorities on other platforms": 3000 high, 2000 medium,
 * 1000 low, 0 No Auto Start is disabled); a VM that is not clustered is not highly
 * available at all, so it is written `restartPriority: disabled`. Groups that share an
 * anti-affinity class name become anti-affinity rules, preferred owners should-run-on
 * rules, and possible owners that leave nodes out must-run-on rules.
 */

import type { DraftElement, DraftValue } from '../emit';
import { idFromName, type IdAllocator } from '../ids';
import { dataText } from '../quantities';
import { naturalCompare } from '../../text/natural-order';
import type { SummaryBuilder } from '../summary';
import type { GroupInfo, HypervInventory, VmInfo } from './inventory';
import { within } from './json';
import type { HostLan } from './lan';
import type { ImportedStorage } from './storage';
import { grouped } from '../../text/plural';
import { formatList } from '../../l10n/format';
import { defineMessages } from '../../l10n/messages';
import { someOf } from '../notes';

const MESSAGES = defineMessages('import.hyperv.vms', {
  alsoListed: '{where}: VM "{vm}" ({id}) is also listed on {first}; the first is used',
  unknownNodes: 'VMs of {nodes}, which is not a node of the cluster, left out',
  unmatchedOne: '1 clustered VM group whose VM no node\'s Get-VM listed ({groups}): its node was down or could not be read; left out',
  unmatchedMany: '{count} clustered VM groups whose VM no node\'s Get-VM listed ({groups}): its node was down or could not be read; left out',
  noGroup: '{where}: VM "{vm}" says it is clustered, but no cluster group names it; written without a restart priority',
  otherOwner: 'VM "{vm}" is registered on {host}, but its cluster group names owner {owner}; the node that lists the VM is used',
  otherState: '{where}: VM "{vm}" is in state {state}; written as powered on',
  memoryStartup: '{where}: MemoryStartup of VM "{vm}"',
  noStartupMemory: '{where}: VM "{vm}" has no startup memory; the design reports it',
  processorCount: '{where}: ProcessorCount of VM "{vm}"',
  notClusteredOne: '1 VM is not clustered roles, so not highly available: written restartPriority: disabled (the cluster never restarts them elsewhere)',
  notClusteredMany: '{count} VMs are not clustered roles, so not highly available: written restartPriority: disabled (the cluster never restarts them elsewhere)',
  priorities: 'restart priority of clustered VMs from their group priority: 3000 high, 2000 medium (the default, not written), 1000 low, 0 (No Auto Start) disabled',
  oddOne: '1 cluster group with a priority other than 0, 1000, 2000 or 3000: taken as the level at or below it',
  oddMany: '{count} cluster groups with a priority other than 0, 1000, 2000 or 3000: taken as the level at or below it',
  unknownPriorityOne: 'the cluster group priority of 1 VM: they take the cluster\'s default restart priority (medium)',
  unknownPriorityMany: 'the cluster group priority of {count} VMs: they take the cluster\'s default restart priority (medium)',
  dynamicOne: '1 VM use dynamic memory: memory is their startup memory (what a restart needs); they may grow to their maximum memory',
  dynamicMany: '{count} VMs use dynamic memory: memory is their startup memory (what a restart needs); they may grow to their maximum memory',
  spanningOne: '1 VM keep files on more than one volume ({vms}): datastore is the local one if any (it is what stops a failover), else the one of the first disk',
  spanningMany: '{count} VMs keep files on more than one volume ({vms}): datastore is the local one if any (it is what stops a failover), else the one of the first disk',
  offNetwork: 'VM network adapters on switch(es) that are not external switches of their node ({switches}) are counted in vnics but not listed in networks',
  antiAffinityClass: 'anti-affinity class "{name}"',
  loneClasses: 'anti-affinity class(es) with a single VM left out ({classes}): nothing to keep apart',
  enforcedUnknown: 'ClusterEnforcedAntiAffinity: whether the cluster keeps a VM offline rather than break its anti-affinity class is not known; the design assumes it does (respectAntiAffinity: true)',
  unknownOwners: 'cluster group "{group}": owner node(s) {nodes} are not nodes of the inventory; left out',
  possibleOwners: 'possible owners',
  preferredOwners: 'preferred owners',
  preferredRules: 'preferred owners of VM groups that leave some nodes out written as should-run-on VM-host rules: the cluster fails a VM over to its preferred owners first, then to any node',
  possibleRules: 'possible owners of Virtual Machine resources that leave some nodes out written as must-run-on VM-host rules: the cluster never starts the VM elsewhere',
});

const MIB = 1024 * 1024;

export interface VmsInput {
  readonly inventory: HypervInventory;
  readonly summary: SummaryBuilder;
  readonly ids: IdAllocator;
  readonly hostOf: (node: string) => string | undefined;
  /** Every host id of the cluster, in file order. */
  readonly hostIds: readonly string[];
  readonly lan: ReadonlyMap<string, HostLan>;
  readonly storage: ImportedStorage;
}

export interface ImportedVms {
  readonly vms: Map<string, DraftElement>;
  readonly rules: Map<string, DraftElement>;
  readonly notClustered: number;
  readonly poweredOff: number;
}

export function importVms(input: VmsInput): ImportedVms {
  const { inventory, summary } = input;
  // One record per VM: the first node (in name order) that lists a VM id wins.
  const records: Array<{ vm: VmInfo; hostId: string }> = [];
  const seen = new Map<string, string>();
  const unknownNodes = new Set<string>();
  for (const vm of [...inventory.vms].sort((a, b) => naturalCompare(a.name, b.name) || naturalCompare(a.node, b.node) || naturalCompare(a.id ?? '', b.id ?? ''))) {
    const hostId = input.hostOf(vm.node);
    if (hostId === undefined) {
      unknownNodes.add(vm.node);
      continue;
    }
    if (vm.id !== undefined) {
      const first = seen.get(vm.id);
      if (first !== undefined) {
        summary.warn(MESSAGES.alsoListed({ where: vm.where, vm: vm.name, id: vm.id, first }));
        continue;
      }
      seen.set(vm.id, hostId);
    }
    records.push({ vm, hostId });
  }
  if (unknownNodes.size > 0) summary.warn(MESSAGES.unknownNodes({ nodes: formatList([...unknownNodes].sort(naturalCompare)) }));

  // Cluster groups of VMs, matched by VmID, else by name.
  const groupOf = new Map<VmInfo, GroupInfo>();
  const groups = [...(inventory.groups ?? [])].sort((a, b) => naturalCompare(a.name, b.name));
  const byId = new Map(records.flatMap(({ vm }) => (vm.id === undefined ? [] : [[vm.id, vm] as const])));
  const byName = new Map<string, VmInfo[]>();
  for (const { vm } of records) byName.set(vm.name.toLowerCase(), [...(byName.get(vm.name.toLowerCase()) ?? []), vm]);
  const unmatched: string[] = [];
  for (const group of groups) {
    const candidates = byName.get(group.name.toLowerCase()) ?? [];
    const vm = (group.vmId === undefined ? undefined : byId.get(group.vmId)) ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (vm === undefined || groupOf.has(vm)) {
      unmatched.push(group.name);
      continue;
    }
    groupOf.set(vm, group);
  }
  if (unmatched.length > 0) {
    const groups = someOf(unmatched, 3);
    summary.warn(unmatched.length === 1 ? MESSAGES.unmatchedOne({ groups }) : MESSAGES.unmatchedMany({ count: grouped(unmatched.length), groups }));
  }

  const vmIds = new Map(records.map(({ vm }) => [vm, input.ids.allocate(idFromName(vm.name, 'vm'), 'vm')]));
  const vms = new Map<string, DraftElement>();
  let notClustered = 0;
  let poweredOff = 0;
  let dynamic = 0;
  let unknownPriority = 0;
  let odd = 0;
  const spanning: string[] = [];
  const offNetwork = new Set<string>();
  for (const { vm, hostId } of records) {
    const id = vmIds.get(vm) ?? vm.name;
    const group = groupOf.get(vm);
    // Clustered: a cluster group names it. Not clustered: no group does (or Get-VM says so when the file has no groups).
    const clustered = group !== undefined ? true : vm.isClustered === true ? undefined : vm.isClustered === false || inventory.groups !== undefined ? false : undefined;
    if (group === undefined && vm.isClustered === true && inventory.groups !== undefined) summary.warn(MESSAGES.noGroup({ where: vm.where, vm: vm.name }));
    let restartPriority: string | undefined;
    if (clustered === false) {
      restartPriority = 'disabled';
      notClustered += 1;
    } else if (group !== undefined) {
      restartPriority = priorityOf(group.priority);
      if (group.priority === undefined) unknownPriority += 1;
      else if (![0, 1000, 2000, 3000].includes(group.priority)) odd += 1;
    } else unknownPriority += 1;
    if (group?.ownerNode !== undefined && input.hostOf(group.ownerNode) !== hostId) {
      summary.warn(MESSAGES.otherOwner({ vm: vm.name, host: hostId, owner: group.ownerNode }));
    }
    const power = powerOf(vm.state);
    if (power === 'off') poweredOff += 1;
    if (vm.state !== undefined && power === undefined && !RUNNING.has(vm.state.toLowerCase())) summary.warn(MESSAGES.otherState({ where: vm.where, vm: vm.name, state: vm.state }));
    if (vm.dynamicMemory === true) dynamic += 1;
    const memory = within(vm.memoryStartupBytes, MIB, 1073741824 * MIB, MESSAGES.memoryStartup({ where: vm.where, vm: vm.name }), summary);
    if (memory === undefined) summary.warn(MESSAGES.noStartupMemory({ where: vm.where, vm: vm.name }));
    const cpus = within(vm.processorCount, 1, 4096, MESSAGES.processorCount({ where: vm.where, vm: vm.name }), summary);
    const datastore = input.storage.vmDatastore.get(vm);
    if (datastore !== undefined && datastore.spans > 1) spanning.push(vm.name);
    const lan = input.lan.get(hostId);
    const networks: string[] = [];
    for (const name of vm.switchNames) {
      if (name === undefined) continue;
      const network = lan?.vmNetworks.get(name.toLowerCase());
      if (network !== undefined) networks.push(network);
      else offNetwork.add(name);
    }
    vms.set(id, {
      value: {
        host: hostId,
        cpus: cpus === undefined ? undefined : Math.round(cpus),
        memory: memory === undefined ? undefined : dataText(memory / MIB),
        datastore: datastore?.id,
        restartPriority: restartPriority === 'medium' ? undefined : restartPriority,
        power,
        vnics: vm.switchNames.length > 0 ? vm.switchNames.length : undefined,
        networks: networks.length > 0 ? [...new Set(networks)].sort(naturalCompare) : undefined,
      },
      comment: id === vm.name ? undefined : `"${vm.name}"`,
    });
  }
  if (notClustered > 0) summary.inferred(notClustered === 1 ? MESSAGES.notClusteredOne({}) : MESSAGES.notClusteredMany({ count: grouped(notClustered) }));
  if (groupOf.size > 0) summary.inferred(MESSAGES.priorities({}));
  if (odd > 0) summary.warn(odd === 1 ? MESSAGES.oddOne({}) : MESSAGES.oddMany({ count: grouped(odd) }));
  if (unknownPriority > 0) summary.missing(unknownPriority === 1 ? MESSAGES.unknownPriorityOne({}) : MESSAGES.unknownPriorityMany({ count: grouped(unknownPriority) }));
  if (dynamic > 0) summary.inferred(dynamic === 1 ? MESSAGES.dynamicOne({}) : MESSAGES.dynamicMany({ count: grouped(dynamic) }));
  const spanned = someOf(spanning, 3);
  if (spanning.length > 0) summary.inferred(spanning.length === 1 ? MESSAGES.spanningOne({ vms: spanned }) : MESSAGES.spanningMany({ count: grouped(spanning.length), vms: spanned }));
  if (offNetwork.size > 0) summary.inferred(MESSAGES.offNetwork({ switches: formatList([...offNetwork].sort(naturalCompare).slice(0, 3)) }));

  const rules = importRules(input, groupOf, vmIds);
  return { vms: new Map([...vms].sort(([a], [b]) => naturalCompare(a, b))), rules, notClustered, poweredOff };
}

const RUNNING = new Set(['running', 'paused', 'starting', 'stopping', 'reset', 'pausing', 'resuming', 'runningcritical', 'pausedcritical', 'stoppingcritical', 'other']);

/** Off is off; Saved (and its transitions) is suspended; running, paused and transitions are on (the default). */
function powerOf(state: string | undefined): 'off' | 'suspended' | undefined {
  switch (state?.toLowerCase()) {
    case 'off':
    case 'offcritical':
      return 'off';
    case 'saved':
    case 'savedcritical':
    case 'saving':
    case 'fastsaved':
    case 'fastsaving':
    case 'hibernated':
      return 'suspended';
    default:
      return undefined;
  }
}

/** Group priority as the format's restart priority (docs/format.md, "Restart priorities on other platforms"). */
export function priorityOf(priority: number | undefined): string | undefined {
  if (priority === undefined) return undefined;
  if (priority >= 3000) return 'high';
  if (priority >= 2000) return 'medium';
  if (priority >= 1000) return 'low';
  return 'disabled';
}

function importRules(input: VmsInput, groupOf: ReadonlyMap<VmInfo, GroupInfo>, vmIds: ReadonlyMap<VmInfo, string>): Map<string, DraftElement> {
  const { summary, ids } = input;
  const wanted: Array<{ name: string; comment?: string; value: DraftValue }> = [];
  // Anti-affinity classes: VMs whose groups share a class name are kept apart.
  const classes = new Map<string, Set<string>>();
  for (const [vm, group] of groupOf) {
    for (const name of group.antiAffinityClasses) {
      const members = classes.get(name) ?? new Set<string>();
      members.add(vmIds.get(vm) ?? vm.name);
      classes.set(name, members);
    }
  }
  const lone: string[] = [];
  for (const [name, members] of [...classes].sort(([a], [b]) => naturalCompare(a, b))) {
    if (members.size < 2) {
      lone.push(name);
      continue;
    }
    wanted.push({ name, comment: MESSAGES.antiAffinityClass({ name }), value: { type: 'anti-affinity', vms: [...members].sort(naturalCompare) } });
  }
  if (lone.length > 0) summary.inferred(MESSAGES.loneClasses({ classes: formatList(lone) }));
  const enforced = input.inventory.cluster.enforcedAntiAffinity;
  if (classes.size > lone.length && enforced === undefined) summary.missing(MESSAGES.enforcedUnknown({}));

  // Preferred owners (should) and possible owners (must), one rule per set of nodes.
  const all = new Set(input.hostIds);
  const byHosts = (mode: 'should-run-on' | 'must-run-on', owners: (group: GroupInfo) => readonly string[]) => {
    const sets = new Map<string, { hosts: string[]; vms: string[] }>();
    for (const [vm, group] of groupOf) {
      const names = owners(group);
      const hosts = [...new Set(names.flatMap((name) => input.hostOf(name) ?? []))].sort(naturalCompare);
      if (hosts.length < names.length) summary.warn(MESSAGES.unknownOwners({ group: group.name, nodes: formatList(names.filter((name) => input.hostOf(name) === undefined)) }));
      if (hosts.length === 0 || hosts.length >= all.size) continue;
      const key = hosts.join('\u0000');
      const entry = sets.get(key) ?? { hosts, vms: [] };
      entry.vms.push(vmIds.get(vm) ?? vm.name);
      sets.set(key, entry);
    }
    for (const entry of [...sets.values()].sort((a, b) => naturalCompare(a.hosts.join(' '), b.hosts.join(' ')))) {
      const prefix = mode === 'must-run-on' ? 'only' : 'prefer';
      wanted.push({
        name: `${prefix}-${entry.hosts.join('-')}`,
        comment: mode === 'must-run-on' ? MESSAGES.possibleOwners({}) : MESSAGES.preferredOwners({}),
        value: { type: 'vm-host', vms: entry.vms.sort(naturalCompare), hosts: entry.hosts, mode },
      });
    }
    return sets.size;
  };
  const preferred = byHosts('should-run-on', (group) => group.preferredOwners);
  const possible = byHosts('must-run-on', (group) => group.possibleOwners);
  if (preferred > 0) summary.inferred(MESSAGES.preferredRules({}));
  if (possible > 0) summary.inferred(MESSAGES.possibleRules({}));

  const rules = new Map<string, DraftElement>();
  for (const rule of wanted) {
    const id = ids.allocate(idFromName(rule.name, 'rule'), 'rule');
    rules.set(id, { value: rule.value, comment: rule.comment });
  }
  return rules;
}
