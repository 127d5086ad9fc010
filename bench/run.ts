/**
 * The benchmark: each figure next to a peer on the same input, as a ratio (issue 11).
 *
 *   npm run bench                       # every part, then the summary against the goals
 *   npm run bench -- --write DIR        # also write the generated .vtopo files to DIR
 *   npm run bench -- --runs 9           # timed runs per measurement (default 5)
 *   npm run bench -- --only memory      # one part (see PARTS)
 *
 * Each timing is one warm-up run followed by `runs` timed runs; the tables show medians.
 * The parts:
 *   designs     parse vs js-yaml load, analysis vs parse (bench/designs.ts)
 *   spof        storage single-point-of-failure analysis vs a brute-force removal loop (bench/spof.ts)
 *   simulation  one host failure; N-1 sweep vs one analysis (bench/simulation.ts)
 *   import      RVTools import vs reading its tables (bench/import.ts)
 *   hostile     hostile inputs, each in a fresh process (bench/hostile.ts)
 *   memory      peak memory reading and analysing the large design, in a fresh process (bench/memory.ts)
 *   activation  loading and activating dist/extension/node.js against a stub API (bench/activation.ts)
 *   bundles     sizes of the built bundles (bench/bundles.ts)
 */

import { benchActivation } from './activation';
import { benchBundles } from './bundles';
import { benchDesigns } from './designs';
import { benchHostile } from './hostile';
import { benchImport } from './import';
import { benchMemory } from './memory';
import { benchSimulation } from './simulation';
import { benchSpof } from './spof';
import { goalTable, type GoalFigure } from './measure';

const PARTS = ['designs', 'spof', 'simulation', 'import', 'hostile', 'memory', 'activation', 'bundles'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  readonly writeDir: string | undefined;
  readonly runs: number;
  readonly only: Part | undefined;
}

function parseArguments(args: readonly string[]): Options {
  let writeDir: string | undefined;
  let runs = 5;
  let only: Part | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--write') {
      writeDir = args[++i];
      if (!writeDir) throw new Error('--write needs a directory');
    } else if (arg === '--runs') {
      runs = Number(args[++i]);
      if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive whole number');
    } else if (arg === '--only') {
      const part = args[++i];
      only = PARTS.find((candidate) => candidate === part);
      if (only === undefined) throw new Error(`--only needs one of ${PARTS.join(', ')}`);
    } else {
      throw new Error(`unknown argument ${arg}; usage: npm run bench -- [--write DIR] [--runs N] [--only ${PARTS.join('|')}]`);
    }
  }
  return { writeDir, runs, only };
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const runs = (part: Part) => options.only === undefined || options.only === part;
  const goals: GoalFigure[] = [];
  if (runs('designs')) goals.push(...benchDesigns(options.runs, options.writeDir));
  if (runs('spof')) goals.push(...benchSpof(options.runs));
  if (runs('simulation')) goals.push(...benchSimulation(options.runs));
  if (runs('import')) await benchImport(options.runs);
  if (runs('hostile')) benchHostile();
  if (runs('memory')) goals.push(...benchMemory());
  if (runs('activation')) goals.push(...benchActivation(options.runs));
  if (runs('bundles')) benchBundles();
  if (goals.length > 0) {
    console.log('\nsummary: the figures of issue 11 against their goals (this machine, this run)\n');
    console.log(goalTable(goals));
  }
}

void main();
