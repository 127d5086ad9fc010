import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseVtopo } from '../../../src/core/model/parse';
import type { ParseProblem, TextEdit } from '../../../src/core/model/report';
import type { SourceRange } from '../../../src/core/model/source';

/** The text a range covers. */
const at = (text: string, range: SourceRange) => text.slice(range.start, range.end);

function problemsOf(text: string, ruleId?: ParseProblem['ruleId']): ParseProblem[] {
  const { problems } = parseVtopo(text);
  return ruleId ? problems.filter((p) => p.ruleId === ruleId) : [...problems];
}

/** The only problem of the text; fails when there are none or several. */
function onlyProblem(text: string): ParseProblem {
  const problems = problemsOf(text);
  assert.equal(problems.length, 1, `expected one problem, got: ${problems.map((p) => `${p.ruleId}: ${p.message}`).join(' | ')}`);
  return problems[0] as ParseProblem;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.range.start - a.range.start).reduce((t, e) => t.slice(0, e.range.start) + e.newText + t.slice(e.range.end), text);
}

/** Asserts the problem's preferred fix replaces exactly `from` with `to`, and that applying it leaves no problem. */
function assertFix(text: string, problem: ParseProblem, from: string, to: string): void {
  const fix = problem.fixes?.find((f) => f.preferred);
  assert.ok(fix, `expected a preferred quick fix on "${problem.message}"`);
  assert.equal(fix.edits.length, 1);
  const edit = fix.edits[0] as TextEdit;
  assert.equal(at(text, edit.range), from);
  assert.equal(edit.newText, to);
  assert.deepEqual(problemsOf(applyEdits(text, fix.edits)), [], 'the fixed text reads cleanly');
}

const HOST = '    cpu: { cores: 16, speed: 2.6 GHz }\n    memory: 256 GB\n';
const host = (id: string, extra = '') => `  ${id}:\n${HOST}${extra}`;
const design = (body: string) => `vtopo: 1\nclusters:\n  prod: {}\n${body}`;

describe('reader problems: YAML syntax', () => {
  it('reports an unclosed flow sequence as a syntax error inside the text', () => {
    const text = 'vtopo: 1\nclusters: [a, b\nname: x\n';
    const syntax = problemsOf(text, 'syntax');
    assert.ok(syntax.length >= 1);
    for (const p of syntax) assert.ok(p.range.start >= 0 && p.range.start <= p.range.end && p.range.end <= text.length);
  });

  it('reports a key given twice on the second key, with the first as related location', () => {
    const text = 'vtopo: 1\nname: one\nname: two\n';
    const problem = onlyProblem(text);
    assert.equal(problem.ruleId, 'syntax');
    assert.equal(problem.message, '"name" is given twice');
    assert.equal(problem.range.start, text.lastIndexOf('name'));
    assert.equal(at(text, problem.range), 'name');
    assert.equal(problem.related?.[0]?.range.start, text.indexOf('name'));
  });

  it('reports two spellings of one quantity as saying the same thing', () => {
    const text = design(`hosts:\n${host('esx-01', '    memoryGB: 256\n')}`);
    const problem = onlyProblem(text);
    assert.equal(problem.ruleId, 'syntax');
    assert.equal(problem.message, '"memoryGB" and "memory" say the same thing; keep one');
    assert.equal(at(text, problem.range), 'memoryGB');
    assert.equal(at(text, problem.related?.[0]?.range ?? { start: 0, end: 0 }), 'memory');
  });

  it('reports a tab used as indentation', () => {
    const text = 'vtopo: 1\nclusters:\n\tprod: {}\n';
    const syntax = problemsOf(text, 'syntax');
    assert.ok(syntax.some((p) => /tab/i.test(p.message) && at(text, p.range) === '\t'), JSON.stringify(syntax));
  });
});

