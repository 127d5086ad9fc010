import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';
import { listSeparator } from '../../../l10n/format';

/** Roles that must not share a port with iSCSI: everything that is not storage traffic. */
const NON_STORAGE_ROLES = new Set(['management', 'vmotion', 'vm', 'heartbeat', 'ft', 'replication']);

const MESSAGES = defineMessages('iscsi-shared-network', {
  port: 'Port "{port}" of host "{host}" carries iSCSI together with {roles} traffic: put iSCSI on ports of its own.',
  vmkernelPort: 'VMkernel port "{vmk}" of host "{host}" carries iSCSI together with {roles} traffic: give iSCSI VMkernel ports of their own.',
  uplink: 'Uplink "{uplink}" of host "{host}" carries iSCSI (VMkernel port "{iscsiVmk}") and {roles} (VMkernel port "{vmk}"): put iSCSI on ports of its own.',
  uses: 'iSCSI VMkernel port "{vmk}" uses {uplink}',
});

/** iSCSI on its own network (docs/design/domain.md#rule-12-separate-networks, the HA strategies handbook (docs/design/sources.md#seed-001)). */
export const iscsiSharedNetwork: AnalysisRule = {
  meta: {
    id: 'iscsi-shared-network',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'iSCSI sharing a port with other traffic',
      description:
        'Storage traffic that shares a port with VM, management or vMotion traffic competes with it: a vMotion or a busy VM network adds latency to every disk I/O of every VM on the host, and a storage network that VMs can reach is exposed to them. The HA strategies handbook (docs/design/sources.md#seed-001) and the vSphere storage guidance put iSCSI on its own network (docs/design/domain.md#rule-12-separate-networks). The rule reports a host port, or a VMkernel port, whose roles combine iscsi with management, vmotion, vm, heartbeat, ft or replication, and a physical port that is the uplink of both an iSCSI VMkernel port and a VMkernel port for other traffic. Give iSCSI dedicated ports (and switches or at least VLANs). Converged designs that isolate iSCSI by VLAN and guarantee its bandwidth (QoS, DCB) may lower this rule to info.',
      sources: ['docs/design/sources.md#seed-001 — iSCSI traffic on its own network', 'docs/design/domain.md#rule-12-separate-networks', 'docs/design/sources.md#vsphere-storage — iSCSI networking best practices (separate network for storage)'],
    },
  },
  reads: ['hosts'],
  *check({ topology }) {
    for (const host of topology.hosts) {
      const flaggedPorts = new Set<string>();
      for (const adapter of host.adapters) {
        for (const port of adapter.ports) {
          const roles = port.roles ?? [];
          const others = roles.filter((r) => NON_STORAGE_ROLES.has(r));
          if (!roles.includes('iscsi') || others.length === 0) continue;
          flaggedPorts.add(port.id);
          yield {
            message: MESSAGES.port({ port: port.id, host: host.id, roles: others.join(listSeparator()) }),
            range: port.source.fields.roles?.value ?? port.idRange,
            elementIds: [host.id, port.id],
          };
        }
      }
      const iscsiVmkByUplink = new Map<string, string>();
      for (const vmk of host.vmkernelPorts) {
        if (!vmk.roles.includes('iscsi')) continue;
        for (const uplink of [...vmk.active, ...vmk.standby]) if (!iscsiVmkByUplink.has(uplink)) iscsiVmkByUplink.set(uplink, vmk.id);
        const others = vmk.roles.filter((r) => NON_STORAGE_ROLES.has(r));
        if (others.length === 0) continue;
        yield {
          message: MESSAGES.vmkernelPort({ vmk: vmk.id, host: host.id, roles: others.join(listSeparator()) }),
          range: vmk.source.fields.roles?.value ?? vmk.idRange,
          elementIds: [host.id, vmk.id],
        };
      }
      for (const vmk of host.vmkernelPorts) {
        if (vmk.roles.includes('iscsi')) continue;
        const others = vmk.roles.filter((r) => NON_STORAGE_ROLES.has(r));
        if (others.length === 0) continue;
        for (const uplink of [...vmk.active, ...vmk.standby]) {
          const iscsiVmk = iscsiVmkByUplink.get(uplink);
          if (iscsiVmk === undefined || flaggedPorts.has(uplink)) continue;
          flaggedPorts.add(uplink);
          const iscsiVmkElement = host.vmkernelPorts.find((v) => v.id === iscsiVmk);
          yield {
            message: MESSAGES.uplink({ uplink, host: host.id, iscsiVmk, roles: others.join(listSeparator()), vmk: vmk.id }),
            range: vmk.source.fields[vmk.active.includes(uplink) ? 'active' : 'standby']?.value ?? vmk.idRange,
            elementIds: [host.id, uplink, iscsiVmk, vmk.id],
            related: iscsiVmkElement ? [{ message: MESSAGES.uses({ vmk: iscsiVmk, uplink }), range: iscsiVmkElement.source.fields.active?.value ?? iscsiVmkElement.idRange }] : [],
          };
        }
      }
    }
  },
};
