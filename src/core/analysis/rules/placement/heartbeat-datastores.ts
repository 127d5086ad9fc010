import type { QuickFix, Report } from '../../../model/report';
import type { Cluster, Datastore, Topology } from '../../../model/topology';
import type { AnalysisRule, RuleContext } from '../../rule';
import { fieldEdit, flowList, referenceRange } from './common';
import { haEnabled } from '../../../domain/ha';
import { plural } from '../../../text/plural';

/** vSphere HA wants two heartbeat datastores per host, shared, preferably on different arrays. */
export const heartbeatDatastores: AnalysisRule = {
  meta: {
    id: 'heartbeat-datastores',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'Fewer than two usable HA heartbeat datastores, or all on one array',
      description:
        'When the management network of a host goes silent, vSphere HA reads the host\'s datastore heartbeats to tell a failed host (restart its VMs) from an isolated or partitioned one (leave them running): without them a network fault looks like a host failure. HA uses 2 heartbeat datastores per host (at most 5), each mounted by more than one host, preferably on different arrays so that one array outage does not blind it; fewer raises a host configuration issue (docs/design/algorithms.md#2-ha-restart-after-a-host-failure). A local or raw-LUN heartbeat datastore is useless, since no other host can read it. List at least two shared datastores in ha.heartbeatDatastores, on two arrays when the design has two (the quick fix adds one), or let HA choose by omitting the list. vSphere only: Hyper-V, XenServer and Proxmox use other quorum mechanisms.',
      sources: ['docs/design/algorithms.md#datastore-heartbeating', 'docs/design/sources.md#vsphere-availability — datastore heartbeating'],
    },
  },
  *check(context) {
    const { topology } = context;
    if (topology.platform !== 'vsphere') return;
    for (const cluster of topology.clusters) {
      if (!haEnabled(cluster) || topology.hostsInCluster(cluster.id).length < 2) continue;
      yield* checkCluster(context, cluster);
    }
  },
};

function* checkCluster(context: RuleContext, cluster: Cluster): Iterable<Report> {
  const { topology } = context;
  const ha = cluster.ha;
  const declared = ha?.heartbeatDatastores;
  const clusterDatastores = datastoresOfCluster(topology, cluster, declared ?? []);
  const eligible = clusterDatastores.filter((d) => unusableReason(topology, cluster, d) === undefined);
  if (!ha || declared === undefined) {
    if (eligible.length >= 2) return;
    yield {
      message: `Cluster "${cluster.id}" lets HA choose its heartbeat datastores, but only ${eligible.length} shared ${plural(eligible.length, 'datastore')} (${eligible.map((d) => `"${d.id}"`).join(', ') || 'none'}) can serve: HA wants 2 per host to tell a failed host from an isolated one.`,
      range: cluster.source.fields.ha?.key ?? cluster.idRange,
      elementIds: [cluster.id, ...eligible.map((d) => d.id)],
    };
    return;
  }
  const listRange = ha.source.fields.heartbeatDatastores?.value ?? cluster.idRange;
  const usable: Datastore[] = [];
  for (const id of new Set(declared)) {
    const datastore = topology.datastore(id);
    if (!datastore) continue;
    const reason = unusableReason(topology, cluster, datastore);
    if (reason === undefined) {
      usable.push(datastore);
      continue;
    }
    yield {
      message: `Heartbeat datastore "${datastore.id}" of cluster "${cluster.id}" ${reason}: other hosts cannot read its heartbeats.`,
      range: referenceRange(topology, cluster.id, 'datastore', datastore.id, listRange) ?? listRange,
      elementIds: [cluster.id, datastore.id],
      related: [{ message: `datastore "${datastore.id}" is declared here`, range: datastore.idRange }],
    };
  }
  const usedArrays = new Set(usable.map((d) => d.array));
  const otherArray = eligible.find((d) => !declared.includes(d.id) && d.array !== undefined && !usedArrays.has(d.array));
  if (usable.length < 2) {
    const candidate = otherArray ?? eligible.find((d) => !declared.includes(d.id));
    yield {
      message: `Cluster "${cluster.id}" has ${usable.length} usable heartbeat ${plural(usable.length, 'datastore')}${usable.length > 0 ? ` (${usable.map((d) => `"${d.id}"`).join(', ')})` : ''}; vSphere HA needs 2 per host to tell a failed host from an isolated one, and reports a configuration issue with fewer.`,
      range: listRange,
      elementIds: [cluster.id, ...usable.map((d) => d.id)],
      fixes: addFix(context, cluster, declared, candidate),
    };
    return;
  }
  const [onlyArray] = usedArrays;
  if (usedArrays.size === 1 && onlyArray !== undefined && otherArray) {
    yield {
      message: `Every heartbeat datastore of cluster "${cluster.id}" is on array "${onlyArray}": an outage of that array silences all datastore heartbeats, although "${otherArray.id}" on array "${otherArray.array ?? ''}" could serve.`,
      range: listRange,
      elementIds: [cluster.id, onlyArray, ...usable.map((d) => d.id)],
      fixes: addFix(context, cluster, declared, otherArray),
    };
  }
}

