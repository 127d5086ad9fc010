/**
 * The words of the generated documents, one object a language: the generators
 * (format-sections.ts, rules-doc.ts) hold the structure, these only the text around it.
 * The texts of src/core (field descriptions, rule docs) come in the current language from
 * its bundle instead (useLanguage, inChinese in text.ts).
 */

import type { Severity } from '../../src/core/analysis/rule';
import type { Dimension } from '../../src/core/model/units';
import { GENERATOR } from './text';

export interface DocLanguage {
  /** Where the generated documents are, for the links to the design notes (linkDesignNotes, sourceEntryMarkdown). */
  readonly docsFolder: string;
  /** Between the items of a list: `a, b` or `a、b`. */
  readonly listSeparator: string;
  /** A range of numbers, `from` and `to` written already. */
  span(from: string, to: string): string;
  readonly fields: FieldReferenceWords;
  readonly units: UnitsWords;
  readonly rules: RulesDocWords;
}

/** The field reference of the format guide. */
export interface FieldReferenceWords {
  readonly comment: string;
  readonly intro: string;
  readonly header: string;
  /** In the Default column of a required key. */
  readonly required: string;
  /** After a key that also takes a text with a unit. */
  readonly withUnit: string;
  /** The sentence of a number's bounds (`span` of the language, with the unit). */
  range(span: string): string;
  /** The sentence of the other keys of a field, `keys` listed already. */
  also(keys: string): string;
}

/** The units table of the format guide. */
export interface UnitsWords {
  readonly comment: string;
  readonly header: string;
  readonly dimensions: Readonly<Record<Dimension, string>>;
}

/** docs/rules.md and its translations. */
export interface RulesDocWords {
  /** Lines before the title (the language switch of a translation). */
  readonly banner: readonly string[];
  readonly title: string;
  readonly comment: string;
  /** The paragraphs before "Configuring rules", each followed by an empty line. */
  introduction(formatGuide: string, findingsCap: string): string[];
  readonly configuring: {
    readonly heading: string;
    readonly inTheFile: string;
    /** The comment on the rule turned off in the example. */
    readonly acceptedRisk: string;
    readonly inTheSetting: string;
    readonly allowedValues: string;
  };
  readonly allRules: string;
  readonly tableHeader: string;
  readonly kind: { readonly structural: string; readonly analysis: string };
  /** The kind in the facts under a rule's heading. */
  readonly kindInFull: { readonly structural: string; readonly analysis: string };
  severity(severity: Severity): string;
  /** The default severity in the facts under a rule's heading. */
  severityInFull(severity: Severity): string;
  readonly yes: string;
  readonly no: string;
  /** The facts under a rule's heading, each label with its colon (and space). */
  readonly labels: {
    readonly kind: string;
    readonly defaultSeverity: string;
    readonly quickFix: string;
    readonly sources: string;
    readonly thresholds: string;
  };
  readonly optionsHeader: string;
  readonly snippet: {
    readonly inTheFile: string;
    /** The comment after `<rule>: off`. */
    readonly otherValues: string;
    readonly inTheSetting: string;
  };
  /** A rule's title as the first line under its heading. */
  titleLine(title: string): string;
}

