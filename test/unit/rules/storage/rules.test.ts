import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { controllerSingleFabric } from '../../../../src/core/analysis/rules/storage/controller-single-fabric';
import { design, hba, REDUNDANT_LINKS, removeLink } from './fixtures';
import { findingsOf, fixed, reportsOf, textAt } from '../rule-test';

const EXAMPLES = ['examples/seed-000-fq1616r.vtopo', 'examples/hyperv-guest-cluster.vtopo', 'examples/iscsi-av100-g6.vtopo'];
const STORAGE_RULE_IDS = ['storage-path-spof', 'datastore-unreachable', 'fabrics-joined', 'host-ports-same-switch', 'single-storage-adapter', 'controller-single-fabric', 'datastore-not-presented'] as const;

describe('datastore-unreachable', () => {
  it('reports a host none of whose ports is cabled, once, naming its datastores', () => {
    const links = REDUNDANT_LINKS.filter((l) => !l.startsWith('[esx-02'));
    const text = design({ links, datastores: '  ds1: { array: fq }\n  ds2: { array: fq }', vms: '  vm1: { host: esx-01, memory: 4 GB, datastore: ds1 }\n  vm2: { host: esx-01, memory: 4 GB, datastore: ds2 }' });
    const found = findingsOf(text, 'datastore-unreachable');
    assert.equal(found.length, 1);
    assert.equal(textAt(text, found[0]!), 'esx-02');
    assert.deepEqual(found[0]?.elementIds, ['esx-02', 'ds1', 'ds2']);
    assert.match(found[0]!.message, /^Host "esx-02" has no storage path to datastores "ds1" and "ds2" \(array "fq"\)/);
  });

  it('does not count an FC port as a path to an NFS export', () => {
    const arrays = '  fq:\n    controllers:\n      a: { ports: { fc0: { type: fc }, fc1: { type: fc } } }\n      b: { ports: { fc0: { type: fc }, fc1: { type: fc } } }';
    const text = design({ arrays, datastores: '  ds1: { array: fq, protocol: nfs }' });
    assert.deepEqual(findingsOf(text, 'datastore-unreachable').map((f) => f.elementIds[0]), ['esx-01', 'esx-02']);
  });

  it('finds nothing when every host reaches its datastores', () => {
    assert.deepEqual(findingsOf(design(), 'datastore-unreachable'), []);
  });
});

describe('fabrics-joined', () => {
  it('reports a cable between a fabric A and a fabric B switch, on the cable', () => {
    const text = design({ links: [...REDUNDANT_LINKS, '[fc-a/23, fc-b/23]'] });
    const found = findingsOf(text, 'fabrics-joined');
    assert.equal(found.length, 1);
    assert.equal(textAt(text, found[0]!), '[fc-a/23, fc-b/23]');
    assert.deepEqual(found[0]?.elementIds, ['link:8', 'fc-a', 'fc-b']);
    assert.match(found[0]!.message, /joins switch "fc-a" \(fabric A\) to switch "fc-b" \(fabric B\)/);
  });

  it('accepts inter-switch links inside one fabric', () => {
    const switches = '  fc-a: { type: fc, fabric: A }\n  fc-a2: { type: fc, fabric: A }\n  fc-b: { type: fc, fabric: B }';
    assert.deepEqual(findingsOf(design({ switches, links: [...REDUNDANT_LINKS, '[fc-a, fc-a2]'] }), 'fabrics-joined'), []);
  });
});

describe('host-ports-same-switch', () => {
  const links = [...removeLink('[esx-01/hba2/p0, fc-b]'), '[esx-01/hba2/p0, fc-a]'];

  it('reports a host whose two HBAs are both cabled to fabric A', () => {
    const text = design({ links });
    const found = findingsOf(text, 'host-ports-same-switch');
    assert.equal(found.length, 1);
    assert.equal(textAt(text, found[0]!), 'esx-01');
    assert.match(found[0]!.message, /^All 2 FC ports of host "esx-01" \("esx-01\/hba1\/p0", "esx-01\/hba2\/p0"\) are cabled to switch "fc-a" \(fabric A\)/);
  });

  it('recables the last port to the other fabric, which clears the finding and the single points of failure', () => {
    const text = design({ links });
    const after = fixed(text, findingsOf(text, 'host-ports-same-switch')[0]);
    assert.match(after, /- \[esx-01\/hba2\/p0, fc-b\]/);
    assert.deepEqual(findingsOf(after, 'host-ports-same-switch'), []);
    assert.deepEqual(findingsOf(after, 'storage-path-spof'), []);
  });

  it('finds nothing when the ports are on both fabrics', () => {
    assert.deepEqual(findingsOf(design(), 'host-ports-same-switch'), []);
  });
});

