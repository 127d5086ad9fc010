/**
 * The design review (docs/report.md): what a reviewer hands to people who do not run VS Code
 * (a customer, a change board). One design in, one plain-data review out: a scorecard, what
 * the review could not judge, the topology picture, the findings by area with their
 * explanations and fixes, each HA cluster's capacity before and after its worst host
 * failure, the N-1 sweep, and the simulations the user adds. html.ts and markdown.ts write
 * it out; nothing here depends on the clock unless the caller leaves `today` open.
 */

import { analyzeText, ruleOption, type Analysis, type AnalysisOptions } from '../analysis/engine';
import { findingCount, SEVERITIES, type Finding, type RuleMeta, type Severity } from '../analysis/rule';
import { RULE_FAMILIES, ruleMeta, type RuleFamily } from '../analysis/rules';
import { clusterFigures, type ClusterFigures } from '../capacity/figures';
import { worstSingleHostFailure } from '../capacity/n1';
import { clusterResources, sumOf } from '../capacity/resources';
import { lanVerdict } from '../capacity/status';
import { STRUCTURAL_RULE_IDS } from '../model/report';
import { LineIndex } from '../model/source';
import type { Topology } from '../model/topology';
import { sweep } from '../simulation/sweep';
import { failsAsAWhole, type SweepRow } from '../simulation/types';
import { counted, grouped } from '../text/plural';
import { buildDiagram } from '../view/diagram';
import { buildSimulationView, componentLabel, sweepTable, type SimulationReport, type SimulationView } from '../view/simulation-view';
import type { Table } from '../view/simulation-table';
import { reviewPicture, type ReviewPicture } from './picture';

export interface ReviewOptions {
  /** The design's file name, as the review names it. */
  readonly fileName: string;
  /** The VTopo version that judged it. */
  readonly version: string;
  /** Rule settings and the day to judge on, as for the analyzer. */
  readonly analysis?: AnalysisOptions;
  /** Simulations the user adds, in their order. */
  readonly simulations?: readonly SimulationReport[];
}

export type Verdict = 'pass' | 'warn' | 'fail' | 'info';

export interface ScoreItem {
  readonly id: 'spof' | 'n-1' | 'n-2' | 'admission-control' | 'domains' | 'network' | 'findings';
  readonly label: string;
  readonly verdict: Verdict;
  /** The figure, in a few words. */
  readonly value: string;
  /** One sentence that says what the figure means. */
  readonly detail: string;
}

export interface ReviewFinding {
  readonly message: string;
  /** 1-based line of the finding in the file. */
  readonly line: number;
  readonly elements: readonly string[];
  /** What the quick fixes would do, by title. */
  readonly fixes: readonly string[];
}

export interface ReviewRule {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly description: string;
  readonly sources: readonly string[];
  /** Findings counted (a rule's summary finding counts those it leaves unlisted). */
  readonly count: number;
  readonly findings: readonly ReviewFinding[];
  /** Findings counted but not listed here (see `vtopo check`). */
  readonly unlisted: number;
}

export interface ReviewArea {
  readonly family: RuleFamily;
  readonly title: string;
  readonly counts: Readonly<Record<Severity, number>>;
  /** Worst severity first, then the catalog's order. */
  readonly rules: readonly ReviewRule[];
}

export interface UsageBar {
  readonly label: string;
  /** Percent of the capacity in use, for CPU and for memory. */
  readonly cpuPercent: number;
  readonly memoryPercent: number;
}

export interface ClusterCapacity {
  readonly cluster: string;
  readonly hosts: number;
  readonly vms: number;
  /** Admission control in words, figure by figure. */
  readonly figures: readonly { readonly label: string; readonly value: string }[];
  readonly satisfied: boolean;
  /** In use now, and after the worst single host failure once every protected VM restarted. */
  readonly bars: readonly UsageBar[];
  readonly cannotRestart: readonly string[];
}

