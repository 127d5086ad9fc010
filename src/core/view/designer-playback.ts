/**
 * Simulation playback on the designer canvas: a compact shape derived from a
 * SimulationResult (what failed when, which VMs went down and where they came back up,
 * which hosts were cut off from their cluster and which VMs ran unreachable), its
 * validation on the webview side, and the state of the design at a time t. Pure: no DOM, no
 * cytoscape, no VS Code, so it runs under Node's test runner.
 */

import type { Topology } from '../model/topology';
import type { SimulationResult, VmResult } from '../simulation/types';
import { cutOffSpans, switchStacks, type CutOffReason, type CutOffSpan } from './simulation-network';
import { formatList, formatNumber } from '../l10n/format';
import { defineMessages } from '../l10n/messages';
import { grouped } from '../text/plural';

export type { CutOffReason, CutOffSpan } from './simulation-network';

export interface FailedElement {
  /** Element id as the simulator names it (`esx-01`, `fq1616r/a`, `link:3`, `esx-01/nic1`, `stack:core`). */
  readonly id: string;
  readonly atSeconds: number;
  /** When it came back (a recover step); absent when it stays failed. */
  readonly untilSeconds?: number;
  /**
   * What the canvas greys for an element it does not draw: the ports of an adapter, the
   * member switches of a stack, the uplink ports of a virtual switch.
   */
  readonly shownAs?: readonly string[];
}

/** A span in which a VM runs but users cannot reach it (its VM network has no uplink). */
export interface UnreachableSpan {
  readonly vmId: string;
  readonly fromSeconds: number;
  /** When it is reachable again (or goes down); absent when it stays unreachable. */
  readonly untilSeconds?: number;
}

export interface VmStep {
  readonly vmId: string;
  /** The host the VM ran on before the scenario. */
  readonly fromHost: string;
  /** Where it runs again (restart, FT or guest-cluster node restart); absent when it stays down. */
  readonly toHost?: string;
  readonly downAtSeconds: number;
  /** When the VM's service is back (ready); absent when it stays down. */
  readonly upAtSeconds?: number;
}

export interface SimulationPlayback {
  /** The scenario's name, for people. */
  readonly scenario: string;
  readonly durationSeconds: number;
  readonly failedIds: readonly FailedElement[];
  readonly vmSteps: readonly VmStep[];
  /** Hosts cut off from their cluster (isolated, in a partition without the primary, without quorum). */
  readonly cutOff: readonly CutOffSpan[];
  readonly unreachable: readonly UnreachableSpan[];
}

/** Most failed elements and VM steps one playback may carry (a 2,000-element design fits with room). */
export const MAX_PLAYBACK_ITEMS = 100_000;
const MAX_TEXT = 1_000;
const MAX_ID = 256;
/** Most drawn elements one failed element stands for (the ports of a distributed switch's members). */
const MAX_SHOWN_AS = 10_000;
/** A day: longer than any horizon the simulator uses. */
const MAX_SECONDS = 10_000_000;

/**
 * The playback of a simulation result; with the design, failed elements the canvas does not
 * draw (adapters, stacks, virtual switches) are shown as the ones it does.
 */
