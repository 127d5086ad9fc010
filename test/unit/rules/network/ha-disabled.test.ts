import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lanDesign } from '../../lan/fixtures';
import { findingsOf, fixed, textAt } from '../rule-test';

const RULE = 'ha-disabled';

describe('ha-disabled', () => {
  it('accepts a cluster with HA enabled', () => {
    assert.deepEqual(findingsOf(lanDesign(), RULE), []);
  });

  it('reports a cluster with HA disabled that runs VMs, and enables HA', () => {
    const text = lanDesign({ ha: '      enabled: false' });
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.equal(
      finding?.message,
      'Cluster "prod" has HA disabled but runs 3 powered-on VMs ("vm-1", "vm-2", "vm-3") so nothing restarts them when their host fails: they stay down until someone starts them by hand. Enable HA.',
    );
    assert.equal(textAt(text, finding), 'false');
    assert.equal(finding?.severity, 'warning');
    const after = fixed(text, finding);
    assert.match(after, /\n {6}enabled: true\n/);
    assert.deepEqual(findingsOf(after, RULE), []);
  });

  it('names the management server when it runs in the cluster', () => {
    const text = `${lanDesign({ ha: '      enabled: false' })}management:\n  product: vCenter Server\n  vm: vm-1\n`;
    const [finding] = findingsOf(text, RULE);
    assert.match(finding?.message ?? '', /\("vm-1", "vm-2", "vm-3"\), among them the vCenter Server "vm-1", so nothing restarts them/);
    assert.equal(textAt(text, finding?.related?.[0]), 'vm-1');
  });

  it('says nothing when every VM is powered off, or for a single-host cluster', () => {
    assert.deepEqual(findingsOf(lanDesign({ ha: '      enabled: false', vm: '    power: off' }), RULE), []);
    assert.deepEqual(findingsOf(lanDesign({ ha: '      enabled: false', hosts: ['esx-01'] }), RULE), []);
  });
});
