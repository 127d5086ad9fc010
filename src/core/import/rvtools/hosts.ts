/**
 * Hosts from vHost, and their physical adapters from vHBA and vNIC: PCI functions of one
 * card (0000:3b:00.0 and 0000:3b:00.1) become the ports of one adapter, because a card
 * fails, hangs and is replaced as one piece. Local controllers and the software iSCSI
 * initiator are not physical storage adapters of the SAN and are left out (counted).
 */

import { collection, type DraftElement, type DraftMap } from '../emit';
import { bandwidthText, dataText, frequencyText } from '../quantities';
import type { SummaryBuilder } from '../summary';
import { naturalCompare } from '../../text/natural-order';
import { VHBA, VHOST, VNIC } from './columns';
import type { Row, RvtoolsTabs } from './tabs';
import { grouped } from '../../text/plural';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.rvtools.hosts', {
  noVhost: 'no host can be imported',
  noCpu: 'vHost row {row}: host "{host}" has no core count or CPU speed; the design reports it',
  noMemory: 'vHost row {row}: host "{host}" has no memory size; the design reports it',
  maintenanceOne: '1 host in maintenance mode keeps state: maintenance, so HA counts no capacity on them',
  maintenanceMany: '{count} hosts in maintenance mode keep state: maintenance, so HA counts no capacity on them',
  cpuFamily: 'CPU family of each host from its maximum EVC mode (vHost "Max EVC"), so mixed generations show',
  noVhba: 'hosts get no storage adapters, so adapter redundancy is not checked',
  noVnic: 'hosts get no network adapters',
  localOne: '1 local storage controller (vHBA types other than Fibre Channel and iSCSI) left out: they carry no SAN path',
  localMany: '{count} local storage controllers (vHBA types other than Fibre Channel and iSCSI) left out: they carry no SAN path',
  softwareOne: '1 software iSCSI initiator left out as adapters: their paths run over the host\'s NICs (paths are kept per bound VMkernel port)',
  softwareMany: '{count} software iSCSI initiators left out as adapters: their paths run over the host\'s NICs (paths are kept per bound VMkernel port)',
  downOne: '1 NIC port report speed 0 (no link); written without a speed',
  downMany: '{count} NIC ports report speed 0 (no link); written without a speed',
  cards: 'PCI functions of one card (same domain:bus:device) grouped into one adapter: a dual-port card is one failure domain',
});

export interface ImportedHost {
  readonly name: string;
  readonly id: string;
  /** Cluster key (server and cluster name), when the host is in a cluster. */
  readonly clusterKey?: string;
  /** "8.0" from "VMware ESXi 8.0.2 build-22380479". */
  readonly version?: string;
  /** The EVC mode in effect (vHost "Current EVC"): set only when the host's cluster has EVC on. */
  readonly currentEvc?: string;
  readonly fields: DraftMap;
  /** Ids of its adapters (vmhba2, vmnic0), under the host. */
  readonly adapterIds: readonly string[];
  /** The host's NIC ports (vNIC), by device: what the LAN import (network.ts) makes uplinks of. */
  readonly nics: ReadonlyMap<string, ImportedNic>;
}

/** A NIC port of vNIC, with the virtual switch it is an uplink of. */
export interface ImportedNic {
  readonly device: string;
  /** Full port id: host/adapter/port, the adapter named after the card's first device. */
  readonly portId: string;
  /** vNIC "Switch": the standard or distributed switch the port is an uplink of. */
  readonly switchName?: string;
  /** vNIC "Uplink port": the distributed switch's uplink name the port fills ("Uplink 1"). */
  readonly uplinkName?: string;
  /** vNIC "VI SDK Server": the vCenter, which scopes distributed switch names. */
  readonly server?: string;
}

export interface HostsInput {
  readonly tabs: RvtoolsTabs;
  readonly summary: SummaryBuilder;
  /** Host name to its id (allocated by the caller in name order). */
  readonly hostIds: ReadonlyMap<string, string>;
  readonly clusterKey: (server: string | undefined, cluster: string) => string;
}

interface AdapterFunction {
  readonly device: string;
  readonly card: string;
  readonly type: 'fc' | 'iscsi' | 'cna' | 'ethernet';
  readonly model?: string;
  readonly port: DraftMap;
  /** A NIC's switch, uplink name and vCenter (vNIC). */
  readonly nic?: Pick<ImportedNic, 'switchName' | 'uplinkName' | 'server'>;
}

interface HostAdapters {
  readonly adapters: Map<string, DraftElement>;
  readonly nics: Map<string, ImportedNic>;
}

