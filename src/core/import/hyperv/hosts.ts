/**
 * Cluster nodes as hosts: processors from Win32_Processor (one instance per socket), memory
 * from the installed DIMMs (Win32_PhysicalMemory) or else the memory Windows sees
 * (Win32_ComputerSystem.TotalPhysicalMemory), the server model, the Windows Server release
 * and edition, and the node state in the format's terms.
 */

import type { DraftMap } from '../emit';
import { dataText, frequencyText } from '../quantities';
import type { SummaryBuilder } from '../summary';
import type { NodeInfo } from './inventory';
import { within } from './json';
import { grouped } from '../../text/plural';
import { defineMessages } from '../../l10n/messages';
import { formatList } from '../../l10n/format';

const MESSAGES = defineMessages('import.hyperv.hosts', {
  cores: 'cores of node "{node}"',
  clockSpeed: 'MaxClockSpeed of node "{node}"',
  sockets: 'sockets of node "{node}"',
  memory: 'memory (bytes) of node "{node}"',
  noProcessors: 'node "{node}" has no processors in the inventory (the script could not read it); the design reports the gap: fill it in',
  noMemory: 'node "{node}" has no memory in the inventory (the script could not read it); the design reports the gap: fill it in',
  noProcessorsOrMemory: 'node "{node}" has no processors or memory in the inventory (the script could not read it); the design reports the gap: fill it in',
  downNoProcessors: 'node "{node}" is Down and has no processors in the inventory (the script could not read it); the design reports the gap: fill it in',
  downNoMemory: 'node "{node}" is Down and has no memory in the inventory (the script could not read it); the design reports the gap: fill it in',
  downNoProcessorsOrMemory: 'node "{node}" is Down and has no processors or memory in the inventory (the script could not read it); the design reports the gap: fill it in',
  pausedOne: '1 paused node ({nodes}) written as state: maintenance: a paused node takes no roles, so HA counts no capacity on it',
  pausedMany: '{count} paused nodes ({nodes}) written as state: maintenance: a paused node takes no roles, so HA counts no capacity on it',
  downOne: '1 node Down at export time ({nodes}) written as state: disconnected, the format\'s state for a host that is not in the cluster: HA counts no capacity on it. Set it back to connected to review the design with the node in service',
  downMany: '{count} nodes Down at export time ({nodes}) written as state: disconnected, the format\'s state for a host that is not in the cluster: HA counts no capacity on it. Set it back to connected to review the design with the node in service',
  visibleMemoryOne: 'memory of 1 node is what Windows sees (Win32_ComputerSystem TotalPhysicalMemory), a little less than what is installed: the script could not read Win32_PhysicalMemory',
  visibleMemoryMany: 'memory of {count} nodes is what Windows sees (Win32_ComputerSystem TotalPhysicalMemory), a little less than what is installed: the script could not read Win32_PhysicalMemory',
  otherState: 'node "{node}" was {state} at export time; written as connected',
});

const MIB = 1024 * 1024;
/** The format's bounds on a host (docs/format.md, field reference). */
const MAX_CORES = 4096;
const MAX_SPEED_MHZ = 10000;
const MAX_SOCKETS = 64;
const MAX_MEMORY_BYTES = 1073741824 * MIB;

export interface ImportedNode {
  readonly node: NodeInfo;
  /** "2022", "2012 R2": the Windows Server release, when the caption or build says it. */
  readonly release?: string;
  readonly fields: DraftMap;
}

