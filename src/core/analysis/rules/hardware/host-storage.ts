/**
 * What a host's adapters contribute to storage: which ports carry which storage protocol,
 * which adapters are its FC HBAs and iSCSI initiators, and which clusters need SAN storage.
 * Shared by the hardware rules; the storage-path graph lives in src/core/graph.
 */

import type { Adapter, Cluster, Datastore, Host, HostPort, Topology } from '../../../model/topology';
import { haEnabled } from '../../../domain/ha';
import { defineMessages } from '../../../l10n/messages';

/** How storage traffic leaves a host port: Fibre Channel (or FCoE), iSCSI, or NFS. */
export type StorageProtocol = 'fc' | 'iscsi' | 'nfs';

/** The initiator families the HBA rules judge: FC HBAs, and iSCSI initiators. */
export type InitiatorFamily = 'fc' | 'iscsi';

/** The adapters of a family, in the plural, as messages name them. */
export const INITIATOR_NAMES = defineMessages('hardware.initiators', {
  fc: 'FC HBAs',
  iscsi: 'iSCSI adapters',
} satisfies Record<InitiatorFamily, string>);

/**
 * The storage protocol a host port carries, if any. An FC HBA's ports are FC whatever
 * their roles; a hardware iSCSI HBA's are iSCSI; a NIC's port is storage only when its
 * roles say so; a converged adapter's port is iSCSI or NFS by role, else FCoE.
 */
export function storageProtocolOfPort(adapter: Adapter, port: HostPort): StorageProtocol | undefined {
  const roles = port.roles ?? [];
  switch (adapter.type) {
    case 'fc':
      return 'fc';
    case 'iscsi':
      return 'iscsi';
    case 'ethernet':
      if (roles.includes('iscsi') || roles.includes('storage')) return 'iscsi';
      return roles.includes('nfs') ? 'nfs' : undefined;
    case 'cna':
      if (roles.includes('iscsi')) return 'iscsi';
      if (roles.includes('nfs')) return 'nfs';
      return roles.length === 0 || roles.includes('storage') ? 'fc' : undefined;
  }
}

/** An adapter acting as a storage initiator, and the ports it initiates with. */
export interface Initiator {
  readonly adapter: Adapter;
  readonly ports: readonly HostPort[];
}

/**
 * A host's storage initiators by family. An FC HBA or hardware iSCSI HBA counts even with
 * no ports drawn yet; a NIC or converged adapter counts in each family its ports carry.
 */
export function initiatorsOf(host: Host): ReadonlyMap<InitiatorFamily, readonly Initiator[]> {
  const families = new Map<InitiatorFamily, Initiator[]>();
  const add = (family: InitiatorFamily, initiator: Initiator) => {
    const list = families.get(family);
    if (list) list.push(initiator);
    else families.set(family, [initiator]);
  };
  for (const adapter of host.adapters) {
    if (adapter.type === 'fc' || adapter.type === 'iscsi') {
      add(adapter.type, { adapter, ports: adapter.ports });
      continue;
    }
    for (const family of ['fc', 'iscsi'] as const) {
      const ports = adapter.ports.filter((port) => storageProtocolOfPort(adapter, port) === family);
      if (ports.length > 0) add(family, { adapter, ports });
    }
  }
  return families;
}

/** Block storage reached through HBAs or iSCSI: everything on an array but NFS and SMB shares. */
function isSanBlockStorage(topology: Topology, datastore: Datastore): boolean {
  if (datastore.array === undefined || topology.isLocalDatastore(datastore)) return false;
  return datastore.protocol !== 'nfs' && datastore.protocol !== 'smb';
}

/**
 * Clusters whose hosts need SAN block storage: a VM of the cluster lives on an array LUN,
 * or a LUN is presented to one of its hosts; in a one-cluster design, any LUN on an array.
 */
export function clustersOnSan(topology: Topology): ReadonlySet<Cluster> {
  const sanDatastores = new Set<string>();
  const hostIds = new Set<string>();
  const clusters = new Set<Cluster>();
  const onlyCluster = topology.clusters.length === 1 ? topology.clusters[0] : undefined;
  for (const datastore of topology.datastores) {
    if (!isSanBlockStorage(topology, datastore)) continue;
    sanDatastores.add(datastore.id);
    for (const hostId of datastore.presentedTo ?? []) hostIds.add(hostId);
    if (datastore.presentedTo === undefined && onlyCluster) clusters.add(onlyCluster);
  }
  for (const vm of topology.vms) {
    const onSan = (vm.datastore !== undefined && sanDatastores.has(vm.datastore)) || (vm.sharedDisks !== undefined && vm.sharedDisks.some((id) => sanDatastores.has(id)));
    if (onSan) hostIds.add(vm.host);
  }
  for (const hostId of hostIds) {
    const host = topology.host(hostId);
    const cluster = host ? topology.clusterOfHost(host) : undefined;
    if (cluster) clusters.add(cluster);
  }
  return clusters;
}

/** Whether HA protects the cluster (HA is on unless the file turns it off). */
export function isHaCluster(cluster: Cluster | undefined): cluster is Cluster {
  return cluster !== undefined && haEnabled(cluster);
}
