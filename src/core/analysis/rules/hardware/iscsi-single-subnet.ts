import { defineMessages } from '../../../l10n/messages';
import type { Report } from '../../../model/report';
import type { SourceRange } from '../../../model/source';
import type { Host, Topology } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { cablingOf } from './cabling';
import { storageProtocolOfPort } from './host-storage';
import { canonicalSubnet, networkKey } from './ip-networks';
import { listSeparator } from '../../../l10n/format';

const MESSAGES = defineMessages('iscsi-single-subnet', {
  noTarget: 'iSCSI interface "{interface}" of host "{host}" is in subnet {subnet}, where no array has an iSCSI port (array subnets: {subnets}): bound iSCSI ports reach only targets in their own subnet.',
  hostOneNetwork: 'All {count} iSCSI interfaces of host "{host}" ({interfaces}) are in one network ({network}): split them over two subnets or VLANs (A/B), one per iSCSI switch, the IP analogue of two fabrics.',
  arrayOneNetwork: 'All {count} iSCSI interfaces of array "{array}" ({interfaces}) are in one network ({network}): split them over two subnets or VLANs (A/B), one per iSCSI switch, the IP analogue of two fabrics.',
  inNetwork: '"{interface}" is in {network}',
});

/** One end of an iSCSI session as the design states it: where it is and which network it is on. */
interface IscsiInterface {
  readonly id: string;
  readonly network: string | undefined;
  readonly subnet: string | undefined;
  readonly range: SourceRange;
}

/** The IP analogue of dual fabrics: iSCSI paths split over two subnets (A/B), each reaching the target. */
export const iscsiSingleSubnet: AnalysisRule = {
  meta: {
    id: 'iscsi-single-subnet',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'iSCSI paths in a single subnet, or an initiator in no target\'s subnet',
      description:
        'An FC SAN survives a fabric failure because it has two separate fabrics; an IP SAN gets the same from two subnets or VLANs (A and B), each on its own iSCSI switch, so that a broadcast storm, a spanning-tree event or a misconfigured VLAN on one side leaves the other side\'s paths up (docs/design/algorithms.md#5-storage-path-redundancy). When the design has iSCSI switches, the rule reports a host whose iSCSI interfaces (its iscsi VMkernel ports and iSCSI HBA ports, or without VMkernel ports its NIC ports with the iscsi role) all sit in one subnet or VLAN, and an array whose iSCSI ports all do. It also reports an initiator whose subnet is the subnet of no array iSCSI port: bound VMkernel ports must be in the same subnet as the target portal, since port binding does not route. Put half of each host\'s and each array\'s iSCSI ports in a second subnet on the second switch, and give each initiator a target port in its subnet.',
      sources: ['docs/design/algorithms.md#5-storage-path-redundancy — iSCSI: two subnets or VLANs as the IP analogue of dual fabrics; bound ports in the target portal\'s subnet', 'docs/design/sources.md#seed-000 — two GbE/10GbE switches for an IP SAN', 'docs/design/sources.md#vsphere-storage — iSCSI port binding considerations'],
    },
  },
  reads: ['hosts', 'switches', 'arrays', 'links'],
  *check({ topology }) {
    const targets = topology.arrays.flatMap((array) => array.controllers.flatMap((c) => c.ports.filter((p) => p.type === 'iscsi').map((port) => ({ array, port }))));
    const targetSubnets = new Set(targets.flatMap(({ port }) => (port.subnet === undefined ? [] : [canonicalSubnet(port.subnet)])));
    const switched = hasIscsiSwitches(topology);
    for (const host of topology.hosts) {
      const initiators = iscsiInterfacesOf(host);
      if (switched) {
        const report = singleNetwork('host', host.id, host.idRange, initiators);
        if (report) yield report;
      }
      if (targetSubnets.size === 0) continue;
      for (const initiator of initiators) {
        if (initiator.subnet === undefined || targetSubnets.has(canonicalSubnet(initiator.subnet))) continue;
        yield {
          message: MESSAGES.noTarget({ interface: initiator.id, host: host.id, subnet: initiator.subnet, subnets: [...targetSubnets].join(listSeparator()) }),
          range: initiator.range,
          elementIds: [host.id, initiator.id],
        };
      }
    }
    if (!switched) return;
    for (const array of topology.arrays) {
      const ports = targets.filter((t) => t.array === array).map(({ port }) => ({
        id: port.id,
        network: networkKey(port.subnet, port.vlan),
        subnet: port.subnet,
        range: port.source.fields.subnet?.value ?? port.idRange,
      }));
      const report = singleNetwork('array', array.id, array.idRange, ports);
      if (report) yield report;
    }
  },
};

/** Whether any Ethernet switch carries iSCSI: it is cabled to a host iSCSI port or an array iSCSI port. */
function hasIscsiSwitches(topology: Topology): boolean {
  return cablingOf(topology).cables.some((cable) => {
    const ends = [cable.from, cable.to];
    const toEthernetSwitch = ends.some((e) => e.kind === 'switch' && e.networkSwitch.type === 'ethernet');
    const iscsiEnd = ends.some((e) =>
      (e.kind === 'array-port' && e.port.type === 'iscsi') || (e.kind === 'host-port' && storageProtocolOfPort(e.adapter, e.port) === 'iscsi'));
    return toEthernetSwitch && iscsiEnd;
  });
}

/**
 * A host's iSCSI interfaces: its iscsi VMkernel ports and hardware iSCSI HBA ports; NIC
 * ports with the iscsi role stand for the interfaces only when the host has no VMkernel
 * port for iSCSI (Hyper-V, XenServer, Proxmox, or in-guest initiators).
 */
function iscsiInterfacesOf(host: Host): IscsiInterface[] {
  const vmks = host.vmkernelPorts.filter((v) => v.roles.includes('iscsi')).map((v) => ({
    id: v.id,
    network: networkKey(v.subnet, v.vlan),
    subnet: v.subnet,
    range: v.source.fields.subnet?.value ?? v.idRange,
  }));
  const ports = host.adapters.flatMap((adapter) =>
    adapter.ports
      .filter((port) => (adapter.type === 'iscsi' || vmks.length === 0) && storageProtocolOfPort(adapter, port) === 'iscsi')
      .map((port) => ({ id: port.id, network: networkKey(port.subnet, port.vlan), subnet: port.subnet, range: port.source.fields.subnet?.value ?? port.idRange })));
  return [...vmks, ...ports];
}

function singleNetwork(what: 'host' | 'array', elementId: string, range: SourceRange, interfaces: readonly IscsiInterface[]): Report | undefined {
  const known = interfaces.filter((i): i is IscsiInterface & { network: string } => i.network !== undefined);
  const [first] = known;
  if (!first || known.length < 2 || known.some((i) => i.network !== first.network)) return undefined;
  return {
    message: what === 'host'
      ? MESSAGES.hostOneNetwork({ count: known.length, host: elementId, interfaces: known.map((i) => i.id).join(listSeparator()), network: first.network })
      : MESSAGES.arrayOneNetwork({ count: known.length, array: elementId, interfaces: known.map((i) => i.id).join(listSeparator()), network: first.network }),
    range,
    elementIds: [elementId, ...known.map((i) => i.id)],
    related: known.map((i) => ({ message: MESSAGES.inNetwork({ interface: i.id, network: i.network }), range: i.range })),
  };
}
