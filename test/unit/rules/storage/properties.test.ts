import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildStorageNetwork, reachesDatastore, singlePointsOfFailure, storageNeeds } from '../../../../src/core/analysis/storage-network';
import { parseVtopo } from '../../../../src/core/model/parse';
import { findingsOf } from '../rule-test';

/** A random small storage design: hosts with FC or iSCSI adapters, switches in fabrics A/B, one array, random cables. */
const designs = fc
  .record({
    hosts: fc.array(fc.array(fc.record({ type: fc.constantFrom('fc', 'ethernet', 'cna'), ports: fc.integer({ min: 1, max: 2 }) }), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
    switches: fc.array(fc.record({ type: fc.constantFrom('fc', 'ethernet'), fabric: fc.constantFrom('A', 'B', undefined) }), { minLength: 1, maxLength: 3 }),
    controllers: fc.array(fc.array(fc.constantFrom('fc', 'iscsi', 'nfs'), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
    protocol: fc.constantFrom('vmfs', 'nfs'),
    linkPicks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 14 }),
  })
  .map(({ hosts, switches, controllers, protocol, linkPicks }) => {
    const hostPorts = hosts.flatMap((adapters, h) => adapters.flatMap((a, i) => Array.from({ length: a.ports }, (_, p) => `h${h}/ad${i}/p${p}`)));
    const arrayPorts = controllers.flatMap((ports, c) => ports.map((_, p) => `arr/c${c}/p${p}`));
    const switchIds = switches.map((_, s) => `sw${s}`);
    const endpoints = [...hostPorts, ...switchIds, ...arrayPorts];
    const links = linkPicks.map(([a, b]) => [endpoints[a % endpoints.length], endpoints[b % endpoints.length]] as const).filter(([a, b]) => a !== b);
    const lines = ['vtopo: 1', 'clusters:', '  prod: {}', 'hosts:'];
    hosts.forEach((adapters, h) => {
      lines.push(`  h${h}:`, '    cpu: { cores: 8, speed: 2 GHz }', '    memory: 64 GB', '    adapters:');
      adapters.forEach((a, i) => {
        const ports = Array.from({ length: a.ports }, (_, p) => `p${p}: { roles: [${a.type === 'fc' ? '' : 'storage'}] }`).join(', ');
        lines.push(`      ad${i}: { type: ${a.type}, ports: { ${ports} } }`);
      });
    });
    lines.push('switches:', ...switches.map((s, i) => `  sw${i}: { type: ${s.type}${s.fabric ? `, fabric: ${s.fabric}` : ''} }`));
    lines.push('arrays:', '  arr:', '    controllers:', ...controllers.map((ports, c) => `      c${c}: { ports: { ${ports.map((t, p) => `p${p}: { type: ${t} }`).join(', ')} } }`));
    lines.push('datastores:', `  ds: { array: arr, protocol: ${protocol} }`);
    lines.push('links:', ...(links.length ? links.map(([a, b]) => `  - [${a}, ${b}]`) : ['  []']));
    lines.push('vms:', '  vm: { host: h0, memory: 4 GB, datastore: ds }', '');
    return lines.join('\n');
  });

const STORAGE_RULE_IDS = ['storage-path-spof', 'datastore-unreachable', 'fabrics-joined', 'host-ports-same-switch', 'single-storage-adapter', 'controller-single-fabric', 'datastore-not-presented'] as const;

/** The storage rules' findings; findingsOf fails when a rule throws or a generated design does not read cleanly. */
function storageFindings(text: string) {
  return findingsOf(text, STORAGE_RULE_IDS);
}

function spofElements(text: string): Set<string> {
  return new Set(storageFindings(text).filter((f) => f.ruleId === 'storage-path-spof').map((f) => f.elementIds[0] ?? ''));
}

describe('property: storage path analysis on random small designs', () => {
  it('never throws and is deterministic', () => {
    fc.assert(fc.property(designs, (text) => {
      assert.deepEqual(storageFindings(text), storageFindings(text));
    }), { numRuns: 200 });
  });

  it('finds exactly the elements whose single failure cuts a host off its datastore', () => {
    fc.assert(fc.property(designs, (text) => {
      const { topology } = parseVtopo(text);
      const network = buildStorageNetwork(topology);
      for (const { host, datastore } of storageNeeds(topology)) {
        const fast = singlePointsOfFailure(network, host, datastore);
        assert.equal(fast.reachable, reachesDatastore(network, host, datastore, new Set()));
        const brute = fast.reachable ? [...network.elements.keys()].filter((id) => !reachesDatastore(network, host, datastore, new Set([id]))) : [];
        assert.deepEqual([...fast.elements].sort(), brute.sort(), text);
      }
    }), { numRuns: 300 });
  });

  it('never adds a single point of failure when a redundant path is added', () => {
    fc.assert(fc.property(designs, (text) => {
      const before = spofElements(text);
      const reachableBefore = !storageFindings(text).some((f) => f.ruleId === 'datastore-unreachable');
      // A second adapter on h0, cabled to a new switch, which is cabled to a new port of controller c0.
      const redundant = text
        .replace('    adapters:\n', '    adapters:\n      extra: { type: fc, ports: { p0: {} } }\n')
        .replace('switches:\n', 'switches:\n  sw-extra: { type: fc }\n')
        .replace('      c0: { ports: { ', '      c0: { ports: { extra: { type: fc }, ')
        .replace('links:\n  []', 'links:\n')
        .replace('vms:\n', '  - [h0/extra/p0, sw-extra]\n  - [arr/c0/extra, sw-extra]\nvms:\n');
      const after = spofElements(redundant);
      const added = [...after].filter((id) => !before.has(id));
      if (reachableBefore) assert.deepEqual(added, [], redundant);
    }), { numRuns: 200 });
  });
});
