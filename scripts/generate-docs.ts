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
 */

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MAX_FINDINGS_PER_RULE } from '../src/core/analysis/engine';
import { ALL_RULES } from '../src/core/analysis/rules';
import type { RuleMeta, Severity } from '../src/core/analysis/rule';
import { localizedRuleDocs, localizedRuleOption } from '../src/core/analysis/rule-docs';
import { linkDesignNotes, sourceEntryMarkdown } from '../src/core/analysis/sources';
import { FORMAT_VERSION, vtopoFile } from '../src/core/model/format';
import { STRUCTURAL_RULE_IDS } from '../src/core/model/report';
import { localize, useLanguage } from '../src/core/l10n/messages';
import type { Field } from '../src/core/model/schema';
import { DIMENSIONS, type Dimension } from '../src/core/model/units';
import { grouped } from '../src/core/text/plural';

export const SCHEMA_PATH = 'schemas/vtopo.schema.json';
export const RULES_DOC_PATH = 'docs/rules.md';
export const FORMAT_DOC_PATH = 'docs/format.md';
export const ZH_CN_RULES_DOC_PATH = 'docs/zh-cn/rules.md';
export const ZH_CN_FORMAT_DOC_PATH = 'docs/zh-cn/format.md';
export const SCHEMA_ID = `urn:vtopo:format:${FORMAT_VERSION}`;
export const FIELDS_START = '<!-- generated:fields:start -->';
export const FIELDS_END = '<!-- generated:fields:end -->';
export const UNITS_START = '<!-- generated:units:start -->';
export const UNITS_END = '<!-- generated:units:end -->';

const GENERATOR = 'scripts/generate-docs.ts';

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

// ------------------------------------------------------------------ field reference

export interface FieldRow {
  /** Dotted key path; `<host>` stands for any id in a collection, `[]` for a list item. */
  readonly path: string;
  readonly typeName: string;
  readonly required: boolean;
  readonly defaultValue: unknown;
  readonly description: string;
  /** Other keys that spell the same field (`memoryGB`, `memory`). */
  readonly alternateKeys: readonly { readonly key: string; readonly withUnit: boolean }[];
  /** The bounds of a number, in the unit of its key (every number of the format has them). */
  readonly range?: { readonly min: number; readonly max: number; readonly unit?: string };
}

/** Every key of the format, depth first in declaration order. */
export function fieldRows(): FieldRow[] {
  const rows: FieldRow[] = [];
  addChildren(vtopoFile, '', rows);
  return rows;
}

function addChildren(field: Field<unknown>, path: string, rows: FieldRow[]): void {
  for (const [key, child] of Object.entries(field.children?.() ?? {})) {
    const childPath = path === '' ? key : `${path}.${key}`;
    rows.push(rowOf(childPath, child, key));
    addContents(child, childPath, rows);
  }
}

/** What is inside a field: its own keys, or the items of a list, collection or record. */
function addContents(field: Field<unknown>, path: string, rows: FieldRow[]): void {
  if (field.children) {
    addChildren(field, path, rows);
    return;
  }
  if (!field.items) return;
  const item = field.items();
  const segment = itemSegment(field);
  const itemPath = segment === '[]' ? `${path}[]` : `${path}.${segment}`;
  // A list of plain values (ids, roles) is fully described by its own row.
  if (segment === '[]' && !item.children) return;
  rows.push(rowOf(itemPath, item, undefined));
  addContents(item, itemPath, rows);
}

/** How one item of a collection (`<host>`), record (`<rule id>`) or list (`[]`) is written in a path. */
function itemSegment(field: Field<unknown>): string {
  const collection = /^(\S+) collection$/.exec(field.typeName);
  if (collection) return `<${collection[1]}>`;
  const record = /^mapping of (.+?) to /.exec(field.typeName);
  if (record) return `<${record[1]}>`;
  return '[]';
}

