import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { admissionControlStatus } from '../../../src/core/capacity/admission-control';
import { worstSingleHostFailure } from '../../../src/core/capacity/n1';
import { parseVtopo } from '../../../src/core/model/parse';
import { BROKEN_DESIGN, inWorkspace } from './harness';

interface JsonPosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}
interface JsonRange {
  readonly start: JsonPosition;
  readonly end: JsonPosition;
}
interface JsonFinding {
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  readonly elementIds: readonly string[];
  readonly file: string;
  readonly range: JsonRange;
  readonly related: ReadonlyArray<{ readonly message: string; readonly file: string; readonly range: JsonRange }>;
  readonly fixes?: ReadonlyArray<{ readonly title: string; readonly preferred: boolean; readonly edits: ReadonlyArray<{ readonly range: JsonRange; readonly newText: string }> }>;
}
interface JsonOutput {
  readonly version: number;
  readonly files: ReadonlyArray<{ readonly file: string; readonly error?: string; readonly findings: readonly JsonFinding[]; readonly clusters?: ReadonlyArray<Record<string, unknown>> }>;
  readonly summary: { readonly files: number; readonly unreadableFiles: number; readonly findings: Readonly<Record<string, number>> };
}

const checkJson = async (vtopo: (...args: string[]) => Promise<{ stdout: string; exitCode: number }>, ...paths: string[]) => {
  const { stdout, exitCode } = await vtopo('check', '--format', 'json', ...paths);
  return { output: JSON.parse(stdout) as JsonOutput, exitCode };
};

describe('vtopo check --format json', () => {
  it('gives each finding with 1-based line and column, the 0-based offset, and its elements', async () => {
    await inWorkspace({ 'broken.vtopo': BROKEN_DESIGN }, async ({ vtopo }) => {
      const { output, exitCode } = await checkJson(vtopo, 'broken.vtopo');
      assert.equal(exitCode, 1);
      assert.equal(output.version, 1);
      assert.equal(output.files.length, 1);
      const [file] = output.files;
      assert.equal(file?.file, 'broken.vtopo');
      const typo = file?.findings.find((finding) => finding.ruleId === 'unknown-key');
      const offset = BROKEN_DESIGN.indexOf('memroy');
      assert.deepEqual(typo?.range, {
        start: { line: 8, column: 5, offset },
        end: { line: 8, column: 11, offset: offset + 'memroy'.length },
      });
      assert.equal(typo?.severity, 'error');
      assert.equal(typo?.file, 'broken.vtopo');
      const array = file?.findings.find((finding) => finding.ruleId === 'array-single-controller');
      assert.deepEqual(array?.elementIds, ['av', 'ds1']);
      assert.deepEqual(array?.related.map((related) => [related.message, related.file, related.range.start.line]), [['datastore "ds1" is on this array', 'broken.vtopo', 14]]);
    });
  });

  it('gives each HA cluster\'s admission-control and N-1 figures as numbers', async () => {
    const seed = readFileSync(new URL('../../../examples/seed-000-fq1616r.vtopo', import.meta.url), 'utf8');
    const slots = seed.replace('        policy: percentage\n        hostFailuresToTolerate: 1\n        cpuPercent: 50\n        memoryPercent: 50', '        policy: slots\n        hostFailuresToTolerate: 1');
    assert.notEqual(slots, seed);
    await inWorkspace({ 'seed.vtopo': seed, 'slots.vtopo': slots }, async ({ vtopo }) => {
      const { output } = await checkJson(vtopo, 'seed.vtopo', 'slots.vtopo');
      // The seed: percentage policy reserving 50% CPU and memory; esx-01 (vcenter, sql-01,
      // web-02) is the worst host to lose, and every protected VM still restarts. The numbers
      // are the core's own (capacity/admission-control.ts and n1.ts), not parsed from prose.
      const topology = parseVtopo(seed).topology;
      const cluster = topology.cluster('prod');
      const status = cluster && admissionControlStatus(topology, cluster);
      const worst = worstSingleHostFailure(topology).clusters[0]?.worst;
      assert.ok(status?.policy === 'percentage' && worst);
      assert.deepEqual(output.files[0]?.clusters, [{
        cluster: 'prod',
        policy: 'percentage',
        satisfied: true,
        worstHostFailure: { host: 'esx-01', cannotRestart: [], cpuHeadroomPercent: worst.cpuHeadroomPercent, memoryHeadroomPercent: worst.memoryHeadroomPercent },
        percentage: {
          cpuFailoverCapacityPercent: status.percentage.cpuFailoverCapacityPercent,
          memoryFailoverCapacityPercent: status.percentage.memoryFailoverCapacityPercent,
          configuredCpuPercent: 50,
          configuredMemoryPercent: 50,
          cpuAvailablePercent: status.percentage.cpuAvailablePercent,
          memoryAvailablePercent: status.percentage.memoryAvailablePercent,
        },
      }]);
      assert.ok(status.percentage.memoryFailoverCapacityPercent > 50 && status.percentage.memoryFailoverCapacityPercent <= 100);
      // The slot policy: the largest memory reservation (vcenter's 21 GB + overhead) sets the slot.
      const figures = output.files[1]?.clusters?.[0] as { policy: string; slots: { slotMemoryMB: number; totalSlots: number; usedSlots: number; failoverCapacity: number; hostFailuresToTolerate: number } };
      assert.equal(figures.policy, 'slots');
      assert.ok(figures.slots.slotMemoryMB >= 21 * 1024, `slot memory ${figures.slots.slotMemoryMB}`);
      assert.equal(figures.slots.usedSlots, 4);
      assert.equal(figures.slots.hostFailuresToTolerate, 1);
      assert.ok(figures.slots.totalSlots >= figures.slots.usedSlots && figures.slots.failoverCapacity >= 1, JSON.stringify(figures));
    });
  });

  it('includes quick fixes as edits on the same kind of range', async () => {
    await inWorkspace({ 'broken.vtopo': BROKEN_DESIGN }, async ({ vtopo }) => {
      const { output } = await checkJson(vtopo, 'broken.vtopo');
      const typo = output.files[0]?.findings.find((finding) => finding.ruleId === 'unknown-key');
      const rename = typo?.fixes?.[0];
      assert.equal(rename?.preferred, true);
      assert.deepEqual(rename?.edits.map((edit) => [edit.range.start.line, edit.range.start.column, edit.newText]), [[8, 5, 'memory']]);
      const withoutFixes = output.files[0]?.findings.find((finding) => finding.ruleId === 'array-single-controller');
      assert.equal(withoutFixes?.fixes, undefined);
    });
  });

  it('sums the findings by severity and lists unreadable files with their error', async () => {
    await inWorkspace({ 'broken.vtopo': BROKEN_DESIGN }, async ({ vtopo }) => {
      const { output, exitCode } = await checkJson(vtopo, 'broken.vtopo', 'missing.vtopo');
      assert.equal(exitCode, 2);
      const findings = output.files.flatMap((file) => file.findings);
      const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
      assert.deepEqual(output.summary, {
        files: 1,
        unreadableFiles: 1,
        findings: { error: count('error'), warning: count('warning'), info: count('info'), hint: count('hint') },
      });
      assert.deepEqual(output.files[1], { file: 'missing.vtopo', error: 'no such file or directory', findings: [] });
    });
  });
});
