import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { singleHostFailures, worstFailure, worstSingleHostFailure } from '../../../src/core/capacity/n1';
import { admissionControlStatus } from '../../../src/core/capacity/admission-control';
import type { VmDemand } from '../../../src/core/capacity/resources';
import { parseVtopo } from '../../../src/core/model/parse';

const GB = 1024;
const host = (hostId: string, memoryGB: number) => ({ hostId, cpuMHz: 20_000, memoryMB: memoryGB * GB });
const vm = (vmId: string, hostId: string, configuredGB: number, reservedGB = 0, isProtected = true): VmDemand => ({
  vmId,
  hostId,
  cpuMHz: 32,
  reservedMemoryMB: reservedGB * GB,
  configuredMemoryMB: configuredGB * GB,
  protected: isProtected,
});

describe('N+1: every single host failure', () => {
  it('restarts everything when the survivors have room, and measures the headroom left', () => {
    // h1 (a 6 GB, b 3 GB), h2 (c 5 GB), h3 (d 2 GB), 10 GB each. Losing h1: a -> h3 (8 free), b -> h2 (5 free).
    // Losing any host leaves 20 GB for 16 GB of VMs: 20% memory headroom.
    const failures = singleHostFailures({
      hosts: [host('h1', 10), host('h2', 10), host('h3', 10)],
      vms: [vm('a', 'h1', 6), vm('b', 'h1', 3), vm('c', 'h2', 5), vm('d', 'h3', 2)],
    });
    assert.deepEqual(failures.map((f) => f.cannotRestart), [[], [], []]);
    assert.deepEqual(failures.map((f) => f.protectedVmIds), [['a', 'b'], ['c'], ['d']]);
    assert.deepEqual(failures.map((f) => f.memoryHeadroomPercent), [20, 20, 20]);
    // CPU: four VMs at 32 MHz on 40 GHz of survivors.
    assert.equal(failures[0]?.cpuHeadroomPercent, ((40_000 - 128) * 100) / 40_000);
    assert.equal(worstFailure(failures)?.failedHostId, 'h1');
  });

  it('finds VMs whose configured memory fits in total but on no single survivor', () => {
    // x (16 GB): big 12 GB (reserved 12), tiny 1 GB; y: y1 10 GB; z: z1 10 GB and an unprotected 4 GB VM.
    // Losing x: reservations fit (y has 16 GB unreserved), but by configured size y has 6 GB and z 2 GB free: big stays down.
    const failures = singleHostFailures({
      hosts: [host('x', 16), host('y', 16), host('z', 16)],
      vms: [vm('big', 'x', 12, 12), vm('tiny', 'x', 1), vm('y1', 'y', 10), vm('z1', 'z', 10), vm('batch', 'z', 4, 0, false)],
    });
    const [x, y, z] = failures;
    assert.deepEqual(x?.cannotRestartByReservation, []);
    assert.deepEqual(x?.cannotRestartByConfiguredSize, ['big']);
    assert.deepEqual(x?.protectedVmIds, ['big', 'tiny']);
    // Losing y: y1 needs 10 GB; x has 3, z has 2.
    assert.deepEqual(y?.cannotRestart, ['y1']);
    // Losing z: only z1 restarts (batch is not protected); x has 3, y has 6.
    assert.deepEqual(z?.cannotRestart, ['z1']);
    // Every failure leaves one VM down; x and y leave 37 GB on 32 GB (-15.6%), z 33 GB (-3.1%): x is worst, being first.
    assert.equal(x?.memoryHeadroomPercent, ((32 - 37) * 100) / 32);
    assert.equal(z?.memoryHeadroomPercent, ((32 - 33) * 100) / 32);
    assert.equal(worstFailure(failures)?.failedHostId, 'x');
  });

  it('names VMs whose reservations do not fit once, under reservations', () => {
    // Two 16 GB hosts with 12 GB and 8 GB reserved: neither survivor can take the other's VM.
    const failures = singleHostFailures({
      hosts: [host('a', 16), host('b', 16)],
      vms: [vm('r1', 'a', 12, 12), vm('r2', 'b', 8, 8)],
    });
    assert.deepEqual(failures[0]?.cannotRestartByReservation, ['r1']);
    assert.deepEqual(failures[0]?.cannotRestartByConfiguredSize, []);
    assert.deepEqual(failures[1]?.cannotRestart, ['r2']);
  });

  it('restarts on preferred (failover) hosts first, else on the first host in order with room', () => {
    const hosts = [host('a', 16), host('b', 16), host('spare', 16)];
    const vms = [vm('a1', 'a', 4, 4)];
    assert.equal(singleHostFailures({ hosts, vms, preferredHostIds: ['spare'] })[0]?.restartHostByVm.get('a1'), 'spare');
    assert.equal(singleHostFailures({ hosts, vms })[0]?.restartHostByVm.get('a1'), 'b');
    assert.equal(singleHostFailures({ hosts, vms })[0]?.survivingHostCount, 2);
  });

  it('a one-host cluster restarts nothing and has no headroom', () => {
    const [only] = singleHostFailures({ hosts: [host('solo', 16)], vms: [vm('v', 'solo', 4)] });
    assert.deepEqual(only?.cannotRestart, ['v']);
    assert.equal(only?.memoryHeadroomPercent, 0);
  });
});

