import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hosts } from './design';
import { findingsOf, textAt } from '../rule-test';

const design = (platform: string, datastores: string) =>
  `vtopo: 1\nplatform: ${platform}\nclusters:\n  prod: {}\nhosts:\n${hosts(2)}\narrays:\n  nas: { model: Generic }\ndatastores:\n${datastores}\nvms:\n  sql-01: { host: h1, memory: 8 GB, datastore: ds }\n`;

describe('storage-protocol-platform', () => {
  it('flags a Hyper-V cluster whose VMs live on NFS (docs/design/sources.md#seed-001), on the protocol value, naming the VMs', () => {
    const text = design('hyperv', '  ds: { protocol: nfs, array: nas }');
    const [finding, ...rest] = findingsOf(text, 'storage-protocol-platform');
    assert.equal(rest.length, 0);
    assert.equal(finding?.severity, 'error');
    assert.match(finding?.message ?? '', /Datastore "ds" is NFS on a Hyper-V design: .*not from NFS \(docs\/design\/sources\.md#seed-001\)\. VMs on it: "sql-01"\./);
    assert.equal(textAt(text, finding), 'nfs');
    assert.deepEqual(finding?.elementIds, ['ds', 'sql-01']);
  });

  it('flags SMB on vSphere', () => {
    assert.equal(findingsOf(design('vsphere', '  ds: { protocol: smb, array: nas }'), 'storage-protocol-platform').length, 1);
  });

  it('accepts NFS on vSphere and XenServer, and CSV or SMB 3 on Hyper-V', () => {
    assert.deepEqual(findingsOf(design('vsphere', '  ds: { protocol: nfs, array: nas }'), 'storage-protocol-platform'), []);
    assert.deepEqual(findingsOf(design('xenserver', '  ds: { protocol: nfs, array: nas }'), 'storage-protocol-platform'), []);
    assert.deepEqual(findingsOf(design('hyperv', '  ds: { protocol: csv, array: nas }'), 'storage-protocol-platform'), []);
    assert.deepEqual(findingsOf(design('hyperv', '  ds: { protocol: smb, array: nas }'), 'storage-protocol-platform'), []);
  });
});

describe('storage-protocol-mismatch', () => {
  it('warns about CSV in a vSphere design and VMFS in a Hyper-V one', () => {
    const csv = design('vsphere', '  ds: { protocol: csv, array: nas }');
    const finding = findingsOf(csv, 'storage-protocol-mismatch')[0];
    assert.equal(finding?.severity, 'warning');
    assert.match(finding?.message ?? '', /"ds" is CSV, a Hyper-V format, in a vSphere design/);
    assert.equal(textAt(csv, finding), 'csv');
    assert.match(findingsOf(design('hyperv', '  ds: { protocol: vmfs, array: nas }'), 'storage-protocol-mismatch')[0]?.message ?? '', /VMFS, a vSphere format/);
  });

  it('does not judge a protocol the file does not state (the vmfs default is vSphere\'s)', () => {
    assert.deepEqual(findingsOf(design('hyperv', '  ds: { array: nas }'), 'storage-protocol-mismatch'), []);
    assert.deepEqual(findingsOf(design('vsphere', '  ds: { protocol: vmfs, array: nas }'), 'storage-protocol-mismatch'), []);
  });
});
