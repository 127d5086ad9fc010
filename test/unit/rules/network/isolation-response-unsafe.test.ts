import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_HOST_LAN, lanDesign } from '../../lan/fixtures';
import { findingsOf, fixed, textAt } from '../rule-test';

const RULE = 'isolation-response-unsafe';

/** The default LAN plus an NFS VMkernel port on the given port group. */
const withNfs = (portGroup: string) => `${DEFAULT_HOST_LAN.trimEnd()}\n      vmk2: { roles: [nfs], portGroup: ${portGroup} }`;

describe('isolation-response-unsafe', () => {
  it('accepts "leave powered on" when the hosts have no IP storage', () => {
    assert.deepEqual(findingsOf(lanDesign(), RULE), []);
  });

  it('reports NFS over the management uplinks with isolation response none, and fixes it to power-off', () => {
    const text = lanDesign({ hostLan: withNfs('Management') });
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /^Cluster "prod" leaves VMs powered on when a host is isolated \(isolation response none\), but "esx-01", "esx-02", "esx-03" run IP storage over the management uplinks \(esx-01\/nic1\/p0, esx-01\/nic2\/p0;/);
    assert.match(finding?.message ?? '', /split brain/);
    assert.equal(textAt(text, finding), 'ha');
    const after = fixed(text, finding);
    assert.match(after, /\n {6}isolationResponse: power-off\n/);
    assert.deepEqual(findingsOf(after, RULE), []);
  });

  it('edits a written isolation response in place', () => {
    const text = lanDesign({ hostLan: withNfs('vMotion'), ha: '      isolationResponse: none' });
    const [finding] = findingsOf(text, RULE);
    assert.equal(textAt(text, finding), 'none');
    assert.match(fixed(text, finding), /isolationResponse: power-off/);
  });

  it('adds ha: to a cluster that does not write it (HA is on by default)', () => {
    const text = lanDesign({ hostLan: withNfs('Management') }).replace(/ {4}ha:\n {6}admissionControl: .*\n {6}heartbeatDatastores: \[ds1\]\n/, '    description: prod\n');
    const [finding] = findingsOf(text, RULE);
    assert.equal(textAt(text, finding), 'prod');
    const after = fixed(text, finding);
    assert.match(after, /\n {4}description: prod\n {4}ha: \{ isolationResponse: power-off \}\n/);
    assert.deepEqual(findingsOf(after, RULE), []);
  });

  it('accepts IP storage with uplinks of its own, and the power-off and shutdown responses', () => {
    assert.deepEqual(findingsOf(lanDesign({ hostLan: withNfs('VM-Prod') }), RULE), []);
    assert.deepEqual(findingsOf(lanDesign({ hostLan: withNfs('Management'), ha: '      isolationResponse: power-off' }), RULE), []);
    assert.deepEqual(findingsOf(lanDesign({ hostLan: withNfs('Management'), ha: '      isolationResponse: shutdown' }), RULE), []);
  });

  it('reports ports whose roles combine management and iSCSI', () => {
    const text = lanDesign({ hostLan: '' }).replaceAll('p0: { speed: 10 Gbps }', 'p0: { speed: 10 Gbps, roles: [management, iscsi] }');
    assert.equal(findingsOf(text, RULE).length, 1);
  });

  it('is for vSphere only, and quiet when HA is off', () => {
    assert.deepEqual(findingsOf(lanDesign({ hostLan: withNfs('Management'), platform: 'hyperv' }), RULE), []);
    assert.deepEqual(findingsOf(lanDesign({ hostLan: withNfs('Management'), ha: '      enabled: false' }), RULE), []);
  });
});
