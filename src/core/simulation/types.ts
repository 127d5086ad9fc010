/**
 * What the simulator takes and gives: a scenario of failures and actions at given times,
 * and a result made of the event log (every state change with its time and cause) plus
 * summaries derived from it. Shared by the failover engine, the migration model, the
 * maintenance planner, the sweep, the CLI and the results panel.
 */

import { DOMAIN_KINDS, isDomainKind } from '../domain/domain-kinds';
import { defineMessages } from '../l10n/messages';

/**
 * The kinds of element that can fail or recover (`host:esx-01`, `link:3`, `stack:core`): a person names them, the sweep fails them.
 * A failure domain (`site`, `rack`, `chassis`, `power-feed`) fails as every host, switch and array it takes down (domain/failure-domains.ts);
 * a `site-link` as every cable between its two sites, and the copies of a synchronous mirror across it lose each other.
 */
export const COMPONENT_KINDS = ['host', 'switch', 'adapter', 'port', 'link', 'controller', 'array', 'datastore', 'virtual-switch', 'stack', ...DOMAIN_KINDS, 'site-link'] as const;

/** Something that can fail: an element of the design, by kind and id. */
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/** How people name a kind of component: `power feed`, `site link`, `virtual switch`. */
export function componentKindName(kind: ComponentKind): string {
  return KIND_NAMES[kind === 'virtual-switch' ? 'virtualSwitch' : kind === 'power-feed' ? 'powerFeed' : kind === 'site-link' ? 'siteLink' : kind]({});
}

const KIND_NAMES = defineMessages('simulation.component-kinds', {
  host: 'host',
  switch: 'switch',
  adapter: 'adapter',
  port: 'port',
  link: 'link',
  controller: 'controller',
  array: 'array',
  datastore: 'datastore',
  virtualSwitch: 'virtual switch',
  stack: 'stack',
  site: 'site',
  rack: 'rack',
  chassis: 'chassis',
  powerFeed: 'power feed',
  siteLink: 'site link',
});

const PRIORITY_NAMES = defineMessages('simulation.restart-priorities', {
  highest: 'highest',
  high: 'high',
  medium: 'medium',
  low: 'low',
  lowest: 'lowest',
  disabled: 'disabled',
});

/** A restart priority (vSphere's six names, as the simulator writes them) in the user's language; another value as it is. */
export function restartPriorityName(priority: string): string {
  switch (priority) {
    case 'highest':
    case 'high':
    case 'medium':
    case 'low':
    case 'lowest':
    case 'disabled':
      return PRIORITY_NAMES[priority]({});
    default:
      return priority;
  }
}

/** Whether a component fails as a whole (a failure domain or a site link) rather than as one element. */
export function failsAsAWhole(kind: ComponentKind): boolean {
  return isDomainKind(kind) || kind === 'site-link';
}

/** What a sweep fails: every single element (N-1) or every pair (N-2). */
export const SWEEP_MODES = ['n-1', 'n-2'] as const;

export type SweepMode = (typeof SWEEP_MODES)[number];

export interface ComponentRef {
  readonly kind: ComponentKind;
  /** Element id (`esx-01`, `fq1616r/a`, `esx-01/hba1/p0`); links use `link:<index in links:>`, stacks `stack:<name>`. */
  readonly id: string;
}

export type ScenarioAction =
  | { readonly action: 'fail'; readonly target: ComponentRef }
  /** A host that loses its management network but keeps running (and writing datastore heartbeats). */
  | { readonly action: 'isolate'; readonly host: string }
  | { readonly action: 'recover'; readonly target: ComponentRef };

export type ScenarioStep = ScenarioAction & {
  /** Seconds from the start of the scenario. */
  readonly atSeconds: number;
};

export interface Scenario {
  readonly name: string;
  readonly steps: readonly ScenarioStep[];
  /** Time after which the simulation stops; VMs still down count their downtime up to it. */
  readonly horizonSeconds?: number;
}

export type SimulationEventKind =
  | 'component-failed'
  | 'component-recovered'
  | 'heartbeats-lost'
  | 'host-isolated'
  | 'network-lost'
  | 'network-restored'
  | 'network-partition'
  | 'teaming-failover'
  | 'quorum-lost'
  | 'resiliency-expired'
  | 'host-fenced'
  | 'vm-unreachable'
  | 'vm-reachable'
  | 'host-declared-failed'
  | 'isolation-response'
  | 'path-failover'
  | 'all-paths-down'
  | 'permanent-device-loss'
  | 'copy-promoted'
  | 'vm-down'
  | 'vm-takeover'
  | 'vm-placed'
  | 'vm-powered-on'
  | 'vm-ready'
  | 'vm-restart-pending'
  | 'tier-started'
  | 'tier-timeout';

export interface SimulationEvent {
  readonly timeSeconds: number;
  readonly kind: SimulationEventKind;
  /** The elements the event is about (VM, host, component). */
  readonly elementIds: readonly string[];
  /** One sentence for people. */
  readonly message: string;
  /** Index in the event log of the event that caused this one, if any. */
  readonly causeIndex?: number;
  /** network-partition: the groups of hosts that still hear each other, and the one that restarts VMs (it holds the HA primary). */
  readonly partition?: { readonly groups: readonly (readonly string[])[]; readonly acting?: readonly string[] };
}

