import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guestClusterRoleMismatch } from '../../../../src/core/analysis/rules/placement/guest-cluster-role-mismatch';
import { guestClusterSharedDisk } from '../../../../src/core/analysis/rules/placement/guest-cluster-shared-disk';
import { guestClusterSize } from '../../../../src/core/analysis/rules/placement/guest-cluster-size';
import { guestClusterVnics } from '../../../../src/core/analysis/rules/placement/guest-cluster-vnics';
import { parseVtopo } from '../../../../src/core/model/parse';
import { hostLines } from './helpers';
import { fixed, reportsOf, textAt } from '../rule-test';

const design = (vms: string, guestClusters: string, datastores = '  quorum: { protocol: raw, array: san, shared: true }') =>
  `vtopo: 1\nclusters:\n  prod: {}\nhosts:\n${hostLines(3)}\narrays:\n  san: {}\ndatastores:\n${datastores}\nvms:\n${vms}\nguestClusters:\n${guestClusters}\n`;

/** `count` nodes of guest cluster `gc`, one line each. */
const nodes = (count: number, gc: string, fields = 'vnics: 3, sharedDisks: [quorum]') =>
  Array.from({ length: count }, (_, i) => `  ${gc}-${i + 1}: { host: esx-0${(i % 3) + 1}, memory: 8 GB, guestCluster: ${gc}, ${fields} }`).join('\n');

