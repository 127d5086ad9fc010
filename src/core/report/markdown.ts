/**
 * The design review in Markdown, for wikis and pull requests: the same sections as the HTML
 * file, tables in GitHub's pipe syntax, without the pictures (a note points to the HTML
 * report). Text from the design is escaped as the simulation exports escape it
 * (simulation-export.ts): it cannot open a link, an image, a table cell or raw HTML.
 */

import { escapeCell, escapeInline, tableToMarkdown } from '../view/simulation-export';
import type { Table } from '../view/simulation-table';
import { LISTED_SIMULATION_ROWS } from './html';
import { LISTED_SWEEP_CASES, type DesignReview, type ReviewRule, type Verdict } from './review';
import { REVIEW_TEXTS, severityText, verdictText, wholePercent } from './texts';
import { defineMessages } from '../l10n/messages';
import { formatList } from '../l10n/format';
import { grouped } from '../text/plural';

const MARKDOWN = defineMessages('review.markdown', {
  noDiagram: 'The topology diagram is in the HTML report (vtopo report FILE --format html).',
  inUse: 'In use',
  cpu: 'CPU',
  memory: 'Memory',
  sweepNone: '{cases} single failures simulated; none affects a VM.',
  sweepFelt: '{cases} single failures simulated; {felt} affect VMs, worst first.',
  sweepFeltListed: '{cases} single failures simulated; {felt} affect VMs, worst first. The first {listed} are listed; vtopo simulate FILE --sweep n-1 lists them all.',
  rule: '{severity}: {title} ({rule}, {count})',
  fix: 'Line {line}: {message} **Fix:** {fixes}',
  item: '{label}: {value}',
  footer: 'Written by VTopo {version} from {file}.',
});

/** The verdict with its mark, which says it without colour: `✅ Pass`. */
const MARKS: Readonly<Record<Verdict, string>> = { pass: '✅', warn: '⚠️', fail: '❌', info: '➖' };

