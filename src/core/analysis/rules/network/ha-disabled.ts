import type { AnalysisRule } from '../../rule';
import { managementVms } from '../../../domain/management';
import { haFieldEdit } from './ha-settings-edit';
import { plural } from '../../../text/plural';

/** How many running VMs the message names before it says "and N more". */
const NAMED_VMS = 5;

/** A multi-host cluster with HA turned off that runs VMs: a host failure leaves them down. */
export const haDisabled: AnalysisRule = {
  meta: {
    id: 'ha-disabled',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'HA disabled on a cluster that runs VMs',
      description:
        'With HA turned off (`ha.enabled: false`) nothing restarts the VMs of a failed host: they stay down until an administrator notices and starts them by hand on another host, if capacity and storage access allow, and a host that loses its network is never told apart from a failed one. The rule reports clusters of two or more hosts with HA disabled that run powered-on VMs, naming the management server (vCenter, SCVMM) when it is among them, since then the tool needed to recover is itself unprotected. Enable HA (quick fix: `enabled: true`) and check the failover capacity the analyzer then reports; a cluster that is deliberately unprotected (a lab, a test cluster) can turn this rule off under `analysis: rules:` in its file.',
      sources: ['docs/design/sources.md#vsphere-availability — Creating and Using vSphere HA Clusters', 'https://learn.microsoft.com/en-us/windows-server/failover-clustering/failover-clustering-overview — Microsoft Learn, "Failover clustering overview": clustered roles fail over to other nodes', 'docs/design/sources.md#proxmox-ha-manager'],
    },
  },
  *check({ topology, text }) {
    const management = managementVms(topology);
    for (const cluster of topology.clusters) {
      if (cluster.ha.enabled !== false) continue;
      const hosts = topology.hostsInCluster(cluster.id);
      if (hosts.length < 2) continue;
      const running = hosts.flatMap((host) => topology.vmsOnHost(host.id)).filter((vm) => (vm.power ?? 'on') === 'on');
      if (running.length === 0) continue;
      const named = running.slice(0, NAMED_VMS).map((vm) => `"${vm.id}"`).join(', ');
      const more = running.length > NAMED_VMS ? ` and ${running.length - NAMED_VMS} more` : '';
      const managed = management.filter((m) => running.includes(m.vm));
      const managementNote = managed.length > 0 ? `, among them the ${managed.map((m) => `${m.part} "${m.vm.id}"`).join(' and ')},` : '';
      yield {
        message: `Cluster "${cluster.id}" has HA disabled but runs ${running.length} powered-on ${plural(running.length, 'VM')} (${named}${more})${managementNote} so nothing restarts them when their host fails: they stay down until someone starts them by hand. Enable HA.`,
        range: cluster.ha.source.fields.enabled?.value ?? cluster.idRange,
        elementIds: [cluster.id, ...running.map((vm) => vm.id)],
        related: managed.map((m) => ({ message: `named as the ${m.part} here`, range: m.range })),
        fixes: [{ title: `Enable HA on cluster "${cluster.id}"`, edits: [haFieldEdit(text, cluster, 'enabled', 'true')], preferred: true }],
      };
    }
  },
};
