import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, textAt } from '../rule-test';

/** Two hosts with two single-port FC HBAs each and one shared LUN whose paths each host lists. */
function design(paths: string, deadPaths = '', adapters = { esx1: 'vmhba2: { type: fc, ports: { vmhba2: {} } }\n      vmhba3: { type: fc, ports: { vmhba3: {} } }' }): string {
  return `vtopo: 1
clusters:
  prod: {}
hosts:
  esx-01:
    cpu: { cores: 16, speed: 2 GHz }
    memory: 256 GB
    adapters:
      ${adapters.esx1}
  esx-02:
    cpu: { cores: 16, speed: 2 GHz }
    memory: 256 GB
    adapters:
      vmhba2: { type: fc, ports: { vmhba2: { address: "21:00:00:24:ff:00:00:01" } } }
      vmhba3: { type: fc, ports: { vmhba3: { address: "21:00:00:24:ff:00:00:02" } } }
datastores:
  lun-01:
    shared: true
    paths: ${paths}
${deadPaths}`;
}

const REDUNDANT = '{ esx-01: [vmhba2:C0:T0:L1, vmhba3:C0:T0:L1], esx-02: [vmhba2:C0:T0:L1, vmhba3:C0:T0:L1] }';

describe('lun-single-path', () => {
  it('is silent when every host has working paths from two adapters', () => {
    assert.deepEqual(findingsOf(design(REDUNDANT), 'lun-single-path'), []);
  });

  it('reports a host with a single working path, counting its dead ones apart', () => {
    const text = design('{ esx-01: [vmhba2:C0:T0:L1, vmhba3:C0:T0:L1], esx-02: [vmhba2:C0:T0:L1] }', '    deadPaths: { esx-02: [vmhba3:C0:T0:L1] }');
    const [finding, ...rest] = findingsOf(text, 'lun-single-path');
    assert.equal(rest.length, 0);
    assert.equal(finding?.severity, 'error');
    assert.equal(
      finding?.message,
      'Datastore "lun-01" has no redundant path from 1 host: "esx-02" reaches it over a single path, vmhba2:C0:T0:L1, 1 dead path. One failed path, adapter or target port takes the LUN away from that host and stops its VMs there.',
    );
    assert.equal(textAt(text, finding), 'paths');
    assert.deepEqual(finding?.elementIds, ['lun-01', 'esx-02']);
    assert.equal(textAt(text, finding?.related?.[0]), 'esx-02');
  });

  it('reports paths that all leave from one card, the ports of a dual-port card counting as one', () => {
    const dualPort = 'vmhba2: { type: fc, ports: { vmhba2: {}, vmhba3: {} } }';
    const [finding] = findingsOf(design(REDUNDANT, '', { esx1: dualPort }), 'lun-single-path');
    assert.match(finding?.message ?? '', /"esx-01" reaches it over 2 paths, all from adapter esx-01\/vmhba2/);
  });

  it('reports full Fibre Channel path names that all reach one target port, mapping initiators by WWPN', () => {
    const full = (initiator: string, target: string) => `"fc.2000002400000000:${initiator}-fc.5006016000000000:${target}-naa.600601"`;
    const sameTarget = `{ esx-01: [vmhba2:C0:T0:L1, vmhba3:C0:T0:L1], esx-02: [${full('21000024ff000001', '500601604600aaaa')}, ${full('21000024ff000002', '500601604600aaaa')}] }`;
    const [finding] = findingsOf(design(sameTarget), 'lun-single-path');
    assert.match(finding?.message ?? '', /"esx-02" reaches it over 2 paths, all to target 500601604600aaaa/);
    const twoTargets = sameTarget.replace('500601604600aaaa-naa', '500601604600bbbb-naa');
    assert.deepEqual(findingsOf(design(twoTargets), 'lun-single-path'), []);
  });

  it('reports a host whose every path is dead', () => {
    const [finding] = findingsOf(design('{ esx-01: [vmhba2:C0:T0:L1, vmhba3:C0:T0:L1], esx-02: [] }', '    deadPaths: { esx-02: [vmhba2:C0:T0:L1, vmhba3:C0:T0:L1] }'), 'lun-single-path');
    assert.match(finding?.message ?? '', /"esx-02" reaches it over no working path, 2 dead paths/);
  });

  it('names every short host in one finding per datastore', () => {
    const [finding, ...rest] = findingsOf(design('{ esx-01: [vmhba2:C0:T0:L1], esx-02: [vmhba3:C0:T0:L1] }'), 'lun-single-path');
    assert.equal(rest.length, 0);
    assert.match(finding?.message ?? '', /from 2 hosts: "esx-01" reaches it over a single path, vmhba2:C0:T0:L1; "esx-02" too\. .* away from them/);
    assert.equal(finding?.related?.length, 2);
  });

  it('leaves local datastores and hosts the design does not have alone', () => {
    const local = design('{ esx-01: [vmhba2:C0:T0:L1] }').replace('    shared: true\n', '    host: esx-01\n');
    assert.deepEqual(findingsOf(local, 'lun-single-path'), []);
  });
});
