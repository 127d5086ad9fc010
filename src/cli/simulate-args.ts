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
import { defineMessages } from '../core/l10n/messages';
import { formatList } from '../core/l10n/format';

const MESSAGES = defineMessages('cli.simulate-args', {
  atFirst: '--at gives the time of the --fail, --isolate or --recover before it: put it after one',
  twoAt: '--{option} {value} has two --at',
  atExpected: 'seconds from the start (a number >= 0)',
  givenTwice: 'option --{option} is given twice',
  missingFile: 'missing FILE: name the .vtopo design to simulate',
  oneFile: 'simulate takes one FILE; got {count}: {paths}',
  invalidValue: 'invalid value "{value}" for {option}: expected {expected}',
  nothing: 'nothing to simulate: give --fail KIND:ID, --isolate host:ID, --migrate vm:ID --to host:ID, --maintenance host:ID, --sweep n-1|n-2 or --balance cluster:ID',
  chooseOne: 'choose one simulation: {options} cannot be combined',
  toWithoutMigrate: '--to names the target host of a --migrate',
  horizonWithoutSteps: '--horizon is how long a --fail, --isolate or --recover scenario runs',
  migrateWithoutTo: '--migrate needs --to host:ID, the host to move the VM to',
  horizonExpected: 'seconds to simulate (a number > 0)',
  afterEndDefault: '--{option} {value} --at {at} is after the end of the simulation ({horizon} s, the default; give a longer --horizon)',
  afterEndHorizon: '--{option} {value} --at {at} is after the end of the simulation ({horizon} s, the --horizon)',
  recoverHostFirst: '--recover {value} at {at} s: no --fail or --isolate of it happens before',
  recoverFirst: '--recover {value} at {at} s: no --fail of it happens before',
  componentExpected: 'KIND:ID with KIND one of {kinds} (e.g. host:esx-01, switch:fc-a, link:0, rack:r01)',
  cableExpected: 'invalid value "{value}" for {option}: a cable is link:N, N its 0-based position in links:',
  idExpected: '{kind}:ID',
});

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
      if (!last) throw usage(MESSAGES.atFirst({}));
      if (last.timed) throw usage(MESSAGES.twoAt({ option: last.option, value: last.value }));
      last.atSeconds = seconds(value, '--at', MESSAGES.atExpected({}));
      last.timed = true;
    } else {
      if (single.has(name)) throw usage(MESSAGES.givenTwice({ option: name }));
      single.set(name, value);
    }
  }
  if (paths.length === 0) throw usage(MESSAGES.missingFile({}));
  if (paths.length > 1) throw usage(MESSAGES.oneFile({ count: paths.length, paths: formatList(paths) }));
  const format = single.get('format') ?? 'text';
  const knownFormat = SIMULATE_FORMATS.find((candidate) => candidate === format);
  if (knownFormat === undefined) throw usage(MESSAGES.invalidValue({ value: format, option: '--format', expected: formatList(SIMULATE_FORMATS) }));
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
  if (chosen.length === 0) throw usage(MESSAGES.nothing({}));
  if (chosen.length > 1) throw usage(MESSAGES.chooseOne({ options: formatList(chosen, 'and') }));
  if (to !== undefined && migrate === undefined) throw usage(MESSAGES.toWithoutMigrate({}));
  if (horizon !== undefined && steps.length === 0) throw usage(MESSAGES.horizonWithoutSteps({}));
  if (migrate !== undefined) {
    if (to === undefined) throw usage(MESSAGES.migrateWithoutTo({}));
    return { kind: 'migration', vmId: elementId(migrate, 'vm', '--migrate'), toHostId: elementId(to, 'host', '--to') };
  }
  if (maintenance !== undefined) return { kind: 'maintenance', hostId: elementId(maintenance, 'host', '--maintenance') };
  if (sweep !== undefined) {
    const mode = SWEEP_MODES.find((candidate) => candidate === sweep);
    if (mode === undefined) throw usage(MESSAGES.invalidValue({ value: sweep, option: '--sweep', expected: formatList(SWEEP_MODES) }));
    return { kind: 'sweep', mode };
  }
  if (balance !== undefined) return { kind: 'balance', clusterId: elementId(balance, 'cluster', '--balance') };
  const horizonSeconds = horizon === undefined ? undefined : seconds(horizon, '--horizon', MESSAGES.horizonExpected({}));
  if (horizonSeconds === 0) throw usage(MESSAGES.invalidValue({ value: horizon ?? '', option: '--horizon', expected: MESSAGES.horizonExpected({}) }));
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
      const late = { option: step.option, value: step.value, at: step.atSeconds, horizon };
      throw usage(horizonSeconds === undefined ? MESSAGES.afterEndDefault(late) : MESSAGES.afterEndHorizon(late));
    }
  }
  steps.forEach((step, index) => {
    if (step.action.action !== 'recover') return;
    const { kind, id } = step.action.target;
    const brokenBefore = steps.some((other, otherIndex) => {
      const matches = other.action.action === 'fail' ? other.action.target.kind === kind && other.action.target.id === id : other.action.action === 'isolate' && kind === 'host' && other.action.host === id;
      return matches && (other.atSeconds < step.atSeconds || (other.atSeconds === step.atSeconds && otherIndex < index));
    });
    if (!brokenBefore) throw usage((kind === 'host' ? MESSAGES.recoverHostFirst : MESSAGES.recoverFirst)({ value: step.value, at: step.atSeconds }));
  });
}

/** `host:esx-01`, `switch:fc-a`, `link:3` (the 0-based index in links:), `stack:core`, `virtual-switch:esx-01/vswitch0`. */
export function componentArgument(value: string, option: string, topic: CommandName = 'simulate'): ComponentRef {
  const usage = (message: string) => new UsageError(message, topic);
  const colon = value.indexOf(':');
  const kind = COMPONENT_KINDS.find((candidate) => candidate === value.slice(0, colon));
  const id = value.slice(colon + 1);
  if (colon < 0 || kind === undefined || id === '') {
    throw usage(MESSAGES.invalidValue({ value, option, expected: MESSAGES.componentExpected({ kinds: formatList(COMPONENT_KINDS) }) }));
  }
  if (kind === 'link') {
    if (!/^\d+$/.test(id)) throw usage(MESSAGES.cableExpected({ value, option }));
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
  if (value.slice(0, colon) !== kind || colon === value.length - 1) throw usage(MESSAGES.invalidValue({ value, option, expected: MESSAGES.idExpected({ kind }) }));
  return value.slice(colon + 1);
}

function seconds(value: string, option: string, expected: string): number {
  const parsed = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(parsed)) throw usage(MESSAGES.invalidValue({ value, option, expected }));
  return parsed;
}

function usage(message: string): UsageError {
  return new UsageError(message, 'simulate');
}
