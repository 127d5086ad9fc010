/**
 * The long fuzz run: `npm run fuzz -- --cases 100000 [--seed N] [--jobs J] [--minutes T] [--case K] [--max-failures M] [--profile light]`.
 * Prints progress and cases per second; writes each failing input to
 * fuzz-failures/<seed>-<case>.vtopo with the broken invariant in <seed>-<case>.txt, and
 * exits 1 if any case failed. `--case K` runs only case K of the seed (to reproduce one);
 * `--jobs J` splits the cases over J processes (case i goes to process i mod J); `--minutes T`
 * stops after T minutes of wall-clock time and reports how many cases ran.
 */

import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadExamples, makeCase, runCase, type Profile } from './cases';

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  if (at >= 0) return args[at + 1];
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

function integer(name: string, fallback: number): number {
  const raw = argument(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} needs a non-negative integer, not "${raw}"`);
    process.exit(2);
  }
  return value;
}

const seed = integer('seed', 1);
const single = argument('case') === undefined ? undefined : integer('case', 0);
const cases = integer('cases', 10000);
const maxFailures = integer('max-failures', 20);
const jobs = Math.max(1, integer('jobs', 1));
const shard = argument('shard');
/** Wall-clock deadline (ms since the epoch), passed on to the workers. */
const deadline = integer('deadline', integer('minutes', 0) > 0 ? Date.now() + integer('minutes', 0) * 60000 : 0);
const profile: Profile = argument('profile') === 'light' ? 'light' : 'full';
const outDir = new URL('../../fuzz-failures/', import.meta.url);
const first = single ?? 0;
const last = single === undefined ? cases : single + 1;

interface Totals {
  ran: number;
  /** The case at which the time budget ran out, if it did. */
  stoppedAt?: number;
  failures: number;
  hosts: number;
  rows: number;
  byInvariant: Record<string, number>;
}

type Message = { readonly type: 'progress'; readonly ran: number; readonly failures: number } | { readonly type: 'line'; readonly text: string } | { readonly type: 'done'; readonly totals: Totals };

/** Runs the cases of one shard (index mod count), reporting through `report`. */
function runShard(index: number, count: number, report: (message: Message) => void): Totals {
  const examples = loadExamples();
  const totals: Totals = { ran: 0, failures: 0, hosts: 0, rows: 0, byInvariant: {} };
  let lastReport = performance.now();
  for (let i = first; i < last; i++) {
    if (i % count !== index) continue;
    if (deadline > 0 && Date.now() > deadline) {
      totals.stoppedAt = i;
      break;
    }
    const fuzzCase = makeCase(seed, i, examples, profile);
    const { violation, stats } = runCase(fuzzCase);
    totals.ran += 1;
    if (stats) {
      totals.hosts += stats.hosts;
      totals.rows += stats.n1Rows + stats.n2Rows;
    }
    if (violation) {
      totals.failures += 1;
      totals.byInvariant[violation.invariant] = (totals.byInvariant[violation.invariant] ?? 0) + 1;
      mkdirSync(outDir, { recursive: true });
      const base = `${seed}-${i}`;
      writeFileSync(new URL(`${base}.vtopo`, outDir), fuzzCase.text);
      writeFileSync(
        new URL(`${base}.txt`, outDir),
        `invariant: ${violation.invariant}\nseed: ${seed}\ncase: ${i}\norigin: ${fuzzCase.origin}\npicks: ${fuzzCase.options.picks.join(', ')}\nreproduce: npm run fuzz -- --seed ${seed} --case ${i}${profile === 'light' ? ' --profile light' : ''}\n\n${violation.detail}\n`,
      );
      report({ type: 'line', text: `FAIL case ${i} [${violation.invariant}] ${fuzzCase.origin}: ${violation.detail.split('\n')[0]} -> fuzz-failures/${base}.vtopo` });
      if (totals.failures >= maxFailures) {
        report({ type: 'line', text: `stopping after ${totals.failures} failures` });
        break;
      }
    }
    const now = performance.now();
    if (now - lastReport > 1000) {
      lastReport = now;
      report({ type: 'progress', ran: totals.ran, failures: totals.failures });
    }
  }
  return totals;
}

function summary(totals: Totals, seconds: number): void {
  const ran = Math.max(1, totals.ran);
  if (totals.stoppedAt !== undefined) console.log(`fuzz: the time budget ran out; ${totals.ran} of ${last - first} cases ran`);
  console.log(
    `fuzz: ${totals.ran} cases in ${seconds.toFixed(1)} s (${(totals.ran / seconds).toFixed(1)} cases/s), average ${(totals.hosts / ran).toFixed(1)} hosts and ${(totals.rows / ran).toFixed(0)} sweep rows per case; ${totals.failures} failures`,
  );
  for (const [invariant, count] of Object.entries(totals.byInvariant)) console.log(`  ${invariant}: ${count}`);
}

if (shard !== undefined) {
  // A worker: report to the parent.
  const [index, count] = shard.split('/').map(Number);
  const send = (message: Message) => process.send?.(message);
  const totals = runShard(index ?? 0, count ?? 1, send);
  send({ type: 'done', totals });
  process.disconnect?.();
} else {
  const started = performance.now();
  console.log(`fuzz: seed ${seed}, cases ${first}..${last - 1}, ${jobs} job(s), ${profile} checks`);
  const progress = new Array<{ ran: number; failures: number }>(jobs).fill({ ran: 0, failures: 0 });
  let lastPrint = started;
  const printProgress = () => {
    const now = performance.now();
    if (now - lastPrint < 5000) return;
    lastPrint = now;
    const ran = progress.reduce((a, p) => a + p.ran, 0);
    const failures = progress.reduce((a, p) => a + p.failures, 0);
    const seconds = (now - started) / 1000;
    console.log(`  ${ran}/${last - first} cases, ${(ran / seconds).toFixed(1)} cases/s, ${failures} failures, ${seconds.toFixed(0)} s`);
  };
  if (jobs === 1) {
    const totals = runShard(0, 1, (message) => {
      if (message.type === 'line') console.log(message.text);
      if (message.type === 'progress') {
        progress[0] = message;
        printProgress();
      }
    });
    summary(totals, (performance.now() - started) / 1000);
    process.exit(totals.failures > 0 ? 1 : 0);
  } else {
    const script = fileURLToPath(import.meta.url);
    const results: Totals[] = [];
    let exited = 0;
    for (let index = 0; index < jobs; index++) {
      const child = fork(script, [...process.argv.slice(2), '--shard', `${index}/${jobs}`, '--deadline', String(deadline)], { execArgv: ['--import', 'tsx'] });
      child.on('message', (message: Message) => {
        if (message.type === 'line') console.log(message.text);
        if (message.type === 'progress') {
          progress[index] = message;
          printProgress();
        }
        if (message.type === 'done') results[index] = message.totals;
      });
      child.on('exit', (code) => {
        if (code !== 0 && !results[index]) results[index] = { ran: 0, failures: 1, hosts: 0, rows: 0, byInvariant: { [`worker ${index} exited with ${code}`]: 1 } };
        exited += 1;
        if (exited < jobs) return;
        const totals: Totals = { ran: 0, failures: 0, hosts: 0, rows: 0, byInvariant: {} };
        for (const r of results) {
          if (!r) continue;
          totals.ran += r.ran;
          totals.failures += r.failures;
          if (r.stoppedAt !== undefined) totals.stoppedAt = Math.min(totals.stoppedAt ?? r.stoppedAt, r.stoppedAt);
          totals.hosts += r.hosts;
          totals.rows += r.rows;
          for (const [k, v] of Object.entries(r.byInvariant)) totals.byInvariant[k] = (totals.byInvariant[k] ?? 0) + v;
        }
        summary(totals, (performance.now() - started) / 1000);
        process.exit(totals.failures > 0 ? 1 : 0);
      });
    }
  }
}
