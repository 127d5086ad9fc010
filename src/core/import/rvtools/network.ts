/**
 * The LAN of an RVTools export: each host's standard switches (vSwitch) with their uplinks
 * (the NICs whose vNIC "Switch" names them) and port groups (vPort); distributed switches
 * (dvSwitch) with their members, uplink names (vNIC "Uplink port") and port groups with
 * their teaming (dvPort); and each host's VMkernel ports (vSC_VMK), whose roles RVTools
 * does not give and are inferred from their port group names. Every column and inference
 * is in docs/import.md, "The LAN". The export says nothing of cables: the design's
 * `cabling: unknown` makes the analyzer take these uplinks as up (lan-network.ts).
 */

import type { PortRole } from '../../model/format';
import { collection, type DraftElement, type DraftMap } from '../emit';
import { idFromName, IdAllocator } from '../ids';
import type { SummaryBuilder } from '../summary';
import { grouped } from '../../text/plural';
import { defineMessages } from '../../l10n/messages';
import { formatList } from '../../l10n/format';
import { someOf } from '../notes';

const MESSAGES = defineMessages('import.rvtools.network', {
  noLan: 'the LAN is not imported: without vNIC "Switch", which NIC is an uplink of which virtual switch is not known',
  noVswitch: 'standard switches come only from vPort, without their MTU',
  noVport: 'standard switches have no port groups (VM networks)',
  strayNicOne: '1 NIC of vNIC name a switch that neither vSwitch, vPort nor dvSwitch lists: left out as uplinks',
  strayNicMany: '{count} NICs of vNIC name a switch that neither vSwitch, vPort nor dvSwitch lists: left out as uplinks',
  noVscVmk: 'hosts get no VMkernel ports, so their management network is not known and the LAN rules do not judge them',
  unknownHostRowOne: '1 row of vSwitch, vPort or vSC_VMK name hosts that vHost does not list: left out',
  unknownHostRowMany: '{count} rows of vSwitch, vPort or vSC_VMK name hosts that vHost does not list: left out',
  memberWithoutNic: 'host "{host}" is a member of distributed switch "{dvs}" but none of its NICs is on it (vNIC "Switch"): its port groups there have no uplink',
  vmkInGroup: '{port} ("{portGroup}")',
  standardTeaming: 'port groups of standard switches take every uplink of their switch as active: RVTools gives no failover order for them (the vSwitch and vPort "Policy" is the load-balancing policy), so state active and standby uplinks where a port group overrides its switch',
  distributedTeaming: 'distributed switch uplinks are named after vNIC "Uplink port", and each distributed port group takes dvPort "Active Uplink" and "Standby Uplink" as its teaming (the other uplinks unused)',
  unnamedUplinksOne: '1 distributed switch without a complete set of uplink names (vNIC "Uplink port"): their members list their NICs in device order and their port groups take every uplink as active',
  unnamedUplinksMany: '{count} distributed switches without a complete set of uplink names (vNIC "Uplink port"): their members list their NICs in device order and their port groups take every uplink as active',
  trunksOne: '1 port group with VLAN 4095, a VLAN range or a private VLAN (guest or trunk tagging) written without a vlan',
  trunksMany: '{count} port groups with VLAN 4095, a VLAN range or a private VLAN (guest or trunk tagging) written without a vlan',
  roleCount: '{count} {role}',
  noServices: 'VMkernel services (management, vMotion, FT logging, vSAN...): RVTools vSC_VMK does not list them, so VMkernel roles are inferred from port group names',
  rolesFromNames: 'VMkernel roles from their port group names (Management or Mgmt, vMotion, Provisioning, FT or Fault Tolerance, Replication, iSCSI, NFS, vSAN, in any case): {roles}',
  vmk0One: '1 vmk0 whose port group name says no role taken as management: ESXi creates vmk0 as the management interface at install',
  vmk0Many: '{count} vmk0s whose port group name says no role taken as management: ESXi creates vmk0 as the management interface at install',
  noRoleOne: '1 VMkernel port got no role, their port group names saying none ({ports}): give them roles by hand',
  noRoleMany: '{count} VMkernel ports got no role, their port group names saying none ({ports}): give them roles by hand',
  noManagementOne: '1 host with VMkernel ports but none taken as management: their HA heartbeat network is not known, so the LAN rules do not judge them',
  noManagementMany: '{count} hosts with VMkernel ports but none taken as management: their HA heartbeat network is not known, so the LAN rules do not judge them',
  noGroupOne: '1 VMkernel port on a port group that vPort and dvPort do not list for its host: their uplinks are not known',
  noGroupMany: '{count} VMkernel ports on a port group that vPort and dvPort do not list for its host: their uplinks are not known',
  isolationAddresses: 'HA advanced options (das.isolationaddress, das.usedefaultisolationaddress) are not in RVTools: each cluster is taken to use vSphere\'s default, the management gateway as its one isolation address (heartbeat-single-path reports that); list extra addresses under ha.isolationAddresses',
  noDvswitch: 'distributed switches come only from dvPort, their members only from vNIC, and their MTU is not known',
  noDvport: 'distributed switches have no port groups (VM networks)',
  uplinkGroupsOne: '1 uplink port group of dvPort (named "...DVUplinks...") left out: they hold the distributed switches\' uplinks, not a network',
  uplinkGroupsMany: '{count} uplink port groups of dvPort (named "...DVUplinks...") left out: they hold the distributed switches\' uplinks, not a network',
  dvTrunksOne: '1 distributed port group with a VLAN range, trunk or private VLAN written without a vlan',
  dvTrunksMany: '{count} distributed port groups with a VLAN range, trunk or private VLAN written without a vlan',
  badMtu: '{tab} row {row}: MTU {mtu} is outside 576..9216; left out',
});
import { DVPORT, DVSWITCH, VNIC, VPORT, VSC_VMK, VSWITCH } from './columns';
import { naturalCompare } from '../../text/natural-order';
import type { ImportedHost, ImportedNic } from './hosts';
import type { Row, RvtoolsTabs } from './tabs';

