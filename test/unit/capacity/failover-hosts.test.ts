import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failoverHostsPolicy } from '../../../src/core/capacity/failover-hosts';

const GB = 1024;
const host = (hostId: string, memoryGB: number) => ({ hostId, cpuMHz: 20_000, memoryMB: memoryGB * GB });
const vm = (vmId: string, hostId: string, memoryGB: number) => ({ vmId, hostId, cpuMHz: 1000, reservedMemoryMB: memoryGB * GB });

describe('dedicated failover hosts', () => {
  it('covers one failure when the empty failover host can hold the most loaded host\'s reservations', () => {
    // a: 40 GB reserved, b: 30 GB; the failover host spare has 64 GB: k = 1 (40 <= 64), there is only one failover host.
    const result = failoverHostsPolicy({
      hosts: [host('a', 64), host('b', 64), host('spare', 64)],
      vms: [vm('a1', 'a', 20), vm('a2', 'a', 20), vm('b1', 'b', 30)],
      failoverHostIds: ['spare'],
      hostFailuresToTolerate: 1,
    });
    assert.deepEqual(result.failoverHostIds, ['spare']);
    assert.equal(result.spareMemoryMB, 64 * GB);
    assert.equal(result.largestLoadMemoryMB, 40 * GB);
    assert.equal(result.failoverCapacity, 1);
    assert.deepEqual(result.vmsOnFailoverHosts, []);
  });

  it('covers nothing when a smaller failover host cannot hold the most loaded host', () => {
    const result = failoverHostsPolicy({
      hosts: [host('a', 64), host('b', 64), host('spare', 32)],
      vms: [vm('a1', 'a', 40)],
      failoverHostIds: ['spare'],
      hostFailuresToTolerate: 1,
    });
    assert.equal(result.failoverCapacity, 0);
  });

  it('counts VMs running on a failover host against its spare capacity and names them', () => {
    // spare: 64 GB minus 30 GB already used = 34 GB, less than a's 40 GB.
    const result = failoverHostsPolicy({
      hosts: [host('a', 64), host('spare', 64)],
      vms: [vm('a1', 'a', 40), vm('squatter', 'spare', 30)],
      failoverHostIds: ['spare'],
      hostFailuresToTolerate: 1,
    });
    assert.deepEqual(result.vmsOnFailoverHosts, ['squatter']);
    assert.equal(result.spareMemoryMB, 34 * GB);
    assert.equal(result.failoverCapacity, 0);
  });

  it('ignores failover hosts that are not good hosts of the cluster', () => {
    const result = failoverHostsPolicy({ hosts: [host('a', 64)], vms: [], failoverHostIds: ['gone'], hostFailuresToTolerate: 1 });
    assert.deepEqual(result.unavailableFailoverHostIds, ['gone']);
    assert.equal(result.failoverCapacity, 0);
  });
});
