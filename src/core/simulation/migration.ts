/**
 * Live migration, planned work only (HA is not live migration, docs/design/domain.md#ha-restarts-it-does-not-migrate): the fluid model
 * of pre-copy with the stop conditions of each implementation as data (docs/design/algorithms.md#41-pre-copy),
 * post-copy (4.2), CloudSim's estimate beside ours (4.3), and the checks a design must pass
 * before a VM may move to a host. Pure and deterministic.
 *
 * Units: memory and dirty rates in MB (binary: 1 MB = 1 MiB = 1,048,576 bytes) as the design
 * writes them; links in Mbps (decimal: 1 Mbps = 10^6 bit/s). A link of L Mbps moves
 * linkMBps(L) = L x 10^6 / (8 x 2^20) MB per second (units.ts): 1 Gbps is 119.21 MB/s, not
 * 125, and the 4.9% is kept.
 */

import type { Cluster, Datastore, Host, Topology, Vm } from '../model/topology';
import { familyKey, generationIndex, vendorOf } from '../domain/cpu-families';
import { editionOf } from '../domain/editions';
import { reachesDatastore, storageNetworkOf } from '../analysis/storage-network';
import { shortfalls } from '../capacity/fits';
import { hostCapacity, isGoodHost, vmDemand } from '../capacity/resources';
import { linkMBps } from '../model/units';
import type { MigrationMethod, MigrationResult, PreCopyRound } from './types';
import { LIVE_MIGRATION_NAMES } from '../domain/platform-names';
import { defineMessages } from '../l10n/messages';
import { formatList } from '../l10n/format';

const MESSAGES = defineMessages('simulation.migration', {
  noLink: 'No migration link (0 Mbps): nothing can be sent.',
  notConverging: 'The dirty rate {dirtyRate} MB/s is at least the link\'s {linkRate} MB/s (lambda = D/R = {lambda} >= 1): pre-copy cannot converge.',
  pendingFits: 'Pending memory ({pending} MB) can be sent within the {target} s downtime target: stop-and-copy.',
  noConvergence: 'No convergence after {rounds} modelled rounds.',
  fewPagesSent: 'Round {round} sent fewer than {pages} pages: suspend and send the last dirty set.',
  fewPagesDirty: 'At most {pages} pages dirty after round {round}: suspend and send them.',
  maxRounds: '{rounds} rounds done (the limit): suspend and send the {pending} MB still dirty.',
  maxSent: 'More than {factor} x memory sent ({sent} MB): suspend and send the {pending} MB still dirty.',
  noProgressStun: 'Round {round} made no progress and the guest is not slowed (no Stun During Page Send): switch over with {pending} MB dirty.',
  noProgressForever: 'Round {round} made no progress and the guest is not throttled (no auto-converge): pre-copy would iterate forever.',
  throttledAutoConverge: 'The guest was throttled by {percent}% (auto-converge).',
  throttledStun: 'The guest was throttled by {percent}% (Stun During Page Send).',
  staysOnSource: 'The VM stays on the source.',
  switchoverTooLong: 'The switchover would take {seconds} s, over the {limit} s limit: the migration fails and the VM stays on the source.',
  postCopy: 'Post-copy: the VM resumed on the target after its device state, then pulled {memory} MB, each page once, running degraded meanwhile. If the target fails during those {seconds} s the VM is lost: neither host holds all of its memory (pre-copy can fall back to the source).',
  quoted: '"{id}"',
  noVm: 'There is no VM "{vm}".',
  noHost: 'There is no host "{host}".',
  sameHost: 'VM "{vm}" already runs on "{host}".',
  noCluster: 'Host "{host}" belongs to no cluster.',
  otherCluster: 'Host "{host}" is not in cluster "{cluster}".',
  notConnected: 'Host "{host}" is {state}, not connected.',
  failoverHost: 'Host "{host}" is a dedicated failover host: it runs no VMs until a failure (docs/design/algorithms.md#13-dedicated-failover-hosts).',
  edition: 'Host "{host}" runs {product}, which has no {migration}.',
  noNetwork: 'No {migration} network between "{from}" and "{to}": no port with the vmotion role on "{host}" and no migrationNetworkMbps on cluster "{cluster}".',
  cpuVendor: 'Host "{from}" has {fromVendor} CPUs and "{to}" {toVendor}: no compatibility baseline spans vendors.',
  cpuOlder: 'Host "{host}" ({family}) is older than the cluster\'s cpuCompatibility "{baseline}" and cannot offer it.',
  cpuGeneration: 'Host "{from}" ({fromFamily}) and "{to}" ({toFamily}) differ in CPU generation and cluster "{cluster}" sets no cpuCompatibility baseline.',
  memory: 'VM "{vm}" reserves {reserved} MB (reservation + overhead); host "{host}" has {free} MB unreserved.',
  cpu: 'VM "{vm}" reserves {reserved} MHz; host "{host}" has {free} MHz unreserved.',
  vmLimit: 'Host "{host}" already runs {count} VMs, its limit (maxVms).',
  mustRunOn: 'Rule "{rule}": VM "{vm}" must run on {hosts}.',
  mustNotRunOn: 'Rule "{rule}": VM "{vm}" must not run on "{host}".',
  antiAffinityOne: 'Anti-affinity rule "{rule}": {peers} already runs on "{host}".',
  antiAffinityMany: 'Anti-affinity rule "{rule}": {peers} already run on "{host}".',
  datastore: 'Host "{host}" cannot reach datastore "{datastore}" of VM "{vm}".',
  poweredOff: 'Powered off: re-registered on "{host}", no memory to copy.',
  suspended: 'Suspended: re-registered on "{host}", no memory to copy.',
});

