/**
 * Guests to VMs: QEMU virtual machines and LXC containers alike, with their node, CPUs,
 * memory, power state, the datastore of their disks, whether HA recovers them, and a replica
 * where storage replication keeps a copy of a local ZFS disk on another node. Templates do
 * not run and are left out. The comment keeps the guest's name and its VMID, which is
 * what tells guests of one name apart in Proxmox.
 */

import type { DraftElement } from '../emit';
import { dataText } from '../quantities';
import type { SummaryBuilder } from '../summary';
import { naturalCompare } from '../../text/natural-order';
import type { GuestHa } from './ha';
import type { ProxmoxInventory, PveGuest } from './inventory';
import type { ImportedStorage } from './storage';
import { grouped } from '../../text/plural';
import { formatList } from '../../l10n/format';
import { defineMessages } from '../../l10n/messages';
import { someOf } from '../notes';

const MESSAGES = defineMessages('import.proxmox.vms', {
  ct: 'CT {vmid}',
  vm: 'VM {vmid}',
  unknownNode: '{guest} is on node "{node}", which is not in the cluster; left out',
  noMemory: '{guest} has no memory size; the design reports it',
  noMemoryNamed: '{guest} ({name}) has no memory size; the design reports it',
  unknownStorage: '{guest}: disk {disk} is on storage "{storage}", which the inventory does not list',
  vmidStatus: '{vmid} ({status})',
  commentHa: '{guest}, HA {state}',
  commentNamed: '{name}, {guest}',
  commentNamedHa: '{name}, {guest}, HA {state}',
  unknownPowerOne: 'the power state of 1 guest is not known ({guests}), usually because their node is offline: written as powered on',
  unknownPowerMany: 'the power state of {count} guests is not known ({guests}), usually because their node is offline: written as powered on',
  severalStoragesOne: '1 guest have disks on more than one storage ({guests}): the datastore is the local one where any disk is local, since that disk pins the guest to its node, else the boot disk\'s',
  severalStoragesMany: '{count} guests have disks on more than one storage ({guests}): the datastore is the local one where any disk is local, since that disk pins the guest to its node, else the boot disk\'s',
  hostPathsOne: '1 guest use a host device or directory (disk pass-through, bind mount: {paths}): not a datastore, so the design does not show that it may tie them to their node',
  hostPathsMany: '{count} guests use a host device or directory (disk pass-through, bind mount: {paths}): not a datastore, so the design does not show that it may tie them to their node',
  uncappedOne: '1 container without a core limit ({guests}) are written with the CPUs /cluster/resources gives them: every logical CPU of their node',
  uncappedMany: '{count} containers without a core limit ({guests}) are written with the CPUs /cluster/resources gives them: every logical CPU of their node',
  replicatedOne: '1 guest on local ZFS with a storage replication job ({guests}) written protection: replica with the job\'s target as secondaryHost: HA can recover them there, losing what was written since the last sync',
  replicatedMany: '{count} guests on local ZFS with a storage replication job ({guests}) written protection: replica with the job\'s target as secondaryHost: HA can recover them there, losing what was written since the last sync',
  noDiskOne: '1 guest have no disk ({guests}): no datastore',
  noDiskMany: '{count} guests have no disk ({guests}): no datastore',
});

export interface VmsInput {
  readonly inventory: ProxmoxInventory;
  readonly summary: SummaryBuilder;
  readonly hostIds: ReadonlyMap<string, string>;
  readonly storage: ImportedStorage;
  /** vmid -> VM id (allocated by the caller). */
  readonly vmIds: ReadonlyMap<number, string>;
  readonly ha: ReadonlyMap<number, GuestHa>;
}

export interface ImportedVms {
  readonly vms: Map<string, DraftElement>;
  readonly poweredOff: number;
  /** VMs the HA manager recovers. */
  readonly recovered: number;
}

const MIB = 1024 * 1024;

