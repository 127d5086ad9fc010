/**
 * A Proxmox VE inventory (docs/import.md, "Proxmox VE": the JSON object that
 * scripts/inventory/proxmox-inventory.sh writes, or a bare `pvesh get /cluster/resources`
 * list) to a .vtopo design: the cluster with its HA setting and QDevice, nodes as hosts,
 * storages as datastores (a local storage once per node), QEMU VMs and LXC containers as
 * VMs with whether HA recovers them, and HA groups and rules as rules. Pure: the parsed JSON
 * in, the design text and a summary out; the same inventory gives the same bytes whatever
 * the order of its lists.
 */

import { collection, emitDraft, type DraftElement, type DraftMap } from '../emit';
import { idFromName, IdAllocator } from '../ids';
import { factorProfiles } from '../profiles';
import { SummaryBuilder, type ImportResult } from '../summary';
import { grouped } from '../../text/plural';
import { formatList } from '../../l10n/format';
import { defineMessages } from '../../l10n/messages';
import { headerLines } from '../notes';
import { countText } from '../summary';

const MESSAGES = defineMessages('import.proxmox', {
  notProxmoxList: '{file} is not a Proxmox VE inventory: a list whose items are not /cluster/resources entries (objects with "id" such as "qemu/100" and "type")',
  notProxmoxObject: '{file} is not a Proxmox VE inventory: an object without "vtopoInventory": "proxmox" nor a /cluster/resources list under "resources" (keys: {keys})',
  notProxmoxObjectNoKeys: '{file} is not a Proxmox VE inventory: an object without "vtopoInventory": "proxmox" nor a /cluster/resources list under "resources" (keys: none)',
  notProxmoxValue: '{file} is not a Proxmox VE inventory: {type}, not an object or a list',
  bareResources: 'the rest of the inventory: this is a bare /cluster/resources list, without node CPUs (hosts have no cpu, and the design reports it), HA groups and rules, storage definitions, guest disks, the cluster\'s name and quorum. scripts/inventory/proxmox-inventory.sh collects all of them',
  noClusterName: 'the cluster\'s name (/cluster/status): the cluster is called "proxmox"',
  templatesOne: '1 template left out ({vmids}): templates do not run',
  templatesMany: '{count} templates left out ({vmids}): templates do not run',
  qdevice: 'a QDevice is configured: written as quorum witness file-share (docs/format.md, "Isolation, fencing and quorum"); the switch it answers through is not known',
  versions: 'nodes run Proxmox VE {versions}: platformVersion is the oldest, {oldest}',
  profiles: 'nodes with the same processors and memory share a host profile ({count} under hostProfiles)',
  headerFromTool: 'Imported by vtopo import from {file} ({tool}).',
  headerFromToolExported: 'Imported by vtopo import from {file} ({tool}, exported {date}).',
  headerCounts: '1 cluster, {hosts}, {vms} ({poweredOff} not powered on, {recovered} recovered by HA), {datastores} ({shared} shared), {rules}.',
  headerCountsOffline: '1 cluster, {hosts} ({offline} offline), {vms} ({poweredOff} not powered on, {recovered} recovered by HA), {datastores} ({shared} shared), {rules}.',
  headerNotes: 'VMs and containers that HA does not recover (no HA resource, or one that is disabled or ignored) say\nrestartPriority: disabled. The inventory does not describe the LAN nor which switch each port is\ncabled to: inventory.cabling is unknown. See docs/import.md for every mapping.',
  standalone: 'a single node that is not in a cluster: no HA, written ha.enabled: false',
  noHaResource: 'no guest is an HA resource that the HA manager recovers: HA restarts nothing when a node fails, written ha.enabled: false (ha-disabled reports the VMs this leaves down)',
  notRecovered: '{notRecovered} of {guests} guests are not recovered by HA (no HA resource, or one disabled, ignored or in error): restartPriority: disabled; the {recovered} HA resources take the cluster\'s default priority, as Proxmox VE recovers them in no documented order',
  haFromHastate: 'HA resources taken from the hastate of /cluster/resources',
  noAdmissionControl: 'Proxmox VE has no admission control: the cluster keeps the format\'s default reserve (percentage, one host failure) as the target VTopo checks, and the HA timings their defaults (fencingDelay 60 s, the Proxmox VE watchdog)',
  noHaGroups: 'haGroups and haRules (/cluster/ha/groups, /cluster/ha/rules): where HA may place guests is not known, so no rule is written',
  noLan: 'the LAN and the cabling: network interfaces, bonds and bridges are not imported, so hosts have no ports and the LAN and storage-path rules have nothing to check (inventory.cabling: unknown); nor are server models and PCI adapters',
  noQdevice: 'qdevice (/cluster/config/qdevice): whether a QDevice adds a quorum vote is not known; the cluster is written without a witness',
  noCorosync: 'corosyncNodes (/cluster/config/nodes): how many corosync links the nodes have is not known',
  singleLinkEvery: 'a redundant corosync link: every node has a single corosync link, one network for quorum and HA fencing; the design has no LAN model, so heartbeat-single-path cannot report it',
  singleLinkOne: 'a redundant corosync link: {nodes} has a single corosync link, one network for quorum and HA fencing; the design has no LAN model, so heartbeat-single-path cannot report it',
  singleLinkMany: 'a redundant corosync link: {nodes} have a single corosync link, one network for quorum and HA fencing; the design has no LAN model, so heartbeat-single-path cannot report it',
  redundantLinks: 'every node has two or more corosync links (not in the design, which has no LAN model)',
  notModelled: 'HA resource max_restart and max_relocate, HA shutdown policy and the cluster resource scheduler (datacenter.cfg): the format has no place for them',
});
import { naturalCompare } from '../../text/natural-order';
import { importRules, readGuestHa } from './ha';
import { importHosts } from './hosts';
import { detectProxmox, readInventory, type ProxmoxInventory, type PveGuest } from './inventory';
import { importStorage } from './storage';
import { importVms } from './vms';
import { isObject } from './values';

