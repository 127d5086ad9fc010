/**
 * What a simulation can be pointed at, with labels people recognise: the hosts, the
 * components that can fail (failure domains, switches, switch stacks, adapters, virtual
 * switches, controllers, arrays, cables), the VMs.
 * The VS Code quick picks list these; the CLI checks its `kind:id` arguments against them.
 */

import { stackElementId } from '../analysis/lan-network';
import { haClusters } from '../capacity/resources';
import type { SourceRange } from '../model/source';
import type { Adapter, Topology } from '../model/topology';
import type { ComponentKind, ComponentRef } from '../simulation/types';
import type { PriorityByVm } from './simulation-charts';
import { formatMemory } from './simulation-format';
import { switchStacks } from './simulation-network';
import { effectiveRestartPriority } from '../domain/restart-priority';
import { cableId, cableIndex } from '../model/cable-id';
import { defineMessages } from '../l10n/messages';
import { formatList } from '../l10n/format';
import { domainKindName, failureDomainsOf, type DomainKind } from '../domain/failure-domains';
import { siteLinkCables } from '../domain/stretched';

export { switchStacks } from './simulation-network';

const MESSAGES = defineMessages('simulation.targets', {
  inCluster: 'cluster {cluster}',
  oneVm: '1 VM',
  manyVms: '{count} VMs',
  oneHost: '1 host',
  manyHosts: '{count} hosts',
  oneSwitch: '1 switch',
  manySwitches: '{count} switches',
  oneArray: '1 array',
  manyArrays: '{count} arrays',
  onePort: '1 port',
  manyPorts: '{count} ports',
  oneUplink: '1 uplink',
  manyUplinks: '{count} uplinks',
  onePortGroup: '1 port group',
  manyPortGroups: '{count} port groups',
  oneDatastore: '1 datastore',
  manyDatastores: '{count} datastores',
  oneCable: '1 cable',
  manyCables: '{count} cables',
  fcSwitch: 'FC switch',
  ethernetSwitch: 'Ethernet switch',
  fabric: 'fabric {fabric}',
  stack: 'stack {stack}',
  stackOf: 'switch stack of {switches}: fails as one',
  inHost: '{type} in {host}',
  withRoles: '{description}: {roles}',
  distributedSwitch: 'distributed switch',
  controllerOf: 'controller of {array}',
  array: 'array',
  arrayModel: 'array {model}',
  cableOfLinks: 'cable {n} of links:',
  siteLink: 'link between sites {sites}: {cables}',
  domain: '{kind}: {members}',
  domainInSite: '{kind} in site {site}: {members}',
  takesDownNothing: 'takes down nothing',
  vmOn: 'on {host}, {memory}',
  vmOnWithRole: 'on {host}, {memory}, {role}',
  hosts: 'Hosts',
  switches: 'Switches',
  switchStacks: 'Switch stacks',
  adapters: 'Adapters',
  virtualSwitches: 'Virtual switches',
  distributedSwitches: 'Distributed switches',
  controllers: 'Controllers',
  arrays: 'Arrays',
  cables: 'Cables',
  sites: 'Sites',
  racks: 'Racks',
  chassis: 'Chassis',
  powerFeeds: 'Power feeds',
  siteLinks: 'Site links',
  standardVSwitch: 'standard vSwitch',
  setTeam: 'SET team',
  lbfoTeam: 'LBFO team',
  bridge: 'bridge',
  openVSwitch: 'Open vSwitch',
  fcHba: 'FC HBA',
  iscsiHba: 'iSCSI HBA',
  nic: 'NIC',
  cna: 'CNA (NIC and FC)',
  unknownNone: 'unknown {kind} "{id}": the design has no {kinds}',
  unknownSome: 'unknown {kind} "{id}": the design\'s {kinds} are {ids}',
  someOfMany: '{ids}, ... ({count} in all)',
  drsThreshold: 'DRS threshold {threshold}',
  drsThresholdOff: 'DRS threshold {threshold} (DRS off)',
});

