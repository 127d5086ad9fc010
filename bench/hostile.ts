/**
 * Hostile designs: generators shared by the unit tests (test/unit/model/bad-input.test.ts,
 * which check what is reported on small sizes) and the `hostile` part of the benchmark,
 * which measures each at full size through the CLI's own path (read, analyze, SARIF) in a
 * fresh process, for its peak memory:
 *
 *   npm run bench -- --only hostile
 */

import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { checkInputs } from '../src/cli/check';
import { formatSarif } from '../src/cli/format-sarif';
import { table } from './measure';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * One adapter with `ports` ports, anchored on the first host and reused through an alias by
 * every other host: 1,000 x 1,000 is 119 KB of text that reads as a million ports.
 */
export function aliasedAdapterDesign(hosts: number, ports: number): string {
  const width = String(Math.max(hosts, ports) - 1).length;
  const lines = ['vtopo: 1', 'clusters:', '  prod: {}', 'hosts:'];
  for (let h = 0; h < hosts; h++) {
    lines.push(`  h${pad(h, width)}:`, '    cpu: { cores: 16, speed: 2 GHz }', '    memory: 256 GB', '    adapters:');
    if (h > 0) {
      lines.push('      nic: *nic');
      continue;
    }
    lines.push('      nic: &nic', '        type: ethernet', '        ports:');
    for (let p = 0; p < ports; p++) lines.push(`          p${pad(p, width)}: { speed: 10 Gbps }`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The format's own way to share that hardware: one host profile with a `ports`-port adapter
 * and `hosts` hosts that name it. Every host really has those ports, so this is the size
 * of design a big estate is, not an attack.
 */
export function profileDesign(hosts: number, ports: number): string {
  const width = String(Math.max(hosts, ports) - 1).length;
  const lines = ['vtopo: 1', 'clusters:', '  prod: {}', 'hostProfiles:', '  big:', '    cpu: { cores: 16, speed: 2 GHz }', '    memory: 256 GB', '    adapters:', '      nic:', '        type: ethernet', '        ports:'];
  for (let p = 0; p < ports; p++) lines.push(`          p${pad(p, width)}: { speed: 10 Gbps }`);
  lines.push('hosts:');
  for (let h = 0; h < hosts; h++) lines.push(`  h${pad(h, width)}: { profile: big }`);
  return `${lines.join('\n')}\n`;
}

/**
 * `count` VMs, each on a host that is not declared (a typo repeated by a script, or an
 * import whose hosts were cut): one unresolved reference each.
 */
export function badReferencesDesign(count: number): string {
  const width = String(count - 1).length;
  const lines = ['vtopo: 1', 'clusters:', '  prod: {}', 'hosts:', '  esx-01: { cpu: { cores: 16, speed: 2 GHz }, memory: 256 GB }', 'vms:'];
  for (let v = 0; v < count; v++) lines.push(`  vm${pad(v, width)}: { host: esx-1, memory: 1 GB }`);
  return `${lines.join('\n')}\n`;
}

/**
 * `count` aliases to an anchor written after them: each is an error, and yaml's own look-up
 * walks the whole document for each before it finds nothing.
 */
export function laterAnchorDesign(count: number): string {
  return `vtopo: 1\nlayout:\n${Array.from({ length: count }, (_, i) => `  e${i}: *x`).join('\n')}\nname: &x late\n`;
}

/** A small design to put an extreme number into: two hosts, a switch, an array, a datastore and a VM. */
export const SMALL_DESIGN = `vtopo: 1
clusters:
  prod: {}
hosts:
  esx-01:
    cpu: { cores: 16, speed: 2 GHz }
    memory: 256 GB
    adapters:
      hba1: { type: fc, ports: { p0: { speed: 16 Gbps } } }
  esx-02:
    cpu: { cores: 16, speed: 2 GHz }
    memory: 256 GB
    adapters:
      hba1: { type: fc, ports: { p0: { speed: 16 Gbps } } }
switches:
  fc-a: { type: fc }
arrays:
  san:
    controllers:
      a: { ports: { p0: { type: fc, speed: 16 Gbps } } }
datastores:
  ds1: { array: san, capacity: 10 TB }
links:
  - [esx-01/hba1/p0, fc-a]
  - [esx-02/hba1/p0, fc-a]
  - [san/a/p0, fc-a]
vms:
  vm1: { host: esx-01, cpus: 2, memory: 8 GB, datastore: ds1 }
`;

/**
 * The original complaint, `cores: 1e308`, and the same number in the host's memory, a VM's
 * CPU reservation, a port's speed and a datastore's capacity.
 */
export function hugeNumbersDesign(value = '1e308'): string {
  return SMALL_DESIGN
    .replace('esx-01:\n    cpu: { cores: 16, speed: 2 GHz }\n    memory: 256 GB', `esx-01:\n    cpu: { cores: ${value}, sockets: ${value}, speedMHz: ${value} }\n    memoryMB: ${value}`)
    .replace('  - [esx-01/hba1/p0, fc-a]', `  - { from: esx-01/hba1/p0, to: fc-a, speedMbps: ${value} }`)
    .replace('capacity: 10 TB', `capacityMB: ${value}`)
    .replace('vm1: { host: esx-01, cpus: 2, memory: 8 GB, datastore: ds1 }', `vm1: { host: esx-02, cpus: 2, memory: 8 GB, datastore: ds1, reservation: { cpuMHz: ${value} } }`);
}

/** The full-size cases of the issue ("Responsive at estate scale", bounded work on hostile input). */
export const HOSTILE_CASES: Readonly<Record<string, () => string>> = {
  'aliased adapter 1,000 ports x 1,000 hosts': () => aliasedAdapterDesign(1000, 1000),
  'host profile 32 ports x 1,000 hosts': () => profileDesign(1000, 32),
  'host profile 1,000 ports x 1,000 hosts': () => profileDesign(1000, 1000),
  '20,000 aliases to a later anchor': () => laterAnchorDesign(20_000),
  '120,000 bad references': () => badReferencesDesign(120_000),
  'numbers of 1e308': () => hugeNumbersDesign(),
};

interface CaseFigures {
  readonly textKB: number;
  readonly ms: number;
  readonly maxRssMB: number;
  readonly findings: number;
  readonly sarifMB: number;
  readonly nonFinite: boolean;
}

/** Runs one case in this process: read, analyze and write SARIF as `vtopo check --format sarif` does. */
function measureCase(name: string): CaseFigures {
  const generate = HOSTILE_CASES[name];
  if (!generate) throw new Error(`no hostile case "${name}"`);
  const text = generate();
  const start = performance.now();
  const run = checkInputs([{ kind: 'text', path: 'hostile.vtopo', text }], []);
  const sarif = formatSarif(run, process.cwd());
  const ms = performance.now() - start;
  const findings = run.files[0]?.findings ?? [];
  return {
    textKB: text.length / 1024,
    ms,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    findings: findings.length,
    sarifMB: sarif.length / 1048576,
    nonFinite: findings.some((finding) => /\bNaN\b|\bInfinity\b/.test(finding.message)),
  };
}

/** Each case in a fresh process (its peak memory is its own), one after the other. */
export function benchHostile(): void {
  const rows: string[][] = [];
  for (const name of Object.keys(HOSTILE_CASES)) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), name], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`hostile case "${name}" failed: ${child.stderr}`);
    const figures = JSON.parse(child.stdout) as CaseFigures;
    rows.push([name, figures.textKB.toFixed(0), figures.ms.toFixed(0), figures.maxRssMB.toFixed(0), String(figures.findings), figures.sarifMB.toFixed(2), figures.nonFinite ? 'yes' : 'no']);
  }
  console.log(`\nhostile input, one run each in a fresh process; node ${process.version}\n`);
  console.log(table(['case', 'text KB', 'ms', 'max RSS MB', 'findings', 'SARIF MB', 'NaN/Infinity'], rows));
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] !== undefined) {
  process.stdout.write(JSON.stringify(measureCase(process.argv[2])));
}
