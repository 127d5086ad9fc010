import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { analyzeText } from '../../../src/core/analysis/engine';
import { vtopoFile } from '../../../src/core/model/format';
import {
  completeExample,
  FIELDS_END,
  FIELDS_START,
  fieldRows,
  FORMAT_DOC_PATH,
  UNITS_END,
  UNITS_START,
  yamlBlocks,
} from '../../../scripts/generate-docs';

const guide = readFileSync(FORMAT_DOC_PATH, 'utf8');
const sections = Object.keys(vtopoFile.children?.() ?? {});
/** Top-level keys described together under "File header" rather than in sections of their own. */
const HEADER_KEYS = ['vtopo', 'name', 'description', 'platform', 'platformVersion', 'edition'];

describe('format guide (docs/format.md)', () => {
  it('has a complete example that reads with no findings but the analyzer\'s hints', () => {
    const findings = analyzeText(completeExample(guide)).findings;
    assert.deepEqual(findings.filter((f) => f.severity !== 'hint').map((f) => `${f.ruleId}: ${f.message}`), []);
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['ha-capacity-report', 'management-self-dependency']);
  });

  it('uses every section of the format in the complete example', () => {
    const document = parseDocument(completeExample(guide));
    const missing = sections.filter((key) => !document.has(key));
    assert.deepEqual(missing, []);
  });

  it('has a heading and a YAML example for every section of the format', () => {
    const sectionText = (heading: string) => {
      const start = guide.indexOf(`\n## ${heading}\n`);
      return start < 0 ? '' : (guide.slice(start + 1).split('\n## ')[0] ?? '');
    };
    const missing = sections.filter((key) => !HEADER_KEYS.includes(key) && !sectionText(key).includes('```yaml\n'));
    assert.deepEqual(missing, []);
    assert.ok(HEADER_KEYS.every((key) => sectionText('File header').includes(`\n${key}:`)));
  });

  it('has only YAML snippets that are valid YAML', () => {
    for (const block of yamlBlocks(guide)) {
      const document = parseDocument(block);
      assert.deepEqual(document.errors.map((e) => e.message), [], block);
    }
  });

  it('carries the generated units table and field reference between their markers', () => {
    for (const [start, end] of [[UNITS_START, UNITS_END], [FIELDS_START, FIELDS_END]] as const) {
      assert.ok(guide.indexOf(start) >= 0 && guide.indexOf(end) > guide.indexOf(start), `${start} ... ${end}`);
    }
    const reference = guide.slice(guide.indexOf(FIELDS_START), guide.indexOf(FIELDS_END));
    for (const row of fieldRows()) assert.ok(reference.includes(`| \`${row.path}\` |`), row.path);
  });
});

describe('field reference', () => {
  it('lists every key path once, nested keys under their collection item', () => {
    const paths = fieldRows().map((row) => row.path);
    assert.equal(new Set(paths).size, paths.length);
    for (const path of ['hosts.<host>.cpu.speedMHz', 'hosts.<host>.adapters.<adapter>.ports.<port>.roles', 'links[].from', 'analysis.rules.<rule id>', 'layout.<element id>']) {
      assert.ok(paths.includes(path), path);
    }
  });

  it('gives the other spellings of a quantity and marks required keys', () => {
    const memory = fieldRows().find((row) => row.path === 'hosts.<host>.memoryMB');
    assert.equal(memory?.required, true);
    assert.deepEqual(memory?.alternateKeys.map((a) => a.key), ['memory', 'memoryKB', 'memoryGB', 'memoryTB']);
    assert.equal(memory?.alternateKeys.find((a) => a.key === 'memory')?.withUnit, true);
  });
});
