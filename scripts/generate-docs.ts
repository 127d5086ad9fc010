/**
 * Writes the files derived from the code, so that they cannot drift from it:
 *   schemas/vtopo.schema.json   from the format declaration (src/core/model/format.ts)
 *   docs/rules.md               from the rule catalog (src/core/analysis/rules)
 *   docs/format.md              only its units table and field reference, between the
 *                               generated:units and generated:fields markers
 *   l10n/bundle.l10n.zh-cn.json the Simplified Chinese bundle VS Code loads, merged from
 *                               the translations by area in l10n/zh-cn/*.json (docs/l10n.md)
 *   docs/zh-cn/rules.md         the rule catalog in Simplified Chinese, from the same rules
 *                               with that bundle
 *   docs/zh-cn/format.md        if present: its generated sections, in Chinese
 *
 * Usage, from the repository root:
 *   npx tsx scripts/generate-docs.ts           write the files
 *   npx tsx scripts/generate-docs.ts --check   write nothing; exit 1 if a file is stale
 *
 * The documents themselves are generated in scripts/docs/: format-sections.ts (the format
 * guide's sections), rules-doc.ts (the rule catalog), each in the words of a language of
 * languages.ts.
 */

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FORMAT_VERSION, vtopoFile } from '../src/core/model/format';
import { FORMAT_DOC_PATH, withGeneratedSections, withGeneratedSectionsZh, ZH_CN_FORMAT_DOC_PATH } from './docs/format-sections';
import { generateRulesDoc, generateRulesDocZh } from './docs/rules-doc';
import { GENERATOR } from './docs/text';

export {
  completeExample,
  FIELDS_END,
  FIELDS_START,
  type FieldRow,
  fieldRows,
  FORMAT_DOC_PATH,
  generateFieldReference,
  generateUnitsTable,
  UNITS_END,
  UNITS_START,
  withGeneratedSections,
  withGeneratedSectionsZh,
  yamlBlocks,
  ZH_CN_FORMAT_DOC_PATH,
} from './docs/format-sections';
export { generateRulesDoc, generateRulesDocZh } from './docs/rules-doc';

export const SCHEMA_PATH = 'schemas/vtopo.schema.json';
export const RULES_DOC_PATH = 'docs/rules.md';
export const ZH_CN_RULES_DOC_PATH = 'docs/zh-cn/rules.md';
export const SCHEMA_ID = `urn:vtopo:format:${FORMAT_VERSION}`;

// ------------------------------------------------------------------------ JSON Schema

export function generateSchema(): string {
  const body = vtopoFile.jsonSchema();
  delete body.description;
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: `VTopo design (.vtopo), format version ${FORMAT_VERSION}`,
    description: `${vtopoFile.description} Generated from src/core/model/format.ts by ${GENERATOR}; the guided reference is docs/format.md.`,
    ...body,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

// ------------------------------------------------------------------------------ files

export interface GeneratedFile {
  readonly path: string;
  readonly expected: string;
  readonly actual: string | undefined;
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------------------ l10n bundle

export const ZH_CN_BUNDLE_PATH = 'l10n/bundle.l10n.zh-cn.json';
export const ZH_CN_SOURCES = 'l10n/zh-cn';

/**
 * The zh-cn bundle: every translation of l10n/zh-cn/*.json (English template -> Chinese),
 * keys sorted. A template translated twice, differently, is an error.
 */
export function generateBundle(root: string): string {
  const merged = new Map<string, string>();
  const folder = join(root, ZH_CN_SOURCES);
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json')).sort()) {
    const entries: unknown = JSON.parse(readFileSync(join(folder, name), 'utf8'));
    if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) throw new Error(`${ZH_CN_SOURCES}/${name}: expected an object of English -> Chinese texts`);
    for (const [english, chinese] of Object.entries(entries)) {
      if (typeof chinese !== 'string') throw new Error(`${ZH_CN_SOURCES}/${name}: the translation of "${english}" is not a string`);
      const earlier = merged.get(english);
      if (earlier !== undefined && earlier !== chinese) throw new Error(`${ZH_CN_SOURCES}/${name}: "${english}" is translated twice, differently`);
      merged.set(english, chinese);
    }
  }
  const sorted = Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** The generated files of the repository at `root`, as they should be and as they are. */
export function generatedFiles(root: string): GeneratedFile[] {
  const at = (path: string) => readIfPresent(join(root, path));
  const formatDoc = at(FORMAT_DOC_PATH);
  if (formatDoc === undefined) throw new Error(`${FORMAT_DOC_PATH} is missing: the field reference is generated into it`);
  const bundleText = generateBundle(root);
  const bundle: Record<string, string> = JSON.parse(bundleText);
  const zhFormatDoc = at(ZH_CN_FORMAT_DOC_PATH);
  return [
    { path: SCHEMA_PATH, expected: generateSchema(), actual: at(SCHEMA_PATH) },
    { path: RULES_DOC_PATH, expected: generateRulesDoc(), actual: at(RULES_DOC_PATH) },
    { path: FORMAT_DOC_PATH, expected: withGeneratedSections(formatDoc), actual: formatDoc },
    { path: ZH_CN_RULES_DOC_PATH, expected: generateRulesDocZh(bundle, zhFormatDoc === undefined ? '../format.md' : 'format.md'), actual: at(ZH_CN_RULES_DOC_PATH) },
    ...(zhFormatDoc === undefined ? [] : [{ path: ZH_CN_FORMAT_DOC_PATH, expected: withGeneratedSectionsZh(zhFormatDoc, bundle), actual: zhFormatDoc }]),
    { path: ZH_CN_BUNDLE_PATH, expected: bundleText, actual: at(ZH_CN_BUNDLE_PATH) },
  ];
}

/** Paths of the generated files that differ from what the code generates now. */
export function staleFiles(root: string): string[] {
  return generatedFiles(root).filter((file) => file.actual !== file.expected).map((file) => file.path);
}

function main(args: readonly string[]): number {
  const root = process.cwd();
  if (args.includes('--check')) {
    const stale = staleFiles(root);
    for (const path of stale) console.error(`${path} is out of date: run npx tsx ${GENERATOR}`);
    return stale.length === 0 ? 0 : 1;
  }
  const stale = generatedFiles(root).filter((file) => file.actual !== file.expected);
  for (const file of stale) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.expected);
    console.log(`wrote ${file.path}`);
  }
  if (stale.length === 0) console.log('generated files are up to date');
  return 0;
}

if (/generate-docs\.ts$/.test(process.argv[1] ?? '')) {
  process.exitCode = main(process.argv.slice(2));
}