export { detectProxmox } from './inventory';

export interface ProxmoxImportOptions {
  /** The file the user picked, as the design's header names it. */
  readonly fileName: string;
}

/** The value is not a Proxmox VE inventory at all. */
export class NotProxmoxError extends Error {}

export function importProxmox(json: unknown, options: ProxmoxImportOptions): ImportResult {
  if (!detectProxmox(json)) throw new NotProxmoxError(whyNot(options.fileName, json));
  const summary = new SummaryBuilder();
  const inventory = readInventory(json, summary);
  if (inventory.form === 'resources') {
    summary.missing(MESSAGES.bareResources({}));
  }
  const ids = new IdAllocator();

  // The cluster: one, named by /cluster/status.
  const standalone = inventory.clusterStatusKnown && inventory.clusterName === undefined;
  const clusterName = inventory.clusterName ?? (standalone && inventory.nodes.size === 1 ? [...inventory.nodes.keys()][0] : undefined) ?? 'proxmox';
  if (inventory.clusterName === undefined && !standalone) summary.missing(MESSAGES.noClusterName({}));
  const clusterId = ids.allocate(idFromName(clusterName, 'cluster'), 'cluster');

  // Hosts, then datastores, VMs and rules: ids in name order within each kind.
  const hostIds = new Map([...inventory.nodes.keys()].sort(naturalCompare).map((name) => [name, ids.allocate(idFromName(name, 'host'), 'host')]));
  const hosts = importHosts(inventory, hostIds, summary);
  const storage = importStorage({ inventory, summary, ids, hostIds });
  const templates = inventory.guests.filter((guest) => guest.template);
  const templateIds = formatList(templates.slice(0, 4).map((t) => String(t.vmid)));
  if (templates.length > 0) summary.inferred(templates.length === 1 ? MESSAGES.templatesOne({ vmids: templateIds }) : MESSAGES.templatesMany({ count: grouped(templates.length), vmids: templateIds }));
  const guests = inventory.guests.filter((guest) => !guest.template).sort((a, b) => a.vmid - b.vmid);
  const vmIds = allocateVmIds(guests, ids);
  const ha = readGuestHa(inventory, guests, summary);
  const vms = importVms({ inventory, summary, hostIds, storage, vmIds, ha }, guests);
  const rules = importRules({ inventory, summary, ids, hostIds, vmIds, ha });

  const haEnabled = !standalone && vms.recovered > 0;
  explainHa(inventory, summary, { standalone, haEnabled, guests: vms.vms.size, recovered: vms.recovered });
  const quorum = inventory.qdevice === true ? { witness: 'file-share' } : undefined;
  if (inventory.qdevice === true) summary.inferred(MESSAGES.qdevice({}));
  noteAlwaysMissing(inventory, summary);

  const versions = [...new Set(hosts.flatMap((host) => host.version ?? []))].sort(naturalCompare);
  const fullVersions = [...new Set(hosts.flatMap((host) => host.fullVersion ?? []))].sort(naturalCompare);
  if (versions.length > 1) summary.inferred(MESSAGES.versions({ versions: formatList(versions), oldest: versions[0] ?? '' }));
  const tool = `Proxmox VE${fullVersions.length === 0 ? '' : ` ${fullVersions.length === 1 ? (fullVersions[0] ?? '') : `${fullVersions[0] ?? ''} to ${fullVersions.at(-1) ?? ''}`}`} (pvesh)`;

  const hostElements = new Map<string, DraftElement>();
  for (const host of [...hosts].sort((a, b) => naturalCompare(a.id, b.id))) {
    hostElements.set(host.id, { value: { cluster: clusterId, ...host.fields }, comment: host.comment });
  }
  const profiles = factorProfiles(hostElements, ids);
  if (profiles.size > 0) summary.inferred(MESSAGES.profiles({ count: String(profiles.size) }));
  const sortById = (map: ReadonlyMap<string, DraftElement>) => new Map([...map].sort(([a], [b]) => naturalCompare(a, b)));
  const clusterFields: DraftMap = { ha: { enabled: haEnabled }, quorum };
  const clusters = new Map<string, DraftElement>([[clusterId, { value: clusterFields, comment: clusterId === clusterName ? undefined : JSON.stringify(clusterName) }]]);

  const offline = hosts.filter((host) => host.fields.state === 'disconnected').length;
  summary.count('cluster', 1);
  summary.count('host', hostElements.size);
  summary.count('VM', vms.vms.size);
  summary.count('datastore', storage.datastores.size);
  summary.count('rule', rules.size);

  const counts = {
    hosts: countText('host', hostElements.size),
    vms: countText('VM', vms.vms.size),
    poweredOff: String(vms.poweredOff),
    recovered: String(vms.recovered),
    datastores: countText('datastore', storage.datastores.size),
    shared: String(storage.sharedCount),
    rules: countText('rule', rules.size),
  };
  const header = [
    inventory.exported === undefined
      ? MESSAGES.headerFromTool({ file: options.fileName, tool })
      : MESSAGES.headerFromToolExported({ file: options.fileName, tool, date: inventory.exported }),
    offline > 0 ? MESSAGES.headerCountsOffline({ ...counts, offline: String(offline) }) : MESSAGES.headerCounts(counts),
    ...headerLines(MESSAGES.headerNotes({})),
  ];
  const text = emitDraft({
    header,
    sections: [
      ['vtopo', 1],
      ['name', `${clusterName} (Proxmox VE)`],
      ['platform', 'proxmox'],
      ['platformVersion', versions[0]],
      ['inventory', { tool, file: options.fileName, exported: inventory.exported, cabling: 'unknown' }],
      ['clusters', collection(clusters)],
      ['hostProfiles', collection(profiles)],
      ['hosts', collection(hostElements)],
      ['datastores', collection(sortById(storage.datastores))],
      ['vms', collection(sortById(vms.vms))],
      ['rules', collection(rules)],
    ],
  });
  return { text, summary: summary.build() };
}

