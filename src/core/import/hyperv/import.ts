/**
 * A Hyper-V failover cluster inventory (the JSON file scripts/inventory/hyperv-inventory.ps1
 * writes, already parsed) to a .vtopo design: the cluster with its failure detection,
 * resiliency period and quorum witness, nodes as hosts with their NICs, SET and LBFO
 * switches and host vNICs carrying the cluster networks' roles, CSVs, SMB shares and local
 * volumes as datastores, VMs with the restart priority of their cluster group, and the
 * groups' anti-affinity classes and owners as rules. `inventory.cabling` is unknown: the
 * inventory does not say which switch a port is cabled to. Every mapping is in
 * docs/import.md ("Hyper-V").
 */

import { compareVersions, parseVersion } from '../../model/limits';
import { defineMessages } from '../../l10n/messages';
import { formatList } from '../../l10n/format';
import { grouped } from '../../text/plural';
import { headerLines } from '../notes';
import { countText } from '../summary';
import { collection, emitDraft, type DraftElement, type DraftMap } from '../emit';
import { idFromName, IdAllocator, shortHostNames, hostNameLookup } from '../ids';
import { factorProfiles } from '../profiles';
import { naturalCompare } from '../../text/natural-order';
import { SummaryBuilder, type ImportResult } from '../summary';
import { importNodes } from './hosts';
import { hasInventoryMarker, INVENTORY_VERSION, readInventory, type HypervInventory } from './inventory';
import { isObject } from './json';
import { importLan } from './lan';
import { importStorage, witnessKind } from './storage';
import { importVms } from './vms';

export interface HypervImportOptions {
  /** The file the user picked, as the design's header names it. */
  readonly fileName: string;
}

/** The JSON value is not a Hyper-V inventory at all. */
export class NotHypervInventoryError extends Error {}

export const HYPERV_INVENTORY_SOURCE = 'Hyper-V inventory (hyperv-inventory.ps1)';

const MESSAGES = defineMessages('import.hyperv', {
  notHyperv: '{file} is not a Hyper-V inventory: it has no "vtopoInventory": "hyperv" marker (write one with scripts/inventory/hyperv-inventory.ps1)',
  noVersion: 'the inventory has no version; read as version {version}',
  newerVersion: 'the inventory is version {version}, written by a newer script; this VTopo reads version {known}, and leaves out what it does not know',
  scriptError: 'the inventory script could not read: {error}',
  unnamedCluster: 'the inventory does not name the cluster (cluster.Name); it is called "cluster"',
  noNodes: 'the inventory lists no cluster node (nodes): the design has no host',
  profiles: 'nodes with the same model, processors and memory share a host profile ({count} under hostProfiles)',
  weightless: 'node(s) without a quorum vote (NodeWeight 0: {nodes}): the format gives every node a vote',
  releases: 'nodes run Windows Server {releases}: platformVersion is the oldest, {oldest}, whose limits bind',
  noRelease: 'the Windows Server release of the nodes (OperatingSystem): platformVersion is left out, so the newest known limits apply',
  headerFrom: 'Imported by vtopo import from {file} (hyperv-inventory.ps1).',
  headerFromExported: 'Imported by vtopo import from {file} (hyperv-inventory.ps1, exported {date}).',
  headerCounts: 'Failover cluster {cluster}: {nodes}, {vms} ({poweredOff} powered off, {notClustered} not clustered), {datastores} ({shared} shared).',
  oneNode: '1 node',
  manyNodes: '{count} nodes',
  headerCabling: 'The inventory does not say which switch each port is cabled to: inventory.cabling is unknown, and the\nanalyzer says once what it could not check (cabling-unknown). See docs/import.md for every mapping.',
  listedTwice: '{where}: node "{node}" is listed twice; the first is used',
  detection: 'failure detection from the same-subnet heartbeat: every {interval} (SameSubnetDelay {delay} ms), a node removed after {threshold} missed (SameSubnetThreshold): failureTimeout {timeout}',
  noDetection: 'SameSubnetDelay and SameSubnetThreshold: failure detection keeps the format\'s defaults (vSphere\'s); state your cluster\'s',
  crossSubnet: 'the cross-subnet heartbeat (CrossSubnetDelay {delay} ms x CrossSubnetThreshold {threshold}, {timeout}): it applies between nodes in different subnets, which the format does not tell apart',
  noResiliency: 'resiliencyPeriod 0 s: the nodes run a release older than Windows Server 2016, which has no VM compute resiliency',
  defaultResiliency: 'ResiliencyDefaultPeriod: the resiliency period keeps the format\'s default, 240 s (Windows Server 2016 and later)',
  quarantine: 'node quarantine (QuarantineThreshold {threshold}, QuarantineDuration {duration} s): the format does not model a node kept out after repeated failures',
  enforced: 'ClusterEnforcedAntiAffinity {value}: the cluster keeps a VM offline rather than put it on a node running its anti-affinity class (respectAntiAffinity: true)',
  notEnforced: 'ClusterEnforcedAntiAffinity {value}: anti-affinity classes are a preference the cluster breaks when it has to (respectAntiAffinity: false)',
  noQuorum: 'the quorum configuration (Get-ClusterQuorum): the design assumes node majority without a witness',
  unknownWitness: 'quorum type "{type}" with resource "{resource}" names no witness the importer knows; written without a witness',
  diskOnly: 'the quorum is disk only (no node votes): the format models node majority plus a witness, so the design counts node votes the cluster does not',
});

