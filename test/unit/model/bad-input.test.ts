/**
 * Hostile and broken input: every case must end in clear problems with valid ranges, and
 * never throw. (Speed is watched by the benchmark, not asserted here.)
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { MAX_INPUT_CHARACTERS, parseVtopo, type ParseResult } from '../../../src/core/model/parse';
import type { ParseProblem } from '../../../src/core/model/report';
import { READ_LIMITS } from '../../../src/core/model/schema';
import { grouped } from '../../../src/core/text/plural';
import { mulberry32 } from '../../../bench/generate';
import { aliasedAdapterDesign, profileDesign } from '../../../bench/hostile';
import { assertValidFindings } from '../../fixtures/check-findings';

const at = (text: string, p: { range: { start: number; end: number } }) => text.slice(p.range.start, p.range.end);

/**
 * Reads through the real entry points, the parser and the analyzer, and checks their
 * findings with the shared invariants: known rules, messages, ranges inside the text, and
 * no reader that threw behind the parser's catch-all.
 */
function read(text: string): ParseResult {
  const parsed = parseVtopo(text);
  assertValidFindings(text, parsed.problems);
  assertValidFindings(text, analyzeText(text).findings);
  return parsed;
}

function withRule(problems: readonly ParseProblem[], ruleId: ParseProblem['ruleId']): ParseProblem[] {
  return problems.filter((p) => p.ruleId === ruleId);
}

