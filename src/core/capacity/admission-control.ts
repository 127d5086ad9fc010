/**
 * A cluster's admission control, evaluated by the policy its design names (docs/design/algorithms.md#1-ha-admission-control):
 * the numbers a reviewer reads and whether the configured level is met.
 */

import type { Cluster, Topology } from '../model/topology';
import { failoverHostsPolicy, type FailoverHostsResult } from './failover-hosts';
import { percentagePolicy, type PercentagePolicyResult } from './percentage';
import { carriedFromParts } from '../model/carried';
import { clusterParts, clusterResources, minimumVmCpuMHz, type ClusterResources } from './resources';
import { slotPolicy, type SlotPolicyResult } from './slots';

export type AdmissionControlStatus =
  | { readonly policy: 'slots'; readonly satisfied: boolean; readonly slots: SlotPolicyResult }
  | { readonly policy: 'percentage'; readonly satisfied: boolean; readonly percentage: PercentagePolicyResult }
  | { readonly policy: 'failover-hosts'; readonly satisfied: boolean; readonly failoverHosts: FailoverHostsResult }
  /** Nothing is enforced; the percentages say what the cluster could still spare. */
  | { readonly policy: 'disabled'; readonly satisfied: true; readonly percentage: PercentagePolicyResult };

/**
 * Admission control of one HA cluster; undefined when it has no good host to count. Taken
 * back from the design an edit was made to when the edit left the cluster, its hosts and
 * their VMs alone.
 */
export function admissionControlStatus(topology: Topology, cluster: Cluster): AdmissionControlStatus | undefined {
  return carriedFromParts(topology, 'admission control', cluster.id, clusterParts(topology, cluster), () => {
    const resources = clusterResources(topology, cluster);
    return resources.hosts.length === 0 ? undefined : evaluateAdmissionControl(resources);
  });
}

export function evaluateAdmissionControl(resources: ClusterResources): AdmissionControlStatus {
  const settings = resources.cluster.ha.admissionControl;
  const F = settings.hostFailuresToTolerate;
  switch (settings.policy) {
    case 'slots': {
      const slots = slotPolicy({
        hosts: resources.hosts,
        vms: resources.vms,
        hostFailuresToTolerate: F,
        minimumVmCpuMHz: minimumVmCpuMHz(resources.cluster),
        ...(settings.slotCpuMHz !== undefined ? { slotCpuCapMHz: settings.slotCpuMHz } : {}),
        ...(settings.slotMemoryMB !== undefined ? { slotMemoryCapMB: settings.slotMemoryMB } : {}),
      });
      return { policy: 'slots', satisfied: slots.failoverCapacity >= slots.hostFailuresToTolerate, slots };
    }
    case 'failover-hosts': {
      const failoverHosts = failoverHostsPolicy({
        hosts: resources.hosts,
        vms: resources.vms,
        failoverHostIds: settings.failoverHosts ?? [],
        hostFailuresToTolerate: F,
      });
      return { policy: 'failover-hosts', satisfied: failoverHosts.failoverCapacity >= failoverHosts.hostFailuresToTolerate, failoverHosts };
    }
    case 'percentage': {
      const percentage = percentagePolicy(percentageInput(resources));
      return { policy: 'percentage', satisfied: percentage.satisfied, percentage };
    }
    case 'disabled':
      return { policy: 'disabled', satisfied: true, percentage: percentagePolicy(percentageInput(resources)) };
  }
}

function percentageInput(resources: ClusterResources) {
  const settings = resources.cluster.ha.admissionControl;
  return {
    hosts: resources.hosts,
    vms: resources.vms,
    hostFailuresToTolerate: settings.hostFailuresToTolerate,
    ...(settings.cpuPercent !== undefined ? { cpuPercent: settings.cpuPercent } : {}),
    ...(settings.memoryPercent !== undefined ? { memoryPercent: settings.memoryPercent } : {}),
  };
}
