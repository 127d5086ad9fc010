import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { threeHosts } from './helpers';
import { findingsOf, textAt } from '../rule-test';

describe('n1-capacity', () => {
  it('is quiet when any one host\'s VMs fit on the other two', () => {
    const text = threeHosts('{ policy: percentage }', '  a: { host: esx-01, memory: 32 GB }\n  b: { host: esx-02, memory: 32 GB }\n  c: { host: esx-03, memory: 32 GB }\n');
    assert.deepEqual(findingsOf(text, 'n1-capacity'), []);
  });

  it('counts an FT secondary on its own host, and lets the secondary take over instead of restarting the VM', () => {
    // 64 GB each. pay (40 GB) on esx-01 has its FT secondary on esx-02, beside big (20 GB): 60 GB in use there.
    // Losing esx-01: the secondary takes over, nothing to restart. Losing esx-03: other (40 GB) finds 24 GB and 4 GB.
    const text = threeHosts(
      '{ policy: percentage }',
      '  pay: { host: esx-01, memory: 40 GB, protection: ft, secondaryHost: esx-02 }\n  big: { host: esx-02, memory: 20 GB }\n  other: { host: esx-03, memory: 40 GB }\n',
    );
    const [finding, ...others] = findingsOf(text, 'n1-capacity');
    assert.equal(others.length, 0);
    assert.match(finding?.message ?? '', /^If host "esx-03" fails, 1 protected VM of cluster "prod" cannot restart on the 2 surviving hosts: "other"/);
  });

  it('names the host whose loss hurts most and the VMs that cannot restart', () => {
    // 64 GB each. esx-01 runs two 40 GB VMs; esx-02 and esx-03 have 24 GB free each: neither fits anywhere.
    const text = threeHosts(
      '{ policy: percentage }',
      '  sql-01: { host: esx-01, memory: 40 GB, restartPriority: high }\n  sql-02: { host: esx-01, memory: 20 GB, reservation: { memory: 20 GB } }\n  app-02: { host: esx-02, memory: 40 GB }\n  app-03: { host: esx-03, memory: 40 GB }\n',
    );
    const [finding, ...others] = findingsOf(text, 'n1-capacity');
    assert.equal(others.length, 0);
    assert.equal(finding?.severity, 'error');
    assert.equal(textAt(text, finding), 'prod');
    // Losing esx-01: sql-01 (40 GB) finds 24 GB; sql-02 (20 GB) fits esx-02. Losing esx-02 or esx-03: app (40 GB) finds 4 GB and 24 GB.
    // One VM down either way; losing esx-01 leaves 140 GB of VMs on 128 GB, the others 140 GB too: the first, esx-01, is named.
    assert.equal(
      finding?.message,
      'If host "esx-01" fails, 1 protected VM of cluster "prod" cannot restart on the 2 surviving hosts: "sql-01" (configured memory does not fit without overcommitting).',
    );
    assert.deepEqual(finding?.elementIds, ['prod', 'esx-01', 'sql-01']);
    assert.deepEqual(finding?.related?.map((r) => textAt(text, r)), ['esx-01', 'sql-01']);
  });

  it('says when reservations themselves do not fit, so HA refuses the restart', () => {
    // esx-01 reserves 40 GB for one VM; the others reserve 30 GB each, leaving 34 GB: sql-01 cannot restart anywhere.
    const text = threeHosts(
      '{ policy: percentage }',
      '  sql-01: { host: esx-01, memory: 40 GB, reservation: { memory: 40 GB } }\n  a: { host: esx-02, memory: 30 GB, reservation: { memory: 30 GB } }\n  b: { host: esx-03, memory: 30 GB, reservation: { memory: 30 GB } }\n',
    );
    const [finding] = findingsOf(text, 'n1-capacity');
    assert.equal(
      finding?.message,
      'If host "esx-01" fails, 1 protected VM of cluster "prod" cannot restart on the 2 surviving hosts: "sql-01" (its reservation does not fit).',
    );
  });

  it('does not count VMs whose restart priority is disabled, nor powered-off VMs', () => {
    const text = threeHosts(
      '{ policy: percentage }',
      '  batch: { host: esx-01, memory: 60 GB, restartPriority: disabled }\n  old: { host: esx-02, memory: 60 GB, power: off }\n',
    );
    assert.deepEqual(findingsOf(text, 'n1-capacity'), []);
  });
});

describe('n1-capacity wording', () => {
  it('says that no host is left, not "cannot restart on no other connected host"', () => {
    const text = `vtopo: 1
clusters:
  prod: {}
hosts:
  esx-01: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB }
  esx-02: { cpu: { cores: 16, speed: 2 GHz }, memory: 68 GB, state: maintenance }
vms:
  a: { host: esx-01, memory: 8 GB }
`;
    const [finding] = findingsOf(text, 'n1-capacity');
    assert.match(finding?.message ?? '', /cannot restart: no other host of the cluster is connected/);
    assert.doesNotMatch(finding?.message ?? '', /on no other/);
  });
});