describe('reader problems: unknown keys', () => {
  it('suggests the closest key and offers a rename on exactly the key', () => {
    const text = 'vtopo: 1\nplatfrom: vsphere\n';
    const problem = onlyProblem(text);
    assert.equal(problem.ruleId, 'unknown-key');
    assert.equal(problem.message, 'unknown key "platfrom". Did you mean "platform"?');
    assert.equal(at(text, problem.range), 'platfrom');
    assertFix(text, problem, 'platfrom', 'platform');
  });

  it('finds typos deep in an element and names the element', () => {
    const text = design(`hosts:\n${host('esx-01')}datastores:\n  ds: { array: fq }\narrays:\n  fq: {}\nvms:\n  sql-01:\n    host: esx-01\n    memory: 8 GB\n    restartPriorty: high\n`);
    const problem = onlyProblem(text);
    assert.equal(problem.ruleId, 'unknown-key');
    assert.equal(at(text, problem.range), 'restartPriorty');
    assert.deepEqual(problem.elementIds, ['sql-01']);
    assertFix(text, problem, 'restartPriorty', 'restartPriority');
  });

  it('offers no fix when nothing is close', () => {
    const text = 'vtopo: 1\nzzzzzz: 1\n';
    const problem = onlyProblem(text);
    assert.equal(problem.message, 'unknown key "zzzzzz"');
    assert.equal(at(text, problem.range), 'zzzzzz');
    assert.equal(problem.fixes, undefined);
  });
});

describe('reader problems: wrong types and values', () => {
  const cases: Array<{ name: string; line: string; value: string; message: string | RegExp }> = [
    { name: 'text for a whole number', line: '    cpus: many\n', value: 'many', message: 'expected a whole number, found "many"' },
    { name: 'a fraction for a whole number', line: '    cpus: 2.5\n', value: '2.5', message: 'expected a whole number, found 2.5' },
    { name: 'a number out of range', line: '    cpus: 0\n', value: '0', message: '0 is out of range (1 to 4096)' },
    { name: 'a list for an enumeration', line: '    restartPriority: [high]\n', value: '[high]', message: /^expected one of disabled, lowest/ },
    { name: 'a bad date', line: '    lastActive: 2025-13-45\n', value: '2025-13-45', message: /^expected a date like 2026-01-31/ },
    { name: 'a mapping for a reference', line: '    datastore: { id: x }\n', value: '{ id: x }', message: 'expected the id of a datastore, found a mapping' },
    { name: 'a list for a number', line: '    vnics: [1, 2]\n', value: '[1, 2]', message: 'expected a whole number, found a list' },
  ];
  for (const c of cases) {
    it(`reports ${c.name} on the value`, () => {
      const text = design(`hosts:\n${host('esx-01')}vms:\n  vm-1:\n    host: esx-01\n    memory: 4 GB\n${c.line}`);
      const problem = onlyProblem(text);
      assert.equal(problem.ruleId, 'invalid-value');
      assert.equal(at(text, problem.range), c.value);
      if (typeof c.message === 'string') assert.equal(problem.message, c.message);
      else assert.match(problem.message, c.message);
      assert.deepEqual(problem.elementIds, ['vm-1']);
    });
  }

  it('reports a YAML 1.1 boolean (yes) as text, since YAML 1.2 reads it so', () => {
    const text = 'vtopo: 1\nclusters:\n  prod:\n    drs: { enabled: yes }\n';
    const problem = onlyProblem(text);
    assert.equal(problem.message, 'expected true or false, found "yes"');
    assert.equal(at(text, problem.range), 'yes');
  });

  it('reports a collection of the wrong shape', () => {
    const text = 'vtopo: 1\nhosts: 5\n';
    const problem = onlyProblem(text);
    assert.equal(problem.message, 'expected hosts as a mapping keyed by id or a list, found 5');
    assert.equal(at(text, problem.range), '5');
  });

  it('reports an invalid id on the id', () => {
    const text = design(`hosts:\n${host('-bad')}`);
    const problem = onlyProblem(text);
    assert.match(problem.message, /^"-bad" is not a valid id/);
    assert.equal(at(text, problem.range), '-bad');
  });

  it('reports a link that does not join two endpoints', () => {
    const text = design('switches:\n  fc-a: { type: fc }\nlinks:\n  - [fc-a, fc-a, fc-a]\n');
    const problem = onlyProblem(text);
    assert.equal(problem.message, 'a link joins exactly two endpoints; found 3');
    assert.equal(at(text, problem.range), '[fc-a, fc-a, fc-a]');
  });

  it('reports a bad layout position', () => {
    const text = 'vtopo: 1\nlayout:\n  esx-01: { x: 1 }\n';
    const problem = onlyProblem(text);
    assert.equal(problem.message, 'expected a position as [x, y] or { x, y }');
    assert.equal(at(text, problem.range), '{ x: 1 }');
  });
});

