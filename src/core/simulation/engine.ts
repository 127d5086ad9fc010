/**
 * The failover engine: a discrete-event simulation of what HA does when hosts, storage
 * paths or arrays fail (docs/design/algorithms.md#2-ha-restart-after-a-host-failure, docs/design/domain.md#failure-and-migration-behaviour).
 * Time advances by events on one queue (event-queue.ts); every state change is logged
 * with its time and the index of the event that caused it; the per-VM outcomes, host
 * utilization and summary are read off the final state. No clock, no randomness: the
 * same design and scenario give the same result.
 *
 * What it models, in the order things happen:
 * - A host failure: its VMs stop at once (their memory is gone: HA restarts, it never
 *   migrates, docs/design/domain.md#ha-restarts-it-does-not-migrate). After the cluster's failureTimeoutSeconds (vSphere 15 s)
 *   the host is declared failed and its VMs are restarted.
 * - An isolated host (management network lost) that still reaches a heartbeat datastore is
 *   not failed: its VMs keep running, unless the isolation response (power-off, shutdown)
 *   runs after isolationTimeoutSeconds + isolationResponseDelaySeconds (30 s + 30 s); then
 *   HA restarts them. A guest shutdown is counted as instant (assumption). An isolated host
 *   that reaches none of its heartbeat datastores is treated as failed.
 * - Restarts run in waves, one per declared host (or per isolation response, or per VM
 *   Component Protection termination). A wave's VMs form tiers by restart priority,
 *   highest first; a tier starts when the tier above is ready (orchestration.readyCondition:
 *   none = at once; resources-allocated and powered-on = when placed, power-on being
 *   immediate; guest-heartbeat and app-heartbeat = when booted), plus
 *   postReadyDelaySeconds, or when the tier above has waited tierTimeoutSeconds (600 s).
 *   A VM that could not be placed does not hold its tier back. At one instant, earlier
 *   waves place first: the first failed host's VMs before the second's (docs/design/algorithms.md#2-ha-restart-after-a-host-failure).
 * - Restart dependencies: a VM waits until each VM it depends on is ready (same ready
 *   condition). These are hard rules (vSphere VM-to-VM rules): no timeout. A dependency
 *   powered off in the design is ignored.
 * - Placement (docs/design/algorithms.md#2-ha-restart-after-a-host-failure): candidates are the hosts of the VM's cluster that are
 *   connected, not failed and not isolated; that reach every datastore of the VM through
 *   the storage network with the failed elements removed; that satisfy its must-run-on and
 *   must-not-run-on rules; that run none of its anti-affinity peers (when the cluster's
 *   respectAntiAffinity is on; HA knows rules, not guest clusters); and that have unreserved
 *   CPU >= its CPU reservation and unreserved memory >= reservation + overhead (vmDemand)
 *   and fewer VMs than maxVms. Dedicated failover hosts come first (docs/design/algorithms.md#13-dedicated-failover-hosts).
 *   Among candidates the most unreserved one wins: most unreserved memory, then most
 *   unreserved CPU, then file order. Should rules and VM-VM affinity are not considered by
 *   HA restarts (DRS fixes them later). No candidate: the VM stays down ("insufficient
 *   resources", with the reason of the filter that emptied the list) and is retried
 *   whenever something recovers or frees capacity.
 * - Boot: a placed VM powers on at once and is ready after bootSeconds (else the cluster's
 *   orchestration.vmBootSeconds, 60 s). Downtime = from the failure to ready.
 * - FT and replicas: when the primary's host fails and the secondary's host is alive and
 *   reaches the VM's storage, the secondary takes over after FT_TAKEOVER_SECONDS (1 s) or
 *   REPLICA_TAKEOVER_SECONDS (10 s); both are reported as 'ft-takeover' (the event message
 *   says which). Otherwise the VM is restarted like any other. A running FT secondary holds
 *   its resources on its host from the start (context baseline), so its takeover charges
 *   that host nothing more; a replica is charged when it takes over.
 * - Guest clusters: when a node goes down and a partner node runs on another live host, the
 *   partner takes the application over after GUEST_CLUSTER_TAKEOVER_SECONDS (failover
 *   10 s, NLB 5 s). The outcome is 'guest-cluster-takeover' with the application's downtime;
 *   HA still restarts the failed node if it is protected, reported in nodeRestartedOn and in
 *   the event log.
 * - Storage failures: per (host, datastore) a VM relies on, whether any path remains
 *   (reachesDatastore over the analyzer's storage network). Paths lost but some left:
 *   'path-failover' (MPIO / ALUA), VMs 'kept-running' with a note. Every path lost:
 *   'permanent-device-loss' when the datastore itself failed (the live array reports it
 *   gone), else 'all-paths-down', a failed array included (it cannot send the sense codes
 *   PDL needs: vSphere Storage, "Permanent Device Loss and All-Paths-Down"); the VMs
 *   hang. VM Component Protection: PDL restart-aggressive
 *   terminates and restarts at once; APD restart-* terminates after apdTimeoutSeconds +
 *   apdFailoverDelaySeconds (140 s + 180 s). Aggressive terminates even when no host can
 *   take the VM (it then stays down, retried later); conservative terminates only when a
 *   host that reaches the datastore has room for it, else leaves it hung. Disabled and
 *   warning leave VMs hung (down, no-storage-path) until the paths return, when I/O resumes.
 * - Platforms: Hyper-V (High/Medium/Low/No Auto Start), XenServer (restart,
 *   restart-if-possible, do-not-restart with start order) and Proxmox priorities are
 *   written with vSphere's six names (format.ts, docs/format.md) and run the same way;
 *   admission control is not consulted by restarts on any platform (it governs power-on).
 *   Proxmox VE restarts only while the cluster keeps quorum: more than half of its nodes
 *   alive (corosync votes).
 */

import { heartbeatNetworks, uplinkState, vmNetworksOnHost, type HostNetwork } from '../analysis/lan-network';
import { datastoresUsedByClusters } from '../analysis/storage-network';
import { fits } from '../capacity/fits';
import type { Cluster, Datastore, Topology } from '../model/topology';
import { addLoad, emptyLoad, pairKey, pairsCutBy, simulationContext, type HostInfo, type Load, type SimulationContext, type VmInfo } from './context';
import { EventQueue } from './event-queue';
import { clusterLanModelled, clusterNetworkState, electPrimary, usesQuorum, type ClusterNetworkState } from './network-state';
import {
  DEFAULT_FAILURE_TIMEOUT_SECONDS,
  DEFAULT_HORIZON_SECONDS,
  FT_TAKEOVER_SECONDS,
  GUEST_CLUSTER_TAKEOVER_SECONDS,
  REPLICA_TAKEOVER_SECONDS,
} from './timings';
import type {
  ComponentRef,
  DownReason,
  HostUtilization,
  Scenario,
  ScenarioStep,
  SimulationEvent,
  SimulationEventKind,
  SimulationResult,
  SimulationSummary,
  VmOutcome,
  VmResult,
} from './types';
import { cableIndex } from '../model/cable-id';

/** A scenario in which one host fails at time 0. */
export function hostFailureScenario(hostId: string, atSeconds = 0): Scenario {
  return { name: `host ${hostId} fails`, steps: [{ action: 'fail', target: { kind: 'host', id: hostId }, atSeconds }] };
}

/** A scenario in which one component (switch, adapter, port, link, controller, array, datastore, host) fails at time 0. */
export function componentFailureScenario(target: ComponentRef, atSeconds = 0): Scenario {
  return { name: `${target.kind} ${target.id} fails`, steps: [{ action: 'fail', target, atSeconds }] };
}

/** Runs a scenario on a design: the event log, every VM's outcome, host utilization and a summary. */
export function simulateScenario(topology: Topology, scenario: Scenario): SimulationResult {
  const context = simulationContext(topology);
  const run = new FailoverSimulation(context, scenario, 'full').run();
  const touched = new Map(run.vms.map((vm) => [vm.vmId, vm]));
  const vms: VmResult[] = topology.vms.map(
    (vm) => touched.get(vm.id) ?? { vmId: vm.id, host: vm.host, outcome: { kind: 'unaffected' }, downtimeSeconds: 0 },
  );
  return { scenario, events: run.events, vms, hosts: run.hosts(), summary: summarize(vms) };
}

/** The VMs a scenario touched, with the final loads: what the sweep needs, without the untouched rest. */
export interface ScenarioImpact {
  readonly events: readonly SimulationEvent[];
  /** Affected VMs only, in file order. */
  readonly vms: readonly VmResult[];
  readonly failedHosts: readonly string[];
  hosts(): HostUtilization[];
}

