import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { ruleMeta } from '../../../src/core/analysis/rules';

const EXAMPLES_DIR = 'examples';

/**
 * The rule ids an example promises in its opening comment, on a line such as
 * `# Expected findings: array-single-controller, vm-local-datastore` or
 * `# Expected findings: none. This is the baseline.` (the list ends at the first period).
 */
function promisedRuleIds(text: string): string[] | undefined {
  const lines = text.split(/\r?\n/);
  const firstNonComment = lines.findIndex((line) => !line.startsWith('#'));
  const header = firstNonComment < 0 ? lines : lines.slice(0, firstNonComment);
  const promise = header.map((line) => /^#\s*Expected findings:([^.]*)/i.exec(line)?.[1]).find((ids) => ids !== undefined);
  if (promise === undefined) return undefined;
  if (promise.trim().toLowerCase() === 'none') return [];
  return promise.split(',').map((id) => id.trim()).filter((id) => id !== '').sort();
}

const exampleFiles = readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.vtopo')).sort();

describe('examples', () => {
  it('include the seed-000-fq1616r design and the iSCSI and Hyper-V designs', () => {
    for (const name of ['seed-000-fq1616r.vtopo', 'iscsi-av100-g6.vtopo', 'hyperv-guest-cluster.vtopo']) {
      assert.ok(exampleFiles.includes(name), `${name} is missing from ${EXAMPLES_DIR}/`);
    }
  });

  for (const name of exampleFiles) {
    it(`${name} produces exactly the findings its header promises (hints aside)`, () => {
      const text = readFileSync(join(EXAMPLES_DIR, name), 'utf8');
      const promised = promisedRuleIds(text);
      assert.ok(promised, `${name} must open with a comment line "# Expected findings: <rule ids or none>"`);
      for (const id of promised) assert.ok(ruleMeta(id), `${name} promises "${id}", which is not a rule id`);
      // Hints (the HA capacity report, design notes) are shown faintly, not as problems.
      const findings = analyzeText(text).findings.filter((f) => f.severity !== 'hint');
      const produced = [...new Set(findings.map((f) => f.ruleId))].sort();
      assert.deepEqual(produced, promised, findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n'));
    });
  }
});

describe('reading the promise of an example', () => {
  it('reads a list of rule ids from the opening comment', () => {
    assert.deepEqual(promisedRuleIds('# A design.\n# Expected findings: vm-local-datastore, array-single-controller\nvtopo: 1\n'), [
      'array-single-controller',
      'vm-local-datastore',
    ]);
  });

  it('reads "none" as no findings', () => {
    assert.deepEqual(promisedRuleIds('# Expected findings: none. The redundant baseline.\nvtopo: 1\n'), []);
  });

  it('ignores a promise that is not in the opening comment', () => {
    assert.equal(promisedRuleIds('vtopo: 1\n# Expected findings: none\n'), undefined);
  });
});
