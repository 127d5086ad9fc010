import type { Report } from '../../../model/report';
import type { Host, Topology } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { editionOf, productName, type HostEdition } from '../../../domain/editions';
import { haEnabled } from '../../../domain/ha';
import { defineMessages } from '../../../l10n/messages';

/** How the edition rules (free-edition, edition-no-live-migration, drs-edition) name a host's edition. */
const EDITION = defineMessages('free-edition.edition', {
  own: '{product} (edition "{edition}")',
  inherited: '{product} (edition "{edition}", the file default)',
  fileDefault: 'default edition "{edition}" of the file',
});

const MESSAGES = defineMessages('free-edition', {
  noHa: 'Host "{id}" runs {software}, which has no HA, but cluster "{cluster}" relies on HA: its VMs would not be restarted when it fails.',
  noHaNoVmotion: 'Host "{id}" runs {software}, which has no HA and no vMotion, but cluster "{cluster}" relies on HA: its VMs would not be restarted when it fails.',
});

/** What a host runs, for messages: the product and the edition as written, and whether it is the file's default. */
export function editionText(found: HostEdition): string {
  const data = { product: productName(found.features), edition: found.edition };
  return found.inherited ? EDITION.inherited(data) : EDITION.own(data);
}

/** Where an edition finding goes: the host's own `edition`, or the host with the file default as related. */
export function editionLocation(topology: Topology, host: Host, found: HostEdition): Pick<Report, 'range' | 'related'> {
  const own = host.source.fields.edition?.value;
  if (own && !found.inherited) return { range: own };
  const fileEdition = topology.file?.source.fields.edition?.value;
  return { range: host.idRange, ...(fileEdition ? { related: [{ message: EDITION.fileDefault({ edition: found.edition }), range: fileEdition }] } : {}) };
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
  reads: ['platform', 'edition', 'clusters', 'hosts'],
  *check({ topology }) {
    for (const host of topology.hosts) {
      const cluster = topology.clusterOfHost(host);
      if (!cluster || !haEnabled(cluster)) continue;
      const found = editionOf(topology, host);
      if (!found || found.features.ha) continue;
      yield {
        message: (found.features.liveMigration ? MESSAGES.noHa : MESSAGES.noHaNoVmotion)({ id: host.id, software: editionText(found), cluster: cluster.id }),
        ...editionLocation(topology, host, found),
        elementIds: [host.id, cluster.id],
      };
    }
  },
};
