/**
 * What the results panel shows for one simulation: the report (the simulator's result as
 * it came, kept for the exports) turned into a summary, notes, charts and tables. Pure: the
 * extension host builds the view and sends it; the webview only draws it.
 */

import type { BalanceResult } from '../simulation/balance';
import { componentKindName, failsAsAWhole, restartPriorityName, type ComponentRef, type MaintenanceResult, type MigrationResult, type SimulationResult, type SweepMode, type SweepRow, type VmResult } from '../simulation/types';
import {
  buildBalanceChart,
  buildCapacityBars,
  buildMaintenanceTimeline,
  buildRoundsChart,
  buildTimeline,
  downReasonText,
  type BalanceChart,
  type CapacityBar,
  type PriorityByVm,
  type RoundsChart,
  type Timeline,
} from './simulation-charts';
import { maxOf } from '../capacity/resources';
import { formatMemory, formatPercent, formatSeconds } from './simulation-format';
import { networkSummary } from './simulation-network';
import { numberCell, textCell, type Table, type TableColumn } from './simulation-table';
import { defineMessages } from '../l10n/messages';
import { formatList } from '../l10n/format';
import { grouped } from '../text/plural';

/** Why the balance recommendation is only a heuristic (docs/design/algorithms.md#3-drs-rules-and-balance); every balance report says so (in English here: the template of its catalog text). */
export const BALANCE_HEURISTIC_NOTE =
  'This is a heuristic: the legacy DRS balance metric (vSphere 6.7 and earlier, docs/design/algorithms.md#3-drs-rules-and-balance) on memory only, not VMware\'s algorithm (vSphere 7 and later balance by a per-VM DRS score). Host load = configured memory + overhead of its powered-on VMs / the host\'s memory for VMs; imbalance = the standard deviation of the host loads.';

