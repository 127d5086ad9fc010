/**
 * The Proxmox VE inventory as the importer reads it: the JSON object written by
 * scripts/inventory/proxmox-inventory.sh (the outputs of `pvesh get` for /cluster/status,
 * /cluster/resources, /storage, the HA resources, groups, rules and status, replication
 * jobs, the QDevice and corosync nodes, each node's /nodes/{node}/status and the guests'
 * configuration files), or a bare /cluster/resources list. Every part is optional: what is
 * absent is said once in the summary's `missing`, what has the wrong type is a warning.
 * Lists are sorted here, so that nothing downstream depends on the order of the input.
 */

import type { SummaryBuilder } from '../summary';
import { naturalCompare } from '../../text/natural-order';
import { parseGuestConfig, type GuestConfig } from './config';
import { canonicalJson, entriesOf, Fields, isObject, type JsonObject } from './values';
import { grouped } from '../../text/plural';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.proxmox.inventory', {
  newerVersion: 'the inventory is version {version}; this VTopo reads version {known}, and what it does not know is left out',
  noResources: 'no node, VM, container or storage is known but what the other parts name',
  noClusterStatus: 'the cluster name, which nodes are online and whether the cluster is quorate are not known',
  // {node} is text here, not a parameter: the path as the Proxmox VE API writes it (given as itself).
  noNodeStatus: 'nodes (/nodes/{node}/status): CPU sockets, cores and clock are not known, so hosts have no cpu and the design reports it; memory comes from /cluster/resources',
  nodeIsNull: 'nodes: "{node}" is null; left out',
  nodeNotAnObject: 'nodes: "{node}" is not an object; left out',
  statusNotAnObject: 'nodes: {node}: "status" is not an object; left out',
  noConfigs: 'guest configurations (nodes.<node>.qemu, .lxc): which storage holds each VM\'s disks is not known, so VMs have no datastore and vm-local-datastore has nothing to check',
  noVmidOrNode: 'resources: {id} has no vmid or node; left out',
  guestTwice: 'resources: guest {vmid} is listed twice; the first entry is used',
  missingList: '{key}: {consequence}',
  notAList: 'inventory: "{key}" is not a list; left out ({consequence})',
  notAListPlain: 'inventory: "{key}" is not a list; left out',
  itemsNotObjectsOne: '{where}: 1 item are not objects; left out',
  itemsNotObjectsMany: '{where}: {count} items are not objects; left out',
  configNotAnObject: 'nodes: {node}: "{type}" is not an object; left out',
  noHaStatus: 'haStatus (/cluster/ha/status/manager_status): nodes in HA maintenance mode are not known, and are written as connected',
  noNodeStatusInHa: 'haStatus has no manager_status.node_status; nodes in HA maintenance mode are not known',
  noStorage: 'storage types, node restrictions and content come from /cluster/resources alone',
  pool: 'pool {pool}',
  volumeGroup: 'volume group {vg}',
  thinPool: 'thin pool {vg}/{pool}',
  noHaResources: 'which guests are HA resources is taken from the hastate of /cluster/resources',
  badSid: 'haResources: an entry without a "vm:<id>" or "ct:<id>" sid ({sid}); left out',
  noSid: 'haResources: an entry without a "vm:<id>" or "ct:<id>" sid (none); left out',
  noReplication: 'replication (/cluster/replication): storage replication jobs are not known, so no VM on local ZFS is written as replicated',
});

/** The marker the inventory script writes, and the version of its shape. */
export const INVENTORY_MARKER = 'proxmox';
export const INVENTORY_VERSION = 1;

export interface PveNode {
  readonly name: string;
  /** From /cluster/status (online flag) or /cluster/resources (status), undefined when neither says. */
  readonly online?: boolean;
  /** HA node maintenance mode (ha-manager crm-command node-maintenance). */
  readonly maintenance: boolean;
  /** /nodes/{node}/status, when the inventory has it. */
  readonly status?: Fields;
  /** Logical CPUs and memory bytes of /cluster/resources (kept from the last statistics when the node is offline). */
  readonly maxcpu?: number;
  readonly maxmem?: number;
}

export type GuestType = 'qemu' | 'lxc';

export interface PveGuest {
  readonly vmid: number;
  readonly type: GuestType;
  readonly name?: string;
  readonly node: string;
  /** running, stopped, or unknown (its node is offline). */
  readonly status?: string;
  readonly maxcpu?: number;
  readonly maxmem?: number;
  readonly template: boolean;
  /** The HA state /cluster/resources shows for an HA resource. */
  readonly hastate?: string;
  readonly config?: GuestConfig;
}

