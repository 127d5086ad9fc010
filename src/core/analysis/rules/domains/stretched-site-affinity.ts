import { failureDomainsOf } from '../../../domain/failure-domains';
import { stretchedClusters } from '../../../domain/stretched';
import { defineMessages } from '../../../l10n/messages';
import { grouped } from '../../../text/plural';
import type { AnalysisRule } from '../../rule';
import { quotedList } from '../storage/common';

const MESSAGES = defineMessages('stretched-site-affinity', {
  mustRunOn: 'Rule "{rule}" says {vms} must run on hosts of site "{site}" only: HA never breaks a "must" rule, so when "{site}" fails they are not restarted in the other site. Make it a "should run on" rule.',
  oneLoose: '1 VM of stretched cluster "{cluster}" ({vms}) has no "should run on" rule to the hosts of one site: nothing keeps it in the site of its storage\'s preferred copy.',
  manyLoose: '{count} VMs of stretched cluster "{cluster}" ({vms}) have no "should run on" rule to the hosts of one site: nothing keeps them in the site of their storage\'s preferred copy.',
});

/** VMs of a stretched vSphere cluster with no "should run on" rule to a site, and "must" rules that pin VMs to one site. */
export const stretchedSiteAffinity: AnalysisRule = {
  meta: {
    id: 'stretched-site-affinity',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Stretched cluster VMs without site affinity, or pinned to one site',
      description:
        'In a stretched cluster each VM should run in the site whose storage copy it uses (the preferred site of its datastore), so that its I/O does not cross the link and a partition does not stop it; the recommended practice for vSphere Metro Storage Cluster is VM-host "should run on" rules per site. They must be "should" rules: HA never breaks a "must run on" rule, so after a site failure the VMs a "must" rule pins to that site stay down. This rule reports, for a vSphere cluster whose hosts stand in two or more data sites, the enabled "must run on" rules whose hosts all stand in one site, and (once per cluster) the VMs no enabled VM-host rule ties to the hosts of one site.',
      sources: [
        'docs/design/sources.md#vmsc-recommended-practices — VM-host should rules for site affinity, not must rules',
        'docs/design/sources.md#vsphere-resource-management — HA does not violate required (must) VM-host rules',
      ],
    },
  },
  reads: ['platform', 'sites', 'racks', 'chassis', 'powerFeeds', 'siteLinks', 'clusters', 'hosts', 'switches', 'arrays', 'vms', 'rules'],
  *check({ topology }) {
    if (topology.platform !== 'vsphere') return;
    const domains = failureDomainsOf(topology);
    const siteOf = (hostId: string) => domains.placement(hostId)?.site;
    for (const { cluster, hostsBySite } of stretchedClusters(topology)) {
      const clusterHosts = new Set([...hostsBySite.values()].flat().map((h) => h.id));
      const tied = new Set<string>();
      for (const rule of topology.rules) {
        if (rule.type !== 'vm-host' || !rule.enabled || rule.hosts.length === 0 || !rule.hosts.every((id) => clusterHosts.has(id))) continue;
        const sites = new Set(rule.hosts.map(siteOf));
        const [site] = sites;
        if (sites.size !== 1 || site === undefined) continue;
        if (rule.mode === 'must-run-on') {
          yield {
            message: MESSAGES.mustRunOn({ rule: rule.id, vms: quotedList(rule.vms), site }),
            range: rule.idRange,
            elementIds: [rule.id, cluster.id, site, ...rule.vms],
          };
        }
        if (rule.mode === 'should-run-on' || rule.mode === 'must-run-on') for (const vm of rule.vms) tied.add(vm);
      }
      const loose = topology.vms.filter((vm) => clusterHosts.has(vm.host) && vm.power === 'on' && !tied.has(vm.id)).map((vm) => vm.id);
      if (loose.length === 0) continue;
      yield {
        message: loose.length === 1
          ? MESSAGES.oneLoose({ cluster: cluster.id, vms: quotedList(loose) })
          : MESSAGES.manyLoose({ count: grouped(loose.length), cluster: cluster.id, vms: quotedList(loose) }),
        range: cluster.idRange,
        elementIds: [cluster.id, ...loose],
      };
    }
  },
};
