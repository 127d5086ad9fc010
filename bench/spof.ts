/**
 * Single-point-of-failure analysis at two generated sizes (bench/generate.ts): builds the
 * storage network and checks every (host, datastore) pair, the work behind the
 * storage-path-spof and datastore-unreachable rules. The last column, microseconds per
 * graph element (ports, adapters, cables, switches, controllers), stays flat when the
 * analysis is linear in the size of the design.
 */

import { singlePointsOfFailure, buildStorageNetwork, storageNeeds } from '../src/core/analysis/storage-network';
import { parseVtopo } from '../src/core/model/parse';
import { BENCH_SIZES, generateDesign } from './generate';
import { medianMs } from './measure';

/** Prints the SPOF analysis figures for the benchmark sizes. */
export function benchSpof(runs: number): void {
  const rows: string[][] = [];
  for (const size of BENCH_SIZES) {
    const { topology } = parseVtopo(generateDesign(size));
    const analyze = () => {
      const network = buildStorageNetwork(topology);
      let failures = 0;
      for (const { host, datastore } of storageNeeds(topology)) failures += singlePointsOfFailure(network, host, datastore).elements.length;
      return { network, failures };
    };
    const { network, failures } = analyze();
    const elements = network.elements.size;
    const pairs = storageNeeds(topology).length;
    const ms = medianMs(runs, analyze);
    rows.push([size.name, String(elements), String(pairs), String(failures), ms.toFixed(2), ((ms * 1000) / elements).toFixed(3)]);
  }
  const header = ['design', 'graph elements', 'host/datastore pairs', 'SPOFs found', 'SPOF ms', 'µs per element'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\nsingle-point-of-failure analysis (network build + every pair), median of ${runs} runs\n`);
  console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));
}
