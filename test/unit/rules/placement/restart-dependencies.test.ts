import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restartDependencyCycle } from '../../../../src/core/analysis/rules/placement/restart-dependency-cycle';
import { restartDependencyPriority } from '../../../../src/core/analysis/rules/placement/restart-dependency-priority';
import { parseVtopo } from '../../../../src/core/model/parse';
import { hostLines } from './helpers';
import { fixed, reportsOf, textAt } from '../rule-test';

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
    const [finding, ...rest] = reportsOf(text, restartDependencyCycle);
    assert.equal(rest.length, 0);
    assert.match(finding?.message ?? '', /cycle: "app-01" -> "db-01" -> "dc-01" -> "app-01"/);
    assert.equal(textAt(text, finding), 'app-waits-db');
    assert.deepEqual(finding?.related?.map((r) => r.message), [
      '"app-01" waits for "db-01" (rule "app-waits-db")',
      '"db-01" waits for "dc-01" (rule "db-waits-dc")',
      '"dc-01" waits for "app-01" (rule "dc-waits-app")',
    ]);
    assert.deepEqual(finding?.related?.map((r) => textAt(text, r)), ['db-01', 'dc-01', 'app-01']);
  });

  it('says nothing for a chain, or when the closing rule is disabled', () => {
    const chain = '  app-waits-db: { type: restart-dependency, vms: [app-01], dependsOn: [db-01] }\n  db-waits-dc: { type: restart-dependency, vms: [db-01], dependsOn: [dc-01] }';
    assert.deepEqual(reportsOf(design(threeTier, chain), restartDependencyCycle), []);
    const closing = `${chain}\n  dc-waits-app: { type: restart-dependency, vms: [dc-01], dependsOn: [app-01], enabled: false }`;
    assert.deepEqual(reportsOf(design(threeTier, closing), restartDependencyCycle), []);
  });
});

describe('restart-dependency-priority', () => {
  const rule = '  db-waits-app: { type: restart-dependency, vms: [db-01], dependsOn: [app-01] }';

  it('warns when a VM depends on one HA restarts in a later tier, on the dependency', () => {
    const text = design(threeTier, rule);
    const [finding] = reportsOf(text, restartDependencyPriority);
    assert.match(finding?.message ?? '', /"db-01" \(restart priority high\) depends on "app-01" \(medium \(cluster default\)\)/);
    assert.equal(textAt(text, finding), 'app-01');
    assert.ok((finding?.range.start ?? 0) > text.indexOf('db-waits-app'));
  });

  it('raises the dependency to the dependent\'s priority', () => {
    const text = design(threeTier, rule);
    const after = fixed(text, reportsOf(text, restartDependencyPriority)[0], /Raise restartPriority of "app-01" to high/);
    assert.equal(parseVtopo(after).topology.vm('app-01')?.restartPriority, 'high');
    assert.deepEqual(reportsOf(after, restartDependencyPriority), []);
  });

  it('uses the cluster default, and says nothing for equal or higher dependencies or without HA', () => {
    const upward = '  app-waits-db: { type: restart-dependency, vms: [app-01], dependsOn: [db-01, dc-01] }';
    assert.deepEqual(reportsOf(design(threeTier, upward), restartDependencyPriority), []);
    assert.deepEqual(reportsOf(design(threeTier, rule, '{ ha: { defaultRestartPriority: high } }'), restartDependencyPriority), []);
    assert.deepEqual(reportsOf(design(threeTier, rule, '{ ha: { enabled: false } }'), restartDependencyPriority), []);
  });
});
