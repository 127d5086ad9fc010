import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { ANALYSIS_RULE_IDS } from '../../../src/core/analysis/rule-ids';
import { ANALYSIS_RULES } from '../../../src/core/analysis/rules';

describe('rule ids', () => {
  it('lists every analysis rule of the catalog once, in catalog order', () => {
    assert.deepEqual(ANALYSIS_RULES.map((rule) => rule.meta.id), [...ANALYSIS_RULE_IDS]);
    assert.equal(new Set(ANALYSIS_RULE_IDS).size, ANALYSIS_RULE_IDS.length);
  });

  it('marks a rule that throws as an internal error of that rule, not a finding', () => {
    const rule = ANALYSIS_RULES.find((candidate) => candidate.meta.id === 'ha-single-host');
    assert.ok(rule);
    const original = rule.check.bind(rule);
    const broken: { check: typeof rule.check } = rule;
    broken.check = () => {
      throw new Error('boom');
    };
    try {
      const findings = analyzeText('vtopo: 1\nclusters:\n  prod: {}\nhosts:\n  esx-01: { cluster: prod, cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }\n').findings;
      assert.deepEqual(
        findings.filter((finding) => finding.internalError === true).map((finding) => [finding.ruleId, finding.severity, finding.message]),
        [['ha-single-host', 'error', 'internal error in rule ha-single-host: boom']],
      );
    } finally {
      broken.check = original;
    }
  });
});
