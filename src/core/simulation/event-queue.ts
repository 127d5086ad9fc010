/**
 * The simulator's clock: a priority queue of things due at a time. Earlier times come
 * first; at the same time, what was scheduled first comes first (SimPy's rule), so a run
 * never depends on how the heap happens to break ties. A binary heap: O(log n) per push
 * and pop.
 */

interface Entry<T> {
  readonly timeSeconds: number;
  readonly sequence: number;
  readonly item: T;
}

export class EventQueue<T> {
  private readonly heap: Entry<T>[] = [];
  private scheduled = 0;

  get size(): number {
    return this.heap.length;
  }

  push(timeSeconds: number, item: T): void {
    this.heap.push({ timeSeconds, sequence: this.scheduled++, item });
    this.siftUp(this.heap.length - 1);
  }

  /** The time of the next item, if any. */
  peekTime(): number | undefined {
    return this.heap[0]?.timeSeconds;
  }

  pop(): { readonly timeSeconds: number; readonly item: T } | undefined {
    const top = this.heap[0];
    if (top === undefined) return undefined;
    const last = this.heap.pop() as Entry<T>;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return { timeSeconds: top.timeSeconds, item: top.item };
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a] as Entry<T>;
    const y = this.heap[b] as Entry<T>;
    return x.timeSeconds < y.timeSeconds || (x.timeSeconds === y.timeSeconds && x.sequence < y.sequence);
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a] as Entry<T>;
    this.heap[a] = this.heap[b] as Entry<T>;
    this.heap[b] = x;
  }

  private siftUp(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.before(child, parent)) return;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(index: number): void {
    let parent = index;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let first = parent;
      if (left < this.heap.length && this.before(left, first)) first = left;
      if (right < this.heap.length && this.before(right, first)) first = right;
      if (first === parent) return;
      this.swap(parent, first);
      parent = first;
    }
  }
}
