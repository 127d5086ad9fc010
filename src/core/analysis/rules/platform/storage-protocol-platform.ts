import { defineMessages } from '../../../l10n/messages';
import { PLATFORM_NAMES } from '../../../model/limits';
import type { Datastore, Topology } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { protocolReason, protocolVerdict } from './storage-protocols';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('storage-protocol-platform', {
  unsupported: 'Datastore "{id}" is {protocol} on a {platform} design: {reason}. {affected}.',
});

/** What a datastore's VMs are called in the messages of both storage protocol rules. */
const AFFECTED = defineMessages('storage-protocol-platform.affected', {
  none: 'no VM uses it yet',
  some: 'VMs on it: {vms}',
  more: 'VMs on it: {vms} and {more} more',
});

/** VM ids per datastore, for naming what a bad datastore affects. */
export function vmsByDatastore(topology: Topology): ReadonlyMap<string, readonly string[]> {
  const byDatastore = new Map<string, string[]>();
  for (const vm of topology.vms) {
    if (vm.datastore === undefined) continue;
    const list = byDatastore.get(vm.datastore);
    if (list) list.push(vm.id);
    else byDatastore.set(vm.datastore, [vm.id]);
  }
  return byDatastore;
}

export function affected(vms: readonly string[] | undefined): string {
  if (!vms || vms.length === 0) return AFFECTED.none({});
  const named = vms.slice(0, 5).map((id) => quoteId(id)).join(listSeparator());
  return vms.length > 5 ? AFFECTED.more({ vms: named, more: vms.length - 5 }) : AFFECTED.some({ vms: named });
}

/** Only a protocol the file states is judged: the default (vmfs) is vSphere's, not a claim. */
export function statedProtocol(datastore: Datastore): boolean {
  return datastore.source.fields.protocol !== undefined;
}

/** A datastore type the platform cannot run VMs from (Hyper-V on NFS, vSphere on SMB). */
export const storageProtocolPlatform: AnalysisRule = {
  meta: {
    id: 'storage-protocol-platform',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Datastore protocol the platform cannot run VMs from',
      description:
        'Not every hypervisor runs VMs from every kind of storage. The HA strategies handbook (docs/design/sources.md#seed-001) states that Hyper-V host clusters need SAN (FC) or iSCSI block storage, not NFS, while VMware and Citrix also accept NFS; today Hyper-V clusters use Cluster Shared Volumes on block storage or SMB 3 shares, and vSphere uses VMFS, NFS or vSAN but not SMB. A VM placed on such a datastore cannot be registered in the cluster, so HA and live migration cannot protect it. Present the storage as a block LUN (CSV for Hyper-V, VMFS for vSphere) or as a protocol the platform supports. The table of verdicts is data (rules/platform/storage-protocols.ts).',
      sources: ['docs/design/sources.md#seed-001 — storage per hypervisor: Hyper-V needs FC or iSCSI block storage, not NFS', 'docs/design/sources.md#ms-hyperv-storage — CSV, SMB 3', 'docs/design/sources.md#vsphere-storage — datastore types'],
    },
  },
  reads: ['platform', 'datastores', 'vms'],
  *check({ topology }) {
    let vms: ReadonlyMap<string, readonly string[]> | undefined;
    for (const datastore of topology.datastores) {
      if (!statedProtocol(datastore)) continue;
      const verdict = protocolVerdict(topology.platform, datastore.protocol);
      if (verdict?.kind !== 'unsupported') continue;
      vms ??= vmsByDatastore(topology);
      const users = vms.get(datastore.id) ?? [];
      yield {
        message: MESSAGES.unsupported({ id: datastore.id, protocol: datastore.protocol.toUpperCase(), platform: PLATFORM_NAMES[topology.platform], reason: protocolReason(verdict), affected: affected(users) }),
        range: datastore.source.fields.protocol?.value ?? datastore.idRange,
        elementIds: [datastore.id, ...users],
      };
    }
  },
};
