/**
 * An RVTools export (its tabs as tables) to a .vtopo design: clusters, hosts with their
 * adapters, virtual switches and VMkernel ports, distributed switches, datastores with
 * their paths, and VMs, with ids from names, a header that says
 * where the design came from, and `inventory.cabling: unknown`, because an export does not
 * say which switch a port is cabled to. The mapping of every column is in docs/import.md.
 */

import { collection, emitDraft, type DraftElement, type DraftMap } from '../emit';
import { idFromName, IdAllocator, shortHostNames, hostNameLookup } from '../ids';
import { factorProfiles } from '../profiles';
import { SummaryBuilder, type ImportResult } from '../summary';
import type { Table } from '../table';
import { defineMessages } from '../../l10n/messages';
import { formatList } from '../../l10n/format';
import { headerLines, someOf } from '../notes';
import { countText } from '../summary';
import { grouped } from '../../text/plural';
import { clusterKey, importClusters } from './clusters';
import { VMETADATA, VSOURCE } from './columns';
import { importHosts, readHostRows, type ImportedHost } from './hosts';
import { importNetwork, type ImportedNetwork } from './network';
import { naturalCompare } from '../../text/natural-order';
import { importStorage, readDatastoreNames } from './storage';
import { RvtoolsTabs, type Row } from './tabs';
import { importVms, readVmRows } from './vms';

const MESSAGES = defineMessages('import.rvtools', {
  notRvtools: '{file} is not an RVTools export: it has neither a vInfo nor a vHost tab',
  notRvtoolsFound: '{file} is not an RVTools export: it has neither a vInfo nor a vHost tab (found {found})',
  clusterNotInVcluster: 'cluster "{cluster}" of host "{host}" is not in vCluster; it takes the vSphere HA defaults',
  differentEvc: 'the hosts of cluster "{cluster}" report different current EVC modes ({modes}); no cpuCompatibility baseline is written',
  noEvcMode: 'none',
  evcOneCluster: 'EVC mode of 1 cluster from its hosts\' current EVC mode (vHost "Current EVC"): written as cpuCompatibility',
  evcManyClusters: 'EVC mode of {count} clusters from its hosts\' current EVC mode (vHost "Current EVC"): written as cpuCompatibility',
  oneStandalone: '1 standalone host ({hosts}) are not in a cluster, but a design with one cluster puts every host in it: give them their own cluster or remove them',
  manyStandalone: '{count} standalone hosts ({hosts}) are not in a cluster, but a design with one cluster puts every host in it: give them their own cluster or remove them',
  vcenterVm: 'vCenter Server runs as VM "{vm}": its name matches the vCenter in vSource',
  esxiVersions: 'hosts run ESXi {versions}: platformVersion is the oldest, {oldest}, whose limits bind',
  profiles: 'hosts with the same model, edition, processors and memory share a host profile ({count} under hostProfiles); adapters stay with each host, whose port addresses differ',
  oneHostNoFt: '1 host ({hosts}) runs Fault Tolerance VMs but no VMkernel port got role ft from its port group name: ft-logging-network reports them; give their FT logging VMkernel port roles: [ft]',
  manyHostsNoFt: '{count} hosts ({hosts}) run Fault Tolerance VMs but no VMkernel port got role ft from its port group name: ft-logging-network reports them; give their FT logging VMkernel port roles: [ft]',
  oneHostNoVmotion: '1 host ({hosts}) has no VMkernel port whose port group names vMotion: vMotion may run on another VMkernel port (RVTools does not say which); migration-network reports them; give that port roles: [vmotion]',
  manyHostsNoVmotion: '{count} hosts ({hosts}) have no VMkernel port whose port group names vMotion: vMotion may run on another VMkernel port (RVTools does not say which); migration-network reports them; give that port roles: [vmotion]',
  noVsource: 'the vCenter is not named',
  noVmetadata: 'the RVTools version and export date are not known',
  headerFrom: 'Imported by vtopo import from {file}.',
  headerFromTool: 'Imported by vtopo import from {file} ({tool}).',
  headerFromExported: 'Imported by vtopo import from {file} (exported {date}).',
  headerFromToolExported: 'Imported by vtopo import from {file} ({tool}, exported {date}).',
  headerCounts: '{clusters}, {hosts}, {vms} ({poweredOff} not powered on), {datastores} ({shared} shared).',
  headerCabling: 'RVTools does not say which switch each port is cabled to: inventory.cabling is unknown, and the\nanalyzer says once what it could not check (cabling-unknown). See docs/import.md for every mapping.',
});

