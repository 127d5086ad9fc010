/**
 * Where VM files live, from their paths: a Cluster Shared Volume (a path under its
 * C:\ClusterStorage\<volume> mount point) is `protocol: csv, shared: true`; an SMB share
 * (\\server\share\...) is `protocol: smb, shared: true`; any other drive (D:\VMs\...) is
 * local storage of the VM's node (`host:`), which no other node can open. A disk witness
 * is a shared datastore the quorum names. Only storage that a VM or the quorum uses is
 * written: a node's other local volumes say nothing about HA.
 */

import type { DraftElement, DraftMap } from '../emit';
import { idFromName, type IdAllocator } from '../ids';
import { dataText } from '../quantities';
import { naturalCompare } from '../../text/natural-order';
import type { SummaryBuilder } from '../summary';
import type { HypervInventory, VmInfo } from './inventory';
import { grouped } from '../../text/plural';
import { formatList } from '../../l10n/format';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.hyperv.storage', {
  csvTwice: '{where}: Cluster Shared Volume "{csv}" is listed twice; the first is used',
  notOnline: 'Cluster Shared Volume(s) not online at export time: {volumes}',
  csvState: '{csv} ({state})',
  noCsvList: 'the list of Cluster Shared Volumes (sharedVolumes): CSVs are known only from the VM paths under C:\\ClusterStorage, without their capacity',
  localDrive: '{drive}: on {host}',
  localDriveLabel: '{drive}: on {host} ("{label}")',
  unreadableOne: '1 VM file path name no drive, CSV or share ({paths}); left out',
  unreadableMany: '{count} VM file paths name no drive, CSV or share ({paths}); left out',
  implicitCsv: 'VM paths under C:\\ClusterStorage name volume(s) the CSV list does not have ({volumes}): written as CSVs without a capacity',
  witness: '"{resource}": the disk witness (a clustered disk, not a CSV)',
  localOne: '1 local volume holding VM files written as local datastores of their node (host:): no other node can open them, so those VMs cannot fail over',
  localMany: '{count} local volumes holding VM files written as local datastores of their node (host:): no other node can open them, so those VMs cannot fail over',
  smbOne: '1 SMB share holding VM files written as shared datastores (protocol: smb) that every node reaches: the inventory does not say which file server serves them',
  smbMany: '{count} SMB shares holding VM files written as shared datastores (protocol: smb) that every node reaches: the inventory does not say which file server serves them',
});

const MIB = 1024 * 1024;

type StoreKind = 'csv' | 'smb' | 'local' | 'witness';

interface Store {
  readonly key: string;
  readonly kind: StoreKind;
  /** The name the id is made from. */
  readonly name: string;
  readonly comment?: string;
  readonly fields: DraftMap;
}

export interface StorageInput {
  readonly inventory: HypervInventory;
  readonly summary: SummaryBuilder;
  readonly ids: IdAllocator;
  readonly hostOf: (node: string) => string | undefined;
  /** Node name of each host id, for local datastore names. */
  readonly hostName: (hostId: string) => string;
}

export interface ImportedStorage {
  readonly datastores: Map<string, DraftElement>;
  /** The datastore id of each VM (by its inventory record), and whether the VM spans several. */
  readonly vmDatastore: ReadonlyMap<VmInfo, { readonly id: string; readonly spans: number; readonly local: boolean }>;
  readonly witnessDatastore?: string;
  readonly counts: { readonly csv: number; readonly smb: number; readonly local: number };
}