export interface DesignReview {
  readonly title: string;
  readonly fileName: string;
  readonly version: string;
  readonly platform: string;
  /** The day the design was judged on (YYYY-MM-DD). */
  readonly judgedOn: string;
  readonly inventory: readonly { readonly label: string; readonly count: number }[];
  readonly scorecard: readonly ScoreItem[];
  /** What the review could not judge, and why; each one sentence. */
  readonly notModelled: readonly string[];
  readonly picture: ReviewPicture;
  readonly areas: readonly ReviewArea[];
  readonly clusters: readonly ClusterCapacity[];
  /** The N-1 sweep: how many cases, the first of those with an effect (VMs down, unreachable or restarted, or a shortfall), and how many have one. */
  readonly sweep: { readonly cases: number; readonly table: Table; readonly felt: number };
  readonly simulations: readonly SimulationView[];
}

/** Findings listed per rule; the rest are counted (the CLI lists them all). */
export const LISTED_FINDINGS_PER_RULE = 25;
/** Sweep cases listed: those with an effect, up to this many. */
export const LISTED_SWEEP_CASES = 100;
/** Hosts above which the N-2 sweep (every pair of hosts) is left to the CLI: 1,000 hosts are 499,500 pairs. */
export const MAX_HOSTS_FOR_N2 = 200;

export const FAMILY_TITLES: Readonly<Record<RuleFamily, string>> = {
  file: 'The file',
  storage: 'Storage paths',
  network: 'Network (LAN)',
  domains: 'Failure domains and sites',
  capacity: 'Capacity and admission control',
  placement: 'Placement rules',
  platform: 'Platform settings',
  hardware: 'Hardware and firmware',
  inventory: 'Inventory',
};

const HEADROOM_RULE = 'n1-headroom';

export function buildReview(text: string, options: ReviewOptions): DesignReview {
  return reviewOf(text, analyzeText(text, options.analysis ?? {}), options);
}

/** The review of a design already analyzed (with the same `options.analysis`). */
export function reviewOf(text: string, { topology, findings }: Analysis, options: ReviewOptions): DesignReview {
  const judgedOn = topology.file?.analysis?.asOf ?? options.analysis?.today ?? new Date().toISOString().slice(0, 10);
  const n1Rows = sweep(topology, { mode: 'n-1' });
  const n2Rows = topology.hosts.length <= MAX_HOSTS_FOR_N2 ? sweep(topology, { mode: 'n-2' }) : undefined;
  const figures = clusterFigures(topology);
  const headroomMeta = ruleMeta(HEADROOM_RULE);
  const headroom = headroomMeta ? ruleOption(topology, options.analysis ?? {}, headroomMeta, 'headroomPercent') : 0;
  const lines = new LineIndex(text);
  return {
    title: topology.file?.name ?? options.fileName,
    fileName: options.fileName,
    version: options.version,
    platform: topology.platform,
    judgedOn,
    inventory: inventoryOf(topology),
    scorecard: [
      spofItem(topology, n1Rows),
      n1Item(topology, headroom),
      n2Item(topology, n2Rows),
      admissionItem(figures),
      domainsItem(topology, n1Rows),
      networkItem(topology, findings),
      findingsItem(findings),
    ],
    notModelled: notModelled(topology, findings, n2Rows === undefined),
    picture: reviewPicture(buildDiagram(topology, findings)),
    areas: areasOf(findings, (offset) => lines.positionAt(offset).line + 1),
    clusters: figures.map((f) => clusterCapacity(topology, f)),
    sweep: sweepSection(n1Rows),
    simulations: (options.simulations ?? []).map(buildSimulationView),
  };
}

// ----------------------------------------------------------------------- scorecard

function inventoryOf(topology: Topology): DesignReview['inventory'] {
  return [
    { label: 'Clusters', count: topology.clusters.length },
    { label: 'Hosts', count: topology.hosts.length },
    { label: 'VMs', count: topology.vms.length },
    { label: 'Switches', count: topology.switches.length },
    { label: 'Storage arrays', count: topology.arrays.length },
    { label: 'Datastores', count: topology.datastores.length },
    { label: 'Sites', count: topology.sites.length },
    { label: 'Racks', count: topology.racks.length },
  ].filter((entry) => entry.count > 0 || entry.label === 'Hosts' || entry.label === 'VMs');
}

const hurts = (row: SweepRow) => row.vmsDown > 0 || row.vmsUnreachable > 0;
const caseName = (row: SweepRow) => row.failed.map(componentLabel).join(' + ');

