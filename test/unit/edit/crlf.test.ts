/**
 * The designer's intents on files with Windows line endings: every kind of intent, applied
 * by offset to a CRLF copy of each example, gives the same design as on the LF original,
 * with CRLF line endings throughout.
 */

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { editsForIntent, type DesignIntent, type IntentBody } from '../../../src/core/edit/intents';
import { applyEdits, invertEdits } from '../../../src/core/edit/yaml-edits';
import { parseVtopo } from '../../../src/core/model/parse';

const EXAMPLES_DIR = new URL('../../../examples/', import.meta.url);
const examples = readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.vtopo'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, EXAMPLES_DIR), 'utf8') }));


const toCrlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** Line breaks that are not CRLF: a lone LF, or a CR not followed by LF. */
function loneBreaks(text: string): number {
  return (text.match(/(?<!\r)\n|\r(?!\n)/g) ?? []).length;
}

/** One intent of each kind that the example accepts, chosen from its own elements. */
function intentsFor(text: string): Array<[string, IntentBody]> {
  const { topology } = parseVtopo(text);
  const [host, otherHost] = topology.hosts;
  const networkSwitch = topology.switches[0];
  const referenced = new Set(topology.references.map((reference) => reference.id));
  const vm = topology.vms.find((candidate) => !referenced.has(candidate.id));
  const movable = topology.vms.find((candidate) => candidate.host !== undefined && candidate.host !== otherHost?.id);
  assert.ok(host && otherHost && networkSwitch && vm && movable, 'the example has two hosts, a switch and VMs');
  return [
    ['add a host', { type: 'add-element', element: { kind: 'host', id: 'crlf-host' } }],
    ['add a VM', { type: 'add-element', element: { kind: 'vm', id: 'crlf-vm', host: host.id } }],
    ['add a switch', { type: 'add-element', element: { kind: 'switch', id: 'crlf-switch', switchType: 'fc', fabric: 'A' } }],
    ['add an array', { type: 'add-element', element: { kind: 'array', id: 'crlf-array' } }],
    ['add a datastore', { type: 'add-element', element: { kind: 'datastore', id: 'crlf-datastore' } }],
    ['delete a VM', { type: 'delete-element', id: vm.id }],
    ['delete a host', { type: 'delete-element', id: otherHost.id }],
    ['rename a host', { type: 'rename-element', id: host.id, newId: 'crlf-renamed' }],
    ['set maxVms', { type: 'set-field', id: host.id, key: 'maxVms', value: '120' }],
    ['set a nested field', { type: 'set-field', id: host.id, key: 'cpu.cores', value: '48' }],
    ['set a field with a quoted value', { type: 'set-field', id: host.id, key: 'model', value: '"R760"' }],
    ['move a VM', { type: 'move-vm', vm: movable.id, host: otherHost.id }],
    ['add a link', { type: 'add-link', from: `${networkSwitch.id}/77`, to: `${networkSwitch.id}/78` }],
    ['delete a link', { type: 'delete-link', link: { index: 0 } }],
    ['set a position', { type: 'set-position', id: host.id, position: { x: 10, y: 20 } }],
    ['set positions', { type: 'set-positions', positions: [{ id: host.id, position: { x: 1, y: 2 } }, { id: networkSwitch.id, position: { x: 3, y: 4 } }] }],
  ];
}

/** Applies an intent that must be accepted; returns the new text. */
function applied(text: string, body: IntentBody): string {
  const result = editsForIntent(text, { baseVersion: 1, ...body } as DesignIntent);
  assert.ok('edits' in result, `rejected: ${'rejected' in result ? result.rejected : ''}`);
  const after = applyEdits(text, result.edits);
  assert.equal(applyEdits(after, invertEdits(text, result.edits)), text, 'the inverse edits restore the text');
  return after;
}

describe('designer intents on CRLF files', () => {
  for (const example of examples) {
    const crlf = toCrlf(example.text);
    it(`${example.name}: every kind of intent keeps CRLF line endings and reads as on the LF file`, () => {
      assert.deepEqual(parseVtopo(crlf).problems, []);
      for (const [what, body] of intentsFor(example.text)) {
        const expected = applied(example.text, body);
        const after = applied(crlf, body);
        assert.equal(loneBreaks(after), 0, `${what}: a line break that is not CRLF`);
        assert.deepEqual(parseVtopo(after).problems.map((p) => p.message), parseVtopo(expected).problems.map((p) => p.message), what);
        assert.equal(after, toCrlf(expected), what);
        // A second position update, now on an existing layout entry.
        if (body.type === 'set-position') {
          const again = applied(after, { ...body, position: { x: 30, y: 40 } });
          assert.equal(loneBreaks(again), 0, `${what} again: a line break that is not CRLF`);
          assert.equal(again, toCrlf(applied(expected, { ...body, position: { x: 30, y: 40 } })), `${what} again`);
        }
      }
    });
  }

  it('sets a field and a block-style layout entry on a CRLF file', () => {
    const text = 'vtopo: 1\r\nhosts:\r\n  esx-01:\r\n    cpu: { cores: 8, speed: 2 GHz }\r\n    memory: 64 GB\r\n\r\nlayout:\r\n  esx-01:\r\n    x: 1\r\n    y: 2\r\n\r\n# end\r\n';
    const withField = applied(text, { type: 'set-field', id: 'esx-01', key: 'maxVms', value: '120' });
    assert.equal(withField, text.replace('64 GB\r\n', '64 GB\r\n    maxVms: 120\r\n'));
    const placed = applied(text, { type: 'set-position', id: 'esx-01', position: { x: 5, y: 6 } });
    assert.equal(placed, text.replace('  esx-01:\r\n    x: 1\r\n    y: 2\r\n', '  esx-01: { x: 5, y: 6 }\r\n'));
    assert.deepEqual(parseVtopo(placed).problems, []);
  });
});
