/**
 * Storage failures in the failover engine (engine.ts): per (host, datastore) a running VM
 * relies on, whether a path remains after a failure, and what HA does about it. Paths lost
 * but some left: 'path-failover' (MPIO / ALUA), VMs 'kept-running' with a note. Every path
 * lost: 'permanent-device-loss' when the datastore itself failed (the live array reports it
 * gone), else 'all-paths-down', a failed array included (it cannot send the sense codes PDL
 * needs: vSphere Storage, "Permanent Device Loss and All-Paths-Down"); the VMs hang. VM
 * Component Protection: PDL restart-aggressive terminates and restarts at once; APD
 * restart-* terminates after apdTimeoutSeconds + apdFailoverDelaySeconds (140 s + 180 s).
 * Aggressive terminates even when no host can take the VM (it then stays down, retried
 * later); conservative terminates only when a host that reaches the datastore has room for
 * it, else leaves it hung. Disabled and warning leave VMs hung (down, no-storage-path)
 * until the paths return, when I/O resumes.
 */

import type { Datastore } from '../model/topology';
import { promotedCopy } from '../analysis/storage-network';
import { pairKey, pairsCutBy, type SimulationContext, type VmInfo } from './context';
import { DEFAULT_RECOVERY_SECONDS } from './timings';
import { formatQuantity } from '../model/units';
import type { DownReason, SimulationEventKind } from './types';
import { defineMessages } from '../l10n/messages';

const MESSAGES = defineMessages('simulation.storage', {
  pdl: '{host} loses {datastore} for good (permanent device loss: the array reports the datastore gone).',
  apdArrayFailed: '{host} has no path left to {datastore} (all paths down: its array {array} failed and answers nothing, so no permanent device loss is reported).',
  apd: '{host} has no path left to {datastore} (all paths down).',
  pathFailover: '{host} loses {lost} of {before} paths to {datastore}; multipathing moves I/O to the {after} left.',
  pathFailoverNote: 'I/O to {datastore} failed over to {after} of {before} paths (event {event}).',
  promotedNoRpo: 'The asynchronous copy of {datastore} on {array} is promoted after the {recovery} recovery step; the writes since the last replication (no RPO is stated) are lost.',
  promotedRpo: 'The asynchronous copy of {datastore} on {array} is promoted after the {recovery} recovery step; up to the last {rpo} of writes (the RPO) are lost.',
  startedFromCopy: '{vm} is powered off on {host} and started from the copy of {datastore} on {array}.',
  startedFromCopyNoHost: '{vm} is powered off on its host and started from the copy of {datastore} on {array}.',
  fromCopyNoRpo: 'started from the asynchronous copy of {datastore} on {array}: the writes since the last replication (no RPO is stated) lost.',
  fromCopyRpo: 'started from the asynchronous copy of {datastore} on {array}: up to the last {rpo} of writes (the RPO) lost.',
  hangs: '{vm} hangs: its I/O to {datastore} has nowhere to go.',
  hungPdlHaOff: 'hung on {host} (permanent device loss to {datastore}); HA is off.',
  hungApdHaOff: 'hung on {host} (all paths down to {datastore}); HA is off.',
  pdlTerminates: 'VM Component Protection (PDL: restart-aggressive) terminates {vm} to restart it elsewhere.',
  hungApdVmcpAt: 'hung on {host} (all paths down to {datastore}); VMCP terminates it at {seconds} s.',
  hungPdlLeft: 'hung on {host} (permanent device loss to {datastore}); VM Component Protection is {response}, so HA leaves it there until a path returns.',
  hungApdLeft: 'hung on {host} (all paths down to {datastore}); VM Component Protection is {response}, so HA leaves it there until a path returns.',
  keeps: 'hung; VMCP (restart-conservative) keeps it: {detail}',
  doesNotTerminateAfter: 'VMCP (restart-conservative) does not terminate {vm} after the {timeout} s APD timeout + {delay} s delay: {detail}',
  doesNotTerminate: 'VMCP (restart-conservative) does not terminate {vm} after the APD timeout: {detail}',
  terminatesAfter: 'VM Component Protection (APD: {policy}) terminates {vm} after the {timeout} s APD timeout + {delay} s delay to restart it elsewhere.',
  terminates: 'VM Component Protection (APD: {policy}) terminates {vm} after the APD timeout to restart it elsewhere.',
  hungNote: 'hung from {from} s to {to} s while its storage paths were down; I/O resumed on {host}.',
  resumes: '{vm} resumes on {host}: a path to its storage is back.',
});

