/**
 * A simulation's downtime timeline (view/simulation-charts.ts) as a static SVG for the
 * design review: the results panel's picture (webview/simulation.ts) in print colours, at
 * one page's width, with no script and no tooltip. Ticks and mark labels come from the same
 * layout functions as the panel's, so they never overlap.
 */

import { escapeXml } from '../view/designer-model';
import { markLabels, timeAxisTicks, type Timeline, type TimelineSegmentKind } from '../view/simulation-charts';
import { defineMessages } from '../l10n/messages';

const TEXTS = defineMessages('review.timeline', {
  picture: 'Downtime timeline',
});

/** The legend's name of each kind of bar, as the results panel's legend names it. */
const SEGMENT_NAMES = defineMessages('review.timeline.segments', {
  outage: 'down',
  unreachable: 'running, unreachable',
  booting: 'booting',
  takeover: 'takeover',
  migrating: 'migrating',
});

/** VM rows drawn; a longer timeline ends with a note (the tables below list every VM). */
export const MAX_TIMELINE_ROWS = 60;

const WIDTH = 1000;
const LABEL_WIDTH = 330;
const RIGHT = 24;
const ROW = 20;
const LANE = 13;

const SEGMENT_COLOUR: Readonly<Record<TimelineSegmentKind, string>> = {
  outage: '#c42b1c',
  unreachable: '#d18616',
  booting: '#6ea8ea',
  takeover: '#107c10',
  migrating: '#8250c4',
};

/** A legend entry's width in units of a Latin letter: CJK characters count two. */
function legendWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(character) ? 2 : 1;
  return width;
}

export function timelineSvg(timeline: Timeline): string | undefined {
  const groups = clipped(timeline);
  const rowCount = groups.reduce((sum, group) => sum + 1 + group.rows.length, 0);
  if (rowCount === 0) return undefined;
  const plot = WIDTH - LABEL_WIDTH - RIGHT;
  const end = timeline.endSeconds;
  const x = (seconds: number) => LABEL_WIDTH + (Math.min(seconds, end) / end) * plot;
  const labels = markLabels(timeline.marks, end, plot);
  const lanes = labels.reduce((most, label) => Math.max(most, label.lane + 1), 0);
  const top = Math.max(24, lanes * LANE + 12);
  const axisY = top + rowCount * ROW + 4;
  const legendY = axisY + 34;
  const height = legendY + 12;
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="sans-serif" font-size="11" role="img" aria-label="${escapeXml(TEXTS.picture({}))}">`];
  for (const tick of timeAxisTicks(end, plot, RIGHT - 2)) {
    out.push(`<line x1="${r(x(tick.atSeconds))}" y1="${top - 4}" x2="${r(x(tick.atSeconds))}" y2="${axisY}" stroke="#d0d0d0"/>`, `<text x="${r(x(tick.atSeconds))}" y="${axisY + 14}" text-anchor="${tick.anchor}" fill="#5f5f5f">${escapeXml(tick.label)}</text>`);
  }
  let y = top;
  for (const group of groups) {
    out.push(`<text x="4" y="${y + 14}" font-weight="bold" fill="#1f1f1f">${escapeXml(group.label)}</text>`);
    y += ROW;
    for (const row of group.rows) {
      out.push(`<text x="16" y="${y + 14}" fill="#1f1f1f">${escapeXml(row.label)}</text>`, `<text x="${LABEL_WIDTH - 8}" y="${y + 14}" text-anchor="end" fill="#5f5f5f">${escapeXml(row.outcome)}</text>`);
      for (const segment of row.segments) {
        const left = x(segment.startSeconds);
        out.push(`<rect x="${r(left)}" y="${y + 4}" width="${r(Math.max(2, x(segment.endSeconds) - left))}" height="${ROW - 8}" fill="${SEGMENT_COLOUR[segment.kind]}"${segment.kind === 'unreachable' ? ' fill-opacity="0.6"' : ''}><title>${escapeXml(segment.label)}</title></rect>`);
      }
      y += ROW;
    }
  }
  timeline.marks.forEach((mark, index) => {
    const placed = labels[index];
    const labelY = 11 + (placed?.lane ?? 0) * LANE;
    out.push(`<line x1="${r(x(mark.atSeconds))}" y1="${labelY + 2}" x2="${r(x(mark.atSeconds))}" y2="${axisY}" stroke="#1f1f1f" stroke-dasharray="3 2"/>`);
    if (placed) out.push(`<text x="${r(LABEL_WIDTH + placed.x)}" y="${labelY}" text-anchor="${placed.anchor}" fill="#1f1f1f">${escapeXml(placed.text)}</text>`);
  });
  let legendX = 4;
  for (const kind of Object.keys(SEGMENT_COLOUR) as TimelineSegmentKind[]) {
    const name = SEGMENT_NAMES[kind]({});
    out.push(`<rect x="${legendX}" y="${legendY - 9}" width="12" height="10" fill="${SEGMENT_COLOUR[kind]}"/>`, `<text x="${legendX + 16}" y="${legendY}" fill="#1f1f1f">${escapeXml(name)}</text>`);
    legendX += 24 + legendWidth(name) * 6.5;
  }
  out.push('</svg>');
  return out.join('');
}

/** The timeline's groups with at most MAX_TIMELINE_ROWS rows in all. */
function clipped(timeline: Timeline): Timeline['groups'] {
  let left = MAX_TIMELINE_ROWS;
  return timeline.groups.flatMap((group) => {
    if (left <= 0) return [];
    const rows = group.rows.slice(0, left);
    left -= rows.length;
    return [{ ...group, rows }];
  });
}

function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}
