import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_HOST_LAN, lanDesign } from '../../lan/fixtures';
import { findingsOf, textAt } from '../rule-test';

const RULE = 'ft-logging-network';
const FT_VM = '  ft-1:\n    host: esx-01\n    memory: 8 GB\n    datastore: ds1\n    protection: ft\n    secondaryHost: esx-02';
const FT_LOGGING = DEFAULT_HOST_LAN.replace('    vmkernelPorts:\n', '          FT-Logging: { vlan: 40, active: [HOST/nic2/p1], standby: [HOST/nic1/p1] }\n    vmkernelPorts:\n').concat('      vmk2: { roles: [ft], portGroup: FT-Logging }\n');

describe('ft-logging-network', () => {
  it('reports each host running an FT primary or secondary without a network with role ft', () => {
    const text = lanDesign({ extra: FT_VM });
    const findings = findingsOf(text, RULE);
    assert.deepEqual(findings.map((f) => f.message), [
      'Host "esx-01" runs the Fault Tolerance primary of VM "ft-1" but has no FT logging network (role ft): vSphere cannot turn Fault Tolerance on without one. Add a VMkernel port with role ft on a dedicated 10 Gbps network.',
      'Host "esx-02" runs the Fault Tolerance secondary of VM "ft-1" but has no FT logging network (role ft): vSphere cannot turn Fault Tolerance on without one. Add a VMkernel port with role ft on a dedicated 10 Gbps network.',
    ]);
    assert.equal(findings[0]?.severity, 'warning');
    assert.equal(textAt(text, findings[0]), 'esx-01');
  });

  it('accepts an FT logging VMkernel port on 10 Gbps uplinks', () => {
    assert.deepEqual(findingsOf(lanDesign({ hostLan: FT_LOGGING, extra: FT_VM }), RULE), []);
  });

  it('reports an FT logging network slower than 10 Gbps, on the VMkernel port', () => {
    const text = lanDesign({ hostLan: FT_LOGGING, extra: FT_VM }).replaceAll('speed: 10 Gbps', 'speed: 1 Gbps');
    const findings = findingsOf(text, RULE);
    assert.equal(findings.length, 2);
    assert.equal(findings[0]?.message, 'The FT logging network of host "esx-01" runs at 1 Gbps at most, below the 10 Gbps that multi-processor Fault Tolerance asks for; the host runs the Fault Tolerance primary of VM "ft-1".');
    assert.equal(textAt(text, findings[0]), 'vmk2');
  });

  it('lists every FT VM a host runs, primaries and secondaries, in one finding', () => {
    const second = FT_VM.replace('ft-1:', 'ft-2:').replace('host: esx-01', 'host: esx-02').replace('secondaryHost: esx-02', 'secondaryHost: esx-01');
    const [finding] = findingsOf(lanDesign({ extra: `${FT_VM}\n${second}` }), RULE);
    assert.match(finding?.message ?? '', /^Host "esx-01" runs Fault Tolerance VMs "ft-1" \(primary\), "ft-2" \(secondary\) but has no FT logging network/);
  });

  it('says nothing without FT VMs, for powered-off FT VMs, and on hosts whose LAN is not modelled', () => {
    assert.deepEqual(findingsOf(lanDesign(), RULE), []);
    assert.deepEqual(findingsOf(lanDesign({ extra: `${FT_VM}\n    power: off` }), RULE), []);
    assert.deepEqual(findingsOf(lanDesign({ hostLan: '', extra: FT_VM }), RULE), []);
  });
});
