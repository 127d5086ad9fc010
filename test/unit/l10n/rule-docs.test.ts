// The rules' documentation in Simplified Chinese: the catalog, the generated docs/zh-cn/rules.md
// and the completion of a rule id (docs/l10n.md).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { localizedRuleDocs, localizedRuleOption } from '../../../src/core/analysis/rule-docs';
import { ALL_RULES } from '../../../src/core/analysis/rules';
import { parseSourceEntry } from '../../../src/core/analysis/sources';
import { completeAt } from '../../../src/core/language/completion';
import { parametersOf, useLanguage } from '../../../src/core/l10n/messages';
import { formatRulesText } from '../../../src/cli/rules-command';
import { FIELDS_END, FIELDS_START, generateRulesDocZh, UNITS_END, UNITS_START, withGeneratedSectionsZh, ZH_CN_FORMAT_DOC_PATH, ZH_CN_RULES_DOC_PATH } from '../../../scripts/generate-docs';

const BUNDLE: Record<string, string> = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8'));
const RULE_DOCS: Record<string, string> = JSON.parse(readFileSync('l10n/zh-cn/rule-docs.json', 'utf8'));
const CHINESE = /[\u4e00-\u9fff]/;

/** Every English text of the rules' docs that is translated: titles, descriptions, thresholds, what sources say. */
function englishTexts(): { readonly where: string; readonly text: string }[] {
  return ALL_RULES.flatMap((meta) => [
    { where: `${meta.id} title`, text: meta.docs.title },
    { where: `${meta.id} description`, text: meta.docs.description },
    ...Object.entries(meta.options ?? {}).map(([name, option]) => ({ where: `${meta.id} option ${name}`, text: option.description })),
    ...meta.docs.sources.flatMap((source) => {
      const description = parseSourceEntry(source)?.description;
      return description === undefined ? [] : [{ where: `${meta.id} source ${source}`, text: description }];
    }),
  ]);
}

