import { failureDomainsOf } from '../../../domain/failure-domains';
import { stretchedClusters } from '../../../domain/stretched';
import type { AnalysisRule } from '../../rule';
import { DEFAULT_GATEWAY, isolationAddresses, lanNetworkOf } from '../../lan-network';
import { quotedList } from '../storage/common';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('stretched-isolation-addresses', {
  noAnswer: 'Stretched cluster "{cluster}" has no HA isolation address that answers in site {sites} ({addresses}): if the sites lose each other, its hosts there declare themselves isolated. Add one isolation address per site (das.isolationaddress).',
  noAddress: 'Stretched cluster "{cluster}" has no HA isolation address that answers in site {sites} (no address): if the sites lose each other, its hosts there declare themselves isolated. Add one isolation address per site (das.isolationaddress).',
});

/** A stretched vSphere cluster without an HA isolation address that answers in each site. */
export const stretchedIsolationAddresses: AnalysisRule = {
  meta: {
    id: 'stretched-isolation-addresses',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Stretched cluster without an isolation address in each site',
      description:
        'A vSphere HA host that stops hearing the others pings its isolation addresses to tell isolation from a partition. In a stretched cluster, when the link between the sites fails, an address that only answers in one site makes every host of the other site declare itself isolated and run the isolation response. The recommended practice for vSphere Metro Storage Cluster is at least two extra isolation addresses (das.isolationaddress), one local to each site. This rule reports a vSphere cluster whose hosts stand in two or more data sites when none of its isolation addresses answers from a switch of some site (switch `addresses`, their `site` or `rack`). Addresses no switch declares are not judged.',
      sources: [
        'docs/design/sources.md#vmsc-recommended-practices — an isolation address local to each site',
        'docs/design/sources.md#vsphere-api-isolation-response',
      ],
    },
  },
  reads: ['platform', 'inventory', 'sites', 'racks', 'chassis', 'powerFeeds', 'siteLinks', 'clusters', 'hosts', 'switches', 'distributedSwitches', 'arrays', 'links'],
  *check({ topology }) {
    if (topology.platform !== 'vsphere') return;
    const domains = failureDomainsOf(topology);
    const sitesAnswering = new Map<string, Set<string>>();
    for (const networkSwitch of topology.switches) {
      const site = domains.placement(networkSwitch.id)?.site;
      for (const address of networkSwitch.addresses ?? []) {
        let sites = sitesAnswering.get(address);
        if (!sites) sitesAnswering.set(address, (sites = new Set()));
        if (site !== undefined) sites.add(site);
      }
    }
    if (sitesAnswering.size === 0) return;
    const lan = lanNetworkOf(topology);
    for (const { cluster, hostsBySite } of stretchedClusters(topology)) {
      if (!cluster.ha?.enabled) continue;
      const [first] = [...hostsBySite.values()][0] ?? [];
      if (!first) continue;
      const addresses = isolationAddresses(topology, lan, first.id).filter((address) => address !== DEFAULT_GATEWAY);
      if (addresses.some((address) => !sitesAnswering.has(address))) continue;
      const covered = new Set(addresses.flatMap((address) => [...(sitesAnswering.get(address) ?? [])]));
      const missing = [...hostsBySite.keys()].filter((site) => !covered.has(site));
      if (missing.length === 0) continue;
      yield {
        message: addresses.length === 0
          ? MESSAGES.noAddress({ cluster: cluster.id, sites: quotedList(missing) })
          : MESSAGES.noAnswer({ cluster: cluster.id, sites: quotedList(missing), addresses: quotedList(addresses) }),
        range: cluster.idRange,
        elementIds: [cluster.id, ...missing],
      };
    }
  },
};
