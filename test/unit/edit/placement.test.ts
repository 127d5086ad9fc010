import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { failureDomainsOf } from '../../../src/core/domain/failure-domains';
import { editsForIntent, type DesignIntent, type IntentBody } from '../../../src/core/edit/intents';
import { applyEdits, invertEdits } from '../../../src/core/edit/yaml-edits';
import { parseVtopo } from '../../../src/core/model/parse';

const racks = readFileSync('examples/racks-and-power.vtopo', 'utf8');
const blades = readFileSync('test/unit/view/fixtures/blades.vtopo', 'utf8');
const seed = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');


/** Applies an intent that must succeed: one set of edits, whose inverse gives the text back byte for byte. */
function apply(text: string, body: IntentBody): string {
  const result = editsForIntent(text, { baseVersion: 3, ...body } as DesignIntent);
  assert.ok('edits' in result, `rejected: ${'rejected' in result ? result.rejected : ''}`);
  const after = applyEdits(text, result.edits);
  assert.equal(applyEdits(after, invertEdits(text, result.edits)), text, 'undo restores the text byte for byte');
  assert.deepEqual(parseVtopo(after).problems.map((p) => p.message), parseVtopo(text).problems.map((p) => p.message), 'reads as well as before');
  return after;
}

function rejection(text: string, body: IntentBody): string {
  const result = editsForIntent(text, { baseVersion: 3, ...body } as DesignIntent);
  assert.ok('rejected' in result, 'expected a rejection');
  return result.rejected;
}

/** The blocks of lines that changed, in order: [removed, added] for each. */
function hunks(before: string, after: string): Array<[string[], string[]]> {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: Array<[string[], string[]]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    // Find the next line both share again.
    let found: [number, number] | undefined;
    for (let span = 1; span <= a.length + b.length && !found; span++) {
      for (let di = 0; di <= span; di++) {
        const ai = i + di;
        const bj = j + span - di;
        if (ai <= a.length && bj <= b.length && (ai === a.length ? bj === b.length : a[ai] === b[bj] && a.slice(ai, ai + 3).join('\n') === b.slice(bj, bj + 3).join('\n'))) {
          found = [ai, bj];
          break;
        }
      }
    }
    const [ai, bj] = found ?? [a.length, b.length];
    out.push([a.slice(i, ai), b.slice(j, bj)]);
    i = ai;
    j = bj;
  }
  return out;
}

const placed = (text: string, id: string) => {
  const placement = failureDomainsOf(parseVtopo(text).topology).placement(id);
  return placement && { site: placement.site, rack: placement.rack, chassis: placement.chassis };
};