/** Names, the first few of them. */
function someOf(names: readonly string[], limit = 4): string {
  return names.length <= limit ? names.join(', ') : `${names.slice(0, limit).join(', ')} and ${grouped(names.length - limit)} more`;
}

/**
 * Elements whose failure alone stops VMs or cuts them off. Not hosts (HA restarts their VMs;
 * the N-1 line covers what it cannot), not virtual switches (host software: they fail with
 * their host), not failure domains (their own line). An array with two controllers is
 * redundant inside: its loss as a whole is a warning (replicate it), not a failure.
 */
function spofItem(topology: Topology, rows: readonly SweepRow[]): ScoreItem {
  const single = rows.filter((row) => row.failed.every((ref) => ref.kind !== 'host' && ref.kind !== 'virtual-switch' && !failsAsAWhole(ref.kind)) && hurts(row));
  const redundantArray = (row: SweepRow) => row.failed.every((ref) => ref.kind === 'array' && (topology.arrays.find((a) => a.id === ref.id)?.controllers.length ?? 0) >= 2);
  const stopping = single.filter((row) => row.vmsDown > 0 && !redundantArray(row));
  const label = 'Single points of failure';
  if (single.length === 0) return { id: 'spof', label, verdict: 'pass', value: 'none', detail: 'No single switch, adapter, cable, controller or array failure leaves a VM down or unreachable.' };
  const onlyArrays = single.every(redundantArray);
  return {
    id: 'spof',
    label,
    verdict: stopping.length > 0 ? 'fail' : 'warn',
    value: String(single.length),
    detail: onlyArrays
      ? `${someOf(single.map(caseName))}: the VMs' storage is on one dual-controller array; losing it as a whole (firmware, power, site) stops them. A replicated copy on a second array removes it.`
      : `${someOf(single.map(caseName))}: each alone leaves VMs down or unreachable (see the N-1 sweep).`,
  };
}

function n1Item(topology: Topology, headroomPercent: number): ScoreItem {
  const verdict = worstSingleHostFailure(topology);
  const label = 'N-1: one host fails';
  if (verdict.clusters.length === 0) return { id: 'n-1', label, verdict: 'info', value: 'no HA cluster', detail: 'No cluster with HA enabled and a connected host: nothing fails over.' };
  const worst = [...verdict.clusters].sort((a, b) => b.worst.cannotRestart.length - a.worst.cannotRestart.length || lowest(a.worst) - lowest(b.worst))[0];
  if (!worst) return { id: 'n-1', label, verdict: 'info', value: 'no HA cluster', detail: '' };
  const headroom = lowest(worst.worst);
  const where = `worst case: ${worst.worst.failedHostId} in ${worst.clusterId}`;
  if (verdict.cannotRestartCount > 0) {
    return { id: 'n-1', label, verdict: 'fail', value: `${counted(verdict.cannotRestartCount, 'VM')} cannot restart`, detail: `Protected VMs that no surviving host can hold (${where}).` };
  }
  return {
    id: 'n-1',
    label,
    verdict: headroom < headroomPercent ? 'warn' : 'pass',
    value: `every VM restarts; ${percent(headroom)} headroom`,
    detail: `The least CPU or memory left after the worst single host failure (${where}); the design asks for ${percent(headroomPercent)}.`,
  };
}

function lowest(failure: { readonly cpuHeadroomPercent: number; readonly memoryHeadroomPercent: number }): number {
  return Math.min(failure.cpuHeadroomPercent, failure.memoryHeadroomPercent);
}

function n2Item(topology: Topology, rows: readonly SweepRow[] | undefined): ScoreItem {
  const label = 'N-2: two hosts fail';
  if (!rows) return { id: 'n-2', label, verdict: 'info', value: 'not swept', detail: `${grouped(topology.hosts.length)} hosts make too many pairs for a review; run vtopo simulate FILE --sweep n-2.` };
  const hostPairs = rows.filter((row) => row.failed.every((ref) => ref.kind === 'host'));
  const down = hostPairs.filter((row) => row.vmsDown > 0);
  if (hostPairs.length === 0) return { id: 'n-2', label, verdict: 'info', value: 'fewer than two hosts', detail: 'There is no pair of hosts to fail.' };
  if (down.length === 0) return { id: 'n-2', label, verdict: 'pass', value: `all ${grouped(hostPairs.length)} pairs`, detail: 'Every protected VM restarts whichever two hosts fail together.' };
  return {
    id: 'n-2',
    label,
    // Surviving two host failures is beyond the N+1 most designs are built for: a warning, not a failure.
    verdict: 'warn',
    value: `${grouped(down.length)} of ${counted(hostPairs.length, 'pair')} ${down.length === 1 ? 'leaves' : 'leave'} VMs down`,
    detail: `Worst: ${down[0] ? caseName(down[0]) : ''}, ${counted(down[0]?.vmsDown ?? 0, 'VM')} down.`,
  };
}

