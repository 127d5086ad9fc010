/**
 * Stretched clusters: an HA cluster whose hosts stand in two or more data sites (vSphere
 * Metro Storage Cluster, vSAN stretched clusters, Hyper-V multi-site clusters), and the
 * mirrored datastores that let it survive a site. What the stretched-cluster rules share;
 * sites come from failure-domains.ts.
 */

import { isGoodHost } from '../capacity/resources';
import type { Cluster, Datastore, Host, Topology } from '../model/topology';
import { cableId } from '../model/cable-id';
import { failureDomainsOf } from './failure-domains';

export interface StretchedCluster {
  readonly cluster: Cluster;
  /** The cluster's connected hosts by data site, sites in the file's order. */
  readonly hostsBySite: ReadonlyMap<string, readonly Host[]>;
}

const cache = new WeakMap<Topology, readonly StretchedCluster[]>();

/** The clusters whose connected hosts stand in two or more data sites (a witness site holds no hosts that count). */
export function stretchedClusters(topology: Topology): readonly StretchedCluster[] {
  let found = cache.get(topology);
  if (!found) cache.set(topology, (found = findStretched(topology)));
  return found;
}

function findStretched(topology: Topology): StretchedCluster[] {
  const domains = failureDomainsOf(topology);
  if (!domains.modelled) return [];
  const dataSites = topology.sites.filter((site) => site.role === 'data').map((site) => site.id);
  const result: StretchedCluster[] = [];
  for (const cluster of topology.clusters) {
    const hostsBySite = new Map<string, Host[]>(dataSites.map((id) => [id, []]));
    for (const host of topology.hostsInCluster(cluster.id)) {
      const site = domains.placement(host.id)?.site;
      if (isGoodHost(host) && site !== undefined) hostsBySite.get(site)?.push(host);
    }
    for (const [site, hosts] of hostsBySite) if (hosts.length === 0) hostsBySite.delete(site);
    if (hostsBySite.size >= 2) result.push({ cluster, hostsBySite });
  }
  return result;
}

/** The site an array (a mirror leg) stands in, if the design says. */
export function siteOfArray(topology: Topology, arrayId: string): string | undefined {
  return failureDomainsOf(topology).placement(arrayId)?.site;
}

/** The sites whose arrays hold a copy of the datastore: its array's, and its mirror's. */
export function datastoreSites(topology: Topology, datastore: Datastore): ReadonlySet<string> {
  const sites = new Set<string>();
  for (const arrayId of [datastore.array, datastore.mirror?.array]) {
    const site = arrayId === undefined ? undefined : siteOfArray(topology, arrayId);
    if (site !== undefined) sites.add(site);
  }
  return sites;
}

/** The site link joining two sites, if the design declares one. */
export function linkBetween(topology: Topology, a: string, b: string): Topology['siteLinks'][number] | undefined {
  return topology.siteLinks.find((link) => link.sites.includes(a) && link.sites.includes(b) && a !== b);
}

/** The site a cable end stands in: its port's host or array, or its switch. */
function endSite(topology: Topology, endpoint: string): string | undefined {
  const domains = failureDomainsOf(topology);
  const device = endpoint.split('/')[0] ?? endpoint;
  return domains.placement(device)?.site;
}

/** The cables (`link:N`) that join the two sites of a site link: one end in each. */
export function siteLinkCables(topology: Topology, siteLinkId: string): string[] {
  const link = topology.siteLinks.find((l) => l.id === siteLinkId);
  const [a, b] = link?.sites ?? [];
  if (a === undefined || b === undefined || a === b) return [];
  const cables: string[] = [];
  topology.links.forEach((cable, index) => {
    const from = endSite(topology, cable.from);
    const to = endSite(topology, cable.to);
    if ((from === a && to === b) || (from === b && to === a)) cables.push(cableId(index));
  });
  return cables;
}

/**
 * Whether the two copies of a synchronous mirror are cut off from each other because a
 * site link between their sites has failed (its id is in `failed`).
 */
export function mirrorLegsApart(topology: Topology, datastore: Datastore, failed: ReadonlySet<string>): boolean {
  const mirror = datastore.mirror;
  if (mirror?.mode !== 'sync' || datastore.array === undefined) return false;
  const a = siteOfArray(topology, datastore.array);
  const b = siteOfArray(topology, mirror.array);
  if (a === undefined || b === undefined || a === b) return false;
  return topology.siteLinks.some((link) => failed.has(link.id) && link.sites.includes(a) && link.sites.includes(b));
}
