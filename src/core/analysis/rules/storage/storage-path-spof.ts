import { defineMessages } from '../../../l10n/messages';
import type { RelatedLocation } from '../../../model/report';
import type { AnalysisRule } from '../../rule';
import { vmStorageDemand, type StorageElementKind } from '../../storage-network';
import { checkedNeeds, networkOf, quotedList, RELATED_LIMIT } from './common';
import { grouped } from '../../../text/plural';
import { cableIndex } from '../../../model/cable-id';

const KIND_NAMES = defineMessages('storage-path-spof.kinds', {
  adapter: 'Adapter',
  'host-port': 'Host port',
  cable: 'Cable',
  switch: 'Switch',
  'inter-switch-link': 'Inter-switch link',
  'array-port': 'Array port',
  controller: 'Controller',
} satisfies Record<StorageElementKind, string>);

const MESSAGES = defineMessages('storage-path-spof', {
  spof: '{element} is a single point of failure: it lies on every storage path from {hosts} ({hostList}) to {datastores} ({datastoreList}).',
  spofNotListed: '{element} is a single point of failure: it lies on every storage path from {hosts} ({hostList}) to {datastores} ({datastoreList}). ({notListed} more related locations not listed)',
  link: '{kind} {id} [{ends}]',
  element: '{kind} "{id}"',
  oneHost: '1 host',
  manyHosts: '{count} hosts',
  oneDatastore: '1 datastore',
  manyDatastores: '{count} datastores',
  hostLosesPaths: 'host "{host}" loses every path to {datastores} if it fails',
  onlyThroughIt: 'datastore "{datastore}" is reached only through it',
});

/** Elements on every storage path of some (host, datastore) pair, one finding per element. */
export const storagePathSpof: AnalysisRule = {
  meta: {
    id: 'storage-path-spof',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Single point of failure on a storage path',
      description:
        'Every host must reach every shared datastore it needs through at least two paths that share no host port, adapter, cable, switch, inter-switch link, array port or controller; when one element lies on all paths of a host and a datastore, its failure (or a firmware update, or a pulled cable) leaves the host with all paths down and the VMs there stop, which HA then has to treat as a failure. This rule computes, for every host of a cluster and every shared datastore the cluster uses, the elements that lie on every path (vertex cuts of size one, from the block-cut tree of the storage network, docs/design/algorithms.md#5-storage-path-redundancy), and reports each such element once with the host/datastore pairs it breaks. A dual-port card counts as one element: both its ports fail with it. The host, the datastore and the array itself are on every path by nature and are not reported; an array with a single controller shows here as its controller (see also array-single-controller). Add the missing adapter, cable, switch or controller port so that a second, disjoint path exists (docs/design/sources.md#seed-000: two HBAs, two separate FC switches, a dual-controller array cabled to both).',
      sources: ['docs/design/sources.md#seed-000 — redundant HBAs, switches and controllers for HA', 'docs/design/sources.md#seed-002 — "evaluate single points of failure: SAN, LAN switch, single storage system"', 'docs/design/domain.md#rule-2-no-single-point-of-failure-on-the-storage-path', 'docs/design/algorithms.md#5-storage-path-redundancy'],
    },
  },
  reads: ['inventory', 'clusters', 'hosts', 'switches', 'arrays', 'datastores', 'links', 'vms'],
  digests: { vms: vmStorageDemand },
  *check(context) {
    const { topology } = context;
    const network = networkOf(context);
    const pairsByElement = new Map<string, Array<{ hostId: string; datastoreId: string }>>();
    for (const need of checkedNeeds(topology)) {
      for (const elementId of need.failures.elements) {
        const pairs = pairsByElement.get(elementId);
        const pair = { hostId: need.host.id, datastoreId: need.datastore.id };
        if (pairs) pairs.push(pair);
        else pairsByElement.set(elementId, [pair]);
      }
    }
    for (const [elementId, pairs] of pairsByElement) {
      const element = network.elements.get(elementId);
      if (!element) continue;
      const hostIds = [...new Set(pairs.map((p) => p.hostId))];
      const datastoreIds = [...new Set(pairs.map((p) => p.datastoreId))];
      const related: RelatedLocation[] = [];
      for (const hostId of hostIds) {
        const host = topology.host(hostId);
        const lost = pairs.filter((p) => p.hostId === hostId).map((p) => p.datastoreId);
        if (host) related.push({ message: MESSAGES.hostLosesPaths({ host: hostId, datastores: quotedList(lost) }), range: host.idRange });
      }
      for (const datastoreId of datastoreIds) {
        const datastore = topology.datastore(datastoreId);
        if (datastore) related.push({ message: MESSAGES.onlyThroughIt({ datastore: datastoreId }), range: datastore.idRange });
      }
      const kind = KIND_NAMES[element.kind]({});
      const parts = {
        element: element.kind === 'cable' || element.kind === 'inter-switch-link'
          ? MESSAGES.link({ kind, id: elementId, ends: describeLink(topology.links[cableIndex(elementId) ?? -1]) })
          : MESSAGES.element({ kind, id: elementId }),
        hosts: hostIds.length === 1 ? MESSAGES.oneHost({}) : MESSAGES.manyHosts({ count: grouped(hostIds.length) }),
        hostList: quotedList(hostIds),
        datastores: datastoreIds.length === 1 ? MESSAGES.oneDatastore({}) : MESSAGES.manyDatastores({ count: grouped(datastoreIds.length) }),
        datastoreList: quotedList(datastoreIds),
      };
      yield {
        message: related.length > RELATED_LIMIT ? MESSAGES.spofNotListed({ ...parts, notListed: related.length - RELATED_LIMIT }) : MESSAGES.spof(parts),
        range: element.range,
        elementIds: [elementId, ...hostIds, ...datastoreIds],
        related: related.slice(0, RELATED_LIMIT),
      };
    }
  },
};

function describeLink(link: { readonly from: string; readonly to: string } | undefined): string {
  return link ? `${link.from}, ${link.to}` : '';
}
