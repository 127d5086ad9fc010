/**
 * Properties of the network half of the simulator on random LANs: random single-homed or
 * dual-homed hosts, random teaming, random isolation responses and platforms, random
 * failures of LAN parts.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseVtopo } from '../../../src/core/model/parse';
import { simulateScenario } from '../../../src/core/simulation/engine';
import { singleFailureTargets } from '../../../src/core/simulation/sweep';
import type { ComponentRef, SimulationResult } from '../../../src/core/simulation/types';
import type { Topology } from '../../../src/core/model/topology';
import { cableIndex } from '../../../src/core/model/cable-id';
import { lanDesign } from '../lan/fixtures';

const HOSTS = ['esx-01', 'esx-02', 'esx-03', 'esx-04'] as const;

interface LanSpec {
  readonly hosts: readonly string[];
  /** Per host: its single management uplink's switch, or both. */
  readonly homing: ReadonlyArray<'lan-1' | 'lan-2' | 'both'>;
  readonly isl: boolean;
  readonly response: 'none' | 'power-off' | 'shutdown';
  readonly platform: 'vsphere' | 'hyperv' | 'proxmox' | 'xenserver';
  readonly failures: readonly number[];
}

const specArb: fc.Arbitrary<LanSpec> = fc
  .record({
    hostCount: fc.integer({ min: 2, max: 4 }),
    homing: fc.array(fc.constantFrom('lan-1' as const, 'lan-2' as const, 'both' as const), { minLength: 4, maxLength: 4 }),
    isl: fc.boolean(),
    response: fc.constantFrom('none' as const, 'power-off' as const, 'shutdown' as const),
    platform: fc.constantFrom('vsphere' as const, 'hyperv' as const, 'proxmox' as const, 'xenserver' as const),
    failures: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  })
  .map((spec) => ({ ...spec, hosts: HOSTS.slice(0, spec.hostCount), homing: spec.homing.slice(0, spec.hostCount) }));

/** Each host: vmk0 (management) and its VMs on nic1/p0 and/or nic2/p0, cabled per its homing. */
function textOf(spec: LanSpec, extraUplinkFor?: string): string {
  const hostLan = `    virtualSwitches:
      vswitch0:
        uplinks: [HOST/nic1/p0, HOST/nic2/p0]
        portGroups:
          VM-Prod: { vlan: 30 }
    vmkernelPorts:
      vmk0: { roles: [management, heartbeat], portGroup: VM-Prod }
`;
  const links: string[] = [];
  const extra: string[] = [];
  spec.hosts.forEach((host, index) => {
    const homing = spec.homing[index] ?? 'both';
    if (homing !== 'lan-2') links.push(`[${host}/nic1/p0, lan-1]`);
    else if (host === extraUplinkFor) extra.push(`[${host}/nic1/p0, lan-1]`);
    if (homing !== 'lan-1') links.push(`[${host}/nic2/p0, lan-2]`);
    else if (host === extraUplinkFor) extra.push(`[${host}/nic2/p0, lan-2]`);
  });
  if (spec.isl) links.push('[lan-1, lan-2]');
  // The added cable goes last, so every other cable keeps its id (link:N).
  links.push(...extra);
  const text = lanDesign({ hosts: spec.hosts, hostLan, lanLinks: links, platform: spec.platform, ha: `      isolationResponse: ${spec.response}` });
  return text;
}

/**
 * Whether a failure target is a part of the LAN: an Ethernet switch, stack or virtual switch,
 * an Ethernet adapter or port, or a cable with an Ethernet end. The properties are about the
 * network half of HA; a lost storage path plays by other rules (a node that stays in the
 * cluster hangs its VMs on all paths down, where a partitioned one would have them restarted).
 */
