/**
 * The pictures of a simulation as plain data: the downtime timeline (a Gantt chart of the
 * affected VMs grouped by restart priority, with the failure and detection marks), the
 * capacity bars per host before and after, the pre-copy rounds of a live migration and the
 * host loads before and after a balance recommendation. The results panel only draws
 * these; the figures (and the time-axis ticks for a given width) are computed here, once,
 * and tested.
 */

import type { BalanceResult } from '../simulation/balance';
import type {
  MaintenanceResult,
  MigrationMethod,
  MigrationResult,
  SimulationResult,
  VmResult,
} from '../simulation/types';
import { restartPriorityName } from '../simulation/types';
import { formatSeconds } from './simulation-format';
import { defineMessages } from '../l10n/messages';
import { formatList, formatNumber } from '../l10n/format';

const MESSAGES = defineMessages('simulation.charts', {
  markFailure: 'failure',
  markIsolation: 'isolated',
  markIsolationResponse: 'isolation response',
  markPartition: 'partition',
  markQuorumLost: 'quorum lost',
  markVmsStopped: 'VMs turned off',
  markFenced: 'fenced',
  markDetection: 'detected',
  markRecovery: 'recovered',
  markLabel: '{name} {time}',
  priorityUnknown: 'Priority unknown',
  priority: 'Priority {priority}',
  maintenanceRow: 'to {host}',
  maintenanceRowNotConverged: 'to {host} (did not converge)',
  maintenanceSegment: '{vm}: {from} -> {to}, {total}, paused {paused}',
  evacuating: 'Evacuating {host}',
  keptRunning: 'kept running',
  takenOverOn: 'taken over on {host}',
  secondaryTakesOver: '{vm}: secondary on {host} takes over in {time}',
  takenOverBy: 'taken over by {partner}',
  partnerTakesOver: '{vm}: partner {partner} takes over in {time}',
  nodeRestarts: '{vm}: the node itself restarts on {host}, ready at {time}',
  restartedOn: 'restarted on {host}',
  downUntilPowerOn: '{vm}: down from {down} to power-on on {host} at {poweredOn}',
  bootingOn: '{vm}: booting on {host}, ready at {time}',
  unreachableOn: 'unreachable on {host}',
  unreachableSegment: '{vm}: runs on {host} but unreachable from {time} (network {networks} lost)',
  downBecause: 'down: {reason}',
  downSegment: '{vm}: down from {time}: {detail}',
  noCapacity: 'no capacity',
  noStoragePath: 'no storage path',
  ruleConflict: 'rule conflict',
  restartDisabled: 'restart disabled',
  haDisabled: 'HA disabled',
  noQuorum: 'no quorum',
  noCandidateHost: 'no candidate host',
  tickSeconds: '{n} s',
  tickMinutes: '{n} min',
  tickHours: '{n} h',
  stopBar: 'stop',
});

// ------------------------------------------------------------------------ timeline

/**
 * outage: the VM is off (failure to power-on, or for good); booting: powered on, not yet
 * ready; takeover: a secondary, replica or guest-cluster partner takes over; migrating:
 * a live migration runs (the VM keeps running).
 */
export type TimelineSegmentKind = 'outage' | 'unreachable' | 'booting' | 'takeover' | 'migrating';

export interface TimelineSegment {
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly kind: TimelineSegmentKind;
  /** For the tooltip: what happens in this span. */
  readonly label: string;
  /** The span runs to the end of the simulation: the VM is still down there. */
  readonly openEnded?: boolean;
}

export interface TimelineRow {
  /** The VM (or migration) this row is about. */
  readonly id: string;
  readonly label: string;
  /** Short outcome beside the label, e.g. "restarted on esx-02", "down: no capacity". */
  readonly outcome: string;
  readonly segments: readonly TimelineSegment[];
}

export interface TimelineGroup {
  readonly label: string;
  readonly rows: readonly TimelineRow[];
}

