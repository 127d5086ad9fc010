import { limitsFor, PLATFORM_NAMES, verifyNote } from '../../../model/limits';
import type { AnalysisRule } from '../../rule';
import { releaseOf } from './shared';
import { counted, grouped } from '../../../text/plural';

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
  *check({ topology }) {
    const lookup = limitsFor(topology.platform, topology.file?.platformVersion);
    if (!lookup) return;
    const { limits } = lookup;
    const product = PLATFORM_NAMES[topology.platform];
    for (const cluster of topology.clusters) {
      const hosts = topology.hostsInCluster(cluster.id);
      if (limits.maxHostsPerCluster !== undefined && hosts.length > limits.maxHostsPerCluster) {
        yield {
          message: `Cluster "${cluster.id}" has ${counted(hosts.length, 'host')}; ${releaseOf(lookup)} allows at most ${grouped(limits.maxHostsPerCluster)} hosts per cluster${verifyNote(limits, 'maxHostsPerCluster')}. Split it into smaller ${product} clusters.`,
          range: cluster.idRange,
          elementIds: [cluster.id],
        };
      }
      if (limits.maxVmsPerCluster === undefined) continue;
      let vms = 0;
      for (const host of hosts) vms += topology.vmsOnHost(host.id).length;
      if (vms > limits.maxVmsPerCluster) {
        yield {
          message: `Cluster "${cluster.id}" has ${counted(vms, 'VM')}; ${releaseOf(lookup)} allows at most ${grouped(limits.maxVmsPerCluster)} VMs per cluster${verifyNote(limits, 'maxVmsPerCluster')}. Move VMs to another cluster.`,
          range: cluster.idRange,
          elementIds: [cluster.id],
        };
      }
    }
  },
};
