import { siteOfArray, stretchedClusters } from '../../../domain/stretched';
import type { AnalysisRule } from '../../rule';
import { datastoresUsedByClusters } from '../../storage-network';
import { quotedList } from '../storage/common';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('stretched-preferred-site', {
  different: 'Stretched cluster "{cluster}" uses mirrored datastores that prefer different sites ({preferences}): when the sites lose each other, only one half keeps quorum, and the datastores preferring the other site stop for it. Make every mirror prefer the site that keeps quorum.',
  onePrefers: '{datastores} prefers site "{site}"',
  manyPrefer: '{datastores} prefer site "{site}"',
});

const QUORUM_PLATFORMS = new Set(['hyperv', 'proxmox', 'xenserver']);

/** A stretched quorum cluster whose mirrored datastores prefer copies in different sites. */
export const stretchedPreferredSite: AnalysisRule = {
  meta: {
    id: 'stretched-preferred-site',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Stretched quorum cluster whose mirrored datastores prefer different sites',
      description:
        'When the link between the two sites of a stretched cluster fails and both sites stand, two things pick a side: the cluster (on Hyper-V, Proxmox VE and XenServer only the half with quorum keeps running VMs; Windows Server lets you name a preferred site) and each synchronously mirrored datastore (only its preferred copy keeps serving). If they pick different sides, the VMs on a datastore that prefers the other site have a running cluster but no storage, and the half with the storage has no quorum: those VMs stay down until the link returns. This rule reports a cluster whose hosts stand in two or more data sites on a quorum platform when the synchronous mirrors it uses prefer copies in more than one site. Make every mirror prefer the copy in the site that keeps quorum.',
      sources: [
        'docs/design/sources.md#ms-cluster-quorum — one partition keeps quorum; the preferred site',
        'docs/design/sources.md#vmsc-recommended-practices — the preferred site of a mirrored datastore keeps it on a partition',
      ],
    },
  },
  reads: ['platform', 'sites', 'racks', 'chassis', 'powerFeeds', 'siteLinks', 'clusters', 'hosts', 'switches', 'arrays', 'datastores', 'vms'],
  *check({ topology }) {
    if (!QUORUM_PLATFORMS.has(topology.platform)) return;
    const used = datastoresUsedByClusters(topology);
    for (const { cluster } of stretchedClusters(topology)) {
      const bySite = new Map<string, string[]>();
      for (const datastore of used.get(cluster.id) ?? []) {
        const mirror = datastore.mirror;
        if (mirror?.mode !== 'sync' || datastore.array === undefined) continue;
        const site = siteOfArray(topology, mirror.preferred ?? datastore.array);
        if (site === undefined) continue;
        const list = bySite.get(site);
        if (list) list.push(datastore.id);
        else bySite.set(site, [datastore.id]);
      }
      if (bySite.size < 2) continue;
      const parts = [...bySite].map(([site, ids]) => (ids.length === 1 ? MESSAGES.onePrefers : MESSAGES.manyPrefer)({ datastores: quotedList(ids), site }));
      yield {
        message: MESSAGES.different({ cluster: cluster.id, preferences: parts.join('; ') }),
        range: cluster.idRange,
        elementIds: [cluster.id, ...[...bySite.values()].flat()],
      };
    }
  },
};
