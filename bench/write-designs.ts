/**
 * Writes the bench's generated designs (bench/generate.ts) to a folder, for the editor
 * journeys that type into them (test/e2e/performance.e2e.mjs) or for a look by hand:
 *
 *   node --import tsx bench/write-designs.ts DIR [medium|large ...]
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BENCH_SIZES, generateDesign } from './generate';

const [dir, ...names] = process.argv.slice(2);
if (!dir) throw new Error('usage: node --import tsx bench/write-designs.ts DIR [medium|large ...]');
const sizes = names.length === 0 ? BENCH_SIZES : names.map((name) => {
  const size = BENCH_SIZES.find((candidate) => candidate.name === name);
  if (!size) throw new Error(`no bench design named ${name}; there are ${BENCH_SIZES.map((candidate) => candidate.name).join(', ')}`);
  return size;
});
mkdirSync(resolve(dir), { recursive: true });
for (const size of sizes) {
  const file = join(resolve(dir), `bench-${size.name}.vtopo`);
  writeFileSync(file, generateDesign(size));
  console.log(`wrote ${file}`);
}