export function reviewToMarkdown(review: DesignReview): string {
  const t = escapeInline;
  const c = escapeCell;
  const out: string[] = [
    `# ${REVIEW_TEXTS.title({ title: t(review.title) })}`,
    '',
    t(REVIEW_TEXTS.meta({ file: review.fileName, platform: review.platform, date: review.judgedOn, version: review.version })),
    '',
    `## ${c(REVIEW_TEXTS.scorecard({}))}`,
    '',
    review.inventory.map((entry) => `**${grouped(entry.count)}** ${t(entry.label)}`).join(' · '),
    '',
    `| ${[REVIEW_TEXTS.verdict({}), REVIEW_TEXTS.check({}), REVIEW_TEXTS.result({}), REVIEW_TEXTS.meaning({})].map(c).join(' | ')} |`,
    '| --- | --- | --- | --- |',
    ...review.scorecard.map((item) => `| ${MARKS[item.verdict]} ${c(verdictText(item.verdict))} | ${c(item.label)} | ${c(item.value)} | ${c(item.detail)} |`),
    '',
    `### ${t(REVIEW_TEXTS.notCovered({}))}`,
    '',
    ...review.notModelled.map((gap) => `- ${t(gap)}`),
    '',
    `## ${t(REVIEW_TEXTS.topology({}))}`,
    '',
    `_${t(MARKDOWN.noDiagram({}))}_`,
    '',
  ];
  if (review.clusters.length > 0) {
    out.push(`## ${t(REVIEW_TEXTS.capacity({}))}`, '');
    for (const cluster of review.clusters) {
      out.push(
        `### ${REVIEW_TEXTS.cluster({ id: t(cluster.cluster) })}`,
        '',
        '| | |',
        '| --- | --- |',
        `| ${c(REVIEW_TEXTS.hosts({}))} | ${grouped(cluster.hosts)} |`,
        `| ${c(REVIEW_TEXTS.poweredOnVms({}))} | ${grouped(cluster.vms)} |`,
      );
      for (const figure of cluster.figures) out.push(`| ${c(figure.label)} | ${c(figure.value)} |`);
      out.push(`| ${c(REVIEW_TEXTS.admissionControl({}))} | ${c(cluster.satisfied ? REVIEW_TEXTS.met({}) : REVIEW_TEXTS.notMet({}))} |`);
      if (cluster.cannotRestart.length > 0) out.push(`| ${c(REVIEW_TEXTS.cannotRestart({}))} | ${c(formatList(cluster.cannotRestart))} |`);
      out.push('', `| ${[MARKDOWN.inUse({}), MARKDOWN.cpu({}), MARKDOWN.memory({})].map(c).join(' | ')} |`, '| --- | ---: | ---: |');
      for (const bar of cluster.bars) out.push(`| ${c(bar.label)} | ${c(wholePercent(bar.cpuPercent))} | ${c(wholePercent(bar.memoryPercent))} |`);
      out.push('');
    }
  }
  const { cases, table, felt } = review.sweep;
  const counts = { cases: grouped(cases), felt: grouped(felt) };
  const summary = felt === 0
    ? MARKDOWN.sweepNone({ cases: counts.cases })
    : felt > table.rows.length ? MARKDOWN.sweepFeltListed({ ...counts, listed: grouped(LISTED_SWEEP_CASES) }) : MARKDOWN.sweepFelt(counts);
  out.push(`## ${t(REVIEW_TEXTS.sweep({}))}`, '', t(summary), '');
  if (table.rows.length > 0) out.push(...markdownTable(table), '');
  out.push(`## ${t(REVIEW_TEXTS.findings({}))}`, '');
  if (review.areas.length === 0) out.push(t(REVIEW_TEXTS.nothing({})), '');
  for (const area of review.areas) {
    out.push(`### ${t(area.title)}`, '');
    for (const rule of area.rules) out.push(...ruleSection(rule));
  }
  if (review.simulations.length > 0) {
    out.push(`## ${t(REVIEW_TEXTS.simulations({}))}`, '');
    for (const view of review.simulations) {
      out.push(`### ${t(view.title)}`, '', ...view.summary.map((item) => `- ${MARKDOWN.item({ label: t(item.label), value: t(item.value) })}`), '', ...view.notes.map((note) => `_${t(note)}_`), '');
      for (const simulationTable of view.tables) out.push(...markdownTable(simulationTable, LISTED_SIMULATION_ROWS), '');
    }
  }
  out.push('---', '', t(MARKDOWN.footer({ version: review.version, file: review.fileName })), '');
  return out.join('\n');
}

function ruleSection(rule: ReviewRule): string[] {
  const t = escapeInline;
  return [
    `#### ${MARKDOWN.rule({ severity: t(severityText(rule.severity)), title: t(rule.title), rule: `\`${rule.id}\``, count: grouped(rule.count) })}`,
    '',
    ...rule.findings.map((finding) => `- ${finding.fixes.length > 0
      ? MARKDOWN.fix({ line: finding.line, message: t(finding.message), fixes: t(finding.fixes.join('; ')) })
      : REVIEW_TEXTS.line({ line: finding.line, message: t(finding.message) })}`),
    ...(rule.unlisted > 0 ? [`- _${t(REVIEW_TEXTS.moreFindings({ count: grouped(rule.unlisted) }))}_`] : []),
    '',
    `> ${t(rule.description)}`,
    ...(rule.sources.length > 0 ? ['>', `> ${REVIEW_TEXTS.sources({ sources: t(rule.sources.join('; ')) })}`] : []),
    '',
  ];
}

function markdownTable(table: Table, limit = Infinity): string[] {
  const rows = table.rows.slice(0, limit);
  const lines = tableToMarkdown({ ...table, rows });
  return table.rows.length > rows.length ? [...lines, '', `_${escapeInline(REVIEW_TEXTS.moreRows({ count: grouped(table.rows.length - rows.length) }))}_`] : lines;
}
