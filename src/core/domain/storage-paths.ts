/**
 * Storage path names as hypervisors report them, read for what they prove: which host
 * adapter a path leaves from and, where the name says, which target port it reaches.
 * vSphere names a path by its runtime name, adapter:channel:target:LUN (`vmhba2:C0:T1:L5`,
 * the form "vmhba1:0:0:0" of the vSphere API's HostMultipathInfoPath), or by its full
 * name, which for Fibre Channel carries both WWNs
 * (`fc.20000024ff3dfa6c:21000024ff3dfa6c-fc.50060160c6e00304:5006016046e00304-naa.6006...`).
 */

import type { Host } from '../model/topology';

export interface StoragePath {
  readonly name: string;
  /** The host adapter device (vmhba2), or the initiator port's WWPN for a full FC name. */
  readonly initiator?: string;
  /**
   * The target port, when the name identifies it across adapters (a full FC name's target
   * WWPN). A runtime name's target number is local to its adapter and can change at a
   * rescan (vSphere API, HostPlugStoreTopologyPath.targetNumber), so it is not used.
   */
  readonly target?: string;
}

const RUNTIME_NAME = /^(vmhba\d+):C\d+:T\d+:L\d+$/i;
const FULL_FC_NAME = /^fc\.([0-9a-f]{16}):([0-9a-f]{16})-fc\.([0-9a-f]{16}):([0-9a-f]{16})-/i;

export function parseStoragePath(name: string): StoragePath {
  const runtime = RUNTIME_NAME.exec(name);
  if (runtime) return { name, initiator: runtime[1]?.toLowerCase() };
  const fc = FULL_FC_NAME.exec(name);
  if (fc) return { name, initiator: fc[2]?.toLowerCase(), target: fc[4]?.toLowerCase() };
  return { name };
}

/** A WWN or MAC without separators, lower case: "21:00:00:24:FF:3D:FA:6C" -> "21000024ff3dfa6c". */
export function compactAddress(address: string): string {
  return address.toLowerCase().replace(/[^0-9a-f]/g, '');
}

/**
 * The physical adapter (card) of the host a path leaves from: the adapter that has a port
 * named after the device (the importer names ports after vmhba devices), the adapter named
 * so, or the one whose port address is the initiator WWPN. Undefined when the host does not
 * describe it; callers then count the device itself.
 */
export function adapterOfPath(host: Host, path: StoragePath): string | undefined {
  const initiator = path.initiator;
  if (initiator === undefined) return undefined;
  for (const adapter of host.adapters ?? []) {
    const local = adapter.id.slice(adapter.id.lastIndexOf('/') + 1).toLowerCase();
    if (local === initiator) return adapter.id;
    for (const port of adapter.ports ?? []) {
      const portName = port.id.slice(port.id.lastIndexOf('/') + 1).toLowerCase();
      if (portName === initiator) return adapter.id;
      if (port.address !== undefined && compactAddress(port.address).endsWith(initiator) && initiator.length >= 16) return adapter.id;
    }
  }
  return undefined;
}