/** The kinds as the CLI's `KIND:ID` arguments name them, in the user's language. */
const KIND_TOKENS = defineMessages('simulation.targets.kinds', {
  host: 'host',
  switch: 'switch',
  adapter: 'adapter',
  port: 'port',
  link: 'link',
  controller: 'controller',
  array: 'array',
  datastore: 'datastore',
  'virtual-switch': 'virtual-switch',
  stack: 'stack',
  site: 'site',
  rack: 'rack',
  chassis: 'chassis',
  'power-feed': 'power-feed',
  'site-link': 'site-link',
  vm: 'vm',
  cluster: 'cluster',
});

/** The same, in the plural ("the design's switches are ..."). */
const KIND_PLURALS = defineMessages('simulation.targets.kind-plurals', {
  host: 'hosts',
  switch: 'switches',
  adapter: 'adapters',
  port: 'ports',
  link: 'links',
  controller: 'controllers',
  array: 'arrays',
  datastore: 'datastores',
  'virtual-switch': 'virtual-switches',
  stack: 'stacks',
  site: 'sites',
  rack: 'racks',
  chassis: 'chassis',
  'power-feed': 'power-feeds',
  'site-link': 'site-links',
  vm: 'vms',
  cluster: 'clusters',
});

/** A count and its noun, one template per form: `1 port`, `3 ports`. */
function counted(n: number, one: (data: Record<string, never>) => string, many: (data: { readonly count: string | number }) => string): string {
  return n === 1 ? one({}) : many({ count: n });
}

export interface SimulationTarget {
  readonly ref: ComponentRef;
  readonly label: string;
  readonly description: string;
  /** Heading the quick pick puts it under ("Switches", "Cables", ...). */
  readonly group: string;
}

export function hostTargets(topology: Topology): SimulationTarget[] {
  return topology.hosts.map((host) => {
    const cluster = topology.clusterOfHost(host)?.id;
    const vms = topology.vmsOnHost(host.id).length;
    return {
      ref: { kind: 'host', id: host.id },
      label: host.id,
      description: formatList([cluster ? MESSAGES.inCluster({ cluster }) : undefined, counted(vms, MESSAGES.oneVm, MESSAGES.manyVms), formatMemory(host.memoryMB), host.state === 'connected' ? undefined : host.state].filter((part) => part !== undefined)),
      group: MESSAGES.hosts({}),
    };
  });
}

/** Where a "Simulate failure" CodeLens goes: above an element's id, failing it as `ref`. */
export interface LensTarget {
  readonly ref: ComponentRef;
  readonly idRange: SourceRange;
}

/**
 * Declarations that get a "Simulate failure" CodeLens above their id, with the component
 * kind they fail as; adapters only when they carry LAN traffic (NICs and CNAs).
 */
const LENS_KINDS: ReadonlyMap<string, ComponentKind> = new Map<string, ComponentKind>([
  ['host', 'host'],
  ['switch', 'switch'],
  ['controller', 'controller'],
  ['array', 'array'],
  ['adapter', 'adapter'],
  ['virtualSwitch', 'virtual-switch'],
  ['site', 'site'],
  ['rack', 'rack'],
  ['chassis', 'chassis'],
  ['powerFeed', 'power-feed'],
  ['siteLink', 'site-link'],
]);

/** The elements with a "Simulate failure" CodeLens: hosts, switches, controllers, arrays, NICs and CNAs, virtual switches, and failure domains (sites, racks, chassis, power feeds). */
export function lensTargets(topology: Topology): LensTarget[] {
  const lanAdapters = new Set(topology.hosts.flatMap((host) => host.adapters.filter((adapter) => adapter.type === 'ethernet' || adapter.type === 'cna').map((adapter) => adapter.id)));
  const targets: LensTarget[] = [];
  for (const declaration of topology.declarations.values()) {
    const kind = LENS_KINDS.get(declaration.kind);
    if (kind === undefined || (kind === 'adapter' && !lanAdapters.has(declaration.id))) continue;
    targets.push({ ref: { kind, id: declaration.id }, idRange: declaration.idRange });
  }
  return targets;
}

