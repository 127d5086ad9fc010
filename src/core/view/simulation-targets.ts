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
import { cableId, cableIndex, cableLabel } from '../model/cable-id';
import { plural } from '../text/plural';
import { domainKindName, failureDomainsOf, type DomainKind } from '../domain/failure-domains';
import { siteLinkCables } from '../domain/stretched';

export { switchStacks } from './simulation-network';

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
      description: [cluster ? `cluster ${cluster}` : undefined, `${vms} ${plural(vms, 'VM')}`, formatMemory(host.memoryMB), host.state === 'connected' ? undefined : host.state].filter((part) => part !== undefined).join(', '),
      group: 'Hosts',
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
    const fabric = networkSwitch.fabric === undefined ? '' : `, fabric ${networkSwitch.fabric}`;
    const stack = networkSwitch.stack === undefined || networkSwitch.stack.trim() === '' ? '' : `, stack ${networkSwitch.stack}`;
    targets.push({ ref: { kind: 'switch', id: networkSwitch.id }, label: networkSwitch.id, description: `${networkSwitch.type === 'fc' ? 'FC' : 'Ethernet'} switch${fabric}${stack}`, group: 'Switches' });
  }
  for (const [name, members] of switchStacks(topology)) {
    targets.push({ ref: { kind: 'stack', id: stackElementId(name) }, label: stackElementId(name), description: `switch stack of ${members.join(', ')}: fails as one`, group: 'Switch stacks' });
  }
  for (const host of topology.hosts) {
    for (const adapter of host.adapters) {
      targets.push({ ref: { kind: 'adapter', id: adapter.id }, label: adapter.id, description: adapterDescription(host.id, adapter), group: 'Adapters' });
    }
  }
  for (const host of topology.hosts) {
    for (const vswitch of host.virtualSwitches ?? []) {
      const uplinks = vswitch.uplinks.length;
      const groups = vswitch.portGroups.length;
      targets.push({
        ref: { kind: 'virtual-switch', id: vswitch.id },
        label: vswitch.id,
        description: `${VIRTUAL_SWITCH_TYPES[vswitch.type] ?? vswitch.type} in ${host.id}, ${uplinks} ${plural(uplinks, 'uplink')}, ${groups} ${plural(groups, 'port group')}`,
        group: 'Virtual switches',
      });
    }
  }
  for (const dvs of topology.distributedSwitches) {
    const hosts = dvs.members === undefined ? 0 : dvs.members.size;
    const groups = dvs.portGroups.length;
    targets.push({
      ref: { kind: 'virtual-switch', id: dvs.id },
      label: dvs.id,
      description: `distributed switch, ${hosts} ${plural(hosts, 'host')}, ${groups} ${plural(groups, 'port group')}`,
      group: 'Distributed switches',
    });
  }
  for (const storageArray of topology.arrays) {
    for (const controller of storageArray.controllers) {
      targets.push({ ref: { kind: 'controller', id: controller.id }, label: controller.id, description: `controller of ${storageArray.id}, ${controller.ports.length} ${plural(controller.ports.length, 'port')}`, group: 'Controllers' });
    }
  }
  for (const storageArray of topology.arrays) {
    const datastores = topology.datastores.filter((datastore) => datastore.array === storageArray.id).length;
    targets.push({ ref: { kind: 'array', id: storageArray.id }, label: storageArray.id, description: `array${storageArray.model ? ` ${storageArray.model}` : ''}, ${datastores} ${plural(datastores, 'datastore')}`, group: 'Arrays' });
  }
  topology.links.forEach((link, index) => {
    targets.push({ ref: { kind: 'link', id: cableId(index) }, label: `${link.from} <-> ${link.to}`, description: cableLabel(index), group: 'Cables' });
  });
  return targets;
}

const DOMAIN_GROUPS: Readonly<Record<DomainKind, string>> = { site: 'Sites', rack: 'Racks', chassis: 'Chassis', 'power-feed': 'Power feeds' };

/** Sites, racks, chassis and power feeds, with what each takes down ("rack in site dc1: 2 hosts, 4 switches"); then the links between sites. */
export function domainTargets(topology: Topology): SimulationTarget[] {
  const domains = failureDomainsOf(topology);
  const links = topology.siteLinks.map((link): SimulationTarget => {
    const cables = siteLinkCables(topology, link.id).length;
    return {
      ref: { kind: 'site-link', id: link.id },
      label: link.id,
      description: `link between sites ${link.sites.join(' and ')}: ${cables} ${plural(cables, 'cable')}`,
      group: 'Site links',
    };
  });
  return [...domains.domains.map((domain) => {
    const members = domains.members(domain.id);
    const count = (kind: string, noun: string, nouns: string) => {
      const n = members.filter((m) => m.kind === kind).length;
      return n > 0 ? `${n} ${plural(n, noun, nouns)}` : undefined;
    };
    const taken = [count('host', 'host', 'hosts'), count('switch', 'switch', 'switches'), count('array', 'array', 'arrays')].filter((part) => part !== undefined);
    const site = domains.placement(domain.id)?.site ?? topology.racks.find((r) => r.id === domain.id)?.site;
    return {
      ref: { kind: domain.kind, id: domain.id },
      label: domain.id,
      description: `${domainKindName(domain.kind)}${site !== undefined ? ` in site ${site}` : ''}: ${taken.length > 0 ? taken.join(', ') : 'takes down nothing'}`,
      group: DOMAIN_GROUPS[domain.kind],
    };
  }), ...links];
}

/** "NIC in esx-01, 2 ports: management, vmotion, vm"; "FC HBA in esx-01, 2 ports". */
function adapterDescription(hostId: string, adapter: Adapter): string {
  const ports = `${adapter.ports.length} ${plural(adapter.ports.length, 'port')}`;
  const roles = [...new Set(adapter.ports.flatMap((port) => port.roles ?? []))];
  const lan = adapter.type === 'ethernet' || adapter.type === 'cna';
  return `${ADAPTER_TYPES[adapter.type] ?? adapter.type} in ${hostId}, ${ports}${lan && roles.length > 0 ? `: ${roles.join(', ')}` : ''}`;
}

const VIRTUAL_SWITCH_TYPES: Readonly<Record<string, string>> = { standard: 'standard vSwitch', distributed: 'distributed switch', set: 'SET team', lbfo: 'LBFO team', bridge: 'bridge', ovs: 'Open vSwitch' };

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
    description: `on ${vm.host}, ${formatMemory(vm.memoryMB)}${vm.role ? `, ${vm.role}` : ''}`,
  }));
}

const ADAPTER_TYPES: Readonly<Record<string, string>> = { fc: 'FC HBA', iscsi: 'iSCSI HBA', ethernet: 'NIC', cna: 'CNA (NIC and FC)' };

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
      description: `${hosts.length} ${plural(hosts.length, 'host')}, ${vms} ${plural(vms, 'VM')}, DRS threshold ${cluster.drs.migrationThreshold}${cluster.drs.enabled ? '' : ' (DRS off)'}`,
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
  const plural = kind === 'switch' || kind === 'virtual-switch' ? `${kind}es` : `${kind}s`;
  if (known.length === 0) return `unknown ${kind} "${id}": the design has no ${plural}`;
  const shown = known.length > 12 ? `${known.slice(0, 12).join(', ')}, ... (${known.length} in all)` : known.join(', ');
  return `unknown ${kind} "${id}": the design's ${plural} are ${shown}`;
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
