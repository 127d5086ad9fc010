/**
 * What HA does when the LAN changes (docs/simulation.md 2.9 "Network failures"): the
 * network part of the failover engine (engine.ts). After a LAN element fails or comes back
 * it works out, in this order:
 * - NIC teaming on the hosts that use the element: teaming-failover while an uplink is
 *   left, network-lost when none is, network-restored when one is back;
 * - VMs whose network has no uplink left on the host they run on (vm-unreachable) or has
 *   one again (vm-reachable): HA does not act on a lost VM network;
 * - the partitions of each affected cluster (network-state.ts). vSphere: a host that
 *   reaches no isolation address is isolated (heartbeats-lost, host-isolated after the
 *   isolation timeout, isolation-response after its delay) and is treated as failed if it
 *   writes no datastore heartbeat; hosts that still hear each other form a
 *   network-partition, and only the partition with the HA primary restarts VMs. Hyper-V,
 *   Proxmox VE, XenServer: a node without quorum logs quorum-lost, then its VMs stop when
 *   the resiliency period ends (resiliency-expired) or its watchdog fences it (host-fenced).
 * An explicit `isolate` step runs the vSphere isolation timeline for one host.
 *
 * It keeps each cluster's network state and HA primary. Everything else (the clock, the
 * event log, host and VM state, stopping and restarting VMs) belongs to the engine, which
 * it reaches only through NetworkEngine; the engine imports this module, not the reverse.
 */

import { heartbeatNetworks, lanComponents, uplinkState, vmNetworksOnHost, type HostNetwork } from '../analysis/lan-network';
import { datastoresUsedByClusters } from '../analysis/storage-network';
import type { Cluster, Datastore } from '../model/topology';
import type { HostInfo, SimulationContext, VmInfo } from './context';
import { clusterLanModelled, clusterNetworkState, electPrimary, usesQuorum, type ClusterNetworkState } from './network-state';
import type { SimulationEvent, SimulationEventKind } from './types';
import { defineMessages } from '../l10n/messages';
import { formatList } from '../l10n/format';

const MESSAGES = defineMessages('simulation.network-failures', {
  isolatedUnknown: 'host {host} is isolated (not in the design: nothing depends on it).',
  heartbeatsLost: '{host} exchanges no HA heartbeats with the other hosts and reaches none of its isolation addresses.',
  isolatedTreatedFailed: '{host} loses its management network and reaches none of its heartbeat datastores: HA treats it as failed.',
  declaresIsolatedPrimary: '{host} declares itself isolated {seconds} s after its heartbeats stopped (as the HA primary); it still writes datastore heartbeats, so the other hosts know it is isolated, not failed.',
  declaresIsolatedSecondary: '{host} declares itself isolated {seconds} s after its heartbeats stopped (as a secondary); it still writes datastore heartbeats, so the other hosts know it is isolated, not failed.',
  leavePoweredOn: 'Isolation response of {host}: leave powered on. Its VMs keep running there and HA restarts none of them.',
  keepsRunningNote: 'host {host} isolated (event {event}); isolation response none: the VM keeps running.',
  responseShutdown: '{host} runs its isolation response: it shuts down its VMs (powered off after at most {seconds} s); HA restarts each elsewhere once it is off.',
  responsePowerOff: '{host} runs its isolation response: it powers off its VMs; HA restarts each elsewhere once it is off.',
  priorityDisabledNote: 'restart priority disabled: the isolation response of {host} leaves it running.',
  shutDownBy: '{vm} is shut down by the isolation response of {host}.',
  poweredOffBy: '{vm} is powered off by the isolation response of {host}.',
  portsNetwork: '{host} {name} network',
  network: '{host} {name}',
  noUplinkLeft: '{network} has no uplink left ({ports} down).',
  backOn: '{network} is back on {ports}.',
  teamingFailover: '{network} now uses {ports} (was {previous}): NIC teaming fails over, nothing else happens.',
  vmUnreachable: '{vm} keeps running on {host} but its network {networks} has no uplink: users cannot reach it, and HA does not act on a lost VM network.',
  unreachableNote: 'unreachable from {from} s to {to} s while its network had no uplink.',
  vmReachable: '{vm} is reachable again on {host}.',
  splits: 'Cluster {cluster} splits into partitions {partitions}: each elects a primary of its own and its VMs keep running; only the partition with {primary} restarts VMs of failed hosts.',
  splitsNoPrimary: 'Cluster {cluster} splits into partitions {partitions}: each elects a primary of its own and its VMs keep running; only the partition with the primary restarts VMs of failed hosts.',
  cutOffFailed: '{host} is cut off and writes no datastore heartbeat: the primary treats it as failed.',
  onePartition: 'Cluster {cluster} is one partition again.',
  rejoins: '{host} exchanges heartbeats again and rejoins its cluster; a pending isolation response is cancelled.',
  quorumBack: '{host} is back in a partition with quorum.',
  noQuorumResiliency: '{host} is in partition {partition}, which has no quorum: its cluster service stops; its VMs run unmonitored for {period} s (VM compute resiliency) after the node is removed at {removed} s, then are turned off.',
  noQuorumFencing: '{host} is in partition {partition}, which has no quorum: its watchdog fences (resets) it after {seconds} s.',
  fenced: '{host} is fenced by its watchdog: it resets, and its HA services are recovered where there is quorum.',
  resiliencyExpired: 'The resiliency period of {host} is over: its VMs are turned off and started where there is quorum.',
  stopsFenced: '{vm} stops with {host} (fenced).',
  stopsNoQuorum: '{vm} stops with {host} (no quorum).',
});

