/**
 * Failure domains in the picture of a design (diagram.ts): sites, racks and blade chassis as
 * containers (a site holds its racks, a rack its chassis and devices, a chassis its blades),
 * each device inside the innermost one its effective placement names
 * (domain/failure-domains.ts), and power feeds as nodes with an edge from each device (or
 * chassis) to each feed its supplies hang on and from each feed to the one it is fed from.
 * The designer draws the feeds only while its Power overlay is on (designer-containers.ts).
 * A design without failure domains gets nothing from here: its picture is as before.
 */

import { failureDomainsOf } from '../domain/failure-domains';
import type { Topology } from '../model/topology';
import { formatList } from '../l10n/format';
import { defineMessages } from '../l10n/messages';
import { grouped } from '../text/plural';
import type { DiagramEdge, DiagramNode } from './diagram';

/** Node kinds that hold devices: drawn as boxes around what stands in them. */
export const CONTAINER_KINDS: ReadonlySet<string> = new Set(['site', 'rack', 'chassis']);

export function isContainerKind(kind: string): boolean {
  return CONTAINER_KINDS.has(kind);
}

type NewNode = Omit<DiagramNode, 'findingCount' | 'severity'>;

export interface DomainPicture {
  /** Sites, racks and chassis (parents first), and power feeds. */
  readonly nodes: readonly NewNode[];
  /** Supply edges (device or chassis to feed) and fed-from edges (feed to upstream feed). */
  readonly edges: readonly DiagramEdge[];
  /** The container a device is drawn in (its chassis, else rack, else site), by device id; none for a device without a place. */
  readonly parentOf: ReadonlyMap<string, string>;
}

const MESSAGES = defineMessages('diagram.domains', {
  site: 'site',
  witnessSite: 'site, witness only',
  rack: 'rack',
  rackRoom: 'rack, {room}',
  chassis: 'blade chassis',
  chassisModel: 'blade chassis, {model}',
  power: 'power {feeds}',
  powerFeed: 'power feed, {type}',
  fedFrom: 'fed from {feed}',
  inSite: 'site {site}',
  utility: 'utility feed',
  generator: 'generator',
  /** A feed's label with its type: `grid (utility feed)`. */
  feedLabel: '{id} ({type})',
  supplies: '{count} supplies',
});

/** A feed type for people: PDU and UPS as they are, the others in the user's language. */
function feedType(type: string): string {
  switch (type) {
    case 'pdu': return 'PDU';
    case 'ups': return 'UPS';
    case 'utility': return MESSAGES.utility({});
    case 'generator': return MESSAGES.generator({});
    default: return type;
  }
}

/** The containers, feeds and power edges of a design, and where each device sits; empty for a design without failure domains. */
export function domainPicture(topology: Topology): DomainPicture {
  const domains = failureDomainsOf(topology);
  if (!domains.modelled) return { nodes: [], edges: [], parentOf: new Map() };
  const nodes: NewNode[] = [];
  const declared = (id: string | undefined, kind: 'site' | 'rack' | 'chassis'): string | undefined => (id !== undefined && domains.domain(id)?.kind === kind ? id : undefined);
  /** The innermost declared container of a placement (chassis, rack, site). */
  const innermost = (id: string, ownChassis: boolean): string | undefined => {
    const placement = domains.placement(id);
    if (!placement) return undefined;
    return (ownChassis ? declared(placement.chassis, 'chassis') : undefined) ?? declared(placement.rack, 'rack') ?? declared(placement.site, 'site');
  };
  for (const site of topology.sites) {
    const facts = [site.role === 'witness' ? MESSAGES.witnessSite({}) : MESSAGES.site({})];
    if (site.description !== undefined) facts.push(site.description);
    nodes.push({ id: site.id, kind: 'site', label: site.id, details: facts });
  }
  for (const rack of topology.racks) {
    const site = declared(rack.site, 'site');
    const facts = [rack.room !== undefined ? MESSAGES.rackRoom({ room: rack.room }) : MESSAGES.rack({})];
    if (rack.description !== undefined) facts.push(rack.description);
    nodes.push({ id: rack.id, kind: 'rack', label: rack.id, ...(site !== undefined ? { parent: site } : {}), details: facts });
  }
  const parentOf = new Map<string, string>();
  for (const chassis of topology.chassis) {
    const parent = innermost(chassis.id, false);
    if (parent !== undefined) parentOf.set(chassis.id, parent);
    const facts = [chassis.model !== undefined ? MESSAGES.chassisModel({ model: chassis.model }) : MESSAGES.chassis({})];
    if (chassis.power && chassis.power.length > 0) facts.push(MESSAGES.power({ feeds: formatList(chassis.power) }));
    nodes.push({ id: chassis.id, kind: 'chassis', label: chassis.model !== undefined ? `${chassis.id} (${chassis.model})` : chassis.id, ...(parent !== undefined ? { parent } : {}), details: facts });
  }
  for (const device of [...topology.hosts, ...topology.switches]) {
    const parent = innermost(device.id, true);
    if (parent !== undefined) parentOf.set(device.id, parent);
  }
  for (const array of topology.arrays) {
    const parent = innermost(array.id, false);
    if (parent !== undefined) parentOf.set(array.id, parent);
  }
  for (const feed of topology.powerFeeds) {
    const type = feed.type ?? 'pdu';
    const facts = [MESSAGES.powerFeed({ type: feedType(type) })];
    if (feed.fedFrom !== undefined) facts.push(MESSAGES.fedFrom({ feed: feed.fedFrom }));
    if (feed.site !== undefined) facts.push(MESSAGES.inSite({ site: feed.site }));
    if (feed.description !== undefined) facts.push(feed.description);
    nodes.push({ id: feed.id, kind: 'power-feed', label: type === 'pdu' ? feed.id : MESSAGES.feedLabel({ id: feed.id, type: feedType(type) }), details: facts });
  }

  const edges: DiagramEdge[] = [];
  const isFeed = (id: string) => domains.domain(id)?.kind === 'power-feed';
  const supplied = (id: string) => {
    const placement = domains.placement(id);
    // A blade's supplies are its chassis's: the chassis's edges stand for them.
    if (!placement?.supplies || placement.suppliesFromChassis) return;
    const counts = new Map<string, number>();
    for (const feed of placement.supplies) if (isFeed(feed)) counts.set(feed, (counts.get(feed) ?? 0) + 1);
    for (const [feed, count] of counts) {
      edges.push({ id: `power:${id}>${feed}`, source: id, target: feed, kind: 'power', label: count > 1 ? MESSAGES.supplies({ count: grouped(count) }) : '' });
    }
  };
  for (const device of [...topology.chassis, ...topology.hosts, ...topology.switches, ...topology.arrays]) supplied(device.id);
  for (const feed of topology.powerFeeds) {
    if (feed.fedFrom !== undefined && feed.fedFrom !== feed.id && isFeed(feed.fedFrom)) {
      edges.push({ id: `fed-from:${feed.id}`, source: feed.id, target: feed.fedFrom, kind: 'fed-from', label: '' });
    }
  }
  return { nodes, edges, parentOf };
}