/**
 * failure: a scenario step fails something; isolation: a host declares itself isolated;
 * isolation-response: it runs its isolation response; partition: a cluster splits;
 * quorum-lost: a node's partition has no quorum (Hyper-V: its VMs are turned off later);
 * vms-stopped: Hyper-V turns a node's VMs off after its resiliency period; fenced: a
 * watchdog resets a node; detection: a host is declared failed; recovery: a step
 * brings something back.
 */
export type TimelineMarkKind = 'failure' | 'isolation' | 'isolation-response' | 'partition' | 'quorum-lost' | 'vms-stopped' | 'fenced' | 'detection' | 'recovery';

/** Every mark kind, in the order marks at the same time are listed. */
export const MARK_KINDS: readonly TimelineMarkKind[] = ['failure', 'partition', 'isolation', 'isolation-response', 'quorum-lost', 'vms-stopped', 'fenced', 'detection', 'recovery'];

/** The short name the timeline writes above a mark, in the user's language. */
export function markName(kind: TimelineMarkKind): string {
  switch (kind) {
    case 'failure':
      return MESSAGES.markFailure({});
    case 'isolation':
      return MESSAGES.markIsolation({});
    case 'isolation-response':
      return MESSAGES.markIsolationResponse({});
    case 'partition':
      return MESSAGES.markPartition({});
    case 'quorum-lost':
      return MESSAGES.markQuorumLost({});
    case 'vms-stopped':
      return MESSAGES.markVmsStopped({});
    case 'fenced':
      return MESSAGES.markFenced({});
    case 'detection':
      return MESSAGES.markDetection({});
    case 'recovery':
      return MESSAGES.markRecovery({});
  }
}

export interface TimelineMark {
  readonly atSeconds: number;
  readonly kind: TimelineMarkKind;
  readonly label: string;
}

export interface Timeline {
  readonly groups: readonly TimelineGroup[];
  readonly marks: readonly TimelineMark[];
  /** Right end of the time axis; the panel picks its ticks for its width with timeAxisTicks. */
  readonly endSeconds: number;
}

/** Restart priorities from first restarted to last (vSphere's six, docs/design/algorithms.md#2-ha-restart-after-a-host-failure). */
export const PRIORITY_ORDER: readonly string[] = ['highest', 'high', 'medium', 'low', 'lowest', 'disabled'];

/**
 * Restart priority of each VM (from the design, with the cluster's default applied), for
 * VMs whose outcome does not name one; VMs in neither land in an "unknown" group.
 */
export type PriorityByVm = Readonly<Record<string, string>>;

export function buildTimeline(result: SimulationResult, priorities: PriorityByVm = {}): Timeline {
  const marks = timelineMarks(result);
  const firstFailure = marks.find((mark) => mark.kind === 'failure' || mark.kind === 'isolation')?.atSeconds ?? 0;
  const rowsByTier = new Map<string, TimelineRow[]>();
  let endSeconds = result.scenario.horizonSeconds ?? 0;
  for (const vm of result.vms) {
    const row = timelineRow(vm, downAtOf(vm, result, firstFailure));
    if (!row) continue;
    for (const segment of row.segments) endSeconds = Math.max(endSeconds, segment.endSeconds);
    const tier = vm.outcome.kind === 'restarted' ? vm.outcome.priority : (priorities[vm.vmId] ?? 'unknown');
    const rows = rowsByTier.get(tier);
    if (rows) rows.push(row);
    else rowsByTier.set(tier, [row]);
  }
  for (const mark of marks) endSeconds = Math.max(endSeconds, mark.atSeconds);
  const groups = [...rowsByTier.entries()]
    .sort(([a], [b]) => tierRank(a) - tierRank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([tier, rows]) => ({ label: tierLabel(tier), rows }));
  const axisEnd = endSeconds > 0 ? endSeconds : 60;
  return { groups, marks, endSeconds: axisEnd };
}