/** The engine's record of a VM (its VmRun), as much of it as the network part reads and writes. */
export interface NetworkVm {
  readonly info: VmInfo;
  readonly status: 'running' | 'booting' | 'hung' | 'down';
  /** Host holding the VM's resources (running, booting or hung). */
  readonly host: string | undefined;
  /** Start of the current service outage, while the service is down. */
  downSince: number | undefined;
  readonly takeoverPending: boolean;
  /** Running but its VM network has no uplink left (on the host it runs on). */
  unreachable: { readonly networks: readonly string[]; readonly since: number } | undefined;
  readonly notes: string[];
}

/** The engine's record of a host (its HostRun), as much of it as the network part reads and writes. */
export interface NetworkHostState {
  readonly info: HostInfo;
  failed: boolean;
  isolated: boolean;
  /** Cut off from the partition that restarts VMs (or, on quorum platforms, without quorum): not a restart target. */
  cutOff: boolean;
  /** Bumped on every change of state: stale scheduled actions compare it. */
  epoch: number;
}

/** What the network part schedules on the engine's queue and runs when it is due (handle). */
export type NetworkAction =
  | { readonly kind: 'declare-isolated'; readonly hostId: string; readonly epoch: number; readonly cause: number; readonly lostAt: number; readonly primary: boolean }
  | { readonly kind: 'isolation-response'; readonly hostId: string; readonly epoch: number; readonly cause: number }
  | { readonly kind: 'quorum-stop'; readonly hostId: string; readonly epoch: number; readonly cause: number };

