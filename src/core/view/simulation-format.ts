/**
 * How simulation figures read in the results panel, the Markdown export and the CLI:
 * durations and amounts of memory, rounded for people (the JSON keeps the exact numbers),
 * in the user's language (src/core/l10n/format.ts).
 */

export { formatMemory, formatPercent, formatSeconds } from '../l10n/format';
