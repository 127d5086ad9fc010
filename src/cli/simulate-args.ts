/**
 * The arguments of `vtopo simulate`: one design, then one kind of simulation. The scenario
 * steps `--fail`, `--isolate` and `--recover` may repeat, each optionally followed by
 * `--at SECONDS`, so the options are read in order (the option reader's tokens) rather than
 * into a map as the other commands' are.
 */

import { COMPONENT_KINDS, SWEEP_MODES, type ComponentKind, type ComponentRef, type ScenarioAction, type ScenarioStep, type SweepMode } from '../core/simulation/types';
import { DEFAULT_HORIZON_SECONDS } from '../core/simulation/timings';
import { stackElementId } from '../core/analysis/lan-network';
import { argumentTokens } from './options';
import { UsageError, type CommandName, type HelpCommand } from './usage';
import { cableId } from '../core/model/cable-id';

export const SIMULATE_FORMATS = ['text', 'json'] as const;

export type SimulationRequest =
  /** A scenario: the steps in the order given, and the horizon when --horizon gives one. */
  | { readonly kind: 'failure'; readonly steps: readonly ScenarioStep[]; readonly horizonSeconds?: number }
  | { readonly kind: 'migration'; readonly vmId: string; readonly toHostId: string }
  | { readonly kind: 'maintenance'; readonly hostId: string }
  | { readonly kind: 'sweep'; readonly mode: SweepMode }
  | { readonly kind: 'balance'; readonly clusterId: string };

export interface SimulateCommand {
  readonly name: 'simulate';
  readonly path: string;
  readonly request: SimulationRequest;
  readonly format: (typeof SIMULATE_FORMATS)[number];
}

const OPTIONS = ['fail', 'isolate', 'recover', 'at', 'horizon', 'migrate', 'to', 'maintenance', 'sweep', 'balance', 'format'] as const;
type OptionName = (typeof OPTIONS)[number];
type StepOption = 'fail' | 'isolate' | 'recover';
type SingleOption = Exclude<OptionName, StepOption | 'at'>;

/** A scenario step as read: the option and value that gave it, for messages. */
interface ParsedStep {
  readonly option: StepOption;
  readonly value: string;
  readonly action: ScenarioAction;
  atSeconds: number;
  timed: boolean;
}

export function parseSimulate(args: readonly string[]): SimulateCommand | HelpCommand {
  const paths: string[] = [];
  const steps: ParsedStep[] = [];
  const single = new Map<SingleOption, string>();
  for (const token of argumentTokens(args, 'simulate', OPTIONS)) {
    if (token.kind === 'help') return { name: 'help', topic: 'simulate' };
    if (token.kind === 'positional') {
      paths.push(token.value);
      continue;
    }
    const { name, value } = token;
    if (name === 'fail' || name === 'isolate' || name === 'recover') {
      steps.push({ option: name, value, action: stepAction(name, value), atSeconds: 0, timed: false });
    } else if (name === 'at') {
      const last = steps[steps.length - 1];
      if (!last) throw usage('--at gives the time of the --fail, --isolate or --recover before it: put it after one');
      if (last.timed) throw usage(`--${last.option} ${last.value} has two --at`);
      last.atSeconds = seconds(value, '--at', 'seconds from the start (a number >= 0)');
      last.timed = true;
    } else {
      if (single.has(name)) throw usage(`option --${name} is given twice`);
      single.set(name, value);
    }
  }
  if (paths.length === 0) throw usage('missing FILE: name the .vtopo design to simulate');
  if (paths.length > 1) throw usage(`simulate takes one FILE; got ${paths.length}: ${paths.join(', ')}`);
  const format = single.get('format') ?? 'text';
  const knownFormat = SIMULATE_FORMATS.find((candidate) => candidate === format);
  if (knownFormat === undefined) throw usage(`invalid value "${format}" for --format: expected ${SIMULATE_FORMATS.join(', ')}`);
  return { name: 'simulate', path: paths[0] ?? '', request: request(steps, single), format: knownFormat };
}

function stepAction(option: StepOption, value: string): ScenarioAction {
  switch (option) {
    case 'fail':
      return { action: 'fail', target: componentArgument(value, '--fail') };
    case 'isolate':
      return { action: 'isolate', host: elementId(value, 'host', '--isolate') };
    case 'recover':
      return { action: 'recover', target: componentArgument(value, '--recover') };
  }
}

