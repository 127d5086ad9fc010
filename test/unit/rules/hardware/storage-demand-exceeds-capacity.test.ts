import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ISCSI_DESIGN } from './fixtures';
import { edited, findingsOf, textAt } from '../rule-test';

const RULE = 'storage-demand-exceeds-capacity';

/** The iSCSI design with the peak disk throughput of three VMs stated (the array states 400 MB/s). */
function withDemand(sqlMBps: number, extra: ReadonlyArray<readonly [string, string]> = []): string {
  return edited(ISCSI_DESIGN,
    ['    restartPriority: highest\n    role: vcenter\n', '    restartPriority: highest\n    role: vcenter\n    diskThroughput: 50 MB/s\n'],
    ['    role: sql\n', `    role: sql\n    diskThroughput: ${sqlMBps} MB/s\n`],
    ['    datastore: vmfs-02\n    role: app\n', '    datastore: vmfs-02\n    role: app\n    diskThroughput: 100 MB/s\n'],
    ...extra);
}

describe('storage-demand-exceeds-capacity', () => {
  it('says nothing when VMs do not state their disk throughput', () => {
    assert.deepEqual(findingsOf(ISCSI_DESIGN, RULE), []);
  });

  it('accepts a demand the array and every host carry: 300 of 400 MB/s', () => {
    assert.deepEqual(findingsOf(withDemand(150), RULE), []);
  });

  it('reports an array whose VMs need more than its stated throughput, naming the largest', () => {
    const text = withDemand(300);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.equal(finding?.message, 'VMs on array "av100" need 450 MB/s at peak ("sql-01" 300 MB/s, "app-01" 100 MB/s, "vcenter" 50 MB/s), above its stated throughput: 400 MB/s.');
    assert.equal(textAt(text, finding), '400 MB/s');
    assert.deepEqual(finding?.related?.map((r) => textAt(text, r)), ['300 MB/s', '100 MB/s', '50 MB/s']);
  });

  it('does not count powered-off VMs', () => {
    const text = withDemand(300, [['    role: sql\n', '    role: sql\n    power: off\n']]);
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('reports a host whose VMs need more than its cabled storage ports carry (4 x 1 GbE: about 400 MB/s)', () => {
    const text = withDemand(380, [['    throughput: 400 MB/s\n', '    throughput: 2000 MB/s\n']]);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /^VMs on host "esx-01" need 430 MB\/s of storage at peak \("sql-01" 380 MB\/s, "vcenter" 50 MB\/s\), above what its 4 cabled storage ports carry: about 400 MB\/s/);
    assert.equal(textAt(text, finding), 'esx-01');
  });

  it('holds the array to its cabled ports when they carry less than its stated throughput', () => {
    const text = withDemand(150, [['    throughput: 400 MB/s\n', '    throughput: 2000 MB/s\n'],
      ['  - [av100/a/p2, iscsi-a]\n', ''], ['  - [av100/a/p4, iscsi-a]\n', ''], ['  - [av100/a/p3, iscsi-b]\n', ''], ['  - [av100/a/p5, iscsi-b]\n', '']]);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /need 300 MB\/s at peak .* above what its 2 cabled host ports carry \(estimate\): 200 MB\/s\.$/);
  });
});