function rowOf(path: string, field: Field<unknown>, key: string | undefined): FieldRow {
  const alternates = key === undefined ? [] : field.alternateKeys?.(key) ?? [];
  const numeric = /^(?:integer|number)(?: \((.+)\))?$/.exec(field.typeName);
  const schema = numeric ? field.jsonSchema() : {};
  const range = typeof schema.minimum === 'number' && typeof schema.maximum === 'number'
    ? { min: schema.minimum, max: schema.maximum, ...(numeric?.[1] !== undefined ? { unit: numeric[1] } : {}) }
    : undefined;
  return {
    path,
    typeName: field.typeName,
    required: field.required,
    defaultValue: field.defaultValue,
    description: field.description,
    alternateKeys: alternates.map((a) => ({ key: a.key, withUnit: a.field.jsonSchema().type === 'string' })),
    ...(range ? { range } : {}),
  };
}

function formatDefault(row: FieldRow): string {
  if (row.required) return '**required**';
  if (row.defaultValue === undefined) return '';
  const value = row.defaultValue;
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

function tableCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

export function generateFieldReference(): string {
  const lines = [
    '',
    `<!-- Generated from src/core/model/format.ts by ${GENERATOR}; edit the format there, not here. -->`,
    '',
    'Paths join keys with dots. `<host>`, `<vm>` and so on stand for the id of an element of a collection, `<rule id>` and `<element id>` for a key of a mapping, and `[]` for an item of a list. Quantities are listed under their key in the base unit; the other spellings of the same key follow the description.',
    '',
    '| Key | Type | Default | Description |',
    '| --- | --- | --- | --- |',
  ];
  for (const row of fieldRows()) {
    const also = row.alternateKeys.length === 0
      ? ''
      : ` Also: ${row.alternateKeys.map((a) => (a.withUnit ? `\`${a.key}\` (text with a unit)` : `\`${a.key}\``)).join(', ')}.`;
    const range = row.range ? ` Range: ${grouped(row.range.min)} to ${grouped(row.range.max)}${row.range.unit ? ` ${row.range.unit}` : ''}.` : '';
    lines.push(`| \`${row.path}\` | ${tableCell(row.typeName)} | ${formatDefault(row)} | ${tableCell(linkDesignNotes(row.description + range + also, 'docs'))} |`);
  }
  lines.push('');
  return lines.join('\n');
}

/** The field reference of the Chinese format guide: the same rows, with Chinese headings and the descriptions in the current language. */
export function generateFieldReferenceZh(): string {
  const lines = [
    '',
    `<!-- 由 ${GENERATOR} 根据 src/core/model/format.ts 生成；请在那里修改格式，不要在此处编辑。 -->`,
    '',
    '路径用点连接各级键。`<host>`、`<vm>` 等代表集合中某个元素的 id，`<rule id>` 和 `<element id>` 代表映射中的键，`[]` 代表列表中的一项。数量类的键按基本单位列出；同一个键的其他写法列在说明之后。',
    '',
    '| 键 | 类型 | 默认值 | 说明 |',
    '| --- | --- | --- | --- |',
  ];
  for (const row of fieldRows()) {
    const also = row.alternateKeys.length === 0
      ? ''
      : `也可写作：${row.alternateKeys.map((a) => (a.withUnit ? `\`${a.key}\`（带单位的文本）` : `\`${a.key}\``)).join('、')}。`;
    const range = row.range ? `范围：${grouped(row.range.min)} 至 ${grouped(row.range.max)}${row.range.unit ? ` ${row.range.unit}` : ''}。` : '';
    const defaultValue = row.required ? '**必填**' : formatDefault(row);
    lines.push(`| \`${row.path}\` | ${tableCell(row.typeName)} | ${defaultValue} | ${tableCell(linkDesignNotes(joinSentences(localize(row.description), range, also), ZH_CN_DOCS))} |`);
  }
  lines.push('');
  return lines.join('\n');
}

/** Sentences one after the other: a space after an English one, none after a Chinese one. */
function joinSentences(...sentences: readonly string[]): string {
  return sentences.filter((sentence) => sentence !== '').reduce((text, sentence) => (text === '' || /[\u3000-\u303f\uff00-\uffef]$/.test(text) ? `${text}${sentence}` : `${text} ${sentence}`), '');
}

// ------------------------------------------------------------------------------ units

const DIMENSION_NAMES: Readonly<Record<Dimension, string>> = {
  data: 'Memory, capacity (binary: 1 GB = 1024 MB)',
  frequency: 'CPU speed',
  bandwidth: 'Port and link speed (decimal: 1 Gbps = 1000 Mbps)',
  throughput: 'Storage throughput, memory dirty rate',
  duration: 'Time',
};

