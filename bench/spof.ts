/**
 * Single-point-of-failure analysis at two generated sizes (bench/generate.ts): builds the
 * storage network and checks every (host, datastore) pair, the work behind the
 * storage-path-spof and datastore-unreachable rules. Microseconds per graph element
 * (ports, adapters, cables, switches, controllers) stays flat when the analysis is linear
 * in the size of the design.
 *
 * The peer is the brute-force removal loop on the same network: for each pair, fail each
 * element that could lie on one of its paths (the host's storage ports, their adapters
 * and cables, every switch, inter-switch link and direct-attach cable, and the array's
 * ports, controllers and cables), one at a time, and search the graph again
 * (reachesDatastore). Both find the same elements: that is checked, untimed, on up to 500
 * pairs spread over the design (test/unit/rules/storage/properties.test.ts holds the two
 * to each other on random designs).
 */

import { buildStorageNetwork, reachesDatastore, singlePointsOfFailure, storageNeeds, type StorageNetwork } from '../src/core/analysis/storage-network';
import { parseVtopo } from '../src/core/model/parse';
import type { Datastore, Host, Topology } from '../src/core/model/topology';
import { BENCH_SIZES, generateDesign } from './generate';
import { medianMs, table, type GoalFigure } from './measure';

/** The elements whose failure could cut this host from this datastore (see the module comment). */
function candidates(network: StorageNetwork, host: Host, datastore: Datastore): string[] {
  const ids = new Set<string>();
  for (const port of network.hostPorts.get(host.id) ?? []) {
    ids.add(port.adapterId).add(port.id);
    for (const { cableId } of port.attachments) if (cableId !== undefined) ids.add(cableId);
  }
  for (const id of network.vertexIds) ids.add(id);
  for (const port of network.arrayPorts.get(datastore.array ?? '') ?? []) {
    ids.add(port.controllerId).add(port.id);
    for (const { cableId } of port.attachments) if (cableId !== undefined) ids.add(cableId);
  }
  return [...ids];
}

/** The single points of failure of one pair by removing each candidate in turn. */
function bruteForceSpofs(network: StorageNetwork, host: Host, datastore: Datastore): string[] {
  if (!reachesDatastore(network, host, datastore, new Set())) return [];
  return candidates(network, host, datastore).filter((id) => !reachesDatastore(network, host, datastore, new Set([id])));
}

/** Network build plus every pair, by `spofsOf`; returns the number of single points of failure found. */
function everyPair(topology: Topology, spofsOf: (network: StorageNetwork, host: Host, datastore: Datastore) => readonly string[]): number {
  const network = buildStorageNetwork(topology);
  let failures = 0;
  for (const { host, datastore } of storageNeeds(topology)) failures += spofsOf(network, host, datastore).length;
  return failures;
}

const analysis = (network: StorageNetwork, host: Host, datastore: Datastore) => singlePointsOfFailure(network, host, datastore).elements;

/** Throws unless the analysis and the brute force name the same elements, on up to 500 pairs spread over the design. */
function checkAgreement(name: string, topology: Topology): void {
  const network = buildStorageNetwork(topology);
  const pairs = storageNeeds(topology);
  const step = Math.ceil(pairs.length / 500);
  for (const { host, datastore } of pairs.filter((_, index) => index % step === 0)) {
    const fast = [...analysis(network, host, datastore)].sort().join(', ');
    const slow = bruteForceSpofs(network, host, datastore).sort().join(', ');
    if (fast !== slow) throw new Error(`${name}: ${host.id} to ${datastore.id}: the analysis finds [${fast}], the brute force [${slow}]`);
  }
}

/** Prints the SPOF analysis figures for the benchmark sizes. */
export function benchSpof(runs: number): GoalFigure[] {
  const rows: string[][] = [];
  const goals: GoalFigure[] = [];
  for (const size of BENCH_SIZES) {
    const { topology } = parseVtopo(generateDesign(size));
    checkAgreement(size.name, topology);
    const network = buildStorageNetwork(topology);
    const elements = network.elements.size;
    const pairs = storageNeeds(topology);
    const removals = pairs.reduce((sum, { host, datastore }) => sum + candidates(network, host, datastore).length, 0);
    const failures = everyPair(topology, analysis);
    const ms = medianMs(runs, () => everyPair(topology, analysis));
    const bruteMs = medianMs(runs, () => everyPair(topology, bruteForceSpofs));
    const ratio = ms / bruteMs;
    goals.push({ what: `SPOF analysis / brute-force removal, ${size.name}`, value: ratio, unit: 'x' });
    rows.push([size.name, String(elements), String(pairs.length), String(failures), ms.toFixed(2), ((ms * 1000) / elements).toFixed(3), String(removals), bruteMs.toFixed(0), ratio.toFixed(4)]);
  }
  console.log(`\nsingle-point-of-failure analysis (network build + every pair), median of ${runs} runs after 1 warm-up`);
  console.log('peer: brute force on the same network, each element that could be on a pair\'s path removed in turn and the graph searched again (same elements found: checked on up to 500 pairs)\n');
  console.log(table(['design', 'graph elements', 'host/datastore pairs', 'SPOFs found', 'SPOF ms', 'µs per element', 'removals', 'brute-force ms', 'SPOF/brute force'], rows));
  return goals;
}
