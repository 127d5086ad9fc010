import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { heartbeatDatastores } from '../../../../src/core/analysis/rules/placement/heartbeat-datastores';
import { parseVtopo } from '../../../../src/core/model/parse';
import { hostLines } from './helpers';
import { fixed, reportsOf, textAt } from '../rule-test';

const design = (ha: string, datastores: string, platform = 'vsphere') =>
  `vtopo: 1\nplatform: ${platform}\nclusters:\n  prod:\n    ha:\n${ha}\nhosts:\n${hostLines(3)}\narrays:\n  san-a: {}\n  san-b: {}\ndatastores:\n${datastores}\n`;

const twoArrays = '  ds-a1: { array: san-a }\n  ds-a2: { array: san-a }\n  ds-b1: { array: san-b }\n  local-01: { host: esx-01 }';

describe('heartbeat-datastores', () => {
  it('warns about a single heartbeat datastore and adds one on another array', () => {
    const text = design('      heartbeatDatastores: [ds-a1]', twoArrays);
    const [finding, ...rest] = reportsOf(text, heartbeatDatastores);
    assert.equal(rest.length, 0);
    assert.match(finding?.message ?? '', /Cluster "prod" has 1 usable heartbeat datastore \("ds-a1"\); vSphere HA needs 2 per host/);
    assert.equal(textAt(text, finding), '[ds-a1]');
    const after = fixed(text, finding, /Add "ds-b1" to the heartbeat datastores of "prod"/);
    assert.deepEqual(parseVtopo(after).topology.cluster('prod')?.ha?.heartbeatDatastores, ['ds-a1', 'ds-b1']);
    assert.deepEqual(reportsOf(after, heartbeatDatastores), []);
  });

  it('flags a local heartbeat datastore on its reference, and does not count it', () => {
    const text = design('      heartbeatDatastores: [ds-a1, local-01, ds-b1]', twoArrays);
    const [local, ...rest] = reportsOf(text, heartbeatDatastores);
    assert.equal(rest.length, 0);
    assert.match(local?.message ?? '', /Heartbeat datastore "local-01" of cluster "prod" is local storage of host "esx-01"/);
    assert.equal(textAt(text, local), 'local-01');
  });

  it('flags a datastore mounted by one host of the cluster', () => {
    const text = design('      heartbeatDatastores: [ds-a1, ds-b1]', '  ds-a1: { array: san-a }\n  ds-b1: { array: san-b, presentedTo: [esx-02] }');
    const [mountedOnce, tooFew, ...rest] = reportsOf(text, heartbeatDatastores);
    assert.equal(rest.length, 0);
    assert.match(mountedOnce?.message ?? '', /Heartbeat datastore "ds-b1" of cluster "prod" is mounted by 1 host of the cluster/);
    assert.match(tooFew?.message ?? '', /Cluster "prod" has 1 usable heartbeat datastore \("ds-a1"\)/);
  });

  it('warns when all heartbeat datastores share an array although another array could serve', () => {
    const text = design('      heartbeatDatastores: [ds-a1, ds-a2]', twoArrays);
    const [finding] = reportsOf(text, heartbeatDatastores);
    assert.match(finding?.message ?? '', /Every heartbeat datastore of cluster "prod" is on array "san-a"/);
    assert.deepEqual(reportsOf(fixed(text, finding, /Add "ds-b1"/), heartbeatDatastores), []);
  });

  it('does not offer a datastore that only another cluster mounts', () => {
    const text = [
      'vtopo: 1\nclusters:\n  prod: { ha: { heartbeatDatastores: [ds-a1, ds-a2] } }\n  dev: { ha: { enabled: false } }',
      `hosts:\n${hostLines(2)}\n${hostLines(2, 'dev', 'dev')}`,
      'arrays:\n  san-a: {}\n  san-b: {}',
      'datastores:\n  ds-a1: { array: san-a }\n  ds-a2: { array: san-a }\n  dev-b1: { array: san-b }',
      'vms:\n  build: { host: dev-01, memory: 8 GB, datastore: dev-b1 }',
    ].join('\n');
    assert.deepEqual(reportsOf(text, heartbeatDatastores), []);
    const shared = text.replace('dev-b1: { array: san-b }', 'dev-b1: { array: san-b, presentedTo: [esx-01, esx-02, dev-01] }');
    assert.match(reportsOf(shared, heartbeatDatastores)[0]?.message ?? '', /"dev-b1" on array "san-b" could serve/);
  });

  it('checks what HA could choose when the list is left to it', () => {
    const one = design('      enabled: true', '  ds-a1: { array: san-a }\n  local-01: { host: esx-01 }');
    assert.match(reportsOf(one, heartbeatDatastores)[0]?.message ?? '', /lets HA choose .* only 1 shared datastore \("ds-a1"\) can serve/);
    assert.deepEqual(reportsOf(design('      enabled: true', twoArrays), heartbeatDatastores), []);
  });

  it('says nothing for two datastores on two arrays, with HA off, or on other platforms', () => {
    assert.deepEqual(reportsOf(design('      heartbeatDatastores: [ds-a1, ds-b1]', twoArrays), heartbeatDatastores), []);
    assert.deepEqual(reportsOf(design('      enabled: false\n      heartbeatDatastores: [ds-a1]', twoArrays), heartbeatDatastores), []);
    assert.deepEqual(reportsOf(design('      heartbeatDatastores: [ds-a1]', twoArrays, 'hyperv'), heartbeatDatastores), []);
  });
});
