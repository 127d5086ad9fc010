/**
 * HA's restart queue: the VMs HA must restart, in what order and on which host
 * (docs/design/algorithms.md#2-ha-restart-after-a-host-failure). The failover engine
 * (engine.ts) hands it the VMs to restart and asks it to place what waits whenever
 * something recovers or frees capacity; the engine does the placing and the booting.
 *
 * - Restarts run in waves, one per declared host (or per isolation response, or per VM
 *   Component Protection termination), per cluster. A wave's VMs form tiers by restart
 *   priority, highest first; a tier starts when the tier above is ready
 *   (orchestration.readyCondition: none = at once; resources-allocated and powered-on =
 *   when placed, power-on being immediate; guest-heartbeat and app-heartbeat = when
 *   booted), plus postReadyDelaySeconds, or when the tier above has waited
 *   tierTimeoutSeconds (600 s). A VM that could not be placed does not hold its tier back.
 *   At one instant, earlier waves place first: the first failed host's VMs before the
 *   second's.
 * - Restart dependencies: a VM waits until each VM it depends on is ready (same ready
 *   condition). These are hard rules (vSphere VM-to-VM rules): no timeout. A dependency
 *   powered off in the design is ignored.
 * - Placement: candidates are the hosts of the VM's cluster that are connected, not
 *   failed, not isolated and not cut off from the acting partition; that reach every
 *   datastore of the VM through the storage network with the failed elements removed;
 *   that satisfy its must-run-on and must-not-run-on rules; that run none of its
 *   anti-affinity peers (when the cluster's respectAntiAffinity is on; HA knows rules, not
 *   guest clusters); and that have unreserved CPU >= its CPU reservation and unreserved
 *   memory >= reservation + overhead (vmDemand) and fewer VMs than maxVms. Dedicated
 *   failover hosts come first (docs/design/algorithms.md#13-dedicated-failover-hosts).
 *   Among candidates the most unreserved one wins: most unreserved memory, then most
 *   unreserved CPU, then file order. Should rules and VM-VM affinity are not considered by
 *   HA restarts (DRS fixes them later). No candidate: the VM stays down ("insufficient
 *   resources", with the reason of the filter that emptied the list) and is retried.
 * - HA restarts nothing for a VM outside a cluster, with HA off or restart priority
 *   disabled, when no partition has quorum, or on Proxmox VE when half of the cluster's
 *   nodes or more are down (corosync needs a majority).
 *
 * It keeps the waves; it reaches the engine only through RestartEngine, and the engine
 * imports this module, not the reverse.
 */

import { fits, type FreeRoom } from '../capacity/fits';
import type { Datastore } from '../model/topology';
import type { HostInfo, Load, SimulationContext, VmInfo } from './context';
import { usesQuorum, type ClusterNetworkState } from './network-state';
import { restartPriorityName, type DownReason, type SimulationEventKind } from './types';
import { defineMessages } from '../l10n/messages';
import { formatList } from '../l10n/format';

const MESSAGES = defineMessages('simulation.restarts', {
  waitingForTier: 'waiting for its restart tier',
  noClusterNothingRestarts: 'its host is in no cluster, so nothing restarts it.',
  haOff: 'HA is off in cluster {cluster}.',
  priorityDisabled: 'its restart priority is disabled.',
  noPartitionQuorum: 'no partition of cluster {cluster} has quorum, so no node restarts anything.',
  lostQuorum: 'cluster {cluster} lost quorum ({alive} of {nodes} nodes alive): Proxmox HA restarts nothing without a majority.',
  tierStarts: 'Restart tier "{priority}" starts: {vms}.',
  tierTimeout: 'Tier "{priority}" is not ready after {seconds} s (tierTimeoutSeconds): tier "{next}" starts anyway.',
  waitsFor: 'waits for {vm} to be ready (restart dependency).',
  cannotRestartYet: '{vm} cannot restart yet: {detail}',
  noCluster: 'its host is in no cluster.',
  noConnectedHost: 'no connected host is left in cluster {cluster}.',
  noStoragePath: 'no surviving host reaches {datastores}.',
  rulesExclude: 'every surviving host that reaches its storage breaks a must-run-on or must-not-run-on rule.',
  antiAffinity: 'every remaining host runs one of its anti-affinity peers (respectAntiAffinity is on).',
  insufficient: 'insufficient resources: it needs {cpuMHz} MHz and {memoryMB} MB unreserved; the roomiest host has {freeCpuMHz} MHz and {freeMemoryMB} MB (or is at its VM limit).',
});

