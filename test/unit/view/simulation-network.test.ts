/**
 * The network half of a failure simulation in the results panel and the CLI: the Unreachable
 * count, the Network line, the network marks on the timeline and the unreachable rows, read
 * from real runs of the simulator (seed 000's single LAN card, a partition, a fence).
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { parseVtopo } from '../../../src/core/model/parse';
import { componentFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import type { SimulationResult } from '../../../src/core/simulation/types';
import { buildTimeline, markLabels, MARK_CHAR_WIDTH_PX, TICK_GAP_PX, type TimelineMark } from '../../../src/core/view/simulation-charts';
import { cutOffSpans, networkSummary, partitionOf } from '../../../src/core/view/simulation-network';
import { restartPriorities } from '../../../src/core/view/simulation-targets';
import { buildSimulationView } from '../../../src/core/view/simulation-view';
import { lanDesign, SINGLE_HOMED, SPLIT_ISL, SPLIT_LINKS } from '../lan/fixtures';

const { topology: seed } = analyzeText(readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8'));
const NIC_FAILURE = simulateScenario(seed, componentFailureScenario({ kind: 'adapter', id: 'esx-01/nic1' }));

const ISL = SPLIT_ISL;

function partitioned(): SimulationResult {
  const text = lanDesign({ hostLan: SINGLE_HOMED, lanLinks: SPLIT_LINKS, ha: '      isolationAddresses: [10.0.20.1]\n      isolationResponse: power-off' }).replace('lan-2: { type: ethernet }', 'lan-2: { type: ethernet, addresses: [10.0.20.1] }');
  return simulateScenario(parseVtopo(text).topology, {
    name: 'split',
    steps: [
      { action: 'fail', target: ISL, atSeconds: 0 },
      { action: 'recover', target: ISL, atSeconds: 100 },
    ],
  });
}

function fenced(): SimulationResult {
  const bridge = SINGLE_HOMED.replace('vswitch0:', 'vmbr0:\n        type: bridge').replace('vmk0: { roles: [management], portGroup: Management, gateway: 10.0.10.1 }', 'mgmt: { roles: [management], portGroup: Management }');
  return simulateScenario(parseVtopo(lanDesign({ platform: 'proxmox', hostLan: bridge, lanLinks: SPLIT_LINKS })).topology, componentFailureScenario(ISL));
}

describe('simulation view: the network', () => {
  it('counts unreachable VMs in the summary and names the isolated host on a Network line', () => {
    const view = buildSimulationView({ kind: 'failure', design: 'seed.vtopo', result: NIC_FAILURE, priorities: restartPriorities(seed) });
    assert.deepEqual(view.summary.map((item) => `${item.label}: ${item.value}`), [
      'VMs affected: 3',
      'Restarted: 0',
      'Taken over: 0',
      'Still down: 0',
      'Unreachable: 3',
      'Longest downtime: 1 h',
      'Total downtime: 3 h',
      'Network: esx-01 isolated at 5 s',
    ]);
    assert.equal(view.summary.find((item) => item.label === 'Network')?.wide, true);
    const vcenter = view.tables[0]?.rows.find((row) => row.id === 'vcenter')?.cells.map((cell) => cell.text);
    assert.deepEqual(vcenter, ['vcenter', 'highest', 'esx-01', 'running, unreachable: network vm has no uplink', 'esx-01', '0 s', 'never', '1 h']);
  });

  it('leaves Unreachable and Network out when nothing happened to the network', () => {
    const view = buildSimulationView({ kind: 'failure', design: 'seed.vtopo', result: simulateScenario(seed, componentFailureScenario({ kind: 'switch', id: 'fc-a' })), priorities: {} });
    assert.ok(!view.summary.some((item) => item.label === 'Unreachable' || item.label === 'Network'));
  });

  it('draws unreachable VMs with their own segment kind and marks isolation and its response', () => {
    const timeline = buildTimeline(NIC_FAILURE, restartPriorities(seed));
    const rows = timeline.groups.flatMap((group) => group.rows);
    assert.deepEqual(rows.map((row) => [row.id, row.outcome, row.segments.map((segment) => [segment.kind, segment.startSeconds, segment.endSeconds, segment.openEnded])]), [
      ['vcenter', 'unreachable on esx-01', [['unreachable', 0, 3600, true]]],
      ['sql-01', 'unreachable on esx-01', [['unreachable', 0, 3600, true]]],
      ['web-02', 'unreachable on esx-01', [['unreachable', 0, 3600, true]]],
    ]);
    assert.deepEqual(timeline.marks.map((mark) => [mark.atSeconds, mark.kind]), [[0, 'failure'], [5, 'isolation'], [5, 'isolation-response']]);
    assert.match(timeline.marks[1]?.label ?? '', /^esx-01 declares itself isolated 5 s after/);
  });

  it('names the partitions, marks the split, and the host cut off from the primary', () => {
    const result = partitioned();
    const event = result.events.find((candidate) => candidate.kind === 'network-partition');
    assert.ok(event);
    assert.deepEqual(partitionOf(event), { atSeconds: 0, groups: [['esx-01', 'esx-02'], ['esx-03']], acting: ['esx-01', 'esx-02'] });
    assert.equal(networkSummary(result), 'partitions {esx-01, esx-02} | {esx-03} at 0 s');
    assert.deepEqual(buildTimeline(result).marks.map((mark) => [mark.atSeconds, mark.kind]), [[0, 'failure'], [0, 'partition'], [100, 'recovery']]);
    assert.deepEqual(cutOffSpans(result), [{ hostId: 'esx-03', reason: 'partitioned', fromSeconds: 0, untilSeconds: 100 }]);
  });

  it('marks quorum lost and the watchdog fence, and says so on the Network line', () => {
    const result = fenced();
    assert.equal(networkSummary(result), 'esx-03 without quorum at 0 s; esx-03 fenced at 1 min');
    const marks = buildTimeline(result).marks.map((mark) => [mark.atSeconds, mark.kind]);
    assert.deepEqual(marks, [[0, 'failure'], [0, 'quorum-lost'], [60, 'fenced']]);
    assert.deepEqual(cutOffSpans(result), [{ hostId: 'esx-03', reason: 'no-quorum', fromSeconds: 0 }]);
  });

  it('isolation lasts from the lost heartbeats until the host rejoins', () => {
    const result = simulateScenario(seed, {
      name: 'flap',
      steps: [
        { action: 'fail', target: { kind: 'adapter', id: 'esx-01/nic1' }, atSeconds: 0 },
        { action: 'recover', target: { kind: 'adapter', id: 'esx-01/nic1' }, atSeconds: 40 },
      ],
    });
    assert.deepEqual(cutOffSpans(result), [{ hostId: 'esx-01', reason: 'isolated', fromSeconds: 0, untilSeconds: 40 }]);
    assert.deepEqual(cutOffSpans(NIC_FAILURE), [{ hostId: 'esx-01', reason: 'isolated', fromSeconds: 0 }]);
  });
});

describe('timeline mark labels', () => {
  const mark = (atSeconds: number, kind: TimelineMark['kind']): TimelineMark => ({ atSeconds, kind, label: '' });

  it('stacks labels of marks close in time in lanes, and keeps apart ones far apart in the first', () => {
    const labels = markLabels([mark(0, 'failure'), mark(5, 'isolation'), mark(5, 'isolation-response'), mark(3000, 'recovery')], 3600, 600);
    assert.deepEqual(labels.map((label) => [label.text, label.lane, label.anchor]), [
      ['failure 0 s', 0, 'start'],
      ['isolated 5 s', 1, 'start'],
      ['isolation response 5 s', 2, 'start'],
      ['recovered 50 min', 0, 'end'],
    ]);
    for (const [index, label] of labels.entries()) {
      for (const other of labels.slice(index + 1)) {
        if (other.lane !== label.lane) continue;
        const extent = (placed: typeof label) => {
          const width = placed.text.length * MARK_CHAR_WIDTH_PX;
          return placed.anchor === 'start' ? [placed.x, placed.x + width] : [placed.x - width, placed.x];
        };
        const [a, b] = [extent(label), extent(other)].sort((p, q) => (p[0] ?? 0) - (q[0] ?? 0));
        assert.ok((a?.[1] ?? 0) + TICK_GAP_PX <= (b?.[0] ?? 0), `${label.text} and ${other.text} overlap`);
      }
    }
  });
});
