import type { QuickFix, Report } from '../../../model/report';
import type { Vm } from '../../../model/topology';
import type { AnalysisRule, RuleContext } from '../../rule';
import { antiAffinityGroups, coveredByAntiAffinityRule, describeGroup, type AntiAffinityGroup } from '../../../domain/anti-affinity-groups';
import { addRuleEdit, flowList, freshId, moveTargets } from './common';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('anti-affinity-same-host', {
  addRule: 'Add anti-affinity rule "{rule}" for the nodes of "{guestCluster}"',
  move: 'Move "{vm}" to host "{host}"',
  fellowNode: 'VM "{vm}" runs on host "{host}" with "{other}", a fellow node of {group}: one failure of "{host}" takes both down.',
  ruleMember: 'VM "{vm}" runs on host "{host}" with "{other}", which {group} keeps on another host: one failure of "{host}" takes both down.',
  alsoRuns: '"{vm}" also runs on "{host}"',
  declared: '{group} is declared here',
});

/** Guest-cluster nodes and anti-affinity rule members sharing a host fail together. */
export const antiAffinitySameHost: AnalysisRule = {
  meta: {
    id: 'anti-affinity-same-host',
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      title: 'Guest-cluster nodes or anti-affinity members on the same host',
      description:
        'A guest failover or NLB cluster survives a host failure only because its partner node runs on another host and takes over in seconds; two nodes on one host go down together and the application is lost until HA has restarted them. The same holds for the members of a VM-VM anti-affinity rule, which exist precisely to be apart. The HA strategies handbook (docs/design/sources.md#seed-001) states this as the "crossing principle" and the VM sprawl and HA planning handbook (docs/design/sources.md#seed-002) places Exchange and SQL on different hosts for the same reason. Move the VM to a host of the cluster that runs no other member (the quick fix lists them), and keep guest-cluster nodes apart with an anti-affinity rule so that DRS and HA keep them there (the quick fix adds one when none exists).',
      sources: ['docs/design/sources.md#seed-001 — HA strategies: guest clusters, crossing principle', 'docs/design/sources.md#seed-002 — Exchange on host A, SQL on host B', 'docs/design/algorithms.md#3-drs-rules-and-balance — VM-VM anti-affinity rules'],
    },
  },
  *check(context) {
    const { topology } = context;
    const reported = new Set<string>();
    for (const group of antiAffinityGroups(topology)) {
      const byHost = new Map<string, Vm[]>();
      for (const vm of group.vms) {
        const list = byHost.get(vm.host);
        if (list) list.push(vm);
        else byHost.set(vm.host, [vm]);
      }
      const occupied = new Set(byHost.keys());
      for (const [hostId, vms] of byHost) {
        const [first, ...others] = vms;
        if (!first) continue;
        for (const other of others) {
          const pair = `${first.id}\n${other.id}`;
          if (reported.has(pair)) continue;
          reported.add(pair);
          yield sameHostReport(context, group, hostId, first, other, occupied);
        }
      }
    }
  },
};

function sameHostReport(
  context: RuleContext,
  group: AntiAffinityGroup,
  hostId: string,
  first: Vm,
  other: Vm,
  occupied: ReadonlySet<string>,
): Report {
  const { topology } = context;
  const range = other.source.fields.host?.value ?? other.idRange;
  const fixes: QuickFix[] = [];
  const memberIds = group.vms.map((vm) => vm.id);
  if (group.origin.kind === 'guest-cluster' && !coveredByAntiAffinityRule(topology, memberIds)) {
    const ruleId = freshId(topology, `${group.id}-apart`);
    const edit = addRuleEdit(context, ruleId, ['type: anti-affinity', `vms: ${flowList(memberIds)}`]);
    if (edit) fixes.push({ title: MESSAGES.addRule({ rule: ruleId, guestCluster: group.id }), edits: [edit] });
  }
  for (const target of moveTargets(topology, other, occupied)) {
    fixes.push({ title: MESSAGES.move({ vm: other.id, host: target.id }), edits: [{ range, newText: target.id }] });
  }
  return {
    message: (group.origin.kind === 'guest-cluster' ? MESSAGES.fellowNode : MESSAGES.ruleMember)({ vm: other.id, host: hostId, other: first.id, group: describeGroup(group) }),
    range,
    elementIds: [other.id, first.id, hostId, group.id],
    related: [
      { message: MESSAGES.alsoRuns({ vm: first.id, host: hostId }), range: first.source.fields.host?.value ?? first.idRange },
      { message: MESSAGES.declared({ group: describeGroup(group) }), range: group.idRange },
    ],
    fixes: fixes.map((fix, index) => ({ ...fix, preferred: index === 0 })),
  };
}