/** Why a VM waiting for a restart is not placed yet: its tier has not started, a dependency is not ready, or no host takes it. */
export interface Pending {
  readonly kind: 'placement' | 'dependency' | 'tier';
  readonly reason: DownReason;
  readonly detail: string;
}

/** The VMs of one priority in a wave. */
export interface Tier<V> {
  readonly priority: string;
  readonly members: V[];
  /**
   * The members a pass still has to try, in order: each pass drops those placed or gone
   * elsewhere (a VM queued again goes to a new wave, never back to this one). Every booted
   * VM starts a pass, and a pass over every member of a big wave made a rack failure cost
   * the square of its VMs.
   */
  readonly open: V[];
  /** Members this tier placed that may still be booting: whether the tier is ready reads only these and the open ones. */
  readonly booting: V[];
  startedAt: number | undefined;
  startedEvent: number;
  released: boolean;
}

/** The VMs one event hands to HA for restart, in one cluster, by tier. */
export interface Wave<V> {
  readonly index: number;
  readonly info: VmInfo;
  readonly tiers: Tier<V>[];
  /**
   * Set when a pass found no live host in the wave's cluster and every started member was
   * told so: later passes skip the wave until a host is back or a tier starts (a site
   * failure leaves thousands of VMs waiting, and each restart wave would try them all again).
   */
  parked?: boolean;
}

/** The engine's record of a VM (its VmRun), as much of it as the restart queue reads and writes. */
export interface RestartVm {
  readonly info: VmInfo;
  readonly status: 'running' | 'booting' | 'hung' | 'down';
  /** Host holding the VM's resources (running, booting or hung). */
  readonly host: string | undefined;
  /** In the queue: its wave will place it when it can. */
  awaitingRestart: boolean;
  /** Waiting for its host to be declared failed (or its takeover to fail). */
  awaitingDeclaration: boolean;
  /** The wave it was last queued in. */
  wave: Wave<RestartVm> | undefined;
  pending: Pending | undefined;
  /** Why the VM is down and HA will not restart it (until something changes). */
  stopped: { readonly reason: DownReason; readonly detail: string } | undefined;
}

/** The engine's record of a host (its HostRun), as much of it as placement reads. */
export interface RestartHostState {
  readonly failed: boolean;
  readonly isolated: boolean;
  /** Cut off from the partition that restarts VMs (or, on quorum platforms, without quorum): not a restart target. */
  readonly cutOff: boolean;
}

/** What the restart queue schedules on the engine's queue and runs when it is due (handle). */
export type RestartAction<V> =
  | { readonly kind: 'tier-timeout'; readonly wave: Wave<V>; readonly tier: number }
  | { readonly kind: 'tier-start'; readonly wave: Wave<V>; readonly tier: number; readonly cause: number };

/** Where HA restarts a VM, or why it restarts it nowhere. */
export type Placement = { readonly hostId: string } | { readonly reason: DownReason; readonly detail: string };

/** The engine as the restart queue sees it: the design, the clock and state it reads, and placing a VM. */
export interface RestartEngine<V extends RestartVm> {
  readonly context: SimulationContext;
  now(): number;
  /** Logs an event; returns its index. */
  log(kind: SimulationEventKind, elementIds: readonly string[], message: string, causeIndex?: number): number;
  /** Puts a restart action on the queue; the engine hands it back to handle when it is due. */
  schedule(atSeconds: number, action: RestartAction<V>): void;
  /** A VM's record, if the scenario touched it. */
  vm(vmId: string): V | undefined;
  /** A host's state if it has one yet. */
  peekHost(hostId: string): RestartHostState | undefined;
  /** The load a host carries now (its state created on first use). */
  load(hostId: string): Readonly<Load>;
  /** Whether a host reaches a datastore with the failed elements removed. */
  reaches(hostId: string, datastore: Datastore): boolean;
  /** A cluster's network state as of the last LAN change, if one touched it (network-failures.ts). */
  clusterNetwork(clusterId: string): ClusterNetworkState | undefined;
  /** Places the VM on the host: it powers on there and boots. */
  place(run: V, hostId: string, cause: number): void;
}

