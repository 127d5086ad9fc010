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
import { counted } from '../../text/plural';
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

/** Whether a parsed JSON value is a Hyper-V inventory written by scripts/inventory/hyperv-inventory.ps1. */
export function detectHyperv(json: unknown): boolean {
  return hasInventoryMarker(json);
}

export function importHyperv(json: unknown, options: HypervImportOptions): ImportResult {
  if (!isObject(json) || !hasInventoryMarker(json)) {
    throw new NotHypervInventoryError(`${options.fileName} is not a Hyper-V inventory: it has no "vtopoInventory": "hyperv" marker (write one with scripts/inventory/hyperv-inventory.ps1)`);
  }
  const summary = new SummaryBuilder();
  const inventory = readInventory(json, summary);
  if (inventory.version === undefined) summary.warn(`the inventory has no version; read as version ${INVENTORY_VERSION}`);
  else if (inventory.version > INVENTORY_VERSION) summary.warn(`the inventory is version ${inventory.version}, written by a newer script; this VTopo reads version ${INVENTORY_VERSION}, and leaves out what it does not know`);
  for (const error of inventory.errors) summary.warn(`the inventory script could not read: ${error}`);

  const ids = new IdAllocator();
  const clusterName = inventory.cluster.name ?? 'cluster';
  if (inventory.cluster.name === undefined) summary.warn('the inventory does not name the cluster (cluster.Name); it is called "cluster"');
  const clusterId = ids.allocate(idFromName(clusterName, 'cluster'), 'cluster');

  // Nodes, in name order; FQDNs shortened where unambiguous.
  const nodes = dedupeNodes(inventory, summary);
  if (nodes.length === 0) summary.warn('the inventory lists no cluster node (nodes): the design has no host');
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
  if (profiles.size > 0) summary.inferred(`nodes with the same model, processors and memory share a host profile (${profiles.size} under hostProfiles)`);
  const weightless = nodes.filter((node) => node.nodeWeight === 0).map((node) => node.name);
  if (weightless.length > 0) summary.missing(`node(s) without a quorum vote (NodeWeight 0: ${weightless.join(', ')}): the format gives every node a vote`);

  const releases = [...new Set(imported.flatMap((host) => host.release ?? []))].sort((a, b) => compareVersions(parseVersion(a) ?? [], parseVersion(b) ?? []) || naturalCompare(a, b));
  if (releases.length > 1) summary.inferred(`nodes run Windows Server ${releases.join(', ')}: platformVersion is the oldest, ${releases[0] ?? ''}, whose limits bind`);
  if (releases.length === 0 && nodes.length > 0) summary.missing('the Windows Server release of the nodes (OperatingSystem): platformVersion is left out, so the newest known limits apply');

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
    `Imported by vtopo import from ${options.fileName} (hyperv-inventory.ps1${exported === undefined ? '' : `, exported ${exported}`}).`,
    `Failover cluster ${clusterName}: ${counted(hostElements.size, 'node')}, ${counted(vms.size, 'VM')} (${poweredOff} powered off, ${notClustered} not clustered), ${counted(storage.datastores.size, 'datastore')} (${sharedCount} shared).`,
    'The inventory does not say which switch each port is cabled to: inventory.cabling is unknown, and the',
    'analyzer says once what it could not check (cabling-unknown). See docs/import.md for every mapping.',
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
      summary.warn(`${node.where}: node "${node.name}" is listed twice; the first is used`);
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
  if (detection) summary.inferred(`failure detection from the same-subnet heartbeat: every ${detection.heartbeatInterval} (SameSubnetDelay ${delay ?? 0} ms), a node removed after ${threshold ?? 0} missed (SameSubnetThreshold): failureTimeout ${detection.failureTimeout}`);
  else summary.missing('SameSubnetDelay and SameSubnetThreshold: failure detection keeps the format\'s defaults (vSphere\'s); state your cluster\'s');
  const crossDelay = cluster.crossSubnetDelayMs;
  const crossThreshold = cluster.crossSubnetThreshold;
  if (crossDelay !== undefined && crossThreshold !== undefined && detection && crossDelay * crossThreshold !== (delay ?? 0) * (threshold ?? 0)) {
    summary.missing(`the cross-subnet heartbeat (CrossSubnetDelay ${crossDelay} ms x CrossSubnetThreshold ${crossThreshold}, ${seconds((crossDelay * crossThreshold) / 1000)}): it applies between nodes in different subnets, which the format does not tell apart`);
  }
  const resiliency = cluster.resiliencyDefaultPeriod !== undefined && cluster.resiliencyDefaultPeriod >= 0 ? cluster.resiliencyDefaultPeriod : beforeResiliency ? 0 : undefined;
  if (cluster.resiliencyDefaultPeriod === undefined && beforeResiliency) summary.inferred('resiliencyPeriod 0 s: the nodes run a release older than Windows Server 2016, which has no VM compute resiliency');
  else if (cluster.resiliencyDefaultPeriod === undefined) summary.missing('ResiliencyDefaultPeriod: the resiliency period keeps the format\'s default, 240 s (Windows Server 2016 and later)');
  if (cluster.quarantineThreshold !== undefined || cluster.quarantineDuration !== undefined) {
    summary.missing(`node quarantine (QuarantineThreshold ${cluster.quarantineThreshold ?? '?'}, QuarantineDuration ${cluster.quarantineDuration ?? '?'} s): the format does not model a node kept out after repeated failures`);
  }
  const enforced = cluster.enforcedAntiAffinity;
  if (hasAntiAffinity && enforced !== undefined) {
    summary.inferred(`ClusterEnforcedAntiAffinity ${enforced}: ${enforced === 1 ? 'the cluster keeps a VM offline rather than put it on a node running its anti-affinity class (respectAntiAffinity: true)' : 'anti-affinity classes are a preference the cluster breaks when it has to (respectAntiAffinity: false)'}`);
  }

  const quorum = inventory.quorum;
  const witness = quorum === undefined ? undefined : witnessKind(quorum.type, quorum.resourceType, quorum.resource);
  if (quorum === undefined) summary.missing('the quorum configuration (Get-ClusterQuorum): the design assumes node majority without a witness');
  else if (witness === undefined) summary.warn(`quorum type "${quorum.type ?? ''}" with resource "${quorum.resource ?? ''}" names no witness the importer knows; written without a witness`);
  if (/diskonly/i.test(quorum?.type ?? '')) summary.warn('the quorum is disk only (no node votes): the format models node majority plus a witness, so the design counts node votes the cluster does not');
  return {
    ha: {
      detection,
      resiliencyPeriod: resiliency === undefined ? undefined : seconds(resiliency),
      respectAntiAffinity: hasAntiAffinity && enforced !== undefined ? enforced === 1 : undefined,
    },
    quorum: witness === undefined || witness === 'none' ? undefined : { witness, witnessDatastore: witness === 'disk' ? witnessDatastore : undefined },
  };
}
