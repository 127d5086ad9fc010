import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { exportReport, reportToJson, reportToMarkdown } from '../../../src/core/view/simulation-export';
import { isShowMessage, parseSimulationPanelMessage } from '../../../src/core/view/simulation-protocol';
import { sortRows } from '../../../src/core/view/simulation-table';
import { componentTargets, haClusterTargets, hasCluster, hasComponent, hostTargets, restartPriorities, unknownElementMessage, vmTargets } from '../../../src/core/view/simulation-targets';
import { BALANCE_HEURISTIC_NOTE, buildSimulationView, reportTitle, type SimulationReport } from '../../../src/core/view/simulation-view';
import { lanDesign } from '../lan/fixtures';
import { BALANCE, HOST_FAILURE, MAINTENANCE, MIGRATION, SWEEP } from './simulation-fixtures';

const FAILURE: SimulationReport = { kind: 'failure', design: 'seed.vtopo', result: HOST_FAILURE, priorities: {} };

describe('simulation view', () => {
  it('summarises a host failure, with the VM table and the event log', () => {
    const view = buildSimulationView(FAILURE);
    assert.equal(view.title, 'Failure of host esx-01');
    assert.deepEqual(view.summary.map((item) => `${item.label}: ${item.value}`), ['VMs affected: 4', 'Restarted: 2', 'Taken over: 1', 'Still down: 1', 'Longest downtime: 10 min', 'Total downtime: 13 min 47 s']);
    assert.deepEqual(view.notes, ['At 0 s: fail host esx-01.', 'Simulated up to 10 min (the horizon): VMs still down count their downtime up to it.']);
    assert.deepEqual(view.tables.map((table) => [table.caption, table.rows.length]), [['VMs', 5], ['Event log', 6]]);
    const vcenter = view.tables[0]?.rows[0]?.cells.map((cell) => cell.text);
    assert.deepEqual(vcenter, ['vcenter', 'highest', 'esx-01', 'restarted', 'esx-02', '0 s', '1 min 20 s', '1 min 20 s']);
    const web02 = view.tables[0]?.rows[1]?.cells.map((cell) => cell.text);
    assert.deepEqual(web02, ['web-02', '', 'esx-01', 'down: no capacity (esx-02 lacks 8 GB)', '', '0 s', 'never', '10 min']);
    assert.ok(view.timeline && view.capacity && !view.rounds);
  });

  it('shows a migration with its rounds and the CloudSim comparison', () => {
    const view = buildSimulationView({ kind: 'migration', design: 'seed.vtopo', migration: MIGRATION });
    assert.equal(view.title, 'Live migration of sql-01: esx-01 -> esx-02');
    assert.equal(view.rounds?.bars.length, 4);
    assert.deepEqual(view.notes, [
      'Stopped because: fewer than 50 pages dirty.',
      'CloudSim would estimate 13 s (RAM / (bandwidth / 2)) and no downtime; the pre-copy model above counts the rounds and the pause.',
    ]);
    assert.ok(view.summary.some((item) => item.label === 'Downtime (paused)' && item.value === '0.05 s'));
    assert.ok(!view.summary.some((item) => item.label === 'Completed'));
    const failed = buildSimulationView({ kind: 'migration', design: 'seed.vtopo', migration: { ...MIGRATION, converged: false, failed: true } });
    assert.ok(failed.summary.some((item) => item.label === 'Completed' && item.value === 'no: the VM stays on esx-01'));
  });

  it('shows maintenance mode with the VMs that cannot move', () => {
    const view = buildSimulationView({ kind: 'maintenance', design: 'seed.vtopo', maintenance: MAINTENANCE });
    assert.deepEqual(view.summary.slice(0, 3).map((item) => item.value), ['3', '2', '1']);
    assert.deepEqual(view.notes, ['local-01 cannot leave esx-01: Its disk is on a local datastore of esx-01.']);
    assert.deepEqual(view.tables.map((table) => table.caption), ['Migrations', 'Cannot move']);
  });

  it('ranks sweep cases as they come and names the worst', () => {
    const view = buildSimulationView({ kind: 'sweep', design: 'seed.vtopo', mode: 'n-1', rows: SWEEP });
    assert.equal(view.title, 'Failure sweep (N-1)');
    assert.equal(view.summary.find((item) => item.label === 'Worst case')?.value, 'host esx-01');
    assert.deepEqual(view.tables[0]?.rows.map((row) => row.cells[1]?.text), ['host esx-01', 'switch fc-a', 'link:3']);
    assert.equal(view.tables[0]?.rows[0]?.cells[6]?.text, '8 GB');
    assert.ok(!view.summary.some((item) => item.label === 'Cases with VMs unreachable'));
  });

  it('counts the VMs each case leaves running but unreachable', async () => {
    const { sweep } = await import('../../../src/core/simulation/sweep');
    const { topology } = analyzeText(readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8'));
    const view = buildSimulationView({ kind: 'sweep', design: 'seed.vtopo', mode: 'n-1', rows: sweep(topology, { mode: 'n-1' }) });
    assert.equal(view.summary.find((item) => item.label === 'Cases with VMs unreachable')?.value, '2');
    const table = view.tables[0];
    assert.deepEqual(table?.columns.map((column) => column.label), ['Rank', 'Failed', 'VMs down', 'Unreachable', 'Restarted', 'Longest downtime', 'Capacity shortfall']);
    assert.deepEqual(table?.rows[1]?.cells.map((cell) => cell.text), ['2', 'adapter esx-01/nic1', '0', '3', '0', '1 h', '']);
  });
});

describe('balance recommendation view', () => {
  const report: SimulationReport = { kind: 'balance', design: 'seed.vtopo', balance: BALANCE };

  it('is titled as a heuristic and says why in its first note', () => {
    const view = buildSimulationView(report);
    assert.equal(view.title, 'Load balance of cluster prod (heuristic)');
    assert.equal(reportTitle(report), view.title);
    assert.equal(view.notes[0], BALANCE_HEURISTIC_NOTE);
    assert.match(BALANCE_HEURISTIC_NOTE, /heuristic.*legacy DRS.*docs\/design\/algorithms\.md#3-drs-rules-and-balance/);
    assert.equal(view.notes[1], 'Each move lowers the deviation by more than 0.05 (the cluster\'s DRS migration threshold) and is a live migration the rules, capacity, storage and network allow; make them in this order.');
  });

  it('summarises the standard deviation before and after and lists the moves and the host loads', () => {
    const view = buildSimulationView(report);
    assert.deepEqual(view.summary.map((item) => `${item.label}: ${item.value}`), ['Metric: memory load', 'Std. deviation before: 0.340', 'Std. deviation after: 0.094', 'Moves: 1', 'Hosts: 3']);
    assert.deepEqual(view.tables.map((table) => table.caption), ['Moves', 'Host loads']);
    assert.deepEqual(view.tables[0]?.rows.map((row) => row.cells.map((cell) => cell.text)), [['1', 'a', 'h1', 'h3']]);
    assert.deepEqual(view.tables[1]?.rows.map((row) => row.cells.map((cell) => cell.text)), [['h1', '80%', '40%', '-40 pts'], ['h2', '20%', '20%', ''], ['h3', '0%', '40%', '+40 pts']]);
    assert.deepEqual(view.balance?.hosts.map((host) => [host.hostId, host.before, host.after]), [['h1', 0.8, 0.4], ['h2', 0.2, 0.2], ['h3', 0, 0.4]]);
    assert.ok(!view.timeline && !view.capacity && !view.rounds);
  });

  it('says when no move is worth it, and when the threshold allows none', () => {
    const still = buildSimulationView({ kind: 'balance', design: 'd', balance: { ...BALANCE, moves: [], after: BALANCE.before } });
    assert.equal(still.notes[1], 'No move lowers the deviation by more than 0.05 (the cluster\'s DRS migration threshold): leave the VMs where they are.');
    assert.equal(still.tables[0]?.rows.length, 0);
    const off = buildSimulationView({ kind: 'balance', design: 'd', balance: { ...BALANCE, moves: [], minDrop: Infinity } });
    assert.equal(off.notes[1], 'The cluster\'s DRS migration threshold is 1 (mandatory moves only): no balancing move is recommended.');
  });

  it('exports the result as it came in JSON and the heuristic title, notes and tables in Markdown', () => {
    assert.deepEqual(JSON.parse(exportReport(report, 'json')), BALANCE);
    const lines = reportToMarkdown(report).split('\n');
    assert.equal(lines[0], '# Load balance of cluster prod (heuristic)');
    assert.ok(lines.includes('| Std. deviation before | 0.340 |'));
    assert.ok(lines.some((line) => line.startsWith('- This is a heuristic: the legacy DRS balance metric')));
    assert.ok(lines.includes('## Moves') && lines.includes('| Step | VM | From host | To host |') && lines.includes('| 1 | a | h1 | h3 |'));
    assert.ok(lines.includes('## Host loads') && lines.includes('| h3 | 0% | 40% | +40 pts |'));
  });
});

describe('sortable tables', () => {
  const table = buildSimulationView(FAILURE).tables[0];
  assert.ok(table);

  it('sorts downtime by seconds, not by its text', () => {
    assert.deepEqual(sortRows(table, 'downtime', 'descending').map((row) => row.id), ['web-02', 'sql-01', 'vcenter', 'ft-01', 'web-01']);
    assert.deepEqual(sortRows(table, 'downtime', 'ascending').map((row) => row.id), ['web-01', 'ft-01', 'vcenter', 'sql-01', 'web-02']);
  });

  it('sorts text by code point and keeps ties in their order', () => {
    assert.deepEqual(sortRows(table, 'host', 'ascending').map((row) => row.id), ['vcenter', 'web-02', 'sql-01', 'ft-01', 'web-01']);
    assert.deepEqual(sortRows(table, 'vm', 'ascending').map((row) => row.id), ['ft-01', 'sql-01', 'vcenter', 'web-01', 'web-02']);
  });

  it('puts VMs that never came back after those that did', () => {
    assert.deepEqual(sortRows(table, 'backAt', 'ascending').map((row) => row.id).slice(0, 2), ['vcenter', 'sql-01']);
  });

  it('leaves the order for an unknown column', () => {
    assert.deepEqual(sortRows(table, 'nope', 'ascending').map((row) => row.id), table.rows.map((row) => row.id));
  });
});

describe('simulation export', () => {
  it('writes the result exactly as it came as JSON', () => {
    assert.deepEqual(JSON.parse(reportToJson(FAILURE)), HOST_FAILURE);
    assert.deepEqual(JSON.parse(exportReport({ kind: 'sweep', design: 'd', mode: 'n-2', rows: SWEEP }, 'json')), SWEEP);
    assert.match(reportToJson(FAILURE), /^\{\n {2}"scenario": \{/);
  });

  it('writes Markdown with a summary and one table per view table', () => {
    const markdown = reportToMarkdown(FAILURE);
    const lines = markdown.split('\n');
    assert.equal(lines[0], '# Failure of host esx-01');
    assert.ok(lines.includes('| Measure | Value |'));
    assert.ok(lines.includes('| Still down | 1 |'));
    assert.ok(lines.includes('## VMs') && lines.includes('## Event log'));
    assert.ok(lines.includes('| vcenter | highest | esx-01 | restarted | esx-02 | 0 s | 1 min 20 s | 1 min 20 s |'));
    assert.ok(lines.includes('| --- | --- | --- | --- | --- | ---: | ---: | ---: |'));
  });

  it('keeps text from the design from breaking the Markdown', () => {
    const hostile: SimulationReport = {
      kind: 'maintenance',
      design: 'a`b.vtopo',
      maintenance: { hostId: 'esx-01', migrations: [], totalSeconds: 0, stuck: [{ vmId: 'x|y', reason: 'line\nbreak <img src=x onerror=alert(1)>' }] },
    };
    const markdown = reportToMarkdown(hostile);
    assert.ok(markdown.includes("Design: `a'b.vtopo`"));
    assert.ok(markdown.includes('| x\\|y | line break \\<img src=x onerror=alert(1)\\> |'));
    assert.ok(!/(^|[^\\])</m.test(markdown), 'every < is escaped');
    assert.ok(markdown.includes('## Migrations\n\nNone.'));
  });
});

describe('simulation panel messages', () => {
  it('accepts ready and the two export formats, nothing else', () => {
    assert.deepEqual(parseSimulationPanelMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseSimulationPanelMessage({ type: 'export', format: 'markdown', extra: 1 }), { type: 'export', format: 'markdown' });
    assert.deepEqual(parseSimulationPanelMessage({ type: 'export', format: 'json' }), { type: 'export', format: 'json' });
    for (const bad of [null, 'ready', {}, { type: 'export' }, { type: 'export', format: 'html' }, { type: 'export', format: { toString: () => 'json' } }, { type: 'save', path: '/etc/passwd' }]) {
      assert.equal(parseSimulationPanelMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('lets the panel draw only a view-shaped show message', () => {
    assert.equal(isShowMessage({ type: 'show', view: buildSimulationView(FAILURE) }), true);
    assert.equal(isShowMessage({ type: 'show', view: { title: 'x' } }), false);
    assert.equal(isShowMessage({ type: 'diagram', view: buildSimulationView(FAILURE) }), false);
  });

  it('checks the kind and the charts a show message carries, the balance chart included', () => {
    const balance = buildSimulationView({ kind: 'balance', design: 'd', balance: BALANCE });
    assert.equal(isShowMessage({ type: 'show', view: balance }), true);
    assert.equal(isShowMessage({ type: 'show', view: buildSimulationView({ kind: 'migration', design: 'd', migration: MIGRATION }) }), true);
    assert.equal(isShowMessage({ type: 'show', view: { ...balance, kind: 'drs' } }), false, 'an unknown kind');
    assert.equal(isShowMessage({ type: 'show', view: { ...balance, balance: { hosts: 'h1' } } }), false, 'hosts not a list');
    assert.equal(isShowMessage({ type: 'show', view: { ...balance, balance: { hosts: [], scaleMax: 0 } } }), false, 'a scale the bars would divide by');
    assert.equal(isShowMessage({ type: 'show', view: { ...balance, balance: null } }), false);
    const failure = buildSimulationView(FAILURE);
    assert.equal(isShowMessage({ type: 'show', view: { ...failure, timeline: { groups: [], marks: [], endSeconds: Number.NaN } } }), false);
    assert.equal(isShowMessage({ type: 'show', view: { ...failure, capacity: {} } }), false);
    assert.equal(isShowMessage({ type: 'show', view: { ...failure, rounds: { bars: 3 } } }), false);
  });
});

describe('simulation targets', () => {
  const { topology } = analyzeText(readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8'));

  it('lists the hosts with their cluster, VMs and memory', () => {
    assert.deepEqual(hostTargets(topology).map((target) => [target.label, target.description]), [['esx-01', 'cluster prod, 3 VMs, 384 GB'], ['esx-02', 'cluster prod, 1 VM, 384 GB']]);
  });

  it('lists switches, adapters, controllers, arrays and cables with readable labels', () => {
    const targets = componentTargets(topology);
    const first = (group: string) => targets.find((target) => target.group === group);
    assert.deepEqual(first('Switches'), { ref: { kind: 'switch', id: 'fc-a' }, label: 'fc-a', description: 'FC switch, fabric A', group: 'Switches' });
    assert.equal(first('Adapters')?.description, 'FC HBA in esx-01, 2 ports');
    assert.equal(first('Controllers')?.description, 'controller of fq1616r, 2 ports');
    assert.equal(first('Arrays')?.description, 'array FQ1616R, 2 datastores');
    assert.deepEqual(first('Cables')?.ref, { kind: 'link', id: 'link:0' });
    assert.equal(first('Cables')?.label, 'esx-01/hba1/p0 <-> fc-a');
    assert.equal(targets.filter((target) => target.group === 'Cables').length, 12);
  });

  it('says NIC for a LAN card, with the traffic its ports carry', () => {
    const nic = componentTargets(topology).find((target) => target.ref.id === 'esx-01/nic1');
    assert.deepEqual(nic, { ref: { kind: 'adapter', id: 'esx-01/nic1' }, label: 'esx-01/nic1', description: 'NIC in esx-01, 2 ports: management, vmotion, vm', group: 'Adapters' });
  });

  it('lists host virtual switches, distributed switches and switch stacks in their own groups', () => {
    const text = lanDesign({
      hosts: ['esx-01', 'esx-02'],
      switches: '  core-1: { type: ethernet, stack: core }\n  core-2: { type: ethernet, stack: core }',
      extra: 'distributedSwitches:\n  dvs1:\n    uplinks: [uplink1, uplink2]\n    members:\n      esx-01: [esx-01/nic1/p1, esx-01/nic2/p1]\n      esx-02: [esx-02/nic1/p1, esx-02/nic2/p1]\n    portGroups:\n      Web: { vlan: 40 }\n      App: { vlan: 50 }',
    });
    const lan = analyzeText(text).topology;
    const targets = componentTargets(lan);
    const group = (name: string) => targets.filter((target) => target.group === name).map((target) => [target.ref.kind, target.ref.id, target.description]);
    assert.deepEqual(group('Virtual switches'), [
      ['virtual-switch', 'esx-01/vswitch0', 'standard vSwitch in esx-01, 4 uplinks, 3 port groups'],
      ['virtual-switch', 'esx-02/vswitch0', 'standard vSwitch in esx-02, 4 uplinks, 3 port groups'],
    ]);
    assert.deepEqual(group('Distributed switches'), [['virtual-switch', 'dvs1', 'distributed switch, 2 hosts, 2 port groups']]);
    assert.deepEqual(group('Switch stacks'), [['stack', 'stack:core', 'switch stack of core-1, core-2: fails as one']]);
    assert.equal(targets.find((target) => target.ref.id === 'core-1')?.description, 'Ethernet switch, stack core');
    assert.equal(targets.find((target) => target.ref.id === 'esx-01/nic1')?.description, 'NIC in esx-01, 2 ports');
    const order = [...new Set(targets.map((target) => target.group))];
    assert.deepEqual(order, ['Switches', 'Switch stacks', 'Adapters', 'Virtual switches', 'Distributed switches', 'Controllers', 'Arrays', 'Cables']);
    for (const target of targets) assert.ok(hasComponent(lan, target.ref), `${target.ref.kind} ${target.ref.id} is known`);
    assert.equal(hasComponent(lan, { kind: 'stack', id: 'core' }), false, 'a stack is stack:<name>');
    assert.equal(hasComponent(lan, { kind: 'virtual-switch', id: 'esx-01/nic1' }), false);
    assert.equal(unknownElementMessage(lan, 'stack', 'stack:edge'), 'unknown stack "stack:edge": the design\'s stacks are stack:core');
    assert.equal(unknownElementMessage(lan, 'virtual-switch', 'x'), 'unknown virtual-switch "x": the design\'s virtual-switches are esx-01/vswitch0, esx-02/vswitch0, dvs1');
  });

  it('lists VMs with their host, and each VM with its effective restart priority', () => {
    assert.deepEqual(vmTargets(topology)[1], { vmId: 'sql-01', host: 'esx-01', label: 'sql-01', description: 'on esx-01, 64 GB, sql' });
    assert.deepEqual(restartPriorities(topology), { vcenter: 'highest', 'sql-01': 'high', 'web-01': 'medium', 'web-02': 'medium' });
  });

  it('knows which elements the design has and says which it has when asked for another', () => {
    assert.equal(hasComponent(topology, { kind: 'switch', id: 'fc-a' }), true);
    assert.equal(hasComponent(topology, { kind: 'host', id: 'fc-a' }), false);
    assert.equal(hasComponent(topology, { kind: 'controller', id: 'fq1616r/b' }), true);
    assert.equal(hasComponent(topology, { kind: 'link', id: 'link:11' }), true);
    assert.equal(hasComponent(topology, { kind: 'link', id: 'link:12' }), false);
    assert.equal(unknownElementMessage(topology, 'switch', 'fc-c'), 'unknown switch "fc-c": the design\'s switches are fc-a, fc-b, lan-1, lan-2');
    assert.equal(unknownElementMessage(topology, 'vm', 'x'), 'unknown vm "x": the design\'s vms are vcenter, sql-01, web-01, web-02');
    assert.equal(unknownElementMessage(topology, 'cluster', 'dev'), 'unknown cluster "dev": the design\'s clusters are prod');
    assert.deepEqual([hasCluster(topology, 'prod'), hasCluster(topology, 'esx-01')], [true, false]);
  });

  it('lists the HA clusters to balance with their hosts, VMs and DRS threshold', () => {
    assert.deepEqual(haClusterTargets(topology), [{ clusterId: 'prod', label: 'prod', description: '2 hosts, 4 VMs, DRS threshold 3 (DRS off)' }]);
    const two = analyzeText('vtopo: 1\nclusters:\n  a: { drs: { enabled: true, migrationThreshold: 4 } }\n  b: { ha: { enabled: false } }\n  c: {}\nhosts:\n  h1: { cluster: a, cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }\n').topology;
    assert.deepEqual(haClusterTargets(two).map((target) => [target.clusterId, target.description]), [['a', '1 host, 0 VMs, DRS threshold 4'], ['c', '0 hosts, 0 VMs, DRS threshold 3 (DRS off)']]);
  });
});