/** Whether a parsed JSON value is a Hyper-V inventory written by scripts/inventory/hyperv-inventory.ps1. */
export function detectHyperv(json: unknown): boolean {
  return hasInventoryMarker(json);
}

export function importHyperv(json: unknown, options: HypervImportOptions): ImportResult {
  if (!isObject(json) || !hasInventoryMarker(json)) {
    throw new NotHypervInventoryError(MESSAGES.notHyperv({ file: options.fileName }));
  }
  const summary = new SummaryBuilder();
  const inventory = readInventory(json, summary);
  if (inventory.version === undefined) summary.warn(MESSAGES.noVersion({ version: String(INVENTORY_VERSION) }));
  else if (inventory.version > INVENTORY_VERSION) summary.warn(MESSAGES.newerVersion({ version: String(inventory.version), known: String(INVENTORY_VERSION) }));
  for (const error of inventory.errors) summary.warn(MESSAGES.scriptError({ error }));

  const ids = new IdAllocator();
  const clusterName = inventory.cluster.name ?? 'cluster';
  if (inventory.cluster.name === undefined) summary.warn(MESSAGES.unnamedCluster({}));
  const clusterId = ids.allocate(idFromName(clusterName, 'cluster'), 'cluster');

  // Nodes, in name order; FQDNs shortened where unambiguous.
  const nodes = dedupeNodes(inventory, summary);
  if (nodes.length === 0) summary.warn(MESSAGES.noNodes({}));
  const wantedIds = shortHostNames(nodes.map((node) => node.name));
  const hostIds = new Map(nodes.map((node) => [node.name, ids.allocate(idFromName(wantedIds.get(node.name) ?? node.name, 'host'), 'host')]));
  const hostOf = hostNameLookup(hostIds);
  const hostIdList = nodes.map((node) => hostIds.get(node.name) ?? node.name);
  const imported = importNodes(nodes, summary);
  const lan = importLan({ inventory, summary, hostOf, hostIds: hostIdList });
  const hostNameOf = new Map(nodes.map((node) => [hostIds.get(node.name) ?? node.name, node.name]));
  const storage = importStorage({ inventory, summary, ids, hostOf, hostName: (id) => hostNameOf.get(id) ?? id });
  const { vms, rules, notClustered, poweredOff } = importVms({ inventory, summary, ids, hostOf, hostIds: hostIdList, lan, storage });

  const hostElements = new Map<string, DraftElement>();
  for (const host of imported) {
    const id = hostIds.get(host.node.name) ?? host.node.name;
    const hostLan = lan.get(id);
    hostElements.set(id, {
      value: {
        cluster: clusterId,
        ...host.fields,
        adapters: hostLan && hostLan.adapters.size > 0 ? collection(hostLan.adapters) : undefined,
        virtualSwitches: hostLan && hostLan.virtualSwitches.size > 0 ? collection(hostLan.virtualSwitches) : undefined,
        vmkernelPorts: hostLan && hostLan.vmkernelPorts.size > 0 ? collection(hostLan.vmkernelPorts) : undefined,
      },
      comment: id === host.node.name ? undefined : host.node.name,
    });
  }
  const profiles = factorProfiles(hostElements, ids);
  if (profiles.size > 0) summary.inferred(MESSAGES.profiles({ count: String(profiles.size) }));
  const weightless = nodes.filter((node) => node.nodeWeight === 0).map((node) => node.name);
  if (weightless.length > 0) summary.missing(MESSAGES.weightless({ nodes: formatList(weightless) }));

  const releases = [...new Set(imported.flatMap((host) => host.release ?? []))].sort((a, b) => compareVersions(parseVersion(a) ?? [], parseVersion(b) ?? []) || naturalCompare(a, b));
  if (releases.length > 1) summary.inferred(MESSAGES.releases({ releases: formatList(releases), oldest: releases[0] ?? '' }));
  if (releases.length === 0 && nodes.length > 0) summary.missing(MESSAGES.noRelease({}));

  const hasAntiAffinity = [...rules.values()].some((rule) => (rule.value as DraftMap).type === 'anti-affinity');
  // VM compute resiliency came with Windows Server 2016: before it, a node cut off loses its VMs at once.
  const oldest = releases[0] === undefined ? undefined : parseVersion(releases[0]);
  const beforeResiliency = oldest !== undefined && compareVersions(oldest, [2016]) < 0;
  const clusterElement = { value: clusterFields(inventory, summary, storage.witnessDatastore, hasAntiAffinity, beforeResiliency), comment: clusterId === clusterName ? undefined : `"${clusterName}"` };

  const sharedCount = storage.counts.csv + storage.counts.smb + (storage.witnessDatastore === undefined ? 0 : 1);
  summary.count('cluster', 1);
  summary.count('host', hostElements.size);
  summary.count('VM', vms.size);
  summary.count('datastore', storage.datastores.size);
  summary.count('rule', rules.size);
  const exported = inventory.exported;
  const header = [
    exported === undefined ? MESSAGES.headerFrom({ file: options.fileName }) : MESSAGES.headerFromExported({ file: options.fileName, date: exported }),
    MESSAGES.headerCounts({
      cluster: clusterName,
      nodes: hostElements.size === 1 ? MESSAGES.oneNode({}) : MESSAGES.manyNodes({ count: grouped(hostElements.size) }),
      vms: countText('VM', vms.size),
      poweredOff: String(poweredOff),
      notClustered: String(notClustered),
      datastores: countText('datastore', storage.datastores.size),
      shared: String(sharedCount),
    }),
    ...headerLines(MESSAGES.headerCabling({})),
  ];
  const text = emitDraft({
    header,
    sections: [
      ['vtopo', 1],
      ['name', `${clusterName} (Hyper-V)`],
      ['platform', 'hyperv'],
      ['platformVersion', releases[0]],
      ['inventory', { tool: HYPERV_INVENTORY_SOURCE, file: options.fileName, exported, cabling: 'unknown' }],
      ['clusters', collection(new Map([[clusterId, clusterElement]]))],
      ['hostProfiles', collection(profiles)],
      ['hosts', collection(hostElements)],
      ['datastores', collection(storage.datastores)],
      ['vms', collection(vms)],
      ['rules', collection(rules)],
    ],
  });
  return { text, summary: summary.build() };
}

