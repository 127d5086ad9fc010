// The import's texts in the user's language (docs/l10n.md): the summary, the notes of the three
// importers, the readers' errors, the progress messages and the prose comments of the generated
// design come from catalogs. A pseudo-localized run (every catalog text wrapped in ⟦ ⟧) finds a
// text built outside a catalog; a run with the zh-cn bundle checks real outputs are Chinese and
// that only comments, never YAML keys or values, change with the language.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { importHyperv } from '../../../src/core/import/hyperv/import';
import { importInventory, InventoryError, type ImportOptions } from '../../../src/core/import/import-inventory';
import { checkSourceSize, exportFolderFiles, importedMessage, unreadableFolderOf } from '../../../src/core/import/picked-source';
import { importProxmox } from '../../../src/core/import/proxmox/import';
import { importRvtools } from '../../../src/core/import/rvtools/import';
import type { InventoryInput } from '../../../src/core/import/sources';
import { formatSummary, type ImportResult, type ImportSummary } from '../../../src/core/import/summary';
import { useLanguage } from '../../../src/core/l10n/messages';
import { parseVtopo } from '../../../src/core/model/parse';
import { generateRvtoolsEstate, SPECIAL_CASES } from '../../fixtures/rvtools/generate';
import { smallEstateFiles } from '../../fixtures/rvtools/small-estate';
import { toCsvFiles, toZip } from '../../fixtures/rvtools/write';
import { inventory as hypervInventory } from '../import/hyperv-inventory';
import { inventory as proxmoxInventory } from '../import/proxmox-estate';
import { estate, setCell, tablesOf } from '../import/rvtools-estate';
import { lanEstate } from '../import/rvtools-lan-estate';

const BUNDLE: Record<string, string> = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8'));
const encode = (text: string) => new TextEncoder().encode(text);

/** What is left of a text once every ⟦...⟧ span (nested ones inside) is taken out: text built outside a catalog. */
function outsideCatalogs(text: string): string {
  let depth = 0;
  let rest = '';
  for (const char of text) {
    if (char === '⟦') depth += 1;
    else if (char === '⟧') depth = Math.max(0, depth - 1);
    else if (depth === 0) rest += char;
  }
  return rest;
}

/** Each text that has something outside a catalog, with that something, for a readable failure. */
function unwrapped(texts: readonly string[], allowed: RegExp = /^\s*$/): string[] {
  return texts.filter((text) => !allowed.test(outsideCatalogs(text)));
}

const notes = (summary: ImportSummary) => [...summary.inferred, ...summary.missing, ...summary.warnings];

/** The comment lines at the top of a design, without "# ", as one text (a template may span lines). */
function header(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    lines.push(line.replace(/^# ?/, ''));
  }
  return lines.join('\n');
}

/** What YAML reads of a design: its keys and values, which must not depend on the language (comments may change the layout). */
function yamlOf(text: string): unknown {
  return parse(text);
}

/** The results of the three importers on the fixtures of test/unit/import, with variants that make them warn. */
function importerRuns(): Array<readonly [string, ImportResult]> {
  const badNumber = estate();
  setCell(badNumber, 'vHost', 0, '# Memory', 'lots');
  const noMetadata = estate();
  delete noMetadata.vMetaData;
  const resourcesOnly = (proxmoxInventory() as { resources: unknown }).resources;
  const hyperv = hypervInventory();
  delete hyperv.version;
  return [
    ['rvtools', importRvtools(tablesOf(estate()), { fileName: 'estate.xlsx' })],
    ['rvtools lan', importRvtools(tablesOf(lanEstate()), { fileName: 'lan.xlsx' })],
    ['rvtools bad number', importRvtools(tablesOf(badNumber), { fileName: 'bad.xlsx' })],
    ['rvtools no vMetaData', importRvtools(tablesOf(noMetadata), { fileName: 'nometa.xlsx' })],
    ['rvtools generated', importRvtools(generateRvtoolsEstate({ ...SPECIAL_CASES, clusters: 2, hostsPerCluster: 3, vmsPerHost: 4, seed: 7 }), { fileName: 'gen.xlsx' })],
    ['hyperv', importHyperv(hypervInventory(), { fileName: 'cluster.json' })],
    ['hyperv without version', importHyperv(hyperv, { fileName: 'cluster.json' })],
    ['proxmox', importProxmox(proxmoxInventory(), { fileName: 'pve.json' })],
    ['proxmox resources only', importProxmox(resourcesOnly, { fileName: 'resources.json' })],
  ];
}

/** The message of what `run` throws. */
async function messageOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    assert.ok(error instanceof Error);
    return error.message;
  }
  assert.fail('expected an error');
}

