import { defineMessages } from '../../../l10n/messages';
import { PLATFORM_NAMES } from '../../../model/limits';
import type { AnalysisRule } from '../../rule';
import { affected, statedProtocol, vmsByDatastore } from './storage-protocol-platform';
import { protocolVerdict } from './storage-protocols';

const MESSAGES = defineMessages('storage-protocol-mismatch', {
  otherPlatform: 'Datastore "{id}" is {protocol}, a {owner} format, in a {platform} design; {affected}.',
});

/** A datastore in another hypervisor's format (CSV on vSphere, VMFS on Hyper-V): probably a slip. */
export const storageProtocolMismatch: AnalysisRule = {
  meta: {
    id: 'storage-protocol-mismatch',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Datastore in another platform\'s format',
      description:
        'VMFS is vSphere\'s cluster file system, CSV (Cluster Shared Volumes) is Hyper-V\'s, SRs are XenServer\'s and LVM, ZFS and Ceph pools are Proxmox VE\'s; a datastore of one platform\'s type in another platform\'s design is most likely a mislabelled protocol, or storage the cluster cannot mount. The HA strategies handbook (docs/design/sources.md#seed-001) ties the storage choice to the hypervisor. Correct the datastore\'s `protocol` (or the file\'s `platform`). Only protocols written in the file are judged.',
      sources: ['docs/design/sources.md#seed-001 — storage per hypervisor', 'docs/design/sources.md#vsphere-storage — datastore types (VMFS, NFS)', 'docs/design/sources.md#ms-hyperv-storage — Cluster Shared Volumes', 'docs/design/sources.md#xenserver-ha — storage repositories', 'docs/design/sources.md#proxmox-storage — Proxmox storage types'],
    },
  },
  reads: ['platform', 'datastores', 'vms'],
  *check({ topology }) {
    let vms: ReadonlyMap<string, readonly string[]> | undefined;
    for (const datastore of topology.datastores) {
      if (!statedProtocol(datastore)) continue;
      const verdict = protocolVerdict(topology.platform, datastore.protocol);
      if (verdict?.kind !== 'other-platform') continue;
      vms ??= vmsByDatastore(topology);
      const users = vms.get(datastore.id) ?? [];
      yield {
        message: MESSAGES.otherPlatform({ id: datastore.id, protocol: datastore.protocol.toUpperCase(), owner: PLATFORM_NAMES[verdict.owner], platform: PLATFORM_NAMES[topology.platform], affected: affected(users) }),
        range: datastore.source.fields.protocol?.value ?? datastore.idRange,
        elementIds: [datastore.id, ...users],
      };
    }
  },
};
