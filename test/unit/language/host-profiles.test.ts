import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { reportDocument } from '../../../src/core/analysis/document-report';
import { completeAt } from '../../../src/core/language/completion';
import { DeclaredIds } from '../../../src/core/language/declared-ids';
import { hoverAt } from '../../../src/core/language/hover';
import { definitionAt, DesignIndex } from '../../../src/core/language/navigation';
import { documentSymbols } from '../../../src/core/language/symbols';
import { STRUCTURAL_RULE_IDS } from '../../../src/core/model/report';

const DESIGN = [
  'vtopo: 1',
  'hostProfiles:',
  '  r750:',
  '    model: Dell PowerEdge R750',
  '    cpu: { sockets: 2, cores: 32, speed: 2.3 GHz }',
  '    memory: 512 GB',
  '    adapters:',
  '      hba1: { type: fc, ports: { p0: { speed: 32 Gbps } } }',
  '      hba2: { type: fc, ports: { p0: { speed: 32 Gbps } } }',
  '      nic1: { type: ethernet, ports: { p0: { speed: 10 Gbps } } }',
  '  spare:',
  '    memory: 256 GB',
  'hosts:',
  '  esx-01:',
  '    profile: r750',
  '  esx-02:',
  '    profile: r750',
  '    memory: 1 TB',
  '',
].join('\n');
const design = new DesignIndex(analyzeText(DESIGN).topology);

/** Completions at `|` in `textWithCursor`, with the ids of DESIGN. */
function completions(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  return completeAt(textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), offset, design).map((entry) => entry.label);
}

describe('host profiles in the editor', () => {
  it('offers the profile ids after profile:', () => {
    assert.deepEqual(completions('hosts:\n  esx-03:\n    profile: |\n'), ['r750', 'spare']);
    assert.deepEqual(completions('hosts:\n  esx-03: { profile: r|, memory: 1 TB }\n'), ['r750', 'spare']);
  });

  it('offers the same ids from the analysis worker\'s report as from the design, ports taken from a profile included', () => {
    const report = reportDocument({ uri: 'file:///profiles.vtopo', version: 1, text: DESIGN, rules: {} });
    const fromReport = new DeclaredIds(report.ids);
    for (const textWithCursor of ['links:\n  - [esx-01/hba1/p0, |]', 'hosts:\n  esx-03:\n    profile: |\n', 'layout:\n  |']) {
      const offset = textWithCursor.indexOf('|');
      const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
      const expected = completeAt(text, offset, design);
      assert.ok(expected.length > 0, textWithCursor);
      assert.deepEqual(completeAt(text, offset, fromReport), expected, textWithCursor);
    }
    assert.ok(completions('links:\n  - [esx-01/hba1/p0, |]').includes('esx-02/hba1/p0'), 'a port esx-02 takes from its profile');
  });

  it('offers profile: among a host\'s keys', () => {
    assert.ok(completions('hosts:\n  esx-03:\n    |\n').includes('profile'));
  });

  it('offers inside a profile the keys a profile takes, and none that it refuses', () => {
    const offered = completions('hostProfiles:\n  r760:\n    |\n');
    assert.deepEqual(offered.filter((key) => !/^memory.+|^maxVms$/.test(key)).sort(), ['adapters', 'cpu', 'edition', 'memory', 'model', 'overhead']);
    assert.ok(offered.includes('maxVms') && offered.includes('memoryMB'));
    for (const refused of ['cluster', 'state', 'vmkernelPorts', 'virtualSwitches', 'profile']) assert.ok(!offered.includes(refused), refused);
    const afterCpu = completions('hostProfiles:\n  r760:\n    cpu: { cores: 8, speed: 2 GHz }\n    |\n');
    assert.ok(!afterCpu.includes('cpu'));
    assert.deepEqual(completions('hostProfiles:\n  r760:\n    cpu: { vendor: | }\n'), ['intel', 'amd', 'arm']);
    assert.ok(completions('hostProfiles:\n  r760:\n    adapters:\n      hba1:\n        |\n').includes('type'));
  });

  it('shows what a profile gives on a profile: value, and on the profile\'s id', () => {
    const start = DESIGN.indexOf('profile: r750') + 'profile: '.length;
    const hover = hoverAt(DESIGN, start + 1, design);
    assert.equal(hover?.markdown, [
      '**host profile** `r750`',
      '',
      '- Gives: 2 x 16 cores @ 2.3 GHz, 512 GB, adapters hba1, hba2, nic1',
      '- Model: Dell PowerEdge R750',
      '- Hosts (2): esx-01, esx-02',
    ].join('\n'));
    assert.deepEqual(hover?.range, { start, end: start + 'r750'.length });
    assert.equal(hoverAt(DESIGN, DESIGN.indexOf('r750:') + 1, design)?.markdown, hover?.markdown);
    assert.equal(hoverAt(DESIGN, DESIGN.indexOf('spare:') + 1, design)?.markdown, '**host profile** `spare`\n\n- Gives: 256 GB\n- Hosts: none');
  });

  it('names a host\'s profile, and what it takes from it, in the host\'s hover', () => {
    const markdown = hoverAt(DESIGN, DESIGN.indexOf('esx-02:') + 1, design)?.markdown ?? '';
    assert.match(markdown, /- Memory: 1 TB\n/);
    assert.match(markdown, /- Profile: r750 \(model, cpu, adapters\)\n/);
  });

  it('shows the format\'s words on a key of a profile\'s adapter, not one host\'s copy of it', () => {
    assert.match(hoverAt(DESIGN, DESIGN.indexOf('hba2') + 1, design)?.markdown ?? '', /^\*\*hba2\*\*: mapping\n\nA physical adapter/);
  });

  it('goes from a profile: value to the profile', () => {
    const definition = definitionAt(design, DESIGN.indexOf('profile: r750') + 'profile: '.length);
    assert.equal(definition?.declaration.kind, 'hostProfile');
    assert.equal(definition?.declaration.idRange.start, DESIGN.indexOf('r750:'));
  });

  it('lists profiles in the outline, and under a host only what is written there', () => {
    const symbols = documentSymbols(analyzeText(DESIGN).topology.declarations.values());
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.detail, symbol.children.length]), [['r750', 'host profile', 0], ['spare', 'host profile', 0], ['esx-01', 'host', 0], ['esx-02', 'host', 0]]);
  });
});

describe('host profile snippet', () => {
  it('gives a profile that reads without problems, and hosts that take it', () => {
    const snippets = JSON.parse(readFileSync('snippets/vtopo.json', 'utf8')) as Record<string, { body: string[] }>;
    const body = snippets['Host profile']?.body ?? [];
    const profile = body.map((line) => `  ${line}`).join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
    const text = `vtopo: 1\nhostProfiles:\n${profile}\nhosts:\n  esx-01: { profile: r750 }\n`;
    const analysis = analyzeText(text);
    const structural = new Set(STRUCTURAL_RULE_IDS as readonly string[]);
    assert.deepEqual(analysis.findings.filter((finding) => structural.has(finding.ruleId)).map((finding) => finding.message), []);
    assert.deepEqual(analysis.topology.host('esx-01')?.adapters.map((adapter) => adapter.id), ['esx-01/hba1', 'esx-01/hba2', 'esx-01/nic1']);
  });
});
