/**
 * The results panel's "Export": Markdown for a design review (a summary, the notes and the
 * tables) and JSON for tools (the simulator's result exactly as it came, pretty-printed).
 */

import { buildSimulationView, type SimulationReport } from './simulation-view';
import type { Table } from './simulation-table';
import { defineMessages } from '../l10n/messages';

const MESSAGES = defineMessages('simulation.export', {
  design: 'Design: {design}',
  summary: 'Summary',
  measure: 'Measure',
  value: 'Value',
  none: 'None.',
});

export type ExportFormat = 'markdown' | 'json';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['markdown', 'json'];

/** File name extension and save-dialog filter of each format. */
export const EXPORT_FILES: Readonly<Record<ExportFormat, { readonly extension: string; readonly filterName: string }>> = {
  markdown: { extension: 'md', filterName: 'Markdown' },
  json: { extension: 'json', filterName: 'JSON' },
};

export function exportReport(report: SimulationReport, format: ExportFormat): string {
  return format === 'markdown' ? reportToMarkdown(report) : reportToJson(report);
}

/**
 * The result as the simulator returned it (a sweep: its rows), two-space indented. A balance
 * result's `minDrop` is Infinity for migration threshold 1, which JSON writes as null.
 */
export function reportToJson(report: SimulationReport): string {
  return `${JSON.stringify(reportResult(report), null, 2)}\n`;
}

export function reportResult(report: SimulationReport): unknown {
  switch (report.kind) {
    case 'failure':
      return report.result;
    case 'migration':
      return report.migration;
    case 'maintenance':
      return report.maintenance;
    case 'sweep':
      return report.rows;
    case 'balance':
      return report.balance;
  }
}

export function reportToMarkdown(report: SimulationReport): string {
  const view = buildSimulationView(report);
  const lines: string[] = [`# ${escapeInline(view.title)}`, '', MESSAGES.design({ design: `\`${view.design.replace(/`/g, "'")}\`` }), '', `## ${MESSAGES.summary({})}`, ''];
  lines.push(...markdownTable([MESSAGES.measure({}), MESSAGES.value({})], ['left', 'right'], view.summary.map((item) => [item.label, item.value])));
  if (view.notes.length > 0) {
    lines.push('');
    for (const note of view.notes) lines.push(`- ${escapeInline(note)}`);
  }
  for (const table of view.tables) {
    lines.push('', `## ${escapeInline(table.caption)}`, '');
    lines.push(...(table.rows.length === 0 ? [MESSAGES.none({})] : tableToMarkdown(table)));
  }
  return `${lines.join('\n')}\n`;
}

export function tableToMarkdown(table: Table): string[] {
  return markdownTable(
    table.columns.map((column) => column.label),
    table.columns.map((column) => column.align),
    table.rows.map((row) => row.cells.map((cell) => cell.text)),
  );
}

function markdownTable(headers: readonly string[], aligns: readonly ('left' | 'right')[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(headers), `|${aligns.map((align) => (align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map(line)];
}

/** A cell stays on its line and in its column: pipes escaped, line breaks made spaces. */
export function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

/** Text from the design cannot open HTML or links in a Markdown viewer. */
export function escapeInline(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>]/g, (character) => `\\${character}`);
}
