// The designer's and the preview's texts come from catalogs (docs/l10n.md): a pseudo-localized
// run of their code on the examples finds any text built outside a catalog, a scan of the
// webview code finds literal texts handed to the page, and the real zh-cn bundle gives
// Chinese texts.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { editsForIntent, type DesignIntent, type IntentBody } from '../../../src/core/edit/intents';
import { useLanguage } from '../../../src/core/l10n/messages';
import { hostFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import { documentSummary, selectionAnnouncement } from '../../../src/core/view/designer-announce';
import { COMMANDS, commandSpec, commandTitle, shortcutHelp } from '../../../src/core/view/designer-commands';
import { compactDiagram, vmCountLabel } from '../../../src/core/view/designer-compact';
import { containerView, heldIn, heldSummary } from '../../../src/core/view/designer-containers';
import { contextMenuItems, MENU_WORDS } from '../../../src/core/view/designer-context-menu';
import { cableBetween, describeIntent, linkEndFor } from '../../../src/core/view/designer-model';
import { paletteElement } from '../../../src/core/view/designer-palette';
import { cutOffBadge, describePlaybackState, formatSeconds, playbackFromResult, playbackStateAt, type PlaybackState } from '../../../src/core/view/designer-playback';
import { DESIGNER_TEXTS, kindName, PREVIEW_TEXTS, severityName } from '../../../src/core/view/designer-texts';
import { buildDiagram, type Diagram } from '../../../src/core/view/diagram';
import { LABEL_FONT_PX, labelSize } from '../../../src/core/view/diagram-sizes';
import { suggestedCables, withSuggestedCables } from '../../../src/core/view/diagram-suggestions';

const EXAMPLES = readdirSync('examples').filter((name) => name.endsWith('.vtopo')).map((name) => ({ name, text: readFileSync(`examples/${name}`, 'utf8') }));
const SEED = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
const RACKS = readFileSync('examples/racks-and-power.vtopo', 'utf8');

function picture(text: string): { diagram: Diagram; descriptions: Set<string> } {
  const { topology, findings } = analyzeText(text);
  const diagram = withSuggestedCables(buildDiagram(topology, findings), suggestedCables(text, topology, findings), topology);
  // Descriptions are the file's own words, shown as written.
  const descriptions = new Set([...topology.sites, ...topology.racks, ...topology.powerFeeds].flatMap((element) => (element.description !== undefined ? [element.description] : [])));
  return { diagram, descriptions };
}

function intent(body: IntentBody): DesignIntent {
  return { baseVersion: 1, ...body } as DesignIntent;
}

function rejection(text: string, body: IntentBody): string {
  const result = editsForIntent(text, intent(body));
  assert.ok('rejected' in result, `expected a rejection of ${JSON.stringify(body)}`);
  return result.rejected;
}

/** Intents of every type, and refusals of each kind, on the seed design. */
const INTENTS: readonly IntentBody[] = [
  { type: 'add-element', element: { kind: 'host', id: 'esx-09', cluster: 'prod' } },
  { type: 'delete-element', id: 'esx-02' },
  { type: 'rename-element', id: 'web-01', newId: 'web-09' },
  { type: 'set-field', id: 'esx-01', key: 'cpu.cores', value: '32' },
  { type: 'move-vm', vm: 'web-01', host: 'esx-01' },
  { type: 'add-link', from: 'esx-01/hba1/p0', to: 'fc-a' },
  { type: 'delete-link', link: { index: 0 } },
  { type: 'delete-link', link: { from: 'a', to: 'b' } },
  { type: 'set-position', id: 'fc-a', position: { x: 1, y: 2 } },
  { type: 'set-positions', positions: [{ id: 'fc-a', position: { x: 1, y: 2 } }, { id: 'fc-b', position: { x: 3, y: 2 } }] },
  { type: 'set-placement', ids: ['esx-01'], to: { kind: 'rack', id: 'r01' } },
  { type: 'set-placement', ids: ['esx-01', 'esx-02'], to: { kind: 'none' } },
];

const REFUSALS: readonly IntentBody[] = [
  { type: 'add-element', element: { kind: 'host', id: '-bad' } },
  { type: 'add-element', element: { kind: 'switch', id: 'esx-01', switchType: 'fc' } },
  { type: 'add-element', element: { kind: 'vm', id: 'vm-x', host: 'nowhere' } },
  { type: 'add-element', element: { kind: 'host', id: 'esx-09', cluster: 'nowhere' } },
  { type: 'delete-element', id: 'nowhere' },
  { type: 'rename-element', id: 'web-01', newId: 'web-02' },
  { type: 'rename-element', id: 'web-01', newId: 'bad id' },
  { type: 'set-field', id: 'esx-01', key: 'nonsense', value: '1' },
  { type: 'set-field', id: 'esx-01', key: 'cpu', value: 'a\nb' },
  { type: 'move-vm', vm: 'nowhere', host: 'esx-01' },
  { type: 'move-vm', vm: 'web-01', host: 'nowhere' },
  { type: 'add-link', from: 'esx-01/hba1/p0', to: 'esx-01/hba1/p0' },
  { type: 'add-link', from: 'nowhere', to: 'fc-a' },
  { type: 'delete-link', link: { index: 999 } },
  { type: 'delete-link', link: { from: 'esx-01', to: 'web-01' } },
  { type: 'set-positions', positions: [{ id: 'fc-a', position: { x: 1, y: 1 } }, { id: 'fc-a', position: { x: 2, y: 1 } }] },
  { type: 'set-placement', ids: [], to: { kind: 'none' } },
  { type: 'set-placement', ids: ['esx-01'], to: { kind: 'rack', id: 'nowhere' } },
  { type: 'set-placement', ids: ['web-01'], to: { kind: 'none' } },
];

function playbackState(): { state: PlaybackState; seconds: number } {
  const { topology } = analyzeText(SEED);
  const playback = playbackFromResult(simulateScenario(topology, hostFailureScenario('esx-01')), topology);
  const seconds = playback.durationSeconds;
  const state = playbackStateAt(playback, seconds);
  return { state: { ...state, isolated: new Map([['esx-02', 'isolated']]), unreachable: new Set(['web-01']) }, seconds };
}

/** Every text the designer's and preview's code makes from the examples, with where it came from. */
function designerTexts(): Array<readonly [string, string]> {
  const texts: Array<readonly [string, string]> = [];
  const add = (where: string, text: string) => texts.push([where, text]);
  for (const { name, text } of EXAMPLES) {
    const { diagram, descriptions } = picture(text);
    for (const node of diagram.nodes) {
      for (const line of node.details) if (!descriptions.has(line)) add(`${name} ${node.id} details`, line);
      add(`${name} ${node.id} kind`, kindName(node.kind));
      add(`${name} ${node.id} selected`, selectionAnnouncement([node]));
      for (const item of contextMenuItems(node)) add(`${name} ${node.id} menu`, item.label);
      if (node.kind === 'power-feed' && node.label !== node.id) add(`${name} ${node.id} label`, node.label);
      if (node.kind === 'host' || node.kind === 'controller' || node.kind === 'switch' || node.kind === 'port' || node.kind === 'vm') {
        const end = linkEndFor(node, diagram);
        if ('problem' in end) add(`${name} ${node.id} link end`, end.problem);
      }
    }
    for (const edge of diagram.edges) if (edge.kind === 'suggested' || edge.kind === 'power') if (edge.label !== '') add(`${name} ${edge.id} label`, edge.label);
    add(`${name} summary`, documentSummary(name, diagram));
    add(`${name} selection`, selectionAnnouncement(diagram.nodes.slice(0, 2)));
    add(`${name} selection`, selectionAnnouncement([]));
    const compact = compactDiagram(diagram);
    for (const node of compact.diagram.nodes) if (compact.vmsByHost.has(node.id)) add(`${name} ${node.id} compact label`, node.label);
    const containers = diagram.nodes.filter((node) => node.kind === 'site' || node.kind === 'rack' || node.kind === 'chassis');
    if (containers.length > 0) {
      const collapsed = containerView(diagram, { power: true, collapsed: new Set(containers.map((node) => node.id)) });
      const byId = new Map(diagram.nodes.map((node) => [node.id, node]));
      for (const node of collapsed.diagram.nodes) if (containers.some((container) => container.id === node.id)) add(`${name} ${node.id} collapsed label`, node.label);
      for (const edge of collapsed.diagram.edges) if (edge.id.startsWith('collapsed:')) add(`${name} ${edge.id} collapsed edge`, edge.label);
      for (const container of containers) add(`${name} ${container.id} held`, heldSummary(heldIn(container.id, byId)));
    }
  }
  const seed = picture(SEED).diagram;
  const node = (id: string) => seed.nodes.find((candidate) => candidate.id === id);
  const cable = cableBetween(node('esx-01/hba1/p0'), node('esx-01/hba2/p0'), seed);
  if ('problem' in cable) add('seed same-device cable', cable.problem);
  const palette = paletteElement('vm', seed, undefined);
  if ('problem' in palette) add('palette without a host', palette.problem);
  for (const body of INTENTS) add(`describe ${body.type}`, describeIntent(intent(body)));
  for (const body of REFUSALS) add(`refuse ${JSON.stringify(body)}`, rejection(SEED, body));
  add('refuse placing a power feed', rejection(RACKS, { type: 'set-placement', ids: ['ups-a'], to: { kind: 'site', id: 'dc1' } }));
  for (const spec of COMMANDS) {
    add(`${spec.command} label`, spec.label);
    add(`${spec.command} title`, commandTitle(spec));
  }
  for (const line of shortcutHelp()) add('shortcut help', line);
  add('menu name', MENU_WORDS.menuName('esx-01'));
  add('vm count', vmCountLabel(1));
  add('vm count', vmCountLabel(12));
  const { state, seconds } = playbackState();
  add('playback state', describePlaybackState(state, seconds));
  add('playback clock', formatSeconds(3));
  for (const reason of ['isolated', 'partitioned', 'no-quorum'] as const) add('cut-off badge', cutOffBadge(reason));
  add('severity', severityName('warning'));
  add('webview', DESIGNER_TEXTS.loading({}));
  add('webview', DESIGNER_TEXTS.collapsed({ kind: kindName('rack'), id: 'r01', summary: '2' }));
  add('preview', PREVIEW_TEXTS.summary({ title: 't', elements: 1, connections: 2, marked: 3 }));
  return texts;
}

describe('designer and preview texts', () => {
  after(() => useLanguage('en', undefined));

  it('every text the designer builds comes from a catalog (pseudo-localized run on the examples)', () => {
    useLanguage('qps-ploc', {}, { pseudoLocalize: true });
    try {
      const texts = designerTexts();
      assert.ok(texts.length > 500, `only ${texts.length} texts`);
      const kinds = new Set(texts.map(([where]) => where.replace(/^\S+\.vtopo \S+ /, '').replace(/^\S+\.vtopo /, '')));
      for (const expected of ['details', 'menu', 'summary', 'compact label', 'collapsed label', 'held', 'shortcut help', 'playback state']) assert.ok(kinds.has(expected), `no ${expected} texts: ${[...kinds].join(', ')}`);
      const bare = texts.filter(([, text]) => !(text.startsWith('\u27e6') && text.endsWith('\u27e7')));
      assert.deepEqual(bare, [], 'texts built outside a catalog');
    } finally {
      useLanguage('en', undefined);
    }
  });

  it('the webview code hands no literal English text to the page', () => {
    const files = [...readdirSync('webview/designer').map((name) => `webview/designer/${name}`), 'webview/main.ts'].filter((path) => path.endsWith('.ts'));
    // A literal with a word in it, given as a status, an announcement, a label, a title or a text.
    const literal = String.raw`(['\`])[^'\`]*[A-Za-z]{2,}[^'\`]*\1`;
    const sinks = [
      String.raw`(?:setStatus|report|show|announce)\(\s*` + literal,
      String.raw`setAttribute\('(?:aria-label|aria-roledescription|title|placeholder)',\s*` + literal,
      String.raw`(?:textContent|title|placeholder)\s*=\s*` + literal,
      String.raw`\b(?:text|title):\s*` + literal,
      String.raw`(?<![.\w])button\(\s*` + literal,
    ].map((source) => new RegExp(source, 'g'));
    const found: string[] = [];
    for (const path of files) {
      const source = readFileSync(path, 'utf8');
      for (const sink of sinks) for (const match of source.matchAll(sink)) found.push(`${path}: ${match[0]}`);
    }
    assert.deepEqual(found, []);
  });

  it('makes room for the wider Chinese characters of a label', () => {
    const latin = labelSize('host', 'esx-01 (12 VMs)');
    const chinese = labelSize('host', 'esx-01（12 台虚拟机）');
    assert.equal(latin.width, 'esx-01 (12 VMs)'.length * LABEL_FONT_PX.host * 0.6, 'a Latin label: its length in average characters, as before');
    assert.ok(chinese.width > latin.width, `${chinese.width} > ${latin.width}`);
  });

  it('speaks Simplified Chinese with the zh-cn bundle', () => {
    const bundle: Record<string, string> = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8'));
    useLanguage('zh-cn', bundle);
    try {
      assert.equal(commandTitle(commandSpec('add-host')), '添加主机（加入所选集群）（Shift+H）');
      assert.equal(commandSpec('legend').label, '图例');
      assert.equal(commandTitle(commandSpec('play')), '播放模拟（再按一次：暂停）（Shift+空格键）');
      assert.equal(contextMenuItems({ id: 'esx-01', kind: 'host' })[0]?.label, '模拟“esx-01”故障');
      assert.equal(describeIntent(intent({ type: 'move-vm', vm: 'web-01', host: 'esx-02' })), '已将虚拟机“web-01”移到主机“esx-02”');
      assert.equal(rejection(SEED, { type: 'rename-element', id: 'web-01', newId: 'web-02' }), '“web-02”已被某个虚拟机使用');
      assert.equal(rejection(RACKS, { type: 'set-placement', ids: ['ups-a'], to: { kind: 'site', id: 'dc1' } }), '供电回路不能放入站点和机架：只有主机、交换机、存储阵列、机箱和机架可以放入');
      assert.equal(vmCountLabel(1234), '1,234 台虚拟机');
      const seed = picture(SEED).diagram;
      const esx = seed.nodes.find((node) => node.id === 'esx-01');
      assert.ok(esx);
      assert.match(esx.details.join('\n'), /^主机/);
      assert.match(esx.details.join('\n'), /台虚拟机，状态 /);
      assert.equal(selectionAnnouncement([]), '未选择任何内容');
      const summary = documentSummary('seed.vtopo', seed);
      assert.match(summary, /^seed\.vtopo：\d+ 个元素，\d+ 条连接，\d+ 个有问题$/);
      const { state, seconds } = playbackState();
      assert.match(describePlaybackState(state, seconds), /^\d+ 秒：1 个故障、\d+ 台虚拟机停止运行、\d+ 台在其他主机上运行、1 台主机已隔离、1 台虚拟机不可访问$/);
      const racks = picture(RACKS).diagram;
      const collapsed = containerView(racks, { power: false, collapsed: new Set(['r01']) });
      assert.match(collapsed.diagram.nodes.find((node) => node.id === 'r01')?.label ?? '', /^r01（\d+ 台主机(、\d+ 台交换机)?(、\d+ 台存储阵列)?）$/);
      // Nothing English is left: no two English words in a row, once ids and product words are set aside.
      const outputs = [...shortcutHelp(), ...COMMANDS.map(commandTitle), summary, ...seed.nodes.flatMap((node) => node.details), DESIGNER_TEXTS.noPowerFeeds({}), DESIGNER_TEXTS.legendSuggested({})];
      // The file's own words (ids, models, port roles) are shown as written.
      const { topology } = analyzeText(SEED);
      const fileWords = [...topology.hosts.flatMap((host) => [host.model ?? '', ...host.adapters.flatMap((adapter) => adapter.ports.flatMap((port) => port.roles ?? []))])].filter((word) => word !== '');
      const ids = new Set([...seed.nodes.map((node) => node.id), ...fileWords]);
      const withoutFileWords = (text: string) => fileWords.reduce((rest, word) => rest.replaceAll(word, ''), text);
      const english = outputs.filter((text) => /[A-Za-z]{2,}[ ,]+[A-Za-z]{3,}/.test(withoutFileWords(text).split(/[\s“”（），：；、]+/).filter((word) => !ids.has(word)).join(' ').replace(/\b(?:Shift\+F10|Ctrl\+[CV]|Shift\+Tab|Tab|MHz|GB|vCPU|Gbps|Fabric [AB]|iSCSI|FC|SVG|PNG|fcose|layout|powerFeeds|power|connected|on|off|high|medium|low)\b/g, '')));
      assert.deepEqual(english, []);
    } finally {
      useLanguage('en', undefined);
    }
  });
});
