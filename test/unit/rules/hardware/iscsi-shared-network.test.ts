import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ISCSI_DESIGN } from './fixtures';
import { edited, findingsOf, textAt } from '../rule-test';

const RULE = 'iscsi-shared-network';
const ESX01_NIC1_P0 = 'p0: { speed: 1 Gbps, roles: [iscsi], subnet: 10.10.1.0/24, mtu: 9000 }';

describe('iscsi-shared-network', () => {
  it('accepts iSCSI on ports and VMkernel ports of its own', () => {
    assert.deepEqual(findingsOf(ISCSI_DESIGN, RULE), []);
  });

  it('reports a NIC port carrying iSCSI and VM traffic, on its roles', () => {
    const text = edited(ISCSI_DESIGN, [ESX01_NIC1_P0, ESX01_NIC1_P0.replace('[iscsi]', '[iscsi, vm]')]);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.equal(finding?.message, 'Port "esx-01/nic1/p0" of host "esx-01" carries iSCSI together with vm traffic: put iSCSI on ports of its own.');
    assert.equal(textAt(text, finding), '[iscsi, vm]');
    assert.equal(finding?.severity, 'warning');
  });

  it('reports a VMkernel port for both iSCSI and management', () => {
    const text = edited(ISCSI_DESIGN, ['vmk1: { roles: [iscsi]', 'vmk1: { roles: [iscsi, management]']);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /VMkernel port "esx-01\/vmk1" of host "esx-01" carries iSCSI together with management traffic/);
  });

  it('reports an uplink shared by an iSCSI VMkernel port and the management VMkernel port', () => {
    const text = edited(ISCSI_DESIGN, ['vmk0: { roles: [management], active: [esx-01/nic1/p2]', 'vmk0: { roles: [management], active: [esx-01/nic1/p0]']);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.equal(finding?.message, 'Uplink "esx-01/nic1/p0" of host "esx-01" carries iSCSI (VMkernel port "esx-01/vmk1") and management (VMkernel port "esx-01/vmk0"): put iSCSI on ports of its own.');
    assert.equal(textAt(text, finding), '[esx-01/nic1/p0]');
  });
});
