import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
// The official SARIF 2.1.0 JSON schema (OASIS errata 01, rtm.5), as Microsoft's SARIF SDK ships it.
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { version } from '../../../package.json';
import { ALL_RULES } from '../../../src/core/analysis/rules';
import { FINGERPRINT_KEY } from '../../../src/cli/format-sarif';
import { BROKEN_DESIGN, inWorkspace, REPOSITORY_ROOT, runInDirectory, SEED_000 } from './harness';

const isUri = (value: string, base?: string) => {
  try {
    new URL(value, base);
    return true;
  } catch {
    return false;
  }
};

// The schema's language-tag pattern is not valid with the u flag, so patterns are compiled without it.
const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
ajv.addFormat('uri', (value: string) => isUri(value));
ajv.addFormat('uri-reference', (value: string) => isUri(value, 'file:///source-root/'));
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
const validateSarif = ajv.compile(sarifSchema);
const isValidSarif = (log: unknown): boolean => validateSarif(log);

interface Region {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}
interface PhysicalLocation {
  readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
  readonly region?: Region;
}
interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: string;
  readonly message: { readonly text: string };
  readonly locations: ReadonlyArray<{ readonly physicalLocation: PhysicalLocation }>;
  readonly relatedLocations: ReadonlyArray<{ readonly id: number; readonly message: { readonly text: string }; readonly physicalLocation: PhysicalLocation }>;
  readonly partialFingerprints: Readonly<Record<string, string>>;
}
interface SarifLog {
  readonly $schema: string;
  readonly version: string;
  readonly runs: ReadonlyArray<{
    readonly tool: { readonly driver: { readonly name: string; readonly version: string; readonly rules: ReadonlyArray<{ readonly id: string; readonly shortDescription: { readonly text: string }; readonly fullDescription: { readonly text: string }; readonly help: { readonly text: string }; readonly defaultConfiguration: { readonly level: string } }> } };
    readonly invocations: ReadonlyArray<{ readonly executionSuccessful: boolean; readonly toolExecutionNotifications: ReadonlyArray<{ readonly level: string; readonly message: { readonly text: string } }> }>;
    readonly results: readonly SarifResult[];
  }>;
}

/** Runs `vtopo check --format sarif`, validates the log against the schema and returns it. */
async function sarifOf(vtopo: (...args: string[]) => Promise<{ stdout: string }>, ...paths: string[]): Promise<SarifLog> {
  const log: unknown = JSON.parse((await vtopo('check', '--format', 'sarif', ...paths)).stdout);
  assert.ok(isValidSarif(log), ajv.errorsText(validateSarif.errors, { separator: '\n' }));
  return log as SarifLog;
}

const onlyRun = (log: SarifLog) => {
  assert.equal(log.runs.length, 1);
  const [run] = log.runs;
  assert.ok(run);
  return run;
};

describe('vtopo check --format sarif', () => {
  it('is valid SARIF 2.1.0 with vtopo and every rule of the catalog as the tool', async () => {
    const log = await sarifOf((...args) => runInDirectory(REPOSITORY_ROOT, args), SEED_000);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const { driver } = onlyRun(log).tool;
    assert.equal(driver.name, 'vtopo');
    assert.equal(driver.version, version);
    assert.deepEqual(driver.rules.map((rule) => rule.id), ALL_RULES.map((meta) => meta.id));
    for (const [index, rule] of driver.rules.entries()) {
      const meta = ALL_RULES[index];
      assert.equal(rule.shortDescription.text, meta?.docs.title);
      assert.equal(rule.fullDescription.text, meta?.docs.description);
      for (const source of meta?.docs.sources ?? []) assert.ok(rule.help.text.includes(source), `${rule.id} help names ${source}`);
      assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[meta?.defaultSeverity ?? 'error']);
    }
    // The seed-000-fq1616r example: warnings for its management network on one card and its one isolation address, notes for its hints.
    assert.deepEqual(onlyRun(log).results.map((result) => result.level).sort(), ['note', 'note', 'warning', 'warning', 'warning', 'warning', 'warning', 'warning', 'warning']);
  });

  it('gives each finding its rule index, level, relative location and 1-based region', async () => {
    await inWorkspace({ 'site a/broken.vtopo': BROKEN_DESIGN }, async ({ vtopo }) => {
      const run = onlyRun(await sarifOf(vtopo, 'site a/broken.vtopo'));
      for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
      const typo = run.results.find((result) => result.ruleId === 'unknown-key');
      assert.equal(typo?.level, 'error');
      assert.deepEqual(typo?.locations[0]?.physicalLocation, {
        artifactLocation: { uri: 'site%20a/broken.vtopo', uriBaseId: '%SRCROOT%' },
        region: { startLine: 8, startColumn: 5, endLine: 8, endColumn: 11 },
      });
      const array = run.results.find((result) => result.ruleId === 'array-single-controller');
      assert.equal(array?.level, 'warning');
      assert.deepEqual(array?.relatedLocations.map((related) => [related.message.text, related.physicalLocation.region?.startLine]), [['datastore "ds1" is on this array', 14]]);
    });
  });

  it('keeps fingerprints stable when a finding moves to another line', async () => {
    const shifted = BROKEN_DESIGN.replace('vtopo: 1\n', 'vtopo: 1\n# a comment pushes every finding one line down\n');
    await inWorkspace({ 'before.vtopo': BROKEN_DESIGN, 'after.vtopo': shifted }, async ({ vtopo }) => {
      const before = onlyRun(await sarifOf(vtopo, 'before.vtopo')).results;
      const after = onlyRun(await sarifOf(vtopo, 'after.vtopo')).results;
      assert.deepEqual(after.map((result) => result.partialFingerprints), before.map((result) => result.partialFingerprints));
      assert.notDeepEqual(after.map((result) => result.locations[0]?.physicalLocation.region?.startLine), before.map((result) => result.locations[0]?.physicalLocation.region?.startLine));
      const fingerprints = before.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
      assert.equal(new Set(fingerprints).size, before.length, 'each finding has its own fingerprint');
    });
  });

  it('stays valid when an input cannot be read, and says so in the invocation', async () => {
    await inWorkspace({ 'broken.vtopo': BROKEN_DESIGN }, async ({ vtopo }) => {
      const run = onlyRun(await sarifOf(vtopo, 'broken.vtopo', 'missing.vtopo'));
      assert.deepEqual(run.invocations.map((invocation) => [invocation.executionSuccessful, invocation.toolExecutionNotifications.map((notification) => notification.message.text)]), [
        [false, ['missing.vtopo: no such file or directory']],
      ]);
      assert.ok(run.results.length > 0);
    });
  });
});
