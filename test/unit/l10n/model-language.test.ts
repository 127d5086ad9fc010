// The reader's messages (the structural rules) and the editor's language features (hover,
// completion, outline) in the user's language: pseudo-localized, every text they produce
// comes from a catalog; with the zh-cn bundle, they are Chinese (docs/l10n.md).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { completeAt } from '../../../src/core/language/completion';
import { hoverAt } from '../../../src/core/language/hover';
import { DesignIndex } from '../../../src/core/language/navigation';
import { documentSymbols } from '../../../src/core/language/symbols';
import { packOutline, unpackOutline, type OutlineEntry } from '../../../src/core/language/packed-outline';
import { LineIndex } from '../../../src/core/model/source';
import { parseVtopo, inputTooLargeProblem } from '../../../src/core/model/parse';
import { STRUCTURAL_RULE_IDS } from '../../../src/core/model/report';
import { cableLabel } from '../../../src/core/model/cable-id';
import { useLanguage } from '../../../src/core/l10n/messages';
import { elementDetails } from '../../../src/core/view/designer-details';
import { pseudoLocalizationCorpus } from './corpus';

const BUNDLE: Record<string, string> = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8'));
const EXAMPLES = readdirSync('examples').filter((name) => name.endsWith('.vtopo')).map((name) => ({ name, text: readFileSync(`examples/${name}`, 'utf8') }));
const STRUCTURAL: ReadonlySet<string> = new Set(STRUCTURAL_RULE_IDS);

const wrapped = (text: string) => text.startsWith('⟦') && text.endsWith('⟧');
const CJK = /[\u4e00-\u9fff]/;

/** Offsets of every key written at the start of a line (`  memory: 512 GB`), with the key. */
function keysOf(text: string): Array<{ key: string; offset: number }> {
  return [...text.matchAll(/^( *)(?:- )?([A-Za-z][A-Za-z0-9]*):/gm)].map((match) => ({ key: match[2] ?? '', offset: (match.index ?? 0) + match[0].indexOf(match[2] ?? '') }));
}

/** The descriptions a design's author wrote: they are the file's text, not VTopo's. */
function authorTexts(design: DesignIndex): Set<string> {
  const texts = new Set<string>();
  for (const element of [...design.topology.clusters, ...design.topology.siteLinks]) if (element.description !== undefined) texts.add(element.description);
  return texts;
}

