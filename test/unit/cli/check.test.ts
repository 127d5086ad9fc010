import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { badReferencesDesign } from '../../../bench/hostile';
import { BROKEN_DESIGN, inWorkspace, REPOSITORY_ROOT, runInDirectory, SEED_000 } from './harness';

const lines = (text: string) => text.trimEnd().split('\n');

describe('vtopo check: text output', () => {
  it('prints path:line:col: severity message [ruleId] with 1-based lines and columns', async () => {
    await inWorkspace({ 'designs/broken.vtopo': BROKEN_DESIGN }, async ({ vtopo }) => {
      const { stdout } = await vtopo('check', 'designs/broken.vtopo');
      const output = lines(stdout);
      // `memroy:` starts line 8 after four spaces of indentation.
      assert.ok(output.includes('designs/broken.vtopo:8:5: error unknown key "memroy". Did you mean "memory"? [unknown-key]'), stdout);
      // Columns count UTF-16 code units, as VS Code does: the emoji before `prd` counts two.
      assert.ok(output.some((line) => /^designs\/broken\.vtopo:9:40: error .*"prd".* \[unresolved-reference\]$/.test(line)), stdout);
      assert.ok(output.some((line) => /^designs\/broken\.vtopo:11:3: warning .*"av".* \[array-single-controller\]$/.test(line)), stdout);
    });
  });

  it('prints related places as indented notes under their finding', async () => {
    await inWorkspace({ 'broken.vtopo': BROKEN_DESIGN }, async ({ vtopo }) => {
      const output = lines((await vtopo('check', 'broken.vtopo')).stdout);
      const warning = output.findIndex((line) => line.endsWith('[array-single-controller]'));
      assert.equal(output[warning + 1], '  broken.vtopo:14:3: note: datastore "ds1" is on this array');
    });
  });

  it('escapes control characters from the design and its path, so that they cannot drive the terminal', async () => {
    const design = 'vtopo: 1\nname: x\nhosts:\n  "esx\\e[2J\\e[31m":\n    cpu: { cores: 8, speed: 2 GHz }\n    memory: 64 GB\n"k\\x9b31m\\x7f\\x00\\t": 1\n';
    await inWorkspace({ 'bad\u001b[31m.vtopo': design }, async ({ vtopo }) => {
      const { stdout, stderr } = await vtopo('check', 'bad\u001b[31m.vtopo', 'missing\u0007.vtopo');
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
      assert.doesNotMatch(stdout, controls, stdout);
      assert.doesNotMatch(stderr, controls, stderr);
      assert.ok(stdout.includes('"esx\\x1b[2J\\x1b[31m" is not a valid id'), stdout);
      assert.ok(stdout.includes('unknown key "k\\x9b31m\\x7f\\x00\\x09"'), stdout);
      assert.ok(stdout.startsWith('bad\\x1b[31m.vtopo:4:3: error '), stdout);
      assert.ok(stderr.includes('missing\\x07.vtopo'), stderr);
    });
  });

  it('ends with a summary that counts files and findings by severity', async () => {
    await inWorkspace({ 'a.vtopo': BROKEN_DESIGN, 'b.vtopo': BROKEN_DESIGN }, async ({ vtopo }) => {
      const output = lines((await vtopo('check', 'a.vtopo', 'b.vtopo')).stdout);
      const errors = output.filter((line) => / error .*\]$/.test(line)).length;
      const warnings = output.filter((line) => / warning .*\]$/.test(line)).length;
      assert.equal(output.at(-1), `2 files, ${errors} errors, ${warnings} warnings`);
    });
  });

  it('reports no error for examples/seed-000-fq1616r.vtopo: its LAN warnings and its hints (the HA capacity report)', async () => {
    const { exitCode, stdout, stderr } = await runInDirectory(REPOSITORY_ROOT, ['check', SEED_000]);
    assert.doesNotMatch(stdout, /: (error|info) /);
    // Management, vMotion and VM traffic on the two ports of one card, and the gateway as the only isolation address.
    const warned = [...stdout.matchAll(/: warning .* \[([a-z-]+)\]$/gm)].map((match) => match[1]).sort();
    assert.deepEqual(warned, ['heartbeat-single-path', 'management-network-spof', 'management-network-spof', 'migration-network', 'migration-network', 'vm-network-single-switch', 'vm-network-single-switch']);
    assert.match(stdout, /: hint HA capacity of cluster "prod" \(percentage policy\)/);
    assert.match(stdout, /^1 file, 0 errors, 7 warnings, 2 hints\n$/m);
    assert.equal(stderr, '');
    assert.equal(exitCode, 0);
  });
});

