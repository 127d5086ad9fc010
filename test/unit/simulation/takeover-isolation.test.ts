import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { singleHostFailures } from '../../../src/core/capacity/n1';
import { clusterResources } from '../../../src/core/capacity/resources';
import { hostFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import { FT_TAKEOVER_SECONDS, GUEST_CLUSTER_TAKEOVER_SECONDS, REPLICA_TAKEOVER_SECONDS } from '../../../src/core/simulation/timings';
import type { Scenario } from '../../../src/core/simulation/types';
import { design } from './fixtures';
import { outcome, timeline, vmResult } from './helpers';

describe('fault tolerance and replicas', () => {
  it('lets the FT secondary on h2 take over after 1 s: no restart', () => {
    const topology = design({ hosts: ['h1', 'h2', 'h3'], vms: '  pay: { host: h1, memory: 8 GB, datastore: ds1, protection: ft, secondaryHost: h2 }' });
    const result = simulateScenario(topology, hostFailureScenario('h1'));
    assert.equal(FT_TAKEOVER_SECONDS, 1);
    assert.deepEqual(outcome(result, 'pay'), { kind: 'ft-takeover', host: 'h2', downtimeSeconds: 1 });
    assert.deepEqual(timeline(result, ['vm-takeover', 'vm-placed']), [[1, 'vm-takeover', 'pay h2']]);
    assert.equal(result.summary.vmsTakenOver, 1);
  });

  it('takes over from the secondary once: a VM restarted elsewhere afterwards has no secondary left (a fuzz counterexample)', () => {
    const topology = design({ hosts: ['h1', 'h2', 'h3'], vms: '  pay: { host: h1, memory: 8 GB, datastore: ds1, protection: ft, secondaryHost: h2 }' });
    const result = simulateScenario(topology, {
      name: 'the secondary, then its host, then the restart host',
      steps: [
        { action: 'fail', target: { kind: 'host', id: 'h1' }, atSeconds: 0 },
        { action: 'fail', target: { kind: 'host', id: 'h2' }, atSeconds: 100 },
        { action: 'recover', target: { kind: 'host', id: 'h2' }, atSeconds: 300 },
        { action: 'fail', target: { kind: 'host', id: 'h3' }, atSeconds: 400 },
      ],
    });
    assert.deepEqual(timeline(result, ['vm-takeover']), [[1, 'vm-takeover', 'pay h2']], 'one takeover, by the secondary, at 1 s');
    assert.deepEqual(timeline(result, ['vm-placed']), [[115, 'vm-placed', 'pay h3'], [415, 'vm-placed', 'pay h2']], 'HA restarts it on h3, then on h2');
    const downOnH3 = result.events.find((e) => e.kind === 'vm-down' && e.elementIds.join(' ') === 'pay h3');
    assert.doesNotMatch(downOnH3?.message ?? '', /takes over/);
  });

  it('lets a replica take over after its small delay (10 s)', () => {
    const topology = design({ hosts: ['h1', 'h2'], vms: '  pay: { host: h1, memory: 8 GB, datastore: ds1, protection: replica, secondaryHost: h2 }' });
    const result = simulateScenario(topology, hostFailureScenario('h1'));
    assert.deepEqual(outcome(result, 'pay'), { kind: 'ft-takeover', host: 'h2', downtimeSeconds: REPLICA_TAKEOVER_SECONDS });
  });

  it('restarts an FT VM like any other when its secondary\'s host fails too', () => {
    const topology = design({ hosts: ['h1', 'h2', 'h3'], vms: '  pay: { host: h1, memory: 8 GB, datastore: ds1, protection: ft, secondaryHost: h2 }' });
    const result = simulateScenario(topology, {
      name: 'both',
      steps: [
        { action: 'fail', target: { kind: 'host', id: 'h1' }, atSeconds: 0 },
        { action: 'fail', target: { kind: 'host', id: 'h2' }, atSeconds: 0 },
      ],
    });
    const pay = outcome(result, 'pay');
    assert.equal(pay.kind === 'restarted' ? pay.host : undefined, 'h3');
    assert.equal(vmResult(result, 'pay').downtimeSeconds, 75);
  });
});

describe('an FT secondary holds its resources on its own host (simulator and analyzer agree)', () => {
  // 64 GB hosts. pay (40 GB reserved) runs on h1 with its FT secondary on h2; h2 also runs big (20 GB):
  // 60 GB in use there. other (40 GB) runs on h3.
  const GB = 1024;
  const topology = design({
    hosts: ['h1', 'h2', 'h3'],
    vms: [
      '  pay: { host: h1, memory: 40 GB, reservation: { memory: 40 GB }, datastore: ds1, protection: ft, secondaryHost: h2 }',
      '  big: { host: h2, memory: 20 GB, reservation: { memory: 20 GB }, datastore: ds1 }',
      '  other: { host: h3, memory: 40 GB, reservation: { memory: 40 GB }, datastore: ds1 }',
    ].join('\n'),
  });
  const cluster = topology.clusters[0];
  const resources = cluster ? clusterResources(topology, cluster) : undefined;
  const analyzer = singleHostFailures({ hosts: resources?.hosts ?? [], vms: resources?.vms ?? [] });
  const failureOf = (hostId: string) => analyzer.find((failure) => failure.failedHostId === hostId);

  it('h1 fails: the secondary takes over on h2 without charging h2 a second time; the analyzer restarts nothing', () => {
    const result = simulateScenario(topology, hostFailureScenario('h1'));
    assert.deepEqual(outcome(result, 'pay'), { kind: 'ft-takeover', host: 'h2', downtimeSeconds: 1 });
    const h2 = result.hosts.find((host) => host.hostId === 'h2');
    assert.equal(h2?.before.memoryMB, 60 * GB);
    assert.equal(h2?.after.memoryMB, 60 * GB);
    assert.equal(failureOf('h1')?.restartHostByVm.has('pay'), false);
    assert.deepEqual(failureOf('h1')?.cannotRestart, []);
  });

  it('h3 fails: other finds 24 GB on h1 and only 4 GB on h2 (the secondary takes 40): down in both', () => {
    const result = simulateScenario(topology, hostFailureScenario('h3'));
    const other = outcome(result, 'other');
    assert.equal(other.kind === 'down' ? other.reason : undefined, 'no-capacity');
    assert.deepEqual(failureOf('h3')?.cannotRestart, ['other']);
  });
});

describe('guest clusters', () => {
  const guestClusters = '  sql: { type: failover }';

  it('lets the partner on another host take the application over in 10 s, and HA still restarts the node', () => {
    const vms = ['  sql-a: { host: h1, memory: 8 GB, datastore: ds1, guestCluster: sql }', '  sql-b: { host: h2, memory: 8 GB, datastore: ds1, guestCluster: sql }'].join('\n');
    const result = simulateScenario(design({ hosts: ['h1', 'h2', 'h3'], vms, guestClusters }), hostFailureScenario('h1'));
    assert.equal(GUEST_CLUSTER_TAKEOVER_SECONDS.failover, 10);
    // The node goes to h3: h2 (running sql-b) has 32 MHz less unreserved CPU.
    assert.deepEqual(outcome(result, 'sql-a'), {
      kind: 'guest-cluster-takeover',
      partner: 'sql-b',
      downtimeSeconds: 10,
      nodeRestartedOn: { host: 'h3', poweredOnAtSeconds: 15, readyAtSeconds: 75 },
    });
    assert.equal(vmResult(result, 'sql-a').downtimeSeconds, 10);
    assert.deepEqual(timeline(result, ['vm-takeover', 'vm-placed']), [
      [10, 'vm-takeover', 'sql-a sql-b'],
      [15, 'vm-placed', 'sql-a h3'],
    ]);
  });

  it('gives no takeover when both nodes ran on the failed host: both are restarted', () => {
    const vms = ['  sql-a: { host: h1, memory: 8 GB, datastore: ds1, guestCluster: sql }', '  sql-b: { host: h1, memory: 8 GB, datastore: ds1, guestCluster: sql }'].join('\n');
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms, guestClusters }), hostFailureScenario('h1'));
    assert.deepEqual([outcome(result, 'sql-a').kind, outcome(result, 'sql-b').kind], ['restarted', 'restarted']);
    assert.equal(vmResult(result, 'sql-a').downtimeSeconds, 75);
  });
});

