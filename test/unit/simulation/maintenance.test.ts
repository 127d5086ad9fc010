import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseVtopo } from '../../../src/core/model/parse';
import type { Topology } from '../../../src/core/model/topology';
import { concurrentMigrationsPerHost, planMaintenance } from '../../../src/core/simulation/maintenance';

function design(text: string): Topology {
  const { topology, problems } = parseVtopo(`vtopo: 1\n${text}`);
  assert.deepEqual(problems.map((problem) => problem.message), []);
  return topology;
}

function near(actual: number | undefined, expected: number): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${actual} is not ${expected}`);
}

/** Hosts of 64 GB for VMs (68 GB less the 4 GB default overhead). */
const host = (id: string, extra = '') => `  ${id}: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB${extra} }\n`;
const three = host('h1') + host('h2') + host('h3');

// The model's defaults: 2 MB of device state, 50 ms to resume.
const SWITCHOVER = (rateMBps: number) => 2 / rateMBps + 0.05;

describe('planMaintenance', () => {
  it('evacuates a vSphere host four vMotions at a time on 1 GbE, each at 250 Mbit/s (worked example)', () => {
    const topology = design(
      `platform: vsphere\nclusters:\n  prod: { migrationNetwork: 1 Gbps }\nhosts:\n${three}vms:\n` +
        '  v1: { host: h1, memory: 2000 MB }\n  v2: { host: h1, memory: 1000 MB }\n  v3: { host: h1, memory: 1000 MB }\n' +
        '  v4: { host: h1, memory: 1000 MB }\n  v5: { host: h1, memory: 1000 MB }\n  v6: { host: h1, memory: 512 MB }\n' +
        '  v7: { host: h1, memory: 8 GB, power: off }\n' +
        'rules:\n  pin: { type: vm-host, mode: must-run-on, vms: [v6], hosts: [h1] }\n',
    );
    const plan = planMaintenance(topology, 'h1');
    assert.equal(plan.concurrentPerHost, 4);
    // 1 Gbps / 4 = 250 Mbps = 31,250,000 bytes/s = 29.80 MB/s (1 MB = 1,048,576 bytes). No dirtying: one round, then the device state.
    // v1: 2000 x 1,048,576 / 31,250,000 = 67.108864 s; v2-v5: 33.554432 s; each plus 2 / 29.80 + 0.05 = 0.117 s of switchover.
    const rate = 31_250_000 / 1_048_576;
    const short = 1000 / rate + SWITCHOVER(rate);
    const long = 2000 / rate + SWITCHOVER(rate);
    near(short, 33.554432 + 0.067108864 + 0.05);
    // Largest first, to the host with the most memory left: v1 -> h2, v2 -> h3, v3 -> h3, v4 -> h2 (tie), v5 -> h3.
    // v1-v4 start at once; v5 takes the first slot to free (v2's, at 33.67 s). v7 is powered off: re-registered at 0 s.
    assert.deepEqual(
      plan.migrations.map((m) => [m.vmId, m.toHost, m.startSeconds, m.linkMbps]),
      [
        ['v1', 'h2', 0, 250],
        ['v2', 'h3', 0, 250],
        ['v3', 'h3', 0, 250],
        ['v4', 'h2', 0, 250],
        ['v7', 'h2', 0, 250],
        ['v5', 'h3', short, 250],
      ],
    );
    near(plan.migrations[0]?.totalSeconds, long);
    near(plan.migrations[1]?.totalSeconds, short);
    assert.equal(plan.migrations[4]?.totalSeconds, 0);
    assert.match(plan.migrations[4]?.stopReason ?? '', /Powered off: re-registered/);
    near(plan.totalSeconds, 2 * short);
    assert.equal(plan.stuck.length, 1);
    assert.equal(plan.stuck[0]?.vmId, 'v6');
    assert.match(plan.stuck[0]?.reason ?? '', /h2: Rule "pin".*; h3: Rule "pin"/);
  });

  it('runs two migrations at a time by default on other platforms', () => {
    const topology = design(
      `platform: hyperv\nclusters:\n  prod: { migrationNetwork: 1 Gbps }\nhosts:\n${three}vms:\n` +
        '  a: { host: h1, memory: 1000 MB }\n  b: { host: h1, memory: 1000 MB }\n  c: { host: h1, memory: 1000 MB }\n',
    );
    const plan = planMaintenance(topology, 'h1');
    assert.equal(plan.concurrentPerHost, 2);
    // 500 Mbps each = 62,500,000 bytes/s = 59.60 MB/s: 16.777216 s for 1000 MB, then 2 / 59.60 + 0.05 = 0.084 s; c waits for a's slot.
    const rate = 62_500_000 / 1_048_576;
    const each = 1000 / rate + SWITCHOVER(rate);
    near(each, 16.777216 + 0.033554432 + 0.05);
    assert.deepEqual(plan.migrations.map((m) => [m.vmId, m.method, m.toHost, m.startSeconds]), [
      ['a', 'qemu', 'h2', 0],
      ['b', 'qemu', 'h3', 0],
      ['c', 'qemu', 'h2', each],
    ]);
    near(plan.totalSeconds, 2 * each);
  });

  it('counts the reservations of VMs already moved when choosing targets', () => {
    const vms = ['r1', 'r2', 'r3'].map((id) => `  ${id}: { host: h1, memory: 40 GB, reservation: { memory: 40 GB } }\n`).join('');
    const topology = design(`platform: vsphere\nclusters:\n  prod: { migrationNetwork: 10 Gbps }\nhosts:\n${three}vms:\n${vms}`);
    const plan = planMaintenance(topology, 'h1');
    // r1 -> h2, r2 -> h3; then each has 24 GB unreserved, less than r3's 40 GB.
    assert.deepEqual(plan.migrations.map((m) => [m.vmId, m.toHost]), [['r1', 'h2'], ['r2', 'h3']]);
    assert.deepEqual(plan.stuck.map((s) => s.vmId), ['r3']);
    assert.match(plan.stuck[0]?.reason ?? '', /h2: VM "r3" reserves 40960 MB .* 24576 MB unreserved.*; h3:/);
  });

  it('keeps anti-affinity: a VM goes to the fuller host rather than next to its partner', () => {
    const topology = design(
      `platform: vsphere\nclusters:\n  prod: { migrationNetwork: 10 Gbps }\nhosts:\n${three}vms:\n` +
        '  dc1: { host: h1, memory: 4 GB }\n  dc2: { host: h2, memory: 4 GB }\n  big: { host: h3, memory: 32 GB }\n' +
        'rules:\n  apart: { type: anti-affinity, vms: [dc1, dc2] }\n',
    );
    assert.deepEqual(planMaintenance(topology, 'h1').migrations.map((m) => m.toHost), ['h3']);
  });

  it('leaves a VM on the host when its migration would fail', () => {
    const topology = design(
      `platform: vsphere\nclusters:\n  prod: { migrationNetwork: 1 Gbps }\nhosts:\n${three}vms:\n  busy: { host: h1, memory: 16 GB, dirtyRate: 200 MB/s }\n`,
    );
    const plan = planMaintenance(topology, 'h1', { tuning: { stunDuringPageSend: false } });
    assert.deepEqual(plan.migrations, []);
    assert.match(plan.stuck[0]?.reason ?? '', /^Migration to "h2" fails: .*over the 100 s limit/);
    assert.equal(plan.totalSeconds, 0);
  });

  it('is deterministic and names an unknown host', () => {
    const topology = design(`platform: vsphere\nclusters:\n  prod: { migrationNetwork: 1 Gbps }\nhosts:\n${three}vms:\n  a: { host: h1, memory: 1 GB }\n`);
    assert.deepEqual(planMaintenance(topology, 'h1'), planMaintenance(topology, 'h1'));
    assert.throws(() => planMaintenance(topology, 'h9'), /no host "h9"/);
  });
});

describe('concurrentMigrationsPerHost', () => {
  const limitOf = (platform: string, cluster: string) => {
    const topology = design(`platform: ${platform}\nclusters:\n  prod: ${cluster}\nhosts:\n${host('h1')}`);
    const [clusterValue] = topology.clusters;
    const [hostValue] = topology.hosts;
    assert.ok(clusterValue && hostValue);
    return concurrentMigrationsPerHost(topology, clusterValue, hostValue);
  };

  it('follows the vMotion network (4 on 1 GbE, 8 on 10 GbE and above), else the cluster\'s setting, else 2', () => {
    assert.equal(limitOf('vsphere', '{ migrationNetwork: 1 Gbps }'), 4);
    assert.equal(limitOf('vsphere', '{ migrationNetwork: 10 Gbps }'), 8);
    assert.equal(limitOf('vsphere', '{ migrationNetwork: 25 Gbps }'), 8);
    assert.equal(limitOf('vsphere', '{ migrationNetwork: 500 Mbps }'), 2);
    assert.equal(limitOf('vsphere', '{ migrationNetwork: 10 Gbps, migration: { maxConcurrentPerHost: 3 } }'), 3);
    assert.equal(limitOf('proxmox', '{ migrationNetwork: 10 Gbps }'), 2);
    assert.equal(limitOf('xenserver', '{ migration: { maxConcurrentPerHost: 5 } }'), 5);
  });
});
