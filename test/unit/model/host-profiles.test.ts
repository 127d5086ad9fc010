import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { parseVtopo } from '../../../src/core/model/parse';
import type { ParseProblem, TextEdit } from '../../../src/core/model/report';
import type { SourceRange } from '../../../src/core/model/source';

const at = (text: string, range: SourceRange | undefined) => (range ? text.slice(range.start, range.end) : undefined);
const summary = (problems: readonly ParseProblem[]) => problems.map((p) => `${p.ruleId}: ${p.message}`);

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.range.start - a.range.start).reduce((t, e) => t.slice(0, e.range.start) + e.newText + t.slice(e.range.end), text);
}

const PROFILE = [
  'hostProfiles:',
  '  r750:',
  '    model: R750',
  '    edition: enterprise-plus',
  '    cpu: { sockets: 2, cores: 32, speed: 2.3 GHz, family: intel-icelake }',
  '    memory: 512 GB',
  '    overhead: { cpu: 2 GHz, memory: 8 GB }',
  '    maxVms: 2',
  '    adapters:',
  '      hba1:',
  '        type: fc',
  '        ports:',
  '          p0: { speed: 32 Gbps, roles: [storage] }',
  '          p1: { speed: 32 Gbps, roles: [storage] }',
  '      nic1:',
  '        type: ethernet',
  '        ports:',
  '          p0: { speed: 10 Gbps, roles: [management, vmotion, vm] }',
  '',
].join('\n');

/** Three hosts of profile r750: esx-02 gives its own memory and maxVms, esx-03 its own adapters. */
const DESIGN = [
  'vtopo: 1',
  'clusters:',
  '  prod: {}',
  'hosts:',
  '  esx-01:',
  '    profile: r750',
  '  esx-02:',
  '    profile: r750',
  '    memory: 1 TB',
  '    maxVms: 100',
  '  esx-03:',
  '    profile: r750',
  '    adapters:',
  '      nic9: { type: ethernet, ports: { p0: { speed: 25 Gbps } } }',
  PROFILE,
  'switches:',
  '  fc-a: { type: fc, fabric: A }',
  'links:',
  '  - [esx-01/hba1/p0, fc-a]',
  '  - [esx-02/hba1/p1, fc-a]',
  '',
].join('\n');

