/**
 * Each node's LAN as docs/format.md "The LAN" describes Hyper-V: physical NICs as adapters
 * (PCI functions of one card grouped into one adapter), external virtual switches as
 * virtual switches of type set (Switch Embedded Teaming) or lbfo (a switch bound to an
 * LBFO team) with their uplinks and one port group, named like the switch, that VMs name
 * in `networks`; host vNICs (management-OS network adapters) as `vmkernelPorts` on that
 * port group, with the roles of their cluster network: "cluster and client" is management,
 * "cluster only" is heartbeat, and a cluster network live migration may use is vmotion.
 * A cluster network on a physical NIC (no virtual switch) gives its roles to the port.
 */

import { PORT_ROLES, type PortRole } from '../../model/format';
import { collection, type DraftElement, type DraftMap } from '../emit';
import { idFromName, IdAllocator } from '../ids';
import { bandwidthText } from '../quantities';
import { naturalCompare } from '../../text/natural-order';
import type { SummaryBuilder } from '../summary';
import type { ClusterNetworkInfo, HypervInventory, NetAdapterInfo } from './inventory';
import { formatInteger, formatList } from '../../l10n/format';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.hyperv.lan', {
  unknownNodes: 'network data of {nodes}, which is not a node of the cluster, left out',
  teamMembers: 'LBFO team "{team}" on {host}: member(s) {members} are not physical NICs of the inventory; left out of its uplinks',
  switchAdapter: 'virtual switch "{vswitch}" on {host}: adapter "{adapter}" is not a physical NIC or LBFO team of the inventory; left out of its uplinks',
  switchNoUplink: 'virtual switch "{vswitch}" on {host} has no uplink the inventory names: its VM network and host vNICs have no physical path in the design',
  unknownNetwork: '{where}: cluster network "{network}" is not in the networks list; left out',
  networkAdapter: 'cluster network "{network}" on {host}: adapter "{adapter}" is not a physical NIC, host vNIC or LBFO team of the inventory; its roles are left out',
  cards: 'network adapters that share PCI segment, bus and device (Get-NetAdapterHardwareInfo) grouped into one adapter: a dual-port card is one failure domain',
  noPciOne: 'PCI location of 1 network port (Get-NetAdapterHardwareInfo): each is its own adapter, so two ports of one card are taken for two cards',
  noPciMany: 'PCI location of {count} network ports (Get-NetAdapterHardwareInfo): each is its own adapter, so two ports of one card are taken for two cards',
  downOne: '1 network port not Up at export time; written without a speed',
  downMany: '{count} network ports not Up at export time; written without a speed',
  internal: '{count} internal or private virtual switch(es) left out: they have no physical uplink, and VMs on them keep no network after a failover to another node',
  unknownRole: 'cluster network "{network}" has role "{role}", which is not one the importer knows; no role given',
  roles: 'cluster network roles: "cluster and client" (3) is management, "cluster only" (1) is heartbeat (both carry cluster heartbeats on Hyper-V), "none" (0) carries no cluster traffic and gets no role',
  assumedMigration: 'live migration may use every cluster network that carries cluster traffic (role vmotion): the inventory does not have the Virtual Machine resource type\'s MigrationExcludeNetworks',
  migrationNetworks: 'live-migration networks (role vmotion) are the cluster networks that carry cluster traffic and are not in MigrationExcludeNetworks',
  clientOnly: 'client-only cluster network(s) {networks}: the format has no role for client access without cluster traffic; no role given',
});

export interface HostLan {
  readonly adapters: Map<string, DraftElement>;
  readonly virtualSwitches: Map<string, DraftElement>;
  readonly vmkernelPorts: Map<string, DraftElement>;
  /** External switches by lower-case name: the name VMs write in `networks`. */
  readonly vmNetworks: ReadonlyMap<string, string>;
}

export interface LanInput {
  readonly inventory: HypervInventory;
  readonly summary: SummaryBuilder;
  /** The host id of a node name as the inventory writes it (any case, short or full). */
  readonly hostOf: (node: string) => string | undefined;
  /** Host ids in file order. */
  readonly hostIds: readonly string[];
}

