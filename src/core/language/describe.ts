/**
 * The key facts of a design element in a few lines of Markdown, for hovers: what a
 * reviewer wants to see without leaving the reference (a host's capacity and load, a VM's
 * placement and priority).
 */

import type { Declaration } from '../model/schema';
import type { Topology, Host, HostProfile, Vm } from '../model/topology';
import { formatQuantity } from '../model/units';
import { grouped } from '../text/plural';
import { formatList } from '../l10n/format';
import { FACTS, HOVER, kindName } from './messages';
import { failureDomainsOf } from '../domain/failure-domains';

export function describeElement(topology: Topology, declaration: Declaration): string {
  const title = HOVER.title({ kind: kindName(declaration.kind), id: declaration.id });
  const facts = factsOf(topology, declaration);
  if (facts === undefined) return `${title}\n\n${HOVER.notFullyRead({})}`;
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
        FACTS.hosts({ count: grouped(hosts.length) }),
        FACTS.vms({ count: grouped(vmCount) }),
        ha === undefined ? FACTS.haNotConfigured({}) : ha.enabled ? FACTS.haOn({ policy: ha.admissionControl?.policy ?? 'percentage' }) : FACTS.haOff({}),
        cluster.description,
      ];
    }
    case 'datastore': {
      const datastore = topology.datastore(id);
      if (!datastore) return undefined;
      const vmCount = topology.vms.filter((vm) => vm.datastore === id).length;
      return [
        FACTS.protocol({ protocol: datastore.protocol }),
        datastore.array !== undefined ? FACTS.array({ array: datastore.array }) : datastore.host !== undefined ? FACTS.localToHost({ host: datastore.host }) : undefined,
        topology.isLocalDatastore(datastore) ? FACTS.local({}) : FACTS.shared({}),
        datastore.mirror !== undefined ? mirrorFact(datastore.mirror) : undefined,
        datastore.capacityMB !== undefined ? FACTS.capacity({ capacity: formatQuantity(datastore.capacityMB, 'data') }) : undefined,
        FACTS.vms({ count: grouped(vmCount) }),
      ];
    }
    case 'array': {
      const array = topology.storageArray(id);
      if (!array) return undefined;
      return [
        array.model !== undefined ? FACTS.model({ model: [array.vendor, array.model].filter(Boolean).join(' ') }) : undefined,
        array.mode !== undefined ? FACTS.controllersMode({ count: grouped(array.controllers.length), mode: array.mode }) : FACTS.controllers({ count: grouped(array.controllers.length) }),
        array.throughputMBps !== undefined ? FACTS.throughput({ throughput: formatQuantity(array.throughputMBps, 'throughput') }) : undefined,
      ];
    }
    case 'switch': {
      const networkSwitch = topology.networkSwitch(id);
      if (!networkSwitch) return undefined;
      return [
        networkSwitch.type === 'fc' ? FACTS.typeFibreChannel({}) : FACTS.typeEthernet({}),
        networkSwitch.fabric !== undefined ? FACTS.fabric({ fabric: networkSwitch.fabric }) : undefined,
        networkSwitch.speedMbps !== undefined ? FACTS.speed({ speed: formatQuantity(networkSwitch.speedMbps, 'bandwidth') }) : undefined,
        linkCount(topology, id),
      ];
    }
    case 'adapter': {
      const adapter = topology.host(parentId(id, 1))?.adapters.find((a) => a.id === id);
      if (!adapter) return undefined;
      return [
        FACTS.type({ type: adapter.type }),
        adapter.model !== undefined ? FACTS.model({ model: [adapter.vendor, adapter.model].filter(Boolean).join(' ') }) : undefined,
        FACTS.ports({ count: grouped(adapter.ports.length) }),
      ];
    }
    case 'controller': {
      const controller = topology.storageArray(parentId(id, 1))?.controllers.find((c) => c.id === id);
      return controller && [FACTS.ports({ count: grouped(controller.ports.length) })];
    }
    case 'port':
      return portFacts(topology, id);
    case 'vmkernelPort': {
      const vmkernelPort = topology.host(parentId(id, 1))?.vmkernelPorts.find((p) => p.id === id);
      if (!vmkernelPort) return undefined;
      return [
        vmkernelPort.roles.length > 0 ? FACTS.roles({ roles: formatList(vmkernelPort.roles) }) : undefined,
        vmkernelPort.active.length > 0 ? FACTS.activeUplinks({ uplinks: formatList(vmkernelPort.active) }) : FACTS.activeUplinksNone({}),
        vmkernelPort.standby.length > 0 ? FACTS.standbyUplinks({ uplinks: formatList(vmkernelPort.standby) }) : undefined,
      ];
    }
    case 'guestCluster': {
      const guestCluster = topology.guestClusters.find((g) => g.id === id);
      if (!guestCluster) return undefined;
      const members = topology.vms.filter((vm) => vm.guestCluster === id).map((vm) => vm.id);
      return [
        FACTS.type({ type: guestCluster.type }),
        members.length > 0 ? FACTS.nodes({ nodes: formatList(members) }) : FACTS.nodesNone({}),
        guestCluster.role !== undefined ? FACTS.role({ role: guestCluster.role }) : undefined,
      ];
    }
    case 'rule': {
      const rule = topology.rules.find((r) => r.id === id);
      if (!rule) return undefined;
      return [
        rule.enabled ? FACTS.type({ type: rule.type }) : FACTS.typeDisabled({ type: rule.type }),
        rule.vms.length > 0 ? FACTS.vmsListed({ vms: formatList(rule.vms) }) : undefined,
        rule.hosts.length === 0 ? undefined
        : rule.mode !== undefined ? FACTS.hostsListedMode({ hosts: formatList(rule.hosts), mode: rule.mode }) : FACTS.hostsListed({ hosts: formatList(rule.hosts) }),
      ];
    }
    case 'siteLink': {
      const link = topology.siteLinks.find((l) => l.id === id);
      if (!link) return undefined;
      return [
        FACTS.sites({ sites: formatList(link.sites) }),
        link.rttSeconds !== undefined ? FACTS.roundTrip({ rtt: formatQuantity(link.rttSeconds, 'duration') }) : undefined,
        link.bandwidthMbps !== undefined ? FACTS.bandwidth({ bandwidth: formatQuantity(link.bandwidthMbps, 'bandwidth') }) : undefined,
        link.description,
      ];
    }
    case 'virtualSwitch':
      return virtualSwitchFacts(topology, id);
    case 'portGroup':
      return portGroupFacts(topology, id);
    case 'site':
    case 'rack':
    case 'chassis':
    case 'powerFeed':
      return domainFacts(topology, id);
  }
}