/** Every element short of a host whose failure removes paths, in the order of the file; failure domains first. */
export function componentTargets(topology: Topology): SimulationTarget[] {
  const targets: SimulationTarget[] = domainTargets(topology);
  for (const networkSwitch of topology.switches) {
    const fabric = networkSwitch.fabric === undefined ? undefined : MESSAGES.fabric({ fabric: networkSwitch.fabric });
    const stack = networkSwitch.stack === undefined || networkSwitch.stack.trim() === '' ? undefined : MESSAGES.stack({ stack: networkSwitch.stack });
    const kind = networkSwitch.type === 'fc' ? MESSAGES.fcSwitch({}) : MESSAGES.ethernetSwitch({});
    targets.push({ ref: { kind: 'switch', id: networkSwitch.id }, label: networkSwitch.id, description: formatList([kind, fabric, stack].filter((part) => part !== undefined)), group: MESSAGES.switches({}) });
  }
  for (const [name, members] of switchStacks(topology)) {
    targets.push({ ref: { kind: 'stack', id: stackElementId(name) }, label: stackElementId(name), description: MESSAGES.stackOf({ switches: formatList(members) }), group: MESSAGES.switchStacks({}) });
  }
  for (const host of topology.hosts) {
    for (const adapter of host.adapters) {
      targets.push({ ref: { kind: 'adapter', id: adapter.id }, label: adapter.id, description: adapterDescription(host.id, adapter), group: MESSAGES.adapters({}) });
    }
  }
  for (const host of topology.hosts) {
    for (const vswitch of host.virtualSwitches ?? []) {
      const uplinks = vswitch.uplinks.length;
      const groups = vswitch.portGroups.length;
      targets.push({
        ref: { kind: 'virtual-switch', id: vswitch.id },
        label: vswitch.id,
        description: formatList([
          MESSAGES.inHost({ type: virtualSwitchTypeName(vswitch.type), host: host.id }),
          counted(uplinks, MESSAGES.oneUplink, MESSAGES.manyUplinks),
          counted(groups, MESSAGES.onePortGroup, MESSAGES.manyPortGroups),
        ]),
        group: MESSAGES.virtualSwitches({}),
      });
    }
  }
  for (const dvs of topology.distributedSwitches) {
    const hosts = dvs.members === undefined ? 0 : dvs.members.size;
    const groups = dvs.portGroups.length;
    targets.push({
      ref: { kind: 'virtual-switch', id: dvs.id },
      label: dvs.id,
      description: formatList([MESSAGES.distributedSwitch({}), counted(hosts, MESSAGES.oneHost, MESSAGES.manyHosts), counted(groups, MESSAGES.onePortGroup, MESSAGES.manyPortGroups)]),
      group: MESSAGES.distributedSwitches({}),
    });
  }
  for (const storageArray of topology.arrays) {
    for (const controller of storageArray.controllers) {
      targets.push({ ref: { kind: 'controller', id: controller.id }, label: controller.id, description: formatList([MESSAGES.controllerOf({ array: storageArray.id }), counted(controller.ports.length, MESSAGES.onePort, MESSAGES.manyPorts)]), group: MESSAGES.controllers({}) });
    }
  }
  for (const storageArray of topology.arrays) {
    const datastores = topology.datastores.filter((datastore) => datastore.array === storageArray.id).length;
    targets.push({ ref: { kind: 'array', id: storageArray.id }, label: storageArray.id, description: formatList([storageArray.model ? MESSAGES.arrayModel({ model: storageArray.model }) : MESSAGES.array({}), counted(datastores, MESSAGES.oneDatastore, MESSAGES.manyDatastores)]), group: MESSAGES.arrays({}) });
  }
  topology.links.forEach((link, index) => {
    targets.push({ ref: { kind: 'link', id: cableId(index) }, label: `${link.from} <-> ${link.to}`, description: MESSAGES.cableOfLinks({ n: index + 1 }), group: MESSAGES.cables({}) });
  });
  return targets;
}

