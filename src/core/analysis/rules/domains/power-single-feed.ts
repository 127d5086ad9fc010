import { failureDomainsOf, domainKindName } from '../../../domain/failure-domains';
import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';

const DEVICE_NAMES = defineMessages('power-single-feed.devices', { host: 'Host', switch: 'Switch', array: 'Array', chassis: 'Chassis' });

const MESSAGES = defineMessages('power-single-feed', {
  oneSupply: '{device} "{id}" has one power supply, on "{feed}": a failure of that feed stops it.',
  sharedUpstream: '{device} "{id}" has {count} power supplies, but all of them hang on {kind} "{shared}": its failure stops the device.',
  sharedRelated: 'every supply of "{id}" depends on this {kind}',
});

/** A device whose power supplies one feed (or one UPS or site upstream of them all) can cut. */
export const powerSingleFeed: AnalysisRule = {
  meta: {
    id: 'power-single-feed',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Device powered from a single feed',
      description:
        'A server, switch, array or blade chassis with two power supplies survives a feed failure only when the supplies hang on independent feeds: an A-side and a B-side PDU, fed from different UPSs. This rule reads the `power:` list of each device (one feed per supply; a blade takes its chassis\'s) and follows each feed up its `fedFrom` chain; it reports a device with a single supply, and a device whose supplies all meet in one feed, UPS or site, naming it. A failure there (a tripped breaker, a UPS on bypass during maintenance, a PDU pulled by mistake) stops the device and, for a host, every VM on it. Devices whose power is not described are not checked. Plug each supply into a different side, and check that the sides do not join upstream.',
      sources: [
        'docs/design/sources.md#uptime-tier-standard — Tiers III and IV: dual-powered equipment, each supply on an independent distribution path',
        'docs/design/sources.md#netapp-sg5700-power — connect the two power cords to different PDUs',
        'docs/design/sources.md#seed-002 — power and cooling of blade servers',
      ],
    },
  },
  reads: ['sites', 'racks', 'chassis', 'powerFeeds', 'siteLinks', 'hosts', 'switches', 'arrays'],
  *check({ topology }) {
    const domains = failureDomainsOf(topology);
    for (const device of domains.devices) {
      const placement = domains.placement(device.id);
      const supplies = placement?.supplies;
      // A blade is powered by its chassis: the chassis is checked instead.
      if (!placement || !supplies || placement.suppliesFromChassis) continue;
      const feeds = placement.takenDownBy.filter((id) => domains.domain(id)?.kind === 'power-feed');
      const sites = placement.takenDownBy.filter((id) => domains.domain(id)?.kind === 'site' && id !== placement.site);
      const named = { device: DEVICE_NAMES[device.kind]({}), id: device.id };
      if (supplies.length === 1) {
        yield { message: MESSAGES.oneSupply({ ...named, feed: supplies[0] ?? '' }), range: device.idRange, elementIds: [device.id, ...supplies] };
        continue;
      }
      const shared = feeds[0] ?? sites[0];
      if (shared === undefined) continue;
      const kind = domainKindName(domains.domain(shared)?.kind ?? 'power-feed');
      yield {
        message: MESSAGES.sharedUpstream({ ...named, count: supplies.length, kind, shared }),
        range: device.idRange,
        elementIds: [device.id, shared],
        related: [{ message: MESSAGES.sharedRelated({ id: device.id, kind }), range: domains.domain(shared)?.idRange ?? device.idRange }],
      };
    }
  },
};
