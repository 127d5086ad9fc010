import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleMeta } from '../../../../src/core/analysis/rules';
import { PLACEMENT_RULES } from '../../../../src/core/analysis/rules/placement';
import { findingsOf } from '../rule-test';

describe('placement rule family', () => {
  it('registers every rule in the catalog under a unique kebab-case id, with a cited source', () => {
    const ids = PLACEMENT_RULES.map((rule) => rule.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of PLACEMENT_RULES) {
      assert.match(rule.meta.id, /^[a-z]+(-[a-z0-9]+)*$/);
      assert.equal(ruleMeta(rule.meta.id), rule.meta);
      assert.ok(rule.meta.docs.sources.length > 0, rule.meta.id);
      assert.ok(!rule.meta.docs.description.includes('\n'), `${rule.meta.id}: one paragraph`);
    }
  });

  it('runs through the engine with the severities it declares', () => {
    const text = 'vtopo: 1\nclusters:\n  prod: {}\nhosts:\n  h1: { cpu: { cores: 4, speed: 2 GHz }, memory: 64 GB }\nvms:\n  a: { host: h1, memory: 1 GB, guestCluster: gc }\n  b: { host: h1, memory: 1 GB, guestCluster: gc }\nguestClusters:\n  gc: { type: nlb }\n';
    // findingsOf fails when a rule throws.
    assert.equal(findingsOf(text, 'anti-affinity-same-host')[0]?.severity, 'error');
    assert.equal(findingsOf(text, 'guest-cluster-vnics')[0]?.severity, 'warning');
  });

  it('never throws on a design whose references do not resolve', () => {
    const text = [
      'vtopo: 1',
      'management: { vm: ghost, databaseVm: ghost-db }',
      'clusters:\n  prod: { ha: { heartbeatDatastores: [nowhere] } }',
      'vms:\n  a: { host: missing-host, memory: 1 GB, guestCluster: missing-gc, sharedDisks: [gone] }',
      'guestClusters:\n  gc: { type: failover, sharedDisk: gone }',
      'rules:',
      '  r1: { type: restart-dependency, vms: [a, ghost], dependsOn: [ghost, a] }',
      '  r2: { type: vm-host, vms: [a], hosts: [nobody], mode: must-run-on }',
      '  r3: { type: anti-affinity, vms: [a, ghost] }',
    ].join('\n');
    // findingsOf fails when a rule throws; the unresolved references are the point here.
    const cycles = findingsOf(text, 'restart-dependency-cycle', { allowStructuralProblems: true });
    assert.ok(cycles.length > 0, 'a VM depending on itself is a cycle');
  });
});
