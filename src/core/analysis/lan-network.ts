/**
 * The LAN of a design, as a graph the analyzer and the failover simulator share: the
 * network half of HA (docs/format.md "The LAN", docs/simulation.md "Network failures").
 * A host's traffic leaves it through
 *   host virtual network (VMkernel port, port group, or ports with a role) -> uplinks
 *   (physical ports, active or standby) -> cable -> Ethernet switch (-> inter-switch link
 *   -> switch)*,
 * and two hosts exchange HA heartbeats when uplinks of their heartbeat networks reach the
 * same connected part of the switch graph.
 *
 * Where a host's networks come from, most specific first:
 * - VMkernel ports (Hyper-V host vNICs): their roles; uplinks from their own active /
 *   standby lists, else from the port group they name (its teaming, else its switch's).
 * - Port groups of the host's virtual switches and of the distributed switches it is a
 *   member of: VM networks, with their VLAN and teaming.
 * - Physical ports with roles, for designs that do not model virtual switches: per role
 *   that no VMkernel port (or, for `vm`, no port group) covers, one network whose uplinks
 *   are every port with that role, all active.
 * A design that says none of this has no LAN model; the rules then stay silent and the
 * status bar says the LAN was not modelled, rather than judging what it cannot see.
 *
 * Teaming follows vSphere's explicit failover order with link-status detection: traffic
 * uses the active uplinks that are up, and the standby ones only when none is; unused
 * uplinks never carry it. Link status sees a failed port, card, cable or directly attached
 * switch, not a failure further upstream (beacon probing would; not modelled).
 *
 * Unknown cabling: a design imported from an inventory says `inventory: { cabling: unknown }`
 * (an export lists a host's NICs and virtual switches, not the switch each NIC is cabled
 * to). On a host of such a design with no LAN cable drawn, an uplink without a cable is
 * not down but unknown: it is up while its port, card and virtual switch are, and it
 * reaches a switch the design does not name (`Uplink.cablingUnknown`). Its port and card
 * are judged, its switch is not, and the simulator keeps the host's networks while they
 * have such an uplink. This is the one place that says so (as storage-network.ts does for
 * storage with `hasStorageCable`); a host with a cable drawn is judged as drawn.
 */

import type { PortRole } from '../model/format';
import type { SourceRange } from '../model/source';
import type { Adapter, Host, Topology } from '../model/topology';
import { adjacencyFromEdges, connectedComponents, reachableFrom, type Adjacency } from '../graph';
import { cableId, type CableId } from '../model/cable-id';
import { cablingUnknown } from './storage-network';
import { carriedFromParts } from '../model/carried';

export type LanElementKind = 'adapter' | 'host-port' | 'cable' | 'switch' | 'inter-switch-link' | 'stack' | 'virtual-switch';

export interface LanElement {
  readonly id: string;
  readonly kind: LanElementKind;
  readonly range: SourceRange;
}

/** A cable from a host port to an Ethernet switch. */
export interface LanAttachment {
  readonly switchId: string;
  readonly cableId: CableId;
}

export interface Uplink {
  readonly portId: string;
  readonly adapterId: string;
  readonly adapter: Adapter;
  readonly mode: 'active' | 'standby';
  readonly speedMbps: number | undefined;
  readonly attachments: readonly LanAttachment[];
  /**
   * No cable drawn, on a host whose LAN cabling is not known (see the top of this file):
   * taken as up while its port, card and virtual switch are, to a switch the design does
   * not name.
   */
  readonly cablingUnknown: boolean;
}

export interface HostNetwork {
  /** The VMkernel port or port group id, or `<host>/role:<role>` for ports with a role. */
  readonly id: string;
  readonly kind: 'vmkernel' | 'port-group' | 'ports';
  readonly hostId: string;
  /** What people call it: the port group's label or id, the VMkernel port id, or the role. */
  readonly name: string;
  /** Other names VMs may use for it (a port group's id segment and label). */
  readonly aliases: readonly string[];
  readonly roles: readonly PortRole[];
  readonly vlan: number | undefined;
  readonly subnet: string | undefined;
  /** Virtual switch (host or distributed) the network is on, when known. */
  readonly virtualSwitchId: string | undefined;
  /** Active uplinks first, then standby ones; unused uplinks are left out. */
  readonly uplinks: readonly Uplink[];
  readonly gateway: string | undefined;
  readonly range: SourceRange;
  /** A port group a VMkernel port sits on: that port's network first; a VM network only for VMs that name it. */
  readonly sharedWithVmkernel?: boolean;
}

