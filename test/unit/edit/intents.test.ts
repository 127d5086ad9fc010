import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { editsForIntent, type DesignIntent, type IntentBody } from '../../../src/core/edit/intents';
import { applyEdits, invertEdits, normalizeEdits } from '../../../src/core/edit/yaml-edits';
import { parseVtopo } from '../../../src/core/model/parse';

const seed = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
const iscsi = readFileSync('examples/iscsi-av100-g6.vtopo', 'utf8');
const hyperv = readFileSync('examples/hyperv-guest-cluster.vtopo', 'utf8');


function intent(body: IntentBody): DesignIntent {
  return { baseVersion: 7, ...body } as DesignIntent;
}

/** Applies an intent that must succeed; returns the new text and what it reported. */
function apply(text: string, body: IntentBody) {
  const result = editsForIntent(text, intent(body));
  assert.ok('edits' in result, `rejected: ${'rejected' in result ? result.rejected : ''}`);
  const after = applyEdits(text, result.edits);
  assert.equal(applyEdits(after, invertEdits(text, result.edits)), text, 'the inverse edits restore the text');
  return { after, result, topology: parseVtopo(after).topology, problems: parseVtopo(after).problems };
}

function rejection(text: string, body: IntentBody): string {
  const result = editsForIntent(text, intent(body));
  assert.ok('rejected' in result, 'expected a rejection');
  return result.rejected;
}

