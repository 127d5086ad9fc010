import { haClusters } from '../../../capacity/resources';
import type { Report } from '../../../model/report';
import type { SourceRange } from '../../../model/source';
import type { Cluster, Host, Topology } from '../../../model/topology';
import { DEFAULT_GATEWAY, heartbeatNetworks, isolationAddresses, lanModelled, lanNetworkOf, networksWithRole, type LanNetwork } from '../../lan-network';
import type { AnalysisRule } from '../../rule';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('heartbeat-single-path', {
  noIsolationAddress: 'Cluster "{cluster}" has no HA isolation address (useDefaultIsolationAddress is false and isolationAddresses is empty): a host that stops receiving heartbeats has nothing to ping and cannot tell its own isolation from the failure of the other hosts. Add isolation addresses on the management network, answering from different switches.',
  onlyGateway: 'only the management network\'s default gateway',
  onlyGatewayAt: 'only the management network\'s default gateway ({address})',
  onlyAddress: 'only "{address}"',
  oneIsolationAddress: 'Cluster "{cluster}" has one HA isolation address, {address}: if that one device is down or drops pings when a host stops receiving heartbeats, the host cannot tell its own isolation from a partition or the failure of the others, and HA acts on the wrong one. VMware recommends an extra isolation address (das.isolationaddress) on another device: list it under ha.isolationAddresses.',
  oneSwitch: 'Cluster "{cluster}": every HA isolation address ({addresses}) answers from switch "{switch}": when it fails, every host that stops receiving heartbeats also loses every isolation address and declares itself isolated. Add an isolation address that answers from another switch.',
  switchAnswers: 'switch "{switch}" answers for every isolation address',
  hypervOneHost: 'Cluster "{cluster}": {hosts} has only one cluster network (role management or heartbeat): add a second cluster network (e.g. a cluster-only heartbeat network on other ports), so cluster heartbeats keep flowing when one fails.',
  hypervManyHosts: 'Cluster "{cluster}": {hosts} have only one cluster network (role management or heartbeat): add a second cluster network (e.g. a cluster-only heartbeat network on other ports), so cluster heartbeats keep flowing when one fails.',
  proxmoxOneHost: 'Cluster "{cluster}": {hosts} has only one corosync link (role heartbeat, else the management network): add a second corosync link (link1) on another network, so a fault on one does not cost quorum and fence the nodes.',
  proxmoxManyHosts: 'Cluster "{cluster}": {hosts} have only one corosync link (role heartbeat, else the management network): add a second corosync link (link1) on another network, so a fault on one does not cost quorum and fence the nodes.',
  onePath: '"{host}" has one heartbeat path',
});

/** Where a cluster's HA settings are written, for a finding about them. */
function haRange(cluster: Cluster, key: 'isolationAddresses' | 'useDefaultIsolationAddress'): SourceRange {
  return cluster.ha.source.fields[key]?.value ?? cluster.source.fields.ha?.key ?? cluster.idRange;
}

/** vSphere: the addresses an isolated host pings; fewer than two, or all answering from one switch, is one path. */
function vsphereFinding(topology: Topology, lan: LanNetwork, cluster: Cluster, hosts: readonly Host[]): Report | undefined {
  const first = hosts[0];
  if (!first) return undefined;
  const addresses = isolationAddresses(topology, lan, first.id);
  const extra = cluster.ha.isolationAddresses ?? [];
  const elementIds = [cluster.id, ...hosts.map((h) => h.id)];
  if (addresses.length === 0) {
    return {
      message: MESSAGES.noIsolationAddress({ cluster: cluster.id }),
      range: haRange(cluster, 'useDefaultIsolationAddress'),
      elementIds,
    };
  }
  if (addresses.length === 1) {
    const only = addresses[0] as string;
    const what =
      extra.length > 0 ? MESSAGES.onlyAddress({ address: only })
        : only === DEFAULT_GATEWAY ? MESSAGES.onlyGateway({})
          : MESSAGES.onlyGatewayAt({ address: only });
    return {
      message: MESSAGES.oneIsolationAddress({ cluster: cluster.id, address: what }),
      range: haRange(cluster, 'isolationAddresses'),
      elementIds,
    };
  }
  const switchSets = addresses.map((address) => lan.addressSwitches.get(address));
  if (switchSets.some((s) => s === undefined)) return undefined;
  const switches = new Set(switchSets.flatMap((s) => s ?? []));
  const [only] = switches;
  if (switches.size !== 1 || only === undefined) return undefined;
  const switchRange = lan.elements.get(only)?.range;
  return {
    message: MESSAGES.oneSwitch({ cluster: cluster.id, addresses: addresses.join(listSeparator()), switch: only }),
    range: haRange(cluster, 'isolationAddresses'),
    elementIds: [...elementIds, only],
    ...(switchRange ? { related: [{ message: MESSAGES.switchAnswers({ switch: only }), range: switchRange }] } : {}),
  };
}