describe('model and language features, pseudo-localized', () => {
  after(() => useLanguage('en', undefined));

  it('wraps every structural problem, its related locations and its quick fixes', () => {
    useLanguage('qps-ploc', {}, { pseudoLocalize: true });
    const unwrapped: string[] = [];
    const seen = new Set<string>();
    for (const { name, text } of pseudoLocalizationCorpus()) {
      for (const finding of analyzeText(text, { today: '2026-12-04' }).findings) {
        if (!STRUCTURAL.has(finding.ruleId)) continue;
        seen.add(finding.ruleId);
        for (const shown of [finding.message, ...(finding.related ?? []).map((related) => related.message), ...(finding.fixes ?? []).map((fix) => fix.title)]) {
          if (!wrapped(shown)) unwrapped.push(`${name}: ${shown}`);
        }
      }
    }
    assert.ok(wrapped(inputTooLargeProblem(20 * 1048576).message));
    assert.ok(wrapped(cableLabel(4)));
    assert.deepEqual(unwrapped, []);
    assert.deepEqual([...STRUCTURAL].filter((id) => !seen.has(id)), [], 'structural rules the corpus does not trigger');
  });

  it('wraps every line of the hover of every element of the examples', () => {
    useLanguage('qps-ploc', {}, { pseudoLocalize: true });
    const unwrapped: string[] = [];
    let hovers = 0;
    for (const { name, text } of EXAMPLES) {
      const design = new DesignIndex(analyzeText(text).topology);
      const own = authorTexts(design);
      for (const declaration of design.topology.declarations.values()) {
        if (declaration.inheritedFrom !== undefined) continue;
        const hover = hoverAt(text, declaration.idRange.start, design);
        assert.ok(hover, `${name}: a hover on ${declaration.id}`);
        hovers++;
        for (const line of hover.markdown.split('\n').filter((line) => line !== '')) {
          const shown = line.replace(/^- /, '');
          // The title is markdown around a kind name and an id: `**⟦host⟧** \`esx-01\``.
          if (!wrapped(shown) && !own.has(shown)) unwrapped.push(`${name} ${declaration.id}: ${line}`);
        }
      }
    }
    assert.ok(hovers > 300, `${hovers} hovers`);
    assert.deepEqual(unwrapped, []);
  });

  it('wraps the hover of every key of the examples: its title, type, description and notes', () => {
    useLanguage('qps-ploc', {}, { pseudoLocalize: true });
    const unwrapped: string[] = [];
    let hovers = 0;
    for (const { name, text } of EXAMPLES) {
      const design = new DesignIndex(analyzeText(text).topology);
      for (const { key, offset } of keysOf(text)) {
        const hover = hoverAt(text, offset, design);
        if (!hover || design.declarationAt(offset)) continue;
        hovers++;
        for (const paragraph of hover.markdown.split('\n\n')) if (!wrapped(paragraph)) unwrapped.push(`${name} ${key}: ${paragraph}`);
        // The type inside the title is a catalog text too, but for an enumeration (its values).
        const type = /^⟦\*\*\w+\*\*: (.*)⟧$/s.exec(hover.markdown.split('\n\n')[0] ?? '')?.[1] ?? '';
        if (!wrapped(type) && !type.includes('`')) unwrapped.push(`${name} ${key} (type): ${type}`);
      }
    }
    assert.ok(hovers > 200, `${hovers} key hovers`);
    assert.deepEqual(unwrapped, []);
  });

  it('wraps completion details and documentation, and the outline\'s kinds', () => {
    useLanguage('qps-ploc', {}, { pseudoLocalize: true });
    const seed = EXAMPLES.find((example) => example.name === 'seed-000-fq1616r.vtopo');
    assert.ok(seed);
    const design = new DesignIndex(analyzeText(seed.text).topology);
    const at = (textWithCursor: string) => completeAt(textWithCursor.replace('|', ''), textWithCursor.indexOf('|'), design);
    const keys = at('vtopo: 1\nvms:\n  web-01:\n    host: esx-01\n    |');
    const values = at('vtopo: 1\nplatform: |');
    const ids = at('vtopo: 1\nvms:\n  web-01:\n    host: |');
    const rules = at('vtopo: 1\nanalysis:\n  rules:\n    |');
    assert.ok(keys.length > 10 && values.length === 4 && ids.length > 0 && rules.length > 50);
    const unwrapped: string[] = [];
    for (const entry of keys) {
      if (!wrapped(entry.detail) && !entry.detail.includes('`')) unwrapped.push(`key ${entry.label} detail: ${entry.detail}`);
      for (const paragraph of (entry.documentation ?? '').split('\n\n')) if (!wrapped(paragraph)) unwrapped.push(`key ${entry.label}: ${paragraph}`);
    }
    for (const entry of values) if (!wrapped(entry.documentation ?? '')) unwrapped.push(`value ${entry.label}: ${entry.documentation}`);
    for (const entry of [...ids, ...rules]) if (!wrapped(entry.detail)) unwrapped.push(`${entry.label}: ${entry.detail}`);
    const symbols = documentSymbols(design.topology.declarations.values());
    const flat: string[] = [];
    const visit = (symbol: (typeof symbols)[number]) => { flat.push(symbol.detail); symbol.children.forEach(visit); };
    symbols.forEach(visit);
    const unpacked = unpackOutline(packOutline(symbols, new LineIndex(seed.text)), (entry: OutlineEntry, children: string[]) => [entry.detail, ...children].join('|'));
    assert.ok(flat.length > 20);
    for (const detail of [...flat, ...unpacked.join('|').split('|')]) if (!wrapped(detail)) unwrapped.push(`outline: ${detail}`);
    assert.deepEqual(unwrapped, []);
  });
});

