/**
 * Counts in messages: one definition of the plural, and of a count with its noun. The
 * plural and `counted` are English only: a text in a catalog has a template per form
 * (`oneVm`, `manyVms`) instead, as Chinese has no plural.
 */

import { formatInteger } from '../l10n/format';

/** A whole number with thousands separators in the user's language: 10000 -> "10,000". */
export function grouped(n: number): string {
  return formatInteger(n);
}

/** The word for a count: `1 VM`, `3 VMs`; irregular plurals, and verbs that agree with the count, given: `plural(n, 'runs', 'run')`. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return count === 1 ? noun : pluralNoun;
}

/** The count and its noun: "1 host", "3 hosts", "10,000 VMs". */
export function counted(n: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${grouped(n)} ${plural(n, noun, pluralNoun)}`;
}
