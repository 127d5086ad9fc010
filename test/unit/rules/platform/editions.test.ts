import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, textAt } from '../rule-test';

const host = (id: string, extra = '') => `  ${id}: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 256 GB${extra} }`;
const design = (header: string, cluster: string, body: string) => `vtopo: 1\nplatform: vsphere\n${header}clusters:\n  prod: ${cluster}\nhosts:\n${body}\n`;

describe('free-edition', () => {
  it('flags a free ESXi host in an HA cluster (docs/design/sources.md#seed-003: no vMotion, no HA), on its edition', () => {
    const text = design('', '{}', `${host('h1', ', edition: Free')}\n${host('h2', ', edition: enterprise-plus')}`);
    const [finding, ...rest] = findingsOf(text, 'free-edition');
    assert.equal(rest.length, 0);
    assert.equal(finding?.severity, 'error');
    assert.match(finding?.message ?? '', /Host "h1" runs the free vSphere Hypervisor \(free ESXi\) \(edition "Free"\), which has no HA and no vMotion, but cluster "prod" relies on HA/);
    assert.equal(textAt(text, finding), 'Free');
  });

  it('matches spellings case-insensitively and applies the file\'s default edition, pointing at it', () => {
    const text = design('edition: vSphere Hypervisor\n', '{}', `${host('h1')}\n${host('h2', ', edition: ESXi_Free')}`);
    const findings = findingsOf(text, 'free-edition');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['h1', 'ESXi_Free']);
    assert.match(findings[0]?.message ?? '', /the file default/);
    assert.equal(textAt(text, findings[0]?.related?.[0]), 'vSphere Hypervisor');
  });

  it('flags vSphere Essentials but not Essentials Plus, and nothing when HA is off', () => {
    assert.equal(findingsOf(design('', '{}', `${host('h1', ', edition: essentials')}\n${host('h2', ', edition: essentials')}`), 'free-edition').length, 2);
    assert.deepEqual(findingsOf(design('edition: Essentials Plus\n', '{}', `${host('h1')}\n${host('h2')}`), 'free-edition'), []);
    assert.deepEqual(findingsOf(design('edition: free\n', '{ ha: { enabled: false } }', `${host('h1')}\n${host('h2')}`), 'free-edition'), []);
  });

  it('leaves other platforms alone: the free Hyper-V Server clusters fine', () => {
    const text = `vtopo: 1\nplatform: hyperv\nedition: free\nclusters:\n  prod: {}\nhosts:\n${host('h1')}\n${host('h2')}\n`;
    assert.deepEqual(findingsOf(text, 'free-edition'), []);
  });
});

describe('edition-no-live-migration', () => {
  it('warns about free ESXi hosts in a multi-host cluster with HA off', () => {
    const text = design('edition: free\n', '{ ha: { enabled: false } }', `${host('h1')}\n${host('h2')}`);
    const findings = findingsOf(text, 'edition-no-live-migration');
    assert.equal(findings.length, 2);
    assert.equal(findings[0]?.severity, 'warning');
    assert.match(findings[0]?.message ?? '', /has no vMotion: its VMs must be powered off/);
  });

  it('stays quiet where free-edition already reports, and on a single host', () => {
    assert.deepEqual(findingsOf(design('edition: free\n', '{}', `${host('h1')}\n${host('h2')}`), 'edition-no-live-migration'), []);
    assert.deepEqual(findingsOf(design('edition: free\n', '{ ha: { enabled: false } }', host('h1')), 'edition-no-live-migration'), []);
  });
});

describe('drs-edition', () => {
  const drsOn = '{ drs: { enabled: true } }';

  it('warns about hosts whose edition has no DRS in a cluster with DRS on (vSphere Standard, Essentials Plus)', () => {
    const text = design('', drsOn, `${host('h1', ', edition: Standard')}\n${host('h2', ', edition: essentials-plus')}\n${host('h3', ', edition: Enterprise Plus')}`);
    const findings = findingsOf(text, 'drs-edition');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['Standard', 'essentials-plus']);
    assert.equal(findings[0]?.severity, 'warning');
    assert.match(findings[0]?.message ?? '', /Host "h1" runs vSphere Standard \(edition "Standard"\), which has no DRS, but cluster "prod" has DRS enabled/);
  });

  it('applies the file default edition, pointing at it', () => {
    const text = design('edition: vSphere Standard\n', drsOn, `${host('h1')}\n${host('h2')}`);
    const findings = findingsOf(text, 'drs-edition');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['h1', 'h2']);
    assert.match(findings[0]?.message ?? '', /the file default/);
  });

  it('says nothing for Enterprise Plus, vSphere Foundation, Cloud Foundation, unknown editions, or DRS off', () => {
    for (const edition of ['Enterprise Plus', 'enterprise_plus', 'vSphere Foundation', 'VCF', 'some OEM licence']) {
      assert.deepEqual(findingsOf(design(`edition: ${edition}\n`, drsOn, `${host('h1')}\n${host('h2')}`), 'drs-edition'), [], edition);
    }
    assert.deepEqual(findingsOf(design('edition: Standard\n', '{}', `${host('h1')}\n${host('h2')}`), 'drs-edition'), []);
  });
});