export function generateUnitsTable(): string {
  const lines = [
    '',
    `<!-- Generated from src/core/model/units.ts by ${GENERATOR}. -->`,
    '',
    '| Quantity | Base unit | Key suffixes | Spellings in values (any case) | Example |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [dimension, definition] of Object.entries(DIMENSIONS) as Array<[Dimension, (typeof DIMENSIONS)[Dimension]]>) {
    const suffixes = definition.units.map((u) => `\`${u.keySuffix}\``).join(', ');
    const spellings = definition.units.map((u) => [u.symbol, ...u.aliases].map((a) => `\`${a}\``).join(' ')).join(', ');
    lines.push(`| ${DIMENSION_NAMES[dimension]} | ${definition.baseUnit} | ${suffixes} | ${tableCell(spellings)} | \`"${definition.example}"\` |`);
  }
  lines.push('');
  return lines.join('\n');
}

const DIMENSION_NAMES_ZH: Readonly<Record<Dimension, string>> = {
  data: '内存、容量（二进制：1 GB = 1024 MB）',
  frequency: 'CPU 频率',
  bandwidth: '端口与链路速率（十进制：1 Gbps = 1000 Mbps）',
  throughput: '存储吞吐量、内存脏页率',
  duration: '时间',
};

/** The units table of the Chinese format guide. */
export function generateUnitsTableZh(): string {
  const lines = [
    '',
    `<!-- 由 ${GENERATOR} 根据 src/core/model/units.ts 生成。 -->`,
    '',
    '| 数量 | 基本单位 | 键名后缀 | 值中的写法（不区分大小写） | 示例 |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [dimension, definition] of Object.entries(DIMENSIONS) as Array<[Dimension, (typeof DIMENSIONS)[Dimension]]>) {
    const suffixes = definition.units.map((u) => `\`${u.keySuffix}\``).join('、');
    const spellings = definition.units.map((u) => [u.symbol, ...u.aliases].map((a) => `\`${a}\``).join(' ')).join('、');
    lines.push(`| ${DIMENSION_NAMES_ZH[dimension]} | ${definition.baseUnit} | ${suffixes} | ${tableCell(spellings)} | \`"${definition.example}"\` |`);
  }
  lines.push('');
  return lines.join('\n');
}

// --------------------------------------------------------------------- format guide

function replaceBetween(doc: string, startMarker: string, endMarker: string, content: string, path = FORMAT_DOC_PATH): string {
  const start = doc.indexOf(startMarker);
  const end = doc.indexOf(endMarker);
  if (start < 0 || end < start) {
    throw new Error(`${path} must contain ${startMarker} followed by ${endMarker}`);
  }
  return `${doc.slice(0, start + startMarker.length)}\n${content}\n${doc.slice(end)}`;
}

/** The format guide with its generated sections (units, field reference) brought up to date. */
export function withGeneratedSections(formatDoc: string): string {
  const withUnits = replaceBetween(formatDoc, UNITS_START, UNITS_END, generateUnitsTable());
  return replaceBetween(withUnits, FIELDS_START, FIELDS_END, generateFieldReference());
}

/**
 * The Chinese format guide (hand-translated, with the same markers) with its generated
 * sections in Chinese; the field descriptions in the language of `bundle`.
 */
export function withGeneratedSectionsZh(formatDoc: string, bundle: Readonly<Record<string, string>>): string {
  return inChinese(bundle, () => {
    const withUnits = replaceBetween(formatDoc, UNITS_START, UNITS_END, generateUnitsTableZh(), ZH_CN_FORMAT_DOC_PATH);
    return replaceBetween(withUnits, FIELDS_START, FIELDS_END, generateFieldReferenceZh(), ZH_CN_FORMAT_DOC_PATH);
  });
}

/** What `generate` returns with the texts of src/core in Chinese from `bundle`; English again afterwards. */
function inChinese<T>(bundle: Readonly<Record<string, string>>, generate: () => T): T {
  useLanguage('zh-cn', bundle);
  try {
    return generate();
  } finally {
    useLanguage('en', undefined);
  }
}