describe('host profiles: reading', () => {
  const { topology, problems } = parseVtopo(DESIGN);

  it('reads a design with profiles without problems, profiles after the hosts that name them', () => {
    assert.deepEqual(summary(problems), []);
    assert.deepEqual(topology.hosts.map((h) => h.id), ['esx-01', 'esx-02', 'esx-03']);
    assert.equal(topology.declarations.get('r750')?.kind, 'hostProfile');
    assert.equal(topology.hostProfile('r750')?.cpu?.cores, 32);
  });

  it('gives a host every field of its profile that it does not set itself', () => {
    const esx01 = topology.host('esx-01');
    assert.equal(esx01?.profile, 'r750');
    assert.equal(esx01?.model, 'R750');
    assert.equal(esx01?.edition, 'enterprise-plus');
    assert.deepEqual([esx01?.cpu.sockets, esx01?.cpu.cores, esx01?.cpu.speedMHz, esx01?.cpu.family], [2, 32, 2300, 'intel-icelake']);
    assert.equal(esx01?.memoryMB, 512 * 1024);
    assert.deepEqual([esx01?.overhead.cpuMHz, esx01?.overhead.memoryMB], [2000, 8192]);
    assert.equal(esx01?.maxVms, 2);
    assert.equal(esx01?.state, 'connected', 'defaults still apply');
  });

  it('lets a field the host sets replace the profile\'s whole, adapters included', () => {
    const esx02 = topology.host('esx-02');
    assert.equal(esx02?.memoryMB, 1024 * 1024);
    assert.equal(esx02?.maxVms, 100);
    assert.equal(esx02?.cpu.cores, 32, 'what it does not set still comes from the profile');
    const esx03 = topology.host('esx-03');
    assert.deepEqual(esx03?.adapters.map((a) => a.id), ['esx-03/nic9'], 'none of the profile\'s adapters');
    assert.equal(topology.declarations.get('esx-03/hba1'), undefined);
  });

  it('gives each host its own adapters and ports, declared under its id and cabled by host/adapter/port', () => {
    for (const hostId of ['esx-01', 'esx-02']) {
      const host = topology.host(hostId);
      assert.deepEqual(host?.adapters.map((a) => a.id), [`${hostId}/hba1`, `${hostId}/nic1`]);
      assert.deepEqual(host?.adapters[0]?.ports.map((p) => p.id), [`${hostId}/hba1/p0`, `${hostId}/hba1/p1`]);
      assert.equal(topology.declarations.get(`${hostId}/hba1/p0`)?.kind, 'port');
      assert.equal(topology.declarations.get(`${hostId}/hba1/p0`)?.inheritedFrom, 'r750');
    }
    assert.deepEqual(topology.links.map((l) => [l.from, l.to]), [['esx-01/hba1/p0', 'fc-a'], ['esx-02/hba1/p1', 'fc-a']]);
    assert.equal(topology.declarations.get('r750/hba1'), undefined, 'a profile\'s adapter is not an element of the design');
  });

  it('keeps the ranges of inherited fields in the profile, and marks them as inherited', () => {
    const esx01 = topology.host('esx-01');
    const memory = esx01?.source.fields.memoryMB;
    assert.equal(at(DESIGN, memory?.value), '512 GB');
    assert.ok((memory?.value.start ?? 0) > DESIGN.indexOf('hostProfiles:'));
    assert.equal(memory?.inheritedFrom, 'r750');
    assert.equal(esx01?.source.fields.profile?.inheritedFrom, undefined);
    assert.equal(topology.host('esx-02')?.source.fields.memoryMB?.inheritedFrom, undefined);
    assert.equal(at(DESIGN, topology.declarations.get('esx-02/hba1/p0')?.idRange), 'p0');
    assert.equal(at(DESIGN, esx01?.idRange), 'esx-01', 'the host is still where it is written');
  });

  it('reads profiles and hosts written as lists with id keys', () => {
    const text = [
      'vtopo: 1',
      'hostProfiles:',
      '  - id: small',
      '    cpu: { cores: 8, speed: 2 GHz }',
      '    memory: 64 GB',
      '    adapters:',
      '      - { id: nic1, type: ethernet, ports: [{ id: p0, speed: 1 Gbps }] }',
      'hosts:',
      '  - { id: h1, profile: small }',
      '  - { id: h2, profile: small, memory: 128 GB }',
      '',
    ].join('\n');
    const parsed = parseVtopo(text);
    assert.deepEqual(summary(parsed.problems), []);
    assert.equal(parsed.topology.host('h1')?.memoryMB, 64 * 1024);
    assert.equal(parsed.topology.host('h2')?.memoryMB, 128 * 1024);
    assert.deepEqual(parsed.topology.host('h2')?.adapters[0]?.ports.map((p) => p.id), ['h2/nic1/p0']);
  });

  it('reads a file without profiles exactly as before: no profile, nothing inherited', () => {
    const text = 'vtopo: 1\nhosts:\n  esx-01: { cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }\n';
    const parsed = parseVtopo(text);
    assert.deepEqual(summary(parsed.problems), []);
    assert.deepEqual(parsed.topology.hostProfiles, []);
    assert.ok([...parsed.topology.declarations.values()].every((d) => d.inheritedFrom === undefined));
    assert.ok(Object.values(parsed.topology.host('esx-01')?.source.fields ?? {}).every((f) => f?.inheritedFrom === undefined));
  });
});

