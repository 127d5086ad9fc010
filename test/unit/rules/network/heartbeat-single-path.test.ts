import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lanDesign } from '../../lan/fixtures';
import { findingsOf, textAt } from '../rule-test';

const RULE = 'heartbeat-single-path';

/** Host LAN of Hyper-V and Proxmox designs: one host vNIC per line, `HOST` for the host id. */
const vnics = (...lines: string[]) => ['    vmkernelPorts:', ...lines.map((line) => `      ${line}`)].join('\n');

describe('heartbeat-single-path', () => {
  describe('vSphere', () => {
    it('reports a cluster whose only isolation address is the management gateway', () => {
      const text = lanDesign();
      const [finding, ...rest] = findingsOf(text, RULE);
      assert.deepEqual(rest, []);
      assert.match(finding?.message ?? '', /^Cluster "prod" has one HA isolation address, only the management network's default gateway \(10\.0\.10\.1\)/);
      assert.match(finding?.message ?? '', /das\.isolationaddress/);
      assert.equal(textAt(text, finding), 'ha');
      assert.equal(finding?.severity, 'warning');
    });

    it('accepts an extra isolation address on another device', () => {
      assert.deepEqual(findingsOf(lanDesign({ ha: '      isolationAddresses: [10.0.20.1]' }), RULE), []);
    });

    it('reports isolation addresses that all answer from one switch', () => {
      const text = lanDesign({ ha: '      isolationAddresses: [10.0.10.2]' }).replace('addresses: [10.0.10.1]', 'addresses: [10.0.10.1, 10.0.10.2]');
      const [finding] = findingsOf(text, RULE);
      assert.match(finding?.message ?? '', /every HA isolation address \(10\.0\.10\.1, 10\.0\.10\.2\) answers from switch "lan-1"/);
      assert.equal(textAt(text, finding), '[10.0.10.2]');
      assert.deepEqual(findingsOf(text.replace('lan-2: { type: ethernet }', 'lan-2: { type: ethernet, addresses: [10.0.10.3] }').replace('[10.0.10.2]', '[10.0.10.2, 10.0.10.3]'), RULE), []);
    });

    it('reports a cluster with no isolation address at all', () => {
      const text = lanDesign({ ha: '      useDefaultIsolationAddress: false' });
      const [finding] = findingsOf(text, RULE);
      assert.match(finding?.message ?? '', /has no HA isolation address/);
      assert.equal(textAt(text, finding), 'false');
    });

    it('says nothing without a LAN model, with HA disabled, or with one host', () => {
      assert.deepEqual(findingsOf(lanDesign({ hostLan: '' }), RULE), []);
      assert.deepEqual(findingsOf(lanDesign({ ha: '      enabled: false' }), RULE), []);
      assert.deepEqual(findingsOf(lanDesign({ hosts: ['esx-01'] }), RULE), []);
    });
  });

  describe('Hyper-V', () => {
    it('reports hosts with a single cluster network', () => {
      const text = lanDesign({ platform: 'hyperv', hostLan: vnics('vmk0: { roles: [management], active: [HOST/nic1/p0], standby: [HOST/nic2/p0] }') });
      const [finding, ...rest] = findingsOf(text, RULE);
      assert.deepEqual(rest, []);
      assert.match(finding?.message ?? '', /^Cluster "prod": "esx-01", "esx-02", "esx-03" have only one cluster network \(role management or heartbeat\): add a second cluster network/);
      assert.equal(textAt(text, finding), 'prod');
    });

    it('accepts a management and a cluster-only (heartbeat) network', () => {
      const hostLan = vnics('vmk0: { roles: [management], active: [HOST/nic1/p0], standby: [HOST/nic2/p0] }', 'vmk2: { roles: [heartbeat], active: [HOST/nic2/p1], standby: [HOST/nic1/p1] }');
      assert.deepEqual(findingsOf(lanDesign({ platform: 'hyperv', hostLan }), RULE), []);
    });
  });

  describe('Proxmox VE', () => {
    it('reports a cluster whose corosync runs on the management network alone (link0 only)', () => {
      const text = lanDesign({ platform: 'proxmox', hostLan: vnics('vmk0: { roles: [management], active: [HOST/nic1/p0], standby: [HOST/nic2/p0] }') });
      assert.match(findingsOf(text, RULE)[0]?.message ?? '', /have only one corosync link .*: add a second corosync link \(link1\)/);
    });

    it('reports a single dedicated corosync link, and accepts two', () => {
      const one = vnics('vmk0: { roles: [management], active: [HOST/nic1/p0] }', 'vmk2: { roles: [heartbeat], active: [HOST/nic2/p0] }');
      assert.equal(findingsOf(lanDesign({ platform: 'proxmox', hostLan: one }), RULE).length, 1);
      const two = `${one}\n      vmk3: { roles: [heartbeat], active: [HOST/nic1/p1] }`;
      assert.deepEqual(findingsOf(lanDesign({ platform: 'proxmox', hostLan: two }), RULE), []);
    });
  });

  it('does not judge XenServer pools', () => {
    assert.deepEqual(findingsOf(lanDesign({ platform: 'xenserver' }), RULE), []);
  });
});
