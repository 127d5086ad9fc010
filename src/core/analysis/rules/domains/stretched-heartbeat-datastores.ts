import { datastoreSites, stretchedClusters } from '../../../domain/stretched';
import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';
import { quotedList } from '../storage/common';

const MESSAGES = defineMessages('stretched-heartbeat-datastores', {
  none: 'Stretched cluster "{cluster}" chooses no heartbeat datastores: vSphere picks two, possibly both in one site. Choose two in each of {sites}.',
  missing: 'Stretched cluster "{cluster}" has no heartbeat datastore in site {sites}: when the sites lose each other, its hosts there see no datastore heartbeats. Choose two in each site.',
});

/** A stretched vSphere cluster without a heartbeat datastore in each site. */
export const stretchedHeartbeatDatastores: AnalysisRule = {
  meta: {
    id: 'stretched-heartbeat-datastores',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Stretched cluster without heartbeat datastores in each site',
      description:
        'vSphere HA tells a failed host from an isolated or partitioned one by datastore heartbeats. In a stretched cluster, when the sites lose each other, hosts must still see heartbeats on a datastore of their own site, or HA takes a partition for a failure. The recommended practice for vSphere Metro Storage Cluster is four heartbeat datastores, two per site (das.heartbeatDsPerHost = 4). This rule reports, for a vSphere cluster whose hosts stand in two or more data sites, the sites none of whose chosen heartbeat datastores (`ha.heartbeatDatastores`) has a copy in, by where the datastore\'s array and its mirror stand; and a cluster that chooses none (vSphere then picks two, possibly in one site).',
      sources: [
        'docs/design/sources.md#vmsc-recommended-practices — four heartbeat datastores, two per site',
        'docs/design/sources.md#vsphere-availability — datastore heartbeating',
      ],
    },
  },
  reads: ['platform', 'sites', 'racks', 'chassis', 'powerFeeds', 'siteLinks', 'clusters', 'hosts', 'switches', 'arrays', 'datastores'],
  *check({ topology }) {
    if (topology.platform !== 'vsphere') return;
    for (const { cluster, hostsBySite } of stretchedClusters(topology)) {
      if (!cluster.ha?.enabled) continue;
      const chosen = (cluster.ha.heartbeatDatastores ?? []).flatMap((id) => {
        const datastore = topology.datastore(id);
        return datastore ? [datastore] : [];
      });
      const sites = [...hostsBySite.keys()];
      if (chosen.length === 0) {
        yield { message: MESSAGES.none({ cluster: cluster.id, sites: quotedList(sites) }), range: cluster.idRange, elementIds: [cluster.id, ...sites] };
        continue;
      }
      const missing = sites.filter((site) => !chosen.some((datastore) => datastoreSites(topology, datastore).has(site)));
      if (missing.length === 0) continue;
      yield {
        message: MESSAGES.missing({ cluster: cluster.id, sites: quotedList(missing) }),
        range: cluster.idRange,
        elementIds: [cluster.id, ...missing, ...chosen.map((d) => d.id)],
      };
    }
  },
};
