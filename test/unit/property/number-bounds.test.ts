/**
 * Numbers bounded per field: every numeric field of the format declares a min and a max,
 * and an extreme value (1e308, -1e308, 1e-308, an overflow through a unit: `memoryTB:
 * 1e308`, a 400-digit number with a unit) is either an invalid-value problem on the value
 * that names the bounds, or read as a finite number; and then nothing downstream (the
 * findings, a host failure, the N-1 sweep) shows NaN or Infinity, in a number or a message.
 * Each value is put, one at a time, into the complete example of docs/format.md, which
 * has every section of the format.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isMap, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';
import { analyzeText } from '../../../src/core/analysis/engine';
import { ALL_RULES } from '../../../src/core/analysis/rules';
import { FORMAT_BOUNDS, vtopoFile } from '../../../src/core/model/format';
import { parseVtopo } from '../../../src/core/model/parse';
import type { Field } from '../../../src/core/model/schema';
import { completeExample, FORMAT_DOC_PATH, fieldRows } from '../../../scripts/generate-docs';
import { checkFinite, checkText } from '../../fuzz/invariants';
import { hugeNumbersDesign } from '../../../bench/hostile';

const EXAMPLE = completeExample(readFileSync(new URL(`../../../${FORMAT_DOC_PATH}`, import.meta.url), 'utf8'));

/** The format's numeric fields by path (`hosts.<host>.cpu.cores`), with their fields. */
function numericFields(): Array<{ path: string; field: Field<unknown> }> {
  const fields: Array<{ path: string; field: Field<unknown> }> = [];
  const visit = (field: Field<unknown>, path: string) => {
    if (/^(integer|number)\b/.test(field.typeName)) fields.push({ path, field });
    for (const [key, child] of Object.entries(field.children?.() ?? {})) visit(child, path === '' ? key : `${path}.${key}`);
    if (!field.children && field.items) {
      const collection = /^(\S+) collection$/.exec(field.typeName);
      const record = /^mapping of (.+?) to /.exec(field.typeName);
      visit(field.items(), collection ? `${path}.<${collection[1]}>` : record ? `${path}.<${record[1]}>` : `${path}[]`);
    }
  };
  visit(vtopoFile as Field<unknown>, '');
  return fields;
}

/** The first entry of a collection written as a mapping or a list; for links, the first written as a mapping. */
function firstEntry(node: unknown): YAMLMap | undefined {
  if (isMap(node)) return node.items.map((pair) => pair.value).find(isMap);
  if (isSeq(node)) return node.items.find(isMap);
  return undefined;
}

/** The mapping that holds the last segment of `path` in the document, created where missing. */
function holder(document: Document, path: readonly string[]): YAMLMap {
  let node = document.contents as unknown;
  for (const segment of path) {
    if (segment.startsWith('<') || segment === '[]') {
      const entry = firstEntry(node);
      if (!entry) throw new Error(`the complete example has no entry at ${path.join('.')}`);
      node = entry;
      continue;
    }
    if (!isMap(node)) throw new Error(`no mapping on the way to ${path.join('.')}`);
    let next: unknown = node.get(segment, true);
    if (next === undefined) {
      next = new YAMLMap();
      node.set(segment, next);
    }
    node = next;
  }
  if (!isMap(node)) throw new Error(`no mapping at ${path.join('.')}`);
  return node;
}

/** Keys that spell a field, the key itself first: `memoryMB`, `memory`, `memoryKB`... */
function spellings(field: Field<unknown>, key: string): string[] {
  return [key, ...(field.alternateKeys?.(key) ?? []).map((alternate) => alternate.key)];
}

interface Variant {
  readonly key: string;
  readonly value: number | string;
  /** Must be refused (out of range), not merely read as a finite number. */
  readonly refused: boolean;
}