export interface PveStorageOnNode {
  readonly node: string;
  readonly maxdisk?: number;
  readonly status?: string;
}

export interface PveStorage {
  readonly id: string;
  /** Storage type: nfs, rbd, lvmthin, zfspool, ... */
  readonly type?: string;
  readonly shared?: boolean;
  /** The nodes the definition restricts the storage to. */
  readonly nodes?: readonly string[];
  readonly content?: readonly string[];
  readonly disabled: boolean;
  /** Where it is described, for a comment: the NFS server and export, the Ceph pool, the volume group. */
  readonly detail?: string;
  /** /cluster/resources: one entry per node the storage is configured on. */
  readonly onNodes: readonly PveStorageOnNode[];
}

export interface HaResource {
  readonly sid: string;
  readonly vmid: number;
  readonly state?: string;
  readonly group?: string;
}

export interface HaGroup {
  readonly name: string;
  /** Nodes with their priority (higher is preferred), in the order written. */
  readonly nodes: ReadonlyArray<{ readonly node: string; readonly priority?: number }>;
  readonly restricted: boolean;
  readonly nofailback: boolean;
}

export interface HaRule {
  readonly id: string;
  readonly type: string;
  readonly vmids: readonly number[];
  readonly nodes: ReadonlyArray<{ readonly node: string; readonly priority?: number }>;
  readonly strict: boolean;
  /** positive or negative. */
  readonly affinity?: string;
  readonly disabled: boolean;
}

export interface ReplicationJob {
  readonly id: string;
  readonly vmid: number;
  readonly target: string;
  readonly disabled: boolean;
}

export interface ProxmoxInventory {
  /** The script's object, or a bare /cluster/resources list. */
  readonly form: 'inventory' | 'resources';
  /** YYYY-MM-DD. */
  readonly exported?: string;
  readonly clusterName?: string;
  /** Whether /cluster/status was read (a standalone node has no cluster entry in it). */
  readonly clusterStatusKnown: boolean;
  readonly quorate?: boolean;
  readonly nodes: ReadonlyMap<string, PveNode>;
  readonly guests: readonly PveGuest[];
  readonly storages: ReadonlyMap<string, PveStorage>;
  /** Undefined when the inventory does not have the HA resources (then /cluster/resources' hastate is used). */
  readonly haResources?: readonly HaResource[];
  readonly haGroups?: readonly HaGroup[];
  readonly haRules?: readonly HaRule[];
  readonly replication?: readonly ReplicationJob[];
  /** A QDevice is configured; undefined when not known. */
  readonly qdevice?: boolean;
  /** Corosync links (ringN_addr / linkN address) per node, when /cluster/config/nodes was read. */
  readonly corosyncLinks?: ReadonlyMap<string, number>;
  /** Whether the guests' configurations were read (their disks). */
  readonly configsKnown: boolean;
}

/** Whether a parsed JSON value is a Proxmox VE inventory: the script's object, or a /cluster/resources list. */
export function detectProxmox(json: unknown): boolean {
  if (isObject(json)) {
    if (json.vtopoInventory === INVENTORY_MARKER) return true;
    return Array.isArray(json.resources) && isResourceList(json.resources) && (Array.isArray(json.cluster) || isObject(json.nodes));
  }
  return Array.isArray(json) && isResourceList(json);
}

