/**
 * What every scenario on one design shares, read once per topology: each VM's demand,
 * priority, datastores, rules and peers; each host's capacity and starting load; and a
 * storage-reachability oracle over the analyzer's storage network (storage-network.ts).
 * The engine and the sweep run many scenarios against one context, so a scenario costs
 * what it touches, not the size of the design.
 */

import { reachableFrom } from '../graph';
import { antiAffinityGroups } from '../domain/anti-affinity-groups';
import {
  cablingUnknown,
  datastoreProtocols,
  hasStorageCable,
  reachesDatastore,
  servingLegs,
  singlePointsOfFailure,
  storageNetworkOf,
  type Attachment,
  type StorageNetwork,
} from '../analysis/storage-network';
import { lanNetworkOf, stackElementId, type LanNetwork } from '../analysis/lan-network';
import { DEFAULT_MINIMUM_VM_CPU_MHZ, hostCapacity, isGoodHost, vmDemand, type HostCapacity, type VmDemand } from '../capacity/resources';
import type { RestartPriority } from '../model/format';
import type { Cluster, Datastore, Host, Topology, Vm } from '../model/topology';
import { effectiveRestartPriority, priorityRank } from '../domain/restart-priority';
import { restartDependencies } from '../domain/restart-dependencies';
import { mirrorLegsApart } from '../domain/stretched';

/** Load a host carries: what HA placement counts (reservations) and what the guests use. */
export interface Load {
  /** Sum of vmDemand.cpuMHz: CPU reservations, or das.vmcpuminmhz for VMs without one. */
  cpuMHz: number;
  /** Sum of vmDemand.reservedMemoryMB: memory reservation + overhead (placement, docs/design/algorithms.md#2-ha-restart-after-a-host-failure). */
  reservedMemoryMB: number;
  /** Sum of vmDemand.configuredMemoryMB: configured memory + overhead (utilization shown to people). */
  configuredMemoryMB: number;
  vmCount: number;
}

export interface VmInfo {
  readonly vm: Vm;
  /** Position in `vms:`: ties break in file order. */
  readonly order: number;
  readonly cluster: Cluster | undefined;
  readonly demand: VmDemand;
  readonly priority: RestartPriority;
  readonly priorityRank: number;
  /** The VM's datastore and shared disks (declared ones only, without repeats). */
  readonly datastores: readonly Datastore[];
  /** Host groups of enabled must-run-on rules: a target must be in every one. */
  readonly mustRunOn: readonly ReadonlySet<string>[];
  /** Hosts of enabled must-not-run-on rules. */
  readonly mustNotRunOn: ReadonlySet<string>;
  /** Other members of each enabled VM-VM anti-affinity rule the VM is in. */
  readonly antiAffinityPeers: readonly (readonly string[])[];
  /** VMs that must be ready before this one restarts (restart-dependency rules). */
  readonly dependsOn: readonly string[];
  /** Other nodes of its guest cluster (powered on), if it is a node of one. */
  readonly guestClusterPartners: readonly string[];
  readonly guestClusterType: 'failover' | 'nlb' | undefined;
  /** bootSeconds, else the cluster's orchestration.vmBootSeconds (default 60 s, an assumption). */
  readonly bootSeconds: number;
  /** The host whose baseline load holds this VM's running FT secondary (protection: ft, powered on). */
  readonly ftSecondaryHost: string | undefined;
}

export interface HostInfo {
  readonly host: Host;
  readonly order: number;
  readonly cluster: Cluster | undefined;
  readonly capacity: HostCapacity;
  /** Connected: not in maintenance, disconnected or standby (docs/design/algorithms.md#1-ha-admission-control). */
  readonly good: boolean;
  /** Powered-on VMs the design places here, in file order. */
  readonly vms: readonly VmInfo[];
  /** The load of those VMs and of the FT secondaries running here. */
  readonly baseline: Readonly<Load>;
}

