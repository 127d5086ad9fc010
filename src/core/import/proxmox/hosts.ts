/**
 * Nodes to hosts: CPU sockets, cores and clock from /nodes/{node}/status (cpuinfo), memory
 * from its memory.total or /cluster/resources' maxmem, the state from the cluster's view
 * (offline: disconnected; HA maintenance mode: maintenance) and the release from pveversion.
 * A node that was offline when the inventory was taken has no status: its memory is the
 * last maxmem the cluster kept, and its CPU is taken from an online node with the same
 * number of logical CPUs when every such node has the same CPU; otherwise it is left out.
 */

import type { DraftMap } from '../emit';
import { dataText, frequencyText } from '../quantities';
import type { SummaryBuilder } from '../summary';
import type { ProxmoxInventory, PveNode } from './inventory';
import { grouped } from '../../text/plural';
import { formatList } from '../../l10n/format';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.proxmox.hosts', {
  clockFromModelOne: 'CPU clock of 1 node from the nominal frequency in the CPU model name ("@ 2.50GHz")',
  clockFromModelMany: 'CPU clock of {count} nodes from the nominal frequency in the CPU model name ("@ 2.50GHz")',
  clockMeasuredOne: 'CPU clock of 1 node ({nodes}) is cpuinfo\'s "mhz", the clock of the first CPU when the inventory was taken: power management may have raised or lowered it; state the nominal clock if it differs',
  clockMeasuredMany: 'CPU clock of {count} nodes ({nodes}) is cpuinfo\'s "mhz", the clock of the first CPU when the inventory was taken: power management may have raised or lowered it; state the nominal clock if it differs',
  peerComment: 'offline when the inventory was taken: CPU as {peer}\'s (same {cpus} logical CPUs)',
  peerCpu: 'node "{node}" was offline: its CPU is taken as that of "{peer}", which has the same number of logical CPUs ({cpus}) as the cluster last saw on it',
  unknownCpuComment: 'offline when the inventory was taken: CPU not known',
  unknownCpu: 'node "{node}" was offline when the inventory was taken: its CPU is not known and no online node has the same number of logical CPUs; the design reports it, state it by hand',
  noCpuinfo: 'nodes: {node}: status has no usable cpuinfo (cores and clock); the design reports it',
  noStatus: 'node "{node}" has no status in the inventory (the script could not reach it?): its CPU is not known; the design reports it',
  noMemory: 'node "{node}" has no memory size; the design reports it',
  offlineOne: '1 node offline when the inventory was taken ({nodes}) written as state: disconnected: HA counts no capacity on them',
  offlineMany: '{count} nodes offline when the inventory was taken ({nodes}) written as state: disconnected: HA counts no capacity on them',
  maintenanceOne: '1 node in HA maintenance mode ({nodes}) written as state: maintenance',
  maintenanceMany: '{count} nodes in HA maintenance mode ({nodes}) written as state: maintenance',
});

export interface ImportedHost {
  readonly name: string;
  readonly id: string;
  /** "8.2" from "pve-manager/8.2.4/faa83925c9641325". */
  readonly version?: string;
  /** "8.2.4". */
  readonly fullVersion?: string;
  readonly fields: DraftMap;
  readonly comment?: string;
}

interface Cpu {
  readonly sockets?: number;
  readonly cores: number;
  readonly speedMHz: number;
  readonly vendor?: 'intel' | 'amd';
  /** Logical CPUs (threads). */
  readonly threads?: number;
  readonly model?: string;
}

const MIB = 1024 * 1024;

