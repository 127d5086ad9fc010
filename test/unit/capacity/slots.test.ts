import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slotPolicy, slotsOfVm } from '../../../src/core/capacity/slots';
import { PUBLISHED_HOSTS, PUBLISHED_VMS } from './published-example';

const GB = 1024;

describe('slot policy', () => {
  it('reproduces the vSphere 6.7 published example to the unit', () => {
    const result = slotPolicy({ hosts: PUBLISHED_HOSTS, vms: PUBLISHED_VMS, hostFailuresToTolerate: 1, minimumVmCpuMHz: 32 });
    assert.equal(result.slotCpuMHz, 2000);
    assert.equal(result.slotMemoryMB, 2 * GB);
    assert.deepEqual(result.slotsByHost, [
      { hostId: 'H1', slots: 4 },
      { hostId: 'H2', slots: 3 },
      { hostId: 'H3', slots: 3 },
    ]);
    assert.equal(result.totalSlots, 10);
    assert.equal(result.usedSlots, 5);
    assert.equal(result.failoverCapacity, 1);
    assert.equal(result.unreservedSlots, 1);
    assert.deepEqual(result.multiSlotVms, []);
  });

  it('counts a VM without a CPU reservation at the cluster minimum, which can set the CPU slot', () => {
    const result = slotPolicy({
      hosts: [{ hostId: 'a', cpuMHz: 1000, memoryMB: 10 * GB }],
      vms: [{ vmId: 'small', cpuMHz: 256, reservedMemoryMB: 0 }],
      hostFailuresToTolerate: 0,
      minimumVmCpuMHz: 256,
    });
    assert.equal(result.slotCpuMHz, 256);
    // No memory reservation anywhere: memory does not limit (a 1 MB slot), CPU does: floor(1000 / 256) = 3.
    assert.equal(result.slotMemoryMB, 1);
    assert.deepEqual(result.slotsByHost, [{ hostId: 'a', slots: 3 }]);
  });

  it('caps the slot and lets a larger VM take several slots (the inferred rule)', () => {
    // Caps 1 GHz / 1 GB: VM1 and VM2 (2 GHz) and VM3 (2 GB) take 2 slots each, VM4 and VM5 one: 8 used.
    // Slots per host: H1 min(9, 9) = 9, H2 min(9, 6) = 6, H3 min(6, 6) = 6: 21.
    const result = slotPolicy({
      hosts: PUBLISHED_HOSTS,
      vms: PUBLISHED_VMS,
      hostFailuresToTolerate: 1,
      minimumVmCpuMHz: 32,
      slotCpuCapMHz: 1000,
      slotMemoryCapMB: GB,
    });
    assert.equal(result.slotCpuMHz, 1000);
    assert.equal(result.slotMemoryMB, GB);
    assert.deepEqual(result.slotsByHost.map((h) => h.slots), [9, 6, 6]);
    assert.deepEqual(result.multiSlotVms, [
      { vmId: 'VM1', slots: 2 },
      { vmId: 'VM2', slots: 2 },
      { vmId: 'VM3', slots: 2 },
    ]);
    assert.equal(result.usedSlots, 8);
    // Without H1: 12 >= 8; without H1 and H2: 6 < 8.
    assert.equal(result.failoverCapacity, 1);
    assert.equal(result.unreservedSlots, 4);
  });

  it('a cap above the computed slot changes nothing', () => {
    const capped = slotPolicy({ hosts: PUBLISHED_HOSTS, vms: PUBLISHED_VMS, hostFailuresToTolerate: 1, minimumVmCpuMHz: 32, slotCpuCapMHz: 5000, slotMemoryCapMB: 8 * GB });
    assert.equal(capped.slotCpuMHz, 2000);
    assert.equal(capped.slotMemoryMB, 2 * GB);
  });

  it('takes the largest hosts away first when hosts are unequal', () => {
    // Slot 1 GHz / 1 GB. Hosts 10, 4, 4, 2 slots (20); 9 used.
    // Without the 10: 10 >= 9. Without the 10 and a 4: 6 < 9. Failover capacity 1; at F = 2, 0 unreserved.
    const hosts = [
      { hostId: 'big', cpuMHz: 10_000, memoryMB: 10 * GB },
      { hostId: 'm1', cpuMHz: 4000, memoryMB: 4 * GB },
      { hostId: 'm2', cpuMHz: 4000, memoryMB: 4 * GB },
      { hostId: 'small', cpuMHz: 2000, memoryMB: 2 * GB },
    ];
    const vms = Array.from({ length: 9 }, (_, i) => ({ vmId: `vm${i}`, cpuMHz: 1000, reservedMemoryMB: GB }));
    const result = slotPolicy({ hosts, vms, hostFailuresToTolerate: 2, minimumVmCpuMHz: 32 });
    assert.equal(result.totalSlots, 20);
    assert.equal(result.failoverCapacity, 1);
    assert.equal(result.unreservedSlots, 0);
  });

  it('reports no failover capacity when the VMs do not even fit all hosts', () => {
    const result = slotPolicy({
      hosts: [{ hostId: 'a', cpuMHz: 2000, memoryMB: 2 * GB }],
      vms: [
        { vmId: 'x', cpuMHz: 1000, reservedMemoryMB: GB },
        { vmId: 'y', cpuMHz: 1000, reservedMemoryMB: GB },
        { vmId: 'z', cpuMHz: 1000, reservedMemoryMB: GB },
      ],
      hostFailuresToTolerate: 1,
      minimumVmCpuMHz: 32,
    });
    assert.equal(result.totalSlots, 2);
    assert.equal(result.usedSlots, 3);
    assert.equal(result.failoverCapacity, 0);
    assert.equal(result.unreservedSlots, 0);
  });

  it('gives a VM the slots of its larger dimension, and never fewer than one', () => {
    assert.equal(slotsOfVm({ vmId: 'v', cpuMHz: 2500, reservedMemoryMB: 500 }, 1000, 1024), 3);
    assert.equal(slotsOfVm({ vmId: 'v', cpuMHz: 100, reservedMemoryMB: 3000 }, 1000, 1024), 3);
    assert.equal(slotsOfVm({ vmId: 'v', cpuMHz: 0, reservedMemoryMB: 0 }, 1000, 1024), 1);
  });
});
