/**
 * The storage network of a design, as a graph the analyzer and the failover simulator
 * share (docs/design/algorithms.md#5-storage-path-redundancy, docs/design/domain.md#rule-2-no-single-point-of-failure-on-the-storage-path). A host reaches a datastore through
 *   host -> adapter -> host port -> cable -> switch (-> inter-switch link -> switch)* ->
 *   cable -> array port -> controller -> array -> datastore,
 * or through a cable straight from a host port to an array port (direct attach).
 *
 * Storage flows from initiators to targets only: another host's adapters or another
 * array's controllers never carry it from one switch to another. So the graph is kept in
 * three parts: the host side of each host and the array side of each array (trees: a
 * dual-port card is one adapter above both its ports, so it lies on the path of each), and
 * the shared network in between (switches, inter-switch links, direct-attach cables),
 * whose block-cut tree is built once. A (host, array) query then costs the host's and the
 * array's ports plus one short tree path, so checking every pair stays linear in the
 * design (bench/spof.ts).
 *
 * Which ports carry storage: every port of an FC or hardware iSCSI HBA; CNA ports carry
 * FC (FCoE) plus what their roles say; NIC ports carry iSCSI with role `iscsi`, NFS with
 * role `nfs`, both with role `storage`, and NFS when they state no roles at all (an
 * unconfigured NIC can mount an NFS export; it cannot do iSCSI port binding). Array ports
 * carry their `type`. An NFS datastore is reached over NFS ports; any other datastore
 * (VMFS, CSV, raw LUN, ...) over FC or iSCSI. Paths of different protocols are
 * alternatives, so an element is a single point of failure only if it is one for every
 * protocol that connects. The array itself, the host and the datastore are on every path
 * by definition and are not elements here (array-single-controller covers the array).
 */

import type { SourceRange } from '../model/source';
import type { Adapter, Controller, Datastore, Host, Topology } from '../model/topology';
import { adjacencyFromEdges, buildCutIndex, connectedComponents, reachableFrom, verticesOnEveryPath, type Adjacency, type CutIndex } from '../graph';
import { cableId, type CableId } from '../model/cable-id';

export type StorageProtocol = 'fc' | 'iscsi' | 'nfs';

export type StorageElementKind = 'adapter' | 'host-port' | 'cable' | 'switch' | 'inter-switch-link' | 'array-port' | 'controller';

export interface StorageElement {
  /** Design id; cables are `link:<index in links>` as on the canvas. */
  readonly id: string;
  readonly kind: StorageElementKind;
  /** Where it is declared: the id of a port, adapter, controller or switch, or the cable in `links:`. */
  readonly range: SourceRange;
}

/** One cable from a port into the network: the network vertex it reaches, and the cable's id unless the cable is that vertex (direct attach). */
export interface Attachment {
  readonly vertex: number;
  readonly cableId: CableId | undefined;
}

export interface HostStoragePort {
  readonly id: string;
  readonly hostId: string;
  readonly adapterId: string;
  readonly adapter: Adapter;
  readonly protocols: readonly StorageProtocol[];
  /** An HBA or CNA port, or a NIC port with a storage role (not merely a role-less NIC that could mount NFS). */
  readonly explicit: boolean;
  readonly attachments: readonly Attachment[];
}

export interface ArrayStoragePort {
  readonly id: string;
  readonly arrayId: string;
  readonly controllerId: string;
  readonly controller: Controller;
  readonly protocol: StorageProtocol;
  readonly attachments: readonly Attachment[];
}

export interface InterSwitchLink {
  readonly id: string;
  readonly linkIndex: number;
  readonly switchIds: readonly [string, string];
}

export interface StorageNetwork {
  readonly elements: ReadonlyMap<string, StorageElement>;
  /** Network vertices: switches, inter-switch links, direct-attach cables, by element id. */
  readonly vertexIds: readonly string[];
  readonly vertexOf: ReadonlyMap<string, number>;
  readonly graph: Adjacency;
  readonly component: Int32Array;
  readonly cuts: CutIndex;
  /** Storage-capable ports of each host, by host id (ports in declaration order). */
  readonly hostPorts: ReadonlyMap<string, readonly HostStoragePort[]>;
  /** Ports of each array, by array id. */
  readonly arrayPorts: ReadonlyMap<string, readonly ArrayStoragePort[]>;
  readonly interSwitchLinks: readonly InterSwitchLink[];
  /** Host and array ports cabled to each switch, by switch id. */
  readonly portsOnSwitch: ReadonlyMap<string, { readonly hostPorts: readonly string[]; readonly arrayPorts: readonly string[] }>;
}