export function readHostRows(tabs: RvtoolsTabs): Row[] {
  return tabs.rows('vHost', VHOST, MESSAGES.noVhost({}), true);
}

export function importHosts(input: HostsInput, rows: readonly Row[]): ImportedHost[] {
  const { summary, hostIds } = input;
  const adapters = readAdapters(input);
  const hosts: ImportedHost[] = [];
  let maintenance = 0;
  for (const row of rows) {
    const name = row.text('host');
    const id = name === undefined ? undefined : hostIds.get(name);
    if (name === undefined || id === undefined) continue;
    const cluster = row.text('cluster');
    const sockets = row.number('sockets');
    const cores = row.number('cores') ?? (sockets !== undefined ? mul(sockets, row.number('coresPerSocket')) : undefined);
    const speed = row.number('speedMHz');
    const memory = row.number('memoryMiB');
    if (cores === undefined || speed === undefined) summary.warn(MESSAGES.noCpu({ row: String(row.line), host: name }));
    if (memory === undefined) summary.warn(MESSAGES.noMemory({ row: String(row.line), host: name }));
    const inMaintenance = row.boolean('maintenance') === true;
    if (inMaintenance) maintenance += 1;
    const evc = row.text('maxEvc');
    const cpuModel = row.text('cpuModel');
    const model = [row.text('vendor'), row.text('model')].filter((part) => part !== undefined).join(' ');
    const hostAdapters = adapters.get(name);
    const nics = new Map([...(hostAdapters?.nics.values() ?? [])].map((nic) => [nic.device, { ...nic, portId: `${id}/${nic.portId}` }]));
    hosts.push({
      name,
      id,
      clusterKey: cluster === undefined ? undefined : input.clusterKey(row.text('server'), cluster),
      version: versionOf(row.text('version')),
      currentEvc: row.text('currentEvc')?.toLowerCase(),
      fields: {
        model: model === '' ? undefined : model,
        edition: editionOf(row.text('license')),
        state: inMaintenance ? 'maintenance' : undefined,
        cpu: cores === undefined && speed === undefined ? undefined : {
          sockets,
          cores,
          speed: speed === undefined ? undefined : frequencyText(speed),
          vendor: cpuVendor(cpuModel),
          family: evc !== undefined && /^(intel|amd)-/i.test(evc) ? evc.toLowerCase() : undefined,
        },
        memory: memory === undefined ? undefined : dataText(memory),
        adapters: hostAdapters === undefined ? undefined : collection(hostAdapters.adapters),
      },
      adapterIds: [...(hostAdapters?.adapters.keys() ?? [])],
      nics,
    });
  }
  if (maintenance > 0) summary.inferred(maintenance === 1 ? MESSAGES.maintenanceOne({}) : MESSAGES.maintenanceMany({ count: grouped(maintenance) }));
  if (rows.some((row) => row.text('maxEvc') !== undefined)) summary.inferred(MESSAGES.cpuFamily({}));
  return hosts;
}

/**
 * Adapters of every host, by host name: cards in the order of their first device, ports by
 * device; and its NICs, whose port ids are relative to the host (adapter/port).
 */
