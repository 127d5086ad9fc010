import type { QuickFix } from '../../../model/report';
import type { AnalysisRule } from '../../rule';
import { fieldEdit } from './common';
import { GUEST_CLUSTER_LIMITS } from './guest-cluster-nodes';
import { plural } from '../../../text/plural';

/** Failover nodes need public, private and iSCSI vNICs; NLB nodes public and private (docs/design/sources.md#seed-001-guest-cluster-table). */
export const guestClusterVnics: AnalysisRule = {
  meta: {
    id: 'guest-cluster-vnics',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'Guest-cluster node with too few virtual NICs',
      description:
        'The HA strategies handbook\'s guest cluster table (docs/design/sources.md#seed-001-guest-cluster-table): a failover cluster node needs at least three virtual NICs (public network, private cluster heartbeat, iSCSI to the shared disk) and an NLB node at least two (public and private). With fewer, the heartbeat shares the client network and a busy or failed network makes nodes evict each other, or the shared disk competes with client traffic. Give each node its own vNIC per network (the quick fix sets `vnics` to the minimum) and put the heartbeat on its own VLAN (DOMAIN rule 12).',
      sources: ['docs/design/sources.md#seed-001-guest-cluster-table — failover >= 3 vNICs, NLB >= 2'],
    },
  },
  *check(context) {
    const { topology } = context;
    const guestClusters = new Map(topology.guestClusters.map((gc) => [gc.id, gc]));
    for (const vm of topology.vms) {
      if (vm.guestCluster === undefined) continue;
      const guestCluster = guestClusters.get(vm.guestCluster);
      if (!guestCluster) continue;
      const limits = GUEST_CLUSTER_LIMITS[guestCluster.type];
      const vnics = vm.vnics ?? 1;
      if (vnics >= limits.minVnics) continue;
      const edit = fieldEdit(context, vm.source, 'vnics', String(limits.minVnics));
      const fixes: QuickFix[] = edit ? [{ title: `Set vnics of "${vm.id}" to ${limits.minVnics}`, edits: [edit], preferred: true }] : [];
      yield {
        message: `VM "${vm.id}" is a node of ${guestCluster.type === 'failover' ? 'failover' : 'NLB'} guest cluster "${guestCluster.id}" with ${vnics} ${plural(vnics, 'vNIC')}; it needs at least ${limits.minVnics} (${limits.vnics}).`,
        range: vm.source.fields.vnics?.value ?? vm.idRange,
        elementIds: [vm.id, guestCluster.id],
        related: [{ message: `guest cluster "${guestCluster.id}" is declared here`, range: guestCluster.idRange }],
        fixes,
      };
    }
  },
};