/** The extreme values to try on a field: its base key with ±1e308 and 1e-308; through its largest unit; as a 400-digit string. */
function variants(field: Field<unknown>, key: string): Variant[] {
  const plain: Variant[] = [
    { key, value: 1e308, refused: true },
    { key, value: -1e308, refused: true },
    { key, value: 1e-308, refused: false },
  ];
  const alternates = field.alternateKeys?.(key) ?? [];
  if (alternates.length === 0) return plain;
  const units = alternates.filter((alternate) => alternate.field.jsonSchema().type !== 'string');
  const largest = units.at(-1)?.key;
  const withUnit = alternates.find((alternate) => alternate.field.jsonSchema().type === 'string')?.key;
  const unitSymbol = /\(([^)]+)\)$/.exec(units.at(-1)?.field.typeName ?? '')?.[1] ?? '';
  return [
    ...plain,
    ...(largest ? [{ key: largest, value: 1e308, refused: true }] : []),
    ...(withUnit ? [{ key: withUnit, value: `${'9'.repeat(400)} ${unitSymbol}`, refused: true }] : []),
  ];
}

/** The complete example with `value` written under `key` at `path`, the field's other spellings removed. */
function withValue(path: string, field: Field<unknown>, variant: Variant): { text: string; written: string } {
  const document = parseDocument(EXAMPLE);
  const segments = path.split(/\.|(?=\[\])/).filter((segment) => segment !== '');
  const list = segments.at(-1) === '[]' ? segments.pop() : undefined;
  const key = segments.pop() ?? '';
  const map = holder(document, segments);
  for (const spelling of spellings(field, key)) map.delete(spelling);
  const scalar = new Scalar(variant.value);
  if (list) {
    const seq = new YAMLSeq();
    seq.items.push(scalar);
    map.set(variant.key, seq);
  } else {
    map.set(variant.key, scalar);
  }
  const text = document.toString({ lineWidth: 0 });
  return { text, written: typeof variant.value === 'number' ? String(variant.value) : variant.value };
}

/** The complete example with one more rule setting, first under `analysis.rules` (the first of a rule given twice wins). */
function withRuleSetting(setting: string): string {
  const at = '\nanalysis:\n  asOf: 2024-05-01\n  rules:\n';
  assert.ok(EXAMPLE.includes(at));
  return EXAMPLE.replace(at, `${at}    ${setting}\n`);
}

