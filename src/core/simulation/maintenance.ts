/**
 * Maintenance mode: evacuate a host by live migration (docs/design/domain.md#maintenance-mode-and-load-balancing). Each
 * VM goes to a host that passes every check of checkMigration given the moves planned
 * before it (rules, reservations + overhead, datastore access, CPU compatibility, migration
 * network); then the migrations are scheduled under the per-host concurrency limits, a
 * slot freeing when a migration ends. Pure and deterministic.
 */

import type { Cluster, Host, Topology, Vm } from '../model/topology';
import { hostCapacity, vmDemand } from '../capacity/resources';
import {
  checkMigration,
  fastestMigrationPortMbps,
  migrationNetworkMbps,
  Placement,
  simulateMigration,
  type MigrationRefusal,
  type MigrationTuning,
} from './migration';
import type { MaintenanceResult, MigrationResult, PlannedMigration } from './types';
import { defineMessages } from '../l10n/messages';

const MESSAGES = defineMessages('simulation.maintenance', {
  refusalsOnHost: '{host}: {reasons}',
  separator: '; ',
  noHost: 'There is no host "{host}".',
  noCluster: 'Host "{host}" belongs to no cluster: there is nowhere to move its VMs.',
  noOtherHost: 'Cluster "{cluster}" has no other host.',
  noHostTakesIt: 'No host can take it. {refusals}',
  migrationFails: 'Migration to "{host}" fails: {reason}',
});

/** vMotion concurrency (docs/design/algorithms.md#41-pre-copy): 4 per 1 GbE and 8 per 10 GbE network, 8 per host; 250 Mbit/s per vMotion. */
export const VMOTION_CONCURRENCY = {
  perHost: 8,
  per1GbE: 4,
  per10GbE: 8,
  mbpsPerMigration: 250,
} as const;

/**
 * Concurrent live migrations per host on other platforms when the cluster does not set
 * migration.maxConcurrentPerHost: 2, Hyper-V's default "simultaneous live migrations";
 * assumed for XenServer and Proxmox too.
 */
export const DEFAULT_CONCURRENT_MIGRATIONS_PER_HOST = 2;

/** What planMaintenance adds to the shared result: the concurrency it scheduled with. */
export interface MaintenancePlan extends MaintenanceResult {
  /** Migrations the evacuated host runs at once. */
  readonly concurrentPerHost: number;
}

export interface MaintenanceOptions {
  readonly tuning?: Partial<MigrationTuning>;
}

/**
 * Migrations a host may run at once: the cluster's migration.maxConcurrentPerHost, else
 * for vSphere the limit of its vMotion network (4 on 1 GbE, 8 on 10 GbE; below 1 GbE one
 * per 250 Mbit/s) capped at 8 per host, else DEFAULT_CONCURRENT_MIGRATIONS_PER_HOST.
 */
export function concurrentMigrationsPerHost(topology: Topology, cluster: Cluster, host: Host): number {
  const stated = cluster.migration.maxConcurrentPerHost;
  if (stated !== undefined) return stated;
  if (topology.platform !== 'vsphere') return DEFAULT_CONCURRENT_MIGRATIONS_PER_HOST;
  const networkMbps = cluster.migrationNetworkMbps ?? fastestMigrationPortMbps(host) ?? cluster.migration.bandwidthMbps;
  if (networkMbps === undefined) return 1;
  const byNetwork =
    networkMbps >= 10_000 ? VMOTION_CONCURRENCY.per10GbE : networkMbps >= 1000 ? VMOTION_CONCURRENCY.per1GbE : Math.max(1, Math.floor(networkMbps / VMOTION_CONCURRENCY.mbpsPerMigration));
  return Math.min(byNetwork, VMOTION_CONCURRENCY.perHost);
}

/** Memory a host has left by configured sizes (what the guests use when busy): the spreading criterion. */
function memoryLeftMB(placement: Placement, host: Host, cluster: Cluster): number {
  let used = 0;
  for (const vm of placement.vmsOn(host.id)) if (vm.power === 'on') used += vmDemand(vm, cluster).configuredMemoryMB;
  return hostCapacity(host).memoryMB - used;
}

function describeRefusals(refusals: readonly MigrationRefusal[]): string {
  const byHost = new Map<string, string[]>();
  for (const refusal of refusals) {
    const list = byHost.get(refusal.toHost);
    if (list) list.push(refusal.reason);
    else byHost.set(refusal.toHost, [refusal.reason]);
  }
  return [...byHost].map(([hostId, reasons]) => MESSAGES.refusalsOnHost({ host: hostId, reasons: reasons.join(' ') })).join(MESSAGES.separator({}));
}

/** Running VMs first, largest memory first (packs targets better and, longest first, shortens the schedule); then the others. */
function evacuationOrder(vms: readonly Vm[]): Vm[] {
  const running = vms.filter((vm) => vm.power === 'on').sort((a, b) => b.memoryMB - a.memoryMB);
  return [...running, ...vms.filter((vm) => vm.power !== 'on')];
}

