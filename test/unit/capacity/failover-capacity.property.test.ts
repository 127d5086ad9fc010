import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { percentagePolicy } from '../../../src/core/capacity/percentage';
import type { HostCapacity } from '../../../src/core/capacity/resources';
import { slotPolicy } from '../../../src/core/capacity/slots';

const hostArb = fc.record({ cpuMHz: fc.integer({ min: 0, max: 100_000 }), memoryMB: fc.integer({ min: 0, max: 1_048_576 }) });
const vmArb = fc.record({ cpuMHz: fc.integer({ min: 0, max: 20_000 }), reservedMemoryMB: fc.integer({ min: 0, max: 131_072 }) });
const clusterArb = fc.record({
  hosts: fc.array(hostArb, { minLength: 1, maxLength: 12 }),
  vms: fc.array(vmArb, { maxLength: 40 }),
  hostFailuresToTolerate: fc.integer({ min: 0, max: 4 }),
  slotCpuCapMHz: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: undefined }),
  slotMemoryCapMB: fc.option(fc.integer({ min: 1, max: 131_072 }), { nil: undefined }),
});

type Cluster = typeof clusterArb extends fc.Arbitrary<infer T> ? T : never;

const named = (hosts: Cluster['hosts']): HostCapacity[] => hosts.map((h, i) => ({ hostId: `h${i}`, ...h }));
const vmsOf = (vms: Cluster['vms']) => vms.map((vm, i) => ({ vmId: `vm${i}`, ...vm }));

function slotCapacity(cluster: Cluster, hosts: Cluster['hosts']): number {
  return slotPolicy({
    hosts: named(hosts),
    vms: vmsOf(cluster.vms),
    hostFailuresToTolerate: cluster.hostFailuresToTolerate,
    minimumVmCpuMHz: 32,
    ...(cluster.slotCpuCapMHz !== undefined ? { slotCpuCapMHz: cluster.slotCpuCapMHz } : {}),
    ...(cluster.slotMemoryCapMB !== undefined ? { slotMemoryCapMB: cluster.slotMemoryCapMB } : {}),
  }).failoverCapacity;
}

function percentageCapacity(cluster: Cluster, hosts: Cluster['hosts']): { cpu: number; memory: number } {
  const result = percentagePolicy({ hosts: named(hosts), vms: vmsOf(cluster.vms), hostFailuresToTolerate: cluster.hostFailuresToTolerate, cpuPercent: 25, memoryPercent: 25 });
  return { cpu: result.cpuFailoverCapacityPercent, memory: result.memoryFailoverCapacityPercent };
}

/** A positive-capacity version of the cluster, where percentages are defined by the hosts. */
const withCapacity = (hosts: Cluster['hosts']) => hosts.map((h) => ({ cpuMHz: h.cpuMHz + 1, memoryMB: h.memoryMB + 1 }));

describe('property: failover capacity is monotone in the hosts', () => {
  it('removing a host never raises slot failover capacity', () => {
    fc.assert(
      fc.property(clusterArb, fc.nat(), (cluster, pick) => {
        const without = cluster.hosts.filter((_, i) => i !== pick % cluster.hosts.length);
        assert.ok(slotCapacity(cluster, without) <= slotCapacity(cluster, cluster.hosts));
      }),
      { numRuns: 300 },
    );
  });

  it('adding capacity to a host never lowers slot failover capacity', () => {
    fc.assert(
      fc.property(clusterArb, fc.nat(), hostArb, (cluster, pick, extra) => {
        const index = pick % cluster.hosts.length;
        const grown = cluster.hosts.map((h, i) => (i === index ? { cpuMHz: h.cpuMHz + extra.cpuMHz, memoryMB: h.memoryMB + extra.memoryMB } : h));
        assert.ok(slotCapacity(cluster, grown) >= slotCapacity(cluster, cluster.hosts));
      }),
      { numRuns: 300 },
    );
  });

  it('removing a host never raises percentage failover capacity', () => {
    fc.assert(
      fc.property(clusterArb, fc.nat(), (cluster, pick) => {
        const hosts = withCapacity(cluster.hosts);
        const without = hosts.filter((_, i) => i !== pick % hosts.length);
        if (without.length === 0) return;
        const before = percentageCapacity(cluster, hosts);
        const after = percentageCapacity(cluster, without);
        assert.ok(after.cpu <= before.cpu + 1e-9 && after.memory <= before.memory + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('adding capacity never lowers percentage failover capacity', () => {
    fc.assert(
      fc.property(clusterArb, fc.nat(), hostArb, (cluster, pick, extra) => {
        const hosts = withCapacity(cluster.hosts);
        const index = pick % hosts.length;
        const grown = hosts.map((h, i) => (i === index ? { cpuMHz: h.cpuMHz + extra.cpuMHz, memoryMB: h.memoryMB + extra.memoryMB } : h));
        const before = percentageCapacity(cluster, hosts);
        const after = percentageCapacity(cluster, grown);
        assert.ok(after.cpu >= before.cpu - 1e-9 && after.memory >= before.memory - 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
