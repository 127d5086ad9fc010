import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  axisUnit,
  buildBalanceChart,
  buildCapacityBars,
  buildMaintenanceTimeline,
  buildRoundsChart,
  buildTimeline,
  TICK_CHAR_WIDTH_PX,
  TICK_GAP_PX,
  tickLabel,
  timeAxisTicks,
  fitRowTexts,
  ROW_LABEL_CHAR_WIDTH_PX,
  ROW_OUTCOME_CHAR_WIDTH_PX,
  type AxisTick,
} from '../../../src/core/view/simulation-charts';
import { formatMemory, formatSeconds } from '../../../src/core/view/simulation-format';
import { BALANCE, HOST_FAILURE, MAINTENANCE, MIGRATION } from './simulation-fixtures';

describe('simulation timeline', () => {
  const timeline = buildTimeline(HOST_FAILURE, { 'web-02': 'medium', 'ft-01': 'high', 'web-01': 'medium' });

  it('groups the affected VMs by restart priority, highest first, and leaves the unaffected out', () => {
    assert.deepEqual(
      timeline.groups.map((group) => [group.label, group.rows.map((row) => row.id)]),
      [
        ['Priority highest', ['vcenter']],
        ['Priority high', ['sql-01', 'ft-01']],
        ['Priority medium', ['web-02']],
      ],
    );
  });

  it('splits a restart into the outage to power-on and the boot to ready', () => {
    const vcenter = timeline.groups[0]?.rows[0];
    assert.equal(vcenter?.outcome, 'restarted on esx-02');
    assert.deepEqual(vcenter?.segments.map(({ startSeconds, endSeconds, kind }) => [startSeconds, endSeconds, kind]), [[0, 20, 'outage'], [20, 80, 'booting']]);
  });

  it('runs a VM that stays down to the horizon, and times a takeover from its vm-down event', () => {
    const web02 = timeline.groups[2]?.rows[0];
    assert.equal(web02?.outcome, 'down: no capacity');
    assert.deepEqual(web02?.segments.map(({ startSeconds, endSeconds, openEnded }) => [startSeconds, endSeconds, openEnded]), [[0, 600, true]]);
    const ft = timeline.groups[1]?.rows[1];
    assert.deepEqual(ft?.segments.map(({ startSeconds, endSeconds, kind }) => [startSeconds, endSeconds, kind]), [[0, 2, 'takeover']]);
  });

  it('marks the failure and the detection, and spans the axis to the horizon', () => {
    assert.deepEqual(timeline.marks.map(({ atSeconds, kind }) => [atSeconds, kind]), [[0, 'failure'], [15, 'detection']]);
    assert.equal(timeline.endSeconds, 600);
  });

  it('puts VMs without a known priority in their own group, last', () => {
    const groups = buildTimeline(HOST_FAILURE).groups.map((group) => group.label);
    assert.deepEqual(groups, ['Priority highest', 'Priority high', 'Priority unknown']);
  });

  it('draws maintenance as one bar per migration from its start', () => {
    const maintenance = buildMaintenanceTimeline(MAINTENANCE);
    assert.deepEqual(maintenance.groups[0]?.rows.map((row) => [row.id, row.segments[0]?.startSeconds, row.segments[0]?.endSeconds]), [['sql-01', 0, 7.6], ['vcenter', 7.6, 11.6]]);
    assert.equal(maintenance.endSeconds, 11.6);
  });
});