/** The engine as the network part sees it: the design, the clock and state it reads, and the HA actions a network change sets off. */
export interface NetworkEngine<V extends NetworkVm> {
  readonly context: SimulationContext;
  /** 'impact' leaves out what changes no outcome (teaming failovers that keep an uplink). */
  readonly detail: 'full' | 'impact';
  /** The failed elements, kept current by the engine. */
  readonly failed: ReadonlySet<string>;
  now(): number;
  /** Logs an event; returns its index. A network-partition event carries its partition. */
  log(kind: SimulationEventKind, elementIds: readonly string[], message: string, causeIndex?: number, partition?: SimulationEvent['partition']): number;
  /** Puts a network action on the queue; the engine hands it back to handle when it is due. */
  schedule(atSeconds: number, action: NetworkAction): void;
  /** A host's state, created on first use. */
  host(hostId: string): NetworkHostState;
  /** A host's state if it has one yet. */
  peekHost(hostId: string): NetworkHostState | undefined;
  /** Whether any host has state yet (until then each cluster's network is as the design left it). */
  hostsTouched(): boolean;
  /** VMs holding resources on a host (running, booting or hung), in file order. */
  residents(hostId: string): V[];
  /** Of those, the ones the scenario has a record of yet (the rest run as the design says), in file order. */
  touchedResidents(hostId: string): V[];
  /** Whether a host reaches a datastore with the failed elements removed. */
  reaches(hostId: string, datastore: Datastore): boolean;
  failHost(hostId: string, cause: number): void;
  /** Stops a VM; returns the index of its vm-down event. */
  goDown(run: V, cause: number, message: string): number;
  /** An FT secondary, replica or guest-cluster partner of a VM that went down takes over, if one can. */
  scheduleTakeovers(run: V, cause: number, lostHost: string): void;
  /** Restarts a VM whose guest is shutting down once it is off, at atSeconds. */
  restartWhenOff(run: V, atSeconds: number, cause: number): void;
  /** Starts a restart wave. */
  restart(runs: readonly V[], cause: number): void;
  endOutage(run: V): void;
  /** Places the VMs waiting for a host, now that something changed. */
  placePending(): void;
}

export class NetworkFailures<V extends NetworkVm> {
  private readonly context: SimulationContext;
  private readonly detail: 'full' | 'impact';
  private readonly failed: ReadonlySet<string>;
  /** Network state of each cluster whose LAN is modelled, as of the last change. */
  private readonly clusterNetworks = new Map<string, ClusterNetworkState>();
  /** The HA primary of each cluster (vSphere), elected when first needed. */
  private readonly primaries = new Map<string, string>();

  constructor(private readonly engine: NetworkEngine<V>) {
    this.context = engine.context;
    this.detail = engine.detail;
    this.failed = engine.failed;
  }

  private get now(): number {
    return this.engine.now();
  }

  /** Runs a network action that has come due. */
  handle(action: NetworkAction): void {
    switch (action.kind) {
      case 'declare-isolated':
        return this.declareIsolated(action);
      case 'isolation-response':
        return this.isolationResponse(action);
      case 'quorum-stop':
        return this.quorumStop(action);
    }
  }

  /** A cluster's network state as of the last LAN change, if one touched it. */
  clusterState(clusterId: string): ClusterNetworkState | undefined {
    return this.clusterNetworks.get(clusterId);
  }

  // --------------------------------------------------------------- isolation

  /**
   * A host stops exchanging heartbeats and reaches none of its isolation addresses
   * (vSphere; docs/simulation.md "Network failures"). It declares itself isolated after
   * primaryIsolationTimeoutSeconds as the primary (5 s) or isolationTimeoutSeconds as a
   * secondary (30 s), then runs its isolation response isolationResponseDelaySeconds later
   * (fdm.isolationPolicyDelaySec, 30 s). While it still writes datastore heartbeats the
   * other hosts know it is isolated, not failed, and restart nothing: its VMs come back
   * elsewhere only once the isolation response has powered them off (the VMFS locks hold
   * until then). A host that reaches none of its heartbeat datastores either is treated as
   * failed.
   */
  isolate(hostId: string, cause?: number): void {
    const info = this.context.hosts.get(hostId);
    if (!info) {
      this.engine.log('host-isolated', [hostId], MESSAGES.isolatedUnknown({ host: hostId }), cause);
      return;
    }
    const host = this.engine.host(hostId);
    if (host.failed || host.isolated) return;
    const primary = info.cluster !== undefined && this.primaryOf(info.cluster.id) === hostId;
    const lost = this.engine.log('heartbeats-lost', [hostId], MESSAGES.heartbeatsLost({ host: hostId }), cause);
    if (!this.writesDatastoreHeartbeats(info)) {
      const event = this.engine.log('host-isolated', [hostId], MESSAGES.isolatedTreatedFailed({ host: hostId }), lost);
      return this.engine.failHost(hostId, event);
    }
    host.isolated = true;
    host.cutOff = true;
    host.epoch += 1;
    const detection = info.cluster?.ha.detection;
    const delay = primary ? (detection?.primaryIsolationTimeoutSeconds ?? 5) : (detection?.isolationTimeoutSeconds ?? 30);
    this.engine.schedule(this.now + delay, { kind: 'declare-isolated', hostId, epoch: host.epoch, cause: lost, lostAt: this.now, primary });
  }

