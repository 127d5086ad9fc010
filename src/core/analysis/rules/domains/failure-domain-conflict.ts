import { failureDomainsOf, type PlacementConflict } from '../../../domain/failure-domains';
import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('failure-domain-conflict', {
  feedCycle: 'power feed "{id}" is fed, through "fedFrom", from itself.',
  linkNoSites: 'site link "{id}" must join two different sites; it names none.',
  linkSites: 'site link "{id}" must join two different sites; it names {sites}.',
  chassisRack: '"{id}" is in rack "{rack}", but its chassis "{chassis}" is in rack "{chassisRack}".',
  siteOfRack: '"{id}" is in site "{site}", but its rack "{rack}" is in site "{impliedSite}".',
  siteOfChassis: '"{id}" is in site "{site}", but its chassis "{chassis}" is in site "{impliedSite}".',
});

/** Places that contradict each other: a device in one site whose rack is in another, a feed fed from itself. */
export const failureDomainConflict: AnalysisRule = {
  meta: {
    id: 'failure-domain-conflict',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Contradictory place or power chain',
      description:
        'A device can name its site, its rack and its chassis, and a rack names its site; when these disagree (a host in site B whose rack stands in site A, a blade in rack r01 whose chassis is in r02), the analyzer cannot tell which failures take the device down, and a site or rack failure would be judged on a guess. A power feed fed, through `fedFrom`, from itself describes no real power chain. This rule reports each contradiction; the rest of the design is analysed with the place the rack or chassis implies. Correct the field that is wrong, or drop the one that only repeats what the rack or chassis says.',
      sources: ['docs/format.md#failure-domains'],
    },
  },
  reads: ['sites', 'racks', 'chassis', 'powerFeeds', 'siteLinks', 'hosts', 'switches', 'arrays'],
  *check({ topology }) {
    for (const conflict of failureDomainsOf(topology).conflicts) {
      yield { message: conflictMessage(conflict), range: conflict.range, elementIds: [conflict.elementId] };
    }
  },
};

function conflictMessage(conflict: PlacementConflict): string {
  const id = conflict.elementId;
  switch (conflict.kind) {
    case 'feed-cycle':
      return MESSAGES.feedCycle({ id });
    case 'link-sites':
      return conflict.sites.length === 0 ? MESSAGES.linkNoSites({ id }) : MESSAGES.linkSites({ id, sites: conflict.sites.map((site) => quoteId(site)).join(listSeparator()) });
    case 'chassis-rack':
      return MESSAGES.chassisRack({ id, rack: conflict.rack, chassis: conflict.chassis, chassisRack: conflict.chassisRack });
    case 'site':
      return conflict.via === 'rack'
        ? MESSAGES.siteOfRack({ id, site: conflict.site, rack: conflict.place, impliedSite: conflict.impliedSite })
        : MESSAGES.siteOfChassis({ id, site: conflict.site, chassis: conflict.place, impliedSite: conflict.impliedSite });
  }
}
