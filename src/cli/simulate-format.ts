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

/** East Asian wide characters (CJK ideographs, kana, hangul, full-width forms and punctuation) take two columns of a terminal. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

/** How many terminal columns a text takes: its length, plus one for each wide character. */
export function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
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
