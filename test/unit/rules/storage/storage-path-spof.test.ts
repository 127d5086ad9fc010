import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { design, REDUNDANT_LINKS, removeLink } from './fixtures';
import { findingsOf, textAt } from '../rule-test';

describe('storage-path-spof', () => {
  it('finds nothing in a dual-fabric, dual-controller design', () => {
    assert.deepEqual(findingsOf(design(), 'storage-path-spof'), []);
  });

  it('finds nothing in the array vendor white paper (docs/design/sources.md#seed-000) and Hyper-V examples', () => {
    for (const file of ['examples/seed-000-fq1616r.vtopo', 'examples/hyperv-guest-cluster.vtopo']) {
      assert.deepEqual(findingsOf(readFileSync(file, 'utf8'), 'storage-path-spof'), [], file);
    }
  });

  it('reports the one HBA, port, cable and switch a host has left, each once, on its declaration', () => {
    const text = design({ links: removeLink('[esx-01/hba2/p0, fc-b]') });
    const found = findingsOf(text, 'storage-path-spof');
    assert.deepEqual(found.map((f) => f.elementIds[0]), ['esx-01/hba1', 'esx-01/hba1/p0', 'fc-a', 'link:0']);
    const [adapter, port, , cable] = found;
    assert.equal(textAt(text, adapter!), 'hba1');
    assert.equal(textAt(text, port!), 'p0');
    assert.equal(textAt(text, cable!), '[esx-01/hba1/p0, fc-a]');
    assert.match(adapter!.message, /^Adapter "esx-01\/hba1" is a single point of failure: it lies on every storage path from 1 host \("esx-01"\) to 1 datastore \("ds1"\)\.$/);
    assert.deepEqual(adapter!.elementIds, ['esx-01/hba1', 'esx-01', 'ds1']);
    assert.deepEqual(adapter!.related?.map((r) => textAt(text, r)), ['esx-01', 'ds1']);
  });

  it('counts a dual-port card as one failure domain: both ports cabled, the card is still a single point', () => {
    const links = [...removeLink('[esx-01/hba2/p0, fc-b]'), '[esx-01/hba1/p1, fc-b]'];
    const found = findingsOf(design({ links }), 'storage-path-spof');
    assert.deepEqual(found.map((f) => f.elementIds[0]), ['esx-01/hba1']);
  });

  it('reports a switch once for every host and datastore it breaks', () => {
    const links = REDUNDANT_LINKS.filter((l) => !l.endsWith('fc-b]'));
    const text = design({ links });
    const fcA = findingsOf(text, 'storage-path-spof').find((f) => f.elementIds[0] === 'fc-a');
    assert.ok(fcA);
    assert.equal(textAt(text, fcA), 'fc-a');
    assert.match(fcA.message, /^Switch "fc-a" is a single point of failure: it lies on every storage path from 2 hosts \("esx-01" and "esx-02"\) to 1 datastore/);
    assert.deepEqual(fcA.related?.map((r) => textAt(text, r)), ['esx-01', 'esx-02', 'ds1']);
  });

  it('reports the controller of a single-controller array (the av100 example)', () => {
    const text = readFileSync('examples/iscsi-av100-g6.vtopo', 'utf8');
    const found = findingsOf(text, 'storage-path-spof');
    assert.deepEqual(found.map((f) => f.elementIds[0]), ['av100/a']);
    assert.deepEqual(found[0]?.elementIds.slice(1), ['esx-01', 'esx-02', 'esx-03', 'vmfs-01', 'vmfs-02']);
  });

  it('reports an inter-switch link that is the only way from the hosts\' switch to the array\'s', () => {
    const links = [
      '[esx-01/hba1/p0, edge]', '[esx-01/hba2/p0, edge-2]', '[esx-02/hba1/p0, edge]', '[esx-02/hba2/p0, edge-2]',
      '[edge, core]', '[edge-2, core]', '[core, fc-a]', '[fq/a/fc0, fc-a]', '[fq/b/fc0, fc-a]',
    ];
    const switches = '  fc-a: { type: fc }\n  core: { type: fc }\n  edge: { type: fc }\n  edge-2: { type: fc }';
    const found = findingsOf(design({ links, switches }), 'storage-path-spof');
    assert.deepEqual(found.map((f) => f.elementIds[0]), ['fc-a', 'core', 'link:6']);
  });

  it('ignores local datastores and hosts with no shared storage to reach', () => {
    const text = design({ datastores: '  ds1: { host: esx-01 }', links: [] });
    assert.deepEqual(findingsOf(text, 'storage-path-spof'), []);
  });
});