/** Ids in quotes, listed: `"a", "b"` (`“a”、“b”` in Chinese). */
function quotedList(ids: readonly string[]): string {
  return formatList(ids.map((id) => MESSAGES.quoted({ id })));
}

/** Sentences one after the other. */
function sentences(...texts: readonly string[]): string {
  return texts.filter((text) => text !== '').join(' ');
}

/** x86 page: 4 KiB. Xen's thresholds count pages (libxc, xg_sr_save.c). */
export const PAGE_MB = 4 / 1024;

/** A migration method that iterates pre-copy rounds. */
export type PreCopyMethod = Exclude<MigrationMethod, 'post-copy'>;

/**
 * When an implementation ends pre-copy and how it makes a busy guest converge, as data
 * (docs/design/algorithms.md#41-pre-copy). Conditions are checked after every live round, convergence first.
 */
export interface PreCopyProfile {
  readonly method: PreCopyMethod;
  readonly name: string;
  readonly source: string;
  /** Stop when a round sent fewer than this many pages (Xen classic). */
  readonly minPagesSentPerRound?: number;
  /** Stop when at most this many pages are dirty after a round (Xen >= 4.6). */
  readonly dirtyPagesThreshold?: number;
  /** Stop when the pending memory can be sent in this many seconds (QEMU downtime limit, vMotion switchover goal). */
  readonly downtimeTargetSeconds?: number;
  /** Stop after this many live rounds, converged or not (Xen). */
  readonly maxRounds?: number;
  /** Stop when the total sent exceeds this multiple of memory (Xen classic). */
  readonly maxSentFactor?: number;
  /** How a guest that does not converge is slowed down: QEMU auto-converge, vMotion Stun During Page Send, or not at all. */
  readonly throttle: 'none' | 'auto-converge' | 'stun-during-page-send';
  /** A switchover longer than this fails the migration; the VM stays on the source (vMotion). */
  readonly maxSwitchoverSeconds?: number;
  /**
   * What happens when a round makes no progress and no throttle helps: vMotion switches
   * over with what is dirty; QEMU keeps iterating, so the migration never completes. Xen
   * needs no rule: its round limit ends pre-copy.
   */
  readonly withoutProgress?: 'switch-over' | 'never-completes';
}

export const PRECOPY_PROFILES: Readonly<Record<PreCopyMethod, PreCopyProfile>> = {
  'xen-classic': {
    method: 'xen-classic',
    name: 'Xen (classic libxc save)',
    // DEF_MAX_ITERS 29 ("limit us to 30 times round loop"), DEF_MAX_FACTOR 3, and "sent_this_iter < 50".
    source: 'libxc xc_domain_save.c (docs/design/algorithms.md#41-pre-copy): stop when a round sent < 50 pages, after 29 rounds, or when more than 3 x memory was sent',
    minPagesSentPerRound: 50,
    maxRounds: 29,
    maxSentFactor: 3,
    throttle: 'none',
  },
  xen: {
    method: 'xen',
    name: 'Xen >= 4.6 (migration v2)',
    // ctx->save.max_iterations = 5, dirty_threshold = 50: the live loop runs while dirty_count > 50.
    source: 'xg_sr_save.c (docs/design/algorithms.md#41-pre-copy): stop when at most 50 pages are dirty or after 5 rounds',
    dirtyPagesThreshold: 50,
    maxRounds: 5,
    throttle: 'none',
  },
  qemu: {
    method: 'qemu',
    name: 'QEMU/KVM pre-copy',
    source: 'QEMU migration.c (docs/design/algorithms.md#41-pre-copy): stop-and-copy when pending < bandwidth x downtime-limit (default 300 ms); auto-converge throttles the guest 20%, +10% per step, at most 99%',
    downtimeTargetSeconds: 0.3,
    throttle: 'auto-converge',
    withoutProgress: 'never-completes',
  },
  vmotion: {
    method: 'vmotion',
    name: 'vMotion',
    source: 'vSphere vMotion (docs/design/algorithms.md#41-pre-copy): switchover aims under 1 s; Stun During Page Send slows the vCPUs so pre-copy converges; a switchover over 100 s fails the migration',
    downtimeTargetSeconds: 1,
    throttle: 'stun-during-page-send',
    maxSwitchoverSeconds: 100,
    withoutProgress: 'switch-over',
  },
};

