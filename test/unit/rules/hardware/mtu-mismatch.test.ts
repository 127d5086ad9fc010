import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FC_DESIGN, ISCSI_DESIGN } from './fixtures';
import { edited, findingsOf, fixed, textAt } from '../rule-test';

const RULE = 'mtu-mismatch';
const SWITCH_A = 'iscsi-a: { type: ethernet, fabric: A, subnet: 10.10.1.0/24, mtu: 9000';
const SWITCH_B = 'iscsi-b: { type: ethernet, fabric: B, subnet: 10.10.2.0/24, mtu: 9000';
const ESX01_NIC1_P0 = 'p0: { speed: 1 Gbps, roles: [iscsi], subnet: 10.10.1.0/24, mtu: 9000 }';

describe('mtu-mismatch', () => {
  it('accepts jumbo frames set on every host port, switch and array port', () => {
    assert.deepEqual(findingsOf(ISCSI_DESIGN, RULE), []);
  });

  it('ignores Fibre Channel cables and LAN ports on standard-MTU switches', () => {
    assert.deepEqual(findingsOf(FC_DESIGN, RULE), []);
  });

  it('reports each cable into a switch left at 1500, and the fix raises the switch to 9000', () => {
    const text = edited(ISCSI_DESIGN, [SWITCH_A, SWITCH_A.replace('mtu: 9000', 'mtu: 1500')]);
    const findings = findingsOf(text, RULE);
    assert.equal(findings.length, 9, 'six host ports and three array ports are cabled to iscsi-a');
    const first = findings[0];
    assert.equal(first?.message, 'MTU mismatch on the cable between host port "esx-01/nic1/p0" (MTU 9000) and switch "iscsi-a" (MTU 1500): switch "iscsi-a" drops the 9000-byte frames of "esx-01/nic1/p0".');
    assert.equal(textAt(text, first), '[esx-01/nic1/p0, iscsi-a]');
    assert.equal(first?.fixes?.[0]?.title, 'Set the MTU of switch "iscsi-a" to 9000');
    assert.deepEqual(findingsOf(fixed(text, first), RULE), []);
  });

  it('fixes an MTU written in block style', () => {
    const text = edited(ISCSI_DESIGN, [`${SWITCH_A}, speed`, 'iscsi-a:\n    type: ethernet\n    fabric: A\n    subnet: 10.10.1.0/24\n    mtu: 1500\n    speed'], [' 1 Gbps, ports: 24, vendor: HPE, model: Aruba 2930F-24G }\n  iscsi-b', ' 1 Gbps\n  iscsi-b']);
    const findings = findingsOf(text, RULE);
    assert.equal(findings.length, 9);
    const after = fixed(text, findings[0]);
    assert.match(after, / {4}mtu: 9000\n {4}speed: 1 Gbps\n/);
    assert.deepEqual(findingsOf(after, RULE), []);
  });

  it('counts an unstated switch MTU as 1500, and the fix adds the key', () => {
    const text = edited(ISCSI_DESIGN, [SWITCH_B, SWITCH_B.replace(', mtu: 9000', '')]);
    const findings = findingsOf(text, RULE);
    assert.equal(findings.length, 9);
    assert.deepEqual(findings[0]?.related?.map((r) => r.message), ['host port "esx-01/nic1/p1": MTU 9000 (stated)', 'switch "iscsi-b": MTU 1500 (not stated: the default)']);
    const after = fixed(text, findings[0]);
    assert.match(after, /iscsi-b: \{ type: ethernet, .*, mtu: 9000 \}/);
    assert.deepEqual(findingsOf(after, RULE), []);
  });

  it('adds the MTU to a storage port that leaves it out on a jumbo switch', () => {
    const text = edited(ISCSI_DESIGN, ['p0: { type: iscsi, speed: 1 Gbps, subnet: 10.10.1.0/24, mtu: 9000,', 'p0: { type: iscsi, speed: 1 Gbps, subnet: 10.10.1.0/24,']);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /array port "av100\/a\/p0" \(MTU 1500\) and switch "iscsi-a" \(MTU 9000\): jumbo frames stop at storage port "av100\/a\/p0"/);
    assert.deepEqual(findingsOf(fixed(text, finding), RULE), []);
  });

  it('takes a host port\'s MTU from the VMkernel port bound to it', () => {
    const text = edited(ISCSI_DESIGN, [ESX01_NIC1_P0, ESX01_NIC1_P0.replace(', mtu: 9000', '')], [SWITCH_A, SWITCH_A.replace('mtu: 9000', 'mtu: 1500')]);
    const finding = findingsOf(text, RULE).find((f) => f.elementIds.includes('esx-01/nic1/p0'));
    assert.match(finding?.message ?? '', /host port "esx-01\/nic1\/p0" \(MTU 9000\) and switch "iscsi-a" \(MTU 1500\)/);
    assert.equal(finding?.related?.[0]?.message, 'host port "esx-01/nic1/p0": MTU 9000 (from VMkernel port "esx-01/vmk1")');
  });

  it('reports an iSCSI port left at 1500 on a jumbo switch, and a VMkernel port larger than its uplink', () => {
    const text = edited(ISCSI_DESIGN, [ESX01_NIC1_P0, ESX01_NIC1_P0.replace('mtu: 9000', 'mtu: 1500')]);
    const findings = findingsOf(text, RULE);
    assert.equal(findings.length, 2);
    const [vmk, cable] = [findings.find((f) => f.elementIds.includes('esx-01/vmk1')), findings.find((f) => f.elementIds.includes('iscsi-a'))];
    assert.match(vmk?.message ?? '', /VMkernel port "esx-01\/vmk1" uses MTU 9000 but its uplink "esx-01\/nic1\/p0" is set to 1500/);
    assert.match(cable?.message ?? '', /jumbo frames stop at storage port "esx-01\/nic1\/p0"/);
    assert.deepEqual(findingsOf(fixed(text, cable), RULE), []);
  });

  it('accepts a switch whose MTU is above the ports\' (9216 carries 9000-byte frames)', () => {
    const text = edited(ISCSI_DESIGN, [SWITCH_A, SWITCH_A.replace('mtu: 9000', 'mtu: 9216')]);
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('does not ask LAN ports on a jumbo switch to use jumbo frames', () => {
    const text = edited(ISCSI_DESIGN, ['lan-1: { type: ethernet,', 'lan-1: { type: ethernet, mtu: 9000,']);
    assert.deepEqual(findingsOf(text, RULE), []);
  });
});