describe('rule docs in Simplified Chinese', () => {
  after(() => useLanguage('en', undefined));

  it('every rule\'s title, description, thresholds and source descriptions have a translation in rule-docs.json, Chinese but for titles of cited documents', () => {
    const missing = englishTexts().filter(({ text }) => RULE_DOCS[text] === undefined).map(({ where }) => where);
    assert.deepEqual(missing, []);
    const notChinese = englishTexts().filter(({ where, text }) => !where.includes(' source ') && !CHINESE.test(RULE_DOCS[text] ?? '')).map(({ where }) => where);
    assert.deepEqual(notChinese, []);
  });

  it('the translations keep the ids, keys and design notes of the English', () => {
    const lost: string[] = [];
    for (const { where, text } of englishTexts()) {
      const chinese = RULE_DOCS[text] ?? '';
      if (parametersOf(chinese).join() !== parametersOf(text).join()) lost.push(`${where}: parameters`);
      for (const code of text.match(/`[^`]+`/g) ?? []) if (!chinese.includes(code)) lost.push(`${where}: ${code}`);
      for (const note of text.match(/docs\/design\/[a-z0-9-]+\.md(?:#[a-z0-9_-]+)?/g) ?? []) if (!chinese.includes(note)) lost.push(`${where}: ${note}`);
    }
    assert.deepEqual(lost, []);
  });

  it('in English the docs are exactly the rules\' own, braces that are not parameters included', () => {
    useLanguage('en', undefined);
    const braces = ALL_RULES.find((meta) => meta.docs.description.includes('{ cabling: unknown }'));
    assert.ok(braces, 'a description shows a mapping in braces');
    for (const meta of ALL_RULES) {
      const docs = localizedRuleDocs(meta);
      assert.deepEqual([docs.title, docs.description, docs.sources], [meta.docs.title, meta.docs.description, meta.docs.sources], meta.id);
      for (const [name, option] of Object.entries(meta.options ?? {})) assert.equal(localizedRuleOption(meta, name), option.description);
    }
  });

  it('with the zh-cn bundle the docs are Chinese, the sources\' targets as they are', () => {
    useLanguage('zh-cn', BUNDLE);
    for (const meta of ALL_RULES) {
      const docs = localizedRuleDocs(meta);
      assert.match(docs.title, CHINESE, meta.id);
      assert.match(docs.description, CHINESE, meta.id);
      assert.deepEqual(docs.sources.map((source) => parseSourceEntry(source)?.target), meta.docs.sources.map((source) => parseSourceEntry(source)?.target), meta.id);
    }
    const cabling = ALL_RULES.find((meta) => meta.id === 'cabling-unknown');
    assert.ok(cabling && localizedRuleDocs(cabling).description.includes('`inventory: { cabling: unknown }`'));
  });

  it('the completion of a rule id under analysis.rules documents the rule in Chinese', () => {
    useLanguage('zh-cn', BUNDLE);
    const text = 'vtopo: 1\nanalysis:\n  rules:\n    ';
    const entry = completeAt(text, text.length, undefined).find((candidate) => candidate.label === 'array-single-controller');
    assert.ok(entry, 'array-single-controller is offered');
    assert.ok(entry.documentation?.startsWith('**array-single-controller**: 单控制器存储阵列\n\n'), entry.documentation);
    assert.match(entry.documentation ?? '', /双控制器存储阵列/);
  });

  it('vtopo rules prints the titles in the language of the texts', () => {
    useLanguage('zh-cn', BUNDLE);
    assert.match(formatRulesText(ALL_RULES), /array-single-controller\s+\S+\s+单控制器存储阵列\n/);
    useLanguage('en', undefined);
    assert.match(formatRulesText(ALL_RULES), /array-single-controller\s+\S+\s+Storage array with a single controller\n/);
  });
});

describe('the Chinese rule catalog (docs/zh-cn/rules.md)', () => {
  const doc = readFileSync(ZH_CN_RULES_DOC_PATH, 'utf8');

  it('is generated from the rules and the bundle', () => {
    assert.equal(doc, generateRulesDocZh(BUNDLE, existsSync(ZH_CN_FORMAT_DOC_PATH) ? 'format.md' : '../format.md'));
  });

  it('links back to the English catalog at its top', () => {
    assert.ok(doc.split('\n')[0]?.includes('](../rules.md)'), doc.split('\n')[0]);
  });

  it('lists every rule id, in the table and with its own section, title in Chinese', () => {
    useLanguage('zh-cn', BUNDLE);
    for (const meta of ALL_RULES) {
      assert.ok(doc.split('\n').some((line) => line.startsWith(`| [\`${meta.id}\`](#${meta.id}) |`)), `${meta.id}: table row`);
      assert.ok(doc.includes(`<a id="${meta.id}"></a>\n\n## ${meta.id}\n\n**${localizedRuleDocs(meta).title.replace(/[.。]$/, '')}。**\n`), `${meta.id}: section`);
    }
    useLanguage('en', undefined);
  });
});

describe('the generated sections of the Chinese format guide (docs/zh-cn/format.md)', () => {
  it('fills the units table and the field reference in Chinese, field descriptions from the bundle, and is English-free afterwards', () => {
    const guide = `# 格式\n\n${UNITS_START}\n${UNITS_END}\n\n${FIELDS_START}\n${FIELDS_END}\n`;
    const filled = withGeneratedSectionsZh(guide, { 'Name of the design.': '设计的名称。' });
    assert.match(filled, /\| 数量 \| 基本单位 \|/);
    assert.match(filled, /\| 键 \| 类型 \| 默认值 \| 说明 \|/);
    assert.ok(filled.includes('| `name` | string |  | 设计的名称。 |'), filled.slice(0, 2000));
    assert.equal(withGeneratedSectionsZh(filled, { 'Name of the design.': '设计的名称。' }), filled, 'generating again changes nothing');
    assert.equal(localizedRuleDocs(ALL_RULES[0]!).title, ALL_RULES[0]!.docs.title, 'the language is English again');
  });
});