export interface LanNetwork {
  readonly elements: ReadonlyMap<string, LanElement>;
  /** Ethernet switches and inter-switch links between them, as vertices. */
  readonly vertexIds: readonly string[];
  readonly vertexOf: ReadonlyMap<string, number>;
  readonly graph: Adjacency;
  readonly component: Int32Array;
  /** Networks of each host, by host id, in declaration order. */
  readonly hostNetworks: ReadonlyMap<string, readonly HostNetwork[]>;
  /** Cables from each host port to Ethernet switches, by port id. */
  readonly portAttachments: ReadonlyMap<string, readonly LanAttachment[]>;
  /** Members of each stack or MLAG pair, by stack name. */
  readonly stacks: ReadonlyMap<string, readonly string[]>;
  /** Stack of each switch that is in one. */
  readonly stackOf: ReadonlyMap<string, string>;
  /** Switches each address answers from (switch `addresses:`). */
  readonly addressSwitches: ReadonlyMap<string, readonly string[]>;
  /** Hosts whose LAN cabling is not known: the design's cabling is unknown and none of their LAN ports has a cable drawn. */
  readonly uncabledHosts: ReadonlySet<string>;
}

/** Roles that carry HA heartbeats, per platform (docs/simulation.md "Network failures"). */
export function heartbeatRoles(topology: Topology, hostNetworks: readonly HostNetwork[]): readonly PortRole[] {
  switch (topology.platform) {
    case 'hyperv':
      // Cluster networks with role "cluster and client" (management) or "cluster only" (heartbeat).
      return ['management', 'heartbeat'];
    case 'proxmox':
      // Corosync links: the heartbeat networks; without any, the cluster runs corosync on the management network.
      return hostNetworks.some((n) => n.roles.includes('heartbeat')) ? ['heartbeat'] : ['management'];
    default:
      // vSphere HA and XenServer HA send network heartbeats over the management network.
      return ['management'];
  }
}

export function networksWithRole(lan: LanNetwork, hostId: string, roles: readonly PortRole[]): HostNetwork[] {
  return (lan.hostNetworks.get(hostId) ?? []).filter((n) => n.roles.some((r) => roles.includes(r)));
}

/** The host's networks that carry HA heartbeats on its platform. */
export function heartbeatNetworks(topology: Topology, lan: LanNetwork, hostId: string): HostNetwork[] {
  const networks = lan.hostNetworks.get(hostId) ?? [];
  return networksWithRole(lan, hostId, heartbeatRoles(topology, networks));
}

/** Whether the design says which networks carry this host's heartbeats (and so whether the LAN is modelled for it). */
export function lanModelled(topology: Topology, lan: LanNetwork, hostId: string): boolean {
  return heartbeatNetworks(topology, lan, hostId).length > 0;
}

/**
 * The VM network a VM named, on a host: a port group with that name or label, else the
 * host's ports with role `vm` when the host has no port groups. When the VM names no
 * network, the host's only VM network (the `vm` role ports or its only port group).
 */
export function vmNetworksOnHost(lan: LanNetwork, hostId: string, names: readonly string[] | undefined): { readonly found: HostNetwork[]; readonly missing: string[] } {
  const networks = lan.hostNetworks.get(hostId) ?? [];
  const portGroups = networks.filter((n) => n.kind === 'port-group');
  const byRole = networks.filter((n) => n.kind === 'ports' && n.roles.includes('vm'));
  if (names === undefined || names.length === 0) {
    if (portGroups.length === 0) return { found: byRole, missing: [] };
    const vmGroups = portGroups.filter((n) => !n.sharedWithVmkernel && (n.roles.length === 0 || n.roles.includes('vm')));
    return { found: vmGroups.length === 1 ? vmGroups : [], missing: [] };
  }
  const found: HostNetwork[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const match = portGroups.find((n) => n.name === name || n.aliases.includes(name)) ?? (portGroups.length === 0 ? byRole[0] : undefined);
    if (match) {
      if (!found.includes(match)) found.push(match);
    } else {
      missing.push(name);
    }
  }
  return { found, missing };
}

