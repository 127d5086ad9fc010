// The simulator's texts and everything that presents a simulation come from catalogs
// (docs/l10n.md): under pseudo-localization every text the simulator, the results panel's
// view model and `vtopo simulate` produce is wrapped in ⟦ ⟧ (one built outside a catalog is
// not, and fails here); with the Chinese bundle the same outputs read in Chinese.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../src/core/analysis/engine';
import type { Topology } from '../../../src/core/model/topology';
import { useLanguage } from '../../../src/core/l10n/messages';
import { componentFailureScenario, hostFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import { singleFailureTargets, sweep } from '../../../src/core/simulation/sweep';
import { planMaintenance } from '../../../src/core/simulation/maintenance';
import { simulateMigration } from '../../../src/core/simulation/migration';
import { recommendBalance } from '../../../src/core/simulation/balance';
import type { SimulationResult } from '../../../src/core/simulation/types';
import { buildSimulationView, type SimulationReport, type SimulationView } from '../../../src/core/view/simulation-view';
import { reportToMarkdown } from '../../../src/core/view/simulation-export';
import { componentTargets, haClusterTargets, hostTargets, restartPriorities, unknownElementMessage, vmTargets } from '../../../src/core/view/simulation-targets';
import { REPOSITORY_ROOT, runInDirectory, SEED_000 } from '../cli/harness';
import { worstSingleHostFailure } from '../../../src/core/capacity/n1';
import { lanVerdict, n1StatusText } from '../../../src/core/capacity/status';

const EXAMPLES = readdirSync(join(REPOSITORY_ROOT, 'examples')).filter((name) => name.endsWith('.vtopo')).sort();

function load(name: string): Topology {
  return analyzeText(readFileSync(join(REPOSITORY_ROOT, 'examples', name), 'utf8')).topology;
}

const WRAPPED = /^⟦[\s\S]*⟧$/;

/** Every text of a view that is a sentence or a label (not an id, a number or a time alone). */
function viewTexts(view: SimulationView): string[] {
  return [
    view.title,
    ...view.summary.map((item) => item.label),
    ...view.notes,
    ...view.tables.flatMap((table) => [table.caption, ...table.columns.map((column) => column.label)]),
    ...(view.timeline?.groups.flatMap((group) => [group.label, ...group.rows.flatMap((row) => [row.outcome, ...row.segments.map((segment) => segment.label)])]) ?? []),
    ...(view.timeline?.marks.map((mark) => mark.label) ?? []),
  ];
}

function unwrapped(texts: readonly string[]): string[] {
  return texts.filter((text) => text !== '' && !WRAPPED.test(text));
}

describe('simulation texts under pseudo-localization', () => {
  before(() => useLanguage('qps-ploc', {}, { pseudoLocalize: true }));
  after(() => useLanguage('en', undefined));

  it('every event, outcome and view text of every single failure of every example comes from a catalog', () => {
    let events = 0;
    for (const name of EXAMPLES) {
      const topology = load(name);
      const priorities = restartPriorities(topology);
      for (const target of singleFailureTargets(topology)) {
        const result = simulateScenario(topology, componentFailureScenario(target));
        events += result.events.length;
        const report: SimulationReport = { kind: 'failure', design: name, result, priorities };
        const view = buildSimulationView(report);
        const bad = [
          ...unwrapped(result.events.map((event) => event.message)),
          ...unwrapped(outcomeTexts(result)),
          ...unwrapped(viewTexts(view)),
          // The outcome column of the VM table.
          ...unwrapped(view.tables[0]?.rows.map((row) => row.cells[3]?.text ?? '') ?? []),
        ];
        assert.deepEqual(bad, [], `${name}, ${target.kind} ${target.id}`);
      }
    }
    assert.ok(events > 500, `only ${events} events`);
  });

  it('an isolated host and a host failure with the horizon are all catalog text', () => {
    const topology = load('seed-000-fq1616r.vtopo');
    const isolated = simulateScenario(topology, { name: 'isolation', steps: [{ action: 'isolate', host: 'esx-01', atSeconds: 5 }], horizonSeconds: 900 });
    const failed = simulateScenario(topology, { ...hostFailureScenario('esx-01'), horizonSeconds: 300 });
    for (const result of [isolated, failed]) {
      assert.ok(result.events.length > 0);
      assert.deepEqual(unwrapped(result.events.map((event) => event.message)), []);
      const view = buildSimulationView({ kind: 'failure', design: 'seed', result, priorities: restartPriorities(topology) });
      // The title is the scenario's name, given here by the test itself.
      assert.deepEqual(unwrapped(viewTexts(view).slice(1)), []);
    }
  });

  it('migration, maintenance, sweep and balance views are all catalog text', () => {
    const topology = load('seed-000-fq1616r.vtopo');
    const attempt = simulateMigration(topology, 'sql-01', 'esx-02');
    assert.equal(attempt.kind, 'migrated');
    const refused = simulateMigration(topology, 'web-01', 'esx-01');
    assert.equal(refused.kind, 'refused');
    if (refused.kind === 'refused') assert.deepEqual(unwrapped(refused.refusals.map((refusal) => refusal.reason)), []);
    const reports: SimulationReport[] = [
      ...(attempt.kind === 'migrated' ? [{ kind: 'migration' as const, design: 'seed', migration: attempt.migration }] : []),
      { kind: 'maintenance', design: 'seed', maintenance: planMaintenance(topology, 'esx-01') },
      { kind: 'sweep', design: 'seed', mode: 'n-1', rows: sweep(topology, { mode: 'n-1' }) },
      { kind: 'balance', design: 'seed', balance: recommendBalance(topology, 'prod') },
    ];
    for (const report of reports) {
      const view = buildSimulationView(report);
      assert.deepEqual(unwrapped(viewTexts(view)), [], report.kind);
      assert.match(reportToMarkdown(report), /^# ⟦/);
    }
  });
});

describe('the simulation targets under pseudo-localization', () => {
  before(() => useLanguage('qps-ploc', {}, { pseudoLocalize: true }));
  after(() => useLanguage('en', undefined));

  it('every target group and description of every example, and the unknown element message, come from catalogs', () => {
    let targets = 0;
    for (const name of EXAMPLES) {
      const topology = load(name);
      const all = [...hostTargets(topology), ...componentTargets(topology)];
      targets += all.length;
      // A description is one catalog text or a list of them (a count, the memory): each part is wrapped.
      const parts = all.flatMap((target) => [target.group, ...listParts(target.description)]);
      assert.deepEqual(unwrapped(parts), [], name);
      assert.deepEqual(unwrapped([...vmTargets(topology), ...haClusterTargets(topology)].flatMap((target) => listParts(target.description))), [], name);
      assert.match(unknownElementMessage(topology, 'switch', 'nope'), WRAPPED);
    }
    assert.ok(targets > 100, `only ${targets} targets`);
  });
});

describe('the N-1 status bar under pseudo-localization', () => {
  before(() => useLanguage('qps-ploc', {}, { pseudoLocalize: true }));
  after(() => useLanguage('en', undefined));

  it('its text (after the codicon) and every line of its tooltip come from a catalog, for every example', () => {
    for (const name of EXAMPLES) {
      const analysis = analyzeText(readFileSync(join(REPOSITORY_ROOT, 'examples', name), 'utf8'));
      const status = n1StatusText(worstSingleHostFailure(analysis.topology), 15, lanVerdict(analysis.topology, analysis.findings));
      const text = status.text.replace(/^\$\([a-z-]+\) /, '');
      assert.deepEqual(unwrapped([text, ...status.tooltip.split('\n')]), [], name);
    }
    const none = n1StatusText({ clusters: [], cannotRestartCount: 0 }, 15);
    assert.deepEqual(unwrapped([none.text.replace(/^\$\([a-z-]+\) /, ''), none.tooltip]), []);
  });
});

/** The items of a list joined by formatList under pseudo-localization (`⟦a⟧⟦, ⟧⟦b⟧`), split at its own separators only. */
function listParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    if (depth === 0 && text.startsWith('⟦, ⟧', index)) {
      parts.push(text.slice(start, index));
      index += '⟦, ⟧'.length - 1;
      start = index + 1;
      continue;
    }
    if (text[index] === '⟦') depth++;
    else if (text[index] === '⟧') depth--;
  }
  parts.push(text.slice(start));
  return parts;
}

