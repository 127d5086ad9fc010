import { haClusters } from '../../../capacity/resources';
import { setField } from '../../../edit/yaml-edits';
import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';

const MESSAGES = defineMessages('admission-control-disabled', {
  disabled: 'Cluster "{cluster}" has HA enabled but admission control disabled: nothing keeps capacity free, so VMs restarted after a host failure may not fit or may overload the hosts that receive them.',
  usePercentage: 'Reserve failover capacity with the percentage policy',
});

/** HA is on but nothing keeps capacity free for it. */
export const admissionControlDisabled: AnalysisRule = {
  meta: {
    id: 'admission-control-disabled',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'HA enabled with admission control disabled',
      description:
        'With admission control disabled, HA still restarts the VMs of a failed host, but nothing stopped the cluster from filling up beforehand: the VM sprawl and HA planning handbook (docs/design/sources.md#seed-002) warns that without reserved capacity the restarted VMs degrade or crash the hosts that receive them, and docs/design/domain.md#rule-5-failover-capacity-n1 asks for spare capacity for at least one host failure, as do the array vendor white paper and the HA strategies handbook (docs/design/sources.md#seed-000-checklist, docs/design/sources.md#seed-001). Choose a policy (docs/design/algorithms.md#1-ha-admission-control): percentage of cluster resources (the quick fix; derived from host failures to tolerate unless you set cpuPercent and memoryPercent), slots, or dedicated failover hosts. On platforms without admission control (Hyper-V, Proxmox) the policy states the design\'s own target, which VTopo checks.',
      sources: ['docs/design/sources.md#seed-002 — restarted VMs degrade or crash hosts without reserved capacity', 'docs/design/domain.md#rule-5-failover-capacity-n1', 'docs/design/algorithms.md#1-ha-admission-control', 'docs/design/sources.md#vsphere-availability — admission control'],
    },
  },
  reads: ['clusters'],
  *check({ topology, text }) {
    for (const cluster of haClusters(topology)) {
      const admission = cluster.ha.admissionControl;
      if (admission.policy !== 'disabled') continue;
      const policyValue = admission.source.fields.policy?.value;
      yield {
        message: MESSAGES.disabled({ cluster: cluster.id }),
        range: policyValue ?? cluster.idRange,
        elementIds: [cluster.id],
        ...(policyValue
          ? { fixes: [{ title: MESSAGES.usePercentage({}), edits: [setField(text, admission.source, 'policy', 'percentage')], preferred: true }] }
          : {}),
      };
    }
  },
};
