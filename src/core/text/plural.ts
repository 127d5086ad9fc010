/** Counts in messages: one definition of the plural, and of a count with its noun. */

/** A whole number with thousands separators, the same in every locale: 10000 -> "10,000". */
export function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The word for a count: `1 VM`, `3 VMs`; irregular plurals, and verbs that agree with the count, given: `plural(n, 'runs', 'run')`. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return count === 1 ? noun : pluralNoun;
}

/** The count and its noun: "1 host", "3 hosts", "10,000 VMs". */
export function counted(n: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${grouped(n)} ${plural(n, noun, pluralNoun)}`;
}