export const ENGLISH: DocLanguage = {
  docsFolder: 'docs',
  listSeparator: ', ',
  span: (from, to) => `${from} to ${to}`,
  fields: {
    comment: `<!-- Generated from src/core/model/format.ts by ${GENERATOR}; edit the format there, not here. -->`,
    intro: 'Paths join keys with dots. `<host>`, `<vm>` and so on stand for the id of an element of a collection, `<rule id>` and `<element id>` for a key of a mapping, and `[]` for an item of a list. Quantities are listed under their key in the base unit; the other spellings of the same key follow the description.',
    header: '| Key | Type | Default | Description |',
    required: '**required**',
    withUnit: ' (text with a unit)',
    range: (span) => `Range: ${span}.`,
    also: (keys) => `Also: ${keys}.`,
  },
  units: {
    comment: `<!-- Generated from src/core/model/units.ts by ${GENERATOR}. -->`,
    header: '| Quantity | Base unit | Key suffixes | Spellings in values (any case) | Example |',
    dimensions: {
      data: 'Memory, capacity (binary: 1 GB = 1024 MB)',
      frequency: 'CPU speed',
      bandwidth: 'Port and link speed (decimal: 1 Gbps = 1000 Mbps)',
      throughput: 'Storage throughput, memory dirty rate',
      duration: 'Time',
    },
  },
  rules: {
    banner: [],
    title: '# VTopo rules',
    comment: `<!-- Generated from src/core/analysis/rules by ${GENERATOR}; edit the rules there, not here. -->`,
    introduction: (formatGuide, cap) => [
      'VTopo checks a design as you type and reports each problem as a finding of one of the rules below. There are two kinds:',
      '',
      `- **Structural rules** report what stops the file from being read as intended: YAML syntax, unknown keys, wrong values, missing keys, duplicate ids, dangling references. They come from the reader, before any analysis, and follow the format described in [format.md](${formatGuide}).`,
      '- **Analysis rules** look at the design itself: single points of failure, VMs that cannot fail over, missing failover capacity. Each one names the sources it is based on.',
      '',
      'Every rule has a default severity (`error`, `warning`, `info` or `hint`). Findings with a quick fix (the *Fixable* column) offer an edit in the editor.',
      '',
      `A rule lists at most ${cap} findings in one design, the first in document order; past that, one more finding of the rule, on its first, says how many more there are ("… and 119,000 more like this"). The editor, the CLI (text, JSON, SARIF) and the designer show the same list, and the CLI's counts and exit code still include every finding. The editor shows at most ${cap} problems per file, errors first, then warnings, information and hints (the limit VS Code itself applies to an extension's problems), and one more, an information problem, says how many it does not show; the CLI lists them all.`,
      '',
    ],
    configuring: {
      heading: '## Configuring rules',
      inTheFile: 'A design can change the severity of a rule, or turn it off, in its `analysis.rules` section; this travels with the file and applies everywhere (editor, CLI, CI):',
      acceptedRisk: 'accepted risk: budget array, replacement planned',
      inTheSetting: 'The VS Code setting `vtopo.rules` does the same for every design in a workspace or for a user. The file\'s own settings win over the setting.',
      allowedValues: 'Allowed values: `off`, `error`, `warning`, `info`, `hint`. Rules with thresholds (listed under each rule) take a mapping instead, in the file and in the setting alike:',
    },
    allRules: '## All rules',
    tableHeader: '| Rule | Kind | Default severity | Fixable | What it flags |',
    kind: { structural: 'structural', analysis: 'analysis' },
    kindInFull: { structural: 'structural (reported while the file is read)', analysis: 'analysis' },
    severity: (severity) => severity,
    severityInFull: (severity) => severity,
    yes: 'yes',
    no: 'no',
    labels: { kind: 'Kind: ', defaultSeverity: 'Default severity: ', quickFix: 'Quick fix: ', sources: 'Sources:', thresholds: 'Thresholds:' },
    optionsHeader: '| Option | Default | Range | Meaning |',
    snippet: {
      inTheFile: 'In the design file:',
      otherValues: '# or error, warning, info, hint',
      inTheSetting: 'In VS Code settings (`settings.json`), for every design in the workspace:',
    },
    titleLine: (title) => `**${title.replace(/\.$/, '')}.**`,
  },
};

const SEVERITY_NAMES_ZH: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '信息', hint: '提示' };

