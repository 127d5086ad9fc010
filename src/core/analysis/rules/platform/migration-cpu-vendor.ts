import type { AnalysisRule } from '../../rule';
import { vendorOf, type CpuVendor } from '../../../domain/cpu-families';
import { liveMigrationName } from '../../../domain/platform-names';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('migration-cpu-vendor', {
  mixed: 'Cluster "{id}" mixes CPU vendors ({groups}): {migration} between them is impossible and no compatibility baseline bridges vendors. Keep one vendor per cluster.',
  hostVendor: '"{id}": {vendor} CPU',
});

/** Hosts of one cluster with CPUs of different vendors: no baseline makes them migration-compatible. */
export const migrationCpuVendor: AnalysisRule = {
  meta: {
    id: 'migration-cpu-vendor',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Cluster mixes CPU vendors',
      description:
        'Live migration moves a running guest to a host whose CPU must offer every instruction the guest already uses; the HA strategies handbook and the VMware Infrastructure 3 article (docs/design/sources.md#seed-001, docs/design/sources.md#seed-003) require source and target to have the same CPU family or a compatibility mode (EVC, FlexMigration), and no compatibility mode spans Intel and AMD. VMs then cannot be live-migrated between the two groups of hosts, so maintenance and load balancing split in two, and vSphere refuses to put such hosts in one EVC cluster. Keep one CPU vendor per cluster, or split the cluster by vendor.',
      sources: ['docs/design/sources.md#seed-001 — live migration needs the same CPU family', 'docs/design/sources.md#seed-003 — vMotion requirements: CPU compatibility', 'docs/design/domain.md#rule-10-live-migration-compatibility', 'docs/design/sources.md#vmware-kb-1003212 — EVC'],
    },
  },
  reads: ['platform', 'clusters', 'hosts'],
  *check({ topology }) {
    for (const cluster of topology.clusters) {
      const byVendor = new Map<CpuVendor, string[]>();
      const hosts = topology.hostsInCluster(cluster.id);
      for (const host of hosts) {
        const vendor = vendorOf(host);
        if (vendor === undefined) continue;
        const list = byVendor.get(vendor);
        if (list) list.push(host.id);
        else byVendor.set(vendor, [host.id]);
      }
      if (byVendor.size < 2) continue;
      const groups = [...byVendor].map(([vendor, ids]) => `${vendor}: ${ids.map((id) => quoteId(id)).join(listSeparator())}`).join('; ');
      const named = hosts.filter((host) => vendorOf(host) !== undefined);
      yield {
        message: MESSAGES.mixed({ id: cluster.id, groups, migration: liveMigrationName(topology.platform) }),
        range: cluster.idRange,
        elementIds: [cluster.id, ...named.map((host) => host.id)],
        related: named.map((host) => ({ message: MESSAGES.hostVendor({ id: host.id, vendor: vendorOf(host) ?? '' }), range: host.cpu.source.fields.vendor?.value ?? host.idRange })),
      };
    }
  },
};