describe('guest-cluster-size', () => {
  it('flags a failover cluster of one node: it has no partner to fail over to', () => {
    const text = design(nodes(1, 'sql'), '  sql: { type: failover, sharedDisk: quorum }');
    const [finding] = reportsOf(text, guestClusterSize);
    assert.match(finding?.message ?? '', /Failover guest cluster "sql" has 1 node \("sql-1"\): with no partner node it cannot fail over/);
    assert.equal(textAt(text, finding), 'sql');
  });

  it('flags a failover cluster above 16 nodes and an NLB cluster above 32 (docs/design/sources.md#seed-001-guest-cluster-table)', () => {
    const text = design(`${nodes(17, 'fc')}\n${nodes(33, 'web', 'vnics: 2')}`, '  fc: { type: failover, sharedDisk: quorum }\n  web: { type: nlb }');
    assert.deepEqual(reportsOf(text, guestClusterSize).map((f) => f.message.replace(/ \(docs\/design\/sources\.md#seed.*/, '')), [
      'Failover guest cluster "fc" has 17 nodes; a failover cluster has at most 16',
      'NLB guest cluster "web" has 33 nodes; an NLB cluster has at most 32',
    ]);
  });

  it('accepts 2 to 16 failover nodes and up to 32 NLB nodes', () => {
    const text = design(`${nodes(16, 'fc')}\n${nodes(32, 'web', 'vnics: 2')}\n${nodes(2, 'two')}`, '  fc: { type: failover, sharedDisk: quorum }\n  web: { type: nlb }\n  two: { type: failover, sharedDisk: quorum }');
    assert.deepEqual(reportsOf(text, guestClusterSize), []);
  });
});

describe('guest-cluster-vnics', () => {
  it('asks for 3 vNICs on a failover node, and its quick fix adds the key', () => {
    const text = design(nodes(2, 'sql', 'sharedDisks: [quorum]'), '  sql: { type: failover, sharedDisk: quorum }');
    const findings = reportsOf(text, guestClusterVnics);
    assert.equal(findings.length, 2);
    assert.match(findings[0]?.message ?? '', /"sql-1" is a node of failover guest cluster "sql" with 1 vNIC; it needs at least 3 \(public, private heartbeat, iSCSI\)/);
    const after = fixed(text, findings[0], /Set vnics of "sql-1" to 3/);
    assert.equal(parseVtopo(after).topology.vm('sql-1')?.vnics, 3);
    assert.equal(reportsOf(after, guestClusterVnics).length, 1);
  });

  it('asks for 2 vNICs on an NLB node, replacing the written value', () => {
    const text = design(nodes(2, 'web', 'vnics: 1'), '  web: { type: nlb }');
    const finding = reportsOf(text, guestClusterVnics)[0];
    assert.equal(textAt(text, finding), '1');
    assert.equal(parseVtopo(fixed(text, finding, /to 2/)).topology.vm('web-1')?.vnics, 2);
  });

  it('says nothing when nodes have enough vNICs', () => {
    assert.deepEqual(reportsOf(design(nodes(2, 'sql'), '  sql: { type: failover, sharedDisk: quorum }'), guestClusterVnics), []);
  });
});

describe('guest-cluster-shared-disk', () => {
  it('flags a failover cluster with no shared disk, and names the disk every node already attaches', () => {
    const text = design(nodes(2, 'sql'), '  sql: { type: failover }');
    const [finding] = reportsOf(text, guestClusterSharedDisk);
    assert.match(finding?.message ?? '', /Failover guest cluster "sql" has no shared disk/);
    const after = fixed(text, finding, /Set sharedDisk of "sql" to "quorum"/);
    assert.deepEqual(reportsOf(after, guestClusterSharedDisk), []);
  });

  it('flags a node that does not attach the shared disk, and adds it', () => {
    const text = design(`${nodes(1, 'sql')}\n  sql-2: { host: esx-02, memory: 8 GB, guestCluster: sql, vnics: 3 }`, '  sql: { type: failover, sharedDisk: quorum }');
    const [finding, ...rest] = reportsOf(text, guestClusterSharedDisk);
    assert.equal(rest.length, 0);
    assert.match(finding?.message ?? '', /"sql-2" is a node of failover guest cluster "sql" but does not attach its shared disk "quorum"/);
    const after = fixed(text, finding, /Add "quorum" to the shared disks of "sql-2"/);
    assert.deepEqual(parseVtopo(after).topology.vm('sql-2')?.sharedDisks, ['quorum']);
    assert.deepEqual(reportsOf(after, guestClusterSharedDisk), []);
  });

  it('flags a shared disk on one host\'s local storage', () => {
    const text = design(nodes(2, 'sql', 'vnics: 3, sharedDisks: [das]'), '  sql: { type: failover, sharedDisk: das }', '  das: { host: esx-01 }');
    const [finding] = reportsOf(text, guestClusterSharedDisk);
    assert.match(finding?.message ?? '', /Shared disk "das" of failover guest cluster "sql" is local storage of host "esx-01"/);
    assert.equal(textAt(text, finding), 'das');
  });

  it('says nothing for a failover cluster on a SAN disk every node attaches, or for NLB', () => {
    assert.deepEqual(reportsOf(design(nodes(2, 'sql'), '  sql: { type: failover, sharedDisk: quorum }'), guestClusterSharedDisk), []);
    assert.deepEqual(reportsOf(design(nodes(2, 'web', 'vnics: 2'), '  web: { type: nlb }'), guestClusterSharedDisk), []);
  });
});

describe('guest-cluster-role-mismatch', () => {
  it('flags a stateful role on an NLB cluster, on the role', () => {
    const text = design(nodes(2, 'db', 'vnics: 2'), '  db: { type: nlb, role: sql }');
    const [finding, ...rest] = reportsOf(text, guestClusterRoleMismatch);
    assert.equal(rest.length, 0);
    assert.match(finding?.message ?? '', /NLB guest cluster "db" serves "sql", a stateful role/);
    assert.equal(textAt(text, finding), 'sql');
  });

  it('flags a stateless node role on a failover cluster', () => {
    const text = design(nodes(2, 'fc', 'vnics: 3, sharedDisks: [quorum], role: web'), '  fc: { type: failover, sharedDisk: quorum }');
    assert.deepEqual(reportsOf(text, guestClusterRoleMismatch).map((f) => textAt(text, f)), ['web', 'web']);
  });

  it('says nothing for SQL on failover, web on NLB, or roles it does not know', () => {
    const text = design(
      `${nodes(2, 'fc', 'vnics: 3, sharedDisks: [quorum], role: sql')}\n${nodes(2, 'web', 'vnics: 2, role: web')}\n${nodes(2, 'app', 'vnics: 2, role: app')}`,
      '  fc: { type: failover, role: sql, sharedDisk: quorum }\n  web: { type: nlb, role: web }\n  app: { type: nlb, role: app }',
    );
    assert.deepEqual(reportsOf(text, guestClusterRoleMismatch), []);
  });
});
