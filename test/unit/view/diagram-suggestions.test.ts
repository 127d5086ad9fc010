import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { buildDiagram } from '../../../src/core/view/diagram';
import { suggestedCables, withSuggestedCables } from '../../../src/core/view/diagram-suggestions';

const seed = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');

function suggestionsFor(text: string) {
  const { topology, findings } = analyzeText(text);
  const suggestions = suggestedCables(text, topology, findings);
  return { topology, findings, suggestions, diagram: withSuggestedCables(buildDiagram(topology, findings), suggestions, topology) };
}

describe('suggested cables', () => {
  it('suggests cabling a free port of a controller on fabric A only to the fabric-B switch', () => {
    const text = seed.replace('  - [fq1616r/a/fc1, fc-b]\n', '');
    assert.notEqual(text, seed);
    const { suggestions } = suggestionsFor(text);
    const fromRule = suggestions.filter((s) => s.ruleId === 'controller-single-fabric');
    assert.equal(fromRule.length, 1);
    assert.equal(fromRule[0]?.from, 'fq1616r/a/fc1');
    assert.equal(fromRule[0]?.to, 'fc-b');
    assert.match(fromRule[0]?.fixTitle ?? '', /fc-b/);
  });

  it('suggests nothing for a redundant design', () => {
    const { suggestions, diagram } = suggestionsFor(seed);
    assert.deepEqual(suggestions, []);
    assert.equal(diagram.edges.filter((e) => e.kind === 'suggested').length, 0);
  });

  it('draws the suggestion from the controller port to the switch node, dashed kind, fabric B', () => {
    const text = seed.replace('  - [fq1616r/a/fc1, fc-b]\n', '');
    const { diagram, topology, findings } = suggestionsFor(text);
    const plain = buildDiagram(topology, findings);
    const suggested = diagram.edges.filter((e) => e.kind === 'suggested');
    assert.equal(suggested.length, 1);
    const [edge] = suggested;
    assert.equal(edge?.source, 'fq1616r/a/fc1');
    assert.equal(edge?.target, 'fc-b');
    assert.equal(edge?.fabric, 'B');
    assert.match(edge?.label ?? '', /^suggested: Cable "fq1616r\/a\/fc1" to switch "fc-b"/);
    assert.deepEqual(diagram.edges.slice(0, plain.edges.length), plain.edges, 'the real cables are kept as they are');
    assert.deepEqual(diagram.nodes, plain.nodes);
    assert.equal(new Set(diagram.edges.map((e) => e.id)).size, diagram.edges.length, 'edge ids stay unique');
  });

  it('suggests the moved end of a recabled host port, drawn from the port', () => {
    const text = seed.replace('  - [esx-02/hba2/p0, fc-b]\n', '  - [esx-02/hba2/p0, fc-a]\n');
    assert.notEqual(text, seed);
    const { suggestions, diagram } = suggestionsFor(text);
    const recable = suggestions.filter((s) => s.ruleId === 'host-ports-same-switch');
    assert.deepEqual(recable.map((s) => [s.from, s.to]), [['esx-02/hba2/p0', 'fc-b']]);
    const edge = diagram.edges.find((e) => e.kind === 'suggested' && e.source === 'esx-02/hba2/p0');
    assert.equal(edge?.target, 'fc-b');
  });

  it('ignores fixes that do not touch the links section', () => {
    const text = 'vtopo: 1\narrays:\n  av:\n    model: AV100-G6\n';
    const { suggestions } = suggestionsFor(text);
    assert.deepEqual(suggestions, []);
  });
});
