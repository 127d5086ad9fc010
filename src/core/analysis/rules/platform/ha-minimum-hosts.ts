import { limitsFor, type LimitsLookup } from '../../../model/limits';
import type { AnalysisRule } from '../../rule';
import { releaseOf } from './shared';
import { grouped } from '../../../text/plural';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('ha-minimum-hosts', {
  // A cluster reported has at least two hosts and needs at least three.
  quorum: '{release} HA needs quorum, at least {count} nodes (a 2-node cluster needs an external QDevice vote)',
  addOne: 'Cluster "{id}" has {count} hosts with HA on, but {requirement}. Add 1 host.',
  addMany: 'Cluster "{id}" has {count} hosts with HA on, but {requirement}. Add {missing} hosts.',
});
import { haEnabled } from '../../../domain/ha';

interface Requirement {
  readonly hosts: number;
  readonly what: string;
}

/**
 * The hosts the cluster's HA needs on this platform, and why: only quorum (Proxmox VE). vSphere
 * asks for two hosts whatever the admission control policy (vSphere Availability guide, "vSphere
 * HA Checklist"), which ha-single-host covers; no public vSphere document asks for three.
 */
function requirement(lookup: LimitsLookup): Requirement | undefined {
  const { limits } = lookup;
  if (limits.minHostsForQuorum === undefined) return undefined;
  return { hosts: limits.minHostsForQuorum, what: MESSAGES.quorum({ release: releaseOf(lookup), count: limits.minHostsForQuorum }) };
}

/** HA on a cluster with fewer hosts than its platform needs for quorum. */
export const haMinimumHosts: AnalysisRule = {
  meta: {
    id: 'ha-minimum-hosts',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'HA cluster below the platform\'s minimum size',
      description:
        'Two hosts can fail over to each other, but some platforms need more before HA works: Proxmox VE HA needs quorum, at least three nodes (or a QDevice), or a single node failure stops HA altogether. Add a node, or a QDevice vote. vSphere needs two hosts in the cluster whatever the admission control policy (vSphere Availability guide, "vSphere HA Checklist"), so a two-host vSphere cluster is not reported here; single-host clusters are reported by ha-single-host.',
      sources: ['docs/design/sources.md#proxmox-ha-manager', 'docs/design/sources.md#vsphere-availability — vSphere HA Checklist ("A cluster must contain at least two hosts")'],
    },
  },
  reads: ['platform', 'platformVersion', 'clusters', 'hosts'],
  *check({ topology }) {
    const lookup = limitsFor(topology.platform, topology.file?.platformVersion);
    if (!lookup) return;
    for (const cluster of topology.clusters) {
      const hosts = topology.hostsInCluster(cluster.id).length;
      if (hosts < 2 || !haEnabled(cluster)) continue;
      const needed = requirement(lookup);
      if (!needed || hosts >= needed.hosts) continue;
      yield {
        message: needed.hosts - hosts === 1
          ? MESSAGES.addOne({ id: cluster.id, count: grouped(hosts), requirement: needed.what })
          : MESSAGES.addMany({ id: cluster.id, count: grouped(hosts), requirement: needed.what, missing: grouped(needed.hosts - hosts) }),
        range: cluster.idRange,
        elementIds: [cluster.id],
      };
    }
  },
};
