import type { QuickFix } from '../../../model/report';
import type { Vm } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { coveredByAntiAffinityRule } from '../../../domain/anti-affinity-groups';
import { addRuleEdit, flowList, freshId, moveTargets } from './common';
import { criticalPeerRole } from './roles';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('critical-peers-same-host', {
  addRule: 'Add anti-affinity rule "{rule}" for "{exchange}" and "{sql}"',
  move: 'Move "{vm}" to host "{host}"',
  onePair: 'Exchange VM "{exchange}" and SQL Server VM "{sql}" both run on host "{host}": one host failure takes down mail and its database together. Keep them on different hosts (docs/design/sources.md#seed-002).',
  manyPairs: 'Exchange VM "{exchange}" and SQL Server VM "{sql}" both run on host "{host}" ({pairs} Exchange/SQL pairs on this host): one host failure takes down mail and its database together. Keep them on different hosts (docs/design/sources.md#seed-002).',
  alsoRuns: '"{vm}" also runs on "{host}"',
});

/** Exchange and SQL on one host: the VM sprawl and HA planning handbook (docs/design/sources.md#seed-002) layout puts them on different hosts. */
export const criticalPeersSameHost: AnalysisRule = {
  meta: {
    id: 'critical-peers-same-host',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'Exchange and SQL Server VMs on the same host',
      description:
        'The VM sprawl and HA planning handbook (docs/design/sources.md#seed-002) plans HA for a mail and database service by running Exchange on host A, SQL Server on host B and keeping a third host as standby, and the HA strategies handbook (docs/design/sources.md#seed-001) calls this the crossing principle: critical peers never share a host, so that one host failure costs one service and its restart, not both. This rule is a warning, not an error like anti-affinity-same-host, because no guest cluster or rule in the design asks for the separation yet: it is a reviewer\'s recommendation. Add an anti-affinity rule for the two VMs (quick fix) so DRS and HA keep them apart, or move one to another host of the cluster. Roles are read from the VMs\' `role` (sql, mssql, sqlserver; exchange).',
      sources: ['docs/design/sources.md#seed-002 — Exchange on A, SQL on B, third host as standby', 'docs/design/sources.md#seed-001 — crossing principle'],
    },
  },
  *check(context) {
    const { topology } = context;
    const exchangeHosts = new Set<string>();
    const sqlHosts = new Set<string>();
    const onHost = new Map<string, { exchange: Vm[]; sql: Vm[] }>();
    for (const vm of topology.vms) {
      if (vm.power === 'off') continue;
      const role = criticalPeerRole(vm.role);
      if (!role) continue;
      (role === 'exchange' ? exchangeHosts : sqlHosts).add(vm.host);
      const entry = onHost.get(vm.host) ?? { exchange: [], sql: [] };
      entry[role].push(vm);
      onHost.set(vm.host, entry);
    }
    for (const [hostId, { exchange, sql }] of onHost) {
      let pair: readonly [Vm, Vm] | undefined;
      let pairCount = 0;
      for (const e of exchange) {
        for (const s of sql) {
          if (coveredByAntiAffinityRule(topology, [e.id, s.id])) continue;
          pair ??= [e, s];
          pairCount += 1;
        }
      }
      if (!pair) continue;
      const [exchangeVm, sqlVm] = pair;
      // The finding sits on the VM written later: the one a reader would move.
      const moved = sqlVm.idRange.start > exchangeVm.idRange.start ? sqlVm : exchangeVm;
      const stays = moved === sqlVm ? exchangeVm : sqlVm;
      const range = moved.source.fields.host?.value ?? moved.idRange;
      const fixes: QuickFix[] = [];
      const ruleId = freshId(topology, `${exchangeVm.id}-${sqlVm.id}-apart`);
      const ruleEdit = addRuleEdit(context, ruleId, ['type: anti-affinity', `vms: ${flowList([exchangeVm.id, sqlVm.id])}`]);
      if (ruleEdit) fixes.push({ title: MESSAGES.addRule({ rule: ruleId, exchange: exchangeVm.id, sql: sqlVm.id }), edits: [ruleEdit], preferred: true });
      for (const target of moveTargets(topology, moved, moved === sqlVm ? exchangeHosts : sqlHosts)) {
        fixes.push({ title: MESSAGES.move({ vm: moved.id, host: target.id }), edits: [{ range, newText: target.id }], preferred: fixes.length === 0 });
      }
      const data = { exchange: exchangeVm.id, sql: sqlVm.id, host: hostId };
      yield {
        message: pairCount > 1 ? MESSAGES.manyPairs({ ...data, pairs: pairCount }) : MESSAGES.onePair(data),
        range,
        elementIds: [moved.id, stays.id, hostId],
        related: [{ message: MESSAGES.alsoRuns({ vm: stays.id, host: hostId }), range: stays.source.fields.host?.value ?? stays.idRange }],
        fixes,
      };
    }
  },
};
