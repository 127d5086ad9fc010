/**
 * The design review in Markdown, for wikis and pull requests: the same sections as the HTML
 * file, tables in GitHub's pipe syntax, without the pictures (a note points to the HTML
 * report). Text from the design is escaped as the simulation exports escape it
 * (simulation-export.ts): it cannot open a link, an image, a table cell or raw HTML.
 */

import type { Severity } from '../analysis/rule';
import { escapeCell, escapeInline, tableToMarkdown } from '../view/simulation-export';
import type { Table } from '../view/simulation-table';
import { LISTED_SIMULATION_ROWS } from './html';
import { LISTED_SWEEP_CASES, type DesignReview, type ReviewRule, type Verdict } from './review';

const VERDICT_TEXT: Readonly<Record<Verdict, string>> = { pass: '✅ Pass', warn: '⚠️ Warning', fail: '❌ Fail', info: '➖ Not judged' };
const SEVERITY_TEXT: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' };

export function reviewToMarkdown(review: DesignReview): string {
  const t = escapeInline;
  const c = escapeCell;
  const out: string[] = [
    `# Design review: ${t(review.title)}`,
    '',
    t(`${review.fileName} · platform ${review.platform} · judged on ${review.judgedOn} · VTopo ${review.version}`),
    '',
    '## Scorecard',
    '',
    review.inventory.map((entry) => `**${entry.count}** ${t(entry.label)}`).join(' · '),
    '',
    '| Verdict | Check | Result | What it means |',
    '| --- | --- | --- | --- |',
    ...review.scorecard.map((item) => `| ${VERDICT_TEXT[item.verdict]} | ${c(item.label)} | ${c(item.value)} | ${c(item.detail)} |`),
    '',
    '### What this review does not cover',
    '',
    ...review.notModelled.map((gap) => `- ${t(gap)}`),
    '',
    '## Topology',
    '',
    '_The topology diagram is in the HTML report (vtopo report FILE --format html)._',
    '',
  ];
  if (review.clusters.length > 0) {
    out.push('## Capacity and failover', '');
    for (const cluster of review.clusters) {
      out.push(`### Cluster ${t(cluster.cluster)}`, '', '| | |', '| --- | --- |', `| Hosts | ${cluster.hosts} |`, `| Powered-on VMs | ${cluster.vms} |`);
      for (const figure of cluster.figures) out.push(`| ${c(figure.label)} | ${c(figure.value)} |`);
      out.push(`| Admission control | ${cluster.satisfied ? 'met' : 'not met'} |`);
      if (cluster.cannotRestart.length > 0) out.push(`| Cannot restart | ${c(cluster.cannotRestart.join(', '))} |`);
      out.push('', '| In use | CPU | Memory |', '| --- | ---: | ---: |');
      for (const bar of cluster.bars) out.push(`| ${c(bar.label)} | ${Math.round(bar.cpuPercent)}% | ${Math.round(bar.memoryPercent)}% |`);
      out.push('');
    }
  }
  const { cases, table, felt } = review.sweep;
  out.push('## N-1 failure sweep', '', t(`${cases} single failures simulated; ${felt === 0 ? 'none affects a VM' : `${felt} affect VMs, worst first`}.${felt > table.rows.length ? ` The first ${LISTED_SWEEP_CASES} are listed; vtopo simulate FILE --sweep n-1 lists them all.` : ''}`), '');
  if (table.rows.length > 0) out.push(...markdownTable(table), '');
  out.push('## Findings', '');
  if (review.areas.length === 0) out.push('The analyzer reports nothing.', '');
  for (const area of review.areas) {
    out.push(`### ${t(area.title)}`, '');
    for (const rule of area.rules) out.push(...ruleSection(rule));
  }
  if (review.simulations.length > 0) {
    out.push('## Simulations', '');
    for (const view of review.simulations) {
      out.push(`### ${t(view.title)}`, '', ...view.summary.map((item) => `- ${t(item.label)}: ${t(item.value)}`), '', ...view.notes.map((note) => `_${t(note)}_`), '');
      for (const simulationTable of view.tables) out.push(...markdownTable(simulationTable, LISTED_SIMULATION_ROWS), '');
    }
  }
  out.push('---', '', t(`Written by VTopo ${review.version} from ${review.fileName}.`), '');
  return out.join('\n');
}

function ruleSection(rule: ReviewRule): string[] {
  const t = escapeInline;
  return [
    `#### ${SEVERITY_TEXT[rule.severity]}: ${t(rule.title)} (\`${rule.id}\`, ${rule.count})`,
    '',
    ...rule.findings.map((finding) => `- Line ${finding.line}: ${t(finding.message)}${finding.fixes.length > 0 ? ` **Fix:** ${t(finding.fixes.join('; '))}` : ''}`),
    ...(rule.unlisted > 0 ? [`- _and ${rule.unlisted} more (vtopo check lists them all)_`] : []),
    '',
    `> ${t(rule.description)}`,
    ...(rule.sources.length > 0 ? ['>', `> Sources: ${t(rule.sources.join('; '))}`] : []),
    '',
  ];
}

function markdownTable(table: Table, limit = Infinity): string[] {
  const rows = table.rows.slice(0, limit);
  const lines = tableToMarkdown({ ...table, rows });
  return table.rows.length > rows.length ? [...lines, '', `_and ${table.rows.length - rows.length} more rows_`] : lines;
}
