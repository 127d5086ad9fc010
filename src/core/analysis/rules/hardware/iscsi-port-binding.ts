import { defineMessages } from '../../../l10n/messages';
import type { QuickFix } from '../../../model/report';
import type { AnalysisRule } from '../../rule';
import { setField } from '../../../edit/yaml-edits';
import { listSeparator } from '../../../l10n/format';

const MESSAGES = defineMessages('iscsi-port-binding', {
  noActive: 'iSCSI VMkernel port "{vmk}" has no active uplink: bind it to exactly one physical NIC port.',
  manyActive: 'iSCSI VMkernel port "{vmk}" has {count} active uplinks ({uplinks}): port binding needs exactly one; give each uplink its own VMkernel port.',
  standby: 'iSCSI VMkernel port "{vmk}" has standby uplink(s) {uplinks}: a bound iSCSI port must have none; multipathing across VMkernel ports, not NIC teaming, handles a NIC failure.',
  removeStandby: 'Remove the standby uplinks of "{vmk}"',
  sharedUplink: 'iSCSI VMkernel ports "{first}" and "{second}" share uplink {uplink}: their paths fail together with that NIC port; bind each VMkernel port to a different physical NIC.',
  boundTo: '"{vmk}" is bound to {uplink}',
});

/** iSCSI port binding: each bound VMkernel port rides exactly one physical NIC of its own. */
export const iscsiPortBinding: AnalysisRule = {
  meta: {
    id: 'iscsi-port-binding',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'iSCSI VMkernel port not bound to exactly one uplink of its own',
      description:
        'With software iSCSI port binding, ESXi multipaths by giving each VMkernel port its own physical NIC: the port must have exactly one active uplink and no standby uplink, or vSphere reports the binding as not compliant and the path does not fail over the way the design assumes; and two iSCSI VMkernel ports on the same uplink are two paths that one NIC or cable failure takes down together (docs/design/algorithms.md#5-storage-path-redundancy: one VMkernel port per physical NIC). The rule checks every VMkernel port with the iscsi role that states its own uplinks, or names no port group; one that names its port group and states no uplinks of its own takes the port group\'s failover order, which an inventory export does not give (RVTools lists no port binding), and is not judged. Give each iSCSI VMkernel port one active uplink, a different one for each port; the quick fix empties a standby list.',
      sources: ['docs/design/algorithms.md#5-storage-path-redundancy — iSCSI: one VMkernel port per physical NIC, exactly one active uplink, no standby', 'docs/design/sources.md#vsphere-storage — configuring network adapters for iSCSI port binding'],
    },
  },
  reads: ['hosts'],
  *check({ topology, text }) {
    for (const host of topology.hosts) {
      const firstUser = new Map<string, string>();
      for (const vmk of host.vmkernelPorts) {
        if (!vmk.roles.includes('iscsi')) continue;
        // On a port group, without uplinks of its own: it follows the port group's failover order, which an imported design does not state.
        if (vmk.portGroup !== undefined && vmk.active.length + vmk.standby.length === 0) continue;
        const activeRange = vmk.source.fields.active?.value ?? vmk.idRange;
        if (vmk.active.length !== 1) {
          yield {
            message: vmk.active.length === 0
              ? MESSAGES.noActive({ vmk: vmk.id })
              : MESSAGES.manyActive({ vmk: vmk.id, count: vmk.active.length, uplinks: vmk.active.join(listSeparator()) }),
            range: activeRange,
            elementIds: [host.id, vmk.id, ...vmk.active],
          };
        }
        if (vmk.standby.length > 0) {
          const fixes: QuickFix[] = [{ title: MESSAGES.removeStandby({ vmk: vmk.id }), edits: [setField(text, vmk.source, 'standby', '[]')], preferred: true }];
          yield {
            message: MESSAGES.standby({ vmk: vmk.id, uplinks: vmk.standby.join(listSeparator()) }),
            range: vmk.source.fields.standby?.value ?? vmk.idRange,
            elementIds: [host.id, vmk.id, ...vmk.standby],
            fixes,
          };
        }
        for (const uplink of vmk.active) {
          const other = firstUser.get(uplink);
          if (other === undefined) {
            firstUser.set(uplink, vmk.id);
            continue;
          }
          const otherVmk = host.vmkernelPorts.find((v) => v.id === other);
          yield {
            message: MESSAGES.sharedUplink({ first: other, second: vmk.id, uplink }),
            range: activeRange,
            elementIds: [host.id, other, vmk.id, uplink],
            related: otherVmk ? [{ message: MESSAGES.boundTo({ vmk: other, uplink }), range: otherVmk.source.fields.active?.value ?? otherVmk.idRange }] : [],
          };
        }
      }
    }
  },
};