/** Hyper-V cluster networks or Proxmox corosync links of a host: fewer than two is one path. */
function heartbeatPathCount(topology: Topology, lan: LanNetwork, host: Host): number {
  if (topology.platform === 'proxmox') {
    // Corosync links are the heartbeat networks; without any, corosync runs on the management network as link0.
    const links = networksWithRole(lan, host.id, ['heartbeat']);
    return links.length > 0 ? links.length : Math.min(1, networksWithRole(lan, host.id, ['management']).length);
  }
  return heartbeatNetworks(topology, lan, host.id).length;
}

/** A cluster whose HA heartbeats (or isolation detection) rely on one network path. */
export const heartbeatSinglePath: AnalysisRule = {
  meta: {
    id: 'heartbeat-single-path',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'HA heartbeats or isolation detection on a single path',
      description:
        'A cluster tells a failed host from a network fault through more than one path. vSphere HA: a host that stops receiving heartbeats pings its isolation addresses, by default only the management network\'s gateway; when that single device is down or filters pings, hosts misjudge isolation, so VMware recommends an extra isolation address (das.isolationaddress, here `ha.isolationAddresses`) on another device, and the rule also reports isolation addresses that all answer from one switch (switch `addresses:`). Hyper-V: Windows failover clustering sends heartbeats over every cluster network, and cluster validation warns when nodes are reachable over only one network; the rule asks for at least two cluster networks (networks with role management or heartbeat) on each host. Proxmox VE: corosync decides quorum over its links; with a single link (the heartbeat networks, else the management network as link0) a fault on it costs quorum and fences nodes, so the Proxmox guide recommends a redundant link1. XenServer is not checked. Only clusters with HA enabled, at least two hosts and a LAN model are judged.',
      sources: [
        'docs/design/sources.md#vsphere-availability — Network Isolation Addresses (das.isolationaddress, das.usedefaultisolationaddress)',
        'docs/design/algorithms.md#21-network-isolation-and-partitions — das.isolationaddress: multiple isolation addresses for vSphere HA (VMware KB 1002117)',
        'https://techcommunity.microsoft.com/blog/failoverclustering/failover-clustering-networking-basics-and-fundamentals/1706005 — Microsoft, "Failover Clustering Networking Basics and Fundamentals": cluster network roles',
        'docs/design/sources.md#proxmox-pvecm — Corosync Redundancy (link0 / link1)',
      ],
    },
  },
  reads: ['platform', 'inventory', 'clusters', 'hosts', 'switches', 'distributedSwitches', 'links'],
  *check({ topology }) {
    const lan = lanNetworkOf(topology);
    for (const cluster of haClusters(topology)) {
      const hosts = topology.hostsInCluster(cluster.id);
      const modelled = hosts.filter((h) => lanModelled(topology, lan, h.id));
      if (hosts.length < 2 || modelled.length === 0) continue;
      switch (topology.platform) {
        case 'xenserver':
          continue;
        case 'hyperv':
        case 'proxmox': {
          const single = modelled.filter((h) => heartbeatPathCount(topology, lan, h) < 2);
          if (single.length === 0) continue;
          const template =
            topology.platform === 'hyperv'
              ? single.length === 1 ? MESSAGES.hypervOneHost : MESSAGES.hypervManyHosts
              : single.length === 1 ? MESSAGES.proxmoxOneHost : MESSAGES.proxmoxManyHosts;
          yield {
            message: template({ cluster: cluster.id, hosts: single.map((h) => quoteId(h.id)).join(listSeparator()) }),
            range: cluster.idRange,
            elementIds: [cluster.id, ...single.map((h) => h.id)],
            related: single.map((h) => ({ message: MESSAGES.onePath({ host: h.id }), range: h.idRange })),
          };
          continue;
        }
        default: {
          const finding = vsphereFinding(topology, lan, cluster, modelled);
          if (finding) yield finding;
        }
      }
    }
  },
};
