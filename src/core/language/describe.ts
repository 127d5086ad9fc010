/**
 * The key facts of a design element in a few lines of Markdown, for hovers: what a
 * reviewer wants to see without leaving the reference (a host's capacity and load, a VM's
 * placement and priority).
 */

import type { ElementKind, Declaration } from '../model/schema';
import type { Topology, Host, HostProfile, Vm } from '../model/topology';
import { formatQuantity } from '../model/units';
import { plural } from '../text/plural';
import { failureDomainsOf } from '../domain/failure-domains';

const KIND_NAMES: Readonly<Record<ElementKind, string>> = {
  cluster: 'cluster',
  hostProfile: 'host profile',
  host: 'host',
  adapter: 'adapter',
  port: 'port',
  virtualSwitch: 'virtual switch',
  portGroup: 'port group',
  vmkernelPort: 'VMkernel port',
  switch: 'switch',
  array: 'storage array',
  controller: 'array controller',
  datastore: 'datastore',
  vm: 'VM',
  guestCluster: 'guest cluster',
  rule: 'rule',
  site: 'site',
  rack: 'rack',
  chassis: 'chassis',
  powerFeed: 'power feed',
  siteLink: 'site link',
};

export function kindName(kind: ElementKind): string {
  return KIND_NAMES[kind];
}

export function describeElement(topology: Topology, declaration: Declaration): string {
  const title = `**${KIND_NAMES[declaration.kind]}** \`${declaration.id}\``;
  const facts = factsOf(topology, declaration);
  if (facts === undefined) return `${title}\n\nNot fully read: see the problems reported on it.`;
  const lines = facts.filter((fact): fact is string => fact !== undefined);
  return lines.length === 0 ? title : `${title}\n\n${lines.map((line) => `- ${line}`).join('\n')}`;
}

type Facts = Array<string | undefined> | undefined;

