/**
 * VMs from vInfo, with reservations from vCPU and vMemory. Templates and SRM placeholders
 * are not VMs that run and are left out (counted); powered-off and suspended VMs keep their
 * state; an FT secondary is folded into its primary as `protection: ft` with its host.
 */

import type { DraftElement } from '../emit';
import { dataText, frequencyText } from '../quantities';
import type { SummaryBuilder } from '../summary';
import { restartPriority } from './clusters';
import { VCPU, VINFO, VINFO_NETWORK_HEADERS, VMEMORY } from './columns';
import type { Row, RvtoolsTabs } from './tabs';
import { grouped } from '../../text/plural';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.rvtools.vms', {
  noVinfo: 'no VM can be imported',
  templatesOne: '1 template left out: templates do not run',
  templatesMany: '{count} templates left out: templates do not run',
  placeholdersOne: '1 SRM placeholder VM left out: they stand for VMs protected at another site',
  placeholdersMany: '{count} SRM placeholder VMs left out: they stand for VMs protected at another site',
  secondariesOne: '1 FT secondary VM folded into their primaries (protection: ft, secondaryHost)',
  secondariesMany: '{count} FT secondary VMs folded into their primaries (protection: ft, secondaryHost)',
  hostNotInVhost: 'vInfo row {row}: VM "{vm}" runs on host "{host}", which is not in vHost; left out',
  noMemory: 'vInfo row {row}: VM "{vm}" has no memory size; the design reports it',
  datastoreNotInVdatastore: 'vInfo row {row}: VM "{vm}" is on datastore "{datastore}", which is not in vDatastore',
  noHostOne: '1 VM on hosts missing from vHost were left out',
  noHostMany: '{count} VMs on hosts missing from vHost were left out',
  overridesOne: 'per-VM HA isolation response overrides (1 VM): the format keeps the isolation response per cluster',
  overridesMany: 'per-VM HA isolation response overrides ({count} VMs): the format keeps the isolation response per cluster',
  noVcpu: 'CPU reservations are not known (HA counts none)',
  noVmemory: 'memory reservations are not known (HA counts none)',
});

export interface VmsInput {
  readonly tabs: RvtoolsTabs;
  readonly summary: SummaryBuilder;
  readonly hostId: (name: string) => string | undefined;
  readonly datastoreIds: ReadonlyMap<string, string>;
  /** Each VM row's id (allocated by the caller in name order). */
  readonly vmIds: ReadonlyMap<Row, string>;
}

/** The VM rows that become VMs: no templates, no SRM placeholders, no FT secondaries. */
export interface VmRows {
  readonly rows: readonly Row[];
  /** FT secondaries by VM name: their host. */
  readonly secondaries: ReadonlyMap<string, string>;
}

export function readVmRows(tabs: RvtoolsTabs, summary: SummaryBuilder): VmRows {
  const rows: Row[] = [];
  const secondaries = new Map<string, string>();
  let templates = 0;
  let placeholders = 0;
  for (const row of tabs.rows('vInfo', VINFO, MESSAGES.noVinfo({}), true)) {
    if (row.text('vm') === undefined) continue;
    if (row.boolean('template') === true) templates += 1;
    else if (row.boolean('srmPlaceholder') === true) placeholders += 1;
    else if (isSecondary(row)) secondaries.set(row.text('vm') ?? '', row.text('host') ?? '');
    else rows.push(row);
  }
  if (templates > 0) summary.inferred(templates === 1 ? MESSAGES.templatesOne({}) : MESSAGES.templatesMany({ count: grouped(templates) }));
  if (placeholders > 0) summary.inferred(placeholders === 1 ? MESSAGES.placeholdersOne({}) : MESSAGES.placeholdersMany({ count: grouped(placeholders) }));
  if (secondaries.size > 0) summary.inferred(secondaries.size === 1 ? MESSAGES.secondariesOne({}) : MESSAGES.secondariesMany({ count: grouped(secondaries.size) }));
  return { rows, secondaries };
}

/** FT Role 2 and above is a secondary; RVTools writes the role as a number. */
function isSecondary(row: Row): boolean {
  const role = row.number('ftRole');
  return role !== undefined && role >= 2;
}