export interface NetworkInput {
  readonly tabs: RvtoolsTabs;
  readonly summary: SummaryBuilder;
  readonly hosts: readonly ImportedHost[];
  /** Host lookup by name as the tabs write it. */
  readonly hostId: (name: string) => string | undefined;
  /** Ids of the whole file: distributed switches are top-level elements. */
  readonly ids: IdAllocator;
}

export interface ImportedNetwork {
  /** By host id: its `virtualSwitches` and `vmkernelPorts`. */
  readonly hostFields: ReadonlyMap<string, DraftMap>;
  /** By id, in name order. */
  readonly distributedSwitches: ReadonlyMap<string, DraftElement>;
  /** By host id: the roles its VMkernel ports got. */
  readonly vmkernelRoles: ReadonlyMap<string, ReadonlySet<PortRole>>;
}

/** The MTU the format assumes where a design says none: left out of the design. */
const STANDARD_MTU = 1500;

/**
 * Roles a VMkernel port's port group name gives, case-insensitively, with the spellings
 * docs/import.md lists. Short words must stand alone (not inside another word): "FT" in
 * "FT-Logging" or "vmk-ft", not in "Soft"; "NFS" in "NFS01", not in "confs".
 */
export const ROLE_NAMES: ReadonlyArray<readonly [PortRole, RegExp]> = [
  ['management', /management|mgmt|(?<![a-z])mgt(?![a-z])/i],
  ['vmotion', /v[-_ ]?motion/i],
  ['provisioning', /provisioning/i],
  ['ft', /fault[-_ ]?toleran|(?<![a-z])ft(?![a-z])|(?<![a-z])ft[-_ ]?logging/i],
  ['replication', /replication/i],
  ['iscsi', /iscsi/i],
  ['nfs', /(?<![a-z])nfs/i],
  ['vsan', /(?<![a-z])v[-_ ]?san/i],
];

/** The roles a port group name says, in ROLE_NAMES order. */
export function rolesFromName(name: string | undefined): PortRole[] {
  return name === undefined ? [] : ROLE_NAMES.filter(([, pattern]) => pattern.test(name)).map(([role]) => role);
}

interface StandardSwitch {
  readonly name: string;
  mtu?: number;
  readonly uplinks: ImportedNic[];
  /** Port group name to its VLAN (undefined: none, or not a single VLAN). */
  readonly portGroups: Map<string, number | undefined>;
}

