import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, textAt } from '../rule-test';

function design(inventory: string, links = 'links: []'): string {
  return `vtopo: 1
${inventory}
clusters:
  prod: {}
hosts:
  esx-01:
    cpu: { cores: 16, speed: 2 GHz }
    memory: 256 GB
    adapters:
      hba1: { type: fc, ports: { p0: {}, p1: {} } }
      nic1: { type: ethernet, ports: { p0: {}, p1: { roles: [iscsi] } } }
  esx-02:
    cpu: { cores: 16, speed: 2 GHz }
    memory: 256 GB
    adapters:
      hba1: { type: fc, ports: { p0: {}, p1: {} } }
switches:
  fc-a: { type: fc }
arrays:
  san: { controllers: { a: { ports: { fc0: { type: fc } } } } }
datastores:
  lun-01: { array: san }
${links}
vms:
  vm-1: { host: esx-01, memory: 4 GB, datastore: lun-01 }
`;
}

describe('cabling-unknown', () => {
  it('says once which hosts were not checked, with the uncabled storage and LAN ports', () => {
    const text = design('inventory: { tool: RVTools 4.6.1, file: estate.xlsx, cabling: unknown }');
    const findings = findingsOf(text, 'cabling-unknown');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity, 'info');
    assert.equal(
      findings[0]?.message,
      'The cabling of this design is not known (imported from "estate.xlsx"): 5 storage ports and 1 LAN port of 2 hosts ("esx-01" and "esx-02") have no cable drawn, so their storage paths and the switches their LAN uplinks reach were not checked; their multipath evidence (lun-single-path) and the ports and cards of their LAN uplinks were. Draw the cables under links to check the rest.',
    );
    assert.equal(textAt(text, findings[0]), 'unknown');
  });

  it('keeps the path rules off uncabled hosts, and on for the hosts that have a cable drawn', () => {
    const unknown = design('inventory: { cabling: unknown }', 'links:\n  - [esx-01/hba1/p0, fc-a]\n  - [san/a/fc0, fc-a]');
    assert.deepEqual(findingsOf(unknown, 'datastore-unreachable'), [], 'esx-02 has no cable drawn: its paths are unknown, not absent');
    const spof = findingsOf(unknown, 'storage-path-spof');
    assert.ok(spof.some((f) => f.elementIds[0] === 'fc-a'), 'esx-01 is cabled through one switch: checked as usual');
    assert.ok(spof.every((f) => f.elementIds.includes('esx-01') && !f.elementIds.includes('esx-02')));
    assert.deepEqual(findingsOf(unknown, 'cabling-unknown').map((f) => f.elementIds), [['esx-01', 'esx-02']], 'esx-01 still has uncabled ports');
  });

  it('is silent, and uncabled hosts are reported as unreachable, when the cabling is known', () => {
    const known = design('inventory: { cabling: known }');
    assert.deepEqual(findingsOf(known, 'cabling-unknown'), []);
    assert.deepEqual(findingsOf(known, 'datastore-unreachable').map((f) => f.elementIds[0]), ['esx-01', 'esx-02']);
    assert.deepEqual(findingsOf(design(''), 'cabling-unknown'), []);
  });
});