/** A (host, datastore) pair that running VMs rely on at the start. */
export interface StoragePair {
  readonly key: string;
  readonly hostId: string;
  readonly datastore: Datastore;
  readonly vmIds: readonly string[];
}

export interface SimulationContext {
  readonly topology: Topology;
  readonly network: StorageNetwork;
  readonly vms: ReadonlyMap<string, VmInfo>;
  readonly hosts: ReadonlyMap<string, HostInfo>;
  /** Hosts of each cluster in file order (any state: the engine filters). */
  readonly clusterHosts: ReadonlyMap<string, readonly HostInfo[]>;
  readonly storage: StorageOracle;
  readonly lan: LanNetwork;
  /**
   * Hosts whose networks use each LAN element directly (an uplink port, its card or
   * cable, a virtual switch, a first-hop switch or its stack): the hosts whose teaming and
   * VM networks a failure of it can change.
   */
  readonly lanUsers: ReadonlyMap<string, ReadonlySet<string>>;
}

export function pairKey(hostId: string, datastoreId: string): string {
  return `${hostId}\n${datastoreId}`;
}

const contexts = new WeakMap<Topology, SimulationContext>();

/** The shared context of a topology, built once. O(hosts + VMs + rules). */
export function simulationContext(topology: Topology): SimulationContext {
  const cached = contexts.get(topology);
  if (cached) return cached;
  const network = storageNetworkOf(topology);

  const mustRunOn = new Map<string, Set<string>[]>();
  const mustNotRunOn = new Map<string, Set<string>>();
  for (const rule of topology.rules) {
    if (rule.type !== 'vm-host' || rule.enabled === false) continue;
    if (rule.mode === 'must-run-on') {
      const hosts = new Set(rule.hosts);
      for (const vmId of rule.vms) push(mustRunOn, vmId, hosts);
    } else if (rule.mode === 'must-not-run-on') {
      for (const vmId of rule.vms) {
        const set = mustNotRunOn.get(vmId) ?? new Set<string>();
        for (const hostId of rule.hosts) set.add(hostId);
        mustNotRunOn.set(vmId, set);
      }
    }
  }
  // HA knows the DRS rules, not guest clusters: only rule groups constrain restarts.
  const peers = new Map<string, string[][]>();
  for (const group of antiAffinityGroups(topology)) {
    if (group.origin.kind !== 'rule') continue;
    const ids = group.vms.map((vm) => vm.id);
    for (const id of ids) push(peers, id, ids.filter((other) => other !== id));
  }
  const dependsOn = new Map<string, string[]>();
  for (const edge of restartDependencies(topology)) push(dependsOn, edge.vm, edge.dependsOn);
  const guestNodes = new Map<string, string[]>();
  for (const vm of topology.vms) {
    if (vm.guestCluster !== undefined && vm.power === 'on') push(guestNodes, vm.guestCluster, vm.id);
  }
  const guestTypes = new Map(topology.guestClusters.map((g) => [g.id, g.type]));

  const vms = new Map<string, VmInfo>();
  topology.vms.forEach((vm, order) => {
    const host = topology.host(vm.host);
    const cluster = host ? topology.clusterOfHost(host) : undefined;
    const priority = effectiveRestartPriority(vm, cluster);
    const datastores: Datastore[] = [];
    for (const id of [vm.datastore, ...(vm.sharedDisks ?? [])]) {
      const datastore = id === undefined ? undefined : topology.datastore(id);
      if (datastore && !datastores.includes(datastore)) datastores.push(datastore);
    }
    vms.set(vm.id, {
      vm,
      order,
      cluster,
      demand: cluster ? vmDemand(vm, cluster) : demandOutsideClusters(vm),
      priority,
      priorityRank: priorityRank(priority),
      datastores,
      mustRunOn: mustRunOn.get(vm.id) ?? [],
      mustNotRunOn: mustNotRunOn.get(vm.id) ?? new Set(),
      antiAffinityPeers: peers.get(vm.id) ?? [],
      dependsOn: dependsOn.get(vm.id) ?? [],
      guestClusterPartners: vm.guestCluster === undefined ? [] : (guestNodes.get(vm.guestCluster) ?? []).filter((id) => id !== vm.id),
      guestClusterType: vm.guestCluster === undefined ? undefined : guestTypes.get(vm.guestCluster),
      bootSeconds: vm.bootSeconds ?? cluster?.ha.orchestration.vmBootSeconds ?? DEFAULT_VM_BOOT_SECONDS,
      ftSecondaryHost: vm.power === 'on' && vm.protection === 'ft' && vm.secondaryHost !== undefined && vm.secondaryHost !== vm.host && topology.host(vm.secondaryHost) ? vm.secondaryHost : undefined,
    });
  });
  // An FT secondary runs in lockstep on its host and holds the primary's resources there (as clusterResources counts it).
  const secondariesByHost = new Map<string, VmInfo[]>();
  for (const info of vms.values()) if (info.ftSecondaryHost !== undefined) push(secondariesByHost, info.ftSecondaryHost, info);

  const hosts = new Map<string, HostInfo>();
  const clusterHosts = new Map<string, HostInfo[]>();
  topology.hosts.forEach((host, order) => {
    const cluster = topology.clusterOfHost(host);
    const onHost: VmInfo[] = [];
    const baseline: Load = emptyLoad();
    for (const vm of topology.vmsOnHost(host.id)) {
      const info = vms.get(vm.id);
      if (!info || vm.power !== 'on') continue;
      onHost.push(info);
      addLoad(baseline, info.demand, 1);
    }
    for (const primary of secondariesByHost.get(host.id) ?? []) addLoad(baseline, primary.demand, 1);
    const info: HostInfo = { host, order, cluster, capacity: hostCapacity(host), good: isGoodHost(host), vms: onHost, baseline };
    hosts.set(host.id, info);
    if (cluster) push(clusterHosts, cluster.id, info);
  });

  const lan = lanNetworkOf(topology);
  const context: SimulationContext = { topology, network, vms, hosts, clusterHosts, storage: new StorageOracle(network, hosts, cablingUnknown(topology), (datastore, failed) => mirrorLegsApart(topology, datastore, failed)), lan, lanUsers: lanUsersOf(lan) };
  contexts.set(topology, context);
  return context;
}

