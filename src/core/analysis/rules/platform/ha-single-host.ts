import type { AnalysisRule } from '../../rule';
import { haEnabled } from '../../../domain/ha';
import { grouped } from '../../../text/plural';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('ha-single-host', {
  oneVm: 'Cluster "{id}" has HA on but only one host ("{host}"): when it fails there is no other host to restart its 1 VM on.',
  manyVms: 'Cluster "{id}" has HA on but only one host ("{host}"): when it fails there is no other host to restart its {count} VMs on.',
  onlyHost: 'the only host of "{id}"',
});

/** HA on a cluster of one host: there is nowhere to restart anything. */
export const haSingleHost: AnalysisRule = {
  meta: {
    id: 'ha-single-host',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'HA on a single-host cluster',
      description:
        'HA restarts the VMs of a failed host on the other hosts of its cluster; a cluster of one host has no other host, so a host failure takes every VM down until the host is repaired, whatever HA says. The HA strategies handbook (docs/design/sources.md#seed-001) requires every host to keep spare resources for the failure of at least one other node, which needs at least two. Add a second host (three for vSphere 8 admission control or Proxmox quorum), or set `ha.enabled: false` to state that this cluster is not protected.',
      sources: ['docs/design/sources.md#seed-001 — HA strategies: spare capacity for the failure of another node', 'docs/design/algorithms.md#14-other-platforms', 'docs/design/algorithms.md#6-limits-per-product-and-version'],
    },
  },
  reads: ['clusters', 'hosts', 'vms'],
  *check({ topology }) {
    for (const cluster of topology.clusters) {
      const hosts = topology.hostsInCluster(cluster.id);
      if (hosts.length !== 1 || !haEnabled(cluster)) continue;
      const host = hosts[0];
      if (!host) continue;
      const vms = topology.vmsOnHost(host.id).length;
      yield {
        message: vms === 1 ? MESSAGES.oneVm({ id: cluster.id, host: host.id }) : MESSAGES.manyVms({ id: cluster.id, host: host.id, count: grouped(vms) }),
        range: cluster.idRange,
        elementIds: [cluster.id, host.id],
        related: [{ message: MESSAGES.onlyHost({ id: cluster.id }), range: host.idRange }],
      };
    }
  },
};
