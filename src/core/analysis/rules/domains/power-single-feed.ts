import { failureDomainsOf, domainKindName } from '../../../domain/failure-domains';
import type { AnalysisRule } from '../../rule';

const DEVICE_NAMES = { host: 'Host', switch: 'Switch', array: 'Array', chassis: 'Chassis' } as const;

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
  *check({ topology }) {
    const domains = failureDomainsOf(topology);
    for (const device of domains.devices) {
      const placement = domains.placement(device.id);
      const supplies = placement?.supplies;
      // A blade is powered by its chassis: the chassis is checked instead.
      if (!placement || !supplies || placement.suppliesFromChassis) continue;
      const feeds = placement.takenDownBy.filter((id) => domains.domain(id)?.kind === 'power-feed');
      const sites = placement.takenDownBy.filter((id) => domains.domain(id)?.kind === 'site' && id !== placement.site);
      const what = `${DEVICE_NAMES[device.kind]} "${device.id}"`;
      if (supplies.length === 1) {
        yield { message: `${what} has one power supply, on "${supplies[0] ?? ''}": a failure of that feed stops it.`, range: device.idRange, elementIds: [device.id, ...supplies] };
        continue;
      }
      const shared = feeds[0] ?? sites[0];
      if (shared === undefined) continue;
      const kind = domains.domain(shared)?.kind ?? 'power-feed';
      yield {
        message: `${what} has ${supplies.length} power supplies, but all of them hang on ${domainKindName(kind)} "${shared}": its failure stops the device.`,
        range: device.idRange,
        elementIds: [device.id, shared],
        related: [{ message: `every supply of "${device.id}" depends on this ${domainKindName(kind)}`, range: domains.domain(shared)?.idRange ?? device.idRange }],
      };
    }
  },
};