type Endpoint =
  | { readonly kind: 'host-port'; readonly port: HostPortDraft }
  | { readonly kind: 'array-port'; readonly port: ArrayPortDraft }
  | { readonly kind: 'switch'; readonly id: string };

interface HostPortDraft { readonly id: string; readonly hostId: string; readonly adapter: Adapter; readonly protocols: StorageProtocol[]; readonly explicit: boolean; readonly attachments: Attachment[] }
interface ArrayPortDraft { readonly id: string; readonly arrayId: string; readonly controller: Controller; readonly protocol: StorageProtocol; readonly attachments: Attachment[] }

/** The protocols a host port can carry storage over (see the module comment). */
export function hostPortProtocols(adapter: Adapter, roles: readonly string[] | undefined): { protocols: StorageProtocol[]; explicit: boolean } {
  if (adapter.type === 'fc') return { protocols: ['fc'], explicit: true };
  if (adapter.type === 'iscsi') return { protocols: ['iscsi'], explicit: true };
  const protocols: StorageProtocol[] = adapter.type === 'cna' ? ['fc'] : [];
  if (roles === undefined) {
    if (adapter.type === 'ethernet') return { protocols: ['nfs'], explicit: false };
    return { protocols, explicit: true };
  }
  if (roles.includes('iscsi') || roles.includes('storage')) protocols.push('iscsi');
  if (roles.includes('nfs') || roles.includes('storage')) protocols.push('nfs');
  return { protocols, explicit: adapter.type === 'cna' || protocols.length > 0 };
}

/** Protocols that can reach a datastore: NFS exports over NFS, block volumes over FC or iSCSI. */
export function datastoreProtocols(datastore: Datastore): readonly StorageProtocol[] {
  return datastore.protocol === 'nfs' ? ['nfs'] : ['fc', 'iscsi'];
}