function lanUsersOf(lan: LanNetwork): Map<string, Set<string>> {
  const users = new Map<string, Set<string>>();
  const add = (elementId: string, hostId: string) => {
    const set = users.get(elementId) ?? new Set<string>();
    set.add(hostId);
    users.set(elementId, set);
  };
  for (const [hostId, networks] of lan.hostNetworks) {
    for (const network of networks) {
      if (network.virtualSwitchId !== undefined) add(network.virtualSwitchId, hostId);
      for (const uplink of network.uplinks) {
        add(uplink.portId, hostId);
        add(uplink.adapterId, hostId);
        for (const attachment of uplink.attachments) {
          add(attachment.cableId, hostId);
          add(attachment.switchId, hostId);
          const stack = lan.stackOf.get(attachment.switchId);
          if (stack !== undefined) add(stackElementId(stack), hostId);
        }
      }
    }
  }
  return users;
}

/** format.ts orchestration.vmBootSeconds default, for VMs outside any cluster. */
const DEFAULT_VM_BOOT_SECONDS = 60;

/** A VM outside any cluster has no HA; its demand still counts toward its host's load. */
function demandOutsideClusters(vm: Vm): VmDemand {
  const overheadMB = vm.overheadMemoryMB ?? 0;
  const reservedCpuMHz = vm.reservation?.cpuMHz ?? 0;
  return {
    vmId: vm.id,
    hostId: vm.host,
    cpuMHz: reservedCpuMHz > 0 ? reservedCpuMHz : DEFAULT_MINIMUM_VM_CPU_MHZ,
    reservedMemoryMB: (vm.reservation?.memoryMB ?? 0) + overheadMB,
    configuredMemoryMB: vm.memoryMB + overheadMB,
    protected: false,
  };
}

