import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../../src/core/analysis/engine';
import { ruleMeta } from '../../../../src/core/analysis/rules';
import { PLACEMENT_RULES } from '../../../../src/core/analysis/rules/placement';

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
    const findings = analyzeText(text).findings;
    assert.equal(findings.find((f) => f.ruleId === 'anti-affinity-same-host')?.severity, 'error');
    assert.equal(findings.find((f) => f.ruleId === 'guest-cluster-vnics')?.severity, 'warning');
    assert.equal(findings.filter((f) => f.internalError === true).length, 0);
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
    const findings = analyzeText(text).findings;
    assert.deepEqual(findings.filter((f) => f.internalError === true).map((f) => f.message), []);
    assert.ok(findings.some((f) => f.ruleId === 'restart-dependency-cycle'), 'a VM depending on itself is a cycle');
  });
});