export function buildStorageNetwork(topology: Topology): StorageNetwork {
  const elements = new Map<string, StorageElement>();
  const vertexIds: string[] = [];
  const vertexOf = new Map<string, number>();
  const addVertex = (id: string) => {
    const existing = vertexOf.get(id);
    if (existing !== undefined) return existing;
    vertexOf.set(id, vertexIds.length);
    vertexIds.push(id);
    return vertexIds.length - 1;
  };
  for (const networkSwitch of topology.switches) {
    addVertex(networkSwitch.id);
    elements.set(networkSwitch.id, { id: networkSwitch.id, kind: 'switch', range: networkSwitch.idRange });
  }

  const hostPortById = new Map<string, HostPortDraft>();
  const hostPorts = new Map<string, HostPortDraft[]>();
  for (const host of topology.hosts) {
    const ports: HostPortDraft[] = [];
    for (const adapter of host.adapters ?? []) {
      for (const port of adapter.ports ?? []) {
        const { protocols, explicit } = hostPortProtocols(adapter, port.roles);
        const draft: HostPortDraft = { id: port.id, hostId: host.id, adapter, protocols, explicit, attachments: [] };
        hostPortById.set(port.id, draft);
        if (protocols.length === 0) continue;
        ports.push(draft);
        elements.set(port.id, { id: port.id, kind: 'host-port', range: port.idRange });
        elements.set(adapter.id, { id: adapter.id, kind: 'adapter', range: adapter.idRange });
      }
    }
    hostPorts.set(host.id, ports);
  }

  const arrayPortById = new Map<string, ArrayPortDraft>();
  const arrayPorts = new Map<string, ArrayPortDraft[]>();
  for (const array of topology.arrays) {
    const ports: ArrayPortDraft[] = [];
    for (const controller of array.controllers ?? []) {
      elements.set(controller.id, { id: controller.id, kind: 'controller', range: controller.idRange });
      for (const port of controller.ports ?? []) {
        const draft: ArrayPortDraft = { id: port.id, arrayId: array.id, controller, protocol: port.type, attachments: [] };
        arrayPortById.set(port.id, draft);
        ports.push(draft);
        elements.set(port.id, { id: port.id, kind: 'array-port', range: port.idRange });
      }
    }
    arrayPorts.set(array.id, ports);
  }

  const resolve = (id: string): Endpoint | undefined => {
    const hostPort = hostPortById.get(id);
    if (hostPort) return { kind: 'host-port', port: hostPort };
    const arrayPort = arrayPortById.get(id);
    if (arrayPort) return { kind: 'array-port', port: arrayPort };
    if (topology.networkSwitch(id)) return { kind: 'switch', id };
    const [device, port, ...rest] = id.split('/');
    if (device !== undefined && port !== undefined && rest.length === 0 && topology.networkSwitch(device)) return { kind: 'switch', id: device };
    return undefined;
  };

  const edges: Array<[number, number]> = [];
  const interSwitchLinks: InterSwitchLink[] = [];
  const portsOnSwitch = new Map<string, { hostPorts: string[]; arrayPorts: string[] }>();
  const onSwitch = (switchId: string) => {
    let entry = portsOnSwitch.get(switchId);
    if (!entry) portsOnSwitch.set(switchId, (entry = { hostPorts: [], arrayPorts: [] }));
    return entry;
  };
  topology.links.forEach((link, index) => {
    const from = resolve(link.from);
    const to = resolve(link.to);
    if (!from || !to) return;
    const id = cableId(index);
    const cable = (kind: StorageElementKind) => elements.set(id, { id, kind, range: link.source.range });
    if (from.kind === 'switch' && to.kind === 'switch') {
      if (from.id === to.id) return;
      const vertex = addVertex(id);
      cable('inter-switch-link');
      edges.push([vertex, vertexOf.get(from.id) as number], [vertex, vertexOf.get(to.id) as number]);
      interSwitchLinks.push({ id, linkIndex: index, switchIds: [from.id, to.id] });
      return;
    }
    const [port, other] = from.kind === 'switch' ? [to, from] : [from, to];
    if (port.kind === 'switch') return;
    if (other.kind === 'switch') {
      const switchVertex = vertexOf.get(other.id) as number;
      if (port.kind === 'host-port') {
        if (port.port.protocols.length === 0) return;
        onSwitch(other.id).hostPorts.push(port.port.id);
      } else {
        onSwitch(other.id).arrayPorts.push(port.port.id);
      }
      port.port.attachments.push({ vertex: switchVertex, cableId: id });
      cable('cable');
      return;
    }
    // Direct attach: a host port cabled straight to an array port; the cable is the network.
    if (port.kind === other.kind) return;
    const hostPort = port.kind === 'host-port' ? port.port : (other as { port: HostPortDraft }).port;
    const arrayPort = port.kind === 'array-port' ? port.port : (other as { port: ArrayPortDraft }).port;
    if (hostPort.protocols.length === 0) return;
    const vertex = addVertex(id);
    cable('cable');
    hostPort.attachments.push({ vertex, cableId: undefined });
    arrayPort.attachments.push({ vertex, cableId: undefined });
  });

  const graph = adjacencyFromEdges(vertexIds.length, edges);
  return {
    elements,
    vertexIds,
    vertexOf,
    graph,
    component: connectedComponents(graph),
    cuts: buildCutIndex(graph),
    hostPorts: new Map([...hostPorts].map(([hostId, ports]) => [hostId, ports.map((p) => ({ ...p, adapterId: p.adapter.id }))])),
    arrayPorts: new Map([...arrayPorts].map(([arrayId, ports]) => [arrayId, ports.map((p) => ({ ...p, controllerId: p.controller.id }))])),
    interSwitchLinks,
    portsOnSwitch,
  };
}

const networks = new WeakMap<Topology, StorageNetwork>();

/** The storage network of a topology, built once and shared by the storage rules. */
export function storageNetworkOf(topology: Topology): StorageNetwork {
  let network = networks.get(topology);
  if (!network) networks.set(topology, (network = buildStorageNetwork(topology)));
  return network;
}

export interface PathFailures {
  /** Whether the host has any storage path to the datastore. */
  readonly reachable: boolean;
  /** Element ids on every path, from the host's side to the array's. */
  readonly elements: readonly string[];
}

interface Side<P> {
  readonly ports: readonly P[];
  readonly attachments: ReadonlyArray<{ readonly port: P; readonly attachment: Attachment }>;
}

function side<P extends { readonly attachments: readonly Attachment[] }>(ports: readonly P[], usable: (port: P) => boolean): Side<P> {
  const chosen = ports.filter(usable);
  return { ports: chosen, attachments: chosen.flatMap((port) => port.attachments.map((attachment) => ({ port, attachment }))) };
}