/** Most entries are /cluster/resources entries: an id such as "qemu/100" or "node/pve1" and a type. */
function isResourceList(list: readonly unknown[]): boolean {
  if (list.length === 0) return false;
  const entries = list.filter((item) => isObject(item) && typeof item.type === 'string' && typeof item.id === 'string' && /^(node|qemu|lxc|storage|pool|sdn|openvz)\//.test(item.id));
  return entries.length > 0 && entries.length * 2 >= list.length;
}

export function readInventory(json: unknown, summary: SummaryBuilder): ProxmoxInventory {
  const form = Array.isArray(json) ? 'resources' : 'inventory';
  const top = new Fields(isObject(json) ? json : {}, 'inventory', summary);
  if (form === 'inventory') {
    const version = top.number('version');
    if (version !== undefined && version > INVENTORY_VERSION) summary.warn(MESSAGES.newerVersion({ version: String(version), known: String(INVENTORY_VERSION) }));
  }
  const resourceList = form === 'resources' ? (json as unknown[]) : listAt(top, 'resources', summary, MESSAGES.noResources({}));

  const resources = sortedObjects(resourceList, summary, 'resources', (item) => (typeof item.id === 'string' ? item.id : ''));
  const statusList = form === 'inventory' ? listAt(top, 'cluster', summary, MESSAGES.noClusterStatus({})) : undefined;
  const nodeStatus = form === 'inventory' ? top.object('nodes') : undefined;
  if (form === 'inventory' && nodeStatus === undefined) summary.missing(MESSAGES.noNodeStatus({ node: '{node}' }));

  // The cluster and its nodes.
  let clusterName: string | undefined;
  let quorate: boolean | undefined;
  const online = new Map<string, boolean>();
  for (const entry of sortedObjects(statusList ?? [], summary, 'cluster', (item) => String(item.id ?? item.name ?? ''))) {
    const fields = new Fields(entry, `cluster: ${String(entry.id ?? entry.name ?? '?')}`, summary);
    const type = fields.text('type');
    if (type === 'cluster') {
      clusterName ??= fields.text('name');
      quorate = fields.flag('quorate');
    } else if (type === 'node') {
      const name = fields.text('name');
      const isOnline = fields.flag('online');
      if (name !== undefined && isOnline !== undefined) online.set(name, isOnline);
      else if (name !== undefined) online.set(name, online.get(name) ?? true);
    }
  }

  const maintenance = readMaintenance(top, summary, form);
  const nodeNames = new Set<string>(online.keys());
  const nodeResources = new Map<string, Fields>();
  for (const entry of resources.filter((item) => item.type === 'node')) {
    const fields = new Fields(entry, `resources: ${String(entry.id)}`, summary);
    const name = fields.text('node');
    if (name === undefined || nodeResources.has(name)) continue;
    nodeResources.set(name, fields);
    nodeNames.add(name);
  }
  const statusByNode = new Map<string, JsonObject>();
  for (const [name, value] of nodeStatus === undefined ? [] : entriesOf(nodeStatus)) {
    if (!isObject(value)) {
      summary.warn(value === null ? MESSAGES.nodeIsNull({ node: name }) : MESSAGES.nodeNotAnObject({ node: name }));
      continue;
    }
    statusByNode.set(name, value);
  }
  // Nodes the inventory script found in /etc/pve/nodes count only when the cluster knows them, unless nothing else names any node.
  if (nodeNames.size === 0) for (const name of statusByNode.keys()) nodeNames.add(name);

  const nodes = new Map<string, PveNode>();
  for (const name of [...nodeNames].sort(naturalCompare)) {
    const res = nodeResources.get(name);
    const entry = statusByNode.get(name);
    const status = entry !== undefined && isObject(entry.status) ? new Fields(entry.status, `nodes: ${name}: status`, summary) : undefined;
    if (entry !== undefined && entry.status !== undefined && entry.status !== null && !isObject(entry.status)) summary.warn(MESSAGES.statusNotAnObject({ node: name }));
    const resStatus = res?.text('status');
    nodes.set(name, {
      name,
      online: online.get(name) ?? (resStatus === 'online' ? true : resStatus === 'offline' ? false : undefined),
      maintenance: maintenance.has(name),
      status,
      maxcpu: res?.number('maxcpu'),
      maxmem: res?.number('maxmem'),
    });
  }

  // Guests, with their configurations.
  const configs = readConfigs(statusByNode, summary);
  const configsKnown = form === 'inventory' && [...statusByNode.values()].some((entry) => isObject(entry.qemu) || isObject(entry.lxc));
  if (form === 'inventory' && nodeStatus !== undefined && !configsKnown) summary.missing(MESSAGES.noConfigs({}));
  const guests: PveGuest[] = [];
  const seen = new Set<number>();
  for (const entry of resources.filter((item) => item.type === 'qemu' || item.type === 'lxc')) {
    const fields = new Fields(entry, `resources: ${String(entry.id)}`, summary);
    const vmid = fields.number('vmid') ?? Number(/\/(\d+)$/.exec(String(entry.id))?.[1]);
    const node = fields.text('node');
    if (!Number.isInteger(vmid) || node === undefined) {
      summary.warn(MESSAGES.noVmidOrNode({ id: String(entry.id) }));
      continue;
    }
    if (seen.has(vmid)) {
      summary.warn(MESSAGES.guestTwice({ vmid: String(vmid) }));
      continue;
    }
    seen.add(vmid);
    const type = entry.type as GuestType;
    const config = configs.get(`${type}/${vmid}`);
    guests.push({
      vmid,
      type,
      name: fields.text('name') ?? config?.name,
      node,
      status: fields.text('status'),
      maxcpu: fields.number('maxcpu'),
      maxmem: fields.number('maxmem'),
      template: fields.flag('template') === true || config?.template === true,
      hastate: fields.text('hastate'),
      config,
    });
  }

  return {
    form,
    exported: form === 'inventory' ? isoDate(top.text('exported')) : undefined,
    clusterName,
    clusterStatusKnown: statusList !== undefined,
    quorate,
    nodes,
    guests,
    storages: readStorages(top, resources, summary, form),
    haResources: form === 'inventory' ? readHaResources(top, summary) : undefined,
    haGroups: form === 'inventory' ? readHaGroups(top, summary) : undefined,
    haRules: form === 'inventory' ? readHaRules(top, summary) : undefined,
    replication: form === 'inventory' ? readReplication(top, summary) : undefined,
    qdevice: form === 'inventory' ? readQdevice(top) : undefined,
    corosyncLinks: form === 'inventory' ? readCorosync(top, summary) : undefined,
    configsKnown,
  };
}

/** A list at a key of the inventory; absent or of the wrong type is said once (`missing`), and gives undefined. */
function listAt(top: Fields, key: string, summary: SummaryBuilder, consequence: string): unknown[] | undefined {
  const value = top.raw(key);
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) summary.missing(MESSAGES.missingList({ key, consequence }));
  else summary.warn(MESSAGES.notAList({ key, consequence }));
  return undefined;
}

