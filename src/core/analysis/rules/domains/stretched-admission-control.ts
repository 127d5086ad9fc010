import { admissionControlStatus } from '../../../capacity/admission-control';
import { hostCapacity, sumOf } from '../../../capacity/resources';
import { stretchedClusters } from '../../../domain/stretched';
import type { AnalysisRule } from '../../rule';

/** A stretched cluster whose admission control does not keep room for the VMs of its largest site. */
export const stretchedAdmissionControl: AnalysisRule = {
  meta: {
    id: 'stretched-admission-control',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Stretched cluster without a site\'s worth of failover capacity',
      description:
        'When a site of a stretched cluster fails, HA restarts its VMs in the other site, which must have the room. The recommended practice for vSphere Metro Storage Cluster is percentage-based admission control reserving 50% of CPU and memory in a two-site cluster (more generally, the share of the largest site), and VMware\'s validated designs size admission control for half the hosts of a cluster spread over two availability zones. This rule reports a cluster whose hosts stand in two or more data sites when admission control is disabled, when the percentage policy reserves less CPU or memory than the largest site holds, or when the slot or failover-host policy tolerates fewer host failures than the largest site has hosts.',
      sources: [
        'docs/design/sources.md#vmsc-recommended-practices — admission control on, percentage based, 50% CPU and memory',
        'docs/design/sources.md#vvd-availability-zones — with two availability zones, reserve half of the cluster',
      ],
    },
  },
  *check({ topology }) {
    for (const { cluster, hostsBySite } of stretchedClusters(topology)) {
      const ha = cluster.ha;
      if (!ha?.enabled) continue;
      const capacity = (hosts: readonly Parameters<typeof hostCapacity>[0][]) => ({
        cpu: sumOf(hosts, (h) => hostCapacity(h).cpuMHz),
        memory: sumOf(hosts, (h) => hostCapacity(h).memoryMB),
        count: hosts.length,
      });
      const total = capacity([...hostsBySite.values()].flat());
      const sites = [...hostsBySite].map(([site, hosts]) => ({ site, ...capacity(hosts) }));
      const cpuNeeded = Math.max(...sites.map((s) => (total.cpu === 0 ? 0 : (100 * s.cpu) / total.cpu)));
      const memoryNeeded = Math.max(...sites.map((s) => (total.memory === 0 ? 0 : (100 * s.memory) / total.memory)));
      const largest = sites.reduce((a, b) => (b.memory > a.memory ? b : a));
      const mostHosts = Math.max(...sites.map((s) => s.count));
      const ac = ha.admissionControl;
      const siteList = sites.map((s) => `"${s.site}"`).join(' and ');
      let problem: string | undefined;
      if (ac.policy === 'disabled') {
        problem = 'admission control is disabled, so nothing keeps room for the VMs of a failed site';
      } else if (ac.policy === 'percentage') {
        const status = admissionControlStatus(topology, cluster);
        if (status?.policy === 'percentage') {
          const { configuredCpuPercent, configuredMemoryPercent } = status.percentage;
          if (configuredCpuPercent + 0.5 < cpuNeeded || configuredMemoryPercent + 0.5 < memoryNeeded) {
            problem = `admission control reserves ${Math.round(configuredCpuPercent)}% CPU and ${Math.round(configuredMemoryPercent)}% memory, but site "${largest.site}" holds ${Math.round(cpuNeeded)}% of the CPU and ${Math.round(memoryNeeded)}% of the memory`;
          }
        }
      } else if (ac.hostFailuresToTolerate < mostHosts) {
        problem = `admission control (${ac.policy}) tolerates ${ac.hostFailuresToTolerate} host ${ac.hostFailuresToTolerate === 1 ? 'failure' : 'failures'}, but a site holds ${mostHosts} hosts`;
      }
      if (problem === undefined) continue;
      yield {
        message: `Cluster "${cluster.id}" is stretched over sites ${siteList}: ${problem}. Reserve the largest site's share (50% for two equal sites).`,
        range: cluster.idRange,
        elementIds: [cluster.id, ...sites.map((s) => s.site)],
      };
    }
  },
};
