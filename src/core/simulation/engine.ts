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
 * - Restarts (restart-queue.ts): in waves, one per declared host (or per isolation
 *   response, or per VM Component Protection termination), by tiers of restart priority
 *   and restart dependencies; each VM on the most unreserved host of its cluster that can
 *   take it (docs/design/algorithms.md#2-ha-restart-after-a-host-failure). A VM no host
 *   takes stays down and is retried whenever something recovers or frees capacity.
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
 * - Storage failures (path failover, APD and PDL, VM Component Protection) are worked out
 *   in storage-failures.ts, which calls back into the engine to stop and restart VMs.
 * - Platforms: Hyper-V (High/Medium/Low/No Auto Start), XenServer (restart,
 *   restart-if-possible, do-not-restart with start order) and Proxmox priorities are
 *   written with vSphere's six names (format.ts, docs/format.md) and run the same way;
 *   admission control is not consulted by restarts on any platform (it governs power-on).
 *   Proxmox VE restarts only while the cluster keeps quorum: more than half of its nodes
 *   alive (corosync votes).
 * - LAN failures (NIC teaming, VM networks, isolation, partitions, quorum) are worked out
 *   in network-failures.ts, which calls back into the engine to stop and restart VMs.
 */

import type { Topology } from '../model/topology';
import { addLoad, emptyLoad, simulationContext, type HostInfo, type Load, type SimulationContext, type VmInfo } from './context';
import { EventQueue } from './event-queue';
import { NetworkFailures, type NetworkAction, type NetworkEngine } from './network-failures';
import { RestartQueue, type Pending, type RestartAction, type RestartEngine, type Wave } from './restart-queue';
import { StorageFailures, type StorageAction, type StorageEngine } from './storage-failures';
import {
  DEFAULT_FAILURE_TIMEOUT_SECONDS,
  DEFAULT_HORIZON_SECONDS,
  FT_TAKEOVER_SECONDS,
  GUEST_CLUSTER_TAKEOVER_SECONDS,
  REPLICA_TAKEOVER_SECONDS,
} from './timings';
import { componentKindName, restartPriorityName } from './types';
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
import { domainKindName, failureDomainsOf, isDomainKind, type DomainKind } from '../domain/failure-domains';
import { siteLinkCables } from '../domain/stretched';
import { MESSAGES } from './engine-texts';
import { formatList } from '../l10n/format';

/** A scenario in which one host fails at time 0. */
export function hostFailureScenario(hostId: string, atSeconds = 0): Scenario {
  return { name: MESSAGES.hostFailsScenario({ host: hostId }), steps: [{ action: 'fail', target: { kind: 'host', id: hostId }, atSeconds }] };
}

/** A scenario in which one component (switch, adapter, port, link, controller, array, datastore, host) fails at time 0. */
export function componentFailureScenario(target: ComponentRef, atSeconds = 0): Scenario {
  return { name: MESSAGES.componentFailsScenario({ kind: componentKindName(target.kind), id: target.id }), steps: [{ action: 'fail', target, atSeconds }] };
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
  /** Its FT secondary or replica has taken over once: there is no second one to take over again. */
  secondaryUsed: boolean;
  wave: Wave<VmRun> | undefined;
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

type Action =
  | NetworkAction
  | RestartAction<VmRun>
  | { readonly kind: 'step'; readonly step: ScenarioStep }
  | { readonly kind: 'declare-failed'; readonly hostId: string; readonly epoch: number; readonly cause: number; readonly vms: readonly VmRun[] }
  | { readonly kind: 'powered-off'; readonly run: VmRun; readonly outage: number; readonly cause: number }
  | { readonly kind: 'takeover'; readonly run: VmRun; readonly outage: number; readonly cause: number; readonly via: 'ft' | 'replica'; readonly host: string }
  | { readonly kind: 'guest-takeover'; readonly run: VmRun; readonly outage: number; readonly cause: number; readonly partner: string; readonly lostHost: string }
  | { readonly kind: 'booted'; readonly run: VmRun; readonly epoch: number; readonly cause: number }
  | StorageAction<VmRun>;

class FailoverSimulation {
  private now = 0;
  private readonly horizon: number;
  private readonly queue = new EventQueue<Action>();
  private readonly events: SimulationEvent[] = [];
  private readonly runs = new Map<string, VmRun>();
  private readonly hostRuns = new Map<string, HostRun>();
  /** Touched VMs by the host holding them. */
  private readonly hosted = new Map<string, Set<VmRun>>();
  private readonly failed = new Set<string>();
  /** Path failover, APD and PDL, VM Component Protection (storage-failures.ts). */
  private readonly storage: StorageFailures<VmRun>;
  /** Teaming, VM networks, isolation, partitions and quorum (network-failures.ts). */
  private readonly network: NetworkFailures<VmRun>;
  /** Restart waves, tiers, dependencies and placement (restart-queue.ts). */
  private readonly restarts: RestartQueue<VmRun>;

  constructor(
    private readonly context: SimulationContext,
    private readonly scenario: Scenario,
    private readonly detail: 'full' | 'impact',
  ) {
    this.horizon = scenario.horizonSeconds ?? DEFAULT_HORIZON_SECONDS;
    this.network = new NetworkFailures(FailoverSimulation.networkEngine(this));
    this.storage = new StorageFailures(FailoverSimulation.storageEngine(this));
    this.restarts = new RestartQueue(FailoverSimulation.restartEngine(this));
  }

  // The engine as network-failures.ts and restart-queue.ts see it. Methods, not arrow
  // functions: tsx (tests, bench) names every arrow function as it is created, which costs
  // the sweep, where each scenario builds these anew.

  private static networkEngine(sim: FailoverSimulation): NetworkEngine<VmRun> {
    return {
      context: sim.context,
      detail: sim.detail,
      failed: sim.failed,
      now() { return sim.now; },
      log(kind, elementIds, message, causeIndex, partition) { return sim.log(kind, elementIds, message, causeIndex, partition); },
      schedule(atSeconds, action) { sim.queue.push(atSeconds, action); },
      host(hostId) { return sim.hostRun(hostId); },
      peekHost(hostId) { return sim.hostRuns.get(hostId); },
      hostsTouched() { return sim.hostRuns.size > 0; },
      residents(hostId) { return sim.residents(hostId); },
      touchedResidents(hostId) { return [...(sim.hosted.get(hostId) ?? [])].filter((run) => run.status !== 'down').sort((a, b) => a.info.order - b.info.order); },
      reaches(hostId, datastore) { return sim.storage.reaches(hostId, datastore); },
      failHost(hostId, cause) { sim.failHost(hostId, cause); },
      goDown(run, cause, message) { return sim.goDown(run, cause, message); },
      scheduleTakeovers(run, cause, lostHost) { sim.scheduleTakeovers(run, cause, lostHost); },
      restartWhenOff(run, atSeconds, cause) { sim.queue.push(atSeconds, { kind: 'powered-off', run, outage: run.outage, cause }); },
      restart(runs, cause) { sim.restarts.restart(runs, cause); },
      endOutage(run) { sim.endOutage(run); },
      placePending() { sim.restarts.placePending(); },
    };
  }

  private static storageEngine(sim: FailoverSimulation): StorageEngine<VmRun> {
    return {
      context: sim.context,
      detail: sim.detail,
      failed: sim.failed,
      markFailed(id) {
        const before = new Set(sim.failed);
        sim.failed.add(id);
        return before;
      },
      now() { return sim.now; },
      log(kind, elementIds, message, causeIndex) { return sim.log(kind, elementIds, message, causeIndex); },
      schedule(atSeconds, action) { sim.queue.push(atSeconds, action); },
      anyVmTouched() { return sim.runs.size > 0; },
      touched(vmId) { return sim.runs.has(vmId); },
      touch(info) { return sim.touch(info); },
      touchedOn(hostId) { return [...(sim.hosted.get(hostId) ?? [])]; },
      touchedVms() { return sim.runs.values(); },
      hostFailed(hostId) { return sim.hostRuns.get(hostId)?.failed === true; },
      startOutage(run, cause, message) { return sim.startOutage(run, cause, message); },
      endOutage(run) { sim.endOutage(run); },
      goDown(run, cause, message) { return sim.goDown(run, cause, message); },
      scheduleTakeovers(run, cause, lostHost) { sim.scheduleTakeovers(run, cause, lostHost); },
      restart(runs, cause) { sim.restarts.restart(runs, cause); },
      chooseHost(run) { return sim.restarts.chooseHost(run); },
      placePending() { sim.restarts.placePending(); },
    };
  }

  private static restartEngine(sim: FailoverSimulation): RestartEngine<VmRun> {
    return {
      context: sim.context,
      now() { return sim.now; },
      log(kind, elementIds, message, causeIndex) { return sim.log(kind, elementIds, message, causeIndex); },
      schedule(atSeconds, action) { sim.queue.push(atSeconds, action); },
      vm(vmId) { return sim.runs.get(vmId); },
      peekHost(hostId) { return sim.hostRuns.get(hostId); },
      load(hostId) { return sim.hostRun(hostId).load; },
      reaches(hostId, datastore) { return sim.storage.reaches(hostId, datastore); },
      clusterNetwork(clusterId) { return sim.network.clusterState(clusterId); },
      place(run, hostId, cause) { sim.place(run, hostId, cause); },
    };
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
      case 'isolation-response':
      case 'quorum-stop':
        return this.network.handle(action);
      case 'powered-off':
        if (action.run.outage === action.outage && action.run.status === 'down' && !action.run.takeoverPending) this.restarts.restart([action.run], action.cause);
        return;
      case 'takeover':
        return this.takeover(action);
      case 'guest-takeover':
        return this.guestTakeover(action);
      case 'booted':
        return this.booted(action);
      case 'tier-timeout':
      case 'tier-start':
        return this.restarts.handle(action);
      case 'vmcp-terminate':
      case 'promote-copy':
        return this.storage.handle(action);
    }
  }

  private step(step: ScenarioStep, domainCause?: number): void {
    if (step.action === 'isolate') return this.network.isolate(step.host);
    const { target } = step;
    if (isDomainKind(target.kind)) return this.domainStep(step, target.kind);
    if (target.kind === 'site-link') return this.siteLinkStep(step);
    const known = this.isKnown(target);
    const name = { kind: componentKindName(target.kind), id: target.id };
    if (step.action === 'fail') {
      const cause = this.log('component-failed', [target.id], known ? MESSAGES.fails(name) : MESSAGES.failsUnknown(name), domainCause);
      if (target.kind === 'host') {
        if (this.context.hosts.has(target.id)) this.failHost(target.id, cause);
        return;
      }
      if (this.failed.has(target.id)) return;
      const before = new Set(this.failed);
      this.failed.add(target.id);
      this.storage.changed(before, cause);
      return this.network.networkChanged(before, cause, target.id);
    }
    const cause = this.log('component-recovered', [target.id], MESSAGES.isBack(name), domainCause);
    if (target.kind === 'host') {
      const host = this.context.hosts.has(target.id) ? this.hostRun(target.id) : undefined;
      if (host) {
        host.failed = false;
        host.isolated = false;
        host.cutOff = false;
        host.epoch += 1;
      }
      return this.restarts.placePending();
    }
    if (!this.failed.has(target.id)) return;
    const before = new Set(this.failed);
    this.failed.delete(target.id);
    this.storage.changed(before, cause);
    this.network.networkChanged(before, cause, target.id);
  }

  /** A site, rack, chassis or feed fails (or comes back) as every host, switch and array it takes down, at once. */
  private domainStep(step: Extract<ScenarioStep, { action: 'fail' | 'recover' }>, kind: DomainKind): void {
    const domains = failureDomainsOf(this.context.topology);
    const id = step.target.id;
    const members = domains.members(id).filter((member) => member.kind !== 'chassis');
    const name = { kind: domainKindName(kind), id };
    const fail = step.action === 'fail';
    const memberList = formatList(members.map((m) => MESSAGES.member({ kind: componentKindName(m.kind), id: m.id })));
    const message = domains.domain(id) === undefined
      ? (fail ? MESSAGES.failsUnknown(name) : MESSAGES.isBackUnknown(name))
      : members.length === 0
        ? (fail ? MESSAGES.domainFailsEmpty(name) : MESSAGES.domainIsBackEmpty(name))
        : (fail ? MESSAGES.domainFails({ ...name, members: memberList }) : MESSAGES.domainIsBack({ ...name, members: memberList }));
    const cause = this.log(fail ? 'component-failed' : 'component-recovered', [id, ...members.map((m) => m.id)], message);
    // The domain itself is a failed element too: a mirror's witness site, once failed, no longer decides.
    const witness = this.context.topology.datastores.some((datastore) => datastore.mirror?.witness === id);
    this.together(step.action, cause, id, members.map((m): ComponentRef => ({ kind: m.kind, id: m.id })), witness);
  }

  /**
   * Fails (or brings back) a domain or a site link and its members at the same instant:
   * its hosts one by one (each with its own detection), then every other member at once,
   * so the storage paths are worked out once for the whole change, and the LAN element by
   * element. `ownId` joins the failed set itself; it changes storage only when it matters
   * to a mirror (`ownIdMatters`: a witness site, a site link between mirror legs).
   */
  private together(action: 'fail' | 'recover', cause: number, ownId: string, members: readonly ComponentRef[], ownIdMatters: boolean): void {
    const fail = action === 'fail';
    const toggle = (set: Set<string>, id: string) => (fail ? set.add(id) : set.delete(id));
    const before = new Set(this.failed);
    toggle(this.failed, ownId);
    for (const member of members) if (member.kind === 'host') this.step({ action, target: member, atSeconds: this.now }, cause);
    const changed: string[] = [];
    for (const member of members) {
      if (member.kind === 'host' || this.failed.has(member.id) === fail) continue;
      const name = { kind: componentKindName(member.kind), id: member.id };
      this.log(fail ? 'component-failed' : 'component-recovered', [member.id], fail ? MESSAGES.fails(name) : MESSAGES.isBack(name), cause);
      toggle(this.failed, member.id);
      changed.push(member.id);
    }
    if (changed.length > 0 || (ownIdMatters && this.failed.size !== before.size)) this.storage.changed(before, cause);
    const progressive = new Set(before);
    toggle(progressive, ownId);
    for (const id of changed) {
      const stepBefore = new Set(progressive);
      toggle(progressive, id);
      this.network.networkChanged(stepBefore, cause, id);
    }
    if (!fail) this.restarts.placePending();
  }

  /**
   * A link between two sites fails (or comes back) as every cable between them, at once;
   * the copies of a synchronous mirror across it lose each other (only the preferred one
   * serves: storage-network.ts, servingLegs).
   */
  private siteLinkStep(step: Extract<ScenarioStep, { action: 'fail' | 'recover' }>): void {
    const id = step.target.id;
    const link = this.context.topology.siteLinks.find((l) => l.id === id);
    const cables = siteLinkCables(this.context.topology, id);
    const fail = step.action === 'fail';
    const cableList = cables.length === 0 ? MESSAGES.noCable({}) : formatList(cables.map((c) => MESSAGES.cable({ id: c })));
    const [from, to] = link?.sites ?? [];
    const message = link === undefined
      ? (fail ? MESSAGES.siteLinkFailsUnknown({ id }) : MESSAGES.siteLinkIsBackUnknown({ id }))
      : link.sites.length === 2 && from !== undefined && to !== undefined
        ? (fail ? MESSAGES.siteLinkFailsBetween({ id, from, to, cables: cableList }) : MESSAGES.siteLinkIsBackBetween({ id, from, to, cables: cableList }))
        : (fail ? MESSAGES.siteLinkFails({ id, cables: cableList }) : MESSAGES.siteLinkIsBack({ id, cables: cableList }));
    const cause = fail ? this.log('component-failed', [id, ...cables], message) : this.log('component-recovered', [id, ...cables], message);
    this.together(step.action, cause, id, cables.map((cable): ComponentRef => ({ kind: 'link', id: cable })), true);
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
      const event = this.goDown(run, cause, this.whatComesNext(run, hostId));
      run.awaitingDeclaration = true;
      this.scheduleTakeovers(run, event, hostId);
      down.push(run);
    }
    const detection = host.info.cluster?.ha.detection;
    const timeout = detection?.failureTimeoutSeconds ?? DEFAULT_FAILURE_TIMEOUT_SECONDS;
    this.queue.push(this.now + timeout, { kind: 'declare-failed', hostId, epoch: host.epoch, cause, vms: down });
    this.restarts.placePending();
  }

  /** The vm-down event of a VM whose host died: what follows for it. */
  private whatComesNext(run: VmRun, lostHost: string): string {
    const vm = run.info.vm.id;
    const secondary = this.secondaryFor(run, lostHost);
    if (secondary) return (secondary.via === 'ft' ? MESSAGES.stopsFt : MESSAGES.stopsReplica)({ vm, host: lostHost, secondary: secondary.host });
    const refusal = this.restarts.refusal(run);
    if (refusal) return MESSAGES.stopsRefused({ vm, host: lostHost, detail: refusal.detail });
    return MESSAGES.stopsRestart({ vm, host: lostHost });
  }

  private declareFailed(action: Extract<Action, { kind: 'declare-failed' }>): void {
    const host = this.hostRun(action.hostId);
    let cause = action.cause;
    if (host.failed && host.epoch === action.epoch) {
      const seconds = this.now - (this.events[action.cause]?.timeSeconds ?? this.now);
      cause = this.log('host-declared-failed', [action.hostId], MESSAGES.declaredFailed({ host: action.hostId, seconds }), action.cause);
    }
    const restart: VmRun[] = [];
    for (const run of action.vms) {
      if (!run.awaitingDeclaration) continue;
      run.awaitingDeclaration = false;
      if (run.status === 'down' && !run.takeoverPending) restart.push(run);
    }
    this.restarts.restart(restart, cause);
  }

  // --------------------------------------------------------------- takeovers

  private scheduleTakeovers(run: VmRun, cause: number, lostHost: string): void {
    const secondary = this.secondaryFor(run, lostHost);
    if (secondary) {
      const delay = secondary.via === 'ft' ? FT_TAKEOVER_SECONDS : REPLICA_TAKEOVER_SECONDS;
      run.takeoverPending = true;
      this.queue.push(this.now + delay, { kind: 'takeover', run, outage: run.outage, cause, via: secondary.via, host: secondary.host });
      return;
    }
    const type = run.info.guestClusterType;
    if (type === undefined) return;
    const partner = run.info.guestClusterPartners.find((id) => this.servesOnOtherHost(id, lostHost));
    if (partner !== undefined) this.queue.push(this.now + GUEST_CLUSTER_TAKEOVER_SECONDS[type], { kind: 'guest-takeover', run, outage: run.outage, cause, partner, lostHost });
  }

  /** The VM's FT secondary or replica, when it has one not used yet, on a host other than the one lost, that can run it. */
  private secondaryFor(run: VmRun, lostHost: string): { readonly via: 'ft' | 'replica'; readonly host: string } | undefined {
    const { protection, secondaryHost } = run.info.vm;
    if ((protection !== 'ft' && protection !== 'replica') || run.secondaryUsed || secondaryHost === undefined || secondaryHost === lostHost) return undefined;
    return this.canRunOn(run, secondaryHost) ? { via: protection, host: secondaryHost } : undefined;
  }

  /** The secondary's host is alive and reaches the VM's storage. */
  private canRunOn(run: VmRun, hostId: string): boolean {
    const info = this.context.hosts.get(hostId);
    if (!info || !info.good) return false;
    const host = this.hostRuns.get(hostId);
    if (host?.failed) return false;
    return run.info.datastores.every((datastore) => this.storage.reaches(hostId, datastore));
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
      if (!run.awaitingDeclaration) this.restarts.restart([run], action.cause);
      return;
    }
    if (action.via === 'ft' && run.info.ftSecondaryHost === action.host) this.promoteSecondary(run, action.host);
    else this.setHost(run, action.host, 'running');
    const downtime = this.now - run.outageStart;
    this.endOutage(run);
    run.takeover = { host: action.host, downtimeSeconds: downtime };
    run.secondaryUsed = true;
    run.awaitingDeclaration = false;
    const message = (action.via === 'ft' ? MESSAGES.ftTakesOver : MESSAGES.replicaTakesOver)({ host: action.host, vm: run.info.vm.id, seconds: downtime });
    this.log('vm-takeover', [run.info.vm.id, action.host], message, action.cause);
  }

  private guestTakeover(action: Extract<Action, { kind: 'guest-takeover' }>): void {
    const { run } = action;
    if (run.outage !== action.outage || run.downSince === undefined) return;
    if (!this.servesOnOtherHost(action.partner, action.lostHost)) return;
    const downtime = this.now - run.outageStart;
    this.endOutage(run);
    run.guestTakeover = { partner: action.partner, downtimeSeconds: downtime };
    this.log('vm-takeover', [run.info.vm.id, action.partner], MESSAGES.guestTakesOver({ partner: action.partner, vm: run.info.vm.id, seconds: downtime }), action.cause);
  }

  // ------------------------------------------------------------ power-on and boot

  /** The restart queue chose a host: the VM powers on there at once and is ready after bootSeconds. */
  private place(run: VmRun, hostId: string, cause: number): void {
    run.awaitingRestart = false;
    run.pending = undefined;
    this.setHost(run, hostId, 'booting');
    const vmId = run.info.vm.id;
    const failoverHost = run.info.cluster?.ha.admissionControl.failoverHosts?.includes(hostId) === true;
    const placing = { vm: vmId, priority: restartPriorityName(run.info.priority), host: hostId };
    const placed = this.log('vm-placed', [vmId, hostId], failoverHost ? MESSAGES.placesOnFailoverHost(placing) : MESSAGES.places(placing), cause);
    const powered = this.log('vm-powered-on', [vmId, hostId], MESSAGES.powersOn({ vm: vmId, host: hostId, seconds: run.info.bootSeconds }), placed);
    run.restart = { host: hostId, downAt: run.outageStart, poweredOnAt: this.now, readyAt: this.now + run.info.bootSeconds };
    this.queue.push(this.now + run.info.bootSeconds, { kind: 'booted', run, epoch: run.epoch, cause: powered });
  }

  private booted(action: Extract<Action, { kind: 'booted' }>): void {
    const { run } = action;
    if (run.status !== 'booting' || run.epoch !== action.epoch) return;
    run.status = 'running';
    const downtime = run.downSince === undefined ? undefined : this.now - run.downSince;
    const unreachable = run.host === undefined ? [] : this.network.vmNetworkDown(run, run.host);
    if (unreachable.length > 0 && run.host !== undefined) {
      const ready = this.log('vm-ready', [run.info.vm.id, run.host], MESSAGES.upUnreachable({ vm: run.info.vm.id, host: run.host, networks: formatList(unreachable) }), action.cause);
      this.network.updateReachability(run, run.host, ready);
      return this.restarts.placePending();
    }
    this.endOutage(run);
    const ready = { vm: run.info.vm.id, host: String(run.host) };
    this.log('vm-ready', [run.info.vm.id, run.host ?? ''], downtime === undefined ? MESSAGES.up(ready) : MESSAGES.upAfter({ ...ready, seconds: downtime }), action.cause);
    this.restarts.placePending();
  }

  // ------------------------------------------------------------- bookkeeping

  private log(kind: SimulationEventKind, elementIds: readonly string[], message: string, causeIndex?: number, partition?: SimulationEvent['partition']): number {
    const event: SimulationEvent = causeIndex === undefined ? { timeSeconds: this.now, kind, elementIds, message } : { timeSeconds: this.now, kind, elementIds, message, causeIndex };
    this.events.push(partition === undefined ? event : { ...event, partition });
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
        secondaryUsed: false,
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
        detail: MESSAGES.unreachableDetail({ host: run.host, networks: formatList(networks) }),
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
    return { reason: 'no-candidate-host', detail: MESSAGES.stillWaiting({}) };
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
