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
import { counted } from '../../text/plural';

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
    const label = `${guest.type === 'lxc' ? 'CT' : 'VM'} ${guest.vmid}`;
    const host = input.hostIds.get(guest.node);
    if (host === undefined) {
      summary.warn(`${label} is on node "${guest.node}", which is not in the cluster; left out`);
      continue;
    }
    const memory = guest.maxmem !== undefined && guest.maxmem >= MIB ? dataText(guest.maxmem / MIB) : undefined;
    if (memory === undefined) summary.warn(`${label}${guest.name === undefined ? '' : ` (${JSON.stringify(guest.name)})`} has no memory size; the design reports it`);
    const cpus = guest.maxcpu !== undefined && guest.maxcpu >= 1 ? Math.round(guest.maxcpu) : undefined;
    if (guest.type === 'lxc' && guest.config !== undefined && !guest.config.coresSet) uncappedContainers.push(guest.vmid);

    const disks = (guest.config?.disks ?? []).flatMap((disk) => {
      if (disk.storage === undefined) {
        hostPaths.push(guest.vmid);
        return [];
      }
      const datastore = storage.datastoreOf(disk.storage, guest.node);
      if (datastore === undefined && !storage.known.has(disk.storage)) summary.warn(`${label}: disk ${disk.key} is on storage "${disk.storage}", which the inventory does not list`);
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
    if (status !== undefined && status !== 'running' && status !== 'stopped') unknownPower.push(`${guest.vmid} (${status})`);

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
      comment: `${guest.name !== undefined && guest.name !== id ? `${JSON.stringify(guest.name)}, ` : ''}${label}${ha?.state !== undefined ? `, HA ${ha.state}` : ''}`,
    });
  }
  if (unknownPower.length > 0) summary.warn(`the power state of ${counted(unknownPower.length, 'guest')} is not known (${unknownPower.slice(0, 4).join(', ')}${unknownPower.length > 4 ? ', ...' : ''}), usually because their node is offline: written as powered on`);
  if (severalStorages.length > 0) summary.inferred(`${counted(severalStorages.length, 'guest')} have disks on more than one storage (${severalStorages.slice(0, 4).join(', ')}): the datastore is the local one where any disk is local, since that disk pins the guest to its node, else the boot disk's`);
  if (hostPaths.length > 0) summary.inferred(`${counted(new Set(hostPaths).size, 'guest')} use a host device or directory (disk pass-through, bind mount: ${[...new Set(hostPaths)].slice(0, 4).join(', ')}): not a datastore, so the design does not show that it may tie them to their node`);
  if (uncappedContainers.length > 0) summary.inferred(`${counted(uncappedContainers.length, 'container')} without a core limit (${uncappedContainers.slice(0, 4).join(', ')}) are written with the CPUs /cluster/resources gives them: every logical CPU of their node`);
  if (replicated.length > 0) summary.inferred(`${counted(replicated.length, 'guest')} on local ZFS with a storage replication job (${replicated.slice(0, 4).join(', ')}) written protection: replica with the job's target as secondaryHost: HA can recover them there, losing what was written since the last sync`);
  if (noDisk.length > 0) summary.inferred(`${counted(noDisk.length, 'guest')} have no disk (${noDisk.slice(0, 4).join(', ')}): no datastore`);
  return { vms, poweredOff, recovered };
}