function request(steps: readonly ParsedStep[], single: ReadonlyMap<SingleOption, string>): SimulationRequest {
  const migrate = single.get('migrate');
  const to = single.get('to');
  const maintenance = single.get('maintenance');
  const sweep = single.get('sweep');
  const balance = single.get('balance');
  const horizon = single.get('horizon');
  const chosen = [
    steps[0] ? `--${steps[0].option}` : undefined,
    migrate !== undefined ? '--migrate' : undefined,
    maintenance !== undefined ? '--maintenance' : undefined,
    sweep !== undefined ? '--sweep' : undefined,
    balance !== undefined ? '--balance' : undefined,
  ].filter((option) => option !== undefined);
  if (chosen.length === 0) throw usage('nothing to simulate: give --fail KIND:ID, --isolate host:ID, --migrate vm:ID --to host:ID, --maintenance host:ID, --sweep n-1|n-2 or --balance cluster:ID');
  if (chosen.length > 1) throw usage(`choose one simulation: ${chosen.join(' and ')} cannot be combined`);
  if (to !== undefined && migrate === undefined) throw usage('--to names the target host of a --migrate');
  if (horizon !== undefined && steps.length === 0) throw usage('--horizon is how long a --fail, --isolate or --recover scenario runs');
  if (migrate !== undefined) {
    if (to === undefined) throw usage('--migrate needs --to host:ID, the host to move the VM to');
    return { kind: 'migration', vmId: elementId(migrate, 'vm', '--migrate'), toHostId: elementId(to, 'host', '--to') };
  }
  if (maintenance !== undefined) return { kind: 'maintenance', hostId: elementId(maintenance, 'host', '--maintenance') };
  if (sweep !== undefined) {
    const mode = SWEEP_MODES.find((candidate) => candidate === sweep);
    if (mode === undefined) throw usage(`invalid value "${sweep}" for --sweep: expected ${SWEEP_MODES.join(', ')}`);
    return { kind: 'sweep', mode };
  }
  if (balance !== undefined) return { kind: 'balance', clusterId: elementId(balance, 'cluster', '--balance') };
  const horizonSeconds = horizon === undefined ? undefined : seconds(horizon, '--horizon', 'seconds to simulate (a number > 0)');
  if (horizonSeconds === 0) throw usage(`invalid value "${horizon ?? ''}" for --horizon: expected seconds to simulate (a number > 0)`);
  checkTimes(steps, horizonSeconds);
  const scenarioSteps: ScenarioStep[] = steps.map(({ action, atSeconds }) => ({ ...action, atSeconds }));
  return { kind: 'failure', steps: scenarioSteps, ...(horizonSeconds === undefined ? {} : { horizonSeconds }) };
}

/**
 * Every step happens within the horizon (the engine would silently skip a later one), and
 * a --recover brings back what an earlier step failed or isolated (same time: given before).
 */
function checkTimes(steps: readonly ParsedStep[], horizonSeconds: number | undefined): void {
  const horizon = horizonSeconds ?? DEFAULT_HORIZON_SECONDS;
  for (const step of steps) {
    if (step.atSeconds > horizon) {
      throw usage(`--${step.option} ${step.value} --at ${step.atSeconds} is after the end of the simulation (${horizon} s${horizonSeconds === undefined ? ', the default; give a longer --horizon' : ', the --horizon'})`);
    }
  }
  steps.forEach((step, index) => {
    if (step.action.action !== 'recover') return;
    const { kind, id } = step.action.target;
    const brokenBefore = steps.some((other, otherIndex) => {
      const matches = other.action.action === 'fail' ? other.action.target.kind === kind && other.action.target.id === id : other.action.action === 'isolate' && kind === 'host' && other.action.host === id;
      return matches && (other.atSeconds < step.atSeconds || (other.atSeconds === step.atSeconds && otherIndex < index));
    });
    if (!brokenBefore) throw usage(`--recover ${step.value} at ${step.atSeconds} s: no --fail${kind === 'host' ? ' or --isolate' : ''} of it happens before`);
  });
}

/** `host:esx-01`, `switch:fc-a`, `link:3` (the 0-based index in links:), `stack:core`, `virtual-switch:esx-01/vswitch0`. */
export function componentArgument(value: string, option: string, topic: CommandName = 'simulate'): ComponentRef {
  const usage = (message: string) => new UsageError(message, topic);
  const colon = value.indexOf(':');
  const kind = COMPONENT_KINDS.find((candidate) => candidate === value.slice(0, colon));
  const id = value.slice(colon + 1);
  if (colon < 0 || kind === undefined || id === '') {
    throw usage(`invalid value "${value}" for ${option}: expected KIND:ID with KIND one of ${COMPONENT_KINDS.join(', ')} (e.g. host:esx-01, switch:fc-a, link:0, rack:r01)`);
  }
  if (kind === 'link') {
    if (!/^\d+$/.test(id)) throw usage(`invalid value "${value}" for ${option}: a cable is link:N, N its 0-based position in links:`);
    return { kind, id: cableId(Number(id)) };
  }
  // A stack is named as in the file (`stack:core`); its id as a failure target is `stack:core` too.
  if (kind === 'stack') return { kind, id: stackElementId(id.startsWith('stack:') ? id.slice('stack:'.length) : id) };
  return { kind, id };
}

/** `vm:sql-01` or `sql-01` where only one kind makes sense. */
function elementId(value: string, kind: ComponentKind | 'vm' | 'cluster', option: string): string {
  const colon = value.indexOf(':');
  if (colon < 0) return value;
  if (value.slice(0, colon) !== kind || colon === value.length - 1) throw usage(`invalid value "${value}" for ${option}: expected ${kind}:ID`);
  return value.slice(colon + 1);
}

function seconds(value: string, option: string, expected: string): number {
  const parsed = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(parsed)) throw usage(`invalid value "${value}" for ${option}: expected ${expected}`);
  return parsed;
}

function usage(message: string): UsageError {
  return new UsageError(message, 'simulate');
}
