import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { addToSection, applyEdits, setField } from '../../../src/core/edit/yaml-edits';
import { parseVtopo } from '../../../src/core/model/parse';

const seed = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');

function reparse(text: string) {
  const result = parseVtopo(text);
  assert.deepEqual(result.problems.map((p) => p.message), [], text);
  return result.topology;
}

/** Every line of `before` is still in `after`, in order: the edit only added or replaced. */
function keptLines(before: string, after: string, changedLines = 0): void {
  const afterLines = after.split('\n');
  const missing = before.split('\n').filter((line) => !afterLines.includes(line));
  assert.ok(missing.length <= changedLines, `lines lost: ${JSON.stringify(missing)}`);
}

describe('comment-preserving edits', () => {
  it('replaces the value of a field that is there', () => {
    const { topology } = parseVtopo(seed);
    const vcenter = topology.vm('vcenter');
    assert.ok(vcenter);
    const after = applyEdits(seed, [setField(seed, vcenter.source, 'restartPriority', 'high')]);
    assert.equal(reparse(after).vm('vcenter')?.restartPriority, 'high');
    keptLines(seed, after, 1);
  });

  it('adds a missing field under the element\'s other keys', () => {
    const { topology } = parseVtopo(seed);
    const web = topology.vm('web-01');
    assert.ok(web);
    const after = applyEdits(seed, [setField(seed, web.source, 'restartPriority', 'low')]);
    assert.equal(reparse(after).vm('web-01')?.restartPriority, 'low');
    assert.match(after, / {4}role: web\n {4}restartPriority: low\n {2}web-02:/);
    keptLines(seed, after);
  });

  it('adds a field inside a flow mapping', () => {
    const { topology } = parseVtopo(seed);
    const fcA = topology.networkSwitch('fc-a');
    assert.ok(fcA);
    const after = applyEdits(seed, [setField(seed, fcA.source, 'vendor', 'Brocade')]);
    assert.equal(reparse(after).networkSwitch('fc-a')?.vendor, 'Brocade');
  });

  it('appends a cable to the links list, keeping its comments', () => {
    const { topology } = parseVtopo(seed);
    assert.ok(topology.file);
    const after = applyEdits(seed, [addToSection(seed, topology.file, 'links', '- [esx-01/hba1/p1, fc-b]')]);
    const links = reparse(after).links;
    assert.equal(links.length, topology.links.length + 1);
    assert.deepEqual([links.at(-1)?.from, links.at(-1)?.to], ['esx-01/hba1/p1', 'fc-b']);
    keptLines(seed, after);
  });

  it('adds a rule to the keyed rules section', () => {
    const { topology } = parseVtopo(seed);
    assert.ok(topology.file);
    const after = applyEdits(seed, [addToSection(seed, topology.file, 'rules', 'sql-apart:\n  type: anti-affinity\n  vms: [sql-01, vcenter]')]);
    assert.deepEqual(reparse(after).rules.map((r) => r.id), ['web-apart', 'sql-apart']);
    keptLines(seed, after);
  });

  it('creates a missing section before the layout, which stays last', () => {
    const text = 'vtopo: 1\nvms:\n  a: { host: h, memory: 1 GB }\nhosts:\n  h: { cpu: { cores: 4, speed: 2 GHz }, memory: 8 GB }\nlayout:\n  h: [0, 0]\n';
    const { topology } = parseVtopo(text);
    assert.ok(topology.file);
    const after = applyEdits(text, [addToSection(text, topology.file, 'rules', 'keep-a:\n  type: vm-host\n  vms: [a]\n  hosts: [h]\n  mode: should-run-on')]);
    assert.equal(reparse(after).rules[0]?.id, 'keep-a');
    assert.ok(after.indexOf('rules:') < after.indexOf('layout:'));
  });

  it('fills an empty flow section', () => {
    const text = 'vtopo: 1\nrules: {}\n';
    const { topology } = parseVtopo(text);
    assert.ok(topology.file);
    const after = applyEdits(text, [addToSection(text, topology.file, 'rules', 'r: { type: affinity }')]);
    assert.equal(reparse(after).rules[0]?.id, 'r');
  });
});

describe('replacing a block value', () => {
  it('keeps the line break after a block list it replaces', () => {
    const text = 'vtopo: 1\nhosts:\n  h:\n    cpu: { cores: 4, speed: 2 GHz }\n    memory: 8 GB\n    vmkernelPorts:\n      vmk1:\n        standby:\n          - h/nic/p0\n        mtu: 9000\n';
    const vmk = parseVtopo(text).topology.hosts[0]?.vmkernelPorts[0];
    assert.ok(vmk);
    const after = applyEdits(text, [setField(text, vmk.source, 'standby', '[]')]);
    assert.match(after, / {8}standby: \[\]\n {8}mtu: 9000\n/);
  });
});