/** A host's virtual switch (by its full id, host/switch) or a distributed switch: its uplinks and port groups. */
function virtualSwitchFacts(topology: Topology, id: string): Facts {
  const local = topology.host(parentId(id, 1))?.virtualSwitches?.find((s) => s.id === id);
  if (local) {
    return [
      FACTS.type({ type: local.type }),
      local.uplinks.length > 0 ? FACTS.uplinks({ uplinks: formatList(local.uplinks) }) : FACTS.uplinksNone({}),
      local.mtu !== undefined ? FACTS.mtu({ mtu: grouped(local.mtu) }) : undefined,
      local.portGroups.length > 0 ? FACTS.portGroups({ groups: formatList(local.portGroups.map((group) => group.name ?? group.id.slice(id.length + 1))) }) : undefined,
    ];
  }
  const distributed = topology.distributedSwitches.find((s) => s.id === id);
  if (!distributed) return undefined;
  return [
    FACTS.type({ type: 'distributed' }),
    distributed.uplinks.length > 0 ? FACTS.uplinks({ uplinks: formatList(distributed.uplinks) }) : FACTS.uplinksNone({}),
    distributed.members !== undefined && distributed.members.size > 0 ? FACTS.memberHosts({ hosts: formatList([...distributed.members.keys()]) }) : undefined,
    distributed.mtu !== undefined ? FACTS.mtu({ mtu: grouped(distributed.mtu) }) : undefined,
    distributed.portGroups.length > 0 ? FACTS.portGroups({ groups: formatList(distributed.portGroups.map((group) => group.name ?? group.id.slice(id.length + 1))) }) : undefined,
  ];
}

