/**
 * The fast block reader against yaml's parseDocument: on every text it reads, the same
 * tree (node kinds, values, scalar styles, key order, ranges); on every text outside its
 * subset, it declines. The corpus: hand-picked edge cases, the examples, a bench design, and
 * a few thousand fuzz cases (generated designs and examples, mutated as the fuzzer does).
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { BENCH_SIZES, generateDesign } from '../../../bench/generate';
import { isOutsideTheSubset, readBlockYaml, readDeferred } from '../../../src/core/model/block-yaml';
import { YAML_OPTIONS } from '../../../src/core/model/parse';
import { loadExamples, makeCase } from '../../fuzz/cases';

/** The tree as plain data, with what the design reader uses: kinds, values, styles, [start, valueEnd] ranges. */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    const value = typeof node.value === 'number' && Number.isNaN(node.value) ? 'NaN' : node.value;
    return { scalar: value, type: node.type, range: node.range?.slice(0, 2) };
  }
  if (isMap(node) || isSeq(node)) {
    const items = (node.items as unknown[]).map((item) => (isPair(item) ? { key: shape(item.key), value: shape(item.value) } : shape(item)));
    return { [isMap(node) ? 'map' : 'seq']: items, flow: Boolean(node.flow), range: node.range?.slice(0, 2) };
  }
  return { other: String(node) };
}

/** The tree with every value the reader deferred read (readDeferred), as the design reader asks for them. */
function undeferred(node: unknown): unknown {
  const read = readDeferred(node);
  if (isMap(read) || isSeq(read)) {
    for (const item of read.items as unknown[]) if (isPair(item)) item.value = undeferred(item.value) as Node;
  }
  return read;
}

/** Checks one text; returns whether the fast reader read it (rather than declined). */
function agrees(text: string, label: string): boolean {
  const fast = readBlockYaml(text);
  const deferring = readBlockYaml(text, undefined, undefined, true);
  if (fast === undefined) {
    // What is outside the subset may be inside an entry the reader deferred: reading that entry finds it.
    if (deferring !== undefined) assert.throws(() => undeferred(deferring), isOutsideTheSubset, `${label}: deferred entries read a text outside the subset:\n${text.slice(0, 400)}`);
    return false;
  }
  assert.ok(deferring !== undefined, `${label}: the reader deferring entries declined a text the other read`);
  // Entries deferred, then read when asked for, make the same tree, with no entry found outside the subset late.
  assert.deepEqual(shape(undeferred(deferring)), shape(fast), `${label}: deferred entries read differently:\n${text.slice(0, 400)}`);
  const document = parseDocument(text, YAML_OPTIONS);
  assert.deepEqual(document.errors.map((error) => error.message), [], `${label}: the fast reader read a text yaml reports errors in:\n${text.slice(0, 400)}`);
  assert.deepEqual(shape(fast), shape(document.contents as Node | null), `${label}: trees differ for:\n${text.slice(0, 400)}`);
  return true;
}

describe('block YAML reader', () => {
  it('reads the subset exactly as yaml does', () => {
    const cases = [
      'a: 1\nb:\n  c: x y  # note\n  d: [p, q]\n  e: { s: 3 GB, r: [m] }\nl:\n  - x\n  - k: v\n    j: w\n  -\n  - \nz:',
      'a: "q"  \nb: \'s\'\'x\' # c\nc: -1\nd: 0x1F\ne: 0o17\nf: 1e3\ng: .inf\nh: -.Inf\ni: .nan\nj: ~\nk: null\nl: True\nm: 01\nn: 1.50\no: +12\n',
      'h:\n- a: 1\n  # c\n  b: 2\n\n- c\nk: v\n',
      'a:\r\n  b: 1\r\n  c: [x, y]\r\n  d: "q"\r\n',
      'url: http://x:8080/a\nlist: a, b [c]\nrange: 10:30\ndash: ---\nmulti: [ [a, b], {c: d} ]\nempty: []\nnone: {}\n',
      'a:\n  - - x\n    - y\n  - - - z\n',
      '1: one\n2.5: two\ntrue: t\n',
      'a: b # c #d\ne: f#g\n',
      'k: [ a ,b ]\nm: { x: 1 , y: [ ] }\n',
      'top:\n  deep:\n    deeper:\n      - a\n      - b: c\n        d:\n          - 1\n',
      // Entries whose last value is empty end where it is, not at the end of its line.
      'top:\n  a:\n    b: 1\n    c:\n  d:\n    - x\n    - - y\n      -\n  e:\n    - - \nz: 1\n',
    ];
    let read = 0;
    for (const [index, text] of cases.entries()) if (agrees(text, `case ${index}`)) read++;
    assert.ok(read >= 8, `only ${read} of ${cases.length} edge cases were read by the fast reader`);
  });

  it('declines what it does not read', () => {
    const outside = [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  text\n',
      'a: plain\n  continued\n',
      'a: [x,\n  y]\n',
      'a: "esc\\"aped"\n',
      '? a\n: b\n',
      '%YAML 1.2\n---\na: 1\n',
      '---\na: 1\n',
      'a:\tb\n',
      'a: b: c\n',
      'a: [x, y,]\n',
      '- a\n- b\n',
      'scalar\n',
      'a: 1\n b: 2\n',
      '"quoted": key\n',
      'a: 1\r b: 2',
      '\ufeffa: 1\n',
      `${'k'.repeat(1100)}: v\n`,
      'a: 1\n   # indented under the value\n',
      'a:\n# a comment where the value would be\n',
      `a: ${'['.repeat(100)}${']'.repeat(100)}\n`,
    ];
    for (const text of outside) assert.equal(readBlockYaml(text), undefined, `read: ${JSON.stringify(text)}`);
  });

  it('reads the examples and the bench design, as yaml does', () => {
    for (const example of loadExamples()) assert.ok(agrees(example.text, example.name), `${example.name} was not read by the fast reader`);
    const medium = BENCH_SIZES.find((size) => size.name === 'medium');
    assert.ok(medium);
    assert.ok(agrees(generateDesign(medium), 'bench medium'));
  });

  it('agrees with yaml on fuzz cases, mutated and with CRLF line endings', () => {
    const examples = loadExamples();
    let read = 0;
    const total = 1500;
    for (let index = 0; index < total; index++) {
      const { text, origin } = makeCase(20261203, index, examples, 'light');
      if (agrees(text, `fuzz case ${index} (${origin})`)) read++;
      if (index % 5 === 0) agrees(text.replaceAll('\n', '\r\n'), `fuzz case ${index} (${origin}), CRLF`);
    }
    // Most mutated designs are still plain block YAML; the reader must not decline them all.
    assert.ok(read > total / 3, `the fast reader read only ${read} of ${total} fuzz cases`);
  });
});
