/**
 * The simulator in VS Code: the palette commands (host failure, component failure, live
 * migration, maintenance mode, the N-1 and N-2 sweeps, the load balance recommendation),
 * each asking for its element with a quick pick unless a CodeLens (simulation-lenses.ts)
 * or a caller names it. Results open in the simulation panel; each command also returns
 * its report, so tests can run it through executeCommand. Loaded on first use (on-demand.ts).
 */

import * as vscode from 'vscode';
import { recommendBalance } from '../core/simulation/balance';
import { componentFailureScenario, hostFailureScenario, simulateScenario } from '../core/simulation/engine';
import { planMaintenance } from '../core/simulation/maintenance';
import { checkMigration, simulateMigration } from '../core/simulation/migration';
import { sweep } from '../core/simulation/sweep';
import type { Topology } from '../core/model/topology';
import { COMPONENT_KINDS, type ComponentRef, type SimulationResult, type SweepMode } from '../core/simulation/types';
import {
  componentTargets,
  domainTargets,
  haClusterTargets,
  hasCluster,
  hasComponent,
  hasVm,
  hostTargets,
  restartPriorities,
  vmTargets,
  type SimulationTarget,
} from '../core/view/simulation-targets';
import type { SimulationReport } from '../core/view/simulation-view';
import type { DocumentAnalyses } from './analyses';
import { designReviewCommands } from './report-command';
import { SimulationPanel } from './simulation-panel';
import { activeDesignDocument } from './active-design';
import { basename } from './uris';
import { EXPORT_REVIEW_COMMAND, SIMULATION_COMMANDS, type CommandHandlers } from './contributions';
import { componentKindText, componentText } from './simulation-lenses';

/** A failure simulation (host or component) that ran on a design, for the designer's playback. */
export interface SimulationRun {
  readonly uri: vscode.Uri;
  readonly result: SimulationResult;
}

const simulationRuns = new vscode.EventEmitter<SimulationRun>();
/** Fires after each host or component failure simulation (the results panel shows it as before). */
export const onDidRunSimulation: vscode.Event<SimulationRun> = simulationRuns.event;

interface OpenDesign {
  readonly document: vscode.TextDocument;
  readonly topology: Topology;
  readonly name: string;
}

/** The simulation commands and the design review, which shows the simulation of the results panel too. */
export function simulationFeature(context: vscode.ExtensionContext, analyses: DocumentAnalyses, log: vscode.LogOutputChannel): {
  readonly panel: vscode.Disposable;
  readonly commands: CommandHandlers<(typeof SIMULATION_COMMANDS)[keyof typeof SIMULATION_COMMANDS] | typeof EXPORT_REVIEW_COMMAND>;
} {
  const panel = new SimulationPanel(context.extensionUri, log);
  const simulation = new SimulationCommands(analyses, panel, log);
  return {
    panel,
    commands: {
      [SIMULATION_COMMANDS.hostFailure]: (uri?: unknown, hostId?: unknown) => simulation.hostFailure(uri, hostId),
      [SIMULATION_COMMANDS.componentFailure]: (uri?: unknown, ref?: unknown) => simulation.componentFailure(uri, ref),
      [SIMULATION_COMMANDS.siteFailure]: (uri?: unknown) => simulation.siteFailure(uri),
      [SIMULATION_COMMANDS.migration]: (uri?: unknown, vmId?: unknown, toHostId?: unknown) => simulation.migration(uri, vmId, toHostId),
      [SIMULATION_COMMANDS.maintenance]: (uri?: unknown, hostId?: unknown) => simulation.maintenance(uri, hostId),
      [SIMULATION_COMMANDS.sweepN1]: (uri?: unknown) => simulation.sweep(uri, 'n-1'),
      [SIMULATION_COMMANDS.sweepN2]: (uri?: unknown) => simulation.sweep(uri, 'n-2'),
      [SIMULATION_COMMANDS.balance]: (uri?: unknown, clusterId?: unknown) => simulation.balance(uri, clusterId),
      ...designReviewCommands(context, analyses, panel, log),
    },
  };
}