function factsOf(topology: Topology, declaration: Declaration): Facts {
  const { id } = declaration;
  switch (declaration.kind) {
    case 'host': {
      const host = topology.host(id);
      return host && hostFacts(topology, host);
    }
    case 'vm': {
      const vm = topology.vm(id);
      return vm && vmFacts(topology, vm);
    }
    case 'hostProfile': {
      const profile = topology.hostProfile(id);
      return profile && hostProfileFacts(topology, profile);
    }
    case 'cluster': {
      const cluster = topology.cluster(id);
      if (!cluster) return undefined;
      const hosts = topology.hostsInCluster(id);
      const vmCount = hosts.reduce((sum, host) => sum + topology.vmsOnHost(host.id).length, 0);
      const ha = cluster.ha;
      return [
        `Hosts: ${hosts.length}`,
        `VMs: ${vmCount}`,
        ha === undefined ? 'HA: not configured' : ha.enabled ? `HA: on, admission control ${ha.admissionControl?.policy ?? 'percentage'}` : 'HA: off',
        cluster.description,
      ];
    }
    case 'datastore': {
      const datastore = topology.datastore(id);
      if (!datastore) return undefined;
      const vmCount = topology.vms.filter((vm) => vm.datastore === id).length;
      return [
        `Protocol: ${datastore.protocol}`,
        datastore.array !== undefined ? `Array: ${datastore.array}` : datastore.host !== undefined ? `Local to host ${datastore.host}` : undefined,
        topology.isLocalDatastore(datastore) ? 'Local: VMs on it cannot fail over' : 'Shared',
        datastore.mirror !== undefined ? `Mirror: ${datastore.mirror.mode} copy on ${datastore.mirror.array}${datastore.mirror.mode === 'async' && datastore.mirror.rpoSeconds !== undefined ? `, RPO ${formatQuantity(datastore.mirror.rpoSeconds, 'duration')}` : ''}` : undefined,
        datastore.capacityMB !== undefined ? `Capacity: ${formatQuantity(datastore.capacityMB, 'data')}` : undefined,
        `VMs: ${vmCount}`,
      ];
    }
    case 'array': {
      const array = topology.storageArray(id);
      if (!array) return undefined;
      return [
        array.model !== undefined ? `Model: ${[array.vendor, array.model].filter(Boolean).join(' ')}` : undefined,
        `Controllers: ${array.controllers.length}${array.mode !== undefined ? ` (${array.mode})` : ''}`,
        array.throughputMBps !== undefined ? `Throughput: ${formatQuantity(array.throughputMBps, 'throughput')}` : undefined,
      ];
    }
    case 'switch': {
      const networkSwitch = topology.networkSwitch(id);
      if (!networkSwitch) return undefined;
      return [
        `Type: ${networkSwitch.type === 'fc' ? 'Fibre Channel' : 'Ethernet'}`,
        networkSwitch.fabric !== undefined ? `Fabric: ${networkSwitch.fabric}` : undefined,
        networkSwitch.speedMbps !== undefined ? `Speed: ${formatQuantity(networkSwitch.speedMbps, 'bandwidth')}` : undefined,
        linkCount(topology, id),
      ];
    }
    case 'adapter': {
      const adapter = topology.host(parentId(id, 1))?.adapters.find((a) => a.id === id);
      if (!adapter) return undefined;
      return [`Type: ${adapter.type}`, adapter.model !== undefined ? `Model: ${[adapter.vendor, adapter.model].filter(Boolean).join(' ')}` : undefined, `Ports: ${adapter.ports.length}`];
    }
    case 'controller': {
      const controller = topology.storageArray(parentId(id, 1))?.controllers.find((c) => c.id === id);
      return controller && [`Ports: ${controller.ports.length}`];
    }
    case 'port':
      return portFacts(topology, id);
    case 'vmkernelPort': {
      const vmkernelPort = topology.host(parentId(id, 1))?.vmkernelPorts.find((p) => p.id === id);
      if (!vmkernelPort) return undefined;
      return [
        vmkernelPort.roles.length > 0 ? `Roles: ${vmkernelPort.roles.join(', ')}` : undefined,
        `Active uplinks: ${vmkernelPort.active.join(', ') || 'none'}`,
        vmkernelPort.standby.length > 0 ? `Standby uplinks: ${vmkernelPort.standby.join(', ')}` : undefined,
      ];
    }
    case 'guestCluster': {
      const guestCluster = topology.guestClusters.find((g) => g.id === id);
      if (!guestCluster) return undefined;
      const members = topology.vms.filter((vm) => vm.guestCluster === id).map((vm) => vm.id);
      return [`Type: ${guestCluster.type}`, `Nodes: ${members.join(', ') || 'none'}`, guestCluster.role !== undefined ? `Role: ${guestCluster.role}` : undefined];
    }
    case 'rule': {
      const rule = topology.rules.find((r) => r.id === id);
      if (!rule) return undefined;
      return [
        `Type: ${rule.type}${rule.enabled ? '' : ' (disabled)'}`,
        rule.vms.length > 0 ? `VMs: ${rule.vms.join(', ')}` : undefined,
        rule.hosts.length > 0 ? `Hosts: ${rule.hosts.join(', ')}${rule.mode !== undefined ? ` (${rule.mode})` : ''}` : undefined,
      ];
    }
    case 'siteLink': {
      const link = topology.siteLinks.find((l) => l.id === id);
      if (!link) return undefined;
      return [
        `Sites: ${link.sites.join(', ')}`,
        link.rttSeconds !== undefined ? `Round trip: ${formatQuantity(link.rttSeconds, 'duration')}` : undefined,
        link.bandwidthMbps !== undefined ? `Bandwidth: ${formatQuantity(link.bandwidthMbps, 'bandwidth')}` : undefined,
        link.description,
      ];
    }
    case 'site':
    case 'rack':
    case 'chassis':
    case 'powerFeed':
      return domainFacts(topology, id);
  }
}