/** QEMU auto-converge (migration parameters, docs/design/algorithms.md#41-pre-copy); the trigger is QEMU's throttle-trigger-threshold. */
export const AUTO_CONVERGE = {
  /** cpu-throttle-initial: first throttle, percent of vCPU time taken away. */
  initialPercent: 20,
  /** cpu-throttle-increment. */
  incrementPercent: 10,
  /** cpu-throttle-max. */
  maxPercent: 99,
  /** throttle-trigger-threshold: a round "dirties too fast" when it dirtied more than this share of what it sent. */
  triggerPercent: 50,
  /** dirty_rate_high_cnt: rounds in a row that must dirty too fast before each throttle step. */
  triggerRounds: 2,
} as const;

/** Knobs of the model that no design states. Each default says where it comes from. */
export interface MigrationTuning {
  /**
   * CPU and device state sent during the pause. Assumption: about 2 MB (vCPU registers,
   * device models); not published per product. Set it from measurements.
   */
  readonly deviceStateMB: number;
  /**
   * Time to resume on the target once everything is there (device restart, RARP/ARP
   * announcement). Assumption: 50 ms, of the order of Clark et al.'s measured downtimes.
   */
  readonly resumeSeconds: number;
  /** Overrides the profile's downtime target (QEMU downtime-limit, vMotion switchover goal). */
  readonly allowedDowntimeSeconds?: number;
  /** QEMU auto-converge: off, as in QEMU until the capability is enabled; the cluster's migration.autoConverge turns it on. */
  readonly autoConverge: boolean;
  /** vMotion Stun During Page Send (vSphere 5.0 and later). */
  readonly stunDuringPageSend: boolean;
  /** The model gives up after this many rounds for methods without a round limit (QEMU, vMotion). */
  readonly maxModelledRounds: number;
}

export const DEFAULT_TUNING: MigrationTuning = {
  deviceStateMB: 2,
  resumeSeconds: 0.05,
  autoConverge: false,
  stunDuringPageSend: true,
  maxModelledRounds: 1000,
};

export interface MigrationParams {
  readonly method: MigrationMethod;
  /** Memory of the VM (M). */
  readonly memoryMB: number;
  /** Link the migration may use. */
  readonly linkMbps: number;
  /** Rate at which the guest dirties memory (D). */
  readonly dirtyRateMBps: number;
  /** Writable working set (WWS): the most one round can leave dirty. Defaults to the whole memory. */
  readonly workingSetMB?: number;
  readonly tuning?: Partial<MigrationTuning>;
}

/** The model's answer for one VM, before it is tied to a VM and two hosts. */
export type MigrationEstimate = Omit<MigrationResult, 'vmId' | 'fromHost' | 'toHost'>;

/** Memory pending below this is treated as equal (floating-point noise in MB). */
const EPSILON_MB = 1e-9;

/**
 * CloudSim: migration delay = RAM / (bandwidth / 2), half the link for migration, no downtime
 * (docs/design/algorithms.md#43-simulator-baselines), with the RAM in bytes and the link in bit/s: 1024 MB over 1 Gbps is
 * 8.59 s at the full rate, 17.18 s at half.
 */
export function cloudsimSeconds(memoryMB: number, linkMbps: number): number {
  return memoryMB / (linkMBps(linkMbps) / 2);
}

/** Pre-copy or post-copy, by method. */
export function estimateMigration(params: MigrationParams): MigrationEstimate {
  return params.method === 'post-copy' ? postcopy(params) : precopy({ ...params, method: params.method });
}

/** Nothing moves over a link of 0 Mbps. */
function withoutLink(params: MigrationParams): MigrationEstimate {
  return { method: params.method, linkMbps: params.linkMbps, rounds: [], totalSeconds: 0, downtimeSeconds: 0, sentMB: 0, converged: false, failed: true, stopReason: MESSAGES.noLink({}), cloudsimSeconds: Infinity };
}

