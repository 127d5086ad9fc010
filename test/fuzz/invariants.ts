/**
 * What must hold for any input, however broken: runs the reader, the analyzer, a host
 * failure, a component failure and both sweeps on a text, and reports the first invariant
 * that breaks (an exception, a range outside the document, NaN or Infinity in an output,
 * a VM restarted onto a failed host or held by two hosts, a sweep row that disagrees with
 * a full simulation of the same failures, two runs on the same text that differ).
 */

import { analyzeParsed } from '../../src/core/analysis/engine';
import { ALL_RULES } from '../../src/core/analysis/rules';
import type { Finding } from '../../src/core/analysis/rule';
import { parseVtopo } from '../../src/core/model/parse';
import type { Report } from '../../src/core/model/report';
import type { SourceRange } from '../../src/core/model/source';
import type { Topology } from '../../src/core/model/topology';
import { componentFailureScenario, hostFailureScenario, simulateScenario } from '../../src/core/simulation/engine';
import { singleFailureTargets, sweep } from '../../src/core/simulation/sweep';
import { DEFAULT_HORIZON_SECONDS } from '../../src/core/simulation/timings';
import type { ComponentRef, Scenario, SimulationResult, SweepRow } from '../../src/core/simulation/types';

const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((meta) => meta.id));
const TODAY = '2026-06-01';

export interface Violation {
  /** Short name of the invariant that broke, e.g. `finding-range`, `exception:sweep-n1`. */
  readonly invariant: string;
  readonly detail: string;
}

export interface CheckOptions {
  /** Choices of the host and component to fail, of the sampled sweep rows and of the mixed scenario (any integers). */
  readonly picks: readonly number[];
  /** N-1 rows compared with full simulations: all of them up to this many, else a sample of it. */
  readonly maxComparedRows?: number;
  /** N-2 rows compared with full simulations (a sample). */
  readonly comparedN2Rows?: number;
  /** Run the N-2 sweep (slow on big designs). */
  readonly n2?: boolean;
  /** Run everything twice from fresh parses and compare the bytes. */
  readonly determinism?: boolean;
}

export interface CheckStats {
  readonly hosts: number;
  readonly vms: number;
  readonly findings: number;
  readonly n1Rows: number;
  readonly n2Rows: number;
  readonly comparedRows: number;
}

class Broken extends Error {
  constructor(
    readonly invariant: string,
    readonly detail: string,
  ) {
    super(`${invariant}: ${detail}`);
  }
}

function fail(invariant: string, detail: string): never {
  throw new Broken(invariant, detail);
}

function stage<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Broken) throw error;
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return fail(`exception:${name}`, text);
  }
}

interface PipelineOutput {
  readonly problems: readonly Report[];
  readonly findings: readonly Finding[];
  readonly hostSim: SimulationResult | undefined;
  readonly componentSim: SimulationResult | undefined;
  /** Several failures, an isolation and recoveries at random times. */
  readonly mixedSim: SimulationResult | undefined;
  readonly targets: readonly ComponentRef[];
  readonly n1: readonly SweepRow[];
  readonly n2: readonly SweepRow[];
  readonly topology: Topology;
}

function pick<T>(items: readonly T[], n: number | undefined): T | undefined {
  return items.length === 0 ? undefined : items[Math.abs(n ?? 0) % items.length];
}