/** The billion-laughs pattern: nine levels, each a list of nine aliases to the level below. */
function billionLaughs(indent: string): string {
  const names = 'abcdefghi';
  let text = `${indent}a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let level = 1; level < names.length; level++) {
    const below = names[level - 1] as string;
    text += `${indent}${names[level]}: &${names[level]} [${Array.from({ length: 9 }, () => `*${below}`).join(', ')}]\n`;
  }
  return text;
}

/** Ports of every host of a design as read. */
function portCount(parsed: ParseResult): number {
  return parsed.topology.hosts.reduce((sum, host) => sum + host.adapters.reduce((inHost, adapter) => inHost + adapter.ports.length, 0), 0);
}

const ALIAS_LIMIT_MESSAGE = `aliases in this file expand to more than ${grouped(READ_LIMITS.aliasedNodes)} YAML nodes (the limit per file); this alias and every later one are not read. To share hardware between hosts, use host profiles`;

const SEED = readFileSync(new URL('../../../examples/seed-000-fq1616r.vtopo', import.meta.url), 'utf8');

describe('bad input: empty and not YAML', () => {
  for (const [name, text] of [['an empty file', ''], ['whitespace only', ' \n\t\n   '], ['comments only', '# a comment\n  # another\n\n'], ['a comment without a final newline', '# just this'], ['comments with CRLF line endings', '# a\r\n  # b\r\n']] as const) {
    it(`reports ${name} as an empty design with a fix that starts one`, () => {
      const { problems, topology } = read(text);
      assert.equal(problems.length, 1);
      const problem = problems[0] as ParseProblem;
      assert.equal(problem.ruleId, 'missing-field');
      assert.match(problem.message, /^empty design/);
      assert.equal(topology.file, undefined);
      const edit = problem.fixes?.[0]?.edits[0] ?? assert.fail('no fix');
      const fixed = text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
      assert.deepEqual(parseVtopo(fixed).problems, []);
    });
  }

  it('reports a PNG read as text as not a design', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0d, 0x0a, 0x2d, 0xb4, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]).toString('latin1');
    const { problems, topology } = read(png);
    assert.ok(problems.length > 0);
    assert.equal(topology.hosts.length, 0);
  });

  it('reports a JSON array as the wrong shape', () => {
    const text = '[1, 2, 3]';
    const { problems } = read(text);
    assert.deepEqual(problems.map((p) => [p.ruleId, p.message, at(text, p)]), [['invalid-value', 'expected a mapping of keys to values, found a list', '[1, 2, 3]']]);
  });

  it('reads a JSON object, since JSON is YAML', () => {
    const { problems, topology } = read('{"vtopo": 1, "hosts": {"esx-01": {"cpu": {"cores": 2, "speed": "2 GHz"}, "memory": "1 GB"}}}');
    assert.deepEqual(problems, []);
    assert.equal(topology.host('esx-01')?.memoryMB, 1024);
  });

  it('survives random binary', () => {
    const random = mulberry32(42);
    for (let sample = 0; sample < 20; sample++) {
      const text = String.fromCharCode(...Array.from({ length: 4096 }, () => Math.floor(random() * 256)));
      assert.ok(read(text).problems.length > 0);
    }
  });

  it('survives random unicode including lone surrogates', () => {
    const random = mulberry32(7);
    const text = String.fromCharCode(...Array.from({ length: 8192 }, () => Math.floor(random() * 0x10000)));
    assert.ok(read(text).problems.length > 0);
  });
});

describe('bad input: size limits', () => {
  it('refuses a 50 MB string before parsing it', () => {
    const text = 'x'.repeat(50 * 1024 * 1024);
    const { problems } = read(text);
    assert.deepEqual(problems.map((p) => p.ruleId), ['input-limit']);
    assert.match(problems[0]?.message ?? '', /^file is too large to analyze \(50\.0 MB; the limit is 16 MB\)$/);
  });

  it('reads a file just under the limit', () => {
    const text = `vtopo: 1\nname: ${'a'.repeat(MAX_INPUT_CHARACTERS - 20)}\n`;
    assert.ok(text.length <= MAX_INPUT_CHARACTERS);
    const { problems, topology } = read(text);
    assert.deepEqual(problems, []);
    assert.equal(topology.file?.name?.length, MAX_INPUT_CHARACTERS - 20);
  });
});

describe('bad input: alias bombs', () => {
  it('does not expand a billion laughs under a known key', () => {
    const text = `vtopo: 1\nhosts:\n${billionLaughs('  ')}`;
    const { problems, topology } = read(text);
    assert.equal(topology.hosts.length, 0);
    assert.ok(problems.length > 0 && problems.length < 100);
    assert.ok(problems.every((p) => p.ruleId === 'invalid-value'));
  });

  it('does not expand a billion laughs under an unknown key', () => {
    const text = `vtopo: 1\nlol:\n${billionLaughs('  ')}`;
    const { problems } = read(text);
    assert.deepEqual(problems.map((p) => [p.ruleId, at(text, p)]), [['unknown-key', 'lol']]);
  });

  it('stays bounded when the bomb is used by every collection and list', () => {
    const text = `vtopo: 1\nlol:\n${billionLaughs('  ')}hosts: *i\nlinks: *i\nlayout: *i\nvms: *i\nclusters: *i\nrules: { r: { type: affinity, vms: *i } }\n`;
    const { problems } = read(text);
    assert.ok(problems.length > 0 && problems.length < 1000, `${problems.length} problems`);
  });

  it('stops expanding aliases through the format\'s own nesting at the alias budget', () => {
    let text = 'vtopo: 1\nhosts:\n  h0: &h\n    cpu: { cores: 1, speed: 1 GHz }\n    memory: 1 GB\n    adapters:\n      a0: &a\n        type: fc\n        ports:\n          p0: &p { speed: 1 Gbps }\n';
    for (let i = 1; i < 30; i++) text += `          p${i}: *p\n`;
    for (let i = 1; i < 30; i++) text += `      a${i}: *a\n`;
    for (let i = 1; i < 30; i++) text += `  h${i}: *h\n`;
    const { problems } = read(text);
    const limits = withRule(problems, 'input-limit');
    assert.equal(limits.length, 1, 'the limit is reported once');
    assert.equal(limits[0]?.message, ALIAS_LIMIT_MESSAGE);
    assert.ok(at(text, limits[0] ?? assert.fail()).startsWith('*'));
  });

  it('counts the nodes an alias stands for, not the look-up: one anchored 300-port adapter reused by 199 hosts', () => {
    const text = aliasedAdapterDesign(200, 300);
    const parsed = read(text);
    // The one problem is the limit, on the alias that crossed it: the aliases after it read as absent, silently.
    assert.deepEqual(parsed.problems.map((p) => [p.ruleId, p.message, at(text, p)]), [['input-limit', ALIAS_LIMIT_MESSAGE, '*nic']]);
    assert.equal(parsed.topology.hosts.length, 200);
    // Each port is at least four nodes (its id, its mapping, a key and a value): what was read stays within the budget.
    const ports = portCount(parsed);
    assert.ok(ports >= 300 && ports <= 300 + READ_LIMITS.aliasedNodes / 4, `${ports} ports read`);
    const withAdapter = parsed.topology.hosts.filter((host) => host.adapters.length > 0).length;
    assert.ok(withAdapter > 1 && withAdapter < 200, `${withAdapter} hosts with the adapter`);
  });

  it('reads a few anchors shared by a few dozen hosts: adapters and CPU settings on 48 hosts', () => {
    const lines = ['vtopo: 1', 'clusters:', '  prod: {}', 'hosts:'];
    for (let h = 0; h < 48; h++) {
      lines.push(`  esx-${h}:`);
      if (h === 0) {
        lines.push(
          '    cpu: &cpu { sockets: 2, cores: 32, speed: 2.6 GHz, vendor: intel, family: intel-icelake }',
          '    memory: 512 GB',
          '    adapters:',
          '      hba1: &hba { type: fc, vendor: Emulex, ports: { p0: { speed: 32 Gbps, roles: [storage] }, p1: { speed: 32 Gbps, roles: [storage] } } }',
          '      hba2: *hba',
          '      nic1: &nic',
          '        type: ethernet',
          '        ports:',
          ...[0, 1, 2, 3].map((p) => `          p${p}: { speed: 25 Gbps, roles: [management, vmotion, vm], vlan: ${10 + p}, mtu: 9000 }`),
          '      nic2: *nic',
        );
      } else {
        lines.push('    cpu: *cpu', '    memory: 512 GB', '    adapters: { hba1: *hba, hba2: *hba, nic1: *nic, nic2: *nic }');
      }
    }
    const parsed = read(`${lines.join('\n')}\n`);
    assert.deepEqual(parsed.problems, []);
    assert.equal(portCount(parsed), 48 * 12);
    assert.equal(parsed.topology.host('esx-47')?.cpu.cores, 32);
  });

  it('does not count host profiles: 200 hosts take a 64-port profile in full', () => {
    const parsed = read(profileDesign(200, 64));
    assert.deepEqual(parsed.problems, []);
    assert.equal(portCount(parsed), 200 * 64);
  });

  it('counts an alias in a host profile each time a host takes it', () => {
    const ports = Array.from({ length: 500 }, (_, p) => `      p${p}: { speed: 10 Gbps }`).join('\n');
    const hosts = Array.from({ length: 200 }, (_, h) => `  h${h}: { profile: big }`).join('\n');
    const text = `vtopo: 1\nclusters:\n  prod: {}\nshared:\n  nic: &nic\n    type: ethernet\n    ports:\n${ports}\nhostProfiles:\n  big:\n    cpu: { cores: 16, speed: 2 GHz }\n    memory: 256 GB\n    adapters: { nic: *nic }\nhosts:\n${hosts}\n`;
    const parsed = read(text);
    assert.deepEqual(withRule(parsed.problems, 'input-limit').map((p) => [p.message, at(text, p)]), [[ALIAS_LIMIT_MESSAGE, '*nic']]);
    assert.ok(portCount(parsed) <= READ_LIMITS.aliasedNodes / 4, `${portCount(parsed)} ports read`);
  });

  it('follows aliases in the entries of a collection written as a list', () => {
    const text = 'vtopo: 1\nhosts:\n  - id: esx-01\n    cpu: &cpu { cores: 2, speed: 2 GHz }\n    memory: 1 GB\n  - id: esx-02\n    cpu: *cpu\n    memory: 1 GB\n';
    const { problems, topology } = read(text);
    assert.deepEqual(problems, []);
    assert.equal(topology.host('esx-02')?.cpu.cores, 2);
  });
});

describe('bad input: deep nesting', () => {
  const cases: Array<[string, string]> = [
    ['10,000 nested flow sequences under hosts', `vtopo: 1\nhosts: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['10,000 unclosed flow sequences under an unknown key', `vtopo: 1\ndeep: ${'['.repeat(10_000)}\n`],
    ['10,000 nested flow mappings under hosts', `vtopo: 1\nhosts: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
    ['10,000 nested block sequences', `vtopo: 1\nlinks:\n  ${'- '.repeat(10_000)}x\n`],
    ['2,000 block mappings indented one space deeper each', `vtopo: 1\nhosts:\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')}\n`],
  ];
  for (const [name, text] of cases) {
    it(`reports ${name} as an input limit`, () => {
      const { problems } = read(text);
      const limits = withRule(problems, 'input-limit');
      assert.ok(limits.length >= 1, problems.map((p) => p.message).join(' | '));
      assert.ok(limits.every((p) => /nesting/.test(p.message)));
    });
  }

  it('refuses 10,000 block mappings indented one space deeper each by size', () => {
    const text = `vtopo: 1\nhosts:\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')}\n`;
    assert.deepEqual(read(text).problems.map((p) => p.ruleId), ['input-limit']);
  });

  it('reads at most 64 levels of structure the format could nest', () => {
    const text = `vtopo: 1\nlayout: ${'['.repeat(100)}${']'.repeat(100)}\nhosts:\n  - id: h\n    cpu: ${'{a: '.repeat(100)}1${'}'.repeat(100)}\n    memory: 1 GB\n`;
    const { problems } = read(text);
    assert.ok(problems.length > 0);
  });
});