interface DistributedPortGroup {
  readonly vlan?: number;
  readonly active: readonly string[];
  readonly standby: readonly string[];
}

interface DistributedSwitch {
  readonly name: string;
  readonly server: string | undefined;
  mtu?: number;
  /** Member host ids, with their NICs on this switch. */
  readonly members: Map<string, ImportedNic[]>;
  readonly portGroups: Map<string, DistributedPortGroup>;
}

interface VmkernelRow {
  readonly device: string;
  readonly portGroup?: string;
  readonly ip?: string;
  readonly mask?: string;
  readonly gateway?: string;
  readonly mtu?: number;
}

export function importNetwork(input: NetworkInput): ImportedNetwork | undefined {
  const { tabs, summary } = input;
  if (!tabs.hasColumn('vNIC', VNIC.vswitch)) {
    summary.missing(MESSAGES.noLan({}));
    return undefined;
  }
  const hostIds = new Set(input.hosts.map((host) => host.id));
  let unknownHostRows = 0;
  const hostOf = (row: Row): string | undefined => {
    const name = row.text('host');
    const id = name === undefined ? undefined : input.hostId(name);
    if (id === undefined || !hostIds.has(id)) {
      unknownHostRows += 1;
      return undefined;
    }
    return id;
  };

  const distributed = readDistributedSwitches(input);
  const standard = new Map<string, Map<string, StandardSwitch>>();
  const standardSwitch = (hostId: string, name: string): StandardSwitch => {
    const switches = standard.get(hostId) ?? new Map<string, StandardSwitch>();
    standard.set(hostId, switches);
    const known = switches.get(name);
    if (known) return known;
    const created: StandardSwitch = { name, uplinks: [], portGroups: new Map() };
    switches.set(name, created);
    return created;
  };
  for (const row of sorted(tabs.rows('vSwitch', VSWITCH, MESSAGES.noVswitch({})), ['host', 'name', 'mtu'])) {
    const hostId = hostOf(row);
    const name = row.text('name');
    if (hostId === undefined || name === undefined) continue;
    const vswitch = standardSwitch(hostId, name);
    vswitch.mtu ??= mtuOf(row, summary, 'vSwitch');
  }
  let trunks = 0;
  for (const row of sorted(tabs.rows('vPort', VPORT, MESSAGES.noVport({})), ['host', 'vswitch', 'portGroup', 'vlan'])) {
    const hostId = hostOf(row);
    const name = row.text('vswitch');
    const portGroup = row.text('portGroup');
    if (hostId === undefined || name === undefined || portGroup === undefined) continue;
    const vswitch = standardSwitch(hostId, name);
    if (vswitch.portGroups.has(portGroup)) continue;
    const vlan = vlanOf(row.text('vlan'));
    if (vlan === undefined && row.text('vlan') !== undefined) trunks += 1;
    vswitch.portGroups.set(portGroup, vlan);
  }

  // Uplinks: each NIC joins the standard switch of its host that vNIC "Switch" names, else that distributed switch.
  let strayNics = 0;
  for (const host of [...input.hosts].sort((a, b) => naturalCompare(a.id, b.id))) {
    for (const nic of [...host.nics.values()].sort((a, b) => naturalCompare(a.device, b.device))) {
      if (nic.switchName === undefined) continue;
      const own = standard.get(host.id)?.get(nic.switchName);
      const dvs = own ? undefined : distributed.find(nic.server, nic.switchName);
      if (own) own.uplinks.push(nic);
      else if (dvs) dvs.members.set(host.id, [...(dvs.members.get(host.id) ?? []), nic]);
      else strayNics += 1;
    }
  }
  if (strayNics > 0) summary.warn(strayNics === 1 ? MESSAGES.strayNicOne({}) : MESSAGES.strayNicMany({ count: grouped(strayNics) }));

  const vmkernel = new Map<string, VmkernelRow[]>();
  for (const row of sorted(tabs.rows('vSC_VMK', VSC_VMK, MESSAGES.noVscVmk({})), ['host', 'device', 'portGroup', 'ip'])) {
    const hostId = hostOf(row);
    const device = row.text('device');
    if (hostId === undefined || device === undefined) continue;
    const list = vmkernel.get(hostId) ?? [];
    if (list.some((vmk) => vmk.device === device)) continue;
    list.push({ device, portGroup: row.text('portGroup'), ip: row.text('ip'), mask: row.text('mask'), gateway: row.text('gateway'), mtu: mtuOf(row, summary, 'vSC_VMK') });
    vmkernel.set(hostId, list);
  }
  if (unknownHostRows > 0) summary.warn(unknownHostRows === 1 ? MESSAGES.unknownHostRowOne({}) : MESSAGES.unknownHostRowMany({ count: grouped(unknownHostRows) }));

  // Distributed switches: ids of the file, uplink names, members and port groups.
  const distributedSwitches = new Map<string, DraftElement>();
  const memberGroups = new Map<string, Set<string>>();
  let unnamedUplinks = 0;
  for (const dvs of distributed.all()) {
    const id = input.ids.allocate(idFromName(dvs.name, 'dvs'), 'dvs');
    const layout = uplinkLayout(dvs);
    if (!layout.named) unnamedUplinks += 1;
    const members = new Map<string, DraftElement>();
    for (const hostId of [...dvs.members.keys()].sort(naturalCompare)) {
      const nics = dvs.members.get(hostId) ?? [];
      members.set(hostId, { value: layout.ports(nics).map((nic) => nic.portId) });
      if (nics.length === 0) summary.warn(MESSAGES.memberWithoutNic({ host: hostId, dvs: dvs.name }));
      const names = memberGroups.get(hostId) ?? new Set<string>();
      for (const name of dvs.portGroups.keys()) names.add(name);
      memberGroups.set(hostId, names);
    }
    const groupIds = new IdAllocator();
    const portGroups = new Map<string, DraftElement>();
    for (const name of [...dvs.portGroups.keys()].sort(naturalCompare)) {
      const group = dvs.portGroups.get(name) as DistributedPortGroup;
      const key = groupIds.allocate(idFromName(name, 'portgroup'), 'pg');
      const teaming = layout.named ? teamingOf(group, layout.uplinks) : {};
      portGroups.set(key, { value: { name: key === name ? undefined : name, vlan: group.vlan, ...teaming } });
    }
    distributedSwitches.set(id, {
      value: {
        uplinks: layout.named && layout.uplinks.length > 0 ? layout.uplinks : undefined,
        members: members.size > 0 ? collection(members) : undefined,
        mtu: dvs.mtu,
        portGroups: portGroups.size > 0 ? collection(portGroups) : undefined,
      },
      comment: id === dvs.name ? undefined : `"${dvs.name}"`,
    });
  }

  // Per host: virtual switches, then VMkernel ports with inferred roles.
  const hostFields = new Map<string, DraftMap>();
  const vmkernelRoles = new Map<string, Set<PortRole>>();
  const stats = { ports: 0, byName: new Map<PortRole, number>(), vmk0: 0, none: [] as string[], noGroup: 0, subnets: 0 };
  let noManagement = 0;
  for (const host of [...input.hosts].sort((a, b) => naturalCompare(a.id, b.id))) {
    // One id space under the host: its adapters, virtual switches and VMkernel ports.
    const local = new IdAllocator();
    for (const key of host.adapterIds) local.claim(key);
    const switches = new Map<string, DraftElement>();
    const groupNames = new Set(memberGroups.get(host.id) ?? []);
    for (const vswitch of [...(standard.get(host.id)?.values() ?? [])].sort((a, b) => naturalCompare(a.name, b.name))) {
      const id = local.allocate(idFromName(vswitch.name, 'vswitch'), 'vswitch');
      const groupIds = new IdAllocator();
      const portGroups = new Map<string, DraftElement>();
      for (const [name, vlan] of [...vswitch.portGroups].sort(([a], [b]) => naturalCompare(a, b))) {
        const key = groupIds.allocate(idFromName(name, 'portgroup'), 'pg');
        portGroups.set(key, { value: { name: key === name ? undefined : name, vlan } });
        groupNames.add(name);
      }
      switches.set(id, {
        value: {
          uplinks: vswitch.uplinks.length > 0 ? vswitch.uplinks.map((nic) => nic.portId) : undefined,
          mtu: vswitch.mtu,
          portGroups: portGroups.size > 0 ? collection(portGroups) : undefined,
        },
        comment: id === vswitch.name ? undefined : `"${vswitch.name}"`,
      });
    }
    const vmkernelPorts = new Map<string, DraftElement>();
    const roles = new Set<PortRole>();
    for (const vmk of [...(vmkernel.get(host.id) ?? [])].sort((a, b) => naturalCompare(a.device, b.device))) {
      const id = local.allocate(idFromName(vmk.device, 'vmk'), 'vmk');
      const named = rolesFromName(vmk.portGroup);
      const vmkRoles: PortRole[] = named.length > 0 ? named : vmk.device === 'vmk0' ? ['management'] : [];
      stats.ports += 1;
      if (named.length > 0) for (const role of named) stats.byName.set(role, (stats.byName.get(role) ?? 0) + 1);
      else if (vmkRoles.length > 0) stats.vmk0 += 1;
      else stats.none.push(vmk.portGroup === undefined ? `${host.id}/${vmk.device}` : MESSAGES.vmkInGroup({ port: `${host.id}/${vmk.device}`, portGroup: vmk.portGroup }));
      for (const role of vmkRoles) roles.add(role);
      if (vmk.portGroup !== undefined && !groupNames.has(vmk.portGroup)) stats.noGroup += 1;
      const subnet = cidr(vmk.ip, vmk.mask);
      if (subnet !== undefined) stats.subnets += 1;
      const gateway = vmk.gateway === undefined || /^0\.0\.0\.0$|^::$/.test(vmk.gateway) ? undefined : vmk.gateway;
      vmkernelPorts.set(id, { value: { roles: vmkRoles.length > 0 ? vmkRoles : undefined, portGroup: vmk.portGroup, subnet, gateway, mtu: vmk.mtu } });
    }
    if (vmkernelPorts.size > 0 && !roles.has('management')) noManagement += 1;
    vmkernelRoles.set(host.id, roles);
    if (switches.size > 0 || vmkernelPorts.size > 0) {
      hostFields.set(host.id, { virtualSwitches: switches.size > 0 ? collection(switches) : undefined, vmkernelPorts: vmkernelPorts.size > 0 ? collection(vmkernelPorts) : undefined });
    }
  }

  if ([...standard.values()].some((switches) => [...switches.values()].some((s) => s.portGroups.size > 0 && s.uplinks.length > 1))) {
    summary.inferred(MESSAGES.standardTeaming({}));
  }
  if (distributed.all().length > 0) {
    summary.inferred(MESSAGES.distributedTeaming({}));
  }
  if (unnamedUplinks > 0) summary.warn(unnamedUplinks === 1 ? MESSAGES.unnamedUplinksOne({}) : MESSAGES.unnamedUplinksMany({ count: grouped(unnamedUplinks) }));
  if (trunks > 0) summary.inferred(trunks === 1 ? MESSAGES.trunksOne({}) : MESSAGES.trunksMany({ count: grouped(trunks) }));
  if (stats.ports > 0) {
    const byName = formatList([...stats.byName].map(([role, n]) => MESSAGES.roleCount({ count: String(n), role })));
    summary.missing(MESSAGES.noServices({}));
    if (stats.byName.size > 0) summary.inferred(MESSAGES.rolesFromNames({ roles: byName }));
    if (stats.vmk0 > 0) summary.inferred(stats.vmk0 === 1 ? MESSAGES.vmk0One({}) : MESSAGES.vmk0Many({ count: grouped(stats.vmk0) }));
    const none = someOf(stats.none, 5);
    if (stats.none.length > 0) summary.warn(stats.none.length === 1 ? MESSAGES.noRoleOne({ ports: none }) : MESSAGES.noRoleMany({ count: grouped(stats.none.length), ports: none }));
    if (noManagement > 0) summary.warn(noManagement === 1 ? MESSAGES.noManagementOne({}) : MESSAGES.noManagementMany({ count: grouped(noManagement) }));
    if (stats.noGroup > 0) summary.warn(stats.noGroup === 1 ? MESSAGES.noGroupOne({}) : MESSAGES.noGroupMany({ count: grouped(stats.noGroup) }));
    summary.missing(MESSAGES.isolationAddresses({}));
  }
  return { hostFields, distributedSwitches, vmkernelRoles };
}

