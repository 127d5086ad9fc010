/**
 * A guest's configuration (/etc/pve/nodes/<node>/qemu-server/<vmid>.conf or lxc/<vmid>.conf,
 * as the inventory script copies it: a list of its lines; or the object `pvesh get
 * /nodes/<node>/qemu/<vmid>/config` returns): its disks and the storages that hold them,
 * its network devices and whether it is a template. Only the current configuration is
 * read: the sections after it (snapshots, pending changes) are not.
 */

import type { SummaryBuilder } from '../summary';
import { naturalCompare } from '../../text/natural-order';
import { describe, entriesOf, isObject } from './values';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.proxmox.config', {
  notAConfiguration: '{where}: the configuration is {found}, not a list of lines or an object; left out',
});

export interface GuestDisk {
  /** The config key: scsi0, virtio1, efidisk0, rootfs, mp0. */
  readonly key: string;
  /** The storage id before the colon of "local-lvm:vm-100-disk-0"; undefined for a host path. */
  readonly storage?: string;
  /** A host device or directory (disk pass-through, container bind mount). */
  readonly hostPath?: string;
}

export interface GuestConfig {
  readonly name?: string;
  /** Disks, the boot disk first, then by key. CD-ROM drives and unused disks are not disks here. */
  readonly disks: readonly GuestDisk[];
  /** net0, net1, ... */
  readonly nics: number;
  readonly template: boolean;
  /** Whether a container limits its cores (without, it may use every CPU of its node). */
  readonly coresSet: boolean;
}

const QEMU_DISK = /^(?:ide|sata|scsi|virtio)\d+$|^efidisk\d+$|^tpmstate\d+$/;
const LXC_DISK = /^rootfs$|^mp\d+$/;

export function parseGuestConfig(value: unknown, type: 'qemu' | 'lxc', where: string, summary: SummaryBuilder): GuestConfig | undefined {
  const entries = configEntries(value);
  if (entries === undefined) {
    summary.warn(MESSAGES.notAConfiguration({ where, found: describe(value) }));
    return undefined;
  }
  const config = new Map<string, string>();
  for (const [key, text] of entries) if (!config.has(key)) config.set(key, text);
  const diskKey = type === 'qemu' ? QEMU_DISK : LXC_DISK;
  const disks: GuestDisk[] = [];
  for (const [key, text] of [...config].sort(([a], [b]) => naturalCompare(a, b))) {
    if (!diskKey.test(key)) continue;
    const [volume = '', ...options] = text.split(',');
    if (options.some((option) => option.trim() === 'media=cdrom') || volume === 'none' || volume === '') continue;
    const match = /^([A-Za-z][A-Za-z0-9._-]*):(.+)$/.exec(volume.trim());
    disks.push(match ? { key, storage: match[1] } : { key, hostPath: volume.trim() });
  }
  const order = bootOrder(config);
  const rank = (disk: GuestDisk) => (order.includes(disk.key) ? order.indexOf(disk.key) : order.length);
  disks.sort((a, b) => rank(a) - rank(b));
  return {
    name: config.get(type === 'qemu' ? 'name' : 'hostname'),
    disks,
    nics: [...config.keys()].filter((key) => /^net\d+$/.test(key)).length,
    template: config.get('template') === '1',
    coresSet: config.has('cores') || config.has('cpulimit'),
  };
}

/** Key and value pairs: from lines "key: value" up to the first section header, or from an object. */
function configEntries(value: unknown): Array<[string, string]> | undefined {
  if (isObject(value)) {
    return entriesOf(value).flatMap(([key, field]): Array<[string, string]> => (typeof field === 'string' || typeof field === 'number' ? [[key, String(field)]] : []));
  }
  if (!Array.isArray(value)) return undefined;
  const entries: Array<[string, string]> = [];
  for (const line of value) {
    if (typeof line !== 'string') continue;
    if (line.startsWith('[')) break;
    const match = /^([A-Za-z][A-Za-z0-9_-]*):\s*(.*)$/.exec(line.trim());
    if (match) entries.push([match[1] ?? '', (match[2] ?? '').trim()]);
  }
  return entries;
}

/** The boot order of "boot: order=scsi0;ide2;net0", or the legacy "bootdisk: scsi0"; rootfs first for a container. */
function bootOrder(config: ReadonlyMap<string, string>): string[] {
  if (config.has('rootfs')) return ['rootfs'];
  const order = /(?:^|,)order=([^,]+)/.exec(config.get('boot') ?? '')?.[1];
  if (order !== undefined) return order.split(';').map((device) => device.trim());
  const legacy = config.get('bootdisk');
  return legacy === undefined ? [] : [legacy];
}