describe('isolated hosts', () => {
  const isolate: Scenario = { name: 'h1 isolated', steps: [{ action: 'isolate', host: 'h1', atSeconds: 0 }] };
  const vms = '  app: { host: h1, memory: 8 GB, datastore: ds1 }';

  it('does not restart the VMs of a host that still writes datastore heartbeats (isolation response none)', () => {
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms }), isolate);
    assert.equal(outcome(result, 'app').kind, 'kept-running');
    assert.equal(vmResult(result, 'app').downtimeSeconds, 0);
    // h1 is the HA primary (first of the hosts that mount the most datastores): it declares itself isolated after 5 s.
    assert.deepEqual(timeline(result, ['heartbeats-lost', 'host-isolated', 'host-declared-failed', 'vm-down', 'vm-placed']), [
      [0, 'heartbeats-lost', 'h1'],
      [5, 'host-isolated', 'h1'],
    ]);
  });

  it('with isolation response power-off, a secondary declares isolation after 30 s and powers its VMs off 30 s later; HA restarts them: up at 120 s, 60 s down', () => {
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms: '  app: { host: h2, memory: 8 GB, datastore: ds1 }', ha: '      isolationResponse: power-off' }), {
      name: 'h2 isolated',
      steps: [{ action: 'isolate', host: 'h2', atSeconds: 0 }],
    });
    assert.deepEqual(timeline(result, ['host-isolated', 'isolation-response', 'vm-down', 'vm-placed', 'vm-ready']), [
      [30, 'host-isolated', 'h2'],
      [60, 'isolation-response', 'h2'],
      [60, 'vm-down', 'app h2'],
      [60, 'vm-placed', 'app h1'],
      [120, 'vm-ready', 'app h1'],
    ]);
    assert.equal(vmResult(result, 'app').downtimeSeconds, 60);
  });

  it('with isolation response power-off, the primary declares isolation after 5 s and powers its VMs off 30 s later; HA restarts them: up at 95 s, 60 s down', () => {
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms, ha: '      isolationResponse: power-off' }), isolate);
    assert.deepEqual(timeline(result, ['host-isolated', 'isolation-response', 'vm-down', 'vm-placed', 'vm-ready']), [
      [5, 'host-isolated', 'h1'],
      [35, 'isolation-response', 'h1'],
      [35, 'vm-down', 'app h1'],
      [35, 'vm-placed', 'app h2'],
      [95, 'vm-ready', 'app h2'],
    ]);
    assert.equal(vmResult(result, 'app').downtimeSeconds, 60);
  });

  it('with isolation response shutdown, HA restarts a VM only once the guest shutdown ends (its shutdownSeconds, at most the 300 s timeout)', () => {
    const shutdownVms = '  app: { host: h1, memory: 8 GB, datastore: ds1, shutdownSeconds: 45 }\n  slow: { host: h1, memory: 8 GB, datastore: ds1 }';
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms: shutdownVms, ha: '      isolationResponse: shutdown' }), isolate);
    assert.deepEqual(timeline(result, ['isolation-response', 'vm-down', 'vm-placed', 'vm-ready']), [
      [35, 'isolation-response', 'h1'],
      [35, 'vm-down', 'app h1'],
      [35, 'vm-down', 'slow h1'],
      [80, 'vm-placed', 'app h2'],
      [140, 'vm-ready', 'app h2'],
      [335, 'vm-placed', 'slow h2'],
      [395, 'vm-ready', 'slow h2'],
    ]);
    assert.equal(vmResult(result, 'app').downtimeSeconds, 105);
    assert.equal(vmResult(result, 'slow').downtimeSeconds, 360);
  });

  it('treats an isolated host that reaches no heartbeat datastore as failed', () => {
    const topology = design({ hosts: ['h1', 'h2'], vms, singlePathed: ['h1'] });
    const result = simulateScenario(topology, {
      name: 'h1 loses its fabric and its network',
      steps: [
        { action: 'fail', target: { kind: 'link', id: 'link:0' }, atSeconds: 0 },
        { action: 'isolate', host: 'h1', atSeconds: 0 },
      ],
    });
    assert.ok(result.events.some((e) => e.kind === 'host-declared-failed' && e.elementIds[0] === 'h1'));
    const app = outcome(result, 'app');
    assert.equal(app.kind === 'restarted' ? app.host : undefined, 'h2');
  });
});

describe('what a vm-down event says after a host failure', () => {
  it('says a restart follows only for VMs HA restarts; FT takeover and disabled restart say so instead', () => {
    const vms = [
      '  app: { host: h1, memory: 8 GB, datastore: ds1 }',
      '  ft: { host: h1, memory: 8 GB, datastore: ds1, protection: ft, secondaryHost: h2 }',
      '  batch: { host: h1, memory: 8 GB, datastore: ds1, restartPriority: disabled }',
    ].join('\n');
    const result = simulateScenario(design({ hosts: ['h1', 'h2'], vms }), hostFailureScenario('h1'));
    const message = (vm: string) => result.events.find((e) => e.kind === 'vm-down' && e.elementIds[0] === vm)?.message ?? '';
    assert.match(message('app'), /HA restarts it on another host/);
    assert.match(message('ft'), /its FT secondary on h2 takes over/);
    assert.doesNotMatch(message('ft'), /restart/);
    assert.match(message('batch'), /HA will not restart it: its restart priority is disabled/);
  });
});
