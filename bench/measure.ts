/** Timing and printing helpers shared by the benchmarks. */

import { performance } from 'node:perf_hooks';

/** Median wall time in milliseconds of `runs` calls after one warm-up call. */
export function medianMs(runs: number, work: () => unknown): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Median wall time in milliseconds of `work` on a fresh input from `prepare` per call,
 * one warm-up call first; `prepare` is not timed. For work that caches on its input (the
 * analyzer and the simulator keep per-topology results in WeakMaps), so each call pays
 * for its own caches as the extension's first analysis of an edit does.
 */
export function medianMsEach<T>(runs: number, prepare: () => T, work: (input: T) => unknown): number {
  work(prepare());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = prepare();
    const start = performance.now();
    work(input);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** One figure held against a goal of the performance issue, for the summary at the end of the run. */
export interface GoalFigure {
  /** What is compared, e.g. "parse / js-yaml load, large". */
  readonly what: string;
  readonly value: number;
  /** How the value is printed: a ratio (2.61x) or megabytes or milliseconds. */
  readonly unit: 'x' | 'MB' | 'ms';
  /** The goal: the value must be at most this (or below it, when `strict`); none for a figure shown for comparison only. */
  readonly limit?: number;
  readonly strict?: boolean;
}

/** The figure with its unit: 2.61x, 312 MB, 41.3 ms. */
export function formatFigure(value: number, unit: GoalFigure['unit']): string {
  if (Number.isInteger(value)) return unit === 'x' ? `${value}x` : `${value} ${unit}`;
  if (unit === 'x') return `${value.toFixed(value < 0.1 ? 4 : 2)}x`;
  return unit === 'MB' ? `${value.toFixed(0)} MB` : `${value.toFixed(1)} ms`;
}

/** The summary table of the goal figures: value, goal, and whether it is met. */
export function goalTable(figures: readonly GoalFigure[]): string {
  const rows = figures.map((f) => {
    if (f.limit === undefined) return [f.what, formatFigure(f.value, f.unit), 'none', ''];
    const met = f.strict ? f.value < f.limit : f.value <= f.limit;
    return [f.what, formatFigure(f.value, f.unit), `${f.strict ? '<' : '<='} ${formatFigure(f.limit, f.unit)}`, met ? 'yes' : 'NO'];
  });
  return table(['figure', 'value', 'goal', 'met'], rows);
}

/** An aligned text table: the first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Median wall time in milliseconds of `runs` awaited calls after one warm-up call. */
export async function medianMsAsync(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const times = [...values].sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  return times.length % 2 === 1 ? (times[middle] ?? 0) : ((times[middle - 1] ?? 0) + (times[middle] ?? 0)) / 2;
}