/** C:/ClusterStorage//Volume1/ -> c:\clusterstorage\volume1 */
function normalPath(path: string): string {
  return path.trim().replace(/\//g, '\\').replace(/(?<!^)\\{2,}/g, '\\').replace(/\\+$/, '').toLowerCase();
}

export function importStorage(input: StorageInput): ImportedStorage {
  const { inventory, summary } = input;
  const stores = new Map<string, Store>();
  const csvPaths: Array<{ prefix: string; key: string }> = [];
  const notOnline: string[] = [];
  for (const csv of inventory.sharedVolumes ?? []) {
    const key = `csv:${csv.name.toLowerCase()}`;
    if (stores.has(key)) {
      summary.warn(MESSAGES.csvTwice({ where: csv.where, csv: csv.name }));
      continue;
    }
    const state = csv.state;
    if (state !== undefined && !/^online$/i.test(state)) notOnline.push(MESSAGES.csvState({ csv: csv.name, state }));
    const paths = [...csv.paths].sort(naturalCompare);
    for (const path of paths) csvPaths.push({ prefix: normalPath(path), key });
    stores.set(key, {
      key,
      kind: 'csv',
      name: csv.name,
      comment: [`"${csv.name}"`, paths[0], state !== undefined && !/^online$/i.test(state) ? state : undefined].filter((part) => part !== undefined).join(', '),
      fields: { protocol: 'csv', shared: true, capacity: csv.sizeBytes !== undefined && csv.sizeBytes > 0 ? dataText(csv.sizeBytes / MIB) : undefined },
    });
  }
  if (notOnline.length > 0) summary.warn(MESSAGES.notOnline({ volumes: formatList(notOnline) }));
  if (inventory.sharedVolumes === undefined) summary.missing(MESSAGES.noCsvList({}));
  // Longest mount point first, so that C:\ClusterStorage\Volume10 is not taken for Volume1.
  csvPaths.sort((a, b) => b.prefix.length - a.prefix.length || naturalCompare(a.prefix, b.prefix));

  const volumeOf = new Map(inventory.volumes.map((volume) => [`${input.hostOf(volume.node) ?? ''}\u0000${volume.driveLetter}`, volume]));
  const implicitCsv = new Set<string>();
  /** The store of one path, created on first sight; undefined for a path that names no storage. */
  const storeOf = (path: string, hostId: string): Store | undefined => {
    const normal = normalPath(path);
    const csv = csvPaths.find((entry) => normal === entry.prefix || normal.startsWith(`${entry.prefix}\\`));
    if (csv) return stores.get(csv.key);
    const clusterStorage = /^[a-z]:\\clusterstorage\\([^\\]+)/.exec(normal);
    if (clusterStorage) {
      const folder = /^[a-z]:\\clusterstorage\\([^\\]+)/i.exec(path.trim().replace(/\//g, '\\'))?.[1] ?? clusterStorage[1] ?? '';
      const key = `csv:path:${clusterStorage[1] ?? ''}`;
      if (!stores.has(key)) {
        implicitCsv.add(folder);
        stores.set(key, { key, kind: 'csv', name: folder, comment: `C:\\ClusterStorage\\${folder}`, fields: { protocol: 'csv', shared: true } });
      }
      return stores.get(key);
    }
    const unc = /^\\\\([^\\]+)\\([^\\]+)/.exec(path.trim().replace(/\//g, '\\'));
    if (unc) {
      const server = unc[1] ?? '';
      const share = unc[2] ?? '';
      const key = `smb:${server.toLowerCase()}\\${share.toLowerCase()}`;
      if (!stores.has(key)) stores.set(key, { key, kind: 'smb', name: `${server.split('.')[0] ?? server}-${share}`, comment: `\\\\${server}\\${share}`, fields: { protocol: 'smb', shared: true } });
      return stores.get(key);
    }
    const drive = /^([a-z]):\\/i.exec(path.trim());
    if (drive) {
      const letter = (drive[1] ?? '').toUpperCase();
      const key = `local:${hostId}\u0000${letter}`;
      if (!stores.has(key)) {
        const volume = volumeOf.get(`${hostId}\u0000${letter}`);
        stores.set(key, {
          key,
          kind: 'local',
          name: `${hostId}-${letter}`,
          comment: volume?.label !== undefined ? MESSAGES.localDriveLabel({ drive: letter, host: input.hostName(hostId), label: volume.label }) : MESSAGES.localDrive({ drive: letter, host: input.hostName(hostId) }),
          fields: { host: hostId, capacity: volume?.sizeBytes !== undefined && volume.sizeBytes > 0 ? dataText(volume.sizeBytes / MIB) : undefined },
        });
      }
      return stores.get(key);
    }
    return undefined;
  };

  // Each VM's files: its configuration, then its disks in controller order.
  const vmStores = new Map<VmInfo, Store[]>();
  const unreadable = new Set<string>();
  for (const vm of inventory.vms) {
    const hostId = input.hostOf(vm.node);
    if (hostId === undefined) continue;
    const paths = [...vm.diskPaths, ...(vm.configurationLocation === undefined ? [] : [vm.configurationLocation])];
    const found: Store[] = [];
    for (const path of paths) {
      const store = storeOf(path, hostId);
      if (store) found.push(store);
      else unreadable.add(path);
    }
    vmStores.set(vm, [...new Set(found)]);
  }
  const paths = formatList([...unreadable].sort(naturalCompare).slice(0, 3));
  if (unreadable.size > 0) summary.warn(unreadable.size === 1 ? MESSAGES.unreadableOne({ paths }) : MESSAGES.unreadableMany({ count: grouped(unreadable.size), paths }));
  if (implicitCsv.size > 0) summary.warn(MESSAGES.implicitCsv({ volumes: formatList([...implicitCsv].sort(naturalCompare)) }));

  // The disk witness.
  let witnessKey: string | undefined;
  const quorum = inventory.quorum;
  if (quorum?.resource !== undefined && witnessKind(quorum.type, quorum.resourceType, quorum.resource) === 'disk') {
    witnessKey = `witness:${quorum.resource.toLowerCase()}`;
    stores.set(witnessKey, { key: witnessKey, kind: 'witness', name: quorum.resource, comment: MESSAGES.witness({ resource: quorum.resource }), fields: { shared: true } });
  }

  // Ids in name order, so that they do not depend on the order of the inventory.
  const idOf = new Map<string, string>();
  for (const store of [...stores.values()].sort((a, b) => naturalCompare(a.name, b.name) || naturalCompare(a.key, b.key))) {
    idOf.set(store.key, input.ids.allocate(idFromName(store.name, 'datastore'), 'ds'));
  }
  const datastores = new Map<string, DraftElement>();
  for (const store of [...stores.values()].sort((a, b) => naturalCompare(idOf.get(a.key) ?? '', idOf.get(b.key) ?? ''))) {
    const id = idOf.get(store.key) ?? store.name;
    datastores.set(id, { value: store.fields, comment: store.comment === `"${id}"` ? undefined : store.comment });
  }

  const vmDatastore = new Map<VmInfo, { id: string; spans: number; local: boolean }>();
  for (const [vm, found] of vmStores) {
    // A VM with any file on local storage cannot restart elsewhere: that datastore is the one that matters.
    const chosen = found.find((store) => store.kind === 'local') ?? found[0];
    const id = chosen === undefined ? undefined : idOf.get(chosen.key);
    if (id !== undefined) vmDatastore.set(vm, { id, spans: found.length, local: chosen?.kind === 'local' });
  }
  const count = (kind: StoreKind) => [...stores.values()].filter((store) => store.kind === kind).length;
  const counts = { csv: count('csv'), smb: count('smb'), local: count('local') };
  if (counts.local > 0) summary.inferred(counts.local === 1 ? MESSAGES.localOne({}) : MESSAGES.localMany({ count: grouped(counts.local) }));
  if (counts.smb > 0) summary.inferred(counts.smb === 1 ? MESSAGES.smbOne({}) : MESSAGES.smbMany({ count: grouped(counts.smb) }));
  return { datastores, vmDatastore, witnessDatastore: witnessKey === undefined ? undefined : idOf.get(witnessKey), counts };
}

/**
 * The witness from the quorum resource's type ("Physical Disk", "File Share Witness",
 * "Cloud Witness"), else from the quorum type (Windows Server 2012 and earlier name the
 * witness in it: NodeAndDiskMajority, NodeAndFileShareMajority), else from the resource's
 * default name. Undefined when nothing says.
 */
export function witnessKind(quorumType: string | undefined, resourceType: string | undefined, resource: string | undefined): 'none' | 'disk' | 'file-share' | 'cloud' | undefined {
  const byType = (text: string) => (/cloud/i.test(text) ? 'cloud' : /file\s*share/i.test(text) ? 'file-share' : /disk/i.test(text) ? 'disk' : undefined);
  const fromResourceType = byType(resourceType ?? '');
  if (fromResourceType) return fromResourceType;
  const type = (quorumType ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (type.includes('fileshare')) return 'file-share';
  if (type.includes('disk')) return 'disk';
  if (resource === undefined) return type === 'nodemajority' || type === 'majority' ? 'none' : undefined;
  return /^cluster disk\b/i.test(resource) ? 'disk' : byType(resource);
}
