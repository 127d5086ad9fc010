import type { QuickFix, Report } from '../../../model/report';
import type { Cluster, Datastore, Topology } from '../../../model/topology';
import type { AnalysisRule, RuleContext } from '../../rule';
import { fieldEdit, flowList, referenceRange } from './common';
import { haEnabled } from '../../../domain/ha';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('heartbeat-datastores', {
  haChoosesOne: 'Cluster "{cluster}" lets HA choose its heartbeat datastores, but only {count} shared datastore ({datastores}) can serve: HA wants 2 per host to tell a failed host from an isolated one.',
  haChoosesMany: 'Cluster "{cluster}" lets HA choose its heartbeat datastores, but only {count} shared datastores ({datastores}) can serve: HA wants 2 per host to tell a failed host from an isolated one.',
  none: 'none',
  unusable: 'Heartbeat datastore "{datastore}" of cluster "{cluster}" {reason}: other hosts cannot read its heartbeats.',
  declared: 'datastore "{datastore}" is declared here',
  noneUsable: 'Cluster "{cluster}" has {count} usable heartbeat datastores; vSphere HA needs 2 per host to tell a failed host from an isolated one, and reports a configuration issue with fewer.',
  oneUsable: 'Cluster "{cluster}" has {count} usable heartbeat datastore ({datastores}); vSphere HA needs 2 per host to tell a failed host from an isolated one, and reports a configuration issue with fewer.',
  oneArray: 'Every heartbeat datastore of cluster "{cluster}" is on array "{array}": an outage of that array silences all datastore heartbeats, although "{other}" on array "{otherArray}" could serve.',
  localOfHost: 'is local storage of host "{host}"',
  local: 'is local storage',
  rawLun: 'is a raw LUN attached by guests, not a datastore the hosts mount',
  mountedByOne: 'is mounted by {count} host of the cluster',
  mountedByMany: 'is mounted by {count} hosts of the cluster',
  add: 'Add "{datastore}" to the heartbeat datastores of "{cluster}"',
});

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
      message: (eligible.length === 1 ? MESSAGES.haChoosesOne : MESSAGES.haChoosesMany)({
        cluster: cluster.id,
        count: eligible.length,
        datastores: eligible.map((d) => quoteId(d.id)).join(listSeparator()) || MESSAGES.none({}),
      }),
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
      message: MESSAGES.unusable({ datastore: datastore.id, cluster: cluster.id, reason }),
      range: referenceRange(topology, cluster.id, 'datastore', datastore.id, listRange) ?? listRange,
      elementIds: [cluster.id, datastore.id],
      related: [{ message: MESSAGES.declared({ datastore: datastore.id }), range: datastore.idRange }],
    };
  }
  const usedArrays = new Set(usable.map((d) => d.array));
  const otherArray = eligible.find((d) => !declared.includes(d.id) && d.array !== undefined && !usedArrays.has(d.array));
  if (usable.length < 2) {
    const candidate = otherArray ?? eligible.find((d) => !declared.includes(d.id));
    yield {
      // Fewer than two: none, or one.
      message: usable.length === 0
        ? MESSAGES.noneUsable({ cluster: cluster.id, count: usable.length })
        : MESSAGES.oneUsable({ cluster: cluster.id, count: usable.length, datastores: usable.map((d) => quoteId(d.id)).join(listSeparator()) }),
      range: listRange,
      elementIds: [cluster.id, ...usable.map((d) => d.id)],
      fixes: addFix(context, cluster, declared, candidate),
    };
    return;
  }
  const [onlyArray] = usedArrays;
  if (usedArrays.size === 1 && onlyArray !== undefined && otherArray) {
    yield {
      message: MESSAGES.oneArray({ cluster: cluster.id, array: onlyArray, other: otherArray.id, otherArray: otherArray.array ?? '' }),
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
  if (topology.isLocalDatastore(datastore)) return datastore.host ? MESSAGES.localOfHost({ host: datastore.host }) : MESSAGES.local({});
  if (datastore.protocol === 'raw') return MESSAGES.rawLun({});
  if (datastore.presentedTo !== undefined) {
    const clusterHosts = new Set(topology.hostsInCluster(cluster.id).map((h) => h.id));
    const mounted = datastore.presentedTo.filter((id) => clusterHosts.has(id)).length;
    if (mounted < 2) return (mounted === 1 ? MESSAGES.mountedByOne : MESSAGES.mountedByMany)({ count: mounted });
  }
  return undefined;
}

function addFix(context: RuleContext, cluster: Cluster, declared: readonly string[], candidate: Datastore | undefined): QuickFix[] {
  const ha = cluster.ha;
  if (!candidate || !ha) return [];
  const edit = fieldEdit(context, ha.source, 'heartbeatDatastores', flowList([...declared, candidate.id]));
  return edit ? [{ title: MESSAGES.add({ datastore: candidate.id, cluster: cluster.id }), edits: [edit], preferred: true }] : [];
}
