/**
 * The contingency sweep (issue 4, item 6): every single failure (N-1) or every pair of
 * hosts (N-2), each simulated by the failover engine, ranked by impact: VMs left down,
 * then the longest downtime, then the capacity shortfall.
 *
 * N-1 fails each host, each storage component the storage network knows (switches,
 * adapters, controllers, arrays, and the cables and inter-switch links that carry
 * storage) and each LAN element (NICs, virtual switches, Ethernet switches and stacks,
 * LAN cables and inter-switch links) and each failure domain (site, rack, chassis, power
 * feed: every host, switch and array it takes down at once) and each site link; single
 * ports are left out,
 * their adapter and cable cover them. All scenarios
 * share one context (one storage network, one set of single points of failure, the
 * starting loads), and a storage failure looks only at the pairs it cuts, so the sweep
 * costs what the failures touch.
 *
 * N-2 fails every pair of hosts, and the LAN double failures of lanDoubleFailures. Two hosts that cannot affect each other (different
 * clusters, not joined, even through other hosts, by an FT secondary, guest-cluster partner or restart
 * dependency) give the sum of their N-1 rows, without a second simulation: restarts never leave a cluster.
 */

import { failureDomainsOf } from '../domain/failure-domains';
import type { Topology } from '../model/topology';
import { simulationContext, type SimulationContext } from './context';
import { runScenario } from './engine';
import type { ComponentRef, Scenario, SweepMode, SweepRow } from './types';

export interface SweepOptions {
  readonly mode: SweepMode;
  /** Passed to every scenario (default: the engine's horizon). */
  readonly horizonSeconds?: number;
}

export function sweep(topology: Topology, options: SweepOptions): SweepRow[] {
  const context = simulationContext(topology);
  const rows = options.mode === 'n-1' ? singleFailures(context, options) : [...hostPairs(context, options), ...lanPairs(context, options)];
  return rankRows(rows);
}

/**
 * The components N-1 fails one at a time: hosts, then switches and stacks, adapters
 * (storage HBAs and LAN NICs), virtual switches, controllers, arrays, and the cables and
 * inter-switch links of the SAN and the LAN.
 */
export function singleFailureTargets(topology: Topology): ComponentRef[] {
  const context = simulationContext(topology);
  const storage = [...context.network.elements.values()];
  const lan = [...context.lan.elements.values()].filter((e) => !context.network.elements.has(e.id));
  const elements = [...storage, ...lan];
  const ofKind = (kind: string) => elements.filter((e) => e.kind === kind).map((e) => e.id);
  return [
    ...topology.hosts.map((h): ComponentRef => ({ kind: 'host', id: h.id })),
    ...ofKind('switch').map((id): ComponentRef => ({ kind: 'switch', id })),
    ...ofKind('stack').map((id): ComponentRef => ({ kind: 'stack', id })),
    ...ofKind('adapter').map((id): ComponentRef => ({ kind: 'adapter', id })),
    ...ofKind('virtual-switch').map((id): ComponentRef => ({ kind: 'virtual-switch', id })),
    ...ofKind('controller').map((id): ComponentRef => ({ kind: 'controller', id })),
    ...topology.arrays.map((a): ComponentRef => ({ kind: 'array', id: a.id })),
    ...failureDomainsOf(topology).domains.map((d): ComponentRef => ({ kind: d.kind, id: d.id })),
    ...topology.siteLinks.map((l): ComponentRef => ({ kind: 'site-link', id: l.id })),
    ...elements.filter((e) => e.kind === 'cable' || e.kind === 'inter-switch-link').map((e): ComponentRef => ({ kind: 'link', id: e.id })),
  ];
}

/** Most VMs down first, then most unreachable, then the longest downtime, then the largest shortfall; ties keep their order. */
export function rankRows(rows: readonly SweepRow[]): SweepRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        b.row.vmsDown - a.row.vmsDown ||
        b.row.vmsUnreachable - a.row.vmsUnreachable ||
        b.row.longestDowntimeSeconds - a.row.longestDowntimeSeconds ||
        b.row.capacityShortfallMB - a.row.capacityShortfallMB ||
        a.index - b.index,
    )
    .map(({ row }) => row);
}

function singleFailures(context: SimulationContext, options: SweepOptions): SweepRow[] {
  return singleFailureTargets(context.topology).map((target) => simulateRow(context, [target], options));
}

function hostPairs(context: SimulationContext, options: SweepOptions): SweepRow[] {
  const hosts = context.topology.hosts;
  const single = new Map(hosts.map((h) => [h.id, simulateRow(context, [{ kind: 'host', id: h.id }], options)]));
  const groups = interactionGroups(context);
  const rows: SweepRow[] = [];
  for (let i = 0; i < hosts.length; i++) {
    const a = hosts[i];
    if (!a) continue;
    for (let j = i + 1; j < hosts.length; j++) {
      const b = hosts[j];
      if (!b) continue;
      const failed: ComponentRef[] = [{ kind: 'host', id: a.id }, { kind: 'host', id: b.id }];
      const rowA = single.get(a.id);
      const rowB = single.get(b.id);
      if ((groups.get(a.id) ?? a.id) === (groups.get(b.id) ?? b.id) || !rowA || !rowB) {
        rows.push(simulateRow(context, failed, options));
      } else {
        rows.push({
          failed,
          vmsDown: rowA.vmsDown + rowB.vmsDown,
          vmsUnreachable: rowA.vmsUnreachable + rowB.vmsUnreachable,
          vmsRestarted: rowA.vmsRestarted + rowB.vmsRestarted,
          longestDowntimeSeconds: Math.max(rowA.longestDowntimeSeconds, rowB.longestDowntimeSeconds),
          capacityShortfallMB: rowA.capacityShortfallMB + rowB.capacityShortfallMB,
        });
      }
    }
  }
  return rows;
}