/** The quick pick's heading for a kind of failure domain. */
function domainGroup(kind: DomainKind): string {
  switch (kind) {
    case 'site':
      return MESSAGES.sites({});
    case 'rack':
      return MESSAGES.racks({});
    case 'chassis':
      return MESSAGES.chassis({});
    case 'power-feed':
      return MESSAGES.powerFeeds({});
  }
}

/** Sites, racks, chassis and power feeds, with what each takes down ("rack in site dc1: 2 hosts, 4 switches"); then the links between sites. */
export function domainTargets(topology: Topology): SimulationTarget[] {
  const domains = failureDomainsOf(topology);
  const links = topology.siteLinks.map((link): SimulationTarget => {
    const cables = siteLinkCables(topology, link.id).length;
    return {
      ref: { kind: 'site-link', id: link.id },
      label: link.id,
      description: MESSAGES.siteLink({ sites: formatList(link.sites, 'and'), cables: counted(cables, MESSAGES.oneCable, MESSAGES.manyCables) }),
      group: MESSAGES.siteLinks({}),
    };
  });
  return [...domains.domains.map((domain) => {
    const members = domains.members(domain.id);
    const count = (kind: string, one: (data: Record<string, never>) => string, many: (data: { readonly count: string | number }) => string) => {
      const n = members.filter((m) => m.kind === kind).length;
      return n > 0 ? counted(n, one, many) : undefined;
    };
    const taken = [count('host', MESSAGES.oneHost, MESSAGES.manyHosts), count('switch', MESSAGES.oneSwitch, MESSAGES.manySwitches), count('array', MESSAGES.oneArray, MESSAGES.manyArrays)].filter((part) => part !== undefined);
    const site = domains.placement(domain.id)?.site ?? topology.racks.find((r) => r.id === domain.id)?.site;
    const what = { kind: domainKindName(domain.kind), members: taken.length > 0 ? formatList(taken) : MESSAGES.takesDownNothing({}) };
    return {
      ref: { kind: domain.kind, id: domain.id },
      label: domain.id,
      description: site !== undefined ? MESSAGES.domainInSite({ ...what, site }) : MESSAGES.domain(what),
      group: domainGroup(domain.kind),
    };
  }), ...links];
}

/** "NIC in esx-01, 2 ports: management, vmotion, vm"; "FC HBA in esx-01, 2 ports". */
function adapterDescription(hostId: string, adapter: Adapter): string {
  const ports = counted(adapter.ports.length, MESSAGES.onePort, MESSAGES.manyPorts);
  const roles = [...new Set(adapter.ports.flatMap((port) => port.roles ?? []))];
  const lan = adapter.type === 'ethernet' || adapter.type === 'cna';
  const description = formatList([MESSAGES.inHost({ type: adapterTypeName(adapter.type), host: hostId }), ports]);
  return lan && roles.length > 0 ? MESSAGES.withRoles({ description, roles: formatList(roles) }) : description;
}

/** A kind of virtual switch as people name it; an unknown type as it is written. */
function virtualSwitchTypeName(type: string): string {
  switch (type) {
    case 'standard':
      return MESSAGES.standardVSwitch({});
    case 'distributed':
      return MESSAGES.distributedSwitch({});
    case 'set':
      return MESSAGES.setTeam({});
    case 'lbfo':
      return MESSAGES.lbfoTeam({});
    case 'bridge':
      return MESSAGES.bridge({});
    case 'ovs':
      return MESSAGES.openVSwitch({});
    default:
      return type;
  }
}

/** A kind of adapter as people name it; an unknown type as it is written. */
function adapterTypeName(type: string): string {
  switch (type) {
    case 'fc':
      return MESSAGES.fcHba({});
    case 'iscsi':
      return MESSAGES.iscsiHba({});
    case 'ethernet':
      return MESSAGES.nic({});
    case 'cna':
      return MESSAGES.cna({});
    default:
      return type;
  }
}

