/**
 * Which datastore types each platform can run cluster VMs from, as data. Only the cases a
 * reviewer is sure of are listed; any other pair is accepted. Sources: the HA strategies handbook (Hyper-V host
 * clusters need FC or iSCSI block storage, not NFS; VMware and Citrix also accept NFS;
 * docs/design/sources.md#seed-001), vendor storage guides (docs/design/sources.md#ms-hyperv-storage).
 */

import { defineMessages } from '../../../l10n/messages';
import type { Platform } from '../../../model/format';
import type { Datastore } from '../../../model/topology';

export type Protocol = Datastore['protocol'];

export type ProtocolVerdict =
  /** The platform cannot run VMs from it: a design error; `reason` names the text in REASONS. */
  | { readonly kind: 'unsupported'; readonly reason: keyof typeof REASONS }
  /** Another hypervisor's format: most likely the wrong protocol was written. */
  | { readonly kind: 'other-platform'; readonly owner: Platform };

/** Why a platform cannot run VMs from a datastore type, for messages (`protocolReason`). */
const REASONS = defineMessages('platform.storage-protocols', {
  vsphereSmb: 'vSphere datastores are VMFS (FC, iSCSI, local), NFS or vSAN; ESXi cannot run VMs from SMB shares',
  hypervNfs: 'Hyper-V runs clustered VMs from Cluster Shared Volumes on FC or iSCSI block storage, or from SMB 3 shares, not from NFS (docs/design/sources.md#seed-001)',
});

export const PROTOCOL_VERDICTS: Readonly<Record<Platform, Partial<Record<Protocol, ProtocolVerdict>>>> = {
  vsphere: {
    smb: { kind: 'unsupported', reason: 'vsphereSmb' },
    csv: { kind: 'other-platform', owner: 'hyperv' },
    sr: { kind: 'other-platform', owner: 'xenserver' },
    lvm: { kind: 'other-platform', owner: 'proxmox' },
    zfs: { kind: 'other-platform', owner: 'proxmox' },
    ceph: { kind: 'other-platform', owner: 'proxmox' },
  },
  hyperv: {
    nfs: { kind: 'unsupported', reason: 'hypervNfs' },
    vmfs: { kind: 'other-platform', owner: 'vsphere' },
    sr: { kind: 'other-platform', owner: 'xenserver' },
    lvm: { kind: 'other-platform', owner: 'proxmox' },
    zfs: { kind: 'other-platform', owner: 'proxmox' },
    ceph: { kind: 'other-platform', owner: 'proxmox' },
  },
  xenserver: {
    vmfs: { kind: 'other-platform', owner: 'vsphere' },
    csv: { kind: 'other-platform', owner: 'hyperv' },
  },
  proxmox: {
    vmfs: { kind: 'other-platform', owner: 'vsphere' },
    csv: { kind: 'other-platform', owner: 'hyperv' },
    sr: { kind: 'other-platform', owner: 'xenserver' },
  },
};

/** What a platform makes of a datastore protocol; undefined when it is fine. */
export function protocolVerdict(platform: Platform, protocol: Protocol): ProtocolVerdict | undefined {
  return PROTOCOL_VERDICTS[platform][protocol];
}

/** Why the platform cannot run VMs from the datastore type, in the user's language. */
export function protocolReason(verdict: Extract<ProtocolVerdict, { kind: 'unsupported' }>): string {
  return REASONS[verdict.reason]({});
}