/**
 * The single points of failure between a host and a datastore: the elements that lie on
 * every storage path (docs/design/algorithms.md#5-storage-path-redundancy). O(ports of the host and the array + one path in
 * the network's block-cut tree). A synchronously mirrored datastore is served by either of
 * its legs: an element is a single point of failure only if it lies on every path to every
 * leg the host reaches (an asynchronous copy serves only after a recovery step, so it does
 * not count here).
 */
export function singlePointsOfFailure(network: StorageNetwork, host: Host, datastore: Datastore): PathFailures {
  let result: string[] | undefined;
  for (const arrayId of redundantLegs(datastore)) {
    const leg = legPointsOfFailure(network, host, arrayId, datastoreProtocols(datastore));
    if (leg === undefined) continue;
    result = result === undefined ? leg : result.filter((id) => leg.includes(id));
  }
  return result === undefined ? { reachable: false, elements: [] } : { reachable: true, elements: result };
}

function legPointsOfFailure(network: StorageNetwork, host: Host, arrayId: string, protocols: readonly StorageProtocol[]): string[] | undefined {
  let result: string[] | undefined;
  for (const protocol of protocols) {
    const hostSide = side(network.hostPorts.get(host.id) ?? [], (p) => p.protocols.includes(protocol));
    const arraySide = side(network.arrayPorts.get(arrayId) ?? [], (p) => p.protocol === protocol);
    const exitComponents = new Set(arraySide.attachments.map((a) => network.component[a.attachment.vertex]));
    const entryComponents = new Set(hostSide.attachments.map((a) => network.component[a.attachment.vertex]));
    const entries = hostSide.attachments.filter((a) => exitComponents.has(network.component[a.attachment.vertex]));
    const exits = arraySide.attachments.filter((a) => entryComponents.has(network.component[a.attachment.vertex]));
    if (entries.length === 0 || exits.length === 0) continue;
    const elements: string[] = [];
    const only = (ids: ReadonlyArray<string | undefined>) => {
      const distinct = new Set(ids);
      const [single] = distinct;
      if (distinct.size === 1 && single !== undefined) elements.push(single);
    };
    only(entries.map((e) => e.port.adapterId));
    only(entries.map((e) => e.port.id));
    if (entries.length === 1) only([entries[0]?.attachment.cableId]);
    const separation = verticesOnEveryPath(
      network.cuts,
      entries.map((e) => e.attachment.vertex),
      exits.map((e) => e.attachment.vertex),
    );
    for (const vertex of separation.vertices) elements.push(network.vertexIds[vertex] as string);
    if (exits.length === 1) only([exits[0]?.attachment.cableId]);
    only(exits.map((e) => e.port.id));
    only(exits.map((e) => e.port.controllerId));
    result = result === undefined ? elements : result.filter((id) => elements.includes(id));
  }
  return result;
}

/**
 * The arrays that hold a datastore and serve it without a recovery step: its array, and the
 * second leg of a synchronous mirror. (An asynchronous copy serves only once promoted.)
 */
export function redundantLegs(datastore: Datastore): readonly string[] {
  const legs = datastore.array === undefined ? [] : [datastore.array];
  const mirror = datastore.mirror;
  if (mirror && mirror.mode === 'sync' && !legs.includes(mirror.array)) legs.push(mirror.array);
  return legs;
}

/** The element id (in a failed set) that says an asynchronous copy has been promoted and now serves the datastore. */
export function promotedCopy(datastoreId: string): string {
  return `promoted:${datastoreId}`;
}

/**
 * The arrays that serve a datastore's I/O when the given elements have failed (failure
 * domains among them: a witness site that failed is in the set).
 * - No mirror: its array, while it is up.
 * - Synchronous mirror: both legs while both are up. When one leg is lost, the other
 *   carries on if a witness decides (the mirror's `witness` site is up) or if it is the
 *   preferred leg (default: the datastore's array); otherwise it suspends I/O, as metro
 *   arrays do when they cannot tell a dead peer from a lost link. When both are up but
 *   apart (`legsApart`: the link between their sites failed), only the preferred leg serves.
 * - Asynchronous mirror: the primary while it is up; the copy once promoted (promotedCopy).
 */
