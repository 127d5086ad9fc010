import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { haDisabled } from '../../../../src/core/analysis/rules/network/ha-disabled';
import { managementMissing } from '../../../../src/core/analysis/rules/placement/management-missing';
import { managementOnLocalStorage } from '../../../../src/core/analysis/rules/placement/management-on-local-storage';
import { managementRestartPriority } from '../../../../src/core/analysis/rules/placement/management-restart-priority';
import { managementSelfDependency } from '../../../../src/core/analysis/rules/placement/management-self-dependency';
import { parseVtopo } from '../../../../src/core/model/parse';
import { hostLines } from './helpers';
import { fixed, reportsOf, textAt } from '../rule-test';

const design = (management: string, vms: string, clusters = '  prod: {}', platform = 'vsphere') =>
  `vtopo: 1\nplatform: ${platform}\n${management}\nclusters:\n${clusters}\nhosts:\n${hostLines(2)}\narrays:\n  san: {}\ndatastores:\n  vmfs-01: { array: san }\n  local-01: { host: esx-01 }\nvms:\n${vms}\n`;

const vcenter = (fields: string) => `  vcenter:\n    host: esx-01\n    memory: 21 GB\n${fields}`;
const asVm = 'management:\n  product: vCenter Server\n  vm: vcenter';

describe('management-missing', () => {
  it('warns when the design does not say where the management server runs', () => {
    const text = design('', vcenter('    datastore: vmfs-01'));
    const [finding] = reportsOf(text, managementMissing);
    assert.match(finding?.message ?? '', /no management section: say where the vCenter server runs/);
    assert.equal(textAt(text, finding), 'vtopo');
    assert.match(reportsOf(design('management: { product: vCenter }', ''), managementMissing)[0]?.message ?? '', /names neither/);
  });

  it('says nothing for a management VM, a physical server, or Proxmox', () => {
    assert.deepEqual(reportsOf(design(asVm, vcenter('    datastore: vmfs-01')), managementMissing), []);
    assert.deepEqual(reportsOf(design('management: { physicalServer: mgmt-01 }', ''), managementMissing), []);
    assert.deepEqual(reportsOf(design('', '', '  prod: {}', 'proxmox'), managementMissing), []);
  });

  it('says nothing for a XenServer pool without a management section: the pool master is the management point', () => {
    assert.deepEqual(reportsOf(design('', '', '  prod: {}', 'xenserver'), managementMissing), []);
    assert.equal(reportsOf(design('', '', '  prod: {}', 'hyperv'), managementMissing).length, 1);
  });
});

describe('management-on-local-storage', () => {
  it('flags the management VM on a local datastore, even with HA off, and moves it to shared storage', () => {
    const text = design(asVm, vcenter('    datastore: local-01\n    restartPriority: highest'), '  prod: { ha: { enabled: false } }');
    const [finding] = reportsOf(text, managementOnLocalStorage);
    assert.match(finding?.message ?? '', /"vcenter" \(vCenter Server\) lives on local datastore "local-01"/);
    assert.equal(textAt(text, finding), 'local-01');
    assert.deepEqual(reportsOf(fixed(text, finding, /shared datastore "vmfs-01"/), managementOnLocalStorage), []);
  });

  it('says nothing for a management VM on the SAN', () => {
    assert.deepEqual(reportsOf(design(asVm, vcenter('    datastore: vmfs-01')), managementOnLocalStorage), []);
  });
});

describe('management-restart-priority', () => {
  it('asks for restart priority highest on the management VM and its database VM', () => {
    const management = `${asVm}\n  databaseVm: vcdb`;
    const vms = `${vcenter('    datastore: vmfs-01')}\n  vcdb: { host: esx-02, memory: 8 GB, datastore: vmfs-01, restartPriority: high }`;
    const text = design(management, vms);
    const findings = reportsOf(text, managementRestartPriority);
    assert.deepEqual(findings.map((f) => f.message.split(':')[0]), [
      'VM "vcenter" (vCenter Server) has restart priority medium (cluster default)',
      'VM "vcdb" (vCenter Server database) has restart priority high',
    ]);
    const after = fixed(text, findings[0], /Set restartPriority of "vcenter" to highest/);
    assert.equal(parseVtopo(after).topology.vm('vcenter')?.restartPriority, 'highest');
    const both = fixed(after, reportsOf(after, managementRestartPriority)[0], /"vcdb" to highest/);
    assert.deepEqual(reportsOf(both, managementRestartPriority), []);
  });

  it('leaves a cluster with HA disabled to ha-disabled, which names the management VM', () => {
    const text = design(asVm, vcenter('    restartPriority: highest'), '  prod: { ha: { enabled: false } }');
    assert.deepEqual(reportsOf(text, managementRestartPriority), []);
    const [finding] = reportsOf(text, haDisabled);
    assert.match(finding?.message ?? '', /among them the vCenter Server "vcenter"/);
    assert.equal(textAt(text, finding), 'false');
  });

  it('says nothing at priority highest', () => {
    assert.deepEqual(reportsOf(design(asVm, vcenter('    restartPriority: highest')), managementRestartPriority), []);
  });
});

describe('management-self-dependency', () => {
  it('notes a management VM inside the only cluster it manages', () => {
    const text = design(asVm, vcenter('    restartPriority: highest'));
    const [finding] = reportsOf(text, managementSelfDependency);
    assert.match(finding?.message ?? '', /"vcenter" \(vCenter Server\) runs inside cluster "prod", the only cluster it manages/);
    assert.equal(textAt(text, finding), 'vcenter');
  });

  it('says nothing for a physical server or a VM in a management cluster of its own', () => {
    assert.deepEqual(reportsOf(design('management: { physicalServer: mgmt-01 }', ''), managementSelfDependency), []);
    const twoClusters = design(asVm, vcenter('    restartPriority: highest'), '  prod: {}\n  mgmt: {}').replace('esx-01: { cluster: prod', 'esx-01: { cluster: mgmt');
    assert.deepEqual(reportsOf(twoClusters, managementSelfDependency), []);
  });
});