  private declareIsolated(action: Extract<NetworkAction, { kind: 'declare-isolated' }>): void {
    const host = this.engine.host(action.hostId);
    if (!host.isolated || host.failed || host.epoch !== action.epoch) return;
    const ha = host.info.cluster?.ha;
    const response = ha?.enabled ? ha.isolationResponse : 'none';
    const declared = { host: action.hostId, seconds: this.now - action.lostAt };
    const cause = this.engine.log(
      'host-isolated',
      [action.hostId],
      action.primary ? MESSAGES.declaresIsolatedPrimary(declared) : MESSAGES.declaresIsolatedSecondary(declared),
      action.cause,
    );
    if (response === 'none' || !ha) {
      this.engine.log('isolation-response', [action.hostId], MESSAGES.leavePoweredOn({ host: action.hostId }), cause);
      for (const run of this.engine.residents(action.hostId)) run.notes.push(MESSAGES.keepsRunningNote({ host: action.hostId, event: cause }));
      return;
    }
    this.engine.schedule(this.now + ha.detection.isolationResponseDelaySeconds, { kind: 'isolation-response', hostId: action.hostId, epoch: host.epoch, cause });
  }

  private writesDatastoreHeartbeats(info: HostInfo): boolean {
    const configured = (info.cluster?.ha.heartbeatDatastores ?? []).map((id) => this.context.topology.datastore(id)).filter((d): d is Datastore => d !== undefined);
    const datastores = configured.length > 0 ? configured : [...new Set(this.engine.residents(info.host.id).flatMap((run) => run.info.datastores))];
    // Nothing to judge by: assume the host writes heartbeats (vSphere always picks some).
    if (datastores.length === 0) return true;
    return datastores.some((datastore) => this.engine.reaches(info.host.id, datastore));
  }

  private isolationResponse(action: Extract<NetworkAction, { kind: 'isolation-response' }>): void {
    const host = this.engine.host(action.hostId);
    if (!host.isolated || host.failed || host.epoch !== action.epoch) return;
    const ha = host.info.cluster?.ha;
    const response = ha?.isolationResponse ?? 'none';
    const timeout = ha?.isolationShutdownTimeoutSeconds ?? 300;
    const message = response === 'shutdown' ? MESSAGES.responseShutdown({ host: action.hostId, seconds: timeout }) : MESSAGES.responsePowerOff({ host: action.hostId });
    const cause = this.engine.log('isolation-response', [action.hostId], message, action.cause);
    const down: V[] = [];
    for (const run of this.engine.residents(action.hostId)) {
      if (run.info.priority === 'disabled') {
        run.notes.push(MESSAGES.priorityDisabledNote({ host: action.hostId }));
        continue;
      }
      const event = this.engine.goDown(run, cause, (response === 'shutdown' ? MESSAGES.shutDownBy : MESSAGES.poweredOffBy)({ vm: run.info.vm.id, host: action.hostId }));
      this.engine.scheduleTakeovers(run, event, action.hostId);
      if (run.takeoverPending) continue;
      if (response === 'shutdown') {
        const seconds = Math.min(run.info.vm.shutdownSeconds ?? timeout, timeout);
        this.engine.restartWhenOff(run, this.now + seconds, event);
      } else {
        down.push(run);
      }
    }
    this.engine.restart(down, cause);
  }