/** What is left of a network when some elements have failed. */
export interface UplinkState {
  /** Uplinks that are up (their port, card, virtual switch and every attached element alive, at least one cable to a live switch). */
  readonly up: readonly Uplink[];
  /** The uplinks carrying traffic: the active ones that are up, else the standby ones that are up. */
  readonly carrying: readonly Uplink[];
  /** Switches the carrying uplinks reach directly. */
  readonly switches: readonly string[];
  /** Some carrying uplink reaches a switch the design does not name (its cabling is not known). */
  readonly unknownSwitch: boolean;
}

/** Whether a switch is down: failed itself, or its stack failed. */
export function switchDown(lan: LanNetwork, switchId: string, failed: ReadonlySet<string>): boolean {
  if (failed.has(switchId)) return true;
  const stack = lan.stackOf.get(switchId);
  return stack !== undefined && failed.has(stackElementId(stack));
}

export function uplinkState(lan: LanNetwork, network: HostNetwork, failed: ReadonlySet<string>): UplinkState {
  // Most failures (each one of the N-1 sweep's) leave a given network alone: its state is then the one with nothing failed, made once.
  if (failed.size > 0 && readsAny(lan, network, failed)) return stateWith(lan, network, failed);
  let intact = INTACT.get(network);
  if (!intact) INTACT.set(network, (intact = stateWith(lan, network, NOTHING_FAILED)));
  return intact;
}

/** Each network's state with nothing failed. */
const INTACT = new WeakMap<HostNetwork, UplinkState>();
const NOTHING_FAILED: ReadonlySet<string> = new Set();

/** Whether a failed element is one a network's state reads: its host, virtual switch, uplink ports and cards, their cables and switches (or the switches' stacks). */
function readsAny(lan: LanNetwork, network: HostNetwork, failed: ReadonlySet<string>): boolean {
  if (failed.has(network.hostId) || (network.virtualSwitchId !== undefined && failed.has(network.virtualSwitchId))) return true;
  for (const uplink of network.uplinks) {
    if (failed.has(uplink.portId) || failed.has(uplink.adapterId)) return true;
    for (const attachment of uplink.attachments) if (failed.has(attachment.cableId) || switchDown(lan, attachment.switchId, failed)) return true;
  }
  return false;
}

function stateWith(lan: LanNetwork, network: HostNetwork, failed: ReadonlySet<string>): UplinkState {
  if (failed.has(network.hostId) || (network.virtualSwitchId !== undefined && failed.has(network.virtualSwitchId))) return { up: [], carrying: [], switches: [], unknownSwitch: false };
  const up: Uplink[] = [];
  const switchesOf = new Map<Uplink, string[]>();
  for (const uplink of network.uplinks) {
    if (failed.has(uplink.portId) || failed.has(uplink.adapterId)) continue;
    if (uplink.cablingUnknown) {
      // Not known to be cabled anywhere, nor known not to be: up, to a switch the design does not name.
      up.push(uplink);
      continue;
    }
    const live = uplink.attachments.filter((a) => !failed.has(a.cableId) && !switchDown(lan, a.switchId, failed)).map((a) => a.switchId);
    if (live.length === 0) continue;
    up.push(uplink);
    switchesOf.set(uplink, live);
  }
  const active = up.filter((u) => u.mode === 'active');
  const carrying = active.length > 0 ? active : up;
  const switches = [...new Set(carrying.flatMap((u) => switchesOf.get(u) ?? []))];
  return { up, carrying, switches, unknownSwitch: carrying.some((u) => u.cablingUnknown) };
}