function admissionItem(figures: readonly ClusterFigures[]): ScoreItem {
  const label = 'Admission control';
  if (figures.length === 0) return { id: 'admission-control', label, verdict: 'info', value: 'no HA cluster', detail: 'No cluster with HA enabled.' };
  const unmet = figures.filter((f) => !f.satisfied).map((f) => f.cluster);
  const disabled = figures.filter((f) => f.policy === 'disabled').map((f) => f.cluster);
  if (unmet.length > 0) return { id: 'admission-control', label, verdict: 'fail', value: `not met in ${counted(unmet.length, 'cluster')}`, detail: `${someOf(unmet)}: the reserved failover capacity is below the level configured.` };
  if (disabled.length > 0) return { id: 'admission-control', label, verdict: 'warn', value: `disabled in ${counted(disabled.length, 'cluster')}`, detail: `${someOf(disabled)}: HA does not reserve capacity, so VMs powered on later may leave no room to restart.` };
  return { id: 'admission-control', label, verdict: 'pass', value: `met in ${counted(figures.length, 'cluster')}`, detail: 'Every HA cluster reserves the failover capacity its policy asks for.' };
}

function domainsItem(topology: Topology, rows: readonly SweepRow[]): ScoreItem {
  const label = 'Failure domains';
  const stated = topology.sites.length + topology.racks.length + topology.chassis.length + topology.powerFeeds.length;
  if (stated === 0) return { id: 'domains', label, verdict: 'info', value: 'not stated', detail: 'The design names no site, rack, chassis or power feed, so their failures are not checked.' };
  const dataSites = topology.sites.filter((site) => site.role === 'data').length;
  // A design in one site cannot survive the loss of that site; that is its scope, not a flaw.
  const judged = rows.filter((row) => row.failed.some((ref) => failsAsAWhole(ref.kind)) && !(dataSites < 2 && row.failed.some((ref) => ref.kind === 'site')));
  const failing = judged.filter(hurts);
  if (failing.length === 0) return { id: 'domains', label, verdict: 'pass', value: `all ${grouped(judged.length)} survived`, detail: 'No site, rack, chassis, power feed or site link failure leaves a VM down or unreachable for good.' };
  return {
    id: 'domains',
    label,
    verdict: 'fail',
    value: `${grouped(failing.length)} of ${grouped(judged.length)} leave VMs down`,
    detail: `${someOf(failing.map(caseName))}.`,
  };
}

function networkItem(topology: Topology, findings: readonly Finding[]): ScoreItem {
  const label = 'Network (LAN)';
  const lan = lanVerdict(topology, findings);
  if (lan.hosts === 0) return { id: 'network', label, verdict: 'info', value: 'no HA cluster', detail: 'No host in an HA cluster.' };
  const single = lan.singlePointHosts.length + (lan.unlistedSinglePointHosts ?? 0);
  if (single > 0) return { id: 'network', label, verdict: 'fail', value: `single point on ${counted(single, 'host')}`, detail: `One LAN element can cut the management network of ${someOf(lan.singlePointHosts)}: the host is isolated and its VMs may be unreachable.` };
  if (lan.modelledHosts === 0) return { id: 'network', label, verdict: 'info', value: 'not modelled', detail: 'No host describes its management network, so isolation and partitions are not checked.' };
  if (lan.modelledHosts < lan.hosts) return { id: 'network', label, verdict: 'info', value: `${grouped(lan.modelledHosts)} of ${grouped(lan.hosts)} hosts modelled`, detail: 'Hosts without a described management network are not checked for isolation.' };
  return { id: 'network', label, verdict: 'pass', value: 'redundant', detail: 'Every host keeps its management network through any one LAN failure.' };
}

