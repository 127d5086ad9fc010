/** The help pages: `vtopo --help`, `vtopo help COMMAND`, `vtopo COMMAND --help`. */

import { COMMANDS, type CommandName } from './args';

const GENERAL = `vtopo: check highly available virtualization designs (.vtopo files)

Usage:
  vtopo check FILE|DIRECTORY... [--format text|json|sarif] [--fail-on LEVEL]
  vtopo rules [--format text|json]
  vtopo help [COMMAND]
  vtopo --version

Commands:
  check   analyze designs and print their findings
  rules   list every rule with its default severity, title and sources
  help    show the help of a command

Exit codes: 0 no finding at or above --fail-on, 1 at least one,
2 usage error or an input that could not be read.
Documentation: docs/cli.md
`;

const CHECK = `Usage: vtopo check FILE|DIRECTORY... [--format text|json|sarif] [--fail-on LEVEL]

Analyzes each .vtopo file and prints its findings. A directory stands for every
.vtopo file under it (hidden directories and node_modules are skipped); globs are
expanded by your shell.

Options:
  --format text    path:line:col: severity message [ruleId], then a summary (default)
  --format json    one JSON document (docs/cli.md describes it)
  --format sarif   SARIF 2.1.0, e.g. for GitHub code scanning
  --fail-on LEVEL  error (default), warning, info, hint or never: exit 1 when a
                   finding is at or above LEVEL

Lines and columns are 1-based; columns count UTF-16 code units, as VS Code does.

Exit codes: 0 no finding at or above LEVEL, 1 at least one,
2 usage error or an input that could not be read (missing, not UTF-8 text,
a directory without .vtopo files).
`;

const RULES = `Usage: vtopo rules [--format text|json]

Lists every rule: id, default severity, title and sources (--format json adds the
description and whether the rule has quick fixes). A design changes severities
under analysis.rules, e.g. "array-single-controller: off".
`;

const HELP = `Usage: vtopo help [COMMAND]

Shows the general help, or the help of a command: ${COMMANDS.join(', ')}.
`;

const PAGES: Readonly<Record<CommandName, string>> = { check: CHECK, rules: RULES, help: HELP };

export function helpText(topic?: CommandName): string {
  return topic === undefined ? GENERAL : PAGES[topic];
}

/** The second line of a usage error: where to read more. */
export function usageHint(topic?: CommandName): string {
  return topic === undefined ? "Run 'vtopo --help' for usage." : `Run 'vtopo help ${topic}' for usage.`;
}