/** A port group of a host's virtual switch or of a distributed switch: its VLAN, roles and teaming. */
function portGroupFacts(topology: Topology, id: string): Facts {
  const switchId = parentId(id, 1);
  const group = topology.host(parentId(id, 2))?.virtualSwitches?.find((s) => s.id === switchId)?.portGroups.find((g) => g.id === id)
    ?? topology.distributedSwitches.find((s) => s.id === switchId)?.portGroups.find((g) => g.id === id);
  if (!group) return undefined;
  const active = group.active ?? [];
  const standby = group.standby ?? [];
  return [
    group.vlan === undefined ? undefined : group.vlan === 0 ? FACTS.vlanUntagged({}) : FACTS.vlan({ vlan: String(group.vlan) }),
    group.roles !== undefined && group.roles.length > 0 ? FACTS.roles({ roles: formatList(group.roles) }) : undefined,
    active.length > 0 ? FACTS.activeUplinks({ uplinks: formatList(active) }) : undefined,
    standby.length > 0 ? FACTS.standbyUplinks({ uplinks: formatList(standby) }) : undefined,
  ];
}

/** What a failure domain takes down, counted by kind, and where it stands. */
function domainFacts(topology: Topology, id: string): Facts {
  const domains = failureDomainsOf(topology);
  const domain = domains.domain(id);
  if (!domain) return undefined;
  const members = domains.members(id);
  const count = (kind: string, one: (data: { count: string }) => string, many: (data: { count: string }) => string) => {
    const n = members.filter((m) => m.kind === kind).length;
    return n > 0 ? (n === 1 ? one : many)({ count: grouped(n) }) : undefined;
  };
  const taken = [
    count('host', FACTS.oneHost, FACTS.manyHosts),
    count('switch', FACTS.oneSwitch, FACTS.manySwitches),
    count('array', FACTS.oneArray, FACTS.manyArrays),
    count('chassis', FACTS.chassisCount, FACTS.chassisCount),
  ].filter((part) => part !== undefined);
  const place = domains.placement(id);
  const rack = topology.racks.find((r) => r.id === id);
  const feed = topology.powerFeeds.find((f) => f.id === id);
  return [
    taken.length > 0 ? FACTS.takesDown({ members: formatList(taken) }) : FACTS.takesDownNothing({}),
    rack?.site !== undefined ? FACTS.site({ site: rack.site }) : place?.site !== undefined ? FACTS.site({ site: place.site }) : undefined,
    place?.rack !== undefined ? FACTS.rack({ rack: place.rack }) : undefined,
    feed?.fedFrom !== undefined ? FACTS.fedFrom({ feed: feed.fedFrom }) : undefined,
  ];
}

/** What a host takes from its profile: `cpu, memory, adapters`. */
function inheritedKeys(host: Host): string[] {
  return Object.entries(host.source.fields).filter(([, field]) => field?.inheritedFrom !== undefined).map(([key]) => (key === 'memoryMB' ? 'memory' : key));
}

function profileFact(profile: string, host: Host): string {
  const keys = inheritedKeys(host);
  return keys.length === 0 ? FACTS.profile({ profile }) : FACTS.profileTaking({ profile, keys: formatList(keys) });
}