describe('bad input: prototype keys', () => {
  const keys = ['__proto__', 'constructor', 'prototype'];
  const text = [
    'vtopo: 1',
    ...keys.map((k) => `${k}: { polluted: yes, toString: 1 }`),
    'clusters:',
    ...keys.map((k) => `  c${k}: { ${k}: { polluted: yes } }`),
    'hosts:',
    ...keys.map((k) => `  ${k}:\n    ${k}: { polluted: yes }\n    cpu: { cores: 1, speed: 1 GHz, ${k}: { polluted: yes } }\n    memory: 1 GB\n    adapters:\n      ${k}: { type: fc, ports: { ${k}: { ${k}: 1 } } }`),
    'vms:',
    ...keys.map((k) => `  vm-${k}: { host: ${k}, memory: 1 GB, ${k}: { polluted: yes } }`),
    'links:',
    ...keys.map((k) => `  - { from: ${k}/${k}/${k}, to: ${k}, ${k}: 1 }`),
    'layout:',
    ...keys.map((k) => `  ${k}: [1, 2]`),
    'analysis:',
    '  rules:',
    ...keys.map((k) => `    ${k}: off`),
    '',
  ].join('\n');

  it('neither throws nor pollutes Object.prototype', () => {
    read(text);
    const probe: Record<string, unknown> = {};
    assert.equal(probe.polluted, undefined);
    assert.equal(probe.toString, Object.prototype.toString);
    assert.deepEqual(Object.keys(Object.prototype), []);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    assert.equal(Object.getPrototypeOf(probe), Object.prototype);
  });

  it('treats them as ordinary keys and ids', () => {
    const { problems, topology } = read(text);
    const unknown = withRule(problems, 'unknown-key').map((p) => at(text, p));
    assert.ok(keys.every((k) => unknown.includes(k)), `unknown keys: ${unknown.join(', ')}`);
    assert.deepEqual(topology.hosts.map((h) => h.id).sort(), ['constructor', 'prototype']);
    assert.equal(topology.host('constructor')?.adapters[0]?.ports[0]?.id, 'constructor/constructor/constructor');
    assert.ok(withRule(problems, 'invalid-value').some((p) => p.message.startsWith('"__proto__" is not a valid id')));
    assert.deepEqual(topology.file?.layout?.get('__proto__')?.value, { x: 1, y: 2 });
    assert.equal(topology.file?.analysis?.rules?.get('constructor')?.value.severity, 'off');
    assert.equal(topology.host('toString'), undefined);
  });
});

