/**
 * One RVTools CSV file (RVTools_tab<TAB>.csv) as a table. RVTools separates fields with commas;
 * some locales write semicolons, which are used when the header row has semicolons and no comma.
 * The first row is the header. Cells are text, trimmed; empty cells are null, and rows shorter
 * than the header are padded with null (longer rows keep their extra cells). Blank lines are
 * skipped. csv-parse's browser build is used: its Node build needs Node's Buffer.
 */

import { CsvError, parse } from 'csv-parse/browser/esm/sync';
import type { Cell, Table } from '../table';
import { ImportInputError } from './errors';
import { decodeText } from './text';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.csv', {
  windows1252: '{file} is not UTF-8: read it as Windows-1252',
  invalid: '{file} is not valid CSV: {reason}',
  invalidAtLine: '{file} is not valid CSV (line {line}): {reason}',
  empty: '{file} is empty',
});

export interface CsvTable {
  readonly table: Table;
  readonly warnings: readonly string[];
}

export function readCsvTable(file: string, tab: string, bytes: Uint8Array): CsvTable {
  const warnings: string[] = [];
  const { text, encoding } = decodeText(bytes);
  if (encoding === 'windows-1252') warnings.push(MESSAGES.windows1252({ file }));
  let records: string[][];
  try {
    // csv-parse reads UTF-8 bytes faster than a string (which it would encode again).
    const utf8 = encoding === 'utf-8' ? withoutUtf8Bom(bytes) : new TextEncoder().encode(text);
    records = parse(utf8, { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  } catch (error) {
    const lines = error instanceof CsvError ? error.lines : undefined;
    const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error);
    const message = typeof lines === 'number' && !/\bline\b/.test(reason) ? MESSAGES.invalidAtLine({ file, line: String(lines), reason }) : MESSAGES.invalid({ file, reason });
    throw new ImportInputError('invalid-csv', file, message);
  }
  const [headerRecord, ...dataRecords] = records;
  const header = (headerRecord ?? []).map((cell) => cell.trim());
  const rows: Cell[][] = [];
  for (const record of dataRecords) {
    const row: Cell[] = record.map((cell) => {
      const trimmed = cell.trim();
      return trimmed === '' ? null : trimmed;
    });
    if (row.every((cell) => cell === null)) continue;
    while (row.length < header.length) row.push(null);
    rows.push(row);
  }
  if (header.length === 0) warnings.push(MESSAGES.empty({ file }));
  return { table: { name: tab, header, rows }, warnings };
}

function withoutUtf8Bom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** Comma, unless the header row has semicolons and no comma (some locales). */
function delimiterOf(text: string): ',' | ';' {
  const lineEnd = text.search(/[\r\n]/);
  const headerLine = lineEnd < 0 ? text : text.slice(0, lineEnd);
  return !headerLine.includes(',') && headerLine.includes(';') ? ';' : ',';
}