/** Distributed switches from dvSwitch and dvPort, found by vCenter and name (or by name alone when only one has it). */
function readDistributedSwitches(input: NetworkInput) {
  const { tabs, summary } = input;
  const byKey = new Map<string, DistributedSwitch>();
  const byName = new Map<string, DistributedSwitch[]>();
  const key = (server: string | undefined, name: string) => `${(server ?? '').toLowerCase()}\u0000${name}`;
  const find = (server: string | undefined, name: string): DistributedSwitch | undefined => {
    const exact = byKey.get(key(server, name));
    if (exact) return exact;
    const named = byName.get(name) ?? [];
    return named.length === 1 ? named[0] : undefined;
  };
  const create = (server: string | undefined, name: string, ...aliases: string[]): DistributedSwitch => {
    const known = byKey.get(key(server, name));
    if (known) return known;
    const created: DistributedSwitch = { name, server, members: new Map(), portGroups: new Map() };
    for (const alias of [name, ...aliases]) {
      byKey.set(key(server, alias), created);
      byName.set(alias, [...(byName.get(alias) ?? []), created]);
    }
    return created;
  };
  for (const row of sorted(tabs.rows('dvSwitch', DVSWITCH, MESSAGES.noDvswitch({})), ['server', 'name', 'label', 'hostMembers'])) {
    const name = row.text('name');
    if (name === undefined) continue;
    const label = row.text('label');
    const dvs = create(row.text('server'), name, ...(label !== undefined && label !== name ? [label] : []));
    dvs.mtu ??= mtuOf(row, summary, 'dvSwitch');
    for (const member of (row.text('hostMembers') ?? '').split(/[,;\n]+/)) {
      const id = member.trim() === '' ? undefined : input.hostId(member.trim());
      if (id !== undefined && input.hosts.some((host) => host.id === id) && !dvs.members.has(id)) dvs.members.set(id, []);
    }
  }
  let uplinkGroups = 0;
  let trunks = 0;
  for (const row of sorted(tabs.rows('dvPort', DVPORT, MESSAGES.noDvport({})), ['server', 'dvswitch', 'portGroup', 'vlan', 'active', 'standby'])) {
    const name = row.text('portGroup');
    const switchName = row.text('dvswitch');
    if (name === undefined || switchName === undefined) continue;
    // The port group of the switch's uplinks ("DSwitch-DVUplinks-35") carries no VM or VMkernel traffic.
    if (/dvuplinks/i.test(name)) {
      uplinkGroups += 1;
      continue;
    }
    const dvs = find(row.text('server'), switchName) ?? create(row.text('server'), switchName);
    if (dvs.portGroups.has(name)) continue;
    const vlan = vlanOf(row.text('vlan'));
    if (vlan === undefined && row.text('vlan') !== undefined) trunks += 1;
    dvs.portGroups.set(name, { vlan, active: listOf(row.text('active')), standby: listOf(row.text('standby')) });
  }
  if (uplinkGroups > 0) summary.inferred(uplinkGroups === 1 ? MESSAGES.uplinkGroupsOne({}) : MESSAGES.uplinkGroupsMany({ count: grouped(uplinkGroups) }));
  if (trunks > 0) summary.inferred(trunks === 1 ? MESSAGES.dvTrunksOne({}) : MESSAGES.dvTrunksMany({ count: grouped(trunks) }));
  const all = () => [...new Set(byKey.values())].sort((a, b) => naturalCompare(a.name, b.name) || naturalCompare(a.server ?? '', b.server ?? ''));
  return { find, all };
}

