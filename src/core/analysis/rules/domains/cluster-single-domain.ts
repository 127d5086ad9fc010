import { domainKindName, failureDomainsOf } from '../../../domain/failure-domains';
import { defineMessages } from '../../../l10n/messages';
import { grouped } from '../../../text/plural';
import type { AnalysisRule } from '../../rule';
import { quotedList } from '../storage/common';

const MESSAGES = defineMessages('cluster-single-domain', {
  allHosts: 'All {count} hosts of cluster "{cluster}" ({hosts}) go down with {kind} "{domain}": when it fails, HA has no host left to restart their VMs on.',
  related: 'the {kind} every host of "{cluster}" depends on',
});

/** Every host of a cluster in one chassis, rack or on one feed: one failure leaves HA nowhere to restart. */
export const clusterSingleDomain: AnalysisRule = {
  meta: {
    id: 'cluster-single-domain',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Every host of a cluster in one chassis, rack or power feed',
      description:
        'HA restarts the VMs of a failed host on the hosts that survive; when one chassis, rack or power feed takes every host of the cluster down at once, no host survives and nothing restarts until it is back. Blade chassis are the usual case: the blades share the enclosure\'s midplane, power supplies, fans and management modules, and a chassis failure or firmware update stops them all, so designers spread a cluster over two or more chassis. This rule reports a cluster of two or more connected hosts that one chassis, rack or feed (following `fedFrom`) takes down entirely. A site is not reported: a cluster in one site is the normal case, and stretched clusters have their own checks. Spread the hosts over chassis, racks and both power sides.',
      sources: [
        'docs/design/sources.md#blade-chassis-ha — divide the hosts of an HA cluster over several blade chassis',
        'docs/design/sources.md#seed-002 — blade servers: power and cooling',
      ],
    },
  },
  reads: ['sites', 'racks', 'chassis', 'powerFeeds', 'siteLinks', 'clusters', 'hosts', 'switches', 'arrays'],
  *check({ topology }) {
    const domains = failureDomainsOf(topology);
    if (!domains.modelled) return;
    for (const cluster of topology.clusters) {
      const hosts = topology.hostsInCluster(cluster.id).filter((host) => host.state === 'connected');
      if (hosts.length < 2) continue;
      let common: string[] | undefined;
      for (const host of hosts) {
        const own = (domains.placement(host.id)?.takenDownBy ?? []).filter((id) => domains.domain(id)?.kind !== 'site');
        common = common === undefined ? own : common.filter((id) => own.includes(id));
        if (common.length === 0) break;
      }
      const shared = common?.[0];
      const domain = shared === undefined ? undefined : domains.domain(shared);
      if (!domain) continue;
      const name = domainKindName(domain.kind);
      yield {
        // Two hosts or more: the plural only.
        message: MESSAGES.allHosts({ count: grouped(hosts.length), cluster: cluster.id, hosts: quotedList(hosts.map((h) => h.id)), kind: name, domain: domain.id }),
        range: cluster.idRange,
        elementIds: [cluster.id, domain.id, ...hosts.map((h) => h.id)],
        related: [{ message: MESSAGES.related({ kind: name, cluster: cluster.id }), range: domain.idRange }],
      };
    }
  },
};
