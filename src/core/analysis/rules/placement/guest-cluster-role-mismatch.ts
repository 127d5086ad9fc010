import type { SourceRange } from '../../../model/source';
import type { AnalysisRule } from '../../rule';
import { guestClusterNodes } from './guest-cluster-nodes';
import { roleKind } from './roles';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('guest-cluster-role-mismatch', {
  nlbServes: 'NLB guest cluster "{guestCluster}" serves "{role}", a stateful role: NLB clusters are for stateless services (web, VPN, streaming); stateful applications belong on a failover cluster with a shared disk (docs/design/sources.md#seed-001-guest-cluster-table).',
  nlbNode: 'NLB guest cluster "{guestCluster}" node "{vm}" has role "{role}", a stateful role: NLB clusters are for stateless services (web, VPN, streaming); stateful applications belong on a failover cluster with a shared disk (docs/design/sources.md#seed-001-guest-cluster-table).',
  failoverServes: 'Failover guest cluster "{guestCluster}" serves "{role}", a stateless role: failover clusters are for stateful applications; stateless services such as web, VPN and streaming scale out better on an NLB cluster (docs/design/sources.md#seed-001-guest-cluster-table).',
  failoverNode: 'Failover guest cluster "{guestCluster}" node "{vm}" has role "{role}", a stateless role: failover clusters are for stateful applications; stateless services such as web, VPN and streaming scale out better on an NLB cluster (docs/design/sources.md#seed-001-guest-cluster-table).',
  declared: 'guest cluster "{guestCluster}" is declared here',
});

/** NLB is for stateless services, failover clustering for stateful ones (docs/design/sources.md#seed-001-guest-cluster-table). */
export const guestClusterRoleMismatch: AnalysisRule = {
  meta: {
    id: 'guest-cluster-role-mismatch',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Application role does not suit the guest cluster type',
      description:
        'The HA strategies handbook (docs/design/sources.md#seed-001-guest-cluster-table) pairs each guest cluster type with the applications it can protect: failover clusters for stateful applications with data on a shared disk (SQL Server, Exchange, file, print, message queues), NLB clusters for stateless ones where any node can answer any request (web, VPN, streaming media). An NLB cluster of database or mail servers spreads requests over nodes with separate, diverging data; a failover cluster of web servers leaves all but one node idle and adds a shared disk it does not need. Change the guest cluster type, or the role if it is mislabelled. Roles are read from `role` on the guest cluster and its nodes.',
      sources: ['docs/design/sources.md#seed-001-guest-cluster-table — failover for stateful apps, NLB for stateless apps'],
    },
  },
  reads: ['vms', 'guestClusters'],
  *check({ topology }) {
    for (const guestCluster of topology.guestClusters) {
      const wrong = guestCluster.type === 'nlb' ? 'stateful' : 'stateless';
      const labelled: Array<{ id: string; role: string | undefined; range: SourceRange }> = [
        { id: guestCluster.id, role: guestCluster.role, range: guestCluster.source.fields.role?.value ?? guestCluster.idRange },
        ...guestClusterNodes(topology, guestCluster).map((vm) => ({ id: vm.id, role: vm.role, range: vm.source.fields.role?.value ?? vm.idRange })),
      ];
      for (const { id, role, range } of labelled) {
        if (roleKind(role) !== wrong) continue;
        const data = { guestCluster: guestCluster.id, role: `${role}` };
        const nlb = guestCluster.type === 'nlb';
        yield {
          message: id === guestCluster.id
            ? (nlb ? MESSAGES.nlbServes : MESSAGES.failoverServes)(data)
            : (nlb ? MESSAGES.nlbNode : MESSAGES.failoverNode)({ ...data, vm: id }),
          range,
          elementIds: id === guestCluster.id ? [guestCluster.id] : [id, guestCluster.id],
          related: id === guestCluster.id ? [] : [{ message: MESSAGES.declared({ guestCluster: guestCluster.id }), range: guestCluster.idRange }],
        };
      }
    }
  },
};