function mirrorFact(mirror: { readonly mode: string; readonly array: string; readonly rpoSeconds?: number }): string {
  return mirror.mode === 'async' && mirror.rpoSeconds !== undefined
    ? FACTS.mirrorRpo({ mode: mirror.mode, array: mirror.array, rpo: formatQuantity(mirror.rpoSeconds, 'duration') })
    : FACTS.mirror({ mode: mirror.mode, array: mirror.array });
}

function cpuFact(cpu: Host['cpu']): string {
  const data = { cores: grouped(cpu.cores), sockets: grouped(cpu.sockets), speed: formatQuantity(cpu.speedMHz, 'frequency') };
  if (cpu.family === undefined) return (cpu.sockets === 1 ? FACTS.cpuOneSocket : FACTS.cpuSockets)(data);
  return (cpu.sockets === 1 ? FACTS.cpuOneSocketFamily : FACTS.cpuSocketsFamily)({ ...data, family: cpu.family });
}

function hostFacts(topology: Topology, host: Host): Facts {
  const cpu = host.cpu;
  const vms = topology.vmsOnHost(host.id);
  const configuredMB = vms.reduce((sum, vm) => sum + vm.memoryMB, 0);
  const cluster = topology.clusterOfHost(host)?.id;
  return [
    cpuFact(cpu),
    FACTS.memory({ memory: formatQuantity(host.memoryMB, 'data') }),
    cluster !== undefined ? FACTS.cluster({ cluster }) : FACTS.clusterNone({}),
    host.profile !== undefined ? profileFact(host.profile, host) : undefined,
    vms.length > 0 ? FACTS.vmsMemory({ count: grouped(vms.length), memory: formatQuantity(configuredMB, 'data') }) : FACTS.vms({ count: grouped(vms.length) }),
    host.state !== 'connected' ? FACTS.state({ state: host.state }) : undefined,
  ];
}

/** Shown by name up to this many; an imported estate can have hundreds of hosts of one profile. */
const LISTED_HOSTS = 8;

function hostProfileFacts(topology: Topology, profile: HostProfile): Facts {
  const users = [...new Set(topology.references.filter((reference) => reference.target === 'hostProfile' && reference.id === profile.id).map((reference) => reference.fromId))]
    .filter((hostId): hostId is string => hostId !== undefined);
  const summary = hostProfileSummary(profile);
  const listed = { count: grouped(users.length), hosts: formatList(users.slice(0, LISTED_HOSTS)) };
  return [
    summary !== '' ? FACTS.gives({ summary }) : FACTS.givesNothing({}),
    profile.model !== undefined ? FACTS.model({ model: profile.model }) : undefined,
    profile.edition !== undefined ? FACTS.edition({ edition: profile.edition }) : undefined,
    profile.overhead !== undefined ? FACTS.overhead({ cpu: formatQuantity(profile.overhead.cpuMHz, 'frequency'), memory: formatQuantity(profile.overhead.memoryMB, 'data') }) : undefined,
    profile.maxVms !== undefined ? FACTS.maxVms({ count: grouped(profile.maxVms) }) : undefined,
    users.length === 0 ? FACTS.hostsNone({})
    : users.length > LISTED_HOSTS ? FACTS.hostsCountedMore({ ...listed, more: grouped(users.length - LISTED_HOSTS) }) : FACTS.hostsCounted(listed),
  ];
}

/** A profile's hardware in one line: "2 x 16 cores @ 2.3 GHz, 512 GB, adapters hba1, hba2, nic1". */
export function hostProfileSummary(profile: HostProfile): string {
  const cpu = profile.cpu;
  const perSocket = cpu && cpu.sockets > 1 && cpu.cores % cpu.sockets === 0
    ? FACTS.coresPerSocket({ sockets: grouped(cpu.sockets), cores: grouped(cpu.cores / cpu.sockets) })
    : cpu && FACTS.cores({ cores: grouped(cpu.cores) });
  const adapters = profile.adapters?.map((adapter) => adapter.id.slice(adapter.id.lastIndexOf('/') + 1));
  return formatList([
    cpu && perSocket !== undefined ? FACTS.cpuAt({ cores: perSocket, speed: formatQuantity(cpu.speedMHz, 'frequency') }) : undefined,
    profile.memoryMB !== undefined ? formatQuantity(profile.memoryMB, 'data') : undefined,
    adapters && adapters.length > 0 ? (adapters.length === 1 ? FACTS.oneAdapter : FACTS.manyAdapters)({ adapters: formatList(adapters) }) : undefined,
  ].filter((part): part is string => part !== undefined));
}