describe('bad input: YAML oddities', () => {
  it('reports several documents and still reads the first', () => {
    const text = 'vtopo: 1\nhosts:\n  esx-01: { cpu: { cores: 2, speed: 2 GHz }, memory: 1 GB }\n---\nvtopo: 1\n';
    const { problems, topology } = read(text);
    assert.deepEqual(problems.map((p) => p.ruleId), ['syntax']);
    assert.match(problems[0]?.message ?? '', /multiple documents/);
    assert.equal(topology.hosts.length, 1);
  });

  it('reports tabs used for indentation on the tab', () => {
    const text = 'vtopo: 1\nclusters:\n\tprod: {}\n';
    const syntax = withRule(read(text).problems, 'syntax');
    assert.ok(syntax.length >= 1);
    assert.ok(syntax.some((p) => at(text, p) === '\t'));
  });

  it('accepts tabs inside values and comments', () => {
    const { problems } = read('vtopo: 1\nname:\tTabbed\tname # a\tcomment\n');
    assert.deepEqual(problems, []);
  });

  it('accepts a byte order mark and keeps ranges on the original text', () => {
    const text = '\uFEFFvtopo: 1\nplatfrom: vsphere\n';
    const { problems } = read(text);
    assert.deepEqual(problems.map((p) => [p.ruleId, at(text, p)]), [['unknown-key', 'platfrom']]);
  });

  it('keeps ranges exact with CRLF line endings', () => {
    const text = SEED.replace(/\n/g, '\r\n');
    const { problems, topology } = read(text);
    assert.deepEqual(problems, []);
    const esx = topology.host('esx-02') ?? assert.fail('no host');
    assert.equal(at(text, { range: esx.idRange }), 'esx-02');
    assert.equal(at(text, { range: esx.source.fields.memoryMB?.value ?? assert.fail() }), '384 GB');
    const broken = text.replace('    memory: 384 GB\r\n', '    memory: 384\r\n').replace('platform: vsphere', 'platfrom: vsphere');
    const brokenProblems = read(broken).problems;
    assert.deepEqual(brokenProblems.map((p) => at(broken, p)), ['platfrom', '384']);
  });

  it('says that a file uses old Mac CR-only line endings, at the first one, with a fix', () => {
    const text = SEED.replace(/\n/g, '\r');
    const { problems, topology } = read(text);
    assert.deepEqual(problems.map((p) => [p.ruleId, p.message, at(text, p)]), [
      ['syntax', 'the file uses CR-only line endings (old Mac style), which YAML does not read as line breaks: save it with LF or CRLF line endings', '\r'],
    ]);
    assert.equal(problems[0]?.range.start, text.indexOf('\r'));
    assert.equal(topology.hosts.length, 0);
    const edit = problems[0]?.fixes?.[0]?.edits[0] ?? assert.fail('no fix');
    assert.equal(text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end), SEED);
    assert.deepEqual(read('vtopo: 1\r').problems.map((p) => p.ruleId), ['syntax'], 'YAML reads even a final lone CR as part of the value');
  });

  it('reads a 5 MB line', () => {
    const { problems, topology } = read(`vtopo: 1\nname: ${'a'.repeat(5_000_000)}\n`);
    assert.deepEqual(problems, []);
    assert.equal(topology.file?.name?.length, 5_000_000);
  });

  it('keeps messages short for a 1 MB key', () => {
    const text = `vtopo: 1\n${'k'.repeat(1_000_000)}: 1\n`;
    const { problems } = read(text);
    assert.ok(problems.length >= 1);
    for (const p of problems) assert.ok(p.message.length < 300, `message of ${p.message.length} characters`);
  });

  it('reads 20,000 layout entries on one flow line', () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => `h${i}: [${i}, ${i}]`).join(', ');
    const { problems, topology } = read(`vtopo: 1\nlayout: { ${entries} }\n`);
    assert.deepEqual(problems, []);
    assert.equal(topology.file?.layout?.size, 20_000);
  });

  it('reports an unclosed quote at the end of the text within the text', () => {
    const text = `vtopo: 1\nname: "${'a'.repeat(1000)}`;
    const syntax = withRule(read(text).problems, 'syntax');
    assert.ok(syntax.length >= 1);
  });

  it('handles tags, directives, complex keys and special numbers', () => {
    const cases: ReadonlyArray<readonly [text: string, problems: ReadonlyArray<readonly [ruleId: string, at: string]>]> = [
      ['%YAML 1.1\n---\nvtopo: 1\n', []],
      ['vtopo: !!str 1\nname: !custom x\nhosts: !!set { a }\n', [['syntax', '!custom'], ['invalid-value', '1'], ['invalid-value', 'a']]],
      ['vtopo: 1\nname: !!binary aGVsbG8=\n', [['invalid-value', 'aGVsbG8=']]],
      ['vtopo: 1\n? [a, b]\n: c\n{ x: y }: z\n', [['invalid-value', '[a, b]'], ['invalid-value', '{ x: y }']]],
      ['vtopo: 1\n: x\n', [['invalid-value', '']]],
      ['vtopo: .inf\nname: .nan\n', [['invalid-value', '.inf']]],
      // Format versions are small whole numbers: this one is out of range, not a version from the future.
      ['vtopo: 123456789012345678901234567890\n', [['invalid-value', '123456789012345678901234567890']]],
      ['vtopo: 2\n', [['format-version', '2']]],
      ['vtopo: 1\n<<: { name: x }\n', [['unknown-key', '<<']]],
      ['vtopo: 1\nname: &n x\ndescription: *n\nplatform: *undefined\n', [['invalid-value', 'platform']]],
    ];
    for (const [text, expected] of cases) {
      assert.deepEqual(read(text).problems.map((p) => [p.ruleId, at(text, p)]), expected, JSON.stringify(text));
    }
    assert.equal(read('vtopo: .inf\nname: .nan\n').topology.file?.name, '.nan');
    assert.equal(read('vtopo: 1\nname: &n x\ndescription: *n\n').topology.file?.description, 'x');
  });

});
