import { limitsFor, verifyNote } from '../../../model/limits';
import type { AnalysisRule } from '../../rule';
import { releaseOf } from './shared';
import { grouped } from '../../../text/plural';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('host-vm-limit', {
  // More than the limit (maxVms is at least 1): always several VMs.
  platformLimit: 'Host "{id}" has {count} VMs; {release} allows at most {max} VMs per host{note}.',
  ownLimit: 'Host "{id}" runs {count} powered-on VMs, more than its maxVms of {max}.',
});

/** More VMs on a host than the platform release, or the host's own `maxVms`, allows. */
export const hostVmLimit: AnalysisRule = {
  meta: {
    id: 'host-vm-limit',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Host with more VMs than it may run',
      description:
        'Hypervisors cap the VMs one host may run (vSphere 5.5: 512; vSphere 6 and later and Windows Server 2012+ Hyper-V: 1,024), and a design may state a lower `maxVms` for a host. A host over its limit cannot take its share, and HA will not restart VMs onto a host that is at its limit (docs/design/algorithms.md#2-ha-restart-after-a-host-failure: candidates must stay under per-host VM limits), so failover capacity is smaller than CPU and memory suggest. The platform limit counts every VM registered on the host; `maxVms` counts powered-on VMs. Spread the VMs over more hosts.',
      sources: ['docs/design/algorithms.md#2-ha-restart-after-a-host-failure', 'docs/design/algorithms.md#6-limits-per-product-and-version', 'docs/design/sources.md#vsphere-config-max', 'docs/design/sources.md#ms-hyperv-scalability'],
    },
  },
  reads: ['platform', 'platformVersion', 'hosts', 'vms'],
  *check({ topology }) {
    const lookup = limitsFor(topology.platform, topology.file?.platformVersion);
    const platformLimit = lookup?.limits.maxVmsPerHost;
    for (const host of topology.hosts) {
      const vms = topology.vmsOnHost(host.id);
      if (lookup && platformLimit !== undefined && vms.length > platformLimit) {
        yield {
          message: MESSAGES.platformLimit({ id: host.id, count: grouped(vms.length), release: releaseOf(lookup), max: grouped(platformLimit), note: verifyNote(lookup.limits, 'maxVmsPerHost') }),
          range: host.idRange,
          elementIds: [host.id],
        };
      }
      if (host.maxVms === undefined) continue;
      const running = vms.filter((vm) => vm.power === 'on').length;
      if (running > host.maxVms) {
        yield {
          message: MESSAGES.ownLimit({ id: host.id, count: grouped(running), max: grouped(host.maxVms) }),
          range: host.source.fields.maxVms?.value ?? host.idRange,
          elementIds: [host.id],
        };
      }
    }
  },
};