describe('numbers bounded per field', () => {
  const fields = numericFields();

  it('finds the numeric fields of the format, in every section', () => {
    assert.ok(fields.length >= 70, `${fields.length} numeric fields`);
    for (const path of ['vtopo', 'hosts.<host>.cpu.cores', 'hosts.<host>.memoryMB', 'links[].speedMbps', 'switches.<switch>.vlans[]', 'costs.consolidationRatio']) {
      assert.ok(fields.some((field) => field.path === path), path);
    }
    const paths = new Set(fields.map((field) => field.path));
    for (const row of fieldRows()) if (/^(integer|number)\b/.test(row.typeName)) assert.ok(paths.has(row.path), `the format reference lists ${row.path}`);
  });

  it('every numeric field declares a finite min and max, in every spelling', () => {
    for (const { path, field } of fields) {
      const key = path.split('.').at(-1) ?? '';
      for (const spelling of [field, ...(field.alternateKeys?.(key) ?? []).map((alternate) => alternate.field).filter((alternate) => alternate.jsonSchema().type !== 'string')]) {
        const schema = spelling.jsonSchema();
        assert.ok(Number.isFinite(schema.minimum) && Number.isFinite(schema.maximum), `${path} (${spelling.typeName}): minimum ${String(schema.minimum)}, maximum ${String(schema.maximum)}`);
        assert.ok((schema.maximum as number) <= 1e16, `${path}: maximum ${String(schema.maximum)} leaves room for overflow in sums and products`);
      }
    }
  });

  for (const { path, field } of fields) {
    it(`${path}: extreme values are refused or finite, and nothing downstream is NaN or Infinity`, () => {
      const key = path.replace(/\[\]$/, '').split('.').at(-1) ?? '';
      for (const variant of variants(field, key)) {
        const { text, written } = withValue(path, field, variant);
        const what = `${path} = ${variant.key}: ${written.slice(0, 20)}`;
        const { problems } = parseVtopo(text);
        const at = text.indexOf(written.length > 40 ? written.slice(0, 40) : written);
        assert.ok(at >= 0, `${what}: the value is not in the text`);
        const onValue = problems.filter((problem) => problem.range.start <= at && at < problem.range.end);
        if (variant.refused) {
          assert.equal(onValue.length, 1, `${what}: ${JSON.stringify(problems.map((p) => p.message))}`);
          assert.equal(onValue[0]?.ruleId, 'invalid-value');
          assert.match(onValue[0]?.message ?? '', /out of range \(-?[\d.e+]+ to [\d.e+]+/, what);
        } else {
          assert.ok(onValue.every((problem) => problem.ruleId === 'invalid-value'), `${what}: ${JSON.stringify(onValue)}`);
        }
        const { violation } = checkText(text, { picks: [0, 1, 2, 3], n2: false, determinism: false, maxComparedRows: 2 });
        assert.equal(violation, undefined, `${what}: ${JSON.stringify(violation)}`);
        // The checker skips the words when the text spells "inf" (it does: "infrastructure"...): check them here.
        checkFinite(analyzeText(text, { today: '2026-06-01' }).findings.map((finding) => finding.message), 'messages', true);
      }
    });
  }

  it('the design of the issue: 1e308 in cores, sockets, speed, memory, a link speed, a capacity and a CPU reservation', () => {
    const text = hugeNumbersDesign();
    const { problems } = parseVtopo(text);
    assert.deepEqual(problems.map((p) => [p.ruleId, text.slice(p.range.start, p.range.end)]), Array.from({ length: 7 }, () => ['invalid-value', '1e308']));
    const { violation } = checkText(text, { picks: [0, 1, 2, 3] });
    assert.equal(violation, undefined, JSON.stringify(violation));
    checkFinite(analyzeText(text, { today: '2026-06-01' }).findings.map((finding) => finding.message), 'messages', true);
  });

  it('a layout position of 1e308 is refused; one within the canvas is kept', () => {
    const layout = `\nlayout:\n  esx-01: [1e308, 0]\n  esx-02: { x: -1e308, y: 1 }\n  esx-03: [${FORMAT_BOUNDS.coordinate}, 1e-308]\n`;
    const text = EXAMPLE.replace(/\nlayout:\n[\s\S]*$/, layout);
    assert.ok(text.endsWith(layout));
    const { problems, topology } = parseVtopo(text);
    assert.deepEqual(problems.map((p) => [p.ruleId, text.slice(p.range.start, p.range.end)]), [['invalid-value', '[1e308, 0]'], ['invalid-value', '{ x: -1e308, y: 1 }']]);
    assert.match(problems[0]?.message ?? '', /out of range \(-10000000 to 10000000 on each axis\)/);
    assert.deepEqual([...topology.file?.layout?.keys() ?? []], ['esx-03']);
  });

  it('a rule threshold out of its range is reported and not used', () => {
    for (const meta of ALL_RULES) {
      for (const [name, option] of Object.entries(meta.options ?? {})) {
        for (const value of [1e308, -1e308]) {
          const text = withRuleSetting(`${meta.id}: { ${name}: ${value} }`);
          const findings = analyzeText(text, { today: '2026-06-01' }).findings;
          const reported = findings.filter((f) => f.ruleId === 'invalid-value' && f.message === `${name} must be between ${option.min} and ${option.max}; found ${value}`);
          assert.equal(reported.length, 1, `${meta.id}.${name} = ${value}`);
          const withDefault = analyzeText(withRuleSetting(`${meta.id}: { ${name}: ${option.default} }`), { today: '2026-06-01' }).findings;
          assert.deepEqual(findings.filter((f) => f.ruleId === meta.id).map((f) => f.message), withDefault.filter((f) => f.ruleId === meta.id).map((f) => f.message), `${meta.id}.${name} = ${value} is used`);
          checkFinite(findings.map((f) => f.message), 'messages', true);
        }
      }
    }
  });
});