describe('worstSingleHostFailure of a design', () => {
  it('counts only connected hosts, powered-on VMs and protected VMs', () => {
    const { topology } = parseVtopo(`vtopo: 1
clusters:
  prod: {}
hosts:
  esx-01: { cpu: { cores: 8, speed: 2 GHz }, memory: 68 GB }
  esx-02: { cpu: { cores: 8, speed: 2 GHz }, memory: 68 GB }
  esx-03: { cpu: { cores: 8, speed: 2 GHz }, memory: 68 GB, state: maintenance }
vms:
  app: { host: esx-01, memory: 48 GB }
  db: { host: esx-02, memory: 48 GB }
  old: { host: esx-01, memory: 60 GB, power: off }
  scratch: { host: esx-02, memory: 8 GB, restartPriority: disabled }
`);
    // 64 GB per host after the 4 GB default overhead; esx-03 is in maintenance, "old" is off.
    // Losing esx-01: app (48 GB) finds 64 - 56 = 8 GB on esx-02: down. Losing esx-02: db finds 16 GB: down, and
    // scratch is not restarted. One VM down either way; losing esx-01 leaves 104 GB of VMs on 64 GB, losing esx-02 96 GB.
    const verdict = worstSingleHostFailure(topology);
    assert.equal(verdict.clusters.length, 1);
    assert.equal(verdict.clusters[0]?.hostCount, 2);
    assert.equal(verdict.cannotRestartCount, 1);
    assert.equal(verdict.clusters[0]?.worst.failedHostId, 'esx-01');
    assert.deepEqual(verdict.clusters[0]?.worst.cannotRestart, ['app']);
    assert.equal(verdict.clusters[0]?.worst.memoryHeadroomPercent, ((64 - 104) * 100) / 64);
  });
});

describe('FT secondaries in admission control', () => {
  it('counts the secondary\'s reservation on its host in the percentage and slot policies', () => {
    const text = `vtopo: 1
clusters:
  prod: {}
hosts:
  esx-01: { cpu: { cores: 8, speed: 2 GHz }, memory: 68 GB }
  esx-02: { cpu: { cores: 8, speed: 2 GHz }, memory: 68 GB }
vms:
  pay: { host: esx-01, memory: 16 GB, reservation: { memory: 16 GB, cpu: 2 GHz }, protection: ft, secondaryHost: esx-02 }
`;
    const { topology } = parseVtopo(text);
    const cluster = topology.clusters[0];
    const status = cluster ? admissionControlStatus(topology, cluster) : undefined;
    // Primary and secondary: 2 x 16 GB and 2 x 2000 MHz of the 128 GB and 32,000 MHz the two hosts offer.
    assert.equal(status?.policy, 'percentage');
    if (status?.policy !== 'percentage') return;
    assert.equal(status.percentage.usedMemoryMB, 32 * GB);
    assert.equal(status.percentage.usedCpuMHz, 4000);
    // The slot policy counts the secondary as a powered-on VM: two used slots.
    const slotDesign = parseVtopo(text.replace('prod: {}', 'prod: { ha: { admissionControl: { policy: slots } } }')).topology;
    const slotCluster = slotDesign.clusters[0];
    const slots = slotCluster ? admissionControlStatus(slotDesign, slotCluster) : undefined;
    assert.equal(slots?.policy === 'slots' ? slots.slots.usedSlots : undefined, 2);
  });
});
