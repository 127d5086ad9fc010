/**
 * The design review as one self-contained HTML file: inline CSS and SVG, no script, nothing
 * loaded from anywhere (the page's Content Security Policy says so too), so it opens from a
 * mail attachment and prints to PDF from any browser. Every string from the design goes
 * through escapeXml; the only markup is this module's.
 */

import { escapeXml } from '../view/designer-model';
import type { SimulationView } from '../view/simulation-view';
import type { Table } from '../view/simulation-table';
import { MAX_TIMELINE_ROWS, timelineSvg } from './timeline-svg';
import { LISTED_SWEEP_CASES, type ClusterCapacity, type DesignReview, type ReviewArea, type ReviewRule, type UsageBar } from './review';
import { REVIEW_TEXTS, severityCount, severityText, verdictText, wholePercent } from './texts';
import { currentLocale, defineMessages } from '../l10n/messages';
import { formatList } from '../l10n/format';
import { grouped } from '../text/plural';

const HTML = defineMessages('review.html', {
  footer: 'Written by VTopo {version} from {file}. The findings and figures follow from what the file states; the section "What this review does not cover" lists what it could not judge.',
  topologyOf: 'Topology of {title}',
  compactNote: 'VMs are counted in their hosts\' labels, not drawn; cables run from the devices and name their ports.',
  tooManyDevices: '{count} devices are too many to draw legibly on a page; open the design in the VTopo designer.',
  legend: 'Borders: red an error, amber a warning; blue and purple lines and borders the two fabrics (A and B); dashed lines datastores on their storage and suggested cables; yellow power.',
  capacityIntro: 'For each HA cluster: admission control as configured, and the CPU and memory in use now and after the worst single host failure, once every protected VM restarted (configured memory plus overhead; CPU by reservation or the cluster minimum).',
  usageChart: 'CPU and memory in use',
  barCpu: '{state}: CPU {percent}',
  barMemory: '{state}: memory {percent}',
  sweepNone: 'Every single failure VTopo can simulate (hosts, switches, adapters, cables, controllers, arrays, and each site, rack, chassis, power feed and site link): {cases} cases. None of them affects a VM.',
  sweepFelt: 'Every single failure VTopo can simulate (hosts, switches, adapters, cables, controllers, arrays, and each site, rack, chassis, power feed and site link): {cases} cases. {felt} affect VMs (down, unreachable, restarted, or short of capacity), worst first.',
  sweepFeltListed: 'Every single failure VTopo can simulate (hosts, switches, adapters, cables, controllers, arrays, and each site, rack, chassis, power feed and site link): {cases} cases. {felt} affect VMs (down, unreachable, restarted, or short of capacity), worst first. The first {listed} are listed; vtopo simulate FILE --sweep n-1 lists them all.',
  fix: 'Fix: {fixes}',
  firstRows: 'The first {shown} of {rows} VMs; the table lists them all.',
});

/** The page's language, as HTML names it. */
function pageLanguage(): string {
  return currentLocale() === 'zh-cn' ? 'zh-CN' : 'en';
}

/** Rows of a simulation's table printed in the review; the CLI and the panel's exports give them all. */
export const LISTED_SIMULATION_ROWS = 200;

