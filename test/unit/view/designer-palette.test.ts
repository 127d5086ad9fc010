import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paletteElement } from '../../../src/core/view/designer-palette';
import type { Diagram } from '../../../src/core/view/diagram';
import { blades, racks, seed } from './fixtures/diagrams';

const node = (diagram: Diagram, id: string) => diagram.nodes.find((n) => n.id === id);

describe('designer palette', () => {
  it('adds a rack into the selected site, the site of the selected rack or device, or the only site', () => {
    assert.deepEqual(paletteElement('rack', racks, undefined), { element: { kind: 'rack', id: 'r04', site: 'dc1' } });
    assert.deepEqual(paletteElement('rack', racks, node(racks, 'hv-b1')), { element: { kind: 'rack', id: 'r04', site: 'dc1' } });
    assert.deepEqual(paletteElement('rack', blades, node(blades, 'dc2')), { element: { kind: 'rack', id: 'r10', site: 'dc2' } });
    assert.deepEqual(paletteElement('rack', blades, node(blades, 'blade-1')), { element: { kind: 'rack', id: 'r10', site: 'dc1' } }, 'a blade: through its chassis and rack');
    assert.deepEqual(paletteElement('rack', blades, undefined), { element: { kind: 'rack', id: 'r10' } }, 'two sites and none selected: no site');
    assert.deepEqual(paletteElement('rack', seed, undefined), { element: { kind: 'rack', id: 'rack-01' } });
  });

  it('adds a site with the next id in its siblings\' style', () => {
    assert.deepEqual(paletteElement('site', racks, undefined), { element: { kind: 'site', id: 'dc2' } });
    assert.deepEqual(paletteElement('site', seed, node(seed, 'esx-01')), { element: { kind: 'site', id: 'site-01' } });
  });

  it('adds a host to the cluster of a host drawn in a rack, as to the cluster of a host drawn in its cluster', () => {
    assert.deepEqual(paletteElement('host', racks, node(racks, 'hv-a1')), { element: { kind: 'host', id: 'hv-a3', cluster: 'hv-racks' } });
    const vm = racks.nodes.find((n) => n.kind === 'vm' && n.parent === 'hv-b2');
    assert.deepEqual(paletteElement('host', racks, vm), { element: { kind: 'host', id: 'hv-a3', cluster: 'hv-racks' } });
    assert.deepEqual(paletteElement('host', seed, node(seed, 'esx-02')), { element: { kind: 'host', id: 'esx-03', cluster: 'prod' } });
    assert.deepEqual(paletteElement('host', seed, node(seed, 'fc-a')), { element: { kind: 'host', id: 'esx-03', cluster: 'prod' } }, 'the only cluster');
    assert.deepEqual(paletteElement('vm', seed, node(seed, 'fc-a')), { problem: 'Select a host first: the new VM goes onto the selected host.' });
  });
});
