import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { collection, emitDraft, scalarText } from '../../../src/core/import/emit';

describe('emitDraft', () => {
  it('writes sections in order, short mappings inline, long ones as blocks, comments after ids', () => {
    const text = emitDraft({
      header: ['Imported from x.xlsx.', ''],
      sections: [
        ['vtopo', 1],
        ['name', 'Estate'],
        ['empty', collection(new Map())],
        ['hosts', collection(new Map([
          ['esx-01', { value: { cpu: { cores: 16, speed: '2.6 GHz' }, memory: '512 GB' }, comment: 'esx-01.example.test' }],
          ['esx-02', { value: { cpu: { cores: 16, speed: '2.6 GHz' }, memory: '512 GB', model: 'x'.repeat(120) } }],
        ]))],
      ],
    });
    assert.equal(
      text,
      [
        '# Imported from x.xlsx.',
        '#',
        'vtopo: 1',
        'name: Estate',
        '',
        'hosts:',
        '  esx-01: { cpu: { cores: 16, speed: 2.6 GHz }, memory: 512 GB }  # esx-01.example.test',
        '  esx-02:',
        '    cpu: { cores: 16, speed: 2.6 GHz }',
        '    memory: 512 GB',
        `    model: ${'x'.repeat(120)}`,
        '',
      ].join('\n'),
    );
  });

  it('keeps the order of numeric-looking ids, and quotes them where YAML would read a number', () => {
    const text = emitDraft({ header: [], sections: [['vms', collection(new Map([['10', { value: { host: 'a' } }], ['2', { value: { host: 'b' } }], ['01-web', { value: { host: 'c' } }]]))]] });
    assert.equal(text, 'vms:\n  "10": { host: a }\n  "2": { host: b }\n  01-web: { host: c }\n');
  });

  it('writes every string so that YAML reads back the same string', () => {
    const strings = ['true', 'null', '8.0', '2022', '1e5', '0x1F', '12:30', 'a: b', 'a #b', '# x', '[x]', '{x}', 'x, y', ' lead', 'trail ', '', '-', '- x', '?x', '*a', '&a', '!t', '%p', '@x', '`x', '"q"', "'q'", 'line\nbreak', 'tab\tx', 'ünïcode', 'vmhba2:C0:T0:L1', '21:00:00:24:ff:3d:fa:6c', '512 GB', 'off', 'VM Network'];
    for (const value of strings) {
      for (const inFlow of [false, true]) {
        const yaml = inFlow ? `k: [${scalarText(value, true)}]` : `k: ${scalarText(value, false)}`;
        const read = parse(yaml) as { k: unknown };
        assert.deepEqual(inFlow ? read.k : [read.k], [value], yaml);
      }
    }
  });

  it('puts a control character in a comment on one line', () => {
    const text = emitDraft({ header: ['a\u001b[2Jb\nc'], sections: [['vtopo', 1]] });
    assert.equal(text, '# a [2Jb c\nvtopo: 1\n', 'the escape character is gone, so the terminal sequence is inert text');
  });
});
