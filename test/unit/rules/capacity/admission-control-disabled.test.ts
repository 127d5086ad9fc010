import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { threeHosts } from './helpers';
import { findingsOf, fixed, textAt } from '../rule-test';

describe('admission-control-disabled', () => {
  it('is quiet when a policy reserves capacity', () => {
    assert.deepEqual(findingsOf(threeHosts('{ policy: percentage }', '  a: { host: esx-01, memory: 8 GB }\n'), 'admission-control-disabled'), []);
  });

  it('is quiet when HA itself is off', () => {
    const text = threeHosts('{ policy: disabled }', '  a: { host: esx-01, memory: 8 GB }\n').replace('    ha:\n', '    ha:\n      enabled: false\n');
    assert.deepEqual(findingsOf(text, 'admission-control-disabled'), []);
  });

  it('warns when HA runs without admission control and offers the percentage policy', () => {
    const text = threeHosts('{ policy: disabled }', '  a: { host: esx-01, memory: 8 GB }\n');
    const [finding] = findingsOf(text, 'admission-control-disabled');
    assert.equal(finding?.severity, 'warning');
    assert.equal(textAt(text, finding), 'disabled');
    assert.match(fixed(text, finding), /admissionControl: \{ policy: percentage \}/);
    assert.deepEqual(findingsOf(fixed(text, finding), 'admission-control-disabled'), []);
  });
});