  /** The HA primary of a cluster: the one elected before the scenario (baselinePrimary) while it is alive and not isolated, else re-elected among the rest. */
  private primaryOf(clusterId: string): string | undefined {
    const alive = (id: string) => !this.engine.peekHost(id)?.failed && !this.engine.peekHost(id)?.isolated;
    const known = this.primaries.get(clusterId) ?? baselinePrimary(this.context, clusterId);
    if (known !== undefined && alive(known)) return known;
    const cluster = this.context.topology.cluster(clusterId);
    if (!cluster) return undefined;
    const candidates = (this.context.clusterHosts.get(clusterId) ?? []).filter((h) => h.good && alive(h.host.id)).map((h) => h.host.id);
    const datastores = datastoresUsedByClusters(this.context.topology).get(clusterId) ?? [];
    const primary = electPrimary(cluster, candidates, (hostId) => datastores.filter((d) => this.engine.reaches(hostId, d)).length);
    if (primary !== undefined) this.primaries.set(clusterId, primary);
    return primary;
  }

  // ------------------------------------------------------------- LAN changes

  /**
   * After a LAN element failed or came back: teaming failovers and lost networks on the
   * hosts that use it, VMs whose network is gone or back, and each affected cluster's
   * partitions (isolation, partition, quorum). A switch, stack or inter-switch link can
   * split any cluster; anything else only the clusters of the hosts that use it.
   */
  networkChanged(before: ReadonlySet<string>, cause: number, elementId: string): void {
    const lan = this.context.lan;
    const element = lan.elements.get(elementId);
    if (!element) return;
    const users = this.context.lanUsers.get(elementId) ?? new Set<string>();
    for (const hostId of users) {
      if (this.engine.peekHost(hostId)?.failed) continue;
      for (const network of lan.hostNetworks.get(hostId) ?? []) if (!network.sharedWithVmkernel) this.teamingChanged(network, before, cause);
      this.checkVmNetworks(hostId, cause);
    }
    const global = element.kind === 'switch' || element.kind === 'inter-switch-link' || element.kind === 'stack';
    // A host's own part (port, card, cable, virtual switch) can only move that host: if its heartbeats reach the same switches, no cluster changes.
    const moved = global ? [] : [...users].filter((id) => this.heartbeatReachChanged(id, before));
    const clusters = global
      ? this.context.topology.clusters.map((c) => c.id)
      : [...new Set(moved.map((id) => this.context.hosts.get(id)?.cluster?.id).filter((id): id is string => id !== undefined))];
    // The LAN's components before and after are the same for every cluster: worked out once.
    const components = new Map<ReadonlySet<string>, Int32Array>();
    for (const clusterId of clusters) this.clusterNetworkChanged(clusterId, before, cause, components);
    this.engine.placePending();
  }

  private heartbeatReachChanged(hostId: string, before: ReadonlySet<string>): boolean {
    const lan = this.context.lan;
    const networks = heartbeatNetworks(this.context.topology, lan, hostId);
    // The switches its heartbeats reach, and whether some leave through an uplink of unknown cabling (lan-network.ts; "?" is no switch id).
    const reach = (failed: ReadonlySet<string>) =>
      networks
        .flatMap((n) => {
          const state = uplinkState(lan, n, failed);
          return state.unknownSwitch ? [...state.switches, '?'] : state.switches;
        })
        .sort()
        .join(',');
    return reach(before) !== reach(this.failed);
  }

  private teamingChanged(network: HostNetwork, before: ReadonlySet<string>, cause: number): void {
    const lan = this.context.lan;
    const was = uplinkState(lan, network, before).carrying.map((u) => u.portId);
    const is = uplinkState(lan, network, this.failed).carrying.map((u) => u.portId);
    if (was.length === is.length && was.every((id, i) => id === is[i])) return;
    const label = (network.kind === 'ports' ? MESSAGES.portsNetwork : MESSAGES.network)({ host: network.hostId, name: network.name });
    if (is.length === 0 && was.length > 0) {
      this.engine.log('network-lost', [network.hostId, network.id], MESSAGES.noUplinkLeft({ network: label, ports: formatList(was) }), cause);
    } else if (was.length === 0 && is.length > 0) {
      this.engine.log('network-restored', [network.hostId, network.id], MESSAGES.backOn({ network: label, ports: formatList(is) }), cause);
    } else if (this.detail === 'full') {
      this.engine.log('teaming-failover', [network.hostId, network.id], MESSAGES.teamingFailover({ network: label, ports: formatList(is), previous: formatList(was) }), cause);
    }
  }

