import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { edited, findingsOf, textAt } from '../rule-test';

// examples/hyperv-metro.vtopo: hosts hv-e1, hv-e2 in site east, hv-w1, hv-w2 in west; arrays
// arr-east and arr-west; csv-01 (on arr-east) and csv-02 (on arr-west) mirrored
// synchronously onto each other with the storage witness in site "witness"; a cloud quorum
// witness; 50% admission control; sites 2 ms apart. It has no findings but a hint.
const METRO = readFileSync(new URL('../../../../examples/hyperv-metro.vtopo', import.meta.url), 'utf8');
const CSV01_MIRROR = '    mirror: { array: arr-west, mode: sync, access: uniform, witness: witness }';
const CSV02_MIRROR = '    mirror: { array: arr-east, mode: sync, access: uniform, preferred: arr-east, witness: witness }';
const STRETCHED_RULES = [
  'mirror-legs-shared-domain', 'async-only-critical', 'stretched-admission-control', 'stretched-heartbeat-datastores',
  'stretched-isolation-addresses', 'stretched-site-affinity', 'stretched-witness', 'stretched-preferred-site', 'site-link-latency', 'failure-domain-spof', 'failure-domain-conflict',
] as const;

/** The metro design as a vSphere cluster: the heartbeat datastores, isolation addresses and site affinity rules apply. */
function asVsphere(text: string = METRO): string {
  return edited(text, ['platform: hyperv', 'platform: vsphere'], ['platformVersion: "2022"', 'platformVersion: "8.0"'], ['edition: datacenter', 'edition: enterprise-plus']);
}

describe('the metro example', () => {
  it('has none of the stretched-cluster findings', () => {
    assert.deepEqual(findingsOf(METRO, [...STRETCHED_RULES]).map((f) => `${f.ruleId}: ${f.message}`), []);
  });
});

describe('mirror-legs-shared-domain', () => {
  it('reports a mirror onto its own array, and one whose arrays stand in one site', () => {
    const text = edited(METRO, [CSV01_MIRROR, '    mirror: { array: arr-east, mode: sync, witness: witness }'], ['    site: west\n    controllers:', '    site: east\n    controllers:']);
    const findings = findingsOf(text, 'mirror-legs-shared-domain');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['csv-01', 'csv-02']);
    assert.match(findings[0]?.message ?? '', /^Datastore "csv-01" is mirrored onto its own array "arr-east"/);
    assert.match(findings[1]?.message ?? '', /^Both copies of datastore "csv-02" \(arrays "arr-west" and "arr-east"\) go down with site "east"/);
  });
});

describe('async-only-critical', () => {
  it('reports the high-priority VMs on an asynchronously copied datastore, with its RPO', () => {
    const text = edited(METRO, [CSV01_MIRROR, '    mirror: { array: arr-west, mode: async, rpo: 15 min }']);
    const findings = findingsOf(text, 'async-only-critical');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['csv-01']);
    // dc-01 (highest) is on csv-01; app-01 (medium) and web-01 (low) are not reported.
    assert.match(findings[0]?.message ?? '', /^1 VM of high or highest restart priority \("dc-01"\) is on datastore "csv-01", which only an asynchronous copy on "arr-west" protects: losing "arr-east" means a recovery step and an RPO of 15 min of lost writes\.$/);
  });

  it('says nothing of a synchronous mirror', () => {
    assert.deepEqual(findingsOf(METRO, 'async-only-critical'), []);
  });
});

describe('stretched-admission-control', () => {
  it('reports a stretched cluster reserving less than its largest site', () => {
    const text = edited(METRO, ['        cpuPercent: 50\n        memoryPercent: 50', '        cpuPercent: 25\n        memoryPercent: 25']);
    const findings = findingsOf(text, 'stretched-admission-control');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['hv-metro']);
    assert.match(findings[0]?.message ?? '', /reserves 25% CPU and 25% memory, but site "east" holds 50% of the CPU and 50% of the memory/);
  });

  it('reports a host-failure policy that tolerates fewer failures than a site has hosts', () => {
    const text = edited(METRO, ['        policy: percentage\n        cpuPercent: 50\n        memoryPercent: 50', '        policy: slots\n        hostFailuresToTolerate: 1']);
    assert.match(findingsOf(text, 'stretched-admission-control')[0]?.message ?? '', /tolerates 1 host failure, but a site holds 2 hosts/);
  });
});

