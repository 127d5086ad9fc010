import { admissionControlStatus, type AdmissionControlStatus } from '../../../capacity/admission-control';
import { worstSingleHostFailure } from '../../../capacity/n1';
import { haClusters } from '../../../capacity/resources';
import { formatPercent } from '../../../capacity/status';
import type { AnalysisRule } from '../../rule';
import { describeCurrentPercentages, describeFailoverHosts, describePercentage, describeSlots } from './describe';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('ha-capacity-report', {
  report: 'HA capacity of cluster "{cluster}" ({policy}): {details}.',
  reportWithWorst: 'HA capacity of cluster "{cluster}" ({policy}): {details}. Worst single host failure: "{host}" ({outcome}; headroom left CPU {cpu}, memory {memory}).',
  everyVmRestarts: 'every protected VM restarts',
  oneVmCannotRestart: '1 protected VM cannot restart',
  vmsCannotRestart: '{count} protected VMs cannot restart',
  slotPolicyOne: 'slot policy, 1 host failure to tolerate',
  slotPolicy: 'slot policy, {count} host failures to tolerate',
  percentagePolicy: 'percentage policy',
  failoverHostsOne: 'dedicated failover hosts, 1 host failure to tolerate',
  failoverHosts: 'dedicated failover hosts, {count} host failures to tolerate',
  disabledPolicy: 'admission control disabled',
  nothingReserved: '{current}; nothing is reserved',
});

/** The figures a reviewer reads for every HA cluster, whether or not anything is wrong. */
export const haCapacityReport: AnalysisRule = {
  meta: {
    id: 'ha-capacity-report',
    defaultSeverity: 'hint',
    fixable: false,
    docs: {
      title: 'HA capacity of each cluster (report)',
      description:
        'One finding per HA cluster, on the cluster id, with the numbers vSphere\'s cluster summary shows for its admission control policy (docs/design/algorithms.md#1-ha-admission-control): for the slot policy the slot size, slots per host, used and unreserved slots and the current failover capacity in hosts; for the percentage policy the current CPU and memory failover capacity (truncated to a whole percent, as the vSphere client shows it), the reserved percentages and what is left for new VMs; for dedicated failover hosts their spare capacity against the largest host loads. It adds the worst single host failure and the headroom left after it (docs/design/domain.md#rule-5-failover-capacity-n1). It reports, it does not judge: ha-admission-control, n1-capacity and n1-headroom do. Turn it off per file (`ha-capacity-report: off`) when the numbers are not wanted.',
      sources: ['docs/design/sources.md#vsphere-availability — admission control', 'docs/design/algorithms.md#1-ha-admission-control', 'docs/design/domain.md#rule-5-failover-capacity-n1', 'docs/design/sources.md#seed-000-checklist — the pool still runs every VM after one server fails', 'docs/design/sources.md#seed-001 — spare capacity for the failure of a host'],
    },
  },
  reads: ['clusters', 'hosts', 'vms'],
  *check({ topology }) {
    const n1 = new Map(worstSingleHostFailure(topology).clusters.map((c) => [c.clusterId, c]));
    for (const cluster of haClusters(topology)) {
      const status = admissionControlStatus(topology, cluster);
      if (!status) continue;
      const worst = n1.get(cluster.id)?.worst;
      const F = cluster.ha.admissionControl.hostFailuresToTolerate;
      const data = { cluster: cluster.id, policy: policyName(status, F), details: describe(status, F) };
      yield {
        message: worst
          ? MESSAGES.reportWithWorst({
            ...data,
            host: worst.failedHostId,
            outcome: cannotRestart(worst.cannotRestart.length),
            cpu: formatPercent(worst.cpuHeadroomPercent),
            memory: formatPercent(worst.memoryHeadroomPercent),
          })
          : MESSAGES.report(data),
        range: cluster.idRange,
        elementIds: [cluster.id],
      };
    }
  },
};

function cannotRestart(count: number): string {
  if (count === 0) return MESSAGES.everyVmRestarts({});
  return count === 1 ? MESSAGES.oneVmCannotRestart({}) : MESSAGES.vmsCannotRestart({ count });
}

function policyName(status: AdmissionControlStatus, hostFailuresToTolerate: number): string {
  switch (status.policy) {
    case 'slots':
      return hostFailuresToTolerate === 1 ? MESSAGES.slotPolicyOne({}) : MESSAGES.slotPolicy({ count: hostFailuresToTolerate });
    case 'percentage':
      return MESSAGES.percentagePolicy({});
    case 'failover-hosts':
      return hostFailuresToTolerate === 1 ? MESSAGES.failoverHostsOne({}) : MESSAGES.failoverHosts({ count: hostFailuresToTolerate });
    case 'disabled':
      return MESSAGES.disabledPolicy({});
  }
}

function describe(status: AdmissionControlStatus, hostFailuresToTolerate: number): string {
  switch (status.policy) {
    case 'slots':
      return describeSlots(status.slots);
    case 'percentage':
      return describePercentage(status.percentage, hostFailuresToTolerate);
    case 'failover-hosts':
      return describeFailoverHosts(status.failoverHosts);
    case 'disabled':
      return MESSAGES.nothingReserved({ current: describeCurrentPercentages(status.percentage) });
  }
}
