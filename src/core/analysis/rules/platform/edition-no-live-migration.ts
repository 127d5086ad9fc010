import type { AnalysisRule } from '../../rule';
import { editionOf } from '../../../domain/editions';
import { editionLocation, editionText } from './free-edition';
import { haEnabled } from '../../../domain/ha';
import { liveMigrationName } from '../../../domain/platform-names';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('edition-no-live-migration', {
  noMigration: 'Host "{id}" runs {software}, which has no {migration}: its VMs must be powered off to move them to another host of cluster "{cluster}".',
});

/** A host whose edition has no live migration in a multi-host cluster (unless free-edition already reports it). */
export const editionNoLiveMigration: AnalysisRule = {
  meta: {
    id: 'edition-no-live-migration',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Host edition without live migration in a cluster',
      description:
        'A cluster of several hosts is usually built so that VMs can be moved off a host for maintenance or load balancing; the VMware Infrastructure 3 article (docs/design/sources.md#seed-003) notes that the free ESXi edition has no vMotion, and the vSphere Essentials Kit has none either. Every host maintenance then means powering VMs off. Licence an edition with vMotion, or accept planned downtime. When the edition also lacks HA and the cluster has HA on, free-edition reports the host as an error instead.',
      sources: ['docs/design/sources.md#seed-003 — free ESXi: no vMotion', 'docs/design/sources.md#vsphere-editions'],
    },
  },
  reads: ['platform', 'edition', 'clusters', 'hosts'],
  *check({ topology }) {
    for (const host of topology.hosts) {
      const cluster = topology.clusterOfHost(host);
      if (!cluster || topology.hostsInCluster(cluster.id).length < 2) continue;
      const found = editionOf(topology, host);
      if (!found || found.features.liveMigration) continue;
      // free-edition already reports a host without HA in an HA cluster, vMotion included.
      if (haEnabled(cluster) && !found.features.ha) continue;
      yield {
        message: MESSAGES.noMigration({ id: host.id, software: editionText(found), migration: liveMigrationName(topology.platform), cluster: cluster.id }),
        ...editionLocation(topology, host, found),
        elementIds: [host.id, cluster.id],
      };
    }
  },
};
