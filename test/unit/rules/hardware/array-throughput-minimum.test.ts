import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FC_DESIGN, ISCSI_DESIGN } from './fixtures';
import { edited, findingsOf, textAt } from '../rule-test';

const RULE = 'array-throughput-minimum';

describe('array-throughput-minimum', () => {
  it('accepts arrays that state 400 MB/s and 1,600 MB/s', () => {
    assert.deepEqual(findingsOf(ISCSI_DESIGN, RULE), []);
    assert.deepEqual(findingsOf(FC_DESIGN, RULE), []);
  });

  it('reports a stated throughput below 200 MB/s, on the value', () => {
    const text = edited(ISCSI_DESIGN, ['throughput: 400 MB/s', 'throughput: 150 MB/s']);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.equal(finding?.message, 'Array "av100" delivers 150 MB/s, below the 200 MB/s the array vendor white paper (docs/design/sources.md#seed-000) asks of a SAN for HA virtualization.');
    assert.equal(textAt(text, finding), '150 MB/s');
  });

  it('takes the minimum from the file\'s settings', () => {
    const text = `${ISCSI_DESIGN}\nanalysis:\n  rules:\n    array-throughput-minimum: { minThroughputMBps: 500 }\n`;
    assert.match(findingsOf(text, RULE)[0]?.message ?? '', /delivers 400 MB\/s, below the 500 MB\/s/);
  });

  it('estimates from the cabled host ports when no throughput is stated, and says so', () => {
    // Only p0 stays cabled: one 1 GbE iSCSI port carries about 100 MB/s.
    let text = edited(ISCSI_DESIGN, ['    throughput: 400 MB/s\n', '']);
    for (const port of ['p2', 'p4', 'p1', 'p3', 'p5']) text = edited(text, [`  - [av100/a/${port}, iscsi-`, `  # - [av100/a/${port}, iscsi-`]);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /Array "av100" states no throughput; its 1 cabled host port\(s\) carry at most about 100 MB\/s \(estimate/);
  });

  it('estimates six 1 GbE ports at 600 MB/s: enough', () => {
    const text = edited(ISCSI_DESIGN, ['    throughput: 400 MB/s\n', '']);
    assert.deepEqual(findingsOf(text, RULE), []);
  });
});