/** Connected parts of the switch graph once failed switches, stacks and inter-switch links are removed: a component index per vertex (-1 when down). */
export function lanComponents(lan: LanNetwork, failed: ReadonlySet<string>): Int32Array {
  const blocked = (vertex: number) => {
    const id = lan.vertexIds[vertex] as string;
    return failed.has(id) || switchDown(lan, id, failed);
  };
  const component = new Int32Array(lan.vertexIds.length).fill(-1);
  let next = 0;
  for (let start = 0; start < lan.vertexIds.length; start++) {
    if (component[start] !== -1 || blocked(start)) continue;
    const reached = reachableFrom(lan.graph, [start], blocked);
    for (let v = 0; v < reached.length; v++) if (reached[v]) component[v] = next;
    next++;
  }
  return component;
}

/**
 * The LAN components (see lanComponents) a host's networks reach through the uplinks
 * carrying their traffic; undefined when some of them go through an uplink whose cabling is
 * not known: where that traffic goes is not known either (the simulator then takes the host
 * to reach its peers, as it does for a host whose networks the design does not describe).
 */
export function componentsReached(lan: LanNetwork, networks: readonly HostNetwork[], failed: ReadonlySet<string>, component: Int32Array): Set<number> | undefined {
  const reached = new Set<number>();
  for (const network of networks) {
    const state = uplinkState(lan, network, failed);
    if (state.unknownSwitch) return undefined;
    for (const switchId of state.switches) {
      const vertex = lan.vertexOf.get(switchId);
      const c = vertex === undefined ? -1 : (component[vertex] ?? -1);
      if (c >= 0) reached.add(c);
    }
  }
  return reached;
}

/** Id of a stack as a failure target: `stack:<name>`. */
export function stackElementId(stack: string): string {
  return `stack:${stack}`;
}

/** The storage-capable and LAN ports of a NIC or CNA: which adapters can carry LAN traffic. */
function carriesLan(adapter: Adapter): boolean {
  return adapter.type === 'ethernet' || adapter.type === 'cna';
}