/** One row per migration, started at its planned time; no marks. */
export function buildMaintenanceTimeline(maintenance: MaintenanceResult): Timeline {
  const rows: TimelineRow[] = maintenance.migrations.map((migration) => ({
    id: migration.vmId,
    label: migration.vmId,
    outcome: migration.converged ? MESSAGES.maintenanceRow({ host: migration.toHost }) : MESSAGES.maintenanceRowNotConverged({ host: migration.toHost }),
    segments: [
      {
        startSeconds: migration.startSeconds,
        endSeconds: migration.startSeconds + migration.totalSeconds,
        kind: 'migrating',
        label: MESSAGES.maintenanceSegment({ vm: migration.vmId, from: migration.fromHost, to: migration.toHost, total: formatSeconds(migration.totalSeconds), paused: formatSeconds(migration.downtimeSeconds) }),
      },
    ],
  }));
  const endSeconds = Math.max(maintenance.totalSeconds, ...rows.flatMap((row) => row.segments.map((segment) => segment.endSeconds)));
  const axisEnd = endSeconds > 0 ? endSeconds : 60;
  return { groups: rows.length > 0 ? [{ label: MESSAGES.evacuating({ host: maintenance.hostId }), rows }] : [], marks: [], endSeconds: axisEnd };
}

function timelineMarks(result: SimulationResult): TimelineMark[] {
  const byKey = new Map<string, { atSeconds: number; kind: TimelineMarkKind; labels: string[] }>();
  for (const event of result.events) {
    const kind = markKind(event.kind);
    if (!kind) continue;
    const key = `${kind}@${event.timeSeconds}`;
    const mark = byKey.get(key);
    if (mark) mark.labels.push(event.message);
    else byKey.set(key, { atSeconds: event.timeSeconds, kind, labels: [event.message] });
  }
  return [...byKey.values()]
    .sort((a, b) => a.atSeconds - b.atSeconds || MARK_KINDS.indexOf(a.kind) - MARK_KINDS.indexOf(b.kind))
    .map(({ atSeconds, kind, labels }) => ({ atSeconds, kind, label: labels.join(' ') }));
}

function markKind(kind: SimulationResult['events'][number]['kind']): TimelineMarkKind | undefined {
  switch (kind) {
    case 'component-failed':
      return 'failure';
    case 'host-isolated':
      return 'isolation';
    case 'isolation-response':
      return 'isolation-response';
    case 'network-partition':
      return 'partition';
    case 'quorum-lost':
      return 'quorum-lost';
    case 'resiliency-expired':
      return 'vms-stopped';
    case 'host-fenced':
      return 'fenced';
    case 'host-declared-failed':
      return 'detection';
    case 'component-recovered':
      return 'recovery';
    default:
      return undefined;
  }
}

/** When the VM lost its service: stated by the outcome, else its first vm-down event, else the first failure. */
function downAtOf(vm: VmResult, result: SimulationResult, firstFailure: number): number {
  if (vm.outcome.kind === 'restarted' || vm.outcome.kind === 'down' || vm.outcome.kind === 'unreachable') return vm.outcome.downAtSeconds;
  const event = result.events.find((candidate) => candidate.kind === 'vm-down' && candidate.elementIds.includes(vm.vmId));
  return event?.timeSeconds ?? firstFailure;
}