describe('model and language features in Simplified Chinese', () => {
  after(() => useLanguage('en', undefined));

  /** Three English words in a row: a sentence left untranslated. */
  const ENGLISH_SENTENCE = /\b[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\b/;

  it('reports structural problems in Chinese, ids and keys kept as written', () => {
    useLanguage('zh-cn', BUNDLE);
    const messages = (text: string) => parseVtopo(text).problems.map((problem) => problem.message);
    assert.deepEqual(messages('vtopo: 1\nplatfrom: vsphere\n'), ['未知的键“platfrom”。是否指“platform”？']);
    assert.deepEqual(messages('vtopo: 1\nplatform: vsphre\n'), ['此处应为 vsphere、hyperv、xenserver、proxmox 之一；实际为“vsphre”。是否指“vsphere”？']);
    assert.deepEqual(messages('vtopo: 2\n'), ['此文件为格式版本 2；当前 VTopo 读取的是版本 1']);
    const dangling = parseVtopo('vtopo: 1\nhosts:\n  esx-01: { cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }\nvms:\n  web-01: { host: esx-02, memory: 4 GB }\n');
    assert.deepEqual(dangling.problems.map((problem) => [problem.message, problem.fixes?.[0]?.title]), [['未知的主机“esx-02”。是否指“esx-01”？', '改为“esx-01”']]);
    const duplicate = parseVtopo('vtopo: 1\nclusters:\n  c1: {}\nvms:\n  c1: { host: c1, memory: 4 GB }\n').problems.find((problem) => problem.ruleId === 'duplicate-id');
    assert.equal(duplicate?.message, '重复的 id“c1”：已被集群使用');
    assert.equal(duplicate?.related?.[0]?.message, '首次在此处声明为集群');
    const empty = parseVtopo('').problems[0];
    assert.equal(empty?.message, '设计为空：.vtopo 文件以“vtopo: 1”开头');
    assert.equal(empty?.fixes?.[0]?.title, '新建设计');
    assert.equal(inputTooLargeProblem(20 * 1048576).message, '文件过大，无法分析（20.0 MB；上限为 16 MB）');
    assert.equal(cableLabel(0), 'links: 中的第 1 条线缆');
    for (const { text } of pseudoLocalizationCorpus().filter((design) => !design.name.endsWith('.vtopo'))) {
      for (const finding of analyzeText(text, { today: '2026-12-04' }).findings) {
        if (!STRUCTURAL.has(finding.ruleId) || finding.message.startsWith('YAML')) continue;
        assert.match(finding.message, CJK, finding.message);
        assert.doesNotMatch(finding.message.replace(/“[^”]*”/g, ''), ENGLISH_SENTENCE, finding.message);
      }
    }
  });

  it('hovers an element, a key and an unknown reference in Chinese', () => {
    useLanguage('zh-cn', BUNDLE);
    const seed = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
    const design = new DesignIndex(analyzeText(seed).topology);
    const hostHover = hoverAt(seed, seed.indexOf('host: esx-02') + 'host: '.length + 2, design)?.markdown ?? '';
    assert.match(hostHover, /^\*\*主机\*\* `esx-02`\n\n- CPU：\d+ 核（\d+ 路），[\d.]+ GHz/);
    assert.match(hostHover, /\n- 内存：\d+ GB\n- 集群：\S+\n- 虚拟机：\d+（已配置内存 [\d.]+ GB）$/);
    assert.doesNotMatch(hostHover, ENGLISH_SENTENCE);
    const memory = seed.indexOf('memory: 21 GB');
    assert.equal(hoverAt(seed, memory + 2, design)?.markdown, '**memory**：带单位的数据量，例如“512 GB”\n\n配置的内存（最多 1 PB）。');
    const policy = hoverAt(seed, seed.indexOf('policy: percentage') + 1, design)?.markdown ?? '';
    assert.match(policy, /^\*\*policy\*\*：`slots`.*\n\nvSphere HA 准入控制策略：.*\n\n默认值：`percentage`。$/s);
    const broken = 'vtopo: 1\nvms:\n  web-01: { host: esx-09, memory: 1 GB }\n';
    assert.equal(hoverAt(broken, broken.indexOf('esx-09'), new DesignIndex(analyzeText(broken).topology))?.markdown, '此文件中没有声明主机 `esx-09`。');
  });

  it('completes keys with Chinese details and documentation, and names kinds in Chinese in the outline', () => {
    useLanguage('zh-cn', BUNDLE);
    const text = 'vtopo: 1\nvms:\n  web-01:\n    host: esx-01\n    ';
    const entries = completeAt(text, text.length, undefined);
    const cpus = entries.find((entry) => entry.label === 'cpus');
    assert.equal(cpus?.detail, '整数');
    assert.equal(cpus?.documentation, '**cpus**：整数\n\n虚拟 CPU 数（最多 4,096）。\n\n默认值：`1`。');
    const memory = entries.find((entry) => entry.label === 'memory');
    assert.equal(memory?.detail, '带单位的数据量，例如“512 GB”');
    const datastore = entries.find((entry) => entry.label === 'datastore');
    assert.equal(datastore?.detail, '数据存储 id');
    const seed = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
    const symbols = documentSymbols(new DesignIndex(analyzeText(seed).topology).topology.declarations.values());
    const details = new Set(symbols.map((symbol) => symbol.detail));
    assert.ok(details.has('主机') && details.has('虚拟机') && details.has('存储阵列'), [...details].join(', '));
    for (const detail of details) assert.match(detail, CJK);
  });

  it('describes the fields of the designer\'s details panel in Chinese', () => {
    useLanguage('zh-cn', BUNDLE);
    const seed = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
    const fields = elementDetails(parseVtopo(seed).topology, seed, 'esx-01')?.fields ?? [];
    assert.ok(fields.length > 5);
    assert.equal(fields.find((field) => field.key === 'cluster')?.description, '此主机所属的集群。文件中只有一个集群时可以省略。');
    for (const field of fields) assert.match(field.description, CJK, field.key);
    // The type shown under each field is in Chinese too; the one the panel's logic reads stays the format's.
    const memory = fields.find((field) => field.key === 'memory');
    assert.match(memory?.typeName ?? '', /^data with unit/);
    assert.match(memory?.typeText ?? '', CJK);
    assert.match(fields.find((field) => field.key === 'cluster')?.typeText ?? '', CJK);
  });
});
