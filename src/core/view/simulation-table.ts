/**
 * Tables of simulation results (per VM, per migration, per sweep case, the event log) as
 * data: each cell has the text people read and the value it sorts by, so "downtime"
 * sorts 2 min after 45 s. The panel sorts by a clicked column; the exports print them.
 */

export type ColumnAlign = 'left' | 'right';

export interface TableColumn {
  readonly id: string;
  readonly label: string;
  readonly align: ColumnAlign;
}

export interface TableCell {
  readonly text: string;
  readonly sortValue: number | string;
}

export interface TableRow {
  /** The element the row is about (VM id, case number). */
  readonly id: string;
  readonly cells: readonly TableCell[];
}

export interface Table {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

export type SortDirection = 'ascending' | 'descending';

/**
 * The rows ordered by one column; numbers before text, text by code point (the same on
 * every machine), ties kept in their original order. An unknown column leaves the order.
 */
export function sortRows(table: Table, columnId: string, direction: SortDirection): TableRow[] {
  const column = table.columns.findIndex((candidate) => candidate.id === columnId);
  const rows = [...table.rows];
  if (column < 0) return rows;
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compareValues(a.row.cells[column]?.sortValue, b.row.cells[column]?.sortValue) || a.index - b.index)
    .map(({ row }) => row);
}

function compareValues(a: number | string | undefined, b: number | string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : 1;
}

export function textCell(text: string): TableCell {
  return { text, sortValue: text };
}

export function numberCell(value: number, text: string = String(value)): TableCell {
  return { text, sortValue: value };
}
