/**
 * The reader and the analyzer on the generated designs (bench/generate.ts), each as a ratio
 * to its peer on the same text:
 *
 * - parse (parseVtopo: YAML, the design model, references) against js-yaml's `load` of the
 *   same text, which builds plain objects and checks nothing; goal <= 3x;
 * - the full analysis (every rule, on the parsed design) against that parse; goal <= 1;
 * - the parse after one edit to a VM, taking back from the parse before it every entry the
 *   edit left alone (src/core/model/reuse.ts), against the whole parse; the edit is to the
 *   first VM, so every entry after it moves (the first move lists each entry's ranges);
 * - the analysis after one edit to a VM, reusing the rules that read no VM from the
 *   analysis before it (src/core/analysis/incremental.ts), against the full analysis.
 *
 * The analysis is timed on a fresh parse each run: the rules keep per-design results in
 * WeakMaps, and a second analysis of the same parse would find them made.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { analyzeParsed } from '../src/core/analysis/engine';
import { AnalysisMemory } from '../src/core/analysis/incremental';
import { parseVtopo } from '../src/core/model/parse';
import { BENCH_SIZES, generateDesign, withOneVmEdited } from './generate';
import { medianMs, medianMsEach, table, type GoalFigure } from './measure';

const JS_YAML_VERSION = (createRequire(import.meta.url)('js-yaml/package.json') as { version: string }).version;

/** Prints the reader and analysis table; `writeDir` also gets the generated files. */
export function benchDesigns(runs: number, writeDir: string | undefined): GoalFigure[] {
  const rows: string[][] = [];
  const goals: GoalFigure[] = [];
  for (const size of BENCH_SIZES) {
    const text = generateDesign(size);
    if (writeDir) {
      const dir = resolve(writeDir);
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
    const jsYamlMs = medianMs(runs, () => load(text));
    const parseMs = medianMs(runs, () => parseVtopo(text));
    const analysisMs = medianMsEach(runs, () => parseVtopo(text), (fresh) => analyzeParsed(fresh));
    const edited = withOneVmEdited(text);
    const reparseMs = medianMsEach(runs, () => parseVtopo(text), (last) => parseVtopo(edited, last));
    const incrementalMs = medianMsEach(runs, () => {
      const memory = new AnalysisMemory();
      analyzeParsed(parseVtopo(text), {}, memory);
      return { memory, parsed: parseVtopo(edited) };
    }, ({ memory, parsed: next }) => analyzeParsed(next, {}, memory));
    const findings = analyzeParsed(parsed).findings.length;
    const parseRatio = parseMs / jsYamlMs;
    const analysisRatio = analysisMs / parseMs;
    goals.push(
      { what: `parse / js-yaml load, ${size.name}`, value: parseRatio, unit: 'x', limit: 3 },
      { what: `analysis / parse, ${size.name}`, value: analysisRatio, unit: 'x', limit: 1 },
    );
    rows.push([
      size.name,
      String(size.hosts),
      String(size.vms),
      String(size.fabrics),
      String(topology.links.length),
      (text.length / 1048576).toFixed(2),
      jsYamlMs.toFixed(1),
      parseMs.toFixed(1),
      parseRatio.toFixed(2),
      analysisMs.toFixed(1),
      analysisRatio.toFixed(2),
      reparseMs.toFixed(1),
      (reparseMs / parseMs).toFixed(2),
      incrementalMs.toFixed(1),
      (incrementalMs / analysisMs).toFixed(2),
      String(findings),
    ]);
  }
  console.log(`\nreader and analyzer, median of ${runs} runs after 1 warm-up; node ${process.version}`);
  console.log(`peer of parse: js-yaml ${JS_YAML_VERSION} load of the same text (goal parse/js-yaml <= 3); peer of analysis: parse (goal analysis/parse <= 1)`);
  console.log('after VM edit: the parse and the analysis after one edit to the first VM, each reusing what the edit left alone of the one before; peers: the whole parse, the full analysis\n');
  console.log(table(['design', 'hosts', 'VMs', 'fabrics', 'links', 'MB', 'js-yaml ms', 'parse ms', 'parse/js-yaml', 'analysis ms', 'analysis/parse', 'reparse ms', 'reparse/parse', 'analysis after edit ms', 'after edit/analysis', 'findings'], rows));
  return goals;
}
