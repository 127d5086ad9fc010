/**
 * Simulation playback on the designer canvas: a compact shape derived from a
 * SimulationResult (what failed when, which VMs went down and where they came back up),
 * its validation on the webview side, and the state of the design at a time t. Pure: no
 * DOM, no cytoscape, no VS Code, so it runs under Node's test runner.
 */

import type { SimulationResult, VmResult } from '../simulation/types';

export interface FailedElement {
  /** Element id as the diagram names it (`esx-01`, `fq1616r/a`, `link:3`). */
  readonly id: string;
  readonly atSeconds: number;
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
}

/** Most failed elements and VM steps one playback may carry (a 2,000-element design fits with room). */
export const MAX_PLAYBACK_ITEMS = 100_000;
const MAX_TEXT = 1_000;
const MAX_ID = 256;
/** A day: longer than any horizon the simulator uses. */
const MAX_SECONDS = 10_000_000;

/** The playback of a simulation result. */
export function playbackFromResult(result: SimulationResult): SimulationPlayback {
  const failed = new Map<string, number>();
  const firstDown = new Map<string, number>();
  let lastEvent = 0;
  for (const event of result.events) {
    lastEvent = Math.max(lastEvent, event.timeSeconds);
    const [subject] = event.elementIds;
    if (subject === undefined || subject === '') continue;
    if ((event.kind === 'component-failed' || event.kind === 'host-declared-failed') && !failed.has(subject)) failed.set(subject, event.timeSeconds);
    if (event.kind === 'vm-down' && !firstDown.has(subject)) firstDown.set(subject, event.timeSeconds);
  }
  const vmSteps = result.vms.flatMap((vm) => {
    const step = vmStep(vm, firstDown.get(vm.vmId));
    return step ? [step] : [];
  });
  const latestStep = Math.max(0, ...vmSteps.map((step) => step.upAtSeconds ?? step.downAtSeconds));
  const failedIds = [...failed].map(([id, atSeconds]) => ({ id, atSeconds })).sort((a, b) => a.atSeconds - b.atSeconds);
  return {
    scenario: result.scenario.name,
    durationSeconds: Math.max(1, Math.ceil(Math.max(lastEvent, latestStep))),
    failedIds,
    vmSteps,
  };
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
    case 'unreachable':
      return { vmId: vm.vmId, fromHost: vm.host, downAtSeconds: outcome.downAtSeconds };
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
  /** Failed elements (greyed). */
  readonly failed: ReadonlySet<string>;
  /** VMs that are down at t (marked). */
  readonly down: ReadonlySet<string>;
  /** VMs that run on another host at t: VM id -> host id. */
  readonly movedTo: ReadonlyMap<string, string>;
}

export function playbackStateAt(playback: SimulationPlayback, seconds: number): PlaybackState {
  const failed = new Set(playback.failedIds.filter((entry) => entry.atSeconds <= seconds).map((entry) => entry.id));
  const down = new Set<string>();
  const movedTo = new Map<string, string>();
  for (const step of playback.vmSteps) {
    const up = step.upAtSeconds !== undefined && seconds >= step.upAtSeconds;
    if (seconds >= step.downAtSeconds && !up) down.add(step.vmId);
    if (up && step.toHost !== undefined && step.toHost !== step.fromHost) movedTo.set(step.vmId, step.toHost);
  }
  return { failed, down, movedTo };
}

/** One line for people about the state at t: `12 s: 1 failed, 3 VMs down, 2 restarted elsewhere`. */
export function describePlaybackState(state: PlaybackState, seconds: number): string {
  return `${formatSeconds(seconds)}: ${state.failed.size} failed, ${state.down.size} VM${state.down.size === 1 ? '' : 's'} down, ${state.movedTo.size} running elsewhere`;
}

export function formatSeconds(seconds: number): string {
  return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
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
  if (!isPlainRecord(value) || !onlyKeys(value, ['id', 'atSeconds'])) return undefined;
  return isId(value.id) && isSeconds(value.atSeconds) ? { id: value.id, atSeconds: value.atSeconds } : undefined;
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
  if (!isPlainRecord(value) || !onlyKeys(value, ['scenario', 'durationSeconds', 'failedIds', 'vmSteps'])) return undefined;
  const { scenario, durationSeconds } = value;
  if (typeof scenario !== 'string' || scenario.length > MAX_TEXT || !isSeconds(durationSeconds) || durationSeconds <= 0) return undefined;
  const failedIds = parseList(value.failedIds, parseFailed);
  const vmSteps = parseList(value.vmSteps, parseStep);
  if (!failedIds || !vmSteps) return undefined;
  return { scenario, durationSeconds, failedIds, vmSteps };
}
