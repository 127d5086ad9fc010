import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axisTicks, buildCapacityBars, buildMaintenanceTimeline, buildRoundsChart, buildTimeline } from '../../../src/core/view/simulation-charts';
import { formatMemory, formatSeconds } from '../../../src/core/view/simulation-format';
import { HOST_FAILURE, MAINTENANCE, MIGRATION } from './simulation-fixtures';

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
    assert.deepEqual(timeline.ticksSeconds, [0, 120, 240, 360, 480, 600]);
  });

  it('puts VMs without a known priority in their own group, last', () => {
    const groups = buildTimeline(HOST_FAILURE).groups.map((group) => group.label);
    assert.deepEqual(groups, ['Priority highest', 'Priority high', 'Priority unknown']);
  });

  it('chooses about six round ticks', () => {
    assert.deepEqual(axisTicks(90), [0, 15, 30, 45, 60, 75, 90]);
    assert.deepEqual(axisTicks(10), [0, 2, 4, 6, 8, 10]);
  });

  it('draws maintenance as one bar per migration from its start', () => {
    const maintenance = buildMaintenanceTimeline(MAINTENANCE);
    assert.deepEqual(maintenance.groups[0]?.rows.map((row) => [row.id, row.segments[0]?.startSeconds, row.segments[0]?.endSeconds]), [['sql-01', 0, 7.6], ['vcenter', 7.6, 11.6]]);
    assert.equal(maintenance.endSeconds, 11.6);
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
