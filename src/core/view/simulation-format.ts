/**
 * How simulation figures read in the results panel, the Markdown export and the CLI:
 * durations and amounts of memory, rounded for people (the JSON keeps the exact numbers).
 */

/** `0 s`, `42 s`, `3.5 s`, `2 min 5 s`, `1 h 2 min`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds < 10) return `${trimZeros(seconds.toFixed(seconds < 1 && seconds > 0 ? 2 : 1))} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) {
    const rest = whole % 60;
    return rest === 0 ? `${Math.floor(whole / 60)} min` : `${Math.floor(whole / 60)} min ${rest} s`;
  }
  const minutes = Math.round((whole % 3600) / 60);
  return minutes === 0 ? `${Math.floor(whole / 3600)} h` : `${Math.floor(whole / 3600)} h ${minutes} min`;
}

/** `512 MB`, `8 GB`, `1.5 TB` (binary units, as the format reads them). */
export function formatMemory(memoryMB: number): string {
  if (Math.abs(memoryMB) < 1024) return `${trimZeros(memoryMB.toFixed(memoryMB % 1 === 0 ? 0 : 1))} MB`;
  if (Math.abs(memoryMB) < 1024 * 1024) return `${trimZeros((memoryMB / 1024).toFixed(1))} GB`;
  return `${trimZeros((memoryMB / (1024 * 1024)).toFixed(2))} TB`;
}

/** `74%`: a share of a capacity, whole percent. */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
