import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseVtopo } from '../../../src/core/model/parse';
import type { SourceRange } from '../../../src/core/model/source';

const at = (text: string, range: SourceRange | undefined) => (range ? text.slice(range.start, range.end) : undefined);
const HOST = '    cpu: { cores: 16, speed: 2.6 GHz }\n    memory: 256 GB\n';

describe('reading a design into the model', () => {
  it('reads the seed-000-fq1616r example without problems, with every element in place', () => {
    const text = readFileSync(new URL('../../../examples/seed-000-fq1616r.vtopo', import.meta.url), 'utf8');
    const { topology, problems } = parseVtopo(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(topology.hosts.map((h) => h.id), ['esx-01', 'esx-02']);
    assert.deepEqual(topology.vms.map((v) => v.id), ['vcenter', 'sql-01', 'web-01', 'web-02']);
    assert.equal(topology.links.length, 12);
    assert.equal(topology.host('esx-01')?.memoryMB, 384 * 1024);
    assert.equal(topology.host('esx-01')?.cpu.speedMHz, 2600);
    assert.equal(topology.host('esx-01')?.adapters[0]?.ports[0]?.speedMbps, 16000);
    assert.equal(topology.datastore('vmfs-01')?.capacityMB, 8 * 1024 * 1024);
    assert.equal(topology.storageArray('fq1616r')?.throughputMBps, 1600);
    assert.equal(topology.vm('vcenter')?.reservation?.cpuMHz, 2000);
    assert.deepEqual(topology.vmsOnHost('esx-02').map((v) => v.id), ['web-01']);
    assert.deepEqual(topology.vmsOnHost('esx-01').map((v) => v.id), ['vcenter', 'sql-01', 'web-02']);
    assert.equal(topology.declarations.get('fq1616r/b/fc1')?.kind, 'port');
    assert.equal(at(text, topology.host('esx-02')?.idRange), 'esx-02');
  });

  it('reads collections written as lists with id keys, with the id value as the id range', () => {
    const text = 'vtopo: 1\nclusters:\n  - id: prod\nhosts:\n  - id: esx-01\n    cpu: { cores: 16, speed: 2.6 GHz }\n    memory: 256 GB\n    adapters:\n      - id: hba1\n        type: fc\n        ports:\n          - id: p0\n            speed: 16 Gbps\nvms:\n  - { id: vm-1, host: esx-01, memory: 4 GB }\n';
    const { topology, problems } = parseVtopo(text);
    assert.deepEqual(problems, []);
    assert.equal(topology.host('esx-01')?.cpu.cores, 16);
    assert.equal(at(text, topology.host('esx-01')?.idRange), 'esx-01');
    assert.equal(topology.host('esx-01')?.adapters[0]?.ports[0]?.id, 'esx-01/hba1/p0');
    assert.equal(topology.vm('vm-1')?.host, 'esx-01');
    assert.equal(at(text, topology.vm('vm-1')?.idRange), 'vm-1');
    assert.equal(topology.declarations.get('esx-01/hba1')?.kind, 'adapter');
  });

  it('applies declared defaults: vSphere HA detection, admission control, restart priority, overhead', () => {
    const text = `vtopo: 1\nclusters:\n  prod:\n    ha:\n      admissionControl: {}\n      detection: {}\n      orchestration: {}\n      componentProtection: {}\nhosts:\n  esx-01:\n${HOST}    overhead: {}\nvms:\n  vm-1: { host: esx-01, memory: 4 GB }\ndatastores:\n  local: { host: esx-01 }\n`;
    const { topology, problems } = parseVtopo(text);
    assert.deepEqual(problems, []);
    const ha = topology.cluster('prod')?.ha;
    assert.equal(topology.platform, 'vsphere');
    assert.equal(ha?.enabled, true);
    assert.equal(ha?.detection?.heartbeatIntervalSeconds, 1);
    assert.equal(ha?.detection?.failureTimeoutSeconds, 15);
    assert.equal(ha?.detection?.isolationTimeoutSeconds, 30);
    assert.equal(ha?.admissionControl?.policy, 'percentage');
    assert.equal(ha?.admissionControl?.hostFailuresToTolerate, 1);
    assert.equal(ha?.admissionControl?.minimumVmCpuMHz, 32);
    assert.equal(ha?.defaultRestartPriority, 'medium');
    assert.equal(ha?.isolationResponse, 'none');
    assert.equal(ha?.orchestration?.tierTimeoutSeconds, 600);
    assert.equal(ha?.componentProtection?.apdTimeoutSeconds, 140);
    const esx = topology.host('esx-01');
    assert.equal(esx?.state, 'connected');
    assert.equal(esx?.cpu.sockets, 1);
    assert.equal(esx?.overhead?.memoryMB, 4096);
    assert.deepEqual(esx?.adapters, []);
    const vm = topology.vm('vm-1');
    assert.equal(vm?.cpus, 1);
    assert.equal(vm?.power, 'on');
    assert.equal(vm?.protection, 'none');
    assert.equal(vm?.vnics, 1);
    assert.equal(topology.datastore('local')?.protocol, 'vmfs');
    assert.equal(topology.isLocalDatastore(topology.datastore('local') ?? assert.fail('no datastore')), true);
  });

  it('gives omitted settings blocks their defaults, as if written empty', () => {
    const { topology, problems } = parseVtopo('vtopo: 1\nclusters:\n  prod: {}\nhosts:\n  esx-01: { cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }\n');
    assert.deepEqual(problems, []);
    const ha = topology.cluster('prod')?.ha;
    assert.equal(ha?.enabled, true);
    assert.equal(ha?.detection.failureTimeoutSeconds, 15);
    assert.equal(ha?.admissionControl.policy, 'percentage');
    assert.equal(ha?.componentProtection.apdTimeoutSeconds, 140);
    assert.equal(topology.cluster('prod')?.drs.migrationThreshold, 3);
    assert.equal(topology.host('esx-01')?.overhead.memoryMB, 4096);
  });

  it('keeps ids that look like numbers as written', () => {
    const text = 'vtopo: 1\nhosts:\n  01: { cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }\n  1: { cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }\nvms:\n  1e3: { host: 01, memory: 1 GB }\n';
    const { topology, problems } = parseVtopo(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(topology.hosts.map((h) => h.id), ['01', '1']);
    assert.equal(topology.vm('1e3')?.host, '01');
  });

  it('keeps numbers given to text fields as written, and checks them against the field\'s pattern', () => {
    const text = 'vtopo: 1\nname: .nan\ndescription: 12.10\nhosts:\n  esx-01:\n    cpu: { cores: 8, speed: 2 GHz }\n    memory: 64 GB\n    adapters:\n      hba1: { type: fc, firmware: 12.10, vendor: .inf, model: 1e3 }\n';
    const { topology, problems } = parseVtopo(text);
    assert.deepEqual(problems, []);
    assert.equal(topology.file?.name, '.nan');
    assert.equal(topology.file?.description, '12.10');
    const hba = topology.host('esx-01')?.adapters[0];
    assert.deepEqual([hba?.firmware, hba?.vendor, hba?.model], ['12.10', '.inf', '1e3']);
    const badIds = 'vtopo: 1\nclusters:\n  - id: .nan\n  - id: -1\n  - id: 007\n';
    const read = parseVtopo(badIds);
    assert.deepEqual(read.problems.map((p) => [p.ruleId, at(badIds, p.range)]), [['invalid-value', '.nan'], ['invalid-value', '-1']]);
    assert.deepEqual(read.topology.clusters.map((c) => c.id), ['007']);
  });

  it('still reads the design when the format version is missing, and offers to add it', () => {
    const { topology, problems } = parseVtopo('hosts:\n  esx-01: { cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }\n');
    assert.equal(topology.hosts.length, 1);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.ruleId, 'missing-field');
    assert.deepEqual(problems[0]?.fixes?.[0]?.edits, [{ range: { start: 0, end: 0 }, newText: 'vtopo: 1\n' }]);
  });

  it('reads a timing given with another unit into seconds', () => {
    const text = 'vtopo: 1\nclusters:\n  prod:\n    ha:\n      detection: { failureTimeout: 20000 ms, isolationTimeoutMinutes: 1 }\n';
    const { topology, problems } = parseVtopo(text);
    assert.deepEqual(problems, []);
    assert.equal(topology.cluster('prod')?.ha?.detection?.failureTimeoutSeconds, 20);
    assert.equal(topology.cluster('prod')?.ha?.detection?.isolationTimeoutSeconds, 60);
  });

  it('puts every host in the only cluster when hosts do not name one', () => {
    const text = `vtopo: 1\nclusters:\n  prod: {}\nhosts:\n  esx-01:\n${HOST}  esx-02:\n${HOST}`;
    const { topology } = parseVtopo(text);
    const esx = topology.host('esx-01') ?? assert.fail('no host');
    assert.equal(topology.clusterOfHost(esx)?.id, 'prod');
    assert.deepEqual(topology.hostsInCluster('prod').map((h) => h.id), ['esx-01', 'esx-02']);
  });

  it('leaves hosts without a cluster when there are several clusters', () => {
    const text = `vtopo: 1\nclusters:\n  prod: {}\n  test: {}\nhosts:\n  esx-01:\n${HOST}  esx-02:\n    cluster: test\n${HOST}`;
    const { topology, problems } = parseVtopo(text);
    assert.deepEqual(problems, []);
    assert.equal(topology.clusterOfHost(topology.host('esx-01') ?? assert.fail('no host')), undefined);
    assert.deepEqual(topology.hostsInCluster('prod'), []);
    assert.deepEqual(topology.hostsInCluster('test').map((h) => h.id), ['esx-02']);
  });

  it('keeps the valid rest of a file with errors: a bad host does not take the good one with it', () => {
    const text = `vtopo: 1\nplatfrom: vsphere\nclusters:\n  prod: {}\nhosts:\n  bad:\n    cpu: { cores: lots, speed: 2.6 GHz }\n    memory: 256 GB\n  good:\n${HOST}vms:\n  on-bad: { host: bad, memory: 4 GB }\n  on-good: { host: good, memory: 4 GB, cpus: two }\n  fine: { host: good, memory: 4 GB }\n`;
    const { topology, problems } = parseVtopo(text);
    assert.deepEqual(problems.map((p) => `${p.ruleId} ${at(text, p.range)}`), ['unknown-key platfrom', 'invalid-value lots', 'invalid-value two']);
    assert.deepEqual(topology.hosts.map((h) => h.id), ['good']);
    assert.deepEqual(topology.vms.map((v) => v.id), ['on-bad', 'on-good', 'fine']);
    assert.equal(topology.vm('on-good')?.cpus, 1, 'an invalid optional value is reported and falls back to its default');
    assert.equal(topology.declarations.get('bad')?.kind, 'host', 'the bad host is still declared, so references to it do not dangle');
    assert.equal(topology.cluster('prod')?.id, 'prod');
  });

  it('still reads the design when the format version is another one', () => {
    const text = `vtopo: 2\nhosts:\n  esx-01:\n${HOST}`;
    const { topology, problems } = parseVtopo(text);
    assert.deepEqual(problems.map((p) => p.ruleId), ['format-version']);
    assert.equal(topology.hosts.length, 1);
  });

  it('keeps source ranges of fields for editors', () => {
    const text = `vtopo: 1\nhosts:\n  esx-01:\n${HOST}    model: R740\n`;
    const esx = parseVtopo(text).topology.host('esx-01') ?? assert.fail('no host');
    assert.equal(at(text, esx.source.fields.model?.key), 'model');
    assert.equal(at(text, esx.source.fields.model?.value), 'R740');
    assert.equal(at(text, esx.source.fields.memoryMB?.key), 'memory');
    assert.equal(at(text, esx.source.fields.memoryMB?.value), '256 GB');
  });

  it('reads the file\'s analysis settings and layout as prototype-safe maps', () => {
    const text = 'vtopo: 1\nanalysis:\n  rules:\n    array-single-controller: off\nlayout:\n  esx-01: [10, 20]\n  esx-02: { x: 1.5, y: -2 }\n';
    const { topology, problems } = parseVtopo(text);
    assert.deepEqual(problems, []);
    assert.equal(topology.file?.analysis?.rules?.get('array-single-controller')?.value.severity, 'off');
    assert.deepEqual(topology.file?.layout?.get('esx-01')?.value, { x: 10, y: 20 });
    assert.deepEqual(topology.file?.layout?.get('esx-02')?.value, { x: 1.5, y: -2 });
  });

  it('follows ordinary YAML anchors and aliases', () => {
    const text = 'vtopo: 1\nhosts:\n  esx-01:\n    cpu: &cpu { cores: 16, speed: 2.6 GHz }\n    memory: &mem 256 GB\n  esx-02:\n    cpu: *cpu\n    memory: *mem\n';
    const { topology, problems } = parseVtopo(text);
    assert.deepEqual(problems, []);
    assert.equal(topology.host('esx-02')?.cpu.cores, 16);
    assert.equal(topology.host('esx-02')?.memoryMB, 256 * 1024);
  });
});