/**
 * Runs a scenario against a shared context. `impact` skips the path counting that only
 * feeds 'path-failover' events and, for a single storage failure, looks only at the pairs
 * that element cuts (context.pairsCutBy), so a sweep costs what each failure touches.
 */
export function runScenario(context: SimulationContext, scenario: Scenario, detail: 'full' | 'impact' = 'full'): ScenarioImpact {
  return new FailoverSimulation(context, scenario, detail).run();
}

export function summarize(vms: readonly VmResult[]): SimulationSummary {
  let vmsAffected = 0;
  let vmsRestarted = 0;
  let vmsTakenOver = 0;
  let vmsDown = 0;
  let vmsUnreachable = 0;
  let longestDowntimeSeconds = 0;
  let totalDowntimeSeconds = 0;
  for (const vm of vms) {
    const kind = vm.outcome.kind;
    if (kind !== 'unaffected') vmsAffected += 1;
    if (kind === 'restarted') vmsRestarted += 1;
    if (kind === 'ft-takeover' || kind === 'guest-cluster-takeover') vmsTakenOver += 1;
    if (kind === 'down') vmsDown += 1;
    if (kind === 'unreachable') vmsUnreachable += 1;
    longestDowntimeSeconds = Math.max(longestDowntimeSeconds, vm.downtimeSeconds);
    totalDowntimeSeconds += vm.downtimeSeconds;
  }
  return { vmsAffected, vmsRestarted, vmsTakenOver, vmsDown, vmsUnreachable, longestDowntimeSeconds, totalDowntimeSeconds };
}

// ------------------------------------------------------------------------ state

type VmStatus = 'running' | 'booting' | 'hung' | 'down';

interface Pending {
  readonly kind: 'placement' | 'dependency' | 'tier';
  readonly reason: DownReason;
  readonly detail: string;
}

interface VmRun {
  readonly info: VmInfo;
  status: VmStatus;
  /** Host holding the VM's resources (running, booting or hung). */
  host: string | undefined;
  /** Bumped on every status change: stale scheduled actions compare it. */
  epoch: number;
  /** Bumped when a service outage starts. */
  outage: number;
  /** Start of the current service outage, while the service is down. */
  downSince: number | undefined;
  /** Start of the latest outage of the VM itself. */
  outageStart: number;
  downtimeSeconds: number;
  awaitingRestart: boolean;
  /** Waiting for its host to be declared failed (or its takeover to fail). */
  awaitingDeclaration: boolean;
  takeoverPending: boolean;
  wave: Wave | undefined;
  pending: Pending | undefined;
  /** Why the VM is down and HA will not restart it (until something changes). */
  stopped: { readonly reason: DownReason; readonly detail: string } | undefined;
  restart: { host: string; downAt: number; poweredOnAt: number; readyAt: number } | undefined;
  takeover: { readonly host: string; readonly downtimeSeconds: number } | undefined;
  guestTakeover: { readonly partner: string; readonly downtimeSeconds: number } | undefined;
  /** Running but its VM network has no uplink left (on the host it runs on). */
  unreachable: { readonly networks: readonly string[]; readonly since: number } | undefined;
  notes: string[];
}

interface HostRun {
  readonly info: HostInfo;
  failed: boolean;
  isolated: boolean;
  /** Cut off from the partition that restarts VMs (or, on quorum platforms, without quorum): not a restart target. */
  cutOff: boolean;
  epoch: number;
  load: Load;
}

interface Tier {
  readonly priority: string;
  readonly members: VmRun[];
  startedAt: number | undefined;
  startedEvent: number;
  released: boolean;
}

interface Wave {
  readonly index: number;
  readonly info: VmInfo;
  readonly tiers: Tier[];
}

type Action =
  | { readonly kind: 'step'; readonly step: ScenarioStep }
  | { readonly kind: 'declare-failed'; readonly hostId: string; readonly epoch: number; readonly cause: number; readonly vms: readonly VmRun[] }
  | { readonly kind: 'declare-isolated'; readonly hostId: string; readonly epoch: number; readonly cause: number; readonly lostAt: number; readonly primary: boolean }
  | { readonly kind: 'isolation-response'; readonly hostId: string; readonly epoch: number; readonly cause: number }
  | { readonly kind: 'powered-off'; readonly run: VmRun; readonly outage: number; readonly cause: number }
  | { readonly kind: 'quorum-stop'; readonly hostId: string; readonly epoch: number; readonly cause: number }
  | { readonly kind: 'takeover'; readonly run: VmRun; readonly outage: number; readonly cause: number; readonly via: 'ft' | 'replica'; readonly host: string }
  | { readonly kind: 'guest-takeover'; readonly run: VmRun; readonly outage: number; readonly cause: number; readonly partner: string; readonly lostHost: string }
  | { readonly kind: 'booted'; readonly run: VmRun; readonly epoch: number; readonly cause: number }
  | { readonly kind: 'tier-timeout'; readonly wave: Wave; readonly tier: number }
  | { readonly kind: 'tier-start'; readonly wave: Wave; readonly tier: number; readonly cause: number }
  | { readonly kind: 'vmcp-terminate'; readonly run: VmRun; readonly epoch: number; readonly cause: number; readonly policy: 'restart-conservative' | 'restart-aggressive' };

interface PairChange {
  readonly hostId: string;
  readonly datastore: Datastore;
  readonly runs: readonly VmRun[];
  readonly was: boolean;
  readonly is: boolean;
  readonly pathsBefore: number;
  readonly pathsAfter: number;
}

type Placement = { readonly hostId: string } | { readonly reason: DownReason; readonly detail: string };

class FailoverSimulation {
  private now = 0;
  private readonly horizon: number;
  private readonly queue = new EventQueue<Action>();
  private readonly events: SimulationEvent[] = [];
  private readonly runs = new Map<string, VmRun>();
  private readonly hostRuns = new Map<string, HostRun>();
  /** Touched VMs by the host holding them. */
  private readonly hosted = new Map<string, Set<VmRun>>();
  private readonly waves: Wave[] = [];
  private readonly failed = new Set<string>();
  private reachCache = new Map<string, boolean>();
  /** Network state of each cluster whose LAN is modelled, as of the last change. */
  private readonly clusterNetworks = new Map<string, ClusterNetworkState>();
  /** The HA primary of each cluster (vSphere), elected when first needed. */
  private readonly primaries = new Map<string, string>();

  constructor(
    private readonly context: SimulationContext,
    private readonly scenario: Scenario,
    private readonly detail: 'full' | 'impact',
  ) {
    this.horizon = scenario.horizonSeconds ?? DEFAULT_HORIZON_SECONDS;
  }

  run(): ScenarioImpact {
    const steps = [...this.scenario.steps].sort((a, b) => a.atSeconds - b.atSeconds);
    for (const step of steps) this.queue.push(Math.max(0, step.atSeconds), { kind: 'step', step });
    for (;;) {
      const next = this.queue.peekTime();
      if (next === undefined || next > this.horizon) break;
      const entry = this.queue.pop();
      if (!entry) break;
      this.now = entry.timeSeconds;
      this.handle(entry.item);
    }
    this.now = this.horizon;
    const vms = [...this.runs.values()].sort((a, b) => a.info.order - b.info.order).map((run) => this.result(run));
    const failedHosts = [...this.hostRuns.values()].filter((h) => h.failed).map((h) => h.info.host.id);
    return { events: this.events, vms, failedHosts, hosts: () => this.utilization() };
  }

  // ---------------------------------------------------------------- dispatch

  private handle(action: Action): void {
    switch (action.kind) {
      case 'step':
        return this.step(action.step);
      case 'declare-failed':
        return this.declareFailed(action);
      case 'declare-isolated':
        return this.declareIsolated(action);
      case 'isolation-response':
        return this.isolationResponse(action);
      case 'powered-off':
        if (action.run.outage === action.outage && action.run.status === 'down' && !action.run.takeoverPending) this.restart([action.run], action.cause);
        return;
      case 'quorum-stop':
        return this.quorumStop(action);
      case 'takeover':
        return this.takeover(action);
      case 'guest-takeover':
        return this.guestTakeover(action);
      case 'booted':
        return this.booted(action);
      case 'tier-timeout':
        return this.tierTimeout(action.wave, action.tier);
      case 'tier-start':
        this.startTier(action.wave, action.tier, action.cause);
        return this.placePending();
      case 'vmcp-terminate':
        return this.vmcpTerminate(action);
    }
  }

