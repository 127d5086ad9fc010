import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_COORDINATE, MAX_FIELD_VALUE_LENGTH, MAX_IMAGE_CHARACTERS, MAX_PLACED_ELEMENTS, parseDesignerMessage, requestIdOf } from '../../../src/core/view/designer-validate';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const SVG = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>esx-01</text></svg>\n';

function intent(body: Record<string, unknown>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'intent', protocol: 1, requestId: 3, intent: { baseVersion: 5, ...body }, ...overrides };
}

/** Each body is a valid intent; the parsed message must equal the input, field for field. */
const VALID_INTENTS: ReadonlyArray<Record<string, unknown>> = [
  { type: 'add-element', element: { kind: 'host', id: 'esx-03' } },
  { type: 'add-element', element: { kind: 'host', id: 'esx-03', cluster: 'prod' } },
  { type: 'add-element', element: { kind: 'vm', id: 'web-02', host: 'esx-01' } },
  { type: 'add-element', element: { kind: 'switch', id: 'fc-c', switchType: 'fc', fabric: 'A' } },
  { type: 'add-element', element: { kind: 'switch', id: 'lan-1', switchType: 'ethernet' } },
  { type: 'add-element', element: { kind: 'array', id: 'av100' } },
  { type: 'add-element', element: { kind: 'datastore', id: 'ds-1', array: 'av100' } },
  { type: 'add-element', element: { kind: 'datastore', id: 'ds-2' } },
  { type: 'delete-element', id: 'esx-01/hba1' },
  { type: 'rename-element', id: 'esx-01', newId: 'esx-11' },
  { type: 'set-field', id: 'web-01', key: 'memory', value: '16 GB' },
  { type: 'set-field', id: 'esx-01', key: 'cpu.cores', value: '32' },
  { type: 'set-field', id: 'web-01', key: 'role', value: '"a: quoted\tvalue"' },
  { type: 'move-vm', vm: 'web-01', host: 'esx-01' },
  { type: 'add-link', from: 'esx-01/hba1/p0', to: 'fc-a' },
  { type: 'delete-link', link: { index: 0 } },
  { type: 'delete-link', link: { from: 'esx-01/hba1/p0', to: 'fc-a' } },
  { type: 'set-position', id: 'esx-01', position: { x: -12.5, y: 300 } },
  { type: 'set-positions', positions: [{ id: 'esx-01', position: { x: 0, y: 0 } }, { id: 'fc-a', position: { x: 100, y: 260 } }] },
  { type: 'add-element', element: { kind: 'site', id: 'dc2' } },
  { type: 'add-element', element: { kind: 'rack', id: 'r04' } },
  { type: 'add-element', element: { kind: 'rack', id: 'r04', site: 'dc1' } },
  { type: 'set-placement', ids: ['esx-01'], to: { kind: 'rack', id: 'r01' } },
  { type: 'set-placement', ids: ['esx-01', 'fc-a'], to: { kind: 'site', id: 'dc1' }, positions: [{ id: 'esx-01', position: { x: 10, y: 20 } }] },
  { type: 'set-placement', ids: ['esx-05'], to: { kind: 'chassis', id: 'enc-01' } },
  { type: 'set-placement', ids: ['r03'], to: { kind: 'none' } },
];

