/**
 * What the results panel shows for one simulation: the report (the simulator's result as
 * it came, kept for the exports) turned into a summary, notes, charts and tables. Pure: the
 * extension host builds the view and sends it; the webview only draws it.
 */

import type { BalanceResult } from '../simulation/balance';
import { componentKindName, failsAsAWhole, type ComponentRef, type MaintenanceResult, type MigrationResult, type SimulationResult, type SweepMode, type SweepRow, type VmResult } from '../simulation/types';
import {
  buildBalanceChart,
  buildCapacityBars,
  buildMaintenanceTimeline,
  buildRoundsChart,
  buildTimeline,
  DOWN_REASON_TEXT,
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
      return `Live migration of ${report.migration.vmId}: ${report.migration.fromHost} -> ${report.migration.toHost}`;
    case 'maintenance':
      return `Maintenance mode: ${report.maintenance.hostId}`;
    case 'sweep':
      return `Failure sweep (${report.mode.toUpperCase()})`;
    case 'balance':
      return balanceTitle(report.balance);
  }
}

/** The text with exactly one full stop at its end (the simulator's reasons may carry their own). */
function sentence(text: string): string {
  return `${text.replace(/\.+$/, '')}.`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function componentLabel(ref: ComponentRef): string {
  return ref.kind === 'link' ? ref.id : `${componentKindName(ref.kind)} ${ref.id}`;
}

/**
 * One scenario step in words. A site, rack, chassis, power feed or site link also says what
 * it took down, as its own event does ("site east fails: host hv-e1, ...").
 */
function stepNote(result: SimulationResult, step: SimulationResult['scenario']['steps'][number]): string {
  const at = `At ${formatSeconds(step.atSeconds)}`;
  if (step.action === 'isolate') return `${at}: isolate host ${step.host}.`;
  const whole = failsAsAWhole(step.target.kind);
  const kind = step.action === 'fail' ? 'component-failed' : 'component-recovered';
  const event = whole ? result.events.find((e) => e.kind === kind && e.timeSeconds === step.atSeconds && e.elementIds[0] === step.target.id) : undefined;
  return event ? `${at}: ${event.message}` : `${at}: ${step.action} ${componentLabel(step.target)}.`;
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
      { label: 'VMs affected', value: String(summary.vmsAffected) },
      { label: 'Restarted', value: String(summary.vmsRestarted) },
      { label: 'Taken over', value: String(summary.vmsTakenOver) },
      { label: 'Still down', value: String(summary.vmsDown) },
      ...(summary.vmsUnreachable > 0 ? [{ label: 'Unreachable', value: String(summary.vmsUnreachable) }] : []),
      { label: 'Longest downtime', value: formatSeconds(summary.longestDowntimeSeconds) },
      { label: 'Total downtime', value: formatSeconds(summary.totalDowntimeSeconds) },
      ...(network === undefined ? [] : [{ label: 'Network', value: network, wide: true }]),
    ],
    notes: [
      ...result.scenario.steps.map((step) => stepNote(result, step)),
      ...(result.scenario.horizonSeconds === undefined ? [] : [`Simulated up to ${formatSeconds(result.scenario.horizonSeconds)} (the horizon): VMs still down count their downtime up to it.`]),
    ],
    timeline: buildTimeline(result, priorities),
    capacity: buildCapacityBars(result),
    tables: [vmTable(result, priorities), eventTable(result)],
  };
}

const VM_COLUMNS: readonly TableColumn[] = [
  { id: 'vm', label: 'VM', align: 'left' },
  { id: 'priority', label: 'Priority', align: 'left' },
  { id: 'host', label: 'Host', align: 'left' },
  { id: 'outcome', label: 'Outcome', align: 'left' },
  { id: 'newHost', label: 'Runs on', align: 'left' },
  { id: 'downAt', label: 'Down at', align: 'right' },
  { id: 'backAt', label: 'Back at', align: 'right' },
  { id: 'downtime', label: 'Downtime', align: 'right' },
];

