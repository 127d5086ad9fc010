/**
 * The N-1 verdict in a few words, for a status bar: "N-1 OK" or "N-1: 3 VMs cannot
 * restart", and a tooltip naming the worst host per cluster. Codicons in `$(name)` form.
 */

import { heartbeatNetworks, lanNetworkOf } from '../analysis/lan-network';
import type { Finding } from '../analysis/rule';
import type { Topology } from '../model/topology';
import { lowestHeadroomPercent, type N1Verdict } from './n1';
import { haClusters } from './resources';
import { defineMessages } from '../l10n/messages';
import { listWithMore, quoteId } from '../l10n/format';

/** The status bar's texts; its codicons (`$(shield)`, `$(warning)`) are added in code, never translated. */
const MESSAGES = defineMessages('capacity.status', {
  noHa: 'N-1: no HA cluster',
  noHaTooltip: 'No cluster with HA enabled and a connected host: nothing to fail over.',
  lanSinglePointOne: 'LAN: one element can cut the management network of 1 host ({hosts}): the host is isolated and its VMs may be unreachable.',
  lanSinglePointMany: 'LAN: one element can cut the management network of {count} hosts ({hosts}): the host is isolated and its VMs may be unreachable.',
  lanSinglePointTextOne: 'N-1: LAN single point on 1 host',
  lanSinglePointTextMany: 'N-1: LAN single point on {count} hosts',
  lanNotModelledOne: 'LAN not modelled for {missing} of 1 host: host failures and storage are checked, network failures (isolation, partitions) are not.',
  lanNotModelledMany: 'LAN not modelled for {missing} of {count} hosts: host failures and storage are checked, network failures (isolation, partitions) are not.',
  lanNotModelledText: '{status} (LAN not modelled)',
  clusterRestarts: 'Cluster "{cluster}": if "{host}" fails, every protected VM restarts; headroom left: CPU {cpu}, memory {memory} (threshold {threshold}).',
  clusterOneCannot: 'Cluster "{cluster}": if "{host}" fails, 1 protected VM cannot restart: {vms}; headroom left: CPU {cpu}, memory {memory} (threshold {threshold}).',
  clusterManyCannot: 'Cluster "{cluster}": if "{host}" fails, {count} protected VMs cannot restart: {vms}; headroom left: CPU {cpu}, memory {memory} (threshold {threshold}).',
  clickForProblems: 'Click to open the Problems panel.',
  oneCannotRestart: 'N-1: 1 VM cannot restart',
  manyCannotRestart: 'N-1: {count} VMs cannot restart',
  lowHeadroom: 'N-1 OK, headroom {percent}',
  ok: 'N-1 OK',
});

export interface N1Status {
  readonly text: string;
  readonly tooltip: string;
  /** Every protected VM restarts after the worst failure, with headroom to spare. */
  readonly ok: boolean;
}

/** How many names a tooltip or message lists before "and N more". */
const LISTED_NAMES = 5;

/** What the design says about the hosts' networks, for the verdict: the network half of a failure. */
export interface LanVerdict {
  /** Hosts of HA clusters, and how many of them have their heartbeat (management) networks described. */
  readonly hosts: number;
  readonly modelledHosts: number;
  /** Hosts one LAN element can cut off (management-network-spof findings), by host id. */
  readonly singlePointHosts: readonly string[];
  /** More such hosts, past the findings the analyzer lists for one rule (its summary finding's count). */
  readonly unlistedSinglePointHosts?: number;
}

/** The rule whose findings name the hosts one LAN element can cut off. */
const MANAGEMENT_SPOF_RULE = 'management-network-spof';

/** The LAN half of the verdict, from the design and its findings. */
export function lanVerdict(topology: Topology, findings: readonly Finding[]): LanVerdict {
  const lan = lanNetworkOf(topology);
  const hosts = haClusters(topology).flatMap((cluster) => topology.hostsInCluster(cluster.id));
  const modelledHosts = hosts.filter((host) => heartbeatNetworks(topology, lan, host.id).length > 0).length;
  const spof = findings.filter((f) => f.ruleId === MANAGEMENT_SPOF_RULE);
  const singlePointHosts = [...new Set(spof.map((f) => f.elementIds[0]).filter((id): id is string => id !== undefined))];
  // One finding per host: the summary of a capped rule stands for the hosts it does not list.
  const unlisted = spof.reduce((sum, f) => sum + (f.omitted ?? 0), 0);
  return { hosts: hosts.length, modelledHosts, singlePointHosts, ...(unlisted > 0 ? { unlistedSinglePointHosts: unlisted } : {}) };
}

