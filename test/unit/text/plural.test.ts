import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { counted, grouped, plural } from '../../../src/core/text/plural';

describe('plural', () => {
  it('gives the noun for one and the plural otherwise, irregular plurals given', () => {
    assert.equal(plural(1, 'VM'), 'VM');
    assert.equal(plural(0, 'VM'), 'VMs');
    assert.equal(plural(2, "host's", "hosts'"), "hosts'");
  });

  it('counts with thousands separators', () => {
    assert.equal(grouped(10_000), '10,000');
    assert.equal(counted(1, 'host'), '1 host');
    assert.equal(counted(3, 'host'), '3 hosts');
    assert.equal(counted(1024, 'VM'), '1,024 VMs');
  });
});
