/**
 * The capacity figures of each HA cluster as plain numbers, for tools that should not parse
 * prose (the JSON output of `vtopo check`, docs/cli.md): admission control by its policy
 * (slot size and slots; reserved and available percentages; failover hosts) and the worst
 * single host failure. The same numbers the ha-capacity-report finding words for people.
 */

import type { Topology } from '../model/topology';
import { admissionControlStatus } from './admission-control';
import { haClusters } from './resources';
import { worstSingleHostFailure } from './n1';

export interface ClusterFigures {
  readonly cluster: string;
  readonly policy: 'slots' | 'percentage' | 'failover-hosts' | 'disabled';
  /** Whether admission control's configured level is met (always true when disabled). */
  readonly satisfied: boolean;
  readonly slots?: {
    readonly slotCpuMHz: number;
    readonly slotMemoryMB: number;
    readonly totalSlots: number;
    readonly usedSlots: number;
    readonly unreservedSlots: number;
    readonly failoverCapacity: number;
    readonly hostFailuresToTolerate: number;
  };
  readonly percentage?: {
    readonly cpuFailoverCapacityPercent: number;
    readonly memoryFailoverCapacityPercent: number;
    readonly configuredCpuPercent: number;
    readonly configuredMemoryPercent: number;
    readonly cpuAvailablePercent: number;
    readonly memoryAvailablePercent: number;
  };
  readonly failoverHosts?: {
    readonly hosts: readonly string[];
    readonly failoverCapacity: number;
    readonly hostFailuresToTolerate: number;
  };
  /** The single host whose failure leaves the least headroom, and what it leaves. */
  readonly worstHostFailure?: {
    readonly host: string;
    readonly cannotRestart: readonly string[];
    readonly cpuHeadroomPercent: number;
    readonly memoryHeadroomPercent: number;
  };
}

export function clusterFigures(topology: Topology): ClusterFigures[] {
  const worst = new Map(worstSingleHostFailure(topology).clusters.map((verdict) => [verdict.clusterId, verdict.worst]));
  const figures: ClusterFigures[] = [];
  for (const cluster of haClusters(topology)) {
    const status = admissionControlStatus(topology, cluster);
    if (!status) continue;
    const failure = worst.get(cluster.id);
    const common = {
      cluster: cluster.id,
      policy: status.policy,
      satisfied: status.satisfied,
      ...(failure
        ? { worstHostFailure: { host: failure.failedHostId, cannotRestart: failure.cannotRestart, cpuHeadroomPercent: failure.cpuHeadroomPercent, memoryHeadroomPercent: failure.memoryHeadroomPercent } }
        : {}),
    };
    if (status.policy === 'slots') {
      const s = status.slots;
      figures.push({ ...common, slots: { slotCpuMHz: s.slotCpuMHz, slotMemoryMB: s.slotMemoryMB, totalSlots: s.totalSlots, usedSlots: s.usedSlots, unreservedSlots: s.unreservedSlots, failoverCapacity: s.failoverCapacity, hostFailuresToTolerate: s.hostFailuresToTolerate } });
    } else if (status.policy === 'failover-hosts') {
      const f = status.failoverHosts;
      figures.push({ ...common, failoverHosts: { hosts: f.failoverHostIds, failoverCapacity: f.failoverCapacity, hostFailuresToTolerate: f.hostFailuresToTolerate } });
    } else {
      const p = status.percentage;
      figures.push({
        ...common,
        percentage: {
          cpuFailoverCapacityPercent: p.cpuFailoverCapacityPercent,
          memoryFailoverCapacityPercent: p.memoryFailoverCapacityPercent,
          configuredCpuPercent: p.configuredCpuPercent,
          configuredMemoryPercent: p.configuredMemoryPercent,
          cpuAvailablePercent: p.cpuAvailablePercent,
          memoryAvailablePercent: p.memoryAvailablePercent,
        },
      });
    }
  }
  return figures;
}