describe('designer messages: what the canvas may send', () => {
  it('accepts ready, reveal and every kind of intent, rebuilt field for field', () => {
    assert.deepEqual(parseDesignerMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseDesignerMessage({ type: 'reveal', elementId: 'fq1616r/a/fc0' }), { type: 'reveal', elementId: 'fq1616r/a/fc0' });
    assert.deepEqual(parseDesignerMessage({ type: 'details', elementId: 'esx-01/hba1/p0' }), { type: 'details', elementId: 'esx-01/hba1/p0' });
    assert.equal(parseDesignerMessage({ type: 'details', elementId: '../../etc' }), undefined, 'a details request names an id');
    assert.equal(parseDesignerMessage({ type: 'details', elementId: 'esx-01', all: true }), undefined, 'no extra keys');
    for (const body of VALID_INTENTS) {
      const message = intent(body);
      assert.deepEqual(parseDesignerMessage(message), message, JSON.stringify(body));
    }
  });

  it('accepts a failure simulation of a host, switch, array, controller, site, rack, chassis or power feed, and nothing else', () => {
    for (const kind of ['host', 'switch', 'array', 'controller', 'site', 'rack', 'chassis', 'power-feed']) {
      const message = { type: 'simulate-failure', target: { kind, id: kind === 'controller' ? 'fq1616r/a' : 'x-01' } };
      assert.deepEqual(parseDesignerMessage(message), message, kind);
    }
    assert.equal(parseDesignerMessage({ type: 'simulate-failure', target: { kind: 'vm', id: 'web-01' } }), undefined, 'a VM is not failed from the canvas');
    assert.equal(parseDesignerMessage({ type: 'simulate-failure', target: { kind: 'link', id: 'link:0' } }), undefined, 'nor a cable');
    assert.equal(parseDesignerMessage({ type: 'simulate-failure', target: { kind: 'host', id: '<img src=x>' } }), undefined, 'ids are ids');
    assert.equal(parseDesignerMessage({ type: 'simulate-failure', target: { kind: 'host', id: 'esx-01', at: 5 } }), undefined, 'no extra keys in the target');
    assert.equal(parseDesignerMessage({ type: 'simulate-failure', target: { kind: 'host', id: 'esx-01' }, horizon: 60 }), undefined, 'no extra keys');
    assert.equal(parseDesignerMessage({ type: 'simulate-failure', target: 'host:esx-01' }), undefined, 'the target is an object');
  });

  it('accepts SVG text and PNG data URLs for export', () => {
    assert.deepEqual(parseDesignerMessage({ type: 'export-image', format: 'svg', data: SVG }), { type: 'export-image', format: 'svg', data: SVG });
    assert.deepEqual(parseDesignerMessage({ type: 'export-image', format: 'png', data: PNG }), { type: 'export-image', format: 'png', data: PNG });
  });

  it('rejects what is not a message', () => {
    for (const value of [undefined, null, 0, 'ready', [], [{ type: 'ready' }], { type: 'READY' }, { type: 'unknown' }, {}, () => ({ type: 'ready' })]) {
      assert.equal(parseDesignerMessage(value), undefined, String(value));
    }
  });

  it('rejects extra, missing and inherited keys', () => {
    assert.equal(parseDesignerMessage({ type: 'ready', extra: 1 }), undefined);
    assert.equal(parseDesignerMessage({ type: 'reveal' }), undefined);
    assert.equal(parseDesignerMessage(Object.create({ type: 'ready' }) as unknown), undefined, 'type only on the prototype');
    const inheritedId = Object.assign(Object.create({ elementId: 'esx-01' }) as object, { type: 'reveal' });
    assert.equal(parseDesignerMessage(inheritedId), undefined);
    assert.equal(parseDesignerMessage(intent({ type: 'move-vm', vm: 'a', host: 'b', extra: true })), undefined);
    assert.equal(parseDesignerMessage(intent({ type: 'move-vm', vm: 'a' })), undefined);
    assert.equal(parseDesignerMessage(intent({ type: 'add-element', element: { kind: 'vm', id: 'a', host: 'b', cpus: 4 } })), undefined);
    assert.equal(parseDesignerMessage(intent({ type: 'delete-link', link: { index: 0, from: 'a', to: 'b' } })), undefined);
  });

  it('rejects prototype keys however they arrive', () => {
    const viaJson: unknown = JSON.parse('{"type":"ready","__proto__":{"polluted":true}}');
    assert.equal(parseDesignerMessage(viaJson), undefined);
    const nested: unknown = JSON.parse('{"type":"intent","protocol":1,"requestId":1,"intent":{"type":"move-vm","baseVersion":1,"vm":"a","host":"b","__proto__":{"x":1}}}');
    assert.equal(parseDesignerMessage(nested), undefined);
    const constructorKey: unknown = JSON.parse('{"type":"reveal","elementId":"a","constructor":{"prototype":{"polluted":true}}}');
    assert.equal(parseDesignerMessage(constructorKey), undefined);
    for (const id of ['__proto__', 'constructor', 'prototype']) {
      // Valid id characters, so they pass as ids; they are only ever looked up in Maps.
      assert.equal(parseDesignerMessage({ type: 'reveal', elementId: id })?.type, id === '__proto__' ? undefined : 'reveal');
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'nothing was polluted');
  });

  it('rejects objects that are not plain data', () => {
    class Message {
      readonly type = 'ready';
    }
    assert.equal(parseDesignerMessage(new Message()), undefined);
    const getter = Object.defineProperty({ type: 'reveal' }, 'elementId', { enumerable: true, get: () => 'esx-01' });
    assert.equal(parseDesignerMessage(getter), undefined, 'accessors are not data');
    const symbolKey = { type: 'ready', [Symbol('x')]: 1 };
    assert.equal(parseDesignerMessage(symbolKey), undefined);
    assert.equal(parseDesignerMessage(intent({ type: 'set-positions', positions: { 0: { id: 'a', position: { x: 0, y: 0 } }, length: 1 } })), undefined, 'array-like is not an array');
  });

  it('rejects wrong protocol versions, request ids and base versions', () => {
    const body = { type: 'move-vm', vm: 'web-01', host: 'esx-01' };
    for (const protocol of [0, 2, '1', undefined]) assert.equal(parseDesignerMessage(intent(body, { protocol })), undefined, `protocol ${String(protocol)}`);
    for (const requestId of [-1, 1.5, Number.NaN, Infinity, 2 ** 60, '1', null]) assert.equal(parseDesignerMessage(intent(body, { requestId })), undefined, `requestId ${String(requestId)}`);
    for (const baseVersion of [-1, 0.5, Number.NaN, Infinity, '5', null, undefined]) {
      assert.equal(parseDesignerMessage(intent({ ...body, baseVersion })), undefined, `baseVersion ${String(baseVersion)}`);
    }
  });

  it('rejects ids that are not ids', () => {
    const bad = ['', ' esx', 'esx 01', '-esx', 'esx/', '/esx', 'esx//p0', 'a/../b', 'esx\n01', '<img src=x>', 'é', 'x'.repeat(257), 42, null, ['esx-01'], { id: 'esx-01' }];
    for (const id of bad) {
      assert.equal(parseDesignerMessage({ type: 'reveal', elementId: id }), undefined, `reveal ${JSON.stringify(id)}`);
      assert.equal(parseDesignerMessage(intent({ type: 'delete-element', id })), undefined, `delete ${JSON.stringify(id)}`);
      assert.equal(parseDesignerMessage(intent({ type: 'move-vm', vm: 'web-01', host: id })), undefined, `move to ${JSON.stringify(id)}`);
    }
    assert.ok(parseDesignerMessage({ type: 'reveal', elementId: 'x'.repeat(256) }), '256 characters is the limit');
    assert.equal(parseDesignerMessage(intent({ type: 'add-element', element: { kind: 'vm', id: 'esx-01/vm', host: 'esx-01' } })), undefined, 'new elements are top level');
  });

  it('rejects unknown kinds and enumeration values', () => {
    assert.equal(parseDesignerMessage(intent({ type: 'add-element', element: { kind: 'cluster', id: 'c' } })), undefined);
    assert.equal(parseDesignerMessage(intent({ type: 'add-element', element: { kind: 'switch', id: 's', switchType: 'infiniband' } })), undefined);
    assert.equal(parseDesignerMessage(intent({ type: 'add-element', element: { kind: 'switch', id: 's', switchType: 'fc', fabric: 'A;rm -rf' } })), undefined);
    assert.equal(parseDesignerMessage(intent({ type: 'add-element', element: { kind: 'switch', id: 's', switchType: 'fc', fabric: 7 } })), undefined);
    assert.equal(parseDesignerMessage(intent({ type: 'add-element', element: { kind: 'host', id: 'h', cluster: 'a b' } })), undefined);
    assert.equal(parseDesignerMessage(intent({ type: 'add-element', element: 'host' })), undefined);
    assert.equal(parseDesignerMessage({ type: 'export-image', format: 'gif', data: PNG }), undefined);
  });

  it('takes placements only of top-level ids into a site, rack or chassis, or none', () => {
    const place = (body: Record<string, unknown>) => parseDesignerMessage(intent({ type: 'set-placement', ...body }));
    const to = { kind: 'rack', id: 'r01' };
    assert.ok(place({ ids: ['esx-01'], to }));
    // Ids: a non-empty, dense list of top-level ids, no longer than a layout intent.
    for (const ids of [[], 'esx-01', ['esx-01/hba1'], ['esx 01'], ['<img src=x onerror=alert(1)>'], [42], [null], { 0: 'esx-01', length: 1 }, new Array(1), Array.from({ length: MAX_PLACED_ELEMENTS + 1 }, (_, i) => `h${i}`)]) {
      assert.equal(place({ ids, to }), undefined, `ids ${JSON.stringify(ids)?.slice(0, 60)}`);
    }
    assert.ok(place({ ids: Array.from({ length: MAX_PLACED_ELEMENTS }, (_, i) => `h${i}`), to }), 'as many ids as a layout may place');
    // Where to: a site, rack or chassis by id, or none; nothing else, no extra keys.
    for (const target of [
      { kind: 'cluster', id: 'prod' }, { kind: 'host', id: 'esx-01' }, { kind: 'power-feed', id: 'ups-a' }, { kind: 'rack' }, { kind: 'none', id: 'r01' },
      { kind: 'rack', id: 'r01', site: 'dc1' }, { kind: 'rack', id: 'r01/x' }, { kind: 'rack', id: '' }, { kind: 'rack', id: 'a\nb' }, { kind: 'none', extra: 1 },
      'r01', null, undefined, ['rack', 'r01'], {},
    ]) {
      assert.equal(place({ ids: ['esx-01'], to: target }), undefined, `to ${JSON.stringify(target)}`);
    }
    assert.equal(place({ ids: ['esx-01'], to: JSON.parse('{"kind":"rack","id":"r01","__proto__":{"polluted":true}}') as unknown }), undefined, 'prototype key in the target');
    assert.equal(place({ ids: ['esx-01'], to: Object.defineProperty({ kind: 'rack' }, 'id', { enumerable: true, get: () => 'r01' }) }), undefined, 'accessor in the target');
    assert.equal(place({ ids: ['esx-01'], to: Object.assign(Object.create({ id: 'r01' }) as object, { kind: 'rack' }) }), undefined, 'inherited id');
    // Positions: optional, but when given a non-empty list of bounded positions.
    for (const positions of [[], [{ id: 'esx-01', position: { x: Number.NaN, y: 0 } }], [{ id: 'esx-01', position: { x: MAX_COORDINATE + 1, y: 0 } }], [{ id: 'esx-01' }], { id: 'esx-01', position: { x: 0, y: 0 } }, null]) {
      assert.equal(place({ ids: ['esx-01'], to, positions }), undefined, `positions ${JSON.stringify(positions)}`);
    }
    assert.equal(place({ ids: ['esx-01'], to, position: { x: 0, y: 0 } }), undefined, 'no other keys');
    assert.equal(place({ ids: ['esx-01'] }), undefined, 'the target is required');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'nothing was polluted');
  });

  it('takes new sites and racks with ids only, a rack with its site', () => {
    const add = (element: unknown) => parseDesignerMessage(intent({ type: 'add-element', element }));
    for (const element of [
      { kind: 'site', id: 'dc2', role: 'witness' }, { kind: 'site', id: 'dc 2' }, { kind: 'site' }, { kind: 'rack', id: 'r04', site: 'dc 1' },
      { kind: 'rack', id: 'r04', site: 7 }, { kind: 'rack', id: 'r04', room: 'Hall 1' }, { kind: 'rack', id: 'r04', site: 'dc1/x' }, { kind: 'chassis', id: 'enc-02' }, { kind: 'power-feed', id: 'pdu-9' },
    ]) {
      assert.equal(add(element), undefined, JSON.stringify(element));
    }
  });

  it('takes field values of one line up to the length limit', () => {
    const set = (key: unknown, value: unknown) => parseDesignerMessage(intent({ type: 'set-field', id: 'web-01', key, value }));
    assert.ok(set('role', 'x'.repeat(MAX_FIELD_VALUE_LENGTH)));
    assert.equal(set('role', 'x'.repeat(MAX_FIELD_VALUE_LENGTH + 1)), undefined);
    assert.equal(set('role', 'x'.repeat(10_000_000)), undefined, 'a huge string');
    for (const value of ['a\nb', 'a\rb', 'a\u2028b', 'a\u2029b', 'a\u0085b', 'a\u0000b', 'a\u001bb', 'a\u007fb']) assert.equal(set('role', value), undefined, JSON.stringify(value));
    for (const value of [16, true, null, ['16 GB'], { value: '16 GB' }]) assert.equal(set('memory', value), undefined, JSON.stringify(value));
    for (const key of ['', '.cores', 'cpu.', 'cpu..cores', 'cpu cores', '1cpu', 'cpu/cores', 'x'.repeat(129), 7]) assert.equal(set(key, '1'), undefined, JSON.stringify(key));
  });

  it('takes finite positions within the canvas bounds', () => {
    const place = (position: unknown) => parseDesignerMessage(intent({ type: 'set-position', id: 'esx-01', position }));
    assert.ok(place({ x: MAX_COORDINATE, y: -MAX_COORDINATE }));
    for (const position of [{ x: Number.NaN, y: 0 }, { x: Infinity, y: 0 }, { x: 0, y: -Infinity }, { x: MAX_COORDINATE + 1, y: 0 }, { x: '1', y: 2 }, { x: 1 }, { x: 1, y: 2, z: 3 }, [1, 2], null]) {
      assert.equal(place(position), undefined, JSON.stringify(position));
    }
    const many = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `e${index}`, position: { x: index, y: 0 } }));
    assert.ok(parseDesignerMessage(intent({ type: 'set-positions', positions: many(MAX_PLACED_ELEMENTS) })));
    assert.equal(parseDesignerMessage(intent({ type: 'set-positions', positions: many(MAX_PLACED_ELEMENTS + 1) })), undefined);
    assert.equal(parseDesignerMessage(intent({ type: 'set-positions', positions: [] })), undefined);
    // eslint-disable-next-line no-sparse-arrays
    assert.equal(parseDesignerMessage(intent({ type: 'set-positions', positions: [, { id: 'a', position: { x: 0, y: 0 } }] })), undefined, 'sparse');
    assert.equal(parseDesignerMessage(intent({ type: 'set-positions', positions: [{ id: 'a', position: { x: 0, y: 0 }, extra: [] }] })), undefined);
  });

  it('rejects cable selectors that are not an index or two ends', () => {
    for (const link of [{ index: -1 }, { index: 1.5 }, { index: '0' }, { from: 'a' }, { from: 'a', to: 7 }, 0, null, []]) {
      assert.equal(parseDesignerMessage(intent({ type: 'delete-link', link })), undefined, JSON.stringify(link));
    }
  });

  it('rejects extra nesting where a flat value belongs', () => {
    assert.equal(parseDesignerMessage({ type: 'reveal', elementId: { toString: () => 'esx-01' } }), undefined);
    assert.equal(parseDesignerMessage(intent({ type: 'move-vm', vm: ['web-01'], host: 'esx-01' })), undefined);
    assert.equal(parseDesignerMessage({ type: 'intent', protocol: 1, requestId: 1, intent: { intent: { type: 'move-vm', baseVersion: 1, vm: 'a', host: 'b' } } }), undefined);
    assert.equal(parseDesignerMessage({ type: 'intent', protocol: 1, requestId: 1, intent: [{ type: 'move-vm', baseVersion: 1, vm: 'a', host: 'b' }] }), undefined);
    assert.equal(parseDesignerMessage(intent({ type: 'set-position', id: 'a', position: { x: { valueOf: () => 1 }, y: 0 } })), undefined);
  });

  it('checks exported images for size and format', () => {
    const exported = (format: string, data: unknown) => parseDesignerMessage({ type: 'export-image', format, data });
    assert.equal(exported('svg', ''), undefined);
    assert.equal(exported('svg', '<html><script>alert(1)</script></html>'), undefined);
    assert.equal(exported('svg', '<svg>unterminated'), undefined);
    assert.equal(exported('svg', `<svg>${'x'.repeat(MAX_IMAGE_CHARACTERS)}</svg>`), undefined, 'over the size limit');
    assert.equal(exported('png', SVG), undefined);
    assert.equal(exported('png', PNG.replace('image/png', 'image/svg+xml')), undefined);
    assert.equal(exported('png', 'data:image/png;base64,R0lGODlhAQABAAAAACw='), undefined, 'a GIF is not a PNG');
    assert.equal(exported('png', `${PNG.slice(0, -2)}!!`), undefined, 'not base64');
    assert.equal(exported('png', PNG.slice(0, -1)), undefined, 'truncated base64');
    assert.equal(exported('png', 42), undefined);
    assert.equal(exported('svg', new String(SVG)), undefined);
  });

  it('finds the request id of a rejected intent so the canvas gets an answer', () => {
    assert.equal(requestIdOf({ type: 'intent', requestId: 9, intent: { type: 'bogus' } }), 9);
    assert.equal(requestIdOf({ type: 'intent', requestId: -1 }), undefined);
    assert.equal(requestIdOf(Object.create({ requestId: 9 }) as unknown), undefined);
    assert.equal(requestIdOf(null), undefined);
  });
});
