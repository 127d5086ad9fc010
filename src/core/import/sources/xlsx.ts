/**
 * An RVTools workbook (.xlsx) as tables, one per sheet, named by the sheet. read-excel-file never
 * sees the input's bytes: the parts it reads (every .xml and .xml.rels entry) pass the zip limits,
 * are inflated here as a bounded stream (a part that lies about its size is refused), and reach
 * it repacked uncompressed; other entries (images, printer settings) are never inflated.
 * Formulas are never evaluated: read-excel-file reads the value the spreadsheet application cached
 * with the formula (a formula without one is an empty cell). Cells keep their type: numbers,
 * booleans, dates (from the cell style's number format) as Date (to the whole second when float
 * error is all that separates them from it), text trimmed, empty as null. The first row is the
 * header; rows shorter than it are padded with null, and rows with no value are skipped.
 */

import readXlsxFile from 'read-excel-file/universal';
import type { Cell, Table } from '../table';
import { ImportInputError } from './errors';
import { listSome } from './input';
import type { ImportLimits } from './limits';
import { isRvtoolsTab } from './rvtools-names';
import { checkZipEntries, storedZipOf, type ZipEntry } from './zip';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.xlsx', {
  unreadable: '{file} is not a readable workbook: {reason}',
  readingTab: 'reading {tab}',
  noRvtoolsTab: '{file} is a workbook without any RVTools tab (vInfo, vHost...); its sheets: {sheets}',
});

/** The zip entries read-excel-file inflates. */
function isWorkbookPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.xml.rels');
}

export async function readXlsxTables(file: string, bytes: Uint8Array, entries: readonly ZipEntry[], limits: ImportLimits, onProgress?: (message: string) => void): Promise<Table[]> {
  const parts = entries.filter((entry) => isWorkbookPart(entry.name));
  checkZipEntries(file, parts, limits);
  const checked = storedZipOf(file, bytes, parts);
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(checked.buffer as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error);
    throw new ImportInputError('corrupt', file, MESSAGES.unreadable({ file, reason }));
  }
  if (!sheets.some((sheet) => isRvtoolsTab(sheet.sheet))) {
    throw new ImportInputError('no-rvtools-tabs', file, MESSAGES.noRvtoolsTab({ file, sheets: listSome(sheets.map((sheet) => sheet.sheet)) }));
  }
  return sheets.map((sheet) => {
    onProgress?.(MESSAGES.readingTab({ tab: sheet.sheet }));
    return sheetTable(sheet.sheet, sheet.data as readonly (readonly unknown[])[]);
  });
}

function sheetTable(name: string, data: readonly (readonly unknown[])[]): Table {
  const [headerRow, ...dataRows] = data;
  const header = (headerRow ?? []).map((value) => {
    const cell = cellOf(value);
    return cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim();
  });
  const rows: Cell[][] = [];
  for (const dataRow of dataRows) {
    const row = dataRow.map(cellOf);
    if (row.every((cell) => cell === null)) continue;
    while (row.length < header.length) row.push(null);
    rows.push(row);
  }
  return { name, header, rows };
}

function cellOf(value: unknown): Cell {
  if (value instanceof Date) return wholeSecond(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '' ? null : value;
  return null;
}

/**
 * A workbook date is a float count of days, and read-excel-file truncates it to the millisecond:
 * 09:30:00 can come back as 09:29:59.999. A date within a millisecond of a whole second is that second.
 */
function wholeSecond(date: Date): Date {
  const time = date.getTime();
  const second = Math.round(time / 1000) * 1000;
  return time !== second && Math.abs(time - second) <= 1 ? new Date(second) : date;
}