/**
 * VM ids from guest names, in VMID order. Proxmox does not require names to be unique: a
 * name that several guests share gets each guest's VMID ("web-101", "web-102"); a guest
 * without a name is "vm-<vmid>" or "ct-<vmid>".
 */
function allocateVmIds(guests: readonly PveGuest[], ids: IdAllocator): Map<number, string> {
  const fallback = (guest: PveGuest) => `${guest.type === 'lxc' ? 'ct' : 'vm'}-${guest.vmid}`;
  const wanted = new Map(guests.map((guest) => [guest.vmid, guest.name === undefined ? fallback(guest) : idFromName(guest.name, fallback(guest))]));
  const uses = new Map<string, number>();
  for (const id of wanted.values()) uses.set(id.toLowerCase(), (uses.get(id.toLowerCase()) ?? 0) + 1);
  return new Map(
    guests.map((guest) => {
      const id = wanted.get(guest.vmid) ?? fallback(guest);
      return [guest.vmid, ids.allocate((uses.get(id.toLowerCase()) ?? 0) > 1 ? `${id}-${guest.vmid}` : id, 'vm')];
    }),
  );
}

function explainHa(inventory: ProxmoxInventory, summary: SummaryBuilder, facts: { standalone: boolean; haEnabled: boolean; guests: number; recovered: number }): void {
  if (facts.standalone) {
    summary.inferred(MESSAGES.standalone({}));
    return;
  }
  if (!facts.haEnabled) {
    summary.inferred(MESSAGES.noHaResource({}));
  } else if (facts.recovered < facts.guests) {
    summary.inferred(MESSAGES.notRecovered({ notRecovered: String(facts.guests - facts.recovered), guests: String(facts.guests), recovered: String(facts.recovered) }));
  }
  if (inventory.haResources === undefined && inventory.form === 'inventory') summary.inferred(MESSAGES.haFromHastate({}));
  summary.inferred(MESSAGES.noAdmissionControl({}));
  if (inventory.form === 'inventory' && inventory.haGroups === undefined && inventory.haRules === undefined) summary.missing(MESSAGES.noHaGroups({}));
}

