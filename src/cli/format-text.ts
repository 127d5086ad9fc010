/**
 * The human format: one `path:line:col: severity message [ruleId]` line per finding, as
 * compilers print them so that terminals and editors link to the place, then a summary.
 */

import type { Severity } from '../core/analysis/rule';
import { countSeverities, type CheckRun } from './check';
import { escapeControls } from './terminal';
import { plural } from '../core/text/plural';

const PLURALS: Readonly<Record<Severity, string>> = { error: 'errors', warning: 'warnings', info: 'infos', hint: 'hints' };

export function formatText(run: CheckRun): string {
  const lines: string[] = [];
  for (const file of run.files) {
    for (const finding of file.findings) {
      const at = file.positionAt(finding.range.start);
      lines.push(`${escapeControls(file.path)}:${at.line}:${at.column}: ${finding.severity} ${oneLine(finding.message)} [${finding.ruleId}]`);
      for (const related of finding.related ?? []) {
        const relatedAt = file.positionAt(related.range.start);
        lines.push(`  ${escapeControls(file.path)}:${relatedAt.line}:${relatedAt.column}: note: ${oneLine(related.message)}`);
      }
    }
  }
  lines.push(summaryLine(run));
  return `${lines.join('\n')}\n`;
}

export function summaryLine(run: CheckRun): string {
  const counts = countSeverities(run);
  const parts = [count(run.files.length, 'file', 'files'), count(counts.error, 'error', PLURALS.error), count(counts.warning, 'warning', PLURALS.warning)];
  // Infos and hints are advice: named only when there are some.
  if (counts.info > 0) parts.push(count(counts.info, 'info', PLURALS.info));
  if (counts.hint > 0) parts.push(count(counts.hint, 'hint', PLURALS.hint));
  if (run.unreadable.length > 0) parts.push(`${count(run.unreadable.length, 'file', 'files')} not read`);
  return parts.join(', ');
}

function count(n: number, singular: string, pluralForm: string): string {
  return `${n} ${plural(n, singular, pluralForm)}`;
}

/**
 * Keeps one finding on one line, whatever a message (e.g. a YAML error) contains, with its
 * other control characters shown escaped.
 */
function oneLine(message: string): string {
  return escapeControls(message.replace(/\s*[\r\n]+\s*/g, ' '));
}
