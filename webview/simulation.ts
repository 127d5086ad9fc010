/**
 * The simulation results panel: draws the view the extension sends (summary, downtime
 * timeline, capacity bars, pre-copy rounds, host loads of a balance recommendation,
 * sortable tables) as SVG and HTML built with
 * DOM calls. Every string from the design is set as textContent: file data never becomes
 * markup. Export asks the extension to save the report; the panel writes nothing itself.
 */

import './common/language';
import { fitRowTexts, markLabels, MARK_KINDS, timeAxisTicks, type BalanceChart, type CapacityBar, type CapacityMeasure, type RoundsChart, type Timeline } from '../src/core/view/simulation-charts';
import type { ExportFormat } from '../src/core/view/simulation-export';
import { formatMemory, formatPercent, formatSeconds } from '../src/core/view/simulation-format';
import { isShowMessage, type SimulationPanelToHostMessage } from '../src/core/view/simulation-protocol';
import { sortRows, type SortDirection, type Table } from '../src/core/view/simulation-table';
import type { SimulationView } from '../src/core/view/simulation-view';
import { hostChannel, onHostMessage } from './common/vscode-api';
import { markLegendText, PANEL_TEXTS as T } from '../src/core/view/simulation-panel-texts';
import { formatList, formatNumber } from '../src/core/l10n/format';

const SVG = 'http://www.w3.org/2000/svg';
const toHost = hostChannel<SimulationPanelToHostMessage>();
const root = requireElement('app');

interface Section {
  readonly id: string;
  readonly label: string;
  readonly draw: (into: HTMLElement) => void;
}

let currentView: SimulationView | undefined;
let activeSection = '';
const sortState = new Map<string, { columnId: string; direction: SortDirection }>();

function requireElement(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`simulation panel markup lacks #${id}`);
  return element;
}

function html<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className !== undefined) element.className = className;
  return element;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Readonly<Record<string, string | number>>, parent?: Element): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  parent?.append(element);
  return element;
}

function svgText(parent: Element, x: number, y: number, text: string, className: string, anchor: 'start' | 'middle' | 'end' = 'start'): SVGTextElement {
  const element = svg('text', { x, y, class: className, 'text-anchor': anchor }, parent);
  element.textContent = text;
  return element;
}

function tooltip(parent: Element, text: string): void {
  svg('title', {}, parent).textContent = text;
}

function chartWidth(): number {
  return Math.max(360, Math.min(1400, root.clientWidth - 8));
}

// ---------------------------------------------------------------------- the page

function render(view: SimulationView): void {
  currentView = view;
  const sections = sectionsOf(view);
  if (!sections.some((section) => section.id === activeSection)) activeSection = sections[0]?.id ?? '';

  const header = html('header');
  header.append(html('h1', view.title), html('div', view.design, 'design'));
  const exportBar = html('div', undefined, 'exports');
  exportBar.append(exportButton(T.exportMarkdown({}), 'markdown'), exportButton(T.exportJson({}), 'json'));
  header.append(exportBar);

  const summary = html('dl', undefined, 'summary');
  for (const item of view.summary) {
    const entry = html('div', undefined, item.wide ? 'wide' : undefined);
    entry.append(html('dt', item.label), html('dd', item.value));
    summary.append(entry);
  }
  const notes = html('ul', undefined, 'notes');
  for (const note of view.notes) notes.append(html('li', note));

  const tabs = html('div', undefined, 'tabs');
  tabs.setAttribute('role', 'tablist');
  const panel = html('section', undefined, 'panel');
  panel.setAttribute('role', 'tabpanel');
  for (const section of sections) {
    const tab = html('button', section.label, 'tab');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(section.id === activeSection));
    tab.addEventListener('click', () => {
      activeSection = section.id;
      render(view);
    });
    tabs.append(tab);
    if (section.id === activeSection) {
      panel.setAttribute('aria-label', section.label);
      section.draw(panel);
    }
  }
  root.replaceChildren(header, summary, ...(view.notes.length > 0 ? [notes] : []), tabs, panel);
}

