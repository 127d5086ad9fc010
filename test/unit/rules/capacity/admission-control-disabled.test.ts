import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, fixed, textAt, threeHosts } from './helpers';

describe('admission-control-disabled', () => {
  it('is quiet when a policy reserves capacity', () => {
    assert.deepEqual(findingsOf('admission-control-disabled', threeHosts('{ policy: percentage }', '  a: { host: esx-01, memory: 8 GB }\n')), []);
  });

  it('is quiet when HA itself is off', () => {
    const text = threeHosts('{ policy: disabled }', '  a: { host: esx-01, memory: 8 GB }\n').replace('    ha:\n', '    ha:\n      enabled: false\n');
    assert.deepEqual(findingsOf('admission-control-disabled', text), []);
  });

  it('warns when HA runs without admission control and offers the percentage policy', () => {
    const text = threeHosts('{ policy: disabled }', '  a: { host: esx-01, memory: 8 GB }\n');
    const [finding] = findingsOf('admission-control-disabled', text);
    assert.equal(finding?.severity, 'warning');
    assert.equal(textAt(text, finding), 'disabled');
    assert.match(fixed(text, finding), /admissionControl: \{ policy: percentage \}/);
    assert.deepEqual(findingsOf('admission-control-disabled', fixed(text, finding)), []);
  });
});