/** The one block of lines that changed: what was there and what is there now. */
function changedHunk(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

function problemsOf(text: string): string[] {
  return parseVtopo(text).problems.map((p) => p.message);
}

describe('add-element', () => {
  it('adds a host under the other hosts, in block style, with the fields it needs to be read', () => {
    const { after, topology } = apply(seed, { type: 'add-element', element: { kind: 'host', id: 'esx-03', cluster: 'prod' } });
    assert.deepEqual(changedHunk(seed, after), {
      removed: [],
      added: [
        '  esx-03:', '    cluster: prod', '    cpu:', '      sockets: 2', '      cores: 32', '      speed: 2.4 GHz', '    memory: 512 GB',
        '    adapters:',
        '      hba1:', '        type: fc', '        ports:', '          p0: { speed: 16 Gbps, roles: [storage] }',
        '      hba2:', '        type: fc', '        ports:', '          p0: { speed: 16 Gbps, roles: [storage] }',
        '      nic1:', '        type: ethernet', '        ports:', '          p0: { speed: 10 Gbps, roles: [management, vmotion, vm] }', '          p1: { speed: 10 Gbps, roles: [management, vmotion, vm] }',
      ],
    });
    assert.deepEqual(topology.hostsInCluster('prod').map((h) => h.id), ['esx-01', 'esx-02', 'esx-03']);
    assert.deepEqual(problemsOf(after), []);
  });

  it('adds a VM on a host, an FC switch on one line, and an array with controllers a and b', () => {
    const vm = apply(seed, { type: 'add-element', element: { kind: 'vm', id: 'app-01', host: 'esx-02' } });
    assert.equal(vm.topology.vm('app-01')?.host, 'esx-02');
    const fc = apply(seed, { type: 'add-element', element: { kind: 'switch', id: 'fc-c', switchType: 'fc', fabric: 'A' } });
    assert.deepEqual(changedHunk(seed, fc.after).added, ['  fc-c: { type: fc, fabric: A }']);
    const array = apply(seed, { type: 'add-element', element: { kind: 'array', id: 'backup' } });
    assert.deepEqual(array.topology.storageArray('backup')?.controllers.map((c) => c.id), ['backup/a', 'backup/b']);
    assert.deepEqual(array.topology.storageArray('backup')?.controllers[0]?.ports.map((p) => [p.id, p.type]), [['backup/a/fc0', 'fc'], ['backup/a/fc1', 'fc']], 'FC host ports on an FC design');
    const datastore = apply(seed, { type: 'add-element', element: { kind: 'datastore', id: 'vmfs-03', array: 'fq1616r' } });
    assert.equal(datastore.topology.datastore('vmfs-03')?.array, 'fq1616r');
    for (const added of [vm, fc, array, datastore]) assert.deepEqual(added.problems.map((p) => p.message), []);
  });

  it('gives a new host storage adapters and a LAN NIC to cable, FC or iSCSI after the design', () => {
    const fc = apply(seed, { type: 'add-element', element: { kind: 'host', id: 'esx-03', cluster: 'prod' } });
    const host = fc.topology.host('esx-03');
    assert.deepEqual(host?.adapters.map((a) => [a.id, a.type, a.ports.length]), [['esx-03/hba1', 'fc', 1], ['esx-03/hba2', 'fc', 1], ['esx-03/nic1', 'ethernet', 2]]);
    assert.deepEqual(host?.adapters[0]?.ports[0]?.roles, ['storage']);
    assert.ok(fc.after.includes('          p0: { speed: 16 Gbps, roles: [storage] }\n'), 'ports written one per line, as the examples do');
    const iscsiText = readFileSync('examples/iscsi-av100-g6.vtopo', 'utf8');
    const iscsi = apply(iscsiText, { type: 'add-element', element: { kind: 'host', id: 'new-host' } });
    assert.deepEqual(iscsi.topology.host('new-host')?.adapters.map((a) => [a.id, a.ports.map((p) => p.roles?.join('+'))]), [['new-host/nic2', ['iscsi', 'iscsi']], ['new-host/nic1', ['management+vmotion+vm', 'management+vmotion+vm']]]);
    const array = apply(iscsiText, { type: 'add-element', element: { kind: 'array', id: 'new-array' } });
    assert.deepEqual(array.topology.storageArray('new-array')?.controllers[1]?.ports.map((p) => [p.id, p.type]), [['new-array/b/eth0', 'iscsi'], ['new-array/b/eth1', 'iscsi']]);
    for (const added of [fc, iscsi, array]) assert.deepEqual(added.problems.map((p) => p.message), []);
  });

  it('creates a missing section before the layout', () => {
    const { after } = apply(seed, { type: 'add-element', element: { kind: 'datastore', id: 'local' } });
    const text = 'vtopo: 1\nhosts:\n  h: { cpu: { cores: 4, speed: 2 GHz }, memory: 8 GB }\nlayout:\n  h: [0, 0]\n';
    const created = apply(text, { type: 'add-element', element: { kind: 'switch', id: 's', switchType: 'ethernet' } });
    assert.ok(created.after.indexOf('switches:') < created.after.indexOf('layout:'));
    assert.ok(after.includes('  local: { protocol: vmfs }'));
  });

  it('follows a section written as a list with id:', () => {
    const text = 'vtopo: 1\nhosts:\n  - id: h\n    cpu: { cores: 4, speed: 2 GHz }\n    memory: 8 GB\n';
    const { after, topology, problems } = apply(text, { type: 'add-element', element: { kind: 'host', id: 'h2' } });
    assert.deepEqual(topology.hosts.map((h) => h.id), ['h', 'h2']);
    assert.deepEqual(problems, []);
    assert.match(after, /\n {2}- id: h2\n {4}cpu:\n/);
  });

  it('rejects an id that is taken or malformed, and a VM on an unknown host', () => {
    assert.match(rejection(seed, { type: 'add-element', element: { kind: 'switch', id: 'esx-01', switchType: 'fc' } }), /already used by a host/);
    assert.match(rejection(seed, { type: 'add-element', element: { kind: 'host', id: 'a b' } }), /not a valid id/);
    assert.match(rejection(seed, { type: 'add-element', element: { kind: 'vm', id: 'x', host: 'esx-09' } }), /unknown host/);
  });
});

describe('delete-element', () => {
  it('removes a host, its cables and its position, and names the VMs left on it', () => {
    const { after, result, topology } = apply(seed, { type: 'delete-element', id: 'esx-01' });
    assert.ok('edits' in result);
    assert.equal(topology.host('esx-01'), undefined);
    assert.equal(topology.links.length, 8);
    assert.ok(!after.includes('esx-01: { x'));
    assert.deepEqual(result.dangling, [
      { fromId: 'vcenter', id: 'esx-01' },
      { fromId: 'sql-01', id: 'esx-01' },
      { fromId: 'web-02', id: 'esx-01' },
    ]);
    for (const line of seed.split('\n').filter((l) => l.trim().startsWith('#'))) assert.ok(after.includes(line), line);
  });

  it('removes a port and the cable on it, and a switch and all its cables', () => {
    const port = apply(seed, { type: 'delete-element', id: 'esx-02/hba2/p0' });
    assert.deepEqual(port.problems, []);
    assert.equal(port.topology.links.some((l) => l.from === 'esx-02/hba2/p0'), false);
    const fcA = apply(seed, { type: 'delete-element', id: 'fc-a' });
    assert.equal(fcA.topology.links.some((l) => l.to === 'fc-a'), false);
    assert.deepEqual(fcA.problems, []);
  });

  it('removes one entry of a flow collection with its comma', () => {
    const text = 'vtopo: 1\nswitches: { s1: { type: fc }, s2: { type: fc } }\n';
    const { after } = apply(text, { type: 'delete-element', id: 's1' });
    assert.equal(after, 'vtopo: 1\nswitches: { s2: { type: fc } }\n');
  });

  it('leaves links: an empty list when its last cable goes', () => {
    const text = 'vtopo: 1\nswitches:\n  s: { type: fc }\n  t: { type: fc }\nlinks:\n  # the only cable\n  - [s/1, t/1]\n';
    const { after, problems } = apply(text, { type: 'delete-element', id: 't' });
    assert.equal(after, 'vtopo: 1\nswitches:\n  s: { type: fc }\nlinks: []\n  # the only cable\n');
    assert.deepEqual(problems, []);
  });
});

describe('rename-element', () => {
  it('renames a host and every reference to it and to its ports', () => {
    const { after, topology, problems } = apply(seed, { type: 'rename-element', id: 'esx-01', newId: 'esx-11' });
    assert.deepEqual(problems, []);
    // Comments are the author's words and stay as written (the example's header names esx-01).
    assert.ok(!/esx-01\b/.test(after.split('\n').filter((line) => !line.trimStart().startsWith('#')).join('\n')));
    assert.deepEqual(topology.vmsOnHost('esx-11').map((v) => v.id), ['vcenter', 'sql-01', 'web-02']);
    assert.ok(topology.links.some((l) => l.from === 'esx-11/hba1/p0'));
    assert.ok(after.includes('  esx-11: { x: 100, y: 100 }'));
    assert.equal(after.split('\n').length, seed.split('\n').length);
  });

  it('renames a nested element by its last part', () => {
    const { topology, problems } = apply(iscsi, { type: 'rename-element', id: 'esx-01/nic1', newId: 'esx-01/nicA' });
    assert.deepEqual(problems, []);
    assert.deepEqual(topology.host('esx-01')?.vmkernelPorts.find((v) => v.id === 'esx-01/vmk1')?.active, ['esx-01/nicA/p0']);
    assert.match(rejection(iscsi, { type: 'rename-element', id: 'esx-01/nic1', newId: 'esx-02/nic1' }), /only the last part/);
  });

  it('renames references whatever their spelling: escaped, single-quoted, with an escaped port path', () => {
    const text = [
      'vtopo: 1',
      'hosts:',
      '  h-1:',
      '    cpu: { cores: 8, speed: 2 GHz }',
      '    memory: 64 GB',
      '    adapters:',
      '      hba1: { type: fc, ports: { p0: { speed: 16 Gbps } } }',
      'switches:',
      '  fc-a: { type: fc, fabric: A }',
      'links:',
      '  - ["h\\x2d1/hba1/p0", fc-a]',
      'vms:',
      '  vm-1: { host: "h\\x2d1", memory: 1 GB }',
      "  vm-2: { host: 'h-1', memory: 1 GB }",
      'layout:',
      '  "h\\u002d1": [1, 2]',
      '',
    ].join('\n');
    assert.deepEqual(parseVtopo(text).problems, []);
    const { after, topology, problems } = apply(text, { type: 'rename-element', id: 'h-1', newId: 'h-2' });
    assert.deepEqual(problems, []);
    assert.deepEqual(topology.vmsOnHost('h-2').map((v) => v.id), ['vm-1', 'vm-2']);
    assert.equal(topology.links[0]?.from, 'h-2/hba1/p0');
    assert.deepEqual(topology.file?.layout?.get('h-2')?.value, { x: 1, y: 2 });
    assert.ok(!after.includes('h-1') && !after.includes('x2d'), after);
  });

  it('rejects a name that is taken', () => {
    assert.match(rejection(seed, { type: 'rename-element', id: 'web-01', newId: 'web-02' }), /already used by a vm/);
  });
});

describe('set-field and move-vm', () => {
  it('replaces a value in a flow mapping, touching one line', () => {
    const { after } = apply(seed, { type: 'set-field', id: 'esx-01', key: 'cpu.cores', value: '28' });
    assert.deepEqual(changedHunk(seed, after), {
      removed: ['    cpu: { sockets: 2, cores: 24, speed: 2.6 GHz, vendor: intel, family: intel-cascadelake }'],
      added: ['    cpu: { sockets: 2, cores: 28, speed: 2.6 GHz, vendor: intel, family: intel-cascadelake }'],
    });
  });

  it('accepts another spelling of a unit field and respells the key', () => {
    const { after, topology } = apply(seed, { type: 'set-field', id: 'esx-02', key: 'memoryGB', value: '512' });
    assert.equal(topology.host('esx-02')?.memoryMB, 512 * 1024);
    assert.equal(changedHunk(seed, after).added.join('\n'), '    memoryGB: 512');
  });

  it('adds a missing field, and a missing settings block as a flow mapping', () => {
    const added = apply(hyperv, { type: 'set-field', id: 'app-01', key: 'restartPriority', value: 'low' });
    assert.deepEqual(changedHunk(hyperv, added.after), { removed: [], added: ['    restartPriority: low'] });
    const nested = apply(seed, { type: 'set-field', id: 'web-01', key: 'reservation.memory', value: '4 GB' });
    assert.equal(nested.topology.vm('web-01')?.reservation?.memoryMB, 4096);
  });

  it('rejects keys the format does not have, element collections, invalid values and injected YAML', () => {
    assert.match(rejection(seed, { type: 'set-field', id: 'esx-01', key: 'colour', value: 'red' }), /not a field of host/);
    assert.match(rejection(seed, { type: 'set-field', id: 'esx-01', key: 'adapters', value: '{}' }), /holds elements/);
    assert.match(rejection(seed, { type: 'set-field', id: 'vcenter', key: 'cpus', value: '0' }), /out of range/);
    assert.match(rejection(seed, { type: 'set-field', id: 'fc-a', key: 'fabric', value: 'B, vendor: x' }), /not one YAML value/);
    assert.match(rejection(seed, { type: 'set-field', id: 'fc-a', key: 'fabric', value: 'B\nvendor: x' }), /not one YAML value/);
    assert.match(rejection(seed, { type: 'set-field', id: 'nope', key: 'fabric', value: 'B' }), /unknown element/);
  });

  it('moves a VM to another host by changing its host line only', () => {
    const { after, topology } = apply(seed, { type: 'move-vm', vm: 'web-02', host: 'esx-02' });
    assert.deepEqual(changedHunk(seed, after), { removed: ['    host: esx-01'], added: ['    host: esx-02'] });
    assert.deepEqual(topology.vmsOnHost('esx-02').map((v) => v.id), ['web-01', 'web-02']);
    assert.match(rejection(seed, { type: 'move-vm', vm: 'web-02', host: 'fc-a' }), /unknown host/);
  });
});

describe('links', () => {
  it('adds a cable after the last one, and rejects a cable that is there or an end that is not', () => {
    const { after, topology } = apply(seed, { type: 'add-link', from: 'esx-01/hba1/p1', to: 'fc-b' });
    assert.deepEqual(changedHunk(seed, after).added, ['  - [esx-01/hba1/p1, fc-b]']);
    assert.equal(topology.links.length, 13);
    assert.match(rejection(seed, { type: 'add-link', from: 'fc-a', to: 'esx-01/hba1/p0' }), /already cabled/);
    assert.match(rejection(seed, { type: 'add-link', from: 'esx-01/hba9/p0', to: 'fc-a' }), /not a port or a switch/);
    assert.match(rejection(seed, { type: 'add-link', from: 'fc-a/1, x]', to: 'fc-b' }), /not a port or a switch/);
  });

  it('deletes a cable by index or by its ends, leaving its comment', () => {
    const byIndex = apply(seed, { type: 'delete-link', link: { index: 0 } });
    assert.deepEqual(changedHunk(seed, byIndex.after), { removed: ['  - [esx-01/hba1/p0, fc-a]'], added: [] });
    const byEnds = apply(seed, { type: 'delete-link', link: { from: 'fc-a', to: 'esx-01/hba1/p0' } });
    assert.equal(byEnds.after, byIndex.after);
    assert.match(rejection(seed, { type: 'delete-link', link: { index: 99 } }), /no cable number 99/);
  });
});

describe('positions', () => {
  it('updates a position in place and adds new ones after the last entry', () => {
    const moved = apply(seed, { type: 'set-position', id: 'esx-02', position: { x: 410, y: 120 } });
    assert.deepEqual(changedHunk(seed, moved.after), { removed: ['  esx-02: { x: 400, y: 100 }'], added: ['  esx-02: { x: 410, y: 120 }'] });
    const placed = apply(seed, { type: 'set-positions', positions: [{ id: 'fc-a', position: { x: 0, y: 300 } }, { id: 'esx-01', position: { x: 90, y: 80.5 } }] });
    assert.ok(placed.after.endsWith('  esx-01: { x: 90, y: 80.5 }\n  esx-02: { x: 400, y: 100 }\n  fc-a: { x: 0, y: 300 }\n'));
  });

  it('creates the layout section at the end of the file', () => {
    const { after } = apply(hyperv, { type: 'set-position', id: 'fc-a', position: { x: 1, y: -2 } });
    assert.equal(after, `${hyperv}\nlayout:\n  fc-a: { x: 1, y: -2 }\n`);
  });

  it('keeps the [x, y] spelling and rewrites a block entry on one line', () => {
    const text = 'vtopo: 1\nswitches: { s: { type: fc }, t: { type: fc } }\nlayout:\n  s: [1, 2]\n  t:\n    x: 3\n    y: 4\n# end\n';
    const s = apply(text, { type: 'set-position', id: 's', position: { x: 5, y: 6 } });
    assert.ok(s.after.includes('  s: [5, 6]\n'));
    const t = apply(text, { type: 'set-position', id: 't', position: { x: 7, y: 8 } });
    assert.equal(t.after, 'vtopo: 1\nswitches: { s: { type: fc }, t: { type: fc } }\nlayout:\n  s: [1, 2]\n  t: { x: 7, y: 8 }\n# end\n');
  });

  it('keeps the comments of a block entry when it rewrites it on one line', () => {
    const text = 'vtopo: 1\nhosts:\n  esx-01: { cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }\nlayout:\n  esx-01: # pinned by the architect\n    x: 3\n    # keep right of the array\n    y: 4 # row two\n# end\n';
    const { after, problems } = apply(text, { type: 'set-position', id: 'esx-01', position: { x: 7, y: 8 } });
    assert.deepEqual(problems, []);
    assert.equal(after, 'vtopo: 1\nhosts:\n  esx-01: { cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }\nlayout:\n  esx-01: { x: 7, y: 8 } # pinned by the architect\n    # keep right of the array\n    # row two\n# end\n');
    const crlf = apply(text.replace(/\n/g, '\r\n'), { type: 'set-position', id: 'esx-01', position: { x: 7, y: 8 } });
    assert.equal(crlf.after, after.replace(/\n/g, '\r\n'));
  });

  it('rejects unknown ids, an id given twice and positions that are not numbers', () => {
    assert.match(rejection(seed, { type: 'set-position', id: 'ghost', position: { x: 1, y: 1 } }), /unknown element/);
    assert.match(rejection(seed, { type: 'set-positions', positions: [{ id: 'fc-a', position: { x: 1, y: 1 } }, { id: 'fc-a', position: { x: 2, y: 1 } }] }), /placed twice/);
    assert.match(rejection(seed, { type: 'set-position', id: 'fc-a', position: { x: Number.NaN, y: 1 } }), /not a pair of numbers/);
  });
});

describe('the edit algebra', () => {
  it('joins insertions at one offset in the order given and inverts them', () => {
    const edits = normalizeEdits([{ range: { start: 1, end: 1 }, newText: 'a' }, { range: { start: 1, end: 2 }, newText: 'b' }, { range: { start: 3, end: 3 }, newText: 'c' }]);
    assert.deepEqual(edits, [{ range: { start: 1, end: 2 }, newText: 'ab' }, { range: { start: 3, end: 3 }, newText: 'c' }]);
    const after = applyEdits('wxyz', edits);
    assert.equal(after, 'wabycz');
    assert.equal(applyEdits(after, invertEdits('wxyz', edits)), 'wxyz');
  });

  it('refuses a document with syntax errors', () => {
    assert.match(rejection('vtopo: 1\nhosts: [\n', { type: 'delete-element', id: 'x' }), /syntax errors/);
  });
});