/** The objects of a list, sorted by a key and then by their text, so that the input order does not matter; other items are warnings. */
function sortedObjects(list: readonly unknown[] | undefined, summary: SummaryBuilder, where: string, key: (item: JsonObject) => string): JsonObject[] {
  const objects: Array<{ item: JsonObject; key: string; text: string }> = [];
  let others = 0;
  for (const item of list ?? []) {
    if (isObject(item)) objects.push({ item, key: key(item), text: canonicalJson(item) });
    else others += 1;
  }
  if (others > 0) summary.warn(others === 1 ? MESSAGES.itemsNotObjectsOne({ where }) : MESSAGES.itemsNotObjectsMany({ where, count: grouped(others) }));
  return objects.sort((a, b) => naturalCompare(a.key, b.key) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)).map((entry) => entry.item);
}

function readConfigs(statusByNode: ReadonlyMap<string, JsonObject>, summary: SummaryBuilder): Map<string, GuestConfig> {
  const configs = new Map<string, GuestConfig>();
  for (const [node, entry] of [...statusByNode].sort(([a], [b]) => naturalCompare(a, b))) {
    for (const type of ['qemu', 'lxc'] as const) {
      const byId = entry[type];
      if (byId === undefined || byId === null) continue;
      if (!isObject(byId)) {
        summary.warn(MESSAGES.configNotAnObject({ node, type }));
        continue;
      }
      for (const [vmid, value] of entriesOf(byId).sort(([a], [b]) => naturalCompare(a, b))) {
        const config = parseGuestConfig(value, type, `nodes: ${node}: ${type} ${vmid}`, summary);
        if (config !== undefined && !configs.has(`${type}/${vmid}`)) configs.set(`${type}/${vmid}`, config);
      }
    }
  }
  return configs;
}

function readMaintenance(top: Fields, summary: SummaryBuilder, form: 'inventory' | 'resources'): Set<string> {
  const result = new Set<string>();
  if (form !== 'inventory') return result;
  const status = top.object('haStatus');
  if (status === undefined) {
    summary.missing(MESSAGES.noHaStatus({}));
    return result;
  }
  const manager = isObject(status.manager_status) ? status.manager_status : undefined;
  const nodeStatus = manager !== undefined && isObject(manager.node_status) ? manager.node_status : undefined;
  for (const [node, state] of nodeStatus === undefined ? [] : entriesOf(nodeStatus)) {
    if (state === 'maintenance') result.add(node);
  }
  if (nodeStatus === undefined && Object.keys(status).length > 0) summary.warn(MESSAGES.noNodeStatusInHa({}));
  return result;
}

