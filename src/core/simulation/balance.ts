/**
 * A DRS-style balance recommendation, and a heuristic: it follows the legacy DRS metric
 * (docs/design/algorithms.md#3-drs-rules-and-balance, vSphere <= 6.7), not VMware's algorithm, which is not published in
 * full. vSphere 7+ balances by a per-VM "DRS score" instead. Pure and deterministic.
 *
 * Host load = sum of the entitlements of its powered-on VMs / host capacity; imbalance =
 * the (population) standard deviation of host loads. The design states no CPU demand (only
 * reservations and vCPUs), so the entitlement is memory: configured memory plus overhead
 * (vmDemand's configuredMemoryMB) over the memory the host offers VMs (hostCapacity).
 */

import type { Cluster, Host, Topology, Vm } from '../model/topology';
import { hostCapacity, isGoodHost, vmDemand } from '../capacity/resources';
import { checkMigration, Placement } from './migration';
import { defineMessages } from '../l10n/messages';

const MESSAGES = defineMessages('simulation.balance', {
  noCluster: 'There is no cluster "{cluster}".',
});

/**
 * Least drop in the standard deviation of host loads (loads as fractions of capacity) a
 * move must bring, by DRS migration threshold. Assumption of ours, not VMware's figures:
 * level 1 applies only mandatory moves (as in vSphere), so no balancing; each level above
 * accepts smaller gains, 5 being the most aggressive.
 */
export const MIN_STDDEV_DROP_BY_THRESHOLD: Readonly<Record<1 | 2 | 3 | 4 | 5, number>> = {
  1: Infinity,
  2: 0.1,
  3: 0.05,
  4: 0.02,
  5: 0.01,
};

/** Deviations closer than this are ties (floating-point noise of summing in another order), broken by the order above. */
const TIE_TOLERANCE = 1e-12;

export interface BalanceMove {
  readonly vmId: string;
  readonly from: string;
  readonly to: string;
}

export interface HostBalance {
  readonly hostId: string;
  /** Load before and after the moves, as a fraction of the host's memory for VMs. */
  readonly before: number;
  readonly after: number;
}

export interface BalanceResult {
  readonly clusterId: string;
  readonly metric: 'memory';
  /** Standard deviation of host loads before and after the moves. */
  readonly before: number;
  readonly after: number;
  /** The least drop a move had to bring (from the migration threshold). */
  readonly minDrop: number;
  readonly moves: readonly BalanceMove[];
  readonly hosts: readonly HostBalance[];
  readonly heuristic: true;
}

/** Population standard deviation. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
}

/** Hosts that take part: connected, offering memory, not dedicated failover hosts (they run no VMs, docs/design/algorithms.md#13-dedicated-failover-hosts). */
function balancedHosts(topology: Topology, cluster: Cluster): Host[] {
  const admission = cluster.ha.admissionControl;
  const failoverHosts = new Set(admission.policy === 'failover-hosts' ? (admission.failoverHosts ?? []) : []);
  return topology.hostsInCluster(cluster.id).filter((host) => isGoodHost(host) && !failoverHosts.has(host.id) && hostCapacity(host).memoryMB > 0);
}

/**
 * Greedy moves from the most loaded host (ties: declaration order): each step takes the
 * move of one of its VMs to another host that lowers the standard deviation most (ties: the
 * less loaded target, then declaration order), among moves checkMigration allows (must
 * rules, anti-affinity, reservations, storage, CPU, network); it stops when the best move
 * does not lower the deviation by more than the threshold's minimum drop.
 */
export function recommendBalance(topology: Topology, clusterId: string): BalanceResult {
  const cluster = topology.cluster(clusterId);
  if (!cluster) throw new Error(MESSAGES.noCluster({ cluster: clusterId }));
  const hosts = balancedHosts(topology, cluster);
  const capacityMB = hosts.map((host) => hostCapacity(host).memoryMB);
  const placement = new Placement(topology);
  const entitlementMB = (vm: Vm) => (vm.power === 'on' ? vmDemand(vm, cluster).configuredMemoryMB : 0);
  const loadsNow = () => hosts.map((host, i) => placement.vmsOn(host.id).reduce((sum, vm) => sum + entitlementMB(vm), 0) / (capacityMB[i] ?? 1));
  const minDrop = MIN_STDDEV_DROP_BY_THRESHOLD[cluster.drs.migrationThreshold as 1 | 2 | 3 | 4 | 5] ?? MIN_STDDEV_DROP_BY_THRESHOLD[3];

  const initial = loadsNow();
  const before = standardDeviation(initial);
  const moves: BalanceMove[] = [];
  let deviation = before;
  let loads = initial;
  for (;;) {
    const fromIndex = loads.reduce((best, load, i) => (load > (loads[best] ?? -Infinity) ? i : best), 0);
    const from = hosts[fromIndex];
    if (!from) break;
    const targetOrder = hosts.map((_, i) => i).filter((i) => i !== fromIndex).sort((a, b) => (loads[a] ?? 0) - (loads[b] ?? 0) || a - b);
    let best: { vm: Vm; toIndex: number; deviation: number } | undefined;
    for (const vm of placement.vmsOn(from.id)) {
      if (vm.power !== 'on') continue;
      for (const toIndex of targetOrder) {
        const to = hosts[toIndex];
        if (!to) continue;
        const shares = entitlementMB(vm);
        const after = loads.map((load, i) => (i === fromIndex ? load - shares / (capacityMB[i] ?? 1) : i === toIndex ? load + shares / (capacityMB[i] ?? 1) : load));
        const candidate = standardDeviation(after);
        if (best && candidate >= best.deviation - TIE_TOLERANCE) continue;
        if (checkMigration(topology, vm.id, to.id, placement).length > 0) continue;
        best = { vm, toIndex, deviation: candidate };
      }
    }
    const to = best && hosts[best.toIndex];
    if (!best || !to || deviation - best.deviation <= minDrop) break;
    moves.push({ vmId: best.vm.id, from: from.id, to: to.id });
    placement.move(best.vm, to.id);
    loads = loadsNow();
    deviation = standardDeviation(loads);
  }

  return {
    clusterId,
    metric: 'memory',
    before,
    after: deviation,
    minDrop,
    moves,
    hosts: hosts.map((host, i) => ({ hostId: host.id, before: initial[i] ?? 0, after: loads[i] ?? 0 })),
    heuristic: true,
  };
}
