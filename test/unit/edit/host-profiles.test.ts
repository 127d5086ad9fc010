import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editsForIntent, type DesignIntent, type IntentBody } from '../../../src/core/edit/intents';
import { applyEdits, setField } from '../../../src/core/edit/yaml-edits';
import { parseVtopo } from '../../../src/core/model/parse';

const DESIGN = [
  'vtopo: 1',
  'hostProfiles:',
  '  r750:',
  '    model: R750',
  '    cpu:',
  '      sockets: 2',
  '      cores: 32',
  '      speed: 2.3 GHz',
  '    memory: 512 GB',
  '    adapters:',
  '      hba1: { type: fc, ports: { p0: { speed: 32 Gbps } } }',
  'hosts:',
  '  esx-01:',
  '    profile: r750',
  '  esx-02: { profile: r750 }',
  'links:',
  '  - [esx-01/hba1/p0, esx-02/hba1/p0]',
  '',
].join('\n');


function edited(body: IntentBody): string {
  const result = editsForIntent(DESIGN, { baseVersion: 1, ...body } as DesignIntent);
  assert.ok('edits' in result, `rejected: ${'rejected' in result ? result.rejected : ''}`);
  const after = applyEdits(DESIGN, result.edits);
  assert.deepEqual(parseVtopo(after).problems, []);
  return after;
}

function rejection(body: IntentBody): string {
  const result = editsForIntent(DESIGN, { baseVersion: 1, ...body } as DesignIntent);
  assert.ok('rejected' in result, 'expected a rejection');
  return result.rejected;
}

const profileText = (text: string) => text.slice(text.indexOf('hostProfiles:'), text.indexOf('hosts:'));

describe('editing hosts with a profile', () => {
  it('sets a field a host takes from its profile on the host, which then overrides the profile', () => {
    const after = edited({ type: 'set-field', id: 'esx-01', key: 'memory', value: '768 GB' });
    assert.equal(profileText(after), profileText(DESIGN), 'the profile is untouched');
    assert.match(after, / {2}esx-01:\n {4}profile: r750\n {4}memory: 768 GB\n/);
    const topology = parseVtopo(after).topology;
    assert.equal(topology.host('esx-01')?.memoryMB, 768 * 1024);
    assert.equal(topology.host('esx-02')?.memoryMB, 512 * 1024);
    assert.match(edited({ type: 'set-field', id: 'esx-02', key: 'model', value: 'R760' }), /esx-02: \{ profile: r750 , model: R760 \}/);
  });

  it('gives a host its own copy of a settings block it takes from its profile, with the change', () => {
    const after = edited({ type: 'set-field', id: 'esx-01', key: 'cpu.cores', value: '48' });
    assert.equal(profileText(after), profileText(DESIGN));
    assert.match(after, / {4}profile: r750\n {4}cpu: \{ sockets: 2, cores: 48, speed: 2\.3 GHz \}\n/);
    const topology = parseVtopo(after).topology;
    assert.deepEqual([topology.host('esx-01')?.cpu.cores, topology.host('esx-01')?.cpu.speedMHz, topology.host('esx-02')?.cpu.cores], [48, 2300, 32]);
    assert.match(edited({ type: 'set-field', id: 'esx-02', key: 'cpu.vendor', value: 'intel' }), /esx-02: \{ profile: r750 , cpu: \{ sockets: 2, cores: 32, speed: 2\.3 GHz, vendor: intel \} \}/);
  });

  it('leaves the adapters and ports a host takes from its profile to the profile', () => {
    for (const body of [
      { type: 'set-field', id: 'esx-01/hba1/p0', key: 'speed', value: '16 Gbps' },
      { type: 'delete-element', id: 'esx-01/hba1' },
      { type: 'rename-element', id: 'esx-02/hba1/p0', newId: 'esx-02/hba1/p9' },
    ] as const) {
      assert.match(rejection(body), /^"esx-0\d\/hba1(\/p0)?" comes from host profile "r750", which other hosts may share/, body.type);
    }
  });

  it('renames a profile and every profile: that names it', () => {
    const after = edited({ type: 'rename-element', id: 'r750', newId: 'r760' });
    assert.deepEqual(after.match(/r7\d0/g), ['r760', 'r760', 'r760']);
  });

  it('adds a key to a host after its own keys, not after those it takes from its profile', () => {
    const host = parseVtopo(DESIGN).topology.host('esx-01');
    assert.ok(host);
    const edit = setField(DESIGN, host.source, 'maxVms', '50');
    assert.equal(edit.range.start, DESIGN.indexOf('    profile: r750\n  esx-02') + '    profile: r750'.length);
  });
});
