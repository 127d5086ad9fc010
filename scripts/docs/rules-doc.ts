/**
 * The rule catalog, docs/rules.md and docs/zh-cn/rules.md, from the rules
 * (src/core/analysis/rules): the words of a DocLanguage around the rules' own texts in the
 * current language of src/core (localizedRuleDocs, localizedRuleOption).
 */

import { MAX_FINDINGS_PER_RULE } from '../../src/core/analysis/engine';
import type { RuleMeta } from '../../src/core/analysis/rule';
import { localizedRuleDocs, localizedRuleOption } from '../../src/core/analysis/rule-docs';
import { ALL_RULES } from '../../src/core/analysis/rules';
import { linkDesignNotes, sourceEntryMarkdown } from '../../src/core/analysis/sources';
import { STRUCTURAL_RULE_IDS } from '../../src/core/model/report';
import { grouped } from '../../src/core/text/plural';
import { CHINESE, type DocLanguage, ENGLISH } from './languages';
import { inChinese, tableCell } from './text';

const STRUCTURAL = new Set<string>(STRUCTURAL_RULE_IDS);

function kindOf(meta: RuleMeta): 'structural' | 'analysis' {
  return STRUCTURAL.has(meta.id) ? 'structural' : 'analysis';
}

function optionsSection(meta: RuleMeta, language: DocLanguage): string[] {
  const options = Object.entries(meta.options ?? {});
  if (options.length === 0) return [];
  const words = language.rules;
  return [
    words.labels.thresholds,
    '',
    words.optionsHeader,
    '| --- | --- | --- | --- |',
    ...options.map(([name, option]) => `| \`${name}\` | ${option.default} | ${language.span(String(option.min), String(option.max))} | ${tableCell(linkDesignNotes(localizedRuleOption(meta, name) ?? option.description, language.docsFolder))} |`),
    '',
  ];
}

function configurationSnippet(meta: RuleMeta, language: DocLanguage): string[] {
  const words = language.rules.snippet;
  const other = meta.defaultSeverity === 'error' ? 'warning' : 'error';
  const [firstOption] = Object.entries(meta.options ?? {});
  const inFile = firstOption
    ? `${meta.id}: { severity: ${other}, ${firstOption[0]}: ${firstOption[1].default} }`
    : `${meta.id}: off        ${words.otherValues}`;
  const inSettings = firstOption
    ? `{ "severity": "${other}", "${firstOption[0]}": ${firstOption[1].default} }`
    : `"${other}"`;
  return [
    words.inTheFile,
    '',
    '```yaml',
    'analysis:',
    '  rules:',
    `    ${inFile}`,
    '```',
    '',
    words.inTheSetting,
    '',
    '```json',
    `{ "vtopo.rules": { "${meta.id}": ${inSettings} } }`,
    '```',
  ];
}

/** The rule catalog in the words of `language`; `formatGuide` is the link to the format guide from its folder. */
function rulesDoc(language: DocLanguage, formatGuide: string): string {
  const words = language.rules;
  const lines = [
    ...words.banner,
    words.title,
    '',
    words.comment,
    '',
    ...words.introduction(formatGuide, grouped(MAX_FINDINGS_PER_RULE)),
    words.configuring.heading,
    '',
    words.configuring.inTheFile,
    '',
    '```yaml',
    'analysis:',
    '  rules:',
    `    array-single-controller: off      # ${words.configuring.acceptedRisk}`,
    '    vm-local-datastore: warning',
    '```',
    '',
    words.configuring.inTheSetting,
    '',
    '```json',
    '{',
    '  "vtopo.rules": {',
    '    "array-single-controller": "error"',
    '  }',
    '}',
    '```',
    '',
    words.configuring.allowedValues,
    '',
    '```yaml',
    'analysis:',
    '  rules:',
    '    some-rule: { severity: warning, someThreshold: 20 }',
    '```',
    '',
    words.allRules,
    '',
    words.tableHeader,
    '| --- | --- | --- | --- | --- |',
  ];
  for (const meta of ALL_RULES) {
    lines.push(`| [\`${meta.id}\`](#${meta.id}) | ${words.kind[kindOf(meta)]} | ${words.severity(meta.defaultSeverity)} | ${meta.fixable ? words.yes : words.no} | ${tableCell(localizedRuleDocs(meta).title)} |`);
  }
  for (const meta of ALL_RULES) {
    const docs = localizedRuleDocs(meta);
    lines.push(
      '',
      `<a id="${meta.id}"></a>`,
      '',
      `## ${meta.id}`,
      '',
      words.titleLine(docs.title),
      '',
      linkDesignNotes(docs.description, language.docsFolder),
      '',
      `- ${words.labels.kind}${words.kindInFull[kindOf(meta)]}`,
      `- ${words.labels.defaultSeverity}${words.severityInFull(meta.defaultSeverity)}`,
      `- ${words.labels.quickFix}${meta.fixable ? words.yes : words.no}`,
      '',
      words.labels.sources,
      '',
      ...docs.sources.map((source) => `- ${sourceEntryMarkdown(source, language.docsFolder)}`),
      '',
      ...optionsSection(meta, language),
      ...configurationSnippet(meta, language),
    );
  }
  lines.push('');
  return lines.join('\n');
}

/** docs/rules.md. */
export function generateRulesDoc(): string {
  return rulesDoc(ENGLISH, 'format.md');
}

/**
 * docs/zh-cn/rules.md: the rule catalog of docs/rules.md in Simplified Chinese, the rules'
 * titles, descriptions and thresholds from `bundle` (the zh-cn bundle), their ids, severities
 * as keys and sources as they are. `formatGuide` is the link to the format guide from docs/zh-cn.
 */
export function generateRulesDocZh(bundle: Readonly<Record<string, string>>, formatGuide = '../format.md'): string {
  return inChinese(bundle, () => rulesDoc(CHINESE, formatGuide));
}