describe('vtopo check: exit codes', () => {
  it('exits 0 for a design without errors and 1 for a design with errors', async () => {
    assert.equal((await runInDirectory(REPOSITORY_ROOT, ['check', SEED_000])).exitCode, 0);
    await inWorkspace({ 'broken.vtopo': BROKEN_DESIGN }, async ({ vtopo }) => {
      assert.equal((await vtopo('check', 'broken.vtopo')).exitCode, 1);
    });
  });

  it('fails on warnings only when asked with --fail-on warning', async () => {
    // examples/seed-000-fq1616r.vtopo with its array switched to single-controller mode: warnings (the array's and the LAN's), no error.
    const seed = await readFile(join(REPOSITORY_ROOT, SEED_000), 'utf8');
    const singleController = seed.replace('mode: alua', 'mode: single');
    await inWorkspace({ 'single.vtopo': singleController }, async ({ vtopo }) => {
      assert.match((await vtopo('check', 'single.vtopo')).stdout, /0 errors, 8 warnings, 2 hints\n$/);
      assert.equal((await vtopo('check', 'single.vtopo')).exitCode, 0);
      assert.equal((await vtopo('check', 'single.vtopo', '--fail-on', 'error')).exitCode, 0);
      assert.equal((await vtopo('check', 'single.vtopo', '--fail-on', 'warning')).exitCode, 1);
      assert.equal((await vtopo('check', 'single.vtopo', '--fail-on=info')).exitCode, 1);
    });
  });

  it('never fails on findings with --fail-on never', async () => {
    await inWorkspace({ 'broken.vtopo': BROKEN_DESIGN }, async ({ vtopo }) => {
      assert.equal((await vtopo('check', 'broken.vtopo', '--fail-on', 'never')).exitCode, 0);
    });
  });

  it('exits 2 with a one-line message for a missing file, and still checks the others', async () => {
    await inWorkspace({ 'broken.vtopo': BROKEN_DESIGN }, async ({ vtopo }) => {
      const { exitCode, stdout, stderr } = await vtopo('check', 'nowhere.vtopo', 'broken.vtopo');
      assert.equal(exitCode, 2);
      assert.equal(stderr, 'vtopo: nowhere.vtopo: no such file or directory\n');
      assert.match(stdout, /^broken\.vtopo:8:5: error /m);
      assert.match(stdout, /^1 file, 3 errors, 2 warnings, 1 file not read$/m);
    });
  });

  it('exits 2 for a binary file, invalid UTF-8 and UTF-16 text', async () => {
    const files = {
      'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'latin1.vtopo': new Uint8Array([...Buffer.from('vtopo: 1\nname: Caf'), 0xe9, 0x0a]),
      'utf16.vtopo': new Uint8Array([0xff, 0xfe, ...Buffer.from('vtopo: 1\n', 'utf16le')]),
    };
    await inWorkspace(files, async ({ vtopo }) => {
      const { exitCode, stderr } = await vtopo('check', 'logo.png', 'latin1.vtopo', 'utf16.vtopo');
      assert.equal(exitCode, 2);
      assert.deepEqual(lines(stderr), [
        'vtopo: logo.png: not a text file (it contains NUL bytes)',
        'vtopo: latin1.vtopo: not valid UTF-8 text',
        'vtopo: utf16.vtopo: the file is UTF-16 text; save it as UTF-8',
      ]);
    });
  });

  it('reads UTF-8 with a byte order mark, counting columns after the mark', async () => {
    await inWorkspace({ 'bom.vtopo': `\uFEFF${BROKEN_DESIGN}` }, async ({ vtopo }) => {
      const { stdout } = await vtopo('check', 'bom.vtopo');
      assert.match(stdout, /^bom\.vtopo:8:5: error unknown key "memroy"/m);
    });
  });
});

