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
import { localizedRuleDocs } from '../analysis/rule-docs';
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
import { grouped } from '../text/plural';
import { defineMessages } from '../l10n/messages';
import { formatList, listWithMore } from '../l10n/format';
import { buildDiagram } from '../view/diagram';
import { buildSimulationView, componentLabel, sweepTable, type SimulationReport, type SimulationView } from '../view/simulation-view';
import type { Table } from '../view/simulation-table';
import { reviewPicture, type ReviewPicture } from './picture';
import { severityCount, wholePercent } from './texts';

const FAMILIES = defineMessages('review.families', {
  file: 'The file',
  storage: 'Storage paths',
  network: 'Network (LAN)',
  domains: 'Failure domains and sites',
  capacity: 'Capacity and admission control',
  placement: 'Placement rules',
  platform: 'Platform settings',
  hardware: 'Hardware and firmware',
  inventory: 'Inventory',
});

const INVENTORY = defineMessages('review.inventory', {
  clusters: 'Clusters',
  hosts: 'Hosts',
  vms: 'VMs',
  switches: 'Switches',
  arrays: 'Storage arrays',
  datastores: 'Datastores',
  sites: 'Sites',
  racks: 'Racks',
});

const SCORE = defineMessages('review.scorecard', {
  noHaCluster: 'no HA cluster',

  spof: 'Single points of failure',
  none: 'none',
  noSpof: 'No single switch, adapter, cable, controller or array failure leaves a VM down or unreachable.',
  spofArrays: '{cases}: the VMs\' storage is on one dual-controller array; losing it as a whole (firmware, power, site) stops them. A replicated copy on a second array removes it.',
  spofCases: '{cases}: each alone leaves VMs down or unreachable (see the N-1 sweep).',

  n1: 'N-1: one host fails',
  n1NoCluster: 'No cluster with HA enabled and a connected host: nothing fails over.',
  n1Where: 'worst case: {host} in {cluster}',
  oneVmCannotRestart: '1 VM cannot restart',
  manyVmsCannotRestart: '{count} VMs cannot restart',
  n1CannotRestart: 'Protected VMs that no surviving host can hold ({where}).',
  n1Restarts: 'every VM restarts; {headroom} headroom',
  n1Headroom: 'The least CPU or memory left after the worst single host failure ({where}); the design asks for {asked}.',

  n2: 'N-2: two hosts fail',
  notSwept: 'not swept',
  n2TooMany: '{hosts} hosts make too many pairs for a review; run vtopo simulate FILE --sweep n-2.',
  fewerThanTwo: 'fewer than two hosts',
  noPair: 'There is no pair of hosts to fail.',
  allPairs: 'all {count} pairs',
  n2Pass: 'Every protected VM restarts whichever two hosts fail together.',
  oneOfOnePair: '1 of 1 pair leaves VMs down',
  oneOfPairs: '1 of {pairs} pairs leaves VMs down',
  manyOfPairs: '{down} of {pairs} pairs leave VMs down',
  worstOneVm: 'Worst: {case}, 1 VM down.',
  worstManyVms: 'Worst: {case}, {count} VMs down.',

  admission: 'Admission control',
  noHaEnabled: 'No cluster with HA enabled.',
  notMetOne: 'not met in 1 cluster',
  notMetMany: 'not met in {count} clusters',
  notMetDetail: '{clusters}: the reserved failover capacity is below the level configured.',
  disabledOne: 'disabled in 1 cluster',
  disabledMany: 'disabled in {count} clusters',
  disabledDetail: '{clusters}: HA does not reserve capacity, so VMs powered on later may leave no room to restart.',
  metOne: 'met in 1 cluster',
  metMany: 'met in {count} clusters',
  metDetail: 'Every HA cluster reserves the failover capacity its policy asks for.',

  domains: 'Failure domains',
  notStated: 'not stated',
  domainsNotStated: 'The design names no site, rack, chassis or power feed, so their failures are not checked.',
  allSurvived: 'all {count} survived',
  domainsPass: 'No site, rack, chassis, power feed or site link failure leaves a VM down or unreachable for good.',
  someLeaveDown: '{failing} of {judged} leave VMs down',
  domainsFail: '{cases}.',

  network: 'Network (LAN)',
  noHostInCluster: 'No host in an HA cluster.',
  singlePointOne: 'single point on 1 host',
  singlePointMany: 'single point on {count} hosts',
  singlePointDetail: 'One LAN element can cut the management network of {hosts}: the host is isolated and its VMs may be unreachable.',
  notModelled: 'not modelled',
  networkNotModelled: 'No host describes its management network, so isolation and partitions are not checked.',
  someModelled: '{modelled} of {hosts} hosts modelled',
  someModelledDetail: 'Hosts without a described management network are not checked for isolation.',
  redundant: 'redundant',
  networkPass: 'Every host keeps its management network through any one LAN failure.',

  findings: 'Findings',
  findingsDetail: 'Everything the analyzer reports, by area below.',
});