/** Reads, analyzes, simulates and sweeps a text; `first` runs on the fresh topology before any simulation. */
function pipeline(text: string, options: CheckOptions, first?: (topology: Topology) => void): PipelineOutput {
  const parsed = stage('parse', () => parseVtopo(text));
  const analysis = stage('analysis', () => analyzeParsed(parsed, { today: TODAY }));
  const topology = parsed.topology;
  first?.(topology);
  const targets = stage('single-failure-targets', () => singleFailureTargets(topology));
  const host = pick(topology.hosts, options.picks[0]);
  const hostSim = host ? stage('host-failure', () => simulateScenario(topology, hostFailureScenario(host.id))) : undefined;
  const component = pick(
    targets.filter((t) => t.kind !== 'host'),
    options.picks[1],
  );
  const componentSim = component ? stage('component-failure', () => simulateScenario(topology, componentFailureScenario(component))) : undefined;
  const mixed = mixedScenario(topology, targets, options.picks[3] ?? 0);
  const mixedSim = mixed ? stage('mixed-scenario', () => simulateScenario(topology, mixed)) : undefined;
  const n1 = stage('sweep-n1', () => sweep(topology, { mode: 'n-1' }));
  const n2 = options.n2 === false ? [] : stage('sweep-n2', () => sweep(topology, { mode: 'n-2' }));
  return { problems: parsed.problems, findings: analysis.findings, hostSim, componentSim, mixedSim, targets, n1, n2, topology };
}

/** One to four steps: failures of random targets, maybe an isolation, maybe recoveries, at random times. */
function mixedScenario(topology: Topology, targets: readonly ComponentRef[], pick: number): Scenario | undefined {
  if (targets.length === 0) return undefined;
  let state = (pick >>> 0) || 1;
  const next = (n: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % Math.max(1, n);
  };
  const steps: Scenario['steps'][number][] = [];
  const count = 1 + next(4);
  for (let i = 0; i < count; i++) {
    const at = next(4) === 0 ? 0 : next(900);
    const host = topology.hosts[next(topology.hosts.length)];
    const kind = next(5);
    if (kind === 0 && host) steps.push({ action: 'isolate', host: host.id, atSeconds: at });
    else if (kind === 1 && steps.length > 0) {
      const earlier = steps[next(steps.length)];
      if (earlier?.action === 'fail') steps.push({ action: 'recover', target: earlier.target, atSeconds: earlier.atSeconds + next(600) });
    } else {
      const target = targets[next(targets.length)];
      if (target) steps.push({ action: 'fail', target, atSeconds: at });
    }
  }
  return steps.length ? { name: 'mixed', steps, horizonSeconds: 600 + next(3600) } : undefined;
}

function checkRange(range: SourceRange, length: number, what: string): void {
  const { start, end } = range;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) {
    fail('finding-range', `${what}: range ${start}-${end} is not within 0-${length}`);
  }
}

export function checkReports(text: string, reports: ReadonlyArray<Report & { readonly ruleId: string }>): void {
  for (const report of reports) {
    const what = `${report.ruleId} "${report.message}"`;
    if (!KNOWN_RULE_IDS.has(report.ruleId)) fail('finding-rule-id', `unknown rule id "${report.ruleId}"`);
    if (report.message.trim() === '') fail('finding-message', `empty message from ${report.ruleId}`);
    if ('internalError' in report && report.internalError === true) fail('exception:rule', report.message);
    if (report.message.startsWith('internal error')) fail('exception:rule', report.message);
    if (report.message.startsWith('could not read this file')) fail('exception:reader', report.message);
    checkRange(report.range, text.length, what);
    for (const related of report.related ?? []) checkRange(related.range, text.length, `related location of ${what}`);
    for (const fix of report.fixes ?? []) for (const edit of fix.edits) checkRange(edit.range, text.length, `quick fix "${fix.title}" of ${what}`);
  }
}

/** Every number finite; with `words`, no string shows NaN or Infinity either (unless the input wrote them). */
export function checkFinite(value: unknown, path: string, words: boolean, seen = new Set<object>()): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('non-finite', `${path} is ${value}`);
    return;
  }
  if (typeof value === 'string') {
    if (words && /\bNaN\b|\bInfinity\b|\bundefined\b/.test(value)) fail('non-finite-text', `${path}: "${value}"`);
    return;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkFinite(item, `${path}[${i}]`, words, seen));
    return;
  }
  for (const [key, item] of Object.entries(value)) checkFinite(item, `${path}.${key}`, words, seen);
}