describe('set-placement: a device dropped into a rack, a site, a chassis or onto the canvas', () => {
  it('into another rack: the rack field changes in place, nothing else', () => {
    const after = apply(racks, { type: 'set-placement', ids: ['hv-a1'], to: { kind: 'rack', id: 'r02' } });
    assert.deepEqual(hunks(racks, after), [[['    rack: r01'], ['    rack: r02']]]);
    assert.deepEqual(placed(after, 'hv-a1'), { site: 'dc1', rack: 'r02', chassis: undefined });
  });

  it('a flow-style switch into another rack, or out of every place (its power stays)', () => {
    const line = '  fc-b: { type: fc, fabric: B, speed: 16 Gbps, ports: 48, vendor: Brocade, model: G630, rack: r01, power: [r01-a, r01-b] }';
    const moved = apply(racks, { type: 'set-placement', ids: ['fc-b'], to: { kind: 'rack', id: 'r02' } });
    assert.deepEqual(hunks(racks, moved), [[[line], [line.replace('rack: r01', 'rack: r02')]]]);
    const out = apply(racks, { type: 'set-placement', ids: ['fc-b'], to: { kind: 'none' } });
    assert.deepEqual(hunks(racks, out), [[[line], [line.replace('rack: r01, ', '')]]]);
    assert.deepEqual(placed(out, 'fc-b'), { site: undefined, rack: undefined, chassis: undefined });
  });

  it('into a site: the rack field becomes the site field on its own line', () => {
    const after = apply(racks, { type: 'set-placement', ids: ['hv-a1'], to: { kind: 'site', id: 'dc1' } });
    assert.deepEqual(hunks(racks, after), [[['    rack: r01'], ['    site: dc1']]]);
    assert.deepEqual(placed(after, 'hv-a1'), { site: 'dc1', rack: undefined, chassis: undefined });
  });

  it('into a rack of a site: the site it repeats or contradicts goes, comments stay', () => {
    // esx-01 says site dc1 and rack r01; in rack r02 (site dc1) its site would only repeat the rack's.
    const after = apply(blades, { type: 'set-placement', ids: ['esx-01'], to: { kind: 'rack', id: 'r02' } });
    assert.deepEqual(hunks(blades, after), [[['    site: dc1', '    rack: r01   # top of the rack'], ['    rack: r02   # top of the rack']]]);
    assert.ok(after.includes('    # Where it stands.\n    rack: r02   # top of the rack\n'), after);
    // sw-1 stands in site dc2; rack r01 is in dc1: its site would contradict the rack's.
    const sw = apply(blades, { type: 'set-placement', ids: ['sw-1'], to: { kind: 'rack', id: 'r01' } });
    assert.deepEqual(hunks(blades, sw), [[['  - { id: sw-1, type: ethernet, site: dc2 }'], ['  - { id: sw-1, type: ethernet, rack: r01 }']]]);
    assert.deepEqual(placed(sw, 'sw-1'), { site: 'dc1', rack: 'r01', chassis: undefined });
  });

  it('into a rack with no site: a site the device names stays (it neither repeats nor contradicts)', () => {
    const after = apply(blades, { type: 'set-placement', ids: ['sw-1'], to: { kind: 'rack', id: 'r09' } });
    assert.deepEqual(hunks(blades, after), [[['  - { id: sw-1, type: ethernet, site: dc2 }'], ['  - { id: sw-1, type: ethernet, site: dc2, rack: r09 }']]]);
  });

  it('a blade out of its chassis into a rack, and a host into a chassis', () => {
    const out = apply(blades, { type: 'set-placement', ids: ['blade-1'], to: { kind: 'rack', id: 'r01' } });
    assert.deepEqual(hunks(blades, out), [[['    chassis: enc-01'], ['    rack: r01']]]);
    const into = apply(blades, { type: 'set-placement', ids: ['esx-01'], to: { kind: 'chassis', id: 'enc-01' } });
    // The rack's line becomes the chassis's (its comment with it); the site's goes.
    assert.deepEqual(hunks(blades, into), [[['    site: dc1', '    rack: r01   # top of the rack'], ['    chassis: enc-01   # top of the rack']]]);
    assert.deepEqual(placed(into, 'esx-01'), { site: 'dc1', rack: 'r02', chassis: 'enc-01' });
    const block = apply(blades, { type: 'set-placement', ids: ['icm-1'], to: { kind: 'site', id: 'dc2' } });
    assert.deepEqual(hunks(blades, block), [[['    chassis: enc-01'], ['    site: dc2']]]);
  });

  it('a chassis into another rack (its blades follow it)', () => {
    const after = apply(blades, { type: 'set-placement', ids: ['enc-01'], to: { kind: 'rack', id: 'r01' } });
    assert.deepEqual(hunks(blades, after), [[['  enc-01: { rack: r02, model: Blade enclosure, power: [pdu-a, pdu-b] }'], ['  enc-01: { rack: r01, model: Blade enclosure, power: [pdu-a, pdu-b] }']]]);
    assert.deepEqual(placed(after, 'blade-1'), { site: 'dc1', rack: 'r01', chassis: 'enc-01' });
  });

  it('a device without a place gets the field added after its last one', () => {
    const after = apply(blades, { type: 'set-placement', ids: ['loose'], to: { kind: 'rack', id: 'r01' } });
    assert.deepEqual(hunks(blades, after), [[[], ['    rack: r01']]]);
    assert.ok(after.includes('    memory: 256 GB\n    rack: r01\n\nswitches:'), 'under the host');
  });

  it('a rack into a site or out of it; several devices at once, with their positions, in one edit', () => {
    const out = apply(racks, { type: 'set-placement', ids: ['r03'], to: { kind: 'none' } });
    assert.deepEqual(hunks(racks, out), [[['  r03: { site: dc1, room: Hall 1, description: Storage rack }'], ['  r03: { room: Hall 1, description: Storage rack }']]]);
    const into = apply(blades, { type: 'set-placement', ids: ['r09'], to: { kind: 'site', id: 'dc2' } });
    assert.deepEqual(hunks(blades, into), [[['  r09: {}'], ['  r09: { site: dc2 }']]]);
    const many = apply(racks, {
      type: 'set-placement',
      ids: ['hv-a2', 'fc-b'],
      to: { kind: 'rack', id: 'r02' },
      positions: [{ id: 'hv-a2', position: { x: 900, y: 10 } }, { id: 'fc-b', position: { x: 1000, y: 260 } }],
    });
    const changes = hunks(racks, many);
    assert.equal(changes.length, 3, JSON.stringify(changes));
    assert.deepEqual(changes[0], [['    rack: r01'], ['    rack: r02']]);
    assert.ok(many.endsWith('\n\nlayout:\n  hv-a2: { x: 900, y: 10 }\n  fc-b: { x: 1000, y: 260 }\n'), many.slice(-200));
    assert.deepEqual([placed(many, 'hv-a2')?.rack, placed(many, 'fc-b')?.rack], ['r02', 'r02']);
  });

  it('removes neighbouring flow fields together', () => {
    const text = blades.replace('  - { id: sw-1, type: ethernet, site: dc2 }', '  - { id: sw-1, type: ethernet, site: dc1, rack: r01 }');
    const after = apply(text, { type: 'set-placement', ids: ['sw-1', 'sw-2'], to: { kind: 'none' } });
    assert.deepEqual(hunks(text, after), [[
      ['  - { id: sw-1, type: ethernet, site: dc1, rack: r01 }', '  - { id: sw-2, type: ethernet, rack: r01, site: dc1, power: [pdu-a, pdu-a] }'],
      ['  - { id: sw-1, type: ethernet }', '  - { id: sw-2, type: ethernet, power: [pdu-a, pdu-a] }'],
    ]]);
  });

  it('keeps CRLF line breaks', () => {
    const crlf = blades.replace(/\n/g, '\r\n');
    const after = apply(crlf, { type: 'set-placement', ids: ['esx-01'], to: { kind: 'site', id: 'dc2' } });
    assert.ok(!/[^\r]\n/.test(after), 'every line break is CRLF');
    assert.ok(after.includes('    # Where it stands.\r\n    site: dc2\r\n    power: [pdu-a, pdu-b]\r\n'), after);
  });

  it('refuses what cannot stand there, unknown places and doubles', () => {
    assert.match(rejection(blades, { type: 'set-placement', ids: ['arr-1'], to: { kind: 'chassis', id: 'enc-01' } }), /array cannot be in a blade chassis/);
    assert.match(rejection(blades, { type: 'set-placement', ids: ['r01'], to: { kind: 'rack', id: 'r02' } }), /a rack stands in a site, not in a rack/);
    assert.match(rejection(blades, { type: 'set-placement', ids: ['esx-01'], to: { kind: 'rack', id: 'r77' } }), /unknown rack "r77"/);
    assert.match(rejection(blades, { type: 'set-placement', ids: ['esx-01'], to: { kind: 'rack', id: 'dc1' } }), /unknown rack "dc1"/);
    assert.match(rejection(blades, { type: 'set-placement', ids: ['prod'], to: { kind: 'site', id: 'dc1' } }), /a cluster is not placed/);
    assert.match(rejection(blades, { type: 'set-placement', ids: ['enc-01'], to: { kind: 'chassis', id: 'enc-01' } }), /a chassis cannot be in a blade chassis/);
    assert.match(rejection(blades, { type: 'set-placement', ids: ['pdu-a'], to: { kind: 'site', id: 'dc1' } }), /a power feed is not placed in sites and racks/);
    assert.match(rejection(blades, { type: 'set-placement', ids: ['nobody'], to: { kind: 'none' } }), /unknown element "nobody"/);
    assert.match(rejection(blades, { type: 'set-placement', ids: ['esx-01', 'esx-01'], to: { kind: 'none' } }), /placed twice/);
    assert.match(rejection(blades, { type: 'set-placement', ids: [], to: { kind: 'none' } }), /nothing to place/);
    assert.match(rejection(blades, { type: 'set-placement', ids: ['esx-01'], to: { kind: 'none' }, positions: [{ id: 'ghost', position: { x: 0, y: 0 } }] }), /unknown element "ghost"/);
  });

  it('changes nothing when the device is already there', () => {
    const result = editsForIntent(racks, { baseVersion: 1, type: 'set-placement', ids: ['hv-a1'], to: { kind: 'rack', id: 'r01' } });
    assert.deepEqual(result, { edits: [] });
  });
});

