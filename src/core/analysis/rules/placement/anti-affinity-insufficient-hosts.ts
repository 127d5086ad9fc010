import type { Cluster, Vm } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { antiAffinityGroups, describeGroup } from '../../../domain/anti-affinity-groups';
import { clusterOfVm, hostFailuresToTolerate, isConnected } from './common';
import { haEnabled } from '../../../domain/ha';
import { plural } from '../../../text/plural';

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
        const members = vms.map((vm) => `"${vm.id}"`).join(', ');
        const message = hosts < needed
          ? `${capitalize(describeGroup(group))} keeps ${needed} VMs (${members}) on separate hosts, but cluster "${cluster.id}" has only ${hosts} connected ${plural(hosts, 'host')}: the rule cannot be met even before a failure.`
          : `${capitalize(describeGroup(group))} keeps ${needed} VMs (${members}) on separate hosts, but cluster "${cluster.id}" has ${hosts} connected hosts: after ${failures} host ${plural(failures, 'failure')} (hostFailuresToTolerate) only ${hosts - failures} ${plural(hosts - failures, 'remains', 'remain')}, so a member cannot be restarted without breaking the rule.`;
        yield {
          message,
          range: group.idRange,
          elementIds: [group.id, cluster.id, ...vms.map((vm) => vm.id)],
          related: [
            { message: `cluster "${cluster.id}"`, range: cluster.idRange },
            ...vms.map((vm) => ({ message: `member "${vm.id}"`, range: vm.idRange })),
          ],
        };
      }
    }
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
