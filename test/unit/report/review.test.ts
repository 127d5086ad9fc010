import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderReview } from '../../../src/core/report/formats';
import { reviewToHtml } from '../../../src/core/report/html';
import { reviewToMarkdown } from '../../../src/core/report/markdown';
import { analyzeText } from '../../../src/core/analysis/engine';
import { MAX_DRAWN_DEVICES, reviewPicture } from '../../../src/core/report/picture';
import { componentFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import { buildDiagram } from '../../../src/core/view/diagram';
import { restartPriorities } from '../../../src/core/view/simulation-targets';
import { buildReview, type DesignReview } from '../../../src/core/report/review';

const TODAY = '2026-12-04';
const example = (name: string) => readFileSync(`examples/${name}.vtopo`, 'utf8');
const review = (text: string, fileName = 'design.vtopo'): DesignReview => buildReview(text, { fileName, version: '9.9.9', analysis: { today: TODAY } });
const verdicts = (r: DesignReview) => Object.fromEntries(r.scorecard.map((item) => [item.id, `${item.verdict}: ${item.value}`]));

/** A design whose name and a dangling reference carry markup: the review must show them as text. */
const HOSTILE = [
  'vtopo: 1',
  'name: "<img src=x onerror=alert(1)> | **bold** [link](https://evil.example)"',
  'clusters:',
  '  prod: { ha: { enabled: true } }',
  'hosts:',
  '  esx-01: { cluster: prod, cpu: { cores: 16, speedMHz: 2400 }, memoryGB: 256 }',
  '  esx-02: { cluster: prod, cpu: { cores: 16, speedMHz: 2400 }, memoryGB: 256 }',
  'vms:',
  '  web-01: { host: "<script>alert(1)</script>", memoryGB: 8 }',
  '',
].join('\n');

describe('design review: the scorecard', () => {
  it('judges the seed design: one array and one LAN card per host, N-1 met, nothing about domains', () => {
    const r = review(example('seed-000-fq1616r'));
    assert.deepEqual(verdicts(r), {
      spof: 'warn: 3',
      'n-1': 'pass: every VM restarts; 73% headroom',
      'n-2': 'warn: 1 of 1 pair leaves VMs down',
      'admission-control': 'pass: met in 1 cluster',
      domains: 'info: not stated',
      network: 'fail: single point on 2 hosts',
      findings: 'warn: 7 warnings',
    });
    assert.match(r.scorecard[0]?.detail ?? '', /^array fq1616r, adapter esx-01\/nic1, adapter esx-02\/nic1: /);
    assert.ok(r.notModelled.some((gap) => gap.startsWith('No site, rack, chassis or power feed is stated')));
    assert.deepEqual(r.inventory.map((entry) => `${entry.count} ${entry.label}`), ['1 Clusters', '2 Hosts', '4 VMs', '4 Switches', '1 Storage arrays', '2 Datastores']);
  });

  it('finds the rack that takes both fabric switches with it', () => {
    const r = review(example('racks-and-power'));
    const domains = r.scorecard.find((item) => item.id === 'domains');
    assert.equal(domains?.verdict, 'fail');
    assert.match(domains?.detail ?? '', /rack r01/);
  });

  it('passes a stretched design whose sites, racks and feeds all survive', () => {
    const r = review(example('hyperv-metro'));
    assert.equal(verdicts(r).domains, 'pass: all 6 survived');
    assert.equal(verdicts(r).spof, 'pass: none');
    assert.equal(verdicts(r).findings, 'pass: none');
  });

  it('shows the single inter-room switch no rule flags: the sweep finds it', () => {
    const r = review(example('hyperv-two-rooms'));
    const spof = r.scorecard.find((item) => item.id === 'spof');
    assert.equal(spof?.verdict, 'fail');
    assert.match(spof?.detail ?? '', /switch core-a1/);
    assert.equal(verdicts(r).findings, 'pass: none');
  });
});

describe('design review: sections', () => {
  it('lists findings by area, worst first, with explanations, fixes and lines', () => {
    const r = review(example('iscsi-av100-g6'));
    const all = r.areas.flatMap((area) => area.rules);
    assert.ok(all.length > 0);
    for (const area of r.areas) {
      const order = area.rules.map((rule) => ['error', 'warning', 'info', 'hint'].indexOf(rule.severity));
      assert.deepEqual(order, [...order].sort((a, b) => a - b), area.title);
    }
    const errors = all.filter((rule) => rule.severity === 'error');
    assert.equal(errors.reduce((sum, rule) => sum + rule.count, 0), 2);
    for (const rule of all) {
      assert.ok(rule.description.length > 40, rule.id);
      for (const finding of rule.findings) assert.ok(finding.line >= 1, rule.id);
    }
  });

  it('gives each HA cluster its admission control figures and its use before and after the worst failure', () => {
    const [cluster] = review(example('seed-000-fq1616r')).clusters;
    assert.equal(cluster?.cluster, 'prod');
    assert.deepEqual(cluster?.figures.map((figure) => figure.label), ['Policy', 'Failover capacity', 'Reserved', 'Available for new VMs']);
    assert.deepEqual(cluster?.bars.map((bar) => bar.label), ['Now', 'esx-01 failed']);
    const [now, after] = cluster?.bars ?? [];
    assert.ok(now && after && after.memoryPercent > now.memoryPercent, 'memory use grows when a host is lost');
    assert.equal(Math.round(100 - (after?.memoryPercent ?? 0)), 73);
  });

  it('lists the sweep cases that affect VMs, worst first', () => {
    const { sweep } = review(example('seed-000-fq1616r'));
    assert.equal(sweep.cases, 27);
    assert.equal(sweep.felt, 5);
    assert.deepEqual(sweep.table.rows.map((row) => row.cells[1]?.text), ['array fq1616r', 'adapter esx-01/nic1', 'adapter esx-02/nic1', 'host esx-01', 'host esx-02']);
  });

  it('draws the topology as SVG, each host box apart from the other', () => {
    const { picture } = review(example('seed-000-fq1616r'));
    assert.equal(picture.kind, 'svg');
    if (picture.kind !== 'svg') return;
    assert.match(picture.svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const label of ['esx-01', 'esx-02', 'fc-a (A)', 'fc-b (B)', 'vmfs-01']) assert.ok(picture.svg.includes(`>${label}</text>`), label);
  });

  it('says how many devices kept a large design from being drawn', () => {
    const hosts = Array.from({ length: MAX_DRAWN_DEVICES + 1 }, (_, i) => `  esx-${i}: { cluster: prod, cpu: { cores: 16, speedMHz: 2400 }, memoryGB: 256 }`);
    const { topology } = analyzeText(['vtopo: 1', 'clusters:', '  prod: {}', 'hosts:', ...hosts, ''].join('\n'));
    const picture = reviewPicture(buildDiagram(topology, []));
    assert.deepEqual(picture, { kind: 'omitted', devices: MAX_DRAWN_DEVICES + 1 });
  });
});

describe('design review: HTML', () => {
  const html = reviewToHtml(review(example('seed-000-fq1616r'), 'seed-000-fq1616r.vtopo'));

  it('has the sections in order, one page, no script and nothing to load', () => {
    const sections = [...html.matchAll(/<section id="([^"]+)">\n<h2>([^<]+)<\/h2>/g)].map((m) => `${m[1]}: ${m[2]}`);
    assert.deepEqual(sections, ['scorecard: Scorecard', 'topology: Topology', 'capacity: Capacity and failover', 'sweep: N-1 failure sweep', 'findings: Findings']);
    assert.doesNotMatch(html, /<script|javascript:|\son[a-z]+=/i);
    assert.doesNotMatch(html, /\s(src|href|xlink:href)=/i);
    assert.doesNotMatch(html, /url\(/i);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.match(html, /@media print/);
  });

  it('shows markup in the design as text', () => {
    const hostile = reviewToHtml(review(HOSTILE));
    assert.doesNotMatch(hostile, /<img|<script/i);
    assert.match(hostile, /<h1>Design review: &lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(hostile, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('draws the timeline of each simulation added, with its tables', () => {
    const text = example('seed-000-fq1616r');
    const { topology } = analyzeText(text);
    const result = simulateScenario(topology, componentFailureScenario({ kind: 'host', id: 'esx-01' }, 0));
    const withSimulation = reviewToHtml(buildReview(text, { fileName: 'seed.vtopo', version: '9.9.9', analysis: { today: TODAY }, simulations: [{ kind: 'failure', design: 'seed.vtopo', result, priorities: restartPriorities(topology) }] }));
    const section = withSimulation.slice(withSimulation.indexOf('<section id="simulations">'));
    assert.match(section, /^<section id="simulations">\n<h2>Simulations<\/h2>\n<h3>Host esx-01 fails<\/h3>/);
    assert.match(section, /<svg [^>]*aria-label="Downtime timeline">/);
    for (const vm of ['vcenter', 'sql-01', 'web-02']) assert.match(section, new RegExp(`<text x="16" y="\\d+" fill="#1f1f1f">${vm}</text>`), vm);
    assert.match(section, /<caption class="meta">VMs<\/caption>/);
    assert.match(section, /<caption class="meta">Event log<\/caption>/);
  });

  it('is the same bytes for the same input', () => {
    const text = example('racks-and-power');
    assert.equal(renderReview(review(text), 'html'), renderReview(review(text), 'html'));
    assert.equal(renderReview(review(text), 'md'), renderReview(review(text), 'md'));
  });
});

describe('design review: Markdown', () => {
  it('has the same sections, as headings and pipe tables', () => {
    const md = reviewToMarkdown(review(example('seed-000-fq1616r')));
    const headings = md.split('\n').filter((line) => /^##? /.test(line));
    assert.deepEqual(headings, ['# Design review: Seed 000 - VMware HA on an FQ1616R FC SAN', '## Scorecard', '## Topology', '## Capacity and failover', '## N-1 failure sweep', '## Findings']);
    assert.match(md, /^\| ⚠️ Warning \| Single points of failure \| 3 \| /m);
  });

  it('cannot be turned into links, images, HTML or extra table cells by the design', () => {
    const md = reviewToMarkdown(review(HOSTILE));
    assert.match(md, /^# Design review: \\<img src=x onerror=alert\(1\)\\> \| \\\*\\\*bold\\\*\\\* \\\[link\\\]\(https:\/\/evil\.example\)$/m);
    assert.doesNotMatch(md, /(?<!\\)<(img|script)/);
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
      const unescapedPipes = line.replace(/\\\|/g, '').split('|').length - 1;
      const header = md.split('\n').find((l) => l.startsWith('| ') && l.split('|').length === line.split('|').length);
      assert.ok(unescapedPipes >= 2 && header !== undefined, line);
    }
  });
});