class SimulationCommands {
  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly panel: SimulationPanel,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async hostFailure(uri: unknown, hostId: unknown): Promise<SimulationReport | undefined> {
    const design = await this.design(uri, vscode.l10n.t('Simulate Host Failure...'));
    if (!design) return undefined;
    const host = typeof hostId === 'string' ? this.known(design, { kind: 'host', id: hostId }) : await pickTarget(hostTargets(design.topology), vscode.l10n.t('Simulate host failure: which host fails?'));
    if (!host) return undefined;
    return this.run(design, componentText(host), () => ({ kind: 'failure', design: design.name, result: simulateScenario(design.topology, hostFailureScenario(host.id)), priorities: restartPriorities(design.topology) }));
  }

  async componentFailure(uri: unknown, ref: unknown): Promise<SimulationReport | undefined> {
    const design = await this.design(uri, vscode.l10n.t('Simulate Component Failure...'));
    if (!design) return undefined;
    const target = isComponentRef(ref) ? this.known(design, ref) : await pickTarget(componentTargets(design.topology), vscode.l10n.t('Simulate component failure: which component fails?'));
    if (!target) return undefined;
    const scenario = target.kind === 'host' ? hostFailureScenario(target.id) : componentFailureScenario(target);
    return this.run(design, componentText(target), () => ({ kind: 'failure', design: design.name, result: simulateScenario(design.topology, scenario), priorities: restartPriorities(design.topology) }));
  }

