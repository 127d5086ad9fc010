import type { Report } from '../../../model/report';
import type { GuestCluster, Topology } from '../../../model/topology';
import { lanNetworkOf, vmNetworksOnHost, type LanNetwork } from '../../lan-network';
import type { AnalysisRule } from '../../rule';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('guest-cluster-heartbeat-on-client-network', {
  sameNetwork: 'Guest cluster "{guestCluster}" sends its private heartbeat over its client network "{network}": client traffic can delay heartbeats until nodes evict each other. Give the heartbeat a port group of its own.',
  clientNetwork: 'the client network',
  sameVlan: 'Guest cluster "{guestCluster}" has its heartbeat on VLAN {vlan}, the VLAN of its client network "{network}": heartbeat and client traffic share one network. Put the heartbeat on a VLAN of its own.',
  singleNetwork: 'Node "{vm}" of failover guest cluster "{guestCluster}" is on a single network, "{network}": its heartbeat shares the client network. Add a vNIC on a private heartbeat network.',
});

/** The VLAN of a port group on the hosts of the guest cluster's nodes, when one of them models it with a VLAN. */
function vlanOf(topology: Topology, lan: LanNetwork, guestCluster: GuestCluster, name: string): number | undefined {
  for (const vm of topology.vms) {
    if (vm.guestCluster !== guestCluster.id) continue;
    const network = vmNetworksOnHost(lan, vm.host, [name]).found.find((n) => n.kind === 'port-group');
    if (network?.vlan !== undefined && network.vlan > 0) return network.vlan;
  }
  return undefined;
}

/** A failover guest cluster whose private heartbeat runs on its client network. */
export const guestClusterHeartbeatOnClientNetwork: AnalysisRule = {
  meta: {
    id: 'guest-cluster-heartbeat-on-client-network',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Failover guest cluster heartbeat on the client network',
      description:
        'The nodes of a failover guest cluster (Windows Server failover clustering) exchange heartbeats and decide from them which node owns the clustered role. On the client network, a traffic burst or a broadcast storm delays the heartbeats until nodes evict each other and the role fails over for nothing, and a single failure of that network partitions the cluster; the private heartbeat belongs on a network (port group and VLAN) of its own, as in the guest cluster table of the HA strategies handbook. The rule reports a failover guest cluster whose `heartbeatNetwork` is its `clientNetwork`, whose `heartbeatVlan` (or heartbeat port group\'s VLAN) is the VLAN of the client network\'s port group, and each node that lists a single network in `networks:` (heartbeat and client traffic then share it). Give the heartbeat its own port group on its own VLAN, and give each node a vNIC on it.',
      sources: ['https://techcommunity.microsoft.com/blog/failoverclustering/failover-clustering-networking-basics-and-fundamentals/1706005 — Microsoft, "Failover Clustering Networking Basics and Fundamentals": private heartbeat network', 'docs/design/sources.md#seed-001-guest-cluster-table — public, private and iSCSI networks per failover node'],
    },
  },
  reads: ['inventory', 'hosts', 'switches', 'distributedSwitches', 'links', 'vms', 'guestClusters'],
  *check({ topology }) {
    const lan = lanNetworkOf(topology);
    for (const guestCluster of topology.guestClusters) {
      if (guestCluster.type !== 'failover') continue;
      const { heartbeatNetwork, clientNetwork, heartbeatVlan } = guestCluster;
      const fields = guestCluster.source.fields;
      if (heartbeatNetwork !== undefined && heartbeatNetwork === clientNetwork) {
        yield {
          message: MESSAGES.sameNetwork({ guestCluster: guestCluster.id, network: clientNetwork ?? '' }),
          range: fields.heartbeatNetwork?.value ?? guestCluster.idRange,
          elementIds: [guestCluster.id],
          related: fields.clientNetwork ? [{ message: MESSAGES.clientNetwork({}), range: fields.clientNetwork.value }] : [],
        } satisfies Report;
      } else if (clientNetwork !== undefined) {
        const clientVlan = vlanOf(topology, lan, guestCluster, clientNetwork);
        const heartbeatPortGroupVlan = heartbeatNetwork === undefined ? undefined : vlanOf(topology, lan, guestCluster, heartbeatNetwork);
        const [vlan, field] = heartbeatVlan !== undefined ? [heartbeatVlan, 'heartbeatVlan' as const] : [heartbeatPortGroupVlan, 'heartbeatNetwork' as const];
        if (clientVlan !== undefined && vlan === clientVlan) {
          yield {
            message: MESSAGES.sameVlan({ guestCluster: guestCluster.id, vlan, network: clientNetwork }),
            range: fields[field]?.value ?? guestCluster.idRange,
            elementIds: [guestCluster.id],
          } satisfies Report;
        }
      }
      for (const vm of topology.vms) {
        if (vm.guestCluster !== guestCluster.id || vm.networks === undefined) continue;
        const distinct = [...new Set(vm.networks)];
        if (distinct.length !== 1) continue;
        yield {
          message: MESSAGES.singleNetwork({ vm: vm.id, guestCluster: guestCluster.id, network: distinct[0] ?? '' }),
          range: vm.source.fields.networks?.value ?? vm.idRange,
          elementIds: [vm.id, guestCluster.id],
        } satisfies Report;
      }
    }
  },
};
