import type { AnalysisRule } from '../../rule';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('management-missing', {
  noSection: 'The design has no management section: say where the {product} server runs (a VM or a dedicated physical server), so that its protection can be checked.',
  noServer: 'The management section names neither the VM the management server runs as (`vm`) nor its dedicated physical server (`physicalServer`).',
});

/** A design should say where vCenter / SCVMM / XenCenter runs (docs/design/sources.md#seed-000). */
export const managementMissing: AnalysisRule = {
  meta: {
    id: 'management-missing',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'No management server in the design',
      description:
        'vSphere HA restarts VMs without vCenter, but configuring HA, DRS, rules and storage, and repairing the cluster after a failure, all go through the management server (vCenter, SCVMM, XenCenter / Xen Orchestra). The array vendor white paper (docs/design/sources.md#seed-000) makes it part of the HA design: a dedicated physical server, or a VM for vCenter and its database. A design that does not say where it runs cannot be reviewed for that risk. Add a `management:` section naming its `vm` (or its `physicalServer`). Proxmox VE is exempt: its management runs on every node. So is XenServer / XCP-ng: the pool master exposes the pool\'s administration interface (XAPI) and forwards commands to the members, and a new master is designated when it fails; XenCenter and Xen Orchestra are only clients of it.',
      sources: [
        'docs/design/sources.md#seed-000 — vCenter on a dedicated physical server or a VM',
        'docs/design/domain.md#rule-11-management-server',
        'docs/design/sources.md#xenserver-ha — XenServer product documentation, "Hosts and resource pools": only the pool master exposes the administration interface used by XenCenter and the xe CLI',
      ],
    },
  },
  reads: ['vtopo', 'platform', 'management', 'hosts'],
  *check({ topology }) {
    const file = topology.file;
    // Proxmox VE manages from every node; a XenServer pool from its master (XAPI).
    if (!file || topology.platform === 'proxmox' || topology.platform === 'xenserver' || (topology.hosts.length === 0 && topology.clusters.length === 0)) return;
    const management = file.management;
    if (!management) {
      yield {
        message: MESSAGES.noSection({ product: topology.platform === 'hyperv' ? 'SCVMM' : 'vCenter' }),
        range: file.source.fields.vtopo?.key ?? file.source.fields.name?.key ?? { start: 0, end: 0 },
        elementIds: [],
      };
      return;
    }
    if (management.vm === undefined && management.physicalServer === undefined) {
      const keyRange = file.source.fields.management?.key ?? { start: 0, end: 0 };
      yield {
        message: MESSAGES.noServer({}),
        range: keyRange,
        elementIds: [],
      };
    }
  },
};
