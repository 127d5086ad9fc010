/**
 * An RVTools export as the importer reads it: its tabs found by name (vInfo, "RVTools_tabvInfo"),
 * rows as records of the columns a tab spec names, and numbers that are not numbers reported
 * with their tab, row and column.
 */

import { booleanCell, columnsOf, MissingColumnError, numberCell, textCell, type Cell, type ColumnSpec, type Table } from '../table';
import type { SummaryBuilder } from '../summary';
import { defineMessages } from '../../l10n/messages';
import { formatList } from '../../l10n/format';

const MESSAGES = defineMessages('import.rvtools.tabs', {
  noTab: 'tab {tab}: {consequence}',
  noColumnConsequence: 'tab {tab} has no column "{column}": {consequence}',
  noColumn: 'tab {tab} has no column "{column}"',
  notANumber: '{tab} row {row}, column "{column}": "{text}" is not a number; left out',
  exportWithoutTab: 'the export has no {tab} tab',
  exportWithoutTabFound: 'the export has no {tab} tab (tabs found: {found})',
  exportWithoutTabFoundMore: 'the export has no {tab} tab (tabs found: {found}, ...)',
});

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
      this.summary.missing(MESSAGES.noTab({ tab, consequence: whenMissing }));
      return [];
    }
    let columns: Readonly<Record<string, number | undefined>>;
    try {
      columns = columnsOf(table, specs);
    } catch (error) {
      if (essential || !(error instanceof MissingColumnError)) throw error;
      this.summary.missing(MESSAGES.noColumnConsequence({ tab, column: error.column, consequence: whenMissing }));
      return [];
    }
    for (const [name, spec] of Object.entries(specs)) {
      if (columns[name] === undefined) this.summary.missing(MESSAGES.noColumn({ tab, column: spec.header }));
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
          summary.warn(MESSAGES.notANumber({ tab, row: String(line), column: header, text: bad.slice(0, 40) }));
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
    const shown = formatList(found.slice(0, 8));
    super(found.length === 0 ? MESSAGES.exportWithoutTab({ tab }) : found.length > 8 ? MESSAGES.exportWithoutTabFoundMore({ tab, found: shown }) : MESSAGES.exportWithoutTabFound({ tab, found: shown }));
  }
}
