import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../../src/core/analysis/engine';
import { controllerSingleFabric } from '../../../../src/core/analysis/rules/storage/controller-single-fabric';
import { applyEdits } from '../../../../src/core/edit/yaml-edits';
import { at, design, findings, hba, REDUNDANT_LINKS, removeLink, reportsWithText } from './fixtures';

const EXAMPLES = ['examples/seed-000-fq1616r.vtopo', 'examples/hyperv-guest-cluster.vtopo', 'examples/iscsi-av100-g6.vtopo'];

function applyFirstFix(text: string, ruleId: string): string {
  const fix = findings(text, ruleId)[0]?.fixes?.[0];
  assert.ok(fix, `${ruleId} offers a fix`);
  return applyEdits(text, fix.edits);
}

describe('datastore-unreachable', () => {
  it('reports a host none of whose ports is cabled, once, naming its datastores', () => {
    const links = REDUNDANT_LINKS.filter((l) => !l.startsWith('[esx-02'));
    const text = design({ links, datastores: '  ds1: { array: fq }\n  ds2: { array: fq }', vms: '  vm1: { host: esx-01, memory: 4 GB, datastore: ds1 }\n  vm2: { host: esx-01, memory: 4 GB, datastore: ds2 }' });
    const found = findings(text, 'datastore-unreachable');
    assert.equal(found.length, 1);
    assert.equal(at(text, found[0]!), 'esx-02');
    assert.deepEqual(found[0]?.elementIds, ['esx-02', 'ds1', 'ds2']);
    assert.match(found[0]!.message, /^Host "esx-02" has no storage path to datastores "ds1" and "ds2" \(array "fq"\)/);
  });

  it('does not count an FC port as a path to an NFS export', () => {
    const arrays = '  fq:\n    controllers:\n      a: { ports: { fc0: { type: fc }, fc1: { type: fc } } }\n      b: { ports: { fc0: { type: fc }, fc1: { type: fc } } }';
    const text = design({ arrays, datastores: '  ds1: { array: fq, protocol: nfs }' });
    assert.deepEqual(findings(text, 'datastore-unreachable').map((f) => f.elementIds[0]), ['esx-01', 'esx-02']);
  });

  it('finds nothing when every host reaches its datastores', () => {
    assert.deepEqual(findings(design(), 'datastore-unreachable'), []);
  });
});

describe('fabrics-joined', () => {
  it('reports a cable between a fabric A and a fabric B switch, on the cable', () => {
    const text = design({ links: [...REDUNDANT_LINKS, '[fc-a/23, fc-b/23]'] });
    const found = findings(text, 'fabrics-joined');
    assert.equal(found.length, 1);
    assert.equal(at(text, found[0]!), '[fc-a/23, fc-b/23]');
    assert.deepEqual(found[0]?.elementIds, ['link:8', 'fc-a', 'fc-b']);
    assert.match(found[0]!.message, /joins switch "fc-a" \(fabric A\) to switch "fc-b" \(fabric B\)/);
  });

  it('accepts inter-switch links inside one fabric', () => {
    const switches = '  fc-a: { type: fc, fabric: A }\n  fc-a2: { type: fc, fabric: A }\n  fc-b: { type: fc, fabric: B }';
    assert.deepEqual(findings(design({ switches, links: [...REDUNDANT_LINKS, '[fc-a, fc-a2]'] }), 'fabrics-joined'), []);
  });
});

describe('host-ports-same-switch', () => {
  const links = [...removeLink('[esx-01/hba2/p0, fc-b]'), '[esx-01/hba2/p0, fc-a]'];

  it('reports a host whose two HBAs are both cabled to fabric A', () => {
    const text = design({ links });
    const found = findings(text, 'host-ports-same-switch');
    assert.equal(found.length, 1);
    assert.equal(at(text, found[0]!), 'esx-01');
    assert.match(found[0]!.message, /^All 2 FC ports of host "esx-01" \("esx-01\/hba1\/p0", "esx-01\/hba2\/p0"\) are cabled to switch "fc-a" \(fabric A\)/);
  });

  it('recables the last port to the other fabric, which clears the finding and the single points of failure', () => {
    const text = design({ links });
    const fixed = applyFirstFix(text, 'host-ports-same-switch');
    assert.match(fixed, /- \[esx-01\/hba2\/p0, fc-b\]/);
    assert.deepEqual(findings(fixed, 'host-ports-same-switch'), []);
    assert.deepEqual(findings(fixed, 'storage-path-spof'), []);
  });

  it('finds nothing when the ports are on both fabrics', () => {
    assert.deepEqual(findings(design(), 'host-ports-same-switch'), []);
  });
});