const MESSAGES = defineMessages('simulation.view', {
  migrationTitle: 'Live migration of {vm}: {from} -> {to}',
  maintenanceTitle: 'Maintenance mode: {host}',
  sweepTitle: 'Failure sweep ({mode})',
  balanceTitle: 'Load balance of cluster {cluster} (heuristic)',
  component: '{kind} {id}',
  stepEvent: 'At {time}: {event}',
  stepIsolate: 'At {time}: isolate host {host}.',
  stepFail: 'At {time}: fail {component}.',
  stepRecover: 'At {time}: recover {component}.',
  horizonNote: 'Simulated up to {time} (the horizon): VMs still down count their downtime up to it.',
  vmsAffected: 'VMs affected',
  restarted: 'Restarted',
  takenOver: 'Taken over',
  stillDown: 'Still down',
  unreachable: 'Unreachable',
  longestDowntime: 'Longest downtime',
  totalDowntime: 'Total downtime',
  network: 'Network',
  vm: 'VM',
  vms: 'VMs',
  priority: 'Priority',
  host: 'Host',
  outcome: 'Outcome',
  runsOn: 'Runs on',
  downAt: 'Down at',
  backAt: 'Back at',
  downtime: 'Downtime',
  never: 'never',
  unaffected: 'unaffected',
  keptRunning: 'kept running ({note})',
  ftTakeover: 'FT / replica takeover',
  guestTakeover: 'guest cluster takeover by {partner}',
  guestTakeoverRestarted: 'guest cluster takeover by {partner}; node restarted on {host}',
  restartedOutcome: 'restarted',
  downOutcome: 'down: {reason} ({detail})',
  unreachableOutcome: 'running, unreachable: network {networks} has no uplink',
  eventIndex: '#',
  time: 'Time',
  event: 'Event',
  cause: 'Cause',
  elements: 'Elements',
  message: 'What happened',
  eventLog: 'Event log',
  stoppedBecause: 'Stopped because: {reason}',
  cloudsimNote: 'CloudSim would estimate {time} (RAM / (bandwidth / 2)) and no downtime; the pre-copy model above counts the rounds and the pause.',
  method: 'Method',
  link: 'Migration link',
  mbps: '{n} Mbps',
  totalTime: 'Total time',
  downtimePaused: 'Downtime (paused)',
  dataSent: 'Data sent',
  rounds: 'Rounds',
  converged: 'Converged',
  yes: 'yes',
  no: 'no',
  completed: 'Completed',
  staysOn: 'no: the VM stays on {host}',
  degraded: 'Degraded (post-copy)',
  cloudsimEstimate: 'CloudSim estimate',
  preCopyRounds: 'Pre-copy rounds',
  round: 'Round',
  sent: 'Sent',
  dirtied: 'Dirtied meanwhile',
  vmsToMove: 'VMs to move',
  migrated: 'Migrated',
  cannotMove: 'Cannot move',
  longestPause: 'Longest pause',
  cannotLeave: '{vm} cannot leave {host}: {reason}',
  migrations: 'Migrations',
  toHost: 'To host',
  startsAt: 'Starts at',
  takes: 'Takes',
  paused: 'Paused',
  failedBecause: 'failed: {reason}',
  notConverged: 'no: {reason}',
  why: 'Why',
  cases: 'Cases',
  casesWithVmsDown: 'Cases with VMs down',
  worstCase: 'Worst case',
  none: 'none',
  mostVmsDown: 'Most VMs down',
  casesWithVmsUnreachable: 'Cases with VMs unreachable',
  sweepN1Note: 'Every single component failure, ranked by impact.',
  sweepN2Note: 'Every pair of hosts failing together, ranked by impact.',
  rank: 'Rank',
  failed: 'Failed',
  vmsDown: 'VMs down',
  capacityShortfall: 'Capacity shortfall',
  heuristicNote: BALANCE_HEURISTIC_NOTE,
  thresholdOne: 'The cluster\'s DRS migration threshold is 1 (mandatory moves only): no balancing move is recommended.',
  noMove: 'No move lowers the deviation by more than {minDrop} (the cluster\'s DRS migration threshold): leave the VMs where they are.',
  eachMove: 'Each move lowers the deviation by more than {minDrop} (the cluster\'s DRS migration threshold) and is a live migration the rules, capacity, storage and network allow; make them in this order.',
  metric: 'Metric',
  memoryLoad: 'memory load',
  deviationBefore: 'Std. deviation before',
  deviationAfter: 'Std. deviation after',
  moves: 'Moves',
  hosts: 'Hosts',
  step: 'Step',
  fromHost: 'From host',
  hostLoads: 'Host loads',
  loadBefore: 'Load before',
  loadAfter: 'Load after',
  change: 'Change',
  points: '{change} pts',
  fullStop: '{text}.',
});

/** A simulation's result with what is needed to show it; what Export writes. */
export type SimulationReport =
  | { readonly kind: 'failure'; readonly design: string; readonly result: SimulationResult; readonly priorities: PriorityByVm }
  | { readonly kind: 'migration'; readonly design: string; readonly migration: MigrationResult }
  | { readonly kind: 'maintenance'; readonly design: string; readonly maintenance: MaintenanceResult }
  | { readonly kind: 'sweep'; readonly design: string; readonly mode: SweepMode; readonly rows: readonly SweepRow[] }
  | { readonly kind: 'balance'; readonly design: string; readonly balance: BalanceResult };

/** Every kind of report, as the panel's messages name them. */
export const SIMULATION_REPORT_KINDS: readonly SimulationReport['kind'][] = ['failure', 'migration', 'maintenance', 'sweep', 'balance'];

export interface SummaryItem {
  readonly label: string;
  readonly value: string;
  /** A phrase rather than a figure (the Network line): drawn on a line of its own, in text size. */
  readonly wide?: boolean;
}

export interface SimulationView {
  readonly kind: SimulationReport['kind'];
  readonly title: string;
  /** The design's file name. */
  readonly design: string;
  readonly summary: readonly SummaryItem[];
  /** Sentences that qualify the figures (heuristics, comparisons, refusals). */
  readonly notes: readonly string[];
  readonly timeline?: Timeline;
  readonly capacity?: readonly CapacityBar[];
  readonly rounds?: RoundsChart;
  /** Host loads before and after a balance recommendation. */
  readonly balance?: BalanceChart;
  /** The main table first (per VM, per migration, per case), then the event log if any. */
  readonly tables: readonly Table[];
}