  private step(step: ScenarioStep): void {
    if (step.action === 'isolate') return this.isolate(step.host);
    const { target } = step;
    const known = this.isKnown(target);
    const name = `${target.kind} ${target.id}`;
    if (step.action === 'fail') {
      const cause = this.log('component-failed', [target.id], known ? `${name} fails.` : `${name} fails (not in the design: nothing depends on it).`);
      if (target.kind === 'host') {
        if (this.context.hosts.has(target.id)) this.failHost(target.id, cause);
        return;
      }
      if (this.failed.has(target.id)) return;
      const before = new Set(this.failed);
      this.failed.add(target.id);
      this.storageChanged(before, cause);
      return this.networkChanged(before, cause, target.id);
    }
    const cause = this.log('component-recovered', [target.id], `${name} is back.`);
    if (target.kind === 'host') {
      const host = this.context.hosts.has(target.id) ? this.hostRun(target.id) : undefined;
      if (host) {
        host.failed = false;
        host.isolated = false;
        host.cutOff = false;
        host.epoch += 1;
      }
      return this.placePending();
    }
    if (!this.failed.has(target.id)) return;
    const before = new Set(this.failed);
    this.failed.delete(target.id);
    this.storageChanged(before, cause);
    this.networkChanged(before, cause, target.id);
  }

  private isKnown(target: ComponentRef): boolean {
    if (target.kind === 'link') {
      const index = cableIndex(target.id);
      return index !== undefined && index < this.context.topology.links.length;
    }
    return this.context.topology.declarations.has(target.id) || this.context.network.elements.has(target.id) || this.context.lan.elements.has(target.id);
  }

  // ----------------------------------------------------------- host failures

  private failHost(hostId: string, cause: number): void {
    const host = this.hostRun(hostId);
    if (host.failed) return;
    host.failed = true;
    host.epoch += 1;
    const down: VmRun[] = [];
    for (const run of this.residents(hostId)) {
      const event = this.goDown(run, cause, `${run.info.vm.id} stops with ${hostId}: its memory is lost; ${this.whatComesNext(run, hostId)}`);
      run.awaitingDeclaration = true;
      this.scheduleTakeovers(run, event, hostId);
      down.push(run);
    }
    const detection = host.info.cluster?.ha.detection;
    const timeout = detection?.failureTimeoutSeconds ?? DEFAULT_FAILURE_TIMEOUT_SECONDS;
    this.queue.push(this.now + timeout, { kind: 'declare-failed', hostId, epoch: host.epoch, cause, vms: down });
    this.placePending();
  }

  /** What follows for a VM whose host died, in words for its vm-down event. */
  private whatComesNext(run: VmRun, lostHost: string): string {
    const vm = run.info.vm;
    if ((vm.protection === 'ft' || vm.protection === 'replica') && vm.secondaryHost !== undefined && vm.secondaryHost !== lostHost && this.canRunOn(run, vm.secondaryHost)) {
      return `its ${vm.protection === 'ft' ? 'FT secondary' : 'replica'} on ${vm.secondaryHost} takes over.`;
    }
    const refusal = this.refusal(run);
    if (refusal) return `HA will not restart it: ${refusal.detail}`;
    return 'HA restarts it on another host once this one is declared failed (a failed host\'s VMs are restarted, never migrated).';
  }

  private declareFailed(action: Extract<Action, { kind: 'declare-failed' }>): void {
    const host = this.hostRun(action.hostId);
    let cause = action.cause;
    if (host.failed && host.epoch === action.epoch) {
      const seconds = this.now - (this.events[action.cause]?.timeSeconds ?? this.now);
      cause = this.log('host-declared-failed', [action.hostId], `${action.hostId} is declared failed after ${seconds} s without heartbeats (failureTimeoutSeconds).`, action.cause);
    }
    const restart: VmRun[] = [];
    for (const run of action.vms) {
      if (!run.awaitingDeclaration) continue;
      run.awaitingDeclaration = false;
      if (run.status === 'down' && !run.takeoverPending) restart.push(run);
    }
    this.restart(restart, cause);
  }

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
  private isolate(hostId: string, cause?: number): void {
    const info = this.context.hosts.get(hostId);
    if (!info) {
      this.log('host-isolated', [hostId], `host ${hostId} is isolated (not in the design: nothing depends on it).`, cause);
      return;
    }
    const host = this.hostRun(hostId);
    if (host.failed || host.isolated) return;
    const primary = info.cluster !== undefined && this.primaryOf(info.cluster.id) === hostId;
    const lost = this.log('heartbeats-lost', [hostId], `${hostId} exchanges no HA heartbeats with the other hosts and reaches none of its isolation addresses.`, cause);
    if (!this.writesDatastoreHeartbeats(info)) {
      const event = this.log('host-isolated', [hostId], `${hostId} loses its management network and reaches none of its heartbeat datastores: HA treats it as failed.`, lost);
      return this.failHost(hostId, event);
    }
    host.isolated = true;
    host.cutOff = true;
    host.epoch += 1;
    const detection = info.cluster?.ha.detection;
    const delay = primary ? (detection?.primaryIsolationTimeoutSeconds ?? 5) : (detection?.isolationTimeoutSeconds ?? 30);
    this.queue.push(this.now + delay, { kind: 'declare-isolated', hostId, epoch: host.epoch, cause: lost, lostAt: this.now, primary });
  }

  private declareIsolated(action: Extract<Action, { kind: 'declare-isolated' }>): void {
    const host = this.hostRun(action.hostId);
    if (!host.isolated || host.failed || host.epoch !== action.epoch) return;
    const ha = host.info.cluster?.ha;
    const response = ha?.enabled ? ha.isolationResponse : 'none';
    const role = action.primary ? 'as the HA primary' : 'as a secondary';
    const cause = this.log(
      'host-isolated',
      [action.hostId],
      `${action.hostId} declares itself isolated ${this.now - action.lostAt} s after its heartbeats stopped (${role}); it still writes datastore heartbeats, so the other hosts know it is isolated, not failed.`,
      action.cause,
    );
    if (response === 'none' || !ha) {
      this.log('isolation-response', [action.hostId], `Isolation response of ${action.hostId}: leave powered on. Its VMs keep running there and HA restarts none of them.`, cause);
      for (const run of this.residents(action.hostId)) run.notes.push(`host ${action.hostId} isolated (event ${cause}); isolation response none: the VM keeps running.`);
      return;
    }
    this.queue.push(this.now + ha.detection.isolationResponseDelaySeconds, { kind: 'isolation-response', hostId: action.hostId, epoch: host.epoch, cause });
  }

  private writesDatastoreHeartbeats(info: HostInfo): boolean {
    const configured = (info.cluster?.ha.heartbeatDatastores ?? []).map((id) => this.context.topology.datastore(id)).filter((d): d is Datastore => d !== undefined);
    const datastores = configured.length > 0 ? configured : [...new Set(this.residents(info.host.id).flatMap((run) => run.info.datastores))];
    // Nothing to judge by: assume the host writes heartbeats (vSphere always picks some).
    if (datastores.length === 0) return true;
    return datastores.some((datastore) => this.reaches(info.host.id, datastore));
  }

  private isolationResponse(action: Extract<Action, { kind: 'isolation-response' }>): void {
    const host = this.hostRun(action.hostId);
    if (!host.isolated || host.failed || host.epoch !== action.epoch) return;
    const ha = host.info.cluster?.ha;
    const response = ha?.isolationResponse ?? 'none';
    const timeout = ha?.isolationShutdownTimeoutSeconds ?? 300;
    const what = response === 'shutdown' ? `shuts down its VMs (powered off after at most ${timeout} s)` : 'powers off its VMs';
    const cause = this.log('isolation-response', [action.hostId], `${action.hostId} runs its isolation response: it ${what}; HA restarts each elsewhere once it is off.`, action.cause);
    const down: VmRun[] = [];
    for (const run of this.residents(action.hostId)) {
      if (run.info.priority === 'disabled') {
        run.notes.push(`restart priority disabled: the isolation response of ${action.hostId} leaves it running.`);
        continue;
      }
      const event = this.goDown(run, cause, `${run.info.vm.id} is ${response === 'shutdown' ? 'shut down' : 'powered off'} by the isolation response of ${action.hostId}.`);
      this.scheduleTakeovers(run, event, action.hostId);
      if (run.takeoverPending) continue;
      if (response === 'shutdown') {
        const seconds = Math.min(run.info.vm.shutdownSeconds ?? timeout, timeout);
        this.queue.push(this.now + seconds, { kind: 'powered-off', run, outage: run.outage, cause: event });
      } else {
        down.push(run);
      }
    }
    this.restart(down, cause);
  }

