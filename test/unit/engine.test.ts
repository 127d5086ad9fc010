import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../src/core/analysis/engine';

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
