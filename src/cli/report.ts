/**
 * `vtopo report`: the design review of one design (src/core/report) as HTML or Markdown, on
 * standard output or in a file, with a failure simulation for each --fail.
 */

import { version } from '../../package.json';
import { analyzeText } from '../core/analysis/engine';
import { REPORT_FORMATS, renderReview, type ReportFormat } from '../core/report/formats';
import { reviewOf } from '../core/report/review';
import { componentFailureScenario, simulateScenario } from '../core/simulation/engine';
import type { ComponentRef } from '../core/simulation/types';
import { hasComponent, restartPriorities, unknownElementMessage } from '../core/view/simulation-targets';
import type { SimulationReport } from '../core/view/simulation-view';
import { EXIT_OK, EXIT_USAGE_OR_INPUT } from './exit-codes';
import { readOneDesign } from './inputs';
import type { CliIo } from './io';
import { argumentTokens } from './options';
import { componentArgument } from './simulate-args';
import { UsageError, type HelpCommand } from './usage';
import { invalidValueMessage } from './args';
import { defineMessages } from '../core/l10n/messages';

const MESSAGES = defineMessages('cli.report', {
  missingFile: 'missing FILE: name the .vtopo design to review',
  oneFile: 'unexpected argument "{argument}": report reads one FILE',
  notADesign: 'not a VTopo design (run vtopo check on it)',
  cannotWrite: 'cannot write the review: {reason}',
  wrote: 'wrote the design review of {path} to {output}',
});

export interface ReportCommand {
  readonly name: 'report';
  readonly path: string;
  readonly format: ReportFormat;
  /** Where the review goes; standard output when absent. */
  readonly output?: string;
  /** A failure simulation for each, in the order given. */
  readonly failures: readonly ComponentRef[];
}

export function parseReport(args: readonly string[]): ReportCommand | HelpCommand {
  const paths: string[] = [];
  const failures: ComponentRef[] = [];
  let format: string | undefined;
  let output: string | undefined;
  for (const token of argumentTokens(args, 'report', ['format', 'output', 'fail'] as const, { output: 'o' })) {
    if (token.kind === 'help') return { name: 'help', topic: 'report' };
    if (token.kind === 'positional') paths.push(token.value);
    else if (token.name === 'fail') failures.push(componentArgument(token.value, '--fail', 'report'));
    else if (token.name === 'format') format = token.value;
    else output = token.value;
  }
  const [path, extra] = paths;
  if (path === undefined) throw new UsageError(MESSAGES.missingFile({}), 'report');
  if (extra !== undefined) throw new UsageError(MESSAGES.oneFile({ argument: extra }), 'report');
  const known = REPORT_FORMATS.find((candidate) => candidate === (format ?? 'html'));
  if (known === undefined) throw new UsageError(invalidValueMessage(format ?? '', '--format', REPORT_FORMATS), 'report');
  return { name: 'report', path, format: known, failures, ...(output !== undefined ? { output } : {}) };
}

export async function runReport(command: ReportCommand, io: CliIo): Promise<number> {
  const read = await readOneDesign(command.path, io.files);
  if ('problem' in read) {
    io.stderr(`vtopo: ${command.path}: ${read.problem}\n`);
    return EXIT_USAGE_OR_INPUT;
  }
  const analysis = analyzeText(read.text);
  const { topology } = analysis;
  if (!topology.file) {
    io.stderr(`vtopo: ${command.path}: ${MESSAGES.notADesign({})}\n`);
    return EXIT_USAGE_OR_INPUT;
  }
  const unknown = command.failures.filter((ref) => !hasComponent(topology, ref));
  if (unknown.length > 0) {
    for (const ref of unknown) io.stderr(`vtopo: ${command.path}: ${unknownElementMessage(topology, ref.kind, ref.id)}\n`);
    return EXIT_USAGE_OR_INPUT;
  }
  const fileName = command.path.split(/[\\/]/).pop() ?? command.path;
  const simulations = command.failures.map((ref): SimulationReport => ({
    kind: 'failure',
    design: fileName,
    result: simulateScenario(topology, componentFailureScenario(ref, 0)),
    priorities: restartPriorities(topology),
  }));
  const review = reviewOf(read.text, analysis, { fileName, version, simulations });
  const written = renderReview(review, command.format);
  if (command.output === undefined) {
    io.stdout(written);
    return EXIT_OK;
  }
  try {
    await io.files.writeFile(command.output, written);
  } catch (error) {
    io.stderr(`vtopo: ${command.output}: ${MESSAGES.cannotWrite({ reason: error instanceof Error ? error.message : String(error) })}\n`);
    return EXIT_USAGE_OR_INPUT;
  }
  io.stderr(`vtopo: ${MESSAGES.wrote({ path: command.path, output: command.output })}\n`);
  return EXIT_OK;
}
