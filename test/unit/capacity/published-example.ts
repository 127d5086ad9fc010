/**
 * The vSphere Availability 6.7 guide's admission control example (docs/design/algorithms.md#11-slot-policy and #12-percentage-policy):
 * three hosts, five VMs, reservations only, no overhead anywhere.
 */

import type { HostCapacity, VmDemand } from '../../../src/core/capacity/resources';

const GB = 1024;

export const PUBLISHED_HOSTS: readonly HostCapacity[] = [
  { hostId: 'H1', cpuMHz: 9000, memoryMB: 9 * GB },
  { hostId: 'H2', cpuMHz: 9000, memoryMB: 6 * GB },
  { hostId: 'H3', cpuMHz: 6000, memoryMB: 6 * GB },
];

const vm = (vmId: string, hostId: string, cpuMHz: number, memoryGB: number): VmDemand => ({
  vmId,
  hostId,
  cpuMHz,
  reservedMemoryMB: memoryGB * GB,
  configuredMemoryMB: memoryGB * GB,
  protected: true,
});

export const PUBLISHED_VMS: readonly VmDemand[] = [
  vm('VM1', 'H1', 2000, 1),
  vm('VM2', 'H1', 2000, 1),
  vm('VM3', 'H2', 1000, 2),
  vm('VM4', 'H2', 1000, 1),
  vm('VM5', 'H3', 1000, 1),
];

/** The same design as a .vtopo file, for the rules. */
export function publishedExampleDesign(admissionControl: string): string {
  return `vtopo: 1
clusters:
  example:
    ha:
      admissionControl: ${admissionControl}
hosts:
  H1: { cpu: { cores: 1, speed: 9 GHz }, memory: 9 GB, overhead: { cpuMHz: 0, memoryMB: 0 } }
  H2: { cpu: { cores: 1, speed: 9 GHz }, memory: 6 GB, overhead: { cpuMHz: 0, memoryMB: 0 } }
  H3: { cpu: { cores: 1, speed: 6 GHz }, memory: 6 GB, overhead: { cpuMHz: 0, memoryMB: 0 } }
vms:
  VM1: { host: H1, memory: 1 GB, reservation: { cpu: 2 GHz, memory: 1 GB } }
  VM2: { host: H1, memory: 1 GB, reservation: { cpu: 2 GHz, memory: 1 GB } }
  VM3: { host: H2, memory: 2 GB, reservation: { cpu: 1 GHz, memory: 2 GB } }
  VM4: { host: H2, memory: 1 GB, reservation: { cpu: 1 GHz, memory: 1 GB } }
  VM5: { host: H3, memory: 1 GB, reservation: { cpu: 1 GHz, memory: 1 GB } }
`;
}
