import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedExampleDesign } from '../../capacity/published-example';
import { findingsOf, textAt } from '../rule-test';

describe('ha-capacity-report', () => {
  it('reports the published example\'s slot figures on the cluster id', () => {
    const text = publishedExampleDesign('{ policy: slots, hostFailuresToTolerate: 1 }');
    const [finding, ...others] = findingsOf(text, 'ha-capacity-report');
    assert.equal(others.length, 0);
    assert.equal(finding?.severity, 'hint');
    assert.equal(textAt(text, finding), 'example');
    assert.match(
      finding?.message ?? '',
      /^HA capacity of cluster "example" \(slot policy, 1 host failure to tolerate\): slot size 2 GHz \/ 2 GB; slots per host: "H1" 4, "H2" 3, "H3" 3 \(10 in all\); 5 used; current failover capacity 1 host; 1 unreserved slot\. Worst single host failure: "H1"/,
    );
  });

  it('reports the published example\'s percentages', () => {
    const [finding] = findingsOf(publishedExampleDesign('{ policy: percentage, cpuPercent: 25, memoryPercent: 25 }'), 'ha-capacity-report');
    assert.match(finding?.message ?? '', /\(percentage policy\): current failover capacity CPU 70%, memory 71%; reserved CPU 25%, memory 25%; 45% CPU and 46% memory left for new VMs\./);
  });

  it('names the VMs that take several slots under a slot cap', () => {
    const [finding] = findingsOf(publishedExampleDesign('{ policy: slots, slotCpuMHz: 1000, slotMemoryMB: 1024 }'), 'ha-capacity-report');
    assert.match(finding?.message ?? '', /slot size 1 GHz \/ 1 GB; slots per host: "H1" 9, "H2" 6, "H3" 6 \(21 in all\); 8 used \(multi-slot VMs: "VM1" 2, "VM2" 2, "VM3" 2\)/);
  });

  it('says nothing about a cluster without HA', () => {
    const text = publishedExampleDesign('{ policy: slots }').replace('    ha:\n', '    ha:\n      enabled: false\n');
    assert.deepEqual(findingsOf(text, 'ha-capacity-report'), []);
  });
});