export interface RvtoolsImportOptions {
  /** The file the user picked, as the design's header names it. */
  readonly fileName: string;
}

/** The tables are not an RVTools export at all. */
export class NotRvtoolsError extends Error {}

export function importRvtools(tables: readonly Table[], options: RvtoolsImportOptions): ImportResult {
  const summary = new SummaryBuilder();
  const tabs = new RvtoolsTabs(tables, summary);
  if (!tabs.has('vInfo') && !tabs.has('vHost')) {
    const found = tabs.names();
    throw new NotRvtoolsError(found.length > 0 ? MESSAGES.notRvtoolsFound({ file: options.fileName, found: someOf(found, 8) }) : MESSAGES.notRvtools({ file: options.fileName }));
  }
  const ids = new IdAllocator();
  const hostRows = readHostRows(tabs);
  const vmRows = readVmRows(tabs, summary);

  // Clusters: from vCluster, and any that vHost names without a vCluster row.
  const clusters = importClusters(tabs, summary);
  for (const row of hostRows) {
    const name = row.text('cluster');
    if (name === undefined) continue;
    const key = clusterKey(row.text('server'), name);
    if (!clusters.has(key)) {
      clusters.set(key, { key, name, fields: {} });
      summary.warn(MESSAGES.clusterNotInVcluster({ cluster: name, host: row.text('host') ?? '' }));
    }
  }
  const clusterIds = new Map<string, string>();
  for (const cluster of [...clusters.values()].sort((a, b) => naturalCompare(a.name, b.name) || naturalCompare(a.key, b.key))) {
    clusterIds.set(cluster.key, ids.allocate(idFromName(cluster.name, 'cluster'), 'cluster'));
  }

  // Hosts: FQDNs shortened where unambiguous.
  const hostNames = [...new Set(hostRows.flatMap((row) => row.text('host') ?? []))].sort(naturalCompare);
  const wantedHostIds = shortHostNames(hostNames);
  const hostIds = new Map(hostNames.map((name) => [name, ids.allocate(idFromName(wantedHostIds.get(name) ?? name, 'host'), 'host')]));
  const hostId = hostNameLookup(hostIds);
  const hosts = importHosts({ tabs, summary, hostIds, clusterKey }, hostRows);
  const clusterOfHost = new Map<string, string>();
  const hostsOfCluster = new Map<string, string[]>();
  for (const host of hosts) {
    const clusterId = host.clusterKey === undefined ? undefined : clusterIds.get(host.clusterKey);
    if (clusterId === undefined) continue;
    clusterOfHost.set(host.id, clusterId);
    hostsOfCluster.set(clusterId, [...(hostsOfCluster.get(clusterId) ?? []), host.id]);
  }
  // EVC: vSphere sets a host's current EVC mode only when its cluster has EVC on, and then to the cluster's mode.
  const evcOfCluster = new Map<string, string>();
  for (const [clusterId, members] of hostsOfCluster) {
    const modes = new Set(hosts.filter((host) => members.includes(host.id)).map((host) => host.currentEvc ?? ''));
    const [mode] = modes;
    if (modes.size === 1 && mode !== undefined && mode !== '') evcOfCluster.set(clusterId, mode);
    else if (modes.size > 1) summary.warn(MESSAGES.differentEvc({ cluster: clusterId, modes: formatList([...modes].map((m) => m || MESSAGES.noEvcMode({}))) }));
  }
  if (evcOfCluster.size === 1) summary.inferred(MESSAGES.evcOneCluster({}));
  else if (evcOfCluster.size > 1) summary.inferred(MESSAGES.evcManyClusters({ count: grouped(evcOfCluster.size) }));
  const standalone = hosts.filter((host) => !clusterOfHost.has(host.id));
  if (standalone.length > 0 && clusters.size === 1) {
    const names = formatList(standalone.slice(0, 3).map((h) => h.name));
    summary.warn(standalone.length === 1 ? MESSAGES.oneStandalone({ hosts: names }) : MESSAGES.manyStandalone({ count: grouped(standalone.length), hosts: names }));
  }

  // Datastores, then VMs.
  const datastoreNames = [...new Set(readDatastoreNames(tabs))].sort(naturalCompare);
  const datastoreIds = new Map(datastoreNames.map((name) => [name, ids.allocate(idFromName(name, 'datastore'), 'ds')]));
  const storage = importStorage({ tabs, summary, hostId, datastoreIds, clusterOfHost, hostsOfCluster });
  const sortedVmRows = [...vmRows.rows].sort((a, b) => naturalCompare(a.text('vm') ?? '', b.text('vm') ?? '') || naturalCompare(a.text('host') ?? '', b.text('host') ?? ''));
  const vmIds = new Map<Row, string>(sortedVmRows.map((row) => [row, ids.allocate(idFromName(row.text('vm') ?? '', 'vm'), 'vm')]));
  const vms = importVms({ tabs, summary, hostId, datastoreIds, vmIds }, { rows: sortedVmRows, secondaries: vmRows.secondaries });
  // The LAN: virtual switches, distributed switches, VMkernel ports.
  const network = importNetwork({ tabs, summary, hosts, hostId, ids });
  if (network) networkGaps(summary, network, hosts, [...vms.values()], hostsOfCluster);

  const source = readSource(tabs);
  const management = managementOf(source.servers, sortedVmRows, vmIds);
  if (management) summary.inferred(MESSAGES.vcenterVm({ vm: management.vm }));
  const versions = [...new Set(hosts.flatMap((host) => host.version ?? []))].sort(naturalCompare);
  if (versions.length > 1) summary.inferred(MESSAGES.esxiVersions({ versions: formatList(versions), oldest: versions[0] ?? '' }));

  const clusterElements = new Map<string, DraftElement>();
  for (const cluster of [...clusters.values()].sort((a, b) => naturalCompare(clusterIds.get(a.key) ?? '', clusterIds.get(b.key) ?? ''))) {
    const id = clusterIds.get(cluster.key) ?? cluster.name;
    const evc = evcOfCluster.get(id);
    clusterElements.set(id, { value: evc === undefined ? cluster.fields : { ...cluster.fields, cpuCompatibility: evc }, comment: id === cluster.name ? undefined : `"${cluster.name}"` });
  }
  const hostElements = new Map<string, DraftElement>();
  for (const host of [...hosts].sort((a, b) => naturalCompare(a.id, b.id))) {
    hostElements.set(host.id, { value: { cluster: clusterOfHost.get(host.id), ...host.fields, ...network?.hostFields.get(host.id) }, comment: host.id === host.name ? undefined : host.name });
  }
  const profiles = factorProfiles(hostElements, ids);
  if (profiles.size > 0) summary.inferred(MESSAGES.profiles({ count: String(profiles.size) }));
  const sortById = (map: Map<string, DraftElement>) => new Map([...map].sort(([a], [b]) => naturalCompare(a, b)));
  const vmValues = [...vms.values()];
  const poweredOff = vmValues.filter((vm) => (vm.value as DraftMap).power !== undefined).length;
  const sharedCount = [...storage.shared.values()].filter(Boolean).length;
  summary.count('cluster', clusterElements.size);
  summary.count('host', hostElements.size);
  summary.count('VM', vms.size);
  summary.count('datastore', storage.datastores.size);

  const exported = source.exported;
  const file = options.fileName;
  const header = [
    source.tool !== undefined && exported !== undefined
      ? MESSAGES.headerFromToolExported({ file, tool: source.tool, date: exported })
      : source.tool !== undefined
        ? MESSAGES.headerFromTool({ file, tool: source.tool })
        : exported !== undefined
          ? MESSAGES.headerFromExported({ file, date: exported })
          : MESSAGES.headerFrom({ file }),
    MESSAGES.headerCounts({
      clusters: countText('cluster', clusterElements.size),
      hosts: countText('host', hostElements.size),
      vms: countText('VM', vms.size),
      poweredOff: String(poweredOff),
      datastores: countText('datastore', storage.datastores.size),
      shared: String(sharedCount),
    }),
    ...headerLines(MESSAGES.headerCabling({})),
  ];
  const text = emitDraft({
    header,
    sections: [
      ['vtopo', 1],
      ['name', source.servers.length > 0 ? `${source.servers.join(', ')} (RVTools)` : options.fileName],
      ['platform', 'vsphere'],
      ['platformVersion', versions[0]],
      ['management', management],
      ['inventory', { tool: source.tool ?? 'RVTools', file: options.fileName, exported, cabling: 'unknown' }],
      ['clusters', collection(clusterElements)],
      ['hostProfiles', collection(profiles)],
      ['hosts', collection(hostElements)],
      ['distributedSwitches', network ? collection(network.distributedSwitches) : undefined],
      ['datastores', collection(sortById(storage.datastores))],
      ['vms', collection(sortById(vms))],
    ],
  });
  return { text, summary: summary.build() };
}