function rounded(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * Pre-copy as a fluid model (docs/design/algorithms.md#41-pre-copy): round 1 sends all memory V0 = M while the
 * guest runs; round i+1 sends what round i left dirty, V(i+1) = min(D' * V(i) / R, WWS),
 * where D' is the dirty rate after any throttling. When the profile's stop condition holds,
 * stop-and-copy sends the last dirty set plus the device state: downtime = (V(last) +
 * state) / R + resume. lambda = D / R >= 1 does not converge on its own.
 */
export function precopy(params: MigrationParams & { readonly method: PreCopyMethod }): MigrationEstimate {
  if (!(params.linkMbps > 0)) return withoutLink(params);
  const profile = PRECOPY_PROFILES[params.method];
  const tuning = { ...DEFAULT_TUNING, ...params.tuning };
  const memoryMB = params.memoryMB;
  const rateMBps = linkMBps(params.linkMbps);
  const workingSetMB = Math.min(params.workingSetMB ?? memoryMB, memoryMB);
  const lambda = params.dirtyRateMBps / rateMBps;
  const target = profile.downtimeTargetSeconds === undefined ? undefined : (tuning.allowedDowntimeSeconds ?? profile.downtimeTargetSeconds);
  const throttle = profile.throttle === 'auto-converge' && !tuning.autoConverge ? 'none' : profile.throttle === 'stun-during-page-send' && !tuning.stunDuringPageSend ? 'none' : profile.throttle;
  const notConverging = lambda >= 1 ? MESSAGES.notConverging({ dirtyRate: rounded(params.dirtyRateMBps), linkRate: rounded(rateMBps), lambda: rounded(lambda) }) : '';

  const rounds: PreCopyRound[] = [];
  let pendingMB = memoryMB;
  let totalSentMB = 0;
  let liveSeconds = 0;
  let throttlePercent = 0;
  let roundsDirtyingTooFast = 0;
  let stop: { converged: boolean; reason: string } | undefined;

  const fitsTarget = (mb: number) => target !== undefined && mb <= rateMBps * target + EPSILON_MB;

  for (let round = 1; ; round += 1) {
    if (fitsTarget(pendingMB)) {
      stop = { converged: true, reason: MESSAGES.pendingFits({ pending: rounded(pendingMB), target: target ?? 0 }) };
      break;
    }
    if (round > tuning.maxModelledRounds) {
      stop = { converged: false, reason: MESSAGES.noConvergence({ rounds: tuning.maxModelledRounds }) };
      break;
    }
    const sentMB = pendingMB;
    const seconds = sentMB / rateMBps;
    const dirtyRate = params.dirtyRateMBps * (1 - throttlePercent / 100);
    const dirtiedMB = Math.min(dirtyRate * seconds, workingSetMB);
    rounds.push({ round, sentMB, seconds, dirtiedMB });
    totalSentMB += sentMB;
    liveSeconds += seconds;
    pendingMB = dirtiedMB;

    if (profile.minPagesSentPerRound !== undefined && sentMB < profile.minPagesSentPerRound * PAGE_MB) {
      stop = { converged: true, reason: MESSAGES.fewPagesSent({ round, pages: profile.minPagesSentPerRound }) };
    } else if (profile.dirtyPagesThreshold !== undefined && pendingMB <= profile.dirtyPagesThreshold * PAGE_MB) {
      stop = { converged: true, reason: MESSAGES.fewPagesDirty({ pages: profile.dirtyPagesThreshold, round }) };
    } else if (profile.maxRounds !== undefined && round >= profile.maxRounds) {
      stop = { converged: false, reason: MESSAGES.maxRounds({ rounds: profile.maxRounds, pending: rounded(pendingMB) }) };
    } else if (profile.maxSentFactor !== undefined && totalSentMB > profile.maxSentFactor * memoryMB) {
      stop = { converged: false, reason: MESSAGES.maxSent({ factor: profile.maxSentFactor, sent: rounded(totalSentMB), pending: rounded(pendingMB) }) };
    } else if (throttle === 'auto-converge') {
      if (dirtiedMB > (AUTO_CONVERGE.triggerPercent / 100) * sentMB) roundsDirtyingTooFast += 1;
      else roundsDirtyingTooFast = 0;
      if (roundsDirtyingTooFast >= AUTO_CONVERGE.triggerRounds && throttlePercent < AUTO_CONVERGE.maxPercent) {
        throttlePercent = throttlePercent === 0 ? AUTO_CONVERGE.initialPercent : Math.min(AUTO_CONVERGE.maxPercent, throttlePercent + AUTO_CONVERGE.incrementPercent);
        roundsDirtyingTooFast = 0;
      }
    } else if (throttle === 'stun-during-page-send') {
      // No progress: slow the vCPUs so the next round leaves no more than the switchover goal dirty.
      if (pendingMB >= sentMB && !fitsTarget(pendingMB) && target !== undefined) {
        const allowedRate = (rateMBps * target * rateMBps) / pendingMB;
        throttlePercent = Math.max(throttlePercent, 100 * (1 - Math.min(1, allowedRate / params.dirtyRateMBps)));
      }
    } else if (pendingMB >= sentMB && profile.withoutProgress === 'switch-over') {
      stop = { converged: false, reason: MESSAGES.noProgressStun({ round, pending: rounded(pendingMB) }) };
    } else if (pendingMB >= sentMB && profile.withoutProgress === 'never-completes') {
      stop = { converged: false, reason: MESSAGES.noProgressForever({ round }) };
    }
    if (stop) break;
  }

  const throttled = throttlePercent > 0 ? (throttle === 'auto-converge' ? MESSAGES.throttledAutoConverge : MESSAGES.throttledStun)({ percent: rounded(throttlePercent) }) : '';
  const base = { method: params.method, linkMbps: params.linkMbps, rounds, cloudsimSeconds: cloudsimSeconds(memoryMB, params.linkMbps) };
  if (!stop.converged && profile.withoutProgress === 'never-completes') {
    return { ...base, totalSeconds: liveSeconds, downtimeSeconds: 0, sentMB: totalSentMB, converged: false, failed: true, stopReason: sentences(stop.reason, notConverging, throttled, MESSAGES.staysOnSource({})) };
  }
  const switchoverSeconds = (pendingMB + tuning.deviceStateMB) / rateMBps + tuning.resumeSeconds;
  if (profile.maxSwitchoverSeconds !== undefined && switchoverSeconds > profile.maxSwitchoverSeconds) {
    return {
      ...base,
      totalSeconds: liveSeconds,
      downtimeSeconds: 0,
      sentMB: totalSentMB,
      converged: false,
      failed: true,
      stopReason: sentences(stop.reason, notConverging, MESSAGES.switchoverTooLong({ seconds: rounded(switchoverSeconds), limit: profile.maxSwitchoverSeconds })),
    };
  }
  return {
    ...base,
    totalSeconds: liveSeconds + switchoverSeconds,
    downtimeSeconds: switchoverSeconds,
    sentMB: totalSentMB + pendingMB + tuning.deviceStateMB,
    converged: stop.converged,
    stopReason: sentences(stop.reason, stop.converged ? '' : notConverging, throttled),
  };
}

/**
 * Post-copy (docs/design/algorithms.md#42-post-copy, Hines and Gopalan): send the CPU and device state, resume
 * on the target, then pull pages on fault and push the rest. Each page moves once: total ~
 * (M + state) / R, downtime ~ state / R + resume, degraded ~ M / R.
 */
export function postcopy(params: MigrationParams): MigrationEstimate {
  if (!(params.linkMbps > 0)) return withoutLink(params);
  const tuning = { ...DEFAULT_TUNING, ...params.tuning };
  const rateMBps = linkMBps(params.linkMbps);
  const downtimeSeconds = tuning.deviceStateMB / rateMBps + tuning.resumeSeconds;
  const degradedSeconds = params.memoryMB / rateMBps;
  return {
    method: 'post-copy',
    linkMbps: params.linkMbps,
    rounds: [],
    totalSeconds: downtimeSeconds + degradedSeconds,
    downtimeSeconds,
    degradedSeconds,
    sentMB: params.memoryMB + tuning.deviceStateMB,
    converged: true,
    stopReason: MESSAGES.postCopy({ memory: rounded(params.memoryMB), seconds: rounded(degradedSeconds) }),
    cloudsimSeconds: cloudsimSeconds(params.memoryMB, params.linkMbps),
  };
}

// ----------------------------------------------------------------- the design side

/** Where each VM runs: the design's placement, then the moves a plan has made so far. */
export class Placement {
  private readonly hostByVm = new Map<string, string>();
  private readonly vmsByHost = new Map<string, Vm[]>();
  private readonly order = new Map<string, number>();

  constructor(readonly topology: Topology) {
    topology.vms.forEach((vm, index) => {
      this.order.set(vm.id, index);
      this.hostByVm.set(vm.id, vm.host);
      const list = this.vmsByHost.get(vm.host);
      if (list) list.push(vm);
      else this.vmsByHost.set(vm.host, [vm]);
    });
  }

  hostOf(vmId: string): string | undefined {
    return this.hostByVm.get(vmId);
  }

  /** VMs on a host, in declaration order. */
  vmsOn(hostId: string): readonly Vm[] {
    return this.vmsByHost.get(hostId) ?? [];
  }

  move(vm: Vm, toHostId: string): void {
    const from = this.hostByVm.get(vm.id);
    if (from === undefined || from === toHostId) return;
    this.vmsByHost.set(from, this.vmsOn(from).filter((other) => other.id !== vm.id));
    const target = [...this.vmsOn(toHostId), vm].sort((a, b) => (this.order.get(a.id) ?? 0) - (this.order.get(b.id) ?? 0));
    this.vmsByHost.set(toHostId, target);
    this.hostByVm.set(vm.id, toHostId);
  }

  /** Reserved CPU and memory (reservations + overhead, docs/design/algorithms.md#2-ha-restart-after-a-host-failure) of the powered-on VMs on a host. */
  reservedOn(hostId: string, cluster: Cluster): { cpuMHz: number; memoryMB: number; vmCount: number } {
    let cpuMHz = 0;
    let memoryMB = 0;
    let vmCount = 0;
    for (const vm of this.vmsOn(hostId)) {
      if (vm.power !== 'on') continue;
      const demand = vmDemand(vm, cluster);
      cpuMHz += demand.cpuMHz;
      memoryMB += demand.reservedMemoryMB;
      vmCount += 1;
    }
    return { cpuMHz, memoryMB, vmCount };
  }
}

/** Why a VM may not move to a host. */
export type RefusalCode =
  | 'unknown-vm'
  | 'unknown-host'
  | 'same-host'
  | 'no-cluster'
  | 'other-cluster'
  | 'target-not-connected'
  | 'failover-host'
  | 'edition'
  | 'no-migration-network'
  | 'cpu-vendor'
  | 'cpu-family'
  | 'datastore'
  | 'memory'
  | 'cpu'
  | 'vm-limit'
  | 'must-rule'
  | 'anti-affinity';

export interface MigrationRefusal {
  readonly vmId: string;
  readonly toHost: string;
  readonly code: RefusalCode;
  /** One sentence for people. */
  readonly reason: string;
}

/** A live migration simulated, or the reasons it is refused. */
export type MigrationAttempt =
  | { readonly kind: 'migrated'; readonly migration: MigrationResult }
  | { readonly kind: 'refused'; readonly refusals: readonly MigrationRefusal[] };

/** The platform's algorithm unless the cluster names one (docs/design/algorithms.md#41-pre-copy; docs in format.ts). */
export function migrationMethodOf(topology: Topology, cluster: Cluster): MigrationMethod {
  const stated = cluster.migration.method;
  if (stated !== 'auto') return stated;
  switch (topology.platform) {
    case 'vsphere':
      return 'vmotion';
    case 'xenserver':
      return 'xen';
    case 'hyperv':
    case 'proxmox':
      return 'qemu';
  }
}

/**
 * The fastest port that carries live migration on a host: ports with the vmotion role and
 * the uplinks of VMkernel ports with that role. Written here because migration-network.ts
 * keeps its port finder private.
 */
export function fastestMigrationPortMbps(host: Host): number | undefined {
  const speeds = new Map<string, number>();
  const vmotionPorts = new Set(host.vmkernelPorts.filter((vmk) => vmk.roles.includes('vmotion')).flatMap((vmk) => [...vmk.active, ...vmk.standby]));
  for (const adapter of host.adapters) {
    if (adapter.type === 'fc') continue;
    for (const port of adapter.ports) {
      if (port.speedMbps !== undefined && (port.roles?.includes('vmotion') || vmotionPorts.has(port.id))) speeds.set(port.id, port.speedMbps);
    }
  }
  return speeds.size === 0 ? undefined : Math.max(...speeds.values());
}

/**
 * The network live migration runs on between two hosts: the cluster's migrationNetworkMbps,
 * else the slower of the two hosts' fastest migration ports. Undefined: no migration network.
 */
export function migrationNetworkMbps(cluster: Cluster, from: Host, to: Host): number | undefined {
  if (cluster.migrationNetworkMbps !== undefined) return cluster.migrationNetworkMbps;
  const a = fastestMigrationPortMbps(from);
  const b = fastestMigrationPortMbps(to);
  return a === undefined || b === undefined ? undefined : Math.min(a, b);
}

/** Link one migration gets: migration.bandwidthMbps, else the migration network. */
export function migrationLinkMbps(cluster: Cluster, from: Host, to: Host): number | undefined {
  return cluster.migration.bandwidthMbps ?? migrationNetworkMbps(cluster, from, to);
}

/**
 * Whether a host can open a datastore: local storage only on its own host; a LUN only where
 * presented; on an array, through the storage network when the design cables the host's
 * storage ports, else (paths not modelled) as the datastore's `shared` says.
 */
export function canOpenDatastore(topology: Topology, host: Host, datastore: Datastore): boolean {
  if (topology.isLocalDatastore(datastore)) return datastore.host === host.id;
  if (datastore.presentedTo !== undefined && !datastore.presentedTo.includes(host.id)) return false;
  if (datastore.array === undefined) return true;
  const network = storageNetworkOf(topology);
  const ports = network.hostPorts.get(host.id) ?? [];
  if (!ports.some((port) => port.attachments.length > 0)) return true;
  return reachesDatastore(network, host, datastore, new Set());
}

function refusal(vm: Vm | string, toHost: string, code: RefusalCode, reason: string): MigrationRefusal {
  return { vmId: typeof vm === 'string' ? vm : vm.id, toHost, code, reason };
}

/**
 * Every reason `vmId` may not live-migrate to `toHostId` given where VMs are now
 * (`placement`, the design's by default); empty when it may. Powered-off and suspended VMs
 * are only re-registered: they need the target's storage, connection and must rules, not
 * CPU compatibility, capacity or a migration network.
 */
export function checkMigration(topology: Topology, vmId: string, toHostId: string, placement: Placement = new Placement(topology)): MigrationRefusal[] {
  const vm = topology.vm(vmId);
  if (!vm) return [refusal(vmId, toHostId, 'unknown-vm', MESSAGES.noVm({ vm: vmId }))];
  const fromId = placement.hostOf(vm.id) ?? vm.host;
  const from = topology.host(fromId);
  const to = topology.host(toHostId);
  if (!from || !to) return [refusal(vm, toHostId, 'unknown-host', MESSAGES.noHost({ host: from ? toHostId : fromId }))];
  if (from.id === to.id) return [refusal(vm, to.id, 'same-host', MESSAGES.sameHost({ vm: vm.id, host: to.id }))];
  const cluster = topology.clusterOfHost(from);
  if (!cluster) return [refusal(vm, to.id, 'no-cluster', MESSAGES.noCluster({ host: from.id }))];
  if (topology.clusterOfHost(to)?.id !== cluster.id) return [refusal(vm, to.id, 'other-cluster', MESSAGES.otherCluster({ host: to.id, cluster: cluster.id }))];

  const running = vm.power === 'on';
  const name = LIVE_MIGRATION_NAMES[topology.platform];
  const reasons: MigrationRefusal[] = [];
  if (!isGoodHost(to)) reasons.push(refusal(vm, to.id, 'target-not-connected', MESSAGES.notConnected({ host: to.id, state: to.state })));
  const admission = cluster.ha.admissionControl;
  if (admission.policy === 'failover-hosts' && (admission.failoverHosts ?? []).includes(to.id)) {
    reasons.push(refusal(vm, to.id, 'failover-host', MESSAGES.failoverHost({ host: to.id })));
  }
  if (running) {
    for (const host of [from, to]) {
      const edition = editionOf(topology, host);
      if (edition && !edition.features.liveMigration) reasons.push(refusal(vm, to.id, 'edition', MESSAGES.edition({ host: host.id, product: edition.features.product, migration: name })));
    }
    if (migrationLinkMbps(cluster, from, to) === undefined) {
      reasons.push(refusal(vm, to.id, 'no-migration-network', MESSAGES.noNetwork({ migration: name, from: from.id, to: to.id, host: fastestMigrationPortMbps(from) === undefined ? from.id : to.id, cluster: cluster.id })));
    }
    reasons.push(...cpuRefusals(vm, from, to, cluster));
  }
  for (const datastoreId of [vm.datastore, ...(vm.sharedDisks ?? [])]) {
    const datastore = datastoreId === undefined ? undefined : topology.datastore(datastoreId);
    if (datastore && !canOpenDatastore(topology, to, datastore)) {
      reasons.push(refusal(vm, to.id, 'datastore', MESSAGES.datastore({ host: to.id, datastore: datastore.id, vm: vm.id })));
    }
  }
  if (running) reasons.push(...capacityRefusals(vm, to, cluster, placement));
  reasons.push(...ruleRefusals(topology, vm, to, placement));
  return reasons;
}

function cpuRefusals(vm: Vm, from: Host, to: Host, cluster: Cluster): MigrationRefusal[] {
  const fromVendor = vendorOf(from);
  const toVendor = vendorOf(to);
  if (fromVendor !== undefined && toVendor !== undefined && fromVendor !== toVendor) {
    return [refusal(vm, to.id, 'cpu-vendor', MESSAGES.cpuVendor({ from: from.id, fromVendor, to: to.id, toVendor }))];
  }
  const fromFamily = from.cpu.family;
  const toFamily = to.cpu.family;
  const baseline = cluster.cpuCompatibility;
  if (baseline !== undefined) {
    const baselineIndex = generationIndex(toVendor ?? fromVendor, baseline);
    const toIndex = toFamily === undefined ? undefined : generationIndex(toVendor, toFamily);
    if (baselineIndex !== undefined && toIndex !== undefined && toIndex < baselineIndex) {
      return [refusal(vm, to.id, 'cpu-family', MESSAGES.cpuOlder({ host: to.id, family: toFamily ?? '', baseline }))];
    }
    return [];
  }
  if (fromFamily === undefined || toFamily === undefined || familyKey(fromFamily) === familyKey(toFamily)) return [];
  const fromIndex = generationIndex(fromVendor, fromFamily);
  const toIndex = generationIndex(toVendor, toFamily);
  // A newer target offers every feature an older source exposed; the reverse is refused.
  if (fromIndex !== undefined && toIndex !== undefined && toIndex > fromIndex) return [];
  return [refusal(vm, to.id, 'cpu-family', MESSAGES.cpuGeneration({ from: from.id, fromFamily, to: to.id, toFamily, cluster: cluster.id }))];
}

function capacityRefusals(vm: Vm, to: Host, cluster: Cluster, placement: Placement): MigrationRefusal[] {
  const demand = vmDemand(vm, cluster);
  const capacity = hostCapacity(to);
  const used = placement.reservedOn(to.id, cluster);
  const freeMemoryMB = capacity.memoryMB - used.memoryMB;
  const freeCpuMHz = capacity.cpuMHz - used.cpuMHz;
  return shortfalls(demand, { cpuMHz: freeCpuMHz, memoryMB: freeMemoryMB, vmCount: used.vmCount }, to.maxVms).map((shortfall) => {
    switch (shortfall) {
      case 'memory':
        return refusal(vm, to.id, 'memory', MESSAGES.memory({ vm: vm.id, reserved: rounded(demand.reservedMemoryMB), host: to.id, free: rounded(freeMemoryMB) }));
      case 'cpu':
        return refusal(vm, to.id, 'cpu', MESSAGES.cpu({ vm: vm.id, reserved: rounded(demand.cpuMHz), host: to.id, free: rounded(freeCpuMHz) }));
      case 'vm-limit':
        return refusal(vm, to.id, 'vm-limit', MESSAGES.vmLimit({ host: to.id, count: used.vmCount }));
    }
  });
}

/** Must rules are never broken (docs/design/algorithms.md#3-drs-rules-and-balance); anti-affinity is kept by live migration; should rules may be broken. */
function ruleRefusals(topology: Topology, vm: Vm, to: Host, placement: Placement): MigrationRefusal[] {
  const reasons: MigrationRefusal[] = [];
  for (const rule of topology.rules) {
    if (!rule.enabled || !rule.vms.includes(vm.id)) continue;
    if (rule.type === 'vm-host' && rule.mode === 'must-run-on' && !rule.hosts.includes(to.id)) {
      reasons.push(refusal(vm, to.id, 'must-rule', MESSAGES.mustRunOn({ rule: rule.id, vm: vm.id, hosts: quotedList(rule.hosts) })));
    }
    if (rule.type === 'vm-host' && rule.mode === 'must-not-run-on' && rule.hosts.includes(to.id)) {
      reasons.push(refusal(vm, to.id, 'must-rule', MESSAGES.mustNotRunOn({ rule: rule.id, vm: vm.id, host: to.id })));
    }
    if (rule.type === 'anti-affinity' && vm.power === 'on') {
      const peers = placement.vmsOn(to.id).filter((other) => other.id !== vm.id && other.power === 'on' && rule.vms.includes(other.id));
      if (peers.length > 0) {
        reasons.push(refusal(vm, to.id, 'anti-affinity', (peers.length === 1 ? MESSAGES.antiAffinityOne : MESSAGES.antiAffinityMany)({ rule: rule.id, peers: quotedList(peers.map((peer) => peer.id)), host: to.id })));
      }
    }
  }
  return reasons;
}

export interface SimulateMigrationOptions {
  /** Where VMs are now (after earlier moves of a plan); the design's placement by default. */
  readonly placement?: Placement;
  /** Link this migration gets, when it shares the network with others (maintenance). */
  readonly linkMbps?: number;
  readonly tuning?: Partial<MigrationTuning>;
}

/**
 * Live-migrates `vmId` to `toHostId` in the model: refused with reasons when the design does
 * not allow it, else the method of the cluster's platform (or its `migration.method`) on the
 * migration link, with the VM's memory, dirty rate (0 when unstated) and working set.
 * A powered-off or suspended VM is only re-registered: no time, nothing sent.
 */
export function simulateMigration(topology: Topology, vmId: string, toHostId: string, options: SimulateMigrationOptions = {}): MigrationAttempt {
  const placement = options.placement ?? new Placement(topology);
  const refusals = checkMigration(topology, vmId, toHostId, placement);
  const vm = topology.vm(vmId);
  const from = vm && topology.host(placement.hostOf(vm.id) ?? vm.host);
  const to = topology.host(toHostId);
  const cluster = from && topology.clusterOfHost(from);
  if (refusals.length > 0 || !vm || !from || !to || !cluster) return { kind: 'refused', refusals };
  const method = migrationMethodOf(topology, cluster);
  const linkMbps = options.linkMbps ?? migrationLinkMbps(cluster, from, to) ?? 0;
  const ids = { vmId: vm.id, fromHost: from.id, toHost: to.id };
  if (vm.power !== 'on') {
    return {
      kind: 'migrated',
      migration: { ...ids, method, linkMbps, rounds: [], totalSeconds: 0, downtimeSeconds: 0, sentMB: 0, converged: true, stopReason: (vm.power === 'off' ? MESSAGES.poweredOff : MESSAGES.suspended)({ host: to.id }), cloudsimSeconds: 0 },
    };
  }
  const { allowedDowntimeSeconds, autoConverge } = cluster.migration;
  const tuning: Partial<MigrationTuning> = { ...(allowedDowntimeSeconds !== undefined ? { allowedDowntimeSeconds } : {}), autoConverge, ...options.tuning };
  const estimate = estimateMigration({
    method,
    memoryMB: vm.memoryMB,
    linkMbps,
    dirtyRateMBps: vm.dirtyRateMBps ?? 0,
    ...(vm.workingSetMB !== undefined ? { workingSetMB: vm.workingSetMB } : {}),
    tuning,
  });
  return { kind: 'migrated', migration: { ...ids, ...estimate } };
}
