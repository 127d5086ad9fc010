import { admissionControlStatus } from '../../../capacity/admission-control';
import { haClusters } from '../../../capacity/resources';
import { formatPercent } from '../../../capacity/status';
import type { AnalysisRule } from '../../rule';
import { admissionControlRange, configuredPercent, cpu, memory, describeFailoverHosts, describeSlots, hostCount } from './describe';

/** The cluster cannot hold what its admission control policy promises. */
export const haAdmissionControl: AnalysisRule = {
  meta: {
    id: 'ha-admission-control',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'HA admission control below its configured level',
      description:
        'vSphere HA admission control keeps enough capacity free to restart the VMs of failed hosts; when the running VMs already take more than the policy allows, vSphere refuses to power on further VMs and, worse, a host failure leaves VMs down. VTopo evaluates the policy the cluster names exactly as docs/design/algorithms.md#1-ha-admission-control describes: slot policy (slot size from the largest CPU and memory reservation, 32 MHz for VMs without one, caps turning large VMs into several slots; current failover capacity = hosts with the most slots that can be lost while the rest still hold every used slot, compared with host failures to tolerate), percentage policy (current CPU and memory failover capacity against the reserved percentages, which are derived from host failures to tolerate as the largest hosts\' share when not given), or dedicated failover hosts (their spare capacity against the reserved load of the most loaded other hosts, a VTopo check vSphere does not make). Only connected hosts and powered-on VMs count; host capacity is physical minus the stated overhead. Add hosts or memory, lower reservations, or consciously lower the configured level; the array vendor white paper (docs/design/sources.md#seed-000) and the HA strategies handbook (docs/design/sources.md#seed-001) make spare capacity for at least one host failure the basis of HA.',
      sources: ['docs/design/sources.md#vsphere-availability — admission control (slot, percentage, dedicated failover hosts)', 'docs/design/algorithms.md#1-ha-admission-control', 'docs/design/domain.md#rule-5-failover-capacity-n1', 'docs/design/sources.md#seed-000-checklist — the pool still runs every VM after one server fails', 'docs/design/sources.md#seed-001 — spare capacity for the failure of a host'],
    },
  },
  *check({ topology }) {
    for (const cluster of haClusters(topology)) {
      const status = admissionControlStatus(topology, cluster);
      if (!status || status.satisfied) continue;
      const F = cluster.ha.admissionControl.hostFailuresToTolerate;
      let detail: string;
      switch (status.policy) {
        case 'slots':
          detail = `the slot policy tolerates ${hostCount(status.slots.failoverCapacity)} failing, fewer than the configured ${F}: ${describeSlots(status.slots)}`;
          break;
        case 'percentage': {
          const p = status.percentage;
          detail = `its current failover capacity (CPU ${formatPercent(p.cpuFailoverCapacityPercent)}, memory ${formatPercent(p.memoryFailoverCapacityPercent)}) is below the reserved CPU ${configuredPercent(p.configuredCpuPercent)}, memory ${configuredPercent(p.configuredMemoryPercent)}${p.cpuPercentDerived || p.memoryPercentDerived ? ` (derived from ${hostCount(F)} to tolerate)` : ''}: powered-on VMs reserve ${cpu(p.usedCpuMHz)} of ${cpu(p.totalCpuMHz)} and ${memory(p.usedMemoryMB)} of ${memory(p.totalMemoryMB)}`;
          break;
        }
        case 'failover-hosts':
          detail = `its dedicated failover hosts cover ${hostCount(status.failoverHosts.failoverCapacity)} failing, fewer than the configured ${F}: ${describeFailoverHosts(status.failoverHosts)}`;
          break;
      }
      yield {
        message: `HA admission control of cluster "${cluster.id}" is not met: ${detail}.`,
        range: admissionControlRange(cluster),
        elementIds: [cluster.id],
        related: [{ message: `cluster "${cluster.id}"`, range: cluster.idRange }],
      };
    }
  },
};