function findingsItem(findings: readonly Finding[]): ScoreItem {
  const counts = severityCounts(findings);
  const label = 'Findings';
  const value = SEVERITIES.filter((severity) => severity !== 'hint' && counts[severity] > 0).map((severity) => counted(counts[severity], severity === 'info' ? 'info' : severity, severity === 'info' ? 'infos' : undefined)).join(', ') || 'none';
  return {
    id: 'findings',
    label,
    verdict: counts.error > 0 ? 'fail' : counts.warning > 0 ? 'warn' : 'pass',
    value,
    detail: 'Everything the analyzer reports, by area below.',
  };
}

function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity] += findingCount(finding);
  return counts;
}

function percent(value: number): string {
  return `${Math.round(value)}%`;
}

// ------------------------------------------------------------------- not modelled

/** What the review could not judge in this design, then what the simulator never models. */
function notModelled(topology: Topology, findings: readonly Finding[], n2Skipped: boolean): string[] {
  const gaps: string[] = [];
  const structural: ReadonlySet<string> = new Set(STRUCTURAL_RULE_IDS);
  const unreadable = findings.filter((f) => f.severity === 'error' && structural.has(f.ruleId));
  if (unreadable.length > 0) gaps.push(`${counted(unreadable.length, 'part')} of the file could not be read (see "The file" below): what they describe is not in this review.`);
  const lan = lanVerdict(topology, findings);
  if (lan.hosts > 0 && lan.modelledHosts < lan.hosts) {
    gaps.push(`The LAN of ${grouped(lan.hosts - lan.modelledHosts)} of ${counted(lan.hosts, 'host')} is not described: host isolation and network partitions are not checked for them.`);
  }
  if (topology.sites.length + topology.racks.length + topology.chassis.length + topology.powerFeeds.length === 0) {
    gaps.push('No site, rack, chassis or power feed is stated: the failure of a room, a rack or a power feed is not checked.');
  } else if (topology.powerFeeds.length === 0) {
    gaps.push('No power feed is stated: power failures are not checked.');
  }
  if (n2Skipped) gaps.push(`N-2 was not swept: ${grouped(topology.hosts.length)} hosts make ${grouped((topology.hosts.length * (topology.hosts.length - 1)) / 2)} pairs; run vtopo simulate FILE --sweep n-2.`);
  const capped = findings.filter((f) => f.omitted !== undefined);
  if (capped.length > 0) gaps.push(`${counted(capped.length, 'rule')} found more than the analyzer lists per rule; their totals are counted, not listed.`);
  gaps.push(
    'The simulator does not model DRS after a failure, boot storms and restart throttling, storage path failover latency, or the applications inside the guests; VLANs, routing and spanning tree are not checked (VTopo docs/simulation.md, "What is not modelled").',
  );
  return gaps;
}

// ----------------------------------------------------------------------- findings

function areasOf(findings: readonly Finding[], lineOf: (offset: number) => number): ReviewArea[] {
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byRule.get(finding.ruleId) ?? [];
    list.push(finding);
    byRule.set(finding.ruleId, list);
  }
  const areas: ReviewArea[] = [];
  for (const { family, rules } of RULE_FAMILIES) {
    const reviewed = rules.flatMap((meta) => {
      const found = byRule.get(meta.id);
      return found ? [reviewRule(meta, found, lineOf)] : [];
    });
    if (reviewed.length === 0) continue;
    reviewed.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const rule of reviewed) counts[rule.severity] += rule.count;
    areas.push({ family, title: FAMILY_TITLES[family], counts, rules: reviewed });
  }
  return areas;
}

function reviewRule(meta: RuleMeta, found: readonly Finding[], lineOf: (offset: number) => number): ReviewRule {
  const listed = found.filter((finding) => finding.omitted === undefined);
  const worst = SEVERITIES.find((severity) => found.some((finding) => finding.severity === severity)) ?? meta.defaultSeverity;
  const count = sumOf(found, findingCount);
  const shown = listed.slice(0, LISTED_FINDINGS_PER_RULE);
  return {
    id: meta.id,
    title: meta.docs.title,
    severity: worst,
    description: meta.docs.description,
    sources: meta.docs.sources,
    count,
    findings: shown.map((finding) => ({
      message: finding.message,
      line: lineOf(finding.range.start),
      elements: finding.elementIds,
      fixes: (finding.fixes ?? []).map((fix) => fix.title),
    })),
    unlisted: count - shown.length,
  };
}