/** Storage definitions (/storage) joined with their per-node entries in /cluster/resources. */
function readStorages(top: Fields, resources: readonly JsonObject[], summary: SummaryBuilder, form: 'inventory' | 'resources'): Map<string, PveStorage> {
  const definitions = new Map<string, Fields>();
  const list = form === 'inventory' ? listAt(top, 'storage', summary, MESSAGES.noStorage({})) : undefined;
  for (const entry of sortedObjects(list, summary, 'storage', (item) => String(item.storage ?? ''))) {
    const fields = new Fields(entry, `storage: ${String(entry.storage ?? '?')}`, summary);
    const id = fields.text('storage');
    if (id !== undefined && !definitions.has(id)) definitions.set(id, fields);
  }
  const perNode = new Map<string, { type?: string; shared?: boolean; content?: string[]; entries: PveStorageOnNode[] }>();
  for (const entry of resources.filter((item) => item.type === 'storage')) {
    const fields = new Fields(entry, `resources: ${String(entry.id)}`, summary);
    const id = fields.text('storage');
    const node = fields.text('node');
    if (id === undefined || node === undefined) continue;
    let storage = perNode.get(id);
    if (!storage) perNode.set(id, (storage = { entries: [] }));
    storage.type ??= fields.text('plugintype');
    storage.shared ??= fields.flag('shared');
    storage.content ??= fields.list('content');
    if (!storage.entries.some((e) => e.node === node)) storage.entries.push({ node, maxdisk: fields.number('maxdisk'), status: fields.text('status') });
  }
  const storages = new Map<string, PveStorage>();
  for (const id of [...new Set([...definitions.keys(), ...perNode.keys()])].sort(naturalCompare)) {
    const definition = definitions.get(id);
    const runtime = perNode.get(id);
    const type = definition?.text('type') ?? runtime?.type;
    storages.set(id, {
      id,
      type,
      shared: definition?.flag('shared') ?? runtime?.shared,
      nodes: definition?.list('nodes'),
      content: definition?.list('content') ?? runtime?.content,
      disabled: definition?.flag('disable') === true,
      detail: definition === undefined ? undefined : storageDetail(definition, type),
      onNodes: [...(runtime?.entries ?? [])].sort((a, b) => naturalCompare(a.node, b.node)),
    });
  }
  return storages;
}

function storageDetail(fields: Fields, type: string | undefined): string | undefined {
  const join = (...parts: Array<string | undefined>) => (parts.some((p) => p === undefined) ? undefined : parts.join(''));
  switch (type) {
    case 'nfs':
      return join(fields.text('server'), ':', fields.text('export'));
    case 'cifs':
      return join('//', fields.text('server'), '/', fields.text('share'));
    case 'rbd':
    case 'zfspool':
      return fields.text('pool') === undefined ? undefined : MESSAGES.pool({ pool: fields.text('pool') ?? '' });
    case 'lvm':
      return fields.text('vgname') === undefined ? undefined : MESSAGES.volumeGroup({ vg: fields.text('vgname') ?? '' });
    case 'lvmthin':
      return fields.text('vgname') === undefined || fields.text('thinpool') === undefined ? undefined : MESSAGES.thinPool({ vg: fields.text('vgname') ?? '', pool: fields.text('thinpool') ?? '' });
    case 'iscsi':
    case 'zfs':
      return join(fields.text('portal'), ' ', fields.text('target'));
    case 'dir':
    case 'btrfs':
      return fields.text('path');
    default:
      return undefined;
  }
}

/** "vm:100", "ct:101", or a bare vmid. */
export function vmidOfSid(sid: string): number | undefined {
  const match = /^(?:(?:vm|ct):)?(\d+)$/.exec(sid.trim());
  return match ? Number(match[1]) : undefined;
}

function readHaResources(top: Fields, summary: SummaryBuilder): HaResource[] | undefined {
  const list = listAt(top, 'haResources', summary, MESSAGES.noHaResources({}));
  if (list === undefined) return undefined;
  const result: HaResource[] = [];
  for (const entry of sortedObjects(list, summary, 'haResources', (item) => String(item.sid ?? ''))) {
    const fields = new Fields(entry, `haResources: ${String(entry.sid ?? '?')}`, summary);
    const sid = fields.text('sid');
    const vmid = sid === undefined ? undefined : vmidOfSid(sid);
    if (sid === undefined || vmid === undefined) {
      summary.warn(sid === undefined ? MESSAGES.noSid({}) : MESSAGES.badSid({ sid }));
      continue;
    }
    if (result.some((r) => r.vmid === vmid)) continue;
    result.push({ sid, vmid, state: fields.text('state')?.toLowerCase(), group: fields.text('group') });
  }
  return result;
}

