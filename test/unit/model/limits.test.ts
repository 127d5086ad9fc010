import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PLATFORMS } from '../../../src/core/model/format';
import { compareVersions, limitsFor, parseVersion, PLATFORM_LIMITS } from '../../../src/core/model/limits';

describe('platform versions, read loosely', () => {
  it('reads dotted releases, update suffixes and Windows release names', () => {
    assert.deepEqual(parseVersion('8.0'), [8, 0]);
    assert.deepEqual(parseVersion('7.0U3'), [7, 0, 3]);
    assert.deepEqual(parseVersion('7.0 Update 1'), [7, 0, 1]);
    assert.deepEqual(parseVersion('7.0.3'), [7, 0, 3]);
    assert.deepEqual(parseVersion('6.7'), [6, 7]);
    assert.deepEqual(parseVersion('2019'), [2019]);
    assert.deepEqual(parseVersion('Windows Server 2022'), [2022]);
    assert.deepEqual(parseVersion('2008 R2'), [2008, 2]);
    assert.deepEqual(parseVersion('XCP-ng 8.2'), [8, 2]);
    assert.equal(parseVersion('latest'), undefined);
  });

  it('orders releases with missing parts as zero', () => {
    assert.ok(compareVersions([7, 0], [7, 0, 1]) < 0);
    assert.equal(compareVersions([8], [8, 0, 0]), 0);
    assert.ok(compareVersions([2008, 2], [2012]) < 0);
  });
});

describe('platform limits lookup', () => {
  const hostsPerCluster = (platform: (typeof PLATFORMS)[number], version: string | undefined) => limitsFor(platform, version)?.limits.maxHostsPerCluster;

  it('gives vSphere 32 hosts up to 5.5, 64 for 6.x and 7.0 GA, 96 from 7.0 U1', () => {
    assert.equal(hostsPerCluster('vsphere', '5.5'), 32);
    assert.equal(hostsPerCluster('vsphere', '6.7'), 64);
    assert.equal(hostsPerCluster('vsphere', '7.0'), 64);
    assert.equal(hostsPerCluster('vsphere', '7.0U1'), 96);
    assert.equal(hostsPerCluster('vsphere', '7.0U3'), 96);
    assert.equal(hostsPerCluster('vsphere', '8.0'), 96);
    assert.equal(limitsFor('vsphere', '6.5')?.limits.maxVmsPerCluster, 8000);
    assert.equal(limitsFor('vsphere', '5.5')?.limits.maxVmsPerCluster, 3000);
  });

  it('gives Hyper-V 16 nodes / 1,000 VMs on 2008 R2 and 64 / 8,000 / 1,024 per host from 2012', () => {
    assert.equal(hostsPerCluster('hyperv', '2008 R2'), 16);
    assert.equal(limitsFor('hyperv', '2008 R2')?.limits.maxVmsPerCluster, 1000);
    const current = limitsFor('hyperv', '2019')?.limits;
    assert.deepEqual([current?.maxHostsPerCluster, current?.maxVmsPerCluster, current?.maxVmsPerHost], [64, 8000, 1024]);
  });

  it('gives XenServer 16 hosts per pool before 8.x, and Proxmox no host limit but a quorum of 3', () => {
    assert.equal(hostsPerCluster('xenserver', '7.1'), 16);
    assert.equal(hostsPerCluster('xenserver', '8.2'), 64);
    assert.equal(hostsPerCluster('proxmox', '8.4'), undefined);
    assert.equal(limitsFor('proxmox', '8.4')?.limits.minHostsForQuorum, 3);
  });

  it('uses the newest limits when the version is missing or unreadable, and says so', () => {
    const missing = limitsFor('vsphere', undefined);
    assert.equal(missing?.limits.releases, 'vSphere 8.x');
    assert.match(missing?.assumption ?? '', /platformVersion is not set/);
    assert.match(limitsFor('hyperv', 'vNext')?.assumption ?? '', /could not be read/);
    assert.equal(limitsFor('vsphere', '8.0')?.assumption, undefined);
  });

  it('covers every release of every platform, without gaps or overlaps', () => {
    for (const platform of PLATFORMS) {
      const rows = PLATFORM_LIMITS.filter((row) => row.platform === platform);
      assert.ok(rows.length > 0, platform);
      assert.deepEqual(rows[0]?.fromVersion, [0]);
      assert.equal(rows.at(-1)?.untilVersion, undefined);
      for (let i = 1; i < rows.length; i++) assert.equal(compareVersions(rows[i - 1]?.untilVersion ?? [], rows[i]?.fromVersion ?? []), 0, `${platform} row ${i}`);
    }
  });
});

describe('numbers bounded per field (found by the fuzz run: test/fuzz/found/100-39383.vtopo)', () => {
  it('refuses cores: 1e308 instead of letting the host capacity overflow to Infinity', async () => {
    const { analyzeText } = await import('../../../src/core/analysis/engine');
    const text = 'vtopo: 1\nclusters:\n  prod: {}\nhosts:\n  h1: { cpu: { cores: 1e+308, speed: 3 GHz }, memory: 64 GB }\n  h2: { cpu: { cores: 8, speed: 3 GHz }, memory: 64 GB }\nvms:\n  a: { host: h1, memory: 4 GB }\n';
    const { findings } = analyzeText(text);
    assert.ok(findings.some((f) => f.ruleId === 'invalid-value' && /4096/.test(f.message)), findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n'));
    assert.ok(findings.every((f) => !/Infinity|NaN/.test(f.message)), findings.map((f) => f.message).join('\n'));
  });
});