export function playbackFromResult(result: SimulationResult, topology?: Topology): SimulationPlayback {
  // One span per failure: an element recovered and failed again has two.
  const failed: Array<{ id: string; atSeconds: number; untilSeconds?: number }> = [];
  const openFailure = new Map<string, { id: string; atSeconds: number; untilSeconds?: number }>();
  const firstDown = new Map<string, number>();
  const unreachable: Array<{ vmId: string; fromSeconds: number; untilSeconds?: number }> = [];
  const openUnreachable = (vmId: string) => unreachable.find((span) => span.vmId === vmId && span.untilSeconds === undefined);
  let lastEvent = 0;
  for (const event of result.events) {
    lastEvent = Math.max(lastEvent, event.timeSeconds);
    const [subject] = event.elementIds;
    if (subject === undefined || subject === '') continue;
    if ((event.kind === 'component-failed' || event.kind === 'host-declared-failed' || event.kind === 'host-fenced') && !openFailure.has(subject)) {
      const span = { id: subject, atSeconds: event.timeSeconds };
      failed.push(span);
      openFailure.set(subject, span);
    }
    if (event.kind === 'component-recovered') {
      const span = openFailure.get(subject);
      if (span) span.untilSeconds = event.timeSeconds;
      openFailure.delete(subject);
    }
    if (event.kind === 'vm-down' && !firstDown.has(subject)) firstDown.set(subject, event.timeSeconds);
    if (event.kind === 'vm-unreachable' && !openUnreachable(subject)) unreachable.push({ vmId: subject, fromSeconds: event.timeSeconds });
    if (event.kind === 'vm-reachable' || event.kind === 'vm-down') {
      const span = openUnreachable(subject);
      if (span) span.untilSeconds = event.timeSeconds;
    }
  }
  // A result without the events (made by hand): the outcome says from when.
  for (const vm of result.vms) {
    if (vm.outcome.kind === 'unreachable' && !unreachable.some((span) => span.vmId === vm.vmId)) unreachable.push({ vmId: vm.vmId, fromSeconds: vm.outcome.downAtSeconds });
  }
  const vmSteps = result.vms.flatMap((vm) => {
    const step = vmStep(vm, firstDown.get(vm.vmId));
    return step ? [step] : [];
  });
  const cutOff = cutOffSpans(result);
  const latestStep = Math.max(0, ...vmSteps.map((step) => step.upAtSeconds ?? step.downAtSeconds), ...cutOff.map((span) => span.untilSeconds ?? span.fromSeconds));
  const failedIds = failed
    .map((span): FailedElement => {
      const shownAs = topology ? drawnAs(topology, span.id) : [];
      return { id: span.id, atSeconds: span.atSeconds, ...(span.untilSeconds !== undefined ? { untilSeconds: span.untilSeconds } : {}), ...(shownAs.length > 0 ? { shownAs } : {}) };
    })
    .sort((a, b) => a.atSeconds - b.atSeconds);
  return {
    scenario: result.scenario.name,
    durationSeconds: Math.max(1, Math.ceil(Math.max(lastEvent, latestStep))),
    failedIds,
    vmSteps,
    cutOff,
    unreachable: unreachable.map((span) => ({ ...span })),
  };
}

/** The drawn elements that stand for a failed one the canvas does not draw (none for the others). */
export function drawnAs(topology: Topology, id: string): string[] {
  if (id.startsWith('stack:')) return switchStacks(topology).get(id.slice('stack:'.length)) ?? [];
  const kind = topology.declarations.get(id)?.kind;
  if (kind === 'adapter') {
    return topology.hosts.flatMap((host) => host.adapters.filter((adapter) => adapter.id === id).flatMap((adapter) => adapter.ports.map((port) => port.id)));
  }
  if (kind === 'virtualSwitch') {
    const local = topology.hosts.flatMap((host) => (host.virtualSwitches ?? []).filter((vswitch) => vswitch.id === id).flatMap((vswitch) => vswitch.uplinks));
    const distributed = topology.distributedSwitches.filter((dvs) => dvs.id === id).flatMap((dvs) => [...(dvs.members?.values() ?? [])].flatMap((member) => member.value));
    return [...new Set([...local, ...distributed])];
  }
  return [];
}

function vmStep(vm: VmResult, downFromLog: number | undefined): VmStep | undefined {
  const outcome = vm.outcome;
  switch (outcome.kind) {
    case 'unaffected':
    case 'kept-running':
      return undefined;
    case 'restarted':
      return { vmId: vm.vmId, fromHost: vm.host, toHost: outcome.host, downAtSeconds: outcome.downAtSeconds, upAtSeconds: outcome.readyAtSeconds };
    case 'down':
      return { vmId: vm.vmId, fromHost: vm.host, downAtSeconds: outcome.downAtSeconds };
    case 'unreachable':
      // Running where it was: the unreachable spans show it.
      return undefined;
    case 'ft-takeover': {
      const downAt = downFromLog ?? 0;
      return { vmId: vm.vmId, fromHost: vm.host, toHost: outcome.host, downAtSeconds: downAt, upAtSeconds: downAt + outcome.downtimeSeconds };
    }
    case 'guest-cluster-takeover': {
      const downAt = downFromLog ?? 0;
      const restarted = outcome.nodeRestartedOn;
      if (restarted) return { vmId: vm.vmId, fromHost: vm.host, toHost: restarted.host, downAtSeconds: downAt, upAtSeconds: restarted.readyAtSeconds };
      // The node itself stays down; its application runs on the partner.
      return { vmId: vm.vmId, fromHost: vm.host, downAtSeconds: downAt };
    }
  }
}