export type DownReason =
  | 'no-capacity'
  | 'no-storage-path'
  | 'rule-conflict'
  | 'restart-disabled'
  | 'ha-disabled'
  | 'no-quorum'
  | 'no-candidate-host';

export type VmOutcome =
  | { readonly kind: 'unaffected' }
  /** Storage paths failed over (MPIO/ALUA): I/O continued on surviving paths. */
  | { readonly kind: 'kept-running'; readonly note: string }
  | { readonly kind: 'ft-takeover'; readonly host: string; readonly downtimeSeconds: number }
  | {
      readonly kind: 'guest-cluster-takeover';
      readonly partner: string;
      readonly downtimeSeconds: number;
      /** The failed node itself, when HA restarted it (the application already runs on the partner). */
      readonly nodeRestartedOn?: { readonly host: string; readonly poweredOnAtSeconds: number; readonly readyAtSeconds: number };
    }
  | {
      readonly kind: 'restarted';
      readonly host: string;
      readonly downAtSeconds: number;
      readonly poweredOnAtSeconds: number;
      readonly readyAtSeconds: number;
      readonly downtimeSeconds: number;
      readonly priority: string;
    }
  | { readonly kind: 'down'; readonly reason: DownReason; readonly downAtSeconds: number; readonly detail: string }
  /** Running, but users cannot reach it: its VM network has no uplink left. HA does not act on this; it counts as downtime. */
  | { readonly kind: 'unreachable'; readonly host: string; readonly networks: readonly string[]; readonly downAtSeconds: number; readonly detail: string };

export interface VmResult {
  readonly vmId: string;
  /** Host the VM ran on before the scenario. */
  readonly host: string;
  readonly outcome: VmOutcome;
  /** Seconds without the VM's service; up to the horizon for VMs that stay down. */
  readonly downtimeSeconds: number;
}

export interface HostLoad {
  readonly cpuMHz: number;
  readonly memoryMB: number;
  readonly vmCount: number;
}

export interface HostUtilization {
  readonly hostId: string;
  readonly capacity: { readonly cpuMHz: number; readonly memoryMB: number };
  readonly before: HostLoad;
  readonly after: HostLoad;
  readonly failed: boolean;
}

export interface SimulationSummary {
  readonly vmsAffected: number;
  readonly vmsRestarted: number;
  readonly vmsTakenOver: number;
  readonly vmsDown: number;
  /** Running but unreachable at the end (VM network lost). */
  readonly vmsUnreachable: number;
  readonly longestDowntimeSeconds: number;
  readonly totalDowntimeSeconds: number;
}

export interface SimulationResult {
  readonly scenario: Scenario;
  readonly events: readonly SimulationEvent[];
  readonly vms: readonly VmResult[];
  readonly hosts: readonly HostUtilization[];
  readonly summary: SimulationSummary;
}

/** Live-migration algorithms (docs/design/algorithms.md#4-live-migration): picked by platform unless the cluster says. */
export type MigrationMethod = 'vmotion' | 'xen-classic' | 'xen' | 'qemu' | 'post-copy';

export interface PreCopyRound {
  /** 1 for the first full copy of memory. */
  readonly round: number;
  readonly sentMB: number;
  readonly seconds: number;
  /** Memory dirtied while this round was sent: what the next round must send. */
  readonly dirtiedMB: number;
}

export interface MigrationResult {
  readonly vmId: string;
  readonly fromHost: string;
  readonly toHost: string;
  readonly method: MigrationMethod;
  readonly linkMbps: number;
  /** Pre-copy rounds (empty for post-copy). */
  readonly rounds: readonly PreCopyRound[];
  readonly totalSeconds: number;
  /** Time the VM is paused (stop-and-copy plus resume). */
  readonly downtimeSeconds: number;
  readonly sentMB: number;
  readonly converged: boolean;
  /** Why pre-copy stopped (e.g. "fewer than 50 pages dirty", "29 rounds", "pending below bandwidth x allowed downtime"). */
  readonly stopReason: string;
  /** Post-copy: how long the VM runs degraded, pulling pages on fault. */
  readonly degradedSeconds?: number;
  /** CloudSim's estimate for comparison: RAM / (bandwidth / 2), no downtime modelled. */
  readonly cloudsimSeconds: number;
  /** The migration did not complete (vMotion switchover over 100 s, QEMU never converging): the VM stays on the source. */
  readonly failed?: boolean;
}

export interface PlannedMigration extends MigrationResult {
  readonly startSeconds: number;
}

export interface MaintenanceResult {
  readonly hostId: string;
  readonly migrations: readonly PlannedMigration[];
  readonly totalSeconds: number;
  /** VMs that cannot leave the host, and why. */
  readonly stuck: ReadonlyArray<{ readonly vmId: string; readonly reason: string }>;
}

export interface SweepRow {
  readonly failed: readonly ComponentRef[];
  readonly vmsDown: number;
  /** VMs running but unreachable (their VM network lost): out of service for users. */
  readonly vmsUnreachable: number;
  readonly vmsRestarted: number;
  readonly longestDowntimeSeconds: number;
  /** Memory (MB) that protected VMs needed but the surviving hosts lacked. */
  readonly capacityShortfallMB: number;
}
