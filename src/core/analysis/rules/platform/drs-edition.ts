import type { AnalysisRule } from '../../rule';
import { editionOf } from '../../../domain/editions';
import { editionLocation, editionText } from './free-edition';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('drs-edition', {
  noDrs: 'Host "{id}" runs {software}, which has no DRS, but cluster "{cluster}" has DRS enabled: licence an edition with DRS (vSphere Enterprise Plus, vSphere Foundation or Cloud Foundation) or turn DRS off.',
});

/** A host whose edition has no DRS in a cluster with DRS on (vSphere Standard, Essentials Plus, free ESXi, ...). */
export const drsEdition: AnalysisRule = {
  meta: {
    id: 'drs-edition',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'DRS enabled on hosts whose edition has no DRS',
      description:
        'vSphere DRS (load balancing and initial placement by vMotion, VM-VM and VM-host rules enforced by DRS) is licensed only with vSphere Enterprise Plus (and the older Enterprise), and in vSphere 8 also with VMware vSphere Foundation and VMware Cloud Foundation; vSphere Standard, Essentials Plus, Essentials and the free vSphere Hypervisor do not include it. A cluster with `drs.enabled: true` whose hosts run such an edition cannot turn DRS on: VMs are not balanced, and DRS rules are not applied. Licence the hosts with an edition that includes DRS, or set `drs.enabled: false`. Editions come from one data table (src/core/domain/editions.ts), matched case-insensitively; the file\'s `edition` applies to hosts that do not name their own, and editions the table does not know are not reported.',
      sources: [
        'docs/design/sources.md#vsphere-editions — vSphere 5.0 Licensing, Pricing and Packaging white paper: DRS in Enterprise and Enterprise Plus',
        'docs/design/sources.md#vsphere-editions — vSphere 7 "Compare vSphere editions": DRS in Enterprise Plus only',
        'docs/design/sources.md#vsphere-editions — VMware vSphere Foundation and VMware Cloud Foundation feature lists: vSphere 8 includes DRS',
      ],
    },
  },
  reads: ['platform', 'edition', 'clusters', 'hosts'],
  *check({ topology }) {
    for (const host of topology.hosts) {
      const cluster = topology.clusterOfHost(host);
      if (!cluster?.drs.enabled) continue;
      const found = editionOf(topology, host);
      if (!found || found.features.drs) continue;
      yield {
        message: MESSAGES.noDrs({ id: host.id, software: editionText(found), cluster: cluster.id }),
        ...editionLocation(topology, host, found),
        elementIds: [host.id, cluster.id],
      };
    }
  },
};
