import type { AnalysisRule } from '../../rule';
import { managementVms } from '../../../domain/management';
import { haFieldEdit } from './ha-settings-edit';
import { defineMessages } from '../../../l10n/messages';
import { listWithMore, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('ha-disabled', {
  oneVm: 'Cluster "{cluster}" has HA disabled but runs {count} powered-on VM ({vms}) so nothing restarts them when their host fails: they stay down until someone starts them by hand. Enable HA.',
  manyVms: 'Cluster "{cluster}" has HA disabled but runs {count} powered-on VMs ({vms}) so nothing restarts them when their host fails: they stay down until someone starts them by hand. Enable HA.',
  oneVmWithManagement: 'Cluster "{cluster}" has HA disabled but runs {count} powered-on VM ({vms}), among them the {management}, so nothing restarts them when their host fails: they stay down until someone starts them by hand. Enable HA.',
  manyVmsWithManagement: 'Cluster "{cluster}" has HA disabled but runs {count} powered-on VMs ({vms}), among them the {management}, so nothing restarts them when their host fails: they stay down until someone starts them by hand. Enable HA.',
  managementVm: '{part} "{vm}"',
  both: '{first} and {second}',
  namedHere: 'named as the {part} here',
  enableHa: 'Enable HA on cluster "{cluster}"',
});

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
  reads: ['management', 'clusters', 'hosts', 'vms'],
  *check({ topology, text }) {
    const management = managementVms(topology);
    for (const cluster of topology.clusters) {
      if (cluster.ha.enabled !== false) continue;
      const hosts = topology.hostsInCluster(cluster.id);
      if (hosts.length < 2) continue;
      const running = hosts.flatMap((host) => topology.vmsOnHost(host.id)).filter((vm) => (vm.power ?? 'on') === 'on');
      if (running.length === 0) continue;
      const vms = listWithMore(running.slice(0, NAMED_VMS).map((vm) => quoteId(vm.id)), NAMED_VMS, running.length);
      const managed = management.filter((m) => running.includes(m.vm));
      const managementNames = managed.map((m) => MESSAGES.managementVm({ part: m.part, vm: m.vm.id }));
      const data = { cluster: cluster.id, count: running.length, vms };
      const [first, ...rest] = managementNames;
      // A management server and its database at most: two VMs.
      const managementNamed = first === undefined ? undefined : rest.reduce((list, next) => MESSAGES.both({ first: list, second: next }), first);
      const message =
        managementNamed === undefined
          ? (running.length === 1 ? MESSAGES.oneVm : MESSAGES.manyVms)(data)
          : (running.length === 1 ? MESSAGES.oneVmWithManagement : MESSAGES.manyVmsWithManagement)({ ...data, management: managementNamed });
      yield {
        message,
        range: cluster.ha.source.fields.enabled?.value ?? cluster.idRange,
        elementIds: [cluster.id, ...running.map((vm) => vm.id)],
        related: managed.map((m) => ({ message: MESSAGES.namedHere({ part: m.part }), range: m.range })),
        fixes: [{ title: MESSAGES.enableHa({ cluster: cluster.id }), edits: [haFieldEdit(text, cluster, 'enabled', 'true')], preferred: true }],
      };
    }
  },
};
