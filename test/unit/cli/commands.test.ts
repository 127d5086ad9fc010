import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { version } from '../../../package.json';
import { ALL_RULES } from '../../../src/core/analysis/rules';
import { REPOSITORY_ROOT, runInDirectory } from './harness';

const vtopo = (...args: string[]) => runInDirectory(REPOSITORY_ROOT, args);

describe('vtopo: help and version', () => {
  it('prints the general help with --help, -h and help', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const { exitCode, stdout } = await vtopo(...args);
      assert.equal(exitCode, 0);
      assert.match(stdout, /^Usage:\n {2}vtopo check FILE\|DIRECTORY\.\.\./m);
    }
  });

  it('prints the help of a command with help COMMAND or COMMAND --help', async () => {
    const fromHelp = await vtopo('help', 'check');
    assert.equal(fromHelp.exitCode, 0);
    assert.match(fromHelp.stdout, /--fail-on LEVEL/);
    assert.equal((await vtopo('check', '--help')).stdout, fromHelp.stdout);
    assert.match((await vtopo('help', 'rules')).stdout, /^Usage: vtopo rules/);
  });

  it('prints the version of package.json', async () => {
    assert.deepEqual(await vtopo('--version'), { exitCode: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('vtopo: usage errors exit 2 with a message and a hint', () => {
  const cases: ReadonlyArray<{ readonly args: string[]; readonly message: string; readonly hint: string }> = [
    { args: [], message: 'missing command', hint: "Run 'vtopo --help' for usage." },
    { args: ['lint'], message: 'unknown command "lint"', hint: "Run 'vtopo --help' for usage." },
    { args: ['--verbose'], message: 'unknown option --verbose', hint: "Run 'vtopo --help' for usage." },
    { args: ['check'], message: 'missing FILE: name at least one .vtopo file or directory', hint: "Run 'vtopo help check' for usage." },
    { args: ['check', 'a.vtopo', '--strict'], message: 'unknown option --strict for "check"', hint: "Run 'vtopo help check' for usage." },
    { args: ['check', 'a.vtopo', '--format', 'xml'], message: 'invalid value "xml" for --format: expected text, json, sarif', hint: "Run 'vtopo help check' for usage." },
    { args: ['check', 'a.vtopo', '--fail-on'], message: 'option --fail-on needs a value', hint: "Run 'vtopo help check' for usage." },
    { args: ['check', 'a.vtopo', '--fail-on', 'fatal'], message: 'invalid value "fatal" for --fail-on: expected error, warning, info, hint, never', hint: "Run 'vtopo help check' for usage." },
    { args: ['rules', '--format', 'sarif'], message: 'invalid value "sarif" for --format: expected text, json', hint: "Run 'vtopo help rules' for usage." },
    { args: ['help', 'lint'], message: 'no help for "lint": the commands are check, simulate, report, import, rules, help', hint: "Run 'vtopo help help' for usage." },
  ];
  for (const { args, message, hint } of cases) {
    it(`vtopo ${args.join(' ')}`.trimEnd(), async () => {
      assert.deepEqual(await vtopo(...args), { exitCode: 2, stdout: '', stderr: `vtopo: ${message}\n${hint}\n` });
    });
  }

  it('reads a file named like an option after --', async () => {
    const { exitCode, stderr } = await vtopo('check', '--', '--strict');
    assert.equal(exitCode, 2);
    assert.equal(stderr, 'vtopo: --strict: no such file or directory\n');
  });
});

describe('vtopo rules', () => {
  it('lists every rule with its default severity, title and sources', async () => {
    const { exitCode, stdout } = await vtopo('rules');
    assert.equal(exitCode, 0);
    const output = stdout.trimEnd().split('\n');
    assert.equal(output.length, 2 * ALL_RULES.length);
    for (const meta of ALL_RULES) {
      const line = output.findIndex((text) => text.startsWith(`${meta.id} `));
      assert.match(output[line] ?? '', new RegExp(`^${meta.id} +${meta.defaultSeverity} +${meta.docs.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      assert.equal(output[line + 1]?.trim(), `sources: ${meta.docs.sources.join('; ')}`);
    }
  });

  it('gives the whole catalog as JSON with --format json', async () => {
    const { exitCode, stdout } = await vtopo('rules', '--format', 'json');
    assert.equal(exitCode, 0);
    const parsed: unknown = JSON.parse(stdout);
    assert.deepEqual(parsed, {
      version: 1,
      rules: ALL_RULES.map((meta) => ({
        id: meta.id,
        defaultSeverity: meta.defaultSeverity,
        fixable: meta.fixable,
        title: meta.docs.title,
        description: meta.docs.description,
        sources: [...meta.docs.sources],
      })),
    });
  });
});