export function servingLegs(datastore: Datastore, failed: ReadonlySet<string>, legsApart = false): readonly string[] {
  const primary = datastore.array;
  if (primary === undefined) return [];
  const mirror = datastore.mirror;
  if (!mirror || mirror.array === primary) return failed.has(primary) ? [] : [primary];
  if (mirror.mode === 'async') {
    if (failed.has(promotedCopy(datastore.id))) return failed.has(mirror.array) ? [] : [mirror.array];
    return failed.has(primary) ? [] : [primary];
  }
  const up = [primary, mirror.array].filter((id) => !failed.has(id));
  const preferred = mirror.preferred ?? primary;
  // Both up but cut off from each other (the link between their sites failed): only the
  // preferred copy carries on; a witness, reached from both sides, confirms it.
  if (up.length === 2 && legsApart) return [preferred];
  if (up.length !== 1) return up;
  const [survivor] = up as [string];
  const witnessDecides = mirror.witness !== undefined && !failed.has(mirror.witness);
  return witnessDecides || survivor === preferred ? up : [];
}

/**
 * Whether a host still reaches a datastore when the given elements (ports, adapters,
 * cables, switches, inter-switch links, array ports, controllers, hosts, arrays) have
 * failed. O(size of the network): for the simulator and as a reference for tests.
 */
export function reachesDatastore(
  network: StorageNetwork,
  host: Host,
  datastore: Datastore,
  failed: ReadonlySet<string>,
  legsApart = false,
  /** Searches already made with these same failures, by array and protocol: one search serves every host. */
  searches?: Map<string, Uint8Array>,
): boolean {
  if (failed.has(host.id) || failed.has(datastore.id)) return false;
  const protocols = datastoreProtocols(datastore);
  const reached = (arrayId: string, protocol: StorageProtocol): Uint8Array => {
    if (!searches) return reachedFromArray(network, arrayId, protocol, failed);
    const key = `${arrayId}\u0000${protocol}`;
    let found = searches.get(key);
    if (!found) searches.set(key, (found = reachedFromArray(network, arrayId, protocol, failed)));
    return found;
  };
  return servingLegs(datastore, failed, legsApart).some((arrayId) => protocols.some((protocol) => hostMeets(network, host, protocol, failed, reached(arrayId, protocol))));
}

/**
 * The network vertices an array's live ports of one protocol reach when the given elements
 * have failed. The network is undirected, so a host reaches the array exactly when one of
 * its live attachments is among them (hostMeets): one search serves every host.
 */
export function reachedFromArray(network: StorageNetwork, arrayId: string, protocol: StorageProtocol, failed: ReadonlySet<string>): Uint8Array {
  const alive = (attachment: Attachment) => attachment.cableId === undefined || !failed.has(attachment.cableId);
  const exits = (network.arrayPorts.get(arrayId) ?? [])
    .filter((p) => p.protocol === protocol && !failed.has(p.id) && !failed.has(p.controllerId))
    .flatMap((p) => p.attachments.filter(alive).map((a) => a.vertex));
  return reachableFrom(network.graph, exits, (vertex) => failed.has(network.vertexIds[vertex] as string));
}

/** Whether a host's live ports of one protocol attach to a vertex of `reached` (from reachedFromArray with the same failures). */
export function hostMeets(network: StorageNetwork, host: Host, protocol: StorageProtocol, failed: ReadonlySet<string>, reached: Uint8Array): boolean {
  for (const port of network.hostPorts.get(host.id) ?? []) {
    if (!port.protocols.includes(protocol) || failed.has(port.id) || failed.has(port.adapterId)) continue;
    for (const attachment of port.attachments) {
      if ((attachment.cableId === undefined || !failed.has(attachment.cableId)) && reached[attachment.vertex] === 1) return true;
    }
  }
  return false;
}

/** Shared datastores on an array: the ones storage paths lead to. */
function onSan(topology: Topology, datastore: Datastore | undefined): datastore is Datastore {
  return datastore !== undefined && !topology.isLocalDatastore(datastore) && datastore.array !== undefined && topology.storageArray(datastore.array) !== undefined;
}

/**
 * The shared (SAN) datastores each cluster needs, by cluster id: those its VMs' files and
 * shared disks are on, and its heartbeat datastores. O(VMs).
 */
export function datastoresUsedByClusters(topology: Topology): ReadonlyMap<string, readonly Datastore[]> {
  let result = usedByClusters.get(topology);
  if (!result) usedByClusters.set(topology, (result = computeDatastoresUsedByClusters(topology)));
  return result;
}

const usedByClusters = new WeakMap<Topology, ReadonlyMap<string, readonly Datastore[]>>();

