import { limitsFor, PLATFORM_NAMES, verifyNote } from '../../../model/limits';
import type { AnalysisRule } from '../../rule';
import { releaseOf } from './shared';
import { grouped } from '../../../text/plural';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('cluster-size-limit', {
  // More than the limit: always several hosts, several VMs.
  tooManyHosts: 'Cluster "{id}" has {count} hosts; {release} allows at most {max} hosts per cluster{note}. Split it into smaller {product} clusters.',
  tooManyVms: 'Cluster "{id}" has {count} VMs; {release} allows at most {max} VMs per cluster{note}. Move VMs to another cluster.',
});

/** More hosts or VMs in a cluster than the platform release supports. */
export const clusterSizeLimit: AnalysisRule = {
  meta: {
    id: 'cluster-size-limit',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Cluster larger than its platform allows',
      description:
        'Every hypervisor caps the hosts (nodes) of one cluster or pool and the VMs registered in it; beyond the cap the product refuses to add hosts, or the configuration is unsupported and HA may not protect every VM. The HA strategies handbook (docs/design/sources.md#seed-001) gives the limits of its era (VMware and Citrix 32 nodes, Hyper-V 16); current releases allow more (vSphere 6.x 64 hosts / 8,000 VMs, vSphere 7.0 U1+ and 8 96 hosts, Windows Server 2012+ 64 nodes / 8,000 VMs). The limits are a data table per platform and release (docs/design/algorithms.md#6-limits-per-product-and-version) chosen by the file\'s `platform` and `platformVersion`; without a version the newest known limits apply. Split the cluster, or set `platformVersion` to the release you run.',
      sources: ['docs/design/sources.md#seed-001 — cluster sizes: VMware and Citrix 32 nodes, Hyper-V 16', 'docs/design/algorithms.md#6-limits-per-product-and-version', 'docs/design/sources.md#vsphere-config-max', 'docs/design/sources.md#ms-hyperv-scalability'],
    },
  },
  reads: ['platform', 'platformVersion', 'clusters', 'hosts', 'vms'],
  *check({ topology }) {
    const lookup = limitsFor(topology.platform, topology.file?.platformVersion);
    if (!lookup) return;
    const { limits } = lookup;
    const product = PLATFORM_NAMES[topology.platform];
    for (const cluster of topology.clusters) {
      const hosts = topology.hostsInCluster(cluster.id);
      if (limits.maxHostsPerCluster !== undefined && hosts.length > limits.maxHostsPerCluster) {
        yield {
          message: MESSAGES.tooManyHosts({ id: cluster.id, count: grouped(hosts.length), release: releaseOf(lookup), max: grouped(limits.maxHostsPerCluster), note: verifyNote(limits, 'maxHostsPerCluster'), product }),
          range: cluster.idRange,
          elementIds: [cluster.id],
        };
      }
      if (limits.maxVmsPerCluster === undefined) continue;
      let vms = 0;
      for (const host of hosts) vms += topology.vmsOnHost(host.id).length;
      if (vms > limits.maxVmsPerCluster) {
        yield {
          message: MESSAGES.tooManyVms({ id: cluster.id, count: grouped(vms), release: releaseOf(lookup), max: grouped(limits.maxVmsPerCluster), note: verifyNote(limits, 'maxVmsPerCluster') }),
          range: cluster.idRange,
          elementIds: [cluster.id],
        };
      }
    }
  },
};
