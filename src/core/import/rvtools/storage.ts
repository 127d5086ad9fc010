/**
 * Datastores from vDatastore, with the paths each host has to their LUNs from vMultiPath.
 * A VMFS datastore mounted by one host is taken as local storage (no other host can open
 * it, which is what matters to HA); the others are shared datastores whose array is not
 * known, written with the hosts that mount them and their working and dead paths.
 */

import { collection, type DraftElement, type DraftMap } from '../emit';
import { dataText } from '../quantities';
import type { SummaryBuilder } from '../summary';
import { MULTIPATH_SLOTS, VDATASTORE, VMULTIPATH } from './columns';
import { naturalCompare } from '../../text/natural-order';
import type { RvtoolsTabs } from './tabs';
import { grouped } from '../../text/plural';
import { defineMessages } from '../../l10n/messages';
import { formatList } from '../../l10n/format';
import { someOf } from '../notes';

const MESSAGES = defineMessages('import.rvtools.storage', {
  noVdatastore: 'VMs keep their datastore names only in comments; local and shared storage cannot be told apart',
  unknownHosts: 'vDatastore row {row}: datastore "{datastore}" is mounted by host(s) not in vHost ({hosts}); left out of presentedTo',
  localOne: '1 VMFS datastore mounted by a single host taken as local storage ({datastores}): no other host can restart their VMs',
  localMany: '{count} VMFS datastores mounted by a single host taken as local storage ({datastores}): no other host can restart their VMs',
  noVmultipath: 'storage paths are not known, so lun-single-path has nothing to check',
  pathStates: 'paths in state active or standby counted as working, dead, disabled, off and unknown ones written under deadPaths',
});

export interface StorageInput {
  readonly tabs: RvtoolsTabs;
  readonly summary: SummaryBuilder;
  /** A host id from a name as the storage tabs write it (FQDN or short). */
  readonly hostId: (name: string) => string | undefined;
  /** Datastore name to id (allocated by the caller in name order). */
  readonly datastoreIds: ReadonlyMap<string, string>;
  /** Host ids of each cluster, to leave out presentedTo when a datastore reaches every host of its clusters. */
  readonly clusterOfHost: ReadonlyMap<string, string>;
  readonly hostsOfCluster: ReadonlyMap<string, readonly string[]>;
}

export interface ImportedStorage {
  readonly datastores: Map<string, DraftElement>;
  /** Datastore name to whether it is shared. */
  readonly shared: ReadonlyMap<string, boolean>;
}

export function readDatastoreNames(tabs: RvtoolsTabs): string[] {
  return tabs.rows('vDatastore', VDATASTORE, MESSAGES.noVdatastore({})).flatMap((row) => row.text('name') ?? []);
}

