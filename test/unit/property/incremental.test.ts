/**
 * Incremental parsing and analysis as a standing property: through seeded series of edits
 * (a character typed or deleted on a line, a line removed or doubled, a value changed, a VM
 * moved to another datastore, the fuzzer's text and tree mutations), on the examples and on generated designs, the parse
 * that takes back the last one's untouched entries reads exactly what a whole parse reads,
 * and the analysis that reuses rules' last reports finds exactly what a whole analysis of
 * the same text finds. And they do reuse: an edit to a VM leaves the other entries, and the
 * rules that read no VM, alone.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadExamples } from '../../fuzz/cases';
import { generateDesign } from '../../fuzz/generate';
import { mutateText, mutateTree } from '../../fuzz/mutate';
import { Rng } from '../../fuzz/prng';
import { analyzeParsed, analyzeText } from '../../../src/core/analysis/engine';
import { AnalysisMemory } from '../../../src/core/analysis/incremental';
import { buildLanNetwork, lanNetworkOf } from '../../../src/core/analysis/lan-network';
import { reportDocument } from '../../../src/core/analysis/document-report';
import { ANALYSIS_RULES } from '../../../src/core/analysis/rules';
import { entriesReused, lineIndexOf, parseVtopo, type ParseResult } from '../../../src/core/model/parse';
import { LineIndex } from '../../../src/core/model/source';
import { worstSingleHostFailure } from '../../../src/core/capacity/n1';
import { admissionControlStatus } from '../../../src/core/capacity/admission-control';
import { haClusters } from '../../../src/core/capacity/resources';
import { generateDesign as generateBenchDesign, BENCH_SIZES, withOneVmEdited } from '../../../bench/generate';

const TODAY = '2026-01-01';
const STEPS = Number(process.env.INCREMENTAL_STEPS ?? 12);

/** One edit a person might make: mostly typing on one line, sometimes lines or the fuzzer's mutations. */
function edit(text: string, rng: Rng): string {
  const lines = text.split('\n');
  const line = rng.int(lines.length);
  const current = lines[line] ?? '';
  const at = rng.int(current.length + 1);
  switch (rng.int(8)) {
    case 0:
      lines[line] = current.slice(0, at) + rng.pick(['x', '1', ' ', ':', '-', '#', 'GB', '}', ',']) + current.slice(at);
      return lines.join('\n');
    case 1:
      lines[line] = current.slice(0, at) + current.slice(at + 1 + rng.int(4));
      return lines.join('\n');
    case 2:
      lines.splice(line, 1);
      return lines.join('\n');
    case 3:
      lines.splice(line, 0, current);
      return lines.join('\n');
    case 4:
      lines[line] = current.replace(/\d+/, (digits) => String(Number(digits) * 2 + 1));
      return lines.join('\n');
    case 5:
      return mutateText(text, rng, 1).text;
    case 6: {
      // A VM moved to another datastore: what the storage path rules read of the VMs.
      const datastores = [...new Set([...text.matchAll(/datastore: ([\w.-]+)/g)].map((match) => match[1] ?? ''))];
      const uses = [...text.matchAll(/datastore: [\w.-]+/g)];
      const use = uses.length > 0 ? uses[rng.int(uses.length)] : undefined;
      if (!use || use.index === undefined || datastores.length < 2) return mutateTree(text, rng, 1).text;
      return `${text.slice(0, use.index)}datastore: ${rng.pick(datastores)}${text.slice(use.index + use[0].length)}`;
    }
    default:
      return mutateTree(text, rng, 1).text;
  }
}

/** What a parse read, to compare: the design, every declaration in order, the references and the problems. */
function readOf(parsed: ParseResult): unknown {
  return { file: parsed.topology.file, declarations: [...parsed.topology.declarations], references: parsed.topology.references, problems: parsed.problems };
}

