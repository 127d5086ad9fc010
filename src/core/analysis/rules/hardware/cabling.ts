/**
 * The cables of a design seen from their ends: which host port, array port or switch each
 * endpoint id names, and how fast each cable runs. Read-only and computed once per
 * topology; path and single-point-of-failure analysis is the storage graph's job.
 */

import type { Adapter, ArrayPort, Controller, Host, HostPort, Link, NetworkSwitch, StorageArray, Topology } from '../../../model/topology';

export type Endpoint =
  | { readonly kind: 'host-port'; readonly id: string; readonly host: Host; readonly adapter: Adapter; readonly port: HostPort }
  | { readonly kind: 'array-port'; readonly id: string; readonly array: StorageArray; readonly controller: Controller; readonly port: ArrayPort }
  | { readonly kind: 'switch'; readonly id: string; readonly networkSwitch: NetworkSwitch };

export interface Cable {
  readonly link: Link;
  readonly from: Endpoint;
  readonly to: Endpoint;
}

export interface Cabling {
  /** Cables whose both ends resolve, in file order. */
  readonly cables: readonly Cable[];
  /** Cables at a host or array port, by the port's id. */
  cablesAt(portId: string): readonly Cable[];
}

const cache = new WeakMap<Topology, Cabling>();

export function cablingOf(topology: Topology): Cabling {
  const cached = cache.get(topology);
  if (cached) return cached;
  const endpoints = new Map<string, Endpoint>();
  for (const host of topology.hosts) {
    for (const adapter of host.adapters) {
      for (const port of adapter.ports) endpoints.set(port.id, { kind: 'host-port', id: port.id, host, adapter, port });
    }
  }
  for (const array of topology.arrays) {
    for (const controller of array.controllers) {
      for (const port of controller.ports) endpoints.set(port.id, { kind: 'array-port', id: port.id, array, controller, port });
    }
  }
  const resolve = (id: string): Endpoint | undefined => {
    const known = endpoints.get(id);
    if (known) return known;
    // A switch, or one of its ports (switch/port): switch ports need no declaration.
    const networkSwitch = topology.networkSwitch(id) ?? topology.networkSwitch(id.split('/')[0] ?? id);
    return networkSwitch ? { kind: 'switch', id: networkSwitch.id, networkSwitch } : undefined;
  };
  const cables: Cable[] = [];
  const byPort = new Map<string, Cable[]>();
  for (const link of topology.links) {
    const from = resolve(link.from);
    const to = resolve(link.to);
    if (!from || !to) continue;
    const cable = { link, from, to };
    cables.push(cable);
    for (const end of [from, to]) {
      if (end.kind === 'switch') continue;
      const list = byPort.get(end.id);
      if (list) list.push(cable);
      else byPort.set(end.id, [cable]);
    }
  }
  const cabling: Cabling = { cables, cablesAt: (portId) => byPort.get(portId) ?? [] };
  cache.set(topology, cabling);
  return cabling;
}

function endpointSpeedMbps(endpoint: Endpoint): number | undefined {
  return endpoint.kind === 'switch' ? endpoint.networkSwitch.speedMbps : endpoint.port.speedMbps;
}

/** What a cable runs at: the slowest of its stated speed and its two ends' speeds. */
export function cableSpeedMbps(cable: Cable): number | undefined {
  const speeds = [cable.link.speedMbps, endpointSpeedMbps(cable.from), endpointSpeedMbps(cable.to)].filter((s): s is number => s !== undefined);
  return speeds.length === 0 ? undefined : Math.min(...speeds);
}

/**
 * Usable storage throughput of a link, estimated as one tenth of its bit rate:
 * 8 Gb FC carries 800 MB/s (8b/10b encoding; 16 Gb FC 1,600 MB/s), and 1 GbE about
 * 100 MB/s of iSCSI or NFS once Ethernet, TCP/IP and iSCSI headers are paid for.
 */
export function usableThroughputMBps(speedMbps: number): number {
  return speedMbps / 10;
}

/** A host or array port's cabled bandwidth: the sum of its cables' speeds (speeds unknown count nothing). */
export function cabledSpeedMbps(cabling: Cabling, portId: string): number | undefined {
  const speeds = cabling.cablesAt(portId).map(cableSpeedMbps).filter((s): s is number => s !== undefined);
  return speeds.length === 0 ? undefined : speeds.reduce((a, b) => a + b, 0);
}

export interface ArrayPortEstimate {
  /** Estimated usable throughput of the counted ports. */
  readonly throughputMBps: number;
  /** Ports counted: the cabled ones when any is cabled, else every port with a speed. */
  readonly portCount: number;
  readonly cabled: boolean;
}

/**
 * What an array's host ports can carry (an upper bound: the controllers' back end may
 * deliver less). Counts the cabled ports at their cable speed when the design cables the
 * array, else every port at its stated speed; undefined when no speed is known.
 */
export function arrayPortEstimate(cabling: Cabling, array: StorageArray): ArrayPortEstimate | undefined {
  const ports = array.controllers.flatMap((c) => c.ports);
  let cabledMbps = 0;
  let cabledCount = 0;
  let declaredMbps = 0;
  let declaredCount = 0;
  for (const port of ports) {
    const cabled = cabledSpeedMbps(cabling, port.id);
    if (cabled !== undefined) {
      cabledMbps += cabled;
      cabledCount++;
    }
    if (port.speedMbps !== undefined) {
      declaredMbps += port.speedMbps;
      declaredCount++;
    }
  }
  if (cabledCount > 0) return { throughputMBps: usableThroughputMBps(cabledMbps), portCount: cabledCount, cabled: true };
  if (declaredCount > 0) return { throughputMBps: usableThroughputMBps(declaredMbps), portCount: declaredCount, cabled: false };
  return undefined;
}