export function buildLanNetwork(topology: Topology): LanNetwork {
  const elements = new Map<string, LanElement>();
  const vertexIds: string[] = [];
  const vertexOf = new Map<string, number>();
  const addVertex = (id: string) => {
    vertexOf.set(id, vertexIds.length);
    vertexIds.push(id);
    return vertexIds.length - 1;
  };
  const stacks = new Map<string, string[]>();
  const stackOf = new Map<string, string>();
  const addressSwitches = new Map<string, string[]>();
  for (const networkSwitch of topology.switches) {
    if (networkSwitch.type !== 'ethernet') continue;
    addVertex(networkSwitch.id);
    elements.set(networkSwitch.id, { id: networkSwitch.id, kind: 'switch', range: networkSwitch.idRange });
    if (networkSwitch.stack !== undefined && networkSwitch.stack.trim() !== '') {
      const members = stacks.get(networkSwitch.stack) ?? [];
      members.push(networkSwitch.id);
      stacks.set(networkSwitch.stack, members);
      stackOf.set(networkSwitch.id, networkSwitch.stack);
      const id = stackElementId(networkSwitch.stack);
      if (!elements.has(id)) elements.set(id, { id, kind: 'stack', range: networkSwitch.source.fields.stack?.value ?? networkSwitch.idRange });
    }
    for (const address of networkSwitch.addresses ?? []) {
      const list = addressSwitches.get(address) ?? [];
      list.push(networkSwitch.id);
      addressSwitches.set(address, list);
    }
  }

  const lanPorts = new Map<string, { host: Host; adapter: Adapter; speedMbps: number | undefined; roles: readonly PortRole[] | undefined; range: SourceRange }>();
  for (const host of topology.hosts) {
    for (const adapter of host.adapters) {
      if (!carriesLan(adapter)) continue;
      for (const port of adapter.ports) lanPorts.set(port.id, { host, adapter, speedMbps: port.speedMbps, roles: port.roles, range: port.idRange });
    }
  }

  const switchOf = (endpoint: string): string | undefined => {
    if (vertexOf.has(endpoint)) return endpoint;
    const [device, port, ...rest] = endpoint.split('/');
    return device !== undefined && port !== undefined && rest.length === 0 && vertexOf.has(device) ? device : undefined;
  };
  const edges: Array<[number, number]> = [];
  const portAttachments = new Map<string, LanAttachment[]>();
  const linkSpeed = new Map<string, number>();
  topology.links.forEach((link, index) => {
    const id = cableId(index);
    const fromSwitch = switchOf(link.from);
    const toSwitch = switchOf(link.to);
    if (fromSwitch !== undefined && toSwitch !== undefined) {
      if (fromSwitch === toSwitch) return;
      const vertex = addVertex(id);
      edges.push([vertex, vertexOf.get(fromSwitch) as number], [vertex, vertexOf.get(toSwitch) as number]);
      elements.set(id, { id, kind: 'inter-switch-link', range: link.source.range });
      return;
    }
    const [portId, switchId] = fromSwitch !== undefined ? [link.to, fromSwitch] : [link.from, toSwitch];
    if (switchId === undefined || !lanPorts.has(portId)) return;
    const list = portAttachments.get(portId) ?? [];
    list.push({ switchId, cableId: id });
    portAttachments.set(portId, list);
    elements.set(id, { id, kind: 'cable', range: link.source.range });
    if (link.speedMbps !== undefined) linkSpeed.set(portId, link.speedMbps);
  });

  // Hosts whose LAN cabling is not known (see the top of this file).
  const uncabledHosts = new Set<string>();
  if (cablingUnknown(topology)) {
    for (const host of topology.hosts) {
      const cabled = host.adapters.some((adapter) => carriesLan(adapter) && adapter.ports.some((port) => portAttachments.has(port.id)));
      if (!cabled) uncabledHosts.add(host.id);
    }
  }

  const uplinkOf = (portId: string, mode: 'active' | 'standby'): Uplink | undefined => {
    const port = lanPorts.get(portId);
    if (!port) return undefined;
    const speeds = [port.speedMbps, linkSpeed.get(portId)].filter((s): s is number => s !== undefined);
    const attachments = portAttachments.get(portId) ?? [];
    return {
      portId,
      adapterId: port.adapter.id,
      adapter: port.adapter,
      mode,
      speedMbps: speeds.length > 0 ? Math.min(...speeds) : undefined,
      attachments,
      cablingUnknown: attachments.length === 0 && uncabledHosts.has(port.host.id),
    };
  };
  /** Teaming: explicit active / standby (unused left out); neither given: every uplink active. */
  const team = (all: readonly string[], active: readonly string[] | undefined, standby: readonly string[] | undefined, unused: readonly string[] | undefined): Uplink[] => {
    const isUnused = new Set(unused ?? []);
    const explicit = (active?.length ?? 0) + (standby?.length ?? 0) > 0;
    const activeIds = explicit ? (active ?? []) : all.filter((id) => !isUnused.has(id));
    const standbyIds = explicit ? (standby ?? []) : [];
    return [
      ...activeIds.filter((id) => !isUnused.has(id)).map((id) => uplinkOf(id, 'active')),
      ...standbyIds.filter((id) => !isUnused.has(id) && !activeIds.includes(id)).map((id) => uplinkOf(id, 'standby')),
    ].filter((u): u is Uplink => u !== undefined);
  };

  const hostNetworks = new Map<string, HostNetwork[]>();
  for (const host of topology.hosts) {
    const networks: HostNetwork[] = [];
    const groups: HostNetwork[] = [];
    for (const vswitch of host.virtualSwitches ?? []) {
      elements.set(vswitch.id, { id: vswitch.id, kind: 'virtual-switch', range: vswitch.idRange });
      for (const group of vswitch.portGroups) {
        const hasOwn = (group.active?.length ?? 0) + (group.standby?.length ?? 0) + (group.unused?.length ?? 0) > 0;
        const uplinks = hasOwn ? team(vswitch.uplinks, group.active, group.standby, group.unused) : team(vswitch.uplinks, vswitch.active, vswitch.standby, vswitch.unused);
        groups.push(portGroupNetwork(host.id, vswitch.id, group, uplinks));
      }
    }
    for (const dvs of topology.distributedSwitches) {
      const member = dvs.members?.get(host.id);
      if (!member) continue;
      elements.set(dvs.id, { id: dvs.id, kind: 'virtual-switch', range: dvs.idRange });
      const portByUplink = new Map(dvs.uplinks.map((name, index) => [name, member.value[index]] as const));
      const ports = (names: readonly string[] | undefined) => names?.map((name) => portByUplink.get(name)).filter((id): id is string => id !== undefined);
      const all = member.value;
      for (const group of dvs.portGroups) {
        const hasOwn = (group.active?.length ?? 0) + (group.standby?.length ?? 0) + (group.unused?.length ?? 0) > 0;
        const uplinks = hasOwn ? team(all, ports(group.active), ports(group.standby), ports(group.unused)) : team(all, ports(dvs.active), ports(dvs.standby), undefined);
        groups.push(portGroupNetwork(host.id, dvs.id, group, uplinks));
      }
    }
    for (const vmk of host.vmkernelPorts) {
      const group = vmk.portGroup === undefined ? undefined : groups.find((g) => g.name === vmk.portGroup || g.aliases.includes(vmk.portGroup as string));
      const own = vmk.active.length + vmk.standby.length > 0;
      networks.push({
        id: vmk.id,
        kind: 'vmkernel',
        hostId: host.id,
        name: vmk.id,
        aliases: [],
        roles: vmk.roles,
        vlan: vmk.vlan ?? group?.vlan,
        subnet: vmk.subnet,
        virtualSwitchId: own ? undefined : group?.virtualSwitchId,
        uplinks: own ? team([], vmk.active, vmk.standby, undefined) : (group?.uplinks ?? []),
        gateway: vmk.gateway,
        range: vmk.idRange,
      });
    }
    // A port group a VMkernel port sits on is first that port's network: VMs use it only by name.
    const usedByVmkernel = new Set(host.vmkernelPorts.map((vmk) => vmk.portGroup).filter((name): name is string => name !== undefined));
    const shared = (g: HostNetwork) => usedByVmkernel.has(g.name) || g.aliases.some((alias) => usedByVmkernel.has(alias));
    groups.forEach((g, index) => {
      if (shared(g)) groups[index] = { ...g, sharedWithVmkernel: true };
    });
    const ownGroups = groups.filter((g) => !g.sharedWithVmkernel);
    networks.push(...ownGroups.filter((g) => g.roles.length > 0 && g.roles.some((r) => r !== 'vm')));
    const covered = new Set(networks.flatMap((n) => n.roles));
    if (ownGroups.some((g) => g.roles.length === 0 || g.roles.includes('vm'))) covered.add('vm');
    const byRole = new Map<PortRole, string[]>();
    for (const adapter of host.adapters) {
      if (!carriesLan(adapter)) continue;
      for (const port of adapter.ports) {
        for (const role of port.roles ?? []) {
          if (covered.has(role)) continue;
          const list = byRole.get(role) ?? [];
          list.push(port.id);
          byRole.set(role, list);
        }
      }
    }
    for (const [role, portIds] of byRole) {
      networks.push({
        id: `${host.id}/role:${role}`,
        kind: 'ports',
        hostId: host.id,
        name: role,
        aliases: [],
        roles: [role],
        vlan: undefined,
        subnet: undefined,
        virtualSwitchId: undefined,
        uplinks: team(portIds, undefined, undefined, undefined),
        gateway: undefined,
        range: lanPorts.get(portIds[0] as string)?.range ?? host.idRange,
      });
    }
    networks.push(...groups.filter((g) => !(g.roles.length > 0 && g.roles.some((r) => r !== 'vm'))));
    for (const network of networks) {
      for (const uplink of network.uplinks) {
        elements.set(uplink.portId, { id: uplink.portId, kind: 'host-port', range: lanPorts.get(uplink.portId)?.range ?? host.idRange });
        elements.set(uplink.adapterId, { id: uplink.adapterId, kind: 'adapter', range: uplink.adapter.idRange });
      }
    }
    hostNetworks.set(host.id, networks);
  }

  const graph = adjacencyFromEdges(vertexIds.length, edges);
  return { elements, vertexIds, vertexOf, graph, component: connectedComponents(graph), hostNetworks, portAttachments, stacks, stackOf, addressSwitches, uncabledHosts };
}

