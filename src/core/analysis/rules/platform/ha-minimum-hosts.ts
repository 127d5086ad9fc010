import { limitsFor, verifyNote, type LimitsLookup } from '../../../model/limits';
import type { Cluster } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { count, haEnabled, releaseOf } from './shared';

interface Requirement {
  readonly hosts: number;
  readonly what: string;
}

/** The most hosts the cluster's HA configuration needs on this platform, and why. */
function requirement(lookup: LimitsLookup, cluster: Cluster): Requirement | undefined {
  const { limits } = lookup;
  if (limits.minHostsForQuorum !== undefined) {
    return { hosts: limits.minHostsForQuorum, what: `${releaseOf(lookup)} HA needs quorum, at least ${limits.minHostsForQuorum} nodes (a 2-node cluster needs an external QDevice vote)` };
  }
  const policy = cluster.ha?.admissionControl.policy ?? 'percentage';
  if (policy === 'disabled') return undefined;
  if (policy === 'percentage' && limits.minHostsForPercentagePolicy !== undefined) {
    return { hosts: limits.minHostsForPercentagePolicy, what: `${releaseOf(lookup)} admission control with the percentage policy needs at least ${limits.minHostsForPercentagePolicy} hosts` };
  }
  if (policy !== 'percentage' && limits.minHostsForAdmissionControl !== undefined) {
    return {
      hosts: limits.minHostsForAdmissionControl,
      what: `${releaseOf(lookup)} admission control with the ${policy} policy needs at least ${limits.minHostsForAdmissionControl} hosts${verifyNote(limits, 'minHostsForAdmissionControl')}`,
    };
  }
  return undefined;
}

/** HA on a cluster with fewer hosts than its platform needs for admission control or quorum. */
export const haMinimumHosts: AnalysisRule = {
  meta: {
    id: 'ha-minimum-hosts',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'HA cluster below the platform\'s minimum size',
      description:
        'Two hosts can fail over to each other, but some platforms need more before HA works as configured: Proxmox VE HA needs quorum, at least three nodes (or a QDevice), or a single node failure stops HA altogether; vSphere 8 admission control with the slot or dedicated-failover-host policy is commonly documented as needing three hosts, the percentage policy two (ALGORITHMS.md 1.4 and 6). Below the minimum HA either refuses to act or cannot guarantee the configured failover capacity. Add a host, or choose a policy the cluster size supports. Single-host clusters are reported by ha-single-host.',
      sources: ['ALGORITHMS.md 1.4 (Proxmox VE: quorum of 3) and 6 (vSphere 8 admission control)', 'Proxmox VE administration guide: High Availability', 'vSphere Availability guide: admission control'],
    },
  },
  *check({ topology }) {
    const lookup = limitsFor(topology.platform, topology.file?.platformVersion);
    if (!lookup) return;
    for (const cluster of topology.clusters) {
      const hosts = topology.hostsInCluster(cluster.id).length;
      if (hosts < 2 || !haEnabled(cluster)) continue;
      const needed = requirement(lookup, cluster);
      if (!needed || hosts >= needed.hosts) continue;
      const policyRange = cluster.ha?.admissionControl.source.fields.policy?.value;
      yield {
        message: `Cluster "${cluster.id}" has ${count(hosts, 'host')} with HA on, but ${needed.what}. Add ${count(needed.hosts - hosts, 'host')}.`,
        range: cluster.idRange,
        elementIds: [cluster.id],
        ...(policyRange ? { related: [{ message: 'the admission control policy', range: policyRange }] } : {}),
      };
    }
  },
};