function computeDatastoresUsedByClusters(topology: Topology): ReadonlyMap<string, readonly Datastore[]> {
  const used = new Map<string, Set<Datastore>>();
  const add = (clusterId: string, datastoreId: string | undefined) => {
    const datastore = datastoreId === undefined ? undefined : topology.datastore(datastoreId);
    if (!onSan(topology, datastore)) return;
    let set = used.get(clusterId);
    if (!set) used.set(clusterId, (set = new Set()));
    set.add(datastore);
  };
  for (const cluster of topology.clusters) {
    for (const id of cluster.ha?.heartbeatDatastores ?? []) add(cluster.id, id);
  }
  for (const vm of topology.vms) {
    const host = topology.host(vm.host);
    const cluster = host ? topology.clusterOfHost(host) : undefined;
    if (!cluster) continue;
    add(cluster.id, vm.datastore);
    for (const id of vm.sharedDisks ?? []) add(cluster.id, id);
  }
  return new Map([...used].map(([id, set]) => [id, [...set]]));
}

export interface StorageNeed {
  readonly host: Host;
  readonly datastore: Datastore;
}

/** The design says its links section does not draw every cable (an imported inventory). */
export function cablingUnknown(topology: Topology): boolean {
  return topology.file?.inventory?.cabling === 'unknown';
}

/** Whether any storage port of the host has a cable drawn. */
export function hasStorageCable(network: StorageNetwork, hostId: string): boolean {
  return (network.hostPorts.get(hostId) ?? []).some((port) => port.attachments.length > 0);
}

/**
 * Every (host, shared datastore) pair a design relies on: each host of a cluster with
 * every datastore the cluster needs (any host may have to restart any of its VMs), a host
 * outside clusters with its own VMs' datastores, and any host a datastore is explicitly
 * presented to. A datastore whose `presentedTo` leaves a host out is not paired with it
 * (datastore-not-presented reports that). With the cabling not known (inventory.cabling), a host
 * without any storage cable is left out. Deterministic: hosts, then datastores, in file order.
 */
export function storageNeeds(topology: Topology): StorageNeed[] {
  const byCluster = datastoresUsedByClusters(topology);
  const presented = new Map<string, Datastore[]>();
  for (const datastore of topology.datastores) {
    if (!onSan(topology, datastore)) continue;
    for (const hostId of datastore.presentedTo ?? []) {
      const list = presented.get(hostId);
      if (list) list.push(datastore);
      else presented.set(hostId, [datastore]);
    }
  }
  const order = new Map(topology.datastores.map((d, index) => [d, index]));
  const network = cablingUnknown(topology) ? storageNetworkOf(topology) : undefined;
  const needs: StorageNeed[] = [];
  for (const host of topology.hosts) {
    // An imported design whose cabling is not known: a host with no storage cable drawn has unknown paths, not none.
    if (network && !hasStorageCable(network, host.id)) continue;
    const cluster = topology.clusterOfHost(host);
    const wanted = new Set<Datastore>(cluster ? byCluster.get(cluster.id) ?? [] : []);
    if (!cluster) {
      for (const vm of topology.vmsOnHost(host.id)) {
        for (const id of [vm.datastore, ...(vm.sharedDisks ?? [])]) {
          const datastore = id === undefined ? undefined : topology.datastore(id);
          if (onSan(topology, datastore)) wanted.add(datastore);
        }
      }
    }
    for (const datastore of presented.get(host.id) ?? []) wanted.add(datastore);
    const sorted = [...wanted].filter((d) => d.presentedTo === undefined || d.presentedTo.includes(host.id));
    sorted.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    for (const datastore of sorted) needs.push({ host, datastore });
  }
  return needs;
}

/**
 * What storageNeeds takes from the VMs, as one string: the datastores each cluster's VMs
 * use, and those of the VMs on each host in no cluster, sorted (storageNeeds puts them in
 * file order, whatever order the VMs name them in). The rules that judge the storage paths
 * read the VMs only through it (AnalysisRule.digests), so an edit that leaves it as it was,
 * such as a VM's memory, does not run them again.
 */
export function vmStorageDemand(topology: Topology): string {
  const parts: string[] = [];
  for (const [clusterId, datastores] of datastoresUsedByClusters(topology)) parts.push(`${clusterId}:${datastores.map((datastore) => datastore.id).sort().join(',')}`);
  for (const host of topology.hosts) {
    if (topology.clusterOfHost(host)) continue;
    const ids = topology.vmsOnHost(host.id).flatMap((vm) => [vm.datastore ?? '', ...(vm.sharedDisks ?? [])]);
    if (ids.length > 0) parts.push(`${host.id}>${[...new Set(ids)].sort().join(',')}`);
  }
  return parts.sort().join('\n');
}