/** Where every line of `text` starts, through `index`. */
function linesOf(index: LineIndex, text: string): unknown {
  const positions = [];
  for (let offset = 0; offset <= text.length; offset = text.indexOf('\n', offset) === -1 ? text.length + 1 : text.indexOf('\n', offset) + 1) positions.push(index.positionAt(offset));
  return { count: index.lineCount, positions };
}

/**
 * Runs a series of edits on `start`, checking each incremental parse and analysis against
 * whole ones; returns how many rule runs and entries were reused.
 */
function followEdits(start: string, rng: Rng, steps: number): { rules: number; entries: number } {
  const memory = new AnalysisMemory();
  let text = start;
  let rules = 0;
  let entries = 0;
  for (let step = 0; step <= steps; step++) {
    // First a comment above everything, which every rule that says what it reads may skip; then random edits.
    if (step === 1) text = `# reviewed\n${text}`;
    else if (step > 1) text = edit(text, rng);
    const parsed = memory.parse(text);
    assert.deepEqual(readOf(parsed), readOf(parseVtopo(text)), `step ${step}: an incremental parse reads what a whole one reads\n--- text\n${text}`);
    assert.deepEqual(linesOf(lineIndexOf(parsed), text), linesOf(new LineIndex(text), text), `step ${step}: the line starts carried across the edit are the text's`);
    const incremental = analyzeParsed(parsed, { today: TODAY }, memory);
    const whole = analyzeText(text, { today: TODAY });
    assert.deepEqual(incremental.findings, whole.findings, `step ${step}: the findings of an incremental analysis are a whole analysis's\n--- text\n${text}`);
    rules += incremental.reused?.length ?? 0;
    entries += entriesReused(parsed);
  }
  return { rules, entries };
}