/** A port group (of a host's virtual switch or of a distributed switch) as one of the host's networks. */
function portGroupNetwork(
  hostId: string,
  virtualSwitchId: string,
  group: { readonly id: string; readonly idRange: SourceRange; readonly name?: string; readonly vlan?: number; readonly roles?: readonly PortRole[] },
  uplinks: readonly Uplink[],
): HostNetwork {
  const segment = group.id.slice(virtualSwitchId.length + 1);
  return {
    id: group.id,
    kind: 'port-group',
    hostId,
    name: group.name ?? segment,
    aliases: [segment, ...(group.name !== undefined ? [group.name] : [])],
    roles: group.roles ?? [],
    vlan: group.vlan,
    subnet: undefined,
    virtualSwitchId,
    uplinks,
    gateway: undefined,
    range: group.idRange,
  };
}

const networks = new WeakMap<Topology, LanNetwork>();

/** The LAN of a topology, built once and shared by the LAN rules and the simulator. */
export function lanNetworkOf(topology: Topology): LanNetwork {
  let network = networks.get(topology);
  if (!network) {
    // The LAN is made of the switches, hosts and distributed switches, whose objects an
    // incremental parse keeps when an edit leaves them alone (moving their ranges in
    // place: reuse.ts), and of the cables, which it reads again each time: they count by
    // what the LAN reads of them, where they are included. After an edit to a VM below
    // the links, the LAN of the design edited from is this one's.
    const cables = topology.links.map((link) => `${link.from}\t${link.to}\t${link.speedMbps ?? ''}\t${link.source.range.start}\t${link.source.range.end}`).join('\n');
    const parts = [...topology.switches, ...topology.hosts, ...topology.distributedSwitches];
    network = carriedFromParts(topology, 'LAN', `${cablingUnknown(topology) ? 'cabling unknown' : 'cabling known'}\n${cables}`, parts, () => buildLanNetwork(topology));
    networks.set(topology, network);
  }
  return network;
}

