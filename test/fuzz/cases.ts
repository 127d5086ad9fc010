/**
 * Fuzz cases: case `index` of a run seeded `seed` is one input text, made from a random
 * design or an example, with or without tree or text mutations, and the picks of what to
 * fail. The same (seed, index) always gives the same case.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { generateDesign } from './generate';
import { checkText, type CheckOptions, type CheckStats, type Violation } from './invariants';
import { mutateText, mutateTree } from './mutate';
import { caseSeed, Rng } from './prng';

export interface Example {
  readonly name: string;
  readonly text: string;
}

export function loadExamples(): Example[] {
  const dir = new URL('../../examples/', import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.vtopo'))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8') }));
}

export interface FuzzCase {
  readonly seed: number;
  readonly index: number;
  /** How the text was made, e.g. `generated+tree(delete,swap)`. */
  readonly origin: string;
  readonly text: string;
  readonly options: CheckOptions;
}

/**
 * `full` checks every invariant on every case (the long run); `light` (the unit test) runs
 * the N-2 sweep on every other case, compares fewer sweep rows with full simulations, and
 * checks determinism on every fifth case, so that a few thousand cases fit in a test run.
 */
export type Profile = 'full' | 'light';

export function makeCase(seed: number, index: number, examples: readonly Example[], profile: Profile = 'full'): FuzzCase {
  const rng = new Rng(caseSeed(seed, index));
  const fromExample = examples.length > 0 && rng.chance(0.3);
  let text: string;
  let origin: string;
  if (fromExample) {
    const example = rng.pick(examples);
    text = example.text;
    origin = example.name;
  } else {
    text = generateDesign(rng.fork()).text;
    origin = 'generated';
  }
  const mode = rng.int(10);
  if (mode < 4) {
    const mutated = mutateTree(text, rng.fork());
    text = mutated.text;
    origin += `+tree(${mutated.edits.join(',')})`;
  } else if (mode < 7) {
    const mutated = mutateText(text, rng.fork());
    text = mutated.text;
    origin += `+text(${mutated.edits.join(',')})`;
  } else if (mode < 8) {
    const tree = mutateTree(text, rng.fork(), 2);
    const mutated = mutateText(tree.text, rng.fork(), 2);
    text = mutated.text;
    origin += `+tree(${tree.edits.join(',')})+text(${mutated.edits.join(',')})`;
  }
  const picks = [rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32()];
  const options: CheckOptions =
    profile === 'full'
      ? { picks, maxComparedRows: 40, comparedN2Rows: 10, n2: true, determinism: true }
      : { picks, maxComparedRows: 8, comparedN2Rows: 3, n2: index % 2 === 0, determinism: index % 5 === 0 };
  return { seed, index, origin, text, options };
}

export function runCase(fuzzCase: FuzzCase): { violation?: Violation; stats?: CheckStats } {
  return checkText(fuzzCase.text, fuzzCase.options);
}
