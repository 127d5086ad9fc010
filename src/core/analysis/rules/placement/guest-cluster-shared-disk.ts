import type { QuickFix } from '../../../model/report';
import type { AnalysisRule } from '../../rule';
import { fieldEdit, flowList } from './common';
import { guestClusterNodes } from './guest-cluster-nodes';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('guest-cluster-shared-disk', {
  setSharedDisk: 'Set sharedDisk of "{guestCluster}" to "{disk}", which every node attaches',
  noSharedDisk: 'Failover guest cluster "{guestCluster}" has no shared disk: its nodes have no common quorum and data disk, so the application cannot move to a surviving node (docs/design/sources.md#seed-001-guest-cluster-table).',
  localOfHost: 'Shared disk "{disk}" of failover guest cluster "{guestCluster}" is local storage of host "{host}": nodes on other hosts cannot reach it, and it is lost with its host. Put it on the SAN.',
  local: 'Shared disk "{disk}" of failover guest cluster "{guestCluster}" is local storage: nodes on other hosts cannot reach it, and it is lost with its host. Put it on the SAN.',
  datastoreLocal: 'datastore "{disk}" is local',
  notAttached: 'VM "{vm}" is a node of failover guest cluster "{guestCluster}" but does not attach its shared disk "{disk}": it cannot take over the clustered application.',
  sharedDiskOf: 'shared disk of "{guestCluster}"',
  addDisk: 'Add "{disk}" to the shared disks of "{vm}"',
});

/** A failover guest cluster needs one disk every node reaches: its quorum and data (docs/design/sources.md#seed-001-guest-cluster-table). */
export const guestClusterSharedDisk: AnalysisRule = {
  meta: {
    id: 'guest-cluster-shared-disk',
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      title: 'Failover guest cluster without a reachable shared disk',
      description:
        'A Windows failover cluster runs stateful applications (SQL Server, Exchange, file and print) whose data lives on a disk every node can reach; the surviving node takes the disk over when its partner fails. The HA strategies handbook\'s guest cluster table (docs/design/sources.md#seed-001-guest-cluster-table) requires a shared iSCSI disk for failover guest clusters. A cluster without one cannot fail over; a shared disk on one host\'s local storage is lost with that host; a node that does not attach the disk cannot take over. Name the disk in the guest cluster\'s `sharedDisk`, put it on the SAN, and list it in every node\'s `sharedDisks` (quick fixes add the missing entries).',
      sources: ['docs/design/sources.md#seed-001-guest-cluster-table — failover clusters need a shared iSCSI disk', 'docs/design/sources.md#ms-failover-clustering-requirements — shared storage'],
    },
  },
  reads: ['datastores', 'vms', 'guestClusters'],
  *check(context) {
    const { topology } = context;
    for (const guestCluster of topology.guestClusters) {
      if (guestCluster.type !== 'failover') continue;
      const nodes = guestClusterNodes(topology, guestCluster);
      if (guestCluster.sharedDisk === undefined) {
        const [firstNode, ...otherNodes] = nodes;
        const common = (firstNode?.sharedDisks ?? []).filter((disk) => otherNodes.every((vm) => vm.sharedDisks?.includes(disk)) && topology.datastore(disk));
        const fixes: QuickFix[] = [];
        const disk = common[0];
        const edit = disk === undefined ? undefined : fieldEdit(context, guestCluster.source, 'sharedDisk', disk);
        if (disk !== undefined && edit) fixes.push({ title: MESSAGES.setSharedDisk({ guestCluster: guestCluster.id, disk }), edits: [edit], preferred: true });
        yield {
          message: MESSAGES.noSharedDisk({ guestCluster: guestCluster.id }),
          range: guestCluster.idRange,
          elementIds: [guestCluster.id, ...nodes.map((vm) => vm.id)],
          fixes,
        };
        continue;
      }
      const disk = topology.datastore(guestCluster.sharedDisk);
      if (!disk) continue;
      const diskRange = guestCluster.source.fields.sharedDisk?.value ?? guestCluster.idRange;
      if (topology.isLocalDatastore(disk)) {
        yield {
          message: disk.host ? MESSAGES.localOfHost({ disk: disk.id, guestCluster: guestCluster.id, host: disk.host }) : MESSAGES.local({ disk: disk.id, guestCluster: guestCluster.id }),
          range: diskRange,
          elementIds: [guestCluster.id, disk.id],
          related: [{ message: MESSAGES.datastoreLocal({ disk: disk.id }), range: disk.idRange }],
        };
      }
      for (const vm of nodes) {
        if (vm.sharedDisks?.includes(disk.id)) continue;
        const edit = fieldEdit(context, vm.source, 'sharedDisks', flowList([...(vm.sharedDisks ?? []), disk.id]));
        yield {
          message: MESSAGES.notAttached({ vm: vm.id, guestCluster: guestCluster.id, disk: disk.id }),
          range: vm.source.fields.sharedDisks?.value ?? vm.source.fields.guestCluster?.value ?? vm.idRange,
          elementIds: [vm.id, guestCluster.id, disk.id],
          related: [{ message: MESSAGES.sharedDiskOf({ guestCluster: guestCluster.id }), range: diskRange }],
          fixes: edit ? [{ title: MESSAGES.addDisk({ disk: disk.id, vm: vm.id }), edits: [edit], preferred: true }] : [],
        };
      }
    }
  },
};
