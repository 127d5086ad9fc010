import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { antiAffinityInsufficientHosts } from '../../../../src/core/analysis/rules/placement/anti-affinity-insufficient-hosts';
import { antiAffinitySameHost } from '../../../../src/core/analysis/rules/placement/anti-affinity-same-host';
import { criticalPeersSameHost } from '../../../../src/core/analysis/rules/placement/critical-peers-same-host';
import { vmHostMustTooFewHosts } from '../../../../src/core/analysis/rules/placement/vm-host-must-too-few-hosts';
import { parseVtopo } from '../../../../src/core/model/parse';
import { hostLines } from './helpers';
import { fixed, reportsOf, textAt } from '../rule-test';

const design = (hostCount: number, vms: string, extra = '') =>
  `vtopo: 1\nclusters:\n  prod: {}\nhosts:\n${hostLines(hostCount)}\nvms:\n${vms}\n${extra}`;

const sqlNodes = (hostOfSecond: string) => [
  '  sql-01: { host: esx-01, memory: 64 GB, role: sql, guestCluster: sql-gc }',
  `  sql-02: { host: ${hostOfSecond}, memory: 64 GB, role: sql, guestCluster: sql-gc }`,
].join('\n');
const sqlCluster = 'guestClusters:\n  sql-gc: { type: failover, sharedDisk: quorum }\ndatastores:\n  quorum: { protocol: raw, array: san, shared: true }\narrays:\n  san: {}\n';

describe('anti-affinity-same-host', () => {
  it('flags two nodes of a guest cluster on one host, on the second node\'s host', () => {
    const text = design(3, sqlNodes('esx-01'), sqlCluster);
    const [finding, ...rest] = reportsOf(text, antiAffinitySameHost);
    assert.equal(rest.length, 0);
    assert.match(finding?.message ?? '', /"sql-02" runs on host "esx-01" with "sql-01", a fellow node of failover guest cluster "sql-gc"/);
    assert.equal(textAt(text, finding), 'esx-01');
    assert.ok((finding?.range.start ?? 0) > text.indexOf('sql-02'));
  });

  it('offers an anti-affinity rule for the nodes; applied, the rule lists them and the nodes still collide until moved', () => {
    const text = design(3, sqlNodes('esx-01'), sqlCluster);
    const after = fixed(text, reportsOf(text, antiAffinitySameHost)[0], /Add anti-affinity rule "sql-gc-apart"/);
    const rule = parseVtopo(after).topology.rules.find((r) => r.id === 'sql-gc-apart');
    assert.deepEqual([rule?.type, rule?.vms], ['anti-affinity', ['sql-01', 'sql-02']]);
    const again = reportsOf(after, antiAffinitySameHost);
    assert.equal(again.length, 1, 'the rule is reported once, not once per source');
    assert.ok(!again[0]?.fixes?.some((f) => f.title.startsWith('Add anti-affinity rule')), 'no second rule is offered');
  });

  it('moves the second member to a host of the cluster that runs no member', () => {
    const text = design(3, sqlNodes('esx-01'), sqlCluster);
    const finding = reportsOf(text, antiAffinitySameHost)[0];
    assert.deepEqual(finding?.fixes?.filter((f) => f.title.startsWith('Move')).map((f) => f.title), ['Move "sql-02" to host "esx-02"', 'Move "sql-02" to host "esx-03"']);
    assert.deepEqual(reportsOf(fixed(text, finding, /to host "esx-03"/), antiAffinitySameHost), []);
  });

  it('flags members of an enabled anti-affinity rule, and not of a disabled one', () => {
    const vms = '  web-01: { host: esx-02, memory: 8 GB }\n  web-02: { host: esx-02, memory: 8 GB }';
    const rules = (enabled: boolean) => `rules:\n  web-apart: { type: anti-affinity, vms: [web-01, web-02], enabled: ${enabled} }\n`;
    const finding = reportsOf(design(2, vms, rules(true)), antiAffinitySameHost)[0];
    assert.match(finding?.message ?? '', /which anti-affinity rule "web-apart" keeps on another host/);
    assert.deepEqual(finding?.fixes?.map((f) => f.title), ['Move "web-02" to host "esx-01"']);
    assert.deepEqual(reportsOf(design(2, vms, rules(false)), antiAffinitySameHost), []);
  });

  it('says nothing when the nodes run on different hosts, or one is powered off', () => {
    assert.deepEqual(reportsOf(design(3, sqlNodes('esx-02'), sqlCluster), antiAffinitySameHost), []);
    assert.deepEqual(reportsOf(design(3, sqlNodes('esx-01').replace('role: sql, guestCluster', 'power: off, role: sql, guestCluster'), sqlCluster), antiAffinitySameHost), []);
  });

  it('writes the new rule in list style when the rules section is a list', () => {
    const text = design(3, sqlNodes('esx-01'), `${sqlCluster}rules:\n  - id: other\n    type: affinity\n    vms: [sql-01]\n`);
    const after = fixed(text, reportsOf(text, antiAffinitySameHost)[0], /Add anti-affinity rule/);
    assert.deepEqual(parseVtopo(after).problems, []);
    assert.deepEqual(parseVtopo(after).topology.rules.map((r) => r.id), ['other', 'sql-gc-apart']);
  });
});