function readAdapters(input: HostsInput): Map<string, HostAdapters> {
  const { tabs, summary } = input;
  const functions = new Map<string, AdapterFunction[]>();
  const add = (host: string, fn: AdapterFunction) => {
    const list = functions.get(host);
    if (list) list.push(fn);
    else functions.set(host, [fn]);
  };
  let local = 0;
  let software = 0;
  for (const row of tabs.rows('vHBA', VHBA, MESSAGES.noVhba({}))) {
    const host = row.text('host');
    const device = row.text('device');
    if (host === undefined || device === undefined) continue;
    const type = hbaType(row.text('type'), row.text('driver'));
    if (type === 'local') {
      local += 1;
      continue;
    }
    if (type === 'software-iscsi') {
      software += 1;
      continue;
    }
    const address = lastWwn(row.text('wwn'));
    add(host, { device, card: cardOf(row.text('pci'), device), type, model: row.text('model'), port: { address } });
  }
  let down = 0;
  for (const row of tabs.rows('vNIC', VNIC, MESSAGES.noVnic({}))) {
    const host = row.text('host');
    const device = row.text('device');
    if (host === undefined || device === undefined) continue;
    const speed = row.number('speedMbps');
    if (speed === 0) down += 1;
    add(host, {
      device,
      card: cardOf(row.text('pci'), device),
      type: 'ethernet',
      port: { speed: speed !== undefined && speed > 0 ? bandwidthText(speed) : undefined, address: row.text('mac') },
      nic: { switchName: row.text('vswitch'), uplinkName: row.text('uplinkPort'), server: row.text('server') },
    });
  }
  if (local > 0) summary.inferred(local === 1 ? MESSAGES.localOne({}) : MESSAGES.localMany({ count: grouped(local) }));
  if (software > 0) summary.inferred(software === 1 ? MESSAGES.softwareOne({}) : MESSAGES.softwareMany({ count: grouped(software) }));
  if (down > 0) summary.warn(down === 1 ? MESSAGES.downOne({}) : MESSAGES.downMany({ count: grouped(down) }));
  if ([...functions.values()].some((list) => new Set(list.map((fn) => fn.card)).size < list.length)) {
    summary.inferred(MESSAGES.cards({}));
  }
  const result = new Map<string, HostAdapters>();
  for (const [host, list] of functions) {
    const cards = new Map<string, AdapterFunction[]>();
    for (const fn of [...list].sort((a, b) => naturalCompare(a.device, b.device))) {
      const key = `${fn.type}\u0000${fn.card}`;
      const card = cards.get(key);
      if (card) card.push(fn);
      else cards.set(key, [fn]);
    }
    const adapters = new Map<string, DraftElement>();
    const nics = new Map<string, ImportedNic>();
    for (const card of cards.values()) {
      const [first] = card;
      if (!first) continue;
      const ports = new Map<string, DraftElement>(card.map((fn) => [fn.device, { value: fn.port }]));
      adapters.set(first.device, { value: { type: first.type, model: first.model, ports: collection(ports) } });
      for (const fn of card) if (fn.nic && !nics.has(fn.device)) nics.set(fn.device, { device: fn.device, portId: `${first.device}/${fn.device}`, ...fn.nic });
    }
    result.set(host, { adapters, nics });
  }
  return result;
}

/** RVTools vHBA "Type" (and the driver, for iSCSI) as an adapter type. */
function hbaType(type: string | undefined, driver: string | undefined): AdapterFunction['type'] | 'local' | 'software-iscsi' {
  const text = (type ?? '').toLowerCase();
  if (text.includes('fcoe')) return 'cna';
  if (text.includes('fibre') || text === 'fc') return 'fc';
  if (text.includes('iscsi')) return (driver ?? '').toLowerCase() === 'iscsi_vmk' ? 'software-iscsi' : 'iscsi';
  return 'local';
}

/** "0000:3b:00.1" -> "0000:3b:00": functions of one PCI device; without an address each device is its own card. */
function cardOf(pci: string | undefined, device: string): string {
  const match = pci === undefined ? null : /^([0-9a-f]{4}:)?([0-9a-f]{2}:[0-9a-f]{2})\.[0-9a-f]$/i.exec(pci.trim());
  return match ? `${(match[1] ?? '0000:').toLowerCase()}${(match[2] ?? '').toLowerCase()}` : `device:${device}`;
}

/** The port WWN of "20:00:00:24:ff:3d:fa:6c 21:00:00:24:ff:3d:fa:6c" (node WWN first, port WWN last). */
function lastWwn(wwn: string | undefined): string | undefined {
  const groups = wwn?.toLowerCase().match(/[0-9a-f]{2}(:[0-9a-f]{2}){7}|[0-9a-f]{16}/g);
  const last = groups?.at(-1);
  if (last === undefined) return undefined;
  const compact = last.replace(/:/g, '');
  return compact.match(/../g)?.join(':');
}

function versionOf(text: string | undefined): string | undefined {
  const match = text === undefined ? null : /(\d+)\.(\d+)(\.\d+)?/.exec(text);
  return match ? `${match[1] ?? ''}.${match[2] ?? ''}` : undefined;
}

/** "VMware vSphere 8 Enterprise Plus" -> "Enterprise Plus"; evaluation licences say nothing. */
function editionOf(license: string | undefined): string | undefined {
  if (license === undefined || /evaluation/i.test(license)) return undefined;
  const edition = license
    .replace(/^vmware\s+/i, '')
    .replace(/^vsphere\s+(\d+\s+)?/i, '')
    .replace(/\s+for\s+.*$/i, '')
    .trim();
  return edition === '' ? undefined : edition;
}

function cpuVendor(model: string | undefined): 'intel' | 'amd' | undefined {
  if (model === undefined) return undefined;
  if (/intel/i.test(model)) return 'intel';
  if (/amd/i.test(model)) return 'amd';
  return undefined;
}

function mul(a: number, b: number | undefined): number | undefined {
  return b === undefined ? undefined : a * b;
}