export function emptyLoad(): Load {
  return { cpuMHz: 0, reservedMemoryMB: 0, configuredMemoryMB: 0, vmCount: 0 };
}

/** Adds (sign 1) or removes (sign -1) a VM's demand. */
export function addLoad(load: Load, demand: VmDemand, sign: 1 | -1): void {
  load.cpuMHz += sign * demand.cpuMHz;
  load.reservedMemoryMB += sign * demand.reservedMemoryMB;
  load.configuredMemoryMB += sign * demand.configuredMemoryMB;
  load.vmCount += sign;
}

/**
 * Whether a host reaches a datastore with some storage elements failed. With nothing
 * failed, or one element failed, the answer comes from the single points of failure of
 * the pair (cached per topology: an element cuts a pair alone exactly when it lies on
 * every path); with more, from a search of the network (reachesDatastore), cached per set
 * of failures by the caller.
 */
export class StorageOracle {
  private readonly spof = new Map<string, ReadonlySet<string> | null>();
  /** Searches of the network from each array, per reach cache (one cache stands for one set of failures). */
  private readonly searches = new WeakMap<Map<string, boolean>, Map<string, Uint8Array>>();

  constructor(
    readonly network: StorageNetwork,
    private readonly hosts: ReadonlyMap<string, HostInfo>,
    /** The design's cabling is not known: a host with no storage cable drawn is taken to reach its SAN datastores. */
    private readonly uncabledReach = false,
    /** Whether a mirror's copies are cut off from each other by the failed elements (a failed site link). */
    private readonly legsApart: (datastore: Datastore, failed: ReadonlySet<string>) => boolean = () => false,
  ) {}

  reaches(hostId: string, datastore: Datastore, failed: ReadonlySet<string>, cache: Map<string, boolean>): boolean {
    if (failed.has(datastore.id)) return false;
    if (datastore.presentedTo !== undefined && !datastore.presentedTo.includes(hostId)) return false;
    // Shared storage whose paths are not drawn (vSAN, an imported LUN): every host it is presented to reaches it.
    if (datastore.array === undefined) return datastore.shared === true || datastore.host === hostId;
    const apart = datastore.mirror !== undefined && this.legsApart(datastore, failed);
    if (servingLegs(datastore, failed, apart).length === 0) return false;
    if (this.uncabledReach && !hasStorageCable(this.network, hostId)) return !failed.has(hostId);
    const spof = this.singlePoints(hostId, datastore);
    if (spof === null && datastore.mirror === undefined) return false;
    if (failed.size === 0) return spof !== null;
    if (failed.size === 1 && spof !== null && datastore.mirror === undefined) {
      const [only] = failed;
      return only === undefined || !spof.has(only);
    }
    const key = pairKey(hostId, datastore.id);
    const known = cache.get(key);
    if (known !== undefined) return known;
    const host = this.hosts.get(hostId)?.host;
    let searches = this.searches.get(cache);
    if (!searches) this.searches.set(cache, (searches = new Map()));
    const reached = host !== undefined && reachesDatastore(this.network, host, datastore, failed, apart, searches);
    cache.set(key, reached);
    return reached;
  }

  /** The elements on every path from the host to the datastore; null when there is no path at all. */
  singlePoints(hostId: string, datastore: Datastore): ReadonlySet<string> | null {
    const key = pairKey(hostId, datastore.id);
    const known = this.spof.get(key);
    if (known !== undefined) return known;
    const host = this.hosts.get(hostId)?.host;
    const result = host ? singlePointsOfFailure(this.network, host, datastore) : { reachable: false, elements: [] };
    const value = result.reachable ? new Set(result.elements) : null;
    this.spof.set(key, value);
    return value;
  }

