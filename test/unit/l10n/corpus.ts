// Designs that between them make every rule with a catalog report something, for the
// pseudo-localized run (catalog.test.ts): the examples, and variants of them that break
// what the examples get right. A rule moved to a catalog that none of these triggers gets a
// variant here (docs/l10n.md, "Moving a rule").
import { readdirSync, readFileSync } from 'node:fs';

const example = (name: string) => readFileSync(`examples/${name}`, 'utf8');

/** Each design with a name for messages. */
export function pseudoLocalizationCorpus(): Design[] {
  const examples = readdirSync('examples').filter((name) => name.endsWith('.vtopo')).map((name) => ({ name, text: example(name) }));
  return [
    ...examples,
    ...DOMAINS,
    ...STORAGE,
    ...HARDWARE,
    ...CAPACITY,
    ...PLACEMENT,
    ...PLATFORM,
    ...NETWORK,
    ...INVENTORY,
    ...FILE,
  ];
}

type Design = { readonly name: string; readonly text: string };

// ------------------------------------------------------------------- domains

const DOMAINS: readonly Design[] = [
  // power-single-feed: every device on one feed (a single supply), then both supplies on the A side.
  { name: 'racks-and-power, one supply each', text: example('racks-and-power.vtopo').replace(/power: \[(\S+), \S+\]/g, 'power: [$1]') },
  { name: 'racks-and-power, both supplies on A', text: example('racks-and-power.vtopo').replace(/power: \[(\S+)-a, (\S+)-b\]/g, 'power: [$1-a, $1-a]') },
];

// ------------------------------------------------------------------- storage

const STORAGE: readonly Design[] = [];

// ------------------------------------------------------------------ hardware

const HARDWARE: readonly Design[] = [];

// ------------------------------------------------------------------ capacity

const CAPACITY: readonly Design[] = [];

// ----------------------------------------------------------------- placement

const PLACEMENT: readonly Design[] = [];

// ------------------------------------------------------------------ platform

const PLATFORM: readonly Design[] = [];

// ------------------------------------------------------------------- network

const NETWORK: readonly Design[] = [];

// ----------------------------------------------------------------- inventory

const INVENTORY: readonly Design[] = [];

// ---------------------------------------------------------------------- file

const FILE: readonly Design[] = [];
