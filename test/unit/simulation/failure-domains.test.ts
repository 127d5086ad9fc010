import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseVtopo } from '../../../src/core/model/parse';
import { componentFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import { singleFailureTargets } from '../../../src/core/simulation/sweep';
import { buildSimulationView } from '../../../src/core/view/simulation-view';
import { outcome, timeline, vmResult } from './helpers';

// examples/racks-and-power.vtopo: hv-a1 and hv-a2 in rack r01, hv-b1 and hv-b2 in rack r02,
// both fabric switches (fc-a, fc-b) and two core switches in r01, the array in r03; every
// device on an A-side PDU (fed from ups-a) and a B-side PDU (ups-b). Failure timeout 10 s;
// a disk witness on csv-01.
const EXAMPLE = readFileSync(new URL('../../../examples/racks-and-power.vtopo', import.meta.url), 'utf8');
const FC_B_IN_R01 = 'model: G630, rack: r01, power: [r01-a, r01-b] }';

function topologyOf(text: string) {
  return parseVtopo(text).topology;
}

/** The example with fc-b moved to rack r02: no rack holds both fabrics. */
function fixedExample(): string {
  const at = EXAMPLE.indexOf('  fc-b:');
  const line = EXAMPLE.indexOf(FC_B_IN_R01, at);
  assert.ok(at >= 0 && line >= 0);
  return `${EXAMPLE.slice(0, line)}model: G630, rack: r02, power: [r02-a, r02-b] }${EXAMPLE.slice(line + FC_B_IN_R01.length)}`;
}

describe('failure domains in the simulator', () => {
  it('a rack failure fails everything in it at once, caused by the rack: hosts die, and the other rack loses both fabrics', () => {
    const result = simulateScenario(topologyOf(EXAMPLE), componentFailureScenario({ kind: 'rack', id: 'r01' }));
    assert.deepEqual(result.events[0]?.elementIds, ['r01', 'hv-a1', 'hv-a2', 'fc-a', 'fc-b', 'core-a1', 'core-a2']);
    assert.deepEqual(
      result.events.filter((e) => e.kind === 'component-failed').map((e) => [e.elementIds.join(' '), e.causeIndex]),
      [['r01 hv-a1 hv-a2 fc-a fc-b core-a1 core-a2', undefined], ['hv-a1', 0], ['hv-a2', 0], ['fc-a', 0], ['fc-b', 0], ['core-a1', 0], ['core-a2', 0]],
    );
    // fc-a alone leaves hv-b1 half its paths; fc-b then takes the rest: all paths down at 0 s.
    assert.deepEqual(timeline(result, ['all-paths-down']), [[0, 'all-paths-down', 'hv-b1 csv-01'], [0, 'all-paths-down', 'hv-b2 csv-02']]);
    for (const vm of ['app-01', 'app-02', 'web-01']) assert.deepEqual([vm, outcome(result, vm).kind], [vm, 'down']);
    // hv-b1 and hv-b2 (2 votes) cannot reach the disk witness on csv-01: no partition has 3 of 5.
    for (const vm of ['dc-01', 'sql-01']) assert.equal((outcome(result, vm) as { reason?: string }).reason, 'no-quorum');
  });

  it('the results panel says what the rack took down, in its notes', () => {
    const result = simulateScenario(topologyOf(EXAMPLE), componentFailureScenario({ kind: 'rack', id: 'r01' }));
    const view = buildSimulationView({ kind: 'failure', design: 'racks-and-power.vtopo', result, priorities: {} });
    assert.equal(view.kind === 'failure' && view.title, 'Rack r01 fails');
    assert.deepEqual(view.kind === 'failure' && view.notes, ['At 0 s: rack r01 fails: host hv-a1, host hv-a2, switch fc-a, switch fc-b, switch core-a1, switch core-a2.']);
  });

  it('with the fabrics in different racks, rack r01 costs only its own hosts: their VMs restart in r02, up at 10 s + 60 s boot', () => {
    const result = simulateScenario(topologyOf(fixedExample()), componentFailureScenario({ kind: 'rack', id: 'r01' }));
    assert.deepEqual(timeline(result, ['all-paths-down']), []);
    for (const vm of ['app-01', 'app-02', 'web-01']) assert.equal(outcome(result, vm).kind, 'kept-running');
    for (const vm of ['dc-01', 'sql-01']) {
      const restarted = outcome(result, vm);
      assert.equal(restarted.kind, 'restarted');
      assert.ok(restarted.kind === 'restarted' && ['hv-b1', 'hv-b2'].includes(restarted.host));
      // Declared failed at the 10 s failure timeout, placed and powered on at once, ready
      // after the default 60 s boot (orchestration.vmBootSeconds): down 70 s.
      assert.ok(restarted.kind === 'restarted' && restarted.poweredOnAtSeconds === 10);
      assert.equal(vmResult(result, vm).downtimeSeconds, 70);
    }
  });

  it('a UPS failure stops only the devices whose every supply hangs on it', () => {
    const aSideOnly = EXAMPLE.replace('  hv-b1:\n    cluster: hv-racks\n    rack: r02\n    power: [r02-a, r02-b]', '  hv-b1:\n    cluster: hv-racks\n    rack: r02\n    power: [r02-a]');
    assert.notEqual(aSideOnly, EXAMPLE);
    const result = simulateScenario(topologyOf(aSideOnly), componentFailureScenario({ kind: 'power-feed', id: 'ups-a' }));
    assert.deepEqual(result.events[0]?.elementIds, ['ups-a', 'hv-b1']);
    assert.equal(outcome(result, 'app-01').kind, 'restarted');
    assert.equal(outcome(result, 'web-01').kind, 'restarted');
    for (const vm of ['dc-01', 'sql-01', 'app-02']) assert.equal(outcome(result, vm).kind, 'unaffected');
  });

  it('a domain that takes nothing down, or is not in the design, says so and changes nothing', () => {
    const text = EXAMPLE.replace('  r03-b: { fedFrom: ups-b }\n', '  r03-b: { fedFrom: ups-b }\n  spare: { type: pdu }\n');
    const spare = simulateScenario(topologyOf(text), componentFailureScenario({ kind: 'power-feed', id: 'spare' }));
    assert.match(spare.events[0]?.message ?? '', /^power feed spare fails: no host, switch or array stands in it or hangs on it\.$/);
    const unknown = simulateScenario(topologyOf(EXAMPLE), componentFailureScenario({ kind: 'rack', id: 'r99' }));
    assert.match(unknown.events[0]?.message ?? '', /not in the design/);
    for (const result of [spare, unknown]) assert.ok(result.vms.every((vm) => vm.outcome.kind === 'unaffected'));
  });

  it('the N-1 sweep fails every site, rack, chassis and feed', () => {
    const targets = singleFailureTargets(topologyOf(EXAMPLE)).filter((t) => ['site', 'rack', 'chassis', 'power-feed'].includes(t.kind));
    assert.deepEqual(targets.map((t) => `${t.kind}:${t.id}`), ['site:dc1', 'rack:r01', 'rack:r02', 'rack:r03', ...['ups-a', 'ups-b', 'r01-a', 'r01-b', 'r02-a', 'r02-b', 'r03-a', 'r03-b'].map((id) => `power-feed:${id}`)]);
  });
});