export const CHINESE: DocLanguage = {
  docsFolder: 'docs/zh-cn',
  listSeparator: '、',
  span: (from, to) => `${from} 至 ${to}`,
  fields: {
    comment: `<!-- 由 ${GENERATOR} 根据 src/core/model/format.ts 生成；请在那里修改格式，不要在此处编辑。 -->`,
    intro: '路径用点连接各级键。`<host>`、`<vm>` 等代表集合中某个元素的 id，`<rule id>` 和 `<element id>` 代表映射中的键，`[]` 代表列表中的一项。数量类的键按基本单位列出；同一个键的其他写法列在说明之后。',
    header: '| 键 | 类型 | 默认值 | 说明 |',
    required: '**必填**',
    withUnit: '（带单位的文本）',
    range: (span) => `范围：${span}。`,
    also: (keys) => `也可写作：${keys}。`,
  },
  units: {
    comment: `<!-- 由 ${GENERATOR} 根据 src/core/model/units.ts 生成。 -->`,
    header: '| 数量 | 基本单位 | 键名后缀 | 值中的写法（不区分大小写） | 示例 |',
    dimensions: {
      data: '内存、容量（二进制：1 GB = 1024 MB）',
      frequency: 'CPU 频率',
      bandwidth: '端口与链路速率（十进制：1 Gbps = 1000 Mbps）',
      throughput: '存储吞吐量、内存脏页率',
      duration: '时间',
    },
  },
  rules: {
    banner: ['[English](../rules.md) | 简体中文', ''],
    title: '# VTopo 规则',
    comment: `<!-- 由 ${GENERATOR} 根据 src/core/analysis/rules 与 l10n/zh-cn/rule-docs.json 生成；请在那里修改，不要在此处编辑。 -->`,
    introduction: (formatGuide, cap) => [
      'VTopo 在您输入时即检查设计，把发现的每个问题归入下列某条规则报告出来。规则分为两类：',
      '',
      `- **结构规则**报告使文件无法按预期读取的问题：YAML 语法错误、未知的键、错误的值、缺少的键、重复的 id、无法解析的引用。它们由读取器在任何分析之前报告，依据的是 [format.md](${formatGuide}) 所述的格式。`,
      '- **分析规则**审视设计本身：单点故障、无法故障切换的虚拟机、不足的故障切换容量。每条分析规则都注明其依据的来源。',
      '',
      '每条规则都有默认严重级别：错误（`error`）、警告（`warning`）、信息（`info`）或提示（`hint`）。带快速修复的问题（“快速修复”列）可在编辑器中直接应用修改。',
      '',
      `在一个设计中，每条规则最多列出 ${cap} 个问题，即按文档顺序的前 ${cap} 个；超出部分由该规则的另外一个问题（位于其第一个问题处）汇总，说明还有多少个同类问题未列出。编辑器、CLI（文本、JSON、SARIF）和设计器显示同样的列表，CLI 的计数和退出码仍包含全部问题。编辑器每个文件最多显示 ${cap} 个问题，依次为错误、警告、信息和提示（即 VS Code 本身对扩展问题的上限），并另以一个信息级问题说明有多少个未显示；CLI 列出全部问题。`,
      '',
    ],
    configuring: {
      heading: '## 配置规则',
      inTheFile: '设计可以在其 `analysis.rules` 部分修改某条规则的严重级别或将其关闭；该配置随文件一起保存，在编辑器、CLI 和 CI 中处处生效：',
      acceptedRisk: '已接受的风险：低成本阵列，已计划更换',
      inTheSetting: 'VS Code 设置 `vtopo.rules` 对工作区或用户的所有设计起同样的作用。文件自身的配置优先于该设置。',
      allowedValues: '允许的值：`off`、`error`、`warning`、`info`、`hint`。带阈值的规则（阈值列在各规则之下）改用映射，在文件和设置中写法相同：',
    },
    allRules: '## 全部规则',
    tableHeader: '| 规则 | 类型 | 默认严重级别 | 快速修复 | 检查内容 |',
    kind: { structural: '结构', analysis: '分析' },
    kindInFull: { structural: '结构规则（读取文件时报告）', analysis: '分析规则' },
    severity: (severity) => SEVERITY_NAMES_ZH[severity],
    severityInFull: (severity) => `${SEVERITY_NAMES_ZH[severity]}（\`${severity}\`）`,
    yes: '有',
    no: '无',
    labels: { kind: '类型：', defaultSeverity: '默认严重级别：', quickFix: '快速修复：', sources: '来源：', thresholds: '阈值：' },
    optionsHeader: '| 选项 | 默认值 | 范围 | 含义 |',
    snippet: {
      inTheFile: '在设计文件中：',
      otherValues: '# 或 error、warning、info、hint',
      inTheSetting: '在 VS Code 设置（`settings.json`）中，对工作区中的所有设计生效：',
    },
    titleLine: (title) => `**${title.replace(/[.。]$/, '')}。**`,
  },
};
