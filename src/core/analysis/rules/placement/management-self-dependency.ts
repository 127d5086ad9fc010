import type { AnalysisRule } from '../../rule';
import { clusterOfVm } from './common';
import { managementVms } from '../../../domain/management';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('management-self-dependency', {
  insideCluster: 'VM "{vm}" ({part}) runs inside cluster "{cluster}", the only cluster it manages: a cluster-wide failure (e.g. its storage) takes down the tool needed to repair it.',
  runsOn: '"{vm}" runs on host "{host}" of cluster "{cluster}"',
});

/** The management VM inside the only cluster it manages shares every cluster-wide failure. */
export const managementSelfDependency: AnalysisRule = {
  meta: {
    id: 'management-self-dependency',
    defaultSeverity: 'hint',
    fixable: false,
    docs: {
      title: 'Management server runs inside the only cluster it manages',
      description:
        'A management server VM in the cluster it manages is protected by HA against a host failure, but not against a failure of the whole cluster: a storage outage, a network or power event, a bad update. Then the tool needed to diagnose and repair the cluster is down with it, and recovery starts from the host consoles. The array vendor white paper (docs/design/sources.md#seed-000) offers the choice of a dedicated physical server or a protected VM; DOMAIN rule 11 adds that it should not depend on the cluster it alone could repair. Run it on a dedicated server or in a separate management cluster, or accept the risk with a documented recovery path (host client, out-of-band access) and set this rule to off for the file. Informational by default: self-hosted vCenter is a supported, common design.',
      sources: ['docs/design/sources.md#seed-000 — dedicated physical server or VM for vCenter and its database', 'docs/design/domain.md#rule-11-management-server'],
    },
  },
  reads: ['management', 'clusters', 'hosts', 'vms'],
  *check({ topology }) {
    if (topology.clusters.length !== 1) return;
    for (const { vm, part, range } of managementVms(topology)) {
      const cluster = clusterOfVm(topology, vm);
      if (!cluster) continue;
      yield {
        message: MESSAGES.insideCluster({ vm: vm.id, part, cluster: cluster.id }),
        range,
        elementIds: [vm.id, cluster.id],
        related: [{ message: MESSAGES.runsOn({ vm: vm.id, host: vm.host, cluster: cluster.id }), range: vm.source.fields.host?.value ?? vm.idRange }],
      };
    }
  },
};
