import { defineMessages } from '../../../l10n/messages';
import type { Datastore } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { vmStorageDemand } from '../../storage-network';
import { checkedNeeds, quotedList } from './common';

const MESSAGES = defineMessages('datastore-unreachable', {
  oneDatastore: 'Host "{host}" has no storage path to datastore {datastores} (array {arrays}): none of its storage ports is cabled to a switch or port that reaches the array, so HA cannot restart VMs from it here.',
  manyDatastores: 'Host "{host}" has no storage path to datastores {datastores} (array {arrays}): none of its storage ports is cabled to a switch or port that reaches the array, so HA cannot restart VMs from them here.',
  datastoreOnArray: 'datastore "{datastore}" on array "{array}"',
});

/** A host with no storage path at all to a datastore its cluster needs. */
export const datastoreUnreachable: AnalysisRule = {
  meta: {
    id: 'datastore-unreachable',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Host has no storage path to a datastore it needs',
      description:
        'HA can restart a VM only on a host that reaches the VM\'s datastore, and a host that cannot reach its cluster\'s heartbeat datastores cannot take part in datastore heartbeating; a host with no path at all to a shared datastore of its cluster is therefore no failover target for the VMs on it (vSphere Availability guide: restart placement requires datastore access; the array vendor white paper (docs/design/sources.md#seed-000) and the HA strategies handbook (docs/design/sources.md#seed-001) make shared storage the precondition of HA). The rule follows the cables from the host\'s storage ports (FC and iSCSI HBAs, CNAs, NICs with a storage role, role-less NICs for NFS) through switches to a port of the datastore\'s array over a protocol the datastore uses (NFS for NFS exports, FC or iSCSI otherwise). Cable a storage port of the host to a switch that reaches the array (on each fabric), or give the port the right role.',
      sources: ['docs/design/sources.md#seed-000 — shared SAN storage is the basis of VMware HA', 'docs/design/sources.md#seed-001 — HA needs storage every host can reach', 'docs/design/sources.md#vsphere-availability — restart placement', 'docs/design/algorithms.md#2-ha-restart-after-a-host-failure', 'docs/design/algorithms.md#5-storage-path-redundancy'],
    },
  },
  reads: ['inventory', 'clusters', 'hosts', 'switches', 'arrays', 'datastores', 'links', 'vms'],
  digests: { vms: vmStorageDemand },
  *check({ topology }) {
    const missing = new Map<string, Datastore[]>();
    for (const need of checkedNeeds(topology)) {
      if (need.failures.reachable) continue;
      const list = missing.get(need.host.id);
      if (list) list.push(need.datastore);
      else missing.set(need.host.id, [need.datastore]);
    }
    for (const [hostId, datastores] of missing) {
      const host = topology.host(hostId);
      if (!host) continue;
      const ids = datastores.map((d) => d.id);
      const arrays = [...new Set(datastores.map((d) => d.array ?? ''))];
      yield {
        message: (ids.length === 1 ? MESSAGES.oneDatastore : MESSAGES.manyDatastores)({ host: hostId, datastores: quotedList(ids), arrays: quotedList(arrays) }),
        range: host.idRange,
        elementIds: [hostId, ...ids],
        related: datastores.slice(0, 20).map((d) => ({ message: MESSAGES.datastoreOnArray({ datastore: d.id, array: d.array ?? '' }), range: d.idRange })),
      };
    }
  },
};
