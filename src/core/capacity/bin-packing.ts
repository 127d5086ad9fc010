/**
 * First-fit decreasing in two dimensions (CPU and memory): the classic approximation for
 * "can these VMs be restarted on those hosts". Largest items go first; each takes the
 * first host, in the given order, with room for it in both dimensions.
 */

export interface PackingItem {
  readonly id: string;
  readonly cpuMHz: number;
  readonly memoryMB: number;
}

export interface PackingBin {
  readonly id: string;
  readonly freeCpuMHz: number;
  readonly freeMemoryMB: number;
}

export interface PackingResult {
  /** Item id -> bin id, for the items that fit, largest item first. */
  readonly placements: ReadonlyMap<string, string>;
  /** Ids of the items no bin had room for, largest first. */
  readonly unplaced: readonly string[];
}

/** Memory, then CPU, descending; then by id, so equal inputs give equal output. */
export function largestFirst(a: PackingItem, b: PackingItem): number {
  return b.memoryMB - a.memoryMB || b.cpuMHz - a.cpuMHz || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The free capacity of a row of bins, packed in place and restored afterwards, so that one
 * space serves every failure scenario of a cluster without copying it each time.
 */
export class BinSpace {
  private readonly freeCpuMHz: Float64Array;
  private readonly freeMemoryMB: Float64Array;

  constructor(private readonly bins: readonly PackingBin[]) {
    this.freeCpuMHz = Float64Array.from(bins, (bin) => bin.freeCpuMHz);
    this.freeMemoryMB = Float64Array.from(bins, (bin) => bin.freeMemoryMB);
  }

  /**
   * First-fit decreasing of `items` into every bin but `excludedBin`; returns, per item in
   * largest-first order, the index of its bin or -1. Call `restore` with the result before
   * packing again.
   */
  pack(sortedItems: readonly PackingItem[], excludedBin = -1): Int32Array {
    const binOf = new Int32Array(sortedItems.length).fill(-1);
    sortedItems.forEach((item, itemIndex) => {
      for (let bin = 0; bin < this.bins.length; bin++) {
        if (bin === excludedBin) continue;
        const cpu = this.freeCpuMHz[bin] ?? 0;
        const memory = this.freeMemoryMB[bin] ?? 0;
        if (cpu < item.cpuMHz || memory < item.memoryMB) continue;
        this.freeCpuMHz[bin] = cpu - item.cpuMHz;
        this.freeMemoryMB[bin] = memory - item.memoryMB;
        binOf[itemIndex] = bin;
        return;
      }
    });
    return binOf;
  }

  /** Puts the bins `pack` used back as they were before it (exactly: no floating-point drift). */
  restore(binOf: Int32Array): void {
    for (const bin of binOf) {
      const original = this.bins[bin];
      if (!original) continue;
      this.freeCpuMHz[bin] = original.freeCpuMHz;
      this.freeMemoryMB[bin] = original.freeMemoryMB;
    }
  }
}

/** First-fit decreasing of items into bins, in the bins' order. */
export function firstFitDecreasing(items: readonly PackingItem[], bins: readonly PackingBin[]): PackingResult {
  const sorted = [...items].sort(largestFirst);
  const space = new BinSpace(bins);
  const binOf = space.pack(sorted);
  return placementsOf(sorted, binOf, bins);
}

/** Reads a `pack` result as ids. */
export function placementsOf(sortedItems: readonly PackingItem[], binOf: Int32Array, bins: readonly PackingBin[]): PackingResult {
  const placements = new Map<string, string>();
  const unplaced: string[] = [];
  sortedItems.forEach((item, itemIndex) => {
    const bin = bins[binOf[itemIndex] ?? -1];
    if (bin) placements.set(item.id, bin.id);
    else unplaced.push(item.id);
  });
  return { placements, unplaced };
}
