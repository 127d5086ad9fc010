import { defineMessages } from '../../l10n/messages';
import type { AnalysisRule } from '../rule';
import { moveToSharedDatastoreFixes } from './fixes';

const MESSAGES = defineMessages('vm-local-datastore', {
  onLocal: 'VM "{vm}" lives on local datastore "{datastore}": if its host fails, HA cannot restart it on another host of cluster "{cluster}".',
  datastoreIsLocal: 'datastore "{datastore}" is local',
});

/** HA restarts a VM elsewhere only if the other hosts can reach its files. */
export const vmLocalDatastore: AnalysisRule = {
  meta: {
    id: 'vm-local-datastore',
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      title: 'VM on a local datastore cannot fail over',
      description:
        'When a host fails, HA restarts its VMs on other hosts from the VMs\' files on shared storage; a VM whose files are on the failed host\'s local disks (DAS) cannot be restarted anywhere and stays down until the host is repaired. Live migration has the same requirement. The array vendor white paper (docs/design/sources.md#seed-000) and the HA strategies handbook (docs/design/sources.md#seed-001) both make shared SAN storage the precondition of HA. Move the VM to a datastore every host of the cluster can reach (the quick fix offers the shared datastores of the design), or set its restart priority to disabled to say it is deliberately unprotected.',
      sources: ['docs/design/sources.md#seed-000 — shared SAN storage is the basis of VMware HA', 'docs/design/sources.md#seed-001 — HA strategies: shared storage', 'docs/design/sources.md#vsphere-availability — HA requirements'],
    },
  },
  reads: ['clusters', 'hosts', 'datastores', 'vms'],
  *check({ topology }) {
    const shared = topology.datastores.filter((d) => !topology.isLocalDatastore(d));
    for (const vm of topology.vms) {
      if (vm.datastore === undefined || vm.power === 'off') continue;
      const datastore = topology.datastore(vm.datastore);
      if (!datastore || !topology.isLocalDatastore(datastore)) continue;
      const host = topology.host(vm.host);
      const cluster = host ? topology.clusterOfHost(host) : undefined;
      if (!cluster || cluster.ha?.enabled === false) continue;
      const priority = vm.restartPriority ?? cluster.ha?.defaultRestartPriority ?? 'medium';
      if (priority === 'disabled') continue;
      const valueRange = vm.source.fields.datastore?.value ?? vm.idRange;
      const fixes = moveToSharedDatastoreFixes(vm, shared);
      yield {
        message: MESSAGES.onLocal({ vm: vm.id, datastore: datastore.id, cluster: cluster.id }),
        range: valueRange,
        elementIds: [vm.id, datastore.id],
        related: [{ message: MESSAGES.datastoreIsLocal({ datastore: datastore.id }), range: datastore.idRange }],
        fixes,
      };
    }
  },
};
