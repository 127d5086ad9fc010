import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deletionIntents } from '../../../src/core/view/designer-delete';
import { blades, racks, seed } from './fixtures/diagrams';

describe('designer delete', () => {
  it('deletes a host once, not also the VMs and ports it takes with it', () => {
    assert.deepEqual(deletionIntents(['esx-01', 'vcenter', 'esx-01/hba1/p0', 'web-01'], [], seed), [
      { type: 'delete-element', id: 'esx-01' },
      { type: 'delete-element', id: 'web-01' },
    ], 'web-01 runs on esx-02');
    assert.deepEqual(deletionIntents(['fq1616r/a', 'fq1616r'], [], seed), [{ type: 'delete-element', id: 'fq1616r' }], 'an array takes its controllers');
  });

  it('deletes what is selected in a cluster, site, rack or chassis too: they leave what they hold in the file', () => {
    assert.deepEqual(deletionIntents(['prod', 'esx-02'], [], seed), [{ type: 'delete-element', id: 'prod' }, { type: 'delete-element', id: 'esx-02' }]);
    assert.deepEqual(deletionIntents(['dc1', 'r01', 'hv-a1', 'dc-01'], [], racks), [
      { type: 'delete-element', id: 'dc1' },
      { type: 'delete-element', id: 'r01' },
      { type: 'delete-element', id: 'hv-a1' },
    ], 'the VM goes with its host, the host does not go with its rack');
    assert.deepEqual(deletionIntents(['enc-01', 'blade-1'], [], blades), [{ type: 'delete-element', id: 'enc-01' }, { type: 'delete-element', id: 'blade-1' }]);
  });

  it('deletes selected cables by their index in links:, and no other edge', () => {
    assert.deepEqual(deletionIntents([], ['link:3', 'storage:vmfs-01', 'link:0'], seed), [
      { type: 'delete-link', link: { index: 3 } },
      { type: 'delete-link', link: { index: 0 } },
    ]);
  });
});