function sectionsOf(view: SimulationView): Section[] {
  const sections: Section[] = [];
  const timeline = view.timeline;
  if (timeline) sections.push({ id: 'timeline', label: T.timeline({}), draw: (into) => drawTimeline(into, timeline) });
  const capacity = view.capacity;
  if (capacity) sections.push({ id: 'capacity', label: T.capacity({}), draw: (into) => drawCapacity(into, capacity) });
  const rounds = view.rounds;
  if (rounds) sections.push({ id: 'rounds', label: T.migrationRounds({}), draw: (into) => drawRounds(into, rounds) });
  const balance = view.balance;
  if (balance) sections.push({ id: 'balance', label: T.hostLoad({}), draw: (into) => drawBalance(into, balance) });
  view.tables.forEach((table, index) => sections.push({ id: `table-${index}`, label: index === 0 ? T.tableTab({ caption: table.caption }) : table.caption, draw: (into) => drawTable(into, table) }));
  return sections;
}

function exportButton(label: string, format: ExportFormat): HTMLButtonElement {
  const button = html('button', label, 'export');
  button.type = 'button';
  button.addEventListener('click', () => toHost.post({ type: 'export', format }));
  return button;
}

// ------------------------------------------------------------------ the timeline

const ROW_HEIGHT = 22;
const TOP = 26;
/** Blank space right of the timeline's plot, where the last tick label may reach. */
const TIMELINE_RIGHT = 24;

function drawTimeline(into: HTMLElement, timeline: Timeline): void {
  const rowCount = timeline.groups.reduce((sum, group) => sum + 1 + group.rows.length, 0);
  if (rowCount === 0) {
    into.append(html('p', T.noVmLost({}), 'empty'));
    return;
  }
  const width = chartWidth();
  const labelWidth = Math.min(260, Math.round(width * 0.4));
  const plotWidth = width - labelWidth - TIMELINE_RIGHT;
  const labels = markLabels(timeline.marks, timeline.endSeconds, plotWidth);
  const lanes = Math.max(0, ...labels.map((label) => label.lane + 1));
  // Mark labels stack in lanes above the plot; the rows start below the last lane.
  const top = Math.max(TOP, MARK_LANE_HEIGHT * lanes + 12);
  const height = top + rowCount * ROW_HEIGHT + 36;
  const x = (seconds: number) => labelWidth + (Math.min(seconds, timeline.endSeconds) / timeline.endSeconds) * plotWidth;
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'timeline' });
  chart.setAttribute('aria-label', T.timelineAria({ groups: timeline.groups.map((group) => T.timelineAriaGroup({ group: group.label, count: group.rows.length })).join(T.groupSeparator({})) }));

  // Unreachable VMs run: their bars are hatched, apart from the solid outages.
  const defs = svg('defs', {}, chart);
  const hatch = svg('pattern', { id: 'vt-hatch-unreachable', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, defs);
  svg('rect', { x: 0, y: 0, width: 6, height: 6, class: 'hatch-ground' }, hatch);
  svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }, hatch);
  const axisY = top + rowCount * ROW_HEIGHT + 4;
  for (const tick of timeAxisTicks(timeline.endSeconds, plotWidth, TIMELINE_RIGHT - 2)) {
    svg('line', { x1: x(tick.atSeconds), x2: x(tick.atSeconds), y1: top - 4, y2: axisY, class: 'grid' }, chart);
    svgText(chart, x(tick.atSeconds), axisY + 14, tick.label, 'tick', tick.anchor);
  }
  let y = top;
  for (const group of timeline.groups) {
    svgText(chart, 4, y + 15, group.label, 'group');
    y += ROW_HEIGHT;
    for (const row of group.rows) {
      const fitted = fitRowTexts(row.label, row.outcome, 16, labelWidth - 8);
      const name = svgText(chart, 16, y + 15, fitted.label, 'row-label');
      if (fitted.label !== row.label) tooltip(name, row.label);
      if (fitted.outcome !== '') tooltip(svgText(chart, labelWidth - 8, y + 15, fitted.outcome, `row-outcome ${row.segments[0]?.kind ?? ''}-text`, 'end'), row.outcome);
      for (const segment of row.segments) {
        const left = x(segment.startSeconds);
        const bar = svg('rect', { x: left, y: y + 4, width: Math.max(2, x(segment.endSeconds) - left), height: ROW_HEIGHT - 8, class: `segment ${segment.kind}${segment.openEnded ? ' open' : ''}` }, chart);
        tooltip(bar, segment.label);
      }
      y += ROW_HEIGHT;
    }
  }
  timeline.marks.forEach((mark, index) => {
    const placed = labels[index];
    const labelY = placed === undefined ? 11 : 11 + placed.lane * MARK_LANE_HEIGHT;
    const line = svg('line', { x1: x(mark.atSeconds), x2: x(mark.atSeconds), y1: labelY + 2, y2: axisY, class: `mark ${mark.kind}` }, chart);
    tooltip(line, T.markTooltip({ time: formatSeconds(mark.atSeconds), label: mark.label }));
    if (!placed) return;
    const label = svgText(chart, labelWidth + placed.x, labelY, placed.text, `mark-label ${mark.kind}`, placed.anchor);
    tooltip(label, mark.label);
  });
  const shown = new Set(timeline.marks.map((mark) => mark.kind));
  const markLegend = MARK_KINDS.filter((kind) => shown.has(kind)).map((kind) => [`mark-swatch ${kind}`, markLegendText(kind)] as const);
  into.append(chart, legend([['outage', T.legendDown({})], ['unreachable', T.legendUnreachable({})], ['booting', T.legendBooting({})], ['takeover', T.legendTakeover({})], ['migrating', T.legendMigrating({})], ...markLegend]));
}

