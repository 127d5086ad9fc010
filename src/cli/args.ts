/** Reads the command line into a command; anything it cannot read is a UsageError (exit 2). */

import { SEVERITIES, type Severity } from '../core/analysis/rule';
import { argumentTokens } from './options';
import { parseReport, type ReportCommand } from './report';
import { parseSimulate, type SimulateCommand } from './simulate-args';
import { COMMANDS, UsageError, type CommandName, type HelpCommand } from './usage';
import { defineMessages } from '../core/l10n/messages';
import { formatList } from '../core/l10n/format';

const MESSAGES = defineMessages('cli.args', {
  missingCommand: 'missing command',
  unknownOption: 'unknown option {option}',
  unknownCommand: 'unknown command "{command}"',
  unexpectedArgument: 'unexpected argument "{argument}"',
  noHelp: 'no help for "{topic}": the commands are {commands}',
  checkMissingFile: 'missing FILE: name at least one .vtopo file or directory',
  importMissingSource: 'missing SOURCE: name an RVTools export (.xlsx, a folder or .zip of RVTools_tab*.csv files) or a JSON inventory',
  importOneSource: 'unexpected argument "{argument}": import reads one SOURCE',
  invalidValue: 'invalid value "{value}" for {option}: expected {allowed}',
});

/** `invalid value "x" for --option: expected a, b, c`, for every command's choices. */
export function invalidValueMessage(value: string, option: string, allowed: readonly string[]): string {
  return MESSAGES.invalidValue({ value, option, allowed: formatList(allowed) });
}

export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;
export const RULES_FORMATS = ['text', 'json'] as const;
export const FAIL_ON_LEVELS = [...SEVERITIES, 'never'] as const;
export const IMPORT_SOURCES = ['rvtools', 'proxmox', 'hyperv'] as const;

export type FailOn = Severity | 'never';

export type Command =
  | { readonly name: 'check'; readonly paths: readonly string[]; readonly format: (typeof CHECK_FORMATS)[number]; readonly failOn: FailOn }
  | SimulateCommand
  | ReportCommand
  | ImportCommand
  | { readonly name: 'rules'; readonly format: (typeof RULES_FORMATS)[number] }
  | HelpCommand
  | { readonly name: 'version' };

export interface ImportCommand {
  readonly name: 'import';
  readonly source: string;
  /** Where the design goes; standard output when absent. */
  readonly output?: string;
  /** The kind of inventory, when the user says; detected from the content otherwise. */
  readonly from?: (typeof IMPORT_SOURCES)[number];
}

export function parseArguments(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError(MESSAGES.missingCommand({}));
  if (first === '--help' || first === '-h') return { name: 'help' };
  if (first === '--version' || first === '-v') return { name: 'version' };
  if (first === 'help') return parseHelp(rest);
  if (first === 'check') return parseCheck(rest);
  if (first === 'simulate') return parseSimulate(rest);
  if (first === 'report') return parseReport(rest);
  if (first === 'import') return parseImport(rest);
  if (first === 'rules') return parseRules(rest);
  if (first.startsWith('-')) throw new UsageError(MESSAGES.unknownOption({ option: first }));
  throw new UsageError(MESSAGES.unknownCommand({ command: first }));
}

function parseHelp(rest: readonly string[]): Command {
  const [topic, extra] = rest;
  if (extra !== undefined) throw new UsageError(MESSAGES.unexpectedArgument({ argument: extra }), 'help');
  if (topic === undefined) return { name: 'help' };
  if (!isCommandName(topic)) throw new UsageError(MESSAGES.noHelp({ topic, commands: formatList(COMMANDS) }), 'help');
  return { name: 'help', topic };
}

function parseCheck(rest: readonly string[]): Command {
  const { positionals, options, help } = splitOptions(rest, 'check', ['format', 'fail-on']);
  if (help) return { name: 'help', topic: 'check' };
  if (positionals.length === 0) throw new UsageError(MESSAGES.checkMissingFile({}), 'check');
  return {
    name: 'check',
    paths: positionals,
    format: choice(options.get('format') ?? 'text', CHECK_FORMATS, '--format', 'check'),
    failOn: choice(options.get('fail-on') ?? 'error', FAIL_ON_LEVELS, '--fail-on', 'check'),
  };
}

function parseImport(rest: readonly string[]): Command {
  const { positionals, options, help } = splitOptions(rest, 'import', ['output', 'from'], { output: 'o' });
  if (help) return { name: 'help', topic: 'import' };
  const [source, extra] = positionals;
  if (source === undefined) throw new UsageError(MESSAGES.importMissingSource({}), 'import');
  if (extra !== undefined) throw new UsageError(MESSAGES.importOneSource({ argument: extra }), 'import');
  const from = options.get('from');
  return {
    name: 'import',
    source,
    ...(options.has('output') ? { output: options.get('output') } : {}),
    ...(from !== undefined ? { from: choice(from, IMPORT_SOURCES, '--from', 'import') } : {}),
  };
}

function parseRules(rest: readonly string[]): Command {
  const { positionals, options, help } = splitOptions(rest, 'rules', ['format']);
  if (help) return { name: 'help', topic: 'rules' };
  const [extra] = positionals;
  if (extra !== undefined) throw new UsageError(MESSAGES.unexpectedArgument({ argument: extra }), 'rules');
  return { name: 'rules', format: choice(options.get('format') ?? 'text', RULES_FORMATS, '--format', 'rules') };
}

interface SplitArguments<Name extends string> {
  readonly positionals: string[];
  readonly options: Map<Name, string>;
  readonly help: boolean;
}

/** The positionals and the options of a command whose options each take one value: a later repetition wins. */
function splitOptions<Name extends string>(args: readonly string[], command: CommandName, known: readonly Name[], shorts?: Readonly<Partial<Record<Name, string>>>): SplitArguments<Name> {
  const positionals: string[] = [];
  const options = new Map<Name, string>();
  let help = false;
  for (const token of argumentTokens(args, command, known, shorts)) {
    if (token.kind === 'positional') positionals.push(token.value);
    else if (token.kind === 'help') help = true;
    else options.set(token.name, token.value);
  }
  return { positionals, options, help };
}

function choice<T extends string>(value: string, allowed: readonly T[], option: string, command: CommandName): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new UsageError(invalidValueMessage(value, option, allowed), command);
  return found;
}

function isCommandName(name: string): name is CommandName {
  return COMMANDS.some((command) => command === name);
}