/**
 * A distributed switch's uplink names in order, and its members' ports in that order: the
 * names the members' NICs fill (vNIC "Uplink port"), then the names only teaming uses. The
 * format lists a member's ports in uplink order, so every member must fill the first names
 * without a gap; otherwise, or when some NIC does not say its uplink, the names are left
 * out (`named: false`) and the ports listed by device.
 */
function uplinkLayout(dvs: DistributedSwitch): { readonly named: boolean; readonly uplinks: string[]; ports(nics: readonly ImportedNic[]): ImportedNic[] } {
  const nics = [...dvs.members.values()].flat();
  const filled = [...new Set(nics.flatMap((nic) => nic.uplinkName ?? []))].sort(naturalCompare);
  const teamed = [...new Set([...dvs.portGroups.values()].flatMap((group) => [...group.active, ...group.standby]))].filter((name) => !filled.includes(name)).sort(naturalCompare);
  const uplinks = [...filled, ...teamed];
  const byDevice = (list: readonly ImportedNic[]) => [...list].sort((a, b) => naturalCompare(a.device, b.device));
  const position = (nic: ImportedNic) => (nic.uplinkName === undefined ? -1 : uplinks.indexOf(nic.uplinkName));
  const complete = nics.every((nic) => nic.uplinkName !== undefined) && [...dvs.members.values()].every((list) => {
    const positions = list.map(position).sort((a, b) => a - b);
    return positions.every((p, index) => p === index);
  });
  if (!complete) return { named: false, uplinks: [], ports: byDevice };
  return { named: true, uplinks, ports: (list) => [...list].sort((a, b) => position(a) - position(b)) };
}

