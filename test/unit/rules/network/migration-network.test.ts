import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_HOST_LAN, lanDesign } from '../../lan/fixtures';
import { NO_LAN_DESIGN, ONE_SWITCH_DESIGN } from './helpers';
import { findingsOf, textAt } from '../rule-test';

const RULE = 'migration-network';
const VMOTION = 'vMotion: { vlan: 20, active: [HOST/nic2/p0], standby: [HOST/nic1/p0] }';
const withVmotion = (teaming: string, extra = '') => lanDesign({ hostLan: DEFAULT_HOST_LAN.replace(VMOTION, `vMotion: { vlan: 20, ${teaming} }${extra}`) });

describe('migration-network on the LAN model', () => {
  it('accepts a vMotion port group with uplinks on two cards cabled to two switches', () => {
    assert.deepEqual(findingsOf(lanDesign(), RULE), []);
  });

  it('reads the uplinks of the port group a vMotion VMkernel port names: a single uplink', () => {
    const text = withVmotion('active: [HOST/nic2/p0]');
    const findings = findingsOf(text, RULE);
    assert.deepEqual(findings.map((f) => f.message), ['esx-01', 'esx-02', 'esx-03'].map((h) => `Host "${h}" has a single vMotion port ("${h}/nic2/p0"): one NIC or cable failure stops live migration. Add a second port, on another adapter.`));
    assert.equal(textAt(text, findings[0]), 'p0');
  });

  it('reports vMotion uplinks that are two ports of one card, naming the card', () => {
    const text = withVmotion('active: [HOST/nic1/p0], standby: [HOST/nic1/p1]');
    const [finding] = findingsOf(text, RULE);
    assert.equal(finding?.message, 'Host "esx-01" runs vMotion only over adapter "esx-01/nic1" (esx-01/nic1/p0, esx-01/nic1/p1): one card failure stops live migration. Add an uplink on another adapter.');
    assert.equal(textAt(text, finding), 'nic1');
    assert.equal(findingsOf(text, RULE).length, 3);
  });

  it('reports vMotion uplinks on two cards that all reach one switch', () => {
    const [finding, ...rest] = findingsOf(ONE_SWITCH_DESIGN, RULE);
    assert.equal(rest.length, 2);
    assert.equal(finding?.message, 'Every vMotion uplink of host "esx-01" (esx-01/nic2/p0, esx-01/nic1/p0) goes to switch "lan-1": one switch failure stops live migration. Cable an uplink to another switch.');
  });

  it('does not judge the switches of uplinks that are not cabled', () => {
    assert.deepEqual(findingsOf(lanDesign({ lanLinks: ['[HOST/nic1/p0, lan-1]', '[HOST/nic1/p1, lan-1]'] }), RULE), []);
  });

  it('reports a vMotion uplink that an iSCSI VMkernel port also uses through its port group', () => {
    const iscsi = '\n          iSCSI: { vlan: 40, active: [HOST/nic2/p0] }';
    const text = lanDesign({ hostLan: DEFAULT_HOST_LAN.replace(VMOTION, `${VMOTION}${iscsi}`).concat('      vmk2: { roles: [iscsi], portGroup: iSCSI }\n') });
    const findings = findingsOf(text, RULE);
    assert.equal(findings.length, 3);
    assert.equal(
      findings[0]?.message,
      'Uplink "esx-01/nic2/p0" of host "esx-01" carries vMotion (VMkernel port "esx-01/vmk1") and iSCSI (VMkernel port "esx-01/vmk2"): a migration saturates the link under every disk I/O. Give vMotion and iSCSI uplinks of their own.',
    );
    assert.equal(textAt(text, findings[0]), 'vmk1');
    assert.deepEqual(findingsOf(text, 'iscsi-shared-network'), []);
  });

  it('reports vMotion uplinks below 1 Gbps from their port speeds', () => {
    const findings = findingsOf(lanDesign().replaceAll('speed: 10 Gbps', 'speed: 100 Mbps'), RULE);
    assert.deepEqual(findings.map((f) => f.message)[0], 'Host "esx-01" has vMotion ports of at most 100 Mbps; live migration needs at least 1 Gbps (docs/design/sources.md#seed-003).');
  });

  it('says nothing about hosts whose Ethernet ports have no roles and that have no VMkernel port or virtual switch', () => {
    assert.deepEqual(findingsOf(NO_LAN_DESIGN, RULE), []);
  });
});