function timelineRow(vm: VmResult, downAt: number): TimelineRow | undefined {
  const outcome = vm.outcome;
  switch (outcome.kind) {
    case 'unaffected':
      return undefined;
    case 'kept-running':
      return { id: vm.vmId, label: vm.vmId, outcome: MESSAGES.keptRunning({}), segments: [] };
    case 'ft-takeover':
      return {
        id: vm.vmId,
        label: vm.vmId,
        outcome: MESSAGES.takenOverOn({ host: outcome.host }),
        segments: [{ startSeconds: downAt, endSeconds: downAt + outcome.downtimeSeconds, kind: 'takeover', label: MESSAGES.secondaryTakesOver({ vm: vm.vmId, host: outcome.host, time: formatSeconds(outcome.downtimeSeconds) }) }],
      };
    case 'guest-cluster-takeover': {
      const node = outcome.nodeRestartedOn;
      return {
        id: vm.vmId,
        label: vm.vmId,
        outcome: MESSAGES.takenOverBy({ partner: outcome.partner }),
        segments: [
          { startSeconds: downAt, endSeconds: downAt + outcome.downtimeSeconds, kind: 'takeover', label: MESSAGES.partnerTakesOver({ vm: vm.vmId, partner: outcome.partner, time: formatSeconds(outcome.downtimeSeconds) }) },
          // The application already runs on the partner: the node's own restart is not downtime.
          ...(node ? [{ startSeconds: node.poweredOnAtSeconds, endSeconds: node.readyAtSeconds, kind: 'booting' as const, label: MESSAGES.nodeRestarts({ vm: vm.vmId, host: node.host, time: formatSeconds(node.readyAtSeconds) }) }] : []),
        ],
      };
    }
    case 'restarted':
      return {
        id: vm.vmId,
        label: vm.vmId,
        outcome: MESSAGES.restartedOn({ host: outcome.host }),
        segments: [
          { startSeconds: outcome.downAtSeconds, endSeconds: outcome.poweredOnAtSeconds, kind: 'outage', label: MESSAGES.downUntilPowerOn({ vm: vm.vmId, down: formatSeconds(outcome.downAtSeconds), host: outcome.host, poweredOn: formatSeconds(outcome.poweredOnAtSeconds) }) },
          { startSeconds: outcome.poweredOnAtSeconds, endSeconds: outcome.readyAtSeconds, kind: 'booting', label: MESSAGES.bootingOn({ vm: vm.vmId, host: outcome.host, time: formatSeconds(outcome.readyAtSeconds) }) },
        ],
      };
    case 'unreachable':
      return {
        id: vm.vmId,
        label: vm.vmId,
        outcome: MESSAGES.unreachableOn({ host: outcome.host }),
        segments: [{ startSeconds: outcome.downAtSeconds, endSeconds: outcome.downAtSeconds + vm.downtimeSeconds, kind: 'unreachable', label: MESSAGES.unreachableSegment({ vm: vm.vmId, host: outcome.host, time: formatSeconds(outcome.downAtSeconds), networks: formatList(outcome.networks) }), openEnded: true }],
      };
    case 'down':
      return {
        id: vm.vmId,
        label: vm.vmId,
        outcome: MESSAGES.downBecause({ reason: downReasonText(outcome.reason) }),
        segments: [{ startSeconds: outcome.downAtSeconds, endSeconds: outcome.downAtSeconds + vm.downtimeSeconds, kind: 'outage', label: MESSAGES.downSegment({ vm: vm.vmId, time: formatSeconds(outcome.downAtSeconds), detail: outcome.detail }), openEnded: true }],
      };
  }
}

/** The reason a VM stays down, as people say it, in their language. */
export function downReasonText(reason: Extract<VmResult['outcome'], { kind: 'down' }>['reason']): string {
  switch (reason) {
    case 'no-capacity':
      return MESSAGES.noCapacity({});
    case 'no-storage-path':
      return MESSAGES.noStoragePath({});
    case 'rule-conflict':
      return MESSAGES.ruleConflict({});
    case 'restart-disabled':
      return MESSAGES.restartDisabled({});
    case 'ha-disabled':
      return MESSAGES.haDisabled({});
    case 'no-quorum':
      return MESSAGES.noQuorum({});
    case 'no-candidate-host':
      return MESSAGES.noCandidateHost({});
  }
}

function tierRank(tier: string): number {
  const index = PRIORITY_ORDER.indexOf(tier);
  return index < 0 ? PRIORITY_ORDER.length : index;
}

function tierLabel(tier: string): string {
  return tier === 'unknown' ? MESSAGES.priorityUnknown({}) : MESSAGES.priority({ priority: restartPriorityName(tier) });
}

// ---------------------------------------------------------------- time-axis ticks

export interface AxisTick {
  readonly atSeconds: number;
  /** Short, in one unit for the whole axis: "75 s", "1.5 min", "2 h". */
  readonly label: string;
  /** How the label sits on its tick: centred, or ending at it (the last tick, near the right edge). */
  readonly anchor: 'middle' | 'end';
}

export type AxisUnit = 's' | 'min' | 'h';

/** Tick spacings tried, smallest first: 1, 2, 5 x 10^n seconds, then round minutes and hours. */
const TICK_STEPS: readonly number[] = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** Width of a tick label's character, in px, for the panel's 10 px tick font: a generous average, so estimates err wide. */
export const TICK_CHAR_WIDTH_PX = 6.5;

