import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FC_DESIGN, ISCSI_DESIGN } from './fixtures';
import { edited, findingsOf, textAt } from '../rule-test';

const RULE = 'hba-redundancy';

/** esx-01's second HBA, as the array vendor white paper (docs/design/sources.md#seed-000) draws it. */
const ESX01_HBA2 = `      hba2:
        type: fc
        vendor: Emulex
        model: LPe16002
        firmware: "12.8.351"
        ports:
          p0: { speed: 16 Gbps, roles: [storage] }
          p1: { speed: 16 Gbps, roles: [storage] }
      nic1:
        type: ethernet
        ports:
          p0: { speed: 10 Gbps, roles: [management, vmotion, vm] }
          p1: { speed: 10 Gbps, roles: [management, vmotion, vm] }
  esx-02:`;

const ISCSI_P0 = 'p0: { speed: 1 Gbps, roles: [iscsi], subnet: 10.10.1.0/24, mtu: 9000 }';
const ISCSI_P1 = 'p1: { speed: 1 Gbps, roles: [iscsi], subnet: 10.10.2.0/24, mtu: 9000 }';
/** The iSCSI design with esx-01's second iSCSI port on each NIC turned over to VM traffic. */
const ISCSI_TWO_PORTS = edited(ISCSI_DESIGN, [ISCSI_P1, ISCSI_P1.replace('[iscsi]', '[vm]')], [ISCSI_P1, ISCSI_P1.replace('[iscsi]', '[vm]')]);

describe('hba-redundancy', () => {
  it('accepts the array vendor white paper\'s hosts (docs/design/sources.md#seed-000): two identical 2 x 16 Gb FC HBAs each', () => {
    assert.deepEqual(findingsOf(FC_DESIGN, RULE), []);
  });

  it('accepts software iSCSI on two identical NICs with 4 x 1 GbE iSCSI ports in all', () => {
    assert.deepEqual(findingsOf(ISCSI_DESIGN, RULE), []);
  });

  it('reports a host whose FC paths all go through one HBA while it has other storage adapters', () => {
    const text = edited(FC_DESIGN, [ESX01_HBA2, ESX01_HBA2.replace(/ {6}hba2:[\s\S]*?(?= {6}nic1:)/, '')], ['  - [esx-01/hba2/p0, fc-b]\n', ''],
      ['          p1: { speed: 10 Gbps, roles: [management, vmotion, vm] }\n  esx-02:', '          p1: { speed: 10 Gbps, roles: [management, vmotion, vm] }\n      nic2:\n        type: ethernet\n        ports:\n          p0: { speed: 10 Gbps, roles: [iscsi] }\n  esx-02:']);
    const findings = findingsOf(text, RULE);
    const fc = findings.find((f) => f.elementIds.includes('esx-01/hba1'));
    assert.match(fc?.message ?? '', /Host "esx-01" has one FC HBA \("esx-01\/hba1"\): when it fails the host loses all its FC paths/);
    assert.equal(textAt(text, fc), 'hba1');
    assert.equal(fc?.severity, 'warning');
  });

  it('leaves a host with one storage adapter in all to single-storage-adapter', () => {
    const text = edited(FC_DESIGN, [ESX01_HBA2, ESX01_HBA2.replace(/ {6}hba2:[\s\S]*?(?= {6}nic1:)/, '')], ['  - [esx-01/hba2/p0, fc-b]\n', '']);
    assert.deepEqual(findingsOf(text, RULE), []);
    assert.equal(findingsOf(text, 'single-storage-adapter').length, 1);
  });

  it('reports two HBAs of different models, on the odd one\'s model', () => {
    const text = edited(FC_DESIGN, [ESX01_HBA2, ESX01_HBA2.replace('model: LPe16002', 'model: LPe31002')]);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /"esx-01\/hba1" and "esx-01\/hba2" of host "esx-01" are not identical \(model LPe16002 vs LPe31002\)/);
    assert.equal(textAt(text, finding), 'LPe31002');
  });

  it('reports an FC HBA with fewer than 2 ports of 8 Gbps, and lets the file lower the bar', () => {
    const slow = edited(FC_DESIGN, [ESX01_HBA2, ESX01_HBA2.replaceAll('16 Gbps, roles: [storage]', '4 Gbps, roles: [storage]')]);
    const findings = findingsOf(slow, RULE);
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.message ?? '', /FC HBA "esx-01\/hba2" of host "esx-01" offers 0 x 8 Gbps worth of ports \(hba2\/p0 4 Gbps, hba2\/p1 4 Gbps\)/);
    const lowered = `${slow}analysis:\n  rules:\n    hba-redundancy: { minFcSpeedGbps: 4 }\n`;
    assert.deepEqual(findingsOf(lowered, RULE), []);
  });

  it('counts a single-port 16 Gb FC HBA as 2 x 8 Gb', () => {
    const singlePort = (hba: string) => hba.replace('          p1: { speed: 16 Gbps, roles: [storage] }\n', '');
    const text = edited(FC_DESIGN, [ESX01_HBA2, singlePort(ESX01_HBA2)]);
    assert.deepEqual(findingsOf(text, RULE), []);
    const slower = edited(text, [singlePort(ESX01_HBA2), singlePort(ESX01_HBA2).replace('16 Gbps', '8 Gbps')]);
    assert.match(findingsOf(slower, RULE)[0]?.message ?? '', /FC HBA "esx-01\/hba2" of host "esx-01" offers 1 x 8 Gbps worth of ports \(hba2\/p0 8 Gbps\)/);
  });

  it('counts software iSCSI ports over the host\'s NICs: 2 x 1 GbE is below 4', () => {
    const [finding, ...rest] = findingsOf(ISCSI_TWO_PORTS, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /Software iSCSI on host "esx-01" has 2 x 1 GbE worth of iSCSI ports \(nic1\/p0 1 Gbps, nic2\/p0 1 Gbps\)/);
  });

  it('counts a 10 GbE iSCSI port as ten 1 GbE ports', () => {
    const text = edited(ISCSI_TWO_PORTS, [ISCSI_P0, ISCSI_P0.replace('1 Gbps', '10 Gbps')], [ISCSI_P0, ISCSI_P0.replace('1 Gbps', '10 Gbps')]);
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('says nothing about hosts of a cluster without HA', () => {
    const mismatched = edited(FC_DESIGN, [ESX01_HBA2, ESX01_HBA2.replace('model: LPe16002', 'model: LPe31002')]);
    assert.equal(findingsOf(mismatched, RULE).length, 1);
    assert.deepEqual(findingsOf(edited(mismatched, ['    ha:\n', '    ha:\n      enabled: false\n']), RULE), []);
  });
});