export class RestartQueue<V extends RestartVm> {
  private readonly context: SimulationContext;
  private readonly waves: Wave<V>[] = [];
  /**
   * The waves a pass still looks at: those with a tier not started yet or a member not
   * placed, and those with a tier not released. A site failure makes a wave per host
   * declared failed, each declaration starts a pass, and passes over every wave ever made
   * cost the square of the hosts.
   */
  private readonly placing: Wave<V>[] = [];
  private readonly releasing: Wave<V>[] = [];
  /** During placePending: the alive hosts of each cluster asked about so far. */
  private alive: Map<string, readonly HostInfo[]> | undefined;
  /** During placePending: of those, the ones that reach each datastore asked about so far, by cluster. */
  private reaching: Map<string, Map<Datastore, readonly HostInfo[]>> | undefined;

  constructor(private readonly engine: RestartEngine<V>) {
    this.context = engine.context;
  }

  private get now(): number {
    return this.engine.now();
  }

  /** Runs a restart action that has come due. */
  handle(action: RestartAction<V>): void {
    switch (action.kind) {
      case 'tier-timeout':
        return this.tierTimeout(action.wave, action.tier);
      case 'tier-start':
        this.startTier(action.wave, action.tier, action.cause);
        return this.placePending();
    }
  }

  /** Starts a restart wave for VMs HA must restart, one per cluster. */
  restart(runs: readonly V[], cause: number): void {
    const eligible: V[] = [];
    for (const run of runs) {
      const refusal = this.refusal(run);
      run.awaitingDeclaration = false;
      if (refusal) {
        run.stopped = refusal;
        run.awaitingRestart = false;
        continue;
      }
      run.stopped = undefined;
      eligible.push(run);
    }
    const byCluster = new Map<string, V[]>();
    for (const run of eligible) {
      const id = run.info.cluster?.id ?? '';
      const list = byCluster.get(id);
      if (list) list.push(run);
      else byCluster.set(id, [run]);
    }
    for (const members of byCluster.values()) {
      members.sort((a, b) => b.info.priorityRank - a.info.priorityRank || a.info.order - b.info.order);
      const tiers: Tier<V>[] = [];
      for (const run of members) {
        let tier = tiers[tiers.length - 1];
        if (!tier || tier.priority !== run.info.priority) tiers.push((tier = { priority: run.info.priority, members: [], open: [], booting: [], startedAt: undefined, startedEvent: cause, released: false }));
        tier.members.push(run);
        tier.open.push(run);
      }
      const wave: Wave<V> = { index: this.waves.length, info: (members[0] as V).info, tiers };
      this.waves.push(wave);
      this.placing.push(wave);
      this.releasing.push(wave);
      for (const run of members) {
        run.wave = wave;
        run.awaitingRestart = true;
        run.pending = { kind: 'tier', reason: 'no-candidate-host', detail: MESSAGES.waitingForTier({}) };
      }
      this.startTier(wave, 0, cause);
    }
    this.placePending();
  }

  /** Why HA will not restart this VM at all, if so. */
  refusal(run: V): { reason: DownReason; detail: string } | undefined {
    const cluster = run.info.cluster;
    if (!cluster) return { reason: 'ha-disabled', detail: MESSAGES.noClusterNothingRestarts({}) };
    if (!cluster.ha.enabled) return { reason: 'ha-disabled', detail: MESSAGES.haOff({ cluster: cluster.id }) };
    if (run.info.priority === 'disabled') return { reason: 'restart-disabled', detail: MESSAGES.priorityDisabled({}) };
    const network = this.engine.clusterNetwork(cluster.id);
    if (network && usesQuorum(this.context.topology) && network.acting === undefined) {
      return { reason: 'no-quorum', detail: MESSAGES.noPartitionQuorum({ cluster: cluster.id }) };
    }
    if (this.context.topology.platform === 'proxmox') {
      const nodes = this.context.clusterHosts.get(cluster.id) ?? [];
      const alive = nodes.filter((h) => !this.engine.peekHost(h.host.id)?.failed).length;
      if (alive * 2 <= nodes.length) return { reason: 'ha-disabled', detail: MESSAGES.lostQuorum({ cluster: cluster.id, alive, nodes: nodes.length }) };
    }
    return undefined;
  }

