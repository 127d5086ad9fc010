import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedExampleDesign } from '../../capacity/published-example';
import { findingsOf, textAt } from '../rule-test';

describe('ha-admission-control', () => {
  it('is quiet for the published example, which tolerates its one host failure', () => {
    assert.deepEqual(findingsOf(publishedExampleDesign('{ policy: slots, hostFailuresToTolerate: 1 }'), 'ha-admission-control'), []);
    assert.deepEqual(findingsOf(publishedExampleDesign('{ policy: percentage, cpuPercent: 25, memoryPercent: 25 }'), 'ha-admission-control'), []);
  });

  it('reports a slot policy that tolerates fewer failures than configured, with the numbers', () => {
    // F = 2: removing H1 and H2 leaves 3 slots for 5 used.
    const text = publishedExampleDesign('{ policy: slots, hostFailuresToTolerate: 2 }');
    const [finding] = findingsOf(text, 'ha-admission-control');
    assert.equal(finding?.severity, 'error');
    assert.equal(
      finding?.message,
      'HA admission control of cluster "example" is not met: the slot policy tolerates 1 host failing, fewer than the configured 2: slot size 2 GHz / 2 GB; slots per host: "H1" 4, "H2" 3, "H3" 3 (10 in all); 5 used; current failover capacity 1 host; 0 unreserved slots.',
    );
    assert.equal(textAt(text, finding), 'slots');
  });

  it('reports percentages below the reservation', () => {
    const text = publishedExampleDesign('{ policy: percentage, cpuPercent: 75, memoryPercent: 25 }');
    const [finding] = findingsOf(text, 'ha-admission-control');
    assert.match(finding?.message ?? '', /current failover capacity \(CPU 70%, memory 71%\) is below the reserved CPU 75%, memory 25%: powered-on VMs reserve 7 GHz of 24 GHz and 6 GB of 21 GB/);
  });

  it('reports dedicated failover hosts too small for the most loaded host', () => {
    const text = publishedExampleDesign('{ policy: failover-hosts, failoverHosts: [H3] }').replace('VM5: { host: H3', 'VM5: { host: H2');
    const before = findingsOf(text, 'ha-admission-control');
    assert.deepEqual(before, []);
    // With VM5 moved off it, H3 (6 GHz / 6 GB) covers H1's 4 GHz / 2 GB; once VM1 reserves 6 GB, H1's 7 GB no longer fit.
    const heavier = text.replace('VM1: { host: H1, memory: 1 GB, reservation: { cpu: 2 GHz, memory: 1 GB } }', 'VM1: { host: H1, memory: 6 GB, reservation: { cpu: 2 GHz, memory: 6 GB } }');
    const [finding] = findingsOf(heavier, 'ha-admission-control');
    assert.match(finding?.message ?? '', /dedicated failover hosts cover 0 hosts failing, fewer than the configured 1: failover host "H3" with 6 GHz \/ 6 GB spare; reserved load of the 1 host most loaded: 4 GHz \/ 7 GB/);
  });
});