/** What the canvas shows at time t of a playback. */
export interface PlaybackState {
  /** Drawn elements to grey: the failed ones and what stands for those not drawn. */
  readonly failed: ReadonlySet<string>;
  /** How many elements have failed (a failed adapter counts once, not once per port). */
  readonly failedCount: number;
  /** VMs that are down at t (marked). */
  readonly down: ReadonlySet<string>;
  /** VMs that run at t but cannot be reached (marked otherwise). */
  readonly unreachable: ReadonlySet<string>;
  /** VMs that run on another host at t: VM id -> host id. */
  readonly movedTo: ReadonlyMap<string, string>;
  /** Hosts cut off from their cluster at t and not failed: host id -> why. */
  readonly isolated: ReadonlyMap<string, CutOffReason>;
}

const during = (seconds: number, from: number, until: number | undefined) => seconds >= from && (until === undefined || seconds < until);

export function playbackStateAt(playback: SimulationPlayback, seconds: number): PlaybackState {
  const failed = new Set<string>();
  let failedCount = 0;
  for (const entry of playback.failedIds) {
    if (!during(seconds, entry.atSeconds, entry.untilSeconds)) continue;
    failedCount++;
    failed.add(entry.id);
    for (const id of entry.shownAs ?? []) failed.add(id);
  }
  const down = new Set<string>();
  const movedTo = new Map<string, string>();
  for (const step of playback.vmSteps) {
    const up = step.upAtSeconds !== undefined && seconds >= step.upAtSeconds;
    if (seconds >= step.downAtSeconds && !up) down.add(step.vmId);
    if (up && step.toHost !== undefined && step.toHost !== step.fromHost) movedTo.set(step.vmId, step.toHost);
  }
  const unreachable = new Set(playback.unreachable.filter((span) => during(seconds, span.fromSeconds, span.untilSeconds) && !down.has(span.vmId)).map((span) => span.vmId));
  const isolated = new Map<string, CutOffReason>();
  for (const span of playback.cutOff) {
    if (during(seconds, span.fromSeconds, span.untilSeconds) && !failed.has(span.hostId) && !isolated.has(span.hostId)) isolated.set(span.hostId, span.reason);
  }
  return { failed, failedCount, down, unreachable, movedTo, isolated };
}

const MESSAGES = defineMessages('designer.playback', {
  isolated: 'isolated',
  partitioned: 'partitioned',
  noQuorum: 'no quorum',
  failed: '{count} failed',
  oneVmDown: '{count} VM down',
  manyVmsDown: '{count} VMs down',
  runningElsewhere: '{count} running elsewhere',
  oneHostCutOff: '{count} host {reasons}',
  manyHostsCutOff: '{count} hosts {reasons}',
  oneVmUnreachable: '{count} VM unreachable',
  manyVmsUnreachable: '{count} VMs unreachable',
  /** The state at a time: `12 s: 1 failed, 3 VMs down`. */
  state: '{time}: {state}',
  seconds: '{n} s',
});

/** The canvas's word for a host cut off from its cluster. */
export function cutOffBadge(reason: CutOffReason): string {
  switch (reason) {
    case 'isolated': return MESSAGES.isolated({});
    case 'partitioned': return MESSAGES.partitioned({});
    case 'no-quorum': return MESSAGES.noQuorum({});
  }
}

/** One line for people about the state at t: `12 s: 1 failed, 3 VMs down, 2 running elsewhere, 1 host isolated, 3 VMs unreachable`. */
export function describePlaybackState(state: PlaybackState, seconds: number): string {
  const count = (n: number) => grouped(n);
  const parts = [
    MESSAGES.failed({ count: count(state.failedCount) }),
    (state.down.size === 1 ? MESSAGES.oneVmDown : MESSAGES.manyVmsDown)({ count: count(state.down.size) }),
    MESSAGES.runningElsewhere({ count: count(state.movedTo.size) }),
  ];
  if (state.isolated.size > 0) {
    const reasons = formatList([...new Set(state.isolated.values())].map(cutOffBadge), 'or');
    parts.push((state.isolated.size === 1 ? MESSAGES.oneHostCutOff : MESSAGES.manyHostsCutOff)({ count: count(state.isolated.size), reasons }));
  }
  if (state.unreachable.size > 0) parts.push((state.unreachable.size === 1 ? MESSAGES.oneVmUnreachable : MESSAGES.manyVmsUnreachable)({ count: count(state.unreachable.size) }));
  return MESSAGES.state({ time: formatSeconds(seconds), state: formatList(parts) });
}

/** The playback's clock: `3.0 s` under 10 s, `42 s` from there. */
export function formatSeconds(seconds: number): string {
  const n = seconds < 10 ? formatNumber(seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1, grouping: false }) : formatNumber(Math.round(seconds), { grouping: false });
  return MESSAGES.seconds({ n });
}