/**
 * What the LAN rules will report because a role was not inferred (network.ts): hosts that
 * run Fault Tolerance VMs without a VMkernel port taken as FT logging, and hosts of
 * clusters without one taken as vMotion. RVTools does not list VMkernel services, so
 * these may be inference gaps rather than gaps of the estate: the summary says which.
 */
function networkGaps(summary: SummaryBuilder, network: ImportedNetwork, hosts: readonly ImportedHost[], vms: readonly DraftElement[], hostsOfCluster: ReadonlyMap<string, readonly string[]>): void {
  const withVmkernel = (id: string) => (network.hostFields.get(id)?.vmkernelPorts ?? undefined) !== undefined;
  const lacking = (ids: Iterable<string>, role: 'ft' | 'vmotion') => [...new Set(ids)].filter((id) => withVmkernel(id) && !network.vmkernelRoles.get(id)?.has(role)).sort(naturalCompare);
  const ftHosts = vms.flatMap((vm) => {
    const fields = vm.value as DraftMap;
    return fields.protection === 'ft' ? [fields.host, fields.secondaryHost].filter((id): id is string => typeof id === 'string') : [];
  });
  const noFt = lacking(ftHosts, 'ft');
  const named = (ids: readonly string[]) => someOf(ids, 3);
  if (noFt.length === 1) summary.warn(MESSAGES.oneHostNoFt({ hosts: named(noFt) }));
  else if (noFt.length > 1) summary.warn(MESSAGES.manyHostsNoFt({ count: grouped(noFt.length), hosts: named(noFt) }));
  const clustered = [...hostsOfCluster.values()].filter((ids) => ids.length >= 2).flat();
  const noVmotion = lacking(clustered.filter((id) => hosts.some((host) => host.id === id)), 'vmotion');
  if (noVmotion.length === 1) summary.warn(MESSAGES.oneHostNoVmotion({ hosts: named(noVmotion) }));
  else if (noVmotion.length > 1) summary.warn(MESSAGES.manyHostsNoVmotion({ count: grouped(noVmotion.length), hosts: named(noVmotion) }));
}