  /** The networks of a VM on a host and whether each still has an uplink carrying traffic; empty when the design does not say. */
  vmNetworkDown(run: V, hostId: string): string[] {
    const { found } = vmNetworksOnHost(this.context.lan, hostId, run.info.vm.networks);
    return found.filter((network) => uplinkState(this.context.lan, network, this.failed).carrying.length === 0).map((network) => network.name);
  }

  /**
   * A VM's network is down only when it is one of its host's networks left with no uplink
   * carrying traffic. While the host has none, only a VM already unreachable can change
   * (it is back), and only a VM with a record can be: the others are not looked at (a
   * redundant switch carries hundreds of hosts' VMs, and the N-1 sweep fails each one).
   */
  private checkVmNetworks(hostId: string, cause: number): void {
    const lan = this.context.lan;
    const anyCut = (lan.hostNetworks.get(hostId) ?? []).some((network) => uplinkState(lan, network, this.failed).carrying.length === 0);
    const runs = anyCut ? this.engine.residents(hostId) : this.engine.touchedResidents(hostId).filter((run) => run.unreachable !== undefined);
    for (const run of runs) {
      if (run.status !== 'running' && run.status !== 'booting') continue;
      this.updateReachability(run, hostId, cause);
    }
  }

  updateReachability(run: V, hostId: string, cause: number): void {
    const down = this.vmNetworkDown(run, hostId);
    if (down.length > 0 && run.unreachable === undefined) {
      run.unreachable = { networks: down, since: this.now };
      if (run.downSince === undefined) run.downSince = this.now;
      this.engine.log('vm-unreachable', [run.info.vm.id, hostId], MESSAGES.vmUnreachable({ vm: run.info.vm.id, host: hostId, networks: formatList(down) }), cause);
    } else if (down.length === 0 && run.unreachable !== undefined) {
      run.notes.push(MESSAGES.unreachableNote({ from: run.unreachable.since, to: this.now }));
      run.unreachable = undefined;
      if (run.status === 'running') this.engine.endOutage(run);
      this.engine.log('vm-reachable', [run.info.vm.id, hostId], MESSAGES.vmReachable({ vm: run.info.vm.id, host: hostId }), cause);
    }
  }

