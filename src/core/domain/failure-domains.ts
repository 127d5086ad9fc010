/**
 * Failure domains: what a site, rack, chassis or power feed takes down when it fails.
 * A device (host, switch, array, chassis) stands somewhere (its own `site` / `rack` /
 * `chassis`, or what its chassis and rack imply) and each of its power supplies hangs on a
 * feed, itself perhaps fed from another (a PDU on a UPS). A domain takes a device down
 * when the device stands in it, or when it cuts the power of every supply: a feed on the
 * chain of each supply, or the site every such chain runs through.
 * docs/format.md ("Failure domains") describes the fields; the rules and the simulator
 * read domains only through this module. Computed once per topology.
 */

import type { SourceRange } from '../model/source';
import type { Topology } from '../model/topology';

import { type DomainKind } from './domain-kinds';

export { DOMAIN_KINDS, domainKindName, isDomainKind, type DomainKind } from './domain-kinds';

/** The devices a domain can take down: those that say where they stand and what feeds them. */
export type DeviceKind = 'host' | 'switch' | 'array' | 'chassis';

export interface FailureDomain {
  readonly kind: DomainKind;
  readonly id: string;
  readonly idRange: SourceRange;
}

export interface Device {
  readonly kind: DeviceKind;
  readonly id: string;
  readonly idRange: SourceRange;
}

export interface Placement {
  readonly site: string | undefined;
  readonly rack: string | undefined;
  readonly chassis: string | undefined;
  /** The feed of each power supply (a blade's are its chassis's); undefined when not given. */
  readonly supplies: readonly string[] | undefined;
  /** Whether the supplies are the chassis's (a blade), not the device's own. */
  readonly suppliesFromChassis: boolean;
  /** Domain ids whose failure alone takes the device down, nearest first. */
  readonly takenDownBy: readonly string[];
}

/**
 * A place a device or domain names that contradicts another it names (a rack in one site, the
 * device in another), as data: failure-domain-conflict words it from its catalog.
 */
export type PlacementConflict = { readonly elementId: string; readonly range: SourceRange } & (
  | { readonly kind: 'feed-cycle' }
  | { readonly kind: 'link-sites'; readonly sites: readonly string[] }
  | { readonly kind: 'chassis-rack'; readonly rack: string; readonly chassis: string; readonly chassisRack: string }
  | { readonly kind: 'site'; readonly site: string; readonly via: 'rack' | 'chassis'; readonly place: string; readonly impliedSite: string }
);

interface Located {
  readonly id: string;
  readonly idRange: SourceRange;
  readonly site?: string;
  readonly rack?: string;
  readonly chassis?: string;
  readonly power?: readonly string[];
}

export class FailureDomains {
  /** Every declared domain: sites, racks, chassis and feeds, in the file's order. */
  readonly domains: readonly FailureDomain[];
  readonly devices: readonly Device[];
  readonly conflicts: readonly PlacementConflict[];
  private readonly placements = new Map<string, Placement>();
  private readonly membersById = new Map<string, Device[]>();
  private readonly domainById = new Map<string, FailureDomain>();

