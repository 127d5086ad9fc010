import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restartDependencyCycle } from '../../../../src/core/analysis/rules/placement/restart-dependency-cycle';
import { restartDependencyPriority } from '../../../../src/core/analysis/rules/placement/restart-dependency-priority';
import { parseVtopo } from '../../../../src/core/model/parse';
import { applyFix, at, check, hostLines } from './helpers';

const design = (vms: string, rules: string, cluster = '{}') =>
  `vtopo: 1\nclusters:\n  prod: ${cluster}\nhosts:\n${hostLines(2)}\nvms:\n${vms}\nrules:\n${rules}\n`;

const threeTier = [
  '  dc-01: { host: esx-01, memory: 4 GB, restartPriority: highest }',
  '  db-01: { host: esx-01, memory: 32 GB, restartPriority: high }',
  '  app-01: { host: esx-02, memory: 8 GB }',
].join('\n');

describe('restart-dependency-cycle', () => {
  it('reports the loop, in order, on the rule that starts it', () => {
    const rules = [
      '  app-waits-db: { type: restart-dependency, vms: [app-01], dependsOn: [db-01] }',
      '  db-waits-dc: { type: restart-dependency, vms: [db-01], dependsOn: [dc-01] }',
      '  dc-waits-app: { type: restart-dependency, vms: [dc-01], dependsOn: [app-01] }',
    ].join('\n');
    const text = design(threeTier, rules);
    const [finding, ...rest] = check(restartDependencyCycle, text);
    assert.equal(rest.length, 0);
    assert.match(finding?.message ?? '', /cycle: "app-01" -> "db-01" -> "dc-01" -> "app-01"/);
    assert.equal(at(text, finding), 'app-waits-db');
    assert.deepEqual(finding?.related?.map((r) => r.message), [
      '"app-01" waits for "db-01" (rule "app-waits-db")',
      '"db-01" waits for "dc-01" (rule "db-waits-dc")',
      '"dc-01" waits for "app-01" (rule "dc-waits-app")',
    ]);
    assert.deepEqual(finding?.related?.map((r) => text.slice(r.range.start, r.range.end)), ['db-01', 'dc-01', 'app-01']);
  });

  it('says nothing for a chain, or when the closing rule is disabled', () => {
    const chain = '  app-waits-db: { type: restart-dependency, vms: [app-01], dependsOn: [db-01] }\n  db-waits-dc: { type: restart-dependency, vms: [db-01], dependsOn: [dc-01] }';
    assert.deepEqual(check(restartDependencyCycle, design(threeTier, chain)), []);
    const closing = `${chain}\n  dc-waits-app: { type: restart-dependency, vms: [dc-01], dependsOn: [app-01], enabled: false }`;
    assert.deepEqual(check(restartDependencyCycle, design(threeTier, closing)), []);
  });
});

describe('restart-dependency-priority', () => {
  const rule = '  db-waits-app: { type: restart-dependency, vms: [db-01], dependsOn: [app-01] }';

  it('warns when a VM depends on one HA restarts in a later tier, on the dependency', () => {
    const text = design(threeTier, rule);
    const [finding] = check(restartDependencyPriority, text);
    assert.match(finding?.message ?? '', /"db-01" \(restart priority high\) depends on "app-01" \(medium \(cluster default\)\)/);
    assert.equal(at(text, finding), 'app-01');
    assert.ok((finding?.range.start ?? 0) > text.indexOf('db-waits-app'));
  });

  it('raises the dependency to the dependent\'s priority', () => {
    const text = design(threeTier, rule);
    const fixed = applyFix(text, check(restartDependencyPriority, text)[0], /Raise restartPriority of "app-01" to high/);
    assert.equal(parseVtopo(fixed).topology.vm('app-01')?.restartPriority, 'high');
    assert.deepEqual(check(restartDependencyPriority, fixed), []);
  });

  it('uses the cluster default, and says nothing for equal or higher dependencies or without HA', () => {
    const upward = '  app-waits-db: { type: restart-dependency, vms: [app-01], dependsOn: [db-01, dc-01] }';
    assert.deepEqual(check(restartDependencyPriority, design(threeTier, upward)), []);
    assert.deepEqual(check(restartDependencyPriority, design(threeTier, rule, '{ ha: { defaultRestartPriority: high } }')), []);
    assert.deepEqual(check(restartDependencyPriority, design(threeTier, rule, '{ ha: { enabled: false } }')), []);
  });
});
