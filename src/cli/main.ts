/**
 * The `vtopo` command, runnable in-process: arguments and an injectable world in, an exit
 * code out. Nothing escapes as an exception: usage errors and unreadable inputs become a
 * one-line message on stderr and exit code 2.
 */

import { version } from '../../package.json';
import { ALL_RULES } from '../core/analysis/rules';
import { parseArguments, type Command } from './args';
import { UsageError } from './usage';
import { checkInputs, exitCodeOf } from './check';
import { EXIT_OK, EXIT_USAGE_OR_INPUT } from './exit-codes';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { helpText, usageHint } from './help';
import { readInputs } from './inputs';
import type { CliIo } from './io';
import { formatRulesJson, formatRulesText } from './rules-command';
import { runImport } from './import';
import { runReport } from './report';
import { runSimulate } from './simulate';
import { escapeControls } from './terminal';
import { BUNDLES, chooseLanguage } from './language';
import { defineMessages, useLanguage } from '../core/l10n/messages';

const MESSAGES = defineMessages('cli.main', {
  internalError: 'internal error: {message}',
});

export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // Messages name paths and ids as given: none may send a control character to the terminal.
  const io: CliIo = { ...rawIo, stderr: (text) => rawIo.stderr(escapeControls(text)) };
  try {
    const { language, args } = chooseLanguage(argv, io.env ?? {});
    useLanguage(language, BUNDLES[language]);
    return await run(parseArguments(args), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`vtopo: ${error.message}\n${usageHint(error.topic)}\n`);
    } else {
      io.stderr(`vtopo: ${MESSAGES.internalError({ message: error instanceof Error ? error.message : String(error) })}\n`);
    }
    return EXIT_USAGE_OR_INPUT;
  }
}

async function run(command: Command, io: CliIo): Promise<number> {
  switch (command.name) {
    case 'help':
      io.stdout(helpText(command.topic));
      return EXIT_OK;
    case 'version':
      io.stdout(`${version}\n`);
      return EXIT_OK;
    case 'rules':
      io.stdout(command.format === 'json' ? formatRulesJson(ALL_RULES) : formatRulesText(ALL_RULES));
      return EXIT_OK;
    case 'check': {
      const { inputs, errors } = await readInputs(command.paths, io.files);
      for (const problem of errors) io.stderr(`vtopo: ${problem.path}: ${problem.message}\n`);
      const checked = checkInputs(inputs, errors);
      if (command.format === 'json') io.stdout(formatJson(checked));
      else if (command.format === 'sarif') io.stdout(formatSarif(checked, io.cwd));
      else io.stdout(formatText(checked));
      return exitCodeOf(checked, command.failOn);
    }
    case 'import':
      return runImport(command, io);
    case 'report':
      return runReport(command, io);
    case 'simulate':
      return runSimulate(command, command.format === 'json' ? io : { ...io, stdout: (text) => io.stdout(escapeControls(text)) });
  }
}