export function importVms(input: VmsInput, guests: readonly PveGuest[]): ImportedVms {
  const { inventory, summary, storage } = input;
  const vms = new Map<string, DraftElement>();
  let poweredOff = 0;
  let recovered = 0;
  const unknownPower: string[] = [];
  const severalStorages: number[] = [];
  const hostPaths: number[] = [];
  const uncappedContainers: number[] = [];
  const replicated: number[] = [];
  const noDisk: number[] = [];
  for (const guest of guests) {
    const id = input.vmIds.get(guest.vmid);
    if (id === undefined) continue;
    const label = guest.type === 'lxc' ? MESSAGES.ct({ vmid: String(guest.vmid) }) : MESSAGES.vm({ vmid: String(guest.vmid) });
    const host = input.hostIds.get(guest.node);
    if (host === undefined) {
      summary.warn(MESSAGES.unknownNode({ guest: label, node: guest.node }));
      continue;
    }
    const memory = guest.maxmem !== undefined && guest.maxmem >= MIB ? dataText(guest.maxmem / MIB) : undefined;
    if (memory === undefined) summary.warn(guest.name === undefined ? MESSAGES.noMemory({ guest: label }) : MESSAGES.noMemoryNamed({ guest: label, name: JSON.stringify(guest.name) }));
    const cpus = guest.maxcpu !== undefined && guest.maxcpu >= 1 ? Math.round(guest.maxcpu) : undefined;
    if (guest.type === 'lxc' && guest.config !== undefined && !guest.config.coresSet) uncappedContainers.push(guest.vmid);

    const disks = (guest.config?.disks ?? []).flatMap((disk) => {
      if (disk.storage === undefined) {
        hostPaths.push(guest.vmid);
        return [];
      }
      const datastore = storage.datastoreOf(disk.storage, guest.node);
      if (datastore === undefined && !storage.known.has(disk.storage)) summary.warn(MESSAGES.unknownStorage({ guest: label, disk: disk.key, storage: disk.storage }));
      return datastore === undefined ? [] : [{ storage: disk.storage, datastore }];
    });
    if (new Set(disks.map((d) => d.datastore)).size > 1) severalStorages.push(guest.vmid);
    // A disk on local storage pins the guest to its node, whichever disk it is.
    const chosen = disks.find((d) => storage.isLocal(d.storage)) ?? disks[0];
    if (guest.config !== undefined && guest.config.disks.length === 0) noDisk.push(guest.vmid);

    const ha = input.ha.get(guest.vmid);
    const isRecovered = ha?.recovered === true;
    if (isRecovered) recovered += 1;
    const status = guest.status?.toLowerCase();
    const power = status === 'stopped' ? 'off' : undefined;
    if (power === 'off') poweredOff += 1;
    if (status !== undefined && status !== 'running' && status !== 'stopped') unknownPower.push(MESSAGES.vmidStatus({ vmid: String(guest.vmid), status }));

    let secondaryHost: string | undefined;
    if (chosen !== undefined && storage.isLocal(chosen.storage) && storage.localProtocol(chosen.storage) === 'zfs') {
      const targets = (inventory.replication ?? [])
        .filter((job) => job.vmid === guest.vmid && !job.disabled && job.target !== guest.node)
        .flatMap((job) => input.hostIds.get(job.target) ?? [])
        .sort(naturalCompare);
      secondaryHost = targets[0];
      if (secondaryHost !== undefined) replicated.push(guest.vmid);
    }

    vms.set(id, {
      value: {
        host,
        cpus,
        memory,
        datastore: chosen?.datastore,
        restartPriority: isRecovered ? undefined : 'disabled',
        power,
        protection: secondaryHost === undefined ? undefined : 'replica',
        secondaryHost,
        vnics: guest.config?.nics,
      },
      comment: guestComment(label, guest.name !== undefined && guest.name !== id ? JSON.stringify(guest.name) : undefined, ha?.state),
    });
  }
  const firstFour = (items: ReadonlyArray<string | number>) => formatList(items.slice(0, 4).map(String));
  const power = someOf(unknownPower, 4);
  if (unknownPower.length > 0) summary.warn(unknownPower.length === 1 ? MESSAGES.unknownPowerOne({ guests: power }) : MESSAGES.unknownPowerMany({ count: grouped(unknownPower.length), guests: power }));
  if (severalStorages.length > 0) summary.inferred(severalStorages.length === 1 ? MESSAGES.severalStoragesOne({ guests: firstFour(severalStorages) }) : MESSAGES.severalStoragesMany({ count: grouped(severalStorages.length), guests: firstFour(severalStorages) }));
  const paths = [...new Set(hostPaths)];
  if (hostPaths.length > 0) summary.inferred(paths.length === 1 ? MESSAGES.hostPathsOne({ paths: firstFour(paths) }) : MESSAGES.hostPathsMany({ count: grouped(paths.length), paths: firstFour(paths) }));
  if (uncappedContainers.length > 0) summary.inferred(uncappedContainers.length === 1 ? MESSAGES.uncappedOne({ guests: firstFour(uncappedContainers) }) : MESSAGES.uncappedMany({ count: grouped(uncappedContainers.length), guests: firstFour(uncappedContainers) }));
  if (replicated.length > 0) summary.inferred(replicated.length === 1 ? MESSAGES.replicatedOne({ guests: firstFour(replicated) }) : MESSAGES.replicatedMany({ count: grouped(replicated.length), guests: firstFour(replicated) }));
  if (noDisk.length > 0) summary.inferred(noDisk.length === 1 ? MESSAGES.noDiskOne({ guests: firstFour(noDisk) }) : MESSAGES.noDiskMany({ count: grouped(noDisk.length), guests: firstFour(noDisk) }));
  return { vms, poweredOff, recovered };
}

/** A guest's comment in the design: its name when its id differs, what it is, and its HA state. */
function guestComment(guest: string, name: string | undefined, haState: string | undefined): string {
  if (name === undefined) return haState === undefined ? guest : MESSAGES.commentHa({ guest, state: haState });
  return haState === undefined ? MESSAGES.commentNamed({ name, guest }) : MESSAGES.commentNamedHa({ name, guest, state: haState });
}
