import type { AnalysisRule } from '../../rule';
import { GUEST_CLUSTER_LIMITS, guestClusterNodes } from './guest-cluster-nodes';

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
  *check({ topology }) {
    for (const guestCluster of topology.guestClusters) {
      const limits = GUEST_CLUSTER_LIMITS[guestCluster.type];
      const nodes = guestClusterNodes(topology, guestCluster);
      const kind = guestCluster.type === 'failover' ? 'Failover' : 'NLB';
      let problem: string | undefined;
      if (nodes.length < limits.minNodes) {
        problem = nodes.length === 0
          ? 'has no nodes: no VM names it in `guestCluster`'
          : `has ${nodes.length} node ("${nodes[0]?.id}"): with no partner node it cannot fail over`;
      } else if (nodes.length > limits.maxNodes) {
        problem = `has ${nodes.length} nodes; ${guestCluster.type === 'nlb' ? 'an NLB' : 'a failover'} cluster has at most ${limits.maxNodes}`;
      }
      if (!problem) continue;
      yield {
        message: `${kind} guest cluster "${guestCluster.id}" ${problem} (docs/design/sources.md#seed-001-guest-cluster-table: ${limits.minNodes} to ${limits.maxNodes} nodes).`,
        range: guestCluster.idRange,
        elementIds: [guestCluster.id, ...nodes.map((vm) => vm.id)],
        related: nodes.map((vm) => ({ message: `node "${vm.id}"`, range: vm.source.fields.guestCluster?.value ?? vm.idRange })),
      };
    }
  },
};