describe('reader problems: quantities and units', () => {
  it('refuses a bare number under a bare key, on the number', () => {
    const text = design(`hosts:\n  esx-01:\n    cpu: { cores: 16, speed: 2.6 GHz }\n    memory: 512\n`);
    const problem = onlyProblem(text);
    assert.equal(problem.ruleId, 'invalid-value');
    assert.match(problem.message, /^512 has no unit: write it as "512 MB" or use a key with the unit in its name$/);
    assert.equal(at(text, problem.range), '512');
  });

  it('refuses a unit of the wrong dimension', () => {
    const text = design(`hosts:\n  esx-01:\n    cpu: { cores: 16, speed: 2.6 GB }\n    memory: 512 GB\n`);
    const problem = onlyProblem(text);
    assert.equal(problem.message, 'unknown frequency unit "GB"; use one of MHz, GHz');
    assert.equal(at(text, problem.range), '2.6 GB');
  });

  it('reads a number under a key that names the unit, in any of the unit\'s keys', () => {
    const text = design('hosts:\n  esx-01:\n    cpu: { cores: 16, speedGHz: 2.6 }\n    memoryGB: 512\n    overhead: { memoryMB: 2048 }\n');
    const { topology, problems } = parseVtopo(text);
    assert.deepEqual(problems, []);
    const esx = topology.host('esx-01');
    assert.equal(esx?.memoryMB, 512 * 1024);
    assert.equal(esx?.cpu.speedMHz, 2600);
    assert.equal(esx?.overhead?.memoryMB, 2048);
  });

  it('also reads a quantity with a unit under the unit-named key', () => {
    const text = design('hosts:\n  esx-01:\n    cpu: { cores: 16, speedMHz: 2.6 GHz }\n    memoryMB: 1 TB\n');
    const { topology, problems } = parseVtopo(text);
    assert.deepEqual(problems, []);
    assert.equal(topology.host('esx-01')?.memoryMB, 1024 * 1024);
    assert.equal(topology.host('esx-01')?.cpu.speedMHz, 2600);
  });

  it('checks the range after converting to the base unit', () => {
    const text = design('hosts:\n  esx-01:\n    cpu: { cores: 16, speed: 2.6 GHz }\n    memory: 0 GB\n');
    const problem = onlyProblem(text);
    assert.equal(problem.message, '0 GB (0 MB) is out of range (1 to 1073741824 MB)');
    assert.equal(at(text, problem.range), '0 GB');
  });
});

describe('reader problems: enumerations', () => {
  it('suggests the closest value and offers to change exactly the value', () => {
    const text = 'vtopo: 1\nplatform: vsphre\n';
    const problem = onlyProblem(text);
    assert.equal(problem.ruleId, 'invalid-value');
    assert.equal(problem.message, 'expected one of vsphere, hyperv, xenserver, proxmox; found "vsphre". Did you mean "vsphere"?');
    assert.equal(at(text, problem.range), 'vsphre');
    assertFix(text, problem, 'vsphre', 'vsphere');
  });

  it('fixes a typo in a list of values', () => {
    const text = design(`hosts:\n${host('esx-01', '    adapters:\n      nic1:\n        type: ethernet\n        ports:\n          p0: { roles: [managment, vmotion] }\n')}`);
    const problem = onlyProblem(text);
    assert.equal(at(text, problem.range), 'managment');
    assertFix(text, problem, 'managment', 'management');
  });

  it('offers no fix when no value is close', () => {
    const text = 'vtopo: 1\nplatform: openstack\n';
    const problem = onlyProblem(text);
    assert.equal(problem.fixes, undefined);
    assert.equal(at(text, problem.range), 'openstack');
  });
});

