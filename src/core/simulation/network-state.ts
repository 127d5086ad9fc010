/**
 * Who can still talk to whom in a cluster once LAN elements have failed: the partitions
 * of its hosts, the hosts that are isolated, and the partition that acts (restarts VMs).
 * The failover engine asks after every change (docs/simulation.md "Network failures").
 *
 * - Two live hosts are in one partition when uplinks of their heartbeat networks reach
 *   the same connected part of the switch graph (lan-network.ts). Hosts whose heartbeat
 *   networks the design does not describe, or whose heartbeats leave through an uplink of
 *   unknown cabling (an imported design, lan-network.ts), are assumed to reach the first
 *   partition that reaches a switch (else they form one of their own); a host whose
 *   heartbeat uplinks are all down reaches nothing.
 * - vSphere: a host alone in its partition that reaches none of its isolation addresses
 *   (the management gateway and das.isolationaddress entries) is isolated; a host that
 *   reaches one is partitioned, not isolated (vSphere Availability guide, "Network
 *   Partitions" and "Host Network Isolation"). The acting partition is the one holding the
 *   primary; each other partition elects a primary of its own but its VMs keep running.
 * - Hyper-V, Proxmox VE, XenServer: quorum. Every node of the cluster has one vote (failed
 *   ones too: they were configured), a witness one more, held by the first partition
 *   that reaches it. A partition with more than half of the votes keeps quorum and acts.
 *   On a tie without a witness: Windows Server's dynamic quorum takes one node's vote away
 *   (assumed: the last node in file order, so the partition with the first node keeps
 *   quorum); XenServer keeps the partition with the lowest host (assumed: file order);
 *   Proxmox VE's votequorum keeps no one (corosync needs a strict majority).
 */

import {
  componentsReached,
  heartbeatNetworks,
  isolationAddresses,
  lanComponents,
  reachesAddress,
  type LanNetwork,
} from '../analysis/lan-network';
import type { Cluster, Topology } from '../model/topology';

export interface ClusterNetworkState {
  /** Live hosts grouped by who hears whom, in file order of their first host. */
  readonly partitions: readonly (readonly string[])[];
  readonly partitionOf: ReadonlyMap<string, number>;
  /** Hosts alone in their partition that reach no isolation address (vSphere). */
  readonly isolated: ReadonlySet<string>;
  /** The partition whose primary (or quorum) restarts VMs; undefined when none may. */
  readonly acting: number | undefined;
  /** Quorum platforms: the partitions without quorum. */
  readonly withoutQuorum: ReadonlySet<number>;
}

export interface NetworkQuery {
  readonly topology: Topology;
  readonly lan: LanNetwork;
  readonly cluster: Cluster;
  /** Hosts of the cluster in file order, with whether each is alive (connected, not failed). */
  readonly hosts: ReadonlyArray<{ readonly id: string; readonly alive: boolean }>;
  readonly failed: ReadonlySet<string>;
  /** The HA primary before this change, if alive. */
  readonly primary: string | undefined;
  /** Whether a host reaches a datastore (for a disk witness). */
  readonly reachesDatastore: (hostId: string, datastoreId: string) => boolean;
  /** The LAN's components with `failed` removed (lanComponents), when the caller has them already. */
  readonly component?: Int32Array;
}

export function usesQuorum(topology: Topology): boolean {
  return topology.platform === 'hyperv' || topology.platform === 'proxmox' || topology.platform === 'xenserver';
}

/** Whether any host of the cluster has heartbeat networks in the design: if none, the LAN is not modelled and nothing here applies. */
export function clusterLanModelled(topology: Topology, lan: LanNetwork, hostIds: readonly string[]): boolean {
  return hostIds.some((id) => heartbeatNetworks(topology, lan, id).length > 0);
}

