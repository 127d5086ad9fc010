import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../src/core/analysis/rule';
import type { HostFailure, N1Verdict } from '../../../src/core/capacity/n1';
import { readFileSync } from 'node:fs';
import { lanVerdict, listNames, n1StatusText } from '../../../src/core/capacity/status';
import { parseVtopo } from '../../../src/core/model/parse';

const failure = (overrides: Partial<HostFailure>): HostFailure => ({
  failedHostId: 'esx-01',
  survivingHostCount: 1,
  protectedVmIds: [],
  restartHostByVm: new Map(),
  cannotRestartByReservation: [],
  cannotRestartByConfiguredSize: [],
  cannotRestart: [],
  cpuHeadroomPercent: 80,
  memoryHeadroomPercent: 40,
  ...overrides,
});

const verdict = (worst: HostFailure): N1Verdict => ({
  clusters: [{ clusterId: 'prod', hostCount: 2, worst }],
  cannotRestartCount: worst.cannotRestart.length,
});

describe('N-1 status bar wording', () => {
  it('says OK when every protected VM restarts with headroom to spare', () => {
    const status = n1StatusText(verdict(failure({})), 15);
    assert.equal(status.text, '$(shield) N-1 OK');
    assert.equal(status.ok, true);
    assert.match(status.tooltip, /Cluster "prod": if "esx-01" fails, every protected VM restarts; headroom left: CPU 80%, memory 40% \(threshold 15%\)\./);
  });

  it('counts the VMs that cannot restart and names them in the tooltip', () => {
    const status = n1StatusText(verdict(failure({ cannotRestart: ['a', 'b', 'c'], cannotRestartByReservation: ['a', 'b', 'c'], memoryHeadroomPercent: -5 })), 15);
    assert.equal(status.text, '$(warning) N-1: 3 VMs cannot restart');
    assert.equal(status.ok, false);
    assert.match(status.tooltip, /3 protected VMs cannot restart: "a", "b", "c"/);
  });

  it('uses the singular for one VM', () => {
    assert.equal(n1StatusText(verdict(failure({ cannotRestart: ['a'] })), 15).text, '$(warning) N-1: 1 VM cannot restart');
  });

  it('warns about headroom below the threshold, truncated to a whole percent', () => {
    const status = n1StatusText(verdict(failure({ memoryHeadroomPercent: 8.9 })), 15);
    assert.equal(status.text, '$(warning) N-1 OK, headroom 8%');
    assert.equal(status.ok, false);
  });

  it('says so when there is no HA cluster', () => {
    assert.equal(n1StatusText({ clusters: [], cannotRestartCount: 0 }, 15).text, '$(shield) N-1: no HA cluster');
  });

  it('lists at most five names, then how many more', () => {
    assert.equal(listNames(['a', 'b', 'c', 'd', 'e', 'f', 'g']), '"a", "b", "c", "d", "e" and 2 more');
  });
});

describe('N-1 status bar wording: the LAN', () => {
  it('is not OK when one LAN element can cut a host off, whatever the capacity says', () => {
    const status = n1StatusText(verdict(failure({})), 15, { hosts: 2, modelledHosts: 2, singlePointHosts: ['esx-01', 'esx-02'] });
    assert.equal(status.text, '$(warning) N-1: LAN single point on 2 hosts');
    assert.equal(status.ok, false);
    assert.match(status.tooltip, /^LAN: one element can cut the management network of 2 hosts \("esx-01", "esx-02"\)/);
  });

  it('says when the LAN is not modelled instead of a plain OK', () => {
    const status = n1StatusText(verdict(failure({})), 15, { hosts: 2, modelledHosts: 0, singlePointHosts: [] });
    assert.equal(status.text, '$(shield) N-1 OK (LAN not modelled)');
    assert.match(status.tooltip, /^LAN not modelled for 2 of 2 hosts/);
  });

  it('counts the hosts whose heartbeat networks the design describes', () => {
    const { topology } = parseVtopo(readFileSync('examples/hyperv-guest-cluster.vtopo', 'utf8'));
    const lan = lanVerdict(topology, []);
    assert.equal(lan.singlePointHosts.length, 0);
    assert.ok(lan.hosts > 0);
  });
});

describe('N-1 status bar wording: more LAN single points than the analyzer lists', () => {
  it('counts the hosts of the summary finding too', () => {
    const spof = (host: string): Finding => ({ ruleId: 'management-network-spof', severity: 'warning', message: `Host "${host}": ...`, range: { start: 0, end: 0 }, elementIds: [host] });
    const summary: Finding = { ruleId: 'management-network-spof', severity: 'warning', message: '… and 1,200 more like this', range: { start: 0, end: 0 }, elementIds: [], omitted: 1200 };
    const { topology } = parseVtopo(readFileSync('examples/hyperv-guest-cluster.vtopo', 'utf8'));
    const lan = lanVerdict(topology, [spof('esx-01'), summary, ...Array.from({ length: 999 }, (_, i) => spof(`esx-${i + 2}`))]);
    assert.equal(lan.singlePointHosts.length, 1000);
    assert.equal(lan.unlistedSinglePointHosts, 1200);
    const status = n1StatusText(verdict(failure({})), 15, lan);
    assert.equal(status.text, '$(warning) N-1: LAN single point on 2200 hosts');
    assert.match(status.tooltip, /^LAN: one element can cut the management network of 2200 hosts \("esx-01", "esx-2", "esx-3", "esx-4", "esx-5" and 2195 more\)/);
  });
});
