import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ISCSI_DESIGN } from './fixtures';
import { edited, findingsOf, textAt } from '../rule-test';

const RULE = 'iscsi-single-subnet';
const ESX01_VMK3 = 'vmk3: { roles: [iscsi], active: [esx-01/nic1/p1], subnet: 10.10.2.0/24';
const ESX01_VMK4 = 'vmk4: { roles: [iscsi], active: [esx-01/nic2/p1], subnet: 10.10.2.0/24';

describe('iscsi-single-subnet', () => {
  it('accepts hosts and an array split over subnets A and B', () => {
    assert.deepEqual(findingsOf(ISCSI_DESIGN, RULE), []);
  });

  it('reports a host whose iSCSI VMkernel ports are all in one subnet', () => {
    const text = edited(ISCSI_DESIGN, [ESX01_VMK3, ESX01_VMK3.replace('10.10.2.0', '10.10.1.0')], [ESX01_VMK4, ESX01_VMK4.replace('10.10.2.0', '10.10.1.0')]);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.equal(finding?.message, 'All 4 iSCSI interfaces of host "esx-01" (esx-01/vmk1, esx-01/vmk2, esx-01/vmk3, esx-01/vmk4) are in one network (10.10.1.0/24): split them over two subnets or VLANs (A/B), one per iSCSI switch, the IP analogue of two fabrics.');
    assert.equal(textAt(text, finding), 'esx-01');
    assert.equal(finding?.related?.length, 4);
  });

  it('reports an array whose iSCSI ports are all in one subnet', () => {
    let text = ISCSI_DESIGN;
    for (const port of ['p1', 'p3', 'p5']) text = edited(text, [`${port}: { type: iscsi, speed: 1 Gbps, subnet: 10.10.2.0/24`, `${port}: { type: iscsi, speed: 1 Gbps, subnet: 10.10.1.0/24`]);
    const arrayFindings = findingsOf(text, RULE).filter((f) => f.elementIds[0] === 'av100');
    assert.equal(arrayFindings.length, 1);
    assert.match(arrayFindings[0]?.message ?? '', /All 6 iSCSI interfaces of array "av100" .* are in one network \(10\.10\.1\.0\/24\)/);
  });

  it('reports a VMkernel port in a subnet where no array has an iSCSI port, on its subnet', () => {
    const text = edited(ISCSI_DESIGN, [ESX01_VMK3, ESX01_VMK3.replace('10.10.2.0', '10.10.9.0')]);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /iSCSI interface "esx-01\/vmk3" of host "esx-01" is in subnet 10\.10\.9\.0\/24, where no array has an iSCSI port \(array subnets: 10\.10\.1\.0\/24, 10\.10\.2\.0\/24\)/);
    assert.equal(textAt(text, finding), '10.10.9.0/24');
  });

  it('compares networks, not spellings: 10.10.2.21/24 is in 10.10.2.0/24', () => {
    const text = edited(ISCSI_DESIGN, [ESX01_VMK3, ESX01_VMK3.replace('10.10.2.0', '10.10.2.21')]);
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('does not ask for two subnets when no switch carries iSCSI (direct-attached)', () => {
    const unswitched = edited(ISCSI_DESIGN, [ESX01_VMK3, ESX01_VMK3.replace('10.10.2.0', '10.10.1.0')], [ESX01_VMK4, ESX01_VMK4.replace('10.10.2.0', '10.10.1.0')])
      .replace(/^ {2}- \[[^\]]*, iscsi-[ab]\]\n/gm, '');
    assert.deepEqual(findingsOf(unswitched, RULE), []);
  });
});
