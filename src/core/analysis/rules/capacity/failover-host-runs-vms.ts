import { clusterResources, haClusters, type ClusterResources } from '../../../capacity/resources';
import { setField } from '../../../edit/yaml-edits';
import type { QuickFix } from '../../../model/report';
import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';

const MESSAGES = defineMessages('failover-host-runs-vms', {
  runs: 'VM "{vm}" runs on "{host}", a dedicated failover host of cluster "{cluster}": vSphere refuses to power on or migrate VMs there, and what it uses is no longer free for failover.',
  failoverHost: 'host "{host}" is a dedicated failover host',
  move: 'Move "{vm}" to "{target}" (most free memory)',
});

/** A dedicated failover host must be empty until a failure. */
export const failoverHostRunsVms: AnalysisRule = {
  meta: {
    id: 'failover-host-runs-vms',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'VM placed on a dedicated failover host',
      description:
        'With the dedicated failover hosts admission control policy, the named hosts are kept empty so that HA can restart failed hosts\' VMs there first; vSphere refuses to power on or migrate VMs onto them (docs/design/algorithms.md#13-dedicated-failover-hosts). A design that places a running VM on one is either not what will run, or eats the capacity the policy reserves for failover. The VM sprawl and HA planning handbook (docs/design/sources.md#seed-002) recommends designated failover servers precisely because they stand by empty. The quick fix moves the VM to the connected host of the cluster with the most free memory (by configured size); or remove the host from `failoverHosts`.',
      sources: ['docs/design/sources.md#vsphere-availability — dedicated failover hosts admission control', 'docs/design/algorithms.md#13-dedicated-failover-hosts', 'docs/design/sources.md#seed-002 — designated failover servers'],
    },
  },
  reads: ['clusters', 'hosts', 'vms'],
  *check({ topology, text }) {
    for (const cluster of haClusters(topology)) {
      const admission = cluster.ha.admissionControl;
      if (admission.policy !== 'failover-hosts') continue;
      const failoverHostIds = new Set(admission.failoverHosts ?? []);
      if (failoverHostIds.size === 0) continue;
      const target = hostWithMostFreeMemory(clusterResources(topology, cluster), failoverHostIds);
      for (const hostId of failoverHostIds) {
        const host = topology.host(hostId);
        if (!host || topology.clusterOfHost(host)?.id !== cluster.id) continue;
        for (const vm of topology.vmsOnHost(hostId)) {
          if (vm.power === 'off') continue;
          const hostValue = vm.source.fields.host?.value ?? vm.idRange;
          const fixes: QuickFix[] = target
            ? [{ title: MESSAGES.move({ vm: vm.id, target }), edits: [setField(text, vm.source, 'host', target)], preferred: true }]
            : [];
          yield {
            message: MESSAGES.runs({ vm: vm.id, host: hostId, cluster: cluster.id }),
            range: hostValue,
            elementIds: [vm.id, hostId, cluster.id],
            related: [{ message: MESSAGES.failoverHost({ host: hostId }), range: host.idRange }],
            fixes,
          };
        }
      }
    }
  },
};

/** The connected non-failover host with the most memory left by the configured size of its powered-on VMs. */
function hostWithMostFreeMemory(resources: ClusterResources, failoverHostIds: ReadonlySet<string>): string | undefined {
  const usedMB = new Map<string, number>();
  for (const vm of resources.vms) usedMB.set(vm.hostId, (usedMB.get(vm.hostId) ?? 0) + vm.configuredMemoryMB);
  let best: { hostId: string; freeMB: number } | undefined;
  for (const host of resources.hosts) {
    if (failoverHostIds.has(host.hostId)) continue;
    const freeMB = host.memoryMB - (usedMB.get(host.hostId) ?? 0);
    if (!best || freeMB > best.freeMB) best = { hostId: host.hostId, freeMB };
  }
  return best?.hostId;
}
