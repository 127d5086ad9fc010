import type { Report } from '../../../model/report';
import type { Vm } from '../../../model/topology';
import { formatQuantity } from '../../../model/units';
import { lanModelled, lanNetworkOf, networksWithRole } from '../../lan-network';
import type { AnalysisRule } from '../../rule';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator } from '../../../l10n/format';

const MESSAGES = defineMessages('ft-logging-network', {
  runsPrimary: 'the Fault Tolerance primary of VM "{vm}"',
  runsSecondary: 'the Fault Tolerance secondary of VM "{vm}"',
  primaryItem: '"{vm}" (primary)',
  secondaryItem: '"{vm}" (secondary)',
  runsMany: 'Fault Tolerance VMs {vms}',
  ftVm: 'FT VM "{vm}"',
  noNetwork: 'Host "{host}" runs {runs} but has no FT logging network (role ft): vSphere cannot turn Fault Tolerance on without one. Add a VMkernel port with role ft on a dedicated 10 Gbps network.',
  slowNetwork: 'The FT logging network of host "{host}" runs at {speed} at most, below the 10 Gbps that multi-processor Fault Tolerance asks for; the host runs {runs}.',
});

/** vSphere Availability guide, Fault Tolerance requirements (vSphere 6.x+ multi-processor FT): a dedicated 10 Gbit FT logging network. */
const MINIMUM_FT_LOGGING_MBPS = 10_000;

/** A host running an FT primary or secondary without an FT logging network of 10 Gbps. */
export const ftLoggingNetwork: AnalysisRule = {
  meta: {
    id: 'ft-logging-network',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Host running Fault Tolerance VMs without a 10 Gbps FT logging network',
      description:
        'A VM with `protection: ft` runs a primary on its host and a live secondary on `secondaryHost`; the primary streams every input and memory change to the secondary over the FT logging network and waits for its acknowledgement, so that network sets the protected VM\'s speed, and a host without one cannot run FT VMs at all (vSphere refuses to turn FT on: "FT logging NIC is not configured"). Since vSphere 6.0 (multi-processor FT) VMware asks for a dedicated 10 Gbit FT logging network. The rule reports each host that runs an FT primary or secondary and has no network with the `ft` role (a VMkernel port, a port group or ports with that role), and one whose FT logging uplinks are all slower than 10 Gbps. Hosts whose LAN is not modelled (no management network stated) are not judged.',
      sources: ['docs/design/sources.md#vsphere-availability — Fault Tolerance requirements: dedicated 10 Gbit FT logging network', 'docs/design/sources.md#vsphere-networking — VMkernel networking: Fault Tolerance logging traffic'],
    },
  },
  reads: ['platform', 'inventory', 'clusters', 'hosts', 'switches', 'distributedSwitches', 'links', 'vms'],
  *check({ topology }) {
    const lan = lanNetworkOf(topology);
    // Per host, the FT VMs whose primary or secondary it runs, in file order.
    const ftVmsByHost = new Map<string, Vm[]>();
    for (const vm of topology.vms) {
      if (vm.protection !== 'ft' || vm.power === 'off') continue;
      for (const hostId of new Set([vm.host, ...(vm.secondaryHost !== undefined ? [vm.secondaryHost] : [])])) {
        const host = topology.host(hostId);
        if (!host || !topology.clusterOfHost(host)) continue;
        const list = ftVmsByHost.get(hostId) ?? [];
        list.push(vm);
        ftVmsByHost.set(hostId, list);
      }
    }
    for (const host of topology.hosts) {
      const vms = ftVmsByHost.get(host.id);
      if (!vms || !lanModelled(topology, lan, host.id)) continue;
      const primary = (vm: Vm) => vm.host === host.id;
      const runs =
        vms.length === 1 && vms[0]
          ? (primary(vms[0]) ? MESSAGES.runsPrimary : MESSAGES.runsSecondary)({ vm: vms[0].id })
          : MESSAGES.runsMany({ vms: vms.map((vm) => (primary(vm) ? MESSAGES.primaryItem : MESSAGES.secondaryItem)({ vm: vm.id })).join(listSeparator()) });
      const related = vms.map((vm) => ({ message: MESSAGES.ftVm({ vm: vm.id }), range: vm.source.fields.protection?.value ?? vm.idRange }));
      const ft = networksWithRole(lan, host.id, ['ft']);
      if (ft.length === 0) {
        yield {
          message: MESSAGES.noNetwork({ host: host.id, runs }),
          range: host.idRange,
          elementIds: [host.id, ...vms.map((vm) => vm.id)],
          related,
        } satisfies Report;
        continue;
      }
      const speeds = ft.flatMap((network) => network.uplinks.map((uplink) => uplink.speedMbps)).filter((speed): speed is number => speed !== undefined);
      const fastest = Math.max(...speeds);
      if (speeds.length === 0 || fastest >= MINIMUM_FT_LOGGING_MBPS) continue;
      const network = ft[0];
      yield {
        message: MESSAGES.slowNetwork({ host: host.id, speed: formatQuantity(fastest, 'bandwidth'), runs }),
        range: network?.range ?? host.idRange,
        elementIds: [host.id, ...ft.map((n) => n.id), ...vms.map((vm) => vm.id)],
        related,
      } satisfies Report;
    }
  },
};
