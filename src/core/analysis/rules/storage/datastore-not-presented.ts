import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';
import { datastoresUsedByClusters } from '../../storage-network';
import { quotedList } from './common';

const MESSAGES = defineMessages('datastore-not-presented', {
  oneHost: 'Datastore "{datastore}" is not presented to host {hosts} of its cluster: HA cannot restart its VMs there, nor can they migrate there.',
  manyHosts: 'Datastore "{datastore}" is not presented to hosts {hosts} of its cluster: HA cannot restart its VMs there, nor can they migrate there.',
  hostDoesNotSee: 'host "{host}" does not see "{datastore}"',
  present: 'Present "{datastore}" to {hosts}',
});

/** A shared datastore of a cluster whose `presentedTo` leaves hosts of that cluster out. */
export const datastoreNotPresented: AnalysisRule = {
  meta: {
    id: 'datastore-not-presented',
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      title: 'Datastore not presented to every host of its cluster',
      description:
        'HA restarts a VM on a host that can open its files, and live migration moves a VM only between hosts that see its datastore: a LUN masked away from some hosts of the cluster makes those hosts useless as failover and migration targets for every VM on it, which admission control does not see (it counts CPU and memory, not storage access). docs/design/algorithms.md#5-storage-path-redundancy asks that every LUN be presented to every HBA of every host of the cluster with the same LUN id; the array vendor white paper (docs/design/sources.md#seed-000) and the HA strategies handbook (docs/design/sources.md#seed-001) make storage that every host reaches the basis of HA. The rule fires when a shared datastore that a cluster\'s VMs or heartbeats use has a `presentedTo` list missing hosts of that cluster. The quick fix adds them to the list (then present the LUN to them on the array).',
      sources: ['docs/design/sources.md#seed-000 — shared SAN storage reached by every host', 'docs/design/sources.md#seed-001 — HA strategies: shared storage', 'docs/design/algorithms.md#5-storage-path-redundancy', 'docs/design/sources.md#vsphere-availability — restart placement needs datastore access'],
    },
  },
  reads: ['clusters', 'hosts', 'arrays', 'datastores', 'vms'],
  *check({ topology }) {
    const missingByDatastore = new Map<string, string[]>();
    for (const [clusterId, datastores] of datastoresUsedByClusters(topology)) {
      for (const datastore of datastores) {
        if (datastore.presentedTo === undefined) continue;
        const presented = new Set(datastore.presentedTo);
        const missing = topology.hostsInCluster(clusterId).map((h) => h.id).filter((id) => !presented.has(id));
        if (missing.length === 0) continue;
        const list = missingByDatastore.get(datastore.id);
        if (list) list.push(...missing.filter((id) => !list.includes(id)));
        else missingByDatastore.set(datastore.id, missing);
      }
    }
    for (const datastore of topology.datastores) {
      const missing = missingByDatastore.get(datastore.id);
      if (!missing) continue;
      const valueRange = datastore.source.fields.presentedTo?.value ?? datastore.idRange;
      const fixed = [...(datastore.presentedTo ?? []), ...missing];
      yield {
        message: (missing.length === 1 ? MESSAGES.oneHost : MESSAGES.manyHosts)({ datastore: datastore.id, hosts: quotedList(missing) }),
        range: valueRange,
        elementIds: [datastore.id, ...missing],
        related: missing.slice(0, 20).flatMap((id) => {
          const host = topology.host(id);
          return host ? [{ message: MESSAGES.hostDoesNotSee({ host: id, datastore: datastore.id }), range: host.idRange }] : [];
        }),
        fixes: datastore.source.fields.presentedTo
          ? [{ title: MESSAGES.present({ datastore: datastore.id, hosts: quotedList(missing) }), edits: [{ range: valueRange, newText: `[${fixed.join(', ')}]` }], preferred: true }]
          : [],
      };
    }
  },
};
