import { admissionControlStatus } from '../../../capacity/admission-control';
import { hostCapacity, sumOf } from '../../../capacity/resources';
import { stretchedClusters } from '../../../domain/stretched';
import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';
import { quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('stretched-admission-control', {
  stretched: 'Cluster "{cluster}" is stretched over sites {sites}: {problem}. Reserve the largest site\'s share (50% for two equal sites).',
  disabled: 'admission control is disabled, so nothing keeps room for the VMs of a failed site',
  percentage: 'admission control reserves {cpu}% CPU and {memory}% memory, but site "{site}" holds {siteCpu}% of the CPU and {siteMemory}% of the memory',
  oneHostFailure: 'admission control ({policy}) tolerates 1 host failure, but a site holds {hosts} hosts',
  hostFailures: 'admission control ({policy}) tolerates {failures} host failures, but a site holds {hosts} hosts',
  and: '{first} and {next}',
});

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
  reads: ['sites', 'racks', 'chassis', 'powerFeeds', 'siteLinks', 'clusters', 'hosts', 'switches', 'arrays', 'vms'],
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
      const siteList = andList(sites.map((s) => quoteId(s.site)));
      let problem: string | undefined;
      if (ac.policy === 'disabled') {
        problem = MESSAGES.disabled({});
      } else if (ac.policy === 'percentage') {
        const status = admissionControlStatus(topology, cluster);
        if (status?.policy === 'percentage') {
          const { configuredCpuPercent, configuredMemoryPercent } = status.percentage;
          if (configuredCpuPercent + 0.5 < cpuNeeded || configuredMemoryPercent + 0.5 < memoryNeeded) {
            problem = MESSAGES.percentage({ cpu: Math.round(configuredCpuPercent), memory: Math.round(configuredMemoryPercent), site: largest.site, siteCpu: Math.round(cpuNeeded), siteMemory: Math.round(memoryNeeded) });
          }
        }
      } else if (ac.hostFailuresToTolerate < mostHosts) {
        problem = ac.hostFailuresToTolerate === 1
          ? MESSAGES.oneHostFailure({ policy: ac.policy, hosts: mostHosts })
          : MESSAGES.hostFailures({ policy: ac.policy, failures: ac.hostFailuresToTolerate, hosts: mostHosts });
      }
      if (problem === undefined) continue;
      yield {
        message: MESSAGES.stretched({ cluster: cluster.id, sites: siteList, problem }),
        range: cluster.idRange,
        elementIds: [cluster.id, ...sites.map((s) => s.site)],
      };
    }
  },
};

/** Quoted ids joined by "and", as the sites of a stretched cluster are named. */
function andList(items: readonly string[]): string {
  const [head = '', ...rest] = items;
  return rest.reduce((first, next) => MESSAGES.and({ first, next }), head);
}