  /** The HA primary of a cluster: the one elected before the scenario (baselinePrimary) while it is alive and not isolated, else re-elected among the rest. */
  private primaryOf(clusterId: string): string | undefined {
    const alive = (id: string) => !this.hostRuns.get(id)?.failed && !this.hostRuns.get(id)?.isolated;
    const known = this.primaries.get(clusterId) ?? baselinePrimary(this.context, clusterId);
    if (known !== undefined && alive(known)) return known;
    const cluster = this.context.topology.cluster(clusterId);
    if (!cluster) return undefined;
    const candidates = (this.context.clusterHosts.get(clusterId) ?? []).filter((h) => h.good && alive(h.host.id)).map((h) => h.host.id);
    const datastores = datastoresUsedByClusters(this.context.topology).get(clusterId) ?? [];
    const primary = electPrimary(cluster, candidates, (hostId) => datastores.filter((d) => this.reaches(hostId, d)).length);
    if (primary !== undefined) this.primaries.set(clusterId, primary);
    return primary;
  }

  // ----------------------------------------------------------------- network

  /**
   * After a LAN element failed or came back: teaming failovers and lost networks on the
   * hosts that use it, VMs whose network is gone or back, and each affected cluster's
   * partitions (isolation, partition, quorum). A switch, stack or inter-switch link can
   * split any cluster; anything else only the clusters of the hosts that use it.
   */
  private networkChanged(before: ReadonlySet<string>, cause: number, elementId: string): void {
    const lan = this.context.lan;
    const element = lan.elements.get(elementId);
    if (!element) return;
    const users = this.context.lanUsers.get(elementId) ?? new Set<string>();
    for (const hostId of users) {
      if (this.hostRuns.get(hostId)?.failed) continue;
      for (const network of lan.hostNetworks.get(hostId) ?? []) if (!network.sharedWithVmkernel) this.teamingChanged(network, before, cause);
      this.checkVmNetworks(hostId, cause);
    }
    const global = element.kind === 'switch' || element.kind === 'inter-switch-link' || element.kind === 'stack';
    // A host's own part (port, card, cable, virtual switch) can only move that host: if its heartbeats reach the same switches, no cluster changes.
    const moved = global ? [] : [...users].filter((id) => this.heartbeatReachChanged(id, before));
    const clusters = global
      ? this.context.topology.clusters.map((c) => c.id)
      : [...new Set(moved.map((id) => this.context.hosts.get(id)?.cluster?.id).filter((id): id is string => id !== undefined))];
    for (const clusterId of clusters) this.clusterNetworkChanged(clusterId, before, cause);
    this.placePending();
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
    const label = `${network.hostId} ${network.kind === 'ports' ? `${network.name} network` : network.name}`;
    if (is.length === 0 && was.length > 0) {
      this.log('network-lost', [network.hostId, network.id], `${label} has no uplink left (${was.join(', ')} down).`, cause);
    } else if (was.length === 0 && is.length > 0) {
      this.log('network-restored', [network.hostId, network.id], `${label} is back on ${is.join(', ')}.`, cause);
    } else if (this.detail === 'full') {
      this.log('teaming-failover', [network.hostId, network.id], `${label} now uses ${is.join(', ')} (was ${was.join(', ')}): NIC teaming fails over, nothing else happens.`, cause);
    }
  }

  /** The networks of a VM on a host and whether each still has an uplink carrying traffic; empty when the design does not say. */
  private vmNetworkDown(run: VmRun, hostId: string): string[] {
    const { found } = vmNetworksOnHost(this.context.lan, hostId, run.info.vm.networks);
    return found.filter((network) => uplinkState(this.context.lan, network, this.failed).carrying.length === 0).map((network) => network.name);
  }

  private checkVmNetworks(hostId: string, cause: number): void {
    for (const run of this.residents(hostId)) {
      if (run.status !== 'running' && run.status !== 'booting') continue;
      this.updateReachability(run, hostId, cause);
    }
  }

  private updateReachability(run: VmRun, hostId: string, cause: number): void {
    const down = this.vmNetworkDown(run, hostId);
    if (down.length > 0 && run.unreachable === undefined) {
      run.unreachable = { networks: down, since: this.now };
      if (run.downSince === undefined) run.downSince = this.now;
      this.log('vm-unreachable', [run.info.vm.id, hostId], `${run.info.vm.id} keeps running on ${hostId} but its network ${down.join(', ')} has no uplink: users cannot reach it, and HA does not act on a lost VM network.`, cause);
    } else if (down.length === 0 && run.unreachable !== undefined) {
      run.notes.push(`unreachable from ${run.unreachable.since} s to ${this.now} s while its network had no uplink.`);
      run.unreachable = undefined;
      if (run.status === 'running') this.endOutage(run);
      this.log('vm-reachable', [run.info.vm.id, hostId], `${run.info.vm.id} is reachable again on ${hostId}.`, cause);
    }
  }

  private clusterNetworkChanged(clusterId: string, before: ReadonlySet<string>, cause: number): void {
    const topology = this.context.topology;
    const cluster = topology.cluster(clusterId);
    const members = this.context.clusterHosts.get(clusterId) ?? [];
    if (!cluster || !clusterLanModelled(topology, this.context.lan, members.map((h) => h.host.id))) return;
    const untouched = before.size === 0 && this.hostRuns.size === 0;
    const previous = this.clusterNetworks.get(clusterId) ?? (untouched ? baselineNetworkState(this.context, cluster, () => this.networkState(cluster, before)) : this.networkState(cluster, before));
    const next = this.networkState(cluster, this.failed);
    this.clusterNetworks.set(clusterId, next);
    if (usesQuorum(topology)) return this.quorumChanged(clusterId, previous, next, cause);
    const acting = next.acting === undefined ? [] : (next.partitions[next.acting] ?? []);
    for (const info of members) {
      const id = info.host.id;
      const host = this.hostRuns.get(id);
      if (host?.failed || !info.good) continue;
      const wasIsolated = previous.isolated.has(id);
      const isIsolated = next.isolated.has(id);
      if (isIsolated && !wasIsolated) this.isolate(id, cause);
      else if (!isIsolated && wasIsolated) this.rejoin(id, cause);
      if (!isIsolated) this.hostRun(id).cutOff = !acting.includes(id);
    }
    const shape = (state: ClusterNetworkState) => state.partitions.filter((group) => !group.every((id) => state.isolated.has(id))).map((group) => group.join(',')).join(' | ');
    if (shape(previous) === shape(next)) return;
    const groups = next.partitions.filter((group) => !group.every((id) => next.isolated.has(id)));
    if (groups.length > 1) {
      const list = groups.map((group) => `{${group.join(', ')}}`).join(' and ');
      const event = this.log(
        'network-partition',
        groups.flat(),
        `Cluster ${clusterId} splits into partitions ${list}: each elects a primary of its own and its VMs keep running; only the partition with ${this.primaryOf(clusterId) ?? 'the primary'} restarts VMs of failed hosts.`,
        cause,
      );
      const logged = this.events[event];
      if (logged) this.events[event] = { ...logged, partition: { groups, ...(acting.length > 0 ? { acting } : {}) } };
      for (const group of groups) {
        if (group === acting) continue;
        for (const id of group) {
          const info = this.context.hosts.get(id);
          if (info && !this.writesDatastoreHeartbeats(info)) this.failHost(id, this.log('host-declared-failed', [id], `${id} is cut off and writes no datastore heartbeat: the primary treats it as failed.`, event));
        }
      }
    } else if (shape(previous).includes(' | ')) {
      this.log('network-restored', [clusterId], `Cluster ${clusterId} is one partition again.`, cause);
    }
  }