const CSS = `
:root { color-scheme: light; --fg: #1f1f1f; --muted: #5f5f5f; --line: #d0d0d0; --pass: #107c10; --warn: #9d5d00; --fail: #c42b1c; --info: #5f5f5f; --cpu: #1a6fd6; --memory: #8250c4; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 32px 48px; color: var(--fg); background: #fff; font: 14px/1.45 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 8px; }
h4 { font-size: 14px; margin: 16px 0 4px; }
p, ul { margin: 6px 0; }
.meta { color: var(--muted); margin: 0; }
code { font-family: Consolas, "SF Mono", Menlo, monospace; font-size: 0.92em; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; border-bottom: 2px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; min-width: 84px; white-space: nowrap; padding: 1px 8px; border-radius: 10px; color: #fff; font-weight: 600; font-size: 12px; text-align: center; }
.badge.pass { background: var(--pass); } .badge.warn { background: var(--warn); } .badge.fail { background: var(--fail); } .badge.info { background: var(--info); }
.sev { font-weight: 600; } .sev.error { color: var(--fail); } .sev.warning { color: var(--warn); } .sev.info, .sev.hint { color: var(--muted); }
.score td:nth-child(2) { font-weight: 600; white-space: nowrap; }
.inventory { display: flex; flex-wrap: wrap; gap: 8px 24px; padding: 0; list-style: none; }
.inventory b { font-size: 18px; margin-right: 4px; }
.picture { border: 1px solid var(--line); padding: 8px; overflow: auto; }
.picture svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
.cluster { display: grid; grid-template-columns: minmax(260px, 1fr) minmax(300px, 1.2fr); gap: 16px; align-items: start; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
.rule { border-left: 3px solid var(--line); padding-left: 12px; margin: 12px 0 16px; }
.rule.error { border-color: var(--fail); } .rule.warning { border-color: var(--warn); }
.why { color: var(--muted); }
.sources { color: var(--muted); font-size: 12px; word-break: break-all; }
.fix { color: var(--pass); }
.note { color: var(--muted); font-style: italic; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { margin: 14mm 12mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, h4 { break-after: avoid; }
  tr, .rule, .cluster, .picture, dl.facts { break-inside: avoid; }
  #topology { break-before: page; }
}
`;

export function reviewToHtml(review: DesignReview): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${pageLanguage()}">`,
    '<head>',
    '<meta charset="utf-8">',
    // No script, no fetch, no font or image from anywhere: only this page's own style sheet.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="VTopo">',
    `<title>${text(REVIEW_TEXTS.title({ title: review.title }))}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${text(REVIEW_TEXTS.title({ title: review.title }))}</h1>`,
    `<p class="meta">${text(REVIEW_TEXTS.meta({ file: review.fileName, platform: review.platform, date: review.judgedOn, version: review.version }))}</p>`,
    '</header>',
    ...scorecard(review),
    ...topology(review),
    ...capacity(review.clusters),
    ...sweep(review),
    ...findings(review.areas),
    ...simulations(review.simulations),
    `<footer>${text(HTML.footer({ version: review.version, file: review.fileName }))}</footer>`,
    '</body>',
    '</html>',
    '',
  ];
  return out.join('\n');
}

function text(value: string): string {
  return escapeXml(value);
}