/** Input that is wrong in every way the readers and importers tell the user about. */
function badInputs(): Array<readonly [string, InventoryInput, ImportOptions?]> {
  const xlsx = smallEstateFiles().find((file) => file.name === 'estate.xlsx');
  assert.ok(xlsx);
  const csv = toCsvFiles(generateRvtoolsEstate({ ...SPECIAL_CASES, clusters: 1, hostsPerCluster: 2, vmsPerHost: 1, seed: 3 }));
  return [
    ['empty file', { name: 'empty.xlsx', bytes: new Uint8Array() }],
    ['not an inventory', { name: 'notes.txt', bytes: encode('hello') }],
    ['a CSV without an RVTools name', { name: 'hosts.csv', bytes: encode('a,b\n1,2\n') }],
    ['invalid JSON', { name: 'inv.json', bytes: encode('{"a": }') }],
    ['JSON that is no inventory', { name: 'inv.json', bytes: encode('{"a": 1}') }],
    ['the wrong --from', xlsx, { from: 'proxmox' }],
    ['over the size limit', xlsx, { limits: { maxInputBytes: 1000 } }],
    ['too many zip entries', { name: 'export.zip', bytes: toZip(csv) }, { limits: { maxZipEntries: 2 } }],
    ['a zip without an export', { name: 'other.zip', bytes: toZip([{ name: 'readme.txt', bytes: encode('x') }]) }],
    ['a folder without RVTools files', { name: 'folder', files: [{ name: 'readme.txt', bytes: encode('x') }] }],
    ['an export without vHost', { name: 'export', files: csv.filter((file) => !/vHost/.test(file.name)) }],
    ['a Hyper-V inventory without its marker', { name: 'hv.json', bytes: encode('{"nodes": []}') }],
  ];
}

