/**
 * `vtopo simulate`: reads one design, checks that the elements named on the command line
 * exist, runs the simulator (src/core/simulation) or the balance recommendation and prints
 * the result as text or JSON.
 */

import { analyzeText } from '../core/analysis/engine';
import { recommendBalance } from '../core/simulation/balance';
import { componentFailureScenario, simulateScenario } from '../core/simulation/engine';
import { planMaintenance } from '../core/simulation/maintenance';
import { simulateMigration } from '../core/simulation/migration';
import { sweep } from '../core/simulation/sweep';
import type { Topology } from '../core/model/topology';
import type { Scenario, ScenarioStep } from '../core/simulation/types';
import { hasCluster, hasComponent, hasVm, restartPriorities, unknownElementMessage } from '../core/view/simulation-targets';
import { componentLabel, type SimulationReport } from '../core/view/simulation-view';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE_OR_INPUT } from './exit-codes';
import { readOneDesign } from './inputs';
import type { CliIo } from './io';
import type { SimulateCommand, SimulationRequest } from './simulate-args';
import { formatRefusalJson, formatRefusalText, formatSimulationJson, formatSimulationText } from './simulate-format';
import { grouped } from '../core/text/plural';
import { defineMessages } from '../core/l10n/messages';
import { formatList } from '../core/l10n/format';

const MESSAGES = defineMessages('cli.simulate', {
  notADesign: 'not a VTopo design (run vtopo check on it)',
  oneError: 'the design has 1 error (see vtopo check); simulating it as it reads',
  manyErrors: 'the design has {count} errors (see vtopo check); simulating it as it reads',
  at: '{what} at {time} s',
  allFail: '{components} fail',
  isolated: 'host {host} is isolated',
  isolatedAt: 'host {host} is isolated at {time} s',
  fails: '{component} fails',
  failsAt: '{component} fails at {time} s',
  recovers: '{component} recovers',
  recoversAt: '{component} recovers at {time} s',
});

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
      report = { kind: 'failure', design: name, result: simulateScenario(design, scenarioOf(request.steps, request.horizonSeconds)), priorities: restartPriorities(design) };
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
    case 'balance':
      report = { kind: 'balance', design: name, balance: recommendBalance(design, request.clusterId) };
      break;
  }
  io.stdout(command.format === 'json' ? formatSimulationJson(command.path, report) : formatSimulationText(report));
  return EXIT_OK;
}

/** The design, or why it cannot be simulated. A design with errors is simulated as far as it reads. */
async function readDesign(path: string, io: CliIo): Promise<Topology | string> {
  const read = await readOneDesign(path, io.files);
  if ('problem' in read) return read.problem;
  const analysis = analyzeText(read.text);
  if (!analysis.topology.file) return MESSAGES.notADesign({});
  const errorCount = analysis.findings.filter((finding) => finding.severity === 'error').length;
  if (errorCount > 0) io.stderr(`vtopo: ${path}: ${errorCount === 1 ? MESSAGES.oneError({}) : MESSAGES.manyErrors({ count: grouped(errorCount) })}\n`);
  return analysis.topology;
}

function unknownElements(topology: Topology, request: SimulationRequest): string[] {
  switch (request.kind) {
    case 'failure':
      return request.steps.flatMap((step) => {
        const ref = step.action === 'isolate' ? { kind: 'host' as const, id: step.host } : step.target;
        return hasComponent(topology, ref) ? [] : [unknownElementMessage(topology, ref.kind, ref.id)];
      });
    case 'migration':
      return [
        ...(hasVm(topology, request.vmId) ? [] : [unknownElementMessage(topology, 'vm', request.vmId)]),
        ...(hasComponent(topology, { kind: 'host', id: request.toHostId }) ? [] : [unknownElementMessage(topology, 'host', request.toHostId)]),
      ];
    case 'maintenance':
      return hasComponent(topology, { kind: 'host', id: request.hostId }) ? [] : [unknownElementMessage(topology, 'host', request.hostId)];
    case 'sweep':
      return [];
    case 'balance':
      return hasCluster(topology, request.clusterId) ? [] : [unknownElementMessage(topology, 'cluster', request.clusterId)];
  }
}

/**
 * One failure as the engine names it; all failures as "a, b at 30 s fail"; a mix of steps
 * as "switch fc-a fails, switch fc-a recovers at 5 min". The horizon when one is given.
 */
function scenarioOf(steps: readonly ScenarioStep[], horizonSeconds: number | undefined): Scenario {
  const horizon = horizonSeconds === undefined ? {} : { horizonSeconds };
  const [only] = steps;
  if (only && steps.length === 1 && only.action === 'fail') return { ...componentFailureScenario(only.target, only.atSeconds), ...horizon };
  const name = steps.every((step) => step.action === 'fail')
    ? MESSAGES.allFail({ components: formatList(steps.map((step) => (step.action === 'fail' ? (step.atSeconds > 0 ? MESSAGES.at({ what: componentLabel(step.target), time: step.atSeconds }) : componentLabel(step.target)) : ''))) })
    : formatList(steps.map(stepName));
  return { name, steps, ...horizon };
}

/** One step of a scenario in words: "host esx-02 is isolated at 20 s". */
function stepName(step: ScenarioStep): string {
  const time = step.atSeconds;
  if (step.action === 'isolate') return time > 0 ? MESSAGES.isolatedAt({ host: step.host, time }) : MESSAGES.isolated({ host: step.host });
  const component = componentLabel(step.target);
  if (step.action === 'fail') return time > 0 ? MESSAGES.failsAt({ component, time }) : MESSAGES.fails({ component });
  return time > 0 ? MESSAGES.recoversAt({ component, time }) : MESSAGES.recovers({ component });
}
