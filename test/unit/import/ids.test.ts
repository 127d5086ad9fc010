import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idFromName, IdAllocator, shortHostNames } from '../../../src/core/import/ids';

describe('import ids', () => {
  it('turn names into valid ids', () => {
    assert.equal(idFromName('SQL Server 01', 'vm'), 'SQL-Server-01');
    assert.equal(idFromName('(old) web -- copy', 'vm'), 'old-web-copy');
    assert.equal(idFromName('Café münchen', 'vm'), 'Cafe-munchen');
    assert.equal(idFromName('服务器', 'vm'), 'vm');
    assert.equal(idFromName('  ', 'vm'), 'vm');
  });

  it('shorten FQDNs only when the first label is unique, and leave addresses whole', () => {
    const names = shortHostNames(['esx-01.a.test', 'esx-02.a.test', 'esx-02.b.test', '10.0.0.5']);
    assert.deepEqual([...names.values()], ['esx-01', 'esx-02.a.test', 'esx-02.b.test', '10.0.0.5']);
  });

  it('are unique across kinds and case, with a kind suffix, then a number', () => {
    const ids = new IdAllocator();
    assert.deepEqual([ids.allocate('web', 'host'), ids.allocate('WEB', 'vm'), ids.allocate('web', 'vm'), ids.allocate('web', 'vm')], ['web', 'WEB-vm', 'web-vm-2', 'web-vm-3']);
  });
});