/** Earliest-free slot of a host; a host gets its slot list on first use. */
function slotsOf(slots: Map<string, number[]>, hostId: string, count: number): number[] {
  let list = slots.get(hostId);
  if (!list) slots.set(hostId, (list = Array.from({ length: count }, () => 0)));
  return list;
}

function earliest(list: readonly number[]): { index: number; freeAt: number } {
  let index = 0;
  list.forEach((freeAt, i) => {
    if (freeAt < (list[index] ?? Infinity)) index = i;
  });
  return { index, freeAt: list[index] ?? 0 };
}

/**
 * Plans maintenance mode for `hostId`: where each VM goes, when its migration starts, how
 * long the evacuation takes, and which VMs cannot leave and why. Targets: the compatible
 * host with the most memory left by configured sizes, ties in declaration order.
 * Concurrent migrations share the migration network equally (250 Mbit/s each for four
 * vMotions on 1 GbE) unless migration.bandwidthMbps states what one gets. Powered-off and
 * suspended VMs are only re-registered: no time, no slot. Throws on an unknown host id.
 */
export function planMaintenance(topology: Topology, hostId: string, options: MaintenanceOptions = {}): MaintenancePlan {
  const source = topology.host(hostId);
  if (!source) throw new Error(MESSAGES.noHost({ host: hostId }));
  const vms = topology.vmsOnHost(hostId);
  const cluster = topology.clusterOfHost(source);
  if (!cluster) {
    return { hostId, migrations: [], totalSeconds: 0, concurrentPerHost: 0, stuck: vms.map((vm) => ({ vmId: vm.id, reason: MESSAGES.noCluster({ host: hostId }) })) };
  }
  const targets = topology.hostsInCluster(cluster.id).filter((host) => host.id !== hostId);
  const concurrentPerHost = concurrentMigrationsPerHost(topology, cluster, source);
  const sharing = Math.max(1, Math.min(concurrentPerHost, vms.filter((vm) => vm.power === 'on').length));
  const placement = new Placement(topology);
  const slots = new Map<string, number[]>();
  const migrations: Array<{ planned: PlannedMigration; order: number }> = [];
  const stuck: Array<{ vmId: string; reason: string }> = [];

  for (const [order, vm] of evacuationOrder(vms).entries()) {
    if (targets.length === 0) {
      stuck.push({ vmId: vm.id, reason: MESSAGES.noOtherHost({ cluster: cluster.id }) });
      continue;
    }
    const refusals: MigrationRefusal[] = [];
    let best: { host: Host; leftMB: number } | undefined;
    for (const host of targets) {
      const reasons = checkMigration(topology, vm.id, host.id, placement);
      if (reasons.length > 0) {
        refusals.push(...reasons);
        continue;
      }
      const leftMB = memoryLeftMB(placement, host, cluster);
      if (!best || leftMB > best.leftMB) best = { host, leftMB };
    }
    if (!best) {
      stuck.push({ vmId: vm.id, reason: MESSAGES.noHostTakesIt({ refusals: describeRefusals(refusals) }) });
      continue;
    }
    const networkMbps = migrationNetworkMbps(cluster, source, best.host);
    const linkMbps = cluster.migration.bandwidthMbps ?? (networkMbps === undefined ? undefined : networkMbps / sharing);
    const attempt = simulateMigration(topology, vm.id, best.host.id, { placement, ...(linkMbps !== undefined ? { linkMbps } : {}), ...(options.tuning ? { tuning: options.tuning } : {}) });
    if (attempt.kind === 'refused') {
      stuck.push({ vmId: vm.id, reason: MESSAGES.noHostTakesIt({ refusals: describeRefusals(attempt.refusals) }) });
      continue;
    }
    const migration: MigrationResult = attempt.migration;
    if (migration.failed) {
      stuck.push({ vmId: vm.id, reason: MESSAGES.migrationFails({ host: best.host.id, reason: migration.stopReason }) });
      continue;
    }
    placement.move(vm, best.host.id);
    if (vm.power !== 'on') {
      migrations.push({ planned: { ...migration, startSeconds: 0 }, order });
      continue;
    }
    const sourceSlots = slotsOf(slots, source.id, concurrentPerHost);
    const targetSlots = slotsOf(slots, best.host.id, concurrentMigrationsPerHost(topology, cluster, best.host));
    const fromSlot = earliest(sourceSlots);
    const toSlot = earliest(targetSlots);
    const startSeconds = Math.max(fromSlot.freeAt, toSlot.freeAt);
    const endSeconds = startSeconds + migration.totalSeconds;
    sourceSlots[fromSlot.index] = endSeconds;
    targetSlots[toSlot.index] = endSeconds;
    migrations.push({ planned: { ...migration, startSeconds }, order });
  }

  const planned = migrations.sort((a, b) => a.planned.startSeconds - b.planned.startSeconds || a.order - b.order).map((entry) => entry.planned);
  const totalSeconds = planned.reduce((latest, migration) => Math.max(latest, migration.startSeconds + migration.totalSeconds), 0);
  return { hostId, migrations: planned, totalSeconds, stuck, concurrentPerHost };
}