describe('single-storage-adapter', () => {
  it('reports a host whose storage ports are all on one dual-port card', () => {
    const hosts = `  esx-01:\n    cpu: { cores: 16, speed: 2 GHz }\n    memory: 256 GB\n    adapters:\n      hba1: ${hba()}\n      nic1: { type: ethernet, ports: { p0: { roles: [management] } } }\n`;
    const text = design({ hosts, links: ['[esx-01/hba1/p0, fc-a]', '[esx-01/hba1/p1, fc-b]', ...REDUNDANT_LINKS.slice(4)], vms: '  vm1: { host: esx-01, memory: 4 GB, datastore: ds1 }' });
    const found = findingsOf(text, 'single-storage-adapter');
    assert.equal(found.length, 1);
    assert.equal(textAt(text, found[0]!), 'esx-01');
    assert.deepEqual(found[0]?.elementIds, ['esx-01', 'esx-01/hba1', 'esx-01/hba1/p0', 'esx-01/hba1/p1']);
    assert.deepEqual(findingsOf(text, 'storage-path-spof').map((f) => f.elementIds[0]), ['esx-01/hba1']);
  });

  it('finds nothing with two HBAs', () => {
    assert.deepEqual(findingsOf(design(), 'single-storage-adapter'), []);
  });
});

describe('controller-single-fabric', () => {
  const links = removeLink('[fq/b/fc1, fc-b]');

  it('reports controller b cabled to fabric A only, on the controller', () => {
    const text = design({ links });
    const found = findingsOf(text, 'controller-single-fabric');
    assert.equal(found.length, 1);
    assert.equal(textAt(text, found[0]!), 'b');
    assert.deepEqual(found[0]?.elementIds, ['fq/b', 'fq', 'fc-a']);
    assert.match(found[0]!.message, /^Controller "fq\/b" of array "fq" is cabled only to switch "fc-a" \(fabric A\), while hosts also use fabric B: cable a free port such as "fq\/b\/fc1" to "fc-b"\.$/);
  });

  it('adds the missing cable when the document text is at hand, which clears the finding', () => {
    const text = design({ links });
    const after = fixed(text, reportsOf(text, controllerSingleFabric)[0]);
    assert.match(after, / {2}- \[fq\/b\/fc1, fc-b\]\nvms:/);
    assert.deepEqual(findingsOf(after, 'controller-single-fabric'), []);
  });

  it('finds nothing when each controller is on both fabrics', () => {
    assert.deepEqual(findingsOf(design(), 'controller-single-fabric'), []);
  });
});

describe('datastore-not-presented', () => {
  it('reports the hosts of the cluster a LUN is not presented to, on presentedTo', () => {
    const text = design({ datastores: '  ds1: { array: fq, presentedTo: [esx-01] }' });
    const found = findingsOf(text, 'datastore-not-presented');
    assert.equal(found.length, 1);
    assert.equal(textAt(text, found[0]!), '[esx-01]');
    assert.deepEqual(found[0]?.elementIds, ['ds1', 'esx-02']);
  });

  it('adds the missing hosts to presentedTo, which clears the finding', () => {
    const text = design({ datastores: '  ds1: { array: fq, presentedTo: [esx-01] }' });
    const after = fixed(text, findingsOf(text, 'datastore-not-presented')[0]);
    assert.match(after, /presentedTo: \[esx-01, esx-02\]/);
    assert.deepEqual(findingsOf(after, 'datastore-not-presented'), []);
  });

  it('finds nothing when presentedTo is omitted or complete', () => {
    assert.deepEqual(findingsOf(design(), 'datastore-not-presented'), []);
    assert.deepEqual(findingsOf(design({ datastores: '  ds1: { array: fq, presentedTo: [esx-02, esx-01] }' }), 'datastore-not-presented'), []);
  });
});

describe('the storage rules on the examples', () => {
  it('report only the av100 controller, a true positive', () => {
    const found = EXAMPLES.flatMap((file) => findingsOf(readFileSync(file, 'utf8'), STORAGE_RULE_IDS).map((f) => `${file}: ${f.ruleId} ${f.elementIds[0] ?? ''}`));
    assert.deepEqual(found, ['examples/iscsi-av100-g6.vtopo: storage-path-spof av100/a']);
  });
});
