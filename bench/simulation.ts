/**
 * Failover simulator figures (issue 4): one host failure in the 1,000-VM design, and the
 * N-1 contingency sweep of the 1,000-host design as a ratio to one full analysis of the
 * same design (target <= 10x).
 */

import { analyzeParsed } from '../src/core/analysis/engine';
import { parseVtopo } from '../src/core/model/parse';
import { hostFailureScenario, simulateScenario } from '../src/core/simulation/engine';
import { singleFailureTargets, sweep } from '../src/core/simulation/sweep';
import { BENCH_SIZES, generateDesign } from './generate';
import { medianMs } from './measure';

/** Prints the simulation figures. */
export function benchSimulation(runs: number): void {
  const medium = BENCH_SIZES.find((s) => s.vms === 1_000);
  const large = BENCH_SIZES.find((s) => s.hosts === 1_000);
  if (!medium || !large) throw new Error('bench/generate.ts no longer has the 1,000-VM and 1,000-host sizes');

  const mediumTopology = parseVtopo(generateDesign(medium)).topology;
  const firstHost = mediumTopology.hosts[0]?.id ?? '';
  const failure = simulateScenario(mediumTopology, hostFailureScenario(firstHost));
  const failureMs = medianMs(runs, () => simulateScenario(parseVtopo(generateDesign(medium)).topology, hostFailureScenario(firstHost)));
  const parseMediumMs = medianMs(runs, () => parseVtopo(generateDesign(medium)));

  const parsed = parseVtopo(generateDesign(large));
  const analysisMs = medianMs(runs, () => analyzeParsed(parsed));
  // A fresh topology per run: the sweep pays for its own context (storage network, SPOFs).
  const sweepMs = medianMs(runs, () => sweep(parseVtopo(generateDesign(large)).topology, { mode: 'n-1' }));
  const parseLargeMs = medianMs(runs, () => parseVtopo(generateDesign(large)));
  const rows = sweep(parsed.topology, { mode: 'n-1' });
  const scenarios = singleFailureTargets(parsed.topology).length;
  const sweepOnlyMs = Math.max(0, sweepMs - parseLargeMs);

  console.log(`\nfailover simulation, median of ${runs} runs\n`);
  console.log(`host failure (${medium.name}: ${medium.hosts} hosts, ${medium.vms} VMs, ${firstHost}): ${Math.max(0, failureMs - parseMediumMs).toFixed(2)} ms (${failure.summary.vmsRestarted} restarted, ${failure.events.length} events; parse excluded)`);
  console.log(
    `N-1 sweep (${large.name}: ${large.hosts} hosts, ${large.vms} VMs): ${scenarios} scenarios in ${sweepOnlyMs.toFixed(1)} ms; one full analysis ${analysisMs.toFixed(1)} ms; ratio ${(sweepOnlyMs / analysisMs).toFixed(2)}x (target <= 10x); worst: ${rows[0] ? `${rows[0].failed.map((f) => f.id).join('+')} (${rows[0].vmsDown} down)` : 'none'}`,
  );
}
