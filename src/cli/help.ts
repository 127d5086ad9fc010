/** The help pages: `vtopo --help`, `vtopo help COMMAND`, `vtopo COMMAND --help`. */

import { COMMANDS, type CommandName } from './usage';
import { defineMessages } from '../core/l10n/messages';
import { formatList } from '../core/l10n/format';

// The option names, commands, KIND words and file names stay as they are in every language.
const PAGES_TEXT = defineMessages('cli.help', {
  general: `vtopo: check highly available virtualization designs (.vtopo files)

Usage:
  vtopo check FILE|DIRECTORY... [--format text|json|sarif] [--fail-on LEVEL]
  vtopo simulate FILE --fail KIND:ID [--at SECONDS] ... [--format text|json]
  vtopo report FILE [--format html|md] [-o OUT] [--fail KIND:ID]...
  vtopo import SOURCE [-o OUT.vtopo] [--from rvtools|proxmox|hyperv]
  vtopo rules [--format text|json]
  vtopo help [COMMAND]
  vtopo --version

Commands:
  check     analyze designs and print their findings
  simulate  what happens when a host or component fails; live migration,
            maintenance mode, the N-1 / N-2 failure sweep, load balance
  report    write a design review (HTML or Markdown) to hand to a customer
            or a change board
  import    turn an inventory (RVTools, Proxmox VE, Hyper-V) into a .vtopo design
  rules     list every rule with its default severity, title and sources
  help      show the help of a command

Every command takes --lang en|zh-cn: the language of its texts (default: the
locale of LC_ALL, LC_MESSAGES or LANG; Chinese locales give zh-cn, others English).

Exit codes: 0 no finding at or above --fail-on, 1 at least one,
2 usage error or an input that could not be read.
Documentation: docs/cli.md
`,
  check: `Usage: vtopo check FILE|DIRECTORY... [--format text|json|sarif] [--fail-on LEVEL]

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
`,
  simulate: `Usage:
  vtopo simulate FILE --fail KIND:ID [--at SECONDS] [--isolate host:ID [--at SECONDS]]
                      [--recover KIND:ID [--at SECONDS]]... [--horizon SECONDS]
  vtopo simulate FILE --migrate vm:ID --to host:ID
  vtopo simulate FILE --maintenance host:ID
  vtopo simulate FILE --sweep n-1|n-2
  vtopo simulate FILE --balance cluster:ID
  (each with [--format text|json])

Simulates one design: failures, isolations and recoveries and the HA response
(which VMs go down, where and when they restart, how long each is down), a live
migration (pre-copy rounds, downtime), maintenance mode (evacuating a host),
every single component failure (n-1) or pair of host failures (n-2) ranked by
impact, or a DRS-style load balance recommendation (a heuristic).

Options:
  --fail KIND:ID     fail an element; KIND is host, switch, adapter, port, link,
                     controller, array, datastore, virtual-switch, stack, site,
                     rack, chassis, power-feed or site-link
                     (e.g. host:esx-01, switch:fc-a, adapter:esx-01/nic1,
                     controller:fq1616r/a, virtual-switch:esx-01/vswitch0,
                     stack:core, rack:r01; link:N is the Nth cable of links:,
                     from 0).
                     Repeatable.
  --isolate host:ID  the host loses its management network but keeps running.
                     Repeatable.
  --recover KIND:ID  bring back an element an earlier --fail or --isolate took
                     away. Repeatable.
  --at SECONDS       when the --fail, --isolate or --recover before it happens
                     (default 0)
  --horizon SECONDS  when the simulation stops (default 3600); VMs still down
                     count their downtime up to it
  --migrate vm:ID    live-migrate this VM ...
  --to host:ID       ... to this host
  --maintenance host:ID
                     put the host in maintenance mode (evacuate its VMs)
  --sweep n-1|n-2    every single component failure, or every pair of hosts
  --balance cluster:ID
                     recommend moves that even out the cluster's host loads
                     (legacy DRS metric on memory: a heuristic)
  --format text      a summary, then tables (per VM and the event log) (default)
  --format json      the simulator's result (docs/cli.md describes it)

Exit codes: 0 simulated, 1 the migration is refused (the reasons are printed),
2 usage error, an input that could not be read, or an element the design
does not have.
`,
  report: `Usage: vtopo report FILE [--format html|md] [-o OUT] [--fail KIND:ID]...

Writes the design review of one design: a scorecard (single points of failure,
N-1 and N-2, admission control, failure domains, the LAN, findings) and what the
review could not judge; the topology diagram; each HA cluster's capacity before
and after its worst host failure; the N-1 sweep; every finding with its
explanation, fix and sources; and the simulations asked for with --fail.

Options:
  --format html   one self-contained HTML file: inline styles and pictures, no
                  script, nothing loaded; prints to PDF from a browser (default)
  --format md     Markdown, for wikis and pull requests (no diagram)
  -o, --output OUT
                  write the review there (default: standard output)
  --fail KIND:ID  add the simulation of this failure (KIND as for vtopo
                  simulate --fail). Repeatable: one simulation each.

The same file gives the same review, byte for byte, on the same day (the day the
design is judged on is the file's analysis.asOf when it has one).

Exit codes: 0 written (whatever the design's findings), 2 usage error, an input
that could not be read, or an element the design does not have.
`,
  rules: `Usage: vtopo rules [--format text|json]

Lists every rule: id, default severity, title and sources (--format json adds the
description and whether the rule has quick fixes). A design changes severities
under analysis.rules, e.g. "array-single-controller: off".
`,
  help: `Usage: vtopo help [COMMAND]

Shows the general help, or the help of a command: {commands}.
`,
  import: `Usage: vtopo import SOURCE [-o OUT.vtopo] [--from rvtools|proxmox|hyperv]

Turns an inventory of an existing estate into a .vtopo design. SOURCE is an RVTools
export (the .xlsx workbook, or its RVTools_tab*.csv files in a folder or a .zip), or
the JSON of scripts/inventory/proxmox-inventory.sh (Proxmox VE) or of
scripts/inventory/hyperv-inventory.ps1 (Hyper-V). The kind is detected from the
content; --from says it.

Options:
  -o, --output OUT.vtopo  write the design there (default: standard output)
  --from KIND             rvtools, proxmox or hyperv

The design says where it came from and that the cabling is not known (an export
does not say which switch each port is cabled to). A summary goes to standard
error: counts, what was inferred and why, what the export did not have, and rows
that could not be used. docs/import.md documents every mapping.

Exit codes: 0 a design was written (whatever its findings), 2 usage error or an
input that could not be read or is not an inventory.
`,
  hint: "Run 'vtopo --help' for usage.",
  commandHint: "Run 'vtopo help {command}' for usage.",
});


/** Each command's page, asked for when it is shown. */
const PAGES: Readonly<Record<CommandName, () => string>> = {
  check: () => PAGES_TEXT.check({}),
  simulate: () => PAGES_TEXT.simulate({}),
  report: () => PAGES_TEXT.report({}),
  import: () => PAGES_TEXT.import({}),
  rules: () => PAGES_TEXT.rules({}),
  help: () => PAGES_TEXT.help({ commands: formatList(COMMANDS) }),
};

export function helpText(topic?: CommandName): string {
  return topic === undefined ? PAGES_TEXT.general({}) : PAGES[topic]();
}

/** The second line of a usage error: where to read more. */
export function usageHint(topic?: CommandName): string {
  return topic === undefined ? PAGES_TEXT.hint({}) : PAGES_TEXT.commandHint({ command: topic });
}