/** The event log in time order within the horizon, each cause before its effect; no downtime longer than the scenario. */
export function checkTimeline(result: SimulationResult, what: string): void {
  const horizon = result.scenario.horizonSeconds ?? DEFAULT_HORIZON_SECONDS;
  let previous = 0;
  result.events.forEach((event, index) => {
    if (event.timeSeconds < previous) fail('event-order', `${what}: event ${index} (${event.kind}) at ${event.timeSeconds} s after one at ${previous} s`);
    if (event.timeSeconds > horizon) fail('event-order', `${what}: event ${index} (${event.kind}) at ${event.timeSeconds} s, past the horizon ${horizon} s`);
    previous = event.timeSeconds;
    if (event.causeIndex !== undefined && !(Number.isInteger(event.causeIndex) && event.causeIndex >= 0 && event.causeIndex < index)) {
      fail('event-cause', `${what}: event ${index} (${event.kind}) has cause ${event.causeIndex}`);
    }
  });
  for (const vm of result.vms) {
    if (vm.downtimeSeconds > horizon + 1e-9) fail('downtime-past-horizon', `${what}: ${vm.vmId} down ${vm.downtimeSeconds} s in a ${horizon} s scenario`);
  }
  const s = result.summary;
  if (s.vmsRestarted + s.vmsTakenOver + s.vmsDown + s.vmsUnreachable > s.vmsAffected || s.vmsAffected > result.vms.length) {
    fail('summary', `${what}: ${JSON.stringify(s)} for ${result.vms.length} VMs`);
  }
}

/** No VM restarted (or taken over) onto a failed host; no VM counted on two hosts. */
export function checkPlacement(result: SimulationResult, topology: Topology, what: string): void {
  checkTimeline(result, what);
  const failed = new Set(result.hosts.filter((h) => h.failed).map((h) => h.hostId));
  const known = new Set(result.hosts.map((h) => h.hostId));
  const expected = new Map<string, number>();
  const hold = (host: string) => expected.set(host, (expected.get(host) ?? 0) + 1);
  for (const vm of result.vms) {
    const outcome = vm.outcome;
    if (vm.downtimeSeconds < 0) fail('negative-downtime', `${what}: ${vm.vmId} has downtime ${vm.downtimeSeconds}`);
    switch (outcome.kind) {
      case 'restarted':
        if (failed.has(outcome.host)) fail('restart-onto-failed-host', `${what}: ${vm.vmId} restarted on failed host ${outcome.host}`);
        if (!known.has(outcome.host)) fail('restart-onto-unknown-host', `${what}: ${vm.vmId} restarted on ${outcome.host}`);
        if (!(outcome.downAtSeconds <= outcome.poweredOnAtSeconds && outcome.poweredOnAtSeconds <= outcome.readyAtSeconds)) {
          fail('restart-timeline', `${what}: ${vm.vmId} down ${outcome.downAtSeconds}, on ${outcome.poweredOnAtSeconds}, ready ${outcome.readyAtSeconds}`);
        }
        hold(outcome.host);
        break;
      case 'ft-takeover':
      case 'unreachable':
        if (failed.has(outcome.host)) fail('restart-onto-failed-host', `${what}: ${vm.vmId} ${outcome.kind} on failed host ${outcome.host}`);
        hold(outcome.host);
        break;
      case 'guest-cluster-takeover':
        if (outcome.nodeRestartedOn) {
          if (failed.has(outcome.nodeRestartedOn.host)) fail('restart-onto-failed-host', `${what}: guest-cluster node ${vm.vmId} restarted on failed host ${outcome.nodeRestartedOn.host}`);
          hold(outcome.nodeRestartedOn.host);
        }
        break;
      case 'unaffected':
      case 'kept-running': {
        const declared = topology.vm(vm.vmId);
        if (declared?.power === 'on' && known.has(vm.host)) {
          if (failed.has(vm.host)) fail('running-on-failed-host', `${what}: ${vm.vmId} is ${outcome.kind} on failed host ${vm.host}`);
          hold(vm.host);
        }
        break;
      }
      case 'down':
        break;
    }
  }
  let before = 0;
  let after = 0;
  for (const host of result.hosts) {
    before += host.before.vmCount;
    after += host.after.vmCount;
    if (host.after.vmCount < 0 || host.after.cpuMHz < -1e-6 || host.after.memoryMB < -1e-6) fail('negative-load', `${what}: host ${host.hostId} after ${JSON.stringify(host.after)}`);
    if (host.failed && host.after.vmCount !== 0) fail('load-on-failed-host', `${what}: failed host ${host.hostId} still holds ${host.after.vmCount} VMs`);
    // A host holds at least the VMs whose outcome puts them there; more only for hung VMs (outcome down).
    const held = expected.get(host.hostId) ?? 0;
    if (host.after.vmCount < held) fail('vm-count', `${what}: host ${host.hostId} holds ${host.after.vmCount} VMs, the outcomes put ${held} there`);
  }
  const running = [...expected.values()].reduce((a, b) => a + b, 0);
  // A VM down (hung on its host) or a guest-cluster node whose partner took over may still hold its host.
  const hung = result.vms.filter((vm) => vm.outcome.kind === 'down' || (vm.outcome.kind === 'guest-cluster-takeover' && !vm.outcome.nodeRestartedOn)).length;
  if (after > before) fail('vm-held-twice', `${what}: ${after} VMs held after, ${before} before`);
  // An FT secondary holds its resources (and a VM slot) on its own host before any failure.
  const secondaries = result.hosts.reduce((sum, host) => sum + (host.failed ? 0 : ftSecondariesOn(topology, host.hostId, result)), 0);
  if (after > running + hung + secondaries) fail('vm-held-twice', `${what}: hosts hold ${after} VMs, outcomes account for ${running} (+${hung} down or taken over, +${secondaries} FT secondaries)`);
}