interface SourceInfo {
  readonly servers: readonly string[];
  readonly tool?: string;
  readonly exported?: string;
}

function readSource(tabs: RvtoolsTabs): SourceInfo {
  const servers = [...new Set(tabs.rows('vSource', VSOURCE, MESSAGES.noVsource({})).flatMap((row) => row.text('name') ?? []))].sort(naturalCompare);
  const [meta] = tabs.rows('vMetaData', VMETADATA, MESSAGES.noVmetadata({}));
  const version = meta?.text('rvtoolsVersion');
  return { servers, tool: version === undefined ? undefined : `RVTools ${version.replace(/^rvtools\s*/i, '')}`, exported: isoDate(meta?.text('created')) };
}

/** "2026-11-30T09:12:00.000Z" or "2026/11/30 09:12:00" -> "2026-11-30"; other spellings are ambiguous and left out. */
function isoDate(text: string | undefined): string | undefined {
  const match = text === undefined ? null : /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(text);
  return match ? `${match[1] ?? ''}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}` : undefined;
}

/** The vCenter VM: a VM named like the vCenter server of vSource (its FQDN or first label), or whose DNS name is it. */
function managementOf(servers: readonly string[], rows: readonly Row[], vmIds: ReadonlyMap<Row, string>): { product: string; vm: string } | undefined {
  if (servers.length !== 1) return undefined;
  const server = (servers[0] ?? '').toLowerCase();
  const label = server.split('.')[0] ?? server;
  const matches = rows.filter((row) => {
    const name = (row.text('vm') ?? '').toLowerCase();
    const dns = (row.text('dnsName') ?? '').toLowerCase();
    return name === server || name === label || dns === server;
  });
  const [only] = matches;
  const id = only === undefined || matches.length !== 1 ? undefined : vmIds.get(only);
  return id === undefined ? undefined : { product: 'vCenter Server', vm: id };
}

