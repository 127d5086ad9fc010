import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrationCpuCompatibility } from '../../../../src/core/analysis/rules/platform/migration-cpu-compatibility';
import { findingsOf, fixed, reportsOf, textAt } from '../rule-test';

const cpuHost = (id: string, cpu: string) => `  ${id}:\n    cpu: { cores: 16, speed: 2.4 GHz${cpu} }\n    memory: 256 GB\n`;
const design = (cluster: string, body: string) => `vtopo: 1\nplatform: vsphere\nclusters:\n  prod:\n    description: Production\n${cluster}hosts:\n${body}`;

describe('migration-cpu-vendor', () => {
  it('flags Intel and AMD hosts in one cluster as an error, naming both groups', () => {
    const text = design('', cpuHost('h1', ', vendor: intel') + cpuHost('h2', ', vendor: amd, family: amd-zen3'));
    const [finding, ...rest] = findingsOf(text, 'migration-cpu-vendor');
    assert.equal(rest.length, 0);
    assert.equal(finding?.severity, 'error');
    assert.match(finding?.message ?? '', /mixes CPU vendors \(intel: "h1"; amd: "h2"\)/);
    assert.equal(textAt(text, finding), 'prod');
  });

  it('reads the vendor from the family, and skips hosts that state neither', () => {
    assert.equal(findingsOf(design('', cpuHost('h1', ', family: intel-skylake') + cpuHost('h2', ', family: amd-zen2')), 'migration-cpu-vendor').length, 1);
    assert.deepEqual(findingsOf(design('', cpuHost('h1', ', vendor: intel') + cpuHost('h2', '')), 'migration-cpu-vendor'), []);
  });
});

describe('migration-cpu-compatibility', () => {
  const mixed = design('', cpuHost('h1', ', vendor: intel, family: intel-icelake') + cpuHost('h2', ', vendor: intel, family: intel-skylake') + cpuHost('h3', ''));

  it('warns about mixed Intel generations without a baseline, proposing the oldest as the EVC mode', () => {
    const [finding, ...rest] = findingsOf(mixed, 'migration-cpu-compatibility');
    assert.equal(rest.length, 0);
    assert.equal(finding?.severity, 'warning');
    assert.match(finding?.message ?? '', /mixes CPU generations \(intel-icelake: "h1"; intel-skylake: "h2"\) without a cpuCompatibility baseline: vMotion .* Set an EVC mode of "intel-skylake", the oldest family present/);
    assert.deepEqual(finding?.related?.map((r) => textAt(mixed, r)), ['intel-icelake', 'intel-skylake']);
  });

  it('fixes it by setting cpuCompatibility on the cluster, after which the finding is gone', () => {
    const [report] = reportsOf(mixed, migrationCpuCompatibility);
    const fix = report?.fixes?.[0];
    assert.equal(fix?.title, 'Set cpuCompatibility of "prod" to "intel-skylake" (EVC mode)');
    assert.equal(fix.preferred, true);
    const after = fixed(mixed, report);
    assert.ok(after.includes('    description: Production\n    cpuCompatibility: intel-skylake\n'), after);
    assert.deepEqual(findingsOf(after, ['migration-cpu-vendor', 'migration-cpu-compatibility']), []);
  });

  it('warns when the baseline is newer than a host, and fixes it by lowering the baseline', () => {
    const text = design('    cpuCompatibility: intel-icelake\n', cpuHost('h1', ', family: intel-icelake') + cpuHost('h2', ', family: Cascade Lake'));
    const finding = findingsOf(text, 'migration-cpu-compatibility')[0];
    assert.match(finding?.message ?? '', /sets cpuCompatibility "intel-icelake", newer than the CPUs of "h2" \(Cascade Lake\)/);
    assert.equal(textAt(text, finding), 'intel-icelake');
    assert.deepEqual(findingsOf(fixed(text, reportsOf(text, migrationCpuCompatibility)[0]), 'migration-cpu-compatibility'), []);
  });

  it('accepts one generation, a baseline at the oldest, and families it does not know once a baseline is set', () => {
    assert.deepEqual(findingsOf(design('', cpuHost('h1', ', family: intel-skylake') + cpuHost('h2', ', family: intel-skylake')), 'migration-cpu-compatibility'), []);
    assert.deepEqual(findingsOf(design('    cpuCompatibility: intel-skylake\n', cpuHost('h1', ', family: intel-icelake') + cpuHost('h2', ', family: intel-skylake')), 'migration-cpu-compatibility'), []);
    assert.deepEqual(findingsOf(design('    cpuCompatibility: custom-mask\n', cpuHost('h1', ', family: x') + cpuHost('h2', ', family: y')), 'migration-cpu-compatibility'), []);
  });

  it('offers every family, none preferred, when it cannot tell which is oldest', () => {
    const text = design('', cpuHost('h1', ', family: gen-a') + cpuHost('h2', ', family: gen-b'));
    const fixes = reportsOf(text, migrationCpuCompatibility)[0]?.fixes ?? [];
    assert.deepEqual(fixes.map((f) => [f.title, f.preferred]), [
      ['Set cpuCompatibility of "prod" to "gen-a" (EVC mode)', false],
      ['Set cpuCompatibility of "prod" to "gen-b" (EVC mode)', false],
    ]);
  });
});

