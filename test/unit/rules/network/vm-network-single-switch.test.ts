import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEFAULT_HOST_LAN, lanDesign } from '../../lan/fixtures';
import { NO_LAN_DESIGN, ONE_SWITCH_DESIGN } from './helpers';
import { findingsOf, textAt } from '../rule-test';

const RULE = 'vm-network-single-switch';

describe('vm-network-single-switch', () => {
  it('accepts a VM port group with uplinks on two cards cabled to two switches', () => {
    assert.deepEqual(findingsOf(lanDesign(), RULE), []);
  });

  it('reports a VM port group whose uplinks all reach one switch, naming the switch and the VMs', () => {
    const findings = findingsOf(ONE_SWITCH_DESIGN, RULE);
    assert.equal(findings.length, 3);
    assert.equal(
      findings[0]?.message,
      'On host "esx-01", VM port group "VM-Prod" has every uplink (esx-01/nic1/p1 and esx-01/nic2/p1) cabled to switch "lan-1": one switch failure cuts VM "vm-1" off the network. Add an uplink to another switch.',
    );
    assert.equal(textAt(ONE_SWITCH_DESIGN, findings[0]), 'VM-Prod');
    assert.equal(findings[0]?.severity, 'warning');
  });

  it('reports a VM port group with a single uplink, naming its adapter', () => {
    const text = lanDesign({ hostLan: DEFAULT_HOST_LAN.replace('active: [HOST/nic1/p1, HOST/nic2/p1]', 'active: [HOST/nic1/p1]') });
    const [finding] = findingsOf(text, RULE);
    assert.equal(finding?.message, 'On host "esx-01", VM port group "VM-Prod" has a single uplink, "esx-01/nic1/p1" on adapter "esx-01/nic1": one card failure cuts VM "vm-1" off the network. Add an uplink on another adapter.');
  });

  it('reports the implicit VM network (ports with role vm) of the seed-000-fq1616r example, on its one card', () => {
    const findings = findingsOf(readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8'), RULE);
    assert.match(findings[0]?.message ?? '', /^On host "esx-01", the VM network \(ports with role vm\) has every uplink \(esx-01\/nic1\/p0 and esx-01\/nic1\/p1\) on adapter "esx-01\/nic1": one card failure cuts VMs "vcenter", /);
  });

  it('says nothing for powered-off VMs, uncabled uplinks, or hosts that say nothing about their LAN', () => {
    assert.deepEqual(findingsOf(ONE_SWITCH_DESIGN.replaceAll('networks: [VM-Prod]', 'networks: [VM-Prod]\n    power: off'), RULE), []);
    assert.deepEqual(findingsOf(lanDesign({ lanLinks: ['[HOST/nic1/p0, lan-1]', '[HOST/nic1/p1, lan-1]'] }), RULE), []);
    assert.deepEqual(findingsOf(NO_LAN_DESIGN, RULE), []);
  });
});
