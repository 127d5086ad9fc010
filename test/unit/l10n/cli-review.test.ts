// The CLI's own texts and the design review in the user's language (docs/l10n.md):
// (1) under pseudo-localization every text they print comes from a catalog (wrapped in ⟦ ⟧);
// (2) with the zh-cn bundle they read Chinese;
// (3) `vtopo check` and `vtopo report --format md` equal committed snapshots in both languages
//     (UPDATE_SNAPSHOTS=1 rewrites them).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { ALL_RULES } from '../../../src/core/analysis/rules';
import { useLanguage } from '../../../src/core/l10n/messages';
import { buildReview, type DesignReview } from '../../../src/core/report/review';
import { reviewToHtml } from '../../../src/core/report/html';
import { reviewToMarkdown } from '../../../src/core/report/markdown';
import { timelineSvg } from '../../../src/core/report/timeline-svg';
import { escapeXml } from '../../../src/core/view/designer-model';
import { componentFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import { restartPriorities } from '../../../src/core/view/simulation-targets';
import { buildSimulationView } from '../../../src/core/view/simulation-view';
import { parseArguments } from '../../../src/cli/args';
import { checkInputs } from '../../../src/cli/check';
import { formatText } from '../../../src/cli/format-text';
import { helpText, usageHint } from '../../../src/cli/help';
import { readInputs } from '../../../src/cli/inputs';
import { nodeFileSystem } from '../../../src/cli/io';
import { chooseLanguage } from '../../../src/cli/language';
import { formatRulesText } from '../../../src/cli/rules-command';
import { COMMANDS, UsageError } from '../../../src/cli/usage';
import { REPOSITORY_ROOT, runInDirectory } from '../cli/harness';

const BUNDLE: Record<string, string> = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8'));
const EXAMPLES = ['seed-000-fq1616r', 'iscsi-av100-g6', 'racks-and-power', 'hyperv-metro', 'hyperv-two-rooms', 'hyperv-guest-cluster'];
const TODAY = '2026-12-04';
const example = (name: string) => readFileSync(`examples/${name}.vtopo`, 'utf8');
const review = (name: string): DesignReview => buildReview(example(name), { fileName: `${name}.vtopo`, version: '9.9.9', analysis: { today: TODAY } });

/** A whole text from a catalog: wrapped once around all of it. */
const wrapped = (text: string) => text.startsWith('⟦') && text.endsWith('⟧');
/** Chinese characters. */
const CJK = /[\u4e00-\u9fff]/;

/** The message a command line is refused with. */
function usageErrorOf(argv: readonly string[]): string {
  try {
    parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

/** The text nodes of an HTML page, without the style sheet, the pictures drawn from the design and the simulation tables. */
function htmlTexts(html: string): string[] {
  const own = html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<div class="picture"[\s\S]*?<\/svg><\/div>/g, '')
    .replace(/<div class="picture"[^>]*>\n<svg[\s\S]*?<\/svg>\n<\/div>/g, '')
    .replace(/<table>\n<caption[\s\S]*?<\/table>/g, '');
  return [...own.matchAll(/>([^<]+)</g)].map((match) => (match[1] ?? '').trim()).filter((text) => text !== '');
}

describe('CLI and design review texts under pseudo-localization: every text comes from a catalog', () => {
  before(() => useLanguage('qps-ploc', {}, { pseudoLocalize: true }));
  after(() => useLanguage('en', undefined));

  it('vtopo check: every finding line, note line and the summary', async () => {
    const files = nodeFileSystem(REPOSITORY_ROOT);
    const { inputs, errors } = await readInputs(EXAMPLES.map((name) => `examples/${name}.vtopo`), files);
    assert.deepEqual(errors, []);
    const lines = formatText(checkInputs(inputs, errors)).trimEnd().split('\n');
    assert.ok(lines.length > 20, 'the examples have findings');
    assert.deepEqual(lines.filter((line) => !wrapped(line.trimStart())), []);
    assert.ok(lines.some((line) => /^⟦ {2}examples\/[^:]+:\d+:\d+: note: .*⟧$/.test(line)), 'a related location is printed');
    assert.match(lines.at(-1) ?? '', /^⟦⟦6 files⟧, ⟦3 errors⟧⟦, ⟧⟦9 warnings⟧⟦, ⟧⟦9 hints⟧⟧$/);
  });

  it('vtopo check: the problems of inputs that cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vtopo-l10n-'));
    try {
      mkdirSync(join(dir, 'empty'));
      writeFileSync(join(dir, 'binary.vtopo'), new Uint8Array([0x76, 0, 0x74]));
      writeFileSync(join(dir, 'utf16.vtopo'), new Uint8Array([0xff, 0xfe, 0x76, 0]));
      writeFileSync(join(dir, 'latin1.vtopo'), new Uint8Array([0x76, 0xe9, 0x0a]));
      const { errors } = await readInputs(['missing.vtopo', 'empty', 'binary.vtopo', 'utf16.vtopo', 'latin1.vtopo'], nodeFileSystem(dir));
      assert.equal(errors.length, 5);
      assert.deepEqual(errors.filter((error) => !wrapped(error.message)), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('usage errors, their hint and the help pages', () => {
    const refused = [
      [],
      ['--frobnicate'],
      ['frobnicate'],
      ['help', 'check', 'extra'],
      ['help', 'frobnicate'],
      ['check'],
      ['check', 'a.vtopo', '--format', 'xml'],
      ['check', 'a.vtopo', '--colour', 'red'],
      ['check', 'a.vtopo', '--format='],
      ['import'],
      ['import', 'a.xlsx', 'b.xlsx'],
      ['rules', 'extra'],
      ['report'],
      ['report', 'a.vtopo', 'b.vtopo'],
      ['report', 'a.vtopo', '--format', 'pdf'],
    ];
    const messages = refused.map(usageErrorOf);
    assert.deepEqual(messages.filter((message) => !wrapped(message)), []);
    for (const argv of [['--lang'], ['--lang', 'fr', 'check']]) {
      assert.throws(() => chooseLanguage(argv, {}), (error: unknown) => error instanceof UsageError && wrapped(error.message));
    }
    assert.ok(wrapped(usageHint()) && wrapped(usageHint('check')));
    for (const topic of [undefined, ...COMMANDS]) assert.ok(wrapped(helpText(topic)), topic ?? 'general');
  });

  it('vtopo rules: the severity word and the sources line of every rule', () => {
    const lines = formatRulesText(ALL_RULES).trimEnd().split('\n');
    assert.equal(lines.length, ALL_RULES.length * 2);
    ALL_RULES.forEach((meta, index) => {
      assert.match(lines[index * 2] ?? '', new RegExp(`^${meta.id} +⟦${meta.defaultSeverity}⟧ `));
      assert.match(lines[index * 2 + 1] ?? '', /^ +⟦sources: .*⟧$/);
    });
  });

  it('the design review: scorecard, notes, inventory, areas and capacity of every example', () => {
    for (const name of EXAMPLES) {
      const r = review(name);
      const texts = [
        ...r.scorecard.flatMap((item) => [item.label, item.detail, ...(/^\d+$/.test(item.value) ? [] : [item.value])]),
        ...r.notModelled,
        ...r.inventory.map((entry) => entry.label),
        ...r.areas.map((area) => area.title),
        ...r.clusters.flatMap((cluster) => [...cluster.bars.map((bar) => bar.label), ...cluster.figures.flatMap((figure) => [figure.label, ...(figure.label === '⟦Failover hosts⟧' ? [] : [figure.value])])]),
      ].filter((text) => text !== '');
      assert.ok(texts.length > 15, name);
      assert.deepEqual(texts.filter((text) => !wrapped(text)), [], name);
    }
  });

  it('the design review in HTML: every text node but the design\'s own words and the rules\' documentation', () => {
    for (const name of EXAMPLES) {
      const r = review(name);
      const data = new Set<string>([r.title, ...r.areas.flatMap((area) => area.rules.flatMap((rule) => [rule.title, rule.id, rule.description, `(${rule.count})`]))].map(escapeXml));
      const html = reviewToHtml(r);
      const texts = htmlTexts(html).filter((text) => !data.has(text) && !/^\d+$/.test(text));
      assert.ok(texts.length > 30, name);
      assert.deepEqual(texts.filter((text) => !wrapped(text)), [], name);
      assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/, 'qps-ploc has no bundle: the page stays English');
    }
  });

  it('the design review in Markdown: headings, scorecard cells, capacity rows and the footer', () => {
    const r = review('seed-000-fq1616r');
    const md = reviewToMarkdown(r);
    const lines = md.split('\n');
    const headings = lines.filter((line) => /^#{1,3} /.test(line)).map((line) => line.replace(/^#+ /, ''));
    assert.deepEqual(headings.filter((heading) => !heading.startsWith('⟦')), []);
    const scoreRows = lines.filter((line) => /^\| (✅|⚠️|❌|➖) /.test(line));
    assert.equal(scoreRows.length, 7);
    for (const row of scoreRows) {
      const cells = row.slice(2, -2).split(' | ').map((cell) => cell.replace(/^(✅|⚠️|❌|➖) /, ''));
      assert.deepEqual(cells.filter((cell) => !/^⟦.*⟧$/.test(cell) && !/^\d+$/.test(cell)), [], row);
    }
    assert.ok(lines.some((line) => /^\| ⟦Now⟧ \| ⟦\d+%⟧ \| ⟦\d+%⟧ \|$/.test(line)));
    assert.ok(lines.some((line) => /^#### ⟦⟦Warning⟧: .*⟧$/.test(line)), 'a rule heading');
    assert.ok(lines.some((line) => /^- ⟦Line \d+: /.test(line)), 'a finding line');
    assert.match(lines.at(-2) ?? '', /^⟦Written by VTopo 9\.9\.9 from seed-000-fq1616r\.vtopo\.⟧$/);
  });

  it('the timeline\'s label and legend', () => {
    const text = example('seed-000-fq1616r');
    const { topology } = analyzeText(text);
    const result = simulateScenario(topology, componentFailureScenario({ kind: 'host', id: 'esx-01' }, 0));
    const view = buildSimulationView({ kind: 'failure', design: 'seed.vtopo', result, priorities: restartPriorities(topology) });
    assert.ok(view.timeline);
    const svg = view.timeline ? timelineSvg(view.timeline) ?? '' : '';
    assert.match(svg, /aria-label="⟦Downtime timeline⟧"/);
    const legend = [...svg.matchAll(/<rect x="\d+(?:\.\d+)?" y="\d+" width="12" height="10" fill="#[0-9a-f]+"\/><text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    assert.deepEqual(legend, ['⟦down⟧', '⟦running, unreachable⟧', '⟦booting⟧', '⟦takeover⟧', '⟦migrating⟧']);
  });
});

describe('CLI and design review texts in Simplified Chinese', () => {
  before(() => useLanguage('zh-cn', BUNDLE));
  after(() => useLanguage('en', undefined));

  it('vtopo check prints Chinese severities and summary', async () => {
    const { inputs, errors } = await readInputs(['examples/iscsi-av100-g6.vtopo'], nodeFileSystem(REPOSITORY_ROOT));
    const lines = formatText(checkInputs(inputs, errors)).trimEnd().split('\n');
    assert.equal(lines.at(-1), '1 个文件：2 个错误、2 个警告、2 条提示');
    const findingLines = lines.filter((line) => line.startsWith('examples/'));
    assert.ok(findingLines.length >= 6);
    for (const line of findingLines) assert.match(line, /^examples\/iscsi-av100-g6\.vtopo:\d+:\d+: (错误|警告|信息|提示) .*\[[a-z0-9-]+\]$/);
    assert.ok(findingLines.every((line) => CJK.test(line.replace(/^[^ ]+ \S+ /, ''))), 'the messages are Chinese too');
  });

  it('help, usage errors and the problems of inputs are Chinese', async () => {
    const general = helpText();
    assert.match(general, /^vtopo：检查高可用虚拟化设计（\.vtopo 文件）\n\n用法：\n {2}vtopo check FILE\|DIRECTORY\.\.\. \[--format text\|json\|sarif\] \[--fail-on LEVEL\]\n/);
    assert.doesNotMatch(general, /Usage:|Commands:|Exit codes:/);
    for (const topic of COMMANDS) {
      assert.ok(CJK.test(helpText(topic)), topic);
      assert.doesNotMatch(helpText(topic), /Usage:|Options:|Exit codes:/, topic);
    }
    assert.equal(usageErrorOf(['check', 'a.vtopo', '--format', 'xml']), '--format 的值“xml”无效：应为 text、json、sarif');
    assert.equal(usageHint('check'), "运行 'vtopo help check' 查看用法。");
    const { errors } = await readInputs(['no-such.vtopo'], nodeFileSystem(REPOSITORY_ROOT));
    assert.deepEqual(errors, [{ path: 'no-such.vtopo', message: '文件或目录不存在' }]);
  });

  it('vtopo rules names the severity in Chinese', () => {
    const [first, second] = formatRulesText(ALL_RULES).split('\n');
    assert.match(first ?? '', /^syntax +错误 {2}\S/);
    assert.match(second ?? '', /^ +依据：/);
  });

  it('the design review\'s scorecard, notes and capacity figures are Chinese', () => {
    const r = review('seed-000-fq1616r');
    assert.deepEqual(r.scorecard.map((item) => `${item.label}｜${item.value}`), [
      '单点故障｜3',
      'N-1：一台主机故障｜所有虚拟机均可重启；余量 73%',
      'N-2：两台主机故障｜1 组中有 1 组使虚拟机停止运行',
      '准入控制｜1 个集群满足',
      '故障域｜未说明',
      '网络（LAN）｜2 台主机存在单点',
      '问题｜7 个警告',
    ]);
    for (const item of r.scorecard) assert.ok(CJK.test(item.detail), item.id);
    for (const gap of r.notModelled) assert.ok(CJK.test(gap), gap);
    assert.deepEqual(r.inventory.map((entry) => entry.label), ['集群', '主机', '虚拟机', '交换机', '存储阵列', '数据存储']);
    assert.deepEqual(r.clusters[0]?.figures.map((figure) => `${figure.label}：${figure.value}`), ['策略：集群资源百分比', '故障切换容量：CPU 98%，内存 93%', '预留：CPU 50%，内存 50%', '可供新虚拟机使用：CPU 48%，内存 43%']);
  });

  it('the HTML review says it is Chinese, and its headings are', () => {
    const html = reviewToHtml(review('seed-000-fq1616r'));
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.match(html, /<h1>设计评审：Seed 000 - VMware HA on an FQ1616R FC SAN<\/h1>/);
    const sections = [...html.matchAll(/<section id="([^"]+)">\n<h2>([^<]+)<\/h2>/g)].map((m) => `${m[1]}: ${m[2]}`);
    assert.deepEqual(sections, ['scorecard: 评分卡', 'topology: 拓扑', 'capacity: 容量与故障切换', 'sweep: N-1 故障遍历', 'findings: 问题']);
    assert.match(html, /<thead><tr><th>结论<\/th><th>检查项<\/th><th>结果<\/th><th>含义<\/th><\/tr><\/thead>/);
    assert.doesNotMatch(html, /What this review does not cover|Scorecard|Written by VTopo/);
  });
});

// ------------------------------------------------------------------------ snapshots

const SNAPSHOTS = join(REPOSITORY_ROOT, 'test', 'unit', 'cli', 'snapshots');

/** The day a design without analysis.asOf is judged on (today) as a placeholder. */
function stable(text: string): string {
  const today = new Date().toISOString().slice(0, 10);
  return text.split(today).join('{today}');
}

/** Compares `actual` to the committed snapshot, or writes it with UPDATE_SNAPSHOTS=1. */
function matchesSnapshot(actual: string, file: string): void {
  const path = join(SNAPSHOTS, file);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(path)) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(path, actual);
    if (process.env.UPDATE_SNAPSHOTS !== '1') assert.fail(`${file} did not exist: written, check it and commit it`);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `${file} (UPDATE_SNAPSHOTS=1 rewrites it)`);
}

describe('CLI output snapshots in English and Simplified Chinese', () => {
  after(() => useLanguage('en', undefined));

  for (const name of ['seed-000-fq1616r', 'iscsi-av100-g6']) {
    it(`vtopo check examples/${name}.vtopo`, async () => {
      const english = await runInDirectory(REPOSITORY_ROOT, ['check', `examples/${name}.vtopo`]);
      const chinese = await runInDirectory(REPOSITORY_ROOT, ['--lang', 'zh-cn', 'check', `examples/${name}.vtopo`]);
      assert.equal(english.stderr + chinese.stderr, '');
      assert.match(english.stdout, /^1 file, \d+ errors?, \d+ warnings?/m);
      assert.match(chinese.stdout, /^1 个文件：/m);
      matchesSnapshot(english.stdout, `check-${name}.en.txt`);
      matchesSnapshot(chinese.stdout, `check-${name}.zh-cn.txt`);
    });
  }

  it('vtopo report examples/seed-000-fq1616r.vtopo --format md', async () => {
    const args = ['report', 'examples/seed-000-fq1616r.vtopo', '--format', 'md'];
    const english = await runInDirectory(REPOSITORY_ROOT, args);
    const chinese = await runInDirectory(REPOSITORY_ROOT, ['--lang', 'zh-cn', ...args]);
    assert.equal(english.exitCode + chinese.exitCode, 0);
    assert.match(english.stdout, /^# Design review: /);
    assert.match(chinese.stdout, /^# 设计评审：/);
    matchesSnapshot(stable(english.stdout), 'report-seed-000-fq1616r.en.md');
    matchesSnapshot(stable(chinese.stdout), 'report-seed-000-fq1616r.zh-cn.md');
  });
});
