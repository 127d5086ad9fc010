import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstFitDecreasing } from '../../../src/core/capacity/bin-packing';

describe('first-fit decreasing', () => {
  it('places the largest items first, each on the first bin with room in both dimensions', () => {
    // Sorted by memory: c (6), a (4), b (3), d (2). c -> x (10 left 4), a -> x (0 left), b -> y (5 left 2), d -> y (0 left).
    const result = firstFitDecreasing(
      [
        { id: 'a', cpuMHz: 100, memoryMB: 4 },
        { id: 'b', cpuMHz: 100, memoryMB: 3 },
        { id: 'c', cpuMHz: 100, memoryMB: 6 },
        { id: 'd', cpuMHz: 100, memoryMB: 2 },
      ],
      [
        { id: 'x', freeCpuMHz: 1000, freeMemoryMB: 10 },
        { id: 'y', freeCpuMHz: 1000, freeMemoryMB: 5 },
      ],
    );
    assert.deepEqual([...result.placements], [['c', 'x'], ['a', 'x'], ['b', 'y'], ['d', 'y']]);
    assert.deepEqual(result.unplaced, []);
  });

  it('leaves an item unplaced when no bin has room in both CPU and memory', () => {
    // Memory fits on x, CPU only on y: neither takes it.
    const result = firstFitDecreasing(
      [{ id: 'big', cpuMHz: 3000, memoryMB: 8 }],
      [
        { id: 'x', freeCpuMHz: 1000, freeMemoryMB: 16 },
        { id: 'y', freeCpuMHz: 4000, freeMemoryMB: 4 },
      ],
    );
    assert.deepEqual(result.unplaced, ['big']);
  });

  it('fails where the total fits but no single bin does (fragmentation)', () => {
    // 6 MB free in all, but as 3 + 3: a 4 MB VM has nowhere to go.
    const result = firstFitDecreasing(
      [{ id: 'v', cpuMHz: 1, memoryMB: 4 }],
      [
        { id: 'x', freeCpuMHz: 100, freeMemoryMB: 3 },
        { id: 'y', freeCpuMHz: 100, freeMemoryMB: 3 },
      ],
    );
    assert.deepEqual(result.unplaced, ['v']);
  });
});
