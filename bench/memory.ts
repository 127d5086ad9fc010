/**
 * Peak memory of reading and analysing the large generated design (goal < 400 MB), in a
 * fresh Node process so that nothing else the benchmark did is counted: it generates the
 * text, parses it (parseVtopo) and analyzes the result (analyzeParsed), holding both as
 * the extension does. Peak RSS (process.resourceUsage().maxRSS) is the whole process: Node
 * itself, tsx compiling the sources, the generator's garbage, the text, the design and the
 * findings. Heap used is sampled after each step, so its peak is the highest sample, not
 * the true high-water mark within a step.
 *
 *   npm run bench -- --only memory
 */

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { analyzeParsed } from '../src/core/analysis/engine';
import { parseVtopo } from '../src/core/model/parse';
import { BENCH_SIZES, generateDesign } from './generate';
import { table, type GoalFigure } from './measure';

const MB = 1048576;

interface Step {
  readonly step: string;
  readonly heapUsedMB: number;
  readonly rssMB: number;
}

interface MemoryFigures {
  readonly design: string;
  readonly steps: readonly Step[];
  readonly maxRssMB: number;
}

/** In the child: generate, parse and analyze the large design, sampling memory after each step. */
function measureLarge(): MemoryFigures {
  const size = BENCH_SIZES.find((s) => s.name === 'large');
  if (!size) throw new Error('bench/generate.ts no longer has the large size');
  const steps: Step[] = [];
  const sample = (step: string) => {
    const { heapUsed, rss } = process.memoryUsage();
    steps.push({ step, heapUsedMB: heapUsed / MB, rssMB: rss / MB });
  };
  sample('start (node, tsx, modules loaded)');
  const text = generateDesign(size);
  sample(`generated (${(text.length / MB).toFixed(2)} MB of text)`);
  const parsed = parseVtopo(text);
  sample(`parsed (${parsed.topology.hosts.length} hosts, ${parsed.topology.vms.length} VMs)`);
  const analysis = analyzeParsed(parsed);
  sample(`analyzed (${analysis.findings.length} findings)`);
  return { design: `${size.name} design (${size.hosts} hosts, ${size.vms} VMs)`, steps, maxRssMB: process.resourceUsage().maxRSS / 1024 };
}

/** Runs the measurement in a fresh process and prints it. */
export function benchMemory(): GoalFigure[] {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'child'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`the memory measurement failed: ${child.stderr}`);
  const figures = JSON.parse(child.stdout) as MemoryFigures;
  const peakHeapMB = Math.max(...figures.steps.map((s) => s.heapUsedMB));
  console.log(`\npeak memory reading and analysing the ${figures.design}, one run in a fresh process; node ${process.version}\n`);
  console.log(table(['after', 'heap used MB', 'RSS MB'], figures.steps.map((s) => [s.step, s.heapUsedMB.toFixed(0), s.rssMB.toFixed(0)])));
  console.log(`\npeak RSS ${figures.maxRssMB.toFixed(0)} MB (the whole Node process: runtime, tsx, generator, text, design, findings; goal < 400 MB); peak of the heap-used samples ${peakHeapMB.toFixed(0)} MB`);
  return [{ what: 'peak RSS reading + analysing large (whole process)', value: figures.maxRssMB, unit: 'MB', limit: 400, strict: true }];
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'child') {
  process.stdout.write(JSON.stringify(measureLarge()));
}