interface PortDraft {
  readonly fullId: string;
  readonly speed?: string;
  readonly address?: string;
  readonly roles: Set<PortRole>;
  subnet?: string;
}

interface VnicDraft {
  readonly id: string;
  readonly portGroup: string;
  readonly vlan?: number;
  readonly roles: Set<PortRole>;
  subnet?: string;
}

const VIRTUAL_ADAPTER = /hyper-v virtual ethernet|multiplexor driver|virtual switch|wan miniport|loopback|teredo|isatap|microsoft kernel debug/i;

export function importLan(input: LanInput): Map<string, HostLan> {
  const { inventory, summary } = input;
  const byHost = <T extends { node: string }>(items: readonly T[]) => {
    const grouped = new Map<string, T[]>();
    for (const item of items) {
      const host = input.hostOf(item.node);
      if (host === undefined) continue;
      grouped.set(host, [...(grouped.get(host) ?? []), item]);
    }
    return grouped;
  };
  const adapters = byHost(inventory.netAdapters);
  const switches = byHost(inventory.vmSwitches);
  const vnics = byHost(inventory.hostVnics);
  const teams = byHost(inventory.lbfoTeams);
  const interfaces = byHost(inventory.networkInterfaces);
  const unknownNodes = new Set(
    [...inventory.netAdapters, ...inventory.vmSwitches, ...inventory.hostVnics, ...inventory.networkInterfaces].map((item) => item.node).filter((node) => input.hostOf(node) === undefined),
  );
  if (unknownNodes.size > 0) summary.warn(MESSAGES.unknownNodes({ nodes: formatList([...unknownNodes].sort(naturalCompare)) }));
  const networkRoles = rolesOfNetworks(inventory, summary);
  const networksByName = new Map(inventory.networks.map((network) => [network.name.toLowerCase(), network]));

  const result = new Map<string, HostLan>();
  let grouped = false;
  let noPci = 0;
  let down = 0;
  let internal = 0;
  for (const hostId of input.hostIds) {
    const scope = new IdAllocator();
    // Physical NICs: PCI functions of one card become the ports of one adapter named after its first port.
    const physical = (adapters.get(hostId) ?? []).filter(isPhysical).sort((a, b) => naturalCompare(a.name, b.name));
    const cards = new Map<string, NetAdapterInfo[]>();
    for (const adapter of physical) {
      const key = cardOf(adapter);
      if (key.startsWith('name:')) noPci += 1;
      cards.set(key, [...(cards.get(key) ?? []), adapter]);
    }
    const ports = new Map<string, PortDraft>();
    const portByDescription = new Map<string, PortDraft>();
    const adapterDrafts: Array<{ id: string; model?: string; ports: Array<[string, PortDraft]> }> = [];
    for (const card of cards.values()) {
      const [first] = card;
      if (!first) continue;
      if (card.length > 1) grouped = true;
      const adapterId = scope.allocate(idFromName(first.name, 'nic'), 'nic');
      const portScope = new IdAllocator();
      const cardPorts: Array<[string, PortDraft]> = [];
      for (const adapter of card) {
        const portId = portScope.allocate(idFromName(adapter.name, 'port'), 'port');
        const up = adapter.status === undefined || /^up$/i.test(adapter.status);
        if (!up) down += 1;
        const mbps = up ? speedMbps(adapter) : undefined;
        const port: PortDraft = { fullId: `${hostId}/${adapterId}/${portId}`, speed: mbps !== undefined && mbps > 0 ? bandwidthText(mbps) : undefined, address: macText(adapter.mac), roles: new Set() };
        cardPorts.push([portId, port]);
        ports.set(adapter.name.toLowerCase(), port);
        if (adapter.description !== undefined) portByDescription.set(adapter.description.toLowerCase(), port);
      }
      adapterDrafts.push({ id: adapterId, model: first.description?.replace(/\s+#\d+$/, ''), ports: cardPorts });
    }

    // LBFO teams: the team NIC an external switch is bound to, and its members.
    const allAdapters = adapters.get(hostId) ?? [];
    const teamOfNic = new Map<string, { members: PortDraft[]; standby: PortDraft[] }>();
    for (const team of teams.get(hostId) ?? []) {
      const members = team.members.flatMap((name) => ports.get(name.toLowerCase()) ?? []);
      const standby = team.standbyMembers.flatMap((name) => ports.get(name.toLowerCase()) ?? []);
      if (members.length < team.members.length) summary.warn(MESSAGES.teamMembers({ team: team.name, host: hostId, members: formatList(team.members.filter((name) => !ports.has(name.toLowerCase()))) }));
      for (const nic of new Set([team.name, ...team.teamNics])) teamOfNic.set(nic.toLowerCase(), { members, standby });
    }
    const teamByDescription = (description: string) => {
      const nic = allAdapters.find((adapter) => adapter.description?.toLowerCase() === description.toLowerCase() && teamOfNic.has(adapter.name.toLowerCase()));
      return nic === undefined ? undefined : teamOfNic.get(nic.name.toLowerCase());
    };

    // External virtual switches, each with one port group named like the switch.
    const switchDrafts = new Map<string, DraftElement>();
    const portGroupOf = new Map<string, string>();
    const vmNetworks = new Map<string, string>();
    for (const vswitch of [...(switches.get(hostId) ?? [])].sort((a, b) => naturalCompare(a.name, b.name))) {
      const type = vswitch.type?.toLowerCase();
      if (type === 'internal' || type === 'private' || (type === undefined && vswitch.adapterDescriptions.length === 0)) {
        internal += 1;
        continue;
      }
      const uplinks: PortDraft[] = [];
      const standby: PortDraft[] = [];
      let lbfo = false;
      for (const description of vswitch.adapterDescriptions) {
        const port = portByDescription.get(description.toLowerCase());
        const team = port === undefined ? teamByDescription(description) : undefined;
        if (port) uplinks.push(port);
        else if (team) {
          lbfo = true;
          uplinks.push(...team.members);
          standby.push(...team.standby);
        } else summary.warn(MESSAGES.switchAdapter({ vswitch: vswitch.name, host: hostId, adapter: description }));
      }
      if (uplinks.length === 0) summary.warn(MESSAGES.switchNoUplink({ vswitch: vswitch.name, host: hostId }));
      const id = scope.allocate(idFromName(vswitch.name, 'switch'), 'switch');
      // The port group takes the switch's id (unique on the host), and the switch's name as its label.
      const portGroup = id;
      const sorted = (list: PortDraft[]) => [...new Set(list.map((port) => port.fullId))].sort(naturalCompare);
      const standbyIds = sorted(standby);
      switchDrafts.set(id, {
        value: {
          type: lbfo ? 'lbfo' : vswitch.embeddedTeaming === true ? 'set' : undefined,
          uplinks: sorted(uplinks),
          active: standbyIds.length > 0 ? sorted(uplinks).filter((port) => !standbyIds.includes(port)) : undefined,
          standby: standbyIds.length > 0 ? standbyIds : undefined,
          portGroups: collection(new Map([[portGroup, { value: { name: portGroup === vswitch.name ? undefined : vswitch.name } }]])),
        },
        comment: id === vswitch.name ? undefined : `"${vswitch.name}"`,
      });
      portGroupOf.set(vswitch.name.toLowerCase(), portGroup);
      vmNetworks.set(vswitch.name.toLowerCase(), vswitch.name);
    }

    // Host vNICs on those switches.
    const vnicDrafts = new Map<string, VnicDraft>();
    const vnicByName = new Map<string, VnicDraft>();
    const vnicByMac = new Map<string, VnicDraft>();
    for (const vnic of [...(vnics.get(hostId) ?? [])].sort((a, b) => naturalCompare(a.name, b.name))) {
      const portGroup = vnic.switchName === undefined ? undefined : portGroupOf.get(vnic.switchName.toLowerCase());
      if (portGroup === undefined) continue;
      const id = scope.allocate(idFromName(vnic.name, 'vnic'), 'vnic');
      const draft: VnicDraft = { id, portGroup, vlan: /access/i.test(vnic.vlanMode ?? '') && vnic.accessVlan !== undefined && Number.isInteger(vnic.accessVlan) && vnic.accessVlan > 0 && vnic.accessVlan <= 4094 ? vnic.accessVlan : undefined, roles: new Set() };
      vnicDrafts.set(id, draft);
      vnicByName.set(vnic.name.toLowerCase(), draft);
      const mac = macText(vnic.mac);
      if (mac !== undefined) vnicByMac.set(mac, draft);
    }

    // Cluster networks: their roles go to the host vNIC, physical port or LBFO team members they use.
    const hostInterfaces = [...(interfaces.get(hostId) ?? [])].sort((a, b) => naturalCompare(a.network, b.network) || naturalCompare(a.adapter ?? '', b.adapter ?? ''));
    for (const networkInterface of hostInterfaces) {
      const network = networksByName.get(networkInterface.network.toLowerCase());
      if (!network) {
        summary.warn(MESSAGES.unknownNetwork({ where: networkInterface.where, network: networkInterface.network }));
        continue;
      }
      const roles = networkRoles.get(network) ?? [];
      const subnet = subnetOf(network);
      const adapterName = networkInterface.adapter ?? '';
      const netAdapter = allAdapters.find((adapter) => adapter.name.toLowerCase() === adapterName.toLowerCase());
      const vnicName = /^vEthernet \((.+)\)$/i.exec(adapterName)?.[1];
      const port = ports.get(adapterName.toLowerCase());
      const vnic = (netAdapter === undefined ? undefined : vnicByMac.get(macText(netAdapter.mac) ?? '')) ?? (vnicName === undefined ? undefined : vnicByName.get(vnicName.toLowerCase()));
      const team = teamOfNic.get(adapterName.toLowerCase());
      const targets: Array<PortDraft | VnicDraft> = port ? [port] : vnic ? [vnic] : team ? team.members : [];
      if (targets.length === 0) {
        if (roles.length > 0) summary.warn(MESSAGES.networkAdapter({ network: network.name, host: hostId, adapter: adapterName }));
        continue;
      }
      for (const target of targets) {
        for (const role of roles) target.roles.add(role);
        if (subnet !== undefined && targets.length === 1) target.subnet ??= subnet;
      }
    }

    result.set(hostId, {
      adapters: new Map(
        adapterDrafts.map((adapter) => [
          adapter.id,
          { value: { type: 'ethernet', model: adapter.model, ports: collection(new Map(adapter.ports.map(([id, port]) => [id, { value: portValue(port) }]))) } },
        ]),
      ),
      virtualSwitches: switchDrafts,
      vmkernelPorts: new Map(
        [...vnicDrafts].map(([id, vnic]) => [id, { value: { roles: rolesList(vnic.roles), portGroup: vnic.portGroup, vlan: vnic.vlan, subnet: vnic.subnet } }]),
      ),
      vmNetworks,
    });
  }
  if (grouped) summary.inferred(MESSAGES.cards({}));
  if (noPci > 0) summary.missing(noPci === 1 ? MESSAGES.noPciOne({}) : MESSAGES.noPciMany({ count: formatInteger(noPci) }));
  if (down > 0) summary.warn(down === 1 ? MESSAGES.downOne({}) : MESSAGES.downMany({ count: formatInteger(down) }));
  if (internal > 0) summary.inferred(MESSAGES.internal({ count: String(internal) }));
  return result;
}

/** Roles of each cluster network, with the live-migration role where live migration may use it. */
function rolesOfNetworks(inventory: HypervInventory, summary: SummaryBuilder): Map<ClusterNetworkInfo, PortRole[]> {
  const excluded = inventory.liveMigration.excluded;
  const result = new Map<ClusterNetworkInfo, PortRole[]>();
  let assumedMigration = false;
  const clientOnly: string[] = [];
  for (const network of inventory.networks) {
    const role = (network.role ?? '').toLowerCase().replace(/[^a-z]/g, '');
    const roles: PortRole[] = [];
    const clusterTraffic = role === 'clusterandclient' || role === 'clusteronly' || role === 'cluster';
    if (role === 'clusterandclient') roles.push('management');
    else if (role === 'clusteronly' || role === 'cluster') roles.push('heartbeat');
    else if (role === 'clientonly' || role === 'client') clientOnly.push(network.name);
    else if (role !== 'none' && role !== '') summary.warn(MESSAGES.unknownRole({ network: network.name, role: network.role ?? '' }));
    if (clusterTraffic) {
      if (excluded === undefined) assumedMigration = true;
      if (excluded === undefined || network.id === undefined || !excluded.includes(network.id)) roles.push('vmotion');
    }
    result.set(network, roles);
  }
  if (inventory.networks.length > 0) {
    summary.inferred(MESSAGES.roles({}));
  }
  if (assumedMigration) summary.inferred(MESSAGES.assumedMigration({}));
  else if (inventory.networks.some((network) => (result.get(network) ?? []).includes('vmotion'))) summary.inferred(MESSAGES.migrationNetworks({}));
  if (clientOnly.length > 0) summary.missing(MESSAGES.clientOnly({ networks: formatList(clientOnly) }));
  return result;
}

function isPhysical(adapter: NetAdapterInfo): boolean {
  if (adapter.physical !== undefined) return adapter.physical;
  return !VIRTUAL_ADAPTER.test(adapter.description ?? '') && !/^vEthernet\b/i.test(adapter.name);
}

/** Segment, bus and device: the PCI functions of one card; without them each adapter is its own card. */
function cardOf(adapter: NetAdapterInfo): string {
  if (adapter.bus === undefined || adapter.device === undefined) return `name:${adapter.name.toLowerCase()}`;
  return `pci:${adapter.segment ?? 0}:${adapter.bus}:${adapter.device}`;
}

/** Speed in Mbps from the Speed property (bits per second), else from the LinkSpeed text ("10 Gbps"). */
function speedMbps(adapter: NetAdapterInfo): number | undefined {
  if (adapter.speedBps !== undefined) return adapter.speedBps / 1e6;
  const match = adapter.linkSpeed === undefined ? null : /^([\d.]+)\s*([kmg])bps$/i.exec(adapter.linkSpeed.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  return unit === 'g' ? value * 1000 : unit === 'm' ? value : value / 1000;
}

/** "00-15-5D-01-02-03" or "00155D010203" -> "00:15:5d:01:02:03". */
export function macText(mac: string | undefined): string | undefined {
  const hex = mac?.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return hex !== undefined && hex.length === 12 ? (hex.match(/../g) ?? []).join(':') : undefined;
}

/** "10.0.10.0" with "255.255.255.0" -> "10.0.10.0/24"; IPv6 and odd masks say nothing. */
function subnetOf(network: ClusterNetworkInfo): string | undefined {
  const address = network.address;
  const mask = network.mask;
  if (address === undefined || mask === undefined || !/^\d+(\.\d+){3}$/.test(address) || !/^\d+(\.\d+){3}$/.test(mask)) return undefined;
  const bits = mask
    .split('.')
    .map((part) => Number(part).toString(2).padStart(8, '0'))
    .join('');
  if (!/^1*0*$/.test(bits) || mask.split('.').some((part) => Number(part) > 255)) return undefined;
  return `${address}/${bits.indexOf('0') < 0 ? 32 : bits.indexOf('0')}`;
}

/** Cluster traffic first (management, heartbeat), then live migration, then the rest in the format's order. */
const ROLE_ORDER: readonly PortRole[] = ['management', 'heartbeat', 'vmotion', ...PORT_ROLES.filter((role) => role !== 'management' && role !== 'heartbeat' && role !== 'vmotion')];

function rolesList(roles: ReadonlySet<PortRole>): PortRole[] | undefined {
  return roles.size === 0 ? undefined : [...roles].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
}

function portValue(port: PortDraft): DraftMap {
  return { speed: port.speed, roles: rolesList(port.roles), subnet: port.subnet, address: port.address };
}
