/**
 * The network half of a failure simulation as the results panel, the CLI and the designer
 * playback show it: which hosts were declared isolated, how a cluster split into
 * partitions, which hosts lost quorum or were fenced, and when each host was cut off from
 * its cluster. Read from the event log only (the events simulation/network-failures.ts
 * logs), so a saved result shows the same.
 */

import type { Topology } from '../model/topology';
import type { SimulationEvent, SimulationResult } from '../simulation/types';
import { formatSeconds } from './simulation-format';
import { defineMessages } from '../l10n/messages';
import { formatList } from '../l10n/format';

const MESSAGES = defineMessages('simulation.network', {
  isolatedAt: '{host} isolated at {time}',
  partitionsAt: 'partitions {groups} at {time}',
  withoutQuorumAt: '{host} without quorum at {time}',
  fencedAt: '{host} fenced at {time}',
  separator: '; ',
});

/** Why a host is cut off from its cluster during a span of the playback. */
export type CutOffReason = 'isolated' | 'partitioned' | 'no-quorum';

export interface CutOffSpan {
  readonly hostId: string;
  readonly reason: CutOffReason;
  readonly fromSeconds: number;
  /** When it hears its cluster again; absent when it stays cut off to the end. */
  readonly untilSeconds?: number;
}

export interface Partition {
  readonly atSeconds: number;
  /** The groups of hosts that still hear each other, as the event names them. */
  readonly groups: readonly (readonly string[])[];
  /** The group with the HA primary, the one that restarts VMs of failed hosts (when the event says). */
  readonly acting?: readonly string[];
}

/** The groups of a network-partition event, and the one that restarts VMs. */
export function partitionOf(event: SimulationEvent): Partition | undefined {
  if (event.kind !== 'network-partition' || !event.partition || event.partition.groups.length < 2) return undefined;
  const { groups, acting } = event.partition;
  return { atSeconds: event.timeSeconds, groups, ...(acting ? { acting } : {}) };
}

/**
 * When each host was cut off from its cluster, from the event log:
 * - isolated: from heartbeats-lost (or a host-isolated without one) until it rejoins
 *   (network-restored naming the host alone) or comes back as a host;
 * - partitioned: in a partition without the HA primary, until the next partition change or
 *   the cluster is one partition again;
 * - no-quorum: from quorum-lost until it is back in a partition with quorum.
 * A host that fails (or is fenced) stays in its span: the canvas shows it failed then.
 */
export function cutOffSpans(result: SimulationResult): CutOffSpan[] {
  const spans: Array<{ hostId: string; reason: CutOffReason; fromSeconds: number; untilSeconds?: number }> = [];
  const open = (hostId: string, reason: CutOffReason) => spans.find((span) => span.hostId === hostId && span.reason === reason && span.untilSeconds === undefined);
  const start = (hostId: string, reason: CutOffReason, at: number) => {
    if (!open(hostId, reason)) spans.push({ hostId, reason, fromSeconds: at });
  };
  const end = (at: number, match: (span: { hostId: string; reason: CutOffReason }) => boolean) => {
    for (const span of spans) if (span.untilSeconds === undefined && match(span)) span.untilSeconds = at;
  };
  for (const event of result.events) {
    const at = event.timeSeconds;
    const [subject] = event.elementIds;
    if (subject === undefined) continue;
    switch (event.kind) {
      case 'heartbeats-lost':
      case 'host-isolated':
        start(subject, 'isolated', at);
        break;
      case 'quorum-lost':
        start(subject, 'no-quorum', at);
        break;
      case 'network-partition': {
        const partition = partitionOf(event);
        end(at, (span) => span.reason === 'partitioned');
        if (!partition) break;
        // Without the acting group named, no group is known to be the cut-off one.
        if (partition.acting === undefined) break;
        const acting = new Set(partition.acting);
        for (const group of partition.groups) {
          // Compared by content: the event may have crossed a JSON boundary.
          if (group.length > 0 && group.every((id) => acting.has(id))) continue;
          for (const hostId of group) start(hostId, 'partitioned', at);
        }
        break;
      }
      case 'network-restored':
        // [host]: it rejoins (or is back with quorum); [cluster]: one partition again.
        // [host, network]: one of the host's networks has an uplink again, nothing more.
        if (event.elementIds.length !== 1) break;
        if (spans.some((span) => span.hostId === subject && span.untilSeconds === undefined)) end(at, (span) => span.hostId === subject);
        else end(at, (span) => span.reason === 'partitioned');
        break;
      case 'component-recovered':
        end(at, (span) => span.hostId === subject);
        break;
      default:
        break;
    }
  }
  return spans.map((span) => ({ ...span }));
}

/**
 * One line on the network for the summary, or undefined when nothing happened to it:
 * "esx-01 isolated at 5 s; partitions {esx-01, esx-02} | {esx-03} at 0 s".
 */
export function networkSummary(result: SimulationResult): string | undefined {
  const parts: string[] = [];
  const seen = new Set<string>();
  const once = (key: string, text: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    parts.push(text);
  };
  for (const event of result.events) {
    const [subject] = event.elementIds;
    if (subject === undefined) continue;
    const at = formatSeconds(event.timeSeconds);
    switch (event.kind) {
      case 'host-isolated':
        once(`isolated ${subject}`, MESSAGES.isolatedAt({ host: subject, time: at }));
        break;
      case 'network-partition': {
        const partition = partitionOf(event);
        const groups = partition ? partition.groups.map((group) => `{${formatList(group)}}`).join(' | ') : formatList(event.elementIds);
        once(`partition ${event.timeSeconds} ${groups}`, MESSAGES.partitionsAt({ groups, time: at }));
        break;
      }
      case 'quorum-lost':
        once(`quorum ${subject}`, MESSAGES.withoutQuorumAt({ host: subject, time: at }));
        break;
      case 'host-fenced':
        once(`fenced ${subject}`, MESSAGES.fencedAt({ host: subject, time: at }));
        break;
      default:
        break;
    }
  }
  return parts.length === 0 ? undefined : parts.join(MESSAGES.separator({}));
}

/** Each switch stack (or MLAG pair) by name, with its member switches, in the order of the file. */
export function switchStacks(topology: Topology): Map<string, string[]> {
  const stacks = new Map<string, string[]>();
  for (const networkSwitch of topology.switches) {
    const name = networkSwitch.stack;
    if (name === undefined || name.trim() === '') continue;
    const members = stacks.get(name);
    if (members) members.push(networkSwitch.id);
    else stacks.set(name, [networkSwitch.id]);
  }
  return stacks;
}