export interface VmTarget {
  readonly vmId: string;
  readonly host: string;
  readonly label: string;
  readonly description: string;
}

export function vmTargets(topology: Topology): VmTarget[] {
  return topology.vms.map((vm) => ({
    vmId: vm.id,
    host: vm.host,
    label: vm.id,
    description: vm.role ? MESSAGES.vmOnWithRole({ host: vm.host, memory: formatMemory(vm.memoryMB), role: vm.role }) : MESSAGES.vmOn({ host: vm.host, memory: formatMemory(vm.memoryMB) }),
  }));
}


/** Whether the design has the element; links are `link:<index>`, stacks `stack:<name>`. */
export function hasComponent(topology: Topology, ref: ComponentRef): boolean {
  if (ref.kind === 'link') {
    const index = cableIndex(ref.id);
    return index !== undefined && index < topology.links.length;
  }
  return knownIds(topology, ref.kind).includes(ref.id);
}

/** The ids of the design's elements of a kind that fails (not links). */
function knownIds(topology: Topology, kind: ComponentKind): string[] {
  if (kind === 'stack') return [...switchStacks(topology).keys()].map(stackElementId);
  const declared = kind === 'virtual-switch' ? 'virtualSwitch' : kind === 'power-feed' ? 'powerFeed' : kind === 'site-link' ? 'siteLink' : kind;
  return [...topology.declarations.values()].filter((declaration) => declaration.kind === declared).map((declaration) => declaration.id);
}

export function hasVm(topology: Topology, id: string): boolean {
  return topology.vm(id) !== undefined;
}

export function hasCluster(topology: Topology, id: string): boolean {
  return topology.cluster(id) !== undefined;
}

export interface ClusterTarget {
  readonly clusterId: string;
  readonly label: string;
  readonly description: string;
}

/** The clusters HA protects (what "Recommend Load Balance" offers), with their hosts and VMs. */
export function haClusterTargets(topology: Topology): ClusterTarget[] {
  return haClusters(topology).map((cluster) => {
    const hosts = topology.hostsInCluster(cluster.id);
    const vms = hosts.reduce((sum, host) => sum + topology.vmsOnHost(host.id).length, 0);
    return {
      clusterId: cluster.id,
      label: cluster.id,
      description: formatList([
        counted(hosts.length, MESSAGES.oneHost, MESSAGES.manyHosts),
        counted(vms, MESSAGES.oneVm, MESSAGES.manyVms),
        (cluster.drs.enabled ? MESSAGES.drsThreshold : MESSAGES.drsThresholdOff)({ threshold: cluster.drs.migrationThreshold }),
      ]),
    };
  });
}

/** "unknown switch "fc-c": the design's switches are fc-a, fc-b". */
export function unknownElementMessage(topology: Topology, kind: ComponentKind | 'vm' | 'cluster', id: string): string {
  const known = kind === 'vm'
    ? topology.vms.map((vm) => vm.id)
    : kind === 'cluster'
      ? topology.clusters.map((cluster) => cluster.id)
      : kind === 'link'
        ? topology.links.map((_, index) => cableId(index))
        : knownIds(topology, kind);
  const names = { kind: KIND_TOKENS[kind]({}), id, kinds: KIND_PLURALS[kind]({}) };
  if (known.length === 0) return MESSAGES.unknownNone(names);
  const shown = known.length > 12 ? MESSAGES.someOfMany({ ids: formatList(known.slice(0, 12)), count: known.length }) : formatList(known);
  return MESSAGES.unknownSome({ ...names, ids: shown });
}

/** Each VM's restart priority: its own, else its cluster's default (for the timeline's tiers). */
export function restartPriorities(topology: Topology): PriorityByVm {
  const priorities: Record<string, string> = {};
  for (const vm of topology.vms) {
    const host = topology.host(vm.host);
    priorities[vm.id] = effectiveRestartPriority(vm, host ? topology.clusterOfHost(host) : undefined);
  }
  return priorities;
}
