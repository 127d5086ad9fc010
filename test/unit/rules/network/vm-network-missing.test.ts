import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { vmNetworkMissing } from '../../../../src/core/analysis/rules/network/vm-network-missing';
import { DEFAULT_HOST_LAN, lanDesign } from '../../lan/fixtures';
import { NO_LAN_DESIGN } from './helpers';
import { findingsOf, fixed, reportsOf, textAt } from '../rule-test';

const RULE = 'vm-network-missing';

describe('vm-network-missing', () => {
  it('accepts VMs on a port group every host of the cluster has', () => {
    assert.deepEqual(findingsOf(lanDesign(), RULE), []);
  });

  it('reports a network the VM\'s own host lacks, and fixes a near miss by renaming it', () => {
    const text = lanDesign().replace('vm-1:\n    host: esx-01\n    memory: 16 GB\n    datastore: ds1\n    networks: [VM-Prod]', 'vm-1:\n    host: esx-01\n    memory: 16 GB\n    datastore: ds1\n    networks: [VM-Prd]');
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.equal(finding?.message, 'VM "vm-1" is on network "VM-Prd", which its host "esx-01" does not have (nor do "esx-02", "esx-03"): the VM has no such network. Did you mean "VM-Prod"?');
    assert.equal(textAt(text, finding), '[VM-Prd]');
    const [report] = reportsOf(text, vmNetworkMissing);
    const fix = report?.fixes?.[0];
    assert.equal(fix?.title, 'Did you mean "VM-Prod"?');
    assert.equal(fix.preferred, true);
    const after = fixed(text, report);
    assert.ok(after.includes('    networks: [VM-Prod]\n'), after);
    assert.deepEqual(findingsOf(after, RULE), []);
  });

  it('renames the network in a block-style list too', () => {
    const text = lanDesign().replace('networks: [VM-Prod]', 'networks:\n      - Backup\n      - vm-prod');
    const report = reportsOf(text, vmNetworkMissing).find((r) => r.message.includes('"vm-prod"'));
    assert.ok(fixed(text, report).includes('networks:\n      - Backup\n      - VM-Prod\n'));
  });

  it('offers no fix when no port group name is close', () => {
    const text = lanDesign().replace('networks: [VM-Prod]', 'networks: [Backup]');
    assert.deepEqual(reportsOf(text, vmNetworkMissing)[0]?.fixes, []);
  });

  it('reports a network another host of the cluster lacks: the VM would lose it after a restart or vMotion there', () => {
    const text = lanDesign().replace('          VM-Prod: { vlan: 30, active: [esx-03/nic1/p1, esx-03/nic2/p1] }\n', '');
    const findings = findingsOf(text, RULE);
    assert.deepEqual(findings.map((f) => f.message), [
      'VM "vm-1" is on network "VM-Prod", which host "esx-03" of cluster "prod" does not have: after an HA restart or a vMotion there the VM would have no network. Add the port group there (or use a distributed switch).',
      'VM "vm-2" is on network "VM-Prod", which host "esx-03" of cluster "prod" does not have: after an HA restart or a vMotion there the VM would have no network. Add the port group there (or use a distributed switch).',
      'VM "vm-3" is on network "VM-Prod", which its host "esx-03" does not have: the VM has no such network.',
    ]);
  });

  it('finds a port group by its label, and does not judge hosts that model no port groups', () => {
    const labelled = lanDesign({ hostLan: DEFAULT_HOST_LAN.replace('VM-Prod: { vlan: 30,', 'vm-prod: { name: "VM Network", vlan: 30,') }).replaceAll('networks: [VM-Prod]', 'networks: ["VM Network"]');
    assert.deepEqual(findingsOf(labelled, RULE), []);
    assert.deepEqual(findingsOf(NO_LAN_DESIGN, RULE), []);
  });
});
