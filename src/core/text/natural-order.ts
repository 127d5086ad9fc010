/** One order for names that people number: vmhba2 before vmhba10, esx-9 before esx-10. */

/** Numbers in names compare by value, letters without regard to case; ties fall back to code units, so the order is total. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}