/** The engine's record of a VM (its VmRun), as much of it as the storage part reads and writes. */
export interface StorageVm {
  readonly info: VmInfo;
  status: 'running' | 'booting' | 'hung' | 'down';
  /** Host holding the VM's resources (running, booting or hung). */
  readonly host: string | undefined;
  /** Bumped on every status change: stale scheduled actions compare it. */
  epoch: number;
  /** Start of the latest outage of the VM itself. */
  readonly outageStart: number;
  /** Why the VM is down and HA will not restart it (until something changes). */
  stopped: { readonly reason: DownReason; readonly detail: string } | undefined;
  readonly notes: string[];
}

/** What the storage part schedules on the engine's queue and runs when it is due (handle). */
export type StorageAction<V> =
  | { readonly kind: 'vmcp-terminate'; readonly run: V; readonly epoch: number; readonly cause: number; readonly policy: 'restart-conservative' | 'restart-aggressive' }
  | { readonly kind: 'promote-copy'; readonly datastore: Datastore; readonly cause: number };

/** The engine as the storage part sees it: the design, the clock, the failed elements, and the HA actions a storage change sets off. */
export interface StorageEngine<V extends StorageVm> {
  readonly context: SimulationContext;
  /** 'impact' counts no paths (only whether any is left). */
  readonly detail: 'full' | 'impact';
  /** The failed elements, kept current by the engine. */
  readonly failed: ReadonlySet<string>;
  /** Adds a state to the failed set (a promoted copy), returning the set as it was. */
  markFailed(id: string): ReadonlySet<string>;
  now(): number;
  log(kind: SimulationEventKind, elementIds: readonly string[], message: string, causeIndex?: number): number;
  schedule(atSeconds: number, action: StorageAction<V>): void;
  /** Whether any VM has a record yet (until then every VM is where the design puts it). */
  anyVmTouched(): boolean;
  touched(vmId: string): boolean;
  /** The VM's record, created on first use. */
  touch(info: VmInfo): V;
  /** Touched VMs holding resources on a host. */
  touchedOn(hostId: string): V[];
  /** Every touched VM, in no particular order. */
  touchedVms(): Iterable<V>;
  hostFailed(hostId: string): boolean;
  startOutage(run: V, cause: number, message: string): number;
  endOutage(run: V): void;
  goDown(run: V, cause: number, message: string): number;
  scheduleTakeovers(run: V, cause: number, lostHost: string): void;
  restart(runs: V[], cause: number): void;
  chooseHost(run: V): { readonly hostId: string } | { readonly reason: DownReason; readonly detail: string };
  placePending(): void;
}

interface PairChange<V> {
  readonly hostId: string;
  readonly datastore: Datastore;
  readonly runs: readonly V[];
  readonly was: boolean;
  readonly is: boolean;
  readonly pathsBefore: number;
  readonly pathsAfter: number;
}

export class StorageFailures<V extends StorageVm> {
  private reachCache = new Map<string, boolean>();
  /** Asynchronously copied datastores whose promotion is scheduled or done. */
  private readonly promotions = new Set<string>();

  constructor(private readonly engine: StorageEngine<V>) {}

  reaches(hostId: string, datastore: Datastore): boolean {
    return this.engine.context.storage.reaches(hostId, datastore, this.engine.failed, this.reachCache);
  }

  changed(before: ReadonlySet<string>, cause: number): void {
    const beforeCache = this.reachCache;
    this.reachCache = new Map();
    for (const change of this.changedPairs(before, beforeCache)) {
      const { hostId, datastore, runs } = change;
      if (change.was && !change.is) {
        // PDL needs the array to answer with SCSI sense codes that the device is gone; a dead
        // array answers nothing, so its hosts see all paths down (vSphere Storage, "Permanent
        // Device Loss and All-Paths-Down"; VMware KB 2004684). Only a datastore the (live)
        // array reports as removed is a PDL.
        const pdl = this.engine.failed.has(datastore.id);
        const arrayFailed = datastore.array !== undefined && this.engine.failed.has(datastore.array);
        const event = this.engine.log(
          pdl ? 'permanent-device-loss' : 'all-paths-down',
          [hostId, datastore.id],
          pdl
            ? MESSAGES.pdl({ host: hostId, datastore: datastore.id })
            : arrayFailed && datastore.array !== undefined
              ? MESSAGES.apdArrayFailed({ host: hostId, datastore: datastore.id, array: datastore.array })
              : MESSAGES.apd({ host: hostId, datastore: datastore.id }),
          cause,
        );
        for (const run of runs) this.hang(run, datastore, pdl, event);
      } else if (!change.was && change.is) {
        for (const run of runs) this.resumeIfReachable(run, cause);
      } else if (change.pathsAfter < change.pathsBefore) {
        const { pathsBefore, pathsAfter } = change;
        const event = this.engine.log('path-failover', [hostId, datastore.id], MESSAGES.pathFailover({ host: hostId, lost: pathsBefore - pathsAfter, before: pathsBefore, datastore: datastore.id, after: pathsAfter }), cause);
        for (const run of runs) {
          if (run.status === 'running' || run.status === 'booting') run.notes.push(MESSAGES.pathFailoverNote({ datastore: datastore.id, after: pathsAfter, before: pathsBefore, event }));
        }
      }
    }
    this.schedulePromotions(cause);
    this.engine.placePending();
  }

