import { lowestHeadroomPercent, worstSingleHostFailure } from '../../../capacity/n1';
import { formatPercent } from '../../../capacity/status';
import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';

const MESSAGES = defineMessages('n1-headroom', {
  low: 'After its worst single host failure ("{host}") cluster "{cluster}" keeps only {cpu} CPU and {memory} memory free, below the {target} headroom target.',
  failedHost: 'host "{host}": the failure that leaves the least headroom',
});

/** Every VM restarts after the worst single host failure, but with too little room left. */
export const n1Headroom: AnalysisRule = {
  meta: {
    id: 'n1-headroom',
    defaultSeverity: 'warning',
    fixable: false,
    options: {
      headroomPercent: {
        description: 'Free CPU and memory, in percent of the surviving hosts\' capacity, the cluster should keep after its worst single host failure (docs/design/sources.md#seed-001: practitioners keep 10-20%).',
        default: 15,
        min: 0,
        max: 100,
      },
    },
    docs: {
      title: 'Too little headroom after the worst single host failure',
      description:
        'A cluster that can just restart every protected VM after a host failure runs the survivors at the edge: the next load peak, a VM that grows, or maintenance on another host turns the failure into an outage. The HA strategies handbook (docs/design/sources.md#seed-001) reports practitioners keeping 10-20% of resources free (29 hosts, 400 VMs), and docs/design/domain.md#rule-5-failover-capacity-n1 takes 15% as the default. VTopo fails each connected host of an HA cluster, restarts its protected VMs on the survivors at their configured size (memory plus overhead; CPU by reservation or the cluster minimum, the only CPU demand a design states, so memory usually decides) and reports the failure that leaves the least free CPU or memory when that is below `headroomPercent`. When some VMs cannot restart at all, n1-capacity reports that instead. Add capacity or move workloads to another cluster.',
      sources: ['docs/design/sources.md#seed-001 — 10-20% headroom, 29 hosts / 400 VMs', 'docs/design/domain.md#rule-5-failover-capacity-n1', 'docs/design/algorithms.md#1-ha-admission-control', 'docs/design/algorithms.md#2-ha-restart-after-a-host-failure'],
    },
  },
  reads: ['clusters', 'hosts', 'vms'],
  *check({ topology, option }) {
    const threshold = option('headroomPercent');
    for (const verdict of worstSingleHostFailure(topology).clusters) {
      const worst = verdict.worst;
      if (worst.cannotRestart.length > 0 || lowestHeadroomPercent(worst) >= threshold) continue;
      const cluster = topology.cluster(verdict.clusterId);
      const failedHost = topology.host(worst.failedHostId);
      if (!cluster || !failedHost) continue;
      yield {
        message: MESSAGES.low({ host: failedHost.id, cluster: cluster.id, cpu: formatPercent(worst.cpuHeadroomPercent), memory: formatPercent(worst.memoryHeadroomPercent), target: formatPercent(threshold) }),
        range: cluster.idRange,
        elementIds: [cluster.id, failedHost.id],
        related: [{ message: MESSAGES.failedHost({ host: failedHost.id }), range: failedHost.idRange }],
      };
    }
  },
};