/** A distributed port group's teaming by uplink name; nothing when every uplink is active (the default). */
function teamingOf(group: DistributedPortGroup, uplinks: readonly string[]): DraftMap {
  if (group.active.length === 0 && group.standby.length === 0) return {};
  if (group.standby.length === 0 && uplinks.every((name) => group.active.includes(name)) && group.active.every((name) => uplinks.includes(name))) return {};
  return { active: group.active.length > 0 ? [...group.active] : undefined, standby: group.standby.length > 0 ? [...group.standby] : undefined };
}

/** "Uplink 1, Uplink 2" -> ["Uplink 1", "Uplink 2"]. */
function listOf(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(/[,;\n]+/).map((part) => part.trim()).filter((part) => part !== ''))];
}

/** A single VLAN id (0 is untagged); 4095 (all VLANs), ranges, lists and private VLANs are not one VLAN. */
function vlanOf(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,4}$/.test(text.trim())) return undefined;
  const vlan = Number(text.trim());
  return vlan <= 4094 ? vlan : undefined;
}

function mtuOf(row: Row, summary: SummaryBuilder, tab: string): number | undefined {
  const mtu = row.number('mtu');
  if (mtu === undefined || mtu === STANDARD_MTU) return undefined;
  if (!Number.isInteger(mtu) || mtu < 576 || mtu > 9216) {
    summary.warn(MESSAGES.badMtu({ tab, row: String(row.line), mtu: String(mtu) }));
    return undefined;
  }
  return mtu;
}