/** "pve1:2,pve2" as nodes with priorities. */
function nodeList(items: readonly string[] | undefined): Array<{ node: string; priority?: number }> {
  return (items ?? []).map((item) => {
    const [node = '', priority] = item.split(':');
    return { node, priority: priority !== undefined && /^\d+$/.test(priority) ? Number(priority) : undefined };
  }).filter((entry) => entry.node !== '');
}

function readHaGroups(top: Fields, summary: SummaryBuilder): HaGroup[] | undefined {
  const value = top.raw('haGroups');
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    summary.warn(MESSAGES.notAListPlain({ key: 'haGroups' }));
    return undefined;
  }
  const result: HaGroup[] = [];
  for (const entry of sortedObjects(value, summary, 'haGroups', (item) => String(item.group ?? ''))) {
    const fields = new Fields(entry, `haGroups: ${String(entry.group ?? '?')}`, summary);
    const name = fields.text('group');
    if (name === undefined || result.some((g) => g.name === name)) continue;
    result.push({ name, nodes: nodeList(fields.list('nodes')), restricted: fields.flag('restricted') === true, nofailback: fields.flag('nofailback') === true });
  }
  return result;
}

function readHaRules(top: Fields, summary: SummaryBuilder): HaRule[] | undefined {
  const value = top.raw('haRules');
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    summary.warn(MESSAGES.notAListPlain({ key: 'haRules' }));
    return undefined;
  }
  const result: HaRule[] = [];
  for (const entry of sortedObjects(value, summary, 'haRules', (item) => String(item.rule ?? ''))) {
    const fields = new Fields(entry, `haRules: ${String(entry.rule ?? '?')}`, summary);
    const id = fields.text('rule');
    const type = fields.text('type');
    if (id === undefined || type === undefined || result.some((r) => r.id === id)) continue;
    const vmids = (fields.list('resources') ?? []).flatMap((sid) => vmidOfSid(sid) ?? []);
    result.push({ id, type, vmids, nodes: nodeList(fields.list('nodes')), strict: fields.flag('strict') === true, affinity: fields.text('affinity')?.toLowerCase(), disabled: fields.flag('disable') === true });
  }
  return result;
}

function readReplication(top: Fields, summary: SummaryBuilder): ReplicationJob[] | undefined {
  const value = top.raw('replication');
  if (value === undefined || value === null) {
    summary.missing(MESSAGES.noReplication({}));
    return undefined;
  }
  if (!Array.isArray(value)) {
    summary.warn(MESSAGES.notAListPlain({ key: 'replication' }));
    return undefined;
  }
  const result: ReplicationJob[] = [];
  for (const entry of sortedObjects(value, summary, 'replication', (item) => String(item.id ?? ''))) {
    const fields = new Fields(entry, `replication: ${String(entry.id ?? '?')}`, summary);
    const id = fields.text('id');
    const vmid = fields.number('guest') ?? (id === undefined ? undefined : Number(/^(\d+)-/.exec(id)?.[1]));
    const target = fields.text('target');
    if (id === undefined || vmid === undefined || !Number.isInteger(vmid) || target === undefined) continue;
    result.push({ id, vmid, target, disabled: fields.flag('disable') === true });
  }
  return result;
}

/** /cluster/config/qdevice: an object with the QDevice's status when one is configured, empty when not. */
function readQdevice(top: Fields): boolean | undefined {
  const value = top.raw('qdevice');
  if (!isObject(value)) return undefined;
  return Object.keys(value).length > 0;
}

/** /cluster/config/nodes: each node's corosync link addresses (ring0_addr, ring1_addr, ... or link0, link1, ...). */
function readCorosync(top: Fields, summary: SummaryBuilder): Map<string, number> | undefined {
  const value = top.raw('corosyncNodes');
  if (!Array.isArray(value)) return undefined;
  const result = new Map<string, number>();
  for (const entry of sortedObjects(value, summary, 'corosyncNodes', (item) => String(item.name ?? item.node ?? ''))) {
    const name = typeof entry.name === 'string' ? entry.name : typeof entry.node === 'string' ? entry.node : undefined;
    if (name === undefined) continue;
    const links = new Set(Object.keys(entry).flatMap((key) => /^(?:ring(\d+)_addr|link(\d+))$/.exec(key)?.slice(1).filter((n) => n !== undefined) ?? []));
    result.set(name, links.size);
  }
  return result;
}

/** "2026-11-30T09:12:00Z" -> "2026-11-30". */
function isoDate(text: string | undefined): string | undefined {
  const match = text === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return match ? `${match[1] ?? ''}-${match[2] ?? ''}-${match[3] ?? ''}` : undefined;
}
