import type { Report } from '../../../model/report';
import type { Host, Topology } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { editionOf, type HostEdition } from '../../../domain/editions';
import { haEnabled } from '../../../domain/ha';

/** Where an edition finding goes: the host's own `edition`, or the host with the file default as related. */
export function editionLocation(topology: Topology, host: Host, found: HostEdition): Pick<Report, 'range' | 'related'> {
  const own = host.source.fields.edition?.value;
  if (own && !found.inherited) return { range: own };
  const fileEdition = topology.file?.source.fields.edition?.value;
  return { range: host.idRange, ...(fileEdition ? { related: [{ message: `default edition "${found.edition}" of the file`, range: fileEdition }] } : {}) };
}

/** A host whose edition has no HA in a cluster with HA on (free ESXi, vSphere Essentials). */
export const freeEdition: AnalysisRule = {
  meta: {
    id: 'free-edition',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Host edition without HA in an HA cluster',
      description:
        'The VMware Infrastructure 3 article (docs/design/sources.md#seed-003) notes that the free ESXi edition (vSphere Hypervisor) has neither vMotion nor HA, and the vSphere Essentials Kit lacks both as well (Essentials Plus and above include them): such a host cannot join an HA cluster managed by vCenter, so its VMs are not restarted when it fails and cannot be migrated off it. Licence the host with an edition that includes HA (Essentials Plus, Standard, Enterprise Plus), or set `ha.enabled: false` on the cluster to state it is unprotected. Editions are matched case-insensitively against a data table (src/core/domain/editions.ts); the file\'s `edition` applies to hosts that do not name their own.',
      sources: ['docs/design/sources.md#seed-003 — free ESXi: no vMotion, no HA', 'docs/design/domain.md#rule-10-live-migration-compatibility', 'docs/design/sources.md#vsphere-editions'],
    },
  },
  *check({ topology }) {
    for (const host of topology.hosts) {
      const cluster = topology.clusterOfHost(host);
      if (!cluster || !haEnabled(cluster)) continue;
      const found = editionOf(topology, host);
      if (!found || found.features.ha) continue;
      yield {
        message: `Host "${host.id}" runs ${found.features.product} (edition "${found.edition}"${found.inherited ? ', the file default' : ''}), which has no HA${found.features.liveMigration ? '' : ' and no vMotion'}, but cluster "${cluster.id}" relies on HA: its VMs would not be restarted when it fails.`,
        ...editionLocation(topology, host, found),
        elementIds: [host.id, cluster.id],
      };
    }
  },
};