/** Least blank space between two tick labels, in px. */
export const TICK_GAP_PX = 8;

/** The unit of an axis from 0 to `endSeconds`: seconds up to 3 min, minutes up to 3 h, then hours. */
export function axisUnit(endSeconds: number): AxisUnit {
  if (endSeconds <= 180) return 's';
  if (endSeconds <= 3 * 3600) return 'min';
  return 'h';
}

/** `75 s`, `1.5 min`, `2 h`: at most two decimals, trailing zeros dropped. */
export function tickLabel(seconds: number, unit: AxisUnit): string {
  const value = unit === 's' ? seconds : unit === 'min' ? seconds / 60 : seconds / 3600;
  const n = formatNumber(Number(value.toFixed(2)), { maximumFractionDigits: 2, grouping: false });
  return (unit === 's' ? MESSAGES.tickSeconds : unit === 'min' ? MESSAGES.tickMinutes : MESSAGES.tickHours)({ n });
}

/**
 * Ticks for a time axis from 0 to `endSeconds` drawn `plotWidthPx` wide, whose labels never
 * overlap: the smallest round step (at least an eighth of the axis) at which every label,
 * `charWidthPx` per character, keeps `TICK_GAP_PX` from its neighbours. Labels are
 * centred on their tick, except one that would run more than `rightRoomPx` past the plot's
 * right end: it ends at its tick instead, which the check accounts for. An axis too narrow
 * for two labels gets the 0 tick alone.
 */
export function timeAxisTicks(endSeconds: number, plotWidthPx: number, rightRoomPx = 0, charWidthPx = TICK_CHAR_WIDTH_PX): AxisTick[] {
  const end = endSeconds > 0 && Number.isFinite(endSeconds) ? endSeconds : 60;
  const unit = axisUnit(end);
  const x = (seconds: number) => (seconds / end) * plotWidthPx;
  const candidates = [...TICK_STEPS.filter((step) => step >= end / 8 && step <= end), end];
  for (const step of candidates) {
    const ticks: AxisTick[] = [];
    for (let index = 0; index * step <= end + 1e-9; index++) {
      const atSeconds = Number((index * step).toFixed(6));
      const label = tickLabel(atSeconds, unit);
      const half = (label.length * charWidthPx) / 2;
      ticks.push({ atSeconds, label, anchor: x(atSeconds) + half > plotWidthPx + rightRoomPx ? 'end' : 'middle' });
    }
    if (ticks.length >= 2 && labelsApart(ticks, x, charWidthPx)) return ticks;
  }
  return [{ atSeconds: 0, label: tickLabel(0, unit), anchor: 'middle' }];
}

/** Whether each label ends at least TICK_GAP_PX before the next begins. */
function labelsApart(ticks: readonly AxisTick[], x: (seconds: number) => number, charWidthPx: number): boolean {
  const extent = (tick: AxisTick) => {
    const width = tick.label.length * charWidthPx;
    const at = x(tick.atSeconds);
    return tick.anchor === 'end' ? { left: at - width, right: at } : { left: at - width / 2, right: at + width / 2 };
  };
  for (let index = 1; index < ticks.length; index++) {
    const previous = ticks[index - 1];
    const current = ticks[index];
    if (previous && current && extent(previous).right + TICK_GAP_PX > extent(current).left) return false;
  }
  return true;
}

// ------------------------------------------------------------------------ capacity

export interface CapacityMeasure {
  readonly capacity: number;
  readonly before: number;
  readonly after: number;
  /** Shares of the capacity (0.5 = half); above 1 means overcommitted. */
  readonly beforeFraction: number;
  readonly afterFraction: number;
}

export interface CapacityBar {
  readonly hostId: string;
  readonly failed: boolean;
  readonly memoryMB: CapacityMeasure;
  readonly cpuMHz: CapacityMeasure;
  readonly vmsBefore: number;
  readonly vmsAfter: number;
}

