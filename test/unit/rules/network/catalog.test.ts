import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ANALYSIS_RULES, ruleMeta } from '../../../../src/core/analysis/rules';
import { NETWORK_RULES } from '../../../../src/core/analysis/rules/network';
import { PLATFORM_RULES } from '../../../../src/core/analysis/rules/platform';
import { lanDesign } from '../../lan/fixtures';
import { findingsOf } from '../rule-test';

const LAN_RULE_IDS = ['management-network-spof', 'management-single-stack', 'heartbeat-single-path', 'isolation-response-unsafe'] as const;

const lanFindings = (text: string) => findingsOf(text, LAN_RULE_IDS);

describe('network rule family', () => {
  it('registers every rule in the catalog after the platform rules, under a unique id, with a cited source', () => {
    const ids = NETWORK_RULES.map((rule) => rule.meta.id);
    assert.deepEqual(ids, [
      'management-network-spof',
      'management-single-stack',
      'heartbeat-single-path',
      'isolation-response-unsafe',
      'ha-disabled',
      'ft-logging-network',
      'vm-network-single-switch',
      'vm-network-missing',
      'guest-cluster-heartbeat-on-client-network',
    ]);
    const lastPlatformRule = ANALYSIS_RULES.indexOf(PLATFORM_RULES.at(-1) ?? NETWORK_RULES[0]!);
    for (const rule of NETWORK_RULES) {
      assert.equal(ruleMeta(rule.meta.id), rule.meta);
      assert.ok(ANALYSIS_RULES.indexOf(rule) > lastPlatformRule, `${rule.meta.id} comes after the platform rules`);
      assert.equal(rule.meta.defaultSeverity, 'warning');
      assert.ok(rule.meta.docs.sources.length > 0, rule.meta.id);
      assert.ok(!rule.meta.docs.description.includes('\n'), `${rule.meta.id}: one paragraph`);
    }
  });

  it('says nothing about designs that do not describe the LAN', () => {
    // FC HBAs only, no Ethernet at all.
    const fcOnly = lanDesign({ hostLan: '', lanLinks: [] }).replace(/^ {6}nic\d: .*\n/gm, '');
    assert.doesNotMatch(fcOnly, /ethernet, ports/);
    assert.deepEqual(lanFindings(fcOnly), []);
    // Ethernet ports without roles, cabled, with no VMkernel ports or virtual switches.
    assert.deepEqual(lanFindings(lanDesign({ hostLan: '' })), []);
    // The same with HA isolation settings that would matter if the LAN were described.
    assert.deepEqual(lanFindings(lanDesign({ hostLan: '', ha: '      useDefaultIsolationAddress: false' })), []);
  });

  it('says nothing about the redundant Hyper-V example', () => {
    assert.deepEqual(lanFindings(readFileSync('examples/hyperv-guest-cluster.vtopo', 'utf8')), []);
  });
});
