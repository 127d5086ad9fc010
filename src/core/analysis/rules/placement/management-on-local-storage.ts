import type { AnalysisRule } from '../../rule';
import { managementVms } from '../../../domain/management';
import { moveToSharedDatastoreFixes } from '../fixes';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('management-on-local-storage', {
  onLocal: 'VM "{vm}" ({part}) lives on local datastore "{datastore}": when its host fails, the tool needed to manage the recovery is lost with it and cannot be restarted elsewhere.',
  namedHere: 'named as the {part} here',
  datastoreLocal: 'datastore "{datastore}" is local',
});

/** The management VM on a host's local disk dies with that host and comes back with it only. */
export const managementOnLocalStorage: AnalysisRule = {
  meta: {
    id: 'management-on-local-storage',
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      title: 'Management server VM on local storage',
      description:
        'When vCenter (or SCVMM, or its database) runs as a VM, the array vendor white paper (docs/design/sources.md#seed-000) protects it like any other critical VM: its files on the shared SAN so that HA restarts it on another host. On a host\'s local disk it is lost with that host, at the moment it is needed to see and repair the failure; this holds even when HA is off or its restart priority is disabled, which is why this rule does not wait for vm-local-datastore. Move its files to a shared datastore (the quick fix lists them) or run it on a dedicated physical server.',
      sources: ['docs/design/sources.md#seed-000 — vCenter as a protected VM on shared storage, or a dedicated server', 'docs/design/domain.md#rule-11-management-server'],
    },
  },
  reads: ['management', 'datastores', 'vms'],
  *check({ topology }) {
    const shared = topology.datastores.filter((d) => !topology.isLocalDatastore(d) && d.protocol !== 'raw');
    for (const { vm, part, range } of managementVms(topology)) {
      if (vm.datastore === undefined) continue;
      const datastore = topology.datastore(vm.datastore);
      if (!datastore || !topology.isLocalDatastore(datastore)) continue;
      const valueRange = vm.source.fields.datastore?.value ?? vm.idRange;
      const fixes = moveToSharedDatastoreFixes(vm, shared);
      yield {
        message: MESSAGES.onLocal({ vm: vm.id, part, datastore: datastore.id }),
        range: valueRange,
        elementIds: [vm.id, datastore.id],
        related: [
          { message: MESSAGES.namedHere({ part }), range },
          { message: MESSAGES.datastoreLocal({ datastore: datastore.id }), range: datastore.idRange },
        ],
        fixes,
      };
    }
  },
};