/** The YAML of the first ```yaml block after the guide's "## Complete example" heading. */
export function completeExample(formatDoc: string): string {
  const section = formatDoc.indexOf('\n## Complete example');
  const block = section < 0 ? undefined : /```yaml\n([\s\S]*?)```/.exec(formatDoc.slice(section))?.[1];
  if (block === undefined) throw new Error(`${FORMAT_DOC_PATH} has no "## Complete example" section with a yaml block`);
  return block;
}

/** Every ```yaml block of a Markdown document, in order. */
export function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

// -------------------------------------------------------------------------- rules doc

const STRUCTURAL = new Set<string>(STRUCTURAL_RULE_IDS);

function optionsSection(meta: RuleMeta): string[] {
  const options = Object.entries(meta.options ?? {});
  if (options.length === 0) return [];
  return [
    'Thresholds:',
    '',
    '| Option | Default | Range | Meaning |',
    '| --- | --- | --- | --- |',
    ...options.map(([name, option]) => `| \`${name}\` | ${option.default} | ${option.min} to ${option.max} | ${tableCell(linkDesignNotes(option.description, 'docs'))} |`),
    '',
  ];
}

function configurationSnippet(meta: RuleMeta): string[] {
  const other = meta.defaultSeverity === 'error' ? 'warning' : 'error';
  const [firstOption] = Object.entries(meta.options ?? {});
  const inFile = firstOption
    ? `${meta.id}: { severity: ${other}, ${firstOption[0]}: ${firstOption[1].default} }`
    : `${meta.id}: off        # or error, warning, info, hint`;
  const inSettings = firstOption
    ? `{ "severity": "${other}", "${firstOption[0]}": ${firstOption[1].default} }`
    : `"${other}"`;
  return [
    'In the design file:',
    '',
    '```yaml',
    'analysis:',
    '  rules:',
    `    ${inFile}`,
    '```',
    '',
    'In VS Code settings (`settings.json`), for every design in the workspace:',
    '',
    '```json',
    `{ "vtopo.rules": { "${meta.id}": ${inSettings} } }`,
    '```',
  ];
}

export function generateRulesDoc(): string {
  const lines = [
    '# VTopo rules',
    '',
    `<!-- Generated from src/core/analysis/rules by ${GENERATOR}; edit the rules there, not here. -->`,
    '',
    'VTopo checks a design as you type and reports each problem as a finding of one of the rules below. There are two kinds:',
    '',
    '- **Structural rules** report what stops the file from being read as intended: YAML syntax, unknown keys, wrong values, missing keys, duplicate ids, dangling references. They come from the reader, before any analysis, and follow the format described in [format.md](format.md).',
    '- **Analysis rules** look at the design itself: single points of failure, VMs that cannot fail over, missing failover capacity. Each one names the sources it is based on.',
    '',
    'Every rule has a default severity (`error`, `warning`, `info` or `hint`). Findings with a quick fix (the *Fixable* column) offer an edit in the editor.',
    '',
    `A rule lists at most ${grouped(MAX_FINDINGS_PER_RULE)} findings in one design, the first in document order; past that, one more finding of the rule, on its first, says how many more there are ("… and 119,000 more like this"). The editor, the CLI (text, JSON, SARIF) and the designer show the same list, and the CLI's counts and exit code still include every finding. VS Code itself shows at most ${grouped(MAX_FINDINGS_PER_RULE)} problems per file.`,
    '',
    '## Configuring rules',
    '',
    'A design can change the severity of a rule, or turn it off, in its `analysis.rules` section; this travels with the file and applies everywhere (editor, CLI, CI):',
    '',
    '```yaml',
    'analysis:',
    '  rules:',
    '    array-single-controller: off      # accepted risk: budget array, replacement planned',
    '    vm-local-datastore: warning',
    '```',
    '',
    'The VS Code setting `vtopo.rules` does the same for every design in a workspace or for a user. The file\'s own settings win over the setting.',
    '',
    '```json',
    '{',
    '  "vtopo.rules": {',
    '    "array-single-controller": "error"',
    '  }',
    '}',
    '```',
    '',
    'Allowed values: `off`, `error`, `warning`, `info`, `hint`. Rules with thresholds (listed under each rule) take a mapping instead, in the file and in the setting alike:',
    '',
    '```yaml',
    'analysis:',
    '  rules:',
    '    some-rule: { severity: warning, someThreshold: 20 }',
    '```',
    '',
    '## All rules',
    '',
    '| Rule | Kind | Default severity | Fixable | What it flags |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const meta of ALL_RULES) {
    lines.push(`| [\`${meta.id}\`](#${meta.id}) | ${STRUCTURAL.has(meta.id) ? 'structural' : 'analysis'} | ${meta.defaultSeverity} | ${meta.fixable ? 'yes' : 'no'} | ${tableCell(meta.docs.title)} |`);
  }
  for (const meta of ALL_RULES) {
    lines.push(
      '',
      `<a id="${meta.id}"></a>`,
      '',
      `## ${meta.id}`,
      '',
      `**${meta.docs.title.replace(/\.$/, '')}.**`,
      '',
      linkDesignNotes(meta.docs.description, 'docs'),
      '',
      `- Kind: ${STRUCTURAL.has(meta.id) ? 'structural (reported while the file is read)' : 'analysis'}`,
      `- Default severity: ${meta.defaultSeverity}`,
      `- Quick fix: ${meta.fixable ? 'yes' : 'no'}`,
      '',
      'Sources:',
      '',
      ...meta.docs.sources.map((source) => `- ${sourceEntryMarkdown(source, 'docs')}`),
      '',
      ...optionsSection(meta),
      ...configurationSnippet(meta),
    );
  }
  lines.push('');
  return lines.join('\n');
}