describe('migration-network', () => {
  const nicHost = (id: string, adapters: string, vmk = '') => `  ${id}:\n    cpu: { cores: 16, speed: 2.4 GHz }\n    memory: 256 GB\n    adapters:\n${adapters}${vmk}`;
  const twoNics = (speed: string) => `      nic1: { type: ethernet, ports: { p0: { speed: ${speed}, roles: [management, vmotion] } } }\n      nic2: { type: ethernet, ports: { p0: { speed: ${speed}, roles: [management, vmotion] } } }\n`;
  const net = (body: string, cluster = '') => `vtopo: 1\nclusters:\n  prod:\n    description: Production\n${cluster}hosts:\n${body}`;

  it('accepts two 10 Gbps vMotion ports on separate adapters', () => {
    assert.deepEqual(findingsOf(net(nicHost('h1', twoNics('10 Gbps')) + nicHost('h2', twoNics('10 Gbps'))), 'migration-network'), []);
  });

  it('warns about a host with no vMotion port, and one with a single vMotion port', () => {
    const noVmotion = '      nic1: { type: ethernet, ports: { p0: { speed: 10 Gbps, roles: [management] } } }\n';
    const single = '      nic1: { type: ethernet, ports: { p0: { speed: 10 Gbps, roles: [vmotion] }, p1: { speed: 10 Gbps, roles: [vm] } } }\n';
    const text = net(nicHost('h1', noVmotion) + nicHost('h2', single));
    const findings = findingsOf(text, 'migration-network');
    assert.deepEqual(findings.map((f) => f.message), [
      'Host "h1" in cluster "prod" has no port for vMotion (role vmotion): its VMs cannot be live-migrated off it for maintenance.',
      'Host "h2" has a single vMotion port ("h2/nic1/p0"): one NIC or cable failure stops live migration. Add a second port, on another adapter.',
    ]);
    assert.equal(findings[0]?.severity, 'warning');
    assert.equal(textAt(text, findings[1]), 'p0');
  });

  it('counts the uplinks of a vmotion VMkernel port, and warns below 1 Gbps (docs/design/sources.md#seed-003)', () => {
    const adapters = '      nic1: { type: ethernet, ports: { p0: { speed: 100 Mbps } } }\n      nic2: { type: ethernet, ports: { p0: { speed: 100 Mbps } } }\n';
    const vmk = (id: string) => `    vmkernelPorts:\n      vmk1: { roles: [vmotion], active: [${id}/nic1/p0], standby: [${id}/nic2/p0] }\n`;
    const text = net(nicHost('h1', adapters, vmk('h1')) + nicHost('h2', twoNics('10 Gbps')));
    const findings = findingsOf(text, 'migration-network');
    assert.deepEqual(findings.map((f) => f.message), ['Host "h1" has vMotion ports of at most 100 Mbps; live migration needs at least 1 Gbps (docs/design/sources.md#seed-003).']);
  });

  it('checks the cluster\'s migrationNetworkMbps instead of missing ports', () => {
    const noVmotion = '      nic1: { type: ethernet, ports: { p0: { speed: 10 Gbps, roles: [management] } } }\n';
    const slow = net(nicHost('h1', noVmotion) + nicHost('h2', noVmotion), '    migrationNetworkMbps: 100\n');
    const findings = findingsOf(slow, 'migration-network');
    assert.equal(findings.length, 1);
    assert.equal(textAt(slow, findings[0]), '100');
    assert.deepEqual(findingsOf(slow.replace('migrationNetworkMbps: 100', 'migrationNetworkMbps: 10000'), 'migration-network'), []);
  });

  it('does not judge hosts that describe no Ethernet port, nor single-host clusters', () => {
    const bare = '  h1: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 256 GB }\n  h2: { cpu: { cores: 16, speed: 2.4 GHz }, memory: 256 GB }\n';
    assert.deepEqual(findingsOf(net(bare), 'migration-network'), []);
    const fcOnly = '      hba1: { type: fc, ports: { p0: { speed: 16 Gbps, roles: [storage] } } }\n';
    assert.deepEqual(findingsOf(net(nicHost('h1', fcOnly) + nicHost('h2', fcOnly)), 'migration-network'), []);
    assert.deepEqual(findingsOf(net(nicHost('h1', '      nic1: { type: ethernet, ports: { p0: { speed: 10 Gbps } } }\n')), 'migration-network'), []);
  });
});