  /**
   * An asynchronous copy takes over only through a recovery step: when its primary array
   * has failed (and the copy's array is up), the copy is promoted after the mirror's
   * recoverySeconds (DEFAULT_RECOVERY_SECONDS when not stated).
   */
  private schedulePromotions(cause: number): void {
    const { failed } = this.engine;
    for (const datastore of this.engine.context.topology.datastores) {
      const mirror = datastore.mirror;
      if (mirror?.mode !== 'async' || datastore.array === undefined || this.promotions.has(datastore.id)) continue;
      if (!failed.has(datastore.array) || failed.has(mirror.array)) continue;
      this.promotions.add(datastore.id);
      this.engine.schedule(this.engine.now() + (mirror.recoverySeconds ?? DEFAULT_RECOVERY_SECONDS), { kind: 'promote-copy', datastore, cause });
    }
  }

  /**
   * The recovery step is done: the copy serves the datastore. Its VMs do not resume: the
   * copy is another LUN, as of the last replication, so a VM hung on the lost primary is
   * powered off and started from the copy, and one already down can now be placed. Each
   * loses the writes of up to the last RPO.
   */
  private promote(datastore: Datastore, cause: number): void {
    const mirror = datastore.mirror;
    if (!mirror || this.engine.failed.has(mirror.array)) return;
    const before = this.engine.markFailed(promotedCopy(datastore.id));
    const rpo = mirror.rpoSeconds === undefined ? undefined : formatQuantity(mirror.rpoSeconds, 'duration');
    const recovery = formatQuantity(mirror.recoverySeconds ?? DEFAULT_RECOVERY_SECONDS, 'duration');
    const copy = { datastore: datastore.id, array: mirror.array };
    const event = this.engine.log('copy-promoted', [datastore.id, mirror.array], rpo === undefined ? MESSAGES.promotedNoRpo({ ...copy, recovery }) : MESSAGES.promotedRpo({ ...copy, recovery, rpo }), cause);
    for (const run of this.engine.touchedVms()) {
      if (!run.info.datastores.some((d) => d.id === datastore.id)) continue;
      const vm = run.info.vm.id;
      if (run.status === 'hung') this.terminate(run, event, run.host === undefined ? MESSAGES.startedFromCopyNoHost({ vm, ...copy }) : MESSAGES.startedFromCopy({ vm, host: run.host, ...copy }));
      if (run.status === 'down') run.notes.push(rpo === undefined ? MESSAGES.fromCopyNoRpo(copy) : MESSAGES.fromCopyRpo({ ...copy, rpo }));
    }
    this.changed(before, event);
  }

  /**
   * The (host, datastore) pairs running VMs rely on whose reachability (or, in full mode,
   * path count) changed, with their VMs in file order. In impact mode a first lone failure
   * looks only at the pairs that element cuts (context.pairsCutBy): no other pair can change.
   */
  private changedPairs(before: ReadonlySet<string>, beforeCache: Map<string, boolean>): PairChange<V>[] {
    if (this.engine.detail === 'impact' && before.size === 0 && this.engine.failed.size === 1 && !this.engine.anyVmTouched()) {
      const [element] = this.engine.failed;
      return pairsCutBy(this.engine.context, element as string).map((pair) => ({
        hostId: pair.hostId,
        datastore: pair.datastore,
        runs: pair.vmIds.map((id) => this.engine.touch(this.engine.context.vms.get(id) as VmInfo)),
        was: this.engine.context.storage.reaches(pair.hostId, pair.datastore, before, beforeCache),
        is: this.reaches(pair.hostId, pair.datastore),
        pathsBefore: 0,
        pathsAfter: 0,
      }));
    }
    const pairs = new Map<string, { hostId: string; datastore: Datastore; vms: VmInfo[] }>();
    for (const info of this.engine.context.hosts.values()) {
      if (this.engine.hostFailed(info.host.id)) continue;
      const untouched = info.vms.filter((vm) => !this.engine.touched(vm.vm.id));
      const touched = this.engine.touchedOn(info.host.id).filter((run) => run.status !== 'down').map((run) => run.info);
      for (const vm of [...untouched, ...touched]) {
        for (const datastore of vm.datastores) {
          const key = pairKey(info.host.id, datastore.id);
          const pair = pairs.get(key);
          if (pair) pair.vms.push(vm);
          else pairs.set(key, { hostId: info.host.id, datastore, vms: [vm] });
        }
      }
    }
    const changes: PairChange<V>[] = [];
    for (const { hostId, datastore, vms } of pairs.values()) {
      const was = this.engine.context.storage.reaches(hostId, datastore, before, beforeCache);
      const is = this.reaches(hostId, datastore);
      const counted = was && is && this.engine.detail === 'full';
      const pathsBefore = counted ? this.engine.context.storage.pathCount(hostId, datastore, before) : 0;
      const pathsAfter = counted ? this.engine.context.storage.pathCount(hostId, datastore, this.engine.failed) : 0;
      if (was === is && pathsBefore === pathsAfter) continue;
      const runs = [...vms].sort((a, b) => a.order - b.order).map((vm) => this.engine.touch(vm));
      changes.push({ hostId, datastore, runs, was, is, pathsBefore, pathsAfter });
    }
    return changes;
  }

