import type { QuickFix } from '../../../model/report';
import type { AnalysisRule } from '../../rule';
import { clusterOfVm, fieldEdit, referenceRange } from './common';
import { effectiveRestartPriority, priorityRank } from '../../../domain/restart-priority';
import { haEnabled } from '../../../domain/ha';
import { restartDependencies } from '../../../domain/restart-dependencies';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('restart-dependency-priority', {
  raise: 'Raise restartPriority of "{vm}" to {priority}',
  clusterDefault: '{priority} (cluster default)',
  laterTier: 'VM "{vm}" (restart priority {vmPriority}) depends on "{dependency}" ({dependencyPriority}): HA restarts the dependency in a later tier, so "{vm}" waits for it until the tier timeout.',
  never: 'VM "{vm}" (restart priority {vmPriority}) depends on "{dependency}" ({dependencyPriority}): HA restarts the dependency never, so "{vm}" waits for it in vain.',
  priorityOf: 'restart priority of "{vm}"',
});

/** A VM waiting for a VM HA restarts later (or never) waits for the tier timeout. */
export const restartDependencyPriority: AnalysisRule = {
  meta: {
    id: 'restart-dependency-priority',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'VM depends on a VM of lower restart priority',
      description:
        'HA restarts VMs tier by tier in priority order (highest to lowest; disabled never). A VM that depends on a VM of a lower priority tier is started before its dependency is, then waits for it: the orchestration inverts, and in practice the dependent VM starts only after the tier timeout (600 s by default) or without its dependency ready; a dependency at priority disabled is never restarted at all. vSphere documents that a higher-priority VM may not depend on a lower-priority one (docs/design/algorithms.md#2-ha-restart-after-a-host-failure). Raise the dependency\'s restartPriority to at least the dependent\'s (quick fix), or lower the dependent. Effective priority is the VM\'s restartPriority, else its cluster\'s ha.defaultRestartPriority.',
      sources: ['docs/design/algorithms.md#restart-priorities', 'docs/design/algorithms.md#orchestrated-restart', 'docs/design/sources.md#vsphere-availability — VM restart priority and VM dependencies'],
    },
  },
  *check(context) {
    const { topology } = context;
    for (const edge of restartDependencies(topology)) {
      const vm = topology.vm(edge.vm);
      const dependency = topology.vm(edge.dependsOn);
      if (!vm || !dependency || vm === dependency) continue;
      const cluster = clusterOfVm(topology, vm);
      if (!cluster || !haEnabled(cluster)) continue;
      const vmPriority = effectiveRestartPriority(vm, cluster);
      if (vmPriority === 'disabled') continue;
      const dependencyCluster = clusterOfVm(topology, dependency);
      const dependencyPriority = effectiveRestartPriority(dependency, dependencyCluster);
      if (priorityRank(dependencyPriority) >= priorityRank(vmPriority)) continue;
      const edit = fieldEdit(context, dependency.source, 'restartPriority', vmPriority);
      const fixes: QuickFix[] = edit ? [{ title: MESSAGES.raise({ vm: dependency.id, priority: vmPriority }), edits: [edit], preferred: true }] : [];
      const stated = (vmOrDependency: typeof vm, priority: string) => (vmOrDependency.restartPriority === undefined ? MESSAGES.clusterDefault({ priority }) : priority);
      yield {
        message: (dependencyPriority === 'disabled' ? MESSAGES.never : MESSAGES.laterTier)({
          vm: vm.id,
          vmPriority: stated(vm, vmPriority),
          dependency: dependency.id,
          dependencyPriority: stated(dependency, dependencyPriority),
        }),
        range: referenceRange(topology, edge.rule.id, 'vm', dependency.id, edge.rule.source.fields.dependsOn?.value) ?? edge.rule.idRange,
        elementIds: [vm.id, dependency.id, edge.rule.id],
        related: [
          { message: MESSAGES.priorityOf({ vm: dependency.id }), range: dependency.source.fields.restartPriority?.value ?? dependency.idRange },
          { message: MESSAGES.priorityOf({ vm: vm.id }), range: vm.source.fields.restartPriority?.value ?? vm.idRange },
        ],
        fixes,
      };
    }
  },
};
