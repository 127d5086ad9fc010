import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { derivedReservePercent, percentagePolicy, truncatePercent } from '../../../src/core/capacity/percentage';
import { PUBLISHED_HOSTS, PUBLISHED_VMS } from './published-example';

describe('percentage policy', () => {
  it('reproduces the vSphere 6.7 published example at 25% / 25%', () => {
    const result = percentagePolicy({ hosts: PUBLISHED_HOSTS, vms: PUBLISHED_VMS, hostFailuresToTolerate: 1, cpuPercent: 25, memoryPercent: 25 });
    assert.equal(result.totalCpuMHz, 24_000);
    assert.equal(result.usedCpuMHz, 7000);
    assert.equal(result.totalMemoryMB, 21 * 1024);
    assert.equal(result.usedMemoryMB, 6 * 1024);
    // (24 - 7) / 24 = 70.83% shown as 70%; (21 - 6) / 21 = 71.43% shown as 71%.
    assert.equal(result.shownCpuFailoverCapacityPercent, 70);
    assert.equal(result.shownMemoryFailoverCapacityPercent, 71);
    assert.equal(result.cpuAvailablePercent, 45);
    assert.equal(result.memoryAvailablePercent, 46);
    assert.equal(result.satisfied, true);
  });

  it('truncates towards zero, never rounding up', () => {
    assert.equal(truncatePercent(70.8333), 70);
    assert.equal(truncatePercent(71.4286), 71);
    // Floating-point noise below a billionth is not a lost percent.
    assert.equal(truncatePercent(49.999999999999), 50);
    assert.equal(truncatePercent(-12.5), -12);
  });

  it('fails admission when either resource is below its reservation, comparing exact values', () => {
    const result = percentagePolicy({ hosts: PUBLISHED_HOSTS, vms: PUBLISHED_VMS, hostFailuresToTolerate: 1, cpuPercent: 70.9, memoryPercent: 25 });
    assert.equal(result.shownCpuFailoverCapacityPercent, 70);
    assert.equal(result.satisfied, false);
    const memoryShort = percentagePolicy({ hosts: PUBLISHED_HOSTS, vms: PUBLISHED_VMS, hostFailuresToTolerate: 1, cpuPercent: 25, memoryPercent: 72 });
    assert.equal(memoryShort.satisfied, false);
  });

  it('derives the reservation from F as the largest hosts\' share, rounded up (F/N for equal hosts)', () => {
    assert.equal(derivedReservePercent([100, 100, 100], 1), 34);
    assert.equal(derivedReservePercent([100, 100, 100, 100], 1), 25);
    assert.equal(derivedReservePercent([100, 100, 100, 100], 2), 50);
    // Unequal: the 9 GHz host is 37.5% of 24 GHz.
    assert.equal(derivedReservePercent([9000, 9000, 6000], 1), 38);
    assert.equal(derivedReservePercent([100, 100], 2), 100);
    assert.equal(derivedReservePercent([100, 100], 0), 0);
    const derived = percentagePolicy({ hosts: PUBLISHED_HOSTS, vms: PUBLISHED_VMS, hostFailuresToTolerate: 1 });
    assert.equal(derived.cpuPercentDerived, true);
    assert.equal(derived.configuredCpuPercent, 38);
    // The 9 GB host is 42.86% of 21 GB.
    assert.equal(derived.configuredMemoryPercent, 43);
    assert.equal(derived.satisfied, true);
  });

  it('gives an empty cluster no failover capacity', () => {
    const result = percentagePolicy({ hosts: [], vms: [], hostFailuresToTolerate: 1, cpuPercent: 25, memoryPercent: 25 });
    assert.equal(result.cpuFailoverCapacityPercent, 0);
    assert.equal(result.satisfied, false);
  });
});