function scenarioOf(failed: readonly ComponentRef[]): Scenario {
  return { name: failed.map((f) => `${f.kind} ${f.id}`).join(' + '), steps: failed.map((target) => ({ action: 'fail' as const, target, atSeconds: 0 })) };
}

function compareRow(row: SweepRow, topology: Topology, invariant: string): void {
  const result = simulateScenario(topology, scenarioOf(row.failed));
  const s = result.summary;
  const mismatches: string[] = [];
  if (row.vmsDown !== s.vmsDown) mismatches.push(`vmsDown ${row.vmsDown} vs ${s.vmsDown}`);
  if (row.vmsUnreachable !== s.vmsUnreachable) mismatches.push(`vmsUnreachable ${row.vmsUnreachable} vs ${s.vmsUnreachable}`);
  if (row.vmsRestarted !== s.vmsRestarted) mismatches.push(`vmsRestarted ${row.vmsRestarted} vs ${s.vmsRestarted}`);
  if (Math.abs(row.longestDowntimeSeconds - s.longestDowntimeSeconds) > 1e-9) mismatches.push(`longestDowntimeSeconds ${row.longestDowntimeSeconds} vs ${s.longestDowntimeSeconds}`);
  if (mismatches.length) fail(invariant, `${scenarioOf(row.failed).name}: sweep row vs simulateScenario: ${mismatches.join(', ')}`);
}

function serialize(output: PipelineOutput): string {
  const { problems, findings, hostSim, componentSim, mixedSim, targets, n1, n2 } = output;
  return JSON.stringify({ problems, findings, hostSim, componentSim, mixedSim, targets, n1, n2 });
}

/** Runs everything on a text; the first invariant that breaks, or the sizes of what ran. */
export function checkText(text: string, options: CheckOptions): { violation?: Violation; stats?: CheckStats } {
  try {
    return { stats: checkUnguarded(text, options) };
  } catch (error) {
    if (error instanceof Broken) return { violation: { invariant: error.invariant, detail: error.detail } };
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { violation: { invariant: 'exception:checker', detail } };
  }
}

