/**
 * The VM sets that must stay on separate hosts: the nodes of each guest cluster (docs/design/sources.md#seed-001:
 * a guest cluster survives a host failure only if its partner runs elsewhere) and the
 * members of each enabled VM-VM anti-affinity rule. Powered-off VMs take no host.
 */

import type { SourceRange } from '../model/source';
import type { GuestCluster, PlacementRule, Topology, Vm } from '../model/topology';
import { defineMessages } from '../l10n/messages';

const GROUP_NAMES = defineMessages('anti-affinity-groups', {
  failoverGuestCluster: 'failover guest cluster "{id}"',
  nlbGuestCluster: 'nlb guest cluster "{id}"',
  rule: 'anti-affinity rule "{id}"',
});

export interface AntiAffinityGroup {
  /** Where the requirement comes from. */
  readonly origin: { readonly kind: 'guest-cluster'; readonly guestCluster: GuestCluster } | { readonly kind: 'rule'; readonly rule: PlacementRule };
  readonly id: string;
  readonly idRange: SourceRange;
  /** Resolved, powered-on members, in file order, without repeats. */
  readonly vms: readonly Vm[];
}

const groupsByTopology = new WeakMap<Topology, readonly AntiAffinityGroup[]>();

export function antiAffinityGroups(topology: Topology): readonly AntiAffinityGroup[] {
  const cached = groupsByTopology.get(topology);
  if (cached) return cached;
  const groups: AntiAffinityGroup[] = [];
  const nodes = new Map<string, Vm[]>();
  for (const vm of topology.vms) {
    if (vm.guestCluster === undefined || vm.power === 'off') continue;
    const list = nodes.get(vm.guestCluster);
    if (list) list.push(vm);
    else nodes.set(vm.guestCluster, [vm]);
  }
  for (const guestCluster of topology.guestClusters) {
    groups.push({ origin: { kind: 'guest-cluster', guestCluster }, id: guestCluster.id, idRange: guestCluster.idRange, vms: nodes.get(guestCluster.id) ?? [] });
  }
  for (const rule of topology.rules) {
    if (rule.type !== 'anti-affinity' || rule.enabled === false) continue;
    const vms = [...new Set(rule.vms)]
      .map((id) => topology.vm(id))
      .filter((vm): vm is Vm => vm !== undefined && vm.power !== 'off');
    groups.push({ origin: { kind: 'rule', rule }, id: rule.id, idRange: rule.idRange, vms });
  }
  groupsByTopology.set(topology, groups);
  return groups;
}

const rulesByTopology = new WeakMap<Topology, ReadonlyMap<string, ReadonlySet<string>>>();

/** Whether an enabled anti-affinity rule lists every one of these VMs. */
export function coveredByAntiAffinityRule(topology: Topology, vmIds: readonly string[]): boolean {
  let rulesOfVm = rulesByTopology.get(topology);
  if (!rulesOfVm) {
    const built = new Map<string, Set<string>>();
    for (const group of antiAffinityGroups(topology)) {
      if (group.origin.kind !== 'rule') continue;
      for (const vmId of group.origin.rule.vms) {
        const set = built.get(vmId) ?? new Set<string>();
        set.add(group.id);
        built.set(vmId, set);
      }
    }
    rulesOfVm = built;
    rulesByTopology.set(topology, rulesOfVm);
  }
  const [first, ...others] = vmIds;
  if (first === undefined) return false;
  const index = rulesOfVm;
  return [...(index.get(first) ?? [])].some((ruleId) => others.every((id) => index.get(id)?.has(ruleId) === true));
}

/** How a group is named in messages. */
export function describeGroup(group: AntiAffinityGroup): string {
  if (group.origin.kind === 'rule') return GROUP_NAMES.rule({ id: group.id });
  return (group.origin.guestCluster.type === 'nlb' ? GROUP_NAMES.nlbGuestCluster : GROUP_NAMES.failoverGuestCluster)({ id: group.id });
}
