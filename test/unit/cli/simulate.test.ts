import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatSimulationJson, formatSimulationText, formatTextTable } from '../../../src/cli/simulate-format';
import { vmTable } from '../../../src/core/view/simulation-view';
import { HOST_FAILURE, MIGRATION } from '../view/simulation-fixtures';
import { inWorkspace, REPOSITORY_ROOT, runInDirectory, SEED_000 } from './harness';

const vtopo = (...args: string[]) => runInDirectory(REPOSITORY_ROOT, args);
const SEED_TEXT = readFileSync(join(REPOSITORY_ROOT, SEED_000), 'utf8');

describe('vtopo simulate: failures', () => {
  it('prints a summary, the per-VM table and the event log of a host failure', async () => {
    const { exitCode, stdout, stderr } = await vtopo('simulate', SEED_000, '--fail', 'host:esx-01');
    assert.equal(stderr, '');
    assert.equal(exitCode, 0);
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'Host esx-01 fails');
    assert.equal(lines[1], 'Design: seed-000-fq1616r.vtopo');
    assert.ok(lines.includes('  VMs affected:      3'), stdout);
    assert.ok(lines.includes('  VM       Priority  Host    Outcome     Runs on  Down at     Back at    Downtime'), stdout);
    assert.ok(lines.includes('  web-01   medium    esx-02  unaffected  esx-02                               0 s'), stdout);
    assert.ok(lines.includes('Event log:'));
    assert.match(stdout, /^ {3}0 {9}0 s {2}component-failed {13}esx-01 {11}host esx-01 fails\.$/m);
  });

  it('a LAN card failure: the host is isolated and its VMs run unreachable, counted in the summary, per VM and in the log', async () => {
    const { exitCode, stdout, stderr } = await vtopo('simulate', SEED_000, '--fail', 'adapter:esx-01/nic1');
    assert.equal(stderr, '');
    assert.equal(exitCode, 0);
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'Adapter esx-01/nic1 fails');
    assert.ok(lines.includes('  VMs affected:      3'), stdout);
    assert.ok(lines.includes('  Unreachable:       3'), stdout);
    assert.ok(lines.includes('  Network:           esx-01 isolated at 5 s'), stdout);
    for (const vm of ['vcenter', 'sql-01', 'web-02']) {
      assert.match(stdout, new RegExp(`^ {2}${vm} +\\S+ +esx-01 +running, unreachable: network vm has no uplink +esx-01 +0 s +never +1 h$`, 'm'));
    }
    assert.match(stdout, /^ {2}web-01 +medium +esx-02 +unaffected /m);
    assert.match(stdout, /^ +\d+ +5 s {2}host-isolated +#\d+ {2}esx-01 +esx-01 declares itself isolated 5 s after its heartbeats stopped \(as the HA primary\)/m);
    assert.match(stdout, /^ +\d+ +5 s {2}isolation-response +#\d+ {2}esx-01 +Isolation response of esx-01: leave powered on\./m);
  });

  it('takes virtual switches and stacks (by name) as failure targets, and says which the design has', async () => {
    const design = SEED_TEXT.replace('  lan-1: { type: ethernet, speed: 10 Gbps, vlans: [10, 20, 30] }', '  lan-1: { type: ethernet, speed: 10 Gbps, vlans: [10, 20, 30], stack: core }')
      .replace('  lan-2: { type: ethernet, speed: 10 Gbps, vlans: [10, 20, 30] }', '  lan-2: { type: ethernet, speed: 10 Gbps, vlans: [10, 20, 30], stack: core }');
    await inWorkspace({ 'lan.vtopo': design }, async ({ vtopo: run }) => {
      const stack = await run('simulate', 'lan.vtopo', '--fail', 'stack:core', '--format', 'json');
      assert.equal(stack.stderr, '');
      const output: { result: { scenario: { steps: unknown[] }; summary: { vmsUnreachable: number } } } = JSON.parse(stack.stdout);
      assert.deepEqual(output.result.scenario.steps, [{ action: 'fail', target: { kind: 'stack', id: 'stack:core' }, atSeconds: 0 }]);
      assert.equal(output.result.summary.vmsUnreachable, 4, 'both LAN switches go: every VM is unreachable');
      const unknown = await run('simulate', 'lan.vtopo', '--fail', 'stack:edge');
      assert.deepEqual([unknown.exitCode, unknown.stderr], [2, 'vtopo: lan.vtopo: unknown stack "stack:edge": the design\'s stacks are stack:core\n']);
      const vswitch = await run('simulate', 'lan.vtopo', '--fail', 'virtual-switch:esx-01/vswitch0');
      assert.deepEqual([vswitch.exitCode, vswitch.stderr], [2, 'vtopo: lan.vtopo: unknown virtual-switch "esx-01/vswitch0": the design has no virtual-switches\n']);
    });
  });

  it('prints the simulator\'s result as JSON under the file and the kind of simulation', async () => {
    const { exitCode, stdout } = await vtopo('simulate', SEED_000, '--fail', 'host:esx-01', '--format', 'json');
    assert.equal(exitCode, 0);
    const output: { file: string; simulation: string; result: { scenario: unknown; vms: Array<{ vmId: string; outcome: { kind: string; host?: string } }>; summary: { vmsRestarted: number } } } = JSON.parse(stdout);
    assert.equal(output.file, SEED_000);
    assert.equal(output.simulation, 'failure');
    assert.deepEqual(output.result.scenario, { name: 'host esx-01 fails', steps: [{ action: 'fail', target: { kind: 'host', id: 'esx-01' }, atSeconds: 0 }] });
    assert.deepEqual(output.result.vms.filter((vm) => vm.outcome.kind === 'restarted').map((vm) => [vm.vmId, vm.outcome.host]), [['vcenter', 'esx-02'], ['sql-01', 'esx-02'], ['web-02', 'esx-02']]);
    assert.equal(output.result.summary.vmsRestarted, 3);
  });

  it('fails several components, each at its --at time', async () => {
    const { exitCode, stdout } = await vtopo('simulate', SEED_000, '--fail', 'switch:fc-a', '--fail=controller:fq1616r/b', '--at', '30', '--fail', 'link:5', '--at=12.5', '--format', 'json');
    assert.equal(exitCode, 0);
    const output: { result: { scenario: { name: string; steps: unknown[] } } } = JSON.parse(stdout);
    assert.deepEqual(output.result.scenario.steps, [
      { action: 'fail', target: { kind: 'switch', id: 'fc-a' }, atSeconds: 0 },
      { action: 'fail', target: { kind: 'controller', id: 'fq1616r/b' }, atSeconds: 30 },
      { action: 'fail', target: { kind: 'link', id: 'link:5' }, atSeconds: 12.5 },
    ]);
    assert.equal(output.result.scenario.name, 'switch fc-a, controller fq1616r/b at 30 s, link:5 at 12.5 s fail');
  });

  it('exits 2 naming the elements the design does have when one is unknown', async () => {
    assert.deepEqual(await vtopo('simulate', SEED_000, '--fail', 'switch:fc-c'), {
      exitCode: 2,
      stdout: '',
      stderr: `vtopo: ${SEED_000}: unknown switch "fc-c": the design's switches are fc-a, fc-b, lan-1, lan-2\n`,
    });
    const link = await vtopo('simulate', SEED_000, '--fail', 'link:12');
    assert.equal(link.exitCode, 2);
    assert.equal(link.stderr, `vtopo: ${SEED_000}: unknown link "link:12": the design's links are ${Array.from({ length: 12 }, (_, index) => `link:${index}`).join(', ')}\n`);
    const vm = await vtopo('simulate', SEED_000, '--migrate', 'vm:sql-09', '--to', 'host:esx-09');
    assert.equal(vm.stderr, `vtopo: ${SEED_000}: unknown vm "sql-09": the design's vms are vcenter, sql-01, web-01, web-02\nvtopo: ${SEED_000}: unknown host "esx-09": the design's hosts are esx-01, esx-02\n`);
  });

  it('exits 2 for a file it cannot read', async () => {
    assert.deepEqual(await vtopo('simulate', 'missing.vtopo', '--fail', 'host:esx-01'), { exitCode: 2, stdout: '', stderr: 'vtopo: missing.vtopo: no such file or directory\n' });
    assert.deepEqual(await vtopo('simulate', 'examples', '--fail', 'host:esx-01'), { exitCode: 2, stdout: '', stderr: 'vtopo: examples: expected one .vtopo file, not a directory\n' });
  });

  it('simulates a design with errors as it reads, after saying so', async () => {
    const design = ['vtopo: 1', 'clusters: { prod: {} }', 'hosts:', '  h1: { cluster: prod, cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }', '  h2: { cluster: nope, cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }', ''].join('\n');
    await inWorkspace({ 'a.vtopo': design }, async ({ vtopo: run }) => {
      const { exitCode, stderr, stdout } = await run('simulate', 'a.vtopo', '--fail', 'host:h1');
      assert.equal(exitCode, 0);
      assert.equal(stderr, 'vtopo: a.vtopo: the design has 2 errors (see vtopo check); simulating it as it reads\n', 'h2 names an undeclared cluster; h1 is alone in prod');
      assert.match(stdout, /^Host h1 fails\n/);
    });
  });
});