// ----------------------------------------------------------------- rules doc, zh-cn

const ZH_CN_DOCS = 'docs/zh-cn';

const SEVERITY_NAMES_ZH: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '信息', hint: '提示' };

/** A Chinese title as the heading line of its rule: without its final full stop, then one. */
function titleLineZh(title: string): string {
  return `**${title.replace(/[.。]$/, '')}。**`;
}

function optionsSectionZh(meta: RuleMeta): string[] {
  const options = Object.entries(meta.options ?? {});
  if (options.length === 0) return [];
  return [
    '阈值：',
    '',
    '| 选项 | 默认值 | 范围 | 含义 |',
    '| --- | --- | --- | --- |',
    ...options.map(([name, option]) => `| \`${name}\` | ${option.default} | ${option.min} 至 ${option.max} | ${tableCell(linkDesignNotes(localizedRuleOption(meta, name) ?? option.description, ZH_CN_DOCS))} |`),
    '',
  ];
}

function configurationSnippetZh(meta: RuleMeta): string[] {
  const other = meta.defaultSeverity === 'error' ? 'warning' : 'error';
  const [firstOption] = Object.entries(meta.options ?? {});
  const inFile = firstOption
    ? `${meta.id}: { severity: ${other}, ${firstOption[0]}: ${firstOption[1].default} }`
    : `${meta.id}: off        # 或 error、warning、info、hint`;
  const inSettings = firstOption
    ? `{ "severity": "${other}", "${firstOption[0]}": ${firstOption[1].default} }`
    : `"${other}"`;
  return [
    '在设计文件中：',
    '',
    '```yaml',
    'analysis:',
    '  rules:',
    `    ${inFile}`,
    '```',
    '',
    '在 VS Code 设置（`settings.json`）中，对工作区中的所有设计生效：',
    '',
    '```json',
    `{ "vtopo.rules": { "${meta.id}": ${inSettings} } }`,
    '```',
  ];
}

/**
 * docs/zh-cn/rules.md: the rule catalog of docs/rules.md in Simplified Chinese, the rules'
 * titles, descriptions and thresholds from `bundle` (the zh-cn bundle), their ids, severities
 * as keys and sources as they are. `formatGuide` is the link to the format guide from docs/zh-cn.
 */