  private networkState(cluster: Cluster, failed: ReadonlySet<string>): ClusterNetworkState {
    const members = this.context.clusterHosts.get(cluster.id) ?? [];
    return clusterNetworkState({
      topology: this.context.topology,
      lan: this.context.lan,
      cluster,
      hosts: members.map((h) => ({ id: h.host.id, alive: h.good && !this.hostRuns.get(h.host.id)?.failed })),
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
    const host = this.hostRun(hostId);
    if (!host.isolated) return;
    host.isolated = false;
    host.cutOff = false;
    host.epoch += 1;
    this.log('network-restored', [hostId], `${hostId} exchanges heartbeats again and rejoins its cluster; a pending isolation response is cancelled.`, cause);
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
      const host = this.hostRuns.get(id);
      if (host?.failed || !info.good) continue;
      const had = previous.partitionOf.has(id) && !previous.withoutQuorum.has(previous.partitionOf.get(id) as number);
      const has = next.partitionOf.has(id) && !next.withoutQuorum.has(next.partitionOf.get(id) as number);
      if (had === has) continue;
      const run = this.hostRun(id);
      run.epoch += 1;
      run.cutOff = !has;
      if (has) {
        this.log('network-restored', [id], `${id} is back in a partition with quorum.`, cause);
        continue;
      }
      const ha = info.cluster?.ha;
      const delay = platform === 'hyperv' ? (ha?.detection.failureTimeoutSeconds ?? 10) + (ha?.resiliencyPeriodSeconds ?? 240) : (ha?.fencingDelaySeconds ?? 60);
      const partition = next.partitions[next.partitionOf.get(id) as number] ?? [id];
      const then =
        platform === 'hyperv'
          ? `its cluster service stops; its VMs run unmonitored for ${ha?.resiliencyPeriodSeconds ?? 240} s (VM compute resiliency) after the node is removed at ${ha?.detection.failureTimeoutSeconds ?? 10} s, then are turned off`
          : `its watchdog fences (resets) it after ${delay} s`;
      const event = this.log('quorum-lost', [id], `${id} is in partition {${partition.join(', ')}}, which has no quorum: ${then}.`, cause);
      this.queue.push(this.now + delay, { kind: 'quorum-stop', hostId: id, epoch: run.epoch, cause: event });
    }
  }

  private quorumStop(action: Extract<Action, { kind: 'quorum-stop' }>): void {
    const host = this.hostRun(action.hostId);
    if (host.failed || host.epoch !== action.epoch || !host.cutOff) return;
    const fenced = this.context.topology.platform !== 'hyperv';
    const cause = fenced
      ? this.log('host-fenced', [action.hostId], `${action.hostId} is fenced by its watchdog: it resets, and its HA services are recovered where there is quorum.`, action.cause)
      : this.log('resiliency-expired', [action.hostId], `The resiliency period of ${action.hostId} is over: its VMs are turned off and started where there is quorum.`, action.cause);
    if (fenced) {
      host.failed = true;
      host.epoch += 1;
    }
    const down: VmRun[] = [];
    for (const run of this.residents(action.hostId)) {
      const event = this.goDown(run, cause, `${run.info.vm.id} stops with ${action.hostId} (${fenced ? 'fenced' : 'no quorum'}).`);
      this.scheduleTakeovers(run, event, action.hostId);
      if (!run.takeoverPending) down.push(run);
    }
    this.restart(down, cause);
  }

  // --------------------------------------------------------------- takeovers

  private scheduleTakeovers(run: VmRun, cause: number, lostHost: string): void {
    const vm = run.info.vm;
    if ((vm.protection === 'ft' || vm.protection === 'replica') && vm.secondaryHost !== undefined && vm.secondaryHost !== lostHost && this.canRunOn(run, vm.secondaryHost)) {
      const delay = vm.protection === 'ft' ? FT_TAKEOVER_SECONDS : REPLICA_TAKEOVER_SECONDS;
      run.takeoverPending = true;
      this.queue.push(this.now + delay, { kind: 'takeover', run, outage: run.outage, cause, via: vm.protection, host: vm.secondaryHost });
      return;
    }
    const type = run.info.guestClusterType;
    if (type === undefined) return;
    const partner = run.info.guestClusterPartners.find((id) => this.servesOnOtherHost(id, lostHost));
    if (partner !== undefined) this.queue.push(this.now + GUEST_CLUSTER_TAKEOVER_SECONDS[type], { kind: 'guest-takeover', run, outage: run.outage, cause, partner, lostHost });
  }

  /** The secondary's host is alive and reaches the VM's storage. */
  private canRunOn(run: VmRun, hostId: string): boolean {
    const info = this.context.hosts.get(hostId);
    if (!info || !info.good) return false;
    const host = this.hostRuns.get(hostId);
    if (host?.failed) return false;
    return run.info.datastores.every((datastore) => this.reaches(hostId, datastore));
  }

  private servesOnOtherHost(vmId: string, lostHost: string): boolean {
    const run = this.runs.get(vmId);
    const hostId = run ? (run.status === 'running' ? run.host : undefined) : this.context.vms.get(vmId)?.vm.host;
    return hostId !== undefined && hostId !== lostHost && this.hostRuns.get(hostId)?.failed !== true;
  }

  private takeover(action: Extract<Action, { kind: 'takeover' }>): void {
    const { run } = action;
    run.takeoverPending = false;
    if ((run.status !== 'down' && run.status !== 'hung') || run.outage !== action.outage) return;
    if (!this.canRunOn(run, action.host)) {
      if (!run.awaitingDeclaration) this.restart([run], action.cause);
      return;
    }
    if (action.via === 'ft' && run.info.ftSecondaryHost === action.host) this.promoteSecondary(run, action.host);
    else this.setHost(run, action.host, 'running');
    const downtime = this.now - run.outageStart;
    this.endOutage(run);
    run.takeover = { host: action.host, downtimeSeconds: downtime };
    run.awaitingDeclaration = false;
    const what = action.via === 'ft' ? 'Its FT secondary' : 'Its replica';
    this.log('vm-takeover', [run.info.vm.id, action.host], `${what} on ${action.host} takes over ${run.info.vm.id} after ${downtime} s.`, action.cause);
  }

  private guestTakeover(action: Extract<Action, { kind: 'guest-takeover' }>): void {
    const { run } = action;
    if (run.outage !== action.outage || run.downSince === undefined) return;
    if (!this.servesOnOtherHost(action.partner, action.lostHost)) return;
    const downtime = this.now - run.outageStart;
    this.endOutage(run);
    run.guestTakeover = { partner: action.partner, downtimeSeconds: downtime };
    this.log('vm-takeover', [run.info.vm.id, action.partner], `Guest-cluster partner ${action.partner} takes over the application of ${run.info.vm.id} after ${downtime} s; HA still restarts the node itself if it can.`, action.cause);
  }

  // ----------------------------------------------------------------- storage

  private reaches(hostId: string, datastore: Datastore): boolean {
    return this.context.storage.reaches(hostId, datastore, this.failed, this.reachCache);
  }

  private storageChanged(before: ReadonlySet<string>, cause: number): void {
    const beforeCache = this.reachCache;
    this.reachCache = new Map();
    for (const change of this.changedPairs(before, beforeCache)) {
      const { hostId, datastore, runs } = change;
      if (change.was && !change.is) {
        // PDL needs the array to answer with SCSI sense codes that the device is gone; a dead
        // array answers nothing, so its hosts see all paths down (vSphere Storage, "Permanent
        // Device Loss and All-Paths-Down"; VMware KB 2004684). Only a datastore the (live)
        // array reports as removed is a PDL.
        const pdl = this.failed.has(datastore.id);
        const arrayFailed = datastore.array !== undefined && this.failed.has(datastore.array);
        const event = this.log(
          pdl ? 'permanent-device-loss' : 'all-paths-down',
          [hostId, datastore.id],
          pdl
            ? `${hostId} loses ${datastore.id} for good (permanent device loss: the array reports the datastore gone).`
            : arrayFailed
              ? `${hostId} has no path left to ${datastore.id} (all paths down: its array ${datastore.array} failed and answers nothing, so no permanent device loss is reported).`
              : `${hostId} has no path left to ${datastore.id} (all paths down).`,
          cause,
        );
        for (const run of runs) this.hang(run, datastore, pdl, event);
      } else if (!change.was && change.is) {
        for (const run of runs) this.resumeIfReachable(run, cause);
      } else if (change.pathsAfter < change.pathsBefore) {
        const { pathsBefore, pathsAfter } = change;
        const event = this.log('path-failover', [hostId, datastore.id], `${hostId} loses ${pathsBefore - pathsAfter} of ${pathsBefore} paths to ${datastore.id}; multipathing moves I/O to the ${pathsAfter} left.`, cause);
        for (const run of runs) {
          if (run.status === 'running' || run.status === 'booting') run.notes.push(`I/O to ${datastore.id} failed over to ${pathsAfter} of ${pathsBefore} paths (event ${event}).`);
        }
      }
    }
    this.placePending();
  }

  /**
   * The (host, datastore) pairs running VMs rely on whose reachability (or, in full mode,
   * path count) changed, with their VMs in file order. In impact mode a first lone failure
   * looks only at the pairs that element cuts (context.pairsCutBy): no other pair can change.
   */
  private changedPairs(before: ReadonlySet<string>, beforeCache: Map<string, boolean>): PairChange[] {
    if (this.detail === 'impact' && before.size === 0 && this.failed.size === 1 && this.runs.size === 0) {
      const [element] = this.failed;
      return pairsCutBy(this.context, element as string).map((pair) => ({
        hostId: pair.hostId,
        datastore: pair.datastore,
        runs: pair.vmIds.map((id) => this.touch(this.context.vms.get(id) as VmInfo)),
        was: this.context.storage.reaches(pair.hostId, pair.datastore, before, beforeCache),
        is: this.reaches(pair.hostId, pair.datastore),
        pathsBefore: 0,
        pathsAfter: 0,
      }));
    }
    const pairs = new Map<string, { hostId: string; datastore: Datastore; vms: VmInfo[] }>();
    for (const info of this.context.hosts.values()) {
      if (this.hostRuns.get(info.host.id)?.failed) continue;
      const untouched = info.vms.filter((vm) => !this.runs.has(vm.vm.id));
      const touched = [...(this.hosted.get(info.host.id) ?? [])].filter((run) => run.status !== 'down').map((run) => run.info);
      for (const vm of [...untouched, ...touched]) {
        for (const datastore of vm.datastores) {
          const key = pairKey(info.host.id, datastore.id);
          const pair = pairs.get(key);
          if (pair) pair.vms.push(vm);
          else pairs.set(key, { hostId: info.host.id, datastore, vms: [vm] });
        }
      }
    }
    const changes: PairChange[] = [];
    for (const { hostId, datastore, vms } of pairs.values()) {
      const was = this.context.storage.reaches(hostId, datastore, before, beforeCache);
      const is = this.reaches(hostId, datastore);
      const counted = was && is && this.detail === 'full';
      const pathsBefore = counted ? this.context.storage.pathCount(hostId, datastore, before) : 0;
      const pathsAfter = counted ? this.context.storage.pathCount(hostId, datastore, this.failed) : 0;
      if (was === is && pathsBefore === pathsAfter) continue;
      const runs = [...vms].sort((a, b) => a.order - b.order).map((vm) => this.touch(vm));
      changes.push({ hostId, datastore, runs, was, is, pathsBefore, pathsAfter });
    }
    return changes;
  }

  private hang(run: VmRun, datastore: Datastore, pdl: boolean, cause: number): void {
    if (run.status !== 'running' && run.status !== 'booting') return;
    run.status = 'hung';
    run.epoch += 1;
    const event = this.startOutage(run, cause, `${run.info.vm.id} hangs: its I/O to ${datastore.id} has nowhere to go.`);
    if (run.host !== undefined) this.scheduleTakeovers(run, event, run.host);
    const ha = run.info.cluster?.ha;
    const protection = ha?.componentProtection;
    const why = pdl ? 'permanent device loss' : 'all paths down';
    if (!ha?.enabled || !protection) {
      run.stopped = { reason: 'no-storage-path', detail: `hung on ${run.host} (${why} to ${datastore.id}); HA is off.` };
      return;
    }
    if (pdl && protection.pdl === 'restart-aggressive') return this.terminate(run, event, `VM Component Protection (PDL: restart-aggressive) terminates ${run.info.vm.id} to restart it elsewhere.`);
    if (!pdl && (protection.apd === 'restart-conservative' || protection.apd === 'restart-aggressive')) {
      const delay = protection.apdTimeoutSeconds + protection.apdFailoverDelaySeconds;
      this.queue.push(this.now + delay, { kind: 'vmcp-terminate', run, epoch: run.epoch, cause: event, policy: protection.apd });
      run.stopped = { reason: 'no-storage-path', detail: `hung on ${run.host} (${why} to ${datastore.id}); VMCP terminates it at ${this.now + delay} s.` };
      return;
    }
    const response = pdl ? protection.pdl : protection.apd;
    run.stopped = { reason: 'no-storage-path', detail: `hung on ${run.host} (${why} to ${datastore.id}); VM Component Protection is ${response}, so HA leaves it there until a path returns.` };
  }

  private vmcpTerminate(action: Extract<Action, { kind: 'vmcp-terminate' }>): void {
    const { run } = action;
    if (run.status !== 'hung' || run.epoch !== action.epoch) return;
    const protection = run.info.cluster?.ha.componentProtection;
    const seconds = protection ? `${protection.apdTimeoutSeconds} s APD timeout + ${protection.apdFailoverDelaySeconds} s delay` : 'APD timeout';
    if (action.policy === 'restart-conservative') {
      const target = this.chooseHost(run);
      if (!('hostId' in target)) {
        run.stopped = { reason: target.reason, detail: `hung; VMCP (restart-conservative) keeps it: ${target.detail}` };
        this.log('vm-restart-pending', [run.info.vm.id], `VMCP (restart-conservative) does not terminate ${run.info.vm.id} after the ${seconds}: ${target.detail}`, action.cause);
        return;
      }
    }
    this.terminate(run, action.cause, `VM Component Protection (APD: ${action.policy}) terminates ${run.info.vm.id} after the ${seconds} to restart it elsewhere.`);
  }

  private terminate(run: VmRun, cause: number, message: string): void {
    const event = this.goDown(run, cause, message);
    this.restart([run], event);
  }

  private resumeIfReachable(run: VmRun, cause: number): void {
    if (run.status !== 'hung' || run.host === undefined) return;
    const hostId = run.host;
    if (!run.info.datastores.every((datastore) => this.reaches(hostId, datastore))) return;
    run.status = 'running';
    run.epoch += 1;
    run.stopped = undefined;
    const hungSince = run.outageStart;
    this.endOutage(run);
    run.notes.push(`hung from ${hungSince} s to ${this.now} s while its storage paths were down; I/O resumed on ${hostId}.`);
    this.log('vm-ready', [run.info.vm.id, hostId], `${run.info.vm.id} resumes on ${hostId}: a path to its storage is back.`, cause);
    this.placePending();
  }

  // ---------------------------------------------------------------- restarts

  /** Starts a restart wave for VMs HA must restart, one per cluster. */
  private restart(runs: readonly VmRun[], cause: number): void {
    const eligible: VmRun[] = [];
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
    const byCluster = new Map<string, VmRun[]>();
    for (const run of eligible) {
      const id = run.info.cluster?.id ?? '';
      const list = byCluster.get(id);
      if (list) list.push(run);
      else byCluster.set(id, [run]);
    }
    for (const members of byCluster.values()) {
      members.sort((a, b) => b.info.priorityRank - a.info.priorityRank || a.info.order - b.info.order);
      const tiers: Tier[] = [];
      for (const run of members) {
        let tier = tiers[tiers.length - 1];
        if (!tier || tier.priority !== run.info.priority) tiers.push((tier = { priority: run.info.priority, members: [], startedAt: undefined, startedEvent: cause, released: false }));
        tier.members.push(run);
      }
      const wave: Wave = { index: this.waves.length, info: (members[0] as VmRun).info, tiers };
      this.waves.push(wave);
      for (const run of members) {
        run.wave = wave;
        run.awaitingRestart = true;
        run.pending = { kind: 'tier', reason: 'no-candidate-host', detail: 'waiting for its restart tier' };
      }
      this.startTier(wave, 0, cause);
    }
    this.placePending();
  }

  /** Why HA will not restart this VM at all, if so. */
  private refusal(run: VmRun): { reason: DownReason; detail: string } | undefined {
    const cluster = run.info.cluster;
    if (!cluster) return { reason: 'ha-disabled', detail: 'its host is in no cluster, so nothing restarts it.' };
    if (!cluster.ha.enabled) return { reason: 'ha-disabled', detail: `HA is off in cluster ${cluster.id}.` };
    if (run.info.priority === 'disabled') return { reason: 'restart-disabled', detail: 'its restart priority is disabled.' };
    const network = this.clusterNetworks.get(cluster.id);
    if (network && usesQuorum(this.context.topology) && network.acting === undefined) {
      return { reason: 'no-quorum', detail: `no partition of cluster ${cluster.id} has quorum, so no node restarts anything.` };
    }
    if (this.context.topology.platform === 'proxmox') {
      const nodes = this.context.clusterHosts.get(cluster.id) ?? [];
      const alive = nodes.filter((h) => !this.hostRuns.get(h.host.id)?.failed).length;
      if (alive * 2 <= nodes.length) return { reason: 'ha-disabled', detail: `cluster ${cluster.id} lost quorum (${alive} of ${nodes.length} nodes alive): Proxmox HA restarts nothing without a majority.` };
    }
    return undefined;
  }

  private startTier(wave: Wave, index: number, cause: number): void {
    const tier = wave.tiers[index];
    if (!tier || tier.startedAt !== undefined) return;
    tier.startedAt = this.now;
    const ids = tier.members.map((run) => run.info.vm.id);
    tier.startedEvent = this.log('tier-started', ids, `Restart tier "${tier.priority}" starts: ${ids.join(', ')}.`, cause);
    for (const run of tier.members) if (run.pending?.kind === 'tier') run.pending = undefined;
    const orchestration = wave.info.cluster?.ha.orchestration;
    if (index + 1 < wave.tiers.length && orchestration) this.queue.push(this.now + orchestration.tierTimeoutSeconds, { kind: 'tier-timeout', wave, tier: index });
  }

  private tierTimeout(wave: Wave, index: number): void {
    const tier = wave.tiers[index];
    const next = wave.tiers[index + 1];
    if (!tier || !next || next.startedAt !== undefined) return;
    tier.released = true;
    const seconds = wave.info.cluster?.ha.orchestration.tierTimeoutSeconds ?? 0;
    const event = this.log('tier-timeout', tier.members.map((run) => run.info.vm.id), `Tier "${tier.priority}" is not ready after ${seconds} s (tierTimeoutSeconds): tier "${next.priority}" starts anyway.`, tier.startedEvent);
    this.startTier(wave, index + 1, event);
    this.placePending();
  }

  /** Places every VM whose tier has started and whose dependencies are ready, then releases finished tiers; until nothing moves. */
  private placePending(): void {
    for (let progress = true; progress; ) {
      // A placement can ready a dependency of a VM tried earlier in this pass (ready condition
      // none, resources-allocated or powered-on): another pass tries it at the same instant.
      let placed = false;
      for (const wave of this.waves) {
        for (const tier of wave.tiers) {
          if (tier.startedAt === undefined) break;
          for (const run of tier.members) {
            if (run.wave === wave && run.awaitingRestart && this.tryPlace(run, tier.startedEvent)) placed = true;
          }
        }
      }
      progress = this.releaseTiers() || placed;
    }
  }

  /** Places the VM if its dependencies are ready and a host takes it; whether it was placed. */
  private tryPlace(run: VmRun, cause: number): boolean {
    const waitingFor = run.info.dependsOn.find((id) => !this.dependencyReady(id));
    if (waitingFor !== undefined) {
      this.setPending(run, { kind: 'dependency', reason: 'rule-conflict', detail: `waits for ${waitingFor} to be ready (restart dependency).` }, cause);
      return false;
    }
    const target = this.chooseHost(run);
    if ('hostId' in target) {
      this.place(run, target.hostId, cause);
      return true;
    }
    this.setPending(run, { kind: 'placement', reason: target.reason, detail: target.detail }, cause);
    return false;
  }

  private setPending(run: VmRun, pending: Pending, cause: number): void {
    const previous = run.pending;
    run.pending = pending;
    if (previous?.kind === pending.kind && previous.detail === pending.detail) return;
    this.log('vm-restart-pending', [run.info.vm.id], `${run.info.vm.id} cannot restart yet: ${pending.detail}`, cause);
  }

  private dependencyReady(vmId: string): boolean {
    const run = this.runs.get(vmId);
    if (!run) return true;
    if (run.status === 'running') return true;
    return run.status === 'booting' && !this.waitsForBoot(run);
  }

  /** Whether the VM's ready condition waits for its guest to boot (guest or app heartbeat). */
  private waitsForBoot(run: VmRun): boolean {
    const condition = run.info.cluster?.ha.orchestration.readyCondition;
    return condition === 'guest-heartbeat' || condition === 'app-heartbeat';
  }

  private releaseTiers(): boolean {
    let started = false;
    for (const wave of this.waves) {
      const orchestration = wave.info.cluster?.ha.orchestration;
      wave.tiers.forEach((tier, index) => {
        if (tier.startedAt === undefined || tier.released || !this.tierReady(wave, tier)) return;
        tier.released = true;
        const next = wave.tiers[index + 1];
        if (!next || next.startedAt !== undefined) return;
        const delay = orchestration?.postReadyDelaySeconds ?? 0;
        if (delay > 0) {
          this.queue.push(this.now + delay, { kind: 'tier-start', wave, tier: index + 1, cause: tier.startedEvent });
        } else {
          this.startTier(wave, index + 1, tier.startedEvent);
          started = true;
        }
      });
    }
    return started;
  }

  private tierReady(wave: Wave, tier: Tier): boolean {
    if (wave.info.cluster?.ha.orchestration.readyCondition === 'none') return true;
    return tier.members.every((run) => {
      if (run.wave !== wave) return true;
      if (run.awaitingRestart) return run.pending?.kind === 'placement';
      if (run.status === 'booting') return !this.waitsForBoot(run);
      return true;
    });
  }

  /** The host HA restarts a VM on (docs/design/algorithms.md#2-ha-restart-after-a-host-failure), or why there is none. */
  private chooseHost(run: VmRun): Placement {
    const info = run.info;
    const cluster = info.cluster;
    if (!cluster) return { reason: 'ha-disabled', detail: 'its host is in no cluster.' };
    let candidates = (this.context.clusterHosts.get(cluster.id) ?? []).filter((h) => {
      const state = this.hostRuns.get(h.host.id);
      return h.good && !state?.failed && !state?.isolated && !state?.cutOff;
    });
    if (candidates.length === 0) return { reason: 'no-candidate-host', detail: `no connected host is left in cluster ${cluster.id}.` };
    candidates = candidates.filter((h) => info.datastores.every((datastore) => this.reaches(h.host.id, datastore)));
    if (candidates.length === 0) return { reason: 'no-storage-path', detail: `no surviving host reaches ${info.datastores.map((d) => d.id).join(' and ')}.` };
    candidates = candidates.filter((h) => info.mustRunOn.every((group) => group.has(h.host.id)) && !info.mustNotRunOn.has(h.host.id));
    if (candidates.length === 0) return { reason: 'rule-conflict', detail: 'every surviving host that reaches its storage breaks a must-run-on or must-not-run-on rule.' };
    if (cluster.ha.respectAntiAffinity && info.antiAffinityPeers.length > 0) {
      candidates = candidates.filter((h) => !info.antiAffinityPeers.some((peers) => peers.some((peer) => this.currentHost(peer) === h.host.id)));
      if (candidates.length === 0) return { reason: 'rule-conflict', detail: 'every remaining host runs one of its anti-affinity peers (respectAntiAffinity is on).' };
    }
    const free = (h: HostInfo) => {
      const load = this.hostRun(h.host.id).load;
      return { cpuMHz: h.capacity.cpuMHz - load.cpuMHz, memoryMB: h.capacity.memoryMB - load.reservedMemoryMB, vmCount: load.vmCount };
    };
    const fitting = candidates.filter((h) => fits(info.demand, free(h), h.host.maxVms));
    if (fitting.length === 0) {
      const best = candidates.map(free).reduce((a, b) => (b.memoryMB > a.memoryMB ? b : a));
      return {
        reason: 'no-capacity',
        detail: `insufficient resources: it needs ${info.demand.cpuMHz} MHz and ${info.demand.reservedMemoryMB} MB unreserved; the roomiest host has ${best.cpuMHz} MHz and ${best.memoryMB} MB (or is at its VM limit).`,
      };
    }
    const admission = cluster.ha.admissionControl;
    const failoverHosts = admission.policy === 'failover-hosts' ? new Set(admission.failoverHosts ?? []) : new Set<string>();
    const preferred = fitting.filter((h) => failoverHosts.has(h.host.id));
    const pool = preferred.length > 0 ? preferred : fitting;
    let best = pool[0] as HostInfo;
    let bestRoom = free(best);
    for (const h of pool.slice(1)) {
      const room = free(h);
      if (room.memoryMB > bestRoom.memoryMB || (room.memoryMB === bestRoom.memoryMB && room.cpuMHz > bestRoom.cpuMHz)) {
        best = h;
        bestRoom = room;
      }
    }
    return { hostId: best.host.id };
  }

  private currentHost(vmId: string): string | undefined {
    const run = this.runs.get(vmId);
    if (run) return run.status === 'down' ? undefined : run.host;
    const info = this.context.vms.get(vmId);
    return info && info.vm.power === 'on' && this.context.hosts.has(info.vm.host) ? info.vm.host : undefined;
  }

  private place(run: VmRun, hostId: string, cause: number): void {
    run.awaitingRestart = false;
    run.pending = undefined;
    this.setHost(run, hostId, 'booting');
    const vmId = run.info.vm.id;
    const failoverHost = run.info.cluster?.ha.admissionControl.failoverHosts?.includes(hostId) ? ' (a dedicated failover host)' : '';
    const placed = this.log('vm-placed', [vmId, hostId], `HA places ${vmId} (priority ${run.info.priority}) on ${hostId}${failoverHost}.`, cause);
    const powered = this.log('vm-powered-on', [vmId, hostId], `${vmId} powers on on ${hostId}; booting takes ${run.info.bootSeconds} s.`, placed);
    run.restart = { host: hostId, downAt: run.outageStart, poweredOnAt: this.now, readyAt: this.now + run.info.bootSeconds };
    this.queue.push(this.now + run.info.bootSeconds, { kind: 'booted', run, epoch: run.epoch, cause: powered });
  }

  private booted(action: Extract<Action, { kind: 'booted' }>): void {
    const { run } = action;
    if (run.status !== 'booting' || run.epoch !== action.epoch) return;
    run.status = 'running';
    const downtime = run.downSince === undefined ? undefined : this.now - run.downSince;
    const unreachable = run.host === undefined ? [] : this.vmNetworkDown(run, run.host);
    if (unreachable.length > 0 && run.host !== undefined) {
      const ready = this.log('vm-ready', [run.info.vm.id, run.host], `${run.info.vm.id} is up on ${run.host}, but its network ${unreachable.join(', ')} has no uplink there.`, action.cause);
      this.updateReachability(run, run.host, ready);
      return this.placePending();
    }
    this.endOutage(run);
    const after = downtime === undefined ? '' : ` after ${downtime} s down`;
    this.log('vm-ready', [run.info.vm.id, run.host ?? ''], `${run.info.vm.id} is up on ${run.host}${after}.`, action.cause);
    this.placePending();
  }

  // ------------------------------------------------------------- bookkeeping

  private log(kind: SimulationEventKind, elementIds: readonly string[], message: string, causeIndex?: number): number {
    this.events.push(causeIndex === undefined ? { timeSeconds: this.now, kind, elementIds, message } : { timeSeconds: this.now, kind, elementIds, message, causeIndex });
    return this.events.length - 1;
  }

  private hostRun(hostId: string): HostRun {
    let host = this.hostRuns.get(hostId);
    if (!host) {
      const info = this.context.hosts.get(hostId) as HostInfo;
      host = { info, failed: false, isolated: false, cutOff: false, epoch: 0, load: { ...info.baseline } };
      this.hostRuns.set(hostId, host);
    }
    return host;
  }

  private touch(info: VmInfo): VmRun {
    let run = this.runs.get(info.vm.id);
    if (!run) {
      run = {
        info,
        status: 'running',
        host: info.vm.host,
        epoch: 0,
        outage: 0,
        downSince: undefined,
        outageStart: 0,
        downtimeSeconds: 0,
        awaitingRestart: false,
        awaitingDeclaration: false,
        takeoverPending: false,
        wave: undefined,
        pending: undefined,
        stopped: undefined,
        restart: undefined,
        takeover: undefined,
        guestTakeover: undefined,
        unreachable: undefined,
        notes: [],
      };
      this.runs.set(info.vm.id, run);
      this.hostedSet(info.vm.host).add(run);
    }
    return run;
  }

  private hostedSet(hostId: string): Set<VmRun> {
    let set = this.hosted.get(hostId);
    if (!set) this.hosted.set(hostId, (set = new Set()));
    return set;
  }

  /** VMs holding resources on a host (running, booting or hung), touched, in file order. */
  private residents(hostId: string): VmRun[] {
    const info = this.context.hosts.get(hostId);
    for (const vm of info?.vms ?? []) if (!this.runs.has(vm.vm.id)) this.touch(vm);
    return [...(this.hosted.get(hostId) ?? [])].filter((run) => run.status !== 'down').sort((a, b) => a.info.order - b.info.order);
  }

  /** Moves a VM's resources onto a host (placement, takeover). */
  private setHost(run: VmRun, hostId: string, status: 'running' | 'booting'): void {
    this.releaseHost(run);
    run.host = hostId;
    run.status = status;
    run.epoch += 1;
    this.hostedSet(hostId).add(run);
    addLoad(this.hostRun(hostId).load, run.info.demand, 1);
  }

  /** The FT secondary becomes the VM: its host already carries its load (context baseline), so nothing is added. */
  private promoteSecondary(run: VmRun, hostId: string): void {
    this.releaseHost(run);
    run.host = hostId;
    run.status = 'running';
    run.epoch += 1;
    this.hostedSet(hostId).add(run);
  }

  private releaseHost(run: VmRun): void {
    if (run.host === undefined) return;
    this.hosted.get(run.host)?.delete(run);
    if (run.status !== 'down') addLoad(this.hostRun(run.host).load, run.info.demand, -1);
    run.host = undefined;
  }

  /** The VM stops (or is stopped): frees its host and, if its service was up, starts an outage. */
  private goDown(run: VmRun, cause: number, message: string): number {
    const hostId = run.host;
    this.releaseHost(run);
    run.unreachable = undefined;
    run.status = 'down';
    run.epoch += 1;
    run.awaitingRestart = false;
    return this.startOutage(run, cause, message, hostId);
  }

  private startOutage(run: VmRun, cause: number, message: string, hostId = run.host): number {
    if (run.downSince === undefined) {
      run.downSince = this.now;
      run.outageStart = this.now;
      run.outage += 1;
    }
    return this.log('vm-down', hostId === undefined ? [run.info.vm.id] : [run.info.vm.id, hostId], message, cause);
  }

  private endOutage(run: VmRun): void {
    if (run.downSince === undefined) return;
    run.downtimeSeconds += this.now - run.downSince;
    run.downSince = undefined;
  }

  // ----------------------------------------------------------------- results

  private result(run: VmRun): VmResult {
    const vm = run.info.vm;
    const downtimeSeconds = run.downtimeSeconds + (run.downSince === undefined ? 0 : this.horizon - run.downSince);
    return { vmId: vm.id, host: vm.host, outcome: this.outcome(run), downtimeSeconds };
  }

  private outcome(run: VmRun): VmOutcome {
    const restart = run.restart;
    const up = run.status === 'running' || run.status === 'booting';
    if (run.guestTakeover) {
      const node = up && restart && run.host === restart.host ? { nodeRestartedOn: { host: restart.host, poweredOnAtSeconds: restart.poweredOnAt, readyAtSeconds: restart.readyAt } } : {};
      return { kind: 'guest-cluster-takeover', partner: run.guestTakeover.partner, downtimeSeconds: run.guestTakeover.downtimeSeconds, ...node };
    }
    if (run.status === 'down' || run.status === 'hung') {
      return { kind: 'down', downAtSeconds: run.outageStart, ...this.downReason(run) };
    }
    if (run.unreachable && run.host !== undefined) {
      const networks = run.unreachable.networks;
      return {
        kind: 'unreachable',
        host: run.host,
        networks,
        downAtSeconds: run.downSince ?? run.unreachable.since,
        detail: `runs on ${run.host}, but its network ${networks.join(', ')} has no uplink left; HA does not act on a lost VM network.`,
      };
    }
    if (run.takeover && run.host === run.takeover.host) return { kind: 'ft-takeover', host: run.takeover.host, downtimeSeconds: run.takeover.downtimeSeconds };
    if (restart && run.host === restart.host) {
      return {
        kind: 'restarted',
        host: restart.host,
        downAtSeconds: restart.downAt,
        poweredOnAtSeconds: restart.poweredOnAt,
        readyAtSeconds: restart.readyAt,
        downtimeSeconds: Math.min(restart.readyAt, this.horizon) - restart.downAt,
        priority: run.info.priority,
      };
    }
    if (run.notes.length > 0) return { kind: 'kept-running', note: run.notes.join(' ') };
    return { kind: 'unaffected' };
  }

  private downReason(run: VmRun): { reason: DownReason; detail: string } {
    if (run.stopped) return run.stopped;
    if (run.pending) return { reason: run.pending.reason, detail: run.pending.detail };
    return { reason: 'no-candidate-host', detail: 'still waiting for HA at the end of the scenario.' };
  }

  private utilization(): HostUtilization[] {
    return [...this.context.hosts.values()].map((info) => {
      const state = this.hostRuns.get(info.host.id);
      const after = state?.load ?? info.baseline;
      return {
        hostId: info.host.id,
        capacity: { cpuMHz: info.capacity.cpuMHz, memoryMB: info.capacity.memoryMB },
        before: hostLoad(info.baseline),
        after: hostLoad(state?.failed ? emptyLoad() : after),
        failed: state?.failed ?? false,
      };
    });
  }
}

/** What utilization shows: CPU as HA counts it (vmDemand.cpuMHz), memory as the guests use it (configured + overhead). */
function hostLoad(load: Readonly<Load>): { cpuMHz: number; memoryMB: number; vmCount: number } {
  return { cpuMHz: load.cpuMHz, memoryMB: load.configuredMemoryMB, vmCount: load.vmCount };
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
