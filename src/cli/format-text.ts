/**
 * The human format: one `path:line:col: severity message [ruleId]` line per finding, as
 * compilers print them so that terminals and editors link to the place, then a summary.
 * The severity word and the summary come from the catalog (docs/l10n.md).
 */

import type { Finding, Severity } from '../core/analysis/rule';
import { severityCount } from '../core/analysis/severity-counts';
import { countSeverities, type CheckRun } from './check';
import { escapeControls } from './terminal';
import { defineMessages } from '../core/l10n/messages';
import { formatList, formatNumber } from '../core/l10n/format';

const MESSAGES = defineMessages('cli.check', {
  errorLine: '{path}:{line}:{column}: error {message} [{rule}]',
  warningLine: '{path}:{line}:{column}: warning {message} [{rule}]',
  infoLine: '{path}:{line}:{column}: info {message} [{rule}]',
  hintLine: '{path}:{line}:{column}: hint {message} [{rule}]',
  noteLine: '  {path}:{line}:{column}: note: {message}',
  summary: '{files}, {counts}',
  oneFile: '1 file',
  manyFiles: '{count} files',
  oneUnread: '1 file not read',
  manyUnread: '{count} files not read',
});

/** The severity as `vtopo check` and `vtopo rules` print it: `error`, `warning`, `info`, `hint`. */
export const SEVERITY_WORDS = defineMessages('cli.severity', {
  error: 'error',
  warning: 'warning',
  info: 'info',
  hint: 'hint',
});

type Counted = (count: number) => string;

// The summary's counts are not grouped (`1501 warnings`): scripts read them, as they always have.
const counter = (one: () => string, many: (data: { count: string }) => string): Counted => (n) => (n === 1 ? one() : many({ count: formatNumber(n, { grouping: false }) }));

const COUNTS: Readonly<Record<Severity | 'files' | 'unread', Counted>> = {
  files: counter(() => MESSAGES.oneFile({}), MESSAGES.manyFiles),
  error: (n) => severityCount('error', n, { grouping: false }),
  warning: (n) => severityCount('warning', n, { grouping: false }),
  info: (n) => severityCount('info', n, { grouping: false }),
  hint: (n) => severityCount('hint', n, { grouping: false }),
  unread: counter(() => MESSAGES.oneUnread({}), MESSAGES.manyUnread),
};

const LINES: Readonly<Record<Severity, typeof MESSAGES.errorLine>> = {
  error: MESSAGES.errorLine,
  warning: MESSAGES.warningLine,
  info: MESSAGES.infoLine,
  hint: MESSAGES.hintLine,
};

export function formatText(run: CheckRun): string {
  const lines: string[] = [];
  for (const file of run.files) {
    const path = escapeControls(file.path);
    for (const finding of file.findings) {
      const at = file.positionAt(finding.range.start);
      lines.push(findingLine(finding, path, at.line, at.column));
      for (const related of finding.related ?? []) {
        const relatedAt = file.positionAt(related.range.start);
        lines.push(MESSAGES.noteLine({ path, line: relatedAt.line, column: relatedAt.column, message: oneLine(related.message) }));
      }
    }
  }
  lines.push(summaryLine(run));
  return `${lines.join('\n')}\n`;
}

function findingLine(finding: Finding, path: string, line: number, column: number): string {
  return LINES[finding.severity]({ path, line, column, message: oneLine(finding.message), rule: finding.ruleId });
}

export function summaryLine(run: CheckRun): string {
  const counts = countSeverities(run);
  const parts = [COUNTS.error(counts.error), COUNTS.warning(counts.warning)];
  // Infos and hints are advice: named only when there are some.
  if (counts.info > 0) parts.push(COUNTS.info(counts.info));
  if (counts.hint > 0) parts.push(COUNTS.hint(counts.hint));
  if (run.unreadable.length > 0) parts.push(COUNTS.unread(run.unreadable.length));
  return MESSAGES.summary({ files: COUNTS.files(run.files.length), counts: formatList(parts) });
}

/**
 * Keeps one finding on one line, whatever a message (e.g. a YAML error) contains, with its
 * other control characters shown escaped.
 */
function oneLine(message: string): string {
  return escapeControls(message.replace(/\s*[\r\n]+\s*/g, ' '));
}