describe('critical-peers-same-host', () => {
  const peers = (exchangeHost: string) => `  sql-01: { host: esx-01, memory: 64 GB, role: SQL Server }\n  mail-01: { host: ${exchangeHost}, memory: 64 GB, role: exchange }`;

  it('warns when Exchange and SQL Server share a host (docs/design/sources.md#seed-002), on the VM written later', () => {
    const text = design(3, peers('esx-01'));
    const [finding, ...rest] = reportsOf(text, criticalPeersSameHost);
    assert.equal(rest.length, 0);
    assert.match(finding?.message ?? '', /Exchange VM "mail-01" and SQL Server VM "sql-01" both run on host "esx-01"/);
    assert.ok((finding?.range.start ?? 0) > text.indexOf('mail-01'));
  });

  it('is settled by the anti-affinity rule its quick fix adds (which then asks for a move)', () => {
    const text = design(3, peers('esx-01'));
    const after = fixed(text, reportsOf(text, criticalPeersSameHost)[0], /Add anti-affinity rule "mail-01-sql-01-apart"/);
    assert.deepEqual(reportsOf(after, criticalPeersSameHost), []);
    assert.equal(reportsOf(after, antiAffinitySameHost).length, 1);
    const moved = fixed(text, reportsOf(text, criticalPeersSameHost)[0], /Move "mail-01" to host "esx-02"/);
    assert.deepEqual(reportsOf(moved, criticalPeersSameHost), []);
  });

  it('says nothing when they run on different hosts', () => {
    assert.deepEqual(reportsOf(design(3, peers('esx-02')), criticalPeersSameHost), []);
  });
});

describe('anti-affinity-insufficient-hosts', () => {
  const webs = '  web-01: { host: esx-01, memory: 8 GB }\n  web-02: { host: esx-02, memory: 8 GB }\n  web-03: { host: esx-03, memory: 8 GB }';
  const rule = 'rules:\n  web-apart: { type: anti-affinity, vms: [web-01, web-02, web-03] }\n';

  it('warns when fewer hosts than members remain after F failures', () => {
    const text = design(3, webs, rule);
    const [finding] = reportsOf(text, antiAffinityInsufficientHosts);
    assert.match(finding?.message ?? '', /keeps 3 VMs .* cluster "prod" has 3 connected hosts: after 1 host failure \(hostFailuresToTolerate\) only 2 remain/);
    assert.equal(textAt(text, finding), 'web-apart');
  });

  it('reports a guest cluster and the rule that keeps its nodes apart once', () => {
    const text = design(1, sqlNodes('esx-01'), `${sqlCluster}rules:\n  sql-apart: { type: anti-affinity, vms: [sql-01, sql-02] }\n`);
    const [finding, ...rest] = reportsOf(text, antiAffinityInsufficientHosts);
    assert.equal(rest.length, 0);
    assert.match(finding?.message ?? '', /^Failover guest cluster "sql-gc" keeps 2 VMs/);
  });

  it('does not count hosts in maintenance mode', () => {
    const text = design(4, webs, rule).replace('esx-04: { cluster: prod,', 'esx-04: { cluster: prod, state: maintenance,');
    assert.equal(reportsOf(text, antiAffinityInsufficientHosts).length, 1);
  });

  it('says nothing with one spare host, or when HA may ignore the rule on restart', () => {
    assert.deepEqual(reportsOf(design(4, webs, rule), antiAffinityInsufficientHosts), []);
    const ignoring = design(3, webs, rule).replace('  prod: {}', '  prod: { ha: { respectAntiAffinity: false } }');
    assert.deepEqual(reportsOf(ignoring, antiAffinityInsufficientHosts), []);
  });

  it('still warns without HA when the group cannot be placed at all', () => {
    const text = design(2, webs.replace('host: esx-03', 'host: esx-02'), rule).replace('  prod: {}', '  prod: { ha: { enabled: false } }');
    assert.match(reportsOf(text, antiAffinityInsufficientHosts)[0]?.message ?? '', /has only 2 connected hosts: the rule cannot be met even before a failure/);
  });
});

describe('vm-host-must-too-few-hosts', () => {
  const vms = '  lic-01: { host: esx-01, memory: 8 GB }';
  const mustRule = (hosts: string, mode = 'must-run-on') => `rules:\n  licensed: { type: vm-host, vms: [lic-01], hosts: ${hosts}, mode: ${mode} }\n`;

  it('warns when a must-run-on group has no more hosts than the cluster tolerates failures', () => {
    const text = design(3, vms, mustRule('[esx-01]'));
    const [finding] = reportsOf(text, vmHostMustTooFewHosts);
    assert.match(finding?.message ?? '', /confines "lic-01" to 1 connected host of cluster "prod" \("esx-01"\); the cluster tolerates 1 host failure/);
    assert.equal(textAt(text, finding), '[esx-01]');
  });

  it('flags a host of another cluster named in the group, on that host', () => {
    const text = `vtopo: 1\nclusters:\n  prod: {}\n  dev: {}\nhosts:\n${hostLines(2)}\n${hostLines(1, 'dev', 'dev')}\nvms:\n${vms}\n${mustRule('[esx-01, esx-02, dev-01]')}`;
    const [finding, ...rest] = reportsOf(text, vmHostMustTooFewHosts);
    assert.equal(rest.length, 0);
    assert.match(finding?.message ?? '', /names host "dev-01" of cluster "dev", but its VMs run in cluster "prod"/);
    assert.equal(textAt(text, finding), 'dev-01');
  });

  it('says nothing for a group larger than F, or a should rule', () => {
    assert.deepEqual(reportsOf(design(3, vms, mustRule('[esx-01, esx-02]')), vmHostMustTooFewHosts), []);
    assert.deepEqual(reportsOf(design(3, vms, mustRule('[esx-01]', 'should-run-on')), vmHostMustTooFewHosts), []);
  });
});