/**
 * Whether a host still reaches an isolation address: the address answers from the
 * switches that list it in `addresses:`, or from any switch when none does (an assumption:
 * docs/simulation.md).
 */
export function reachesAddress(lan: LanNetwork, reached: ReadonlySet<number>, component: Int32Array, address: string): boolean {
  const switches = lan.addressSwitches.get(address);
  if (switches === undefined) return reached.size > 0;
  return switches.some((id) => {
    const vertex = lan.vertexOf.get(id);
    const c = vertex === undefined ? -1 : (component[vertex] ?? -1);
    return c >= 0 && reached.has(c);
  });
}

/** Stands for the management network's default gateway when the design does not give its address. */
export const DEFAULT_GATEWAY = 'default gateway';

/** A cluster's isolation addresses: the extra ones, plus the management gateway unless turned off. */
export function isolationAddresses(topology: Topology, lan: LanNetwork, hostId: string): string[] {
  const host = topology.host(hostId);
  const ha = host ? topology.clusterOfHost(host)?.ha : undefined;
  const addresses = [...(ha?.isolationAddresses ?? [])];
  if (ha?.useDefaultIsolationAddress !== false) {
    // No gateway stated: the management network still has one, reachable from any switch.
    const gateway = heartbeatNetworks(topology, lan, hostId).find((n) => n.gateway !== undefined)?.gateway ?? DEFAULT_GATEWAY;
    if (!addresses.includes(gateway)) addresses.unshift(gateway);
  }
  return addresses;
}
