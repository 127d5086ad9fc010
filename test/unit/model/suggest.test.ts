import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestMatch, editDistance } from '../../../src/core/model/suggest';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('platfrom', 'platform'), 1, 'a swap of two letters is one edit');
    assert.equal(editDistance('hsots', 'hosts'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abc', ''), 3);
    assert.equal(editDistance('same', 'same'), 0);
  });
});

describe('closestMatch', () => {
  const keys = ['vtopo', 'name', 'platform', 'platformVersion', 'hosts', 'vms', 'clusters', 'restartPriority'];

  it('suggests the nearest key for a typo', () => {
    assert.equal(closestMatch('platfrom', keys), 'platform');
    assert.equal(closestMatch('hots', keys), 'hosts');
    assert.equal(closestMatch('restartPriorty', keys), 'restartPriority');
    assert.equal(closestMatch('clusters', keys), 'clusters');
  });

  it('ignores case but returns the candidate as spelled', () => {
    assert.equal(closestMatch('PLATFORM', keys), 'platform');
    assert.equal(closestMatch('RestartPriority', keys), 'restartPriority');
  });

  it('prefers the closer of two candidates, and the first of equally close ones', () => {
    assert.equal(closestMatch('host', ['hosts', 'host']), 'host');
    assert.equal(closestMatch('vm', ['vms', 'vmx']), 'vms');
  });

  it('allows about a third of the length in edits, at least one and at most three', () => {
    assert.equal(closestMatch('vsm', ['vms']), 'vms', 'a swap is one edit, allowed even for three letters');
    assert.equal(closestMatch('smv', ['vms']), undefined, 'two edits are too many for three letters');
    assert.equal(closestMatch('hst', ['host']), 'host');
    assert.equal(closestMatch('abcdefghijklmnop', ['abcdefghijklWXYZ']), undefined);
    assert.equal(closestMatch('abcdefghijklmnop', ['abcdefghijklmXYZ']), 'abcdefghijklmXYZ');
  });

  it('suggests nothing when nothing is close, or for absurdly long input', () => {
    assert.equal(closestMatch('zzzzzz', keys), undefined);
    assert.equal(closestMatch('x'.repeat(201), ['x'.repeat(201)]), undefined);
    assert.equal(closestMatch('anything', []), undefined);
  });
});