describe('vtopo check: directories', () => {
  it('expands a directory to the .vtopo files under it, sorted, skipping hidden directories', async () => {
    const files = {
      'site/b.vtopo': BROKEN_DESIGN,
      'site/a/a.vtopo': BROKEN_DESIGN,
      'site/notes.txt': 'not a design',
      'site/.backup/old.vtopo': BROKEN_DESIGN,
    };
    await inWorkspace(files, async ({ vtopo }) => {
      const { stdout } = await vtopo('check', 'site');
      const checked = [...new Set(lines(stdout).flatMap((line) => /^(\S+\.vtopo):/.exec(line)?.[1] ?? []))];
      assert.deepEqual(checked, ['site/a/a.vtopo', 'site/b.vtopo']);
      assert.match(stdout, /^2 files, /m);
    });
  });

  it('checks a file once, however often it is named', async () => {
    await inWorkspace({ 'site/a.vtopo': BROKEN_DESIGN }, async ({ vtopo }) => {
      const { stdout } = await vtopo('check', 'site/a.vtopo', './site/a.vtopo', 'site');
      assert.match(stdout, /^1 file, /m);
    });
  });

  it('exits 2 for a directory without designs', async () => {
    await inWorkspace({ 'empty/readme.txt': 'nothing here' }, async ({ vtopo }) => {
      const { exitCode, stderr } = await vtopo('check', 'empty');
      assert.equal(exitCode, 2);
      assert.equal(stderr, 'vtopo: empty: no .vtopo files in this directory\n');
    });
  });
});

describe('vtopo check: input limits', () => {
  it('reports a 50 MB file as an input-limit finding without reading it', async () => {
    const fiftyMegabytes = new Uint8Array(50 * 1024 * 1024).fill(0x23); // '#': one long comment
    await inWorkspace({ 'huge.vtopo': fiftyMegabytes }, async ({ vtopo }) => {
      const { exitCode, stdout, stderr } = await vtopo('check', 'huge.vtopo');
      assert.equal(stderr, '');
      assert.equal(stdout, 'huge.vtopo:1:1: error file is too large to analyze (50.0 MB; the limit is 16 MB) [input-limit]\n1 file, 1 error, 0 warnings\n');
      assert.equal(exitCode, 1);
    });
  });

  it('lets the analyzer report a file over its character limit that is small enough to read', async () => {
    const twentyMegabytes = `vtopo: 1\n${'#'.repeat(20 * 1024 * 1024)}\n`;
    await inWorkspace({ 'large.vtopo': twentyMegabytes }, async ({ vtopo }) => {
      const { exitCode, stdout } = await vtopo('check', 'large.vtopo');
      assert.match(stdout, /^large\.vtopo:1:1: error file is too large to analyze \(20\.0 MB; the limit is 16 MB\) \[input-limit\]$/m);
      assert.equal(exitCode, 1);
    });
  });
});

describe('vtopo check: a rule with more findings than are listed', () => {
  // 1,500 VMs on a host that is not declared: 1,500 unresolved references, of which 1,000 are listed.
  const design = badReferencesDesign(1500);

  it('prints the listed findings and the summary, counts every finding, and still fails', async () => {
    await inWorkspace({ 'many.vtopo': design }, async ({ vtopo }) => {
      const { exitCode, stdout } = await vtopo('check', 'many.vtopo');
      assert.equal(exitCode, 1);
      const output = lines(stdout);
      assert.equal(output.filter((line) => line.endsWith('[unresolved-reference]')).length, 1001);
      assert.match(stdout, /^many\.vtopo:\d+:\d+: error … and 500 more like this \(only the first 1,000 of rule unresolved-reference are listed\) \[unresolved-reference\]$/m);
      const errors = /^1 file, (\d+) errors/.exec(output.at(-1) ?? '')?.[1];
      const listedErrors = output.filter((line) => / error .*\]$/.test(line)).length;
      assert.equal(Number(errors), listedErrors - 1 + 500, 'the summary line counts the unlisted findings');
    });
  });

  it('gives the summary finding its count in JSON and SARIF', async () => {
    await inWorkspace({ 'many.vtopo': design }, async ({ vtopo }) => {
      const json = JSON.parse((await vtopo('check', 'many.vtopo', '--format', 'json')).stdout) as {
        files: Array<{ findings: Array<{ ruleId: string; omitted?: number }> }>;
        summary: { findings: { error: number } };
      };
      const findings = json.files[0]?.findings ?? [];
      assert.deepEqual(findings.filter((f) => f.omitted !== undefined).map((f) => [f.ruleId, f.omitted]), [['unresolved-reference', 500]]);
      assert.ok(json.summary.findings.error >= 1500);
      const sarif = JSON.parse((await vtopo('check', 'many.vtopo', '--format', 'sarif')).stdout) as {
        runs: Array<{ results: Array<{ ruleId: string; properties?: { omitted?: number } }> }>;
      };
      const results = sarif.runs[0]?.results ?? [];
      assert.equal(results.length, findings.length);
      assert.deepEqual(results.filter((r) => r.properties?.omitted !== undefined).map((r) => [r.ruleId, r.properties?.omitted]), [['unresolved-reference', 500]]);
    });
  });
});