describe('vtopo simulate: isolation, recovery and the horizon', () => {
  it('runs --fail, --isolate and --recover steps, each at its --at, up to the --horizon', async () => {
    const { exitCode, stdout, stderr } = await vtopo('simulate', SEED_000, '--fail', 'switch:fc-a', '--fail', 'switch:fc-b', '--at', '10', '--recover', 'switch:fc-b', '--at=300', '--isolate', 'host:esx-02', '--at', '20', '--horizon', '900', '--format', 'json');
    assert.equal(stderr, '');
    assert.equal(exitCode, 0);
    const output: { result: { scenario: unknown; events: Array<{ timeSeconds: number; kind: string; elementIds: string[] }>; vms: Array<{ vmId: string; downtimeSeconds: number }> } } = JSON.parse(stdout);
    assert.deepEqual(output.result.scenario, {
      name: 'switch fc-a fails, switch fc-b fails at 10 s, switch fc-b recovers at 300 s, host esx-02 is isolated at 20 s',
      steps: [
        { action: 'fail', target: { kind: 'switch', id: 'fc-a' }, atSeconds: 0 },
        { action: 'fail', target: { kind: 'switch', id: 'fc-b' }, atSeconds: 10 },
        { action: 'recover', target: { kind: 'switch', id: 'fc-b' }, atSeconds: 300 },
        { action: 'isolate', host: 'esx-02', atSeconds: 20 },
      ],
      horizonSeconds: 900,
    });
    const at = (kind: string) => output.result.events.filter((event) => event.kind === kind).map((event) => [event.timeSeconds, event.elementIds[0]]);
    assert.deepEqual(at('component-recovered'), [[300, 'fc-b']]);
    assert.deepEqual(at('host-isolated'), [[20, 'esx-02']]);
    // Both fabrics down from 10 s: the VMs on esx-01 hang until fc-b is back at 300 s (290 s each). esx-02, isolated at
    // 20 s with no heartbeat datastore in reach, counts as failed: web-01 waits for a host that reaches vmfs-01, is
    // placed on esx-01 at 300 s and boots for 60 s: down from 10 s to 360 s.
    assert.deepEqual(output.result.vms.map((vm) => [vm.vmId, vm.downtimeSeconds]), [['vcenter', 290], ['sql-01', 290], ['web-01', 350], ['web-02', 290]]);
  });

  it('counts a VM that stays down up to the horizon, and says so in the text', async () => {
    const json = await vtopo('simulate', SEED_000, '--fail', 'array:fq1616r', '--horizon', '120', '--format', 'json');
    assert.equal(json.exitCode, 0);
    const output: { result: { scenario: { name: string; horizonSeconds: number }; summary: { vmsDown: number; longestDowntimeSeconds: number } } } = JSON.parse(json.stdout);
    assert.deepEqual([output.result.scenario.name, output.result.scenario.horizonSeconds], ['array fq1616r fails', 120]);
    assert.deepEqual([output.result.summary.vmsDown, output.result.summary.longestDowntimeSeconds], [4, 120]);
    const text = (await vtopo('simulate', SEED_000, '--isolate', 'esx-01', '--horizon', '600')).stdout;
    assert.match(text, /^Host esx-01 is isolated\n/);
    assert.match(text, /^ {2}At 0 s: isolate host esx-01\.\n {2}Simulated up to 10 min \(the horizon\): VMs still down count their downtime up to it\.$/m);
  });

  it('exits 2 for an isolated or recovered element the design does not have', async () => {
    const { exitCode, stderr } = await vtopo('simulate', SEED_000, '--isolate', 'host:esx-09', '--fail', 'switch:fc-z', '--recover', 'switch:fc-z', '--at', '5');
    assert.equal(exitCode, 2);
    assert.equal(stderr, [
      `vtopo: ${SEED_000}: unknown host "esx-09": the design's hosts are esx-01, esx-02`,
      `vtopo: ${SEED_000}: unknown switch "fc-z": the design's switches are fc-a, fc-b, lan-1, lan-2`,
      `vtopo: ${SEED_000}: unknown switch "fc-z": the design's switches are fc-a, fc-b, lan-1, lan-2`,
      '',
    ].join('\n'));
  });
});

