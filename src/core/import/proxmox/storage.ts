/**
 * Storages to datastores. A shared storage (NFS, CIFS, Ceph RBD and CephFS, iSCSI, ZFS over
 * iSCSI, GlusterFS, or LVM and directories marked shared) is one datastore reached by the
 * nodes it is configured on. A local storage (LVM-thin, a ZFS pool, a directory, LVM not
 * marked shared) has the same name on every node but is a different volume on each: it
 * becomes one datastore per node, `<storage>-<node>`, on that host. Storages that cannot
 * hold guest disks (backups, ISO images, templates only; Proxmox Backup Server; ESXi import
 * sources) and disabled ones are left out.
 */

import type { DraftElement, DraftMap } from '../emit';
import { idFromName, type IdAllocator } from '../ids';
import { dataText } from '../quantities';
import type { SummaryBuilder } from '../summary';
import { naturalCompare } from '../../text/natural-order';
import type { ProxmoxInventory, PveStorage } from './inventory';
import { grouped } from '../../text/plural';
import { formatList } from '../../l10n/format';
import { defineMessages } from '../../l10n/messages';
import { someOf } from '../notes';

const MESSAGES = defineMessages('import.proxmox.storage', {
  typeNotKnown: 'type not known',
  unknownType: 'unknown type',
  storageOnNode: '{storage} on {node}',
  localStorages: 'each local storage (LVM-thin, ZFS pool, directory, LVM not marked shared) is one datastore per node, "<storage>-<node>": the same storage name is a different volume on every node, and HA cannot restart a guest from it on another node',
  leftOutOne: '1 storage that hold no guest disks left out ({storages}): backups, ISO images and templates only, Proxmox Backup Server or ESXi import sources',
  leftOutMany: '{count} storages that hold no guest disks left out ({storages}): backups, ISO images and templates only, Proxmox Backup Server or ESXi import sources',
  disabledOne: '1 disabled storage left out ({storages})',
  disabledMany: '{count} disabled storages left out ({storages})',
  noProtocol: 'storages of type {types} have no datastore protocol in the format: written without one, with the type in a comment',
  nodeStatus: '{node} ({status})',
  notAvailable: 'storage "{storage}" was not available on {nodes} when the inventory was taken; the design assumes it is',
});

/** Storage type -> the format's protocol, and whether the type is shared whatever its flag says. */
const TYPES: Readonly<Record<string, { protocol?: string; alwaysShared?: boolean; neverShared?: boolean }>> = {
  nfs: { protocol: 'nfs', alwaysShared: true },
  cifs: { protocol: 'smb', alwaysShared: true },
  rbd: { protocol: 'ceph', alwaysShared: true },
  cephfs: { protocol: 'ceph', alwaysShared: true },
  iscsi: { protocol: 'raw', alwaysShared: true },
  iscsidirect: { protocol: 'raw', alwaysShared: true },
  zfs: { protocol: 'zfs', alwaysShared: true },
  glusterfs: { alwaysShared: true },
  lvm: { protocol: 'lvm' },
  lvmthin: { protocol: 'lvm', neverShared: true },
  zfspool: { protocol: 'zfs', neverShared: true },
  dir: {},
  btrfs: { neverShared: true },
};

/** Types that never hold a guest's disks. */
const NOT_GUEST_STORAGE = new Set(['pbs', 'esxi']);

export interface ImportedStorage {
  readonly datastores: Map<string, DraftElement>;
  /** Datastore id of a storage on a node: the shared datastore, or the node's own one. */
  readonly datastoreOf: (storage: string, node: string) => string | undefined;
  readonly isLocal: (storage: string) => boolean;
  /** Storage ids the inventory lists (also those left out), to tell an unknown storage from a left-out one. */
  readonly known: ReadonlySet<string>;
  readonly sharedCount: number;
  /** Protocols of the local datastores by id (zfs matters for replication). */
  readonly localProtocol: (storage: string) => string | undefined;
}

export interface StorageInput {
  readonly inventory: ProxmoxInventory;
  readonly summary: SummaryBuilder;
  readonly ids: IdAllocator;
  readonly hostIds: ReadonlyMap<string, string>;
}

