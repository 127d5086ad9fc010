import { admissionControlStatus } from '../../../capacity/admission-control';
import { haClusters } from '../../../capacity/resources';
import { formatPercent } from '../../../capacity/status';
import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';
import { admissionControlRange, configuredPercent, cpu, memory, describeFailoverHosts, describeSlots, hostCount } from './describe';

const MESSAGES = defineMessages('ha-admission-control', {
  notMet: 'HA admission control of cluster "{cluster}" is not met: {detail}.',
  slots: 'the slot policy tolerates {hosts} failing, fewer than the configured {configured}: {slots}',
  percentage: 'its current failover capacity (CPU {cpu}, memory {memory}) is below the reserved CPU {reservedCpu}, memory {reservedMemory}: powered-on VMs reserve {usedCpu} of {totalCpu} and {usedMemory} of {totalMemory}',
  percentageDerived: 'its current failover capacity (CPU {cpu}, memory {memory}) is below the reserved CPU {reservedCpu}, memory {reservedMemory} (derived from {hosts} to tolerate): powered-on VMs reserve {usedCpu} of {totalCpu} and {usedMemory} of {totalMemory}',
  failoverHosts: 'its dedicated failover hosts cover {hosts} failing, fewer than the configured {configured}: {failoverHosts}',
  cluster: 'cluster "{cluster}"',
});

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
  reads: ['clusters', 'hosts', 'vms'],
  *check({ topology }) {
    for (const cluster of haClusters(topology)) {
      const status = admissionControlStatus(topology, cluster);
      if (!status || status.satisfied) continue;
      const F = cluster.ha.admissionControl.hostFailuresToTolerate;
      let detail: string;
      switch (status.policy) {
        case 'slots':
          detail = MESSAGES.slots({ hosts: hostCount(status.slots.failoverCapacity), configured: F, slots: describeSlots(status.slots) });
          break;
        case 'percentage': {
          const p = status.percentage;
          const data = {
            cpu: formatPercent(p.cpuFailoverCapacityPercent),
            memory: formatPercent(p.memoryFailoverCapacityPercent),
            reservedCpu: configuredPercent(p.configuredCpuPercent),
            reservedMemory: configuredPercent(p.configuredMemoryPercent),
            usedCpu: cpu(p.usedCpuMHz),
            totalCpu: cpu(p.totalCpuMHz),
            usedMemory: memory(p.usedMemoryMB),
            totalMemory: memory(p.totalMemoryMB),
          };
          detail = p.cpuPercentDerived || p.memoryPercentDerived ? MESSAGES.percentageDerived({ ...data, hosts: hostCount(F) }) : MESSAGES.percentage(data);
          break;
        }
        case 'failover-hosts':
          detail = MESSAGES.failoverHosts({ hosts: hostCount(status.failoverHosts.failoverCapacity), configured: F, failoverHosts: describeFailoverHosts(status.failoverHosts) });
          break;
      }
      yield {
        message: MESSAGES.notMet({ cluster: cluster.id, detail }),
        range: admissionControlRange(cluster),
        elementIds: [cluster.id],
        related: [{ message: MESSAGES.cluster({ cluster: cluster.id }), range: cluster.idRange }],
      };
    }
  },
};