describe('reader problems: missing fields', () => {
  it('reports a missing required key on the element id, spelled the way people write it', () => {
    const text = design('hosts:\n  esx-01:\n    cpu: { cores: 16, speed: 2.6 GHz }\n');
    const problem = onlyProblem(text);
    assert.equal(problem.ruleId, 'missing-field');
    assert.equal(problem.message, 'missing required key "memory" (or memoryMB)');
    assert.equal(at(text, problem.range), 'esx-01');
  });

  it('reports a missing format version', () => {
    const text = 'name: x\n';
    const problem = onlyProblem(text);
    assert.equal(problem.ruleId, 'missing-field');
    assert.equal(problem.message, 'missing "vtopo: 1": the first key of a design names its format version');
  });

  it('reports a list item without an id on the item', () => {
    const text = design('hosts:\n  - cpu: { cores: 16, speed: 2.6 GHz }\n    memory: 256 GB\n');
    const problem = onlyProblem(text);
    assert.equal(problem.message, 'missing required key "id" for this host');
    assert.ok(at(text, problem.range).startsWith('cpu: { cores: 16'));
  });
});

describe('reader problems: duplicate ids', () => {
  it('reports the second of two hosts with one id, pointing back to the first', () => {
    const text = design(`hosts:\n${host('esx-01')}${host('esx-01')}`);
    const problem = onlyProblem(text);
    assert.equal(problem.ruleId, 'duplicate-id');
    assert.equal(problem.message, 'duplicate id "esx-01": already used by a host');
    assert.equal(problem.range.start, text.lastIndexOf('esx-01'));
    assert.equal(at(text, problem.range), 'esx-01');
    assert.equal(problem.related?.[0]?.range.start, text.indexOf('esx-01'));
    assert.equal(problem.related?.[0]?.message, 'first declared here as a host');
    assert.equal(parseVtopo(text).topology.hosts.length, 1);
  });

  it('reports an id shared across collections', () => {
    const text = design(`hosts:\n${host('esx-01')}switches:\n  esx-01: { type: fc }\n`);
    const problem = onlyProblem(text);
    assert.equal(problem.message, 'duplicate id "esx-01": already used by a host');
    assert.equal(problem.range.start, text.lastIndexOf('esx-01'));
    assert.equal(problem.related?.[0]?.range.start, text.indexOf('esx-01'));
  });

  it('reports a duplicate in list form on the id value', () => {
    const text = design('switches:\n  - id: fc-a\n    type: fc\n  - id: fc-a\n    type: fc\n');
    const problem = onlyProblem(text);
    assert.equal(problem.ruleId, 'duplicate-id');
    assert.equal(problem.range.start, text.lastIndexOf('fc-a'));
    assert.equal(at(text, problem.range), 'fc-a');
  });

  it('allows the same nested id under different parents (ids are prefixed)', () => {
    const adapters = '    adapters:\n      hba1: { type: fc, ports: { p0: {} } }\n';
    const { problems, topology } = parseVtopo(design(`hosts:\n${host('esx-01', adapters)}${host('esx-02', adapters)}`));
    assert.deepEqual(problems, []);
    assert.ok(topology.declarations.has('esx-01/hba1/p0'));
    assert.ok(topology.declarations.has('esx-02/hba1/p0'));
  });
});