describe('time-axis ticks', () => {
  /** Left and right ends of each label as the panel draws it, at TICK_CHAR_WIDTH_PX a character. */
  function extents(ticks: readonly AxisTick[], endSeconds: number, plotWidth: number): Array<[number, number]> {
    return ticks.map((tick) => {
      const x = (tick.atSeconds / endSeconds) * plotWidth;
      const width = tick.label.length * TICK_CHAR_WIDTH_PX;
      return tick.anchor === 'end' ? [x - width, x] : [x - width / 2, x + width / 2];
    });
  }

  function assertApart(ticks: readonly AxisTick[], endSeconds: number, plotWidth: number): void {
    const spans = extents(ticks, endSeconds, plotWidth);
    for (let index = 1; index < spans.length; index++) {
      const left = spans[index - 1];
      const right = spans[index];
      assert.ok(left && right && left[1] + TICK_GAP_PX <= right[0], `${ticks[index - 1]?.label} and ${ticks[index]?.label} collide: ${JSON.stringify(spans)}`);
    }
  }

  it('labels the 75 s restart of a half-width panel in seconds, 15 s apart, without collisions', () => {
    // A 360 px panel: 144 px of row labels, a 192 px plot. Ticks every 10 s would be 25.6 px apart for 26 px labels.
    const ticks = timeAxisTicks(75, 192, 22);
    assert.deepEqual(ticks.map((tick) => tick.label), ['0 s', '15 s', '30 s', '45 s', '60 s', '75 s']);
    assert.deepEqual(ticks.map((tick) => tick.atSeconds), [0, 15, 30, 45, 60, 75]);
    assert.ok(ticks.every((tick) => tick.anchor === 'middle'), 'the 75 s label fits in the 22 px right of the plot');
    assertApart(ticks, 75, 192);
  });

  it('takes more ticks when the plot is wider, fewer when it is narrower', () => {
    assert.deepEqual(timeAxisTicks(75, 800, 22).map((tick) => tick.atSeconds), [0, 10, 20, 30, 40, 50, 60, 70]);
    assert.deepEqual(timeAxisTicks(75, 100, 22).map((tick) => tick.atSeconds), [0, 30, 60]);
    assert.deepEqual(timeAxisTicks(75, 20, 0).map((tick) => tick.atSeconds), [0], 'no room for two labels: the origin alone');
  });

  it('uses minutes past 3 min and hours past 3 h, with short decimal labels', () => {
    assert.deepEqual([axisUnit(180), axisUnit(181), axisUnit(10800), axisUnit(10801)], ['s', 'min', 'min', 'h']);
    assert.deepEqual([tickLabel(90, 'min'), tickLabel(600, 'min'), tickLabel(5400, 'h'), tickLabel(0.1 * 3, 's')], ['1.5 min', '10 min', '1.5 h', '0.3 s']);
    assert.deepEqual(timeAxisTicks(600, 192, 22).map((tick) => tick.label), ['0 min', '5 min', '10 min']);
    assert.deepEqual(timeAxisTicks(3600, 600, 22).map((tick) => tick.label), ['0 min', '10 min', '20 min', '30 min', '40 min', '50 min', '60 min']);
    assert.deepEqual(timeAxisTicks(86400, 600, 22).map((tick) => tick.label), ['0 h', '3 h', '6 h', '9 h', '12 h', '15 h', '18 h', '21 h', '24 h']);
  });

  it('ends the last label at its tick when centring it would leave the chart, and keeps it clear of the one before', () => {
    const ticks = timeAxisTicks(11.6, 300, 0);
    const last = ticks[ticks.length - 1];
    assert.deepEqual(ticks.map((tick) => tick.atSeconds), [0, 2, 4, 6, 8, 10]);
    assert.equal(timeAxisTicks(10, 300, 0).at(-1)?.anchor, 'end');
    assert.equal(last?.anchor, 'middle');
    assertApart(timeAxisTicks(10, 300, 0), 10, 300);
  });

  it('never lets labels collide, for any axis length and plot width', () => {
    for (const endSeconds of [0.4, 3, 7.6, 11.6, 42, 75, 80, 145, 181, 600, 1234, 3600, 7300, 10801, 50000, 90000]) {
      for (const plotWidth of [40, 120, 192, 260, 480, 900, 1300]) {
        const ticks = timeAxisTicks(endSeconds, plotWidth, 22);
        assert.ok(ticks.length >= 1 && ticks[0]?.atSeconds === 0);
        assert.ok(ticks.every((tick) => tick.atSeconds <= endSeconds + 1e-9), `${endSeconds} s over ${plotWidth} px`);
        assert.ok(ticks.every((tick) => tick.label.length <= 8), ticks.map((tick) => tick.label).join(', '));
        assertApart(ticks, endSeconds, plotWidth);
      }
    }
  });
});

describe('balance chart', () => {
  const balance = BALANCE;

  it('gives each host its load before and after, the moves leaving and reaching it, and a scale to the next tenth', () => {
    const chart = buildBalanceChart(balance);
    assert.deepEqual(chart.hosts.map((host) => [host.hostId, host.before, host.after, host.movesOut, host.movesIn]), [
      ['h1', 0.8, 0.4, 1, 0],
      ['h2', 0.2, 0.2, 0, 0],
      ['h3', 0, 0.4, 0, 1],
    ]);
    assert.equal(chart.scaleMax, 0.8, '0.8 exactly is its own tenth');
    assert.equal(buildBalanceChart({ ...balance, hosts: [{ hostId: 'h1', before: 0.2447, after: 0.19 }] }).scaleMax, 0.3);
    assert.equal(buildBalanceChart({ ...balance, hosts: [{ hostId: 'h1', before: 1.23, after: 1.1 }] }).scaleMax, 1.3, 'an overcommitted host widens the scale');
    assert.equal(buildBalanceChart({ ...balance, hosts: [] }).scaleMax, 0.1);
  });
});

