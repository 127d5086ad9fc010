/**
 * Lists of names in the importers' notes, in the user's language: `a, b, c, ...` in English,
 * `a、b、c、...` in Chinese (docs/l10n.md: lists of ids through formatList).
 */

import { formatList } from '../l10n/format';

/** The first `max` names, and `...` when there are more. */
export function someOf(names: readonly string[], max: number): string {
  return formatList(names.length > max ? [...names.slice(0, max), '...'] : names);
}

/** The header lines of a generated design from a text of several lines (a template may hold line breaks). */
export function headerLines(text: string): string[] {
  return text.split('\n');
}
