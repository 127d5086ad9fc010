import type { AnalysisRule } from '../../rule';
import { referenceRange } from './common';
import { directedCycles } from '../../../graph';
import { restartDependencies } from '../../../domain/restart-dependencies';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('restart-dependency-cycle', {
  oneRule: 'Restart dependencies form a cycle: {path} (read "waits for"; rule {rules}). No VM of the loop can restart first.',
  manyRules: 'Restart dependencies form a cycle: {path} (read "waits for"; rules {rules}). No VM of the loop can restart first.',
  waitsFor: '"{vm}" waits for "{dependsOn}" (rule "{rule}")',
});

/** Orchestrated restart needs an order: dependencies that loop back have none. */
export const restartDependencyCycle: AnalysisRule = {
  meta: {
    id: 'restart-dependency-cycle',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Restart dependencies form a cycle',
      description:
        'vSphere HA orchestrated restart (6.5+) starts a VM only after the VMs it depends on are ready; the dependency rules must form a directed acyclic graph, and vSphere rejects a rule set with a cycle (docs/design/algorithms.md#2-ha-restart-after-a-host-failure). With a cycle, no VM of the loop can go first, so after a failure they all wait for the tier timeout, or never start in the intended order. The finding gives the loop; remove or reverse the dependency that is not real (typically the one pointing from an infrastructure VM, such as a domain controller or database, back to an application).',
      sources: ['docs/design/algorithms.md#orchestrated-restart — dependency rules form a DAG', 'docs/design/sources.md#vsphere-availability — VM-to-VM dependency rules'],
    },
  },
  *check({ topology }) {
    const edges = restartDependencies(topology).map((edge) => ({ ...edge, from: edge.vm, to: edge.dependsOn }));
    for (const cycle of directedCycles(edges)) {
      const [first] = cycle;
      if (!first) continue;
      const path = [...cycle.map((edge) => edge.from), first.from].map((id) => quoteId(id)).join(' -> ');
      const rules = [...new Set(cycle.map((edge) => edge.rule.id))];
      yield {
        message: (rules.length === 1 ? MESSAGES.oneRule : MESSAGES.manyRules)({ path, rules: rules.map((id) => quoteId(id)).join(listSeparator()) }),
        range: first.rule.idRange,
        elementIds: [...cycle.map((edge) => edge.from), ...rules],
        related: cycle.map((edge) => ({
          message: MESSAGES.waitsFor({ vm: edge.from, dependsOn: edge.to, rule: edge.rule.id }),
          range: referenceRange(topology, edge.rule.id, 'vm', edge.to, edge.rule.source.fields.dependsOn?.value) ?? edge.rule.idRange,
        })),
      };
    }
  },
};
