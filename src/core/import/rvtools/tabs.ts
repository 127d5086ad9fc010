/**
 * An RVTools export as the importer reads it: its tabs found by name (vInfo, "RVTools_tabvInfo"),
 * rows as records of the columns a tab spec names, and numbers that are not numbers reported
 * with their tab, row and column.
 */

import { booleanCell, columnsOf, MissingColumnError, numberCell, textCell, type Cell, type ColumnSpec, type Table } from '../table';
import type { SummaryBuilder } from '../summary';

export interface Row {
  /** 1-based data row number, as a spreadsheet shows it (the header is row 1). */
  readonly line: number;
  text(column: string): string | undefined;
  number(column: string): number | undefined;
  boolean(column: string): boolean | undefined;
  /** A cell of a header the spec does not name (vMultiPath "Path 3 state"). */
  cellText(header: string): string | undefined;
}

export class RvtoolsTabs {
  private readonly byName = new Map<string, Table>();

  constructor(
    tables: readonly Table[],
    private readonly summary: SummaryBuilder,
  ) {
    for (const table of tables) {
      const key = tabKey(table.name);
      if (!this.byName.has(key)) this.byName.set(key, table);
    }
  }

  has(tab: string): boolean {
    return this.byName.has(tabKey(tab));
  }

  /** Whether the tab is there and has the column (by its header or one of its other spellings). */
  hasColumn(tab: string, spec: ColumnSpec): boolean {
    const table = this.byName.get(tabKey(tab));
    return table !== undefined && columnsOf(table, { column: { ...spec, required: false } }).column !== undefined;
  }

  names(): string[] {
    return [...this.byName.values()].map((table) => table.name);
  }

  /**
   * The rows of a tab; none (and a note in the summary) when the tab or one of its required
   * columns is absent, except for an essential tab, whose absence throws MissingColumnError.
   */
  rows(tab: string, specs: Readonly<Record<string, ColumnSpec>>, whenMissing: string, essential = false): Row[] {
    const table = this.byName.get(tabKey(tab));
    if (!table) {
      if (essential) throw new MissingTabError(tab, this.names());
      this.summary.missing(`tab ${tab}: ${whenMissing}`);
      return [];
    }
    let columns: Readonly<Record<string, number | undefined>>;
    try {
      columns = columnsOf(table, specs);
    } catch (error) {
      if (essential || !(error instanceof MissingColumnError)) throw error;
      this.summary.missing(`tab ${tab} has no column "${error.column}": ${whenMissing}`);
      return [];
    }
    for (const [name, spec] of Object.entries(specs)) {
      if (columns[name] === undefined) this.summary.missing(`tab ${tab} has no column "${spec.header}"`);
    }
    const headerIndex = new Map(table.header.map((header, index) => [header.trim().toLowerCase(), index]));
    return table.rows.map((cells, index) => this.row(tab, table, cells, index + 2, columns, headerIndex));
  }

  private row(tab: string, table: Table, cells: readonly Cell[], line: number, columns: Readonly<Record<string, number | undefined>>, headerIndex: ReadonlyMap<string, number>): Row {
    const summary = this.summary;
    return {
      line,
      text: (column) => textCell(cells, columns[column]),
      number: (column) =>
        numberCell(cells, columns[column], (bad) => {
          const header = table.header[columns[column] ?? -1] ?? column;
          summary.warn(`${tab} row ${line}, column "${header}": "${bad.slice(0, 40)}" is not a number; left out`);
        }),
      boolean: (column) => booleanCell(cells, columns[column]),
      cellText: (header) => textCell(cells, headerIndex.get(header.toLowerCase())),
    };
  }
}

/** "RVTools_tabvInfo" and "vinfo" name the same tab. */
function tabKey(name: string): string {
  return name.trim().toLowerCase().replace(/^rvtools_tab/, '');
}

export class MissingTabError extends Error {
  constructor(
    readonly tab: string,
    found: readonly string[],
  ) {
    const shown = found.slice(0, 8).join(', ');
    super(`the export has no ${tab} tab${found.length > 0 ? ` (tabs found: ${shown}${found.length > 8 ? ', ...' : ''})` : ''}`);
  }
}
