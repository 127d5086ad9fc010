import { domainKindName, failureDomainsOf, type FailureDomain } from '../../../domain/failure-domains';
import type { RelatedLocation } from '../../../model/report';
import type { Host, Topology } from '../../../model/topology';
import { defineMessages } from '../../../l10n/messages';
import { grouped } from '../../../text/plural';
import type { AnalysisRule } from '../../rule';
import { datastoreProtocols, hostMeets, reachedFromArray, servingLegs, storageNetworkOf, vmStorageDemand } from '../../storage-network';
import { checkedNeeds, quotedList, RELATED_LIMIT } from '../storage/common';

const MESSAGES = defineMessages('failure-domain-spof', {
  spof: '{domainKind} "{domain}" is a single point of failure: it takes down storage {switches} ({switchIds}), and {hosts} outside it ({hostIds}) lose every storage path to {datastores} ({datastoreIds}).',
  spofMore: '{domainKind} "{domain}" is a single point of failure: it takes down storage {switches} ({switchIds}), and {hosts} outside it ({hostIds}) lose every storage path to {datastores} ({datastoreIds}). ({more} more related locations not listed)',
  oneSwitch: '1 switch',
  switches: '{count} switches',
  oneHost: '1 host',
  hosts: '{count} hosts',
  oneDatastore: '1 datastore',
  datastores: '{count} datastores',
  switchDown: 'switch "{id}" goes down with {kind} "{domain}"',
  fabricSwitchDown: 'switch "{id}" (fabric {fabric}) goes down with {kind} "{domain}"',
  hostCut: 'host "{host}" keeps running but loses every path to {datastores}',
});

/** A domain's kind at the start of a sentence. */
const KIND_TITLES = defineMessages('failure-domain-spof.kinds', { site: 'Site', rack: 'Rack', chassis: 'Chassis', powerFeed: 'Power feed' });

/**
 * A site, rack, chassis or power feed whose failure cuts hosts that stand outside it off
 * their datastores: both fabrics' switches in one rack, or on one PDU.
 */
export const failureDomainSpof: AnalysisRule = {
  meta: {
    id: 'failure-domain-spof',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'A rack, chassis, feed or site cuts other hosts off their storage',
      description:
        'Two fabrics, two switches and two controllers make the storage network survive any one of them; they do not help when both sides stand in one rack, hang on one PDU or sit in one chassis, because that one thing fails and takes both. This rule fails each declared site, rack, chassis and power feed in turn, with every switch, array and host it takes down (failure-domains: where each device stands and which feeds its supplies hang on), and reports the domain when a host that keeps running outside it loses every storage path to a datastore its cluster uses. Hosts inside the domain go down with it and are HA\'s business (cluster-single-domain, n1-capacity); a datastore with no leg left to serve it (its array inside the domain, and no mirror that carries on) is lost to every host, which mirror-legs-shared-domain reports; a pair that one switch of the domain already cuts is reported here too (the domain is where to look), as well as by storage-path-spof. Put the A and B sides in different racks, on different feeds.',
      sources: [
        'docs/design/sources.md#seed-002 — "evaluate single points of failure: SAN, LAN switch, single storage system"',
        'docs/design/algorithms.md#5-storage-path-redundancy',
        'docs/design/sources.md#uptime-tier-standard',
      ],
    },
  },
  reads: ['inventory', 'sites', 'racks', 'chassis', 'powerFeeds', 'siteLinks', 'clusters', 'hosts', 'switches', 'arrays', 'datastores', 'links', 'vms'],
  digests: { vms: vmStorageDemand },
  *check({ topology }) {
    const domains = failureDomainsOf(topology);
    if (!domains.modelled) return;
    const needs = checkedNeeds(topology).filter((need) => need.failures.reachable);
    if (needs.length === 0) return;
    const network = storageNetworkOf(topology);
    for (const domain of domains.domains) {
      const members = domains.members(domain.id);
      const storageSwitches = members.filter((m) => m.kind === 'switch' && network.elements.get(m.id)?.kind === 'switch').map((m) => m.id);
      if (storageSwitches.length === 0) continue;
      const failed = new Set(members.map((m) => m.id));
      const reachedByArray = new Map<string, Uint8Array>();
      const cut = new Map<string, { host: Host; datastores: string[] }>();
      for (const need of needs) {
        const legs = servingLegs(need.datastore, failed);
        if (legs.length === 0 || failed.has(need.host.id)) continue;
        const reaches = legs.some((arrayId) => datastoreProtocols(need.datastore).some((protocol) => {
          const key = `${arrayId}\u0000${protocol}`;
          let reached = reachedByArray.get(key);
          if (!reached) reachedByArray.set(key, (reached = reachedFromArray(network, arrayId, protocol, failed)));
          return hostMeets(network, need.host, protocol, failed, reached);
        }));
        if (reaches) continue;
        const entry = cut.get(need.host.id);
        if (entry) entry.datastores.push(need.datastore.id);
        else cut.set(need.host.id, { host: need.host, datastores: [need.datastore.id] });
      }
      if (cut.size > 0) yield finding(topology, domain, storageSwitches, [...cut.values()]);
    }
  },
};

function finding(topology: Topology, domain: FailureDomain, switches: readonly string[], cut: ReadonlyArray<{ host: Host; datastores: string[] }>) {
  const name = domainKindName(domain.kind);
  const title = (domain.kind === 'power-feed' ? KIND_TITLES.powerFeed : KIND_TITLES[domain.kind])({});
  const hostIds = cut.map((c) => c.host.id);
  const datastoreIds = [...new Set(cut.flatMap((c) => c.datastores))];
  const related: RelatedLocation[] = [
    ...switches.flatMap((id) => {
      const networkSwitch = topology.networkSwitch(id);
      const down = { id, kind: name, domain: domain.id };
      const message = networkSwitch?.fabric !== undefined ? MESSAGES.fabricSwitchDown({ ...down, fabric: networkSwitch.fabric }) : MESSAGES.switchDown(down);
      return networkSwitch ? [{ message, range: networkSwitch.idRange }] : [];
    }),
    ...cut.map((c) => ({ message: MESSAGES.hostCut({ host: c.host.id, datastores: quotedList(c.datastores) }), range: c.host.idRange })),
  ];
  const data = {
    domainKind: title,
    domain: domain.id,
    switches: switches.length === 1 ? MESSAGES.oneSwitch({}) : MESSAGES.switches({ count: grouped(switches.length) }),
    switchIds: quotedList(switches),
    hosts: hostIds.length === 1 ? MESSAGES.oneHost({}) : MESSAGES.hosts({ count: grouped(hostIds.length) }),
    hostIds: quotedList(hostIds),
    datastores: datastoreIds.length === 1 ? MESSAGES.oneDatastore({}) : MESSAGES.datastores({ count: grouped(datastoreIds.length) }),
    datastoreIds: quotedList(datastoreIds),
  };
  return {
    message: related.length > RELATED_LIMIT ? MESSAGES.spofMore({ ...data, more: related.length - RELATED_LIMIT }) : MESSAGES.spof(data),
    range: domain.idRange,
    elementIds: [domain.id, ...switches, ...hostIds, ...datastoreIds],
    related: related.slice(0, RELATED_LIMIT),
  };
}