  /** A site (or another failure domain: rack, chassis, power feed, site link) fails: everything in it at once. */
  async siteFailure(uri: unknown): Promise<SimulationReport | undefined> {
    const design = await this.design(uri, vscode.l10n.t('Simulate Site Failure...'));
    if (!design) return undefined;
    const targets = domainTargets(design.topology);
    if (targets.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('VTopo: {design} declares no sites, racks, chassis, power feeds or site links (see "Failure domains" in the format guide): use {command} for single elements.', { design: design.name, command: vscode.l10n.t('Simulate Component Failure...') }));
      return undefined;
    }
    const target = await pickTarget(targets, vscode.l10n.t('Simulate site failure: which site, rack, chassis, power feed or site link fails?'));
    if (!target) return undefined;
    return this.run(design, componentText(target), () => ({ kind: 'failure', design: design.name, result: simulateScenario(design.topology, componentFailureScenario(target)), priorities: restartPriorities(design.topology) }));
  }

  async migration(uri: unknown, vmArgument: unknown, hostArgument: unknown): Promise<SimulationReport | undefined> {
    const design = await this.design(uri, vscode.l10n.t('Simulate Live Migration...'));
    if (!design) return undefined;
    const topology = design.topology;
    const vmId = typeof vmArgument === 'string' ? vmArgument : await pickVm(topology);
    if (vmId === undefined) return undefined;
    if (!hasVm(topology, vmId)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('VTopo: {design} has no VM "{vm}".', { design: design.name, vm: vmId }));
      return undefined;
    }
    const toHostId = typeof hostArgument === 'string' ? this.known(design, { kind: 'host', id: hostArgument })?.id : await pickMigrationTarget(topology, vmId);
    if (toHostId === undefined) return undefined;
    const attempt = simulateMigration(topology, vmId, toHostId);
    if (attempt.kind === 'refused') {
      const reasons = attempt.refusals.map((refusal) => refusal.reason).join(' ');
      void vscode.window.showWarningMessage(vscode.l10n.t('VTopo: {vm} cannot live-migrate to {host}. {reasons}', { vm: vmId, host: toHostId, reasons }));
      return undefined;
    }
    return this.run(design, vscode.l10n.t('migration of {vm}', { vm: vmId }), () => ({ kind: 'migration', design: design.name, migration: attempt.migration }));
  }

  async maintenance(uri: unknown, hostId: unknown): Promise<SimulationReport | undefined> {
    const design = await this.design(uri, vscode.l10n.t('Enter Maintenance Mode...'));
    if (!design) return undefined;
    const host = typeof hostId === 'string' ? this.known(design, { kind: 'host', id: hostId }) : await pickTarget(hostTargets(design.topology), vscode.l10n.t('Maintenance mode: which host is evacuated?'));
    if (!host) return undefined;
    return this.run(design, vscode.l10n.t('maintenance of {host}', { host: host.id }), () => ({ kind: 'maintenance', design: design.name, maintenance: planMaintenance(design.topology, host.id) }));
  }

  async sweep(uri: unknown, mode: SweepMode): Promise<SimulationReport | undefined> {
    const design = await this.design(uri, mode === 'n-1' ? vscode.l10n.t('Run Failure Sweep (N-1)') : vscode.l10n.t('Run Failure Sweep (N-2 Hosts)'));
    if (!design) return undefined;
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('VTopo: {mode} failure sweep of {design}', { mode: mode.toUpperCase(), design: design.name }) }, async () =>
      this.run(design, vscode.l10n.t('{mode} sweep', { mode: mode.toUpperCase() }), () => ({ kind: 'sweep', design: design.name, mode, rows: sweep(design.topology, { mode }) })),
    );
  }

  /** The DRS-style balance recommendation (a heuristic) of one cluster: the only HA cluster, or the one picked. */
  async balance(uri: unknown, clusterArgument: unknown): Promise<SimulationReport | undefined> {
    const design = await this.design(uri, vscode.l10n.t('Recommend Load Balance...'));
    if (!design) return undefined;
    const clusterId = typeof clusterArgument === 'string' ? this.knownCluster(design, clusterArgument) : await pickHaCluster(design);
    if (clusterId === undefined) return undefined;
    return this.run(design, vscode.l10n.t('load balance of cluster {cluster}', { cluster: clusterId }), () => ({ kind: 'balance', design: design.name, balance: recommendBalance(design.topology, clusterId) }));
  }

  /**
   * The design named by the argument, else the one in the active text editor or designer; says
   * what to do when there is none. `commandTitle`: the command's palette title, in the user's language.
   */
  private async design(uri: unknown, commandTitle: string): Promise<OpenDesign | undefined> {
    let document: vscode.TextDocument | undefined;
    if (uri instanceof vscode.Uri) {
      try {
        document = await vscode.workspace.openTextDocument(uri);
      } catch (error) {
        this.log.error(`Simulation: cannot open ${uri.toString()}: ${String(error)}`);
      }
    } else {
      document = await activeDesignDocument();
    }
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a .vtopo file first, then run "VTopo: {command}".', { command: commandTitle }));
      return undefined;
    }
    const topology = this.analyses.current(document)?.topology;
    if (!topology?.file) {
      void vscode.window.showErrorMessage(vscode.l10n.t('VTopo: {file} could not be read as a design; see the Problems view.', { file: vscode.workspace.asRelativePath(document.uri) }));
      return undefined;
    }
    return { document, topology, name: basename(document.uri) };
  }

  private known(design: OpenDesign, ref: ComponentRef): ComponentRef | undefined {
    if (hasComponent(design.topology, ref)) return ref;
    void vscode.window.showErrorMessage(vscode.l10n.t('VTopo: {design} has no {kind} "{id}".', { design: design.name, kind: componentKindText(ref.kind), id: ref.id }));
    return undefined;
  }

  private knownCluster(design: OpenDesign, clusterId: string): string | undefined {
    if (hasCluster(design.topology, clusterId)) return clusterId;
    void vscode.window.showErrorMessage(vscode.l10n.t('VTopo: {design} has no cluster "{cluster}".', { design: design.name, cluster: clusterId }));
    return undefined;
  }

  /** `what`: what is simulated, in the user's language (`host esx-01`), for the messages. */
  private run(design: OpenDesign, what: string, simulate: () => SimulationReport): SimulationReport | undefined {
    try {
      const report = simulate();
      this.panel.show(report, design.document.uri);
      if (report.kind === 'failure') simulationRuns.fire({ uri: design.document.uri, result: report.result });
      return report;
    } catch (error) {
      this.log.error(`Simulation of ${what} in ${design.document.uri.toString()} failed:`, error instanceof Error ? error : String(error));
      void vscode.window.showErrorMessage(vscode.l10n.t('VTopo: the simulation of {what} failed: {reason}', { what, reason: error instanceof Error ? error.message : String(error) }));
      return undefined;
    }
  }
}