function vmFacts(topology: Topology, vm: Vm): Facts {
  const host = topology.host(vm.host);
  const defaultPriority = host && topology.clusterOfHost(host)?.ha?.defaultRestartPriority;
  const priority = vm.restartPriority !== undefined ? FACTS.restartPriority({ priority: vm.restartPriority })
    : defaultPriority !== undefined ? FACTS.restartPriorityDefault({ priority: defaultPriority }) : undefined;
  return [
    FACTS.host({ host: vm.host }),
    FACTS.cpusMemory({ cpus: grouped(vm.cpus), memory: formatQuantity(vm.memoryMB, 'data') }),
    vm.datastore !== undefined ? FACTS.datastore({ datastore: vm.datastore }) : FACTS.datastoreNone({}),
    priority,
    vm.role !== undefined ? FACTS.role({ role: vm.role }) : undefined,
    vm.power !== 'on' ? FACTS.power({ power: vm.power }) : undefined,
    vm.protection === 'none' ? undefined
    : vm.secondaryHost !== undefined ? FACTS.protectionOn({ protection: vm.protection, host: vm.secondaryHost }) : FACTS.protection({ protection: vm.protection }),
  ];
}

function portFacts(topology: Topology, id: string): Facts {
  const device = parentId(id, 2);
  const owner = parentId(id, 1);
  const hostPort = topology.host(device)?.adapters.find((a) => a.id === owner)?.ports.find((p) => p.id === id);
  if (hostPort) {
    return [
      hostPort.speedMbps !== undefined ? FACTS.speed({ speed: formatQuantity(hostPort.speedMbps, 'bandwidth') }) : undefined,
      hostPort.roles !== undefined && hostPort.roles.length > 0 ? FACTS.roles({ roles: formatList(hostPort.roles) }) : undefined,
      linkCount(topology, id),
    ];
  }
  const arrayPort = topology.storageArray(device)?.controllers.find((c) => c.id === owner)?.ports.find((p) => p.id === id);
  if (!arrayPort) return undefined;
  return [
    FACTS.type({ type: arrayPort.type }),
    arrayPort.speedMbps !== undefined ? FACTS.speed({ speed: formatQuantity(arrayPort.speedMbps, 'bandwidth') }) : undefined,
    linkCount(topology, id),
  ];
}

/** Shown by name up to this many; a core switch can have hundreds of cables. */
const LISTED_LINKS = 8;

function linkCount(topology: Topology, endpointId: string): string {
  const isThis = (endpoint: string) => endpoint === endpointId || endpoint.startsWith(`${endpointId}/`);
  const linked = topology.links.filter((link) => isThis(link.from) || isThis(link.to)).map((link) => (isThis(link.from) ? link.to : link.from));
  if (linked.length === 0) return FACTS.notCabled({});
  const endpoints = formatList(linked.slice(0, LISTED_LINKS));
  return linked.length > LISTED_LINKS ? FACTS.cabledToMore({ endpoints, more: grouped(linked.length - LISTED_LINKS) }) : FACTS.cabledTo({ endpoints });
}

/** The id `levels` steps up: `esx-01/hba1/p0` is on adapter `esx-01/hba1` and host `esx-01`. */
function parentId(id: string, levels: number): string {
  return id.split('/').slice(0, -levels).join('/');
}