describe('stretched-witness', () => {
  it('reports a cross-site mirror without a witness, and one whose witness is in a data site', () => {
    const text = edited(METRO, [CSV01_MIRROR, '    mirror: { array: arr-west, mode: sync }'], [CSV02_MIRROR, '    mirror: { array: arr-east, mode: sync, witness: east }']);
    const findings = findingsOf(text, 'stretched-witness');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['csv-01', 'csv-02']);
    assert.match(findings[0]?.message ?? '', /no witness: if the site of its preferred copy \("arr-east"\) fails, the other copy suspends I\/O/);
    assert.match(findings[1]?.message ?? '', /is in site "east", one of the two sites its copies stand in/);
  });

  it('reports a Hyper-V stretched cluster without a quorum witness', () => {
    const text = edited(METRO, ['    quorum:\n      witness: cloud', '    quorum:\n      witness: none']);
    assert.deepEqual(findingsOf(text, 'stretched-witness').map((f) => textAt(text, f)), ['hv-metro']);
  });
});

describe('stretched-preferred-site', () => {
  it('reports a quorum cluster whose mirrors prefer copies in different sites', () => {
    const text = edited(METRO, [CSV02_MIRROR, '    mirror: { array: arr-east, mode: sync, witness: witness }']);
    const findings = findingsOf(text, 'stretched-preferred-site');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['hv-metro']);
    assert.match(findings[0]?.message ?? '', /\("csv-01" prefers site "east"; "csv-02" prefers site "west"\)/);
    // vSphere HA runs VMs in both halves of a partition: not reported there.
    assert.deepEqual(findingsOf(asVsphere(text), 'stretched-preferred-site'), []);
  });
});

describe('site-link-latency', () => {
  it('reports a site link slower than synchronous replication allows on the platform', () => {
    const text = edited(METRO, ['rtt: 2 ms, bandwidth: 20 Gbps', 'rtt: 8 ms, bandwidth: 20 Gbps']);
    const findings = findingsOf(text, 'site-link-latency');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['east-west']);
    assert.match(findings[0]?.message ?? '', /has 8 ms round-trip time, above the 5 ms synchronous mirror "csv-01" across it needs: Storage Replica/);
    // vSphere allows 10 ms.
    assert.deepEqual(findingsOf(asVsphere(text), 'site-link-latency'), []);
  });

  it('holds a stretched vSphere cluster\'s witness link to 200 ms', () => {
    const text = asVsphere(edited(METRO, ['east-witness: { sites: [east, witness], rtt: 20 ms', 'east-witness: { sites: [east, witness], rtt: 250 ms']));
    const findings = findingsOf(text, 'site-link-latency');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['east-witness']);
    assert.match(findings[0]?.message ?? '', /250 ms round-trip time, above the 200 ms the witness of stretched cluster "hv-metro" across it needs/);
    assert.deepEqual(findingsOf(edited(METRO, ['east-witness: { sites: [east, witness], rtt: 20 ms', 'east-witness: { sites: [east, witness], rtt: 250 ms']), 'site-link-latency'), [], 'Hyper-V: no witness limit');
  });
});

describe('the vSphere stretched-cluster checks', () => {
  it('heartbeat datastores: reports a site none of them has a copy in', () => {
    const base = asVsphere();
    const text = edited(base, [`${CSV01_MIRROR}\n`, ''], [`${CSV02_MIRROR}\n`, ''], ['heartbeatDatastores: [csv-01, csv-02]', 'heartbeatDatastores: [csv-01]']);
    const findings = findingsOf(text, 'stretched-heartbeat-datastores');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['hv-metro']);
    assert.match(findings[0]?.message ?? '', /has no heartbeat datastore in site "west"/);
    assert.deepEqual(findingsOf(base, 'stretched-heartbeat-datastores'), []);
  });

  it('isolation addresses: reports a site where none answers', () => {
    const base = asVsphere();
    assert.deepEqual(findingsOf(base, 'stretched-isolation-addresses'), []);
    const text = edited(base, ['addresses: [10.0.10.1], site: west', 'site: west']);
    const findings = findingsOf(text, 'stretched-isolation-addresses');
    assert.match(findings[0]?.message ?? '', /has no HA isolation address that answers in site "west" \("10.0.10.1"\)/);
  });

  it('site affinity: reports VMs without a should rule, and a must rule pinning VMs to one site', () => {
    const base = asVsphere();
    const loose = findingsOf(base, 'stretched-site-affinity');
    assert.equal(loose.length, 1);
    assert.match(loose[0]?.message ?? '', /^5 VMs of stretched cluster "hv-metro" \("dc-01", "sql-01", "app-01", "app-02" and "web-01"\) have no "should run on" rule/);
    const text = edited(base, ['rules:\n', 'rules:\n  east-vms: { type: vm-host, vms: [dc-01, sql-01], hosts: [hv-e1, hv-e2], mode: should-run-on }\n  west-vms: { type: vm-host, vms: [app-01, app-02, web-01], hosts: [hv-w1, hv-w2], mode: must-run-on }\n']);
    const findings = findingsOf(text, 'stretched-site-affinity');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['west-vms']);
    assert.match(findings[0]?.message ?? '', /must run on hosts of site "west" only: HA never breaks a "must" rule/);
  });
});