  private startTier(wave: Wave<V>, index: number, cause: number): void {
    const tier = wave.tiers[index];
    if (!tier || tier.startedAt !== undefined) return;
    tier.startedAt = this.now;
    wave.parked = false;
    const ids = tier.members.map((run) => run.info.vm.id);
    tier.startedEvent = this.engine.log('tier-started', ids, MESSAGES.tierStarts({ priority: restartPriorityName(tier.priority), vms: formatList(ids) }), cause);
    for (const run of tier.members) if (run.pending?.kind === 'tier') run.pending = undefined;
    const orchestration = wave.info.cluster?.ha.orchestration;
    if (index + 1 < wave.tiers.length && orchestration) this.engine.schedule(this.now + orchestration.tierTimeoutSeconds, { kind: 'tier-timeout', wave, tier: index });
  }

  private tierTimeout(wave: Wave<V>, index: number): void {
    const tier = wave.tiers[index];
    const next = wave.tiers[index + 1];
    if (!tier || !next || next.startedAt !== undefined) return;
    tier.released = true;
    const seconds = wave.info.cluster?.ha.orchestration.tierTimeoutSeconds ?? 0;
    const event = this.engine.log('tier-timeout', tier.members.map((run) => run.info.vm.id), MESSAGES.tierTimeout({ priority: restartPriorityName(tier.priority), seconds, next: restartPriorityName(next.priority) }), tier.startedEvent);
    this.startTier(wave, index + 1, event);
    this.placePending();
  }

  /** Places every VM whose tier has started and whose dependencies are ready, then releases finished tiers; until nothing moves. */
  placePending(): void {
    // Within one pass hosts do not fail or recover: which hosts of a cluster are alive is
    // worked out once per cluster, not once per VM (a site failure leaves thousands pending).
    this.alive = new Map();
    this.reaching = new Map();
    try {
      this.placeUntilStill();
    } finally {
      this.alive = undefined;
      this.reaching = undefined;
    }
  }

  private placeUntilStill(): void {
    for (let progress = true; progress; ) {
      // A placement can ready a dependency of a VM tried earlier in this pass (ready condition
      // none, resources-allocated or powered-on): another pass tries it at the same instant.
      let placed = false;
      const waves = this.placing;
      let busy = 0;
      // Indexed: a wave added meanwhile is looked at in this pass too.
      for (let at = 0; at < waves.length; at++) {
        const wave = waves[at] as Wave<V>;
        const clusterId = wave.info.cluster?.id;
        const noHost = clusterId !== undefined && this.aliveHosts(clusterId).length === 0;
        if (wave.parked && noHost) {
          waves[busy++] = wave;
          continue;
        }
        let done = true;
        for (const tier of wave.tiers) {
          if (tier.startedAt === undefined) {
            done = false;
            break;
          }
          let kept = 0;
          for (const run of tier.open) {
            if (run.wave !== wave || !run.awaitingRestart) continue;
            if (this.tryPlace(run, tier.startedEvent)) {
              placed = true;
              tier.booting.push(run);
            } else {
              tier.open[kept++] = run;
            }
          }
          if (kept < tier.open.length) tier.open.length = kept;
          if (kept > 0) done = false;
        }
        wave.parked = noHost;
        if (!done) waves[busy++] = wave;
      }
      waves.length = busy;
      progress = this.releaseTiers() || placed;
    }
  }