/** Height of one row of mark labels above the timeline. */
const MARK_LANE_HEIGHT = 13;

function legend(entries: ReadonlyArray<readonly [string, string]>): HTMLElement {
  const list = html('div', undefined, 'legend');
  for (const [className, label] of entries) {
    const item = html('span', undefined, 'legend-item');
    item.append(html('span', undefined, `swatch ${className}`), html('span', label));
    list.append(item);
  }
  return list;
}

// -------------------------------------------------------------------- capacity

function drawCapacity(into: HTMLElement, hosts: readonly CapacityBar[]): void {
  const width = chartWidth();
  const labelWidth = 150;
  const plotWidth = Math.max(80, width - labelWidth - 180);
  const barHeight = 12;
  const hostHeight = 4 * (barHeight + 4) + 14;
  const height = hosts.length * hostHeight + 24;
  const scaleMax = Math.max(1, ...hosts.flatMap((host) => [host.memoryMB.afterFraction, host.cpuMHz.afterFraction, host.memoryMB.beforeFraction, host.cpuMHz.beforeFraction].map((f) => Math.min(f, 2))));
  const x = (fraction: number) => labelWidth + (Math.min(fraction, scaleMax) / scaleMax) * plotWidth;
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'capacity' });
  chart.setAttribute('aria-label', T.capacityAria({}));
  svg('line', { x1: x(1), x2: x(1), y1: 4, y2: height - 16, class: 'full' }, chart);
  svgText(chart, x(1), height - 4, '100%', 'tick', 'middle');
  hosts.forEach((host, index) => {
    let y = index * hostHeight + 8;
    svgText(chart, 4, y + 10, host.hostId, 'group');
    svgText(chart, 4, y + 24, host.failed ? T.hostFailed({}) : T.vmsBeforeAfter({ before: host.vmsBefore, after: host.vmsAfter }), host.failed ? 'row-outcome failed' : 'row-outcome');
    const bars: ReadonlyArray<readonly [string, CapacityMeasure, 'before' | 'after', (value: number) => string]> = [
      [T.memoryBefore({}), host.memoryMB, 'before', formatMemory],
      [T.memoryAfter({}), host.memoryMB, 'after', formatMemory],
      [T.cpuBefore({}), host.cpuMHz, 'before', formatMHz],
      [T.cpuAfter({}), host.cpuMHz, 'after', formatMHz],
    ];
    for (const [label, measure, when, format] of bars) {
      const fraction = when === 'before' ? measure.beforeFraction : measure.afterFraction;
      const used = when === 'before' ? measure.before : measure.after;
      svgText(chart, labelWidth - 6, y + barHeight - 2, label, 'bar-label', 'end');
      svg('rect', { x: labelWidth, y, width: plotWidth, height: barHeight, class: 'track' }, chart);
      const bar = svg('rect', { x: labelWidth, y, width: Math.max(0, x(fraction) - labelWidth), height: barHeight, class: `bar ${when}${fraction > 1 ? ' over' : ''}` }, chart);
      const text = T.usedOf({ percent: formatPercent(fraction), used: format(used), capacity: format(measure.capacity) });
      tooltip(bar, T.barTooltip({ host: host.hostId, label, value: text }));
      svgText(chart, labelWidth + plotWidth + 6, y + barHeight - 2, text, 'bar-value');
      y += barHeight + 4;
    }
  });
  into.append(chart, legend([['before', T.before({})], ['after', T.after({})], ['over', T.overCapacity({})]]));
}