/**
 * Datastores the cluster's hosts mount: those presented to its hosts, else (no presentedTo)
 * those its VMs or its heartbeat list use; in a one-cluster design, every datastore.
 */
function datastoresOfCluster(topology: Topology, cluster: Cluster, declared: readonly string[]): Datastore[] {
  if (topology.clusters.length === 1) return [...topology.datastores];
  const hosts = new Set(topology.hostsInCluster(cluster.id).map((h) => h.id));
  const used = new Set(declared);
  for (const [datastoreId, clusterIds] of clustersUsingDatastores(topology)) if (clusterIds.has(cluster.id)) used.add(datastoreId);
  return topology.datastores.filter((d) => (d.presentedTo !== undefined ? d.presentedTo.some((id) => hosts.has(id)) : used.has(d.id)));
}

const usageByTopology = new WeakMap<Topology, ReadonlyMap<string, ReadonlySet<string>>>();

/** Per datastore, the clusters whose VMs live on it: one pass over the VMs. */
function clustersUsingDatastores(topology: Topology): ReadonlyMap<string, ReadonlySet<string>> {
  const cached = usageByTopology.get(topology);
  if (cached) return cached;
  const usage = new Map<string, Set<string>>();
  for (const vm of topology.vms) {
    if (vm.datastore === undefined) continue;
    const host = topology.host(vm.host);
    const cluster = host ? topology.clusterOfHost(host) : undefined;
    if (!cluster) continue;
    const set = usage.get(vm.datastore) ?? new Set<string>();
    set.add(cluster.id);
    usage.set(vm.datastore, set);
  }
  usageByTopology.set(topology, usage);
  return usage;
}

/** Why a datastore cannot carry HA heartbeats for this cluster, or undefined when it can. */
function unusableReason(topology: Topology, cluster: Cluster, datastore: Datastore): string | undefined {
  if (topology.isLocalDatastore(datastore)) return `is local storage${datastore.host ? ` of host "${datastore.host}"` : ''}`;
  if (datastore.protocol === 'raw') return 'is a raw LUN attached by guests, not a datastore the hosts mount';
  if (datastore.presentedTo !== undefined) {
    const clusterHosts = new Set(topology.hostsInCluster(cluster.id).map((h) => h.id));
    const mounted = datastore.presentedTo.filter((id) => clusterHosts.has(id)).length;
    if (mounted < 2) return `is mounted by ${mounted} ${plural(mounted, 'host')} of the cluster`;
  }
  return undefined;
}

function addFix(context: RuleContext, cluster: Cluster, declared: readonly string[], candidate: Datastore | undefined): QuickFix[] {
  const ha = cluster.ha;
  if (!candidate || !ha) return [];
  const edit = fieldEdit(context, ha.source, 'heartbeatDatastores', flowList([...declared, candidate.id]));
  return edit ? [{ title: `Add "${candidate.id}" to the heartbeat datastores of "${cluster.id}"`, edits: [edit], preferred: true }] : [];
}