  /** Places the VM if its dependencies are ready and a host takes it; whether it was placed. */
  private tryPlace(run: V, cause: number): boolean {
    const waitingFor = run.info.dependsOn.find((id) => !this.dependencyReady(id));
    if (waitingFor !== undefined) {
      this.setPending(run, { kind: 'dependency', reason: 'rule-conflict', detail: MESSAGES.waitsFor({ vm: waitingFor }) }, cause);
      return false;
    }
    const target = this.chooseHost(run);
    if ('hostId' in target) {
      this.engine.place(run, target.hostId, cause);
      return true;
    }
    this.setPending(run, { kind: 'placement', reason: target.reason, detail: target.detail }, cause);
    return false;
  }

  private setPending(run: V, pending: Pending, cause: number): void {
    const previous = run.pending;
    run.pending = pending;
    if (previous?.kind === pending.kind && previous.detail === pending.detail) return;
    this.engine.log('vm-restart-pending', [run.info.vm.id], MESSAGES.cannotRestartYet({ vm: run.info.vm.id, detail: pending.detail }), cause);
  }

  private dependencyReady(vmId: string): boolean {
    const run = this.engine.vm(vmId);
    if (!run) return true;
    if (run.status === 'running') return true;
    return run.status === 'booting' && !this.waitsForBoot(run);
  }

  /** Whether the VM's ready condition waits for its guest to boot (guest or app heartbeat). */
  private waitsForBoot(run: V): boolean {
    const condition = run.info.cluster?.ha.orchestration.readyCondition;
    return condition === 'guest-heartbeat' || condition === 'app-heartbeat';
  }

  private releaseTiers(): boolean {
    let started = false;
    const waves = this.releasing;
    let busy = 0;
    for (let at = 0; at < waves.length; at++) {
      const wave = waves[at] as Wave<V>;
      const orchestration = wave.info.cluster?.ha.orchestration;
      let unreleased = false;
      for (let index = 0; index < wave.tiers.length; index++) {
        const tier = wave.tiers[index] as Tier<V>;
        if (tier.released) continue;
        if (tier.startedAt === undefined || !this.tierReady(wave, tier)) {
          unreleased = true;
          continue;
        }
        tier.released = true;
        const next = wave.tiers[index + 1];
        if (!next || next.startedAt !== undefined) continue;
        const delay = orchestration?.postReadyDelaySeconds ?? 0;
        if (delay > 0) {
          this.engine.schedule(this.now + delay, { kind: 'tier-start', wave, tier: index + 1, cause: tier.startedEvent });
        } else {
          this.startTier(wave, index + 1, tier.startedEvent);
          started = true;
        }
      }
      // Released tiers stay released: a wave with none left is done here.
      if (unreleased) waves[busy++] = wave;
    }
    waves.length = busy;
    return started;
  }

  /**
   * Whether every member is ready or cannot be placed. A member that left the wave, or
   * is no longer booting, stays ready: it never comes back to this wave (see Tier.open),
   * so it is dropped from `booting`.
   */
  private tierReady(wave: Wave<V>, tier: Tier<V>): boolean {
    if (wave.info.cluster?.ha.orchestration.readyCondition === 'none') return true;
    for (const run of tier.open) {
      if (run.wave === wave && run.awaitingRestart && run.pending?.kind !== 'placement') return false;
    }
    let kept = 0;
    for (const run of tier.booting) {
      if (run.wave === wave && !run.awaitingRestart && run.status === 'booting' && this.waitsForBoot(run)) tier.booting[kept++] = run;
    }
    if (kept < tier.booting.length) tier.booting.length = kept;
    return kept === 0;
  }

  /** The host HA restarts a VM on (docs/design/algorithms.md#2-ha-restart-after-a-host-failure), or why there is none. */
  /** Connected hosts of a cluster that have not failed, are not isolated and are not cut off. */
  private aliveHosts(clusterId: string): readonly HostInfo[] {
    const known = this.alive?.get(clusterId);
    if (known) return known;
    const hosts = (this.context.clusterHosts.get(clusterId) ?? []).filter((h) => {
      const state = this.engine.peekHost(h.host.id);
      return h.good && !state?.failed && !state?.isolated && !state?.cutOff;
    });
    this.alive?.set(clusterId, hosts);
    return hosts;
  }