function checkUnguarded(text: string, options: CheckOptions): CheckStats {
  const output = pipeline(text, options);
  const { topology } = output;
  checkReports(text, output.problems as ReadonlyArray<Report & { ruleId: string }>);
  checkReports(text, output.findings);
  const words = !/nan|inf|undefined/i.test(text);
  checkFinite(output.findings, 'findings', words);
  checkFinite(output.problems, 'problems', words);
  checkFinite(output.hostSim, 'hostSim', words);
  checkFinite(output.componentSim, 'componentSim', words);
  checkFinite(output.mixedSim, 'mixedSim', words);
  checkFinite(output.n1, 'n1', false);
  checkFinite(output.n2, 'n2', false);
  if (output.hostSim) checkPlacement(output.hostSim, topology, output.hostSim.scenario.name);
  if (output.componentSim) checkPlacement(output.componentSim, topology, output.componentSim.scenario.name);
  if (output.mixedSim) checkPlacement(output.mixedSim, topology, `mixed ${JSON.stringify(output.mixedSim.scenario.steps)}`);
  for (const row of [...output.n1, ...output.n2]) {
    if (row.vmsDown < 0 || row.vmsUnreachable < 0 || row.vmsRestarted < 0 || row.longestDowntimeSeconds < 0 || row.capacityShortfallMB < 0) {
      fail('sweep-row', `negative figure in ${JSON.stringify(row)}`);
    }
    if (row.vmsDown + row.vmsUnreachable + row.vmsRestarted > topology.vms.length) fail('sweep-row', `more VMs than the design has in ${JSON.stringify(row)}`);
  }
  if (output.n1.length !== output.targets.length) fail('sweep-n1-rows', `${output.n1.length} rows for ${output.targets.length} single failures`);

  // Sweep rows against full simulations, on a topology of its own (a second parse, whose
  // context no sweep has used yet): the second run of the determinism check, else a parse.
  let compared = 0;
  const compare = (fresh: Topology) => {
    const max = options.maxComparedRows ?? 40;
    const seed = Math.abs(options.picks[2] ?? 0);
    const rows = output.n1.length <= max ? output.n1 : sampleRows(output.n1, max, seed);
    for (const row of rows) {
      stage('compare-n1', () => compareRow(row, fresh, 'sweep-n1-vs-simulation'));
      compared += 1;
    }
    for (const row of sampleRows(output.n2, options.comparedN2Rows ?? 10, seed + 1)) {
      stage('compare-n2', () => compareRow(row, fresh, 'sweep-n2-vs-simulation'));
      compared += 1;
    }
  };
  if (options.determinism !== false) {
    // The second run simulates the rows first and sweeps after: the order must not matter either.
    const again = pipeline(text, options, compare);
    const a = serialize(output);
    const b = serialize(again);
    if (a !== b) {
      let at = 0;
      while (at < a.length && a[at] === b[at]) at++;
      fail('determinism', `two runs differ at character ${at}: …${a.slice(Math.max(0, at - 80), at + 80)}… vs …${b.slice(Math.max(0, at - 80), at + 80)}…`);
    }
  } else {
    compare(stage('parse', () => parseVtopo(text)).topology);
  }
  return { hosts: topology.hosts.length, vms: topology.vms.length, findings: output.findings.length, n1Rows: output.n1.length, n2Rows: output.n2.length, comparedRows: compared };
}

function sampleRows<T>(rows: readonly T[], count: number, seed: number): T[] {
  if (rows.length <= count) return [...rows];
  const out: T[] = [];
  const step = rows.length / count;
  for (let i = 0; i < count; i++) {
    const row = rows[Math.floor(i * step + ((seed * (i + 7)) % Math.max(1, Math.floor(step))))];
    if (row !== undefined) out.push(row);
  }
  return out;
}

/** Powered-on FT VMs whose secondary stands on this host and that still run elsewhere (not taken over here). */
function ftSecondariesOn(topology: Topology, hostId: string, result: SimulationResult): number {
  return topology.vms.filter((vm) => {
    if (vm.protection !== 'ft' || vm.power !== 'on' || vm.secondaryHost !== hostId || vm.secondaryHost === vm.host) return false;
    const outcome = result.vms.find((r) => r.vmId === vm.id)?.outcome;
    return outcome?.kind !== 'ft-takeover';
  }).length;
}