export function buildSimulationView(report: SimulationReport): SimulationView {
  switch (report.kind) {
    case 'failure':
      return failureView(report.design, report.result, report.priorities);
    case 'migration':
      return migrationView(report.design, report.migration);
    case 'maintenance':
      return maintenanceView(report.design, report.maintenance);
    case 'sweep':
      return sweepView(report.design, report.mode, report.rows);
    case 'balance':
      return balanceView(report.design, report.balance);
  }
}

/** The report's title, also the heading of the Markdown export. */
export function reportTitle(report: SimulationReport): string {
  switch (report.kind) {
    case 'failure':
      return capitalized(report.result.scenario.name);
    case 'migration':
      return migrationTitle(report.migration);
    case 'maintenance':
      return MESSAGES.maintenanceTitle({ host: report.maintenance.hostId });
    case 'sweep':
      return MESSAGES.sweepTitle({ mode: report.mode.toUpperCase() });
    case 'balance':
      return balanceTitle(report.balance);
  }
}

/** The text with exactly one full stop at its end (the simulator's reasons may carry their own). */
function sentence(text: string): string {
  return MESSAGES.fullStop({ text: text.replace(/[.。]+$/, '') });
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function componentLabel(ref: ComponentRef): string {
  return ref.kind === 'link' ? ref.id : MESSAGES.component({ kind: componentKindName(ref.kind), id: ref.id });
}

/**
 * One scenario step in words. A site, rack, chassis, power feed or site link also says what
 * it took down, as its own event does ("site east fails: host hv-e1, ...").
 */
function stepNote(result: SimulationResult, step: SimulationResult['scenario']['steps'][number]): string {
  const time = formatSeconds(step.atSeconds);
  if (step.action === 'isolate') return MESSAGES.stepIsolate({ time, host: step.host });
  const whole = failsAsAWhole(step.target.kind);
  const kind = step.action === 'fail' ? 'component-failed' : 'component-recovered';
  const event = whole ? result.events.find((e) => e.kind === kind && e.timeSeconds === step.atSeconds && e.elementIds[0] === step.target.id) : undefined;
  if (event) return MESSAGES.stepEvent({ time, event: event.message });
  return (step.action === 'fail' ? MESSAGES.stepFail : MESSAGES.stepRecover)({ time, component: componentLabel(step.target) });
}

// ------------------------------------------------------------------------- failure

function failureView(design: string, result: SimulationResult, priorities: PriorityByVm): SimulationView {
  const summary = result.summary;
  const network = networkSummary(result);
  return {
    kind: 'failure',
    title: capitalized(result.scenario.name),
    design,
    summary: [
      { label: MESSAGES.vmsAffected({}), value: grouped(summary.vmsAffected) },
      { label: MESSAGES.restarted({}), value: grouped(summary.vmsRestarted) },
      { label: MESSAGES.takenOver({}), value: grouped(summary.vmsTakenOver) },
      { label: MESSAGES.stillDown({}), value: grouped(summary.vmsDown) },
      ...(summary.vmsUnreachable > 0 ? [{ label: MESSAGES.unreachable({}), value: grouped(summary.vmsUnreachable) }] : []),
      { label: MESSAGES.longestDowntime({}), value: formatSeconds(summary.longestDowntimeSeconds) },
      { label: MESSAGES.totalDowntime({}), value: formatSeconds(summary.totalDowntimeSeconds) },
      ...(network === undefined ? [] : [{ label: MESSAGES.network({}), value: network, wide: true }]),
    ],
    notes: [
      ...result.scenario.steps.map((step) => stepNote(result, step)),
      ...(result.scenario.horizonSeconds === undefined ? [] : [MESSAGES.horizonNote({ time: formatSeconds(result.scenario.horizonSeconds) })]),
    ],
    timeline: buildTimeline(result, priorities),
    capacity: buildCapacityBars(result),
    tables: [vmTable(result, priorities), eventTable(result)],
  };
}

/** The columns of the VM table, in the user's language (asked for when a table is built). */
function vmColumns(): readonly TableColumn[] {
  return [
    { id: 'vm', label: MESSAGES.vm({}), align: 'left' },
    { id: 'priority', label: MESSAGES.priority({}), align: 'left' },
    { id: 'host', label: MESSAGES.host({}), align: 'left' },
    { id: 'outcome', label: MESSAGES.outcome({}), align: 'left' },
    { id: 'newHost', label: MESSAGES.runsOn({}), align: 'left' },
    { id: 'downAt', label: MESSAGES.downAt({}), align: 'right' },
    { id: 'backAt', label: MESSAGES.backAt({}), align: 'right' },
    { id: 'downtime', label: MESSAGES.downtime({}), align: 'right' },
  ];
}

/** One row per VM of the design, affected or not. */
export function vmTable(result: SimulationResult, priorities: PriorityByVm = {}): Table {
  return {
    caption: MESSAGES.vms({}),
    columns: vmColumns(),
    rows: result.vms.map((vm) => {
      const times = vmTimes(vm);
      const priority = vm.outcome.kind === 'restarted' ? vm.outcome.priority : (priorities[vm.vmId] ?? '');
      return {
        id: vm.vmId,
        cells: [
          textCell(vm.vmId),
          textCell(restartPriorityName(priority)),
          textCell(vm.host),
          textCell(outcomeText(vm)),
          textCell(runsOn(vm)),
          times.downAt === undefined ? { text: '', sortValue: Number.MAX_VALUE } : numberCell(times.downAt, formatSeconds(times.downAt)),
          times.backAt === undefined ? { text: vm.outcome.kind === 'down' || vm.outcome.kind === 'unreachable' ? MESSAGES.never({}) : '', sortValue: Number.MAX_VALUE } : numberCell(times.backAt, formatSeconds(times.backAt)),
          numberCell(vm.downtimeSeconds, formatSeconds(vm.downtimeSeconds)),
        ],
      };
    }),
  };
}

export function outcomeText(vm: VmResult): string {
  const outcome = vm.outcome;
  switch (outcome.kind) {
    case 'unaffected':
      return MESSAGES.unaffected({});
    case 'kept-running':
      return MESSAGES.keptRunning({ note: outcome.note });
    case 'ft-takeover':
      return MESSAGES.ftTakeover({});
    case 'guest-cluster-takeover':
      return outcome.nodeRestartedOn
        ? MESSAGES.guestTakeoverRestarted({ partner: outcome.partner, host: outcome.nodeRestartedOn.host })
        : MESSAGES.guestTakeover({ partner: outcome.partner });
    case 'restarted':
      return MESSAGES.restartedOutcome({});
    case 'down':
      return MESSAGES.downOutcome({ reason: downReasonText(outcome.reason), detail: outcome.detail });
    case 'unreachable':
      return MESSAGES.unreachableOutcome({ networks: formatList(outcome.networks) });
  }
}

function runsOn(vm: VmResult): string {
  const outcome = vm.outcome;
  switch (outcome.kind) {
    case 'unaffected':
    case 'kept-running':
      return vm.host;
    case 'ft-takeover':
    case 'restarted':
      return outcome.host;
    case 'guest-cluster-takeover':
      return outcome.partner;
    case 'unreachable':
      return outcome.host;
    case 'down':
      return '';
  }
}

function vmTimes(vm: VmResult): { readonly downAt?: number; readonly backAt?: number } {
  const outcome = vm.outcome;
  if (outcome.kind === 'restarted') return { downAt: outcome.downAtSeconds, backAt: outcome.readyAtSeconds };
  if (outcome.kind === 'down' || outcome.kind === 'unreachable') return { downAt: outcome.downAtSeconds };
  return {};
}

function eventColumns(): readonly TableColumn[] {
  return [
    { id: 'index', label: MESSAGES.eventIndex({}), align: 'right' },
    { id: 'time', label: MESSAGES.time({}), align: 'right' },
    { id: 'event', label: MESSAGES.event({}), align: 'left' },
    { id: 'cause', label: MESSAGES.cause({}), align: 'right' },
    { id: 'elements', label: MESSAGES.elements({}), align: 'left' },
    { id: 'message', label: MESSAGES.message({}), align: 'left' },
  ];
}

export function eventTable(result: SimulationResult): Table {
  return {
    caption: MESSAGES.eventLog({}),
    columns: eventColumns(),
    rows: result.events.map((event, index) => ({
      id: String(index),
      cells: [
        numberCell(index),
        numberCell(event.timeSeconds, formatSeconds(event.timeSeconds)),
        textCell(event.kind),
        event.causeIndex === undefined ? { text: '', sortValue: -1 } : numberCell(event.causeIndex, `#${event.causeIndex}`),
        textCell(formatList(event.elementIds)),
        textCell(event.message),
      ],
    })),
  };
}

// ----------------------------------------------------------------------- migration

function migrationView(design: string, migration: MigrationResult): SimulationView {
  return {
    kind: 'migration',
    title: migrationTitle(migration),
    design,
    summary: migrationSummary(migration),
    notes: [
      MESSAGES.stoppedBecause({ reason: sentence(migration.stopReason) }),
      MESSAGES.cloudsimNote({ time: formatSeconds(migration.cloudsimSeconds) }),
    ],
    rounds: buildRoundsChart(migration),
    tables: [roundsTable(migration)],
  };
}

function migrationTitle(migration: MigrationResult): string {
  return MESSAGES.migrationTitle({ vm: migration.vmId, from: migration.fromHost, to: migration.toHost });
}

function migrationSummary(migration: MigrationResult): SummaryItem[] {
  return [
    { label: MESSAGES.method({}), value: migration.method },
    { label: MESSAGES.link({}), value: MESSAGES.mbps({ n: migration.linkMbps }) },
    { label: MESSAGES.totalTime({}), value: formatSeconds(migration.totalSeconds) },
    { label: MESSAGES.downtimePaused({}), value: formatSeconds(migration.downtimeSeconds) },
    { label: MESSAGES.dataSent({}), value: formatMemory(migration.sentMB) },
    { label: MESSAGES.rounds({}), value: grouped(migration.rounds.length) },
    { label: MESSAGES.converged({}), value: migration.converged ? MESSAGES.yes({}) : MESSAGES.no({}) },
    ...(migration.failed ? [{ label: MESSAGES.completed({}), value: MESSAGES.staysOn({ host: migration.fromHost }) }] : []),
    ...(migration.degradedSeconds !== undefined ? [{ label: MESSAGES.degraded({}), value: formatSeconds(migration.degradedSeconds) }] : []),
    { label: MESSAGES.cloudsimEstimate({}), value: formatSeconds(migration.cloudsimSeconds) },
  ];
}

export function roundsTable(migration: MigrationResult): Table {
  return {
    caption: MESSAGES.preCopyRounds({}),
    columns: [
      { id: 'round', label: MESSAGES.round({}), align: 'right' },
      { id: 'sent', label: MESSAGES.sent({}), align: 'right' },
      { id: 'seconds', label: MESSAGES.time({}), align: 'right' },
      { id: 'dirtied', label: MESSAGES.dirtied({}), align: 'right' },
    ],
    rows: migration.rounds.map((round) => ({
      id: String(round.round),
      cells: [
        numberCell(round.round),
        numberCell(round.sentMB, formatMemory(round.sentMB)),
        numberCell(round.seconds, formatSeconds(round.seconds)),
        numberCell(round.dirtiedMB, formatMemory(round.dirtiedMB)),
      ],
    })),
  };
}

// --------------------------------------------------------------------- maintenance

function maintenanceView(design: string, maintenance: MaintenanceResult): SimulationView {
  const downtime = maintenance.migrations.reduce((longest, migration) => Math.max(longest, migration.downtimeSeconds), 0);
  return {
    kind: 'maintenance',
    title: MESSAGES.maintenanceTitle({ host: maintenance.hostId }),
    design,
    summary: [
      { label: MESSAGES.vmsToMove({}), value: grouped(maintenance.migrations.length + maintenance.stuck.length) },
      { label: MESSAGES.migrated({}), value: grouped(maintenance.migrations.length) },
      { label: MESSAGES.cannotMove({}), value: grouped(maintenance.stuck.length) },
      { label: MESSAGES.totalTime({}), value: formatSeconds(maintenance.totalSeconds) },
      { label: MESSAGES.longestPause({}), value: formatSeconds(downtime) },
    ],
    notes: maintenance.stuck.map((stuck) => MESSAGES.cannotLeave({ vm: stuck.vmId, host: maintenance.hostId, reason: sentence(stuck.reason) })),
    timeline: buildMaintenanceTimeline(maintenance),
    tables: [migrationsTable(maintenance), stuckTable(maintenance)],
  };
}

export function migrationsTable(maintenance: MaintenanceResult): Table {
  return {
    caption: MESSAGES.migrations({}),
    columns: [
      { id: 'vm', label: MESSAGES.vm({}), align: 'left' },
      { id: 'to', label: MESSAGES.toHost({}), align: 'left' },
      { id: 'method', label: MESSAGES.method({}), align: 'left' },
      { id: 'start', label: MESSAGES.startsAt({}), align: 'right' },
      { id: 'total', label: MESSAGES.takes({}), align: 'right' },
      { id: 'downtime', label: MESSAGES.paused({}), align: 'right' },
      { id: 'sent', label: MESSAGES.sent({}), align: 'right' },
      { id: 'converged', label: MESSAGES.converged({}), align: 'left' },
    ],
    rows: maintenance.migrations.map((migration) => ({
      id: migration.vmId,
      cells: [
        textCell(migration.vmId),
        textCell(migration.toHost),
        textCell(migration.method),
        numberCell(migration.startSeconds, formatSeconds(migration.startSeconds)),
        numberCell(migration.totalSeconds, formatSeconds(migration.totalSeconds)),
        numberCell(migration.downtimeSeconds, formatSeconds(migration.downtimeSeconds)),
        numberCell(migration.sentMB, formatMemory(migration.sentMB)),
        textCell(migration.failed ? MESSAGES.failedBecause({ reason: migration.stopReason }) : migration.converged ? MESSAGES.yes({}) : MESSAGES.notConverged({ reason: migration.stopReason })),
      ],
    })),
  };
}

function stuckTable(maintenance: MaintenanceResult): Table {
  return {
    caption: MESSAGES.cannotMove({}),
    columns: [
      { id: 'vm', label: MESSAGES.vm({}), align: 'left' },
      { id: 'reason', label: MESSAGES.why({}), align: 'left' },
    ],
    rows: maintenance.stuck.map((stuck) => ({ id: stuck.vmId, cells: [textCell(stuck.vmId), textCell(stuck.reason)] })),
  };
}

// --------------------------------------------------------------------------- sweep

function sweepView(design: string, mode: SweepMode, rows: readonly SweepRow[]): SimulationView {
  const worst = rows[0];
  const withOutage = rows.filter((row) => row.vmsDown > 0).length;
  const unreachable = rows.filter((row) => row.vmsUnreachable > 0).length;
  return {
    kind: 'sweep',
    title: MESSAGES.sweepTitle({ mode: mode.toUpperCase() }),
    design,
    summary: [
      { label: MESSAGES.cases({}), value: grouped(rows.length) },
      { label: MESSAGES.casesWithVmsDown({}), value: grouped(withOutage) },
      { label: MESSAGES.worstCase({}), value: worst ? worst.failed.map(componentLabel).join(' + ') : MESSAGES.none({}) },
      { label: MESSAGES.mostVmsDown({}), value: grouped(maxOf(rows, (row) => row.vmsDown)) },
      ...(unreachable > 0 ? [{ label: MESSAGES.casesWithVmsUnreachable({}), value: grouped(unreachable) }] : []),
      { label: MESSAGES.longestDowntime({}), value: formatSeconds(maxOf(rows, (row) => row.longestDowntimeSeconds)) },
    ],
    notes: [mode === 'n-1' ? MESSAGES.sweepN1Note({}) : MESSAGES.sweepN2Note({})],
    tables: [sweepTable(rows)],
  };
}

export function sweepTable(rows: readonly SweepRow[]): Table {
  return {
    caption: MESSAGES.cases({}),
    columns: [
      { id: 'rank', label: MESSAGES.rank({}), align: 'right' },
      { id: 'failed', label: MESSAGES.failed({}), align: 'left' },
      { id: 'down', label: MESSAGES.vmsDown({}), align: 'right' },
      { id: 'unreachable', label: MESSAGES.unreachable({}), align: 'right' },
      { id: 'restarted', label: MESSAGES.restarted({}), align: 'right' },
      { id: 'longest', label: MESSAGES.longestDowntime({}), align: 'right' },
      { id: 'shortfall', label: MESSAGES.capacityShortfall({}), align: 'right' },
    ],
    rows: rows.map((row, index) => ({
      id: String(index + 1),
      cells: [
        numberCell(index + 1),
        textCell(row.failed.map(componentLabel).join(' + ')),
        numberCell(row.vmsDown),
        numberCell(row.vmsUnreachable),
        numberCell(row.vmsRestarted),
        numberCell(row.longestDowntimeSeconds, formatSeconds(row.longestDowntimeSeconds)),
        numberCell(row.capacityShortfallMB, row.capacityShortfallMB > 0 ? formatMemory(row.capacityShortfallMB) : ''),
      ],
    })),
  };
}

// ------------------------------------------------------------------------- balance

function balanceTitle(balance: BalanceResult): string {
  return MESSAGES.balanceTitle({ cluster: balance.clusterId });
}

/** A standard deviation of loads (shares of capacity), three decimals. */
export function formatDeviation(deviation: number): string {
  return deviation.toFixed(3);
}

function balanceView(design: string, balance: BalanceResult): SimulationView {
  const thresholdNote = !Number.isFinite(balance.minDrop)
    ? MESSAGES.thresholdOne({})
    : balance.moves.length === 0
      ? MESSAGES.noMove({ minDrop: balance.minDrop })
      : MESSAGES.eachMove({ minDrop: balance.minDrop });
  return {
    kind: 'balance',
    title: balanceTitle(balance),
    design,
    summary: [
      { label: MESSAGES.metric({}), value: MESSAGES.memoryLoad({}) },
      { label: MESSAGES.deviationBefore({}), value: formatDeviation(balance.before) },
      { label: MESSAGES.deviationAfter({}), value: formatDeviation(balance.after) },
      { label: MESSAGES.moves({}), value: grouped(balance.moves.length) },
      { label: MESSAGES.hosts({}), value: grouped(balance.hosts.length) },
    ],
    notes: [MESSAGES.heuristicNote({}), thresholdNote],
    balance: buildBalanceChart(balance),
    tables: [balanceMovesTable(balance), balanceHostsTable(balance)],
  };
}

export function balanceMovesTable(balance: BalanceResult): Table {
  return {
    caption: MESSAGES.moves({}),
    columns: [
      { id: 'step', label: MESSAGES.step({}), align: 'right' },
      { id: 'vm', label: MESSAGES.vm({}), align: 'left' },
      { id: 'from', label: MESSAGES.fromHost({}), align: 'left' },
      { id: 'to', label: MESSAGES.toHost({}), align: 'left' },
    ],
    rows: balance.moves.map((move, index) => ({
      id: String(index + 1),
      cells: [numberCell(index + 1), textCell(move.vmId), textCell(move.from), textCell(move.to)],
    })),
  };
}

function balanceHostsTable(balance: BalanceResult): Table {
  return {
    caption: MESSAGES.hostLoads({}),
    columns: [
      { id: 'host', label: MESSAGES.host({}), align: 'left' },
      { id: 'before', label: MESSAGES.loadBefore({}), align: 'right' },
      { id: 'after', label: MESSAGES.loadAfter({}), align: 'right' },
      { id: 'change', label: MESSAGES.change({}), align: 'right' },
    ],
    rows: balance.hosts.map((host) => {
      const change = Math.round(host.after * 100) - Math.round(host.before * 100);
      return {
        id: host.hostId,
        cells: [
          textCell(host.hostId),
          numberCell(host.before, formatPercent(host.before)),
          numberCell(host.after, formatPercent(host.after)),
          numberCell(host.after - host.before, change === 0 ? '' : MESSAGES.points({ change: `${change > 0 ? '+' : ''}${change}` })),
        ],
      };
    }),
  };
}