describe('single-storage-adapter', () => {
  it('reports a host whose storage ports are all on one dual-port card', () => {
    const hosts = `  esx-01:\n    cpu: { cores: 16, speed: 2 GHz }\n    memory: 256 GB\n    adapters:\n      hba1: ${hba()}\n      nic1: { type: ethernet, ports: { p0: { roles: [management] } } }\n`;
    const text = design({ hosts, links: ['[esx-01/hba1/p0, fc-a]', '[esx-01/hba1/p1, fc-b]', ...REDUNDANT_LINKS.slice(4)], vms: '  vm1: { host: esx-01, memory: 4 GB, datastore: ds1 }' });
    const found = findings(text, 'single-storage-adapter');
    assert.equal(found.length, 1);
    assert.equal(at(text, found[0]!), 'esx-01');
    assert.deepEqual(found[0]?.elementIds, ['esx-01', 'esx-01/hba1', 'esx-01/hba1/p0', 'esx-01/hba1/p1']);
    assert.deepEqual(findings(text, 'storage-path-spof').map((f) => f.elementIds[0]), ['esx-01/hba1']);
  });

  it('finds nothing with two HBAs', () => {
    assert.deepEqual(findings(design(), 'single-storage-adapter'), []);
  });
});

describe('controller-single-fabric', () => {
  const links = removeLink('[fq/b/fc1, fc-b]');

  it('reports controller b cabled to fabric A only, on the controller', () => {
    const text = design({ links });
    const found = findings(text, 'controller-single-fabric');
    assert.equal(found.length, 1);
    assert.equal(at(text, found[0]!), 'b');
    assert.deepEqual(found[0]?.elementIds, ['fq/b', 'fq', 'fc-a']);
    assert.match(found[0]!.message, /^Controller "fq\/b" of array "fq" is cabled only to switch "fc-a" \(fabric A\), while hosts also use fabric B: cable a free port such as "fq\/b\/fc1" to "fc-b"\.$/);
  });

  it('adds the missing cable when the document text is at hand, which clears the finding', () => {
    const text = design({ links });
    const fix = reportsWithText(controllerSingleFabric, text)[0]?.fixes?.[0];
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.match(fixed, / {2}- \[fq\/b\/fc1, fc-b\]\nvms:/);
    assert.deepEqual(findings(fixed, 'controller-single-fabric'), []);
  });

  it('finds nothing when each controller is on both fabrics', () => {
    assert.deepEqual(findings(design(), 'controller-single-fabric'), []);
  });
});

describe('datastore-not-presented', () => {
  it('reports the hosts of the cluster a LUN is not presented to, on presentedTo', () => {
    const text = design({ datastores: '  ds1: { array: fq, presentedTo: [esx-01] }' });
    const found = findings(text, 'datastore-not-presented');
    assert.equal(found.length, 1);
    assert.equal(at(text, found[0]!), '[esx-01]');
    assert.deepEqual(found[0]?.elementIds, ['ds1', 'esx-02']);
  });

  it('adds the missing hosts to presentedTo, which clears the finding', () => {
    const text = design({ datastores: '  ds1: { array: fq, presentedTo: [esx-01] }' });
    const fixed = applyFirstFix(text, 'datastore-not-presented');
    assert.match(fixed, /presentedTo: \[esx-01, esx-02\]/);
    assert.deepEqual(findings(fixed, 'datastore-not-presented'), []);
  });

  it('finds nothing when presentedTo is omitted or complete', () => {
    assert.deepEqual(findings(design(), 'datastore-not-presented'), []);
    assert.deepEqual(findings(design({ datastores: '  ds1: { array: fq, presentedTo: [esx-02, esx-01] }' }), 'datastore-not-presented'), []);
  });
});

describe('the storage rules on the examples', () => {
  it('report only the av100 controller, a true positive', () => {
    const ids = new Set(['storage-path-spof', 'datastore-unreachable', 'fabrics-joined', 'host-ports-same-switch', 'single-storage-adapter', 'controller-single-fabric', 'datastore-not-presented']);
    const found = EXAMPLES.flatMap((file) => analyzeText(readFileSync(file, 'utf8')).findings.filter((f) => ids.has(f.ruleId)).map((f) => `${file}: ${f.ruleId} ${f.elementIds[0] ?? ''}`));
    assert.deepEqual(found, ['examples/iscsi-av100-g6.vtopo: storage-path-spof av100/a']);
  });
});
