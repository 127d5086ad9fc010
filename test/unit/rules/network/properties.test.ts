/** Property: a second management uplink on another switch never adds a LAN finding. */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../../../src/core/analysis/engine';
import { lanDesign } from '../../lan/fixtures';

const HOST_LAN = `    virtualSwitches:
      vswitch0:
        uplinks: [HOST/nic1/p0, HOST/nic2/p0]
        portGroups:
          VM-Prod: { vlan: 30 }
    vmkernelPorts:
      vmk0: { roles: [management], portGroup: VM-Prod, gateway: 10.0.10.1 }
`;

const HOSTS = ['esx-01', 'esx-02', 'esx-03'];

/** Each host: nic1/p0 cabled to lan-1, lan-2 or nothing; nic2/p0 left for the property to cable. */
const specArb = fc.record({
  firstSwitch: fc.array(fc.constantFrom('lan-1', 'lan-2'), { minLength: 3, maxLength: 3 }),
  secondCabled: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  isl: fc.boolean(),
  stacked: fc.boolean(),
  which: fc.nat(2),
});

interface Spec {
  readonly firstSwitch: readonly string[];
  readonly secondCabled: readonly boolean[];
  readonly isl: boolean;
  readonly stacked: boolean;
}

function text(spec: Spec, extraFor?: string): string {
  const links: string[] = [];
  const extra: string[] = [];
  HOSTS.forEach((host, index) => {
    const first = spec.firstSwitch[index] as string;
    const other = first === 'lan-1' ? 'lan-2' : 'lan-1';
    links.push(`[${host}/nic1/p0, ${first}]`);
    if (spec.secondCabled[index]) links.push(`[${host}/nic2/p0, ${other}]`);
    else if (host === extraFor) extra.push(`[${host}/nic2/p0, ${other}]`);
  });
  if (spec.isl) links.push('[lan-1, lan-2]');
  const design = lanDesign({ hosts: HOSTS, hostLan: HOST_LAN, lanLinks: [...links, ...extra], ha: '      isolationAddresses: [10.0.20.1]' });
  const stacked = spec.stacked ? design.replace('lan-1: { type: ethernet,', 'lan-1: { type: ethernet, stack: core,').replace('lan-2: { type: ethernet }', 'lan-2: { type: ethernet, stack: core }') : design;
  return stacked.replace('lan-2: { type: ethernet', 'lan-2: { type: ethernet, addresses: [10.0.20.1]');
}

const findings = (design: string) => analyzeText(design).findings.filter((f) => f.severity !== 'hint');

describe('property: LAN redundancy', () => {
  // A finding may change into a milder one (one switch -> one stack of two switches), never into more findings.
  it('adding a second management uplink on the other switch never adds a finding', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const host = HOSTS[spec.which] as string;
        const before = findings(text(spec));
        const after = findings(text(spec, host));
        assert.ok(after.length <= before.length, `${before.length} -> ${after.length} findings after adding an uplink to ${host}: ${after.map((f) => f.ruleId).join(', ')}`);
        const others = (list: typeof before) => list.filter((f) => !f.elementIds.includes(host)).map((f) => `${f.ruleId} ${f.message}`).sort();
        assert.deepEqual(others(after), others(before));
      }),
      { numRuns: 100 },
    );
  });
});
