import { domainKindName, failureDomainsOf, type FailureDomain } from '../../../domain/failure-domains';
import type { RelatedLocation } from '../../../model/report';
import type { Host, Topology } from '../../../model/topology';
import { counted } from '../../../text/plural';
import type { AnalysisRule } from '../../rule';
import { datastoreProtocols, hostMeets, reachedFromArray, servingLegs, storageNetworkOf } from '../../storage-network';
import { checkedNeeds, quotedList, RELATED_LIMIT } from '../storage/common';

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
  const hostIds = cut.map((c) => c.host.id);
  const datastoreIds = [...new Set(cut.flatMap((c) => c.datastores))];
  const related: RelatedLocation[] = [
    ...switches.flatMap((id) => {
      const networkSwitch = topology.networkSwitch(id);
      return networkSwitch ? [{ message: `switch "${id}"${networkSwitch.fabric !== undefined ? ` (fabric ${networkSwitch.fabric})` : ''} goes down with ${name} "${domain.id}"`, range: networkSwitch.idRange }] : [];
    }),
    ...cut.map((c) => ({ message: `host "${c.host.id}" keeps running but loses every path to ${quotedList(c.datastores)}`, range: c.host.idRange })),
  ];
  const more = related.length > RELATED_LIMIT ? ` (${related.length - RELATED_LIMIT} more related locations not listed)` : '';
  return {
    message: `${name[0]?.toUpperCase() ?? ''}${name.slice(1)} "${domain.id}" is a single point of failure: it takes down storage ${counted(switches.length, 'switch', 'switches')} (${quotedList(switches)}), and ${counted(hostIds.length, 'host')} outside it (${quotedList(hostIds)}) lose every storage path to ${counted(datastoreIds.length, 'datastore')} (${quotedList(datastoreIds)}).${more}`,
    range: domain.idRange,
    elementIds: [domain.id, ...switches, ...hostIds, ...datastoreIds],
    related: related.slice(0, RELATED_LIMIT),
  };
}