function outcomeTexts(result: SimulationResult): string[] {
  return result.vms.flatMap((vm) => {
    const outcome = vm.outcome;
    if (outcome.kind === 'down' || outcome.kind === 'unreachable') return [outcome.detail];
    if (outcome.kind === 'kept-running') return [outcome.note];
    return [];
  });
}

describe('the results panel script', () => {
  it('passes no literal text to the page: headings, buttons, tabs, legends, tooltips and aria labels come from PANEL_TEXTS', () => {
    const source = readFileSync(join(REPOSITORY_ROOT, 'webview', 'simulation.ts'), 'utf8');
    const literalText = [
      /html\('[a-z0-9]+', (?:'|`(?!\$\{))/g, // an element's text (a template may start with a catalog text)
      /svgText\(chart, [^,]+, [^,]+, ['`]/g, // a chart's text
      /tooltip\([a-z]+, ['`]/g,
      /setAttribute\('aria-label', ['`]/g,
      /exportButton\(['`]/g,
      /label: ['`]/g, // a tab
      /\['[a-z-]+', '[^']*'\]/g, // a legend entry: [class, text]
    ];
    const found = literalText.flatMap((pattern) => source.match(pattern) ?? []);
    // The capacity chart's 100% tick is a number.
    assert.deepEqual(found.filter((match) => !match.startsWith('svgText(chart, x(1)')), []);
    assert.match(source, /PANEL_TEXTS as T/);
  });
});

const CJK = /[\u4e00-\u9fff]/;
const SNAPSHOTS = join(REPOSITORY_ROOT, 'test', 'unit', 'cli', 'snapshots');

describe('simulation texts in Chinese', () => {
  const bundle: Record<string, string> = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
  before(() => useLanguage('zh-cn', bundle));
  after(() => useLanguage('en', undefined));

  it('a host failure reads in Chinese: title, events, outcomes and labels', () => {
    const topology = load('seed-000-fq1616r.vtopo');
    const result = simulateScenario(topology, hostFailureScenario('esx-01'));
    const view = buildSimulationView({ kind: 'failure', design: 'seed', result, priorities: restartPriorities(topology) });
    assert.equal(view.title, '主机“esx-01”发生故障');
    assert.equal(result.events[0]?.message, '主机“esx-01”发生故障。');
    assert.equal(result.events.find((event) => event.kind === 'host-declared-failed')?.message, '主机“esx-01”在 15 秒内没有心跳，被宣告故障（failureTimeoutSeconds）。');
    assert.deepEqual(view.summary.slice(0, 2).map((item) => item.label), ['受影响的虚拟机', '已重启']);
    assert.equal(view.tables[1]?.caption, '事件日志');
    for (const event of result.events) {
      assert.match(event.message, CJK, event.message);
      // No English sentence left: no run of three English words.
      assert.doesNotMatch(event.message, /\b[a-z]{3,} [a-z]{2,} [a-z]{2,}\b/, event.message);
    }
  });

  it('the N-1 status bar reads in Chinese', () => {
    const status = n1StatusText(
      { clusters: [{ clusterId: 'prod', hostCount: 2, worst: { failedHostId: 'esx-01', survivingHostCount: 1, protectedVmIds: ['a', 'b'], restartHostByVm: new Map(), cannotRestartByReservation: ['a', 'b'], cannotRestartByConfiguredSize: [], cannotRestart: ['a', 'b'], cpuHeadroomPercent: 20, memoryHeadroomPercent: -5 } }], cannotRestartCount: 2 },
      15,
    );
    assert.equal(status.text, '$(warning) N-1：2 台虚拟机无法重启');
    assert.equal(status.tooltip, '集群“prod”：如果“esx-01”发生故障，2 台受保护的虚拟机无法重启：“a”、“b”；剩余余量：CPU 20%，内存 -5%（阈值 15%）。\n单击以打开“问题”面板。');
  });

  it('vtopo simulate --lang zh-cn prints the Chinese snapshot; without it, the English one', async () => {
    for (const [language, args] of [['en', []], ['zh-cn', ['--lang', 'zh-cn']]] as const) {
      const run = await runInDirectory(REPOSITORY_ROOT, ['simulate', SEED_000, '--fail', 'host:esx-01', ...args]);
      assert.equal(run.exitCode, 0);
      assert.equal(run.stderr, '');
      assert.equal(run.stdout, readFileSync(join(SNAPSHOTS, `simulate-host-failure.${language}.txt`), 'utf8'), language);
      if (language === 'zh-cn') {
        assert.match(run.stdout, /^主机“esx-01”发生故障\n设计：seed-000-fq1616r\.vtopo\n/);
        // Every line but the ids and event kinds is Chinese: no run of three English words.
        assert.doesNotMatch(run.stdout, /\b[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}\b/);
      }
    }
    const unknown = await runInDirectory(REPOSITORY_ROOT, ['simulate', SEED_000, '--fail', 'switch:fc-z', '--lang', 'zh-cn']);
    assert.deepEqual(unknown, { exitCode: 2, stdout: '', stderr: `vtopo: ${SEED_000}: 未知的交换机“fc-z”：该设计中的交换机有 fc-a、fc-b、lan-1、lan-2\n` });
  });
});