  private clusterNetworkChanged(clusterId: string, before: ReadonlySet<string>, cause: number, components?: Map<ReadonlySet<string>, Int32Array>): void {
    const topology = this.context.topology;
    const cluster = topology.cluster(clusterId);
    const members = this.context.clusterHosts.get(clusterId) ?? [];
    if (!cluster || !clusterLanModelled(topology, this.context.lan, members.map((h) => h.host.id))) return;
    const untouched = before.size === 0 && !this.engine.hostsTouched();
    const previous = this.clusterNetworks.get(clusterId)
      ?? (untouched ? baselineNetworkState(this.context, cluster, () => this.networkState(cluster, before, components)) : this.networkState(cluster, before, components));
    const next = this.networkState(cluster, this.failed, components);
    this.clusterNetworks.set(clusterId, next);
    if (usesQuorum(topology)) return this.quorumChanged(clusterId, previous, next, cause);
    const acting = next.acting === undefined ? [] : (next.partitions[next.acting] ?? []);
    for (const info of members) {
      const id = info.host.id;
      const host = this.engine.peekHost(id);
      if (host?.failed || !info.good) continue;
      const wasIsolated = previous.isolated.has(id);
      const isIsolated = next.isolated.has(id);
      if (isIsolated && !wasIsolated) this.isolate(id, cause);
      else if (!isIsolated && wasIsolated) this.rejoin(id, cause);
      if (!isIsolated) this.engine.host(id).cutOff = !acting.includes(id);
    }
    const shape = (state: ClusterNetworkState) => state.partitions.filter((group) => !group.every((id) => state.isolated.has(id))).map((group) => group.join(',')).join(' | ');
    if (shape(previous) === shape(next)) return;
    const groups = next.partitions.filter((group) => !group.every((id) => next.isolated.has(id)));
    if (groups.length > 1) {
      const partitions = formatList(groups.map((group) => `{${formatList(group)}}`), 'and');
      const primary = this.primaryOf(clusterId);
      const event = this.engine.log(
        'network-partition',
        groups.flat(),
        primary === undefined ? MESSAGES.splitsNoPrimary({ cluster: clusterId, partitions }) : MESSAGES.splits({ cluster: clusterId, partitions, primary }),
        cause,
        { groups, ...(acting.length > 0 ? { acting } : {}) },
      );
      for (const group of groups) {
        if (group === acting) continue;
        for (const id of group) {
          const info = this.context.hosts.get(id);
          if (info && !this.writesDatastoreHeartbeats(info)) this.engine.failHost(id, this.engine.log('host-declared-failed', [id], MESSAGES.cutOffFailed({ host: id }), event));
        }
      }
    } else if (shape(previous).includes(' | ')) {
      this.engine.log('network-restored', [clusterId], MESSAGES.onePartition({ cluster: clusterId }), cause);
    }
  }

  /** `components`: the LAN's components by failed set, filled as they are worked out (the set must not change meanwhile). */
  private networkState(cluster: Cluster, failed: ReadonlySet<string>, components?: Map<ReadonlySet<string>, Int32Array>): ClusterNetworkState {
    const members = this.context.clusterHosts.get(cluster.id) ?? [];
    let component = components?.get(failed);
    if (components && !component) components.set(failed, (component = lanComponents(this.context.lan, failed)));
    return clusterNetworkState({
      ...(component ? { component } : {}),
      topology: this.context.topology,
      lan: this.context.lan,
      cluster,
      hosts: members.map((h) => ({ id: h.host.id, alive: h.good && !this.engine.peekHost(h.host.id)?.failed })),
      failed,
      primary: usesQuorum(this.context.topology) ? undefined : this.primaryOf(cluster.id),
      reachesDatastore: (hostId, datastoreId) => {
        const datastore = this.context.topology.datastore(datastoreId);
        return datastore !== undefined && this.context.storage.reaches(hostId, datastore, failed, new Map());
      },
    });
  }

  /** The host hears the others again: a pending isolation response is cancelled. */
  private rejoin(hostId: string, cause: number): void {
    const host = this.engine.host(hostId);
    if (!host.isolated) return;
    host.isolated = false;
    host.cutOff = false;
    host.epoch += 1;
    this.engine.log('network-restored', [hostId], MESSAGES.rejoins({ host: hostId }), cause);
  }