describe('import texts: pseudo-localized, every user-facing text comes from a catalog', () => {
  before(() => useLanguage('qps-ploc', {}, { pseudoLocalize: true }));
  after(() => useLanguage('en', undefined));

  it('every note of the summaries of the three importers is a catalog text', () => {
    let count = 0;
    for (const [name, result] of importerRuns()) {
      const all = notes(result.summary);
      count += all.length;
      assert.ok(all.length > 0, `${name}: the run says something`);
      assert.deepEqual(unwrapped(all), [], `${name}: notes built outside a catalog`);
    }
    assert.ok(count > 50, `the runs give many notes (${count})`);
  });

  it('the summary as printed and the message after an import are catalog texts, line by line', () => {
    for (const [name, result] of importerRuns()) {
      const lines = formatSummary(result.summary).trimEnd().split('\n');
      assert.ok(lines.length > 2, name);
      assert.deepEqual(unwrapped(lines), [], `${name}: summary lines built outside a catalog`);
      assert.deepEqual(unwrapped([importedMessage(result.summary, 'estate.vtopo')]), [], name);
    }
    assert.equal(importedMessage({ counts: [], inferred: [], missing: [], warnings: [] }, 'x.vtopo'), '⟦Imported nothing into x.vtopo.⟧');
  });

  it('the header of every generated design is catalog text; its prose comments too', () => {
    const runs = new Map(importerRuns());
    for (const [name, result] of runs) {
      const head = header(result.text);
      assert.match(head, /^⟦Imported by vtopo import from /, name);
      assert.equal(outsideCatalogs(head).trim(), '', `${name}: header text built outside a catalog`);
    }
    const hyperv = runs.get('hyperv')?.text ?? '';
    assert.match(hyperv, /# ⟦"[^"]+": the disk witness/, 'the disk witness comment');
    assert.match(hyperv, /# ⟦anti-affinity class "/);
    assert.match(hyperv, /# ⟦(preferred|possible) owners⟧/);
    const proxmox = runs.get('proxmox')?.text ?? '';
    assert.match(proxmox, /# ⟦HA group "[^"]+"⟧⟦, ⟧⟦priorities [^⟧]+⟧$/m, 'an HA group rule: its comment, priorities and all');
    assert.match(proxmox, /⟦VM \d+⟧/);
  });

  it('the readers\' errors, the import errors and the progress messages are catalog texts', async () => {
    const messages: string[] = [];
    for (const [name, input, options] of badInputs()) {
      const message = await messageOf(() => importInventory(input, options));
      assert.ok(message.length > 0, name);
      messages.push(message);
    }
    messages.push(await messageOf(() => checkSourceSize('estate.xlsx', 2000, 1000)));
    messages.push(await messageOf(() => exportFolderFiles('export', [{ name: 'a.txt', isFile: true }])));
    messages.push(unreadableFolderOf('RVTools_tabvInfo.csv', 'no access').message);
    assert.deepEqual(unwrapped(messages), [], 'error messages built outside a catalog');
    assert.equal(messages.length, badInputs().length + 3);

    const xlsx = smallEstateFiles().find((file) => file.name === 'estate.xlsx');
    assert.ok(xlsx);
    const progress: string[] = [];
    await importInventory(xlsx, { onProgress: (message) => progress.push(message) });
    assert.ok(progress.some((message) => message === '⟦reading vInfo⟧'), progress.join(' | '));
    assert.deepEqual(unwrapped(progress), []);
  });
});

describe('import texts in Simplified Chinese', () => {
  after(() => useLanguage('en', undefined));

  const cjk = /[\u4e00-\u9fff]/;
  /** Words that would show an English sentence left in a Chinese text. */
  const english = /\b(the|is|are|was|not|of|with|from|which|their|left out)\b/;

  it('the summary, the message after an import and the notes of the three importers read in Chinese', async () => {
    const xlsx = smallEstateFiles().find((file) => file.name === 'estate.xlsx');
    assert.ok(xlsx);
    useLanguage('zh-cn', BUNDLE);
    const { summary } = await importInventory(xlsx);
    assert.equal(importedMessage(summary, 'estate.vtopo'), '已将 1 个集群、3 台主机、8 台虚拟机、7 个数据存储导入 estate.vtopo。');
    const printed = formatSummary(summary);
    assert.match(printed, /^已导入：1 个集群、3 台主机、8 台虚拟机、7 个数据存储。\n推断：\n {2}- /);
    assert.match(printed, /\n源数据中缺少：\n/);
    for (const [name, result] of importerRuns()) {
      for (const note of notes(result.summary)) {
        assert.match(note, cjk, `${name}: ${note}`);
        assert.doesNotMatch(note, english, `${name}: ${note}`);
      }
    }
  });

  it('the design\'s header is Chinese, and nothing but comments differs from the English design', () => {
    useLanguage('en', undefined);
    const english = importerRuns();
    useLanguage('zh-cn', BUNDLE);
    const chinese = importerRuns();
    english.forEach(([name, result], index) => {
      const translated = chinese[index]?.[1];
      assert.ok(translated, name);
      assert.deepEqual(yamlOf(translated.text), yamlOf(result.text), `${name}: YAML keys and values do not change with the language`);
      assert.notEqual(translated.text, result.text, name);
      assert.equal(parseVtopo(translated.text).problems.length, parseVtopo(result.text).problems.length, name);
      assert.match(header(translated.text), /^由 vtopo import 从 \S+ 导入/, name);
      assert.doesNotMatch(header(translated.text), /\b(Imported|does not say|See docs)\b/, name);
    });
    const hyperv = chinese.find(([name]) => name === 'hyperv')?.[1].text ?? '';
    assert.match(hyperv, /^# 故障转移集群 \S+：\d+ 个节点，/m);
    assert.match(hyperv, /# “[^”]+”：磁盘见证（集群磁盘，不是 CSV）/);
  });

  it('the errors of bad input read in Chinese', async () => {
    useLanguage('zh-cn', BUNDLE);
    assert.equal(await messageOf(() => importInventory({ name: 'empty.xlsx', bytes: new Uint8Array() })), 'empty.xlsx 为空（0 字节）');
    assert.equal(await messageOf(() => checkSourceSize('estate.xlsx', 250 * 1024 * 1024)), 'estate.xlsx 大小为 250 MiB，超过清单允许的 200 MiB');
    for (const [name, input, options] of badInputs()) {
      const message = await messageOf(() => importInventory(input, options));
      assert.match(message, cjk, `${name}: ${message}`);
    }
    const error = await importInventory({ name: 'inv.json', bytes: encode('{"a": 1}') }).catch((caught: unknown) => caught);
    assert.ok(error instanceof InventoryError);
    assert.match(error.message, /^inv\.json 是 JSON，但不是 VTopo 能读取的清单/);
  });
});
