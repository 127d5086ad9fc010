import type { QuickFix } from '../../../model/report';
import type { AnalysisRule } from '../../rule';
import { fieldEdit } from './common';
import { GUEST_CLUSTER_LIMITS } from './guest-cluster-nodes';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('guest-cluster-vnics', {
  setVnics: 'Set vnics of "{vm}" to {count}',
  failoverOneVnic: 'VM "{vm}" is a node of failover guest cluster "{guestCluster}" with {vnics} vNIC; it needs at least {min} (public, private heartbeat, iSCSI).',
  failoverManyVnics: 'VM "{vm}" is a node of failover guest cluster "{guestCluster}" with {vnics} vNICs; it needs at least {min} (public, private heartbeat, iSCSI).',
  nlbOneVnic: 'VM "{vm}" is a node of NLB guest cluster "{guestCluster}" with {vnics} vNIC; it needs at least {min} (public, private).',
  nlbManyVnics: 'VM "{vm}" is a node of NLB guest cluster "{guestCluster}" with {vnics} vNICs; it needs at least {min} (public, private).',
  declared: 'guest cluster "{guestCluster}" is declared here',
});

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
  reads: ['vms', 'guestClusters'],
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
      const fixes: QuickFix[] = edit ? [{ title: MESSAGES.setVnics({ vm: vm.id, count: limits.minVnics }), edits: [edit], preferred: true }] : [];
      yield {
        message: (guestCluster.type === 'failover'
          ? vnics === 1 ? MESSAGES.failoverOneVnic : MESSAGES.failoverManyVnics
          : vnics === 1 ? MESSAGES.nlbOneVnic : MESSAGES.nlbManyVnics)({ vm: vm.id, guestCluster: guestCluster.id, vnics, min: limits.minVnics }),
        range: vm.source.fields.vnics?.value ?? vm.idRange,
        elementIds: [vm.id, guestCluster.id],
        related: [{ message: MESSAGES.declared({ guestCluster: guestCluster.id }), range: guestCluster.idRange }],
        fixes,
      };
    }
  },
};
