import { haClusters } from '../../../capacity/resources';
import type { PortRole } from '../../../model/format';
import type { Host } from '../../../model/topology';
import { heartbeatNetworks, lanModelled, lanNetworkOf, networksWithRole } from '../../lan-network';
import type { AnalysisRule } from '../../rule';
import { haFieldEdit } from './ha-settings-edit';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('isolation-response-unsafe', {
  oneHost: 'Cluster "{cluster}" leaves VMs powered on when a host is isolated (isolation response none), but {hosts} runs IP storage over the management uplinks ({ports}): when those uplinks fail the host loses its storage locks too, HA restarts its VMs elsewhere, and the isolated host may still run them (split brain). Set the isolation response to power-off.',
  manyHosts: 'Cluster "{cluster}" leaves VMs powered on when a host is isolated (isolation response none), but {hosts} run IP storage over the management uplinks ({ports}): when those uplinks fail the host loses its storage locks too, HA restarts its VMs elsewhere, and the isolated host may still run them (split brain). Set the isolation response to power-off.',
  sharedPorts: '"{host}" carries management and IP storage on {ports}',
  setPowerOff: 'Set the isolation response of "{cluster}" to power-off',
});

/** IP storage: iSCSI, NFS, or storage traffic on a NIC or CNA port. */
const IP_STORAGE_ROLES: readonly PortRole[] = ['iscsi', 'nfs', 'storage'];

interface ConvergedHost {
  readonly host: Host;
  /** Physical ports that carry both the management network and IP storage. */
  readonly sharedPorts: readonly string[];
}

/** Isolation response "leave powered on" on hosts whose IP storage rides the management uplinks. */
export const isolationResponseUnsafe: AnalysisRule = {
  meta: {
    id: 'isolation-response-unsafe',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'Isolation response "leave powered on" with IP storage on the management uplinks',
      description:
        'With isolation response none ("leave powered on"), an isolated vSphere host keeps its VMs running, which is safe as long as it keeps its datastore locks: the other hosts then fail to restart the VMs. When the host\'s IP storage (iSCSI or NFS) runs over the same physical uplinks as its management network, the failure that isolates the host also cuts its storage: its VMFS and NFS locks lapse, HA restarts the VMs on other hosts, and the isolated host may still run its copies when the network returns (split brain, two instances writing one disk). VMware\'s HA guidance for converged IP storage is the isolation response "power off", so that the isolated host stops its VMs before they are restarted elsewhere. The rule reports vSphere clusters with HA enabled and isolation response none in which, on some host, every IP storage uplink is also an uplink of the management network. Set isolationResponse: power-off (quick fix), or give IP storage uplinks of its own.',
      sources: [
        'docs/design/sources.md#vsphere-availability — Host Isolation Response, Network Isolation',
        'docs/design/sources.md#vsphere-ha-best-practices — host isolation response "power off" when IP storage shares the management network',
        'docs/design/sources.md#vsphere-api-isolation-response',
      ],
    },
  },
  reads: ['platform', 'inventory', 'clusters', 'hosts', 'switches', 'distributedSwitches', 'links'],
  *check({ topology, text }) {
    if (topology.platform !== 'vsphere') return;
    const lan = lanNetworkOf(topology);
    for (const cluster of haClusters(topology)) {
      if ((cluster.ha.isolationResponse ?? 'none') !== 'none') continue;
      const converged: ConvergedHost[] = [];
      for (const host of topology.hostsInCluster(cluster.id)) {
        if (!lanModelled(topology, lan, host.id)) continue;
        const managementPorts = new Set(heartbeatNetworks(topology, lan, host.id).flatMap((n) => n.uplinks.map((u) => u.portId)));
        const storagePorts = [...new Set(networksWithRole(lan, host.id, IP_STORAGE_ROLES).flatMap((n) => n.uplinks.map((u) => u.portId)))];
        // The failure that cuts the management uplinks cuts storage too only when storage has no uplink of its own.
        if (storagePorts.length === 0 || !storagePorts.every((id) => managementPorts.has(id))) continue;
        converged.push({ host, sharedPorts: storagePorts });
      }
      if (converged.length === 0) continue;
      const responseRange = cluster.ha.source.fields.isolationResponse?.value;
      yield {
        message: (converged.length === 1 ? MESSAGES.oneHost : MESSAGES.manyHosts)({
          cluster: cluster.id,
          hosts: converged.map((c) => quoteId(c.host.id)).join(listSeparator()),
          ports: converged.map((c) => c.sharedPorts.join(listSeparator())).join('; '),
        }),
        range: responseRange ?? cluster.source.fields.ha?.key ?? cluster.idRange,
        elementIds: [cluster.id, ...converged.map((c) => c.host.id)],
        related: converged.map((c) => ({ message: MESSAGES.sharedPorts({ host: c.host.id, ports: c.sharedPorts.join(listSeparator()) }), range: c.host.idRange })),
        fixes: [{ title: MESSAGES.setPowerOff({ cluster: cluster.id }), edits: [haFieldEdit(text, cluster, 'isolationResponse', 'power-off')], preferred: true }],
      };
    }
  },
};
