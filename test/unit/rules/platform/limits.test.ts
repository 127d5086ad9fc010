import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hosts, vms } from './design';
import { findingsOf, textAt } from '../rule-test';

const design = (header: string, body: string) => `vtopo: 1\n${header}\nclusters:\n  prod: {}\nhosts:\n${body}`;

describe('cluster-size-limit', () => {
  it('flags a vSphere 6.7 cluster of 65 hosts, on the cluster id', () => {
    const text = design('platform: vsphere\nplatformVersion: "6.7"', hosts(65));
    const [finding, ...rest] = findingsOf(text, 'cluster-size-limit');
    assert.equal(rest.length, 0);
    assert.equal(finding?.severity, 'error');
    assert.match(finding?.message ?? '', /Cluster "prod" has 65 hosts; vSphere 6\.x and 7\.0 before Update 1 allows at most 64 hosts per cluster/);
    assert.equal(textAt(text, finding), 'prod');
  });

  it('accepts 65 hosts on vSphere 8, and says when the newest limits were assumed', () => {
    assert.deepEqual(findingsOf(design('platform: vsphere\nplatformVersion: "8.0"', hosts(65)), 'cluster-size-limit'), []);
    const unversioned = findingsOf(design('platform: vsphere', hosts(97)), 'cluster-size-limit');
    assert.match(unversioned[0]?.message ?? '', /vSphere 8\.x \(platformVersion is not set; the newest known limits apply\) allows at most 96 hosts per cluster \(commonly cited; verify/);
  });

  it('flags a Windows Server 2008 R2 cluster of 17 nodes (docs/design/sources.md#seed-001: Hyper-V 16), not one of 16', () => {
    assert.equal(findingsOf(design('platform: hyperv\nplatformVersion: "2008 R2"', hosts(17)), 'cluster-size-limit').length, 1);
    assert.deepEqual(findingsOf(design('platform: hyperv\nplatformVersion: "2008 R2"', hosts(16)), 'cluster-size-limit'), []);
  });

  it('flags more VMs than a 2008 R2 cluster holds (1,000)', () => {
    const text = design('platform: hyperv\nplatformVersion: "2008 R2"', `${hosts(2)}\nvms:\n${vms(1001, 'h1')}`);
    assert.match(findingsOf(text, 'cluster-size-limit')[0]?.message ?? '', /has 1,001 VMs; .* at most 1,000 VMs per cluster/);
    assert.deepEqual(findingsOf(design('platform: hyperv\nplatformVersion: "2008 R2"', `${hosts(2)}\nvms:\n${vms(1000, 'h1')}`), 'cluster-size-limit'), []);
  });

  it('never limits Proxmox VE cluster size', () => {
    assert.deepEqual(findingsOf(design('platform: proxmox\nplatformVersion: "8.4"', hosts(120)), 'cluster-size-limit'), []);
  });
});

describe('host-vm-limit', () => {
  it('flags a vSphere 5.5 host with 513 VMs (limit 512) as a warning', () => {
    const text = design('platform: vsphere\nplatformVersion: "5.5"', `${hosts(2)}\nvms:\n${vms(513, 'h1')}`);
    const findings = findingsOf(text, 'host-vm-limit');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity, 'warning');
    assert.match(findings[0]?.message ?? '', /Host "h1" has 513 VMs; vSphere 5\.5 and earlier allows at most 512 VMs per host/);
    assert.equal(textAt(text, findings[0]), 'h1');
  });

  it('flags powered-on VMs over the host\'s own maxVms, on that value, and ignores powered-off ones', () => {
    const body = '  h1:\n    cpu: { cores: 16, speed: 2.4 GHz }\n    memory: 256 GB\n    maxVms: 2\n';
    const over = design('platform: vsphere', `${body}vms:\n${vms(3, 'h1')}`);
    const finding = findingsOf(over, 'host-vm-limit')[0];
    assert.match(finding?.message ?? '', /runs 3 powered-on VMs, more than its maxVms of 2/);
    assert.equal(textAt(over, finding), '2');
    const withOneOff = design('platform: vsphere', `${body}vms:\n${vms(2, 'h1')}\n  v3: { host: h1, memory: 1 GB, power: off }`);
    assert.deepEqual(findingsOf(withOneOff, 'host-vm-limit'), []);
  });
});

describe('ha-single-host', () => {
  it('flags HA on a cluster of one host as an error', () => {
    const text = design('platform: vsphere', hosts(1));
    const finding = findingsOf(text, 'ha-single-host')[0];
    assert.equal(finding?.severity, 'error');
    assert.match(finding?.message ?? '', /only one host \("h1"\)/);
    assert.equal(textAt(text, finding), 'prod');
  });

  it('accepts a single host whose cluster says HA is off, and any two-host cluster', () => {
    const off = `vtopo: 1\nclusters:\n  prod: { ha: { enabled: false } }\nhosts:\n${hosts(1)}`;
    assert.deepEqual(findingsOf(off, 'ha-single-host'), []);
    assert.deepEqual(findingsOf(design('platform: vsphere', hosts(2)), 'ha-single-host'), []);
  });
});

describe('ha-minimum-hosts', () => {
  it('flags a two-node Proxmox VE HA cluster: quorum needs three', () => {
    const text = design('platform: proxmox\nplatformVersion: "8.4"', hosts(2));
    const finding = findingsOf(text, 'ha-minimum-hosts')[0];
    assert.equal(finding?.severity, 'warning');
    assert.match(finding?.message ?? '', /2 hosts with HA on, but Proxmox VE \(all releases\) HA needs quorum, at least 3 nodes.*Add 1 host/);
    assert.deepEqual(findingsOf(design('platform: proxmox', hosts(3)), 'ha-minimum-hosts'), []);
  });

  it('does not ask vSphere 8 for a third host with the slot or failover-host policy: the HA checklist asks for two', () => {
    for (const policy of ['slots', 'failover-hosts']) {
      const text = `vtopo: 1\nplatformVersion: "8.0"\nclusters:\n  prod:\n    ha:\n      admissionControl:\n        policy: ${policy}\nhosts:\n` + hosts(2);
      assert.deepEqual(findingsOf(text, 'ha-minimum-hosts'), [], policy);
    }
  });

  it('accepts two vSphere 8 hosts with the percentage policy, and slots on vSphere 7', () => {
    assert.deepEqual(findingsOf(design('platformVersion: "8.0"', hosts(2)), 'ha-minimum-hosts'), []);
    const slots7 = 'vtopo: 1\nplatformVersion: "7.0U3"\nclusters:\n  prod: { ha: { admissionControl: { policy: slots } } }\nhosts:\n' + hosts(2);
    assert.deepEqual(findingsOf(slots7, 'ha-minimum-hosts'), []);
  });
});