function formatMHz(cpuMHz: number): string {
  return cpuMHz >= 1000 ? T.ghz({ n: formatNumber(cpuMHz / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }) : T.mhz({ n: formatNumber(Math.round(cpuMHz), { grouping: false }) });
}

// ---------------------------------------------------------------------- rounds

function drawRounds(into: HTMLElement, rounds: RoundsChart): void {
  const caption = { vm: rounds.vmId, method: rounds.method, mbps: rounds.linkMbps, reason: rounds.stopReason.replace(/[.。]$/, '') };
  into.append(html('p', rounds.converged ? T.roundsCaptionConverged(caption) : T.roundsCaptionNotConverged(caption), 'caption'));
  if (rounds.bars.length === 0) {
    into.append(html('p', T.noRounds({}), 'empty'));
    return;
  }
  const width = Math.min(chartWidth(), 160 + rounds.bars.length * 56);
  const height = 240;
  const left = 70;
  const bottom = height - 28;
  const plotHeight = bottom - 16;
  const slot = (width - left - 8) / rounds.bars.length;
  const y = (megabytes: number) => bottom - (rounds.maxMB > 0 ? (megabytes / rounds.maxMB) * plotHeight : 0);
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'rounds' });
  chart.setAttribute('aria-label', T.roundsAria({ vm: rounds.vmId }));
  for (const fraction of [0, 0.5, 1]) {
    const megabytes = rounds.maxMB * fraction;
    svg('line', { x1: left, x2: width - 4, y1: y(megabytes), y2: y(megabytes), class: 'grid' }, chart);
    svgText(chart, left - 6, y(megabytes) + 4, formatMemory(megabytes), 'tick', 'end');
  }
  rounds.bars.forEach((bar, index) => {
    const x = left + index * slot + slot * 0.15;
    const sentWidth = slot * 0.45;
    const sent = svg('rect', { x, y: y(bar.sentMB), width: sentWidth, height: bottom - y(bar.sentMB), class: `bar ${bar.kind}` }, chart);
    const sentText = { sent: formatMemory(bar.sentMB), time: formatSeconds(bar.seconds) };
    tooltip(sent, bar.kind === 'stop-and-copy' ? T.stopAndCopySent(sentText) : T.roundSent({ round: bar.label, ...sentText }));
    if (bar.dirtiedMB > 0) {
      const dirtied = svg('rect', { x: x + sentWidth + 2, y: y(bar.dirtiedMB), width: slot * 0.2, height: bottom - y(bar.dirtiedMB), class: 'bar dirtied' }, chart);
      tooltip(dirtied, T.roundDirtied({ round: bar.label, dirtied: formatMemory(bar.dirtiedMB) }));
    }
    svgText(chart, x + sentWidth / 2, bottom + 16, bar.label, 'tick', 'middle');
  });
  into.append(chart, legend([['pre-copy', T.sentInRound({})], ['dirtied', T.dirtiedMeanwhile({})], ['stop-and-copy', T.stopAndCopy({})]]));
}

// --------------------------------------------------------------------- balance