const GAPS = defineMessages('review.not-covered', {
  onePartUnread: '1 part of the file could not be read (see "The file" below): what they describe is not in this review.',
  manyPartsUnread: '{count} parts of the file could not be read (see "The file" below): what they describe is not in this review.',
  lanOfOneHost: 'The LAN of {missing} of 1 host is not described: host isolation and network partitions are not checked for them.',
  lanOfHosts: 'The LAN of {missing} of {hosts} hosts is not described: host isolation and network partitions are not checked for them.',
  noDomains: 'No site, rack, chassis or power feed is stated: the failure of a room, a rack or a power feed is not checked.',
  noPower: 'No power feed is stated: power failures are not checked.',
  n2NotSwept: 'N-2 was not swept: {hosts} hosts make {pairs} pairs; run vtopo simulate FILE --sweep n-2.',
  oneRuleCapped: '1 rule found more than the analyzer lists per rule; their totals are counted, not listed.',
  manyRulesCapped: '{count} rules found more than the analyzer lists per rule; their totals are counted, not listed.',
  simulator: 'The simulator does not model DRS after a failure, boot storms and restart throttling, storage path failover latency, or the applications inside the guests; VLANs, routing and spanning tree are not checked (VTopo docs/simulation.md, "What is not modelled").',
});

const CAPACITY = defineMessages('review.capacity', {
  now: 'Now',
  failed: '{host} failed',
  policy: 'Policy',
  slotPolicy: 'slots (host failures cluster tolerates)',
  slotSize: 'Slot size',
  slotSizeValue: '{cpu} MHz, {memory} MB',
  slots: 'Slots',
  slotsValue: '{total} in all, {used} used, {free} free',
  tolerated: 'Host failures tolerated',
  toleratedValue: '{capacity} (configured {configured})',
  percentagePolicy: 'percentage of cluster resources',
  failoverCapacity: 'Failover capacity',
  cpuAndMemory: 'CPU {cpu}, memory {memory}',
  reserved: 'Reserved',
  available: 'Available for new VMs',
  hostsPolicy: 'dedicated failover hosts',
  failoverHosts: 'Failover hosts',
  disabled: 'disabled',
});

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

/** The title of an area of findings, in the user's language. */
export function familyTitle(family: RuleFamily): string {
  return FAMILIES[family]({});
}

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
  const entries: readonly { readonly what: keyof typeof INVENTORY; readonly count: number }[] = [
    { what: 'clusters', count: topology.clusters.length },
    { what: 'hosts', count: topology.hosts.length },
    { what: 'vms', count: topology.vms.length },
    { what: 'switches', count: topology.switches.length },
    { what: 'arrays', count: topology.arrays.length },
    { what: 'datastores', count: topology.datastores.length },
    { what: 'sites', count: topology.sites.length },
    { what: 'racks', count: topology.racks.length },
  ];
  // Hosts and VMs are counted even when there are none.
  return entries.filter((entry) => entry.count > 0 || entry.what === 'hosts' || entry.what === 'vms').map((entry) => ({ label: INVENTORY[entry.what]({}), count: entry.count }));
}

const hurts = (row: SweepRow) => row.vmsDown > 0 || row.vmsUnreachable > 0;
const caseName = (row: SweepRow) => row.failed.map(componentLabel).join(' + ');

/** Names, the first few of them. */
function someOf(names: readonly string[], limit = 4): string {
  return listWithMore(names, limit);
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
  const label = SCORE.spof({});
  if (single.length === 0) return { id: 'spof', label, verdict: 'pass', value: SCORE.none({}), detail: SCORE.noSpof({}) };
  const onlyArrays = single.every(redundantArray);
  return {
    id: 'spof',
    label,
    verdict: stopping.length > 0 ? 'fail' : 'warn',
    value: grouped(single.length),
    detail: onlyArrays ? SCORE.spofArrays({ cases: someOf(single.map(caseName)) }) : SCORE.spofCases({ cases: someOf(single.map(caseName)) }),
  };
}