export function importVms(input: VmsInput, vmRows: VmRows): Map<string, DraftElement> {
  const { summary } = input;
  const reservations = readReservations(input.tabs);
  const vms = new Map<string, DraftElement>();
  let noHost = 0;
  let overrides = 0;
  for (const row of vmRows.rows) {
    const name = row.text('vm') ?? '';
    const id = input.vmIds.get(row);
    const hostName = row.text('host');
    const host = hostName === undefined ? undefined : input.hostId(hostName);
    if (id === undefined || vms.has(id)) continue;
    if (host === undefined) {
      noHost += 1;
      summary.warn(MESSAGES.hostNotInVhost({ row: String(row.line), vm: name, host: hostName ?? '' }));
      continue;
    }
    const memory = row.number('memoryMiB');
    if (memory === undefined) summary.warn(MESSAGES.noMemory({ row: String(row.line), vm: name }));
    const reservation = reservations.get(joinKey(row)) ?? reservations.get(nameKey(row));
    const datastoreName = datastoreOfPath(row.text('path'));
    const datastore = datastoreName === undefined ? undefined : input.datastoreIds.get(datastoreName);
    const secondaryName = vmRows.secondaries.get(name);
    const ft = secondaryName !== undefined || /^(running|needsecondary|starting)$/i.test(row.text('ftState') ?? '');
    const secondaryHost = secondaryName === undefined ? undefined : input.hostId(secondaryName);
    if (row.text('isolationResponse') !== undefined && !/^cluster/i.test(row.text('isolationResponse') ?? '')) overrides += 1;
    const networks = VINFO_NETWORK_HEADERS.flatMap((header) => row.cellText(header) ?? []);
    vms.set(id, {
      value: {
        host,
        cpus: row.number('cpus'),
        memory: memory === undefined ? undefined : dataText(memory),
        reservation:
          reservation === undefined || (reservation.cpuMHz === 0 && reservation.memoryMiB === 0)
            ? undefined
            : { cpu: reservation.cpuMHz ? frequencyText(reservation.cpuMHz) : undefined, memory: reservation.memoryMiB ? dataText(reservation.memoryMiB) : undefined },
        datastore,
        restartPriority: restartPriority(row.text('restartPriority')),
        power: powerOf(row.text('power')),
        protection: ft ? 'ft' : undefined,
        secondaryHost,
        vnics: row.number('nics'),
        networks: networks.length > 0 ? [...new Set(networks)] : undefined,
      },
      comment: id === name ? undefined : `"${name}"`,
    });
    if (datastoreName !== undefined && datastore === undefined) summary.warn(MESSAGES.datastoreNotInVdatastore({ row: String(row.line), vm: name, datastore: datastoreName }));
  }
  if (noHost > 0) summary.warn(noHost === 1 ? MESSAGES.noHostOne({}) : MESSAGES.noHostMany({ count: grouped(noHost) }));
  if (overrides > 0) summary.missing(overrides === 1 ? MESSAGES.overridesOne({}) : MESSAGES.overridesMany({ count: grouped(overrides) }));
  return vms;
}

/** "[ds-01] web01/web01.vmx" -> "ds-01". */
export function datastoreOfPath(path: string | undefined): string | undefined {
  const match = path === undefined ? null : /^\[([^\]]+)\]/.exec(path.trim());
  return match?.[1]?.trim() || undefined;
}

function powerOf(text: string | undefined): 'off' | 'suspended' | undefined {
  const state = text?.toLowerCase();
  if (state === 'poweredoff' || state === 'off') return 'off';
  if (state === 'suspended') return 'suspended';
  return undefined;
}

interface Reservation {
  cpuMHz: number;
  memoryMiB: number;
}

/** CPU and memory reservations by VM, joined on server and VM ID where both tabs have them, else on the name. */
function readReservations(tabs: RvtoolsTabs): Map<string, Reservation> {
  const result = new Map<string, Reservation>();
  const entry = (row: Row) => {
    const keys = [joinKey(row), nameKey(row)];
    const found = keys.map((key) => result.get(key)).find((r) => r !== undefined);
    const reservation = found ?? { cpuMHz: 0, memoryMiB: 0 };
    for (const key of keys) result.set(key, reservation);
    return reservation;
  };
  for (const row of tabs.rows('vCPU', VCPU, MESSAGES.noVcpu({}))) entry(row).cpuMHz = row.number('reservationMHz') ?? 0;
  for (const row of tabs.rows('vMemory', VMEMORY, MESSAGES.noVmemory({}))) entry(row).memoryMiB = row.number('reservationMiB') ?? 0;
  return result;
}

function joinKey(row: Row): string {
  const id = row.text('vmId') ?? row.text('uuid');
  return id === undefined ? nameKey(row) : `id\u0000${(row.text('server') ?? '').toLowerCase()}\u0000${id}`;
}

function nameKey(row: Row): string {
  return `name\u0000${row.text('vm') ?? ''}\u0000${row.text('host') ?? ''}`;
}
