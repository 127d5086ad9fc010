/**
 * `vtopo simulate`: reads one design, checks that the elements named on the command line
 * exist, runs the simulator (src/core/simulation) and prints the result as text or JSON.
 */

import { analyzeText } from '../core/analysis/engine';
import { componentFailureScenario, simulateScenario } from '../core/simulation/engine';
import { planMaintenance } from '../core/simulation/maintenance';
import { simulateMigration } from '../core/simulation/migration';
import { sweep } from '../core/simulation/sweep';
import type { Topology } from '../core/model/topology';
import type { Scenario } from '../core/simulation/types';
import { hasComponent, hasVm, restartPriorities, unknownElementMessage } from '../core/view/simulation-targets';
import { componentLabel, type SimulationReport } from '../core/view/simulation-view';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE_OR_INPUT } from './exit-codes';
import { readInputs } from './inputs';
import type { CliIo } from './io';
import type { SimulateCommand, SimulationRequest, TimedFailure } from './simulate-args';
import { formatRefusalJson, formatRefusalText, formatSimulationJson, formatSimulationText } from './simulate-format';

export async function runSimulate(command: SimulateCommand, io: CliIo): Promise<number> {
  const design = await readDesign(command.path, io);
  if (typeof design === 'string') {
    io.stderr(`vtopo: ${command.path}: ${design}\n`);
    return EXIT_USAGE_OR_INPUT;
  }
  const unknown = unknownElements(design, command.request);
  if (unknown.length > 0) {
    for (const message of unknown) io.stderr(`vtopo: ${command.path}: ${message}\n`);
    return EXIT_USAGE_OR_INPUT;
  }
  const name = command.path.split(/[\\/]/).pop() ?? command.path;
  const request = command.request;
  let report: SimulationReport;
  switch (request.kind) {
    case 'failure':
      report = { kind: 'failure', design: name, result: simulateScenario(design, failureScenario(request.failures)), priorities: restartPriorities(design) };
      break;
    case 'migration': {
      const attempt = simulateMigration(design, request.vmId, request.toHostId);
      if (attempt.kind === 'refused') {
        io.stdout(command.format === 'json' ? formatRefusalJson(command.path, request.vmId, request.toHostId, attempt.refusals) : formatRefusalText(request.vmId, request.toHostId, attempt.refusals));
        return EXIT_FINDINGS;
      }
      report = { kind: 'migration', design: name, migration: attempt.migration };
      break;
    }
    case 'maintenance':
      report = { kind: 'maintenance', design: name, maintenance: planMaintenance(design, request.hostId) };
      break;
    case 'sweep':
      report = { kind: 'sweep', design: name, mode: request.mode, rows: sweep(design, { mode: request.mode }) };
      break;
  }
  io.stdout(command.format === 'json' ? formatSimulationJson(command.path, report) : formatSimulationText(report));
  return EXIT_OK;
}

/** The design, or why it cannot be simulated. A design with errors is simulated as far as it reads. */
async function readDesign(path: string, io: CliIo): Promise<Topology | string> {
  const { inputs, errors } = await readInputs([path], io.files);
  const [error] = errors;
  if (error) return error.message;
  const [input, ...more] = inputs;
  if (!input || more.length > 0) return 'expected one .vtopo file, not a directory';
  if (input.kind === 'too-large') return `the file is too large to simulate (${input.sizeBytes} bytes)`;
  const analysis = analyzeText(input.text);
  if (!analysis.topology.file) return 'not a VTopo design (run vtopo check on it)';
  const errorCount = analysis.findings.filter((finding) => finding.severity === 'error').length;
  if (errorCount > 0) io.stderr(`vtopo: ${path}: the design has ${errorCount} ${errorCount === 1 ? 'error' : 'errors'} (see vtopo check); simulating it as it reads\n`);
  return analysis.topology;
}

function unknownElements(topology: Topology, request: SimulationRequest): string[] {
  switch (request.kind) {
    case 'failure':
      return request.failures.filter((failure) => !hasComponent(topology, failure.target)).map((failure) => unknownElementMessage(topology, failure.target.kind, failure.target.id));
    case 'migration':
      return [
        ...(hasVm(topology, request.vmId) ? [] : [unknownElementMessage(topology, 'vm', request.vmId)]),
        ...(hasComponent(topology, { kind: 'host', id: request.toHostId }) ? [] : [unknownElementMessage(topology, 'host', request.toHostId)]),
      ];
    case 'maintenance':
      return hasComponent(topology, { kind: 'host', id: request.hostId }) ? [] : [unknownElementMessage(topology, 'host', request.hostId)];
    case 'sweep':
      return [];
  }
}

/** One failure as the engine names it; several in the order given, each at its time. */
function failureScenario(failures: readonly TimedFailure[]): Scenario {
  const [only] = failures;
  if (only && failures.length === 1) return componentFailureScenario(only.target, only.atSeconds);
  return {
    name: `${failures.map((failure) => `${componentLabel(failure.target)}${failure.atSeconds > 0 ? ` at ${failure.atSeconds} s` : ''}`).join(', ')} fail`,
    steps: failures.map((failure) => ({ action: 'fail', target: failure.target, atSeconds: failure.atSeconds })),
  };
}