function n1Item(topology: Topology, headroomPercent: number): ScoreItem {
  const verdict = worstSingleHostFailure(topology);
  const label = SCORE.n1({});
  if (verdict.clusters.length === 0) return { id: 'n-1', label, verdict: 'info', value: SCORE.noHaCluster({}), detail: SCORE.n1NoCluster({}) };
  const worst = [...verdict.clusters].sort((a, b) => b.worst.cannotRestart.length - a.worst.cannotRestart.length || lowest(a.worst) - lowest(b.worst))[0];
  if (!worst) return { id: 'n-1', label, verdict: 'info', value: SCORE.noHaCluster({}), detail: '' };
  const headroom = lowest(worst.worst);
  const where = SCORE.n1Where({ host: worst.worst.failedHostId, cluster: worst.clusterId });
  if (verdict.cannotRestartCount > 0) {
    const value = verdict.cannotRestartCount === 1 ? SCORE.oneVmCannotRestart({}) : SCORE.manyVmsCannotRestart({ count: grouped(verdict.cannotRestartCount) });
    return { id: 'n-1', label, verdict: 'fail', value, detail: SCORE.n1CannotRestart({ where }) };
  }
  return {
    id: 'n-1',
    label,
    verdict: headroom < headroomPercent ? 'warn' : 'pass',
    value: SCORE.n1Restarts({ headroom: wholePercent(headroom) }),
    detail: SCORE.n1Headroom({ where, asked: wholePercent(headroomPercent) }),
  };
}

function lowest(failure: { readonly cpuHeadroomPercent: number; readonly memoryHeadroomPercent: number }): number {
  return Math.min(failure.cpuHeadroomPercent, failure.memoryHeadroomPercent);
}

function n2Item(topology: Topology, rows: readonly SweepRow[] | undefined): ScoreItem {
  const label = SCORE.n2({});
  if (!rows) return { id: 'n-2', label, verdict: 'info', value: SCORE.notSwept({}), detail: SCORE.n2TooMany({ hosts: grouped(topology.hosts.length) }) };
  const hostPairs = rows.filter((row) => row.failed.every((ref) => ref.kind === 'host'));
  const down = hostPairs.filter((row) => row.vmsDown > 0);
  if (hostPairs.length === 0) return { id: 'n-2', label, verdict: 'info', value: SCORE.fewerThanTwo({}), detail: SCORE.noPair({}) };
  if (down.length === 0) return { id: 'n-2', label, verdict: 'pass', value: SCORE.allPairs({ count: grouped(hostPairs.length) }), detail: SCORE.n2Pass({}) };
  const pairs = grouped(hostPairs.length);
  const worstCase = down[0] ? caseName(down[0]) : '';
  const worstDown = down[0]?.vmsDown ?? 0;
  return {
    id: 'n-2',
    label,
    // Surviving two host failures is beyond the N+1 most designs are built for: a warning, not a failure.
    verdict: 'warn',
    value: down.length > 1 ? SCORE.manyOfPairs({ down: grouped(down.length), pairs }) : hostPairs.length === 1 ? SCORE.oneOfOnePair({}) : SCORE.oneOfPairs({ pairs }),
    detail: worstDown === 1 ? SCORE.worstOneVm({ case: worstCase }) : SCORE.worstManyVms({ case: worstCase, count: grouped(worstDown) }),
  };
}

function admissionItem(figures: readonly ClusterFigures[]): ScoreItem {
  const label = SCORE.admission({});
  if (figures.length === 0) return { id: 'admission-control', label, verdict: 'info', value: SCORE.noHaCluster({}), detail: SCORE.noHaEnabled({}) };
  const unmet = figures.filter((f) => !f.satisfied).map((f) => f.cluster);
  const disabled = figures.filter((f) => f.policy === 'disabled').map((f) => f.cluster);
  if (unmet.length > 0) {
    const value = unmet.length === 1 ? SCORE.notMetOne({}) : SCORE.notMetMany({ count: grouped(unmet.length) });
    return { id: 'admission-control', label, verdict: 'fail', value, detail: SCORE.notMetDetail({ clusters: someOf(unmet) }) };
  }
  if (disabled.length > 0) {
    const value = disabled.length === 1 ? SCORE.disabledOne({}) : SCORE.disabledMany({ count: grouped(disabled.length) });
    return { id: 'admission-control', label, verdict: 'warn', value, detail: SCORE.disabledDetail({ clusters: someOf(disabled) }) };
  }
  const value = figures.length === 1 ? SCORE.metOne({}) : SCORE.metMany({ count: grouped(figures.length) });
  return { id: 'admission-control', label, verdict: 'pass', value, detail: SCORE.metDetail({}) };
}

