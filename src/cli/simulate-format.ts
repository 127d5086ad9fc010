/**
 * What `vtopo simulate` prints: as text, the same summary, notes and tables the results
 * panel shows (per VM, then the event log), in columns; as JSON, the simulator's result
 * as it came, under the file and the kind of simulation (docs/cli.md).
 */

import { reportResult } from '../core/view/simulation-export';
import { maxOf } from '../core/capacity/resources';
import type { Table } from '../core/view/simulation-table';
import { buildSimulationView, type SimulationReport } from '../core/view/simulation-view';
import { defineMessages } from '../core/l10n/messages';
import { displayWidth, padEnd, padStart } from './terminal';

const MESSAGES = defineMessages('cli.simulate-format', {
  design: 'Design: {design}',
  labelled: '{label}:',
  caption: '{caption}:',
  none: 'none',
  refused: 'Live migration of {vm} to {host} is refused:',
});

export interface Refusal {
  readonly code: string;
  readonly reason: string;
}

export function formatSimulationText(report: SimulationReport): string {
  const view = buildSimulationView(report);
  const lines: string[] = [view.title, MESSAGES.design({ design: view.design }), ''];
  const labels = view.summary.map((item) => MESSAGES.labelled({ label: item.label }));
  const labelWidth = Math.max(0, ...labels.map(displayWidth));
  view.summary.forEach((item, index) => lines.push(`  ${padEnd(labels[index] ?? '', labelWidth)}  ${item.value}`));
  if (view.notes.length > 0) {
    lines.push('');
    for (const note of view.notes) lines.push(`  ${note}`);
  }
  for (const table of view.tables) {
    lines.push('', MESSAGES.caption({ caption: table.caption }));
    if (table.rows.length === 0) lines.push(`  ${MESSAGES.none({})}`);
    else for (const line of formatTextTable(table)) lines.push(`  ${line}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Columns padded to their widest cell (the last one is not padded), numbers right-aligned; Chinese characters count two columns. */
export function formatTextTable(table: Table): string[] {
  const rows = [table.columns.map((column) => column.label), ...table.rows.map((row) => row.cells.map((cell) => cell.text.replace(/\s*\n\s*/g, ' ')))];
  const widths = table.columns.map((_, index) => maxOf(rows, (row) => displayWidth(row[index] ?? '')));
  const last = table.columns.length - 1;
  return rows.map((row) =>
    row
      .map((text, index) => {
        if (index === last) return table.columns[index]?.align === 'right' ? padStart(text, widths[index] ?? 0) : text;
        return table.columns[index]?.align === 'right' ? padStart(text, widths[index] ?? 0) : padEnd(text, widths[index] ?? 0);
      })
      .join('  ')
      .trimEnd(),
  );
}

export function formatSimulationJson(path: string, report: SimulationReport): string {
  return `${JSON.stringify({ file: path, simulation: report.kind, result: reportResult(report) }, null, 2)}\n`;
}

export function formatRefusalText(vmId: string, toHostId: string, refusals: readonly Refusal[]): string {
  return [MESSAGES.refused({ vm: vmId, host: toHostId }), ...refusals.map((refusal) => `  - ${refusal.reason} [${refusal.code}]`), ''].join('\n');
}

export function formatRefusalJson(path: string, vmId: string, toHostId: string, refusals: readonly Refusal[]): string {
  return `${JSON.stringify({ file: path, simulation: 'migration', refused: { vmId, toHost: toHostId, reasons: refusals.map(({ code, reason }) => ({ code, reason })) } }, null, 2)}\n`;
}