/** Nodes in name order, each once. */
function dedupeNodes(inventory: HypervInventory, summary: SummaryBuilder): HypervInventory['nodes'] {
  const seen = new Set<string>();
  const result: Array<HypervInventory['nodes'][number]> = [];
  for (const node of [...inventory.nodes].sort((a, b) => naturalCompare(a.name, b.name))) {
    const key = node.name.toLowerCase();
    if (seen.has(key)) {
      summary.warn(MESSAGES.listedTwice({ where: node.where, node: node.name }));
      continue;
    }
    seen.add(key);
    result.push(node);
  }
  return result;
}

/** Seconds as the format's text: "10 s", "1.5 s". */
function seconds(value: number): string {
  return `${Math.round(value * 1000) / 1000} s`;
}

/**
 * The cluster's HA settings: failure detection from the same-subnet heartbeat (a node is
 * removed after SameSubnetThreshold missed heartbeats sent every SameSubnetDelay ms), the
 * VM compute resiliency period, whether anti-affinity is enforced, and the quorum witness.
 */
function clusterFields(inventory: HypervInventory, summary: SummaryBuilder, witnessDatastore: string | undefined, hasAntiAffinity: boolean, beforeResiliency: boolean): DraftMap {
  const cluster = inventory.cluster;
  const delay = cluster.sameSubnetDelayMs;
  const threshold = cluster.sameSubnetThreshold;
  const detection = delay !== undefined && delay > 0 && threshold !== undefined && threshold > 0 ? { heartbeatInterval: seconds(delay / 1000), failureTimeout: seconds((delay * threshold) / 1000) } : undefined;
  if (detection) summary.inferred(MESSAGES.detection({ interval: detection.heartbeatInterval, delay: String(delay ?? 0), threshold: String(threshold ?? 0), timeout: detection.failureTimeout }));
  else summary.missing(MESSAGES.noDetection({}));
  const crossDelay = cluster.crossSubnetDelayMs;
  const crossThreshold = cluster.crossSubnetThreshold;
  if (crossDelay !== undefined && crossThreshold !== undefined && detection && crossDelay * crossThreshold !== (delay ?? 0) * (threshold ?? 0)) {
    summary.missing(MESSAGES.crossSubnet({ delay: String(crossDelay), threshold: String(crossThreshold), timeout: seconds((crossDelay * crossThreshold) / 1000) }));
  }
  const resiliency = cluster.resiliencyDefaultPeriod !== undefined && cluster.resiliencyDefaultPeriod >= 0 ? cluster.resiliencyDefaultPeriod : beforeResiliency ? 0 : undefined;
  if (cluster.resiliencyDefaultPeriod === undefined && beforeResiliency) summary.inferred(MESSAGES.noResiliency({}));
  else if (cluster.resiliencyDefaultPeriod === undefined) summary.missing(MESSAGES.defaultResiliency({}));
  if (cluster.quarantineThreshold !== undefined || cluster.quarantineDuration !== undefined) {
    summary.missing(MESSAGES.quarantine({ threshold: String(cluster.quarantineThreshold ?? '?'), duration: String(cluster.quarantineDuration ?? '?') }));
  }
  const enforced = cluster.enforcedAntiAffinity;
  if (hasAntiAffinity && enforced !== undefined) {
    summary.inferred(enforced === 1 ? MESSAGES.enforced({ value: String(enforced) }) : MESSAGES.notEnforced({ value: String(enforced) }));
  }

  const quorum = inventory.quorum;
  const witness = quorum === undefined ? undefined : witnessKind(quorum.type, quorum.resourceType, quorum.resource);
  if (quorum === undefined) summary.missing(MESSAGES.noQuorum({}));
  else if (witness === undefined) summary.warn(MESSAGES.unknownWitness({ type: quorum.type ?? '', resource: quorum.resource ?? '' }));
  if (/diskonly/i.test(quorum?.type ?? '')) summary.warn(MESSAGES.diskOnly({}));
  return {
    ha: {
      detection,
      resiliencyPeriod: resiliency === undefined ? undefined : seconds(resiliency),
      respectAntiAffinity: hasAntiAffinity && enforced !== undefined ? enforced === 1 : undefined,
    },
    quorum: witness === undefined || witness === 'none' ? undefined : { witness, witnessDatastore: witness === 'disk' ? witnessDatastore : undefined },
  };
}