function domainsItem(topology: Topology, rows: readonly SweepRow[]): ScoreItem {
  const label = SCORE.domains({});
  const stated = topology.sites.length + topology.racks.length + topology.chassis.length + topology.powerFeeds.length;
  if (stated === 0) return { id: 'domains', label, verdict: 'info', value: SCORE.notStated({}), detail: SCORE.domainsNotStated({}) };
  const dataSites = topology.sites.filter((site) => site.role === 'data').length;
  // A design in one site cannot survive the loss of that site; that is its scope, not a flaw.
  const judged = rows.filter((row) => row.failed.some((ref) => failsAsAWhole(ref.kind)) && !(dataSites < 2 && row.failed.some((ref) => ref.kind === 'site')));
  const failing = judged.filter(hurts);
  if (failing.length === 0) return { id: 'domains', label, verdict: 'pass', value: SCORE.allSurvived({ count: grouped(judged.length) }), detail: SCORE.domainsPass({}) };
  return {
    id: 'domains',
    label,
    verdict: 'fail',
    value: SCORE.someLeaveDown({ failing: grouped(failing.length), judged: grouped(judged.length) }),
    detail: SCORE.domainsFail({ cases: someOf(failing.map(caseName)) }),
  };
}

function networkItem(topology: Topology, findings: readonly Finding[]): ScoreItem {
  const label = SCORE.network({});
  const lan = lanVerdict(topology, findings);
  if (lan.hosts === 0) return { id: 'network', label, verdict: 'info', value: SCORE.noHaCluster({}), detail: SCORE.noHostInCluster({}) };
  const single = lan.singlePointHosts.length + (lan.unlistedSinglePointHosts ?? 0);
  if (single > 0) {
    const value = single === 1 ? SCORE.singlePointOne({}) : SCORE.singlePointMany({ count: grouped(single) });
    return { id: 'network', label, verdict: 'fail', value, detail: SCORE.singlePointDetail({ hosts: someOf(lan.singlePointHosts) }) };
  }
  if (lan.modelledHosts === 0) return { id: 'network', label, verdict: 'info', value: SCORE.notModelled({}), detail: SCORE.networkNotModelled({}) };
  if (lan.modelledHosts < lan.hosts) return { id: 'network', label, verdict: 'info', value: SCORE.someModelled({ modelled: grouped(lan.modelledHosts), hosts: grouped(lan.hosts) }), detail: SCORE.someModelledDetail({}) };
  return { id: 'network', label, verdict: 'pass', value: SCORE.redundant({}), detail: SCORE.networkPass({}) };
}

function findingsItem(findings: readonly Finding[]): ScoreItem {
  const counts = severityCounts(findings);
  const label = SCORE.findings({});
  const counted = SEVERITIES.filter((severity) => severity !== 'hint' && counts[severity] > 0).map((severity) => severityCount(severity, counts[severity]));
  const value = counted.length > 0 ? formatList(counted) : SCORE.none({});
  return {
    id: 'findings',
    label,
    verdict: counts.error > 0 ? 'fail' : counts.warning > 0 ? 'warn' : 'pass',
    value,
    detail: SCORE.findingsDetail({}),
  };
}

function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity] += findingCount(finding);
  return counts;
}

// ------------------------------------------------------------------- not modelled

/** What the review could not judge in this design, then what the simulator never models. */
function notModelled(topology: Topology, findings: readonly Finding[], n2Skipped: boolean): string[] {
  const gaps: string[] = [];
  const structural: ReadonlySet<string> = new Set(STRUCTURAL_RULE_IDS);
  const unreadable = findings.filter((f) => f.severity === 'error' && structural.has(f.ruleId));
  if (unreadable.length > 0) gaps.push(unreadable.length === 1 ? GAPS.onePartUnread({}) : GAPS.manyPartsUnread({ count: grouped(unreadable.length) }));
  const lan = lanVerdict(topology, findings);
  if (lan.hosts > 0 && lan.modelledHosts < lan.hosts) {
    const missing = grouped(lan.hosts - lan.modelledHosts);
    gaps.push(lan.hosts === 1 ? GAPS.lanOfOneHost({ missing }) : GAPS.lanOfHosts({ missing, hosts: grouped(lan.hosts) }));
  }
  if (topology.sites.length + topology.racks.length + topology.chassis.length + topology.powerFeeds.length === 0) {
    gaps.push(GAPS.noDomains({}));
  } else if (topology.powerFeeds.length === 0) {
    gaps.push(GAPS.noPower({}));
  }
  if (n2Skipped) gaps.push(GAPS.n2NotSwept({ hosts: grouped(topology.hosts.length), pairs: grouped((topology.hosts.length * (topology.hosts.length - 1)) / 2) }));
  const capped = findings.filter((f) => f.omitted !== undefined);
  if (capped.length > 0) gaps.push(capped.length === 1 ? GAPS.oneRuleCapped({}) : GAPS.manyRulesCapped({ count: grouped(capped.length) }));
  gaps.push(GAPS.simulator({}));
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
    areas.push({ family, title: familyTitle(family), counts, rules: reviewed });
  }
  return areas;
}