/** "10.10.20.15" and "255.255.255.0" (or "24") -> "10.10.20.0/24"; IPv4 only. */
export function cidr(ip: string | undefined, mask: string | undefined): string | undefined {
  const address = ipv4(ip?.split(/[\s,;]+/)[0]);
  if (address === undefined || address === 0 || mask === undefined) return undefined;
  let prefix: number | undefined;
  const bits = /^\/?(\d{1,2})$/.exec(mask.trim());
  if (bits) prefix = Number(bits[1]) <= 32 ? Number(bits[1]) : undefined;
  else {
    const value = ipv4(mask);
    const host = value === undefined ? undefined : ~value >>> 0;
    // A netmask is ones then zeros: its complement plus one is a power of two.
    if (host !== undefined && (host & (host + 1)) === 0) prefix = 32 - Math.log2(host + 1);
  }
  if (prefix === undefined) return undefined;
  const network = prefix === 0 ? 0 : (address & (0xffffffff << (32 - prefix))) >>> 0;
  return `${[24, 16, 8, 0].map((shift) => (network >>> shift) & 255).join('.')}/${prefix}`;
}

function ipv4(text: string | undefined): number | undefined {
  const match = text === undefined ? null : /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!match) return undefined;
  const parts = match.slice(1).map(Number);
  if (parts.some((part) => part > 255)) return undefined;
  return parts.reduce((value, part) => value * 256 + part, 0);
}

/** Rows in the order of these columns' text, so that the result does not depend on the order of the rows. */
function sorted(rows: readonly Row[], columns: readonly string[]): Row[] {
  const keyed = rows.map((row) => ({ row, key: columns.map((column) => row.text(column) ?? '') }));
  keyed.sort((a, b) => {
    for (let i = 0; i < columns.length; i++) {
      const order = naturalCompare(a.key[i] ?? '', b.key[i] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  });
  return keyed.map(({ row }) => row);
}