  constructor(topology: Topology) {
    const conflicts: PlacementConflict[] = [];
    this.domains = [
      ...topology.sites.map((d) => ({ kind: 'site' as const, id: d.id, idRange: d.idRange })),
      ...topology.racks.map((d) => ({ kind: 'rack' as const, id: d.id, idRange: d.idRange })),
      ...topology.chassis.map((d) => ({ kind: 'chassis' as const, id: d.id, idRange: d.idRange })),
      ...topology.powerFeeds.map((d) => ({ kind: 'power-feed' as const, id: d.id, idRange: d.idRange })),
    ];
    for (const domain of this.domains) this.domainById.set(domain.id, domain);

    const rackSite = new Map(topology.racks.map((r) => [r.id, r.site]));
    const feeds = new Map(topology.powerFeeds.map((f) => [f.id, f]));
    /** What cuts one supply's power: each feed up its chain, and the sites they stand in. */
    const supplyKillers = new Map<string, readonly string[]>();
    const killersOfSupply = (feedId: string): readonly string[] => {
      const known = supplyKillers.get(feedId);
      if (known) return known;
      const killers: string[] = [];
      const seen = new Set<string>();
      for (let id: string | undefined = feedId; id !== undefined && !seen.has(id); id = feeds.get(id)?.fedFrom) {
        seen.add(id);
        killers.push(id);
        const site = feeds.get(id)?.site;
        if (site !== undefined) killers.push(site);
      }
      supplyKillers.set(feedId, killers);
      return killers;
    };
    for (const feed of topology.powerFeeds) {
      if (isCycle(feed.id, feeds)) {
        conflicts.push({ elementId: feed.id, range: feed.idRange, kind: 'feed-cycle' });
      }
    }

    for (const link of topology.siteLinks) {
      if (link.sites.length !== 2 || link.sites[0] === link.sites[1]) {
        conflicts.push({ elementId: link.id, range: link.idRange, kind: 'link-sites', sites: link.sites });
      }
    }

    const devices: Device[] = [];
    const chassisById = new Map(topology.chassis.map((c) => [c.id, c]));
    const place = (kind: DeviceKind, element: Located): void => {
      const chassis = element.chassis === undefined ? undefined : chassisById.get(element.chassis);
      const rack = chassis?.rack ?? element.rack;
      const impliedSite = (rack === undefined ? undefined : rackSite.get(rack)) ?? chassis?.site;
      const site = impliedSite ?? element.site;
      if (chassis && element.rack !== undefined && chassis.rack !== undefined && chassis.rack !== element.rack) {
        conflicts.push({ elementId: element.id, range: element.idRange, kind: 'chassis-rack', rack: element.rack, chassis: chassis.id, chassisRack: chassis.rack });
      }
      if (element.site !== undefined && impliedSite !== undefined && element.site !== impliedSite) {
        const via = element.rack !== undefined || chassis?.rack !== undefined ? 'rack' : 'chassis';
        conflicts.push({ elementId: element.id, range: element.idRange, kind: 'site', site: element.site, via, place: via === 'rack' ? rack ?? '' : chassis?.id ?? '', impliedSite });
      }
      const supplies = element.power ?? chassis?.power;
      const takenDownBy = [element.chassis, rack, site].filter((id): id is string => id !== undefined && this.domainById.has(id));
      if (supplies && supplies.length > 0) {
        const [first, ...rest] = supplies.map(killersOfSupply);
        for (const killer of first ?? []) {
          if (this.domainById.has(killer) && rest.every((killers) => killers.includes(killer)) && !takenDownBy.includes(killer)) takenDownBy.push(killer);
        }
      }
      this.placements.set(element.id, { site, rack, chassis: element.chassis, supplies, suppliesFromChassis: element.power === undefined && supplies !== undefined, takenDownBy });
      const device: Device = { kind, id: element.id, idRange: element.idRange };
      devices.push(device);
      for (const domainId of takenDownBy) push(this.membersById, domainId, device);
    };
    for (const chassis of topology.chassis) place('chassis', chassis);
    for (const host of topology.hosts) place('host', host);
    for (const networkSwitch of topology.switches) place('switch', networkSwitch);
    for (const array of topology.arrays) place('array', array);
    // A chassis going down takes its blades and interconnects: they are its members already
    // (their `chassis`); a domain that takes a chassis takes them too.
    for (const chassis of topology.chassis) {
      const blades = this.membersById.get(chassis.id) ?? [];
      for (const domainId of this.placements.get(chassis.id)?.takenDownBy ?? []) {
        const members = this.membersById.get(domainId) ?? [];
        for (const blade of blades) {
          if (!members.some((m) => m.id === blade.id)) push(this.membersById, domainId, blade);
          const placement = this.placements.get(blade.id);
          if (placement && !placement.takenDownBy.includes(domainId)) this.placements.set(blade.id, { ...placement, takenDownBy: [...placement.takenDownBy, domainId] });
        }
      }
    }
    this.devices = devices;
    this.conflicts = conflicts;
  }

  /** Whether the design names any failure domain at all. */
  get modelled(): boolean {
    return this.domains.length > 0;
  }

  domain(id: string): FailureDomain | undefined {
    return this.domainById.get(id);
  }

  placement(deviceId: string): Placement | undefined {
    return this.placements.get(deviceId);
  }

  /** The devices (hosts, switches, arrays, chassis) a domain's failure takes down. */
  members(domainId: string): readonly Device[] {
    return this.membersById.get(domainId) ?? [];
  }
}

const cache = new WeakMap<Topology, FailureDomains>();

export function failureDomainsOf(topology: Topology): FailureDomains {
  let domains = cache.get(topology);
  if (!domains) cache.set(topology, (domains = new FailureDomains(topology)));
  return domains;
}

function isCycle(start: string, feeds: ReadonlyMap<string, { readonly fedFrom?: string }>): boolean {
  const seen = new Set<string>();
  for (let id = feeds.get(start)?.fedFrom; id !== undefined; id = feeds.get(id)?.fedFrom) {
    if (id === start) return true;
    if (seen.has(id)) return false;
    seen.add(id);
  }
  return false;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