export function generateRulesDocZh(bundle: Readonly<Record<string, string>>, formatGuide = '../format.md'): string {
  return inChinese(bundle, () => {
    const lines = [
      '[English](../rules.md) | 简体中文',
      '',
      '# VTopo 规则',
      '',
      `<!-- 由 ${GENERATOR} 根据 src/core/analysis/rules 与 l10n/zh-cn/rule-docs.json 生成；请在那里修改，不要在此处编辑。 -->`,
      '',
      'VTopo 在您输入时即检查设计，把发现的每个问题归入下列某条规则报告出来。规则分为两类：',
      '',
      `- **结构规则**报告使文件无法按预期读取的问题：YAML 语法错误、未知的键、错误的值、缺少的键、重复的 id、无法解析的引用。它们由读取器在任何分析之前报告，依据的是 [format.md](${formatGuide}) 所述的格式。`,
      '- **分析规则**审视设计本身：单点故障、无法故障切换的虚拟机、不足的故障切换容量。每条分析规则都注明其依据的来源。',
      '',
      '每条规则都有默认严重级别：错误（`error`）、警告（`warning`）、信息（`info`）或提示（`hint`）。带快速修复的问题（“快速修复”列）可在编辑器中直接应用修改。',
      '',
      `在一个设计中，每条规则最多列出 ${grouped(MAX_FINDINGS_PER_RULE)} 个问题，即按文档顺序的前 ${grouped(MAX_FINDINGS_PER_RULE)} 个；超出部分由该规则的另外一个问题（位于其第一个问题处）汇总，说明还有多少个同类问题未列出。编辑器、CLI（文本、JSON、SARIF）和设计器显示同样的列表，CLI 的计数和退出码仍包含全部问题。VS Code 本身每个文件最多显示 ${grouped(MAX_FINDINGS_PER_RULE)} 个问题。`,
      '',
      '## 配置规则',
      '',
      '设计可以在其 `analysis.rules` 部分修改某条规则的严重级别或将其关闭；该配置随文件一起保存，在编辑器、CLI 和 CI 中处处生效：',
      '',
      '```yaml',
      'analysis:',
      '  rules:',
      '    array-single-controller: off      # 已接受的风险：低成本阵列，已计划更换',
      '    vm-local-datastore: warning',
      '```',
      '',
      'VS Code 设置 `vtopo.rules` 对工作区或用户的所有设计起同样的作用。文件自身的配置优先于该设置。',
      '',
      '```json',
      '{',
      '  "vtopo.rules": {',
      '    "array-single-controller": "error"',
      '  }',
      '}',
      '```',
      '',
      '允许的值：`off`、`error`、`warning`、`info`、`hint`。带阈值的规则（阈值列在各规则之下）改用映射，在文件和设置中写法相同：',
      '',
      '```yaml',
      'analysis:',
      '  rules:',
      '    some-rule: { severity: warning, someThreshold: 20 }',
      '```',
      '',
      '## 全部规则',
      '',
      '| 规则 | 类型 | 默认严重级别 | 快速修复 | 检查内容 |',
      '| --- | --- | --- | --- | --- |',
    ];
    for (const meta of ALL_RULES) {
      const docs = localizedRuleDocs(meta);
      lines.push(`| [\`${meta.id}\`](#${meta.id}) | ${STRUCTURAL.has(meta.id) ? '结构' : '分析'} | ${SEVERITY_NAMES_ZH[meta.defaultSeverity]} | ${meta.fixable ? '有' : '无'} | ${tableCell(docs.title)} |`);
    }
    for (const meta of ALL_RULES) {
      const docs = localizedRuleDocs(meta);
      lines.push(
        '',
        `<a id="${meta.id}"></a>`,
        '',
        `## ${meta.id}`,
        '',
        titleLineZh(docs.title),
        '',
        linkDesignNotes(docs.description, ZH_CN_DOCS),
        '',
        `- 类型：${STRUCTURAL.has(meta.id) ? '结构规则（读取文件时报告）' : '分析规则'}`,
        `- 默认严重级别：${SEVERITY_NAMES_ZH[meta.defaultSeverity]}（\`${meta.defaultSeverity}\`）`,
        `- 快速修复：${meta.fixable ? '有' : '无'}`,
        '',
        '来源：',
        '',
        ...docs.sources.map((source) => `- ${sourceEntryMarkdown(source, ZH_CN_DOCS)}`),
        '',
        ...optionsSectionZh(meta),
        ...configurationSnippetZh(meta),
      );
    }
    lines.push('');
    return lines.join('\n');
  });
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