function noteAlwaysMissing(inventory: ProxmoxInventory, summary: SummaryBuilder): void {
  summary.missing(MESSAGES.noLan({}));
  if (inventory.form !== 'inventory') return;
  if (inventory.qdevice === undefined) summary.missing(MESSAGES.noQdevice({}));
  const links = inventory.corosyncLinks;
  if (links === undefined) summary.missing(MESSAGES.noCorosync({}));
  else if (links.size > 0) {
    const single = [...links].filter(([, n]) => n < 2).map(([node]) => node);
    if (single.length > 0) {
      summary.missing(
        single.length === links.size
          ? MESSAGES.singleLinkEvery({})
          : single.length === 1
            ? MESSAGES.singleLinkOne({ nodes: formatList(single) })
            : MESSAGES.singleLinkMany({ nodes: formatList(single) }),
      );
    } else summary.inferred(MESSAGES.redundantLinks({}));
  }
  summary.missing(MESSAGES.notModelled({}));
}

/** Why a value is not an inventory, in a few words. */
function whyNot(file: string, json: unknown): string {
  if (Array.isArray(json)) return MESSAGES.notProxmoxList({ file });
  if (isObject(json)) {
    const keys = Object.keys(json).slice(0, 6);
    return keys.length === 0 ? MESSAGES.notProxmoxObjectNoKeys({ file }) : MESSAGES.notProxmoxObject({ file, keys: formatList(keys) });
  }
  return MESSAGES.notProxmoxValue({ file, type: json === null ? 'null' : typeof json });
}
