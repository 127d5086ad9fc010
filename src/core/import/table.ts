/**
 * Tables as inventories export them (a workbook sheet, a CSV file): a header row and data rows.
 * Columns are found by header name, never by position, because every RVTools release adds,
 * drops or renames columns; a missing required column is named with its tab.
 */

import { defineMessages } from '../l10n/messages';

const MESSAGES = defineMessages('import.table', {
  noColumn: 'tab {tab} has no column "{column}"',
});

/** A cell as a reader gives it: CSV gives text, a workbook typed values. */
export type Cell = string | number | boolean | Date | null;

export interface Table {
  /** The tab: sheet name, or the part of a CSV file name that names the tab (vInfo). */
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** A column the importer reads: its usual header and the other spellings releases have used. */
export interface ColumnSpec {
  readonly header: string;
  readonly aliases?: readonly string[];
  readonly required?: boolean;
}

/**
 * "# Cores", "Num Cores" and "num cores" differ only in spacing, case and punctuation; "#"
 * reads as "num" so that vDatastore's "# Hosts" (a count) stays apart from "Hosts" (names).
 */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/#/g, 'num').replace(/[^a-z0-9]/g, '');
}

export class MissingColumnError extends Error {
  constructor(
    readonly tab: string,
    readonly column: string,
  ) {
    super(MESSAGES.noColumn({ tab, column }));
  }
}

/** Column indexes of a table by spec name; a required column that is absent throws MissingColumnError. */
export function columnsOf<Name extends string>(table: Table, specs: Readonly<Record<Name, ColumnSpec>>): Readonly<Record<Name, number | undefined>> {
  const indexByExact = new Map<string, number>();
  const indexByKey = new Map<string, number>();
  table.header.forEach((header, index) => {
    const exact = header.trim().toLowerCase();
    if (!indexByExact.has(exact)) indexByExact.set(exact, index);
    const key = headerKey(header);
    if (key !== '' && !indexByKey.has(key)) indexByKey.set(key, index);
  });
  const result = {} as Record<Name, number | undefined>;
  for (const name of Object.keys(specs) as Name[]) {
    const spec = specs[name];
    const headers = [spec.header, ...(spec.aliases ?? [])];
    const index =
      headers.map((header) => indexByExact.get(header.trim().toLowerCase())).find((found) => found !== undefined) ??
      headers.map((header) => indexByKey.get(headerKey(header))).find((found) => found !== undefined);
    if (index === undefined && spec.required === true) throw new MissingColumnError(table.name, spec.header);
    result[name] = index;
  }
  return result;
}

/** A cell as trimmed text; empty cells, and cells that are only whitespace, are undefined. */
export function textCell(row: readonly Cell[], index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const cell = row[index];
  if (cell === null || cell === undefined) return undefined;
  const text = cell instanceof Date ? cell.toISOString() : String(cell).trim();
  return text === '' ? undefined : text;
}

/**
 * A cell as a finite number: workbook numbers as they are, text with an optional thousands
 * separator ("1,024" or "1 024") or a decimal comma ("2,5" when no point is present).
 * Anything else is undefined, and `onBad` hears about text that is not a number.
 */
export function numberCell(row: readonly Cell[], index: number | undefined, onBad?: (text: string) => void): number | undefined {
  if (index === undefined) return undefined;
  const cell = row[index];
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  const text = textCell(row, index);
  if (text === undefined) return undefined;
  const parsed = parseNumberText(text);
  if (parsed === undefined) onBad?.(text);
  return parsed;
}

const GROUPED = /^-?\d{1,3}([, \u00a0]\d{3})+(\.\d+)?$/;
const PLAIN = /^-?\d+(\.\d+)?$/;
const DECIMAL_COMMA = /^-?\d+,\d+$/;

export function parseNumberText(text: string): number | undefined {
  if (PLAIN.test(text)) return Number(text);
  if (GROUPED.test(text)) return Number(text.replace(/[, \u00a0]/g, ''));
  if (DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  return undefined;
}

/** A cell as a boolean: workbook booleans, or True/False, Yes/No, 1/0 as text. */
export function booleanCell(row: readonly Cell[], index: number | undefined): boolean | undefined {
  if (index === undefined) return undefined;
  const cell = row[index];
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell !== 0;
  const text = textCell(row, index)?.toLowerCase();
  if (text === 'true' || text === 'yes' || text === '1') return true;
  if (text === 'false' || text === 'no' || text === '0') return false;
  return undefined;
}
