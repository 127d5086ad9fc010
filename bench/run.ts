/**
 * Reader and analyzer benchmark on generated designs (bench/generate.ts).
 *
 *   npm run bench                       # print the table
 *   npm run bench -- --write DIR        # also write the generated .vtopo files to DIR
 *   npm run bench -- --runs 9           # timed runs per measurement (default 5)
 *   npm run bench -- --only import      # one part: designs, spof, simulation, import or hostile
 *
 * Each measurement is one warm-up run followed by `runs` timed runs; the table shows
 * medians. Analysis is timed on an already parsed result (analyzeParsed), so it excludes
 * the reader.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeParsed } from '../src/core/analysis/engine';
import { parseVtopo } from '../src/core/model/parse';
import { BENCH_SIZES, generateDesign } from './generate';
import { benchHostile } from './hostile';
import { benchImport } from './import';
import { benchSimulation } from './simulation';
import { benchSpof } from './spof';
import { medianMs, table } from './measure';

const PARTS = ['designs', 'spof', 'simulation', 'import', 'hostile'] as const;
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
  if (runs('designs')) benchDesigns(options);
  if (runs('spof')) benchSpof(options.runs);
  if (runs('simulation')) benchSimulation(options.runs);
  if (runs('import')) await benchImport(options.runs);
  if (runs('hostile')) benchHostile();
}

function benchDesigns(options: Options): void {
  const rows: string[][] = [];
  for (const size of BENCH_SIZES) {
    const text = generateDesign(size);
    if (options.writeDir) {
      const dir = resolve(options.writeDir);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `bench-${size.name}.vtopo`);
      writeFileSync(file, text);
      console.log(`wrote ${file}`);
    }
    const parsed = parseVtopo(text);
    if (parsed.problems.length > 0) {
      const first = parsed.problems.slice(0, 5).map((p) => `  ${p.ruleId} at ${p.range.start}: ${p.message}`).join('\n');
      throw new Error(`the generated ${size.name} design has ${parsed.problems.length} problems; the benchmark needs a clean design:\n${first}`);
    }
    const { topology } = parsed;
    if (topology.hosts.length !== size.hosts || topology.vms.length !== size.vms) {
      throw new Error(`the generated ${size.name} design read as ${topology.hosts.length} hosts and ${topology.vms.length} VMs`);
    }
    const parseMs = medianMs(options.runs, () => parseVtopo(text));
    const analysisMs = medianMs(options.runs, () => analyzeParsed(parsed));
    const findings = analyzeParsed(parsed).findings.length;
    rows.push([
      size.name,
      String(size.hosts),
      String(size.vms),
      String(size.fabrics),
      String(topology.links.length),
      (text.length / 1048576).toFixed(2),
      parseMs.toFixed(1),
      analysisMs.toFixed(2),
      (analysisMs / parseMs).toFixed(4),
      String(findings),
    ]);
  }
  console.log(`\nmedian of ${options.runs} runs after 1 warm-up; node ${process.version}\n`);
  console.log(table(['design', 'hosts', 'VMs', 'fabrics', 'links', 'MB', 'parse ms', 'analysis ms', 'analysis/parse', 'findings'], rows));
}

void main();