export function importNodes(nodes: readonly NodeInfo[], summary: SummaryBuilder): ImportedNode[] {
  const states = { paused: [] as string[], down: [] as string[] };
  let visibleMemory = 0;
  const result = nodes.map((node): ImportedNode => {
    const cores = within(sum(node.processors.map((cpu) => cpu.cores)), 1, MAX_CORES, MESSAGES.cores({ node: node.name }), summary);
    const speeds = node.processors.flatMap((cpu) => (cpu.maxClockMHz !== undefined && cpu.maxClockMHz > 0 ? [cpu.maxClockMHz] : []));
    const speed = within(speeds.length > 0 ? Math.max(...speeds) : undefined, 1, MAX_SPEED_MHZ, MESSAGES.clockSpeed({ node: node.name }), summary);
    const sockets = within(node.processors.length > 0 ? node.processors.length : node.sockets, 1, MAX_SOCKETS, MESSAGES.sockets({ node: node.name }), summary);
    const installed = node.physicalMemoryCapacity !== undefined && node.physicalMemoryCapacity > 0 ? node.physicalMemoryCapacity : undefined;
    const memoryBytes = within(installed ?? node.totalPhysicalMemory, MIB, MAX_MEMORY_BYTES, MESSAGES.memory({ node: node.name }), summary);
    if (memoryBytes !== undefined && installed === undefined) visibleMemory += 1;
    if (cores === undefined || speed === undefined || memoryBytes === undefined) {
      const noProcessors = cores === undefined || speed === undefined;
      const noMemory = memoryBytes === undefined;
      const down = node.state === 'Down';
      const data = { node: node.name };
      summary.warn(
        noProcessors && noMemory
          ? (down ? MESSAGES.downNoProcessorsOrMemory(data) : MESSAGES.noProcessorsOrMemory(data))
          : noProcessors
            ? (down ? MESSAGES.downNoProcessors(data) : MESSAGES.noProcessors(data))
            : (down ? MESSAGES.downNoMemory(data) : MESSAGES.noMemory(data)),
      );
    }
    const state = hostState(node, summary);
    if (state === 'maintenance') states.paused.push(node.name);
    if (state === 'disconnected') states.down.push(node.name);
    const model = [node.manufacturer, node.model].filter((part) => part !== undefined).join(' ');
    return {
      node,
      release: releaseOf(node.osCaption, node.osBuild),
      fields: {
        model: model === '' ? undefined : model,
        edition: editionOf(node.osCaption),
        state,
        cpu:
          cores === undefined && speed === undefined
            ? undefined
            : { sockets: sockets === undefined ? undefined : Math.round(sockets), cores: cores === undefined ? undefined : Math.round(cores), speed: speed === undefined ? undefined : frequencyText(speed), vendor: cpuVendor(node.processors.map((cpu) => `${cpu.manufacturer ?? ''} ${cpu.name ?? ''}`).join(' ')) },
        memory: memoryBytes === undefined ? undefined : dataText(memoryBytes / MIB),
      },
    };
  });
  const paused = formatList(states.paused);
  if (states.paused.length > 0) summary.inferred(states.paused.length === 1 ? MESSAGES.pausedOne({ nodes: paused }) : MESSAGES.pausedMany({ count: grouped(states.paused.length), nodes: paused }));
  const down = formatList(states.down);
  if (states.down.length > 0) summary.inferred(states.down.length === 1 ? MESSAGES.downOne({ nodes: down }) : MESSAGES.downMany({ count: grouped(states.down.length), nodes: down }));
  if (visibleMemory > 0) summary.inferred(visibleMemory === 1 ? MESSAGES.visibleMemoryOne({}) : MESSAGES.visibleMemoryMany({ count: grouped(visibleMemory) }));
  return result;
}

/** Up is the default (connected); Paused is maintenance; Down is disconnected; Joining and Unknown say nothing. */
function hostState(node: NodeInfo, summary: SummaryBuilder): string | undefined {
  switch (node.state?.toLowerCase()) {
    case undefined:
    case 'up':
      return undefined;
    case 'paused':
      return 'maintenance';
    case 'down':
      return 'disconnected';
    default:
      summary.warn(MESSAGES.otherState({ node: node.name, state: node.state ?? '' }));
      return undefined;
  }
}

/** Build numbers of Windows Server releases (Hyper-V is part of the OS, so its version is the OS's). */
const BUILDS: ReadonlyArray<readonly [number, string]> = [
  [26100, '2025'],
  [20348, '2022'],
  [17763, '2019'],
  [14393, '2016'],
  [9600, '2012 R2'],
  [9200, '2012'],
  [7600, '2008 R2'],
];

/** "Microsoft Windows Server 2022 Datacenter" -> "2022"; "... 2012 R2 Standard" -> "2012 R2"; else from the build. */
export function releaseOf(caption: string | undefined, build: string | undefined): string | undefined {
  const match = caption === undefined ? null : /windows server (\d{4})(\s+r2)?\b/i.exec(caption);
  if (match) return `${match[1] ?? ''}${match[2] ? ' R2' : ''}`;
  const number = build === undefined ? NaN : Number.parseInt(build, 10);
  if (!Number.isFinite(number)) return undefined;
  return BUILDS.find(([from]) => number >= from && number < from + 1000)?.[1];
}

function editionOf(caption: string | undefined): string | undefined {
  const match = caption === undefined ? null : /\b(datacenter|standard)\b/i.exec(caption);
  return match ? `${(match[1] ?? '').charAt(0).toUpperCase()}${(match[1] ?? '').slice(1).toLowerCase()}` : undefined;
}

function cpuVendor(text: string): 'intel' | 'amd' | undefined {
  if (/intel/i.test(text)) return 'intel';
  if (/\bamd\b|authenticamd/i.test(text)) return 'amd';
  return undefined;
}

function sum(values: ReadonlyArray<number | undefined>): number | undefined {
  const known = values.filter((value): value is number => value !== undefined && value > 0);
  return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0);
}