/** What a failure domain takes down, counted by kind, and where it stands. */
function domainFacts(topology: Topology, id: string): Facts {
  const domains = failureDomainsOf(topology);
  const domain = domains.domain(id);
  if (!domain) return undefined;
  const members = domains.members(id);
  const count = (kind: string, name: string, names: string) => {
    const n = members.filter((m) => m.kind === kind).length;
    return n > 0 ? `${n} ${plural(n, name, names)}` : undefined;
  };
  const taken = [count('host', 'host', 'hosts'), count('switch', 'switch', 'switches'), count('array', 'array', 'arrays'), count('chassis', 'chassis', 'chassis')].filter((part) => part !== undefined);
  const place = domains.placement(id);
  const rack = topology.racks.find((r) => r.id === id);
  const feed = topology.powerFeeds.find((f) => f.id === id);
  return [
    `Its failure takes down: ${taken.length > 0 ? taken.join(', ') : 'nothing that says it stands here or hangs on it'}`,
    rack?.site !== undefined ? `Site: ${rack.site}` : place?.site !== undefined ? `Site: ${place.site}` : undefined,
    place?.rack !== undefined ? `Rack: ${place.rack}` : undefined,
    feed?.fedFrom !== undefined ? `Fed from: ${feed.fedFrom}` : undefined,
  ];
}

/** What a host takes from its profile, as " (cpu, memory, adapters)". */
function inheritedKeys(host: Host): string {
  const keys = Object.entries(host.source.fields).filter(([, field]) => field?.inheritedFrom !== undefined).map(([key]) => (key === 'memoryMB' ? 'memory' : key));
  return keys.length === 0 ? '' : ` (${keys.join(', ')})`;
}

function hostFacts(topology: Topology, host: Host): Facts {
  const cpu = host.cpu;
  const vms = topology.vmsOnHost(host.id);
  const configuredMB = vms.reduce((sum, vm) => sum + vm.memoryMB, 0);
  return [
    `CPU: ${cpu.cores} cores (${cpu.sockets} ${plural(cpu.sockets, 'socket')}) at ${formatQuantity(cpu.speedMHz, 'frequency')}${cpu.family !== undefined ? `, ${cpu.family}` : ''}`,
    `Memory: ${formatQuantity(host.memoryMB, 'data')}`,
    `Cluster: ${topology.clusterOfHost(host)?.id ?? 'none'}`,
    host.profile !== undefined ? `Profile: ${host.profile}${inheritedKeys(host)}` : undefined,
    `VMs: ${vms.length}${vms.length > 0 ? ` (${formatQuantity(configuredMB, 'data')} memory configured)` : ''}`,
    host.state !== 'connected' ? `State: ${host.state}` : undefined,
  ];
}

/** Shown by name up to this many; an imported estate can have hundreds of hosts of one profile. */
const LISTED_HOSTS = 8;

function hostProfileFacts(topology: Topology, profile: HostProfile): Facts {
  const users = [...new Set(topology.references.filter((reference) => reference.target === 'hostProfile' && reference.id === profile.id).map((reference) => reference.fromId))]
    .filter((hostId): hostId is string => hostId !== undefined);
  const more = users.length > LISTED_HOSTS ? ` and ${users.length - LISTED_HOSTS} more` : '';
  return [
    `Gives: ${hostProfileSummary(profile) || 'nothing yet'}`,
    profile.model !== undefined ? `Model: ${profile.model}` : undefined,
    profile.edition !== undefined ? `Edition: ${profile.edition}` : undefined,
    profile.overhead !== undefined ? `Overhead: ${formatQuantity(profile.overhead.cpuMHz, 'frequency')} CPU, ${formatQuantity(profile.overhead.memoryMB, 'data')} memory` : undefined,
    profile.maxVms !== undefined ? `Max VMs: ${profile.maxVms}` : undefined,
    users.length === 0 ? 'Hosts: none' : `Hosts (${users.length}): ${users.slice(0, LISTED_HOSTS).join(', ')}${more}`,
  ];
}

