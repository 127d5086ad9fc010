/**
 * What a simulation can be pointed at, with labels people recognise: the hosts, the
 * components that can fail (switches, adapters, controllers, arrays, cables), the VMs.
 * The VS Code quick picks list these; the CLI checks its `kind:id` arguments against them.
 */

import { haClusters } from '../capacity/resources';
import type { Topology } from '../model/topology';
import type { ComponentKind, ComponentRef } from '../simulation/types';
import type { PriorityByVm } from './simulation-charts';
import { formatMemory } from './simulation-format';
import { effectiveRestartPriority } from '../domain/restart-priority';
import { cableId, cableIndex, cableLabel } from '../model/cable-id';

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
      description: [cluster ? `cluster ${cluster}` : undefined, `${vms} ${vms === 1 ? 'VM' : 'VMs'}`, formatMemory(host.memoryMB), host.state === 'connected' ? undefined : host.state].filter((part) => part !== undefined).join(', '),
      group: 'Hosts',
    };
  });
}

/** Every element short of a host whose failure removes paths, in the order of the file. */
export function componentTargets(topology: Topology): SimulationTarget[] {
  const targets: SimulationTarget[] = [];
  for (const networkSwitch of topology.switches) {
    const fabric = networkSwitch.fabric === undefined ? '' : `, fabric ${networkSwitch.fabric}`;
    targets.push({ ref: { kind: 'switch', id: networkSwitch.id }, label: networkSwitch.id, description: `${networkSwitch.type === 'fc' ? 'FC' : 'Ethernet'} switch${fabric}`, group: 'Switches' });
  }
  for (const host of topology.hosts) {
    for (const adapter of host.adapters) {
      targets.push({ ref: { kind: 'adapter', id: adapter.id }, label: adapter.id, description: `${ADAPTER_TYPES[adapter.type]} in ${host.id}, ${adapter.ports.length} ${adapter.ports.length === 1 ? 'port' : 'ports'}`, group: 'Adapters' });
    }
  }
  for (const storageArray of topology.arrays) {
    for (const controller of storageArray.controllers) {
      targets.push({ ref: { kind: 'controller', id: controller.id }, label: controller.id, description: `controller of ${storageArray.id}, ${controller.ports.length} ${controller.ports.length === 1 ? 'port' : 'ports'}`, group: 'Controllers' });
    }
  }
  for (const storageArray of topology.arrays) {
    const datastores = topology.datastores.filter((datastore) => datastore.array === storageArray.id).length;
    targets.push({ ref: { kind: 'array', id: storageArray.id }, label: storageArray.id, description: `array${storageArray.model ? ` ${storageArray.model}` : ''}, ${datastores} ${datastores === 1 ? 'datastore' : 'datastores'}`, group: 'Arrays' });
  }
  topology.links.forEach((link, index) => {
    targets.push({ ref: { kind: 'link', id: cableId(index) }, label: `${link.from} <-> ${link.to}`, description: cableLabel(index), group: 'Cables' });
  });
  return targets;
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
    description: `on ${vm.host}, ${formatMemory(vm.memoryMB)}${vm.role ? `, ${vm.role}` : ''}`,
  }));
}

const ADAPTER_TYPES: Readonly<Record<string, string>> = { fc: 'FC HBA', iscsi: 'iSCSI HBA', ethernet: 'NIC', cna: 'CNA' };

/** Whether the design has the element; links are `link:<index>`. */
export function hasComponent(topology: Topology, ref: ComponentRef): boolean {
  if (ref.kind === 'link') {
    const index = cableIndex(ref.id);
    return index !== undefined && index < topology.links.length;
  }
  return topology.declarations.get(ref.id)?.kind === ref.kind;
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
      description: `${hosts.length} ${hosts.length === 1 ? 'host' : 'hosts'}, ${vms} ${vms === 1 ? 'VM' : 'VMs'}, DRS threshold ${cluster.drs.migrationThreshold}${cluster.drs.enabled ? '' : ' (DRS off)'}`,
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
        : [...topology.declarations.values()].filter((declaration) => declaration.kind === kind).map((declaration) => declaration.id);
  const plural = kind === 'switch' ? 'switches' : `${kind}s`;
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