describe('capacity bars', () => {
  it('gives each host its memory and CPU share before and after, over 1 when overcommitted', () => {
    const [failed, survivor] = buildCapacityBars(HOST_FAILURE);
    assert.equal(failed?.failed, true);
    assert.equal(failed?.memoryMB.beforeFraction, 0.5);
    assert.equal(failed?.memoryMB.afterFraction, 0);
    assert.equal(survivor?.memoryMB.beforeFraction, 0.25);
    assert.equal(survivor?.memoryMB.afterFraction, 1.125, '288 GB on a 256 GB host');
    assert.equal(survivor?.cpuMHz.afterFraction, 0.3);
    assert.deepEqual([survivor?.vmsBefore, survivor?.vmsAfter], [1, 4]);
  });
});

describe('pre-copy rounds chart', () => {
  it('has a bar per round and the stop-and-copy as what was sent beyond the rounds', () => {
    const chart = buildRoundsChart(MIGRATION);
    assert.deepEqual(chart.bars.map(({ label, kind, sentMB }) => [label, kind, sentMB]), [['1', 'pre-copy', 8192], ['2', 'pre-copy', 1024], ['3', 'pre-copy', 160], ['stop', 'stop-and-copy', 40]]);
    assert.ok(Math.abs((chart.bars[3]?.seconds ?? 0) - 0.0992) < 1e-9);
    assert.equal(chart.maxMB, 8192);
    assert.equal(chart.stopReason, 'fewer than 50 pages dirty.');
  });

  it('has no bars for a post-copy migration', () => {
    const chart = buildRoundsChart({ ...MIGRATION, method: 'post-copy', rounds: [], degradedSeconds: 6.5 });
    assert.deepEqual(chart.bars, []);
    assert.equal(chart.degradedSeconds, 6.5);
  });
});

describe('simulation figures for people', () => {
  it('formats durations', () => {
    assert.deepEqual([0, 0.05, 2, 7.6, 42, 60, 125, 3600, 3720].map(formatSeconds), ['0 s', '0.05 s', '2 s', '7.6 s', '42 s', '1 min', '2 min 5 s', '1 h', '1 h 2 min']);
  });

  it('formats memory', () => {
    assert.deepEqual([512, 8192, 9416, 1572864].map(formatMemory), ['512 MB', '8 GB', '9.2 GB', '1.5 TB']);
  });
});

describe('timeline row texts', () => {
  const width = (fitted: { label: string; outcome: string }) => fitted.label.length * ROW_LABEL_CHAR_WIDTH_PX + (fitted.outcome === '' ? 0 : 10 + fitted.outcome.length * ROW_OUTCOME_CHAR_WIDTH_PX);

  it('keeps both when they fit', () => {
    assert.deepEqual(fitRowTexts('sql-01', 'restarted on esx-02', 16, 252), { label: 'sql-01', outcome: 'restarted on esx-02' });
  });

  it('shortens the outcome, then drops it, so that name and outcome never overlap in a narrow panel', () => {
    for (const end of [200, 150, 120, 90, 60, 30]) {
      const fitted = fitRowTexts('app-server-0042', 'down: no capacity (esx-02 lacks 8 GB)', 16, end);
      assert.ok(width(fitted) <= end - 16, `${end}: ${JSON.stringify(fitted)}`);
      assert.ok(fitted.label.length > 0);
      if (fitted.outcome !== '') assert.ok(fitted.outcome.length >= 6);
    }
    assert.deepEqual(fitRowTexts('app-server-0042', 'down: no capacity (esx-02 lacks 8 GB)', 16, 200), { label: 'app-server-0042', outcome: 'down: no ca…' });
    assert.deepEqual(fitRowTexts('app-server-0042', 'down: no capacity (esx-02 lacks 8 GB)', 16, 120), { label: 'app-server-0042', outcome: '' });
    assert.deepEqual(fitRowTexts('app-server-0042', 'down', 16, 60), { label: 'app-s…', outcome: '' });
  });
});