  /**
   * Quorum platforms: nodes whose partition lost quorum stop. Hyper-V: the cluster service
   * stops; with VM compute resiliency (Windows Server 2016+) the VMs run unmonitored for
   * resiliencyPeriodSeconds after the node is removed (failureTimeoutSeconds), then are
   * turned off and started in the partition with quorum. Proxmox VE and XenServer: the
   * node's watchdog fences (resets) it after fencingDelaySeconds; its services are then
   * recovered where there is quorum.
   */
  private quorumChanged(clusterId: string, previous: ClusterNetworkState, next: ClusterNetworkState, cause: number): void {
    const platform = this.context.topology.platform;
    for (const info of this.context.clusterHosts.get(clusterId) ?? []) {
      const id = info.host.id;
      const host = this.engine.peekHost(id);
      if (host?.failed || !info.good) continue;
      const had = previous.partitionOf.has(id) && !previous.withoutQuorum.has(previous.partitionOf.get(id) as number);
      const has = next.partitionOf.has(id) && !next.withoutQuorum.has(next.partitionOf.get(id) as number);
      if (had === has) continue;
      const run = this.engine.host(id);
      run.epoch += 1;
      run.cutOff = !has;
      if (has) {
        this.engine.log('network-restored', [id], MESSAGES.quorumBack({ host: id }), cause);
        continue;
      }
      const ha = info.cluster?.ha;
      const delay = platform === 'hyperv' ? (ha?.detection.failureTimeoutSeconds ?? 10) + (ha?.resiliencyPeriodSeconds ?? 240) : (ha?.fencingDelaySeconds ?? 60);
      const partition = next.partitions[next.partitionOf.get(id) as number] ?? [id];
      const inPartition = { host: id, partition: `{${formatList(partition)}}` };
      const message = platform === 'hyperv'
        ? MESSAGES.noQuorumResiliency({ ...inPartition, period: ha?.resiliencyPeriodSeconds ?? 240, removed: ha?.detection.failureTimeoutSeconds ?? 10 })
        : MESSAGES.noQuorumFencing({ ...inPartition, seconds: delay });
      const event = this.engine.log('quorum-lost', [id], message, cause);
      this.engine.schedule(this.now + delay, { kind: 'quorum-stop', hostId: id, epoch: run.epoch, cause: event });
    }
  }

  private quorumStop(action: Extract<NetworkAction, { kind: 'quorum-stop' }>): void {
    const host = this.engine.host(action.hostId);
    if (host.failed || host.epoch !== action.epoch || !host.cutOff) return;
    const fenced = this.context.topology.platform !== 'hyperv';
    const cause = fenced
      ? this.engine.log('host-fenced', [action.hostId], MESSAGES.fenced({ host: action.hostId }), action.cause)
      : this.engine.log('resiliency-expired', [action.hostId], MESSAGES.resiliencyExpired({ host: action.hostId }), action.cause);
    if (fenced) {
      host.failed = true;
      host.epoch += 1;
    }
    const down: V[] = [];
    for (const run of this.engine.residents(action.hostId)) {
      const event = this.engine.goDown(run, cause, (fenced ? MESSAGES.stopsFenced : MESSAGES.stopsNoQuorum)({ vm: run.info.vm.id, host: action.hostId }));
      this.engine.scheduleTakeovers(run, event, action.hostId);
      if (!run.takeoverPending) down.push(run);
    }
    this.engine.restart(down, cause);
  }
}

const primariesByContext = new WeakMap<SimulationContext, Map<string, string | undefined>>();

/** The primary vSphere elects in each cluster before anything fails: computed once per design (network-state.ts electPrimary). */
function baselinePrimary(context: SimulationContext, clusterId: string): string | undefined {
  let cache = primariesByContext.get(context);
  if (!cache) primariesByContext.set(context, (cache = new Map()));
  if (cache.has(clusterId)) return cache.get(clusterId);
  const cluster = context.topology.cluster(clusterId);
  const candidates = (context.clusterHosts.get(clusterId) ?? []).filter((h) => h.good).map((h) => h.host.id);
  const datastores = datastoresUsedByClusters(context.topology).get(clusterId) ?? [];
  const none = new Set<string>();
  const primary = cluster ? electPrimary(cluster, candidates, (hostId) => datastores.filter((d) => context.storage.reaches(hostId, d, none, new Map())).length) : undefined;
  cache.set(clusterId, primary);
  return primary;
}

const baselineNetworks = new WeakMap<SimulationContext, Map<string, ClusterNetworkState>>();

/** A cluster's network state before anything fails: computed once per design and shared by the sweep's scenarios. */
function baselineNetworkState(context: SimulationContext, cluster: Cluster, compute: () => ClusterNetworkState): ClusterNetworkState {
  let cache = baselineNetworks.get(context);
  if (!cache) baselineNetworks.set(context, (cache = new Map()));
  let state = cache.get(cluster.id);
  if (!state) cache.set(cluster.id, (state = compute()));
  return state;
}
