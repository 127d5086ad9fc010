import { effectiveRestartPriority, priorityRank } from '../../../domain/restart-priority';
import { formatQuantity } from '../../../model/units';
import { defineMessages } from '../../../l10n/messages';
import { grouped } from '../../../text/plural';
import type { AnalysisRule } from '../../rule';
import { quotedList } from '../storage/common';

const HIGH = priorityRank('high');

const MESSAGES = defineMessages('async-only-critical', {
  oneVm: '1 VM of high or highest restart priority ({vms}) is on datastore "{datastore}", which only an asynchronous copy on "{mirror}" protects: losing "{array}" means a recovery step and {rpo} of lost writes.',
  manyVms: '{count} VMs of high or highest restart priority ({vms}) are on datastore "{datastore}", which only an asynchronous copy on "{mirror}" protects: losing "{array}" means a recovery step and {rpo} of lost writes.',
  rpoUnknown: 'an RPO the design does not state',
  rpoOf: 'an RPO of {duration}',
  priority: '"{vm}" has restart priority {priority}',
});

/** The restart priorities as people read them (the file's values). */
const PRIORITY_NAMES = defineMessages('async-only-critical.priorities', {
  disabled: 'disabled',
  lowest: 'lowest',
  low: 'low',
  medium: 'medium',
  high: 'high',
  highest: 'highest',
});

/** VMs whose restart priority says they matter, on storage that only an asynchronous copy protects. */
export const asyncOnlyCritical: AnalysisRule = {
  meta: {
    id: 'async-only-critical',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Important VMs protected only by an asynchronous copy',
      description:
        'An asynchronous copy (`mirror.mode: async`) lags its primary by up to the recovery point objective, and it serves only after a recovery step: someone declares the disaster, the copy is promoted and the VMs are registered and started from it (a Site Recovery Manager or vSphere Replication recovery, a Hyper-V Replica or Storage Replica failover). So when the primary array or its site is lost, these VMs are down for the recovery time and lose up to the RPO of writes, whatever HA does. That is a sound design for most workloads, not for the ones whose restart priority is high or highest. This rule reports, per datastore, the VMs of priority high or above whose disks are on an asynchronously copied datastore; put them on a synchronously mirrored datastore, or protect them in the application (a guest cluster, database replication).',
      sources: [
        'docs/design/sources.md#vsphere-replication-rpo — the RPO bounds the data lost in a recovery',
        'docs/design/sources.md#srm-recovery — a recovery after an unplanned event may lose data; it is a procedure that is run',
      ],
    },
  },
  reads: ['clusters', 'hosts', 'datastores', 'vms'],
  *check({ topology }) {
    for (const datastore of topology.datastores) {
      const mirror = datastore.mirror;
      if (mirror?.mode !== 'async' || datastore.array === undefined || mirror.array === datastore.array) continue;
      const important = topology.vms.flatMap((vm) => {
        if (vm.datastore !== datastore.id && !(vm.sharedDisks ?? []).includes(datastore.id)) return [];
        const host = topology.host(vm.host);
        const priority = effectiveRestartPriority(vm, host ? topology.clusterOfHost(host) : undefined);
        return priorityRank(priority) >= HIGH ? [{ vm, priority }] : [];
      });
      if (important.length === 0) continue;
      const vms = important.map((entry) => entry.vm);
      const rpo = mirror.rpoSeconds === undefined ? MESSAGES.rpoUnknown({}) : MESSAGES.rpoOf({ duration: formatQuantity(mirror.rpoSeconds, 'duration') });
      const data = { vms: quotedList(vms.map((vm) => vm.id)), datastore: datastore.id, mirror: mirror.array, array: datastore.array, rpo };
      yield {
        message: vms.length === 1 ? MESSAGES.oneVm(data) : MESSAGES.manyVms({ ...data, count: grouped(vms.length) }),
        range: datastore.idRange,
        elementIds: [datastore.id, ...vms.map((vm) => vm.id)],
        related: important.slice(0, 20).map(({ vm, priority }) => ({ message: MESSAGES.priority({ vm: vm.id, priority: PRIORITY_NAMES[priority]({}) }), range: vm.idRange })),
      };
    }
  },
};