  private hang(run: V, datastore: Datastore, pdl: boolean, cause: number): void {
    if (run.status !== 'running' && run.status !== 'booting') return;
    run.status = 'hung';
    run.epoch += 1;
    const event = this.engine.startOutage(run, cause, MESSAGES.hangs({ vm: run.info.vm.id, datastore: datastore.id }));
    if (run.host !== undefined) this.engine.scheduleTakeovers(run, event, run.host);
    const ha = run.info.cluster?.ha;
    const protection = ha?.componentProtection;
    const hung = { host: String(run.host), datastore: datastore.id };
    if (!ha?.enabled || !protection) {
      run.stopped = { reason: 'no-storage-path', detail: (pdl ? MESSAGES.hungPdlHaOff : MESSAGES.hungApdHaOff)(hung) };
      return;
    }
    if (pdl && protection.pdl === 'restart-aggressive') return this.terminate(run, event, MESSAGES.pdlTerminates({ vm: run.info.vm.id }));
    if (!pdl && (protection.apd === 'restart-conservative' || protection.apd === 'restart-aggressive')) {
      const delay = protection.apdTimeoutSeconds + protection.apdFailoverDelaySeconds;
      this.engine.schedule(this.engine.now() + delay, { kind: 'vmcp-terminate', run, epoch: run.epoch, cause: event, policy: protection.apd });
      run.stopped = { reason: 'no-storage-path', detail: MESSAGES.hungApdVmcpAt({ ...hung, seconds: this.engine.now() + delay }) };
      return;
    }
    const response = pdl ? protection.pdl : protection.apd;
    run.stopped = { reason: 'no-storage-path', detail: (pdl ? MESSAGES.hungPdlLeft : MESSAGES.hungApdLeft)({ ...hung, response }) };
  }

  handle(action: StorageAction<V>): void {
    if (action.kind === 'promote-copy') return this.promote(action.datastore, action.cause);
    this.vmcpTerminate(action);
  }

  private vmcpTerminate(action: Extract<StorageAction<V>, { kind: 'vmcp-terminate' }>): void {
    const { run } = action;
    if (run.status !== 'hung' || run.epoch !== action.epoch) return;
    const protection = run.info.cluster?.ha.componentProtection;
    const vm = run.info.vm.id;
    const timing = protection ? { timeout: protection.apdTimeoutSeconds, delay: protection.apdFailoverDelaySeconds } : undefined;
    if (action.policy === 'restart-conservative') {
      const target = this.engine.chooseHost(run);
      if (!('hostId' in target)) {
        run.stopped = { reason: target.reason, detail: MESSAGES.keeps({ detail: target.detail }) };
        const message = timing ? MESSAGES.doesNotTerminateAfter({ vm, ...timing, detail: target.detail }) : MESSAGES.doesNotTerminate({ vm, detail: target.detail });
        this.engine.log('vm-restart-pending', [vm], message, action.cause);
        return;
      }
    }
    this.terminate(run, action.cause, timing ? MESSAGES.terminatesAfter({ policy: action.policy, vm, ...timing }) : MESSAGES.terminates({ policy: action.policy, vm }));
  }

  private terminate(run: V, cause: number, message: string): void {
    const event = this.engine.goDown(run, cause, message);
    this.engine.restart([run], event);
  }

  private resumeIfReachable(run: V, cause: number): void {
    if (run.status !== 'hung' || run.host === undefined) return;
    const hostId = run.host;
    if (!run.info.datastores.every((datastore) => this.reaches(hostId, datastore))) return;
    run.status = 'running';
    run.epoch += 1;
    run.stopped = undefined;
    const hungSince = run.outageStart;
    this.engine.endOutage(run);
    run.notes.push(MESSAGES.hungNote({ from: hungSince, to: this.engine.now(), host: hostId }));
    this.engine.log('vm-ready', [run.info.vm.id, hostId], MESSAGES.resumes({ vm: run.info.vm.id, host: hostId }), cause);
    this.engine.placePending();
  }
}