/** Room above the top of the devices for the first row of feeds, and between rows. */
const FEED_ROW_GAP = 150;
const FEED_ROW_STEP = 110;
/** Least distance between two feeds of a row. */
const FEED_SPACING = 90;

/**
 * Where the power feeds are drawn: in rows above the devices, the feeds that supply devices
 * (PDUs) lowest and each feed they are fed from a row higher; each feed above the middle of
 * what it supplies (devices, or the feeds fed from it), pushed apart along its row. A
 * position saved in the layout section wins.
 */
export function feedPositions(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  positions: Readonly<Record<string, { x: number; y: number }>>,
  saved: ReadonlyMap<string, { x: number; y: number }>,
): Record<string, { x: number; y: number }> {
  const feeds = nodes.filter((node) => node.kind === 'power-feed');
  if (feeds.length === 0) return {};
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    if (node.parent === undefined) continue;
    const list = children.get(node.parent);
    if (list) list.push(node.id);
    else children.set(node.parent, [node.id]);
  }
  const centres = new Map<string, { x: number; y: number } | undefined>();
  const centreOf = (id: string): { x: number; y: number } | undefined => {
    if (centres.has(id)) return centres.get(id);
    centres.set(id, undefined);
    const own = positions[id];
    let centre = own;
    if (!centre) {
      const points = (children.get(id) ?? []).flatMap((child) => centreOf(child) ?? []);
      if (points.length > 0) centre = { x: points.reduce((sum, p) => sum + p.x, 0) / points.length, y: points.reduce((sum, p) => sum + p.y, 0) / points.length };
    }
    centres.set(id, centre);
    return centre;
  };
  const drawn = Object.values(positions);
  const top = drawn.length > 0 ? Math.min(...drawn.map((p) => p.y)) : 0;

  const consumers = new Map<string, string[]>();
  const downstream = new Map<string, string[]>();
  for (const edge of edges) {
    const map = edge.kind === 'power' ? consumers : edge.kind === 'fed-from' ? downstream : undefined;
    if (!map) continue;
    const list = map.get(edge.target);
    if (list) list.push(edge.source);
    else map.set(edge.target, [edge.source]);
  }
  // A feed's row: one above the highest feed fed from it (cycles cut).
  const rows = new Map<string, number>();
  const rowOf = (id: string, seen: ReadonlySet<string>): number => {
    const known = rows.get(id);
    if (known !== undefined) return known;
    const below = (downstream.get(id) ?? []).filter((child) => !seen.has(child));
    const row = below.length === 0 ? 0 : 1 + Math.max(...below.map((child) => rowOf(child, new Set([...seen, child]))));
    rows.set(id, row);
    return row;
  };
  const result: Record<string, { x: number; y: number }> = {};
  const xs = new Map<string, number>();
  const byRow = new Map<number, string[]>();
  for (const feed of feeds) {
    const row = rowOf(feed.id, new Set([feed.id]));
    const list = byRow.get(row);
    if (list) list.push(feed.id);
    else byRow.set(row, [feed.id]);
  }
  const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  let fallback = drawn.length > 0 ? Math.min(...drawn.map((p) => p.x)) : 0;
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const placed = (byRow.get(row) ?? []).map((id) => {
      const under = [...(consumers.get(id) ?? []).flatMap((device) => centreOf(device)?.x ?? []), ...(downstream.get(id) ?? []).flatMap((feed) => xs.get(feed) ?? [])];
      const x = under.length > 0 ? mean(under) : (fallback += FEED_SPACING);
      return { id, x };
    });
    placed.sort((a, b) => a.x - b.x);
    for (let index = 1; index < placed.length; index++) {
      const previous = placed[index - 1];
      const entry = placed[index];
      if (previous && entry && entry.x < previous.x + FEED_SPACING) entry.x = previous.x + FEED_SPACING;
    }
    for (const { id, x } of placed) {
      xs.set(id, x);
      result[id] = saved.get(id) ?? { x: Math.round(x), y: top - FEED_ROW_GAP - row * FEED_ROW_STEP };
    }
  }
  return result;
}