/**
 * The LAN double failures N-2 adds: every pair of a host's own LAN parts (both its NICs,
 * a NIC and its virtual switch), and every pair of Ethernet switches or stacks (both
 * switches of a redundant pair). Pairs of parts of different hosts are left out: each
 * part cuts only its own host, which the single failures already show.
 */
export function lanDoubleFailures(context: SimulationContext): ComponentRef[][] {
  const lan = context.lan;
  const kindOf = (id: string): ComponentRef['kind'] | undefined => {
    const element = lan.elements.get(id);
    switch (element?.kind) {
      case 'adapter':
        return 'adapter';
      case 'virtual-switch':
        return 'virtual-switch';
      case 'switch':
        return 'switch';
      case 'stack':
        return 'stack';
      default:
        return undefined;
    }
  };
  const pairs: ComponentRef[][] = [];
  const pairsOf = (ids: readonly string[]) => {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = ids[i] as string;
        const b = ids[j] as string;
        pairs.push([{ kind: kindOf(a) as ComponentRef['kind'], id: a }, { kind: kindOf(b) as ComponentRef['kind'], id: b }]);
      }
    }
  };
  for (const networks of lan.hostNetworks.values()) {
    const own = new Set<string>();
    for (const network of networks) {
      if (network.virtualSwitchId !== undefined && kindOf(network.virtualSwitchId) === 'virtual-switch') own.add(network.virtualSwitchId);
      for (const uplink of network.uplinks) own.add(uplink.adapterId);
    }
    pairsOf([...own]);
  }
  pairsOf([...lan.elements.values()].filter((e) => e.kind === 'switch' || e.kind === 'stack').map((e) => e.id));
  return pairs;
}

function lanPairs(context: SimulationContext, options: SweepOptions): SweepRow[] {
  return lanDoubleFailures(context).map((failed) => simulateRow(context, failed, options));
}

/**
 * Hosts whose failures can interact, as groups (host id to its group's id): hosts of one
 * cluster, an FT secondary's host, a guest-cluster partner's host or a restart
 * dependency's host join a group, and groups that share a host merge. Interaction is
 * transitive: an FT takeover brings a VM (its load, its anti-affinity) into the secondary's
 * cluster, where it meets that cluster's restarts.
 */
function interactionGroups(context: SimulationContext): ReadonlyMap<string, string> {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let at = id;
    for (let up = parent.get(at); up !== undefined && up !== at; up = parent.get(at)) at = up;
    parent.set(id, at);
    return at;
  };
  const link = (a: string, b: string) => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const hosts of context.clusterHosts.values()) {
    for (const h of hosts) link(hosts[0]?.host.id ?? h.host.id, h.host.id);
  }
  for (const info of context.vms.values()) {
    const vm = info.vm;
    if (vm.secondaryHost !== undefined) link(vm.host, vm.secondaryHost);
    for (const partner of [...info.guestClusterPartners, ...info.dependsOn]) {
      const other = context.vms.get(partner)?.vm.host;
      if (other !== undefined && other !== vm.host) link(vm.host, other);
    }
  }
  return new Map([...parent.keys()].map((id) => [id, root(id)]));
}

function simulateRow(context: SimulationContext, failed: readonly ComponentRef[], options: SweepOptions): SweepRow {
  const scenario: Scenario = {
    name: failed.map((f) => `${f.kind} ${f.id}`).join(' + '),
    steps: failed.map((target) => ({ action: 'fail', target, atSeconds: 0 })),
    ...(options.horizonSeconds !== undefined ? { horizonSeconds: options.horizonSeconds } : {}),
  };
  const impact = runScenario(context, scenario, 'impact');
  let vmsDown = 0;
  let vmsUnreachable = 0;
  let vmsRestarted = 0;
  let longestDowntimeSeconds = 0;
  for (const vm of impact.vms) {
    if (vm.outcome.kind === 'down') vmsDown += 1;
    if (vm.outcome.kind === 'unreachable') vmsUnreachable += 1;
    if (vm.outcome.kind === 'restarted') vmsRestarted += 1;
    longestDowntimeSeconds = Math.max(longestDowntimeSeconds, vm.downtimeSeconds);
  }
  return { failed, vmsDown, vmsUnreachable, vmsRestarted, longestDowntimeSeconds, capacityShortfallMB: capacityShortfallMB(context, impact.failedHosts) };
}

/**
 * Memory the protected VMs of each cluster hit by host failures use (configured memory +
 * overhead, powered on) beyond what its surviving connected hosts offer; summed over
 * clusters. It measures the overcommit HA leaves behind, whatever reservations allowed.
 */
export function capacityShortfallMB(context: SimulationContext, failedHosts: readonly string[]): number {
  const failed = new Set(failedHosts);
  const clusters = new Set(failedHosts.map((id) => context.hosts.get(id)?.cluster?.id).filter((id): id is string => id !== undefined));
  let shortfall = 0;
  for (const clusterId of clusters) {
    let needed = 0;
    let offered = 0;
    for (const host of context.clusterHosts.get(clusterId) ?? []) {
      if (!host.good) continue;
      for (const vm of host.vms) if (vm.demand.protected) needed += vm.demand.configuredMemoryMB;
      if (!failed.has(host.host.id)) offered += host.capacity.memoryMB;
    }
    shortfall += Math.max(0, needed - offered);
  }
  return shortfall;
}