describe('add-element: sites and racks', () => {
  it('adds a site and a rack in a site on one line each, under their siblings', () => {
    const site = apply(racks, { type: 'add-element', element: { kind: 'site', id: 'dc2' } });
    assert.deepEqual(hunks(racks, site), [[[], ['  dc2: {}']]]);
    assert.ok(site.includes('  dc1: { description: Main data centre }\n  dc2: {}\n'));
    const rack = apply(racks, { type: 'add-element', element: { kind: 'rack', id: 'r04', site: 'dc1' } });
    assert.ok(rack.includes('  r03: { site: dc1, room: Hall 1, description: Storage rack }\n  r04: { site: dc1 }\n'), rack);
  });

  it('writes a design\'s first site or rack section near its top, before the clusters and their comments', () => {
    const site = apply(seed, { type: 'add-element', element: { kind: 'site', id: 'site-01' } });
    const at = site.indexOf('sites:\n  site-01: {}\n\n');
    assert.ok(at > 0 && at < site.indexOf('clusters:') && at < site.indexOf('hosts:'), site.slice(0, 600));
    assert.deepEqual(parseVtopo(site).topology.sites.map((s) => s.id), ['site-01']);
    const rack = apply(seed, { type: 'add-element', element: { kind: 'rack', id: 'r01' } });
    assert.ok(rack.includes('  vm: vcenter\n\nracks:\n  r01: {}\n\nclusters:'), rack.slice(0, 800));
    const withSite = seed.replace('\nclusters:', '\nsites:\n  dc1: {}\n\n# The cluster.\nclusters:');
    const second = apply(withSite, { type: 'add-element', element: { kind: 'rack', id: 'r01', site: 'dc1' } });
    assert.ok(second.includes('sites:\n  dc1: {}\n\nracks:\n  r01: { site: dc1 }\n\n# The cluster.\nclusters:'), second.slice(0, 800));
  });

  it('refuses a rack in an unknown site', () => {
    assert.match(rejection(racks, { type: 'add-element', element: { kind: 'rack', id: 'r04', site: 'dc9' } }), /unknown site "dc9"/);
  });
});
