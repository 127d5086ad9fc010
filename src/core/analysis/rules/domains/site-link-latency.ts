import { siteOfArray, stretchedClusters, linkBetween } from '../../../domain/stretched';
import type { Platform } from '../../../model/format';
import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';

const MESSAGES = defineMessages('site-link-latency', {
  tooSlow: 'Site link "{link}" ({siteA} to {siteB}) has {rtt} ms round-trip time, above the {limit} ms {who} across it needs: {why}.',
  stretchedCluster: 'stretched cluster "{cluster}"',
  syncMirror: 'synchronous mirror "{datastore}"',
  witness: 'the witness of stretched cluster "{cluster}"',
});

/** Why each limit: what the platform or vendor states. */
const LIMITS = defineMessages('site-link-latency.limits', {
  vsphereCluster: 'vSphere Metro Storage Cluster allows at most 10 ms between sites (management network, metro vMotion)',
  proxmoxCluster: 'Proxmox VE needs corosync latency below 5 ms between all nodes',
  vsphereSync: 'vSphere Metro Storage Cluster allows at most 10 ms for synchronous storage replication (array vendors often certify only 5 ms)',
  hypervSync: 'Storage Replica synchronous replication needs an average round trip of 5 ms or less',
  usualSync: 'synchronous replication is usually certified up to 5 ms',
  witnessLarge: 'a vSAN stretched cluster with 11 to 15 hosts per site allows at most 100 ms to its witness',
  witnessSmall: 'a vSAN stretched cluster with up to 10 hosts per site allows at most 200 ms to its witness',
});

interface Limit {
  readonly ms: number;
  /** Why, in the user's language when the finding is made. */
  readonly what: (data: Record<string, never>) => string;
}

/** What each platform allows between the sites of a stretched cluster, in ms of round-trip time. */
const CLUSTER_RTT_MS: Readonly<Partial<Record<Platform, Limit>>> = {
  vsphere: { ms: 10, what: LIMITS.vsphereCluster },
  proxmox: { ms: 5, what: LIMITS.proxmoxCluster },
};

/** Synchronous replication: every write waits for the round trip. */
const SYNC_RTT_MS: Readonly<Record<Platform, Limit>> = {
  vsphere: { ms: 10, what: LIMITS.vsphereSync },
  hyperv: { ms: 5, what: LIMITS.hypervSync },
  xenserver: { ms: 5, what: LIMITS.usualSync },
  proxmox: { ms: 5, what: LIMITS.usualSync },
};

/** A link between two sites slower than a stretched cluster or a synchronous mirror across it allows. */
export const siteLinkLatency: AnalysisRule = {
  meta: {
    id: 'site-link-latency',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Site link slower than the stretched cluster or synchronous mirror allows',
      description:
        'A synchronous mirror acknowledges each write only once both sites have it, so every write pays the round trip between the sites; a stretched cluster\'s heartbeats and live migrations cross the same link. Platforms state limits: vSphere Metro Storage Cluster at most 10 ms RTT between sites, for the management network and for synchronous storage replication (vendors often certify only 5 ms); vSAN stretched clusters 5 ms between data sites, and 200 ms to the witness site (100 ms with more than 10 hosts per site), which this rule applies to the witness of any stretched vSphere cluster; Windows Storage Replica synchronous replication 5 ms or less; Proxmox VE corosync below 5 ms. Windows failover clusters have no hard limit between sites: their cross-site heartbeat thresholds (CrossSiteDelay, CrossSiteThreshold) tolerate the distance. This rule reads the `siteLinks` of the design and reports a link whose `rtt` is above the limit when the hosts of one cluster, or the two copies of a synchronous mirror, stand on both sides of it.',
      sources: [
        'docs/design/sources.md#broadcom-kb-310156 — metro vMotion: at most 10 ms RTT',
        'docs/design/sources.md#vmsc-recommended-practices — 10 ms RTT for the management network and synchronous replication, vendors usually 5 ms',
        'docs/design/sources.md#vsan-network-design — 5 ms RTT between data sites; 200 ms to the witness (100 ms with 11 to 15 hosts per site)',
        'docs/design/sources.md#ms-storage-replica — synchronous replication: 5 ms RTT or less',
        'docs/design/sources.md#proxmox-pvecm — corosync latency below 5 ms',
      ],
    },
  },
  reads: ['platform', 'sites', 'racks', 'chassis', 'powerFeeds', 'siteLinks', 'clusters', 'hosts', 'switches', 'arrays', 'datastores'],
  *check({ topology }) {
    const reported = new Set<string>();
    const report = function* (a: string, b: string, limit: Limit, who: string) {
      const link = linkBetween(topology, a, b);
      if (!link || link.rttSeconds === undefined || reported.has(link.id)) return;
      const ms = link.rttSeconds * 1000;
      if (ms <= limit.ms) return;
      reported.add(link.id);
      yield {
        message: MESSAGES.tooSlow({ link: link.id, siteA: a, siteB: b, rtt: Number(ms.toFixed(2)), limit: limit.ms, who, why: limit.what({}) }),
        range: link.idRange,
        elementIds: [link.id, a, b],
      };
    };
    const clusterLimit = CLUSTER_RTT_MS[topology.platform];
    if (clusterLimit) {
      for (const { cluster, hostsBySite } of stretchedClusters(topology)) {
        const sites = [...hostsBySite.keys()];
        for (let i = 0; i < sites.length; i++) for (let j = i + 1; j < sites.length; j++) yield* report(sites[i] as string, sites[j] as string, clusterLimit, MESSAGES.stretchedCluster({ cluster: cluster.id }));
      }
    }
    for (const datastore of topology.datastores) {
      const mirror = datastore.mirror;
      if (mirror?.mode !== 'sync' || datastore.array === undefined) continue;
      const a = siteOfArray(topology, datastore.array);
      const b = siteOfArray(topology, mirror.array);
      if (a !== undefined && b !== undefined && a !== b) yield* report(a, b, SYNC_RTT_MS[topology.platform], MESSAGES.syncMirror({ datastore: datastore.id }));
    }
    // The witness of a stretched vSphere cluster: vSAN's limits (200 ms up to 10 hosts per
    // site, 100 ms above), the figures a storage witness is usually held to as well.
    if (topology.platform !== 'vsphere') return;
    const witnesses = topology.sites.filter((site) => site.role === 'witness').map((site) => site.id);
    for (const { cluster, hostsBySite } of stretchedClusters(topology)) {
      const largest = Math.max(...[...hostsBySite.values()].map((hosts) => hosts.length));
      const limit: Limit = largest > 10 ? { ms: 100, what: LIMITS.witnessLarge } : { ms: 200, what: LIMITS.witnessSmall };
      for (const site of hostsBySite.keys()) for (const witness of witnesses) yield* report(site, witness, limit, MESSAGES.witness({ cluster: cluster.id }));
    }
  },
};
