/**
 * The failure-domain part of the `.vtopo` format (docs/format.md, "Failure domains"):
 * sites, racks, chassis, power feeds and site links, the placement fields devices take,
 * and a datastore's mirror. Declared here, assembled into the file in format.ts.
 */

import { list, object, oneOf, quantity, ref, text } from './schema';
import { FORMAT_BOUNDS } from './format-bounds';

/**
 * Where a device stands and what feeds it: the failure domains (docs/format.md, "Failure
 * domains"). A site holds rooms and racks, a rack holds chassis and devices, a chassis
 * holds blades; each power supply hangs on a feed, and a feed may hang on another (a PDU on
 * a UPS). All optional: a design without them is analysed without them.
 */
export const site = object(
  {
    description: text({ description: 'What and where the site is.' }),
    role: oneOf(['data', 'witness'] as const, { description: 'data: hosts and storage run here; witness: it only hosts the tie-breaker of a stretched cluster (vSAN witness, storage witness, file-share witness).', default: 'data' }),
  },
  { description: 'A site: a data centre or a building. Everything in it can fail together (power, cooling, fire, its network uplinks).' },
);

export const rack = object(
  {
    site: ref('site', { description: 'The site the rack stands in.' }),
    room: text({ description: 'Room or hall (a label).' }),
    description: text({ description: 'A note on this rack.' }),
  },
  { description: 'A rack: its devices share its floor space, cooling and usually its power distribution.' },
);

export const powerFeed = object(
  {
    type: oneOf(['pdu', 'ups', 'utility', 'generator'] as const, { description: 'What the feed is: a PDU (power strip), a UPS, a utility feed or a generator.', default: 'pdu' }),
    fedFrom: ref('powerFeed', { description: 'The feed upstream of this one (the UPS a PDU hangs on): when it fails, this one fails too.' }),
    site: ref('site', { description: 'The site the feed is in.' }),
    description: text({ description: 'A note on this feed.' }),
  },
  { description: 'A power feed (A or B side): a PDU, a UPS, a utility feed or a generator.' },
);

export const siteLink = object(
  {
    sites: list(ref('site', { description: 'A site the link joins.' }), { description: 'The two sites the link joins.', required: true }),
    rttSeconds: quantity('duration', { description: 'Round-trip time between the sites, e.g. `4 ms`: what synchronous replication and a stretched cluster\'s heartbeats wait for.', min: 0, max: FORMAT_BOUNDS.seconds }),
    bandwidthMbps: quantity('bandwidth', { description: 'Bandwidth between the sites.', min: 0, max: FORMAT_BOUNDS.bandwidthMbps }),
    description: text({ description: 'A note on this link (carrier, dark fibre, DWDM...).' }),
  },
  { description: 'The connection between two sites (the inter-site links of a stretched cluster, a replication link).' },
);

const powerSupplies = list(ref('powerFeed', { description: 'The feed one power supply is plugged into.' }), {
  description: 'One entry per power supply: the feed it is plugged into, e.g. `[pdu-a1, pdu-b1]` for two supplies on the A and B sides. A blade takes its chassis\'s.',
});

export const placement = {
  site: ref('site', { description: 'The site the device stands in. Implied by its rack.' }),
  rack: ref('rack', { description: 'The rack the device is mounted in. Implied by its chassis.' }),
  power: powerSupplies,
};

export const chassis = object(
  {
    ...placement,
    model: text({ description: 'Enclosure model, e.g. "HPE Synergy 12000" or "Cisco UCS 5108".' }),
  },
  { description: 'A blade chassis or enclosure: its blades share its midplane, power supplies and management; it fails as one.' },
);

export const mirror = object(
  {
    array: ref('array', { description: 'The array holding the second copy.', required: true }),
    mode: oneOf(['sync', 'async'] as const, { description: 'sync: every write is on both legs before it completes (metro storage, active/active replication); async: the copy lags by up to the RPO and takes over only after a recovery step.', default: 'sync' }),
    layer: oneOf(['array', 'appliance', 'host'] as const, {
      description: 'What keeps the copies: the arrays (array-based replication), a storage virtualization appliance cluster in front of back-end arrays (network-based), or the hosts (host-based mirroring, LVM or Storage Spaces).',
      default: 'array',
    }),
    access: oneOf(['uniform', 'non-uniform'] as const, { description: 'sync: uniform, every host has paths to both legs; non-uniform, each host to the leg of its own site. A note: the cables decide what each host reaches.' }),
    preferred: ref('array', { description: 'sync: the leg that keeps serving when the legs lose each other and no witness decides (vMSC "preferred site"). Defaults to the datastore\'s array.' }),
    witness: ref('site', { description: 'sync: the site of the storage witness (tie-breaker) that lets the surviving leg carry on; best a third site.' }),
    rpoSeconds: quantity('duration', { description: 'async: the recovery point objective: writes of the last RPO may be lost on failover.', min: 0, max: FORMAT_BOUNDS.seconds }),
    recoverySeconds: quantity('duration', { description: 'async: the recovery step, from the loss of the primary to the copy serving (promotion and registration, by hand or by a recovery plan). Defaults to 30 min (an assumption, docs/simulation.md).', min: 0, max: FORMAT_BOUNDS.seconds }),
  },
  { description: 'A second copy of the datastore on another array, kept by the arrays, an appliance or the hosts (storage virtualization, docs/design/sources.md#seed-004).' },
);
