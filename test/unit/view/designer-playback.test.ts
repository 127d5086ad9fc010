import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { componentFailureScenario, hostFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import type { SimulationResult } from '../../../src/core/simulation/types';
import { parseHostMessage } from '../../../src/core/view/designer-model';
import { describePlaybackState, drawnAs, parsePlayback, playbackFromResult, playbackStateAt } from '../../../src/core/view/designer-playback';
import { innermostDeclarationAt } from '../../../src/core/view/designer-select';

const seed = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
const { topology } = analyzeText(seed);

describe('designer simulation playback', () => {
  it('derives failed elements and VM restarts from a host failure', () => {
    const playback = playbackFromResult(simulateScenario(topology, hostFailureScenario('esx-01')));
    assert.equal(playback.scenario, 'host esx-01 fails');
    assert.deepEqual(playback.failedIds, [{ id: 'esx-01', atSeconds: 0 }]);
    const ids = playback.vmSteps.map((step) => step.vmId).sort();
    assert.deepEqual(ids, ['sql-01', 'vcenter', 'web-02'], 'web-01 on esx-02 is unaffected');
    for (const step of playback.vmSteps) {
      assert.equal(step.fromHost, 'esx-01');
      assert.equal(step.toHost, 'esx-02');
      assert.ok(step.upAtSeconds !== undefined && step.upAtSeconds > step.downAtSeconds);
      assert.ok(step.upAtSeconds <= playback.durationSeconds);
    }
  });

  it('a component failure the VMs ride through gives no VM steps', () => {
    const playback = playbackFromResult(simulateScenario(topology, componentFailureScenario({ kind: 'switch', id: 'fc-a' })));
    assert.deepEqual(playback.failedIds, [{ id: 'fc-a', atSeconds: 0 }]);
    assert.deepEqual(playback.vmSteps, []);
    assert.ok(playback.durationSeconds >= 1);
  });

  it('maps every outcome kind', () => {
    const result: SimulationResult = {
      scenario: { name: 's', steps: [] },
      events: [
        { timeSeconds: 0, kind: 'component-failed', elementIds: ['h1'], message: '' },
        { timeSeconds: 0, kind: 'component-failed', elementIds: ['h1'], message: 'twice: first kept' },
        { timeSeconds: 2, kind: 'vm-down', elementIds: ['ft', 'h1'], message: '' },
        { timeSeconds: 3, kind: 'vm-down', elementIds: ['gc', 'h1'], message: '' },
        { timeSeconds: 15, kind: 'host-declared-failed', elementIds: ['h3'], message: '' },
      ],
      vms: [
        { vmId: 'u', host: 'h2', outcome: { kind: 'unaffected' }, downtimeSeconds: 0 },
        { vmId: 'k', host: 'h2', outcome: { kind: 'kept-running', note: '' }, downtimeSeconds: 0 },
        { vmId: 'r', host: 'h1', outcome: { kind: 'restarted', host: 'h2', downAtSeconds: 1, poweredOnAtSeconds: 20, readyAtSeconds: 40, downtimeSeconds: 39, priority: 'medium' }, downtimeSeconds: 39 },
        { vmId: 'd', host: 'h1', outcome: { kind: 'down', reason: 'no-capacity', downAtSeconds: 1, detail: '' }, downtimeSeconds: 100 },
        { vmId: 'ft', host: 'h1', outcome: { kind: 'ft-takeover', host: 'h2', downtimeSeconds: 1 }, downtimeSeconds: 1 },
        { vmId: 'gc', host: 'h1', outcome: { kind: 'guest-cluster-takeover', partner: 'p', downtimeSeconds: 5 }, downtimeSeconds: 5 },
      ],
      hosts: [],
      summary: { vmsAffected: 4, vmsRestarted: 1, vmsTakenOver: 2, vmsDown: 1, vmsUnreachable: 0, longestDowntimeSeconds: 100, totalDowntimeSeconds: 145 },
    };
    const playback = playbackFromResult(result);
    assert.deepEqual(playback.failedIds, [{ id: 'h1', atSeconds: 0 }, { id: 'h3', atSeconds: 15 }]);
    assert.deepEqual(playback.vmSteps, [
      { vmId: 'r', fromHost: 'h1', toHost: 'h2', downAtSeconds: 1, upAtSeconds: 40 },
      { vmId: 'd', fromHost: 'h1', downAtSeconds: 1 },
      { vmId: 'ft', fromHost: 'h1', toHost: 'h2', downAtSeconds: 2, upAtSeconds: 3 },
      { vmId: 'gc', fromHost: 'h1', downAtSeconds: 3 },
    ]);
    assert.equal(playback.durationSeconds, 40);
    const early = playbackStateAt(playback, 0.5);
    assert.deepEqual([...early.failed], ['h1']);
    assert.equal(early.down.size, 0);
    const mid = playbackStateAt(playback, 10);
    assert.deepEqual([...mid.down].sort(), ['d', 'gc', 'r']);
    assert.deepEqual([...mid.movedTo], [['ft', 'h2']]);
    const end = playbackStateAt(playback, 40);
    assert.deepEqual([...end.failed], ['h1', 'h3']);
    assert.deepEqual([...end.down].sort(), ['d', 'gc']);
    assert.deepEqual([...end.movedTo].sort(), [['ft', 'h2'], ['r', 'h2']]);
    assert.equal(describePlaybackState(end, 40), '40 s: 2 failed, 2 VMs down, 2 running elsewhere');
  });

  it('accepts only well-formed playback, rebuilt from the checked values', () => {
    const playback = playbackFromResult(simulateScenario(topology, hostFailureScenario('esx-01')));
    assert.deepEqual(parsePlayback(JSON.parse(JSON.stringify(playback))), playback);
    assert.deepEqual(parseHostMessage({ type: 'simulation', result: playback }), { type: 'simulation', result: playback });
    const bad: unknown[] = [
      undefined, null, [], 'x',
      { ...playback, extra: 1 },
      { ...playback, durationSeconds: 0 },
      { ...playback, durationSeconds: Number.NaN },
      { ...playback, scenario: 3 },
      { ...playback, failedIds: [{ id: '', atSeconds: 0 }] },
      { ...playback, failedIds: [{ id: 'a', atSeconds: -1 }] },
      { ...playback, failedIds: [{ id: 'a', atSeconds: 0, html: '<b>' }] },
      { ...playback, vmSteps: [{ vmId: 'a', fromHost: 'b', downAtSeconds: 0, toHost: 7 }] },
      { ...playback, vmSteps: [{ vmId: 'a', fromHost: 'b', downAtSeconds: Infinity }] },
      { ...playback, vmSteps: {} },
    ];
    for (const value of bad) assert.equal(parsePlayback(value), undefined, JSON.stringify(value));
    assert.equal(parseHostMessage({ type: 'simulation', result: { ...playback, vmSteps: 'x' } }), undefined);
  });
});

describe('designer simulation playback: the network', () => {
  const nic = { kind: 'adapter', id: 'esx-01/nic1' } as const;

  it('a LAN card failure greys the card\'s ports, marks its host isolated and its VMs unreachable, not down', () => {
    const playback = playbackFromResult(simulateScenario(topology, componentFailureScenario(nic)), topology);
    assert.deepEqual(playback.failedIds, [{ id: 'esx-01/nic1', atSeconds: 0, shownAs: ['esx-01/nic1/p0', 'esx-01/nic1/p1'] }]);
    assert.deepEqual(playback.vmSteps, [], 'no VM goes down or moves');
    assert.deepEqual(playback.cutOff, [{ hostId: 'esx-01', reason: 'isolated', fromSeconds: 0 }]);
    assert.deepEqual(playback.unreachable, [{ vmId: 'vcenter', fromSeconds: 0 }, { vmId: 'sql-01', fromSeconds: 0 }, { vmId: 'web-02', fromSeconds: 0 }]);
    const state = playbackStateAt(playback, 3);
    assert.deepEqual([...state.failed].sort(), ['esx-01/nic1', 'esx-01/nic1/p0', 'esx-01/nic1/p1']);
    assert.equal(state.failedCount, 1);
    assert.deepEqual([...state.isolated], [['esx-01', 'isolated']]);
    assert.deepEqual([...state.unreachable].sort(), ['sql-01', 'vcenter', 'web-02']);
    assert.equal(state.down.size, 0);
    assert.equal(describePlaybackState(state, 3), '3.0 s: 1 failed, 0 VMs down, 0 running elsewhere, 1 host isolated, 3 VMs unreachable');
    assert.deepEqual(parsePlayback(JSON.parse(JSON.stringify(playback))), playback);
    const bare = playbackFromResult(simulateScenario(topology, componentFailureScenario(nic)));
    assert.deepEqual(bare.failedIds, [{ id: 'esx-01/nic1', atSeconds: 0 }], 'without the design: the id alone');
  });

  it('the card back at 40 s: nothing is failed, isolated or unreachable after', () => {
    const result = simulateScenario(topology, { name: 'flap', steps: [{ action: 'fail', target: nic, atSeconds: 0 }, { action: 'recover', target: nic, atSeconds: 40 }] });
    const playback = playbackFromResult(result, topology);
    assert.deepEqual(playback.failedIds, [{ id: 'esx-01/nic1', atSeconds: 0, untilSeconds: 40, shownAs: ['esx-01/nic1/p0', 'esx-01/nic1/p1'] }]);
    assert.ok(playback.durationSeconds >= 40);
    const during = playbackStateAt(playback, 20);
    assert.deepEqual([during.failedCount, during.isolated.size, during.unreachable.size], [1, 1, 3]);
    const after = playbackStateAt(playback, 40);
    assert.deepEqual([after.failed.size, after.isolated.size, after.unreachable.size, after.down.size], [0, 0, 0, 0]);
  });

  it('an element that fails again after coming back is failed twice, not in between', () => {
    const again = simulateScenario(topology, {
      name: 'twice',
      steps: [
        { action: 'fail', target: { kind: 'switch', id: 'fc-a' }, atSeconds: 0 },
        { action: 'recover', target: { kind: 'switch', id: 'fc-a' }, atSeconds: 10 },
        { action: 'fail', target: { kind: 'switch', id: 'fc-a' }, atSeconds: 20 },
      ],
    });
    const playback = playbackFromResult(again, topology);
    assert.deepEqual(playback.failedIds, [{ id: 'fc-a', atSeconds: 0, untilSeconds: 10 }, { id: 'fc-a', atSeconds: 20 }]);
    assert.deepEqual([5, 15, 25].map((t) => playbackStateAt(playback, t).failedCount), [1, 0, 1]);
  });

  it('a host cut off by a partition or without quorum is marked until it fails', () => {
    const result: SimulationResult = {
      scenario: { name: 'split', steps: [] },
      events: [
        { timeSeconds: 0, kind: 'component-failed', elementIds: ['link:16'], message: '' },
        { timeSeconds: 0, kind: 'network-partition', elementIds: ['h1', 'h2', 'h3'], message: 'Cluster prod splits into partitions {h1, h2} and {h3}: each elects a primary of its own and its VMs keep running; only the partition with h1 restarts VMs of failed hosts.', partition: { groups: [['h1', 'h2'], ['h3']], acting: ['h1', 'h2'] } },
        { timeSeconds: 0, kind: 'quorum-lost', elementIds: ['h4'], message: '' },
        { timeSeconds: 60, kind: 'host-fenced', elementIds: ['h4'], message: '' },
        { timeSeconds: 60, kind: 'vm-down', elementIds: ['v4', 'h4'], message: '' },
        { timeSeconds: 100, kind: 'component-recovered', elementIds: ['link:16'], message: '' },
        { timeSeconds: 100, kind: 'network-restored', elementIds: ['prod'], message: '' },
      ],
      vms: [{ vmId: 'v4', host: 'h4', outcome: { kind: 'down', reason: 'no-quorum', downAtSeconds: 60, detail: '' }, downtimeSeconds: 40 }],
      hosts: [],
      summary: { vmsAffected: 1, vmsRestarted: 0, vmsTakenOver: 0, vmsDown: 1, vmsUnreachable: 0, longestDowntimeSeconds: 40, totalDowntimeSeconds: 40 },
    };
    const playback = playbackFromResult(result);
    assert.deepEqual(playback.failedIds, [{ id: 'link:16', atSeconds: 0, untilSeconds: 100 }, { id: 'h4', atSeconds: 60 }]);
    assert.deepEqual([...playbackStateAt(playback, 30).isolated], [['h3', 'partitioned'], ['h4', 'no-quorum']]);
    assert.equal(describePlaybackState(playbackStateAt(playback, 30), 30), '30 s: 1 failed, 0 VMs down, 0 running elsewhere, 2 hosts partitioned or no quorum');
    const fenced = playbackStateAt(playback, 60);
    assert.deepEqual([...fenced.isolated], [['h3', 'partitioned']], 'the fenced host shows as failed');
    assert.ok(fenced.failed.has('h4') && fenced.down.has('v4'));
    assert.deepEqual([...playbackStateAt(playback, 100).isolated], []);
  });

  it('stands a failed stack for its member switches and a virtual switch for its uplinks', async () => {
    const { lanDesign } = await import('../lan/fixtures');
    const text = lanDesign({
      hosts: ['esx-01', 'esx-02'],
      switches: '  core-1: { type: ethernet, stack: core }\n  core-2: { type: ethernet, stack: core }',
      extra: 'distributedSwitches:\n  dvs1:\n    uplinks: [uplink1]\n    members:\n      esx-01: [esx-01/nic2/p1]\n      esx-02: [esx-02/nic2/p1]',
    });
    const lan = analyzeText(text).topology;
    assert.deepEqual(drawnAs(lan, 'stack:core'), ['core-1', 'core-2']);
    assert.deepEqual(drawnAs(lan, 'esx-01/vswitch0'), ['esx-01/nic1/p0', 'esx-01/nic2/p0', 'esx-01/nic1/p1', 'esx-01/nic2/p1']);
    assert.deepEqual(drawnAs(lan, 'dvs1'), ['esx-01/nic2/p1', 'esx-02/nic2/p1']);
    assert.deepEqual(drawnAs(lan, 'esx-01/nic1'), ['esx-01/nic1/p0', 'esx-01/nic1/p1']);
    assert.deepEqual(drawnAs(lan, 'lan-1'), [], 'drawn itself');
    const playback = playbackFromResult(simulateScenario(lan, componentFailureScenario({ kind: 'stack', id: 'stack:core' })), lan);
    assert.deepEqual(playback.failedIds, [{ id: 'stack:core', atSeconds: 0, shownAs: ['core-1', 'core-2'] }]);
  });

  it('accepts only well-formed network playback', () => {
    const playback = playbackFromResult(simulateScenario(topology, componentFailureScenario(nic)), topology);
    const bad: unknown[] = [
      { ...playback, cutOff: [{ hostId: 'esx-01', reason: 'asleep', fromSeconds: 0 }] },
      { ...playback, cutOff: [{ hostId: 'esx-01', reason: 'isolated', fromSeconds: -1 }] },
      { ...playback, cutOff: [{ hostId: 'esx-01', reason: 'isolated', fromSeconds: 0, label: '<b>' }] },
      { ...playback, cutOff: undefined },
      { ...playback, unreachable: [{ vmId: '', fromSeconds: 0 }] },
      { ...playback, unreachable: [{ vmId: 'a', fromSeconds: 0, untilSeconds: 'later' }] },
      { ...playback, failedIds: [{ id: 'a', atSeconds: 0, shownAs: 'a/p0' }] },
      { ...playback, failedIds: [{ id: 'a', atSeconds: 0, shownAs: [''] }] },
      { ...playback, failedIds: [{ id: 'a', atSeconds: 0, untilSeconds: Number.NaN }] },
    ];
    for (const value of bad) assert.equal(parsePlayback(value), undefined, JSON.stringify(value));
  });
});

describe('designer text -> canvas selection', () => {
  it('finds the innermost shown element at a text offset', () => {
    const declarations = [...topology.declarations.values()];
    const at = (text: string) => seed.indexOf(text);
    const port = declarations.find((declaration) => declaration.kind === 'port' && declaration.id.startsWith('esx-01/'));
    assert.ok(port);
    assert.equal(innermostDeclarationAt(declarations, port.range.start)?.id, port.id, 'the port itself when everything counts');
    assert.equal(innermostDeclarationAt(declarations, port.range.start, (id) => !id.includes('/'))?.id, 'esx-01', 'its host when ports are not drawn');
    assert.equal(innermostDeclarationAt(declarations, at('esx-02:'))?.id, 'esx-02');
    assert.equal(innermostDeclarationAt(declarations, 0), undefined, 'the header is no element');
  });
});

describe('designer copy and paste', () => {
  it('copies an element\'s kind and place and pastes it with fresh ids', async () => {
    const { buildDiagram } = await import('../../../src/core/view/diagram');
    const { copyOf, pastedElements } = await import('../../../src/core/view/designer-clipboard');
    const { findings } = analyzeText(seed);
    const diagram = buildDiagram(topology, findings);
    const copy = (id: string) => copyOf(id, diagram);
    assert.deepEqual(copy('esx-01'), { from: 'esx-01', kind: 'host', cluster: 'prod' });
    assert.deepEqual(copy('web-01'), { from: 'web-01', kind: 'vm', host: 'esx-02' });
    assert.deepEqual(copy('fc-a'), { from: 'fc-a', kind: 'switch', switchType: 'fc', fabric: 'A' });
    assert.deepEqual(copy('lan-1'), { from: 'lan-1', kind: 'switch', switchType: 'ethernet' });
    assert.deepEqual(copy('vmfs-01'), { from: 'vmfs-01', kind: 'datastore', array: 'fq1616r' });
    assert.deepEqual(copy('fq1616r'), { from: 'fq1616r', kind: 'array' });
    assert.equal(copy('prod'), undefined);
    assert.equal(copy('fq1616r/a'), undefined);
    assert.equal(copy('esx-01/hba1/p0'), undefined, 'ports are copied with their host only');
    const kept = ['esx-01', 'esx-02', 'web-01', 'lan-1', 'vmfs-01'].map(copy).filter((entry) => entry !== undefined);
    assert.deepEqual(pastedElements(kept, diagram), [
      { kind: 'host', id: 'esx-03', cluster: 'prod' },
      { kind: 'host', id: 'esx-04', cluster: 'prod' },
      { kind: 'vm', id: 'web-03', host: 'esx-02' },
      { kind: 'switch', id: 'lan-3', switchType: 'ethernet' },
      { kind: 'datastore', id: 'vmfs-03', array: 'fq1616r' },
    ]);
  });
});