function isLanPart(topology: Topology, target: ComponentRef): boolean {
  const ethernetSwitch = (id: string) => topology.networkSwitch(id.split('/')[0] ?? id)?.type === 'ethernet';
  const ethernetPort = (id: string) => {
    const [host, adapter] = id.split('/');
    return topology.host(host ?? '')?.adapters.find((a) => a.id === `${host ?? ''}/${adapter ?? ''}`)?.type === 'ethernet';
  };
  switch (target.kind) {
    case 'switch':
      return ethernetSwitch(target.id);
    case 'stack':
    case 'virtual-switch':
      return true;
    case 'adapter':
    case 'port':
      return ethernetPort(target.id);
    case 'link': {
      const index = cableIndex(target.id);
      const link = index === undefined ? undefined : topology.links[index];
      return link !== undefined && [link.from, link.to].some((end) => ethernetSwitch(end) || ethernetPort(end));
    }
    default:
      return false;
  }
}

/** The spec's failures among the design's LAN parts, or (`lanOnly` false) among every element but hosts, arrays and controllers. */
function failuresOf(spec: LanSpec, text: string, lanOnly = false): ComponentRef[] {
  const { topology } = parseVtopo(text);
  const targets = singleFailureTargets(topology).filter((t) => (lanOnly ? isLanPart(topology, t) : t.kind !== 'host' && t.kind !== 'array' && t.kind !== 'controller'));
  return [...new Set(spec.failures.map((n) => targets[n % targets.length]).filter((t): t is ComponentRef => t !== undefined))];
}

function simulate(text: string, failures: readonly ComponentRef[]): SimulationResult {
  const { topology } = parseVtopo(text);
  return simulateScenario(topology, { name: 'random', steps: failures.map((target) => ({ action: 'fail', target, atSeconds: 0 })) });
}

describe('property: network failures', () => {
  it('never leaves a VM running in two places: every powered-on VM is held by at most one host at the end', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const text = textOf(spec);
        const result = simulate(text, failuresOf(spec, text));
        const running = result.vms.filter((vm) => ['unaffected', 'kept-running', 'restarted', 'ft-takeover', 'unreachable'].includes(vm.outcome.kind)).length;
        const held = result.hosts.reduce((sum, host) => sum + host.after.vmCount, 0);
        assert.ok(held <= running + result.vms.filter((vm) => vm.outcome.kind === 'down').length, `${held} VMs held by hosts, ${running} running`);
        for (const vm of result.vms) {
          if (vm.outcome.kind !== 'restarted') continue;
          const lastPlacement = [...result.events].reverse().find((e) => e.kind === 'vm-placed' && e.elementIds[0] === vm.vmId);
          assert.equal(lastPlacement?.elementIds[1], vm.outcome.host);
          // A VM restarted elsewhere was first stopped on its old host: a vm-down before its placement.
          const down = result.events.findIndex((e) => e.kind === 'vm-down' && e.elementIds[0] === vm.vmId);
          const placed = result.events.findIndex((e) => e.kind === 'vm-placed' && e.elementIds[0] === vm.vmId);
          assert.ok(down >= 0 && down < placed, `${vm.vmId} placed before it went down`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('adding a second management uplink on the other switch never adds a down or unreachable VM', () => {
    fc.assert(
      fc.property(specArb, fc.nat(), (spec, which) => {
        // From a working LAN: every host hears every other one before the failures (the simulator plays changes, not a design already split).
        fc.pre(spec.isl || spec.homing.every((h) => h !== 'lan-2') || spec.homing.every((h) => h !== 'lan-1'));
        const host = spec.hosts[which % spec.hosts.length] as string;
        const single = textOf(spec);
        const failures = failuresOf(spec, single, true);
        const before = simulate(single, failures).summary;
        const after = simulate(textOf(spec, host), failures).summary;
        assert.ok(after.vmsDown <= before.vmsDown, `down ${before.vmsDown} -> ${after.vmsDown}`);
        assert.ok(after.vmsDown + after.vmsUnreachable <= before.vmsDown + before.vmsUnreachable, `out of service ${before.vmsDown + before.vmsUnreachable} -> ${after.vmsDown + after.vmsUnreachable}`);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same result for the same input', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const text = textOf(spec);
        const failures = failuresOf(spec, text);
        assert.deepEqual(simulate(text, failures), simulate(text, failures));
      }),
      { numRuns: 40 },
    );
  });
});
