import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { threeHosts } from './helpers';
import { findingsOf, fixed, textAt } from '../rule-test';

describe('failover-host-runs-vms', () => {
  it('is quiet when the failover host is empty', () => {
    const text = threeHosts('{ policy: failover-hosts, failoverHosts: [esx-03] }', '  a: { host: esx-01, memory: 8 GB }\n');
    assert.deepEqual(findingsOf(text, 'failover-host-runs-vms'), []);
  });

  it('flags a VM on a failover host and moves it to the host with the most free memory', () => {
    const text = threeHosts(
      '{ policy: failover-hosts, failoverHosts: [esx-03] }',
      '  a: { host: esx-01, memory: 16 GB }\n  b: { host: esx-02, memory: 8 GB }\n  squatter: { host: esx-03, memory: 4 GB }\n',
    );
    const [finding, ...others] = findingsOf(text, 'failover-host-runs-vms');
    assert.equal(others.length, 0);
    assert.equal(finding?.severity, 'warning');
    assert.equal(textAt(text, finding), 'esx-03');
    assert.match(finding?.message ?? '', /^VM "squatter" runs on "esx-03", a dedicated failover host of cluster "prod"/);
    assert.equal(finding?.fixes?.[0]?.title, 'Move "squatter" to "esx-02" (most free memory)');
    assert.match(fixed(text, finding), /squatter: \{ host: esx-02, memory: 4 GB \}/);
  });

  it('ignores powered-off VMs and clusters with another policy', () => {
    const off = threeHosts('{ policy: failover-hosts, failoverHosts: [esx-03] }', '  template: { host: esx-03, memory: 4 GB, power: off }\n');
    assert.deepEqual(findingsOf(off, 'failover-host-runs-vms'), []);
    const otherPolicy = threeHosts('{ policy: slots, failoverHosts: [esx-03] }', '  a: { host: esx-03, memory: 4 GB }\n');
    assert.deepEqual(findingsOf(otherPolicy, 'failover-host-runs-vms'), []);
  });
});
