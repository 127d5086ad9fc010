import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { threeHosts } from './helpers';
import { findingsOf } from '../rule-test';

// 64 GB per host, 192 GB in all; losing one leaves 128 GB. Each host runs two VMs of half the given memory.
const design = (memoryPerHostGB: number, analysis = '') =>
  threeHosts(
    '{ policy: percentage }',
    ['esx-01', 'esx-02', 'esx-03'].map((host) => `  ${host}-a: { host: ${host}, memory: ${memoryPerHostGB / 2} GB }\n  ${host}-b: { host: ${host}, memory: ${memoryPerHostGB / 2} GB }\n`).join(''),
  ) + analysis;

describe('n1-headroom', () => {
  it('is quiet when the survivors keep at least 15% free', () => {
    // 3 x 32 GB = 96 GB on 128 GB: 25% free.
    assert.deepEqual(findingsOf(design(32), 'n1-headroom'), []);
  });

  it('warns when the survivors keep less than 15% free', () => {
    // 3 x 38 GB = 114 GB on 128 GB: 10.9% free; the failed host's two 19 GB VMs fit the survivors' 26 GB each.
    const [finding] = findingsOf(design(38), 'n1-headroom');
    assert.equal(finding?.severity, 'warning');
    assert.match(finding?.message ?? '', /After its worst single host failure \("esx-01"\) cluster "prod" keeps only 99% CPU and 10% memory free, below the 15% headroom target\./);
  });

  it('takes its threshold from the file', () => {
    assert.equal(findingsOf(design(38, 'analysis:\n  rules:\n    n1-headroom: { headroomPercent: 10 }\n'), 'n1-headroom').length, 0);
  });

  it('leaves clusters where VMs cannot restart at all to n1-capacity', () => {
    assert.deepEqual(findingsOf(design(50), 'n1-headroom'), []);
    assert.equal(findingsOf(design(50), 'n1-capacity').length, 1);
  });
});