export function buildCapacityBars(result: SimulationResult): CapacityBar[] {
  return result.hosts.map((host) => ({
    hostId: host.hostId,
    failed: host.failed,
    memoryMB: measure(host.capacity.memoryMB, host.before.memoryMB, host.after.memoryMB),
    cpuMHz: measure(host.capacity.cpuMHz, host.before.cpuMHz, host.after.cpuMHz),
    vmsBefore: host.before.vmCount,
    vmsAfter: host.after.vmCount,
  }));
}

function measure(capacity: number, before: number, after: number): CapacityMeasure {
  const share = (used: number) => (capacity > 0 ? used / capacity : used > 0 ? Number.MAX_VALUE : 0);
  return { capacity, before, after, beforeFraction: share(before), afterFraction: share(after) };
}

// -------------------------------------------------------------- pre-copy rounds

export type RoundBarKind = 'pre-copy' | 'stop-and-copy';

export interface RoundBar {
  /** "1", "2", ... or "stop". */
  readonly label: string;
  readonly kind: RoundBarKind;
  readonly sentMB: number;
  readonly seconds: number;
  /** Memory dirtied meanwhile (what the next round sends); 0 for the stop-and-copy. */
  readonly dirtiedMB: number;
}

export interface RoundsChart {
  readonly vmId: string;
  readonly method: MigrationMethod;
  readonly linkMbps: number;
  readonly bars: readonly RoundBar[];
  /** Top of the value axis: the largest bar. */
  readonly maxMB: number;
  readonly converged: boolean;
  readonly stopReason: string;
  readonly totalSeconds: number;
  readonly downtimeSeconds: number;
  readonly sentMB: number;
  readonly cloudsimSeconds: number;
  readonly degradedSeconds?: number;
}

/**
 * One bar per pre-copy round, then the stop-and-copy: what the migration sent in all
 * less what the rounds sent (the pages still dirty when the VM was paused).
 */
export function buildRoundsChart(migration: MigrationResult): RoundsChart {
  const bars: RoundBar[] = migration.rounds.map((round) => ({
    label: String(round.round),
    kind: 'pre-copy',
    sentMB: round.sentMB,
    seconds: round.seconds,
    dirtiedMB: round.dirtiedMB,
  }));
  const preCopyMB = migration.rounds.reduce((sum, round) => sum + round.sentMB, 0);
  const preCopySeconds = migration.rounds.reduce((sum, round) => sum + round.seconds, 0);
  const stopAndCopyMB = migration.sentMB - preCopyMB;
  if (migration.rounds.length > 0 && stopAndCopyMB > 1e-9) {
    bars.push({ label: MESSAGES.stopBar({}), kind: 'stop-and-copy', sentMB: stopAndCopyMB, seconds: Math.max(0, migration.totalSeconds - preCopySeconds), dirtiedMB: 0 });
  }
  return {
    vmId: migration.vmId,
    method: migration.method,
    linkMbps: migration.linkMbps,
    bars,
    maxMB: Math.max(0, ...bars.map((bar) => Math.max(bar.sentMB, bar.dirtiedMB))),
    converged: migration.converged,
    stopReason: migration.stopReason,
    totalSeconds: migration.totalSeconds,
    downtimeSeconds: migration.downtimeSeconds,
    sentMB: migration.sentMB,
    cloudsimSeconds: migration.cloudsimSeconds,
    ...(migration.degradedSeconds !== undefined ? { degradedSeconds: migration.degradedSeconds } : {}),
  };
}

// ------------------------------------------------------------------------ balance

export interface BalanceBar {
  readonly hostId: string;
  /** Load before and after the recommended moves, as a share of the host's memory for VMs. */
  readonly before: number;
  readonly after: number;
  /** How many recommended moves leave and reach the host. */
  readonly movesOut: number;
  readonly movesIn: number;
}

export interface BalanceChart {
  readonly clusterId: string;
  readonly metric: BalanceResult['metric'];
  readonly hosts: readonly BalanceBar[];
  /** Right end of the load axis: the largest load rounded up to a tenth (at least 0.1). */
  readonly scaleMax: number;
  /** Standard deviation of the host loads before and after. */
  readonly deviationBefore: number;
  readonly deviationAfter: number;
}

