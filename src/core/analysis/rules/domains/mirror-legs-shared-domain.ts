import { domainKindName, failureDomainsOf } from '../../../domain/failure-domains';
import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';

const MESSAGES = defineMessages('mirror-legs-shared-domain', {
  ownArray: 'Datastore "{datastore}" is mirrored onto its own array "{array}": the array\'s failure takes both copies.',
  sharedDomain: 'Both copies of datastore "{datastore}" (arrays "{array}" and "{mirror}") go down with {kind} "{domain}": the mirror does not survive it.',
  secondCopy: 'the second copy of "{datastore}"',
  domainRelated: 'the {kind} both arrays depend on',
});

/** A mirror whose two copies one failure takes together: the same array, or one rack, site, chassis or feed. */
export const mirrorLegsSharedDomain: AnalysisRule = {
  meta: {
    id: 'mirror-legs-shared-domain',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Both copies of a mirrored datastore in one failure domain',
      description:
        'A mirrored or replicated datastore (`mirror:`) is meant to outlive the array that holds it: the second copy takes over. That holds only when the copies do not fail together. This rule reports a mirror whose second leg is the datastore\'s own array, and a mirror whose two arrays one site, rack, chassis or power feed takes down together (failure domains, docs/format.md): a storage virtualization layer or host-based mirror over two arrays in one rack, or a "metro" pair in one building, protects against a controller but not against the fire, the PDU or the rack. Put the legs in different racks on different feeds, and for a stretched cluster in different sites.',
      sources: [
        'docs/design/sources.md#seed-004 — storage virtualization pools and mirrored volumes: an array is no longer a single point of failure',
        'docs/design/sources.md#vmsc-recommended-practices — one storage system per site, kept in step by synchronous replication',
      ],
    },
  },
  reads: ['sites', 'racks', 'chassis', 'powerFeeds', 'siteLinks', 'hosts', 'switches', 'arrays', 'datastores'],
  *check({ topology }) {
    const domains = failureDomainsOf(topology);
    for (const datastore of topology.datastores) {
      const mirror = datastore.mirror;
      if (!mirror || datastore.array === undefined) continue;
      const related = [{ message: MESSAGES.secondCopy({ datastore: datastore.id }), range: topology.storageArray(mirror.array)?.idRange ?? datastore.idRange }];
      if (mirror.array === datastore.array) {
        yield { message: MESSAGES.ownArray({ datastore: datastore.id, array: datastore.array }), range: datastore.idRange, elementIds: [datastore.id, datastore.array], related };
        continue;
      }
      const first = domains.placement(datastore.array)?.takenDownBy ?? [];
      const second = domains.placement(mirror.array)?.takenDownBy ?? [];
      const shared = first.find((id) => second.includes(id));
      const domain = shared === undefined ? undefined : domains.domain(shared);
      if (!domain) continue;
      const name = domainKindName(domain.kind);
      yield {
        message: MESSAGES.sharedDomain({ datastore: datastore.id, array: datastore.array, mirror: mirror.array, kind: name, domain: domain.id }),
        range: datastore.idRange,
        elementIds: [datastore.id, datastore.array, mirror.array, domain.id],
        related: [...related, { message: MESSAGES.domainRelated({ kind: name }), range: domain.idRange }],
      };
    }
  },
};