// ------------------------------------------------------------------------ capacity

function clusterCapacity(topology: Topology, figures: ClusterFigures): ClusterCapacity {
  const cluster = topology.clusters.find((c) => c.id === figures.cluster);
  const resources = cluster ? clusterResources(topology, cluster) : undefined;
  const capacityCpu = sumOf(resources?.hosts ?? [], (h) => h.cpuMHz);
  const capacityMemory = sumOf(resources?.hosts ?? [], (h) => h.memoryMB);
  const usedCpu = sumOf(resources?.vms ?? [], (vm) => vm.cpuMHz);
  const usedMemory = sumOf(resources?.vms ?? [], (vm) => vm.configuredMemoryMB);
  const share = (used: number, capacity: number) => (capacity > 0 ? (used * 100) / capacity : 0);
  const bars: UsageBar[] = [{ label: 'Now', cpuPercent: share(usedCpu, capacityCpu), memoryPercent: share(usedMemory, capacityMemory) }];
  const worst = figures.worstHostFailure;
  if (worst) bars.push({ label: `${worst.host} failed`, cpuPercent: 100 - worst.cpuHeadroomPercent, memoryPercent: 100 - worst.memoryHeadroomPercent });
  return {
    cluster: figures.cluster,
    hosts: resources?.hosts.length ?? 0,
    vms: resources?.vms.filter((vm) => vm.ftSecondary !== true).length ?? 0,
    figures: admissionFigures(figures),
    satisfied: figures.satisfied,
    bars,
    cannotRestart: worst?.cannotRestart ?? [],
  };
}

function admissionFigures(f: ClusterFigures): ClusterCapacity['figures'] {
  if (f.slots) {
    const s = f.slots;
    return [
      { label: 'Policy', value: 'slots (host failures cluster tolerates)' },
      { label: 'Slot size', value: `${grouped(s.slotCpuMHz)} MHz, ${grouped(s.slotMemoryMB)} MB` },
      { label: 'Slots', value: `${grouped(s.totalSlots)} in all, ${grouped(s.usedSlots)} used, ${grouped(s.unreservedSlots)} free` },
      { label: 'Host failures tolerated', value: `${s.failoverCapacity} (configured ${s.hostFailuresToTolerate})` },
    ];
  }
  if (f.percentage) {
    const p = f.percentage;
    return [
      { label: 'Policy', value: 'percentage of cluster resources' },
      { label: 'Failover capacity', value: `CPU ${percent(p.cpuFailoverCapacityPercent)}, memory ${percent(p.memoryFailoverCapacityPercent)}` },
      { label: 'Reserved', value: `CPU ${percent(p.configuredCpuPercent)}, memory ${percent(p.configuredMemoryPercent)}` },
      { label: 'Available for new VMs', value: `CPU ${percent(p.cpuAvailablePercent)}, memory ${percent(p.memoryAvailablePercent)}` },
    ];
  }
  if (f.failoverHosts) {
    const h = f.failoverHosts;
    return [
      { label: 'Policy', value: 'dedicated failover hosts' },
      { label: 'Failover hosts', value: h.hosts.join(', ') },
      { label: 'Host failures tolerated', value: `${h.failoverCapacity} (configured ${h.hostFailuresToTolerate})` },
    ];
  }
  return [{ label: 'Policy', value: 'disabled' }];
}

// -------------------------------------------------------------------------- sweep

function sweepSection(rows: readonly SweepRow[]): DesignReview['sweep'] {
  // HA restarts are downtime too: a host failure that restarts VMs is felt.
  const felt = rows.filter((row) => hurts(row) || row.capacityShortfallMB > 0 || row.vmsRestarted > 0);
  const listed = felt.slice(0, LISTED_SWEEP_CASES);
  return { cases: rows.length, table: sweepTable(listed), felt: felt.length };
}
