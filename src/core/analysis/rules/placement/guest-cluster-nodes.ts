/** The nodes of each guest cluster, every VM that names it (powered off or not). */

import type { GuestCluster, Topology, Vm } from '../../../model/topology';

const nodesByTopology = new WeakMap<Topology, ReadonlyMap<string, readonly Vm[]>>();

export function guestClusterNodes(topology: Topology, guestCluster: GuestCluster): readonly Vm[] {
  let index = nodesByTopology.get(topology);
  if (!index) {
    const built = new Map<string, Vm[]>();
    for (const vm of topology.vms) {
      if (vm.guestCluster === undefined) continue;
      const list = built.get(vm.guestCluster);
      if (list) list.push(vm);
      else built.set(vm.guestCluster, [vm]);
    }
    index = built;
    nodesByTopology.set(topology, index);
  }
  return index.get(guestCluster.id) ?? [];
}

/** The HA strategies handbook's guest cluster table (docs/design/sources.md#seed-001-guest-cluster-table), per guest cluster type: node limits and the number of vNICs a node needs (guest-cluster-vnics.ts names them). */
export const GUEST_CLUSTER_LIMITS = {
  failover: { minNodes: 2, maxNodes: 16, minVnics: 3 },
  nlb: { minNodes: 2, maxNodes: 32, minVnics: 2 },
} as const;
