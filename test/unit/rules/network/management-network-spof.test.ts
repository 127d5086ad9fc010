import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEFAULT_HOST_LAN, DEFAULT_LAN_LINKS, lanDesign } from '../../lan/fixtures';
import { findingsOf, textAt } from '../rule-test';

const RULE = 'management-network-spof';

describe('management-network-spof', () => {
  it('accepts management teamed over two adapters cabled to two switches', () => {
    assert.deepEqual(findingsOf(lanDesign(), RULE), []);
  });

  it('reports the one dual-port card of each host in examples/seed-000-fq1616r.vtopo', () => {
    const text = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
    const findings = findingsOf(text, RULE);
    assert.deepEqual(findings.map((f) => f.elementIds), [
      ['esx-01', 'esx-01/nic1'],
      ['esx-02', 'esx-02/nic1'],
    ]);
    assert.match(findings[0]?.message ?? '', /^Host "esx-01": every cabled uplink of its management network "management" is on the one adapter "esx-01\/nic1"/);
    assert.equal(textAt(text, findings[0]), 'esx-01');
    assert.equal(textAt(text, findings[0]?.related?.[0]), 'nic1');
    assert.equal(findings[0]?.severity, 'warning');
  });

  it('reports a management port group with one uplink: the port and its switch', () => {
    const text = lanDesign({ hostLan: DEFAULT_HOST_LAN.replace('Management: { vlan: 10, active: [HOST/nic1/p0], standby: [HOST/nic2/p0] }', 'Management: { vlan: 10, active: [HOST/nic1/p0] }') });
    const findings = findingsOf(text, RULE);
    assert.equal(findings.length, 3);
    assert.match(findings[0]?.message ?? '', /management network "esx-01\/vmk0" is the one port "esx-01\/nic1\/p0" and goes to the one switch "lan-1"/);
    assert.deepEqual(findings[0]?.elementIds, ['esx-01', 'esx-01/vmk0', 'esx-01/nic1/p0', 'lan-1']);
    assert.deepEqual(findings[0]?.related?.map((r) => textAt(text, r)), ['p0', 'lan-1', 'vmk0']);
  });

  it('reports two adapters cabled to one switch', () => {
    const links = DEFAULT_LAN_LINKS.map((l) => l.replace('[HOST/nic2/p0, lan-2]', '[HOST/nic2/p0, lan-1]'));
    const findings = findingsOf(lanDesign({ lanLinks: links }), RULE);
    assert.equal(findings.length, 3);
    assert.match(findings[0]?.message ?? '', /every cabled uplink of its management network "esx-01\/vmk0" goes to the one switch "lan-1"/);
  });

  it('reports a management network with no cabled uplink when other LAN ports are cabled', () => {
    const links = DEFAULT_LAN_LINKS.filter((l) => !l.includes('/p0'));
    const [finding, ...rest] = findingsOf(lanDesign({ lanLinks: links, hosts: ['esx-01', 'esx-02'] }), RULE);
    assert.equal(rest.length, 1);
    assert.match(finding?.message ?? '', /^Host "esx-01": no uplink of its management network "esx-01\/vmk0" is cabled to an Ethernet switch/);
  });

  it('counts uplinks that are unused for the management port group as no uplink at all', () => {
    const hostLan = DEFAULT_HOST_LAN.replace('Management: { vlan: 10, active: [HOST/nic1/p0], standby: [HOST/nic2/p0] }', 'Management: { vlan: 10, unused: [HOST/nic1/p0, HOST/nic2/p0, HOST/nic1/p1, HOST/nic2/p1] }');
    assert.match(findingsOf(lanDesign({ hostLan }), RULE)[0]?.message ?? '', /no uplink of its management network "esx-01\/vmk0" is cabled/);
  });

  it('says nothing about hosts without LAN cables, or whose LAN the design does not describe', () => {
    assert.deepEqual(findingsOf(lanDesign({ lanLinks: [] }), RULE), []);
    assert.deepEqual(findingsOf(lanDesign({ hostLan: '' }), RULE), []);
    assert.deepEqual(findingsOf(lanDesign({ hostLan: '    vmkernelPorts:\n      vmk0: { roles: [management] }' }), RULE), []);
  });

  it('says nothing about a host without cluster peers to send heartbeats to', () => {
    const oneUplink = DEFAULT_HOST_LAN.replace('standby: [HOST/nic2/p0] ', '');
    assert.equal(findingsOf(lanDesign({ hostLan: oneUplink }), RULE).length, 3);
    assert.deepEqual(findingsOf(lanDesign({ hostLan: oneUplink, hosts: ['esx-01'] }), RULE), []);
  });

  it('on Hyper-V, counts the heartbeat network on the second card as a second path', () => {
    const hostLan = ['    vmkernelPorts:', '      vmk0: { roles: [management], active: [HOST/nic1/p0] }', '      vmk2: { roles: [heartbeat], active: [HOST/nic2/p0] }'].join('\n');
    assert.deepEqual(findingsOf(lanDesign({ platform: 'hyperv', hostLan }), RULE), []);
    const findings = findingsOf(lanDesign({ platform: 'vsphere', hostLan }), RULE);
    assert.equal(findings.length, 3);
  });
});
