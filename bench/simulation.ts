/**
 * Failover simulator figures: one host failure in the 1,000-VM design, and the N-1
 * contingency sweep of the 1,000-host design, SAN and LAN elements alike, as a ratio to one
 * full analysis of the same design (target <= 10x).
 */

import { analyzeParsed } from '../src/core/analysis/engine';
import { parseVtopo } from '../src/core/model/parse';
import type { Topology } from '../src/core/model/topology';
import { hostFailureScenario, simulateScenario } from '../src/core/simulation/engine';
import { lanNetworkOf } from '../src/core/analysis/lan-network';
import { simulationContext } from '../src/core/simulation/context';
import { singleFailureTargets, sweep } from '../src/core/simulation/sweep';
import { BENCH_SIZES, generateDesign } from './generate';
import { medianMs } from './measure';

/** Median time of `work` on a fresh parse of `text` per run; the parsing is done beforehand, untimed. */
function medianOnFreshTopologies(runs: number, text: string, work: (topology: Topology) => unknown): number {
  const pool = Array.from({ length: runs + 1 }, () => parseVtopo(text).topology);
  let next = 0;
  return medianMs(runs, () => {
    const topology = pool[next++] ?? pool[0];
    if (topology) work(topology);
  });
}

/** Prints the simulation figures. */
export function benchSimulation(runs: number): void {
  const medium = BENCH_SIZES.find((s) => s.vms === 1_000);
  const large = BENCH_SIZES.find((s) => s.hosts === 1_000);
  if (!medium || !large) throw new Error('bench/generate.ts no longer has the 1,000-VM and 1,000-host sizes');

  const mediumText = generateDesign(medium);
  const mediumTopology = parseVtopo(mediumText).topology;
  const firstHost = mediumTopology.hosts[0]?.id ?? '';
  const failure = simulateScenario(mediumTopology, hostFailureScenario(firstHost));
  // Each run gets a fresh topology, so it pays for its own shared context (storage network, SPOFs).
  const failureMs = medianOnFreshTopologies(runs, mediumText, (topology) => simulateScenario(topology, hostFailureScenario(firstHost)));

  const largeText = generateDesign(large);
  const parsed = parseVtopo(largeText);
  const analysisMs = medianMs(runs, () => analyzeParsed(parsed));
  const sweepOnlyMs = medianOnFreshTopologies(runs, largeText, (topology) => sweep(topology, { mode: 'n-1' }));
  const rows = sweep(parsed.topology, { mode: 'n-1' });
  const targets = singleFailureTargets(parsed.topology);
  const scenarios = targets.length;
  const lan = lanNetworkOf(parsed.topology);
  const lanScenarios = targets.filter((t) => lan.elements.has(t.id) && !simulationContext(parsed.topology).network.elements.has(t.id)).length;

  console.log(`\nfailover simulation, median of ${runs} runs\n`);
  console.log(`host failure (${medium.name}: ${medium.hosts} hosts, ${medium.vms} VMs, ${firstHost}): ${failureMs.toFixed(2)} ms (${failure.summary.vmsRestarted} restarted, ${failure.events.length} events; parse excluded)`);
  console.log(
    `N-1 sweep (${large.name}: ${large.hosts} hosts, ${large.vms} VMs): ${scenarios} scenarios (${lanScenarios} of them LAN-only elements: NICs, virtual switches, LAN cables) in ${sweepOnlyMs.toFixed(1)} ms; one full analysis ${analysisMs.toFixed(1)} ms; ratio ${(sweepOnlyMs / analysisMs).toFixed(2)}x (target <= 10x); worst: ${rows[0] ? `${rows[0].failed.map((f) => f.id).join('+')} (${rows[0].vmsDown} down)` : 'none'}`,
  );
}