describe('host profiles: problems', () => {
  it('reports an unknown profile id with the closest one as a quick fix, and not the keys it would have given', () => {
    const text = DESIGN.replace('  esx-03:\n    profile: r750', '  esx-03:\n    profile: r75O');
    const problems = parseVtopo(text).problems;
    assert.deepEqual(summary(problems), ['unresolved-reference: unknown hostProfile "r75O". Did you mean "r750"?']);
    const problem = problems[0] as ParseProblem;
    assert.equal(at(text, problem.range), 'r75O');
    assert.deepEqual(problem.elementIds, ['esx-03']);
    const fix = problem.fixes?.find((f) => f.preferred);
    assert.equal(fix?.edits[0]?.newText, 'r750');
    assert.deepEqual(summary(parseVtopo(applyEdits(text, fix?.edits ?? [])).problems), []);
  });

  it('still reports a host that gets no cpu or memory, from itself or its profile', () => {
    const text = 'vtopo: 1\nhostProfiles:\n  nics:\n    adapters: { nic1: { type: ethernet } }\nhosts:\n  esx-01:\n    profile: nics\n    cpu: { cores: 8, speed: 2 GHz }\n';
    const problems = parseVtopo(text).problems;
    assert.deepEqual(summary(problems), ['missing-field: missing required key "memory" (or memoryMB)']);
    assert.equal(at(text, problems[0]?.range), 'esx-01');
  });

  it('refuses the fields that name other elements or belong to one host, saying why', () => {
    const text = `vtopo: 1\n${PROFILE}    vmkernelPorts:\n      vmk0: { roles: [management], active: [esx-01/nic1/p0] }\n    cluster: prod\n    profile: r640\nhosts:\n  esx-01: { profile: r750 }\n`;
    const problems = parseVtopo(text).problems;
    assert.deepEqual(problems.map((p) => [p.ruleId, at(text, p.range)]), [['unknown-key', 'vmkernelPorts'], ['unknown-key', 'cluster'], ['unknown-key', 'profile']]);
    assert.match(problems[0]?.message ?? '', /^"vmkernelPorts" cannot be in a host profile: VMkernel ports name their uplinks by full port id .*give it on each host$/);
    assert.match(problems[1]?.message ?? '', /^"cluster" cannot be in a host profile/);
    assert.deepEqual(problems[0]?.elementIds, ['r750']);
    const host = parseVtopo(text).topology.host('esx-01');
    assert.deepEqual(host?.vmkernelPorts, [], 'a refused field is not given to the hosts');
    assert.equal(host?.cluster, undefined);
  });

  it('reports a mistake in a profile once, on the profile, however many hosts take it', () => {
    const text = DESIGN.replace('    memory: 512 GB\n', '    memory: 512\n');
    const problems = parseVtopo(text).problems;
    assert.deepEqual(summary(problems), ['invalid-value: 512 has no unit: write it as "512 MB" or use a key with the unit in its name']);
    assert.equal(problems[0]?.range.start, text.indexOf('512\n'));
    assert.deepEqual(parseVtopo(text).topology.hosts.map((h) => h.id), ['esx-02'], 'hosts that take the broken memory are not read; esx-02 gives its own');
  });

  it('reports a port of the profile used as a cable end, pointing to each host\'s own', () => {
    const text = DESIGN.replace('  - [esx-01/hba1/p0, fc-a]', '  - [r750/hba1/p0, fc-a]');
    assert.deepEqual(summary(parseVtopo(text).problems), [
      'unresolved-reference: unknown port or switch "r750/hba1/p0" (host profile "r750" is not a host: name the port of a host that takes it, such as "esx-01/hba1/p0")',
    ]);
  });

  it('reports an id of the host that clashes with an adapter of its profile, whichever comes first', () => {
    const after = DESIGN.replace('  esx-01:\n    profile: r750\n', '  esx-01:\n    profile: r750\n    vmkernelPorts:\n      nic1: { roles: [management] }\n');
    const afterProblems = parseVtopo(after).problems;
    assert.deepEqual(summary(afterProblems), ['duplicate-id: duplicate id "esx-01/nic1": already used by a adapter']);
    assert.equal(afterProblems[0]?.range.start, after.indexOf('nic1: { roles'), 'the host\'s own VMkernel port');
    assert.equal(afterProblems[0]?.related?.[0]?.range.start, after.indexOf('nic1:\n        type'), 'first declared in the profile');
    const before = DESIGN.replace('  esx-01:\n    profile: r750\n', '  esx-01:\n    vmkernelPorts:\n      nic1: { roles: [management] }\n    profile: r750\n');
    const beforeProblems = parseVtopo(before).problems;
    assert.deepEqual(summary(beforeProblems), ['duplicate-id: duplicate id "esx-01/nic1": already used by a vmkernelPort']);
    assert.equal(beforeProblems[0]?.range.start, before.indexOf('nic1:\n        type'), 'the profile\'s adapter, as esx-01\'s');
    assert.deepEqual(beforeProblems[0]?.elementIds, ['esx-01/nic1']);
  });

  it('reports duplicate ids inside a profile once', () => {
    const text = DESIGN.replace('          p1: { speed: 32 Gbps, roles: [storage] }', '          p0: { speed: 32 Gbps, roles: [storage] }').replace('esx-02/hba1/p1', 'esx-02/hba1/p0');
    assert.deepEqual(summary(parseVtopo(text).problems), ['duplicate-id: duplicate id "r750/hba1/p0": already used by a port']);
  });

  it('does not report a profile that no host names', () => {
    const text = `vtopo: 1\n${PROFILE}hosts:\n  esx-01: { cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }\n`;
    assert.deepEqual(summary(parseVtopo(text).problems), []);
  });

  it('points a finding on an inherited field at the profile\'s text and names the host', () => {
    const vms = ['vms:', ...[1, 2, 3].map((n) => `  vm-${n}: { host: esx-01, memory: 4 GB }`), ''].join('\n');
    const text = `${DESIGN}${vms}`;
    const finding = analyzeText(text).findings.find((f) => f.ruleId === 'host-vm-limit');
    assert.equal(finding?.message, 'Host "esx-01" runs 3 powered-on VMs, more than its maxVms of 2.');
    assert.deepEqual(finding?.elementIds, ['esx-01']);
    assert.equal(finding?.range.start, text.indexOf('2\n    adapters:'), 'the profile\'s maxVms');
    assert.equal(at(text, finding?.range), '2');
  });
});
