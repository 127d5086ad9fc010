import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../../../src/core/analysis/engine';
import { buildStorageNetwork, reachesDatastore, singlePointsOfFailure, storageNeeds } from '../../../../src/core/analysis/storage-network';
import { failureDomainsOf } from '../../../../src/core/domain/failure-domains';
import { parseVtopo } from '../../../../src/core/model/parse';
import { simulateScenario } from '../../../../src/core/simulation/engine';
import type { ComponentRef, SimulationResult } from '../../../../src/core/simulation/types';
import { TODAY } from '../rule-test';

/**
 * Random small FC designs placed in failure domains: hosts with one or two dual-port HBAs,
 * switches in fabrics A and B, array arr (site s0) with one or two controllers, random
 * cables; every host, switch and array in one of racks r0, r1 (site s0) and r2 (site s1)
 * or in none, on random PDUs fed from ups-a or ups-b. Optionally the datastore is mirrored
 * synchronously onto arr2 in the other site, cabled to every switch, with or without the
 * witness site s2.
 */
const RACKS = ['r0', 'r1', 'r2', undefined] as const;
const FEEDS = ['pa', 'pb', 'pc'] as const;

const designs = fc
  .record({
    hosts: fc.array(fc.record({ hbas: fc.integer({ min: 1, max: 2 }), rack: fc.constantFrom(...RACKS), power: fc.subarray([...FEEDS], { maxLength: 2 }) }), { minLength: 2, maxLength: 3 }),
    switches: fc.array(fc.record({ fabric: fc.constantFrom('A', 'B'), rack: fc.constantFrom(...RACKS), power: fc.subarray([...FEEDS], { maxLength: 2 }) }), { minLength: 1, maxLength: 3 }),
    controllers: fc.integer({ min: 1, max: 2 }),
    arrayRack: fc.constantFrom(...RACKS),
    linkPicks: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 2, maxLength: 14 }),
    mirror: fc.constantFrom('none', 'sync', 'sync-witness'),
  })
  .map((d) => {
    const hostPorts = d.hosts.flatMap((h, i) => Array.from({ length: h.hbas }, (_, a) => [`h${i}/hba${a}/p0`, `h${i}/hba${a}/p1`]).flat());
    const arrayPorts = Array.from({ length: d.controllers }, (_, c) => [`arr/c${c}/p0`, `arr/c${c}/p1`]).flat();
    const switchIds = d.switches.map((_, s) => `sw${s}`);
    const endpoints = [...hostPorts, ...arrayPorts];
    const links = d.linkPicks.map(([a, b]) => [endpoints[a % endpoints.length], switchIds[b % switchIds.length]] as const);
    const place = (rack: string | undefined, power: readonly string[]) => [rack ? `rack: ${rack}` : undefined, power.length > 0 ? `power: [${power.join(', ')}]` : undefined].filter(Boolean).join(', ');
    const lines = [
      'vtopo: 1',
      'sites:', '  s0: {}', '  s1: {}', '  s2: { role: witness }',
      'racks:', '  r0: { site: s0 }', '  r1: { site: s0 }', '  r2: { site: s1 }',
      'powerFeeds:', '  ups-a: { type: ups }', '  ups-b: { type: ups }', '  pa: { fedFrom: ups-a }', '  pb: { fedFrom: ups-b }', '  pc: { fedFrom: ups-a }',
      'clusters:', '  prod: {}',
      'hosts:',
    ];
    d.hosts.forEach((h, i) => {
      const where = [h.rack ? `    rack: ${h.rack}` : undefined, h.power.length > 0 ? `    power: [${h.power.join(', ')}]` : undefined].filter((line): line is string => line !== undefined);
      lines.push(`  h${i}:`, '    cpu: { cores: 8, speed: 2 GHz }', '    memory: 64 GB', ...where, '    adapters:');
      for (let a = 0; a < h.hbas; a++) lines.push(`      hba${a}: { type: fc, ports: { p0: {}, p1: {} } }`);
    });
    lines.push('switches:', ...d.switches.map((s, i) => `  sw${i}: { type: fc, fabric: ${s.fabric}${place(s.rack, s.power) ? `, ${place(s.rack, s.power)}` : ''} }`));
    lines.push('arrays:', '  arr:', ...(d.arrayRack ? [`    rack: ${d.arrayRack}`] : ['    site: s0']), '    controllers:', ...Array.from({ length: d.controllers }, (_, c) => `      c${c}: { ports: { p0: { type: fc }, p1: { type: fc } } }`));
    const mirrored = d.mirror !== 'none';
    const otherSite = d.arrayRack === 'r2' ? 's0' : 's1';
    if (mirrored) lines.push('  arr2:', `    site: ${otherSite}`, '    controllers:', '      a: { ports: { p0: { type: fc }, p1: { type: fc }, p2: { type: fc } } }', '      b: { ports: { p0: { type: fc }, p1: { type: fc }, p2: { type: fc } } }');
    const mirror = d.mirror === 'sync' ? ', mirror: { array: arr2 }' : d.mirror === 'sync-witness' ? ', mirror: { array: arr2, witness: s2 }' : '';
    lines.push('datastores:', `  ds: { array: arr${mirror} }`);
    const arr2Links = mirrored ? switchIds.flatMap((sw, i) => [`  - [arr2/a/p${i}, ${sw}]`, `  - [arr2/b/p${i}, ${sw}]`]) : [];
    lines.push('links:', ...links.map(([a, b]) => `  - [${a}, ${b}]`), ...arr2Links);
    lines.push('vms:', ...d.hosts.map((_, i) => `  vm${i}: { host: h${i}, memory: 4 GB, datastore: ds }`), '');
    return lines.join('\n');
  });

