/**
 * Which datastore types each platform can run cluster VMs from, as data. Only the cases a
 * reviewer is sure of are listed; any other pair is accepted. Sources: the HA strategies handbook (Hyper-V host
 * clusters need FC or iSCSI block storage, not NFS; VMware and Citrix also accept NFS;
 * docs/design/sources.md#seed-001), vendor storage guides (docs/design/sources.md#ms-hyperv-storage).
 */

import type { Platform } from '../../../model/format';
import type { Datastore } from '../../../model/topology';

export type Protocol = Datastore['protocol'];

export type ProtocolVerdict =
  /** The platform cannot run VMs from it: a design error. */
  | { readonly kind: 'unsupported'; readonly reason: string }
  /** Another hypervisor's format: most likely the wrong protocol was written. */
  | { readonly kind: 'other-platform'; readonly owner: Platform };

const HYPERV_BLOCK = 'Hyper-V runs clustered VMs from Cluster Shared Volumes on FC or iSCSI block storage, or from SMB 3 shares, not from NFS (docs/design/sources.md#seed-001)';

export const PROTOCOL_VERDICTS: Readonly<Record<Platform, Partial<Record<Protocol, ProtocolVerdict>>>> = {
  vsphere: {
    smb: { kind: 'unsupported', reason: 'vSphere datastores are VMFS (FC, iSCSI, local), NFS or vSAN; ESXi cannot run VMs from SMB shares' },
    csv: { kind: 'other-platform', owner: 'hyperv' },
    sr: { kind: 'other-platform', owner: 'xenserver' },
    lvm: { kind: 'other-platform', owner: 'proxmox' },
    zfs: { kind: 'other-platform', owner: 'proxmox' },
    ceph: { kind: 'other-platform', owner: 'proxmox' },
  },
  hyperv: {
    nfs: { kind: 'unsupported', reason: HYPERV_BLOCK },
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
