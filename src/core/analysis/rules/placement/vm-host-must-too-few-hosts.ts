import type { Cluster, Host, Vm } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { clusterOfVm, hostFailuresToTolerate, isConnected, referenceRange } from './common';
import { haEnabled } from '../../../domain/ha';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('vm-host-must-too-few-hosts', {
  hostOfOtherCluster: 'Must-run-on rule "{rule}" names host "{host}" of cluster "{hostCluster}", but its VMs run in cluster {clusters}: they can never run there.',
  hostInNoCluster: 'Must-run-on rule "{rule}" names host "{host}", which is in no cluster, but its VMs run in cluster {clusters}: they can never run there.',
  hostDeclared: 'host "{host}" is declared here',
  noHost: 'no connected host of cluster "{cluster}"',
  oneHost: '{count} connected host of cluster "{cluster}" ({hosts})',
  manyHosts: '{count} connected hosts of cluster "{cluster}" ({hosts})',
  oneFailure: 'Must-run-on rule "{rule}" confines {vms} to {where}; the cluster tolerates {count} host failure, and after that many HA cannot restart these VMs: it never breaks a must rule.',
  manyFailures: 'Must-run-on rule "{rule}" confines {vms} to {where}; the cluster tolerates {count} host failures, and after that many HA cannot restart these VMs: it never breaks a must rule.',
  toleratesOne: 'cluster "{cluster}" tolerates {count} host failure',
  toleratesMany: 'cluster "{cluster}" tolerates {count} host failures',
});

/** HA never breaks a must rule: a host group of F hosts or fewer strands its VMs after F failures. */
export const vmHostMustTooFewHosts: AnalysisRule = {
  meta: {
    id: 'vm-host-must-too-few-hosts',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Must-run-on VM-host rule with too few hosts',
      description:
        'HA and DRS never break a required ("must run on") VM-host rule: when every host of the group has failed, its VMs are not restarted at all (docs/design/algorithms.md#2-ha-restart-after-a-host-failure). A host group with F hosts or fewer, where F is the cluster\'s hostFailuresToTolerate, therefore turns a failure the cluster is sized to survive into an outage of those VMs; a group naming hosts of another cluster cannot be honoured at all. Add hosts of the VMs\' cluster to the group, or make the rule "should run on" so that HA may restart the VMs elsewhere.',
      sources: ['docs/design/algorithms.md#must-rules-during-restart — must rules are never broken by HA', 'docs/design/algorithms.md#3-drs-rules-and-balance — a must-run-on host group with <= F hosts', 'docs/design/sources.md#vsphere-resource-management — VM-host affinity rules'],
    },
  },
  *check({ topology }) {
    for (const rule of topology.rules) {
      if (rule.type !== 'vm-host' || rule.mode !== 'must-run-on' || rule.enabled === false) continue;
      const vmsByCluster = new Map<Cluster, Vm[]>();
      for (const id of new Set(rule.vms)) {
        const vm = topology.vm(id);
        const cluster = vm ? clusterOfVm(topology, vm) : undefined;
        if (!vm || !cluster) continue;
        const list = vmsByCluster.get(cluster);
        if (list) list.push(vm);
        else vmsByCluster.set(cluster, [vm]);
      }
      if (vmsByCluster.size === 0) continue;
      const hosts = [...new Set(rule.hosts)].map((id) => topology.host(id)).filter((host): host is Host => host !== undefined);
      const hostsField = rule.source.fields.hosts?.value;
      for (const host of hosts) {
        const hostCluster = topology.clusterOfHost(host);
        if (hostCluster && vmsByCluster.has(hostCluster)) continue;
        const vmClusters = [...vmsByCluster.keys()].map((c) => quoteId(c.id)).join(listSeparator());
        yield {
          message: hostCluster
            ? MESSAGES.hostOfOtherCluster({ rule: rule.id, host: host.id, hostCluster: hostCluster.id, clusters: vmClusters })
            : MESSAGES.hostInNoCluster({ rule: rule.id, host: host.id, clusters: vmClusters }),
          range: referenceRange(topology, rule.id, 'host', host.id, hostsField) ?? hostsField ?? rule.idRange,
          elementIds: [rule.id, host.id],
          related: [{ message: MESSAGES.hostDeclared({ host: host.id }), range: host.idRange }],
        };
      }
      for (const [cluster, vms] of vmsByCluster) {
        if (!haEnabled(cluster)) continue;
        const failures = hostFailuresToTolerate(cluster);
        const group = hosts.filter((host) => topology.clusterOfHost(host) === cluster && isConnected(host));
        if (group.length > failures) continue;
        const names = vms.map((vm) => quoteId(vm.id)).join(listSeparator());
        const hostsData = { count: group.length, cluster: cluster.id, hosts: group.map((h) => quoteId(h.id)).join(listSeparator()) };
        const where = group.length === 0
          ? MESSAGES.noHost({ cluster: cluster.id })
          : (group.length === 1 ? MESSAGES.oneHost : MESSAGES.manyHosts)(hostsData);
        const one = failures === 1;
        yield {
          message: (one ? MESSAGES.oneFailure : MESSAGES.manyFailures)({ rule: rule.id, vms: names, where, count: failures }),
          range: hostsField ?? rule.idRange,
          elementIds: [rule.id, cluster.id, ...vms.map((vm) => vm.id), ...group.map((h) => h.id)],
          related: [{ message: (one ? MESSAGES.toleratesOne : MESSAGES.toleratesMany)({ cluster: cluster.id, count: failures }), range: cluster.source.fields.ha?.key ?? cluster.idRange }],
        };
      }
    }
  },
};