export function clusterNetworkState(query: NetworkQuery): ClusterNetworkState {
  const { topology, lan, failed } = query;
  const component = query.component ?? lanComponents(lan, failed);
  const live = query.hosts.filter((h) => h.alive).map((h) => h.id);
  const reached = new Map<string, Set<number> | undefined>();
  for (const id of live) {
    const networks = heartbeatNetworks(topology, lan, id);
    reached.set(id, networks.length === 0 ? undefined : componentsReached(lan, networks, failed, component));
  }
  // Union hosts that share a component; unmodelled hosts join the first partition.
  const parent = new Map(live.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(live.indexOf(ra) < live.indexOf(rb) ? rb : ra, live.indexOf(ra) < live.indexOf(rb) ? ra : rb);
  };
  const owner = new Map<number, string>();
  for (const id of live) {
    for (const c of reached.get(id) ?? []) {
      const first = owner.get(c);
      if (first === undefined) owner.set(c, id);
      else union(first, id);
    }
  }
  const unmodelled = live.filter((id) => reached.get(id) === undefined);
  // Not the first modelled host: it may reach nothing (every heartbeat uplink down), and then it is alone.
  const anchor = live.find((id) => (reached.get(id)?.size ?? 0) > 0) ?? unmodelled[0];
  for (const id of unmodelled) if (anchor !== undefined) union(anchor, id);

  const groups = new Map<string, string[]>();
  for (const id of live) {
    const root = find(id);
    const group = groups.get(root) ?? [];
    group.push(id);
    groups.set(root, group);
  }
  const partitions = [...groups.values()];
  const partitionOf = new Map<string, number>();
  partitions.forEach((group, index) => group.forEach((id) => partitionOf.set(id, index)));

  if (usesQuorum(topology)) {
    const withoutQuorum = new Set<number>();
    const total = query.hosts.length + (query.cluster.quorum.witness === 'none' ? 0 : 1);
    const witness = witnessHolder(query, partitions, component, reached);
    const votes = partitions.map((group, index) => group.length + (witness === index ? 1 : 0));
    let acting = votes.findIndex((v) => v * 2 > total);
    if (acting < 0 && topology.platform !== 'proxmox') {
      const tied = votes.findIndex((v) => v * 2 === total);
      if (tied >= 0) {
        const lastNode = query.hosts[query.hosts.length - 1]?.id;
        // Windows drops the last node's vote; XenServer keeps the partition with the first host.
        acting = topology.platform === 'hyperv' ? votes.findIndex((v, i) => v * 2 === total && !partitions[i]?.includes(lastNode ?? '')) : tied;
      }
    }
    partitions.forEach((_, index) => {
      if (index !== acting) withoutQuorum.add(index);
    });
    return { partitions, partitionOf, isolated: new Set(), acting: acting < 0 ? undefined : acting, withoutQuorum };
  }

  const isolated = new Set<string>();
  for (const group of partitions) {
    const [only] = group;
    if (group.length !== 1 || only === undefined) continue;
    const hostReached = reached.get(only);
    if (hostReached === undefined) continue;
    if (!isolationAddresses(topology, lan, only).some((address) => reachesAddress(lan, hostReached, component, address))) isolated.add(only);
  }
  const primaryPartition = query.primary !== undefined ? partitionOf.get(query.primary) : undefined;
  let acting = primaryPartition !== undefined && !isolated.has(query.primary as string) ? primaryPartition : undefined;
  if (acting === undefined) {
    // A new primary is elected among the hosts that are not isolated: the largest partition.
    let best = -1;
    partitions.forEach((group, index) => {
      if (group.every((id) => isolated.has(id))) return;
      if (best < 0 || group.length > (partitions[best]?.length ?? 0)) best = index;
    });
    acting = best < 0 ? undefined : best;
  }
  return { partitions, partitionOf, isolated, acting, withoutQuorum: new Set() };
}

/** The partition holding the witness vote: the first that reaches it. */
function witnessHolder(query: NetworkQuery, partitions: readonly (readonly string[])[], component: Int32Array, reached: ReadonlyMap<string, Set<number> | undefined>): number | undefined {
  const quorum = query.cluster.quorum;
  if (quorum.witness === 'none') return undefined;
  if (quorum.witness === 'disk') {
    const datastore = quorum.witnessDatastore;
    if (datastore === undefined) return undefined;
    const index = partitions.findIndex((group) => group.some((id) => query.reachesDatastore(id, datastore)));
    return index < 0 ? undefined : index;
  }
  const switchId = quorum.witnessSwitch;
  const vertex = switchId === undefined ? undefined : query.lan.vertexOf.get(switchId);
  const target = vertex === undefined ? undefined : component[vertex];
  const index = partitions.findIndex((group) =>
    group.some((id) => {
      const hostReached = reached.get(id);
      if (hostReached === undefined) return true;
      return target === undefined ? (switchId === undefined && hostReached.size > 0) : target >= 0 && hostReached.has(target);
    }),
  );
  return index < 0 ? undefined : index;
}

/**
 * The HA primary vSphere would elect: the host that mounts the most datastores, then the
 * first in file order (vSphere compares managed-object ids, which a design does not have).
 * A cluster's `ha.primaryHost` overrides it.
 */
export function electPrimary(cluster: Cluster, candidates: readonly string[], datastoresOf: (hostId: string) => number): string | undefined {
  const stated = cluster.ha.primaryHost;
  if (stated !== undefined && candidates.includes(stated)) return stated;
  let best: string | undefined;
  let bestCount = -1;
  for (const id of candidates) {
    const count = datastoresOf(id);
    if (count > bestCount) {
      best = id;
      bestCount = count;
    }
  }
  return best;
}
