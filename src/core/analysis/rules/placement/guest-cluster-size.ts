import type { AnalysisRule } from '../../rule';
import { GUEST_CLUSTER_LIMITS, guestClusterNodes } from './guest-cluster-nodes';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('guest-cluster-size', {
  failoverNoNodes: 'Failover guest cluster "{guestCluster}" has no nodes: no VM names it in `guestCluster` (docs/design/sources.md#seed-001-guest-cluster-table: {min} to {max} nodes).',
  nlbNoNodes: 'NLB guest cluster "{guestCluster}" has no nodes: no VM names it in `guestCluster` (docs/design/sources.md#seed-001-guest-cluster-table: {min} to {max} nodes).',
  failoverOneNode: 'Failover guest cluster "{guestCluster}" has {count} node ("{node}"): with no partner node it cannot fail over (docs/design/sources.md#seed-001-guest-cluster-table: {min} to {max} nodes).',
  nlbOneNode: 'NLB guest cluster "{guestCluster}" has {count} node ("{node}"): with no partner node it cannot fail over (docs/design/sources.md#seed-001-guest-cluster-table: {min} to {max} nodes).',
  failoverTooMany: 'Failover guest cluster "{guestCluster}" has {count} nodes; a failover cluster has at most {max} (docs/design/sources.md#seed-001-guest-cluster-table: {min} to {max} nodes).',
  nlbTooMany: 'NLB guest cluster "{guestCluster}" has {count} nodes; an NLB cluster has at most {max} (docs/design/sources.md#seed-001-guest-cluster-table: {min} to {max} nodes).',
  node: 'node "{vm}"',
});

/** Failover clusters: 2 to 16 nodes; NLB clusters: 2 to 32 (docs/design/sources.md#seed-001-guest-cluster-table). */
export const guestClusterSize: AnalysisRule = {
  meta: {
    id: 'guest-cluster-size',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Guest cluster with too few or too many nodes',
      description:
        'The HA strategies handbook\'s table of guest clusters (docs/design/sources.md#seed-001-guest-cluster-table): a Windows failover cluster usually has 2 nodes and at most 16, an NLB cluster at most 32; a guest cluster with one node has no partner to take over, so it protects nothing. Windows refuses to add nodes beyond the limit, so such a design cannot be built. Give every guest cluster at least two nodes (VMs whose `guestCluster` names it) and split clusters above the limit.',
      sources: ['docs/design/sources.md#seed-001-guest-cluster-table — failover up to 16 nodes, NLB up to 32', 'docs/design/sources.md#ms-nlb'],
    },
  },
  reads: ['vms', 'guestClusters'],
  *check({ topology }) {
    for (const guestCluster of topology.guestClusters) {
      const limits = GUEST_CLUSTER_LIMITS[guestCluster.type];
      const nodes = guestClusterNodes(topology, guestCluster);
      const failover = guestCluster.type === 'failover';
      const data = { guestCluster: guestCluster.id, count: nodes.length, min: limits.minNodes, max: limits.maxNodes };
      let message: string | undefined;
      if (nodes.length < limits.minNodes) {
        message = nodes.length === 0
          ? (failover ? MESSAGES.failoverNoNodes : MESSAGES.nlbNoNodes)({ guestCluster: guestCluster.id, min: limits.minNodes, max: limits.maxNodes })
          : (failover ? MESSAGES.failoverOneNode : MESSAGES.nlbOneNode)({ ...data, node: `${nodes[0]?.id}` });
      } else if (nodes.length > limits.maxNodes) {
        message = (failover ? MESSAGES.failoverTooMany : MESSAGES.nlbTooMany)(data);
      }
      if (!message) continue;
      yield {
        message,
        range: guestCluster.idRange,
        elementIds: [guestCluster.id, ...nodes.map((vm) => vm.id)],
        related: nodes.map((vm) => ({ message: MESSAGES.node({ vm: vm.id }), range: vm.source.fields.guestCluster?.value ?? vm.idRange })),
      };
    }
  },
};