function read(text: string) {
  const parsed = parseVtopo(text);
  assert.deepEqual(parsed.problems.map((p) => p.message), [], text);
  return parsed.topology;
}

/** VM outcomes as comparable text. */
function outcomes(result: SimulationResult): string[] {
  return result.vms.map((vm) => `${vm.vmId} ${vm.outcome.kind} ${vm.downtimeSeconds}`);
}

describe('property: failure domains and mirrors on random small designs', () => {
  it('the single points of failure of a mirrored datastore are exactly the elements whose failure alone cuts it', () => {
    fc.assert(fc.property(designs, (text) => {
      const topology = read(text);
      const network = buildStorageNetwork(topology);
      for (const { host, datastore } of storageNeeds(topology)) {
        const fast = singlePointsOfFailure(network, host, datastore);
        assert.equal(fast.reachable, reachesDatastore(network, host, datastore, new Set()), text);
        const brute = fast.reachable ? [...network.elements.keys()].filter((id) => !reachesDatastore(network, host, datastore, new Set([id]))) : [];
        assert.deepEqual([...fast.elements].sort(), brute.sort(), text);
      }
    }), { numRuns: 200 });
  });

  it('a domain fails exactly as its hosts, switches and arrays failing at the same instant', () => {
    fc.assert(fc.property(designs, fc.nat(), (text, pick) => {
      const topology = read(text);
      const domains = failureDomainsOf(topology).domains;
      const domain = domains[pick % domains.length];
      if (!domain) return;
      const members = failureDomainsOf(topology).members(domain.id).filter((m) => m.kind !== 'chassis');
      const asDomain = simulateScenario(topology, { name: 'domain', steps: [{ action: 'fail', target: { kind: domain.kind, id: domain.id }, atSeconds: 0 }] });
      // The witness site matters to a mirror: it is a failed element of its own.
      const steps = members.map((m) => ({ action: 'fail' as const, target: { kind: m.kind, id: m.id } as ComponentRef, atSeconds: 0 }));
      const one = simulateScenario(topology, { name: 'members', steps });
      if (domain.id !== 's2') assert.deepEqual(outcomes(asDomain), outcomes(one), `${domain.id}\n${text}`);
      // And a VM whose host survives and still reaches its datastore keeps running.
      const failed = new Set([domain.id, ...members.map((m) => m.id)]);
      const network = buildStorageNetwork(topology);
      for (const vm of asDomain.vms) {
        const host = topology.host(vm.host);
        const datastore = topology.datastore('ds');
        if (!host || !datastore || failed.has(host.id) || !reachesDatastore(network, host, datastore, new Set())) continue;
        if (reachesDatastore(network, host, datastore, failed)) assert.ok(['unaffected', 'kept-running'].includes(vm.outcome.kind), `${vm.vmId} ${vm.outcome.kind} (${domain.id})\n${text}`);
      }
    }), { numRuns: 150 });
  });

  it('adding a synchronous mirror leg in another site never adds a finding', () => {
    fc.assert(fc.property(designs, (text) => {
      if (text.includes('mirror:')) return;
      const subjects = (design: string) => new Set(analyzeText(design, { today: TODAY }).findings.map((f) => `${f.ruleId} ${f.elementIds[0] ?? ''}`));
      const before = subjects(text);
      // A mirror can make an unreachable datastore reachable, with findings of its own.
      if ([...before].some((subject) => subject.startsWith('datastore-unreachable '))) return;
      const switchIds = [...text.matchAll(/^ {2}(sw\d+): \{ type: fc/gm)].map((m) => m[1] as string);
      const otherSite = text.includes('  arr:\n    rack: r2') ? 's0' : 's1';
      const mirrored = text
        .replace('datastores:\n  ds: { array: arr }', 'datastores:\n  ds: { array: arr, mirror: { array: arr2, witness: s2 } }')
        .replace('datastores:\n', `  arr2:\n    site: ${otherSite}\n    controllers:\n      a: { ports: { ${switchIds.map((_, i) => `p${i}: { type: fc }`).join(', ')} } }\n      b: { ports: { ${switchIds.map((_, i) => `p${i}: { type: fc }`).join(', ')} } }\ndatastores:\n`)
        .replace('vms:\n', `${switchIds.flatMap((sw, i) => [`  - [arr2/a/p${i}, ${sw}]`, `  - [arr2/b/p${i}, ${sw}]`]).join('\n')}\nvms:\n`);
      read(mirrored);
      // A domain that holds arr took the datastore down before the mirror too (failure-domain-spof
      // leaves that case alone: an unmirrored array is a single point by nature); the mirror
      // can show that the domain's switches still cut hosts off: not a new weakness.
      const holdsArray = (subject: string) => subject.startsWith('failure-domain-spof ') && failureDomainsOf(read(text)).members(subject.split(' ')[1] ?? '').some((m) => m.id === 'arr');
      const added = [...subjects(mirrored)].filter((subject) => !before.has(subject) && !subject.endsWith(' arr2') && !subject.includes('arr2/') && !holdsArray(subject));
      assert.deepEqual(added, [], mirrored);
    }), { numRuns: 150 });
  });
});