type TargetItem = vscode.QuickPickItem & { readonly ref?: ComponentRef };

/** A quick pick of targets under their group headings; the picked element, or undefined. */
async function pickTarget(targets: readonly SimulationTarget[], title: string): Promise<ComponentRef | undefined> {
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('VTopo: the design has nothing to pick for "{title}".', { title }));
    return undefined;
  }
  const items: TargetItem[] = [];
  let group: string | undefined;
  for (const target of targets) {
    if (target.group !== group) {
      group = target.group;
      items.push({ label: group, kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: target.label, description: target.description, ref: target.ref });
  }
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Type to filter'), matchOnDescription: true });
  return picked?.ref;
}

/** The design's only HA cluster, or one picked from several; undefined (having said why) when there is none. */
async function pickHaCluster(design: OpenDesign): Promise<string | undefined> {
  const targets = haClusterTargets(design.topology);
  const [only] = targets;
  if (!only) {
    void vscode.window.showInformationMessage(vscode.l10n.t('VTopo: {design} has no cluster with HA enabled to balance.', { design: design.name }));
    return undefined;
  }
  if (targets.length === 1) return only.clusterId;
  const items = targets.map((target) => ({ label: target.label, description: target.description, clusterId: target.clusterId }));
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Recommend load balance: which HA cluster?'), placeHolder: vscode.l10n.t('Type to filter'), matchOnDescription: true }))?.clusterId;
}

async function pickVm(topology: Topology): Promise<string | undefined> {
  const items = vmTargets(topology).map((target) => ({ label: target.label, description: target.description, vmId: target.vmId }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('VTopo: the design has no VMs to migrate.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Simulate live migration: which VM moves?'), placeHolder: vscode.l10n.t('Type to filter'), matchOnDescription: true }))?.vmId;
}

/** The other hosts, each with the reasons the VM may not move there (checked before picking). */
async function pickMigrationTarget(topology: Topology, vmId: string): Promise<string | undefined> {
  const current = topology.vm(vmId)?.host;
  const items = hostTargets(topology)
    .filter((target) => target.ref.id !== current)
    .map((target) => {
      const refusals = checkMigration(topology, vmId, target.ref.id);
      return {
        label: target.label,
        description: refusals.length === 0 ? target.description : vscode.l10n.t('refused: {description}', { description: target.description }),
        ...(refusals.length > 0 ? { detail: `$(warning) ${refusals.map((refusal) => refusal.reason).join(' ')}` } : {}),
        hostId: target.ref.id,
      };
    });
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('VTopo: there is no other host to move {vm} to.', { vm: vmId }));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Simulate live migration: move {vm} from {host} to which host?', { vm: vmId, host: current ?? '?' }), matchOnDescription: true }))?.hostId;
}

function isComponentRef(value: unknown): value is ComponentRef {
  if (typeof value !== 'object' || value === null) return false;
  const kind: unknown = Reflect.get(value, 'kind');
  return typeof Reflect.get(value, 'id') === 'string' && COMPONENT_KINDS.some((candidate) => candidate === kind);
}
