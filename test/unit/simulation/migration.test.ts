import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseVtopo } from '../../../src/core/model/parse';
import type { Topology } from '../../../src/core/model/topology';
import {
  checkMigration,
  cloudsimSeconds,
  PAGE_MB,
  postcopy,
  precopy,
  simulateMigration,
  type MigrationAttempt,
} from '../../../src/core/simulation/migration';
import type { MigrationResult } from '../../../src/core/simulation/types';

/** Equal within floating-point noise (for rounds whose figures are not binary fractions). */
function near(actual: number | undefined, expected: number): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${actual} is not ${expected}`);
}

const sent = (result: { rounds: readonly { sentMB: number }[] }) => result.rounds.map((round) => round.sentMB);

// Defaults of the model (DEFAULT_TUNING): 2 MB of device state, 50 ms to resume.
const STATE_MB = 2;
const RESUME_S = 0.05;

// Links are decimal (1 Mbps = 10^6 bit/s), memory binary (1 MB = 2^20 bytes): R = Mbps x 10^6 / (8 x 2^20).
// These links give round rates in MB/s, so the figures below stay binary fractions.
/** 2^30 bit/s = 128 MB/s. */
const LINK_128 = 1073.741824;
/** 100 MB/s. */
const LINK_100 = 838.8608;
/** 125 MB/s (a 1 Gbps link moves only 119.2 MB/s). */
const LINK_125 = 1048.576;

describe('pre-copy: Xen classic (xc_domain_save.c)', () => {
  // LINK_128 = 128 MB/s. A 1 GB guest dirtying 8 MB/s: lambda = 1/16, every figure a binary fraction.
  it('stops when a round sent fewer than 50 pages, then sends the last dirty set', () => {
    const result = precopy({ method: 'xen-classic', memoryMB: 1024, linkMbps: LINK_128, dirtyRateMBps: 8 });
    // Rounds send 1024, 64, 4, 0.25 (64 pages, still >= 50) and 1/64 MB (4 pages < 50): stop after round 5.
    assert.deepEqual(sent(result), [1024, 64, 4, 0.25, 1 / 64]);
    assert.equal(0.25 / PAGE_MB, 64);
    assert.equal(result.converged, true);
    assert.match(result.stopReason, /Round 5 sent fewer than 50 pages/);
    // Round 5 took 1/64 / 128 s and left 8 x that = 1/1024 MB dirty: the stop-and-copy.
    assert.equal(result.rounds[4]?.dirtiedMB, 1 / 1024);
    assert.equal(result.downtimeSeconds, (1 / 1024 + STATE_MB) / 128 + RESUME_S);
    assert.equal(result.sentMB, 1024 + 64 + 4 + 0.25 + 1 / 64 + 1 / 1024 + STATE_MB);
    assert.equal(result.failed, undefined);
  });

  it('stops after 29 rounds when a working set keeps the dirty set above 50 pages', () => {
    // Dirty rate equals the link (lambda = 1), but only an 8 MB working set is rewritten: every round after the first sends 8 MB.
    const result = precopy({ method: 'xen-classic', memoryMB: 1024, linkMbps: LINK_128, dirtyRateMBps: 128, workingSetMB: 8 });
    assert.equal(result.rounds.length, 29);
    assert.deepEqual(sent(result), [1024, ...Array.from({ length: 28 }, () => 8)]);
    // 1024 + 28 x 8 = 1248 MB sent live, below 3 x 1024: the round limit ended it.
    assert.equal(result.converged, false);
    assert.match(result.stopReason, /^29 rounds done/);
    assert.equal(result.downtimeSeconds, (8 + STATE_MB) / 128 + RESUME_S);
    assert.equal(result.totalSeconds, 1248 / 128 + (8 + STATE_MB) / 128 + RESUME_S);
  });

  it('stops when more than 3 x memory has been sent', () => {
    // lambda = 112/128 = 7/8: rounds send 1024, 896, 784, 686; the running total passes 3072 MB only after round 4 (2704, then 3390).
    const result = precopy({ method: 'xen-classic', memoryMB: 1024, linkMbps: LINK_128, dirtyRateMBps: 112 });
    assert.deepEqual(sent(result), [1024, 896, 784, 686]);
    assert.equal(result.converged, false);
    assert.match(result.stopReason, /More than 3 x memory sent \(3390 MB\)/);
    assert.equal(result.downtimeSeconds, (600.25 + STATE_MB) / 128 + RESUME_S);
  });

  it('reports a guest dirtying faster than the link as not converging, with lambda', () => {
    // lambda = 160/128 = 1.25: every round resends all 1024 MB; the fourth passes 3 x memory.
    const result = precopy({ method: 'xen-classic', memoryMB: 1024, linkMbps: LINK_128, dirtyRateMBps: 160 });
    assert.deepEqual(sent(result), [1024, 1024, 1024, 1024]);
    assert.equal(result.converged, false);
    assert.match(result.stopReason, /lambda = D\/R = 1\.25 >= 1\): pre-copy cannot converge/);
    // Suspend and send everything: 8 s of downtime.
    assert.equal(result.downtimeSeconds, (1024 + STATE_MB) / 128 + RESUME_S);
  });
});

describe('pre-copy: Xen >= 4.6 (xg_sr_save.c)', () => {
  it('stops when at most 50 pages are dirty, one round before Xen classic on the same guest', () => {
    const result = precopy({ method: 'xen', memoryMB: 1024, linkMbps: LINK_128, dirtyRateMBps: 8 });
    // After round 4 (0.25 MB sent) 1/64 MB = 4 pages are dirty.
    assert.deepEqual(sent(result), [1024, 64, 4, 0.25]);
    assert.equal(result.converged, true);
    assert.match(result.stopReason, /At most 50 pages dirty after round 4/);
    assert.equal(result.downtimeSeconds, (1 / 64 + STATE_MB) / 128 + RESUME_S);
  });

  it('stops after 5 rounds', () => {
    // lambda = 1/4: after round 5, 1 MB (256 pages) is still dirty. Xen classic on the same guest goes on to round 8.
    const result = precopy({ method: 'xen', memoryMB: 1024, linkMbps: LINK_128, dirtyRateMBps: 32 });
    assert.deepEqual(sent(result), [1024, 256, 64, 16, 4]);
    assert.equal(result.converged, false);
    assert.match(result.stopReason, /^5 rounds done/);
    assert.equal(result.downtimeSeconds, (1 + STATE_MB) / 128 + RESUME_S);
    assert.equal(precopy({ method: 'xen-classic', memoryMB: 1024, linkMbps: LINK_128, dirtyRateMBps: 32 }).rounds.length, 8);
  });
});

describe('pre-copy: QEMU/KVM', () => {
  it('stops when the pending memory is below bandwidth x allowed downtime (300 ms by default)', () => {
    // 128 MB/s x 0.3 s = 38.4 MB. Pending after each round: 256, 64, 16 MB: stop-and-copy after round 3.
    const result = precopy({ method: 'qemu', memoryMB: 1024, linkMbps: LINK_128, dirtyRateMBps: 32 });
    assert.deepEqual(sent(result), [1024, 256, 64]);
    assert.equal(result.converged, true);
    assert.match(result.stopReason, /within the 0\.3 s downtime target/);
    assert.equal(result.downtimeSeconds, (16 + STATE_MB) / 128 + RESUME_S);
    // With 1 s allowed: 128 MB, so 64 MB pending after round 2 is enough.
    assert.deepEqual(sent(precopy({ method: 'qemu', memoryMB: 1024, linkMbps: LINK_128, dirtyRateMBps: 32, tuning: { allowedDowntimeSeconds: 1 } })), [1024, 256]);
  });

  it('never completes a guest that dirties as fast as the link: auto-converge is off unless enabled', () => {
    // LINK_100 = 100 MB/s, dirtied at 100 MB/s: round 1 leaves all 1000 MB dirty.
    const result = precopy({ method: 'qemu', memoryMB: 1000, linkMbps: LINK_100, dirtyRateMBps: 100 });
    assert.equal(result.converged, false);
    assert.equal(result.failed, true);
    assert.equal(result.downtimeSeconds, 0);
    assert.match(result.stopReason, /iterate forever.*lambda = D\/R = 1 >= 1.*stays on the source/);
  });

  it('auto-converge throttles 20% after two rounds dirtying over half of what they sent, then 10% more each time', () => {
    const result = precopy({ method: 'qemu', memoryMB: 1000, linkMbps: LINK_100, dirtyRateMBps: 100, tuning: { autoConverge: true } });
    const dirtied = result.rounds.map((round) => round.dirtiedMB);
    // Rounds 1-2 at 100 MB/s leave 1000 MB each; throttle 20%: rounds 3-4 at 80 MB/s (800, 640);
    // throttle 30%: rounds 5-6 at 70 MB/s (448, 313.6); 40%: rounds 7-8 at 60 MB/s (188.16, 112.896);
    // 50%: round 9 leaves 56.448, round 10 leaves 28.224 MB, below 100 MB/s x 0.3 s = 30 MB.
    const expected = [1000, 1000, 800, 640, 448, 313.6, 188.16, 112.896, 56.448, 28.224];
    assert.equal(dirtied.length, expected.length);
    expected.forEach((value, i) => near(dirtied[i], value));
    assert.equal(result.converged, true);
    assert.match(result.stopReason, /throttled by 50% \(auto-converge\)/);
    near(result.downtimeSeconds, (28.224 + STATE_MB) / 100 + RESUME_S);
  });
});

describe('pre-copy: vMotion', () => {
  // LINK_125 = 125 MB/s; a 16 GB guest dirtying 200 MB/s (lambda = 1.6) over its whole memory.
  const busy = { method: 'vmotion' as const, memoryMB: 16_384, linkMbps: LINK_125, dirtyRateMBps: 200 };

  it('fails the migration when the switchover would take over 100 s (no Stun During Page Send)', () => {
    const result = precopy({ ...busy, tuning: { stunDuringPageSend: false } });
    // Round 1 (131.072 s) leaves all 16384 MB dirty: switching over would take (16384 + 2) / 125 + 0.05 = 131.138 s.
    assert.deepEqual(sent(result), [16_384]);
    assert.equal(result.failed, true);
    assert.equal(result.converged, false);
    assert.equal(result.downtimeSeconds, 0);
    assert.equal(result.totalSeconds, 131.072);
    assert.match(result.stopReason, /switchover would take 131\.14 s, over the 100 s limit: the migration fails/);
  });

  it('slows the vCPUs (Stun During Page Send) so the last copy fits the 1 s switchover goal', () => {
    const result = precopy(busy);
    // Round 2 resends 16384 MB in 131.072 s at a dirty rate cut to 125 x 125 / 16384 MB/s: it leaves 125 MB, one second of link.
    assert.deepEqual(sent(result), [16_384, 16_384]);
    near(result.rounds[1]?.dirtiedMB, 125);
    assert.equal(result.converged, true);
    assert.match(result.stopReason, /Stun During Page Send/);
    near(result.downtimeSeconds, (125 + STATE_MB) / 125 + RESUME_S);
  });

  it('gives a small-working-set VM on 125 MB/s a downtime well under a second', () => {
    // 4 GB, 50 MB/s over a 10 MB working set: round 1 (32.768 s) leaves 10 MB, within 1 s of link.
    const result = precopy({ method: 'vmotion', memoryMB: 4096, linkMbps: LINK_125, dirtyRateMBps: 50, workingSetMB: 10 });
    assert.equal(result.rounds.length, 1);
    near(result.downtimeSeconds, (10 + STATE_MB) / 125 + RESUME_S);
    assert.ok(result.downtimeSeconds < 0.2);
  });
});

describe('post-copy and the CloudSim baseline', () => {
  it('moves each page once: total (M + state) / R, downtime the state transfer, degraded M / R', () => {
    const result = postcopy({ method: 'post-copy', memoryMB: 4096, linkMbps: LINK_125, dirtyRateMBps: 500 });
    assert.deepEqual(result.rounds, []);
    assert.equal(result.sentMB, 4096 + STATE_MB);
    assert.equal(result.degradedSeconds, 4096 / 125);
    assert.equal(result.downtimeSeconds, STATE_MB / 125 + RESUME_S);
    assert.equal(result.totalSeconds, STATE_MB / 125 + RESUME_S + 4096 / 125);
    assert.equal(result.converged, true);
    assert.match(result.stopReason, /target fails .* the VM is lost/);
  });

  it('converts decimal link speeds to binary memory without losing the 4.9%: 1 Gbps = 125,000,000 bytes/s = 119.2 MB/s', () => {
    // 4096 MB = 4096 x 1,048,576 bytes = 34,359,738,368 bit; at 10^9 bit/s that is 34.359738368 s (not 32.768).
    const result = postcopy({ method: 'post-copy', memoryMB: 4096, linkMbps: 1000, dirtyRateMBps: 0 });
    near(result.degradedSeconds, 34.359738368);
    near(result.downtimeSeconds, (STATE_MB * 1_048_576 * 8) / 1e9 + RESUME_S);
    // Pre-copy: 1024 MB over 1 Gbps is 8.589934592 s at the full rate.
    near(precopy({ method: 'vmotion', memoryMB: 1024, linkMbps: 1000, dirtyRateMBps: 0 }).rounds[0]?.seconds, 8.589934592);
  });

  it('estimates 1024 MB over 1 Gbit/s at 17.18 s (RAM / (bandwidth / 2)): 1024 x 1,048,576 x 8 bit / (10^9 / 2 bit/s)', () => {
    near(cloudsimSeconds(1024, 1000), 17.179869184);
    near(precopy({ method: 'qemu', memoryMB: 1024, linkMbps: 1000, dirtyRateMBps: 0 }).cloudsimSeconds, 17.179869184);
  });

  it('moves nothing over a link of 0 Mbps', () => {
    const result = precopy({ method: 'vmotion', memoryMB: 1024, linkMbps: 0, dirtyRateMBps: 10 });
    assert.equal(result.failed, true);
    assert.equal(result.sentMB, 0);
    assert.equal(postcopy({ method: 'post-copy', memoryMB: 1024, linkMbps: 0, dirtyRateMBps: 10 }).failed, true);
  });

  it('gives the same answer for the same input', () => {
    const params = { method: 'qemu' as const, memoryMB: 1000, linkMbps: LINK_100, dirtyRateMBps: 100 };
    assert.deepEqual(precopy(params), precopy(params));
  });
});

// ------------------------------------------------------------------ on a design

function design(body: string, platform = 'vsphere'): Topology {
  const { topology, problems } = parseVtopo(`vtopo: 1\nplatform: ${platform}\n${body}`);
  assert.deepEqual(problems.map((problem) => problem.message), []);
  return topology;
}

const host = (id: string, extra = '') => `  ${id}: { cpu: { cores: 16, speed: 2 GHz${extra} }, memory: 68 GB }\n`;

/** Three hosts of 64 GB for VMs (68 GB less the 4 GB default overhead) on a 10 Gbps migration network. */
function cluster(clusterExtra: string, hosts: string, vms: string, rest = ''): string {
  return `clusters:\n  prod:\n    migrationNetwork: 10 Gbps\n${clusterExtra}hosts:\n${hosts}vms:\n${vms}${rest}`;
}

function migrated(attempt: MigrationAttempt): MigrationResult {
  assert.equal(attempt.kind, 'migrated', attempt.kind === 'refused' ? attempt.refusals.map((r) => r.reason).join(' ') : '');
  if (attempt.kind !== 'migrated') throw new Error('refused');
  return attempt.migration;
}

const codes = (topology: Topology, vm: string, to: string) => checkMigration(topology, vm, to).map((refusal) => refusal.code);

describe('simulateMigration on a design', () => {
  it('vMotions a 4 GB VM over 10 Gbps in 3.54 s with about 0.1 s of downtime (worked example)', () => {
    const topology = design(cluster('', host('h1') + host('h2'), '  app: { host: h1, memory: 4 GB, dirtyRate: 50 MB/s, workingSet: 64 MB }\n'));
    const result = migrated(simulateMigration(topology, 'app', 'h2'));
    // 10 Gbps = 1.25 x 10^9 bytes/s = 1192.09 MB/s: round 1 sends 4096 MB (4096 x 2^20 x 8 bit / 10^10 bit/s = 3.4359738368 s)
    // and leaves min(50 x 3.436, 64) = 64 MB, under 1 s of link.
    const rate = 1e10 / (8 * 1_048_576);
    assert.equal(result.method, 'vmotion');
    assert.equal(result.linkMbps, 10_000);
    assert.equal(result.rounds.length, 1);
    near(result.rounds[0]?.seconds, 3.4359738368);
    assert.equal(result.rounds[0]?.dirtiedMB, 64);
    near(result.downtimeSeconds, (64 + STATE_MB) / rate + RESUME_S);
    near(result.totalSeconds, 3.4359738368 + (64 + STATE_MB) / rate + RESUME_S);
    near(result.cloudsimSeconds, 2 * 3.4359738368);
    assert.deepEqual([result.vmId, result.fromHost, result.toHost], ['app', 'h1', 'h2']);
  });

  it('picks the method by platform, unless the cluster names one', () => {
    const body = (extra: string) => cluster(extra, host('h1') + host('h2'), '  app: { host: h1, memory: 1 GB }\n');
    const methodOf = (topology: Topology) => migrated(simulateMigration(topology, 'app', 'h2')).method;
    assert.equal(methodOf(design(body(''), 'xenserver')), 'xen');
    assert.equal(methodOf(design(body(''), 'hyperv')), 'qemu');
    assert.equal(methodOf(design(body(''), 'proxmox')), 'qemu');
    assert.equal(methodOf(design(body('    migration: { method: post-copy }\n'), 'proxmox')), 'post-copy');
    assert.equal(methodOf(design(body('    migration: { method: xen-classic }\n'), 'xenserver')), 'xen-classic');
  });

  it('takes the link from migration.bandwidth, else the migration network, else the slower host port', () => {
    const ports = (id: string, speed: string) =>
      `  ${id}:\n    cpu: { cores: 16, speed: 2 GHz }\n    memory: 68 GB\n    adapters:\n      nic1:\n        type: ethernet\n        ports:\n          p0: { speed: ${speed}, roles: [management] }\n          p1: { speed: ${speed} }\n    vmkernelPorts:\n      vmk1: { roles: [vmotion], active: [${id}/nic1/p1] }\n`;
    const vms = '  app: { host: h1, memory: 1 GB }\n';
    const linkOf = (text: string) => migrated(simulateMigration(design(text), 'app', 'h2')).linkMbps;
    const hosts = ports('h1', '10 Gbps') + ports('h2', '1 Gbps');
    assert.equal(linkOf(`clusters:\n  prod: {}\nhosts:\n${hosts}vms:\n${vms}`), 1000);
    assert.equal(linkOf(`clusters:\n  prod: { migrationNetwork: 25 Gbps }\nhosts:\n${hosts}vms:\n${vms}`), 25_000);
    assert.equal(linkOf(`clusters:\n  prod: { migrationNetwork: 25 Gbps, migration: { bandwidth: 2 Gbps } }\nhosts:\n${hosts}vms:\n${vms}`), 2000);
    const bare = design(`clusters:\n  prod: {}\nhosts:\n${host('h1')}${host('h2')}vms:\n${vms}`);
    const attempt = simulateMigration(bare, 'app', 'h2');
    assert.equal(attempt.kind, 'refused');
    assert.deepEqual(attempt.kind === 'refused' ? attempt.refusals.map((r) => r.code) : [], ['no-migration-network']);
  });

  it('lets a QEMU guest that dirties faster than the link converge only when the cluster sets migration.autoConverge', () => {
    // 10 Gbps = 1192.09 MB/s; the guest dirties 2000 MB/s (lambda = 1.68).
    const body = (extra: string) => cluster(`    migration: { method: qemu${extra} }\n`, host('h1') + host('h2'), '  busy: { host: h1, memory: 4 GB, dirtyRate: 2000 MB/s }\n');
    const off = migrated(simulateMigration(design(body(''), 'proxmox'), 'busy', 'h2'));
    assert.equal(off.converged, false);
    assert.equal(off.failed, true);
    assert.match(off.stopReason, /no auto-converge\): pre-copy would iterate forever.*stays on the source/);
    const on = migrated(simulateMigration(design(body(', autoConverge: true'), 'proxmox'), 'busy', 'h2'));
    assert.equal(on.converged, true);
    assert.equal(on.failed, undefined);
    assert.match(on.stopReason, /throttled by \d+% \(auto-converge\)/);
  });

  it('re-registers a powered-off VM: no time, nothing sent, and no migration network needed', () => {
    const topology = design(`clusters:\n  prod: {}\nhosts:\n${host('h1')}${host('h2')}vms:\n  old: { host: h1, memory: 8 GB, power: off }\n`);
    const result = migrated(simulateMigration(topology, 'old', 'h2'));
    assert.equal(result.totalSeconds, 0);
    assert.equal(result.sentMB, 0);
    assert.match(result.stopReason, /Powered off: re-registered/);
  });
});

describe('checkMigration', () => {
  it('accepts a compatible target', () => {
    const topology = design(cluster('', host('h1') + host('h2'), '  app: { host: h1, memory: 1 GB }\n'));
    assert.deepEqual(checkMigration(topology, 'app', 'h2'), []);
  });

  it('refuses a target that is not connected, a dedicated failover host, or an edition without live migration', () => {
    const topology = design(
      cluster(
        '    ha: { admissionControl: { policy: failover-hosts, failoverHosts: [h3] } }\n',
        host('h1') + `  h2: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB, state: maintenance }\n` + host('h3') + `  h4: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB, edition: free }\n`,
        '  app: { host: h1, memory: 1 GB }\n',
      ),
    );
    assert.deepEqual(codes(topology, 'app', 'h2'), ['target-not-connected']);
    assert.deepEqual(codes(topology, 'app', 'h3'), ['failover-host']);
    assert.deepEqual(codes(topology, 'app', 'h4'), ['edition']);
  });

  it('refuses another CPU vendor, and a CPU generation step down without a baseline', () => {
    const hosts =
      host('h1', ', vendor: intel, family: intel-icelake') + host('h2', ', vendor: amd, family: amd-zen3') + host('h3', ', vendor: intel, family: intel-skylake');
    const topology = design(cluster('', hosts, '  new: { host: h1, memory: 1 GB }\n  old: { host: h3, memory: 1 GB }\n'));
    assert.deepEqual(codes(topology, 'new', 'h2'), ['cpu-vendor']);
    assert.deepEqual(codes(topology, 'new', 'h3'), ['cpu-family']);
    // Skylake to Ice Lake: the newer host offers every feature the guest saw.
    assert.deepEqual(codes(topology, 'old', 'h1'), []);
    const withBaseline = design(cluster('    cpuCompatibility: intel-skylake\n', hosts, '  new: { host: h1, memory: 1 GB }\n'));
    assert.deepEqual(codes(withBaseline, 'new', 'h3'), []);
  });

  it('refuses a target that cannot reach the VM\'s datastore', () => {
    const rest = 'arrays:\n  san: { controllers: { a: {} } }\ndatastores:\n  lun1: { array: san, presentedTo: [h1, h3] }\n  local1: { host: h1 }\n';
    const topology = design(cluster('', host('h1') + host('h2') + host('h3'), '  a: { host: h1, memory: 1 GB, datastore: lun1 }\n  b: { host: h1, memory: 1 GB, datastore: local1 }\n', rest));
    assert.deepEqual(codes(topology, 'a', 'h2'), ['datastore']);
    assert.deepEqual(codes(topology, 'a', 'h3'), []);
    assert.deepEqual(codes(topology, 'b', 'h3'), ['datastore']);
  });

  it('refuses a target without unreserved memory or CPU for the reservation plus overhead', () => {
    // h2 offers 64 GB and 32,000 MHz; "big" already reserves 60 GB and 30,000 MHz there.
    const vms =
      '  big: { host: h2, memory: 60 GB, reservation: { memory: 60 GB, cpu: 30 GHz } }\n' +
      '  fits: { host: h1, memory: 8 GB, reservation: { memory: 3 GB }, overheadMemory: 1 GB }\n' +
      '  heavy: { host: h1, memory: 8 GB, reservation: { memory: 4 GB, cpu: 2001 MHz }, overheadMemory: 1 GB }\n';
    const topology = design(cluster('', host('h1') + host('h2'), vms));
    // 4 GB free: 3 GB + 1 GB overhead fits exactly; 4 GB + 1 GB does not, nor 2001 MHz of 2000 free.
    assert.deepEqual(codes(topology, 'fits', 'h2'), []);
    assert.deepEqual(codes(topology, 'heavy', 'h2'), ['memory', 'cpu']);
  });

  it('keeps must rules and anti-affinity', () => {
    const rules =
      'rules:\n  pin: { type: vm-host, mode: must-run-on, vms: [db], hosts: [h1, h2] }\n  away: { type: vm-host, mode: must-not-run-on, vms: [web], hosts: [h2] }\n  apart: { type: anti-affinity, vms: [dc1, dc2] }\n  soft: { type: vm-host, mode: should-run-on, vms: [web], hosts: [h1] }\n';
    const vms = '  db: { host: h1, memory: 1 GB }\n  web: { host: h1, memory: 1 GB }\n  dc1: { host: h1, memory: 1 GB }\n  dc2: { host: h2, memory: 1 GB }\n';
    const topology = design(cluster('', host('h1') + host('h2') + host('h3'), vms, rules));
    assert.deepEqual(codes(topology, 'db', 'h3'), ['must-rule']);
    assert.deepEqual(codes(topology, 'db', 'h2'), []);
    assert.deepEqual(codes(topology, 'web', 'h2'), ['must-rule']);
    // Should rules may be broken.
    assert.deepEqual(codes(topology, 'web', 'h3'), []);
    assert.deepEqual(codes(topology, 'dc1', 'h2'), ['anti-affinity']);
    assert.deepEqual(codes(topology, 'dc1', 'h3'), []);
  });

  it('names unknown VMs and hosts, and a move to the same host', () => {
    const topology = design(cluster('', host('h1') + host('h2'), '  app: { host: h1, memory: 1 GB }\n'));
    assert.deepEqual(codes(topology, 'nope', 'h2'), ['unknown-vm']);
    assert.deepEqual(codes(topology, 'app', 'h9'), ['unknown-host']);
    assert.deepEqual(codes(topology, 'app', 'h1'), ['same-host']);
  });
});