export function n1StatusText(verdict: N1Verdict, headroomThresholdPercent: number, lan?: LanVerdict): N1Status {
  if (verdict.clusters.length === 0) {
    return { text: `$(shield) ${MESSAGES.noHa({})}`, tooltip: MESSAGES.noHaTooltip({}), ok: true };
  }
  const capacity = capacityStatus(verdict, headroomThresholdPercent);
  if (!lan) return capacity;
  if (lan.singlePointHosts.length > 0) {
    const count = lan.singlePointHosts.length + (lan.unlistedSinglePointHosts ?? 0);
    const hosts = listNames(lan.singlePointHosts, LISTED_NAMES, count);
    const line = count === 1 ? MESSAGES.lanSinglePointOne({ hosts }) : MESSAGES.lanSinglePointMany({ count, hosts });
    const text = count === 1 ? MESSAGES.lanSinglePointTextOne({}) : MESSAGES.lanSinglePointTextMany({ count });
    return { text: `$(warning) ${text}`, tooltip: `${line}\n${capacity.tooltip}`, ok: false };
  }
  if (lan.modelledHosts < lan.hosts) {
    const missing = lan.hosts - lan.modelledHosts;
    const line = lan.hosts === 1 ? MESSAGES.lanNotModelledOne({ missing }) : MESSAGES.lanNotModelledMany({ missing, count: lan.hosts });
    return { text: MESSAGES.lanNotModelledText({ status: capacity.text }), tooltip: `${line}\n${capacity.tooltip}`, ok: capacity.ok };
  }
  return capacity;
}

function capacityStatus(verdict: N1Verdict, headroomThresholdPercent: number): N1Status {
  const lines = verdict.clusters.map((cluster) => {
    const worst = cluster.worst;
    const figures = {
      cluster: cluster.clusterId,
      host: worst.failedHostId,
      cpu: formatPercent(worst.cpuHeadroomPercent),
      memory: formatPercent(worst.memoryHeadroomPercent),
      threshold: formatPercent(headroomThresholdPercent),
    };
    const count = worst.cannotRestart.length;
    if (count === 0) return MESSAGES.clusterRestarts(figures);
    const vms = listNames(worst.cannotRestart);
    return count === 1 ? MESSAGES.clusterOneCannot({ ...figures, vms }) : MESSAGES.clusterManyCannot({ ...figures, count, vms });
  });
  const tooltip = [...lines, MESSAGES.clickForProblems({})].join('\n');
  if (verdict.cannotRestartCount > 0) {
    const text = verdict.cannotRestartCount === 1 ? MESSAGES.oneCannotRestart({}) : MESSAGES.manyCannotRestart({ count: verdict.cannotRestartCount });
    return { text: `$(warning) ${text}`, tooltip, ok: false };
  }
  const lowest = Math.min(...verdict.clusters.map((cluster) => lowestHeadroomPercent(cluster.worst)));
  if (lowest < headroomThresholdPercent) {
    return { text: `$(warning) ${MESSAGES.lowHeadroom({ percent: formatPercent(lowest) })}`, tooltip, ok: false };
  }
  return { text: `$(shield) ${MESSAGES.ok({})}`, tooltip, ok: true };
}

/** `"a", "b", "c" and 4 more`; `total` when there are more names than `ids` holds. */
export function listNames(ids: readonly string[], limit = LISTED_NAMES, total = ids.length): string {
  return listWithMore(ids.slice(0, limit).map(quoteId), limit, total);
}

/** Whole percent towards zero, like vSphere shows capacities (never claims more than there is). */
export function formatPercent(percent: number): string {
  return `${Math.trunc(percent)}%`;
}