describe('vtopo simulate: balance recommendation', () => {
  it('prints the standard deviation before and after, the moves and that it is a heuristic', async () => {
    const { exitCode, stdout, stderr } = await vtopo('simulate', SEED_000, '--balance', 'cluster:prod');
    assert.equal(stderr, '');
    assert.equal(exitCode, 0);
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'Load balance of cluster prod (heuristic)');
    // esx-01 carries 93 GB of the 380 GB it offers VMs (0.245), esx-02 8 GB (0.021): moving vcenter (21 GB) gives 0.189 / 0.076.
    assert.ok(lines.includes('  Std. deviation before:  0.112'), stdout);
    assert.ok(lines.includes('  Std. deviation after:   0.057'), stdout);
    assert.ok(lines.some((line) => /^ {2}This is a heuristic: the legacy DRS balance metric \(vSphere 6\.7 and earlier, docs\/design\/algorithms\.md#3-drs-rules-and-balance\)/.test(line)), stdout);
    assert.deepEqual(lines.slice(lines.indexOf('Moves:'), lines.indexOf('Moves:') + 3), ['Moves:', '  Step  VM       From host  To host', '     1  vcenter  esx-01     esx-02']);
    assert.deepEqual(lines.slice(lines.indexOf('Host loads:') + 1, lines.indexOf('Host loads:') + 4), ['  Host    Load before  Load after  Change', '  esx-01          24%         19%  -5 pts', '  esx-02           2%          8%  +6 pts']);
  });

  it('prints the recommendation as JSON, and takes the bare cluster id', async () => {
    const { exitCode, stdout } = await vtopo('simulate', SEED_000, '--balance', 'prod', '--format', 'json');
    assert.equal(exitCode, 0);
    const output: { file: string; simulation: string; result: { clusterId: string; metric: string; before: number; after: number; minDrop: number; moves: unknown[]; hosts: Array<{ hostId: string }>; heuristic: boolean } } = JSON.parse(stdout);
    assert.deepEqual([output.file, output.simulation], [SEED_000, 'balance']);
    assert.deepEqual(output.result.moves, [{ vmId: 'vcenter', from: 'esx-01', to: 'esx-02' }]);
    assert.deepEqual([output.result.clusterId, output.result.metric, output.result.minDrop, output.result.heuristic], ['prod', 'memory', 0.05, true]);
    assert.ok(Math.abs(output.result.before - 0.111842) < 1e-6 && Math.abs(output.result.after - 0.056579) < 1e-6, stdout);
    assert.deepEqual(output.result.hosts.map((host) => host.hostId), ['esx-01', 'esx-02']);
  });

  it('exits 2 naming the clusters the design has when the cluster is unknown', async () => {
    assert.deepEqual(await vtopo('simulate', SEED_000, '--balance', 'cluster:dev'), { exitCode: 2, stdout: '', stderr: `vtopo: ${SEED_000}: unknown cluster "dev": the design's clusters are prod\n` });
  });
});

describe('vtopo simulate: migration, maintenance, sweep', () => {
  it('live-migrates a VM and prints its pre-copy rounds', async () => {
    const { exitCode, stdout } = await vtopo('simulate', SEED_000, '--migrate', 'vm:sql-01', '--to', 'host:esx-02');
    assert.equal(exitCode, 0);
    assert.match(stdout, /^Live migration of sql-01: esx-01 -> esx-02\n/);
    assert.match(stdout, /^ {2}Method: {13}vmotion$/m);
    assert.match(stdout, /^Pre-copy rounds:\n {2}Round {3}Sent {2}Time {2}Dirtied meanwhile\n {6}1 {2}64 GB {2}55 s {15}0 MB$/m);
    const json: { simulation: string; result: { vmId: string; toHost: string; converged: boolean } } = JSON.parse((await vtopo('simulate', SEED_000, '--migrate', 'sql-01', '--to', 'esx-02', '--format', 'json')).stdout);
    assert.deepEqual([json.simulation, json.result.vmId, json.result.toHost, json.result.converged], ['migration', 'sql-01', 'esx-02', true]);
  });

  it('exits 1 with the reasons when the migration is refused', async () => {
    const { exitCode, stdout } = await vtopo('simulate', SEED_000, '--migrate', 'vm:web-01', '--to', 'host:esx-01');
    assert.equal(exitCode, 1);
    assert.equal(stdout, 'Live migration of web-01 to esx-01 is refused:\n  - Anti-affinity rule "web-apart": "web-02" already runs on "esx-01". [anti-affinity]\n');
    const json = await vtopo('simulate', SEED_000, '--migrate', 'vm:web-01', '--to', 'host:esx-01', '--format', 'json');
    assert.deepEqual(JSON.parse(json.stdout), { file: SEED_000, simulation: 'migration', refused: { vmId: 'web-01', toHost: 'esx-01', reasons: [{ code: 'anti-affinity', reason: 'Anti-affinity rule "web-apart": "web-02" already runs on "esx-01".' }] } });
  });

  it('plans maintenance mode and says which VMs cannot leave', async () => {
    const { exitCode, stdout } = await vtopo('simulate', SEED_000, '--maintenance', 'host:esx-02', '--format', 'json');
    assert.equal(exitCode, 0);
    const output: { simulation: string; result: { hostId: string; migrations: unknown[]; stuck: Array<{ vmId: string }> } } = JSON.parse(stdout);
    assert.equal(output.simulation, 'maintenance');
    assert.deepEqual([output.result.hostId, output.result.migrations.length, output.result.stuck.map((stuck) => stuck.vmId)], ['esx-02', 0, ['web-01']]);
    const text = (await vtopo('simulate', SEED_000, '--maintenance', 'esx-02')).stdout;
    assert.match(text, /^ {2}web-01 cannot leave esx-02: .*"esx-01"\.$/m);
  });

  it('sweeps every single failure, worst first', async () => {
    const { exitCode, stdout } = await vtopo('simulate', SEED_000, '--sweep', 'n-1', '--format', 'json');
    assert.equal(exitCode, 0);
    const output: { simulation: string; result: Array<{ failed: Array<{ kind: string; id: string }>; vmsDown: number }> } = JSON.parse(stdout);
    assert.equal(output.simulation, 'sweep');
    assert.deepEqual(output.result[0]?.failed, [{ kind: 'array', id: 'fq1616r' }]);
    assert.equal(output.result[0]?.vmsDown, 4);
    assert.ok(output.result.some((row) => row.failed[0]?.kind === 'link'));
    const text = (await vtopo('simulate', SEED_000, '--sweep', 'n-2')).stdout;
    assert.match(text, /^Failure sweep \(N-2\)\n/);
    assert.match(text, /^ {5}1 {2}host esx-01 \+ host esx-02 /m);
  });
});

describe('vtopo simulate: usage errors exit 2 with a message and a hint', () => {
  const hint = "Run 'vtopo help simulate' for usage.";
  const cases: ReadonlyArray<{ readonly args: string[]; readonly message: string }> = [
    { args: ['simulate'], message: 'missing FILE: name the .vtopo design to simulate' },
    { args: ['simulate', 'a.vtopo'], message: 'nothing to simulate: give --fail KIND:ID, --isolate host:ID, --migrate vm:ID --to host:ID, --maintenance host:ID, --sweep n-1|n-2 or --balance cluster:ID' },
    { args: ['simulate', 'a.vtopo', 'b.vtopo', '--sweep', 'n-1'], message: 'simulate takes one FILE; got 2: a.vtopo, b.vtopo' },
    { args: ['simulate', 'a.vtopo', '--fail', 'esx-01'], message: 'invalid value "esx-01" for --fail: expected KIND:ID with KIND one of host, switch, adapter, port, link, controller, array, datastore, virtual-switch, stack, site, rack, chassis, power-feed, site-link (e.g. host:esx-01, switch:fc-a, link:0, rack:r01)' },
    { args: ['simulate', 'a.vtopo', '--fail', 'vm:web-01'], message: 'invalid value "vm:web-01" for --fail: expected KIND:ID with KIND one of host, switch, adapter, port, link, controller, array, datastore, virtual-switch, stack, site, rack, chassis, power-feed, site-link (e.g. host:esx-01, switch:fc-a, link:0, rack:r01)' },
    { args: ['simulate', 'a.vtopo', '--fail', 'link:a'], message: 'invalid value "link:a" for --fail: a cable is link:N, N its 0-based position in links:' },
    { args: ['simulate', 'a.vtopo', '--at', '5', '--fail', 'host:h'], message: '--at gives the time of the --fail, --isolate or --recover before it: put it after one' },
    { args: ['simulate', 'a.vtopo', '--fail', 'host:h', '--at', '5', '--at', '6'], message: '--fail host:h has two --at' },
    { args: ['simulate', 'a.vtopo', '--fail', 'host:h', '--at', '-5'], message: 'invalid value "-5" for --at: expected seconds from the start (a number >= 0)' },
    { args: ['simulate', 'a.vtopo', '--fail', 'host:h', '--sweep', 'n-1'], message: 'choose one simulation: --fail and --sweep cannot be combined' },
    { args: ['simulate', 'a.vtopo', '--migrate', 'vm:x'], message: '--migrate needs --to host:ID, the host to move the VM to' },
    { args: ['simulate', 'a.vtopo', '--fail', 'host:h', '--to', 'host:x'], message: '--to names the target host of a --migrate' },
    { args: ['simulate', 'a.vtopo', '--migrate', 'host:x', '--to', 'host:y'], message: 'invalid value "host:x" for --migrate: expected vm:ID' },
    { args: ['simulate', 'a.vtopo', '--sweep', 'n-3'], message: 'invalid value "n-3" for --sweep: expected n-1, n-2' },
    { args: ['simulate', 'a.vtopo', '--sweep', 'n-1', '--sweep', 'n-2'], message: 'option --sweep is given twice' },
    { args: ['simulate', 'a.vtopo', '--sweep', 'n-1', '--format', 'sarif'], message: 'invalid value "sarif" for --format: expected text, json' },
    { args: ['simulate', 'a.vtopo', '--fail'], message: 'option --fail needs a value' },
    { args: ['simulate', 'a.vtopo', '--horizon', '60'], message: 'nothing to simulate: give --fail KIND:ID, --isolate host:ID, --migrate vm:ID --to host:ID, --maintenance host:ID, --sweep n-1|n-2 or --balance cluster:ID' },
    { args: ['simulate', 'a.vtopo', '--sweep', 'n-1', '--horizon', '60'], message: '--horizon is how long a --fail, --isolate or --recover scenario runs' },
    { args: ['simulate', 'a.vtopo', '--fail', 'host:h', '--horizon', '0'], message: 'invalid value "0" for --horizon: expected seconds to simulate (a number > 0)' },
    { args: ['simulate', 'a.vtopo', '--fail', 'host:h', '--horizon', '1h'], message: 'invalid value "1h" for --horizon: expected seconds to simulate (a number > 0)' },
    { args: ['simulate', 'a.vtopo', '--fail', 'host:h', '--horizon', '60', '--horizon', '90'], message: 'option --horizon is given twice' },
    { args: ['simulate', 'a.vtopo', '--fail', 'host:h', '--at', '100', '--horizon', '50'], message: '--fail host:h --at 100 is after the end of the simulation (50 s, the --horizon)' },
    { args: ['simulate', 'a.vtopo', '--fail', 'host:h', '--at', '4000'], message: '--fail host:h --at 4000 is after the end of the simulation (3600 s, the default; give a longer --horizon)' },
    { args: ['simulate', 'a.vtopo', '--isolate', 'switch:fc-a'], message: 'invalid value "switch:fc-a" for --isolate: expected host:ID' },
    { args: ['simulate', 'a.vtopo', '--isolate', 'host:h', '--at', '5', '--at', '6'], message: '--isolate host:h has two --at' },
    { args: ['simulate', 'a.vtopo', '--recover', 'vm:x'], message: 'invalid value "vm:x" for --recover: expected KIND:ID with KIND one of host, switch, adapter, port, link, controller, array, datastore, virtual-switch, stack, site, rack, chassis, power-feed, site-link (e.g. host:esx-01, switch:fc-a, link:0, rack:r01)' },
    { args: ['simulate', 'a.vtopo', '--recover', 'switch:fc-a'], message: '--recover switch:fc-a at 0 s: no --fail of it happens before' },
    { args: ['simulate', 'a.vtopo', '--recover', 'host:h', '--at', '10', '--fail', 'host:h', '--at', '20'], message: '--recover host:h at 10 s: no --fail or --isolate of it happens before' },
    { args: ['simulate', 'a.vtopo', '--fail', 'host:h', '--recover', 'host:g', '--at', '10'], message: '--recover host:g at 10 s: no --fail or --isolate of it happens before' },
    { args: ['simulate', 'a.vtopo', '--isolate', 'host:h', '--balance', 'cluster:c'], message: 'choose one simulation: --isolate and --balance cannot be combined' },
    { args: ['simulate', 'a.vtopo', '--balance', 'host:h'], message: 'invalid value "host:h" for --balance: expected cluster:ID' },
    { args: ['simulate', 'a.vtopo', '--balance', 'prod', '--balance', 'dev'], message: 'option --balance is given twice' },
  ];
  for (const { args, message } of cases) {
    it(`vtopo ${args.join(' ')}`, async () => {
      assert.deepEqual(await vtopo(...args), { exitCode: 2, stdout: '', stderr: `vtopo: ${message}\n${hint}\n` });
    });
  }

  it('prints its help with help simulate or simulate --help', async () => {
    const help = await vtopo('help', 'simulate');
    assert.equal(help.exitCode, 0);
    assert.match(help.stdout, /^Usage:\n {2}vtopo simulate FILE --fail KIND:ID \[--at SECONDS\]/);
    assert.equal((await vtopo('simulate', '--help')).stdout, help.stdout);
    assert.match((await vtopo('--help')).stdout, /^ {2}simulate {2}what happens when a host or component fails/m);
  });
});

describe('simulation text and JSON formats', () => {
  it('pads columns, right-aligns numbers and leaves the last column unpadded', () => {
    const lines = formatTextTable(vmTable(HOST_FAILURE));
    assert.deepEqual(lines.slice(0, 3), [
      'VM       Priority  Host    Outcome                                Runs on  Down at     Back at    Downtime',
      'vcenter  highest   esx-01  restarted                              esx-02       0 s  1 min 20 s  1 min 20 s',
      'web-02             esx-01  down: no capacity (esx-02 lacks 8 GB)               0 s       never      10 min',
    ]);
    assert.equal(lines[5], 'web-01             esx-02  unaffected                             esx-02                               0 s');
  });

  it('prints a migration from a hand-made result', () => {
    const text = formatSimulationText({ kind: 'migration', design: 'd.vtopo', migration: MIGRATION });
    assert.match(text, /^ {2}Data sent: {10}9\.2 GB$/m);
    assert.match(text, /^ {2}Stopped because: fewer than 50 pages dirty\.$/m);
    assert.deepEqual(JSON.parse(formatSimulationJson('d.vtopo', { kind: 'migration', design: 'd.vtopo', migration: MIGRATION })), { file: 'd.vtopo', simulation: 'migration', result: MIGRATION });
  });
});

describe('vtopo simulate: long sweeps', () => {
  // The large bench design's N-2 sweep has 499,501 cases; spreading them into one call overflowed the stack.
  it('prints a sweep of half a million cases', () => {
    const row = { failed: [{ kind: 'host' as const, id: 'esx-1' }, { kind: 'host' as const, id: 'esx-2' }], vmsDown: 0, vmsUnreachable: 0, vmsRestarted: 3, longestDowntimeSeconds: 75, capacityShortfallMB: 0 };
    const rows = Array.from({ length: 500_000 }, (_, index) => (index === 0 ? { ...row, vmsDown: 2, longestDowntimeSeconds: 3600 } : row));
    const text = formatSimulationText({ kind: 'sweep', design: 'big.vtopo', mode: 'n-2', rows });
    assert.match(text, /Most VMs down: +2\n/);
    assert.match(text, /Longest downtime: +1 h\n/);
    assert.equal(text.split('\n').filter((line) => /^ +\d+ +host esx-1 \+ host esx-2/.test(line)).length, 500_000);
  });
});
