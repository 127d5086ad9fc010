import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { reachesDatastore } from '../../../src/core/analysis/storage-network';
import { parseVtopo } from '../../../src/core/model/parse';
import { simulationContext } from '../../../src/core/simulation/context';
import { hostFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import { design } from './fixtures';

const HOSTS = ['h1', 'h2', 'h3', 'h4', 'h5'] as const;

const designArb = fc
  .record({
    hostCount: fc.integer({ min: 2, max: 5 }),
    unpathed: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    vms: fc.array(
      fc.record({
        host: fc.nat(),
        memoryGB: fc.integer({ min: 1, max: 32 }),
        reservedGB: fc.integer({ min: 0, max: 32 }),
        onSan: fc.boolean(),
        ft: fc.boolean(),
        secondary: fc.nat(),
        priority: fc.constantFrom('lowest', 'low', 'medium', 'high', 'highest', 'disabled'),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    failed: fc.nat(),
  })
  .map((spec) => {
    const hosts = HOSTS.slice(0, spec.hostCount);
    const vms = spec.vms.map((vm, i) => {
      const host = hosts[vm.host % hosts.length] as string;
      const secondary = hosts[vm.secondary % hosts.length] as string;
      const fields = [
        `host: ${host}`,
        `memory: ${vm.memoryGB} GB`,
        `reservation: { memory: ${Math.min(vm.reservedGB, vm.memoryGB)} GB }`,
        `restartPriority: ${vm.priority}`,
        ...(vm.onSan ? ['datastore: ds1'] : []),
        ...(vm.ft && secondary !== host ? ['protection: ft', `secondaryHost: ${secondary}`] : []),
      ];
      return `  vm${i}: { ${fields.join(', ')} }`;
    });
    const unpathed = hosts.filter((_, i) => spec.unpathed[i] === true);
    return { topology: design({ hosts, unpathed, vms: vms.join('\n') }), failedHost: hosts[spec.failed % hosts.length] as string };
  });

describe('property: host failures', () => {
  it('never restarts a VM onto a failed host or onto a host without its datastore', () => {
    fc.assert(
      fc.property(designArb, ({ topology, failedHost }) => {
        const result = simulateScenario(topology, hostFailureScenario(failedHost));
        const network = simulationContext(topology).network;
        for (const vm of result.vms) {
          if (vm.outcome.kind !== 'restarted') continue;
          assert.notEqual(vm.outcome.host, failedHost);
          const declared = topology.vm(vm.vmId)?.datastore;
          const datastore = declared === undefined ? undefined : topology.datastore(declared);
          const host = topology.host(vm.outcome.host);
          if (datastore && host) assert.ok(reachesDatastore(network, host, datastore, new Set()), `${vm.vmId} restarted on ${host.id}, which does not reach ${datastore.id}`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never gives an FT VM more downtime than a restarted one', () => {
    fc.assert(
      fc.property(designArb, ({ topology, failedHost }) => {
        const result = simulateScenario(topology, hostFailureScenario(failedHost));
        const ft = result.vms.filter((vm) => vm.outcome.kind === 'ft-takeover').map((vm) => vm.downtimeSeconds);
        const restarted = result.vms.filter((vm) => vm.outcome.kind === 'restarted').map((vm) => vm.downtimeSeconds);
        for (const a of ft) for (const b of restarted) assert.ok(a <= b, `FT ${a} s > restart ${b} s`);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same result for the same input', () => {
    fc.assert(
      fc.property(designArb, ({ topology, failedHost }) => {
        assert.deepEqual(simulateScenario(topology, hostFailureScenario(failedHost)), simulateScenario(topology, hostFailureScenario(failedHost)));
      }),
      { numRuns: 50 },
    );
  });
});

describe('the storage oracle agrees with a search of the network', () => {
  it('for every single element and every pair of elements of the seed-000-fq1616r example, on every (host, datastore)', () => {
    const { topology } = parseVtopo(readFileSync(new URL('../../../examples/seed-000-fq1616r.vtopo', import.meta.url), 'utf8'));
    const context = simulationContext(topology);
    const elements = [...context.network.elements.keys(), 'fq1616r', 'vmfs-01'];
    const sets: string[][] = [[], ...elements.map((e) => [e]), ...elements.flatMap((a, i) => elements.slice(i + 1).map((b) => [a, b]))];
    for (const failed of sets) {
      const set = new Set(failed);
      for (const host of topology.hosts) {
        for (const datastore of topology.datastores) {
          assert.equal(context.storage.reaches(host.id, datastore, set, new Map()), reachesDatastore(context.network, host, datastore, set), `${host.id} -> ${datastore.id} with ${failed.join(', ')}`);
        }
      }
    }
  });
});

describe('determinism on an example', () => {
  it('simulates the seed-000-fq1616r example twice with deep-equal results', () => {
    const text = readFileSync(new URL('../../../examples/seed-000-fq1616r.vtopo', import.meta.url), 'utf8');
    const first = simulateScenario(parseVtopo(text).topology, hostFailureScenario('esx-01'));
    const second = simulateScenario(parseVtopo(text).topology, hostFailureScenario('esx-01'));
    assert.deepEqual(first, second);
  });
});