  /**
   * Storage paths (initiator port, target port pairs joined by the network) from a host to a
   * datastore's array: what MPIO counts. Array-less (local) datastores have one path.
   */
  pathCount(hostId: string, datastore: Datastore, failed: ReadonlySet<string>): number {
    if (datastore.array === undefined) return datastore.host === hostId ? 1 : 0;
    if (failed.has(datastore.id)) return 0;
    let paths = 0;
    const apart = datastore.mirror !== undefined && this.legsApart(datastore, failed);
    for (const arrayId of servingLegs(datastore, failed, apart)) paths += this.legPathCount(hostId, datastore, arrayId, failed);
    return paths;
  }

  private legPathCount(hostId: string, datastore: Datastore, arrayId: string, failed: ReadonlySet<string>): number {
    const network = this.network;
    const alive = (attachment: Attachment) => attachment.cableId === undefined || !failed.has(attachment.cableId);
    const blocked = (vertex: number) => failed.has(network.vertexIds[vertex] as string);
    let paths = 0;
    for (const protocol of datastoreProtocols(datastore)) {
      const targets = (network.arrayPorts.get(arrayId) ?? []).filter((p) => p.protocol === protocol && !failed.has(p.id) && !failed.has(p.controllerId));
      if (targets.length === 0) continue;
      for (const port of network.hostPorts.get(hostId) ?? []) {
        if (!port.protocols.includes(protocol) || failed.has(port.id) || failed.has(port.adapterId)) continue;
        const reached = reachableFrom(network.graph, port.attachments.filter(alive).map((a) => a.vertex), blocked);
        for (const target of targets) {
          if (target.attachments.some((a) => alive(a) && reached[a.vertex] === 1)) paths += 1;
        }
      }
    }
    return paths;
  }

}

const cutIndexes = new WeakMap<SimulationContext, ReadonlyMap<string, readonly StoragePair[]>>();

/**
 * The (host, datastore) pairs running VMs rely on at the start that lose every path when
 * this one element fails alone: those it is a single point of failure of, and every pair
 * of its array or datastore. Indexed once per context, for the sweep. O(pairs x SPOFs).
 */
export function pairsCutBy(context: SimulationContext, elementId: string): readonly StoragePair[] {
  let index = cutIndexes.get(context);
  if (!index) {
    const built = new Map<string, StoragePair[]>();
    for (const pair of startingPairs(context)) {
      const cut = new Set<string>([pair.datastore.id]);
      // An array cuts the pair unless a mirror leg carries on without it.
      for (const arrayId of [pair.datastore.array, pair.datastore.mirror?.array]) {
        if (arrayId !== undefined && !context.storage.reaches(pair.hostId, pair.datastore, new Set([arrayId]), new Map())) cut.add(arrayId);
      }
      const spof = pair.datastore.array === undefined ? null : context.storage.singlePoints(pair.hostId, pair.datastore);
      for (const element of spof ?? []) cut.add(element);
      for (const element of cut) push(built, element, pair);
    }
    index = built;
    cutIndexes.set(context, index);
  }
  return index.get(elementId) ?? [];
}

/** Every (host, datastore) pair of the powered-on VMs as the design places them, hosts in file order. */
export function startingPairs(context: SimulationContext): StoragePair[] {
  const pairs = new Map<string, { key: string; hostId: string; datastore: Datastore; vmIds: string[] }>();
  for (const host of context.hosts.values()) {
    for (const vm of host.vms) {
      for (const datastore of vm.datastores) {
        const key = pairKey(host.host.id, datastore.id);
        const pair = pairs.get(key);
        if (pair) pair.vmIds.push(vm.vm.id);
        else pairs.set(key, { key, hostId: host.host.id, datastore, vmIds: [vm.vm.id] });
      }
    }
  }
  return [...pairs.values()];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