  /** The alive hosts of a cluster that reach a datastore (worked out once per pass, like aliveHosts). */
  private hostsReaching(clusterId: string, datastore: Datastore): readonly HostInfo[] {
    let ofCluster = this.reaching?.get(clusterId);
    const known = ofCluster?.get(datastore);
    if (known) return known;
    const hosts = this.aliveHosts(clusterId).filter((h) => this.engine.reaches(h.host.id, datastore));
    if (this.reaching && !ofCluster) this.reaching.set(clusterId, (ofCluster = new Map()));
    ofCluster?.set(datastore, hosts);
    return hosts;
  }

  chooseHost(run: V): Placement {
    const info = run.info;
    const cluster = info.cluster;
    if (!cluster) return { reason: 'ha-disabled', detail: MESSAGES.noCluster({}) };
    let candidates = this.aliveHosts(cluster.id);
    if (candidates.length === 0) return { reason: 'no-candidate-host', detail: MESSAGES.noConnectedHost({ cluster: cluster.id }) };
    // Each list keeps the order of the alive hosts: the first, less the hosts the others lack, is the filter of them all.
    const [first, ...rest] = info.datastores.map((datastore) => this.hostsReaching(cluster.id, datastore));
    if (first) candidates = rest.length === 0 ? first : first.filter((h) => rest.every((hosts) => hosts.includes(h)));
    if (candidates.length === 0) return { reason: 'no-storage-path', detail: MESSAGES.noStoragePath({ datastores: formatList(info.datastores.map((d) => d.id), 'and') }) };
    candidates = candidates.filter((h) => info.mustRunOn.every((group) => group.has(h.host.id)) && !info.mustNotRunOn.has(h.host.id));
    if (candidates.length === 0) return { reason: 'rule-conflict', detail: MESSAGES.rulesExclude({}) };
    if (cluster.ha.respectAntiAffinity && info.antiAffinityPeers.length > 0) {
      candidates = candidates.filter((h) => !info.antiAffinityPeers.some((peers) => peers.some((peer) => this.currentHost(peer) === h.host.id)));
      if (candidates.length === 0) return { reason: 'rule-conflict', detail: MESSAGES.antiAffinity({}) };
    }
    // The roomiest host that takes the VM, a failover host first (the first of equals wins);
    // if none takes it, the roomiest by memory says why.
    const admission = cluster.ha.admissionControl;
    const failoverHosts = admission.policy === 'failover-hosts' ? (admission.failoverHosts ?? []) : [];
    let roomiest: FreeRoom | undefined;
    let best: { readonly host: HostInfo; readonly room: FreeRoom; readonly preferred: boolean } | undefined;
    for (const h of candidates) {
      const load = this.engine.load(h.host.id);
      const room = { cpuMHz: h.capacity.cpuMHz - load.cpuMHz, memoryMB: h.capacity.memoryMB - load.reservedMemoryMB, vmCount: load.vmCount };
      if (!roomiest || room.memoryMB > roomiest.memoryMB) roomiest = room;
      if (!fits(info.demand, room, h.host.maxVms)) continue;
      const preferred = failoverHosts.includes(h.host.id);
      if (!best || (preferred && !best.preferred) || (preferred === best.preferred && roomier(room, best.room))) best = { host: h, room, preferred };
    }
    if (best) return { hostId: best.host.host.id };
    const room = roomiest as FreeRoom;
    return {
      reason: 'no-capacity',
      detail: MESSAGES.insufficient({ cpuMHz: info.demand.cpuMHz, memoryMB: info.demand.reservedMemoryMB, freeCpuMHz: room.cpuMHz, freeMemoryMB: room.memoryMB }),
    };
  }

  private currentHost(vmId: string): string | undefined {
    const run = this.engine.vm(vmId);
    if (run) return run.status === 'down' ? undefined : run.host;
    const info = this.context.vms.get(vmId);
    return info && info.vm.power === 'on' && this.context.hosts.has(info.vm.host) ? info.vm.host : undefined;
  }
}

/** More free memory, or as much and more free CPU. */
function roomier(room: FreeRoom, than: FreeRoom): boolean {
  return room.memoryMB > than.memoryMB || (room.memoryMB === than.memoryMB && room.cpuMHz > than.cpuMHz);
}
