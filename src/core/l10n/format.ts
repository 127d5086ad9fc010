/**
 * Numbers, units, lists and dates in the user's language, through `Intl` (docs/l10n.md):
 * code never formats a figure by hand. The units are message templates (`{n} s`), so the
 * Chinese texts read `{n} 秒`; the numbers keep the same digits in both languages.
 */

import { currentLocale, defineMessages } from './messages';

const UNITS = defineMessages('units', {
  seconds: '{n} s',
  minutes: '{n} min',
  hours: '{n} h',
  minutesSeconds: '{minutes} min {seconds} s',
  hoursMinutes: '{hours} h {minutes} min',
  megabytes: '{n} MB',
  gigabytes: '{n} GB',
  terabytes: '{n} TB',
  percent: '{n}%',
});

/** How many digits after the point, and whether thousands are grouped (`10,000`). */
export interface NumberStyle {
  readonly maximumFractionDigits?: number;
  readonly minimumFractionDigits?: number;
  readonly grouping?: boolean;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number for people in the current language: `formatNumber(1234.5, { maximumFractionDigits: 1 })` is `1,234.5`. */
export function formatNumber(value: number, style: NumberStyle = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const locale = currentLocale();
  const key = `${locale}|${style.minimumFractionDigits ?? ''}|${style.maximumFractionDigits ?? 0}|${style.grouping ?? true}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: style.minimumFractionDigits ?? 0,
      maximumFractionDigits: Math.max(style.maximumFractionDigits ?? 0, style.minimumFractionDigits ?? 0),
      useGrouping: style.grouping ?? true,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A whole number with its thousands grouped: 10000 -> `10,000`. */
export function formatInteger(value: number): string {
  return formatNumber(Math.round(value));
}

/** `0 s`, `42 s`, `3.5 s`, `2 min 5 s`, `1 h 2 min` (`42 秒`, `2 分 5 秒` in Chinese). */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds < 10) return UNITS.seconds({ n: formatNumber(seconds, { maximumFractionDigits: seconds < 1 && seconds > 0 ? 2 : 1, grouping: false }) });
  const whole = Math.round(seconds);
  if (whole < 60) return UNITS.seconds({ n: String(whole) });
  if (whole < 3600) {
    const rest = whole % 60;
    const minutes = String(Math.floor(whole / 60));
    return rest === 0 ? UNITS.minutes({ n: minutes }) : UNITS.minutesSeconds({ minutes, seconds: String(rest) });
  }
  const hours = formatInteger(Math.floor(whole / 3600));
  const minutes = Math.round((whole % 3600) / 60);
  return minutes === 0 ? UNITS.hours({ n: hours }) : UNITS.hoursMinutes({ hours, minutes: String(minutes) });
}

/** `512 MB`, `8 GB`, `1.5 TB` (binary units, as the format reads them). */
export function formatMemory(memoryMB: number): string {
  if (!Number.isFinite(memoryMB)) return String(memoryMB);
  if (Math.abs(memoryMB) < 1024) return UNITS.megabytes({ n: formatNumber(memoryMB, { maximumFractionDigits: memoryMB % 1 === 0 ? 0 : 1, grouping: false }) });
  if (Math.abs(memoryMB) < 1024 * 1024) return UNITS.gigabytes({ n: formatNumber(memoryMB / 1024, { maximumFractionDigits: 1, grouping: false }) });
  return UNITS.terabytes({ n: formatNumber(memoryMB / (1024 * 1024), { maximumFractionDigits: 2 }) });
}

/** `74%`: a share of a capacity, whole percent. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return String(fraction);
  return UNITS.percent({ n: formatNumber(Math.round(fraction * 100)) });
}

const LISTS = defineMessages('lists', {
  /** Between the items of a list of ids: `"a", "b"` in English, `"a"、"b"` in Chinese. */
  separator: ', ',
  /** The first items of a longer list: `"a", "b" and 4 more`. */
  andMore: '{listed} and {count} more',
});

const QUOTES = defineMessages('quotes', {
  /** An id in a text: `"esx-01"` in English, `“esx-01”` in Chinese. */
  id: '"{id}"',
});

/** An id quoted as the texts of the current language quote it: `"esx-01"`, `“esx-01”`. */
export function quoteId(id: string): string {
  return QUOTES.id({ id });
}

/** What separates the items of a list of ids: `, ` in English, `、` in Chinese. */
export function listSeparator(): string {
  return LISTS.separator({});
}

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * Items joined as a list in the current language. `unit` is `a, b, c` in English and
 * `a、b、c` in Chinese (what the texts use for ids: `Intl` has no separator for Chinese
 * unit lists); `and` / `or` add the conjunction through `Intl.ListFormat`.
 */
export function formatList(items: readonly string[], type: 'unit' | 'and' | 'or' = 'unit'): string {
  if (type === 'unit') return items.join(listSeparator());
  const locale = currentLocale();
  const key = `${locale}|${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: type === 'and' ? 'conjunction' : 'disjunction', style: 'long' });
    listFormats.set(key, format);
  }
  return format.format(items);
}

/**
 * The first `limit` items as a list, then "and N more" for the rest: `"a", "b" and 4 more`.
 * `total` counts items that `items` does not hold (a list capped before it got here).
 */
export function listWithMore(items: readonly string[], limit: number, total = items.length): string {
  const listed = formatList(items.slice(0, limit));
  const shown = Math.min(limit, items.length);
  // The count as the texts around it print theirs (`2200 hosts ... and 2195 more`).
  return total > shown ? LISTS.andMore({ listed, count: total - shown }) : listed;
}

/** A date and time for people (`Dec 4, 2026, 5:20 AM`; `2026年12月4日 05:20`), in UTC unless a time zone is given. */
export function formatDateTime(date: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