function drawBalance(into: HTMLElement, balance: BalanceChart): void {
  into.append(html('p', T.balanceCaption({ cluster: balance.clusterId, metric: T.memory({}) }), 'caption'));
  if (balance.hosts.length === 0) {
    into.append(html('p', T.noConnectedHost({}), 'empty'));
    return;
  }
  const width = chartWidth();
  const labelWidth = 150;
  const plotWidth = Math.max(80, width - labelWidth - 110);
  const barHeight = 12;
  const hostHeight = 2 * (barHeight + 4) + 12;
  const height = balance.hosts.length * hostHeight + 28;
  const x = (load: number) => labelWidth + (Math.min(load, balance.scaleMax) / balance.scaleMax) * plotWidth;
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'balance' });
  chart.setAttribute('aria-label', T.balanceAria({ hosts: balance.hosts.map((host) => T.balanceAriaHost({ host: host.hostId, before: formatPercent(host.before), after: formatPercent(host.after) })).join(T.groupSeparator({})) }));
  const axisY = height - 18;
  for (const fraction of [0, 0.5, 1]) {
    const load = balance.scaleMax * fraction;
    svg('line', { x1: x(load), x2: x(load), y1: 4, y2: axisY, class: 'grid' }, chart);
    svgText(chart, x(load), axisY + 12, formatPercent(load), 'tick', fraction === 1 ? 'end' : 'middle');
  }
  balance.hosts.forEach((host, index) => {
    let y = index * hostHeight + 6;
    svgText(chart, 4, y + 10, host.hostId, 'group');
    const moved = [host.movesOut > 0 ? T.movesOut({ count: host.movesOut }) : '', host.movesIn > 0 ? T.movesIn({ count: host.movesIn }) : ''].filter((part) => part !== '');
    svgText(chart, 4, y + 24, moved.length === 0 ? T.noMove({}) : T.moves({ moves: formatList(moved) }), 'row-outcome');
    for (const [label, load, when] of [[T.before({}), host.before, 'before'], [T.after({}), host.after, 'after']] as const) {
      svgText(chart, labelWidth - 6, y + barHeight - 2, label, 'bar-label', 'end');
      svg('rect', { x: labelWidth, y, width: plotWidth, height: barHeight, class: 'track' }, chart);
      const bar = svg('rect', { x: labelWidth, y, width: Math.max(0, x(load) - labelWidth), height: barHeight, class: `bar ${when}${load > 1 ? ' over' : ''}` }, chart);
      tooltip(bar, T.loadTooltip({ host: host.hostId, label, load: formatPercent(load) }));
      svgText(chart, labelWidth + plotWidth + 6, y + barHeight - 2, formatPercent(load), 'bar-value');
      y += barHeight + 4;
    }
  });
  into.append(chart, legend([['before', T.before({})], ['after', T.afterTheMoves({})], ['over', T.overCapacity({})]]));
}

// ----------------------------------------------------------------------- tables

function drawTable(into: HTMLElement, table: Table): void {
  if (table.rows.length === 0) {
    into.append(html('p', T.none({}), 'empty'));
    return;
  }
  const sort = sortState.get(table.caption);
  const rows = sort ? sortRows(table, sort.columnId, sort.direction) : table.rows;
  const element = html('table', undefined, 'results');
  element.append(html('caption', T.tableCaption({ caption: table.caption, count: table.rows.length })));
  const headRow = html('tr');
  for (const column of table.columns) {
    const heading = html('th');
    heading.scope = 'col';
    heading.className = column.align;
    const sorted = sort?.columnId === column.id ? sort.direction : undefined;
    heading.setAttribute('aria-sort', sorted ?? 'none');
    const button = html('button', `${column.label}${sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}`, 'sort');
    button.type = 'button';
    button.addEventListener('click', () => {
      sortState.set(table.caption, { columnId: column.id, direction: sorted === 'ascending' ? 'descending' : 'ascending' });
      if (currentView) render(currentView);
    });
    heading.append(button);
    headRow.append(heading);
  }
  element.append(html('thead'), html('tbody'));
  element.tHead?.append(headRow);
  const body = element.tBodies[0];
  for (const row of rows) {
    const line = html('tr');
    row.cells.forEach((cell, index) => {
      const column = table.columns[index];
      line.append(html('td', cell.text, `${column?.align ?? 'left'}${column ? ` col-${column.id}` : ''}`));
    });
    body?.append(line);
  }
  into.append(element);
}

// -------------------------------------------------------------------- messages

onHostMessage((data) => (isShowMessage(data) ? data : undefined), (message) => render(message.view));

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  if (resizeTimer) clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (currentView) render(currentView);
  }, 150);
});

toHost.post({ type: 'ready' });