export function importStorage({ inventory, summary, ids, hostIds }: StorageInput): ImportedStorage {
  const allNodes = [...hostIds.keys()];
  const datastores = new Map<string, DraftElement>();
  const shared = new Map<string, string>();
  const local = new Map<string, Map<string, string>>();
  const localProtocols = new Map<string, string | undefined>();
  const leftOut: string[] = [];
  const disabled: string[] = [];
  const noProtocol = new Set<string>();
  let sharedCount = 0;

  for (const storage of inventory.storages.values()) {
    const type = storage.type?.toLowerCase();
    if (storage.disabled) {
      disabled.push(storage.id);
      continue;
    }
    if ((type !== undefined && NOT_GUEST_STORAGE.has(type)) || !holdsGuests(storage)) {
      leftOut.push(storage.id);
      continue;
    }
    const known = type === undefined ? undefined : TYPES[type];
    const isShared = known?.alwaysShared === true || (known?.neverShared !== true && storage.shared === true);
    const protocol = known?.protocol;
    if (protocol === undefined) noProtocol.add(type ?? MESSAGES.unknownType({}));
    const nodes = nodesOf(storage, allNodes);
    const typeNote = protocol === undefined || protocol === 'raw' || type === 'cephfs' || type === 'zfs' ? (type ?? MESSAGES.typeNotKnown({})) : undefined;
    if (isShared) {
      const id = ids.allocate(idFromName(storage.id, 'datastore'), 'ds');
      shared.set(storage.id, id);
      sharedCount += 1;
      const hostList = nodes.flatMap((node) => hostIds.get(node) ?? []).sort(naturalCompare);
      const capacity = Math.max(0, ...storage.onNodes.map((entry) => entry.maxdisk ?? 0));
      const fields: DraftMap = {
        protocol,
        shared: true,
        capacity: capacityText(capacity),
        presentedTo: hostList.length === allNodes.length ? undefined : hostList,
      };
      const notes = [id === storage.id ? undefined : JSON.stringify(storage.id), typeNote, storage.detail].filter((n) => n !== undefined);
      datastores.set(id, { value: fields, comment: notes.length > 0 ? formatList(notes) : undefined });
      continue;
    }
    const byNode = new Map<string, string>();
    local.set(storage.id, byNode);
    localProtocols.set(storage.id, protocol);
    for (const node of nodes) {
      const hostId = hostIds.get(node);
      if (hostId === undefined) continue;
      const id = ids.allocate(idFromName(`${storage.id}-${hostId}`, 'datastore'), 'ds');
      byNode.set(node, id);
      const entry = storage.onNodes.find((e) => e.node === node);
      const notes = [MESSAGES.storageOnNode({ storage: storage.id, node }), typeNote, storage.detail].filter((n) => n !== undefined);
      datastores.set(id, { value: { protocol, host: hostId, capacity: capacityText(entry?.maxdisk ?? 0) }, comment: formatList(notes) });
    }
  }
  if (local.size > 0) summary.inferred(MESSAGES.localStorages({}));
  const unused = someOf(leftOut, 4);
  if (leftOut.length > 0) summary.inferred(leftOut.length === 1 ? MESSAGES.leftOutOne({ storages: unused }) : MESSAGES.leftOutMany({ count: grouped(leftOut.length), storages: unused }));
  if (disabled.length > 0) summary.inferred(disabled.length === 1 ? MESSAGES.disabledOne({ storages: formatList(disabled) }) : MESSAGES.disabledMany({ count: grouped(disabled.length), storages: formatList(disabled) }));
  if (noProtocol.size > 0) summary.inferred(MESSAGES.noProtocol({ types: formatList([...noProtocol].sort()) }));
  for (const storage of inventory.storages.values()) {
    const down = storage.onNodes.filter((entry) => entry.status !== undefined && entry.status !== 'available' && inventory.nodes.get(entry.node)?.online !== false);
    if (down.length > 0 && (shared.has(storage.id) || local.has(storage.id))) summary.warn(MESSAGES.notAvailable({ storage: storage.id, nodes: formatList(down.map((e) => MESSAGES.nodeStatus({ node: e.node, status: e.status ?? '' }))) }));
  }

  return {
    datastores,
    datastoreOf: (storage, node) => shared.get(storage) ?? local.get(storage)?.get(node),
    isLocal: (storage) => local.has(storage),
    known: new Set(inventory.storages.keys()),
    sharedCount,
    localProtocol: (storage) => localProtocols.get(storage),
  };
}

/** A storage holds guest disks when its content includes images (VM disks) or rootdir (container volumes), or when its content is not known. */
function holdsGuests(storage: PveStorage): boolean {
  return storage.content === undefined || storage.content.some((c) => c === 'images' || c === 'rootdir');
}

/** The nodes a storage is configured on: those /cluster/resources lists it for, else its definition's nodes, else all. */
function nodesOf(storage: PveStorage, allNodes: readonly string[]): string[] {
  const listed = storage.onNodes.length > 0 ? storage.onNodes.map((e) => e.node) : storage.nodes !== undefined && storage.nodes.length > 0 ? storage.nodes : allNodes;
  return [...new Set(listed)].filter((node) => allNodes.includes(node)).sort(naturalCompare);
}

function capacityText(bytes: number): string | undefined {
  return bytes >= 1024 * 1024 ? dataText(bytes / (1024 * 1024)) : undefined;
}
