import { failureDomainsOf } from '../../../domain/failure-domains';
import { siteOfArray, stretchedClusters } from '../../../domain/stretched';
import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';
import { quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('stretched-witness', {
  noMirrorWitness: 'Datastore "{datastore}" is mirrored across sites "{siteA}" and "{siteB}" with no witness: if the site of its preferred copy ("{preferred}") fails, the other copy suspends I/O and the datastore stops in both. Add a witness at a third site (mirror.witness).',
  mirrorWitnessInDataSite: 'The witness of datastore "{datastore}" is in site "{site}", one of the two sites its copies stand in: it fails with that site and decides nothing. Put it at a third site.',
  noQuorumWitness: 'Cluster "{cluster}" stands in sites {sites} with no quorum witness: when the sites lose each other, no half may have a majority. Add a cloud witness or a file-share witness at a third site.',
  fileShareInDataSite: 'The file-share witness of cluster "{cluster}" answers from switch "{switch}" in site "{site}", one of the cluster\'s sites: that site wins every split, and its failure takes the witness too. Put the witness at a third site or use a cloud witness.',
  diskInOneSite: 'The disk witness of cluster "{cluster}" is datastore "{datastore}" on an array in site "{site}" only: that site\'s failure takes the witness too. Use a cloud or file-share witness at a third site.',
  and: '{first} and {next}',
});

/** A mirror across two sites, or a quorum cluster across two sites, without a tie-breaker at a third site. */
export const stretchedWitness: AnalysisRule = {
  meta: {
    id: 'stretched-witness',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Two sites without a witness at a third site',
      description:
        'When two sites lose each other, each copy of a synchronous mirror (and each half of a quorum cluster) must decide alone whether to carry on; without a tie-breaker that both can reach, the safe choice is that only the preferred side carries on, so a failure of the preferred site stops the datastore (or the cluster) in the surviving one. A witness at a third site (a storage witness or tiebreaker, the vSAN witness host, a file-share or cloud witness) lets the survivor carry on. A witness inside one of the two sites fails with it and decides nothing. This rule reports a synchronous mirror whose legs stand in two sites with no `witness`, or with its witness in one of those sites; and a Hyper-V (quorum) cluster whose hosts stand in two or more data sites with no witness, or with its file-share witness reached through a switch of one of them.',
      sources: [
        'docs/design/sources.md#vsan-stretched-clusters — the witness stands at a third site',
        'docs/design/sources.md#ms-cluster-quorum — a file share witness in a site separate from the cluster sites',
        'docs/design/sources.md#ms-cloud-witness — a witness outside both datacenters',
      ],
    },
  },
  reads: ['platform', 'sites', 'racks', 'chassis', 'powerFeeds', 'siteLinks', 'clusters', 'hosts', 'switches', 'arrays', 'datastores'],
  *check({ topology }) {
    for (const datastore of topology.datastores) {
      const mirror = datastore.mirror;
      if (mirror?.mode !== 'sync' || datastore.array === undefined) continue;
      const sites = [siteOfArray(topology, datastore.array), siteOfArray(topology, mirror.array)];
      const [a, b] = sites;
      if (a === undefined || b === undefined || a === b) continue;
      const preferred = mirror.preferred ?? datastore.array;
      if (mirror.witness === undefined) {
        yield {
          message: MESSAGES.noMirrorWitness({ datastore: datastore.id, siteA: a, siteB: b, preferred }),
          range: datastore.idRange,
          elementIds: [datastore.id, a, b],
        };
      } else if (mirror.witness === a || mirror.witness === b) {
        yield {
          message: MESSAGES.mirrorWitnessInDataSite({ datastore: datastore.id, site: mirror.witness }),
          range: datastore.idRange,
          elementIds: [datastore.id, mirror.witness],
        };
      }
    }
    if (topology.platform !== 'hyperv') return;
    const domains = failureDomainsOf(topology);
    for (const { cluster, hostsBySite } of stretchedClusters(topology)) {
      const quorum = cluster.quorum;
      const sites = [...hostsBySite.keys()];
      if (!quorum || quorum.witness === 'none') {
        yield { message: MESSAGES.noQuorumWitness({ cluster: cluster.id, sites: andList(sites.map((s) => quoteId(s))) }), range: cluster.idRange, elementIds: [cluster.id, ...sites] };
        continue;
      }
      const witnessSite = quorum.witnessSwitch === undefined ? undefined : domains.placement(quorum.witnessSwitch)?.site;
      if (quorum.witness === 'file-share' && witnessSite !== undefined && sites.includes(witnessSite)) {
        yield { message: MESSAGES.fileShareInDataSite({ cluster: cluster.id, switch: quorum.witnessSwitch ?? '', site: witnessSite }), range: cluster.idRange, elementIds: [cluster.id, witnessSite] };
      }
      if (quorum.witness === 'disk' && quorum.witnessDatastore !== undefined) {
        const datastore = topology.datastore(quorum.witnessDatastore);
        const site = datastore?.array === undefined ? undefined : siteOfArray(topology, datastore.array);
        if (datastore && site !== undefined && datastore.mirror === undefined) {
          yield { message: MESSAGES.diskInOneSite({ cluster: cluster.id, datastore: datastore.id, site }), range: cluster.idRange, elementIds: [cluster.id, datastore.id, site] };
        }
      }
    }
  },
};

/** Quoted ids joined by "and", as the sites of a stretched cluster are named. */
function andList(items: readonly string[]): string {
  const [head = '', ...rest] = items;
  return rest.reduce((first, next) => MESSAGES.and({ first, next }), head);
}
