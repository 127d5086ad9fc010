/**
 * What the management-network rules share: the networks a host sends its HA heartbeats
 * over (lan-network.ts `heartbeatNetworks`), the physical uplinks they use, and how the
 * rules name them in messages.
 */

import type { Host, Topology } from '../../../model/topology';
import { heartbeatNetworks, lanModelled, type HostNetwork, type LanNetwork, type Uplink } from '../../lan-network';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator, quoteId } from '../../../l10n/format';

const NETWORKS = defineMessages('network.heartbeat-uplinks', {
  oneManagement: 'management network {names}',
  manyManagement: 'management networks {names}',
  oneCluster: 'cluster network {names}',
  manyCluster: 'cluster networks {names}',
  oneCorosync: 'corosync network {names}',
  manyCorosync: 'corosync networks {names}',
  oneManagementCorosync: 'management (corosync) network {names}',
  manyManagementCorosync: 'management (corosync) networks {names}',
});

export interface HeartbeatUplinks {
  /** Heartbeat networks whose uplinks the design states. */
  readonly networks: readonly HostNetwork[];
  /** Their uplinks, active and standby, one per physical port. */
  readonly uplinks: readonly Uplink[];
  /** Those with a cable to an Ethernet switch. */
  readonly cabled: readonly Uplink[];
  /**
   * Those whose port and card the rules judge: the cabled ones, and on a host whose LAN
   * cabling is not known (an imported design, lan-network.ts) every uplink, taken as up.
   */
  readonly judged: readonly Uplink[];
}

/**
 * A VMkernel port that names neither uplinks nor a port group says nothing about where its
 * traffic leaves the host: the rules leave it alone rather than call it uncabled.
 */
function uplinksStated(network: HostNetwork): boolean {
  return !(network.kind === 'vmkernel' && network.uplinks.length === 0 && network.virtualSwitchId === undefined);
}

/** Whether the host has cluster peers to exchange heartbeats with: it is in a cluster of two hosts or more. */
function hasClusterPeers(topology: Topology, host: Host): boolean {
  const cluster = topology.clusterOfHost(host);
  return cluster !== undefined && topology.hostsInCluster(cluster.id).length >= 2;
}

/**
 * The host's heartbeat networks and their uplinks; undefined when the design does not say
 * (the LAN is not modelled for the host) or when the host has no cluster peers to send
 * heartbeats to.
 */
export function heartbeatUplinks(topology: Topology, lan: LanNetwork, host: Host): HeartbeatUplinks | undefined {
  if (!lanModelled(topology, lan, host.id) || !hasClusterPeers(topology, host)) return undefined;
  const networks = heartbeatNetworks(topology, lan, host.id).filter(uplinksStated);
  if (networks.length === 0) return undefined;
  const byPort = new Map<string, Uplink>();
  for (const network of networks) {
    for (const uplink of network.uplinks) {
      const known = byPort.get(uplink.portId);
      // An uplink active for one network and standby for another carries heartbeats actively.
      if (!known || (known.mode === 'standby' && uplink.mode === 'active')) byPort.set(uplink.portId, uplink);
    }
  }
  const uplinks = [...byPort.values()];
  const cabled = uplinks.filter((u) => u.attachments.length > 0);
  return { networks, uplinks, cabled, judged: lan.uncabledHosts.has(host.id) ? uplinks : cabled };
}

/** Whether any LAN port (NIC or CNA) of the host is cabled to an Ethernet switch. */
export function hasLanCables(lan: LanNetwork, host: Host): boolean {
  return host.adapters.some((adapter) => adapter.ports.some((port) => (lan.portAttachments.get(port.id)?.length ?? 0) > 0));
}

/** Switches the cabled uplinks reach directly, in order of first appearance. */
export function firstHopSwitches(uplinks: readonly Uplink[]): string[] {
  return [...new Set(uplinks.flatMap((u) => u.attachments.map((a) => a.switchId)))];
}

type NetworksText = (typeof NETWORKS)['oneManagement'];

/** What the heartbeat networks are called on the platform (management network, cluster network, corosync link), one and many. */
function networkKind(topology: Topology, networks: readonly HostNetwork[]): readonly [NetworksText, NetworksText] {
  switch (topology.platform) {
    case 'hyperv':
      return [NETWORKS.oneCluster, NETWORKS.manyCluster];
    case 'proxmox':
      return networks.some((n) => n.roles.includes('heartbeat')) ? [NETWORKS.oneCorosync, NETWORKS.manyCorosync] : [NETWORKS.oneManagementCorosync, NETWORKS.manyManagementCorosync];
    default:
      return [NETWORKS.oneManagement, NETWORKS.manyManagement];
  }
}

/** `management network "vmk0"`, `cluster networks "management", "heartbeat"`. */
export function describeNetworks(topology: Topology, networks: readonly HostNetwork[]): string {
  const [one, many] = networkKind(topology, networks);
  const names = networks.map((n) => quoteId(n.name)).join(listSeparator());
  return (networks.length === 1 ? one : many)({ names });
}

/** Element ids of the networks that are design elements (VMkernel ports, port groups); role-based networks are not. */
export function networkElementIds(networks: readonly HostNetwork[]): string[] {
  return networks.filter((n) => n.kind !== 'ports').map((n) => n.id);
}