function scorecard(review: DesignReview): string[] {
  return [
    '<section id="scorecard">',
    `<h2>${text(REVIEW_TEXTS.scorecard({}))}</h2>`,
    `<ul class="inventory">${review.inventory.map((entry) => `<li><b>${entry.count}</b>${text(entry.label)}</li>`).join('')}</ul>`,
    '<table class="score">',
    `<thead><tr>${[REVIEW_TEXTS.verdict({}), REVIEW_TEXTS.check({}), REVIEW_TEXTS.result({}), REVIEW_TEXTS.meaning({})].map((header) => `<th>${text(header)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...review.scorecard.map((item) => `<tr><td><span class="badge ${item.verdict}">${text(verdictText(item.verdict))}</span></td><td>${text(item.label)}</td><td>${text(item.value)}</td><td>${text(item.detail)}</td></tr>`),
    '</tbody>',
    '</table>',
    `<h3>${text(REVIEW_TEXTS.notCovered({}))}</h3>`,
    '<ul>',
    ...review.notModelled.map((gap) => `<li>${text(gap)}</li>`),
    '</ul>',
    '</section>',
  ];
}

function topology(review: DesignReview): string[] {
  const picture = review.picture;
  const body = picture.kind === 'svg'
    ? [`<div class="picture" role="img" aria-label="${text(HTML.topologyOf({ title: review.title }))}">`, picture.svg, '</div>', ...(picture.compact ? [`<p class="note">${text(HTML.compactNote({}))}</p>`] : [])]
    : [`<p class="note">${text(HTML.tooManyDevices({ count: grouped(picture.devices) }))}</p>`];
  return [
    '<section id="topology">',
    `<h2>${text(REVIEW_TEXTS.topology({}))}</h2>`,
    ...body,
    `<p class="note">${text(HTML.legend({}))}</p>`,
    '</section>',
  ];
}

function capacity(clusters: readonly ClusterCapacity[]): string[] {
  if (clusters.length === 0) return [];
  const out = ['<section id="capacity">', `<h2>${text(REVIEW_TEXTS.capacity({}))}</h2>`, `<p>${text(HTML.capacityIntro({}))}</p>`];
  for (const cluster of clusters) {
    out.push(
      `<h3>${text(REVIEW_TEXTS.cluster({ id: cluster.cluster }))}</h3>`,
      '<div class="cluster">',
      '<dl class="facts">',
      `<dt>${text(REVIEW_TEXTS.hosts({}))}</dt><dd>${grouped(cluster.hosts)}</dd>`,
      `<dt>${text(REVIEW_TEXTS.poweredOnVms({}))}</dt><dd>${grouped(cluster.vms)}</dd>`,
      ...cluster.figures.map((figure) => `<dt>${text(figure.label)}</dt><dd>${text(figure.value)}</dd>`),
      `<dt>${text(REVIEW_TEXTS.admissionControl({}))}</dt><dd><span class="badge ${cluster.satisfied ? 'pass' : 'fail'}">${text(cluster.satisfied ? REVIEW_TEXTS.met({}) : REVIEW_TEXTS.notMet({}))}</span></dd>`,
      ...(cluster.cannotRestart.length > 0 ? [`<dt>${text(REVIEW_TEXTS.cannotRestart({}))}</dt><dd>${text(formatList(cluster.cannotRestart))}</dd>`] : []),
      '</dl>',
      usageChart(cluster.bars),
      '</div>',
    );
  }
  out.push('</section>');
  return out;
}

/** Bars of CPU and memory in use, per state, against a 100% line. */
function usageChart(bars: readonly UsageBar[]): string {
  const rowHeight = 22;
  const labelWidth = 130;
  const plot = 260;
  const height = bars.length * (rowHeight * 2 + 12) + 30;
  const scale = Math.max(100, ...bars.flatMap((bar) => [bar.cpuPercent, bar.memoryPercent]));
  const x = (percent: number) => labelWidth + (Math.max(0, percent) / scale) * plot;
  const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelWidth + plot + 60} ${height}" width="${labelWidth + plot + 60}" height="${height}" font-size="12" font-family="sans-serif" role="img" aria-label="${text(HTML.usageChart({}))}">`];
  bars.forEach((bar, index) => {
    const top = 8 + index * (rowHeight * 2 + 12);
    parts.push(`<text x="0" y="${top + rowHeight}" fill="#1f1f1f">${text(bar.label)}</text>`);
    const cpu = wholePercent(bar.cpuPercent);
    const memory = wholePercent(bar.memoryPercent);
    const lines = [
      [0, bar.cpuPercent, '#1a6fd6', HTML.barCpu({ state: bar.label, percent: cpu }), REVIEW_TEXTS.cpu({ percent: cpu })],
      [rowHeight, bar.memoryPercent, '#8250c4', HTML.barMemory({ state: bar.label, percent: memory }), REVIEW_TEXTS.memory({ percent: memory })],
    ] as const;
    for (const [offset, value, colour, title, label] of lines) {
      const y = top + offset;
      parts.push(
        `<rect x="${labelWidth}" y="${y + 3}" width="${round(x(value) - labelWidth)}" height="${rowHeight - 6}" fill="${value > 100 ? '#c42b1c' : colour}"><title>${text(title)}</title></rect>`,
        `<text x="${round(x(value) + 4)}" y="${y + rowHeight - 7}" fill="#1f1f1f">${text(label)}</text>`,
      );
    }
  });
  const full = round(x(100));
  parts.push(`<line x1="${full}" y1="0" x2="${full}" y2="${height - 16}" stroke="#1f1f1f" stroke-dasharray="3 3"/>`, `<text x="${full}" y="${height - 4}" text-anchor="middle" fill="#5f5f5f">${text(wholePercent(100))}</text>`, '</svg>');
  return parts.join('');
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function sweep(review: DesignReview): string[] {
  const { cases, table, felt } = review.sweep;
  const counts = { cases: grouped(cases), felt: grouped(felt) };
  const summary = felt === 0
    ? HTML.sweepNone({ cases: counts.cases })
    : felt > table.rows.length ? HTML.sweepFeltListed({ ...counts, listed: grouped(LISTED_SWEEP_CASES) }) : HTML.sweepFelt(counts);
  return [
    '<section id="sweep">',
    `<h2>${text(REVIEW_TEXTS.sweep({}))}</h2>`,
    `<p>${text(summary)}</p>`,
    ...(table.rows.length > 0 ? [htmlTable(table)] : []),
    '</section>',
  ];
}

function findings(areas: readonly ReviewArea[]): string[] {
  const out = ['<section id="findings">', `<h2>${text(REVIEW_TEXTS.findings({}))}</h2>`];
  if (areas.length === 0) out.push(`<p>${text(REVIEW_TEXTS.nothing({}))}</p>`);
  for (const area of areas) {
    const counts = (['error', 'warning', 'info', 'hint'] as const).filter((severity) => area.counts[severity] > 0).map((severity) => severityCount(severity, area.counts[severity]));
    out.push(`<h3>${text(area.title)} <span class="meta">${text(REVIEW_TEXTS.counts({ counts: formatList(counts) }))}</span></h3>`);
    for (const rule of area.rules) out.push(...ruleBlock(rule));
  }
  out.push('</section>');
  return out;
}

function ruleBlock(rule: ReviewRule): string[] {
  return [
    `<div class="rule ${rule.severity}">`,
    `<h4><span class="sev ${rule.severity}">${text(severityText(rule.severity))}</span> ${text(rule.title)} <code>${text(rule.id)}</code> (${grouped(rule.count)})</h4>`,
    '<ul>',
    ...rule.findings.map((finding) => `<li>${text(REVIEW_TEXTS.line({ line: finding.line, message: finding.message }))}${finding.fixes.length > 0 ? `<br><span class="fix">${text(HTML.fix({ fixes: finding.fixes.join('; ') }))}</span>` : ''}</li>`),
    ...(rule.unlisted > 0 ? [`<li class="note">${text(REVIEW_TEXTS.moreFindings({ count: grouped(rule.unlisted) }))}</li>`] : []),
    '</ul>',
    `<p class="why">${text(rule.description)}</p>`,
    ...(rule.sources.length > 0 ? [`<p class="sources">${text(REVIEW_TEXTS.sources({ sources: rule.sources.join('; ') }))}</p>`] : []),
    '</div>',
  ];
}

function simulations(views: readonly SimulationView[]): string[] {
  if (views.length === 0) return [];
  const out = ['<section id="simulations">', `<h2>${text(REVIEW_TEXTS.simulations({}))}</h2>`];
  for (const view of views) {
    out.push(
      `<h3>${text(view.title)}</h3>`,
      '<dl class="facts">',
      ...view.summary.map((item) => `<dt>${text(item.label)}</dt><dd>${text(item.value)}</dd>`),
      '</dl>',
      ...view.notes.map((note) => `<p class="note">${text(note)}</p>`),
      ...timeline(view),
      ...view.tables.map((table) => htmlTable(table, LISTED_SIMULATION_ROWS)),
    );
  }
  out.push('</section>');
  return out;
}

/** The downtime timeline of a failure or maintenance simulation, as the results panel draws it. */
function timeline(view: SimulationView): string[] {
  const picture = view.timeline ? timelineSvg(view.timeline) : undefined;
  if (!picture) return [];
  const rows = view.timeline?.groups.reduce((sum, group) => sum + group.rows.length, 0) ?? 0;
  return [`<div class="picture">${picture}</div>`, ...(rows > MAX_TIMELINE_ROWS ? [`<p class="note">${text(HTML.firstRows({ shown: grouped(MAX_TIMELINE_ROWS), rows: grouped(rows) }))}</p>`] : [])];
}

function htmlTable(table: Table, limit = Infinity): string {
  const rows = table.rows.slice(0, limit);
  const cls = (index: number) => (table.columns[index]?.align === 'right' ? ' class="num"' : '');
  return [
    '<table>',
    `<caption class="meta">${text(table.caption)}</caption>`,
    `<thead><tr>${table.columns.map((column, index) => `<th${cls(index)}>${text(column.label)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((row) => `<tr>${row.cells.map((cell, index) => `<td${cls(index)}>${text(cell.text)}</td>`).join('')}</tr>`),
    ...(table.rows.length > rows.length ? [`<tr><td colspan="${table.columns.length}" class="note">${text(REVIEW_TEXTS.moreRows({ count: grouped(table.rows.length - rows.length) }))}</td></tr>`] : []),
    '</tbody>',
    '</table>',
  ].join('\n');
}
