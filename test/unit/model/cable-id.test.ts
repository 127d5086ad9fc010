import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cableId, cableIndex, cableLabel } from '../../../src/core/model/cable-id';

describe('cable ids', () => {
  it('names a cable by its zero-based index and reads the index back', () => {
    assert.equal(cableId(0), 'link:0');
    assert.equal(cableIndex(cableId(12)), 12);
  });

  it('reads nothing from other ids', () => {
    for (const id of ['esx-01', 'link:', 'link:-1', 'link:1a', 'xlink:1']) assert.equal(cableIndex(id), undefined);
  });

  it('counts from one in messages', () => {
    assert.equal(cableLabel(0), 'cable 1 of links:');
  });
});