export function importStorage(input: StorageInput): ImportedStorage {
  const { tabs, summary } = input;
  const paths = readPaths(input);
  const datastores = new Map<string, DraftElement>();
  const shared = new Map<string, boolean>();
  const local: string[] = [];
  for (const row of tabs.rows('vDatastore', VDATASTORE, '')) {
    const name = row.text('name');
    const id = name === undefined ? undefined : input.datastoreIds.get(name);
    if (name === undefined || id === undefined || datastores.has(id)) continue;
    const type = (row.text('type') ?? 'VMFS').toLowerCase();
    const hostNames = (row.text('hosts') ?? '').split(/[,;]\s*/).map((h) => h.trim()).filter((h) => h !== '');
    const hostIds = [...new Set(hostNames.flatMap((h) => input.hostId(h) ?? []))];
    const unknownHosts = hostNames.filter((h) => input.hostId(h) === undefined);
    if (unknownHosts.length > 0) summary.warn(MESSAGES.unknownHosts({ row: String(row.line), datastore: name, hosts: formatList(unknownHosts.slice(0, 3)) }));
    const capacity = row.number('capacityMiB');
    const isNfs = type.startsWith('nfs');
    const isLocal = !isNfs && type === 'vmfs' && hostIds.length === 1;
    shared.set(name, !isLocal);
    const notes = [name === id ? undefined : `"${name}"`, type === 'vmfs' || isNfs ? undefined : type, isNfs ? nfsServer(row.text('address'), row.text('url')) : undefined].filter((n) => n !== undefined);
    if (isLocal) {
      local.push(name);
      datastores.set(id, { value: { host: hostIds[0], capacity: capacity === undefined ? undefined : dataText(capacity) }, comment: notes.length > 0 ? notes.join(', ') : undefined });
      continue;
    }
    const fields: DraftMap = {
      protocol: isNfs ? 'nfs' : undefined,
      shared: true,
      capacity: capacity === undefined ? undefined : dataText(capacity),
      presentedTo: coversClusters(hostIds, input) ? undefined : hostIds,
      paths: pathsOf(paths.working.get(name)),
      deadPaths: pathsOf(paths.dead.get(name)),
    };
    datastores.set(id, { value: fields, comment: notes.length > 0 ? notes.join(', ') : undefined });
  }
  if (local.length > 0) summary.inferred(local.length === 1 ? MESSAGES.localOne({ datastores: someOf(local, 3) }) : MESSAGES.localMany({ count: grouped(local.length), datastores: someOf(local, 3) }));
  return { datastores, shared };
}

/** Working and dead path names per datastore name and host id, from vMultiPath's Path 1..8 columns. */
function readPaths(input: StorageInput): { working: Map<string, Map<string, string[]>>; dead: Map<string, Map<string, string[]>> } {
  const working = new Map<string, Map<string, string[]>>();
  const dead = new Map<string, Map<string, string[]>>();
  const add = (into: Map<string, Map<string, string[]>>, datastore: string, host: string, path: string) => {
    let byHost = into.get(datastore);
    if (!byHost) into.set(datastore, (byHost = new Map()));
    const list = byHost.get(host);
    if (!list) byHost.set(host, [path]);
    else if (!list.includes(path)) list.push(path);
  };
  let rows = 0;
  for (const row of input.tabs.rows('vMultiPath', VMULTIPATH, MESSAGES.noVmultipath({}))) {
    const datastore = row.text('datastore');
    const hostName = row.text('host');
    const host = hostName === undefined ? undefined : input.hostId(hostName);
    if (datastore === undefined || host === undefined) continue;
    rows += 1;
    for (let slot = 1; slot <= MULTIPATH_SLOTS; slot++) {
      const path = row.cellText(`Path ${slot}`);
      if (path === undefined) continue;
      const state = (row.cellText(`Path ${slot} state`) ?? 'active').toLowerCase();
      add(state.startsWith('active') || state.startsWith('standby') ? working : dead, datastore, host, path);
    }
  }
  if (rows > 0) input.summary.inferred(MESSAGES.pathStates({}));
  return { working, dead };
}

function pathsOf(byHost: Map<string, string[]> | undefined): DraftElement['value'] | undefined {
  if (!byHost || byHost.size === 0) return undefined;
  const sorted = [...byHost].sort(([a], [b]) => naturalCompare(a, b));
  return collection(new Map(sorted.map(([host, list]) => [host, { value: [...list].sort(naturalCompare) }])));
}

/** Whether the hosts are exactly every host of their clusters (then presentedTo would say nothing). */
function coversClusters(hostIds: readonly string[], input: StorageInput): boolean {
  const clusters = new Set<string>();
  for (const host of hostIds) {
    const cluster = input.clusterOfHost.get(host);
    if (cluster === undefined) return false;
    clusters.add(cluster);
  }
  if (clusters.size === 0) return false;
  const all = new Set([...clusters].flatMap((cluster) => input.hostsOfCluster.get(cluster) ?? []));
  return all.size === hostIds.length;
}

function nfsServer(address: string | undefined, url: string | undefined): string | undefined {
  const server = address ?? url;
  return server === undefined ? undefined : `NFS ${server}`;
}