/** A profile's hardware in one line: "2 x 16 cores @ 2.3 GHz, 512 GB, adapters hba1, hba2, nic1". */
export function hostProfileSummary(profile: HostProfile): string {
  const cpu = profile.cpu;
  const perSocket = cpu && cpu.sockets > 1 && cpu.cores % cpu.sockets === 0 ? `${cpu.sockets} x ${cpu.cores / cpu.sockets} cores` : cpu && `${cpu.cores} cores`;
  const adapters = profile.adapters?.map((adapter) => adapter.id.slice(adapter.id.lastIndexOf('/') + 1));
  return [
    cpu && `${perSocket} @ ${formatQuantity(cpu.speedMHz, 'frequency')}`,
    profile.memoryMB !== undefined ? formatQuantity(profile.memoryMB, 'data') : undefined,
    adapters && adapters.length > 0 ? `${plural(adapters.length, 'adapter')} ${adapters.join(', ')}` : undefined,
  ].filter((part): part is string => part !== undefined).join(', ');
}

function vmFacts(topology: Topology, vm: Vm): Facts {
  const host = topology.host(vm.host);
  const defaultPriority = host && topology.clusterOfHost(host)?.ha?.defaultRestartPriority;
  const priority = vm.restartPriority ?? (defaultPriority !== undefined ? `${defaultPriority} (cluster default)` : undefined);
  return [
    `Host: ${vm.host}`,
    `CPUs: ${vm.cpus}, memory: ${formatQuantity(vm.memoryMB, 'data')}`,
    `Datastore: ${vm.datastore ?? 'none'}`,
    priority !== undefined ? `Restart priority: ${priority}` : undefined,
    vm.role !== undefined ? `Role: ${vm.role}` : undefined,
    vm.power !== 'on' ? `Power: ${vm.power}` : undefined,
    vm.protection !== 'none' ? `Protection: ${vm.protection}${vm.secondaryHost !== undefined ? ` on ${vm.secondaryHost}` : ''}` : undefined,
  ];
}

function portFacts(topology: Topology, id: string): Facts {
  const device = parentId(id, 2);
  const owner = parentId(id, 1);
  const hostPort = topology.host(device)?.adapters.find((a) => a.id === owner)?.ports.find((p) => p.id === id);
  if (hostPort) {
    return [
      hostPort.speedMbps !== undefined ? `Speed: ${formatQuantity(hostPort.speedMbps, 'bandwidth')}` : undefined,
      hostPort.roles !== undefined && hostPort.roles.length > 0 ? `Roles: ${hostPort.roles.join(', ')}` : undefined,
      linkCount(topology, id),
    ];
  }
  const arrayPort = topology.storageArray(device)?.controllers.find((c) => c.id === owner)?.ports.find((p) => p.id === id);
  if (!arrayPort) return undefined;
  return [
    `Type: ${arrayPort.type}`,
    arrayPort.speedMbps !== undefined ? `Speed: ${formatQuantity(arrayPort.speedMbps, 'bandwidth')}` : undefined,
    linkCount(topology, id),
  ];
}

/** Shown by name up to this many; a core switch can have hundreds of cables. */
const LISTED_LINKS = 8;

function linkCount(topology: Topology, endpointId: string): string {
  const isThis = (endpoint: string) => endpoint === endpointId || endpoint.startsWith(`${endpointId}/`);
  const linked = topology.links.filter((link) => isThis(link.from) || isThis(link.to)).map((link) => (isThis(link.from) ? link.to : link.from));
  if (linked.length === 0) return 'Not cabled';
  const more = linked.length > LISTED_LINKS ? ` and ${linked.length - LISTED_LINKS} more` : '';
  return `Cabled to: ${linked.slice(0, LISTED_LINKS).join(', ')}${more}`;
}

/** The id `levels` steps up: `esx-01/hba1/p0` is on adapter `esx-01/hba1` and host `esx-01`. */
function parentId(id: string, levels: number): string {
  return id.split('/').slice(0, -levels).join('/');
}
