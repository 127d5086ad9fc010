import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseVtopo } from '../../../src/core/model/parse';
import type { Topology } from '../../../src/core/model/topology';
import { recommendBalance, standardDeviation } from '../../../src/core/simulation/balance';

function near(actual: number | undefined, expected: number): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= 1e-9, `${actual} is not ${expected}`);
}

/** Three hosts of 10 GB for VMs (14 GB less the 4 GB default overhead); a 4/2/2 GB on h1, d 2 GB on h2: loads 0.8, 0.2, 0. */
function design(threshold: number, extraVms = '', rules = ''): Topology {
  const host = (id: string) => `  ${id}: { cpu: { cores: 16, speed: 2 GHz }, memory: 14 GB }\n`;
  const text =
    `vtopo: 1\nplatform: vsphere\nclusters:\n  prod: { migrationNetwork: 10 Gbps, drs: { enabled: true, migrationThreshold: ${threshold} } }\n` +
    `hosts:\n${host('h1')}${host('h2')}${host('h3')}vms:\n` +
    `  a: { host: h1, memory: 4 GB }\n  b: { host: h1, memory: 2 GB }\n  c: { host: h1, memory: 2 GB }\n  d: { host: h2, memory: 2 GB }\n${extraVms}${rules}`;
  const { topology, problems } = parseVtopo(text);
  assert.deepEqual(problems.map((problem) => problem.message), []);
  return topology;
}

describe('recommendBalance (heuristic)', () => {
  it('moves the VM that lowers the standard deviation of host loads most, then stops', () => {
    const result = recommendBalance(design(3), 'prod');
    assert.equal(result.heuristic, true);
    // Loads 0.8, 0.2, 0 around a mean of 1/3: deviations 7/15, -2/15, -5/15, variance 78/225 / 3.
    near(result.before, Math.sqrt(26) / 15);
    // a -> h3 gives 0.4, 0.2, 0.4 (variance 6/225 / 3), better than a -> h2 or b -> h3.
    // Then any 2 GB move from h1 to h2 only mirrors the loads: no drop, stop.
    assert.deepEqual(result.moves, [{ vmId: 'a', from: 'h1', to: 'h3' }]);
    near(result.after, Math.sqrt(2) / 15);
    assert.deepEqual(result.hosts.map((h) => [h.hostId, h.before, h.after]), [
      ['h1', 0.8, 0.4],
      ['h2', 0.2, 0.2],
      ['h3', 0, 0.4],
    ]);
  });

  it('keeps must rules: with a pinned, b and c move instead', () => {
    const pinned = 'rules:\n  pin: { type: vm-host, mode: must-run-on, vms: [a], hosts: [h1] }\n';
    const result = recommendBalance(design(3, '', pinned), 'prod');
    // b -> h3: 0.6, 0.2, 0.2 (std 2 sqrt(2) / 15, a drop of 0.151); c -> h2 (tie with h3, h2 first): 0.4, 0.4, 0.2 (drop 0.094 > 0.05).
    assert.deepEqual(result.moves, [
      { vmId: 'b', from: 'h1', to: 'h3' },
      { vmId: 'c', from: 'h1', to: 'h2' },
    ]);
    near(result.after, Math.sqrt(2) / 15);
    // Threshold 2 asks for a drop above 0.1: the second move (0.094) is not made.
    assert.deepEqual(recommendBalance(design(2, '', pinned), 'prod').moves, [{ vmId: 'b', from: 'h1', to: 'h3' }]);
  });

  it('keeps anti-affinity', () => {
    // x (1 GB) on h3 must stay apart from a: loads 0.8, 0.2, 0.1. a -> h3 is refused; b -> h3 (std 0.170) beats a -> h2 (0.206);
    // then c -> h2 gives 0.4, 0.4, 0.3: deviations 1/30, 1/30, -2/30, variance 1/450.
    const result = recommendBalance(design(3, '  x: { host: h3, memory: 1 GB }\n', 'rules:\n  apart: { type: anti-affinity, vms: [a, x] }\n'), 'prod');
    assert.deepEqual(result.moves, [
      { vmId: 'b', from: 'h1', to: 'h3' },
      { vmId: 'c', from: 'h1', to: 'h2' },
    ]);
    near(result.after, Math.sqrt(1 / 450));
  });

  it('proposes nothing at migration threshold 1 (mandatory moves only)', () => {
    const result = recommendBalance(design(1), 'prod');
    assert.deepEqual(result.moves, []);
    assert.equal(result.after, result.before);
  });

  it('is deterministic', () => {
    const topology = design(5);
    assert.deepEqual(recommendBalance(topology, 'prod'), recommendBalance(topology, 'prod'));
  });
});

describe('standardDeviation', () => {
  it('is the population standard deviation', () => {
    assert.equal(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]), 2);
    assert.equal(standardDeviation([]), 0);
  });
});