// ------------------------------------------------------------------------- validation

function isPlainRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function onlyKeys(value: Readonly<Record<string, unknown>>, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_SECONDS;
}

function parseFailed(value: unknown): FailedElement | undefined {
  if (!isPlainRecord(value) || !onlyKeys(value, ['id', 'atSeconds', 'untilSeconds', 'shownAs'])) return undefined;
  const { id, atSeconds, untilSeconds, shownAs } = value;
  if (!isId(id) || !isSeconds(atSeconds)) return undefined;
  if (untilSeconds !== undefined && !isSeconds(untilSeconds)) return undefined;
  let shown: string[] | undefined;
  if (shownAs !== undefined) {
    if (!Array.isArray(shownAs) || shownAs.length > MAX_SHOWN_AS || !shownAs.every(isId)) return undefined;
    shown = shownAs.map(String);
  }
  return { id, atSeconds, ...(untilSeconds !== undefined ? { untilSeconds } : {}), ...(shown !== undefined ? { shownAs: shown } : {}) };
}

const CUT_OFF_REASONS: readonly CutOffReason[] = ['isolated', 'partitioned', 'no-quorum'];

function parseCutOff(value: unknown): CutOffSpan | undefined {
  if (!isPlainRecord(value) || !onlyKeys(value, ['hostId', 'reason', 'fromSeconds', 'untilSeconds'])) return undefined;
  const { hostId, fromSeconds, untilSeconds } = value;
  const reason = CUT_OFF_REASONS.find((known) => known === value.reason);
  if (!isId(hostId) || reason === undefined || !isSeconds(fromSeconds)) return undefined;
  if (untilSeconds !== undefined && !isSeconds(untilSeconds)) return undefined;
  return { hostId, reason, fromSeconds, ...(untilSeconds !== undefined ? { untilSeconds } : {}) };
}

function parseUnreachable(value: unknown): UnreachableSpan | undefined {
  if (!isPlainRecord(value) || !onlyKeys(value, ['vmId', 'fromSeconds', 'untilSeconds'])) return undefined;
  const { vmId, fromSeconds, untilSeconds } = value;
  if (!isId(vmId) || !isSeconds(fromSeconds)) return undefined;
  if (untilSeconds !== undefined && !isSeconds(untilSeconds)) return undefined;
  return { vmId, fromSeconds, ...(untilSeconds !== undefined ? { untilSeconds } : {}) };
}

function parseStep(value: unknown): VmStep | undefined {
  if (!isPlainRecord(value) || !onlyKeys(value, ['vmId', 'fromHost', 'toHost', 'downAtSeconds', 'upAtSeconds'])) return undefined;
  const { vmId, fromHost, toHost, downAtSeconds, upAtSeconds } = value;
  if (!isId(vmId) || !isId(fromHost) || !isSeconds(downAtSeconds)) return undefined;
  if (toHost !== undefined && !isId(toHost)) return undefined;
  if (upAtSeconds !== undefined && !isSeconds(upAtSeconds)) return undefined;
  return { vmId, fromHost, downAtSeconds, ...(toHost !== undefined ? { toHost } : {}), ...(upAtSeconds !== undefined ? { upAtSeconds } : {}) };
}

function parseList<T>(value: unknown, parse: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_PLAYBACK_ITEMS) return undefined;
  const items: T[] = [];
  for (const item of value) {
    const parsed = parse(item);
    if (parsed === undefined) return undefined;
    items.push(parsed);
  }
  return items;
}

/** The playback if the value has exactly its shape (rebuilt from the checked values), otherwise undefined. */
export function parsePlayback(value: unknown): SimulationPlayback | undefined {
  if (!isPlainRecord(value) || !onlyKeys(value, ['scenario', 'durationSeconds', 'failedIds', 'vmSteps', 'cutOff', 'unreachable'])) return undefined;
  const { scenario, durationSeconds } = value;
  if (typeof scenario !== 'string' || scenario.length > MAX_TEXT || !isSeconds(durationSeconds) || durationSeconds <= 0) return undefined;
  const failedIds = parseList(value.failedIds, parseFailed);
  const vmSteps = parseList(value.vmSteps, parseStep);
  const cutOff = parseList(value.cutOff, parseCutOff);
  const unreachable = parseList(value.unreachable, parseUnreachable);
  if (!failedIds || !vmSteps || !cutOff || !unreachable) return undefined;
  return { scenario, durationSeconds, failedIds, vmSteps, cutOff, unreachable };
}
