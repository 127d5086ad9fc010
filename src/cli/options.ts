/**
 * The one option reader of the CLI: node:util `parseArgs` with `tokens: true`, so that a
 * command sees its options in the order given (simulate's repeated --fail/--isolate/--recover
 * each take the --at after them). `--name value` and `--name=value`; `--` ends the options;
 * `--help` and `-h` ask for the command's help page.
 */

import { parseArgs } from 'node:util';
import { UsageError, type CommandName } from './usage';
import { defineMessages } from '../core/l10n/messages';

const MESSAGES = defineMessages('cli.options', {
  unknownOption: 'unknown option {option} for "{command}"',
  needsValue: 'option --{option} needs a value',
});

export type ArgumentToken<Name extends string> =
  | { readonly kind: 'positional'; readonly value: string }
  | { readonly kind: 'help' }
  | { readonly kind: 'option'; readonly name: Name; readonly value: string };

/**
 * The arguments after the command name, one token at a time, in order. An unknown option or
 * an option without a value throws a UsageError when the reader reaches it, so a command's
 * own checks of earlier tokens come first.
 */
export function* argumentTokens<Name extends string>(
  args: readonly string[],
  command: CommandName,
  known: readonly Name[],
  /** One-letter spellings of options, such as `-o` for `--output`. */
  shorts?: Readonly<Partial<Record<Name, string>>>,
): Generator<ArgumentToken<Name>> {
  const options = Object.fromEntries(known.map((name) => [name, { type: 'string' as const, multiple: true, ...(shorts?.[name] !== undefined ? { short: shorts[name] } : {}) }]));
  const { tokens } = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      yield { kind: 'positional', value: token.value };
      continue;
    }
    if (token.name === 'help' && token.value === undefined) {
      yield { kind: 'help' };
      continue;
    }
    const raw = args[token.index] ?? token.rawName;
    const name = known.find((candidate) => candidate === token.name);
    const short = name === undefined ? undefined : shorts?.[name];
    if (name === undefined || !(raw.startsWith('--') || (short !== undefined && raw.startsWith(`-${short}`)))) {
      throw new UsageError(MESSAGES.unknownOption({ option: raw.includes('=') ? raw.slice(0, raw.indexOf('=')) : raw, command }), command);
    }
    if (token.value === undefined || token.value === '') throw new UsageError(MESSAGES.needsValue({ option: name }), command);
    yield { kind: 'option', name, value: token.value };
  }
}