function reviewRule(meta: RuleMeta, found: readonly Finding[], lineOf: (offset: number) => number): ReviewRule {
  const listed = found.filter((finding) => finding.omitted === undefined);
  const worst = SEVERITIES.find((severity) => found.some((finding) => finding.severity === severity)) ?? meta.defaultSeverity;
  const count = sumOf(found, findingCount);
  const shown = listed.slice(0, LISTED_FINDINGS_PER_RULE);
  const docs = localizedRuleDocs(meta);
  return {
    id: meta.id,
    title: docs.title,
    severity: worst,
    description: docs.description,
    sources: docs.sources,
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
  const bars: UsageBar[] = [{ label: CAPACITY.now({}), cpuPercent: share(usedCpu, capacityCpu), memoryPercent: share(usedMemory, capacityMemory) }];
  const worst = figures.worstHostFailure;
  if (worst) bars.push({ label: CAPACITY.failed({ host: worst.host }), cpuPercent: 100 - worst.cpuHeadroomPercent, memoryPercent: 100 - worst.memoryHeadroomPercent });
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
      { label: CAPACITY.policy({}), value: CAPACITY.slotPolicy({}) },
      { label: CAPACITY.slotSize({}), value: CAPACITY.slotSizeValue({ cpu: grouped(s.slotCpuMHz), memory: grouped(s.slotMemoryMB) }) },
      { label: CAPACITY.slots({}), value: CAPACITY.slotsValue({ total: grouped(s.totalSlots), used: grouped(s.usedSlots), free: grouped(s.unreservedSlots) }) },
      { label: CAPACITY.tolerated({}), value: CAPACITY.toleratedValue({ capacity: grouped(s.failoverCapacity), configured: grouped(s.hostFailuresToTolerate) }) },
    ];
  }
  if (f.percentage) {
    const p = f.percentage;
    const both = (cpu: number, memory: number) => CAPACITY.cpuAndMemory({ cpu: wholePercent(cpu), memory: wholePercent(memory) });
    return [
      { label: CAPACITY.policy({}), value: CAPACITY.percentagePolicy({}) },
      { label: CAPACITY.failoverCapacity({}), value: both(p.cpuFailoverCapacityPercent, p.memoryFailoverCapacityPercent) },
      { label: CAPACITY.reserved({}), value: both(p.configuredCpuPercent, p.configuredMemoryPercent) },
      { label: CAPACITY.available({}), value: both(p.cpuAvailablePercent, p.memoryAvailablePercent) },
    ];
  }
  if (f.failoverHosts) {
    const h = f.failoverHosts;
    return [
      { label: CAPACITY.policy({}), value: CAPACITY.hostsPolicy({}) },
      { label: CAPACITY.failoverHosts({}), value: formatList(h.hosts) },
      { label: CAPACITY.tolerated({}), value: CAPACITY.toleratedValue({ capacity: grouped(h.failoverCapacity), configured: grouped(h.hostFailuresToTolerate) }) },
    ];
  }
  return [{ label: CAPACITY.policy({}), value: CAPACITY.disabled({}) }];
}

// -------------------------------------------------------------------------- sweep

function sweepSection(rows: readonly SweepRow[]): DesignReview['sweep'] {
  // HA restarts are downtime too: a host failure that restarts VMs is felt.
  const felt = rows.filter((row) => hurts(row) || row.capacityShortfallMB > 0 || row.vmsRestarted > 0);
  const listed = felt.slice(0, LISTED_SWEEP_CASES);
  return { cases: rows.length, table: sweepTable(listed), felt: felt.length };
}
