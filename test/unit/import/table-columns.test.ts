import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { booleanCell, columnsOf, MissingColumnError, numberCell, parseNumberText, textCell } from '../../../src/core/import/table';

describe('import tables', () => {
  it('find columns by header, exact spelling first, then ignoring case, spaces and punctuation', () => {
    const table = { name: 'vDatastore', header: ['Name', '# Hosts', 'Hosts', 'capacity  mib'], rows: [] };
    const columns = columnsOf(table, { hosts: { header: 'Hosts' }, count: { header: '# Hosts' }, capacity: { header: 'Capacity MiB' }, url: { header: 'URL' } });
    assert.deepEqual(columns, { hosts: 2, count: 1, capacity: 3, url: undefined });
    assert.deepEqual(columnsOf({ ...table, header: ['Num Hosts'] }, { count: { header: '# Hosts' } }), { count: 0 });
  });

  it('name a missing required column with its tab', () => {
    assert.throws(() => columnsOf({ name: 'vInfo', header: ['Powerstate'], rows: [] }, { vm: { header: 'VM', required: true } }), new MissingColumnError('vInfo', 'VM'));
  });

  it('read cells as text, numbers and booleans', () => {
    const row = ['  x ', '', 42, '1,024', '2,5', '1 024', 'abc', true, 'False', null, Number.NaN];
    assert.deepEqual([0, 1, 9].map((i) => textCell(row, i)), ['x', undefined, undefined]);
    const bad: string[] = [];
    assert.deepEqual([2, 3, 4, 5, 6, 10].map((i) => numberCell(row, i, (text) => bad.push(text))), [42, 1024, 2.5, 1024, undefined, undefined]);
    assert.deepEqual(bad, ['abc']);
    assert.deepEqual([7, 8, 1].map((i) => booleanCell(row, i)), [true, false, undefined]);
    assert.deepEqual(['1e5', 'Infinity', '0x10', '-3.5'].map(parseNumberText), [undefined, undefined, undefined, -3.5]);
  });
});
