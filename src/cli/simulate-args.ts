/**
 * The arguments of `vtopo simulate`: one design, then one kind of simulation. `--fail` may
 * repeat, each optionally followed by `--at SECONDS`, so the options are read in order
 * rather than into a map as the other commands' are.
 */

import type { ComponentKind, ComponentRef } from '../core/simulation/types';
import { linkId } from '../core/analysis/storage-network';
import { COMPONENT_KINDS } from '../core/view/simulation-targets';
import type { SweepMode } from '../core/view/simulation-view';
import { UsageError, type Command } from './args';

export const SIMULATE_FORMATS = ['text', 'json'] as const;
export const SWEEP_MODES: readonly SweepMode[] = ['n-1', 'n-2'];

export interface TimedFailure {
  readonly target: ComponentRef;
  readonly atSeconds: number;
}

export type SimulationRequest =
  | { readonly kind: 'failure'; readonly failures: readonly TimedFailure[] }
  | { readonly kind: 'migration'; readonly vmId: string; readonly toHostId: string }
  | { readonly kind: 'maintenance'; readonly hostId: string }
  | { readonly kind: 'sweep'; readonly mode: SweepMode };

export interface SimulateCommand {
  readonly name: 'simulate';
  readonly path: string;
  readonly request: SimulationRequest;
  readonly format: (typeof SIMULATE_FORMATS)[number];
}

const OPTIONS = ['fail', 'at', 'migrate', 'to', 'maintenance', 'sweep', 'format'] as const;
type OptionName = (typeof OPTIONS)[number];

export function parseSimulate(args: readonly string[]): Command {
  const paths: string[] = [];
  const failures: { target: ComponentRef; atSeconds: number; timed: boolean }[] = [];
  const single = new Map<Exclude<OptionName, 'fail' | 'at'>, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      paths.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') return { name: 'help', topic: 'simulate' };
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = OPTIONS.find((option) => `--${option}` === (equals < 0 ? arg : arg.slice(0, equals)));
    if (name === undefined) throw usage(`unknown option ${equals < 0 ? arg : arg.slice(0, equals)} for "simulate"`);
    const value = equals < 0 ? args[++i] : arg.slice(equals + 1);
    if (value === undefined || value === '') throw usage(`option --${name} needs a value`);
    if (name === 'fail') {
      failures.push({ target: componentArgument(value, '--fail'), atSeconds: 0, timed: false });
    } else if (name === 'at') {
      const last = failures[failures.length - 1];
      if (!last) throw usage('--at gives the time of the --fail before it: put it after a --fail');
      if (last.timed) throw usage(`--fail ${last.target.kind}:${last.target.id} has two --at`);
      last.atSeconds = seconds(value);
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
  return { name: 'simulate', path: paths[0] ?? '', request: request(failures, single), format: knownFormat };
}

function request(failures: readonly TimedFailure[], single: ReadonlyMap<OptionName, string>): SimulationRequest {
  const migrate = single.get('migrate');
  const to = single.get('to');
  const maintenance = single.get('maintenance');
  const sweep = single.get('sweep');
  const chosen = [failures.length > 0 ? '--fail' : undefined, migrate !== undefined ? '--migrate' : undefined, maintenance !== undefined ? '--maintenance' : undefined, sweep !== undefined ? '--sweep' : undefined].filter((option) => option !== undefined);
  if (chosen.length === 0) throw usage('nothing to simulate: give --fail KIND:ID, --migrate vm:ID --to host:ID, --maintenance host:ID or --sweep n-1|n-2');
  if (chosen.length > 1) throw usage(`choose one simulation: ${chosen.join(' and ')} cannot be combined`);
  if (to !== undefined && migrate === undefined) throw usage('--to names the target host of a --migrate');
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
  return { kind: 'failure', failures: failures.map(({ target, atSeconds }) => ({ target, atSeconds })) };
}

/** `host:esx-01`, `switch:fc-a`, `link:3` (the 0-based index in links:). */
function componentArgument(value: string, option: string): ComponentRef {
  const colon = value.indexOf(':');
  const kind = COMPONENT_KINDS.find((candidate) => candidate === value.slice(0, colon));
  const id = value.slice(colon + 1);
  if (colon < 0 || kind === undefined || id === '') {
    throw usage(`invalid value "${value}" for ${option}: expected KIND:ID with KIND one of ${COMPONENT_KINDS.join(', ')} (e.g. host:esx-01, switch:fc-a, link:0)`);
  }
  if (kind === 'link') {
    if (!/^\d+$/.test(id)) throw usage(`invalid value "${value}" for ${option}: a cable is link:N, N its 0-based position in links:`);
    return { kind, id: linkId(Number(id)) };
  }
  return { kind, id };
}

/** `vm:sql-01` or `sql-01` where only one kind makes sense. */
function elementId(value: string, kind: ComponentKind | 'vm', option: string): string {
  const colon = value.indexOf(':');
  if (colon < 0) return value;
  if (value.slice(0, colon) !== kind || colon === value.length - 1) throw usage(`invalid value "${value}" for ${option}: expected ${kind}:ID`);
  return value.slice(colon + 1);
}

function seconds(value: string): number {
  const parsed = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(parsed)) throw usage(`invalid value "${value}" for --at: expected seconds from the start (a number >= 0)`);
  return parsed;
}

function usage(message: string): UsageError {
  return new UsageError(message, 'simulate');
}