describe('incremental analysis', () => {
  for (const example of loadExamples()) {
    it(`finds what a whole analysis finds through edits to ${example.name}`, () => {
      const rng = new Rng(example.name.length * 7919 + 17);
      const reused = followEdits(example.text, rng, STEPS);
      assert.ok(reused.rules > 0, 'some rules were not run again');
      assert.ok(reused.entries > 0, 'some entries were not read again');
    });
  }

  it('makes the report a whole analysis makes, N-1 status included, through edits to the examples', () => {
    const rng = new Rng(31);
    for (const example of loadExamples()) {
      const memory = new AnalysisMemory();
      let text = example.text;
      for (let step = 0; step <= 6; step++) {
        if (step > 0) text = edit(text, rng);
        const request = { uri: 'file:///design.vtopo', version: step, text, rules: {} };
        const withMemory = { ...reportDocument(request, text, memory), elapsedMs: 0 };
        assert.deepEqual(withMemory, { ...reportDocument(request, text), elapsedMs: 0 }, `${example.name}, step ${step}`);
      }
    }
  });

  it('keeps the N-1 verdict of the status bar when an edit leaves clusters, hosts and VMs alone', () => {
    const text = generateBenchDesign(BENCH_SIZES[0] as (typeof BENCH_SIZES)[number]);
    const memory = new AnalysisMemory();
    const first = analyzeParsed(parseVtopo(text), { today: TODAY }, memory);
    const verdict = first.run?.valueOf('n1', ['clusters', 'hosts', 'vms'], () => ({ made: 1 }));
    const linksAt = text.indexOf('\nlinks:\n');
    assert.ok(linksAt > 0, 'the design has links');
    const edited = `${text.slice(0, linksAt)}\n# a comment among the links${text.slice(linksAt)}`.replace('\nlinks:\n', '\nlinks:\n  # cables\n');
    const second = analyzeParsed(parseVtopo(edited), { today: TODAY }, memory);
    assert.equal(second.run?.valueOf('n1', ['clusters', 'hosts', 'vms'], () => ({ made: 2 })), verdict, 'kept');
    const third = analyzeParsed(parseVtopo(withOneVmEdited(edited)), { today: TODAY }, memory);
    assert.deepEqual(third.run?.valueOf('n1', ['clusters', 'hosts', 'vms'], () => ({ made: 3 })), { made: 3 }, 'made again after an edit to a VM');
  });

  it('takes back the N-1 sweep of every cluster but the edited VM\'s, and finds what a whole analysis finds', () => {
    const text = generateBenchDesign(BENCH_SIZES[0] as (typeof BENCH_SIZES)[number]);
    const memory = new AnalysisMemory();
    const first = worstSingleHostFailure(analyzeParsed(memory.parse(text), { today: TODAY }, memory).topology);
    assert.ok(first.clusters.length > 1, 'the design has several HA clusters');
    const edited = withOneVmEdited(text);
    const second = analyzeParsed(memory.parse(edited), { today: TODAY }, memory);
    const verdict = worstSingleHostFailure(second.topology);
    assert.deepEqual(verdict, worstSingleHostFailure(parseVtopo(edited).topology), 'what a whole sweep finds');
    assert.deepEqual(second.findings, analyzeText(edited, { today: TODAY }).findings);
    const { topology } = second;
    const edit = topology.vms.find((vm) => vm.id === 'vm-00001');
    const host = edit?.host === undefined ? undefined : topology.host(edit.host);
    const editedCluster = host && topology.clusterOfHost(host)?.id;
    assert.ok(editedCluster, 'the edited VM runs in a cluster');
    verdict.clusters.forEach((cluster, index) => {
      const before = first.clusters[index];
      assert.equal(cluster.clusterId, before?.clusterId);
      if (cluster.clusterId === editedCluster) assert.notEqual(cluster.worst, before?.worst, `${cluster.clusterId}: swept again`);
      else assert.equal(cluster.worst, before?.worst, `${cluster.clusterId}: taken back`);
    });
  });

  it('takes back the admission control of every cluster but the edited VM\'s by their objects, and finds what a whole analysis finds', () => {
    const text = generateBenchDesign(BENCH_SIZES[0] as (typeof BENCH_SIZES)[number]);
    const memory = new AnalysisMemory();
    const first = analyzeParsed(memory.parse(text), { today: TODAY }, memory).topology;
    const before = new Map(haClusters(first).map((cluster) => [cluster.id, admissionControlStatus(first, cluster)]));
    const edited = withOneVmEdited(text);
    const { topology } = analyzeParsed(memory.parse(edited), { today: TODAY }, memory);
    const whole = parseVtopo(edited).topology;
    const vm = topology.vms.find((candidate) => candidate.id === 'vm-00001');
    const host = vm?.host === undefined ? undefined : topology.host(vm.host);
    const editedCluster = host && topology.clusterOfHost(host)?.id;
    assert.ok(editedCluster, 'the edited VM runs in a cluster');
    for (const cluster of haClusters(topology)) {
      const status = admissionControlStatus(topology, cluster);
      const wholeCluster = haClusters(whole).find((candidate) => candidate.id === cluster.id);
      assert.deepEqual(status, wholeCluster && admissionControlStatus(whole, wholeCluster), `${cluster.id}: what a whole reading finds`);
      if (cluster.id === editedCluster) assert.notEqual(status, before.get(cluster.id), `${cluster.id}: evaluated again`);
      else assert.equal(status, before.get(cluster.id), `${cluster.id}: taken back`);
    }
  });

  it('takes back the LAN when an edit leaves its switches, hosts and cables alone, and builds it again when one changes or moves', () => {
    const text = generateBenchDesign(BENCH_SIZES[0] as (typeof BENCH_SIZES)[number]);
    const memory = new AnalysisMemory();
    const lanAfter = (next: string) => {
      const { topology } = analyzeParsed(memory.parse(next), { today: TODAY }, memory);
      return { lan: lanNetworkOf(topology), whole: buildLanNetwork(parseVtopo(next).topology) };
    };
    const first = lanAfter(text).lan;
    const vmEdited = withOneVmEdited(text);
    const afterVm = lanAfter(vmEdited);
    assert.equal(afterVm.lan, first, 'a VM edited below the links: taken back');
    assert.deepEqual(afterVm.lan, afterVm.whole, 'and what a whole reading builds');
    // A line above every host and cable moves them all: the cables, read again, count by where they are.
    const shifted = `# moved\n${vmEdited}`;
    const afterShift = lanAfter(shifted);
    assert.notEqual(afterShift.lan, first, 'everything moved: built again');
    assert.deepEqual(afterShift.lan, afterShift.whole, 'with the ranges of the moved text');
    const cableEdited = shifted.replace('  - [esx-0001/nic1/p1, lan-2]', '  - [esx-0001/nic1/p1, lan-1]');
    assert.notEqual(cableEdited, shifted);
    const afterCable = lanAfter(cableEdited);
    assert.notEqual(afterCable.lan, afterShift.lan, 'a cable moved to the other switch: built again');
    assert.deepEqual(afterCable.lan, afterCable.whole);
    assert.notDeepEqual(afterCable.lan, afterShift.lan);
  });

  it('runs the rules that read hosts again after an edit to a host profile', () => {
    const fc = (port: string) => `${port}: { speed: 16 Gbps, roles: [storage] }`;
    const design = [
      'vtopo: 1',
      'clusters:',
      '  prod: { ha: { admissionControl: { policy: percentage, hostFailuresToTolerate: 1 } } }',
      'hostProfiles:',
      `  dl380: { cpu: { sockets: 2, cores: 24, speed: 2.8 GHz }, memory: 768 GB, adapters: { hba1: { type: fc, ports: { ${fc('p0')}, ${fc('p1')} } } } }`,
      'hosts:',
      '  esx-01: { profile: dl380 }',
      '  esx-02: { profile: dl380 }',
      'switches:',
      '  fc-a: { type: fc, fabric: A }',
      '  fc-b: { type: fc, fabric: B }',
      'links:',
      ...['esx-01', 'esx-02'].flatMap((host) => [`  - [${host}/hba1/p0, fc-a]`, `  - [${host}/hba1/p1, fc-b]`]),
      'vms:',
      '  vm1: { host: esx-01, cpu: 4, memory: 300 GB }',
      '',
    ].join('\n');
    const memory = new AnalysisMemory();
    const smaller = design.replace('memory: 768 GB', 'memory: 256 GB');
    const steps = [design, smaller, smaller.replace(`, ${fc('p1')}`, '')];
    const seen = new Set<string>();
    for (const [index, text] of steps.entries()) {
      const incremental = analyzeParsed(parseVtopo(text), { today: TODAY }, memory);
      const whole = analyzeText(text, { today: TODAY });
      assert.deepEqual(incremental.findings, whole.findings, `step ${index}`);
      seen.add(whole.findings.map((finding) => finding.message).join('\n'));
    }
    assert.equal(seen.size, 3, 'each edit to the profile changed what the rules find');
  });

  it('finds what a whole analysis finds through edits to generated designs', () => {
    const rng = new Rng(20261204);
    for (let design = 0; design < 12; design++) followEdits(generateDesign(rng.fork()).text, rng.fork(), 6);
  });

  it('does not run again, after an edit to a VM\'s memory, the rules that read no VM or only the datastores VMs use', () => {
    const text = generateBenchDesign(BENCH_SIZES[0] as (typeof BENCH_SIZES)[number]);
    const memory = new AnalysisMemory();
    analyzeParsed(parseVtopo(text), { today: TODAY }, memory);
    const edited = withOneVmEdited(text);
    assert.notEqual(edited, text);
    const { reused = [], findings } = analyzeParsed(parseVtopo(edited), { today: TODAY }, memory);
    assert.deepEqual(findings, analyzeText(edited, { today: TODAY }).findings);
    const readNoVm = ANALYSIS_RULES.filter((rule) => rule.reads && (!rule.reads.includes('vms') || rule.digests?.vms)).map((rule) => rule.meta.id);
    assert.ok(readNoVm.length > 10, `rules that read no VM: ${readNoVm.join(', ')}`);
    assert.ok(readNoVm.includes('storage-path-spof'), 'the storage path rules read the VMs only through their storage demand');
    assert.deepEqual(readNoVm.filter((id) => !reused.includes(id)), [], 'every rule that reads no VM, or only their storage demand, is reused');
    assert.ok(reused.every((id) => readNoVm.includes(id)), 'and no rule that reads the VMs otherwise');
  });

  it('runs the storage path rules again when a VM moves to another datastore, and not when the cluster already used it', () => {
    const text = generateBenchDesign(BENCH_SIZES[0] as (typeof BENCH_SIZES)[number]);
    const vmAt = text.indexOf('\n  vm-00001:\n');
    const datastoreAt = text.indexOf('    datastore: ', vmAt);
    const line = text.slice(datastoreAt, text.indexOf('\n', datastoreAt));
    const usedByTheCluster = line.replace(/ds-(cl\d+)-(\d+)/, (_, cluster: string, n: string) => `ds-${cluster}-${String(Number(n) % 4 + 1).padStart(2, '0')}`);
    const otherCluster = line.replace(/ds-cl(\d+)-/, (_, cluster: string) => `ds-cl${String(Number(cluster) % 2 + 1).padStart(2, '0')}-`);
    assert.notEqual(usedByTheCluster, line, `the VM's datastore line: ${line}`);
    assert.notEqual(otherCluster, line);
    const memory = new AnalysisMemory();
    analyzeParsed(parseVtopo(text), { today: TODAY }, memory);
    for (const [what, next, reusedNow] of [
      ['another datastore of its cluster', text.replace(line, usedByTheCluster), true],
      ['a datastore of another cluster', text.replace(line, otherCluster), false],
    ] as const) {
      const { reused = [], findings } = analyzeParsed(parseVtopo(next), { today: TODAY }, memory);
      assert.deepEqual(findings, analyzeText(next, { today: TODAY }).findings, what);
      assert.equal(reused.includes('storage-path-spof'), reusedNow, `${what}: storage-path-spof reused`);
      analyzeParsed(parseVtopo(text), { today: TODAY }, memory);
    }
  });

  it('reuses nothing when the host\'s settings or the day change, or the analysis section is edited', () => {
    const text = loadExamples()[0]?.text ?? '';
    const memory = new AnalysisMemory();
    analyzeParsed(parseVtopo(text), { today: TODAY }, memory);
    assert.ok((analyzeParsed(parseVtopo(text), { today: TODAY }, memory).reused ?? []).length > 0, 'the same text and settings: everything that says what it reads');
    assert.deepEqual(analyzeParsed(parseVtopo(text), { today: '2026-06-01' }, memory).reused, []);
    assert.deepEqual(analyzeParsed(parseVtopo(text), { today: '2026-06-01', rules: { 'n1-headroom': { severity: 'error' } } }, memory).reused, []);
    const withSettings = `${text.trimEnd()}\nanalysis:\n  rules:\n    vm-sprawl: off\n`;
    analyzeParsed(parseVtopo(withSettings), { today: TODAY }, memory);
    const changed = withSettings.replace('vm-sprawl: off', 'vm-sprawl: info');
    assert.deepEqual(analyzeParsed(parseVtopo(changed), { today: TODAY }, memory).reused, []);
  });

  it('reuses nothing in a design with an alias', () => {
    const text = `${loadExamples()[0]?.text.trimEnd()}\n# a comment\n`;
    const aliased = text.replace(/\n# a comment\n$/, '\nx-shared: &shared 1\n');
    const memory = new AnalysisMemory();
    analyzeParsed(parseVtopo(aliased), { today: TODAY }, memory);
    const withAlias = aliased.replace('x-shared: &shared 1', 'x-shared: &shared 1\nx-other: *shared');
    assert.deepEqual(analyzeParsed(parseVtopo(withAlias), { today: TODAY }, memory).reused, []);
  });
});
