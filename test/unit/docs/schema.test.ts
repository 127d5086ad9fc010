import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import {
  completeExample,
  FORMAT_DOC_PATH,
  generateBundle,
  generateRulesDoc,
  generateRulesDocZh,
  generateSchema,
  RULES_DOC_PATH,
  SCHEMA_PATH,
  staleFiles,
  ZH_CN_BUNDLE_PATH,
  ZH_CN_RULES_DOC_PATH,
  ZH_CN_SOURCES,
  withGeneratedSections,
} from '../../../scripts/generate-docs';

const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;

function validator() {
  // Union types (`string | number` for names) and `required` inside `anyOf` are valid
  // draft-07; Ajv's strict mode only asks for them to be allowed explicitly.
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, strictRequired: false, allErrors: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  return ajv.compile(schema);
}

const examples = readdirSync('examples').filter((name) => name.endsWith('.vtopo')).sort();

describe('JSON Schema (schemas/vtopo.schema.json)', () => {
  it('is a draft-07 schema with an id, a title and a description', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(typeof schema.$id, 'string');
    assert.match(String(schema.title), /format version 1/);
    assert.equal(typeof schema.description, 'string');
    assert.ok(Object.keys(schema.properties as Record<string, unknown>).includes('vtopo'), 'the format version is declared');
  });

  it('compiles in strict mode and rejects an unknown key', () => {
    const validate = validator();
    assert.equal(validate({ vtopo: 1, hosts: { 'esx-01': { cpu: { cores: 8, speedMHz: 2600 }, memoryMB: 65536, memroy: 1 } } }), false);
    assert.ok(validate.errors?.some((e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'memroy'));
  });

  it('accepts a design written with base-unit keys', () => {
    const validate = validator();
    const design = { vtopo: 1, hosts: { 'esx-01': { cpu: { cores: 8, speedMHz: 2600 }, memoryMB: 65536 } }, vms: [{ id: 'vm-1', host: 'esx-01', memoryMB: 4096 }] };
    assert.equal(validate(design), true, JSON.stringify(validate.errors));
  });

  for (const name of examples) {
    it(`validates examples/${name}`, () => {
      const validate = validator();
      const valid = validate(parse(readFileSync(join('examples', name), 'utf8')));
      assert.equal(valid, true, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
    });
  }

  it('validates the complete example of docs/format.md', () => {
    const validate = validator();
    const valid = validate(parse(completeExample(readFileSync(FORMAT_DOC_PATH, 'utf8'))));
    assert.equal(valid, true, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
  });
});

describe('generated files', () => {
  it('are up to date on disk', () => {
    assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), generateSchema());
    assert.equal(readFileSync(RULES_DOC_PATH, 'utf8'), generateRulesDoc());
    const formatDoc = readFileSync(FORMAT_DOC_PATH, 'utf8');
    assert.equal(formatDoc, withGeneratedSections(formatDoc));
  });

  it('--check exits 0 when nothing is stale', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-docs.ts', '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('names every stale or missing file', () => {
    const root = mkdtempSync(join(tmpdir(), 'vtopo-docs-'));
    try {
      mkdirSync(join(root, 'docs'));
      mkdirSync(join(root, 'schemas'));
      mkdirSync(join(root, ZH_CN_SOURCES), { recursive: true });
      writeFileSync(join(root, ZH_CN_SOURCES, 'rules-domains.json'), '{ "rack": "机架" }\n');
      writeFileSync(join(root, FORMAT_DOC_PATH), readFileSync(FORMAT_DOC_PATH, 'utf8'));
      writeFileSync(join(root, RULES_DOC_PATH), generateRulesDoc());
      assert.deepEqual(staleFiles(root), [SCHEMA_PATH, ZH_CN_RULES_DOC_PATH, ZH_CN_BUNDLE_PATH]);
      writeFileSync(join(root, ZH_CN_BUNDLE_PATH), generateBundle(root));
      assert.equal(readFileSync(join(root, ZH_CN_BUNDLE_PATH), 'utf8'), '{\n  "rack": "机架"\n}\n');
      mkdirSync(join(root, 'docs', 'zh-cn'));
      writeFileSync(join(root, ZH_CN_RULES_DOC_PATH), generateRulesDocZh({ rack: '机架' }));
      assert.deepEqual(staleFiles(root), [SCHEMA_PATH]);
      writeFileSync(join(root, SCHEMA_PATH), generateSchema());
      writeFileSync(join(root, RULES_DOC_PATH), `${generateRulesDoc()}\nedited by hand\n`);
      assert.deepEqual(staleFiles(root), [RULES_DOC_PATH]);
      writeFileSync(join(root, RULES_DOC_PATH), generateRulesDoc());
      const formatDoc = readFileSync(FORMAT_DOC_PATH, 'utf8');
      writeFileSync(join(root, FORMAT_DOC_PATH), formatDoc.replace('| `hosts.<host>.memoryMB` |', '| `hosts.<host>.memory` |'));
      assert.deepEqual(staleFiles(root), [FORMAT_DOC_PATH]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