export function importHosts(inventory: ProxmoxInventory, hostIds: ReadonlyMap<string, string>, summary: SummaryBuilder): ImportedHost[] {
  const cpus = new Map<string, Cpu>();
  const clockFromModel: string[] = [];
  const clockMeasured: string[] = [];
  for (const node of inventory.nodes.values()) {
    const cpu = readCpu(node);
    if (cpu === undefined) continue;
    cpus.set(node.name, cpu.cpu);
    (cpu.fromModel ? clockFromModel : clockMeasured).push(node.name);
  }
  if (clockFromModel.length > 0) summary.inferred(clockFromModel.length === 1 ? MESSAGES.clockFromModelOne({}) : MESSAGES.clockFromModelMany({ count: grouped(clockFromModel.length) }));
  const measured = formatList(clockMeasured.slice(0, 3));
  if (clockMeasured.length > 0) summary.inferred(clockMeasured.length === 1 ? MESSAGES.clockMeasuredOne({ nodes: measured }) : MESSAGES.clockMeasuredMany({ count: grouped(clockMeasured.length), nodes: measured }));

  const hosts: ImportedHost[] = [];
  const disconnected: string[] = [];
  const maintenance: string[] = [];
  for (const node of inventory.nodes.values()) {
    const id = hostIds.get(node.name);
    if (id === undefined) continue;
    let cpu = cpus.get(node.name);
    let comment: string | undefined;
    if (cpu === undefined && node.status === undefined && node.online === false) {
      const peer = peerCpu(node, cpus);
      if (peer !== undefined) {
        cpu = peer.cpu;
        comment = MESSAGES.peerComment({ peer: peer.name, cpus: String(node.maxcpu ?? 0) });
        summary.inferred(MESSAGES.peerCpu({ node: node.name, peer: peer.name, cpus: String(node.maxcpu ?? 0) }));
      } else {
        comment = MESSAGES.unknownCpuComment({});
        if (cpus.size > 0) summary.warn(MESSAGES.unknownCpu({ node: node.name }));
      }
    } else if (cpu === undefined && inventory.form === 'inventory' && node.status !== undefined) {
      summary.warn(MESSAGES.noCpuinfo({ node: node.name }));
    } else if (cpu === undefined && inventory.form === 'inventory' && node.online !== false) {
      summary.warn(MESSAGES.noStatus({ node: node.name }));
    }
    const memoryBytes = node.status?.fields('memory', `nodes: ${node.name}: status.memory`)?.number('total') ?? node.maxmem;
    if (memoryBytes === undefined || memoryBytes < MIB) summary.warn(MESSAGES.noMemory({ node: node.name }));
    const state = node.maintenance ? 'maintenance' : node.online === false ? 'disconnected' : undefined;
    if (state === 'disconnected') disconnected.push(node.name);
    if (state === 'maintenance') maintenance.push(node.name);
    const version = versionOf(node.status?.text('pveversion'));
    hosts.push({
      name: node.name,
      id,
      version: version?.short,
      fullVersion: version?.full,
      fields: {
        state,
        cpu: cpu === undefined ? undefined : { sockets: cpu.sockets, cores: cpu.cores, speed: frequencyText(cpu.speedMHz), vendor: cpu.vendor },
        memory: memoryBytes === undefined || memoryBytes < MIB ? undefined : dataText(memoryBytes / MIB),
      },
      comment: comment ?? (id === node.name ? undefined : node.name),
    });
  }
  const offline = formatList(disconnected);
  if (disconnected.length > 0) summary.inferred(disconnected.length === 1 ? MESSAGES.offlineOne({ nodes: offline }) : MESSAGES.offlineMany({ count: grouped(disconnected.length), nodes: offline }));
  const inMaintenance = formatList(maintenance);
  if (maintenance.length > 0) summary.inferred(maintenance.length === 1 ? MESSAGES.maintenanceOne({ nodes: inMaintenance }) : MESSAGES.maintenanceMany({ count: grouped(maintenance.length), nodes: inMaintenance }));
  return hosts;
}

function readCpu(node: PveNode): { cpu: Cpu; fromModel: boolean } | undefined {
  const info = node.status?.fields('cpuinfo', `nodes: ${node.name}: status.cpuinfo`);
  if (info === undefined) return undefined;
  const cores = info.number('cores');
  const model = info.text('model');
  const nominal = model === undefined ? undefined : /@\s*(\d+(?:\.\d+)?)\s*GHz/i.exec(model)?.[1];
  const mhz = nominal !== undefined ? Math.round(Number(nominal) * 1000) : info.number('mhz');
  if (cores === undefined || !Number.isInteger(cores) || cores < 1 || mhz === undefined || mhz <= 0) return undefined;
  const sockets = info.number('sockets');
  return {
    cpu: {
      sockets: sockets !== undefined && Number.isInteger(sockets) && sockets >= 1 ? sockets : undefined,
      cores,
      speedMHz: mhz,
      vendor: model === undefined ? undefined : /intel/i.test(model) ? 'intel' : /amd/i.test(model) ? 'amd' : undefined,
      threads: info.number('cpus'),
      model,
    },
    fromModel: nominal !== undefined,
  };
}

/** The CPU of the online nodes with as many logical CPUs as an offline node had, when they all agree. */
function peerCpu(node: PveNode, cpus: ReadonlyMap<string, Cpu>): { name: string; cpu: Cpu } | undefined {
  if (node.maxcpu === undefined) return undefined;
  const peers = [...cpus].filter(([, cpu]) => cpu.threads === node.maxcpu);
  const [first] = peers;
  if (first === undefined) return undefined;
  const same = (a: Cpu, b: Cpu) => a.sockets === b.sockets && a.cores === b.cores && a.speedMHz === b.speedMHz && a.model === b.model;
  return peers.every(([, cpu]) => same(cpu, first[1])) ? { name: first[0], cpu: first[1] } : undefined;
}

function versionOf(text: string | undefined): { short: string; full: string } | undefined {
  const match = text === undefined ? null : /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.replace(/^pve-manager\//, ''));
  if (!match) return undefined;
  const short = `${match[1] ?? ''}.${match[2] ?? ''}`;
  return { short, full: match[3] === undefined ? short : `${short}.${match[3]}` };
}