/** One row per VM of the design, affected or not. */
export function vmTable(result: SimulationResult, priorities: PriorityByVm = {}): Table {
  return {
    caption: 'VMs',
    columns: VM_COLUMNS,
    rows: result.vms.map((vm) => {
      const times = vmTimes(vm);
      const priority = vm.outcome.kind === 'restarted' ? vm.outcome.priority : (priorities[vm.vmId] ?? '');
      return {
        id: vm.vmId,
        cells: [
          textCell(vm.vmId),
          textCell(priority),
          textCell(vm.host),
          textCell(outcomeText(vm)),
          textCell(runsOn(vm)),
          times.downAt === undefined ? { text: '', sortValue: Number.MAX_VALUE } : numberCell(times.downAt, formatSeconds(times.downAt)),
          times.backAt === undefined ? { text: vm.outcome.kind === 'down' || vm.outcome.kind === 'unreachable' ? 'never' : '', sortValue: Number.MAX_VALUE } : numberCell(times.backAt, formatSeconds(times.backAt)),
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
      return 'unaffected';
    case 'kept-running':
      return `kept running (${outcome.note})`;
    case 'ft-takeover':
      return 'FT / replica takeover';
    case 'guest-cluster-takeover':
      return `guest cluster takeover by ${outcome.partner}${outcome.nodeRestartedOn ? `; node restarted on ${outcome.nodeRestartedOn.host}` : ''}`;
    case 'restarted':
      return 'restarted';
    case 'down':
      return `down: ${DOWN_REASON_TEXT[outcome.reason]} (${outcome.detail})`;
    case 'unreachable':
      return `running, unreachable: network ${outcome.networks.join(', ')} has no uplink`;
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

const EVENT_COLUMNS: readonly TableColumn[] = [
  { id: 'index', label: '#', align: 'right' },
  { id: 'time', label: 'Time', align: 'right' },
  { id: 'event', label: 'Event', align: 'left' },
  { id: 'cause', label: 'Cause', align: 'right' },
  { id: 'elements', label: 'Elements', align: 'left' },
  { id: 'message', label: 'What happened', align: 'left' },
];

export function eventTable(result: SimulationResult): Table {
  return {
    caption: 'Event log',
    columns: EVENT_COLUMNS,
    rows: result.events.map((event, index) => ({
      id: String(index),
      cells: [
        numberCell(index),
        numberCell(event.timeSeconds, formatSeconds(event.timeSeconds)),
        textCell(event.kind),
        event.causeIndex === undefined ? { text: '', sortValue: -1 } : numberCell(event.causeIndex, `#${event.causeIndex}`),
        textCell(event.elementIds.join(', ')),
        textCell(event.message),
      ],
    })),
  };
}

// ----------------------------------------------------------------------- migration

function migrationView(design: string, migration: MigrationResult): SimulationView {
  return {
    kind: 'migration',
    title: `Live migration of ${migration.vmId}: ${migration.fromHost} -> ${migration.toHost}`,
    design,
    summary: migrationSummary(migration),
    notes: [
      `Stopped because: ${sentence(migration.stopReason)}`,
      `CloudSim would estimate ${formatSeconds(migration.cloudsimSeconds)} (RAM / (bandwidth / 2)) and no downtime; the pre-copy model above counts the rounds and the pause.`,
    ],
    rounds: buildRoundsChart(migration),
    tables: [roundsTable(migration)],
  };
}

function migrationSummary(migration: MigrationResult): SummaryItem[] {
  return [
    { label: 'Method', value: migration.method },
    { label: 'Link', value: `${migration.linkMbps} Mbps` },
    { label: 'Total time', value: formatSeconds(migration.totalSeconds) },
    { label: 'Downtime (paused)', value: formatSeconds(migration.downtimeSeconds) },
    { label: 'Data sent', value: formatMemory(migration.sentMB) },
    { label: 'Rounds', value: String(migration.rounds.length) },
    { label: 'Converged', value: migration.converged ? 'yes' : 'no' },
    ...(migration.failed ? [{ label: 'Completed', value: `no: the VM stays on ${migration.fromHost}` }] : []),
    ...(migration.degradedSeconds !== undefined ? [{ label: 'Degraded (post-copy)', value: formatSeconds(migration.degradedSeconds) }] : []),
    { label: 'CloudSim estimate', value: formatSeconds(migration.cloudsimSeconds) },
  ];
}

export function roundsTable(migration: MigrationResult): Table {
  return {
    caption: 'Pre-copy rounds',
    columns: [
      { id: 'round', label: 'Round', align: 'right' },
      { id: 'sent', label: 'Sent', align: 'right' },
      { id: 'seconds', label: 'Time', align: 'right' },
      { id: 'dirtied', label: 'Dirtied meanwhile', align: 'right' },
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
    title: `Maintenance mode: ${maintenance.hostId}`,
    design,
    summary: [
      { label: 'VMs to move', value: String(maintenance.migrations.length + maintenance.stuck.length) },
      { label: 'Migrated', value: String(maintenance.migrations.length) },
      { label: 'Cannot move', value: String(maintenance.stuck.length) },
      { label: 'Total time', value: formatSeconds(maintenance.totalSeconds) },
      { label: 'Longest pause', value: formatSeconds(downtime) },
    ],
    notes: maintenance.stuck.map((stuck) => `${stuck.vmId} cannot leave ${maintenance.hostId}: ${sentence(stuck.reason)}`),
    timeline: buildMaintenanceTimeline(maintenance),
    tables: [migrationsTable(maintenance), stuckTable(maintenance)],
  };
}

export function migrationsTable(maintenance: MaintenanceResult): Table {
  return {
    caption: 'Migrations',
    columns: [
      { id: 'vm', label: 'VM', align: 'left' },
      { id: 'to', label: 'To host', align: 'left' },
      { id: 'method', label: 'Method', align: 'left' },
      { id: 'start', label: 'Starts at', align: 'right' },
      { id: 'total', label: 'Takes', align: 'right' },
      { id: 'downtime', label: 'Paused', align: 'right' },
      { id: 'sent', label: 'Sent', align: 'right' },
      { id: 'converged', label: 'Converged', align: 'left' },
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
        textCell(migration.failed ? `failed: ${migration.stopReason}` : migration.converged ? 'yes' : `no: ${migration.stopReason}`),
      ],
    })),
  };
}

function stuckTable(maintenance: MaintenanceResult): Table {
  return {
    caption: 'Cannot move',
    columns: [
      { id: 'vm', label: 'VM', align: 'left' },
      { id: 'reason', label: 'Why', align: 'left' },
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
    title: `Failure sweep (${mode.toUpperCase()})`,
    design,
    summary: [
      { label: 'Cases', value: String(rows.length) },
      { label: 'Cases with VMs down', value: String(withOutage) },
      { label: 'Worst case', value: worst ? worst.failed.map(componentLabel).join(' + ') : 'none' },
      { label: 'Most VMs down', value: String(maxOf(rows, (row) => row.vmsDown)) },
      ...(unreachable > 0 ? [{ label: 'Cases with VMs unreachable', value: String(unreachable) }] : []),
      { label: 'Longest downtime', value: formatSeconds(maxOf(rows, (row) => row.longestDowntimeSeconds)) },
    ],
    notes: [mode === 'n-1' ? 'Every single component failure, ranked by impact.' : 'Every pair of hosts failing together, ranked by impact.'],
    tables: [sweepTable(rows)],
  };
}

export function sweepTable(rows: readonly SweepRow[]): Table {
  return {
    caption: 'Cases',
    columns: [
      { id: 'rank', label: 'Rank', align: 'right' },
      { id: 'failed', label: 'Failed', align: 'left' },
      { id: 'down', label: 'VMs down', align: 'right' },
      { id: 'unreachable', label: 'Unreachable', align: 'right' },
      { id: 'restarted', label: 'Restarted', align: 'right' },
      { id: 'longest', label: 'Longest downtime', align: 'right' },
      { id: 'shortfall', label: 'Capacity shortfall', align: 'right' },
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

/** Why the balance recommendation is only a heuristic (docs/design/algorithms.md#3-drs-rules-and-balance); every balance report says so. */
export const BALANCE_HEURISTIC_NOTE =
  'This is a heuristic: the legacy DRS balance metric (vSphere 6.7 and earlier, docs/design/algorithms.md#3-drs-rules-and-balance) on memory only, not VMware\'s algorithm (vSphere 7 and later balance by a per-VM DRS score). Host load = configured memory + overhead of its powered-on VMs / the host\'s memory for VMs; imbalance = the standard deviation of the host loads.';

function balanceTitle(balance: BalanceResult): string {
  return `Load balance of cluster ${balance.clusterId} (heuristic)`;
}

/** A standard deviation of loads (shares of capacity), three decimals. */
export function formatDeviation(deviation: number): string {
  return deviation.toFixed(3);
}

function balanceView(design: string, balance: BalanceResult): SimulationView {
  const thresholdNote = !Number.isFinite(balance.minDrop)
    ? 'The cluster\'s DRS migration threshold is 1 (mandatory moves only): no balancing move is recommended.'
    : balance.moves.length === 0
      ? `No move lowers the deviation by more than ${balance.minDrop} (the cluster's DRS migration threshold): leave the VMs where they are.`
      : `Each move lowers the deviation by more than ${balance.minDrop} (the cluster's DRS migration threshold) and is a live migration the rules, capacity, storage and network allow; make them in this order.`;
  return {
    kind: 'balance',
    title: balanceTitle(balance),
    design,
    summary: [
      { label: 'Metric', value: `${balance.metric} load` },
      { label: 'Std. deviation before', value: formatDeviation(balance.before) },
      { label: 'Std. deviation after', value: formatDeviation(balance.after) },
      { label: 'Moves', value: String(balance.moves.length) },
      { label: 'Hosts', value: String(balance.hosts.length) },
    ],
    notes: [BALANCE_HEURISTIC_NOTE, thresholdNote],
    balance: buildBalanceChart(balance),
    tables: [balanceMovesTable(balance), balanceHostsTable(balance)],
  };
}

export function balanceMovesTable(balance: BalanceResult): Table {
  return {
    caption: 'Moves',
    columns: [
      { id: 'step', label: 'Step', align: 'right' },
      { id: 'vm', label: 'VM', align: 'left' },
      { id: 'from', label: 'From host', align: 'left' },
      { id: 'to', label: 'To host', align: 'left' },
    ],
    rows: balance.moves.map((move, index) => ({
      id: String(index + 1),
      cells: [numberCell(index + 1), textCell(move.vmId), textCell(move.from), textCell(move.to)],
    })),
  };
}

function balanceHostsTable(balance: BalanceResult): Table {
  return {
    caption: 'Host loads',
    columns: [
      { id: 'host', label: 'Host', align: 'left' },
      { id: 'before', label: 'Load before', align: 'right' },
      { id: 'after', label: 'Load after', align: 'right' },
      { id: 'change', label: 'Change', align: 'right' },
    ],
    rows: balance.hosts.map((host) => {
      const change = Math.round(host.after * 100) - Math.round(host.before * 100);
      return {
        id: host.hostId,
        cells: [
          textCell(host.hostId),
          numberCell(host.before, formatPercent(host.before)),
          numberCell(host.after, formatPercent(host.after)),
          numberCell(host.after - host.before, change === 0 ? '' : `${change > 0 ? '+' : ''}${change} pts`),
        ],
      };
    }),
  };
}
