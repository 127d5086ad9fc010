import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ISCSI_DESIGN } from './fixtures';
import { edited, findingsOf, fixed, textAt } from '../rule-test';

const RULE = 'iscsi-port-binding';
const VMK1 = 'vmk1: { roles: [iscsi], active: [esx-01/nic1/p0], subnet: 10.10.1.0/24, mtu: 9000 }';

describe('iscsi-port-binding', () => {
  it('accepts one VMkernel port per NIC port, each with one active uplink and no standby', () => {
    assert.deepEqual(findingsOf(ISCSI_DESIGN, RULE), []);
  });

  it('reports a standby uplink, and its quick fix empties the standby list', () => {
    const text = edited(ISCSI_DESIGN, [VMK1, VMK1.replace('mtu: 9000', 'mtu: 9000, standby: [esx-01/nic2/p1]')]);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /iSCSI VMkernel port "esx-01\/vmk1" has standby uplink\(s\) esx-01\/nic2\/p1/);
    assert.equal(textAt(text, finding), '[esx-01/nic2/p1]');
    const after = fixed(text, finding);
    assert.match(after, /vmk1: \{ roles: \[iscsi\], active: \[esx-01\/nic1\/p0\], subnet: 10\.10\.1\.0\/24, mtu: 9000, standby: \[\] \}/);
    assert.deepEqual(findingsOf(after, RULE), []);
  });

  it('empties a standby list written in block style, keeping the next key', () => {
    const text = edited(ISCSI_DESIGN, [VMK1, 'vmk1:\n        roles: [iscsi]\n        active: [esx-01/nic1/p0]\n        standby:\n          - esx-01/nic2/p1\n        subnet: 10.10.1.0/24\n        mtu: 9000']);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    const after = fixed(text, finding);
    assert.match(after, / {8}standby: \[\]\n {8}subnet: 10\.10\.1\.0\/24\n/);
    assert.deepEqual(findingsOf(after, RULE), []);
  });

  it('reports a VMkernel port with two active uplinks', () => {
    const text = edited(ISCSI_DESIGN, [VMK1, VMK1.replace('active: [esx-01/nic1/p0]', 'active: [esx-01/nic1/p0, esx-01/nic2/p2]')]);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /"esx-01\/vmk1" has 2 active uplinks \(esx-01\/nic1\/p0, esx-01\/nic2\/p2\): port binding needs exactly one/);
  });

  it('reports two iSCSI VMkernel ports bound to the same uplink, on the second', () => {
    const text = edited(ISCSI_DESIGN, ['vmk2: { roles: [iscsi], active: [esx-01/nic2/p0]', 'vmk2: { roles: [iscsi], active: [esx-01/nic1/p0]']);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /"esx-01\/vmk1" and "esx-01\/vmk2" share uplink esx-01\/nic1\/p0/);
    assert.equal(finding?.related?.length, 1);
  });

  it('reports a VMkernel port with no uplink and no port group, and leaves one on a port group without uplinks of its own', () => {
    const bare = edited(ISCSI_DESIGN, [VMK1, 'vmk1: { roles: [iscsi], subnet: 10.10.1.0/24, mtu: 9000 }']);
    assert.match(findingsOf(bare, RULE)[0]?.message ?? '', /"esx-01\/vmk1" has no active uplink/);
    const onPortGroup = edited(ISCSI_DESIGN, [VMK1, 'vmk1: { roles: [iscsi], portGroup: iSCSI-A, subnet: 10.10.1.0/24, mtu: 9000 }']);
    assert.deepEqual(findingsOf(onPortGroup, RULE), [], 'an imported iSCSI VMkernel port: its binding is not in the export');
  });

  it('leaves non-iSCSI VMkernel ports to NIC teaming: vmk0 may have a standby uplink', () => {
    assert.match(ISCSI_DESIGN, /vmk0: \{ roles: \[management\], active: \[esx-01\/nic1\/p2\], standby: \[esx-01\/nic2\/p2\]/);
    assert.deepEqual(findingsOf(ISCSI_DESIGN, RULE).filter((f) => f.elementIds.includes('esx-01/vmk0')), []);
  });
});