describe('reader problems: references', () => {
  const adapters = '    adapters:\n      hba1: { type: fc, ports: { p0: {}, p1: {} } }\n';
  const fabric = design(`hosts:\n${host('esx-01', adapters)}switches:\n  fc-a: { type: fc }\narrays:\n  fq:\n    controllers:\n      a: { ports: { fc0: { type: fc } } }\n`);
  const withLink = (from: string, to: string) => `${fabric}links:\n  - [${from}, ${to}]\n`;

  it('resolves host, array and switch endpoints, and undeclared switch ports', () => {
    const text = `${fabric}links:\n  - [esx-01/hba1/p0, fc-a]\n  - [fq/a/fc0, fc-a/12]\n  - { from: esx-01/hba1/p1, to: fc-a, speed: 8 Gbps }\n`;
    const { problems, topology } = parseVtopo(text);
    assert.deepEqual(problems, []);
    assert.equal(topology.links.length, 3);
    assert.equal(topology.links[2]?.speedMbps, 8000);
    assert.equal(at(text, topology.links[1]?.source.to ?? { start: 0, end: 0 }), 'fc-a/12');
  });

  it('reports an unknown host with a suggestion and a fix on exactly the reference', () => {
    const text = `${fabric}vms:\n  vm-1: { host: esx-02, memory: 4 GB }\n`;
    const problem = onlyProblem(text);
    assert.equal(problem.ruleId, 'unresolved-reference');
    assert.equal(problem.message, 'unknown host "esx-02". Did you mean "esx-01"?');
    assert.equal(problem.range.start, text.indexOf('esx-02'));
    assert.equal(at(text, problem.range), 'esx-02');
    assert.deepEqual(problem.elementIds, ['vm-1']);
    assertFix(text, problem, 'esx-02', 'esx-01');
  });

  it('reports a reference to an element of the wrong kind', () => {
    const text = `${fabric}vms:\n  vm-1: { host: esx-01, memory: 4 GB, datastore: fc-a }\n`;
    const problem = onlyProblem(text);
    assert.equal(problem.message, '"fc-a" is a switch, not a datastore');
    assert.equal(problem.range.start, text.lastIndexOf('fc-a'));
  });

  const endpoints: Array<{ from: string; to: string; bad: string; message: string }> = [
    { from: 'esx-01/hba1/p9', to: 'fc-a', bad: 'esx-01/hba1/p9', message: 'unknown port or switch "esx-01/hba1/p9" (adapter "esx-01/hba1" has no "p9"). Did you mean "esx-01/hba1/p0"?' },
    { from: 'esx-01/hba3/p0', to: 'fc-a', bad: 'esx-01/hba3/p0', message: 'unknown port or switch "esx-01/hba3/p0" (host "esx-01" has no "hba3"). Did you mean "esx-01/hba1/p0"?' },
    { from: 'fq/c/fc0', to: 'fc-a', bad: 'fq/c/fc0', message: 'unknown port or switch "fq/c/fc0" (array "fq" has no "c"). Did you mean "fq/a/fc0"?' },
    { from: 'fq/a/fc7', to: 'fc-a', bad: 'fq/a/fc7', message: 'unknown port or switch "fq/a/fc7" (controller "fq/a" has no "fc7"). Did you mean "fq/a/fc0"?' },
    { from: 'esx-01/hba1/p0', to: 'fc-z', bad: 'fc-z', message: 'unknown port or switch "fc-z". Did you mean "fc-a"?' },
    { from: 'esx-01/hba1/p0', to: 'fc-z/3', bad: 'fc-z/3', message: 'unknown port or switch "fc-z/3"' },
    { from: 'esx-01/hba1/p0', to: 'fc-a/3/x', bad: 'fc-a/3/x', message: 'unknown port or switch "fc-a/3/x" (switch "fc-a" has no "3")' },
    { from: 'esx-01/hba1', to: 'fc-a', bad: 'esx-01/hba1', message: '"esx-01/hba1" is an adapter, not a port or switch' },
  ];
  for (const e of endpoints) {
    it(`reports the link endpoint ${e.bad}`, () => {
      const text = withLink(e.from, e.to);
      const problem = onlyProblem(text);
      assert.equal(problem.ruleId, 'unresolved-reference');
      assert.equal(problem.message, e.message);
      assert.equal(problem.range.start, text.lastIndexOf(e.bad));
      assert.equal(at(text, problem.range), e.bad);
    });
  }

  it('reports dangling references in lists, with ranges on each item', () => {
    const text = `${fabric}vms:\n  a: { host: esx-01, memory: 1 GB }\nrules:\n  apart:\n    type: anti-affinity\n    vms: [a, b, c]\n`;
    const problems = problemsOf(text, 'unresolved-reference');
    assert.deepEqual(problems.map((p) => at(text, p.range)), ['b', 'c']);
    assert.deepEqual(problems.map((p) => p.elementIds), [['apart'], ['apart']]);
  });
});

describe('reader problems: format version', () => {
  it('reports another version on the version number', () => {
    const text = 'vtopo: 2\nname: future\n';
    const problem = onlyProblem(text);
    assert.equal(problem.ruleId, 'format-version');
    assert.equal(problem.message, 'this is format version 2; this VTopo reads version 1');
    assert.equal(at(text, problem.range), '2');
  });
});
