import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText, MAX_FINDINGS_PER_RULE } from '../../src/core/analysis/engine';
import { findingCount } from '../../src/core/analysis/rule';
import { badReferencesDesign } from '../../bench/hostile';

const design = (body: string) => `vtopo: 1\nclusters:\n  prod: {}\n${body}`;

describe('analysis engine', () => {
  it('applies the file\'s own severity settings, including off', () => {
    const text = design('arrays:\n  av:\n    model: AV100-G6\nanalysis:\n  rules:\n    array-single-controller: error\n');
    const findings = analyzeText(text).findings.filter((f) => f.ruleId === 'array-single-controller');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity, 'error');
    const off = analyzeText(text.replace('array-single-controller: error', 'array-single-controller: off')).findings;
    assert.equal(off.filter((f) => f.ruleId === 'array-single-controller').length, 0);
  });

  it('lets host settings change a default severity, but the file wins', () => {
    const text = design('arrays:\n  av:\n    model: AV100-G6\n');
    const fromSettings = analyzeText(text, { rules: { 'array-single-controller': { severity: 'info' } } }).findings;
    assert.equal(fromSettings.find((f) => f.ruleId === 'array-single-controller')?.severity, 'info');
  });

  it('reports a setting for a rule that does not exist, with the closest rule id', () => {
    const text = design('analysis:\n  rules:\n    array-single-controler: off\n');
    const finding = analyzeText(text).findings.find((f) => f.ruleId === 'unknown-key');
    assert.match(finding?.message ?? '', /Did you mean "array-single-controller"\?/);
    assert.equal(text.slice(finding?.range.start, finding?.range.end), 'array-single-controler');
  });
});

describe('rule thresholds', () => {
  it('checks threshold names and ranges against the rule catalog', () => {
    const text = design('analysis:\n  rules:\n    vm-local-datastore: { severity: warning, headroom: 3 }\n');
    const finding = analyzeText(text).findings.find((f) => f.ruleId === 'unknown-key');
    assert.match(finding?.message ?? '', /rule "vm-local-datastore" has no option "headroom" \(it has none\)/);
    assert.equal(text.slice(finding?.range.start, finding?.range.end), 'headroom');
  });

  it('reads a severity given inside a settings mapping', () => {
    const text = design('arrays:\n  av:\n    model: AV100-G6\nanalysis:\n  rules:\n    array-single-controller: { severity: info }\n');
    assert.equal(analyzeText(text).findings.find((f) => f.ruleId === 'array-single-controller')?.severity, 'info');
  });
});

describe('findings per rule', () => {
  // 2,500 VMs on a host that is not declared: 2,500 unresolved references.
  const text = badReferencesDesign(2500);
  const { findings } = analyzeText(text, { today: '2026-06-01' });
  const unresolved = findings.filter((f) => f.ruleId === 'unresolved-reference');

  it(`lists the first ${MAX_FINDINGS_PER_RULE} of a rule in document order, then one finding that says how many more`, () => {
    assert.equal(unresolved.length, MAX_FINDINGS_PER_RULE + 1);
    const summary = unresolved[1] ?? assert.fail('no summary');
    assert.equal(summary.message, '… and 1,500 more like this (only the first 1,000 of rule unresolved-reference are listed)');
    assert.equal(summary.omitted, 1500);
    assert.equal(summary.severity, 'error');
    assert.deepEqual(summary.range, unresolved[0]?.range, 'on the first listed finding');
    assert.deepEqual(summary.elementIds, []);
    assert.equal(summary.fixes, undefined);
    const listed = unresolved.filter((f) => f !== summary);
    assert.ok(listed.every((f) => f.omitted === undefined && text.slice(f.range.start, f.range.end) === 'esx-1'));
    // The first thousand VMs, in order: vm0000 to vm0999.
    assert.deepEqual(listed.map((f) => f.elementIds[0]), Array.from({ length: MAX_FINDINGS_PER_RULE }, (_, i) => `vm${String(i).padStart(4, '0')}`));
    assert.deepEqual(findings.map((f) => f.range.start), findings.map((f) => f.range.start).sort((a, b) => a - b), 'still in document order');
  });

  it('caps every rule, structural and analysis alike, and leaves rules under the cap alone', () => {
    const perRule = new Map<string, number>();
    for (const finding of findings) perRule.set(finding.ruleId, (perRule.get(finding.ruleId) ?? 0) + 1);
    for (const [ruleId, count] of perRule) assert.ok(count <= MAX_FINDINGS_PER_RULE + 1, `${ruleId}: ${count}`);
    const under = analyzeText(badReferencesDesign(MAX_FINDINGS_PER_RULE), { today: '2026-06-01' }).findings;
    assert.equal(under.filter((f) => f.ruleId === 'unresolved-reference').length, MAX_FINDINGS_PER_RULE);
    assert.ok(under.every((f) => f.omitted === undefined));
  });

  it('counts the findings a summary stands for', () => {
    assert.equal(findings.filter((f) => f.ruleId === 'unresolved-reference').reduce((sum, f) => sum + findingCount(f), 0), 2500);
  });
});
