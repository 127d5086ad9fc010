import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fits, shortfalls } from '../../../src/core/capacity/fits';

const demand = { cpuMHz: 1000, reservedMemoryMB: 4096 };

describe('fits', () => {
  it('takes a VM that exactly fills the free room', () => {
    assert.equal(fits(demand, { cpuMHz: 1000, memoryMB: 4096, vmCount: 3 }, 4), true);
    assert.equal(fits(demand, { cpuMHz: 1000, memoryMB: 4096, vmCount: 100 }, undefined), true);
  });

  it('refuses for memory, CPU and the VM limit, in that order', () => {
    assert.deepEqual(shortfalls(demand, { cpuMHz: 999, memoryMB: 4095, vmCount: 4 }, 4), ['memory', 'cpu', 'vm-limit']);
    assert.deepEqual(shortfalls(demand, { cpuMHz: 999, memoryMB: 8192, vmCount: 0 }, undefined), ['cpu']);
    assert.equal(fits(demand, { cpuMHz: 2000, memoryMB: 8192, vmCount: 4 }, 4), false);
  });
});
