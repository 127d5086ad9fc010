/**
 * The words the design review's HTML and Markdown share: verdicts, severities, section
 * headings, table headers and the sentences both print (docs/l10n.md). Each is asked for
 * when the review is written, in the user's language.
 */

import type { Severity } from '../analysis/rule';
import { defineMessages } from '../l10n/messages';
import { formatNumber } from '../l10n/format';
import type { Verdict } from './review';

export { severityCount } from '../analysis/severity-counts';

export const REVIEW_TEXTS = defineMessages('review.document', {
  title: 'Design review: {title}',
  meta: '{file} · platform {platform} · judged on {date} · VTopo {version}',
  scorecard: 'Scorecard',
  verdict: 'Verdict',
  check: 'Check',
  result: 'Result',
  meaning: 'What it means',
  notCovered: 'What this review does not cover',
  topology: 'Topology',
  capacity: 'Capacity and failover',
  cluster: 'Cluster {id}',
  hosts: 'Hosts',
  poweredOnVms: 'Powered-on VMs',
  admissionControl: 'Admission control',
  met: 'met',
  notMet: 'not met',
  cannotRestart: 'Cannot restart',
  sweep: 'N-1 failure sweep',
  findings: 'Findings',
  nothing: 'The analyzer reports nothing.',
  line: 'Line {line}: {message}',
  moreFindings: 'and {count} more (vtopo check lists them all)',
  sources: 'Sources: {sources}',
  simulations: 'Simulations',
  moreRows: 'and {count} more rows',
  counts: '({counts})',
  percent: '{n}%',
  cpu: 'CPU {percent}',
  memory: 'memory {percent}',
});

const VERDICTS = defineMessages('review.verdict', {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  info: 'Not judged',
});

const SEVERITY_NAMES = defineMessages('review.severity', {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
  hint: 'Hint',
});

export function verdictText(verdict: Verdict): string {
  return VERDICTS[verdict]({});
}

export function severityText(severity: Severity): string {
  return SEVERITY_NAMES[severity]({});
}

/** A share in whole percent, as the review prints it: `73%`. */
export function wholePercent(value: number): string {
  return REVIEW_TEXTS.percent({ n: formatNumber(Math.round(value)) });
}
