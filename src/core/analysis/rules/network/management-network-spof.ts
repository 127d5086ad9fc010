import type { RelatedLocation } from '../../../model/report';
import { lanNetworkOf, type LanNetwork } from '../../lan-network';
import type { AnalysisRule } from '../../rule';
import { describeNetworks, firstHopSwitches, hasLanCables, heartbeatUplinks, networkElementIds } from './heartbeat-uplinks';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('management-network-spof', {
  networkOfHost: '{networks} of "{host}"',
  noPhysicalUplink: 'Host "{host}": its {networks} has no physical uplink (its virtual switch has none): its HA heartbeats cannot leave it, so the cluster sees it as failed. Give the network uplinks on two adapters.',
  notCabled: 'Host "{host}": no uplink of its {networks} is cabled to an Ethernet switch, while other LAN ports of the host are: its HA heartbeats cannot leave it, so the cluster sees it as failed. Cable the network\'s uplinks, to two switches.',
  onePort: 'is the one port "{port}"',
  oneAdapter: 'is on the one adapter "{adapter}" (a multi-port card fails as one)',
  oneSwitch: 'goes to the one switch "{switch}"',
  elementAndSwitch: '{element} and {switchPhrase}',
  everyCabledUplink: 'Host "{host}": every cabled uplink of its {networks} {single}: when it fails the host loses its HA heartbeats and its management connection, and the cluster treats it as failed or isolated although its VMs still run. Spread the uplinks over two adapters cabled to two switches.',
  everyUplink: 'Host "{host}": every uplink of its {networks} {single}: when it fails the host loses its HA heartbeats and its management connection, and the cluster treats it as failed or isolated although its VMs still run. Spread the uplinks over two adapters cabled to two switches.',
  goesThrough: 'every heartbeat uplink of "{host}" goes through "{element}"',
});

/** One element every heartbeat uplink of a host goes through, and how the message says so. */
interface SingleElement {
  readonly id: string;
  readonly phrase: string;
}

function relatedOf(lan: LanNetwork, element: SingleElement, what: string): RelatedLocation[] {
  const range = lan.elements.get(element.id)?.range;
  return range ? [{ message: what, range }] : [];
}

/** A host whose HA heartbeats all leave it through one port, one card or one switch. */
export const managementNetworkSpof: AnalysisRule = {
  meta: {
    id: 'management-network-spof',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Single point of failure on a host\'s management (heartbeat) network',
      description:
        'HA agents exchange heartbeats over the management network (vSphere, XenServer), the cluster networks (Hyper-V) or the corosync links (Proxmox VE). When every uplink of those networks goes through one element, that element\'s failure cuts the host off from the cluster although the host and its VMs are fine: the other hosts see a failed host, the host sees itself isolated, and depending on the isolation response its VMs are powered off and restarted elsewhere, or keep running unmanaged. VMware calls a single management network a single point of failure that can cause false failovers, and recommends NIC teaming over two NICs cabled to separate physical switches, or a second management network. The rule looks at the hosts of clusters of two or more whose LAN the design models (hosts with no LAN cable at all are left alone, unless the design says its cabling is unknown) and reports the element on every uplink: a single uplink port, a single adapter (the ports of a dual-port card share its chip, firmware and slot and fail together), or a single first-hop Ethernet switch; and heartbeat networks none of whose uplinks is cabled while other LAN ports of the host are. In a design imported from an inventory (`inventory: { cabling: unknown }`), a host with no LAN cable drawn is judged on what the export proves: its heartbeat uplinks (the physical ports of the virtual switch) are taken as up, so a single port, a single adapter or no uplink at all is reported, and the switches they reach, which the export does not name, are not. Give the network uplinks on two adapters, cabled to two switches.',
      sources: [
        'docs/design/sources.md#vsphere-availability — Best Practices for Networking, Network Path Redundancy: NIC teaming over two NICs and two physical switches, or a second management network',
        'https://techcommunity.microsoft.com/blog/failoverclustering/failover-clustering-networking-basics-and-fundamentals/1706005 — Microsoft, "Failover Clustering Networking Basics and Fundamentals": redundant cluster networks',
        'docs/design/sources.md#proxmox-pvecm — Corosync Redundancy',
      ],
    },
  },
  reads: ['platform', 'inventory', 'clusters', 'hosts', 'switches', 'distributedSwitches', 'links'],
  *check({ topology }) {
    const lan = lanNetworkOf(topology);
    for (const host of topology.hosts) {
      // A host whose cabling is not known (imported): its uplinks are judged by port and card, not by switch.
      const unknownCabling = lan.uncabledHosts.has(host.id);
      if (!unknownCabling && !hasLanCables(lan, host)) continue;
      const heartbeat = heartbeatUplinks(topology, lan, host);
      if (!heartbeat) continue;
      const networks = describeNetworks(topology, heartbeat.networks);
      const networkRelated: RelatedLocation[] = heartbeat.networks.map((n) => ({ message: MESSAGES.networkOfHost({ networks: describeNetworks(topology, [n]), host: host.id }), range: n.range }));
      if (heartbeat.judged.length === 0 && unknownCabling) {
        yield {
          message: MESSAGES.noPhysicalUplink({ host: host.id, networks }),
          range: host.idRange,
          elementIds: [host.id, ...networkElementIds(heartbeat.networks)],
          related: networkRelated,
        };
        continue;
      }
      if (heartbeat.judged.length === 0) {
        yield {
          message: MESSAGES.notCabled({ host: host.id, networks }),
          range: host.idRange,
          elementIds: [host.id, ...networkElementIds(heartbeat.networks), ...heartbeat.uplinks.map((u) => u.portId)],
          related: networkRelated,
        };
        continue;
      }
      const ports = [...new Set(heartbeat.judged.map((u) => u.portId))];
      const adapters = [...new Set(heartbeat.judged.map((u) => u.adapterId))];
      const switches = firstHopSwitches(heartbeat.cabled);
      const single: SingleElement[] = [];
      if (ports.length === 1) single.push({ id: ports[0] as string, phrase: MESSAGES.onePort({ port: ports[0] as string }) });
      else if (adapters.length === 1) single.push({ id: adapters[0] as string, phrase: MESSAGES.oneAdapter({ adapter: adapters[0] as string }) });
      if (switches.length === 1) single.push({ id: switches[0] as string, phrase: MESSAGES.oneSwitch({ switch: switches[0] as string }) });
      const [first, second] = single.map((e) => e.phrase);
      if (first === undefined) continue;
      // At most a port or an adapter, and a switch.
      const phrases = second === undefined ? first : MESSAGES.elementAndSwitch({ element: first, switchPhrase: second });
      yield {
        message: (unknownCabling ? MESSAGES.everyUplink : MESSAGES.everyCabledUplink)({ host: host.id, networks, single: phrases }),
        range: host.idRange,
        elementIds: [host.id, ...networkElementIds(heartbeat.networks), ...single.map((e) => e.id)],
        related: [...single.flatMap((e) => relatedOf(lan, e, MESSAGES.goesThrough({ host: host.id, element: e.id }))), ...networkRelated],
      };
    }
  },
};
