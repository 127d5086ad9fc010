import type { QuickFix } from '../../../model/report';
import type { AnalysisRule } from '../../rule';
import { clusterOfVm, fieldEdit } from './common';
import { managementVms } from '../../../domain/management';
import { effectiveRestartPriority } from '../../../domain/restart-priority';
import { haEnabled } from '../../../domain/ha';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('management-restart-priority', {
  setHighest: 'Set restartPriority of "{vm}" to highest',
  notHighest: 'VM "{vm}" ({part}) has restart priority {priority}: HA should restart it first (highest), before the VMs it helps recover.',
  clusterDefault: '{priority} (cluster default)',
  namedHere: 'named as the {part} here',
});

/** The management server (and its database) should be the first VMs HA restarts. */
export const managementRestartPriority: AnalysisRule = {
  meta: {
    id: 'management-restart-priority',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'Management server VM not restarted first',
      description:
        'After a host failure the administrators need the management server (vCenter, SCVMM) and its database back before anything else, to watch the recovery and act on what HA could not restart. The array vendor white paper (docs/design/sources.md#seed-000) asks for a VM that is protected by HA; in practice that means restart priority highest, so it is placed while capacity is still free, and a cluster with HA enabled. Set restartPriority: highest on the management VM and on its database VM (quick fix); a management VM in a cluster with HA disabled is not protected at all (rule ha-disabled reports that).',
      sources: ['docs/design/sources.md#seed-000 — management server as a protected VM', 'docs/design/algorithms.md#restart-priorities', 'docs/design/sources.md#vsphere-availability — give the vCenter Server VM a high restart priority'],
    },
  },
  reads: ['management', 'clusters', 'hosts', 'vms'],
  *check(context) {
    const { topology } = context;
    for (const { vm, part, range } of managementVms(topology)) {
      const cluster = clusterOfVm(topology, vm);
      if (!cluster) continue;
      // A cluster with HA disabled is ha-disabled's finding, which names the management VM.
      if (!haEnabled(cluster)) continue;
      const priority = effectiveRestartPriority(vm, cluster);
      if (priority === 'highest') continue;
      const edit = fieldEdit(context, vm.source, 'restartPriority', 'highest');
      const fixes: QuickFix[] = edit ? [{ title: MESSAGES.setHighest({ vm: vm.id }), edits: [edit], preferred: true }] : [];
      yield {
        message: MESSAGES.notHighest({ vm: vm.id, part, priority: vm.restartPriority === undefined ? MESSAGES.clusterDefault({ priority }) : priority }),
        range: vm.source.fields.restartPriority?.value ?? vm.idRange,
        elementIds: [vm.id, cluster.id],
        related: [{ message: MESSAGES.namedHere({ part }), range }],
        fixes,
      };
    }
  },
};
