import type { Cluster, Vm } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { antiAffinityGroups, describeGroup } from '../../../domain/anti-affinity-groups';
import { clusterOfVm, hostFailuresToTolerate, isConnected } from './common';
import { haEnabled } from '../../../domain/ha';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('anti-affinity-insufficient-hosts', {
  oneHost: '{group} keeps {count} VMs ({vms}) on separate hosts, but cluster "{cluster}" has only {hosts} connected host: the rule cannot be met even before a failure.',
  tooFewHosts: '{group} keeps {count} VMs ({vms}) on separate hosts, but cluster "{cluster}" has only {hosts} connected hosts: the rule cannot be met even before a failure.',
  afterFailures: '{group} keeps {count} VMs ({vms}) on separate hosts, but cluster "{cluster}" has {hosts} connected hosts: after {failures} (hostFailuresToTolerate) {remaining}, so a member cannot be restarted without breaking the rule.',
  oneFailure: '{count} host failure',
  manyFailures: '{count} host failures',
  oneRemains: 'only {count} remains',
  manyRemain: 'only {count} remain',
  cluster: 'cluster "{cluster}"',
  member: 'member "{vm}"',
});

/** k VMs kept apart need k hosts, and still k hosts after the F failures the cluster tolerates. */
export const antiAffinityInsufficientHosts: AnalysisRule = {
  meta: {
    id: 'anti-affinity-insufficient-hosts',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Anti-affinity group larger than the hosts left after failures',
      description:
        'An anti-affinity group of k VMs (the members of a VM-VM anti-affinity rule, or the nodes of a guest cluster) needs k compatible hosts, and still k after the F host failures the cluster is designed to tolerate (admissionControl.hostFailuresToTolerate): when HA must respect anti-affinity, a member whose host failed and finds no host free of the other members is not restarted (docs/design/algorithms.md#2-ha-restart-after-a-host-failure and #3-drs-rules-and-balance). Add hosts to the cluster, reduce the group, or accept degraded placement by letting HA ignore the rule (ha.respectAntiAffinity: false), in which case only the current host count is checked.',
      sources: ['docs/design/algorithms.md#placement-filter — restart placement respects anti-affinity', 'docs/design/algorithms.md#3-drs-rules-and-balance — an anti-affinity group of k VMs needs k hosts after F failures', 'docs/design/sources.md#vsphere-resource-management — VM-VM affinity rules'],
    },
  },
  reads: ['clusters', 'hosts', 'vms', 'guestClusters', 'rules'],
  *check({ topology }) {
    // A guest cluster and the rule that keeps its nodes apart are one requirement: report it once.
    const reported = new Set<string>();
    for (const group of antiAffinityGroups(topology)) {
      const byCluster = new Map<Cluster, Vm[]>();
      for (const vm of group.vms) {
        const cluster = clusterOfVm(topology, vm);
        if (!cluster) continue;
        const list = byCluster.get(cluster);
        if (list) list.push(vm);
        else byCluster.set(cluster, [vm]);
      }
      for (const [cluster, vms] of byCluster) {
        const needed = vms.length;
        if (needed < 2) continue;
        const hosts = topology.hostsInCluster(cluster.id).filter(isConnected).length;
        const restartsRespectRule = haEnabled(cluster) && cluster.ha?.respectAntiAffinity !== false;
        const failures = restartsRespectRule ? hostFailuresToTolerate(cluster) : 0;
        if (hosts - failures >= needed) continue;
        const key = `${cluster.id}\n${vms.map((vm) => vm.id).sort().join('\n')}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const members = vms.map((vm) => quoteId(vm.id)).join(listSeparator());
        const data = { group: capitalize(describeGroup(group)), count: needed, vms: members, cluster: cluster.id, hosts };
        const remaining = hosts - failures;
        const message = hosts < needed
          ? (hosts === 1 ? MESSAGES.oneHost : MESSAGES.tooFewHosts)(data)
          : MESSAGES.afterFailures({
            ...data,
            failures: (failures === 1 ? MESSAGES.oneFailure : MESSAGES.manyFailures)({ count: failures }),
            remaining: (remaining === 1 ? MESSAGES.oneRemains : MESSAGES.manyRemain)({ count: remaining }),
          });
        yield {
          message,
          range: group.idRange,
          elementIds: [group.id, cluster.id, ...vms.map((vm) => vm.id)],
          related: [
            { message: MESSAGES.cluster({ cluster: cluster.id }), range: cluster.idRange },
            ...vms.map((vm) => ({ message: MESSAGES.member({ vm: vm.id }), range: vm.idRange })),
          ],
        };
      }
    }
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