export function buildBalanceChart(balance: BalanceResult): BalanceChart {
  const largest = Math.max(0, ...balance.hosts.flatMap((host) => [host.before, host.after]));
  return {
    clusterId: balance.clusterId,
    metric: balance.metric,
    hosts: balance.hosts.map((host) => ({
      hostId: host.hostId,
      before: host.before,
      after: host.after,
      movesOut: balance.moves.filter((move) => move.from === host.hostId).length,
      movesIn: balance.moves.filter((move) => move.to === host.hostId).length,
    })),
    scaleMax: Math.max(0.1, Math.ceil(Number((largest * 10).toFixed(9))) / 10),
    deviationBefore: balance.before,
    deviationAfter: balance.after,
  };
}

// ------------------------------------------------------------------ mark labels

/** Width of a mark label's character, in px, for the panel's 11 px font: a generous average. */
export const MARK_CHAR_WIDTH_PX = 7;

export interface MarkLabel {
  /** "isolated 5 s". */
  readonly text: string;
  /** Row above the plot, 0 the top one. */
  readonly lane: number;
  /** Where the label begins or (anchor end) ends, in px from the plot's left. */
  readonly x: number;
  readonly anchor: 'start' | 'end';
}

/**
 * Labels for the marks above a timeline `plotWidthPx` wide, each beside its mark line and
 * in the first row where it overlaps no other label (marks a few seconds apart on an hour's
 * axis stack instead of writing over each other). A label that would run past the right
 * end ends at its mark instead.
 */
export function markLabels(marks: readonly TimelineMark[], endSeconds: number, plotWidthPx: number, charWidthPx = MARK_CHAR_WIDTH_PX): MarkLabel[] {
  const end = endSeconds > 0 && Number.isFinite(endSeconds) ? endSeconds : 60;
  const laneEnds: number[] = [];
  return marks.map((mark) => {
    const text = MESSAGES.markLabel({ name: markName(mark.kind), time: formatSeconds(mark.atSeconds) });
    const width = text.length * charWidthPx;
    const at = (Math.min(mark.atSeconds, end) / end) * plotWidthPx;
    const anchor = at + 3 + width > plotWidthPx ? 'end' : 'start';
    const left = anchor === 'start' ? at + 3 : at - 3 - width;
    let lane = laneEnds.findIndex((right) => right + TICK_GAP_PX <= left);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = Math.max(laneEnds[lane] ?? -Infinity, left + width);
    return { text, lane, x: anchor === 'start' ? at + 3 : at - 3, anchor };
  });
}

// ------------------------------------------------------------------ row texts

/** Average widths of the timeline's row label (11 px) and outcome (10 px) characters, erring wide. */
export const ROW_LABEL_CHAR_WIDTH_PX = 6.6;
export const ROW_OUTCOME_CHAR_WIDTH_PX = 6;
const ROW_TEXT_GAP_PX = 10;

/**
 * A timeline row's name and outcome as they fit side by side between `startPx` and
 * `endPx` (the outcome ends at `endPx`): the name first, shortened with an ellipsis only if it
 * alone does not fit; the outcome in what is left, shortened, or left out below a few
 * characters (the table and the bar's tooltip still say it). In a narrow panel the two
 * never write over each other.
 */
export function fitRowTexts(label: string, outcome: string, startPx: number, endPx: number): { readonly label: string; readonly outcome: string } {
  const room = endPx - startPx;
  const labelChars = Math.max(1, Math.floor(room / ROW_LABEL_CHAR_WIDTH_PX));
  const fittedLabel = shorten(label, labelChars);
  const left = room - fittedLabel.length * ROW_LABEL_CHAR_WIDTH_PX - ROW_TEXT_GAP_PX;
  const outcomeChars = Math.floor(left / ROW_OUTCOME_CHAR_WIDTH_PX);
  return { label: fittedLabel, outcome: outcomeChars < 6 ? '' : shorten(outcome, outcomeChars) };
}

function shorten(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(0, chars - 1))}…`;
}
