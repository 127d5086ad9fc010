/**
 * Failover simulator figures: one host failure in the 1,000-VM design, and the N-1
 * contingency sweep (src/core/simulation/sweep.ts: every host, every SAN and LAN element)
 * of each generated design, as a ratio to one full analysis of the same design (goal
 * <= 10x).
 *
 * Every timed run gets a fresh parse, made untimed beforehand, so it pays for its own
 * per-design caches (storage network, single points of failure, the rules' results) as
 * the first sweep or analysis after an edit does.
 */

import { analyzeParsed } from '../src/core/analysis/engine';
import { parseVtopo } from '../src/core/model/parse';
import { simulationContext } from '../src/core/simulation/context';
import { hostFailureScenario, simulateScenario } from '../src/core/simulation/engine';
import { singleFailureTargets, sweep } from '../src/core/simulation/sweep';
import { BENCH_SIZES, generateDesign } from './generate';
import { medianMsEach, table, type GoalFigure } from './measure';

/** Prints the simulation figures. */
export function benchSimulation(runs: number): GoalFigure[] {
  const medium = BENCH_SIZES.find((s) => s.vms === 1_000);
  if (!medium) throw new Error('bench/generate.ts no longer has the 1,000-VM size');
  const mediumText = generateDesign(medium);
  const firstHost = parseVtopo(mediumText).topology.hosts[0]?.id ?? '';
  const failure = simulateScenario(parseVtopo(mediumText).topology, hostFailureScenario(firstHost));
  const failureMs = medianMsEach(runs, () => parseVtopo(mediumText).topology, (topology) => simulateScenario(topology, hostFailureScenario(firstHost)));

  console.log(`\nfailover simulation, median of ${runs} runs after 1 warm-up, each on a fresh parse (parse not timed)\n`);
  console.log(`host failure (${medium.name}: ${medium.hosts} hosts, ${medium.vms} VMs, ${firstHost}): ${failureMs.toFixed(2)} ms (${failure.summary.vmsRestarted} restarted, ${failure.events.length} events)`);

  const rows: string[][] = [];
  const goals: GoalFigure[] = [];
  for (const size of BENCH_SIZES) {
    const text = generateDesign(size);
    const { topology } = parseVtopo(text);
    const targets = singleFailureTargets(topology);
    const { network, lan } = simulationContext(topology);
    const lanOnly = targets.filter((t) => lan.elements.has(t.id) && !network.elements.has(t.id)).length;
    const worst = sweep(topology, { mode: 'n-1' })[0];
    const sweepMs = medianMsEach(runs, () => parseVtopo(text).topology, (fresh) => sweep(fresh, { mode: 'n-1' }));
    const analysisMs = medianMsEach(runs, () => parseVtopo(text), (fresh) => analyzeParsed(fresh));
    const ratio = sweepMs / analysisMs;
    goals.push({ what: `N-1 sweep / one analysis, ${size.name}`, value: ratio, unit: 'x', limit: 10 });
    rows.push([
      size.name,
      String(size.hosts),
      String(size.vms),
      String(targets.length),
      String(lanOnly),
      sweepMs.toFixed(1),
      analysisMs.toFixed(1),
      ratio.toFixed(2),
      worst ? `${worst.failed.map((f) => f.id).join('+')} (${worst.vmsDown} down)` : 'none',
    ]);
  }
  console.log('\nN-1 sweep against its peer, one full analysis of the same design (goal sweep/analysis <= 10)');
  console.log('LAN-only scenarios: elements only the LAN has (NICs, virtual switches, LAN cables)\n');
  console.log(table(['design', 'hosts', 'VMs', 'scenarios', 'LAN-only scenarios', 'sweep ms', 'analysis ms', 'sweep/analysis', 'worst'], rows));
  return goals;
}
