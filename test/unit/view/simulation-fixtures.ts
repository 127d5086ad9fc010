// Simulation results written by hand (no engine): the shapes the results panel, the
// exports and the CLI formatters receive, with figures easy to check by eye.
import type { BalanceResult } from '../../../src/core/simulation/balance';
import type { MaintenanceResult, MigrationResult, SimulationResult, SweepRow } from '../../../src/core/simulation/types';

/**
 * esx-01 fails at 0 s and is declared failed at 15 s. vcenter (highest) powers on on
 * esx-02 at 20 s, ready at 80 s; sql-01 (high) powers on at 25 s, ready at 145 s; web-02
 * stays down (no capacity) to the 600 s horizon; ft-01's secondary takes over in 2 s;
 * web-01 on esx-02 is unaffected.
 */
export const HOST_FAILURE: SimulationResult = {
  scenario: { name: 'Failure of host esx-01', steps: [{ action: 'fail', target: { kind: 'host', id: 'esx-01' }, atSeconds: 0 }], horizonSeconds: 600 },
  events: [
    { timeSeconds: 0, kind: 'component-failed', elementIds: ['esx-01'], message: 'Host esx-01 fails.' },
    { timeSeconds: 0, kind: 'vm-down', elementIds: ['ft-01'], message: 'ft-01 loses its primary.', causeIndex: 0 },
    { timeSeconds: 2, kind: 'vm-takeover', elementIds: ['ft-01', 'esx-02'], message: 'The FT secondary of ft-01 on esx-02 takes over.', causeIndex: 1 },
    { timeSeconds: 15, kind: 'host-declared-failed', elementIds: ['esx-01'], message: 'HA declares esx-01 failed.', causeIndex: 0 },
    { timeSeconds: 20, kind: 'vm-powered-on', elementIds: ['vcenter', 'esx-02'], message: 'vcenter powers on on esx-02.', causeIndex: 3 },
    { timeSeconds: 80, kind: 'vm-ready', elementIds: ['vcenter'], message: 'vcenter is ready.', causeIndex: 4 },
  ],
  vms: [
    { vmId: 'vcenter', host: 'esx-01', outcome: { kind: 'restarted', host: 'esx-02', downAtSeconds: 0, poweredOnAtSeconds: 20, readyAtSeconds: 80, downtimeSeconds: 80, priority: 'highest' }, downtimeSeconds: 80 },
    { vmId: 'web-02', host: 'esx-01', outcome: { kind: 'down', reason: 'no-capacity', downAtSeconds: 0, detail: 'esx-02 lacks 8 GB' }, downtimeSeconds: 600 },
    { vmId: 'sql-01', host: 'esx-01', outcome: { kind: 'restarted', host: 'esx-02', downAtSeconds: 0, poweredOnAtSeconds: 25, readyAtSeconds: 145, downtimeSeconds: 145, priority: 'high' }, downtimeSeconds: 145 },
    { vmId: 'ft-01', host: 'esx-01', outcome: { kind: 'ft-takeover', host: 'esx-02', downtimeSeconds: 2 }, downtimeSeconds: 2 },
    { vmId: 'web-01', host: 'esx-02', outcome: { kind: 'unaffected' }, downtimeSeconds: 0 },
  ],
  hosts: [
    { hostId: 'esx-01', capacity: { cpuMHz: 40000, memoryMB: 262144 }, before: { cpuMHz: 8000, memoryMB: 131072, vmCount: 4 }, after: { cpuMHz: 0, memoryMB: 0, vmCount: 0 }, failed: true },
    { hostId: 'esx-02', capacity: { cpuMHz: 40000, memoryMB: 262144 }, before: { cpuMHz: 4000, memoryMB: 65536, vmCount: 1 }, after: { cpuMHz: 12000, memoryMB: 294912, vmCount: 4 }, failed: false },
  ],
  summary: { vmsAffected: 4, vmsRestarted: 2, vmsTakenOver: 1, vmsDown: 1, vmsUnreachable: 0, longestDowntimeSeconds: 600, totalDowntimeSeconds: 827 },
};

/** 8 GB over 10 Gbps: three rounds then a 40 MB stop-and-copy (8192 + 1024 + 160 + 40 = 9416 MB). */
export const MIGRATION: MigrationResult = {
  vmId: 'sql-01',
  fromHost: 'esx-01',
  toHost: 'esx-02',
  method: 'xen',
  linkMbps: 10000,
  rounds: [
    { round: 1, sentMB: 8192, seconds: 6.5536, dirtiedMB: 1024 },
    { round: 2, sentMB: 1024, seconds: 0.8192, dirtiedMB: 160 },
    { round: 3, sentMB: 160, seconds: 0.128, dirtiedMB: 40 },
  ],
  totalSeconds: 7.6, // the rounds take 7.5008 s: the stop-and-copy 0.0992 s
  downtimeSeconds: 0.05,
  sentMB: 9416,
  converged: true,
  stopReason: 'fewer than 50 pages dirty.',
  cloudsimSeconds: 13.1072,
};

export const MAINTENANCE: MaintenanceResult = {
  hostId: 'esx-01',
  migrations: [
    { ...MIGRATION, startSeconds: 0 },
    { ...MIGRATION, vmId: 'vcenter', totalSeconds: 4, sentMB: 2000, startSeconds: 7.6 },
  ],
  totalSeconds: 11.6,
  stuck: [{ vmId: 'local-01', reason: 'Its disk is on a local datastore of esx-01' }],
};

export const SWEEP: readonly SweepRow[] = [
  { failed: [{ kind: 'host', id: 'esx-01' }], vmsDown: 1, vmsUnreachable: 0, vmsRestarted: 2, longestDowntimeSeconds: 600, capacityShortfallMB: 8192 },
  { failed: [{ kind: 'switch', id: 'fc-a' }], vmsDown: 0, vmsUnreachable: 0, vmsRestarted: 0, longestDowntimeSeconds: 0, capacityShortfallMB: 0 },
  { failed: [{ kind: 'link', id: 'link:3' }], vmsDown: 0, vmsUnreachable: 0, vmsRestarted: 0, longestDowntimeSeconds: 0, capacityShortfallMB: 0 },
];

/**
 * Three hosts of 10 GB for VMs loaded 0.8 / 0.2 / 0; moving the 4 GB VM a from h1 to h3
 * gives 0.4 / 0.2 / 0.4: the deviation drops from sqrt(26)/15 (0.340) to sqrt(2)/15 (0.094).
 */
export const BALANCE: BalanceResult = {
  clusterId: 'prod',
  metric: 'memory',
  before: Math.sqrt(26) / 15,
  after: Math.sqrt(2) / 15,
  minDrop: 0.05,
  moves: [{ vmId: 'a', from: 'h1', to: 'h3' }],
  hosts: [
    { hostId: 'h1', before: 0.8, after: 0.4 },
    { hostId: 'h2', before: 0.2, after: 0.2 },
    { hostId: 'h3', before: 0, after: 0.4 },
  ],
  heuristic: true,
};
